//! Records to households.
//!
//! One row per member; consecutive rows with the same `household_id` form
//! one household, whose household columns are read from its first row. An
//! empty cell means "unknown". A bad row is reported with its row number and
//! reason, and the rest of the file goes on; a household with a bad member
//! row is reported as a whole (screening it without that member would give a
//! wrong answer).
//!
//! Row numbers are those a spreadsheet shows: the header is row 1 when it is
//! the first line, blank lines count, and a record whose quoted cell holds a
//! line break is one row (so they equal line numbers unless a cell holds a
//! line break).

use crate::columns::Column;
use rules_core::Date;
use rules_core::household::{
    BenefitHeld, Disability, HospitalStay, Household, Income, IncomeKind, Member, Spending,
};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::de::IntoDeserializer;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A row that could not be used, or a household that contains one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadRow {
    /// The row number (see the module documentation).
    pub row: u32,
    /// The household, when the row could be assigned to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What is wrong: [`Problem::to_string`] says it in English (the CLI's
    /// error text); the console translates it from its kind and fields.
    pub problem: Problem,
}

impl BadRow {
    /// Why, in English, naming the column (`age: expected a whole number, found "abc"`).
    pub fn reason(&self) -> String {
        self.problem.to_string()
    }
}

/// What is wrong with a row, or with the header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// Not a whole number (`age`, `cars`, …).
    NotANumber {
        column: String,
        value: String,
    },
    /// A whole number too large for the column.
    TooLarge {
        column: String,
        value: String,
    },
    NotYesNo {
        column: String,
        value: String,
    },
    NotAnAmount {
        column: String,
        value: String,
    },
    NotADate {
        column: String,
        value: String,
    },
    /// Not one of the column's values; `expected` lists them.
    UnknownValue {
        column: String,
        value: String,
        expected: Vec<String>,
        /// serde's wording, for the English text.
        message: String,
    },
    /// The row has `found` cells where the header has `expected`.
    Cells {
        expected: usize,
        found: usize,
    },
    EmptyHouseholdId,
    /// The household's id was used for other rows, first at row `first`.
    RowsApart {
        id: String,
        first: u32,
    },
    /// A quote opened and never closed on its line.
    Unterminated,
    /// The header: a column that is not in the template.
    UnknownColumn {
        column: String,
    },
    RepeatedColumn {
        column: String,
    },
    NoHouseholdId,
    /// The header itself has an unterminated quote.
    HeaderUnterminated,
}

