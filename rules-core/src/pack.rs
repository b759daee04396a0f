//! Policy packs: a jurisdiction's programs, parameters, documents and offices.
//!
//! Packs are TOML files in `rules-core/policies/`. `national.toml` holds the
//! defaults; a jurisdiction's pack names `extends = "national"` and overrides
//! what it sets. The embedded packs are converted to JSON at build time so the
//! browser never parses TOML.

use crate::date::Date;
use crate::money::Period;
use crate::program::ProgramId;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Shared, immutable text from a pack: cloning a decision's citation is cheap.
pub type Text = Arc<str>;

/// A policy pack (after merging with its parent, a complete one).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub jurisdiction: Jurisdiction,
    /// The pack this one overrides (`"national"`); `None` for the national pack.
    #[serde(default)]
    pub extends: Option<String>,
    /// Per-program settings, keyed by program id.
    #[serde(default)]
    pub programs: BTreeMap<String, ProgramSpec>,
    /// Parameters keyed by name.
    #[serde(default)]
    pub parameters: BTreeMap<Text, Parameter>,
    /// Documents keyed by id, with their Chinese names (shared: a
    /// screening's checklist names them without copying).
    #[serde(default)]
    pub documents: BTreeMap<String, Text>,
}

/// Where the pack applies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    /// 行政区划代码 (or a clearly demo code such as `500000-demo`).
    pub code: String,
    pub name: Text,
    /// The parent area's name, e.g. 广东省汕尾市.
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub parent_code: Option<String>,
    /// A demonstration pack, not a real jurisdiction's rules.
    #[serde(default)]
    pub demo: bool,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A citation: the document and clause.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub document: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<Text>,
    /// The seed file, for figures taken from one of the five seeds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<Text>,
    /// How reliable: official, official-mirror, secondary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<Text>,
}

/// Processing time limits (限时办理).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeLimits {
    #[serde(default)]
    pub investigation_working_days: Option<u32>,
    #[serde(default)]
    pub publicity_days: Option<u32>,
    #[serde(default)]
    pub decision_working_days: Option<u32>,
    #[serde(default)]
    pub total_working_days: Option<u32>,
    #[serde(default)]
    pub source: Option<Source>,
}

/// Who receives the money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payee {
    Person,
    Guardian,
    Escort,
    Institution,
    ServiceProvider,
    School,
    Hospital,
    InKind,
}

/// A program's settings in a pack. Every field may be left out by a local pack
/// to keep the national default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramSpec {
    /// Whether the jurisdiction runs the program.
    #[serde(default)]
    pub offered: Option<bool>,
    /// 责任单位.
    #[serde(default)]
    pub office: Option<Text>,
    /// Where to apply.
    #[serde(default)]
    pub apply_at: Option<Text>,
    /// Document ids (一次性告知), from `[documents]`.
    #[serde(default)]
    pub documents: Option<Vec<Text>>,
    /// The rule's citation.
    #[serde(default)]
    pub rule: Option<Arc<Source>>,
    #[serde(default)]
    pub time_limits: Option<Arc<TimeLimits>>,
    #[serde(default)]
    pub paid_to: Option<Payee>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// The unit of a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Yuan, with a period.
    Yuan,
    /// A fraction of costs (0.75).
    Share,
    /// A multiple of another figure (1.5 × S).
    Multiple,
    /// Months (of S, or a duration).
    Months,
    Years,
    Days,
    WorkingDays,
    Count,
    /// 1 = yes, 0 = no.
    Flag,
}

/// A parameter: unit, period, and values keyed by effective date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    pub unit: Option<Unit>,
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub values: Vec<DatedValue>,
}

/// One value of a parameter, in force from `from` (inclusive) until the next
/// value's `from`, or until `until` (exclusive) if given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedValue {
    pub from: Date,
    #[serde(default)]
    pub until: Option<Date>,
    pub value: Decimal,
    #[serde(default)]
    pub source: Option<Arc<Source>>,
    /// Not taken from an official text for this place: the UI says so.
    #[serde(default)]
    pub example: bool,
    /// A floor (e.g. the provincial minimum); the local figure may be higher.
    #[serde(default)]
    pub floor: bool,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A resolved parameter value, as reported in decisions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamValue {
    pub name: Text,
    pub value: Decimal,
    pub unit: Unit,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub period: Option<Period>,
    pub from: Date,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source: Option<Arc<Source>>,
    pub example: bool,
    pub floor: bool,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<Text>,
}

impl ParamValue {
    /// The report of parameter `name`'s value `v`.
    pub(crate) fn of(name: &Text, p: &Parameter, v: &DatedValue) -> ParamValue {
        ParamValue {
            name: name.clone(),
            value: v.value,
            unit: p.unit.unwrap_or(Unit::Count),
            period: p.period,
            from: v.from,
            source: v.source.clone(),
            example: v.example,
            floor: v.floor,
            note: v.note.clone(),
        }
    }
}

impl Parameter {
    /// The value in force on `on`.
    pub fn value_on(&self, on: Date) -> Option<&DatedValue> {
        in_force(&self.values, on, |v| (v.from, v.until))
    }
}

/// Of dated values in order of their start, the one in force on `on`: the
/// last to start on or before `on`, unless it has ended (`until` is the
/// first day it no longer holds).
pub fn in_force<T>(
    values: &[T],
    on: Date,
    span: impl Fn(&T) -> (Date, Option<Date>),
) -> Option<&T> {
    let v = values.iter().rev().find(|v| span(v).0 <= on)?;
    match span(v).1 {
        Some(until) if on >= until => None,
        _ => Some(v),
    }
}

