//! One full screening of a 4-person household across all programs
//! (target ≤ 20 µs native). Run: `cargo bench -p rules-core --bench screen`.

use criterion::{Criterion, criterion_group, criterion_main};
use rules_core::{Date, Household, Screener, packs, screen, screen_brief};
use std::hint::black_box;

// The allocator the native tools (the `screen` CLI, the server) use.
#[global_allocator]
static ALLOCATOR: native_alloc::Mimalloc = native_alloc::Mimalloc;

/// The household screened (also used by `examples/screen_count.rs`).
const FAMILY: &str = include_str!("family.json");

fn bench(c: &mut Criterion) {
    let pack = packs::embedded_pack("441521").expect("pack");
    let h: Household = serde_json::from_str(FAMILY).expect("household");
    let on = Date::parse("2025-06-01").expect("date");
    c.bench_function("screen 4-person household, all programs (海丰)", |b| {
        b.iter(|| screen(black_box(&pack), black_box(&h), black_box(on)))
    });
    c.bench_function("screen_brief (no reasons) 4-person household", |b| {
        b.iter(|| screen_brief(black_box(&pack), black_box(&h), black_box(on)))
    });
    // The batch path: the pack resolved once for the date.
    let screener = Screener::new(&pack, on);
    c.bench_function(
        "Screener::screen 4-person household (pack resolved once)",
        |b| b.iter(|| black_box(&screener).screen(black_box(&h))),
    );
    c.bench_function(
        "Screener::screen_brief 4-person household (batch path)",
        |b| b.iter(|| black_box(&screener).screen_brief(black_box(&h))),
    );
    c.bench_function("parse household JSON + screen", |b| {
        b.iter(|| {
            let h: Household = serde_json::from_str(black_box(FAMILY)).expect("household");
            screen(&pack, &h, on)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
