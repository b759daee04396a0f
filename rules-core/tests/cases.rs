//! The data-driven rule cases: `tests/cases/<program>/*.toml`, many cases per
//! file, each citing the clause it checks. One harness runs them all and
//! reports every mismatch at once.

use rules_core::{Date, Household, Outcome, Pack, ProgramId, Screening, packs, screen};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// The clause the case checks (seed and clause, or national document).
    source: String,
    pack: String,
    as_of: Date,
    household: Household,
    /// Expected outcomes by program id.
    #[serde(default)]
    expect: BTreeMap<String, Outcome>,
    /// Expected amounts (value as a decimal string) by program id; "none" = no amount.
    #[serde(default)]
    amount: BTreeMap<String, String>,
    /// Expected amount periods by program id.
    #[serde(default)]
    period: BTreeMap<String, String>,
    /// Expected covered members by program id.
    #[serde(default)]
    covered: BTreeMap<String, Vec<usize>>,
    /// Tests that must appear, as "test-id:status".
    #[serde(default)]
    tests: BTreeMap<String, Vec<String>>,
    /// Notes that must appear, by message id.
    #[serde(default)]
    notes: BTreeMap<String, Vec<String>>,
    /// Parameters a decision must report as `example = true`.
    #[serde(default)]
    example: BTreeMap<String, Vec<String>>,
    /// Parameters a decision must report as official (`example = false`).
    #[serde(default)]
    official: BTreeMap<String, Vec<String>>,
    /// The exact document ids of a decision, in order.
    #[serde(default)]
    documents: BTreeMap<String, Vec<String>>,
    /// What-would-change hints that must appear, by message id.
    #[serde(default)]
    would_change: BTreeMap<String, Vec<String>>,
    /// Document ids that must be first in the checklist, in order.
    #[serde(default)]
    checklist_starts: Vec<String>,
}

