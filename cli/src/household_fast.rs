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
pub(crate) fn household(text: &str) -> Option<Household> {
    let mut r = Reader::new(text);
    let h = read_household(&mut r).ok()?;
    r.at_end().then_some(h)
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

/// Reads an object, calling `field` with each key once the reader is past
/// its colon. The same syntax as `json_fast`'s maps: no trailing comma.
fn object<'a>(
    r: &mut Reader<'a>,
    mut field: impl FnMut(&mut Reader<'a>, &'a str) -> R<()>,
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
        let key = r.string()?;
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

/// Reads an array of elements read by `element`.
fn array<'a, T>(r: &mut Reader<'a>, mut element: impl FnMut(&mut Reader<'a>) -> R<T>) -> R<Vec<T>> {
    if r.peek()? != b'[' {
        return Err(GiveUp);
    }
    r.at += 1;
    let mut out = Vec::new();
    if r.peek()? == b']' {
        r.at += 1;
        return Ok(out);
    }
    loop {
        out.push(element(r)?);
        match r.peek()? {
            b',' => r.at += 1,
            b']' => {
                r.at += 1;
                return Ok(out);
            }
            _ => return Err(GiveUp),
        }
    }
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
    let s = r.string()?;
    T::deserialize(BorrowedStrDeserializer::<GiveUp>::new(s))
}

/// A decimal from a string or a non-negative integer, through `Decimal`'s
/// own `Deserialize` (as `json_fast` hands it either).
fn decimal(r: &mut Reader<'_>) -> R<Decimal> {
    match r.peek()? {
        b'"' => from_str(r),
        b'0'..=b'9' => {
            let n: U64Deserializer<GiveUp> = r.integer()?.into_deserializer();
            <Decimal as Deserialize>::deserialize(n)
        }
        _ => Err(GiveUp),
    }
}

fn read_household<'a>(r: &mut Reader<'a>) -> R<Household> {
    let mut h = Household::default();
    let mut seen = 0;
    object(r, |r, key| {
        match key {
            "jurisdiction" => {
                once(&mut seen, 0)?;
                h.jurisdiction = opt(r, |r| {
                    if r.peek()? != b'"' {
                        return Err(GiveUp);
                    }
                    r.string().map(str::to_owned)
                })?;
            }
            "members" => {
                once(&mut seen, 1)?;
                h.members = array(r, read_member)?;
            }
            "money_assets" => {
                once(&mut seen, 2)?;
                h.money_assets = opt(r, decimal)?;
            }
            "cars" => {
                once(&mut seen, 3)?;
                h.cars = opt(r, uint)?;
            }
            "homes" => {
                once(&mut seen, 4)?;
                h.homes = opt(r, uint)?;
            }
            "runs_business" => {
                once(&mut seen, 5)?;
                h.runs_business = opt(r, boolean)?;
            }
            "spending_12m" => {
                once(&mut seen, 6)?;
                h.spending_12m = read_spending(r)?;
            }
            "housing_difficulty" => {
                once(&mut seen, 7)?;
                h.housing_difficulty = opt(r, boolean)?;
            }
            "current_benefits" => {
                once(&mut seen, 8)?;
                h.current_benefits = opt(r, |r| array(r, read_benefit))?;
            }
            "emergency" => {
                once(&mut seen, 9)?;
                h.emergency = opt(r, from_str)?;
            }
            "emergency_date" => {
                once(&mut seen, 10)?;
                h.emergency_date = opt(r, from_str)?;
            }
            "recent_death" => {
                once(&mut seen, 11)?;
                h.recent_death = opt(r, boolean)?;
            }
            "legal_matter" => {
                once(&mut seen, 12)?;
                h.legal_matter = opt(r, boolean)?;
            }
            "monitoring_target" => {
                once(&mut seen, 13)?;
                h.monitoring_target = opt(r, boolean)?;
            }
            _ => return Err(GiveUp),
        }
        Ok(())
    })?;
    Ok(h)
}

