//! A fast path for reading the batch's JSON lines into serde types.
//!
//! `serde_json` costs about 19,000 instructions per generated household, as
//! much as screening it. Most lines use a small part of JSON: objects,
//! arrays, strings without escapes, non-negative integers, `true`, `false`
//! and `null`. [`from_str`] reads such a line with a reader that knows only
//! that part and hands serde's visitors exactly what `serde_json` hands
//! them for it (a borrowed `&str`, a `u64`, a `bool`, none or some, a map
//! or a sequence), so a line it reads gives the same value. Anything else —
//! an escape, a control character, a minus sign, a fraction or exponent, an
//! integer beyond `u64`, an enum written as an object, deep nesting, bad
//! syntax, or a value its type rejects — makes it give up, and the line is
//! read again by `serde_json`, whose value or error (with its message and
//! position) is the one used. So the output is what `serde_json` alone
//! gives, byte for byte; only the common case is cheaper.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Visitor};
use serde::{Deserialize, forward_to_deserialize_any};
use std::fmt;

/// Parses `text` as `serde_json::from_str` does.
pub(crate) fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, serde_json::Error> {
    match fast(text) {
        Some(v) => Ok(v),
        None => serde_json::from_str(text),
    }
}

/// The fast reader alone: `None` where it gives up.
fn fast<'a, T: Deserialize<'a>>(text: &'a str) -> Option<T> {
    let mut de = Reader::new(text);
    let value = T::deserialize(&mut de).ok()?;
    de.at_end().then_some(value)
}

/// Nesting deeper than this gives up (`serde_json` stops at 128).
const MAX_DEPTH: u32 = 100;

/// Why the fast reader gave up: never shown, the line is read again.
#[derive(Debug)]
pub(crate) struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the fast reader's subset of JSON")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<M: fmt::Display>(_: M) -> Self {
        GiveUp
    }
}

pub(crate) type R<T> = Result<T, GiveUp>;

pub(crate) struct Reader<'a> {
    pub(crate) text: &'a str,
    pub(crate) bytes: &'a [u8],
    /// The next byte to read.
    pub(crate) at: usize,
    depth: u32,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Reader {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
        }
    }

    /// As `serde_json::from_str` requires after the value: only whitespace
    /// is left.
    pub(crate) fn at_end(&mut self) -> bool {
        self.skip_ws();
        self.at == self.bytes.len()
    }

    /// JSON whitespace, as `serde_json` skips it.
    #[inline]
    fn skip_ws(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            // Most tokens follow one another without space.
            if b > b' ' || !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return;
            }
            self.at += 1;
        }
    }

    /// The next byte after whitespace, not consumed.
    #[inline]
    pub(crate) fn peek(&mut self) -> R<u8> {
        self.skip_ws();
        self.bytes.get(self.at).copied().ok_or(GiveUp)
    }

    /// A string starting at the current `"`, without escapes or control
    /// characters (the text is valid UTF-8, so any other byte is content).
    #[inline]
    pub(crate) fn string(&mut self) -> R<&'a str> {
        let start = self.at + 1;
        let mut i = start;
        // Eight bytes at a time: the first quote, backslash or control
        // character among them is the lowest flagged byte (a flag above a
        // flagged byte may be false, one below cannot be).
        const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
        const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
        while let Some(chunk) = self.bytes.get(i..i + 8) {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            let w = u64::from_le_bytes(word);
            let quote = w ^ (ONES * u64::from(b'"'));
            let backslash = w ^ (ONES * u64::from(b'\\'));
            let flags = (quote.wrapping_sub(ONES) & !quote)
                | (backslash.wrapping_sub(ONES) & !backslash)
                | (w.wrapping_sub(ONES * 0x20) & !w);
            let flags = flags & HIGH;
            if flags != 0 {
                i += (flags.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        loop {
            match *self.bytes.get(i).ok_or(GiveUp)? {
                b'"' => break,
                b'\\' | 0..=0x1F => return Err(GiveUp),
                _ => i += 1,
            }
        }
        self.at = i + 1;
        // Both ends are at ASCII quotes, hence character boundaries.
        self.text.get(start..i).ok_or(GiveUp)
    }

    /// A non-negative integer that fits in a `u64`, as `serde_json` reads
    /// it into `visit_u64`; a fraction or exponent gives up (that is an
    /// `f64` there), and so does a leading zero before another digit.
    pub(crate) fn integer(&mut self) -> R<u64> {
        let start = self.at;
        let mut n: u64 = 0;
        while let Some(&d @ b'0'..=b'9') = self.bytes.get(self.at) {
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(d - b'0')))
                .ok_or(GiveUp)?;
            self.at += 1;
        }
        let digits = self.at - start;
        if digits > 1 && self.bytes[start] == b'0' {
            return Err(GiveUp);
        }
        match self.bytes.get(self.at) {
            Some(b'.' | b'e' | b'E') => Err(GiveUp),
            _ => Ok(n),
        }
    }

    /// `word` (`true`, `false`, `null`); inlined, so that the comparison
    /// is with a constant.
    #[inline(always)]
    pub(crate) fn literal(&mut self, word: &[u8]) -> R<()> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// The closing bracket of a map or sequence whose visitor stopped early.
    fn close(&mut self, bracket: u8) -> R<()> {
        if self.peek()? != bracket {
            return Err(GiveUp);
        }
        self.at += 1;
        Ok(())
    }

    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(GiveUp);
        }
        // The opening bracket.
        self.at += 1;
        Ok(())
    }
}