impl Problem {
    /// Its kind, as in JSON (`not_a_number`, …): the key of its translation.
    pub fn kind(&self) -> &'static str {
        match self {
            Problem::NotANumber { .. } => "not_a_number",
            Problem::TooLarge { .. } => "too_large",
            Problem::NotYesNo { .. } => "not_yes_no",
            Problem::NotAnAmount { .. } => "not_an_amount",
            Problem::NotADate { .. } => "not_a_date",
            Problem::UnknownValue { .. } => "unknown_value",
            Problem::Cells { .. } => "cells",
            Problem::EmptyHouseholdId => "empty_household_id",
            Problem::RowsApart { .. } => "rows_apart",
            Problem::Unterminated => "unterminated",
            Problem::UnknownColumn { .. } => "unknown_column",
            Problem::RepeatedColumn { .. } => "repeated_column",
            Problem::NoHouseholdId => "no_household_id",
            Problem::HeaderUnterminated => "header_unterminated",
        }
    }

    /// Its fields as a translation's arguments: `column`, `value`,
    /// `expected` (the accepted values, comma-separated; for `cells` the
    /// header's count), `found`, `id`, `first`.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Problem::NotANumber { column, value }
            | Problem::TooLarge { column, value }
            | Problem::NotYesNo { column, value }
            | Problem::NotAnAmount { column, value }
            | Problem::NotADate { column, value } => {
                vec![("column", column.clone()), ("value", value.clone())]
            }
            Problem::UnknownValue {
                column,
                value,
                expected,
                ..
            } => vec![
                ("column", column.clone()),
                ("value", value.clone()),
                ("expected", expected.join(", ")),
            ],
            Problem::Cells { expected, found } => vec![
                ("expected", expected.to_string()),
                ("found", found.to_string()),
            ],
            Problem::RowsApart { id, first } => {
                vec![("id", id.clone()), ("first", first.to_string())]
            }
            Problem::UnknownColumn { column } | Problem::RepeatedColumn { column } => {
                vec![("column", column.clone())]
            }
            Problem::EmptyHouseholdId
            | Problem::Unterminated
            | Problem::NoHouseholdId
            | Problem::HeaderUnterminated => Vec::new(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::NotANumber { column, value } => {
                write!(f, "{column}: expected a whole number, found {value:?}")
            }
            Problem::TooLarge { column, value } => {
                let ty = if column == Column::DisabilityGrade.name() {
                    "u8"
                } else {
                    "u32"
                };
                write!(
                    f,
                    "{column}: invalid value: integer `{value}`, expected {ty}"
                )
            }
            Problem::NotYesNo { column, value } => {
                write!(f, "{column}: expected true/false, found {value:?}")
            }
            Problem::NotAnAmount { column, value } => {
                write!(f, "{column}: expected an amount, found {value:?}")
            }
            Problem::NotADate { column, value } => {
                write!(f, "{column}: invalid date {value:?}: expected YYYY-MM-DD")
            }
            Problem::UnknownValue {
                column, message, ..
            } => write!(f, "{column}: {message}"),
            Problem::Cells { expected, found } => {
                write!(f, "expected {expected} cells, found {found}")
            }
            Problem::EmptyHouseholdId => f.write_str("household_id: empty"),
            Problem::RowsApart { id, first } => write!(
                f,
                "household_id {id:?} was used for other rows (first at row {first}); \
                 a household's rows must be together"
            ),
            Problem::Unterminated => f.write_str(UNTERMINATED),
            Problem::UnknownColumn { column } => write!(f, "header: unknown column {column:?}"),
            Problem::RepeatedColumn { column } => {
                write!(f, "header: column {column:?} appears twice")
            }
            Problem::NoHouseholdId => f.write_str("header: household_id column is required"),
            Problem::HeaderUnterminated => write!(f, "header: {UNTERMINATED}"),
        }
    }
}

/// A household read from the roster.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The row of its first member.
    pub row: u32,
    pub id: String,
    pub household: Household,
}

/// What the reader yields, in the order the CLI has always written it: a
/// bad row as soon as it is read, a household when its last row is read.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Household(Entry),
    Bad(BadRow),
}

/// Splits the text into records (RFC 4180, as leniently as the CLI always
/// read a line: a quote opens a quoted part only where the cell has no
/// text yet; text after a closing quote is kept).
struct Splitter<'t> {
    text: &'t str,
    pos: usize,
    row: u32,
    /// Where the last record started.
    start: usize,
}

/// A record whose quoted cell never closes.
const UNTERMINATED: &str = "unterminated quoted field";

impl<'t> Splitter<'t> {
    /// Reads the next record's cells into `cells`; `None` at the end,
    /// `Some(Err(row))` for an unterminated quote (the record is then read
    /// as its first line only, as the CLI did, and the next line goes on).
    fn next(&mut self, cells: &mut Vec<Cow<'t, str>>) -> Option<Result<u32, u32>> {
        let text = self.text;
        let b = text.as_bytes();
        if self.pos >= b.len() {
            return None;
        }
        self.row += 1;
        let start = self.pos;
        self.start = start;
        cells.clear();
        let mut i = start;
        loop {
            if b.get(i) == Some(&b'"') {
                // The slow path: a quoted cell, char by char.
                match quoted_cell(text, i) {
                    Some((cell, end, last)) => {
                        let cell = match trim(&cell) {
                            t if t.len() == cell.len() => cell,
                            t => t.to_owned(),
                        };
                        cells.push(Cow::Owned(cell));
                        i = end;
                        if last {
                            self.pos = end;
                            return Some(Ok(self.row));
                        }
                    }
                    None => {
                        self.first_line_only();
                        return Some(Err(self.row));
                    }
                }
                continue;
            }
            // An unquoted cell: up to the next comma or newline. Cells are
            // a few bytes long: a plain loop beats a vectorised search.
            let mut j = i;
            while let Some(&c) = b.get(j) {
                if c == b',' || c == b'\n' {
                    break;
                }
                j += 1;
            }
            // The newline ends the record (a CR before it is trimmed with
            // the other whitespace).
            cells.push(Cow::Borrowed(trim(&text[i..j])));
            match b.get(j) {
                Some(b',') => i = j + 1,
                Some(_) => {
                    self.pos = j + 1;
                    return Some(Ok(self.row));
                }
                None => {
                    self.pos = b.len();
                    return Some(Ok(self.row));
                }
            }
        }
    }
}

