//! The result of a screening: decisions with their reasons.

use crate::date::Date;
use crate::money::{Amount, round2};
use crate::pack::{ParamValue, Payee, Source, Text, TimeLimits};
use crate::program::ProgramId;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// How likely the household is to qualify for a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The answers meet every test.
    Likely,
    /// Meets the tests that could be checked; something needs verification.
    Possible,
    /// A test fails.
    Unlikely,
    /// The jurisdiction does not run the program.
    NotOffered,
}

/// The result of one test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Passed,
    Failed,
    Unknown,
}

/// A message argument's value. The engine keeps the value it computed and
/// writes its text only when the argument is serialised, compared or shown
/// (a screening kept in memory, or dropped unread, formats nothing); values
/// read back from JSON are text. Two values are equal when their texts are.
#[derive(Clone, Debug)]
pub enum ArgValue {
    /// Money, written to the fen (two decimal places, half away from zero).
    Money(Decimal),
    /// A plain decimal (multiples, shares, months), without trailing zeros.
    Number(Decimal),
    /// A count or a member index.
    Count(usize),
    /// A date, `YYYY-MM-DD`.
    Date(Date),
    /// Text as it is.
    Text(Cow<'static, str>),
}

impl ArgValue {
    /// Calls `f` with the value's text, written into a buffer on the stack
    /// (text values are passed as they are).
    pub fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        let mut buf = TextBuf::new();
        match self {
            ArgValue::Text(t) => return f(t),
            ArgValue::Money(v) => push_money(&mut buf, *v),
            ArgValue::Number(v) => {
                // Through `Display`, as `to_string` writes it.
                let _ = fmt::Write::write_fmt(&mut buf, format_args!("{}", v.normalize()));
            }
            ArgValue::Count(n) => buf.push_digits(*n as u64),
            ArgValue::Date(d) => push_date(&mut buf, *d),
        }
        f(buf.as_str())
    }

    /// The value's text (borrowed for text values).
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            ArgValue::Text(t) => Cow::Borrowed(t),
            other => Cow::Owned(other.with_text(str::to_owned)),
        }
    }
}

impl fmt::Display for ArgValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_text(|t| f.write_str(t))
    }
}

impl PartialEq for ArgValue {
    fn eq(&self, other: &Self) -> bool {
        self.with_text(|a| other.with_text(|b| a == b))
    }
}

impl Eq for ArgValue {}

impl From<String> for ArgValue {
    fn from(s: String) -> Self {
        ArgValue::Text(Cow::Owned(s))
    }
}

impl From<&'static str> for ArgValue {
    fn from(s: &'static str) -> Self {
        ArgValue::Text(Cow::Borrowed(s))
    }
}

impl Serialize for ArgValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.with_text(|t| s.serialize_str(t))
    }
}

/// A value's text on the stack: long enough for any `Decimal` (29 digits, a
/// sign, a point and leading zeros), a count or a date; longer text, which
/// none of them writes, spills to the heap rather than being cut.
struct TextBuf {
    bytes: [u8; 48],
    len: usize,
    spilled: Option<String>,
}

impl TextBuf {
    fn new() -> Self {
        TextBuf {
            bytes: [0; 48],
            len: 0,
            spilled: None,
        }
    }

    fn push(&mut self, b: u8) {
        self.push_bytes(&[b]);
    }

    fn push_bytes(&mut self, b: &[u8]) {
        if let Some(s) = &mut self.spilled {
            // Only whole UTF-8 pieces are pushed (ASCII, or `write_str`'s).
            s.push_str(std::str::from_utf8(b).unwrap_or_default());
            return;
        }
        match self.bytes.get_mut(self.len..self.len + b.len()) {
            Some(dst) => {
                dst.copy_from_slice(b);
                self.len += b.len();
            }
            None => {
                let mut s = self.as_str().to_owned();
                s.push_str(std::str::from_utf8(b).unwrap_or_default());
                self.spilled = Some(s);
            }
        }
    }

    /// Appends `n` in decimal digits, as `n.to_string()` writes it.
    fn push_digits(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.push_bytes(&digits[start..]);
    }

    fn as_str(&self) -> &str {
        match &self.spilled {
            Some(s) => s,
            // Only whole UTF-8 pieces were pushed.
            None => std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default(),
        }
    }
}

