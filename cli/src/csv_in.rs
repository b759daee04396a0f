//! Batch CSV input: one row per member; consecutive rows with the same
//! `household_id` form one household. Household columns are read from the
//! household's first row. An empty cell means "unknown".
//!
//! The header (any order, unknown columns are an error):
//!
//! ```text
//! household_id,relation,age,birth_date,sex,hukou_local,hukou_kind,residence_permit,
//! disability_category,disability_grade,serious_illness,self_care,student,work_capacity,
//! employment,wages,other_income,excluded_income,union_member,orphan_status,care_mode,
//! money_assets,cars,homes,runs_business,current_benefits,emergency,housing_difficulty,
//! spending_medical,spending_education,spending_rehabilitation,supporters,living,
//! job_started,two_cancers_diagnosis,hospital_level,hospital_days,monitoring_target,
//! recent_death,legal_matter
//! ```

use crate::{Mode, write_result};
use rules_core::{Date, Household, Pack, Screener};
use serde_json::{Map, Value};
use std::io::{BufRead, Write};

/// The documented columns.
pub const COLUMNS: &[&str] = &[
    "household_id",
    "relation",
    "age",
    "birth_date",
    "sex",
    "hukou_local",
    "hukou_kind",
    "residence_permit",
    "disability_category",
    "disability_grade",
    "serious_illness",
    "self_care",
    "student",
    "work_capacity",
    "employment",
    "wages",
    "other_income",
    "excluded_income",
    "union_member",
    "orphan_status",
    "care_mode",
    "money_assets",
    "cars",
    "homes",
    "runs_business",
    "current_benefits",
    "emergency",
    "housing_difficulty",
    "spending_medical",
    "spending_education",
    "spending_rehabilitation",
    "supporters",
    "living",
    "job_started",
    "two_cancers_diagnosis",
    "hospital_level",
    "hospital_days",
    "monitoring_target",
    "recent_death",
    "legal_matter",
];

/// Splits one CSV record (RFC 4180 quoting within a line).
fn split(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) if cur.is_empty() => quoted = true,
            ('"', true) => {
                if chars.peek() == Some(&'"') {
                    cur.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    if quoted {
        return Err("unterminated quoted field".to_owned());
    }
    out.push(cur);
    Ok(out)
}

fn boolean(col: &str, v: &str) -> Result<Value, String> {
    match v.to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" | "是" => Ok(Value::Bool(true)),
        "false" | "no" | "0" | "否" => Ok(Value::Bool(false)),
        _ => Err(format!("{col}: expected true/false, found {v:?}")),
    }
}

fn number(col: &str, v: &str) -> Result<Value, String> {
    v.parse::<u64>()
        .map(Value::from)
        .map_err(|_| format!("{col}: expected a whole number, found {v:?}"))
}

fn decimal(col: &str, v: &str) -> Result<Value, String> {
    v.parse::<rust_decimal::Decimal>()
        .map(|d| Value::String(d.to_string()))
        .map_err(|_| format!("{col}: expected an amount, found {v:?}"))
}

struct Row<'a> {
    cells: Vec<(&'a str, String)>,
}

impl Row<'_> {
    fn get(&self, col: &str) -> Option<&str> {
        self.cells
            .iter()
            .find(|(c, _)| *c == col)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }
}