/// A cell without its surrounding whitespace (cells are compared trimmed,
/// as the CLI always did): most cells start and end with a printable ASCII
/// character and need no search.
pub(crate) fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => s,
        (None, _) => s,
        _ => s.trim(),
    }
}

impl Splitter<'_> {
    /// Whether the last record spans more than one line.
    fn spanned_lines(&self) -> bool {
        memchr(b'\n', &self.text.as_bytes()[self.start..self.pos])
            .is_some_and(|n| self.start + n + 1 < self.pos)
    }

    /// Reads the last record again as its first line only: the next record
    /// starts on the line after.
    fn first_line_only(&mut self) {
        let b = self.text.as_bytes();
        self.pos = match memchr(b'\n', &b[self.start..]) {
            Some(n) => self.start + n + 1,
            None => b.len(),
        };
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(needle, hay)
}

/// Reads a cell that starts with a quote at `i`: the cell's text, where the
/// next cell starts, and whether the record ends with it; `None` if a quote
/// is still open at the end of the text.
fn quoted_cell(text: &str, i: usize) -> Option<(String, usize, bool)> {
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = text[i..].char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match (c, quoted) {
            ('"', false) if cur.is_empty() => quoted = true,
            ('"', true) => {
                if chars.peek().map(|&(_, c)| c) == Some('"') {
                    cur.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            (',', false) => return Some((cur, i + at + 1, false)),
            ('\n', false) => {
                if cur.ends_with('\r') {
                    cur.pop();
                }
                return Some((cur, i + at + 1, true));
            }
            _ => cur.push(c),
        }
    }
    (!quoted).then_some((cur, text.len(), true))
}

/// Why the header cannot be used; the file is not read further.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderError(pub Box<BadRow>);

/// Reads households from a roster's text. An iterator of [`Item`]s.
pub struct Reader<'t> {
    split: Splitter<'t>,
    /// Each column's position in a record.
    index: [Option<usize>; Column::ALL.len()],
    width: usize,
    cells: Vec<Cow<'t, str>>,
    pending: Option<Pending>,
    /// Where each household id was first seen (a household's rows must be
    /// together).
    seen: HashMap<String, u32, BuildHasherDefault<Fnv>>,
}

/// FNV-1a: household ids are short, and SipHash's protection against
/// chosen collisions buys nothing for a file the worker chose.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

struct Pending {
    id: String,
    row: u32,
    household: Household,
    error: Option<(u32, Problem)>,
}