impl<'de, 'a: 'de> de::Deserializer<'de> for &mut Reader<'a> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        match self.peek()? {
            b'"' => {
                let s = self.string()?;
                visitor.visit_borrowed_str(s)
            }
            b'0'..=b'9' => {
                let n = self.integer()?;
                visitor.visit_u64(n)
            }
            b't' => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            b'n' => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            b'{' => {
                self.enter()?;
                let mut map = Map {
                    de: self,
                    first: true,
                    done: false,
                };
                let value = visitor.visit_map(&mut map)?;
                // A visitor may stop before the end (a TOML date reads one
                // entry): as `serde_json`, only the closing brace may be left.
                if !map.done {
                    self.close(b'}')?;
                }
                self.depth -= 1;
                Ok(value)
            }
            b'[' => {
                self.enter()?;
                let mut seq = Seq {
                    de: self,
                    first: true,
                    done: false,
                };
                let value = visitor.visit_seq(&mut seq)?;
                if !seq.done {
                    self.close(b']')?;
                }
                self.depth -= 1;
                Ok(value)
            }
            _ => Err(GiveUp),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        if self.peek()? == b'n' {
            self.literal(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// Unit variants written as strings; `serde_json`'s other forms give up.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> R<V::Value> {
        if self.peek()? != b'"' {
            return Err(GiveUp);
        }
        let s = self.string()?;
        visitor.visit_enum(UnitVariant(s))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> R<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    /// An unknown field's value: read through (checked as any value is),
    /// then unit, as `serde_json` does.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        self.deserialize_any(de::IgnoredAny)?;
        visitor.visit_unit()
    }

    // Every other request is answered from what the input holds, as
    // `serde_json` answers it for the kinds of value read here (its typed
    // methods reject a mismatch; here the visitor rejects it, and the line
    // is read again).
    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier
    }
}

struct Map<'r, 'a> {
    de: &'r mut Reader<'a>,
    first: bool,
    done: bool,
}

