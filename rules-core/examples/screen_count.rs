//! Screens the benchmark's 4-person household (`benches/family.json`, 海丰
//! 2025-06-01) N times in one mode, for counting instructions without the
//! benchmark harness:
//!
//! ```sh
//! cargo build --release -p rules-core --example screen_count
//! for n in 100 1100; do valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!   target/release/examples/screen_count screen $n; done
//! ```
//!
//! The difference of the two totals over 1000 is the cost of one screening.
//! Modes: `screen` (the free function, as the benchmark's first line),
//! `screener` (`Screener::screen`), `brief` (`Screener::screen_brief`),
//! `summary` (`Screener::summarize`, the batch path).

use rules_core::{Date, Household, Screener, packs, screen};
use std::hint::black_box;

// The allocator the native tools (the `screen` CLI, the server) use.
#[global_allocator]
static ALLOCATOR: native_alloc::Mimalloc = native_alloc::Mimalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "screen".to_owned());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let pack = packs::embedded_pack("441521").expect("pack");
    let h: Household =
        serde_json::from_str(include_str!("../benches/family.json")).expect("household");
    let on = Date::parse("2025-06-01").expect("date");
    let screener = Screener::new(&pack, on);
    let mut briefs = Vec::new();
    let mut decisions = 0;
    for _ in 0..n {
        match mode.as_str() {
            "screen" => decisions += screen(black_box(&pack), black_box(&h), on).decisions.len(),
            "screener" => decisions += black_box(&screener).screen(black_box(&h)).decisions.len(),
            "brief" => {
                decisions += black_box(&screener)
                    .screen_brief(black_box(&h))
                    .decisions
                    .len()
            }
            "summary" => {
                black_box(&screener).summarize(black_box(&h), &mut briefs);
                decisions += briefs.len();
            }
            other => {
                eprintln!("unknown mode {other:?}: screen, screener, brief or summary");
                std::process::exit(2);
            }
        }
    }
    println!("{decisions} decisions");
}
