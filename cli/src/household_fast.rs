//! The batch's common case read straight into a [`Household`], without
//! serde's generic struct machinery.
//!
//! [`json_fast`](crate::json_fast) hands serde's derived visitors each key
//! and value; for a generated household that is still ≈ 15,000
//! instructions, most of it identifying field names and moving values
//! through serde's layers. This reader knows the household's shape: it
//! matches each key to its field and reads the value into place. The
//! values themselves — decimals, dates, enum names, bounded integers — are
//! still made by their own `Deserialize` impls, from exactly what
//! `json_fast` (and so `serde_json`) hands them: a borrowed `&str` or a
//! `u64`. Anything this reader does not expect — an unknown or repeated
//! key, a required field missing, `null` where the type has no `None`, a
//! struct written as an array, any value outside `json_fast`'s subset —
//! makes it give up, and the line is read by `json_fast` and, failing that,
//! by `serde_json`. So a line it reads has the value serde gives it.

use crate::json_fast::{GiveUp, R, Reader};
use rules_core::Household;
use rules_core::household::{
    BenefitHeld, Disability, HospitalStay, Hukou, Income, Member, Spending,
};
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::IntoDeserializer;
use serde::de::value::{BorrowedStrDeserializer, U64Deserializer};

/// The household on `text`, or `None` where this reader gives up.
#[cfg(test)]
pub(crate) fn household(text: &str) -> Option<Household> {
    let mut h = Household::default();
    read_into(text, &mut h).then_some(h)
}

/// Reads the household on `text` into `h`, reusing its members and their
/// income lists (a batch reads every line into one `Household`, so most
/// lines allocate nothing). `false` where this reader gives up; `h` then
/// holds a partly read household.
pub(crate) fn read_into(text: &str, h: &mut Household) -> bool {
    let mut r = Reader::new(text);
    read_household(&mut r, h).is_ok() && r.at_end()
}

/// Marks field `bit` as read; a key given twice gives up (serde's derive
/// rejects a duplicate field).
fn once(seen: &mut u32, bit: u32) -> R<()> {
    if *seen & (1 << bit) != 0 {
        return Err(GiveUp);
    }
    *seen |= 1 << bit;
    Ok(())
}

/// An object's key: its first 16 bytes packed into a number (little-endian,
/// zero bytes after a shorter key) and the key itself. A key holds no byte
/// below 0x20, so two keys of at most 15 bytes are equal exactly when their
/// words are; a longer key is also compared whole ([`Key::is`]).
#[derive(Clone, Copy)]
struct Key<'a> {
    word: u128,
    text: &'a [u8],
}

impl Key<'_> {
    fn is(&self, key: &[u8]) -> bool {
        self.text == key
    }
}

/// `key`'s word (see [`Key`]).
const fn word(key: &[u8]) -> u128 {
    let mut w = 0;
    let mut i = 0;
    while i < key.len() && i < 16 {
        w |= (key[i] as u128) << (8 * i);
        i += 1;
    }
    w
}

/// Names the keys' words, to match on.
macro_rules! keys {
    ($($name:ident: $key:literal,)*) => {
        $(const $name: u128 = word($key.as_bytes());)*
    };
}