impl<'de, 'a: 'de> de::MapAccess<'de> for Map<'_, 'a> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> R<Option<K::Value>> {
        if self.done {
            return Ok(None);
        }
        match self.de.peek()? {
            b'}' => {
                // `{}` or the end after a value; `{"a":1,}` gives up below.
                self.de.at += 1;
                self.done = true;
                return Ok(None);
            }
            b',' if !self.first => {
                self.de.at += 1;
                if self.de.peek()? != b'"' {
                    return Err(GiveUp);
                }
            }
            b'"' if self.first => {}
            _ => return Err(GiveUp),
        }
        self.first = false;
        let key = self.de.string()?;
        if self.de.peek()? != b':' {
            return Err(GiveUp);
        }
        self.de.at += 1;
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> R<V::Value> {
        seed.deserialize(&mut *self.de)
    }
}

struct Seq<'r, 'a> {
    de: &'r mut Reader<'a>,
    first: bool,
    done: bool,
}

impl<'de, 'a: 'de> de::SeqAccess<'de> for Seq<'_, 'a> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> R<Option<T::Value>> {
        if self.done {
            return Ok(None);
        }
        match self.de.peek()? {
            // `[]`, or the end after an element.
            b']' => {
                self.de.at += 1;
                self.done = true;
                return Ok(None);
            }
            b',' if !self.first => {
                self.de.at += 1;
                // `[1,]` gives up: an element must follow the comma.
                if self.de.peek()? == b']' {
                    return Err(GiveUp);
                }
            }
            _ if self.first => {}
            _ => return Err(GiveUp),
        }
        self.first = false;
        seed.deserialize(&mut *self.de).map(Some)
    }
}

/// A unit variant named by a string, as `serde_json` reads `"applicant"`.
struct UnitVariant<'a>(&'a str);

impl<'de, 'a: 'de> de::EnumAccess<'de> for UnitVariant<'a> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> R<(V::Value, Self)> {
        let v = seed.deserialize(BorrowedStrDeserializer::new(self.0))?;
        Ok((v, self))
    }
}