impl<'t> Reader<'t> {
    /// Reads the header (the first row with text). An empty text has no
    /// households and no error.
    pub fn new(text: &'t str) -> Result<Self, HeaderError> {
        let mut split = Splitter {
            text,
            pos: 0,
            row: 0,
            start: 0,
        };
        let mut cells = Vec::new();
        let mut index = [None; Column::ALL.len()];
        let mut width = 0;
        let err = |row, problem| {
            HeaderError(Box::new(BadRow {
                row,
                id: None,
                problem,
            }))
        };
        loop {
            match split.next(&mut cells) {
                None => break,
                Some(Err(row)) => return Err(err(row, Problem::HeaderUnterminated)),
                Some(Ok(_)) if blank(&cells) => continue,
                Some(Ok(row)) => {
                    for (i, cell) in cells.iter().enumerate() {
                        let name = cell.trim_start_matches('\u{feff}').trim();
                        let Some(col) = Column::parse(name) else {
                            let column = name.to_owned();
                            return Err(err(row, Problem::UnknownColumn { column }));
                        };
                        if index[col as usize].is_some() {
                            let column = name.to_owned();
                            return Err(err(row, Problem::RepeatedColumn { column }));
                        }
                        index[col as usize] = Some(i);
                    }
                    if index[Column::HouseholdId as usize].is_none() {
                        return Err(err(row, Problem::NoHouseholdId));
                    }
                    width = cells.len();
                    break;
                }
            }
        }
        Ok(Reader {
            split,
            index,
            width,
            cells,
            pending: None,
            // About one household in every 300 bytes of text.
            seen: HashMap::with_capacity_and_hasher(text.len() / 300, Default::default()),
        })
    }

    /// A reader of a later part of the same file (see `crate::parts`):
    /// `text` starts at a record that starts a household, numbered
    /// `first_row`; the columns are those `header` read.
    pub(crate) fn resume(header: &Reader<'_>, text: &'t str, first_row: u32) -> Self {
        Reader {
            split: Splitter {
                text,
                pos: 0,
                row: first_row.saturating_sub(1),
                start: 0,
            },
            index: header.index,
            width: header.width,
            cells: Vec::new(),
            pending: None,
            seen: HashMap::with_capacity_and_hasher(text.len() / 300, Default::default()),
        }
    }

    /// The header's width in cells (0 when the text has no header).
    pub(crate) fn width(&self) -> usize {
        self.width
    }

    /// The row of the last record read (after [`Reader::new`]: the header's).
    pub(crate) fn row(&self) -> u32 {
        self.split.row
    }

    /// The position of a column in a record.
    pub(crate) fn column(&self, col: Column) -> Option<usize> {
        self.index[col as usize]
    }

    /// Each household id read, with the row where its first household
    /// started (the ids a later part of the file must not use again).
    pub(crate) fn into_first_rows(self) -> impl Iterator<Item = (String, u32)> {
        self.seen.into_iter()
    }

    /// How much of the text has been read, in bytes (for progress).
    pub fn position(&self) -> usize {
        self.split.pos
    }

    /// The text's length in bytes.
    pub fn len(&self) -> usize {
        self.split.text.len()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.split.text.is_empty()
    }

    /// The (trimmed) cell of a column, `None` when the column is absent or
    /// the cell is empty (unknown).
    fn get(&self, col: Column) -> Option<&str> {
        let i = self.index[col as usize]?;
        let v: &str = self.cells.get(i)?;
        (!v.is_empty()).then_some(v)
    }

    fn finish(&mut self) -> Option<Item> {
        let p = self.pending.take()?;
        Some(match p.error {
            Some((row, problem)) => Item::Bad(BadRow {
                row,
                id: Some(p.id),
                problem,
            }),
            None => Item::Household(Entry {
                row: p.row,
                id: p.id,
                household: p.household,
            }),
        })
    }