impl fmt::Write for TextBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_bytes(s.as_bytes());
        Ok(())
    }
}

/// `round2(v).to_string()`, without the general decimal formatter: the
/// rounded value has two decimal places, so it is `[-]integer.ff`.
fn push_money(out: &mut TextBuf, v: Decimal) {
    let r = round2(v);
    let m = r.mantissa().unsigned_abs();
    match u64::try_from(m / 100) {
        Ok(int) if r.scale() == 2 => {
            let frac = (m % 100) as u8;
            if r.is_sign_negative() {
                out.push(b'-');
            }
            out.push_digits(int);
            out.push_bytes(&[b'.', b'0' + frac / 10, b'0' + frac % 10]);
        }
        _ => {
            let _ = fmt::Write::write_fmt(out, format_args!("{r}"));
        }
    }
}

/// `d.to_string()` (`YYYY-MM-DD`), without the general formatter for the
/// years it can write as four digits.
fn push_date(out: &mut TextBuf, d: Date) {
    match u16::try_from(d.year()) {
        Ok(y) if y <= 9999 => {
            let digit = |n: u16| b'0' + (n % 10) as u8;
            let (m, day) = (u16::from(d.month()), u16::from(d.day()));
            out.push_bytes(&[
                digit(y / 1000),
                digit(y / 100),
                digit(y / 10),
                digit(y),
                b'-',
                digit(m / 10),
                digit(m),
                b'-',
                digit(day / 10),
                digit(day),
            ]);
        }
        _ => {
            let _ = fmt::Write::write_fmt(out, format_args!("{d}"));
        }
    }
}

/// Named arguments of a message (Fluent-style), serialised as a JSON object
/// of strings in the order they were given; amounts are decimal strings in
/// yuan. Most messages have at most two, kept inline (no allocation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Args(pub SmallVec<[(Cow<'static, str>, ArgValue); 2]>);

impl Args {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value of a named argument.
    pub fn get(&self, name: &str) -> Option<&ArgValue> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }
}

impl Serialize for Args {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de> Deserialize<'de> for Args {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Args;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a map of message arguments")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Args, A::Error> {
                let mut out = SmallVec::new();
                while let Some((k, v)) = m.next_entry::<String, String>()? {
                    out.push((Cow::Owned(k), ArgValue::from(v)));
                }
                Ok(Args(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// A test applied: a message id (`test-dibao-income-below-standard`) and its arguments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub id: Cow<'static, str>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Args::is_empty")]
    pub args: Args,
}

/// A message id with arguments: notes, recommendations, what would change a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: Cow<'static, str>,
    #[serde(default, skip_serializing_if = "Args::is_empty")]
    pub args: Args,
}

/// One step of an amount's computation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: Cow<'static, str>,
    #[serde(default, skip_serializing_if = "Args::is_empty")]
    pub args: Args,
    pub value: Decimal,
}

/// The decision for one program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub program: ProgramId,
    pub outcome: Outcome,
    #[serde(default)]
    pub tests: Vec<Check>,
    /// Parameter values used, with their sources and example flags.
    #[serde(default)]
    pub parameters: Vec<ParamValue>,
    #[serde(default)]
    pub amount: Option<Amount>,
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Member indexes the decision covers.
    #[serde(default)]
    pub covered: Vec<usize>,
    /// For `unlikely`: what would change the result.
    #[serde(default)]
    pub would_change: Vec<Message>,
    /// Interactions, recommendations, services.
    #[serde(default)]
    pub notes: Vec<Message>,
    #[serde(default)]
    pub paid_to: Option<Payee>,
    #[serde(default)]
    pub rule: Option<Arc<Source>>,
    #[serde(default)]
    pub office: Option<Text>,
    #[serde(default)]
    pub apply_at: Option<Text>,
    #[serde(default)]
    pub time_limits: Option<Arc<TimeLimits>>,
    /// Document ids needed (一次性告知).
    #[serde(default)]
    pub documents: Vec<Text>,
}

/// A program's outcome and amount without the rest of its decision: what a
/// batch summary lists (see `Screener::summarize`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brief {
    pub program: ProgramId,
    pub outcome: Outcome,
    pub amount: Option<Amount>,
}

/// One item of the merged document checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub id: Text,
    pub name: Text,
    /// The likely/possible programs that need it (inline: there are 22).
    pub programs: SmallVec<[ProgramId; 16]>,
}