impl Pack {
    /// The program's settings, or `None` if the pack has none.
    pub fn program(&self, id: ProgramId) -> Option<&ProgramSpec> {
        self.programs.get(id.as_str())
    }

    /// Whether the pack runs the program.
    pub fn offers(&self, id: ProgramId) -> bool {
        self.program(id).and_then(|p| p.offered).unwrap_or(false)
    }

    /// Just the value of parameter `name` on `on`.
    pub fn value(&self, name: &str, on: Date) -> Option<Decimal> {
        Some(self.parameters.get(name)?.value_on(on)?.value)
    }

    /// The value of parameter `name` on `on`, with its unit and source.
    pub fn param(&self, name: &str, on: Date) -> Option<ParamValue> {
        let (key, p) = self.parameters.get_key_value(name)?;
        Some(ParamValue::of(key, p, p.value_on(on)?))
    }

    /// This pack laid over `base`: programs merge field by field, parameters
    /// and documents replace the base's entries of the same name.
    pub fn over(&self, base: &Pack) -> Pack {
        let mut out = base.clone();
        out.jurisdiction = self.jurisdiction.clone();
        out.extends = self.extends.clone();
        for (id, spec) in &self.programs {
            let merged = out.programs.entry(id.clone()).or_default();
            macro_rules! take {
                ($($f:ident),*) => {$(if spec.$f.is_some() { merged.$f = spec.$f.clone(); })*};
            }
            take!(
                offered,
                office,
                apply_at,
                documents,
                rule,
                time_limits,
                paid_to,
                note
            );
        }
        for (name, p) in &self.parameters {
            out.parameters.insert(name.clone(), p.clone());
        }
        for (id, d) in &self.documents {
            out.documents.insert(id.clone(), d.clone());
        }
        out
    }

    /// Parses one pack from JSON (the embedded form).
    pub fn from_json(src: &str) -> Result<Pack, PackError> {
        serde_json::from_str(src).map_err(|e| PackError {
            file: String::new(),
            message: e.to_string(),
            line: Some(e.line()),
        })
    }

    /// Parses one pack from TOML.
    #[cfg(feature = "toml")]
    pub fn from_toml(file: &str, src: &str) -> Result<Pack, PackError> {
        toml::from_str(src).map_err(|e| PackError {
            file: file.to_owned(),
            line: e.span().map(|s| crate::validate::line_of(src, s.start)),
            message: e.message().to_owned(),
        })
    }
}

/// A pack that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl core::fmt::Display for PackError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for PackError {}

/// Merges a set of raw packs: the one without `extends` (the national pack)
/// under each of the others. Returns the jurisdictions' complete packs.
pub fn assemble(raw: Vec<(String, Pack)>) -> Result<Vec<Pack>, PackError> {
    let mut bases: BTreeMap<String, Pack> = BTreeMap::new();
    let mut locals = Vec::new();
    for (file, p) in raw {
        if p.extends.is_none() {
            bases.insert(p.jurisdiction.code.clone(), p);
        } else {
            locals.push((file, p));
        }
    }
    let mut out = Vec::new();
    for (file, p) in locals {
        let parent = p.extends.clone().unwrap_or_default();
        let base = bases.get(&parent).ok_or_else(|| PackError {
            file: file.clone(),
            line: None,
            message: format!("extends unknown pack {parent:?}"),
        })?;
        out.push(p.over(base));
    }
    out.sort_by(|a, b| a.jurisdiction.code.cmp(&b.jurisdiction.code));
    Ok(out)
}

mod generated {
    include!(concat!(env!("OUT_DIR"), "/packs.rs"));
}

/// The raw embedded pack files, converted to JSON at build time:
/// `(file name, JSON)`.
pub fn embedded_sources() -> &'static [(&'static str, &'static str)] {
    generated::PACKS
}

/// Every embedded jurisdiction pack, merged with the national defaults and
/// sorted by code. Parsed once, on first use.
pub fn embedded_ref() -> &'static [Pack] {
    static PACKS: std::sync::OnceLock<Vec<Pack>> = std::sync::OnceLock::new();
    PACKS.get_or_init(|| {
        let raw = generated::PACKS
            .iter()
            .map(|(file, json)| {
                // The build script produced this JSON from a TOML file that the
                // tests validate, so a failure here is a build defect.
                let p =
                    Pack::from_json(json).unwrap_or_else(|e| panic!("embedded pack {file}: {e}"));
                ((*file).to_owned(), p)
            })
            .collect();
        assemble(raw).unwrap_or_else(|e| panic!("embedded packs: {e}"))
    })
}

/// Every embedded jurisdiction pack (owned copies of [`embedded_ref`]).
pub fn embedded() -> Vec<Pack> {
    embedded_ref().to_vec()
}

/// The embedded pack for a jurisdiction code.
pub fn embedded_pack(code: &str) -> Option<Pack> {
    embedded_ref()
        .iter()
        .find(|p| p.jurisdiction.code == code)
        .cloned()
}

/// Parses a directory's worth of TOML packs given as `(file name, contents)`.
#[cfg(feature = "toml")]
pub fn load_toml_packs(files: &[(String, String)]) -> Result<Vec<Pack>, PackError> {
    let mut raw = Vec::new();
    for (file, src) in files {
        raw.push((file.clone(), Pack::from_toml(file, src)?));
    }
    assemble(raw)
}
