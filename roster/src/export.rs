//! The results as a CSV for Excel and WPS: UTF-8 with a BOM (without it
//! Excel on a Chinese Windows reads the file as GBK), CRLF line ends.
//!
//! **One row per household**, with two columns per program the pack runs
//! (its outcome and its amount), because that is what a social worker
//! filtering in Excel needs: each row is a family to contact, a filter on
//! one program's column ("likely, not receiving") is the outreach list for
//! that program, and 100,000 households stay within Excel's 1,048,576 rows
//! (one row per household × program would not). Columns:
//!
//! | column | content |
//! |---|---|
//! | row | the household's first row in the uploaded file |
//! | household_id | as uploaded |
//! | members | its member rows |
//! | likely_not_receiving | the programs that are likely and that `current_benefits` does not list (see [`crate::covers`]); empty when `current_benefits` was empty (unknown) |
//! | *program* | `likely_not_receiving`, `likely`, `possible` or `unlikely` |
//! | *program* (*unit*) | the amount: a plain number when every amount of the program has the same period (the unit is then in the header, so Excel can sort it), else the number with its unit in the cell; shares as percentages |
//! | problem | for a bad row (or a household with one): the reason; its program cells are empty |
//!
//! Rows follow the uploaded file. Headers and outcome words come from
//! [`Labels`] (the console passes its translations; [`Labels::default`] is
//! the ids above). A cell taken from the upload that starts with `=`, `+`,
//! `-`, `@`, or a tab or CR is prefixed with `'` so that Excel does not run
//! it as a formula.

use crate::batch::{HouseholdResult, Results};
use crate::parse::Problem;
use rules_core::{Amount, Bound, Outcome, Period, ProgramId};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Words of the export; each defaults to the column's or value's id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Labels {
    pub row: String,
    pub household_id: String,
    pub members: String,
    pub likely_not_receiving_column: String,
    pub problem: String,
    /// The amount column's header: `{program}` and `{unit}` are replaced.
    pub amount: String,
    /// The amount column's header when the unit varies: `{program}`.
    pub amount_mixed: String,
    pub likely_not_receiving: String,
    pub likely: String,
    pub possible: String,
    pub unlikely: String,
    pub month: String,
    pub year: String,
    pub once: String,
    pub day: String,
    pub share: String,
    /// Before a ceiling ("up to").
    pub up_to: String,
    /// Before a floor ("at least").
    pub at_least: String,
    /// Between the programs in the `likely_not_receiving` column.
    pub separator: String,
    /// Program names by id; a missing one is written as its id.
    pub programs: BTreeMap<String, String>,
    /// A bad row's reason by its problem's kind (`Problem::kind`), with
    /// `{column}`, `{value}`, … for its arguments (`Problem::args`); a
    /// missing one is written in English.
    pub problems: BTreeMap<String, String>,
}

impl Default for Labels {
    fn default() -> Self {
        let s = |v: &str| v.to_owned();
        Labels {
            row: s("row"),
            household_id: s("household_id"),
            members: s("members"),
            likely_not_receiving_column: s("likely_not_receiving"),
            problem: s("problem"),
            amount: s("{program} ({unit})"),
            amount_mixed: s("{program} (amount)"),
            likely_not_receiving: s("likely_not_receiving"),
            likely: s("likely"),
            possible: s("possible"),
            unlikely: s("unlikely"),
            month: s("yuan/month"),
            year: s("yuan/year"),
            once: s("yuan once"),
            day: s("yuan/day"),
            share: s("share of costs"),
            up_to: s("≤ "),
            at_least: s("≥ "),
            separator: s("; "),
            programs: BTreeMap::new(),
            problems: BTreeMap::new(),
        }
    }
}

impl Labels {
    fn program(&self, p: ProgramId) -> &str {
        self.programs
            .get(p.as_str())
            .map_or(p.as_str(), String::as_str)
    }

    /// A bad row's reason in these words.
    pub fn problem(&self, problem: &Problem) -> String {
        match self.problems.get(problem.kind()) {
            Some(template) => problem.args().iter().fold(template.clone(), |t, (k, v)| {
                t.replace(&format!("{{{k}}}"), v)
            }),
            None => problem.to_string(),
        }
    }

    fn unit(&self, period: Period) -> &str {
        match period {
            Period::Month => &self.month,
            Period::Year => &self.year,
            Period::Once => &self.once,
            Period::Day => &self.day,
            Period::Share => &self.share,
        }
    }

    fn bound(&self, bound: Bound) -> &str {
        match bound {
            Bound::Exact => "",
            Bound::UpTo => &self.up_to,
            Bound::AtLeast => &self.at_least,
        }
    }
}

/// An amount's number: yuan as the engine rounds them, shares as a
/// percentage (Excel reads `75%` as the number 0.75).
fn number(out: &mut String, a: &Amount) {
    if a.period == Period::Share {
        push_decimal(out, &(a.value * Decimal::ONE_HUNDRED).normalize());
        out.push('%');
    } else {
        push_decimal(out, &a.value);
    }
}