keys! {
    K_ADL_UNABLE: "adl_unable",
    K_AGE: "age",
    K_AUTISM: "autism",
    K_BIRTH_DATE: "birth_date",
    K_CARE_MODE: "care_mode",
    K_CARS: "cars",
    K_CATEGORY: "category",
    K_CURRENT_BENEFITS: "current_benefits",
    K_CUSTODY_MODE: "custody_mode",
    K_DAYS: "days",
    K_DISABILITY: "disability",
    K_EDUCATION: "education",
    K_EMERGENCY: "emergency",
    K_EMERGENCY_DATE: "emergency_date",
    K_EMPLOYMENT: "employment",
    K_GRADE: "grade",
    K_HAS: "has",
    K_HOMES: "homes",
    K_HOSPITAL_STAY: "hospital_stay",
    K_HOUSING_DIFFICULTY: "housing_difficulty",
    K_HUKOU: "hukou",
    K_INCOMES: "incomes",
    K_JOB_STARTED: "job_started",
    K_JURISDICTION: "jurisdiction",
    K_KIND: "kind",
    K_LEGAL_MATTER: "legal_matter",
    K_LEVEL: "level",
    K_LIVING: "living",
    K_LOCAL: "local",
    K_MEDICAL: "medical",
    K_MEMBER: "member",
    K_MEMBERS: "members",
    K_MONEY_ASSETS: "money_assets",
    K_MONITORING_TARGET: "monitoring_target",
    K_MONTHLY: "monthly",
    K_ORPHAN_STATUS: "orphan_status",
    K_PROGRAM: "program",
    K_RECENT_DEATH: "recent_death",
    K_REHABILITATION: "rehabilitation",
    K_RELATION: "relation",
    K_RESIDENCE_PERMIT: "residence_permit",
    K_RUNS_BUSINESS: "runs_business",
    K_SELF_CARE: "self_care",
    K_SERIOUS_ILLNESS: "serious_illness",
    K_SEX: "sex",
    K_SINCE: "since",
    K_SPENDING_12M: "spending_12m",
    K_STUDENT: "student",
    K_SUPPORTERS: "supporters",
    K_TWO_CANCERS_DIAGNOSIS: "two_cancers_diagnosis",
    K_UNION_MEMBER: "union_member",
    K_WORK_CAPACITY: "work_capacity",
}

/// The bytes of `w` (eight, little-endian) that are a quote, a backslash or
/// below 0x20, flagged by their high bit. The lowest flag is the first such
/// byte; flags above it may be false (a borrow), flags below it cannot be.
#[inline(always)]
fn specials(w: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let quote = w ^ (ONES * u64::from(b'"'));
    let backslash = w ^ (ONES * u64::from(b'\\'));
    ((quote.wrapping_sub(ONES) & !quote)
        | (backslash.wrapping_sub(ONES) & !backslash)
        | (w.wrapping_sub(ONES * 0x20) & !w))
        & HIGH
}

/// The key starting at the current `"`, as [`Reader::string`] reads it
/// (no escapes, no control characters), with its word. A key of up to 16
/// bytes is found with two 8-byte loads: its closing quote is the first
/// quote, backslash or control byte (see [`specials`]).
#[inline(always)]
fn key<'a>(r: &mut Reader<'a>) -> R<Key<'a>> {
    let bytes = r.bytes;
    let start = r.at + 1;
    if let Some(chunk) = bytes.get(start..start + 17) {
        let mut half = [0; 8];
        half.copy_from_slice(&chunk[..8]);
        let lo = u64::from_le_bytes(half);
        let flags = specials(lo);
        let (len, lo, hi) = if flags != 0 {
            let len = (flags.trailing_zeros() / 8) as usize;
            (len, lo & ((1 << (8 * len)) - 1), 0)
        } else {
            half.copy_from_slice(&chunk[8..16]);
            let hi = u64::from_le_bytes(half);
            let flags = specials(hi);
            if flags != 0 {
                let len = (flags.trailing_zeros() / 8) as usize;
                (8 + len, lo, hi & ((1 << (8 * len)) - 1))
            } else {
                (16, lo, hi)
            }
        };
        if chunk[len] == b'"' {
            r.at = start + len + 1;
            return Ok(Key {
                word: u128::from(lo) | (u128::from(hi) << 64),
                text: &chunk[..len],
            });
        }
        // An escape or control character (given up on below), or a key
        // longer than 16 bytes.
    }
    let text = r.string()?.as_bytes();
    Ok(Key {
        word: word(text),
        text,
    })
}

/// A string value starting at the current `"`, as [`Reader::string`]
/// reads it. Most values (enum names, dates, amounts) are at most 15 bytes:
/// found with two 8-byte loads, as [`key`] finds a key. Not inlined: the
/// struct readers' loops stay small.
#[inline(never)]
fn value_str<'a>(r: &mut Reader<'a>) -> R<&'a str> {
    let start = r.at + 1;
    if let Some(chunk) = r.bytes.get(start..start + 16) {
        let mut half = [0; 8];
        half.copy_from_slice(&chunk[..8]);
        let mut flags = specials(u64::from_le_bytes(half));
        let mut len = 0;
        if flags == 0 {
            half.copy_from_slice(&chunk[8..]);
            flags = specials(u64::from_le_bytes(half));
            len = 8;
        }
        if flags != 0 {
            len += (flags.trailing_zeros() / 8) as usize;
            if chunk[len] == b'"' {
                r.at = start + len + 1;
                // Both ends are at ASCII quotes, hence character boundaries.
                return r.text.get(start..start + len).ok_or(GiveUp);
            }
        }
    }
    r.string()
}

