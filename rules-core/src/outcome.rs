//! The result of a screening: decisions with their reasons.

use crate::date::Date;
use crate::money::Amount;
use crate::pack::{ParamValue, Payee, Source, Text, TimeLimits};
use crate::program::ProgramId;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
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

/// Named arguments of a message (Fluent-style), serialised as a JSON object
/// in the order they were given. Values are strings; amounts are decimal
/// strings in yuan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Args(pub Vec<(Cow<'static, str>, String)>);

impl Args {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value of a named argument.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
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
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, String>()? {
                    out.push((Cow::Owned(k), v));
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
    pub id: String,
    pub name: String,
    /// The likely/possible programs that need it.
    pub programs: Vec<ProgramId>,
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