fn push_decimal(out: &mut String, v: &Decimal) {
    out.push_str(crate::num::format_decimal(v, &mut [0; 64]));
}

/// Appends one CSV cell (quoted when needed), `guard`ed against formulas
/// when its text comes from the upload.
fn cell(out: &mut String, text: &str, guard: bool) {
    let plain = memchr::memchr3(b',', b'"', b'\n', text.as_bytes()).is_none()
        && !text.contains('\r')
        && !text.starts_with(' ')
        && !text.ends_with(' ');
    let risky = |c: char| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r');
    if plain && !(guard && text.starts_with(risky)) {
        out.push_str(text);
        return;
    }
    let formula = guard
        && text
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    let quote = formula
        || text.contains([',', '"', '\n', '\r'])
        || text.starts_with(' ')
        || text.ends_with(' ');
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in text.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

fn row_end(out: &mut String) {
    out.push_str("\r\n");
}

/// What a program's amounts look like so far: none seen, all with one
/// period and bound, or mixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    None,
    Uniform(Period, Bound),
    Mixed,
}

impl Unit {
    fn with(self, other: Unit) -> Unit {
        match (self, other) {
            (Unit::None, u) | (u, Unit::None) => u,
            (a, b) if a == b => a,
            _ => Unit::Mixed,
        }
    }
}

/// How each program's amounts are written in the export, from all the
/// households: a plain number column when every amount of the program has
/// the same period and bound. Made by [`Units::of`] for one part of a
/// roster, combined with [`Units::and`]; as text ([`Units::to_text`]) to
/// pass between the console's workers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Units(Vec<Unit>);

impl Units {
    /// The units of these results' amounts.
    pub fn of(results: &Results) -> Units {
        let mut units = vec![Unit::None; results.programs.len()];
        for h in &results.households {
            for (i, a) in &h.amounts {
                if let Some(u) = units.get_mut(usize::from(*i)) {
                    *u = u.with(Unit::Uniform(a.period, a.bound));
                }
            }
        }
        Units(units)
    }

    /// Those of two parts of a roster together.
    pub fn and(&self, other: &Units) -> Units {
        let n = self.0.len().max(other.0.len());
        let get = |u: &Units, i: usize| u.0.get(i).copied().unwrap_or(Unit::None);
        Units((0..n).map(|i| get(self, i).with(get(other, i))).collect())
    }