/// Reads an object, calling `field` with each key once the reader is past
/// its colon. The same syntax as `json_fast`'s maps: no trailing comma.
fn object<'a>(
    r: &mut Reader<'a>,
    mut field: impl FnMut(&mut Reader<'a>, Key<'a>) -> R<()>,
) -> R<()> {
    if r.peek()? != b'{' {
        return Err(GiveUp);
    }
    r.at += 1;
    if r.peek()? == b'}' {
        r.at += 1;
        return Ok(());
    }
    loop {
        if r.peek()? != b'"' {
            return Err(GiveUp);
        }
        let key = key(r)?;
        if r.peek()? != b':' {
            return Err(GiveUp);
        }
        r.at += 1;
        field(r, key)?;
        match r.peek()? {
            b',' => r.at += 1,
            b'}' => {
                r.at += 1;
                return Ok(());
            }
            _ => return Err(GiveUp),
        }
    }
}

/// Reads an array, calling `element` for each element.
fn elements<'a>(r: &mut Reader<'a>, mut element: impl FnMut(&mut Reader<'a>) -> R<()>) -> R<()> {
    if r.peek()? != b'[' {
        return Err(GiveUp);
    }
    r.at += 1;
    if r.peek()? == b']' {
        r.at += 1;
        return Ok(());
    }
    loop {
        element(r)?;
        match r.peek()? {
            b',' => r.at += 1,
            b']' => {
                r.at += 1;
                return Ok(());
            }
            _ => return Err(GiveUp),
        }
    }
}

/// Reads an array of elements read by `element` into `out` (emptied first).
fn array_into<'a, T>(
    r: &mut Reader<'a>,
    out: &mut Vec<T>,
    mut element: impl FnMut(&mut Reader<'a>) -> R<T>,
) -> R<()> {
    out.clear();
    elements(r, |r| {
        out.push(element(r)?);
        Ok(())
    })
}

/// Reads an array of elements read by `element`.
fn array<'a, T>(r: &mut Reader<'a>, element: impl FnMut(&mut Reader<'a>) -> R<T>) -> R<Vec<T>> {
    let mut out = Vec::new();
    array_into(r, &mut out, element)?;
    Ok(out)
}

/// Reads an array into the vector left over from the previous line, if
/// there is one (see [`read_into`]).
fn array_reusing<'a, T>(
    r: &mut Reader<'a>,
    spare: &mut Option<Vec<T>>,
    element: impl FnMut(&mut Reader<'a>) -> R<T>,
) -> R<Vec<T>> {
    let mut out = spare.take().unwrap_or_default();
    array_into(r, &mut out, element)?;
    Ok(out)
}

/// `null` as `None`, anything else read by `value`.
fn opt<'a, T>(r: &mut Reader<'a>, value: impl FnOnce(&mut Reader<'a>) -> R<T>) -> R<Option<T>> {
    if r.peek()? == b'n' {
        r.literal(b"null")?;
        Ok(None)
    } else {
        value(r).map(Some)
    }
}

fn boolean(r: &mut Reader<'_>) -> R<bool> {
    match r.peek()? {
        b't' => r.literal(b"true").map(|()| true),
        b'f' => r.literal(b"false").map(|()| false),
        _ => Err(GiveUp),
    }
}

/// A non-negative integer, within the range of `T` (serde's integer
/// visitors reject the rest).
fn uint<T: TryFrom<u64>>(r: &mut Reader<'_>) -> R<T> {
    if !r.peek()?.is_ascii_digit() {
        return Err(GiveUp);
    }
    T::try_from(r.integer()?).map_err(|_| GiveUp)
}