    /// Reads one record; returns an item when one is complete.
    fn step(&mut self) -> Option<Option<Item>> {
        let row = match self.split.next(&mut self.cells)? {
            Ok(row) => row,
            Err(row) => return Some(Some(bad(row, Problem::Unterminated))),
        };
        if blank(&self.cells) {
            return Some(None);
        }
        if self.cells.len() != self.width && self.split.spanned_lines() {
            // A quote opened by mistake and closed by another mistake rows
            // later would swallow the rows between: a quoted line break is
            // taken only when the record then has the header's width.
            self.split.first_line_only();
            return Some(Some(bad(row, Problem::Unterminated)));
        }
        if self.cells.len() != self.width {
            let problem = Problem::Cells {
                expected: self.width,
                found: self.cells.len(),
            };
            return Some(Some(bad(row, problem)));
        }
        let Some(id) = self.get(Column::HouseholdId) else {
            return Some(Some(bad(row, Problem::EmptyHouseholdId)));
        };
        if let Some(p) = self.pending.as_ref().filter(|p| p.id == id) {
            if p.error.is_none() {
                let r = read_member(self);
                if let (Err(e), Some(p)) = (r, self.pending.as_mut()) {
                    p.error = Some((row, e));
                }
            }
            return Some(None);
        }
        // A new household: the previous one is complete.
        let id = id.to_owned();
        let done = self.finish();
        let error = match self.seen.get(&id) {
            Some(&first) => Some((
                row,
                Problem::RowsApart {
                    id: id.clone(),
                    first,
                },
            )),
            None => {
                self.seen.insert(id.clone(), row);
                None
            }
        };
        self.pending = Some(Pending {
            id,
            row,
            household: Household {
                members: Vec::with_capacity(4),
                ..Household::default()
            },
            error,
        });
        if self.pending.as_ref().is_some_and(|p| p.error.is_none()) {
            let r = read_household(self).and_then(|()| read_member(self));
            if let (Err(e), Some(p)) = (r, self.pending.as_mut()) {
                p.error = Some((row, e));
            }
        }
        Some(done)
    }
}

impl Iterator for Reader<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            match self.step() {
                None => return self.finish(),
                Some(Some(item)) => return Some(item),
                Some(None) => {}
            }
        }
    }
}

fn bad(row: u32, problem: Problem) -> Item {
    Item::Bad(BadRow {
        row,
        id: None,
        problem,
    })
}

/// A row without text in any cell (Excel writes `,,,,` for rows it has
/// seen formatted): skipped like an empty line.
fn blank(cells: &[Cow<'_, str>]) -> bool {
    cells.iter().all(|c| c.is_empty())
}

fn cell(col: Column, v: &str) -> (String, String) {
    (col.name().to_owned(), v.to_owned())
}

fn boolean(col: Column, v: &str) -> Result<bool, Problem> {
    if ["true", "yes", "1"]
        .iter()
        .any(|t| v.eq_ignore_ascii_case(t))
        || v == "是"
    {
        Ok(true)
    } else if ["false", "no", "0"]
        .iter()
        .any(|t| v.eq_ignore_ascii_case(t))
        || v == "否"
    {
        Ok(false)
    } else {
        let (column, value) = cell(col, v);
        Err(Problem::NotYesNo { column, value })
    }
}

fn number(col: Column, v: &str) -> Result<u64, Problem> {
    v.parse::<u64>().map_err(|_| {
        let (column, value) = cell(col, v);
        Problem::NotANumber { column, value }
    })
}

fn small<T: TryFrom<u64>>(col: Column, v: &str) -> Result<T, Problem> {
    let n = number(col, v)?;
    T::try_from(n).map_err(|_| Problem::TooLarge {
        column: col.name().to_owned(),
        value: n.to_string(),
    })
}

fn decimal(col: Column, v: &str) -> Result<Decimal, Problem> {
    plain_decimal(v)
        .map(Ok)
        .unwrap_or_else(|| v.parse::<Decimal>())
        .map_err(|_| {
            let (column, value) = cell(col, v);
            Problem::NotAnAmount { column, value }
        })
}

/// `123` or `123.45` (at most 18 digits), as `Decimal::from_str` reads it,
/// without its general parser; `None` for anything else.
pub(crate) fn plain_decimal(v: &str) -> Option<Decimal> {
    let b = v.as_bytes();
    if b.is_empty() || b.len() > 18 {
        return None;
    }
    let mut mantissa: i64 = 0;
    let mut scale = None;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' => mantissa = mantissa * 10 + i64::from(c - b'0'),
            b'.' if scale.is_none() && i > 0 && i + 1 < b.len() => {
                scale = Some(u32::try_from(b.len() - i - 1).ok()?);
            }
            _ => return None,
        }
    }
    Some(Decimal::new(mantissa, scale.unwrap_or(0)))
}

fn date(col: Column, v: &str) -> Result<Date, Problem> {
    Date::parse(v).map_err(|_| {
        let (column, value) = cell(col, v);
        Problem::NotADate { column, value }
    })
}

