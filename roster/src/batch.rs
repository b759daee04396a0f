//! Screening a roster: every household through one [`Screener`], with
//! progress, into compact results.

use crate::decode::{Encoding, decode};
use crate::parse::{BadRow, Entry, HeaderError, Item, Reader};
use rules_core::{
    Amount, Bound, Brief, Date, Household, Outcome, Pack, Period, ProgramId, Screener,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Whether holding `held` means the household already gets `program`.
///
/// A program covers itself. Beyond that, only where the rules leave no
/// doubt, so that "likely but not receiving" does not list what a held
/// status already brings:
/// - 低保 covers 低保边缘 (a 边缘 household is by definition not on 低保,
///   and 低保 brings everything the 边缘 status opens);
/// - 特困 covers 特困照料护理补贴 (paid with 特困供养, RULES §3);
/// - 低保, 特困 and 低保边缘 cover 医疗救助 (their members are medical-aid
///   recipients by status, at their share, RULES §6).
///
/// Nothing else: 特困 does not cover 低保 (other members of the household
/// may qualify), nor 孤儿 (one child chooses one scheme, but another child
/// may be the one who qualifies).
pub fn covers(held: ProgramId, program: ProgramId) -> bool {
    use ProgramId::*;
    held == program
        || matches!(
            (held, program),
            (Dibao, DibaoEdge) | (Tekun, TekunCare) | (Dibao | Tekun | DibaoEdge, Medical)
        )
}

/// Whether the household already receives `program` (see [`covers`]):
/// `None` when its `current_benefits` cell was empty (unknown).
pub fn receiving(h: &Household, program: ProgramId) -> Option<bool> {
    let held = h.current_benefits.as_ref()?;
    Some(held.iter().any(|b| covers(b.program, program)))
}

/// The one-letter codes of [`HouseholdResult::outcomes`].
pub mod code {
    /// Likely, and the household says it does not receive it.
    pub const LIKELY_NOT_RECEIVING: u8 = b'L';
    /// Likely; already received, or the household did not say.
    pub const LIKELY: u8 = b'l';
    pub const POSSIBLE: u8 = b'p';
    pub const UNLIKELY: u8 = b'u';
    pub const NOT_OFFERED: u8 = b'-';
}

/// One household's results, compact: the worker posts a hundred thousand
/// of them to the page. In JSON an array,
/// `[id, row, members, outcomes, amounts]`, the amounts in one string of
/// `index=value` items separated by commas, the value prefixed by `<` for
/// "up to" or `>` for "at least" and suffixed by its period's letter (`m`
/// month, `y` year, `o` once, `d` day, `s` share):
/// `["户000001",2,3,"-lup…","0=1300.00m,3=0.75s,5=<15480.00o"]` — one
/// string rather than an array of arrays, because the page reads it about
/// ten times faster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HouseholdResult {
    pub id: String,
    /// The row of its first member.
    pub row: u32,
    /// Its member rows.
    pub members: u32,
    /// One [`code`] per program of [`Results::programs`], in that order.
    pub outcomes: String,
    /// The amounts, each with the index of its program in
    /// [`Results::programs`].
    pub amounts: Vec<(u8, Amount)>,
}

/// The JSON form of [`HouseholdResult`].
type Wire = (String, u32, u32, String, String);

/// A period's letter in the compact texts of the results and the export's
/// units (`m`, `y`, `o`, `d`, `s`).
pub(crate) fn period_letter(p: Period) -> char {
    match p {
        Period::Month => 'm',
        Period::Year => 'y',
        Period::Once => 'o',
        Period::Day => 'd',
        Period::Share => 's',
    }
}

/// The period of a letter written by [`period_letter`].
pub(crate) fn period_of_letter(letter: u8) -> Option<Period> {
    Some(match letter {
        b'm' => Period::Month,
        b'y' => Period::Year,
        b'o' => Period::Once,
        b'd' => Period::Day,
        b's' => Period::Share,
        _ => return None,
    })
}

/// The amounts' string (see [`HouseholdResult`]).
fn amounts_text(amounts: &[(u8, Amount)]) -> String {
    let mut out = String::with_capacity(amounts.len() * 12);
    for (n, (i, a)) in amounts.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(crate::num::format_decimal(&Decimal::from(*i), &mut [0; 64]));
        out.push('=');
        match a.bound {
            Bound::Exact => {}
            Bound::UpTo => out.push('<'),
            Bound::AtLeast => out.push('>'),
        }
        out.push_str(crate::num::format_decimal(&a.value, &mut [0; 64]));
        out.push(period_letter(a.period));
    }
    out
}

