//! Pack validation: every problem named with its file, field path and line.

use crate::pack::{Pack, Unit};
use crate::program::ProgramId;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Parameters a pack may set beyond the programs' required ones.
pub const OPTIONAL_PARAMETERS: &[&str] = &[
    "single_inclusion",
    "allows_residence_permit_application",
    "tekun_living_standard_urban",
    "tekun_living_standard_rural",
    "temporary_family_cap_year",
    "disability_care_subsidy_grade1",
    "service_visits_tekun",
    "service_visits_disabled",
];

/// Whether a parameter name is one the engine reads.
pub fn known_parameter(name: &str) -> bool {
    OPTIONAL_PARAMETERS.contains(&name)
        || ProgramId::ALL
            .iter()
            .any(|p| p.required_parameters().contains(&name))
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum IssueKind {
    /// The file does not parse or has a field of the wrong type.
    Syntax {
        message: String,
    },
    UnknownProgram {
        id: String,
    },
    UnknownParameter {
        name: String,
    },
    UnknownDocument {
        id: String,
    },
    MissingUnit,
    MissingSource,
    NoValues,
    /// A value's `from` is not after the previous one's.
    UnorderedDates,
    /// A value's `until` runs past the next value's `from`.
    OverlappingDates,
    /// A money, multiple, share or duration of zero or less.
    NonPositiveStandard {
        value: Decimal,
    },
    /// An offered program lacks a parameter it needs.
    MissingParameter {
        program: String,
        parameter: String,
    },
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub file: String,
    /// Dotted path to the field, e.g. `parameters.dibao_standard_urban.values.1.from`.
    pub path: String,
    pub line: Option<usize>,
    #[serde(flatten)]
    pub kind: IssueKind,
}

impl core::fmt::Display for IssueKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            IssueKind::Syntax { message } => write!(f, "{message}"),
            IssueKind::UnknownProgram { id } => write!(f, "unknown program id {id:?}"),
            IssueKind::UnknownParameter { name } => write!(f, "unknown parameter {name:?}"),
            IssueKind::UnknownDocument { id } => write!(f, "unknown document id {id:?}"),
            IssueKind::MissingUnit => write!(f, "parameter has no unit"),
            IssueKind::MissingSource => write!(f, "value has no source"),
            IssueKind::NoValues => write!(f, "parameter has no values"),
            IssueKind::UnorderedDates => {
                write!(
                    f,
                    "effective dates must ascend strictly (from is not after the previous from)"
                )
            }
            IssueKind::OverlappingDates => write!(f, "until runs past the next value's from"),
            IssueKind::NonPositiveStandard { value } => {
                write!(f, "standard must be positive, found {value}")
            }
            IssueKind::MissingParameter { program, parameter } => {
                write!(
                    f,
                    "program {program} is offered but parameter {parameter} is missing"
                )
            }
        }
    }
}

impl core::fmt::Display for Issue {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}: {}", self.file, l, self.path, self.kind),
            None => write!(f, "{}: {}: {}", self.file, self.path, self.kind),
        }
    }
}

