//! Generates N pseudo-random households as JSON Lines for the batch benchmark:
//! `cargo run -p rules-core --release --example gen_households -- 1000000 > h.jsonl`.
//! A fixed-seed xorshift generator keeps the data reproducible.

use std::io::Write;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let kinds = ["urban", "rural"];
    let rels = ["applicant", "spouse", "child", "parent"];
    for _ in 0..n {
        let size = 1 + rng.below(5);
        let kind = kinds[rng.below(2) as usize];
        let mut members = Vec::new();
        for i in 0..size {
            let age = rng.below(90);
            let wage = rng.below(4000);
            let grade = 1 + rng.below(4);
            let disability = if rng.below(8) == 0 {
                format!(r#"{{"category":"physical","grade":{grade}}}"#)
            } else {
                r#"{"has":false}"#.to_owned()
            };
            members.push(format!(
                r#"{{"relation":"{}","age":{age},"hukou":{{"local":true,"kind":"{kind}"}},"disability":{disability},"supporters":"{}","incomes":[{{"kind":"wages","monthly":"{wage}"}}]}}"#,
                rels[(i as usize).min(3)],
                if rng.below(3) == 0 { "none" } else { "able" },
            ));
        }
        let _ = writeln!(
            out,
            r#"{{"money_assets":"{}","cars":{},"homes":1,"runs_business":false,"current_benefits":[],"members":[{}]}}"#,
            rng.below(30000),
            rng.below(4) / 3,
            members.join(",")
        );
    }
}