/// A value made by its `Deserialize` impl from a string, as `json_fast`
/// hands it one (a borrowed `&str`): dates and enum names.
fn from_str<'a, T: Deserialize<'a>>(r: &mut Reader<'a>) -> R<T> {
    if r.peek()? != b'"' {
        return Err(GiveUp);
    }
    let s = value_str(r)?;
    T::deserialize(BorrowedStrDeserializer::<GiveUp>::new(s))
}

/// A decimal from a string or a non-negative integer, through `Decimal`'s
/// own `Deserialize` (as `json_fast` hands it either).
fn decimal(r: &mut Reader<'_>) -> R<Decimal> {
    match r.peek()? {
        b'"' => {
            let s = value_str(r)?;
            match plain_decimal(s.as_bytes()) {
                Some(d) => Ok(d),
                None => {
                    <Decimal as Deserialize>::deserialize(BorrowedStrDeserializer::<GiveUp>::new(s))
                }
            }
        }
        b'0'..=b'9' => {
            let n: U64Deserializer<GiveUp> = r.integer()?.into_deserializer();
            <Decimal as Deserialize>::deserialize(n)
        }
        _ => Err(GiveUp),
    }
}

/// A decimal written plainly: digits, then optionally a point and digits,
/// eighteen digits at most (so the mantissa fits a `u64`). `Decimal`'s
/// parser gives such text exactly its digits as mantissa and the digits
/// after the point as scale (`"0.00"` is zero at scale 2, `"007"` is 7);
/// anything else (a sign, an exponent, more digits) is left to it.
fn plain_decimal(s: &[u8]) -> Option<Decimal> {
    let (int, frac) = match s.iter().position(|&b| b == b'.') {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, &[][..]),
    };
    if int.is_empty() || (frac.is_empty() && int.len() < s.len()) || s.len() > 19 {
        return None;
    }
    let mut m: u64 = 0;
    for &b in int.iter().chain(frac) {
        if !b.is_ascii_digit() {
            return None;
        }
        m = m * 10 + u64::from(b - b'0');
    }
    // At most 17 digits after the point, well within `Decimal`'s 28.
    Some(Decimal::from_i128_with_scale(
        i128::from(m),
        frac.len() as u32,
    ))
}

fn read_household<'a>(r: &mut Reader<'a>, h: &mut Household) -> R<()> {
    // Everything back to its default but the members, read in place.
    let members = std::mem::take(&mut h.members);
    *h = Household {
        members,
        ..Household::default()
    };
    let mut seen = 0;
    object(r, |r, key| {
        match key.word {
            K_JURISDICTION => {
                once(&mut seen, 0)?;
                h.jurisdiction = opt(r, |r| {
                    if r.peek()? != b'"' {
                        return Err(GiveUp);
                    }
                    r.string().map(str::to_owned)
                })?;
            }
            K_MEMBERS => {
                once(&mut seen, 1)?;
                let mut n = 0;
                elements(r, |r| {
                    if n == h.members.len() {
                        h.members.push(Member::default());
                    }
                    read_member(r, &mut h.members[n])?;
                    n += 1;
                    Ok(())
                })?;
                h.members.truncate(n);
            }
            K_MONEY_ASSETS => {
                once(&mut seen, 2)?;
                h.money_assets = opt(r, decimal)?;
            }
            K_CARS => {
                once(&mut seen, 3)?;
                h.cars = opt(r, uint)?;
            }
            K_HOMES => {
                once(&mut seen, 4)?;
                h.homes = opt(r, uint)?;
            }
            K_RUNS_BUSINESS => {
                once(&mut seen, 5)?;
                h.runs_business = opt(r, boolean)?;
            }
            K_SPENDING_12M => {
                once(&mut seen, 6)?;
                h.spending_12m = read_spending(r)?;
            }
            K_HOUSING_DIFFICULTY if key.is(b"housing_difficulty") => {
                once(&mut seen, 7)?;
                h.housing_difficulty = opt(r, boolean)?;
            }
            K_CURRENT_BENEFITS if key.is(b"current_benefits") => {
                once(&mut seen, 8)?;
                h.current_benefits = opt(r, |r| array(r, read_benefit))?;
            }
            K_EMERGENCY => {
                once(&mut seen, 9)?;
                h.emergency = opt(r, from_str)?;
            }
            K_EMERGENCY_DATE => {
                once(&mut seen, 10)?;
                h.emergency_date = opt(r, from_str)?;
            }
            K_RECENT_DEATH => {
                once(&mut seen, 11)?;
                h.recent_death = opt(r, boolean)?;
            }
            K_LEGAL_MATTER => {
                once(&mut seen, 12)?;
                h.legal_matter = opt(r, boolean)?;
            }
            K_MONITORING_TARGET if key.is(b"monitoring_target") => {
                once(&mut seen, 13)?;
                h.monitoring_target = opt(r, boolean)?;
            }
            _ => return Err(GiveUp),
        }
        Ok(())
    })?;
    if seen & (1 << 1) == 0 {
        h.members.clear();
    }
    Ok(())
}