fn read_member<'a>(r: &mut Reader<'a>) -> R<Member> {
    let mut m = Member::default();
    let mut seen = 0;
    object(r, |r, key| {
        match key {
            "relation" => {
                once(&mut seen, 0)?;
                m.relation = opt(r, from_str)?;
            }
            "age" => {
                once(&mut seen, 1)?;
                m.age = opt(r, uint)?;
            }
            "birth_date" => {
                once(&mut seen, 2)?;
                m.birth_date = opt(r, from_str)?;
            }
            "sex" => {
                once(&mut seen, 3)?;
                m.sex = opt(r, from_str)?;
            }
            "hukou" => {
                once(&mut seen, 4)?;
                m.hukou = read_hukou(r)?;
            }
            "disability" => {
                once(&mut seen, 5)?;
                m.disability = opt(r, read_disability)?;
            }
            "serious_illness" => {
                once(&mut seen, 6)?;
                m.serious_illness = opt(r, boolean)?;
            }
            "two_cancers_diagnosis" => {
                once(&mut seen, 7)?;
                m.two_cancers_diagnosis = opt(r, boolean)?;
            }
            "self_care" => {
                once(&mut seen, 8)?;
                m.self_care = opt(r, from_str)?;
            }
            "adl_unable" => {
                once(&mut seen, 9)?;
                m.adl_unable = opt(r, |r| array(r, from_str))?;
            }
            "student" => {
                once(&mut seen, 10)?;
                m.student = opt(r, from_str)?;
            }
            "work_capacity" => {
                once(&mut seen, 11)?;
                m.work_capacity = opt(r, from_str)?;
            }
            "employment" => {
                once(&mut seen, 12)?;
                m.employment = opt(r, from_str)?;
            }
            "job_started" => {
                once(&mut seen, 13)?;
                m.job_started = opt(r, from_str)?;
            }
            "incomes" => {
                once(&mut seen, 14)?;
                m.incomes = opt(r, |r| array(r, read_income))?;
            }
            "living" => {
                once(&mut seen, 15)?;
                m.living = opt(r, from_str)?;
            }
            "supporters" => {
                once(&mut seen, 16)?;
                m.supporters = opt(r, from_str)?;
            }
            "orphan_status" => {
                once(&mut seen, 17)?;
                m.orphan_status = opt(r, from_str)?;
            }
            "care_mode" => {
                once(&mut seen, 18)?;
                m.care_mode = opt(r, from_str)?;
            }
            "custody_mode" => {
                once(&mut seen, 19)?;
                m.custody_mode = opt(r, from_str)?;
            }
            "union_member" => {
                once(&mut seen, 20)?;
                m.union_member = opt(r, boolean)?;
            }
            "hospital_stay" => {
                once(&mut seen, 21)?;
                m.hospital_stay = opt(r, read_hospital_stay)?;
            }
            _ => return Err(GiveUp),
        }
        Ok(())
    })?;
    Ok(m)
}

fn read_hukou(r: &mut Reader<'_>) -> R<Hukou> {
    let mut h = Hukou::default();
    let mut seen = 0;
    object(r, |r, key| {
        match key {
            "local" => {
                once(&mut seen, 0)?;
                h.local = opt(r, boolean)?;
            }
            "kind" => {
                once(&mut seen, 1)?;
                h.kind = opt(r, from_str)?;
            }
            "residence_permit" => {
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
        match key {
            "has" => {
                once(&mut seen, 0)?;
                d.has = opt(r, boolean)?;
            }
            "category" => {
                once(&mut seen, 1)?;
                d.category = opt(r, from_str)?;
            }
            "grade" => {
                once(&mut seen, 2)?;
                d.grade = opt(r, uint)?;
            }
            "autism" => {
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
        match key {
            "kind" => {
                once(&mut seen, 0)?;
                kind = Some(from_str(r)?);
            }
            "monthly" => {
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
        match key {
            "level" => {
                once(&mut seen, 0)?;
                s.level = opt(r, from_str)?;
            }
            "days" => {
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
        match key {
            "medical" => {
                once(&mut seen, 0)?;
                s.medical = opt(r, decimal)?;
            }
            "education" => {
                once(&mut seen, 1)?;
                s.education = opt(r, decimal)?;
            }
            "rehabilitation" => {
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
        match key {
            "program" => {
                once(&mut seen, 0)?;
                program = Some(from_str(r)?);
            }
            "member" => {
                once(&mut seen, 1)?;
                member = opt(r, uint)?;
            }
            "since" => {
                once(&mut seen, 2)?;
                since = opt(r, from_str)?;
            }
            "monthly" => {
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

    /// Every sample cut short at every byte, and with each of a set of
    /// troublesome bytes put in or replacing each byte: this reader either
    /// gives up or agrees with `serde_json`.
    #[test]
    fn agrees_with_serde_json_on_mutated_lines() {
        const BYTES: &[u8] = b" \t\n\r,:{}[]\"\\-+.0159eEtfnulxa\x01\x7f";
        for text in SAMPLES {
            let bytes = text.as_bytes();
            for i in 0..=bytes.len() {
                if let Ok(cut) = std::str::from_utf8(&bytes[..i]) {
                    agrees(cut);
                }
                for &b in BYTES {
                    let mut put = bytes.to_vec();
                    put.insert(i, b);
                    if let Ok(t) = std::str::from_utf8(&put) {
                        agrees(t);
                    }
                    if i < bytes.len() {
                        let mut replaced = bytes.to_vec();
                        replaced[i] = b;
                        if let Ok(t) = std::str::from_utf8(&replaced) {
                            agrees(t);
                        }
                    }
                }
            }
        }
    }
}