/// One of an enum's snake_case names, as serde reads them (its message
/// lists the accepted values).
fn variant<T: DeserializeOwned>(col: Column, v: &str) -> Result<T, Problem> {
    let d: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = v.into_deserializer();
    T::deserialize(d).map_err(|e| {
        let message = e.to_string();
        // "unknown variant `x`, expected one of `a`, `b`" or "… expected `a` or `b`".
        let expected = message
            .split_once("expected")
            .map(|(_, list)| {
                list.split('`')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let (column, value) = cell(col, v);
        Problem::UnknownValue {
            column,
            value,
            expected,
            message,
        }
    })
}

fn opt<T>(
    r: &Reader<'_>,
    col: Column,
    f: impl FnOnce(Column, &str) -> Result<T, Problem>,
) -> Result<Option<T>, Problem> {
    r.get(col).map(|v| f(col, v)).transpose()
}

/// The household columns, from the household's first row.
fn read_household(r: &mut Reader<'_>) -> Result<(), Problem> {
    use Column as C;
    let money_assets = opt(r, C::MoneyAssets, decimal)?;
    let cars = opt(r, C::Cars, small::<u32>)?;
    let homes = opt(r, C::Homes, small::<u32>)?;
    let runs_business = opt(r, C::RunsBusiness, boolean)?;
    let housing_difficulty = opt(r, C::HousingDifficulty, boolean)?;
    let monitoring_target = opt(r, C::MonitoringTarget, boolean)?;
    let recent_death = opt(r, C::RecentDeath, boolean)?;
    let legal_matter = opt(r, C::LegalMatter, boolean)?;
    let emergency = opt(r, C::Emergency, variant)?;
    let current_benefits = opt(r, C::CurrentBenefits, |c, v| {
        if v == "none" {
            return Ok(Vec::new());
        }
        v.split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                Ok(BenefitHeld {
                    program: variant(c, p)?,
                    member: None,
                    since: None,
                    monthly: None,
                })
            })
            .collect()
    })?;
    let spending_12m = Spending {
        medical: opt(r, C::SpendingMedical, decimal)?,
        education: opt(r, C::SpendingEducation, decimal)?,
        rehabilitation: opt(r, C::SpendingRehabilitation, decimal)?,
    };
    let Some(p) = r.pending.as_mut() else {
        return Ok(());
    };
    let h = &mut p.household;
    h.money_assets = money_assets;
    h.cars = cars;
    h.homes = homes;
    h.runs_business = runs_business;
    h.housing_difficulty = housing_difficulty;
    h.monitoring_target = monitoring_target;
    h.recent_death = recent_death;
    h.legal_matter = legal_matter;
    h.emergency = emergency;
    h.current_benefits = current_benefits;
    h.spending_12m = spending_12m;
    Ok(())
}

