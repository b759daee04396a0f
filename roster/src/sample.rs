//! Pseudo-random rosters for tests and benchmarks: every documented column,
//! realistic mixes (rural and urban, elders, children, disability, low
//! wages, held benefits), Chinese household ids and 是/否 answers (so a GBK
//! copy differs from the UTF-8 one), and some bad rows of every kind the
//! reader reports. A fixed-seed xorshift keeps a file reproducible.

use crate::columns::header_line;
use std::fmt::Write;

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

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len() as u64) as usize]
    }

    fn chance(&mut self, one_in: u64) -> bool {
        self.below(one_in) == 0
    }
}

/// What [`generate`] wrote.
#[derive(Clone, Debug)]
pub struct Sample {
    pub text: String,
    /// Data rows (the header not counted).
    pub rows: usize,
    pub households: usize,
    /// Rows made bad on purpose.
    pub bad_rows: usize,
}

/// The kinds of bad rows, in turn.
const BAD_KINDS: u64 = 6;

/// A roster of about `rows` data rows (whole households, so up to four
/// more); every `bad_every`-th household (0: none) gets one bad row.
pub fn generate(rows: usize, bad_every: usize, seed: u64) -> Sample {
    let mut rng = Rng(seed | 1);
    let mut text = String::with_capacity(rows * 120);
    text.push_str(&header_line());
    text.push('\n');
    let mut written = 0;
    let mut households = 0;
    let mut bad_rows = 0;
    let mut bad_kind = 0;
    while written < rows {
        households += 1;
        let id = format!("户{households:06}");
        let size = 1 + rng.below(5) as usize;
        let bad_member = (bad_every > 0 && households % bad_every == 0).then(|| {
            bad_rows += 1;
            bad_kind = (bad_kind + 1) % BAD_KINDS;
            (rng.below(size as u64) as usize, bad_kind)
        });
        let kind = if rng.chance(3) { "urban" } else { "rural" };
        let poor = rng.chance(3);
        for i in 0..size {
            let mut cells = member(&mut rng, i, kind, poor);
            if i == 0 {
                household(&mut rng, &mut cells, poor);
            }
            cells[0] = id.clone();
            let mut line = cells.join(",");
            if let Some((_, k)) = bad_member.filter(|&(at, _)| at == i) {
                line = spoil(line, &cells, k);
            }
            text.push_str(&line);
            text.push('\n');
            written += 1;
        }
        // Now and then a blank line or an Excel row of commas between
        // households: skipped, not bad.
        if rng.chance(500) {
            text.push_str(if rng.chance(2) { "\n" } else { ",,,,\n" });
        }
    }
    Sample {
        text,
        rows: written,
        households,
        bad_rows,
    }
}

/// One bad row of kind `k`.
fn spoil(line: String, cells: &[String], k: u64) -> String {
    let mut cells = cells.to_vec();
    match k {
        0 => cells[2] = "六十".to_owned(),       // age: not a number
        1 => cells[1] = "cousin".to_owned(),     // relation: unknown value
        2 => cells[3] = "1990-13-01".to_owned(), // birth_date: no such month
        3 => return format!("{line},extra"),     // one cell too many
        4 => cells[15] = "1,200".to_owned(), // wages with a thousands comma: unquoted, it splits the row
        _ => cells[10] = "maybe".to_owned(), // serious_illness: not a yes/no
    }
    cells.join(",")
}