/// Reads the amounts' string back; `None` if it is not one.
fn parse_amounts(text: &str) -> Option<Vec<(u8, Amount)>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    text.split(',')
        .map(|item| {
            let (i, rest) = item.split_once('=')?;
            let (bound, rest) = match rest.as_bytes().first()? {
                b'<' => (Bound::UpTo, &rest[1..]),
                b'>' => (Bound::AtLeast, &rest[1..]),
                _ => (Bound::Exact, rest),
            };
            let period = period_of_letter(*rest.as_bytes().last()?)?;
            let value = &rest[..rest.len() - 1];
            let value = crate::parse::plain_decimal(value).or_else(|| value.parse().ok())?;
            Some((
                i.parse().ok()?,
                Amount {
                    value,
                    period,
                    bound,
                },
            ))
        })
        .collect()
}

impl Serialize for HouseholdResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let mut t = s.serialize_tuple(5)?;
        t.serialize_element(&self.id)?;
        t.serialize_element(&self.row)?;
        t.serialize_element(&self.members)?;
        t.serialize_element(&self.outcomes)?;
        t.serialize_element(&amounts_text(&self.amounts))?;
        t.end()
    }
}

impl<'de> Deserialize<'de> for HouseholdResult {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (id, row, members, outcomes, amounts) = Wire::deserialize(d)?;
        let amounts = parse_amounts(&amounts)
            .ok_or_else(|| serde::de::Error::custom(format!("bad amounts {amounts:?}")))?;
        Ok(HouseholdResult {
            id,
            row,
            members,
            outcomes,
            amounts,
        })
    }
}

impl HouseholdResult {
    fn code(&self, i: usize) -> u8 {
        self.outcomes
            .as_bytes()
            .get(i)
            .copied()
            .unwrap_or(code::NOT_OFFERED)
    }

    /// The outcome of the `i`-th program.
    pub fn outcome(&self, i: usize) -> Outcome {
        match self.code(i) {
            code::LIKELY | code::LIKELY_NOT_RECEIVING => Outcome::Likely,
            code::POSSIBLE => Outcome::Possible,
            code::UNLIKELY => Outcome::Unlikely,
            _ => Outcome::NotOffered,
        }
    }

    /// Likely for the `i`-th program, and the household says it does not
    /// receive it.
    pub fn likely_not_receiving(&self, i: usize) -> bool {
        self.code(i) == code::LIKELY_NOT_RECEIVING
    }

    /// Whether any program is likely and not received.
    pub fn any_likely_not_receiving(&self) -> bool {
        self.outcomes
            .bytes()
            .any(|c| c == code::LIKELY_NOT_RECEIVING)
    }

    /// The amount of the `i`-th program.
    pub fn amount(&self, i: usize) -> Option<&Amount> {
        self.amounts
            .iter()
            .find(|(j, _)| usize::from(*j) == i)
            .map(|(_, a)| a)
    }
}

/// A roster's results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// The pack's jurisdiction code.
    pub pack: String,
    pub date: Date,
    pub encoding: Encoding,
    /// Some bytes were invalid in that encoding (shown as U+FFFD).
    pub malformed: bool,
    /// The programs the pack runs, in the order of DESIGN.md: the columns.
    pub programs: Vec<ProgramId>,
    /// In the order of their rows.
    pub households: Vec<HouseholdResult>,
    /// Bad rows and households with a bad row, in the order of their rows.
    /// A header that cannot be read is the only entry, at its row.
    pub bad: Vec<BadRow>,
}

/// How far a run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub households: usize,
    pub bad: usize,
    /// Bytes of the decoded text read so far, of `total`.
    pub read: usize,
    pub total: usize,
}

/// Screens households with one pack on one date.
pub struct Batch<'p> {
    screener: Screener<'p>,
    programs: Vec<ProgramId>,
    briefs: Vec<Brief>,
}

impl<'p> Batch<'p> {
    pub fn new(pack: &'p Pack, date: Date) -> Self {
        Batch {
            screener: Screener::new(pack, date),
            programs: ProgramId::ALL
                .iter()
                .copied()
                .filter(|&p| pack.offers(p))
                .collect(),
            briefs: Vec::with_capacity(ProgramId::ALL.len()),
        }
    }

    /// The programs the pack runs: the result columns.
    pub fn programs(&self) -> &[ProgramId] {
        &self.programs
    }