/// The 1-based line of a byte offset.
pub fn line_of(src: &str, byte: usize) -> usize {
    src.as_bytes()[..byte.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn positive_unit(u: Unit) -> bool {
    matches!(
        u,
        Unit::Yuan
            | Unit::Share
            | Unit::Multiple
            | Unit::Months
            | Unit::Years
            | Unit::Days
            | Unit::WorkingDays
    )
}

/// Checks one pack file as written (before merging).
pub fn validate_pack(file: &str, pack: &Pack) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut push = |path: String, kind: IssueKind| {
        out.push(Issue {
            file: file.to_owned(),
            path,
            line: None,
            kind,
        })
    };
    // Documents may be defined in the national pack: checked after merging.
    for id in pack.programs.keys() {
        if ProgramId::parse(id).is_none() {
            push(
                format!("programs.{id}"),
                IssueKind::UnknownProgram { id: id.clone() },
            );
        }
    }
    for (name, p) in &pack.parameters {
        let base = format!("parameters.{name}");
        if !known_parameter(name) {
            push(
                base.clone(),
                IssueKind::UnknownParameter {
                    name: name.to_string(),
                },
            );
        }
        if p.unit.is_none() {
            push(base.clone(), IssueKind::MissingUnit);
        }
        if p.values.is_empty() {
            push(base.clone(), IssueKind::NoValues);
        }
        for (i, v) in p.values.iter().enumerate() {
            let vp = format!("{base}.values.{i}");
            if v.source
                .as_ref()
                .is_none_or(|s| s.document.trim().is_empty())
            {
                push(vp.clone(), IssueKind::MissingSource);
            }
            if let Some(prev) = i.checked_sub(1).map(|j| &p.values[j]) {
                if v.from <= prev.from {
                    push(format!("{vp}.from"), IssueKind::UnorderedDates);
                } else if prev.until.is_some_and(|u| u > v.from) {
                    push(
                        format!("{base}.values.{}.until", i - 1),
                        IssueKind::OverlappingDates,
                    );
                }
            }
            if let Some(u) = v.until
                && u <= v.from
            {
                push(format!("{vp}.until"), IssueKind::UnorderedDates);
            }
            if p.unit.is_some_and(positive_unit) && v.value <= Decimal::ZERO {
                push(
                    format!("{vp}.value"),
                    IssueKind::NonPositiveStandard { value: v.value },
                );
            }
        }
    }
    out
}

/// Checks a merged (complete) pack: offered programs have their parameters,
/// documents referenced exist.
pub fn validate_assembled(file: &str, pack: &Pack) -> Vec<Issue> {
    let mut out = Vec::new();
    for &p in ProgramId::ALL {
        let spec = pack.program(p);
        if spec.is_none() {
            out.push(Issue {
                file: file.to_owned(),
                path: format!("programs.{p}"),
                line: None,
                kind: IssueKind::UnknownProgram {
                    id: p.as_str().to_owned(),
                },
            });
            continue;
        }
        if !pack.offers(p) {
            continue;
        }
        for &param in p.required_parameters() {
            if pack
                .parameters
                .get(param)
                .is_none_or(|x| x.values.is_empty())
            {
                out.push(Issue {
                    file: file.to_owned(),
                    path: format!("programs.{p}.offered"),
                    line: None,
                    kind: IssueKind::MissingParameter {
                        program: p.as_str().to_owned(),
                        parameter: param.to_owned(),
                    },
                });
            }
        }
        for (i, doc) in spec
            .and_then(|s| s.documents.as_ref())
            .into_iter()
            .flatten()
            .enumerate()
        {
            if !pack.documents.contains_key(&**doc) {
                out.push(Issue {
                    file: file.to_owned(),
                    path: format!("programs.{p}.documents.{i}"),
                    line: None,
                    kind: IssueKind::UnknownDocument {
                        id: doc.to_string(),
                    },
                });
            }
        }
    }
    out
}

#[cfg(feature = "toml")]
mod spans {
    use toml_edit::{Item, Value};

    enum Node<'a> {
        Item(&'a Item),
        Table(&'a toml_edit::Table),
        Value(&'a Value),
    }

    fn child<'a>(node: &Node<'a>, seg: &str) -> Option<Node<'a>> {
        match node {
            Node::Table(t) => t.get(seg).map(Node::Item),
            Node::Item(Item::Table(t)) => t.get(seg).map(Node::Item),
            Node::Item(Item::ArrayOfTables(a)) => a.get(seg.parse().ok()?).map(Node::Table),
            Node::Item(Item::Value(v)) => child(&Node::Value(v), seg),
            Node::Item(Item::None) => None,
            Node::Value(Value::Array(a)) => a.get(seg.parse().ok()?).map(Node::Value),
            Node::Value(Value::InlineTable(t)) => t.get(seg).map(Node::Value),
            Node::Value(_) => None,
        }
    }

    fn span(node: &Node<'_>) -> Option<std::ops::Range<usize>> {
        match node {
            Node::Item(i) => i.span(),
            Node::Table(t) => t.span(),
            Node::Value(v) => v.span(),
        }
    }

    /// The byte offset of the deepest existing field along `path`.
    pub fn offset(src: &str, path: &str) -> Option<usize> {
        let doc = toml_edit::ImDocument::parse(src).ok()?;
        let mut node = Node::Table(doc.as_table());
        let mut best = None;
        for seg in path.split('.') {
            let parent_key = match node {
                Node::Table(t) | Node::Item(Item::Table(t)) => Some((t, seg)),
                _ => None,
            };
            match child(&node, seg) {
                Some(n) => {
                    // Prefer the key's own position for table entries.
                    let key_span = parent_key
                        .and_then(|(t, k)| t.key(k))
                        .and_then(|k| k.span());
                    best = key_span.or_else(|| span(&n)).map(|r| r.start).or(best);
                    node = n;
                }
                None => break,
            }
        }
        best
    }
}

/// Parses and validates a set of TOML pack files `(file name, contents)`.
/// Returns the assembled jurisdiction packs, or every issue found.
#[cfg(feature = "toml")]
pub fn validate_toml(files: &[(String, String)]) -> Result<Vec<Pack>, Vec<Issue>> {
    let mut issues = Vec::new();
    let mut raw = Vec::new();
    for (file, src) in files {
        match Pack::from_toml(file, src) {
            Ok(p) => {
                issues.extend(validate_pack(file, &p));
                raw.push((file.clone(), p));
            }
            Err(e) => issues.push(Issue {
                file: file.clone(),
                path: String::new(),
                line: e.line,
                kind: IssueKind::Syntax { message: e.message },
            }),
        }
    }
    let mut assembled = Vec::new();
    if issues.is_empty() {
        let files_of: Vec<(String, Pack)> = raw.clone();
        match crate::pack::assemble(raw) {
            Ok(packs) => {
                for p in packs {
                    let file = files_of
                        .iter()
                        .find(|(_, r)| {
                            r.jurisdiction.code == p.jurisdiction.code && r.extends.is_some()
                        })
                        .map(|(f, _)| f.clone())
                        .unwrap_or_default();
                    issues.extend(validate_assembled(&file, &p));
                    assembled.push(p);
                }
            }
            Err(e) => issues.push(Issue {
                file: e.file,
                path: "extends".to_owned(),
                line: None,
                kind: IssueKind::Syntax { message: e.message },
            }),
        }
    }
    for issue in &mut issues {
        if issue.line.is_none()
            && let Some((_, src)) = files.iter().find(|(f, _)| *f == issue.file)
        {
            issue.line = spans::offset(src, &issue.path).map(|o| line_of(src, o));
        }
    }
    if issues.is_empty() {
        Ok(assembled)
    } else {
        Err(issues)
    }
}
