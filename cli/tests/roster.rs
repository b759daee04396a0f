//! `screen --batch` on a CSV roster gives what the `roster` crate gives (the
//! worker console's batch page runs the crate in the browser): the same
//! households at the same rows, the same outcomes and amounts, the same bad
//! rows with the same reasons.

use assert_cmd::Command;
use rules_core::{Date, Outcome, packs};
use serde_json::Value;

const DATE: &str = "2025-06-01";

fn cli(pack: &str, input: &[u8]) -> Vec<Value> {
    // No --format: a CSV is recognised by its first character.
    let out = Command::cargo_bin("screen")
        .expect("binary")
        .args(["--pack", pack, "--date", DATE, "--batch", "--summary"])
        .write_stdin(input.to_vec())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("line json"))
        .collect()
}

fn outcome_str(o: Outcome) -> &'static str {
    match o {
        Outcome::Likely => "likely",
        Outcome::Possible => "possible",
        Outcome::Unlikely => "unlikely",
        Outcome::NotOffered => "not_offered",
    }
}

/// Compares the CLI's lines with the crate's results; returns the number
/// of households compared.
fn assert_same(pack_code: &str, input: &[u8]) -> usize {
    let pack = packs::embedded_pack(pack_code).expect("pack");
    let r = roster::run(input, &pack, Date::parse(DATE).expect("date"), 1000, |_| {});
    let lines = cli(pack_code, input);
    let (errors, screened): (Vec<&Value>, Vec<&Value>) =
        lines.iter().partition(|l| l.get("error").is_some());
    assert_eq!(screened.len(), r.households.len());
    for (line, h) in screened.iter().zip(&r.households) {
        assert_eq!(line["line"], h.row, "{line}");
        assert_eq!(line["id"], h.id.as_str(), "{line}");
        let summary = line["summary"].as_object().expect("summary");
        // The CLI lists exactly the programs the pack runs.
        let listed: Vec<&str> = summary.keys().map(String::as_str).collect();
        let mut columns: Vec<&str> = r.programs.iter().map(|p| p.as_str()).collect();
        columns.sort_unstable();
        let mut listed_sorted = listed.clone();
        listed_sorted.sort_unstable();
        assert_eq!(listed_sorted, columns);
        for (i, p) in r.programs.iter().enumerate() {
            let got = &summary[p.as_str()];
            assert_eq!(got["outcome"], outcome_str(h.outcome(i)), "{} {p}", h.id);
            let amount = h.amount(i).map(|a| serde_json::to_value(a).expect("json"));
            assert_eq!(got.get("amount"), amount.as_ref(), "{} {p}", h.id);
        }
    }
    let mut cli_bad: Vec<(u64, Option<&str>, &str)> = errors
        .iter()
        .map(|l| {
            (
                l["line"].as_u64().expect("line"),
                l["id"].as_str(),
                l["error"].as_str().expect("error"),
            )
        })
        .collect();
    cli_bad.sort_by_key(|b| b.0);
    let reasons: Vec<String> = r.bad.iter().map(|b| b.reason()).collect();
    let crate_bad: Vec<(u64, Option<&str>, &str)> = r
        .bad
        .iter()
        .zip(&reasons)
        .map(|(b, reason)| (u64::from(b.row), b.id.as_deref(), reason.as_str()))
        .collect();
    assert_eq!(cli_bad, crate_bad);
    r.households.len()
}

#[test]
fn the_example_template_gives_the_same_results() {
    let example = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../roster/example.csv"
    ))
    .expect("example");
    assert_eq!(example, roster::EXAMPLE_CSV.as_bytes());
    for pack in ["441521", "620422", "440114", "340826", "500000-demo"] {
        assert_eq!(assert_same(pack, &example), 8, "{pack}");
    }
}

#[test]
fn a_generated_roster_with_bad_rows_gives_the_same_results_in_utf8_and_gbk() {
    let sample = roster::sample::generate(3000, 25, 11);
    assert!(sample.bad_rows > 30);
    let n = assert_same("441521", sample.text.as_bytes());
    assert!(n > 800, "{n}");
    let gbk = roster::encode_gbk(&sample.text).expect("gbk");
    assert_eq!(assert_same("620422", &gbk), n);
}