fn member(row: &Row<'_>) -> Result<Value, String> {
    let mut m = Map::new();
    let mut hukou = Map::new();
    let mut disability = Map::new();
    for col in [
        "relation",
        "sex",
        "self_care",
        "student",
        "work_capacity",
        "employment",
        "orphan_status",
        "care_mode",
        "supporters",
        "living",
    ] {
        if let Some(v) = row.get(col) {
            m.insert(col.to_owned(), Value::String(v.to_owned()));
        }
    }
    if let Some(v) = row.get("age") {
        m.insert("age".into(), number("age", v)?);
    }
    for col in ["birth_date", "job_started"] {
        if let Some(v) = row.get(col) {
            m.insert(col.to_owned(), Value::String(v.to_owned()));
        }
    }
    if row.get("hospital_level").is_some() || row.get("hospital_days").is_some() {
        let mut stay = Map::new();
        if let Some(v) = row.get("hospital_level") {
            stay.insert("level".into(), Value::String(v.to_owned()));
        }
        if let Some(v) = row.get("hospital_days") {
            stay.insert("days".into(), number("hospital_days", v)?);
        }
        m.insert("hospital_stay".into(), Value::Object(stay));
    }
    for col in ["serious_illness", "union_member", "two_cancers_diagnosis"] {
        if let Some(v) = row.get(col) {
            m.insert(col.to_owned(), boolean(col, v)?);
        }
    }
    if let Some(v) = row.get("hukou_local") {
        hukou.insert("local".into(), boolean("hukou_local", v)?);
    }
    if let Some(v) = row.get("hukou_kind") {
        hukou.insert("kind".into(), Value::String(v.to_owned()));
    }
    if let Some(v) = row.get("residence_permit") {
        hukou.insert("residence_permit".into(), boolean("residence_permit", v)?);
    }
    m.insert("hukou".into(), Value::Object(hukou));
    match row.get("disability_category") {
        Some("none") => {
            disability.insert("has".into(), Value::Bool(false));
        }
        Some(v) => {
            disability.insert("category".into(), Value::String(v.to_owned()));
        }
        None => {}
    }
    if let Some(v) = row.get("disability_grade") {
        disability.insert("grade".into(), number("disability_grade", v)?);
    }
    if !disability.is_empty() {
        m.insert("disability".into(), Value::Object(disability));
    }
    // All three income cells empty = income unknown; otherwise the empty ones are none.
    let kinds = [
        ("wages", "wages"),
        ("other_income", "other_counted"),
        ("excluded_income", "other_excluded"),
    ];
    if kinds.iter().any(|(c, _)| row.get(c).is_some()) {
        let mut incomes = Vec::new();
        for (col, kind) in kinds {
            if let Some(v) = row.get(col) {
                incomes.push(serde_json::json!({ "kind": kind, "monthly": decimal(col, v)? }));
            }
        }
        m.insert("incomes".into(), Value::Array(incomes));
    }
    Ok(Value::Object(m))
}

fn household_facts(row: &Row<'_>, h: &mut Map<String, Value>) -> Result<(), String> {
    if let Some(v) = row.get("money_assets") {
        h.insert("money_assets".into(), decimal("money_assets", v)?);
    }
    for col in ["cars", "homes"] {
        if let Some(v) = row.get(col) {
            h.insert(col.to_owned(), number(col, v)?);
        }
    }
    for col in [
        "runs_business",
        "housing_difficulty",
        "monitoring_target",
        "recent_death",
        "legal_matter",
    ] {
        if let Some(v) = row.get(col) {
            h.insert(col.to_owned(), boolean(col, v)?);
        }
    }
    if let Some(v) = row.get("emergency") {
        h.insert("emergency".into(), Value::String(v.to_owned()));
    }
    if let Some(v) = row.get("current_benefits") {
        let list: Vec<Value> = if v == "none" {
            Vec::new()
        } else {
            v.split(';')
                .filter(|s| !s.trim().is_empty())
                .map(|p| serde_json::json!({ "program": p.trim() }))
                .collect()
        };
        h.insert("current_benefits".into(), Value::Array(list));
    }
    let mut spending = Map::new();
    for (col, key) in [
        ("spending_medical", "medical"),
        ("spending_education", "education"),
        ("spending_rehabilitation", "rehabilitation"),
    ] {
        if let Some(v) = row.get(col) {
            spending.insert(key.into(), decimal(col, v)?);
        }
    }
    h.insert("spending_12m".into(), Value::Object(spending));
    Ok(())
}