    /// One household's outcomes and amounts (those of `screen --batch
    /// --summary`) for the programs the pack runs.
    pub fn screen(&mut self, entry: Entry) -> HouseholdResult {
        let h = &entry.household;
        self.screener.summarize(h, &mut self.briefs);
        let mut outcomes = String::with_capacity(self.programs.len());
        let mut amounts = Vec::new();
        for (i, &p) in self.programs.iter().enumerate() {
            let Some(b) = self.briefs.get(p as usize).filter(|b| b.program == p) else {
                outcomes.push(char::from(code::NOT_OFFERED));
                continue;
            };
            let c = match b.outcome {
                Outcome::Likely if receiving(h, p) == Some(false) => code::LIKELY_NOT_RECEIVING,
                Outcome::Likely => code::LIKELY,
                Outcome::Possible => code::POSSIBLE,
                Outcome::Unlikely => code::UNLIKELY,
                Outcome::NotOffered => code::NOT_OFFERED,
            };
            outcomes.push(char::from(c));
            if let (Some(a), Ok(i)) = (&b.amount, u8::try_from(i)) {
                amounts.push((i, a.clone()));
            }
        }
        let members = u32::try_from(h.members.len()).unwrap_or(u32::MAX);
        HouseholdResult {
            id: entry.id,
            row: entry.row,
            members,
            outcomes,
            amounts,
        }
    }
}

/// Reads and screens a whole roster file, calling `progress` after every
/// `every` households and once at the end.
pub fn run(
    bytes: &[u8],
    pack: &Pack,
    date: Date,
    every: usize,
    mut progress: impl FnMut(Progress),
) -> Results {
    let decoded = decode(bytes);
    let mut batch = Batch::new(pack, date);
    let mut results = Results {
        pack: pack.jurisdiction.code.clone(),
        date,
        encoding: decoded.encoding,
        malformed: decoded.malformed,
        programs: batch.programs().to_vec(),
        households: Vec::new(),
        bad: Vec::new(),
    };
    let total = decoded.text.len();
    screen_all(
        Reader::new(&decoded.text),
        &mut batch,
        &mut results,
        (every, total),
        |read| read,
        &mut progress,
    );
    results
}

/// Screen every household `reader` reads into `results` (its bad rows too,
/// in row order; a header that does not read is the one bad row), calling
/// `progress` after every `every` households and once at the end; `scale`
/// turns the reader's position into the progress's `read` (out of `total`).
/// Returns the reader once it has read everything (none for a bad header).
pub(crate) fn screen_all<'t>(
    reader: Result<Reader<'t>, HeaderError>,
    batch: &mut Batch,
    results: &mut Results,
    (every, total): (usize, usize),
    scale: impl Fn(usize) -> usize,
    progress: &mut impl FnMut(Progress),
) -> Option<Reader<'t>> {
    let mut reader = match reader {
        Ok(r) => r,
        Err(HeaderError(bad)) => {
            results.bad.push(*bad);
            progress(Progress {
                households: 0,
                bad: 1,
                read: total,
                total,
            });
            return None;
        }
    };
    let every = every.max(1);
    let mut next_report = every;
    // Not a `for` loop: the reader's position is read inside.
    while let Some(item) = reader.next() {
        match item {
            Item::Household(entry) => results.households.push(batch.screen(entry)),
            Item::Bad(bad) => results.bad.push(bad),
        }
        if results.households.len() >= next_report {
            next_report += every;
            progress(Progress {
                households: results.households.len(),
                bad: results.bad.len(),
                read: scale(reader.position()),
                total,
            });
        }
    }
    // A household's bad row is known when its last row is read; bad rows
    // read meanwhile came first.
    results.bad.sort_by_key(|b| b.row);
    progress(Progress {
        households: results.households.len(),
        bad: results.bad.len(),
        read: total,
        total,
    });
    Some(reader)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_round_trip_through_their_string() {
        let d = |v: &str| v.parse::<Decimal>().expect("decimal");
        let amounts = vec![
            (0, Amount::new(d("1300"), Period::Month)),
            (3, Amount::new(d("0.75"), Period::Share)),
            (5, Amount::up_to(d("15480"), Period::Once)),
            (7, Amount::at_least(d("86.5"), Period::Year)),
            (21, Amount::new(d("150"), Period::Day)),
        ];
        let text = amounts_text(&amounts);
        assert_eq!(text, "0=1300.00m,3=0.75s,5=<15480.00o,7=>86.50y,21=150.00d");
        assert_eq!(parse_amounts(&text), Some(amounts));
        assert_eq!(parse_amounts(""), Some(Vec::new()));
        assert_eq!(parse_amounts("0=12x"), None);
    }
}