/// A member's 40 cells (the household columns empty).
fn member(rng: &mut Rng, i: usize, kind: &str, poor: bool) -> Vec<String> {
    let mut c = vec![String::new(); crate::COLUMNS.len()];
    let age = match i {
        0 => 25 + rng.below(70),
        1 => 25 + rng.below(60),
        _ => rng.below(85),
    };
    c[1] = match i {
        0 => "applicant",
        1 => "spouse",
        _ if age < 18 => "child",
        _ if age > 60 => "parent",
        _ => rng.pick(&["child", "sibling", "grandchild"]),
    }
    .to_owned();
    if rng.chance(4) {
        // A birth date instead of an age.
        let _ = write!(
            c[3],
            "{}-{:02}-{:02}",
            2024 - age,
            1 + rng.below(12),
            1 + rng.below(28)
        );
    } else {
        c[2] = age.to_string();
    }
    c[4] = rng.pick(&["male", "female"]).to_owned();
    c[5] = rng.pick(&["是", "true", "是", "yes"]).to_owned();
    c[6] = kind.to_owned();
    if rng.chance(10) {
        c[7] = rng.pick(&["否", "false"]).to_owned();
    }
    if rng.chance(7) {
        c[8] = rng
            .pick(&[
                "physical",
                "intellectual",
                "mental",
                "visual",
                "hearing",
                "speech",
                "multiple",
            ])
            .to_owned();
        c[9] = (1 + rng.below(4)).to_string();
        c[11] = rng.pick(&["full", "partial", "none"]).to_owned();
    } else if rng.chance(2) {
        c[8] = "none".to_owned();
    }
    c[10] = rng.pick(&["否", "否", "否", "是", ""]).to_owned();
    if age < 23 {
        c[12] = match age {
            0..=2 => "not_student",
            3..=5 => "preschool",
            6..=11 => "primary",
            12..=14 => "junior_secondary",
            15..=17 => "senior_secondary",
            _ => rng.pick(&["undergraduate", "vocational", "not_student"]),
        }
        .to_owned();
        if age < 18 && rng.chance(40) {
            c[19] = rng.pick(&["orphan", "de_facto_unsupported"]).to_owned();
            c[20] = rng.pick(&["dispersed", "centralised"]).to_owned();
        }
    }
    if (18..60).contains(&age) {
        c[13] = rng.pick(&["full", "full", "partial", "none"]).to_owned();
        c[14] = rng
            .pick(&["employed", "self_employed", "unemployed", "not_working"])
            .to_owned();
        let wage = if poor {
            rng.below(900)
        } else {
            rng.below(5000)
        };
        c[15] = if c[14] == "employed" {
            wage.to_string()
        } else {
            "0".to_owned()
        };
        if rng.chance(20) {
            c[18] = rng.pick(&["是", "否"]).to_owned();
            c[33] = format!("2024-{:02}-01", 1 + rng.below(12));
        }
    } else if age >= 60 {
        c[13] = "none".to_owned();
        c[15] = "0".to_owned();
        c[16] = if poor { "0" } else { "1800" }.to_owned();
        c[17] = "180".to_owned();
    } else if rng.chance(8) {
        // Income unknown: all three cells empty.
    } else {
        c[15] = "0".to_owned();
    }
    c[31] = rng.pick(&["able", "able", "none", "unable"]).to_owned();
    c[32] = if rng.chance(60) {
        rng.pick(&["institution", "imprisoned", "missing"])
    } else {
        "together"
    }
    .to_owned();
    if c[4] == "female" && rng.chance(60) {
        c[34] = "是".to_owned();
    }
    if rng.chance(30) {
        c[35] = rng.pick(&["township", "county", "city"]).to_owned();
        c[36] = (1 + rng.below(30)).to_string();
    }
    c
}

/// The household columns, on its first row.
fn household(rng: &mut Rng, c: &mut [String], poor: bool) {
    c[21] = if poor {
        rng.below(8000)
    } else {
        rng.below(80000)
    }
    .to_string();
    c[22] = if rng.chance(5) { "1" } else { "0" }.to_owned();
    c[23] = (rng.below(3)).to_string();
    c[24] = rng.pick(&["否", "false", "否", "是"]).to_owned();
    c[25] = rng
        .pick(&[
            "none",
            "none",
            "none",
            "dibao",
            "dibao;medical",
            "tekun",
            "dibao_edge",
            "",
        ])
        .to_owned();
    c[26] = rng
        .pick(&["none", "none", "none", "none", "sudden_illness", "fire", ""])
        .to_owned();
    c[27] = rng.pick(&["否", "否", "是"]).to_owned();
    c[28] = rng.below(30000).to_string();
    c[29] = rng.below(8000).to_string();
    c[30] = if rng.chance(10) { "12000" } else { "0" }.to_owned();
    c[37] = rng.pick(&["否", "否", "是"]).to_owned();
    c[38] = rng.pick(&["否", "否", "否", "是"]).to_owned();
    c[39] = rng.pick(&["否", "否", "是"]).to_owned();
}