    /// One item per program, `,`-separated: `-` no amount, `*` mixed, else
    /// the period's letter (`m`, `y`, `o`, `d`, `s`) and the bound (`=`,
    /// `<`, `>`).
    pub fn to_text(&self) -> String {
        self.0
            .iter()
            .map(|u| match u {
                Unit::None => "-".to_owned(),
                Unit::Mixed => "*".to_owned(),
                Unit::Uniform(p, b) => {
                    let p = crate::batch::period_letter(*p);
                    let b = match b {
                        Bound::Exact => '=',
                        Bound::UpTo => '<',
                        Bound::AtLeast => '>',
                    };
                    format!("{p}{b}")
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Reads [`Units::to_text`]; `None` if it is not such a text.
    pub fn parse(text: &str) -> Option<Units> {
        if text.is_empty() {
            return Some(Units(Vec::new()));
        }
        text.split(',')
            .map(|item| match item.as_bytes() {
                b"-" => Some(Unit::None),
                b"*" => Some(Unit::Mixed),
                [p, b] => {
                    let p = crate::batch::period_of_letter(*p)?;
                    let b = match b {
                        b'=' => Bound::Exact,
                        b'<' => Bound::UpTo,
                        b'>' => Bound::AtLeast,
                        _ => return None,
                    };
                    Some(Unit::Uniform(p, b))
                }
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .map(Units)
    }

    /// The `i`-th program's period and bound when its column is plain
    /// numbers (also when it has no amounts: empty cells).
    fn plain(&self, i: usize) -> Option<(Period, Bound)> {
        match self.0.get(i).copied().unwrap_or(Unit::None) {
            Unit::None => Some((Period::Once, Bound::Exact)),
            Unit::Uniform(p, b) => Some((p, b)),
            Unit::Mixed => None,
        }
    }

    fn has_amounts(&self, i: usize) -> bool {
        !matches!(self.0.get(i), None | Some(Unit::None))
    }
}

/// The results as CSV bytes (UTF-8 with BOM).
pub fn export_csv(results: &Results, labels: &Labels) -> Vec<u8> {
    let units = Units::of(results);
    let mut out = export_head(&results.programs, &units, labels);
    out.extend_from_slice(&export_rows(results, &units, labels));
    out
}

/// The export's beginning: the byte-order mark and the header row, for
/// these programs and the units of all the households' amounts.
pub fn export_head(programs: &[ProgramId], units: &Units, labels: &Labels) -> Vec<u8> {
    let mut out = String::with_capacity(64 + programs.len() * 48);
    out.push('\u{feff}');
    for h in [
        &labels.row,
        &labels.household_id,
        &labels.members,
        &labels.likely_not_receiving_column,
    ] {
        cell(&mut out, h, false);
        out.push(',');
    }
    for (i, &p) in programs.iter().enumerate() {
        let name = labels.program(p);
        cell(&mut out, name, false);
        out.push(',');
        let heading = match units.plain(i) {
            Some((period, bound)) if units.has_amounts(i) => {
                labels.amount.replace("{program}", name).replace(
                    "{unit}",
                    &format!("{}{}", labels.bound(bound), labels.unit(period)),
                )
            }
            _ => labels.amount_mixed.replace("{program}", name),
        };
        cell(&mut out, &heading, false);
        out.push(',');
    }
    cell(&mut out, &labels.problem, false);
    row_end(&mut out);
    out.into_bytes()
}

/// The export's rows for these results (a whole roster's, or one part's:
/// the parts' rows one after the other are the whole's), with `units`
/// those of the whole roster.
pub fn export_rows(results: &Results, units: &Units, labels: &Labels) -> Vec<u8> {
    let mut out = String::with_capacity(results.households.len() * 160 + results.bad.len() * 80);
    let words = Words {
        gap: escaped(&labels.likely_not_receiving),
        likely: escaped(&labels.likely),
        possible: escaped(&labels.possible),
        unlikely: escaped(&labels.unlikely),
    };
    let mut scratch = String::new();
    let mut households = results.households.iter().peekable();
    let mut bad = results.bad.iter().peekable();
    loop {
        let take_household = match (households.peek(), bad.peek()) {
            (Some(h), Some(b)) => h.row <= b.row,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if take_household {
            if let Some(h) = households.next() {
                household_row(&mut out, &mut scratch, results, h, labels, &words, units);
            }
        } else if let Some(b) = bad.next() {
            out.push_str(&b.row.to_string());
            out.push(',');
            cell(&mut out, b.id.as_deref().unwrap_or(""), true);
            out.push(',');
            // members, likely_not_receiving, two cells per program
            for _ in 0..2 + 2 * results.programs.len() {
                out.push(',');
            }
            cell(&mut out, &labels.problem(&b.problem), true);
            row_end(&mut out);
        }
    }
    out.into_bytes()
}

/// The outcome words, escaped once for every household.
struct Words {
    gap: String,
    likely: String,
    possible: String,
    unlikely: String,
}

fn escaped(text: &str) -> String {
    let mut s = String::new();
    cell(&mut s, text, false);
    s
}

fn household_row(
    out: &mut String,
    scratch: &mut String,
    results: &Results,
    h: &HouseholdResult,
    labels: &Labels,
    words: &Words,
    units: &Units,
) {
    let mut digits = [0; 64];
    out.push_str(crate::num::format_decimal(
        &Decimal::from(h.row),
        &mut digits,
    ));
    out.push(',');
    cell(out, &h.id, true);
    out.push(',');
    out.push_str(crate::num::format_decimal(
        &Decimal::from(h.members),
        &mut digits,
    ));
    out.push(',');
    scratch.clear();
    for (i, &p) in results.programs.iter().enumerate() {
        if h.likely_not_receiving(i) {
            if !scratch.is_empty() {
                scratch.push_str(&labels.separator);
            }
            scratch.push_str(labels.program(p));
        }
    }
    cell(out, scratch, false);
    out.push(',');
    for i in 0..results.programs.len() {
        let word = match h.outcome(i) {
            Outcome::Likely if h.likely_not_receiving(i) => &words.gap,
            Outcome::Likely => &words.likely,
            Outcome::Possible => &words.possible,
            Outcome::Unlikely => &words.unlikely,
            Outcome::NotOffered => "",
        };
        out.push_str(word);
        out.push(',');
        if let Some(a) = h.amount(i) {
            if units.plain(i).is_some() {
                // A number: nothing to quote.
                number(out, a);
            } else {
                let mut text = String::from(labels.bound(a.bound));
                number(&mut text, a);
                text.push(' ');
                text.push_str(labels.unit(a.period));
                cell(out, &text, false);
            }
        }
        out.push(',');
    }
    // The problem cell stays empty.
    row_end(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_guarded() {
        let mut s = String::new();
        cell(&mut s, "a,b", false);
        cell(&mut s, "say \"hi\"", false);
        cell(&mut s, "=HYPERLINK(\"x\")", true);
        cell(&mut s, "-1", false);
        cell(&mut s, "海丰-001", true);
        assert_eq!(
            s,
            "\"a,b\"\"say \"\"hi\"\"\"\"'=HYPERLINK(\"\"x\"\")\"-1海丰-001"
        );
    }

    #[test]
    fn shares_are_percentages() {
        let text = |a: Amount| {
            let mut s = String::new();
            number(&mut s, &a);
            s
        };
        assert_eq!(
            text(Amount::new("0.75".parse().expect("d"), Period::Share)),
            "75%"
        );
        assert_eq!(
            text(Amount::new("0.9".parse().expect("d"), Period::Share)),
            "90%"
        );
        assert_eq!(
            text(Amount::new("1300".parse().expect("d"), Period::Month)),
            "1300.00"
        );
    }
}