/// Reads a member into `m`, reusing its lists from the previous line.
fn read_member<'a>(r: &mut Reader<'a>, m: &mut Member) -> R<()> {
    let mut incomes = m.incomes.take();
    let mut adl_unable = m.adl_unable.take();
    *m = Member::default();
    let mut seen = 0;
    object(r, |r, key| {
        match key.word {
            K_RELATION => {
                once(&mut seen, 0)?;
                m.relation = opt(r, from_str)?;
            }
            K_AGE => {
                once(&mut seen, 1)?;
                m.age = opt(r, uint)?;
            }
            K_BIRTH_DATE => {
                once(&mut seen, 2)?;
                m.birth_date = opt(r, from_str)?;
            }
            K_SEX => {
                once(&mut seen, 3)?;
                m.sex = opt(r, from_str)?;
            }
            K_HUKOU => {
                once(&mut seen, 4)?;
                m.hukou = read_hukou(r)?;
            }
            K_DISABILITY => {
                once(&mut seen, 5)?;
                m.disability = opt(r, read_disability)?;
            }
            K_SERIOUS_ILLNESS => {
                once(&mut seen, 6)?;
                m.serious_illness = opt(r, boolean)?;
            }
            K_TWO_CANCERS_DIAGNOSIS if key.is(b"two_cancers_diagnosis") => {
                once(&mut seen, 7)?;
                m.two_cancers_diagnosis = opt(r, boolean)?;
            }
            K_SELF_CARE => {
                once(&mut seen, 8)?;
                m.self_care = opt(r, from_str)?;
            }
            K_ADL_UNABLE => {
                once(&mut seen, 9)?;
                m.adl_unable = opt(r, |r| array_reusing(r, &mut adl_unable, from_str))?;
            }
            K_STUDENT => {
                once(&mut seen, 10)?;
                m.student = opt(r, from_str)?;
            }
            K_WORK_CAPACITY => {
                once(&mut seen, 11)?;
                m.work_capacity = opt(r, from_str)?;
            }
            K_EMPLOYMENT => {
                once(&mut seen, 12)?;
                m.employment = opt(r, from_str)?;
            }
            K_JOB_STARTED => {
                once(&mut seen, 13)?;
                m.job_started = opt(r, from_str)?;
            }
            K_INCOMES => {
                once(&mut seen, 14)?;
                m.incomes = opt(r, |r| array_reusing(r, &mut incomes, read_income))?;
            }
            K_LIVING => {
                once(&mut seen, 15)?;
                m.living = opt(r, from_str)?;
            }
            K_SUPPORTERS => {
                once(&mut seen, 16)?;
                m.supporters = opt(r, from_str)?;
            }
            K_ORPHAN_STATUS => {
                once(&mut seen, 17)?;
                m.orphan_status = opt(r, from_str)?;
            }
            K_CARE_MODE => {
                once(&mut seen, 18)?;
                m.care_mode = opt(r, from_str)?;
            }
            K_CUSTODY_MODE => {
                once(&mut seen, 19)?;
                m.custody_mode = opt(r, from_str)?;
            }
            K_UNION_MEMBER => {
                once(&mut seen, 20)?;
                m.union_member = opt(r, boolean)?;
            }
            K_HOSPITAL_STAY => {
                once(&mut seen, 21)?;
                m.hospital_stay = opt(r, read_hospital_stay)?;
            }
            _ => return Err(GiveUp),
        }
        Ok(())
    })
}