struct Pending {
    id: String,
    first_line: usize,
    household: Map<String, Value>,
    members: Vec<Value>,
    error: Option<(usize, String)>,
}

fn finish(p: Pending, screener: &Screener<'_>, mode: Mode, out: &mut impl Write) {
    let (line, result) = match p.error {
        Some((line, e)) => (line, Err(e)),
        None => {
            let mut h = p.household;
            h.insert("members".into(), Value::Array(p.members));
            let r = serde_json::from_value::<Household>(Value::Object(h))
                .map(|h| mode.screen(screener, &h))
                .map_err(|e| e.to_string());
            (p.first_line, r)
        }
    };
    write_result(out, line, Some(&p.id), result);
}

/// Runs a CSV batch, writing one JSON line per household.
pub fn batch_csv(pack: &Pack, date: Date, mode: Mode, input: impl BufRead, out: &mut impl Write) {
    // The pack resolved once for the date, not per household.
    let screener = Screener::new(pack, date);
    let mut lines = input.lines().enumerate();
    let header: Vec<String> = loop {
        match lines.next() {
            None => return,
            Some((n, Ok(l))) if l.trim().is_empty() => {
                let _ = n;
            }
            Some((n, Ok(l))) => match split(l.trim_start_matches('\u{feff}')) {
                Ok(h) => break h.into_iter().map(|c| c.trim().to_owned()).collect(),
                Err(e) => return write_result(out, n + 1, None, Err(format!("header: {e}"))),
            },
            Some((n, Err(e))) => return write_result(out, n + 1, None, Err(e.to_string())),
        }
    };
    let cols: Vec<&'static str> = match header
        .iter()
        .map(|h| {
            COLUMNS
                .iter()
                .copied()
                .find(|c| c == h)
                .ok_or_else(|| h.clone())
        })
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(c) if c.contains(&"household_id") => c,
        Ok(_) => {
            return write_result(
                out,
                1,
                None,
                Err("header: household_id column is required".into()),
            );
        }
        Err(unknown) => {
            return write_result(
                out,
                1,
                None,
                Err(format!("header: unknown column {unknown:?}")),
            );
        }
    };
    let mut pending: Option<Pending> = None;
    for (n, line) in lines {
        let line_no = n + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                write_result(out, line_no, None, Err(e.to_string()));
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let cells = match split(&line) {
            Ok(c) if c.len() == cols.len() => c,
            Ok(c) => {
                write_result(
                    out,
                    line_no,
                    None,
                    Err(format!("expected {} cells, found {}", cols.len(), c.len())),
                );
                continue;
            }
            Err(e) => {
                write_result(out, line_no, None, Err(e));
                continue;
            }
        };
        let row = Row {
            cells: cols.iter().copied().zip(cells).collect(),
        };
        let id = row.get("household_id").unwrap_or_default().to_owned();
        if pending.as_ref().is_none_or(|p| p.id != id) {
            if let Some(p) = pending.take() {
                finish(p, &screener, mode, out);
            }
            let mut household = Map::new();
            let error = household_facts(&row, &mut household)
                .err()
                .map(|e| (line_no, e));
            pending = Some(Pending {
                id: id.clone(),
                first_line: line_no,
                household,
                members: Vec::new(),
                error,
            });
        }
        if let Some(p) = pending.as_mut() {
            match member(&row) {
                Ok(m) => p.members.push(m),
                Err(e) => {
                    if p.error.is_none() {
                        p.error = Some((line_no, e));
                    }
                }
            }
        }
    }
    if let Some(p) = pending.take() {
        finish(p, &screener, mode, out);
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn splits_quoted_fields() {
        assert_eq!(
            split(r#"a,"b,c","d""e",,"#).unwrap(),
            ["a", "b,c", "d\"e", "", ""]
        );
        assert!(split(r#"a,"b"#).is_err());
    }
}