/// The member columns of a row, appended to the pending household.
fn read_member(r: &mut Reader<'_>) -> Result<(), Problem> {
    use Column as C;
    let mut m = Member {
        relation: opt(r, C::Relation, variant)?,
        sex: opt(r, C::Sex, variant)?,
        self_care: opt(r, C::SelfCare, variant)?,
        student: opt(r, C::Student, variant)?,
        work_capacity: opt(r, C::WorkCapacity, variant)?,
        employment: opt(r, C::Employment, variant)?,
        orphan_status: opt(r, C::OrphanStatus, variant)?,
        care_mode: opt(r, C::CareMode, variant)?,
        supporters: opt(r, C::Supporters, variant)?,
        living: opt(r, C::Living, variant)?,
        age: opt(r, C::Age, small::<u32>)?,
        birth_date: opt(r, C::BirthDate, date)?,
        job_started: opt(r, C::JobStarted, date)?,
        ..Member::default()
    };
    let level = opt(r, C::HospitalLevel, variant)?;
    let days = opt(r, C::HospitalDays, small::<u32>)?;
    if level.is_some() || days.is_some() {
        m.hospital_stay = Some(HospitalStay { level, days });
    }
    m.serious_illness = opt(r, C::SeriousIllness, boolean)?;
    m.union_member = opt(r, C::UnionMember, boolean)?;
    m.two_cancers_diagnosis = opt(r, C::TwoCancersDiagnosis, boolean)?;
    m.hukou.local = opt(r, C::HukouLocal, boolean)?;
    m.hukou.kind = opt(r, C::HukouKind, variant)?;
    m.hukou.residence_permit = opt(r, C::ResidencePermit, boolean)?;
    let mut disability = Disability::default();
    match r.get(C::DisabilityCategory) {
        Some("none") => disability.has = Some(false),
        Some(v) => disability.category = Some(variant(C::DisabilityCategory, v)?),
        None => {}
    }
    disability.grade = opt(r, C::DisabilityGrade, small::<u8>)?;
    if disability != Disability::default() {
        m.disability = Some(disability);
    }
    // All three income cells empty = income unknown; otherwise the empty
    // ones are none.
    let kinds = [
        (C::Wages, IncomeKind::Wages),
        (C::OtherIncome, IncomeKind::OtherCounted),
        (C::ExcludedIncome, IncomeKind::OtherExcluded),
    ];
    if kinds.iter().any(|&(c, _)| r.get(c).is_some()) {
        let mut incomes = Vec::new();
        for (col, kind) in kinds {
            if let Some(monthly) = opt(r, col, decimal)? {
                incomes.push(Income {
                    kind,
                    monthly: Some(monthly),
                });
            }
        }
        m.incomes = Some(incomes);
    }
    if let Some(p) = r.pending.as_mut() {
        p.household.members.push(m);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> Vec<Result<(u32, Vec<String>), u32>> {
        let mut s = Splitter {
            text,
            pos: 0,
            row: 0,
            start: 0,
        };
        let mut cells = Vec::new();
        let mut out = Vec::new();
        while let Some(r) = s.next(&mut cells) {
            out.push(r.map(|row| (row, cells.iter().map(|c| c.to_string()).collect())));
        }
        out
    }

    fn ok(row: u32, cells: &[&str]) -> Result<(u32, Vec<String>), u32> {
        Ok((row, cells.iter().map(|c| c.to_string()).collect()))
    }

    #[test]
    fn splits_quoted_fields_as_the_cli_did() {
        assert_eq!(
            records(r#"a,"b,c","d""e",,"#),
            [ok(1, &["a", "b,c", "d\"e", "", ""])]
        );
        // Text after a closing quote is kept; a quote inside text is text.
        assert_eq!(records("\"ab\"c,x\"y\"\r\n"), [ok(1, &["abc", "x\"y\""])]);
        assert_eq!(
            records("a\r\n\nb"),
            [ok(1, &["a"]), ok(2, &[""]), ok(3, &["b"])]
        );
    }

    #[test]
    fn a_quoted_line_break_stays_in_its_cell_and_row() {
        assert_eq!(
            records("a,\"x\r\ny\",b\nc\n"),
            [ok(1, &["a", "x\r\ny", "b"]), ok(2, &["c"])]
        );
    }

    #[test]
    fn plain_decimals_read_as_the_general_parser_reads_them() {
        for v in [
            "0",
            "00",
            "007",
            "1200",
            "0.50",
            "1300.00",
            "12.345",
            "999999999999999999",
            "99999999999999.9999",
            "1.",
            ".5",
            "-3",
            "+3",
            "1_000",
            "1e3",
            "1.2.3",
            "",
            "9999999999999999999",
            "１２",
        ] {
            let general = v.parse::<Decimal>().ok();
            let plain = plain_decimal(v);
            if let Some(p) = plain {
                let g = general.expect(v);
                assert_eq!((p, p.to_string()), (g, g.to_string()), "{v}");
            }
            assert_eq!(decimal(Column::Wages, v).ok(), general, "{v}");
        }
    }

    #[test]
    fn an_unterminated_quote_costs_one_line() {
        assert_eq!(records("a,\"b\nc,d\n"), [Err(1), ok(2, &["c", "d"])]);
    }
}