fn read_hukou(r: &mut Reader<'_>) -> R<Hukou> {
    let mut h = Hukou::default();
    let mut seen = 0;
    object(r, |r, key| {
        match key.word {
            K_LOCAL => {
                once(&mut seen, 0)?;
                h.local = opt(r, boolean)?;
            }
            K_KIND => {
                once(&mut seen, 1)?;
                h.kind = opt(r, from_str)?;
            }
            K_RESIDENCE_PERMIT if key.is(b"residence_permit") => {
                once(&mut seen, 2)?;
                h.residence_permit = opt(r, boolean)?;
            }
            _ => return Err(GiveUp),
        }
        Ok(())
    })?;
    Ok(h)
}

fn read_disability(r: &mut Reader<'_>) -> R<Disability> {
    let mut d = Disability::default();
    let mut seen = 0;
    object(r, |r, key| {
        match key.word {
            K_HAS => {
                once(&mut seen, 0)?;
                d.has = opt(r, boolean)?;
            }
            K_CATEGORY => {
                once(&mut seen, 1)?;
                d.category = opt(r, from_str)?;
            }
            K_GRADE => {
                once(&mut seen, 2)?;
                d.grade = opt(r, uint)?;
            }
            K_AUTISM => {
                once(&mut seen, 3)?;
                d.autism = opt(r, boolean)?;
            }
            _ => return Err(GiveUp),
        }
        Ok(())
    })?;
    Ok(d)
}

/// `kind` is required (the struct has no default).
fn read_income(r: &mut Reader<'_>) -> R<Income> {
    let mut kind = None;
    let mut monthly = None;
    let mut seen = 0;
    object(r, |r, key| {
        match key.word {
            K_KIND => {
                once(&mut seen, 0)?;
                kind = Some(from_str(r)?);
            }
            K_MONTHLY => {
                once(&mut seen, 1)?;
                monthly = opt(r, decimal)?;
            }
            _ => return Err(GiveUp),
        }
        Ok(())
    })?;
    Ok(Income {
        kind: kind.ok_or(GiveUp)?,
        monthly,
    })
}

fn read_hospital_stay(r: &mut Reader<'_>) -> R<HospitalStay> {
    let mut s = HospitalStay::default();
    let mut seen = 0;
    object(r, |r, key| {
        match key.word {
            K_LEVEL => {
                once(&mut seen, 0)?;
                s.level = opt(r, from_str)?;
            }
            K_DAYS => {
                once(&mut seen, 1)?;
                s.days = opt(r, uint)?;
            }
            _ => return Err(GiveUp),
        }
        Ok(())
    })?;
    Ok(s)
}

fn read_spending(r: &mut Reader<'_>) -> R<Spending> {
    let mut s = Spending::default();
    let mut seen = 0;
    object(r, |r, key| {
        match key.word {
            K_MEDICAL => {
                once(&mut seen, 0)?;
                s.medical = opt(r, decimal)?;
            }
            K_EDUCATION => {
                once(&mut seen, 1)?;
                s.education = opt(r, decimal)?;
            }
            K_REHABILITATION => {
                once(&mut seen, 2)?;
                s.rehabilitation = opt(r, decimal)?;
            }
            _ => return Err(GiveUp),
        }
        Ok(())
    })?;
    Ok(s)
}

