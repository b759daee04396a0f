//! Writes a generated roster CSV (see `roster::sample`) to standard output:
//!
//! ```text
//! cargo run -p roster --release --example gen_roster -- 100000 > roster.csv
//! cargo run -p roster --example gen_roster -- 10000 --bad-every 97 --gbk > roster-gbk.csv
//! ```
//!
//! Arguments: the number of data rows (default 1000); `--bad-every N`: one
//! bad row in every N-th household (default 50, 0 for none); `--seed N`;
//! `--gbk`: encode as GBK instead of UTF-8. A summary goes to standard error.

use std::io::Write;

fn main() {
    let mut rows = 1000;
    let mut bad_every = 50;
    let mut seed = 0x9E37_79B9_7F4A_7C15;
    let mut gbk = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| -> u64 {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{name} needs a number"))
        };
        match a.as_str() {
            "--bad-every" => bad_every = value("--bad-every") as usize,
            "--seed" => seed = value("--seed"),
            "--gbk" => gbk = true,
            n => rows = n.parse().expect("the number of rows"),
        }
    }
    let sample = roster::sample::generate(rows, bad_every, seed);
    let bytes = if gbk {
        roster::encode_gbk(&sample.text).expect("the sample is GBK-encodable")
    } else {
        sample.text.into_bytes()
    };
    std::io::stdout().lock().write_all(&bytes).expect("write");
    eprintln!(
        "{} rows, {} households, {} bad rows",
        sample.rows, sample.households, sample.bad_rows
    );
}