impl<'de, 'a: 'de> de::VariantAccess<'de> for UnitVariant<'a> {
    type Error = GiveUp;

    fn unit_variant(self) -> R<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> R<T::Value> {
        Err(GiveUp)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> R<V::Value> {
        Err(GiveUp)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> R<V::Value> {
        Err(GiveUp)
    }
}

/// Each text made from `text` by cutting it short at every byte, and by
/// putting in or replacing each byte with one of a set of troublesome bytes
/// (the valid UTF-8 ones only): the fast readers' tests compare them with
/// `serde_json`.
#[cfg(test)]
pub(crate) fn for_each_mutation(text: &str, mut f: impl FnMut(&str)) {
    const BYTES: &[u8] = b" \t\n\r,:{}[]\"\\-+.0159eEtfnulxa\x01\x7f";
    let bytes = text.as_bytes();
    for i in 0..=bytes.len() {
        if let Ok(cut) = std::str::from_utf8(&bytes[..i]) {
            f(cut);
        }
        for &b in BYTES {
            let mut put = bytes.to_vec();
            put.insert(i, b);
            if let Ok(t) = std::str::from_utf8(&put) {
                f(t);
            }
            if i < bytes.len() {
                let mut replaced = bytes.to_vec();
                replaced[i] = b;
                if let Ok(t) = std::str::from_utf8(&replaced) {
                    f(t);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules_core::Household;

    /// Households that use every field, unknowns, lists and nesting.
    const SAMPLES: &[&str] = &[
        r#"{"money_assets":"7903","cars":0,"homes":1,"runs_business":false,"current_benefits":[],"members":[{"relation":"applicant","age":60,"hukou":{"local":true,"kind":"urban"},"disability":{"has":false},"supporters":"able","incomes":[{"kind":"wages","monthly":"2260"}]},{"relation":"child","age":7,"hukou":{"local":true,"kind":"urban"},"disability":{"category":"physical","grade":2},"supporters":"none","incomes":[]}]}"#,
        r#" { "jurisdiction" : "441521", "money_assets": 3000, "cars": null, "spending_12m": { "medical": "6000.50", "education": 1200 },
           "housing_difficulty": true, "current_benefits": [ { "program": "dibao", "member": 0, "since": "2024-01-31", "monthly": "400" } ],
           "emergency": "none", "emergency_date": "2025-05-01", "recent_death": false, "legal_matter": null, "monitoring_target": true,
           "unknown_field": {"a": [1, {"b": [[]]}, "x", true, null]},
           "members": [ { "relation": "parent", "birth_date": "1950-02-28", "sex": "female", "hukou": {"residence_permit": true},
             "serious_illness": true, "two_cancers_diagnosis": false, "self_care": "none", "adl_unable": ["eating", "bathing"],
             "student": "not_student", "work_capacity": "partial", "employment": "not_working", "job_started": "2025-01-01",
             "incomes": [ {"kind": "resident_basic_pension", "monthly": "180.00"}, {"kind": "wages"} ], "living": "together",
             "orphan_status": "not_orphan", "care_mode": "dispersed", "custody_mode": "home", "union_member": true,
             "hospital_stay": {"level": "county", "days": 12}, "disability": {"category": "mental", "grade": 1, "autism": false} } ] }
"#,
        "{}",
        "{\"members\":[]}\r\n",
        // serde_json reads a struct from an array too.
        r#"{"hukou":[true,"rural"]}"#,
        r#"{"emergency_date":{"$__toml_private_datetime":"2025-01-02"}}"#,
    ];

    /// Wherever the fast reader gives a value, `serde_json` gives the
    /// same one.
    fn agrees(text: &str) {
        if let Some(fast) = fast::<Household>(text) {
            let slow = serde_json::from_str::<Household>(text);
            assert_eq!(slow.as_ref().ok(), Some(&fast), "{text:?}: {slow:?}");
        }
    }

    #[test]
    fn reads_the_samples_as_serde_json_does() {
        for text in SAMPLES {
            let fast = fast::<Household>(text).unwrap_or_else(|| panic!("not read: {text}"));
            assert_eq!(
                fast,
                serde_json::from_str::<Household>(text).expect("valid"),
                "{text}"
            );
        }
    }

    #[test]
    fn gives_up_outside_its_subset() {
        for text in [
            r#"{"money_assets":-5}"#,
            r#"{"money_assets":-0}"#,
            r#"{"money_assets":1.5}"#,
            r#"{"money_assets":1e3}"#,
            r#"{"money_assets":18446744073709551616}"#,
            r#"{"cars":01}"#,
            r#"{"jurisdiction":"a\"b"}"#,
            r#"{"jurisdiction":"a\u0041"}"#,
            "{\"jurisdiction\":\"a\tb\"}",
            r#"{"emergency":{"none":null}}"#,
            r#"{"members":[],}"#,
            r#"{"members":[{},]}"#,
            r#"{"members":[] "cars":1}"#,
            r#"{"members":[]}x"#,
            r#"{"cars":1,"cars":2}"#,
            r#"{"cars":"1"}"#,
            r#"{"cars":tru}"#,
            "\u{feff}{}",
            "",
            "[",
            "{",
        ] {
            assert!(fast::<Household>(text).is_none(), "{text}");
            agrees(text);
        }
        let deep = format!("{{\"x\":{}{}}}", "[".repeat(120), "]".repeat(120));
        assert!(fast::<Household>(&deep).is_none());
        assert!(serde_json::from_str::<Household>(&deep).is_ok());
    }

    /// Every sample cut short at every byte, and with each of a set of
    /// troublesome bytes put in or replacing each byte: the fast reader
    /// either gives up or agrees with `serde_json`.
    #[test]
    fn agrees_with_serde_json_on_mutated_lines() {
        for text in SAMPLES {
            for_each_mutation(text, agrees);
        }
    }

    #[test]
    fn errors_are_serde_json_s() {
        let text = "{\"cars\":-1}\n";
        assert_eq!(
            from_str::<Household>(text)
                .expect_err("negative")
                .to_string(),
            serde_json::from_str::<Household>(text)
                .expect_err("negative")
                .to_string()
        );
    }
}