/// A case's source names the text it checks: a seed with its clause, or an
/// official document by title (《…》) or number (…〔2021〕57号). Our own
/// notes (RULES.md, DESIGN.md, LOCAL-FIGURES.md) are not sources.
fn cites_a_text(source: &str) -> bool {
    let ours = ["RULES", "DESIGN", "LOCAL-FIGURES"]
        .iter()
        .any(|note| source.contains(note));
    let cites = source.contains("seed 0") || source.contains('《') || source.contains('〔');
    cites && !ours
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read cases dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

fn check(case: &Case, s: &Screening, errors: &mut Vec<String>) {
    let prog = |id: &str| ProgramId::parse(id).unwrap_or_else(|| panic!("unknown program {id}"));
    for (id, want) in &case.expect {
        let d = s.decision(prog(id)).expect("decision");
        if d.outcome != *want {
            let tests: Vec<String> = d
                .tests
                .iter()
                .map(|t| format!("{}:{:?}", t.id, t.status))
                .collect();
            errors.push(format!(
                "{id}: outcome {:?}, want {want:?}; tests {tests:?}",
                d.outcome
            ));
        }
    }
    for (id, want) in &case.amount {
        let d = s.decision(prog(id)).expect("decision");
        let got = d
            .amount
            .as_ref()
            .map(|a| a.value.to_string())
            .unwrap_or_else(|| "none".into());
        if &got != want {
            errors.push(format!(
                "{id}: amount {got}, want {want}; steps {:?}",
                d.steps
            ));
        }
    }
    for (id, want) in &case.period {
        let d = s.decision(prog(id)).expect("decision");
        let got = d
            .amount
            .as_ref()
            .map(|a| {
                serde_json::to_value(a.period)
                    .expect("period")
                    .as_str()
                    .unwrap_or("")
                    .to_owned()
            })
            .unwrap_or_default();
        if &got != want {
            errors.push(format!("{id}: period {got}, want {want}"));
        }
    }
    for (id, want) in &case.covered {
        let d = s.decision(prog(id)).expect("decision");
        if &d.covered != want {
            errors.push(format!("{id}: covered {:?}, want {want:?}", d.covered));
        }
    }
    for (id, want) in &case.tests {
        let d = s.decision(prog(id)).expect("decision");
        for w in want {
            let (tid, status) = w.split_once(':').expect("test-id:status");
            let found = d.tests.iter().any(|t| {
                t.id == tid
                    && serde_json::to_value(t.status).expect("status").as_str() == Some(status)
            });
            if !found {
                errors.push(format!("{id}: missing test {w}; have {:?}", d.tests));
            }
        }
    }
    for (id, want) in &case.notes {
        let d = s.decision(prog(id)).expect("decision");
        for w in want {
            if !d.notes.iter().any(|n| &n.id == w) {
                errors.push(format!("{id}: missing note {w}; have {:?}", d.notes));
            }
        }
    }
    for (flag, table) in [(true, &case.example), (false, &case.official)] {
        for (id, names) in table {
            let d = s.decision(prog(id)).expect("decision");
            for name in names {
                match d.parameters.iter().find(|p| &*p.name == name) {
                    Some(p) if p.example == flag => {}
                    Some(p) => {
                        errors.push(format!("{id}: {name} example = {}, want {flag}", p.example))
                    }
                    None => errors.push(format!("{id}: parameter {name} not reported")),
                }
            }
        }
    }
    for (id, want) in &case.documents {
        let d = s.decision(prog(id)).expect("decision");
        let got: Vec<&str> = d.documents.iter().map(|x| &**x).collect();
        if got != want.iter().map(String::as_str).collect::<Vec<_>>() {
            errors.push(format!("{id}: documents {got:?}, want {want:?}"));
        }
    }
    for (id, want) in &case.would_change {
        let d = s.decision(prog(id)).expect("decision");
        for w in want {
            if !d.would_change.iter().any(|n| &n.id == w) {
                errors.push(format!("{id}: missing hint {w}; have {:?}", d.would_change));
            }
        }
    }
    for (i, want) in case.checklist_starts.iter().enumerate() {
        if s.checklist.get(i).map(|c| &*c.id) != Some(want.as_str()) {
            let got: Vec<&str> = s.checklist.iter().map(|c| &*c.id).collect();
            errors.push(format!("checklist[{i}] want {want}; got {got:?}"));
        }
    }
}

#[test]
fn rule_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut paths = Vec::new();
    files(&root, &mut paths);
    paths.sort();
    let all: BTreeMap<String, Pack> = packs::embedded()
        .into_iter()
        .map(|p| (p.jurisdiction.code.clone(), p))
        .collect();
    let mut failures = Vec::new();
    let mut count = 0;
    let mut programs_seen = std::collections::BTreeSet::new();
    let mut packs_seen = std::collections::BTreeSet::new();
    for path in &paths {
        let src = std::fs::read_to_string(path).expect("read case file");
        let file: File = toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &file.case {
            count += 1;
            assert!(
                cites_a_text(&case.source),
                "{}: {} must cite a seed (\"seed NNN clause\") or a document \
                 (《…》 or a 〔year〕 number), not our own notes: {:?}",
                path.display(),
                case.name,
                case.source
            );
            let pack = all
                .get(&case.pack)
                .unwrap_or_else(|| panic!("{}: unknown pack {}", path.display(), case.pack));
            packs_seen.insert(case.pack.clone());
            programs_seen.extend(case.expect.keys().cloned());
            let s = screen(pack, &case.household, case.as_of);
            let mut errors = Vec::new();
            check(case, &s, &mut errors);
            for e in errors {
                failures.push(format!(
                    "{} [{}] ({}): {e}",
                    path.display(),
                    case.name,
                    case.source
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{count} rule cases passed");
    assert!(
        count >= 80,
        "only {count} rule cases: the suite promises at least 80"
    );
    // Every program and every pack is exercised by at least one case.
    for p in ProgramId::ALL {
        assert!(
            programs_seen.contains(p.as_str()),
            "no case for program {p}"
        );
    }
    for code in all.keys() {
        assert!(packs_seen.contains(code), "no case for pack {code}");
    }
}
