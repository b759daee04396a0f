//! Pack checks: the shipped packs validate, cover every month 2020–2027, and
//! each kind of error is reported with its file, field and line.

use rules_core::validate::{IssueKind, validate_toml};
use rules_core::{Date, ProgramId, packs};
use std::path::Path;

fn shipped() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("policies dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            (
                p.file_name()
                    .and_then(|f| f.to_str())
                    .expect("name")
                    .to_owned(),
                std::fs::read_to_string(&p).expect("read"),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn shipped_packs_validate() {
    match validate_toml(&shipped()) {
        Ok(packs) => assert_eq!(packs.len(), 5),
        Err(issues) => {
            let lines: Vec<String> = issues.iter().map(ToString::to_string).collect();
            panic!("{}", lines.join("\n"));
        }
    }
}

#[test]
fn embedded_packs_equal_the_toml_files() {
    let from_toml = validate_toml(&shipped()).expect("valid");
    assert_eq!(packs::embedded(), from_toml);
    let codes: Vec<String> = from_toml
        .iter()
        .map(|p| p.jurisdiction.code.clone())
        .collect();
    assert_eq!(
        codes,
        ["340826", "440114", "441521", "500000-demo", "620422"]
    );
}

#[test]
fn every_program_id_is_in_every_pack() {
    for pack in packs::embedded() {
        for p in ProgramId::ALL {
            assert!(
                pack.program(*p).is_some(),
                "{} lacks {p}",
                pack.jurisdiction.code
            );
        }
    }
}

/// Catala-style coverage: every enabled program's parameters resolve on the
/// first and last day of every month from 2020-01 to 2027-12.
#[test]
fn parameters_resolve_for_every_month_2020_to_2027() {
    let mut missing = Vec::new();
    for pack in packs::embedded() {
        for year in 2020..=2027 {
            for month in 1..=12u8 {
                let first = Date::new(year, month, 1).expect("date");
                let last = first.add_months(1);
                let last = [31u8, 30, 29, 28]
                    .iter()
                    .find_map(|&d| Date::new(year, month, d))
                    .unwrap_or(last);
                for on in [first, last] {
                    for p in ProgramId::ALL.iter().filter(|p| pack.offers(**p)) {
                        for name in p.required_parameters() {
                            if pack.param(name, on).is_none() {
                                missing.push(format!("{} {on} {p} {name}", pack.jurisdiction.code));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn seed_figures_are_in_the_packs() {
    let on = Date::parse("2025-01-01").expect("date");
    let get = |code: &str, name: &str| {
        packs::embedded_pack(code)
            .and_then(|p| p.param(name, on))
            .map(|v| v.value.to_string())
            .unwrap_or_default()
    };
    assert_eq!(get("441521", "tekun_living_multiple"), "1.6");
    assert_eq!(get("441521", "tekun_minor_age"), "18");
    assert_eq!(get("620422", "care_partial"), "150");
    assert_eq!(get("620422", "escort_city"), "200");
    assert_eq!(get("340826", "orphan_centralised"), "1710");
    assert_eq!(get("340826", "medical_share_dibao"), "0.75");
    assert_eq!(get("340826", "custody_boarding"), "600");
    assert_eq!(get("440114", "dibao_standard_urban"), "1282");
    assert_eq!(get("500000-demo", "dibao_standard_rural"), "610");
    let later = Date::parse("2025-07-01").expect("date");
    let demo = packs::embedded_pack("500000-demo").expect("demo");
    assert_eq!(
        demo.param("dibao_standard_urban", later)
            .expect("S")
            .value
            .to_string(),
        "770"
    );
    assert!(demo.jurisdiction.demo);
    // The example flag travels with the value.
    assert!(
        packs::embedded_pack("340826")
            .expect("susong")
            .param("dibao_standard_urban", on)
            .expect("S")
            .example
    );
}

const BASE: &str = r#"
[jurisdiction]
code = "national"
name = "n"

[documents]
id = "ID"

[programs.dibao]
offered = false
"#;

fn local(body: &str) -> Vec<(String, String)> {
    let mut programs = String::new();
    for p in ProgramId::ALL {
        if *p != ProgramId::Dibao {
            programs.push_str(&format!("[programs.{p}]\noffered = false\n"));
        }
    }
    vec![
        ("national.toml".to_owned(), format!("{BASE}\n{programs}")),
        (
            "000000-test.toml".to_owned(),
            format!(
                "extends = \"national\"\n[jurisdiction]\ncode = \"000000\"\nname = \"t\"\n{body}"
            ),
        ),
    ]
}

fn issues(body: &str) -> Vec<rules_core::validate::Issue> {
    validate_toml(&local(body)).expect_err("should fail")
}

#[test]
fn error_unknown_program_names_file_field_and_line() {
    let got = issues("\n[programs.dibaoo]\noffered = true\n");
    let i = &got[0];
    assert_eq!(
        i.kind,
        IssueKind::UnknownProgram {
            id: "dibaoo".into()
        }
    );
    assert_eq!(i.file, "000000-test.toml");
    assert_eq!(i.path, "programs.dibaoo");
    assert_eq!(i.line, Some(6));
    assert!(
        i.to_string()
            .starts_with("000000-test.toml:6: programs.dibaoo: unknown program id")
    );
}

#[test]
fn error_parameter_without_source() {
    let got = issues(
        "[parameters.asset_limit_months]\nunit = \"months\"\nvalues = [\n  { from = 2020-01-01, value = \"24\" },\n]\n",
    );
    let i = got
        .iter()
        .find(|i| i.kind == IssueKind::MissingSource)
        .expect("missing source");
    assert_eq!(i.path, "parameters.asset_limit_months.values.0");
    assert_eq!(i.line, Some(8));
}

#[test]
fn error_unordered_effective_dates() {
    let got = issues(
        "[parameters.asset_limit_months]\nunit = \"months\"\nvalues = [\n  { from = 2021-01-01, value = \"24\", source = { document = \"d\" } },\n  { from = 2020-01-01, value = \"20\", source = { document = \"d\" } },\n]\n",
    );
    let i = got
        .iter()
        .find(|i| i.kind == IssueKind::UnorderedDates)
        .expect("unordered");
    assert_eq!(i.path, "parameters.asset_limit_months.values.1.from");
    assert_eq!(i.line, Some(9));
}

#[test]
fn error_overlapping_effective_dates() {
    let got = issues(
        "[parameters.asset_limit_months]\nunit = \"months\"\nvalues = [\n  { from = 2020-01-01, until = 2022-01-01, value = \"24\", source = { document = \"d\" } },\n  { from = 2021-01-01, value = \"20\", source = { document = \"d\" } },\n]\n",
    );
    let i = got
        .iter()
        .find(|i| i.kind == IssueKind::OverlappingDates)
        .expect("overlap");
    assert_eq!(i.path, "parameters.asset_limit_months.values.0.until");
    assert_eq!(i.line, Some(8));
}

#[test]
fn error_zero_or_negative_standard() {
    let got = issues(
        "[parameters.dibao_standard_urban]\nunit = \"yuan\"\nperiod = \"month\"\nvalues = [\n  { from = 2020-01-01, value = \"0\", source = { document = \"d\" } },\n]\n[parameters.edge_multiplier]\nunit = \"multiple\"\nvalues = [\n  { from = 2020-01-01, value = \"-1.5\", source = { document = \"d\" } },\n]\n",
    );
    let kinds: Vec<_> = got.iter().map(|i| (&i.kind, i.line)).collect();
    assert!(
        kinds.contains(&(
            &IssueKind::NonPositiveStandard {
                value: "0".parse().expect("d")
            },
            Some(9)
        )),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(
            &IssueKind::NonPositiveStandard {
                value: "-1.5".parse().expect("d")
            },
            Some(14)
        )),
        "{kinds:?}"
    );
}

#[test]
fn error_program_enabled_without_required_parameters() {
    let got = issues("\n[programs.dibao]\noffered = true\n");
    let i = got
        .iter()
        .find(|i| {
            i.kind
                == IssueKind::MissingParameter {
                    program: "dibao".into(),
                    parameter: "dibao_standard_urban".into(),
                }
        })
        .expect("missing parameter");
    assert_eq!(i.path, "programs.dibao.offered");
    assert_eq!(i.line, Some(7));
}

#[test]
fn error_unknown_parameter_and_syntax() {
    let got = issues(
        "[parameters.dibao_standard]\nunit = \"yuan\"\nvalues = [{ from = 2020-01-01, value = \"1\", source = { document = \"d\" } }]\n",
    );
    assert!(got.iter().any(|i| i.kind
        == IssueKind::UnknownParameter {
            name: "dibao_standard".into()
        }
        && i.line == Some(5)));
    let got = issues(
        "[parameters.asset_limit_months]\nunit = \"months\"\nvalues = [{ from = \"not a date\", value = \"1\" }]\n",
    );
    assert!(matches!(got[0].kind, IssueKind::Syntax { .. }), "{got:?}");
    assert_eq!(got[0].line, Some(7));
}
