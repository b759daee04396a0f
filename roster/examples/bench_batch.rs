//! The roster batch natively, stage by stage, for a generated file:
//!
//! ```text
//! cargo run -p roster --release --example bench_batch -- 100000 [--pack 441521] [--gbk] [--runs 3]
//! ```
//!
//! Prints, per run, the time of each stage (decode, read rows into
//! households, screen, the whole `run`, the CSV export, the results as
//! JSON) and rows/s and households/s of the whole `run`; then the best and
//! the median run. The 1-minute load average is printed with them (the
//! machine is shared).

use roster::{Batch, Item, Labels, Reader, decode, encode_gbk, export_csv, run, sample};
use rules_core::{Date, packs};
use std::hint::black_box;
use std::time::Instant;

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let mut rows = 100_000;
    let mut pack_code = "441521".to_owned();
    let mut gbk = false;
    let mut runs = 3;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--pack" => pack_code = args.next().expect("--pack CODE"),
            "--gbk" => gbk = true,
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).expect("--runs N"),
            n => rows = n.parse().expect("the number of rows"),
        }
    }
    let pack = packs::embedded_pack(&pack_code).expect("pack");
    let date = Date::parse("2025-06-01").expect("date");
    let s = sample::generate(rows, 50, 0x9E37_79B9_7F4A_7C15);
    let bytes = if gbk {
        encode_gbk(&s.text).expect("gbk")
    } else {
        s.text.clone().into_bytes()
    };
    println!(
        "{} rows, {} households, {} bad rows, {:.1} MB {}, pack {pack_code}",
        s.rows,
        s.households,
        s.bad_rows,
        bytes.len() as f64 / 1e6,
        if gbk { "GBK" } else { "UTF-8" }
    );
    let mut whole = Vec::new();
    for i in 0..runs {
        let load_before = load();
        let t = Instant::now();
        let d = decode(&bytes);
        let t_decode = ms(t);

        let t = Instant::now();
        let items: Vec<Item> = Reader::new(&d.text).expect("header").collect();
        let t_read = ms(t);

        let t = Instant::now();
        let mut batch = Batch::new(&pack, date);
        let mut screened = 0;
        for item in items {
            if let Item::Household(e) = item {
                black_box(batch.screen(e));
                screened += 1;
            }
        }
        let t_screen = ms(t);

        let t = Instant::now();
        let results = run(&bytes, &pack, date, 1000, |p| {
            black_box(p);
        });
        let t_run = ms(t);
        assert_eq!(results.households.len(), screened);

        let t = Instant::now();
        let csv = export_csv(&results, &Labels::default());
        let t_export = ms(t);

        let t = Instant::now();
        let json = serde_json::to_string(&results).expect("json");
        let t_json = ms(t);

        println!(
            "run {}: decode {t_decode:.0} ms, read {t_read:.0} ms, screen {t_screen:.0} ms | \
             run {t_run:.0} ms = {:.0} rows/s, {:.0} households/s | export {t_export:.0} ms ({:.1} MB), \
             results JSON {t_json:.0} ms ({:.1} MB) | load {load_before} → {}",
            i + 1,
            s.rows as f64 / t_run * 1000.0,
            screened as f64 / t_run * 1000.0,
            csv.len() as f64 / 1e6,
            json.len() as f64 / 1e6,
            load()
        );
        whole.push(t_run);
    }
    whole.sort_by(f64::total_cmp);
    let best = whole[0];
    let median = whole[whole.len() / 2];
    println!(
        "run: best {best:.0} ms ({:.0} households/s), median {median:.0} ms ({:.0} households/s)",
        s.households as f64 / best * 1000.0,
        s.households as f64 / median * 1000.0
    );
}