/// A whole screening: one decision per program id, in the order of DESIGN.md.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    pub jurisdiction: String,
    pub jurisdiction_name: String,
    pub demo: bool,
    pub as_of: Date,
    pub household_size: usize,
    pub decisions: Vec<Decision>,
    /// Documents for every likely/possible program, most needed first.
    pub checklist: Vec<ChecklistItem>,
}

impl Screening {
    /// The decision for a program.
    pub fn decision(&self, program: ProgramId) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.program == program)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(v: &ArgValue) -> String {
        v.with_text(str::to_owned)
    }

    #[test]
    fn counts_and_dates_are_written_as_display_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(text(&ArgValue::Count(n)), n.to_string());
        }
        for (y, m, d) in [
            (2025, 6, 1),
            (1999, 12, 31),
            (2000, 2, 29),
            (1, 1, 1),
            (987, 10, 9),
            (9999, 12, 31),
        ] {
            let date = Date::new(y, m, d).expect("valid date");
            assert_eq!(text(&ArgValue::Date(date)), date.to_string());
        }
    }

    fn decimals() -> Vec<Decimal> {
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "0.00",
            "0.005",
            "-0.005",
            "0.5",
            "1.50",
            "1300",
            "1300.004",
            "-1.255",
            "12345678901234567.891",
            "0.0000000000000000000000000001",
            "-0.0000000000000000000000000001",
        ]
        .iter()
        .map(|c| c.parse().expect("decimal"))
        .collect();
        values.extend([
            Decimal::MAX,
            Decimal::MIN,
            -Decimal::ZERO,
            Decimal::new(-0, 2),
        ]);
        values
    }

    #[test]
    fn money_is_round2_to_string() {
        for v in decimals() {
            assert_eq!(text(&ArgValue::Money(v)), round2(v).to_string(), "{v}");
        }
    }

    #[test]
    fn numbers_are_normalized_to_string() {
        for v in decimals() {
            assert_eq!(text(&ArgValue::Number(v)), v.normalize().to_string(), "{v}");
        }
    }

    #[test]
    fn values_equal_and_serialise_as_their_text() {
        let on = Date::new(2025, 6, 1).expect("date");
        let v: Decimal = "1300.005".parse().expect("decimal");
        for (value, want) in [
            (ArgValue::Money(v), "1300.01"),
            (ArgValue::Number(v), "1300.005"),
            (ArgValue::Count(3), "3"),
            (ArgValue::Date(on), "2025-06-01"),
            (ArgValue::from("urban"), "urban"),
        ] {
            assert_eq!(value, ArgValue::from(want.to_owned()));
            assert_ne!(value, ArgValue::from(format!("{want}0")));
            assert_eq!(value.to_string(), want);
            assert_eq!(value.text(), want);
            let json = serde_json::to_string(&value).expect("json");
            assert_eq!(json, serde_json::to_string(want).expect("json"));
        }
        // Text that needs escaping is escaped as a string is.
        let quoted = ArgValue::from("a \"b\"\n");
        assert_eq!(
            serde_json::to_string(&quoted).expect("json"),
            serde_json::to_string("a \"b\"\n").expect("json")
        );
    }

    #[test]
    fn long_text_spills_to_the_heap_whole() {
        let mut buf = TextBuf::new();
        let long = "一二三四五六七八九十".repeat(3);
        for _ in 0..3 {
            fmt::Write::write_str(&mut buf, &long).expect("write");
        }
        buf.push_digits(42);
        assert_eq!(buf.as_str(), format!("{long}{long}{long}42"));
    }

    #[test]
    fn args_keep_their_order_and_round_trip() {
        let mut args = Args::default();
        for (k, v) in [
            ("member", ArgValue::Count(2)),
            ("wages", ArgValue::Money(Decimal::new(123_456, 1))),
            ("limit", ArgValue::Number(Decimal::new(150, 2))),
        ] {
            args.0.push((Cow::Borrowed(k), v));
        }
        let json = serde_json::to_string(&args).expect("json");
        assert_eq!(json, r#"{"member":"2","wages":"12345.60","limit":"1.5"}"#);
        let back: Args = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, args);
        assert_eq!(
            back.get("wages").map(ArgValue::text).as_deref(),
            Some("12345.60")
        );
        assert!(args.get("nobody").is_none());
    }
}