/// `program` is required (the struct has no default).
fn read_benefit(r: &mut Reader<'_>) -> R<BenefitHeld> {
    let mut program = None;
    let mut member = None;
    let mut since = None;
    let mut monthly = None;
    let mut seen = 0;
    object(r, |r, key| {
        match key.word {
            K_PROGRAM => {
                once(&mut seen, 0)?;
                program = Some(from_str(r)?);
            }
            K_MEMBER => {
                once(&mut seen, 1)?;
                member = opt(r, uint)?;
            }
            K_SINCE => {
                once(&mut seen, 2)?;
                since = opt(r, from_str)?;
            }
            K_MONTHLY => {
                once(&mut seen, 3)?;
                monthly = opt(r, decimal)?;
            }
            _ => return Err(GiveUp),
        }
        Ok(())
    })?;
    Ok(BenefitHeld {
        program: program.ok_or(GiveUp)?,
        member,
        since,
        monthly,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Households that use every field (each with a value no other field
    /// of its type has), nulls, empty lists and spacing.
    const SAMPLES: &[&str] = &[
        r#"{"money_assets":"7903","cars":0,"homes":1,"runs_business":false,"current_benefits":[],"members":[{"relation":"applicant","age":60,"hukou":{"local":true,"kind":"urban"},"disability":{"has":false},"supporters":"able","incomes":[{"kind":"wages","monthly":"2260"}]},{"relation":"child","age":7,"hukou":{"local":true,"kind":"urban"},"disability":{"category":"physical","grade":2},"supporters":"none","incomes":[]}]}"#,
        r#" { "jurisdiction" : "441521", "money_assets": 3000, "cars": 2, "homes": 3, "runs_business": null,
           "spending_12m": { "medical": "6000.50", "education": 1200, "rehabilitation": "0.00" },
           "housing_difficulty": true, "current_benefits": [ { "program": "dibao", "member": 4, "since": "2024-01-31", "monthly": "400" },
             { "program": "tekun_care" } ],
           "emergency": "sudden_illness", "emergency_date": "2025-05-01", "recent_death": false, "legal_matter": null, "monitoring_target": true,
           "members": [ { "relation": "parent", "age": 81, "birth_date": "1950-02-28", "sex": "female",
             "hukou": {"local": false, "kind": "rural", "residence_permit": true},
             "serious_illness": true, "two_cancers_diagnosis": false, "self_care": "partial", "adl_unable": ["eating", "bathing"],
             "student": "vocational", "work_capacity": "none", "employment": "self_employed", "job_started": "2025-01-01",
             "incomes": [ {"kind": "resident_basic_pension", "monthly": "180.00"}, {"monthly": 7, "kind": "wages"}, {"kind": "pension", "monthly": null} ],
             "living": "institution", "supporters": "unable", "orphan_status": "de_facto_unsupported", "care_mode": "centralised",
             "custody_mode": "boarding", "union_member": false,
             "hospital_stay": {"level": "county", "days": 12}, "disability": {"category": "mental", "grade": 1, "autism": true, "has": null} },
             { "relation": null, "age": null, "hukou": {}, "disability": null, "hospital_stay": {}, "adl_unable": [], "incomes": null } ] }
"#,
        "{}",
        "{\"members\":[]}\r\n",
        "{\"members\":[{}],\"current_benefits\":null,\"spending_12m\":{}}",
    ];

    /// Wherever this reader gives a value, `serde_json` gives the same one.
    fn agrees(text: &str) {
        if let Some(fast) = household(text) {
            let slow = serde_json::from_str::<Household>(text);
            assert_eq!(slow.as_ref().ok(), Some(&fast), "{text:?}: {slow:?}");
        }
    }

    #[test]
    fn reads_the_samples_as_serde_json_does() {
        for text in SAMPLES {
            let fast = household(text).unwrap_or_else(|| panic!("not read: {text}"));
            assert_eq!(
                fast,
                serde_json::from_str::<Household>(text).expect("valid"),
                "{text}"
            );
        }
    }

    #[test]
    fn gives_up_where_serde_would_do_something_else() {
        for text in [
            // Ignored by serde, not read here.
            r#"{"unknown":1}"#,
            r#"{"members":[{"name":"x"}]}"#,
            // Errors in serde.
            r#"{"cars":1,"cars":2}"#,
            r#"{"members":[{"age":1,"age":1}]}"#,
            r#"{"members":[{"incomes":[{"monthly":"1"}]}]}"#,
            r#"{"current_benefits":[{"member":0}]}"#,
            r#"{"members":null}"#,
            r#"{"spending_12m":null}"#,
            r#"{"members":[{"hukou":null}]}"#,
            r#"{"members":[{"age":4294967296}]}"#,
            r#"{"members":[{"disability":{"grade":256}}]}"#,
            r#"{"members":[{"relation":"cousin"}]}"#,
            r#"{"emergency_date":"2025-02-30"}"#,
            r#"{"money_assets":"x"}"#,
            r#"{"cars":"1"}"#,
            r#"{"runs_business":1}"#,
            // Other forms serde reads, or JSON outside json_fast's subset.
            r#"{"members":[{"hukou":[true,"rural"]}]}"#,
            r#"{"emergency_date":{"$__toml_private_datetime":"2025-01-02"}}"#,
            r#"{"money_assets":1.5}"#,
            r#"{"money_assets":-5}"#,
            r#"{"jurisdiction":"a\"b"}"#,
            r#"{"members":[],}"#,
            r#"{"members":[{},]}"#,
            r#"{"members":[]}x"#,
            "[]",
            "",
        ] {
            assert!(household(text).is_none(), "{text}");
            agrees(text);
        }
    }

    /// One household read into after another, as the batch does (a line
    /// given up on in between), is each time the household read afresh.
    #[test]
    fn reading_into_a_used_household_forgets_the_last_one() {
        let mut lines: Vec<&str> = SAMPLES.to_vec();
        lines.extend([
            r#"{"members":[{"incomes":[{"kind":"wages","monthly":"1"}],"adl_unable":["eating"]},{"age":3}]}"#,
            r#"{"members":[{"age":1},{"incomes":[{"kind":"pension"}]},{}]}"#,
            r#"{"members":[{"incomes":[{"kind":"wages","monthly":"2"}, {"kind":"x"}]}]}"#,
            r#"{"members":[{"incomes":null,"adl_unable":[]}]}"#,
            r#"{"cars":1}"#,
        ]);
        let mut h = Household::default();
        for _ in 0..2 {
            for a in &lines {
                for b in &lines {
                    for text in [a, b] {
                        let fresh = household(text);
                        assert_eq!(read_into(text, &mut h), fresh.is_some(), "{text}");
                        if let Some(fresh) = fresh {
                            assert_eq!(h, fresh, "{a} then {b}");
                        }
                    }
                }
            }
            lines.reverse();
        }
    }

    /// Plain decimals are what `Decimal`'s parser makes of them; other
    /// text is left to it.
    #[test]
    fn plain_decimals_are_read_as_decimal_reads_them() {
        use std::str::FromStr;
        let mut texts: Vec<String> = [
            "0",
            "00",
            "007",
            "0.00",
            "0.5",
            "1300",
            "1300.00",
            "604.50",
            "9999999999999999999",
            "999999999999999999",
            "123456789.123456789",
            "0.00000000000000001",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for n in [0u64, 1, 9, 10, 99, 2260, 123_456, 18_446_744_073_709_551] {
            for scale in 0..4 {
                let digits = format!("{n:0>width$}", width = scale + 1);
                let (a, b) = digits.split_at(digits.len() - scale);
                texts.push(if scale == 0 {
                    a.to_string()
                } else {
                    format!("{a}.{b}")
                });
            }
        }
        for text in &texts {
            let plain = plain_decimal(text.as_bytes()).unwrap_or_else(|| panic!("{text}"));
            let parsed = Decimal::from_str(text).expect("decimal");
            assert_eq!(
                (plain.mantissa(), plain.scale(), plain.is_sign_negative()),
                (parsed.mantissa(), parsed.scale(), parsed.is_sign_negative()),
                "{text}"
            );
        }
        for text in [
            "",
            ".",
            "1.",
            ".5",
            "-1",
            "+1",
            "1e3",
            "1.2.3",
            "1,5",
            " 1",
            "99999999999999999999",
            "1_000",
        ] {
            assert!(plain_decimal(text.as_bytes()).is_none(), "{text}");
        }
    }

    /// Every sample cut short at every byte, and with each of a set of
    /// troublesome bytes put in or replacing each byte: this reader either
    /// gives up or agrees with `serde_json`.
    #[test]
    fn agrees_with_serde_json_on_mutated_lines() {
        for text in SAMPLES {
            crate::json_fast::for_each_mutation(text, agrees);
        }
    }
}
