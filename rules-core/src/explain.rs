//! What a pack says about one program: its rule, parameters and citations.

use crate::date::Date;
use crate::pack::{Pack, ParamValue, Source, Text, TimeLimits};
use crate::program::ProgramId;
use crate::validate::OPTIONAL_PARAMETERS;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A program as a pack runs it on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub program: ProgramId,
    pub name_zh: String,
    pub offered: bool,
    pub rule: Option<Arc<Source>>,
    pub office: Option<Text>,
    pub apply_at: Option<Text>,
    pub time_limits: Option<Arc<TimeLimits>>,
    /// `(id, name)` of each document required.
    pub documents: Vec<(Text, String)>,
    pub parameters: Vec<ExplainedParam>,
    pub note: Option<Text>,
}

/// A parameter in force, with its description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplainedParam {
    pub description: Option<String>,
    pub value: ParamValue,
}

/// Optional parameters that belong to a program's explanation.
fn optional_for(p: ProgramId) -> &'static [&'static str] {
    match p {
        ProgramId::Dibao => &["single_inclusion", "allows_residence_permit_application"],
        ProgramId::Tekun => &[
            "tekun_living_standard_urban",
            "tekun_living_standard_rural",
            "service_visits_tekun",
        ],
        ProgramId::Temporary => &["temporary_family_cap_year"],
        ProgramId::DisabilityCare => &["disability_care_subsidy_grade1", "service_visits_disabled"],
        _ => &[],
    }
}

/// The names of the parameters an explanation of `program` reports, in
/// order: its required ones, then the optional ones that belong to it.
pub fn explained_parameters(program: ProgramId) -> impl Iterator<Item = &'static str> {
    program.required_parameters().iter().copied().chain(
        optional_for(program)
            .iter()
            .copied()
            .filter(|n| OPTIONAL_PARAMETERS.contains(n)),
    )
}

/// Explains `program` as `pack` runs it on `on`.
pub fn explain(pack: &Pack, program: ProgramId, on: Date) -> Explanation {
    let spec = pack.program(program);
    let parameters = explained_parameters(program)
        .filter_map(|n| {
            let value = pack.param(n, on)?;
            Some(ExplainedParam {
                description: pack.parameters.get(n).and_then(|p| p.description.clone()),
                value,
            })
        })
        .collect();
    Explanation {
        program,
        name_zh: program.name_zh().to_owned(),
        offered: pack.offers(program),
        rule: spec.and_then(|s| s.rule.clone()),
        office: spec.and_then(|s| s.office.clone()),
        apply_at: spec.and_then(|s| s.apply_at.clone()),
        time_limits: spec.and_then(|s| s.time_limits.clone()),
        documents: spec
            .and_then(|s| s.documents.clone())
            .unwrap_or_default()
            .into_iter()
            .map(|id| {
                let name = pack
                    .documents
                    .get(&*id)
                    .map_or_else(|| id.to_string(), |name| name.to_string());
                (id, name)
            })
            .collect(),
        parameters,
        note: spec.and_then(|s| s.note.clone()),
    }
}
