//! End-to-end tests of the `screen` binary.

use assert_cmd::Command;
use std::path::Path;

fn screen() -> Command {
    Command::cargo_bin("screen").expect("binary")
}

const ELDER: &str = r#"{"members":[{"relation":"applicant","age":70,"hukou":{"local":true,"kind":"rural"},"incomes":[],"supporters":"none","self_care":"none"}],"money_assets":"0","cars":0,"homes":1,"runs_business":false,"current_benefits":[]}"#;

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("json")
}

#[test]
fn single_household_prints_a_screening() {
    let out = screen()
        .args(["--pack", "620422", "--date", "2025-03-01"])
        .write_stdin(ELDER)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_eq!(v["jurisdiction"], "620422");
    assert_eq!(v["as_of"], "2025-03-01");
    let decisions = v["decisions"].as_array().expect("decisions");
    assert_eq!(decisions.len(), 22);
    let tekun = decisions
        .iter()
        .find(|d| d["program"] == "tekun")
        .expect("tekun");
    assert_eq!(tekun["outcome"], "likely");
    assert_eq!(tekun["amount"]["value"], "604.50");
    let care = decisions
        .iter()
        .find(|d| d["program"] == "tekun_care")
        .expect("care");
    assert_eq!(care["amount"]["value"], "230.00");
}

#[test]
fn batch_jsonl_reports_bad_lines_and_continues() {
    let input = format!("{ELDER}\nnot json\n\n{{\"members\": 3}}\n{ELDER}\n");
    let out = screen()
        .args(["--pack", "440114", "--date", "2025-03-01", "--batch"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("line json"))
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["line"], 1);
    assert!(lines[0]["screening"].is_object());
    assert_eq!(lines[1]["line"], 2);
    assert!(
        lines[1]["error"]
            .as_str()
            .expect("error")
            .contains("expected")
    );
    assert_eq!(lines[2]["line"], 4);
    assert!(lines[2]["error"].is_string());
    assert_eq!(lines[3]["line"], 5);
    assert!(lines[3]["screening"].is_object());
}

#[test]
fn batch_csv_groups_rows_by_household() {
    let csv = "household_id,relation,age,hukou_local,hukou_kind,wages,other_income,excluded_income,money_assets,cars,homes,runs_business,current_benefits,disability_category,disability_grade\n\
               h1,applicant,45,true,rural,1200,,,0,0,1,false,none,none,\n\
               h1,child,12,true,rural,,,,,,,,,none,\n\
               h2,applicant,abc,true,rural,,,,,,,,,,\n\
               h3,applicant,80,true,rural,0,,,0,0,1,false,none,physical,1\n";
    let out = screen()
        .args([
            "--pack",
            "620422",
            "--date",
            "2025-03-01",
            "--batch",
            "--format",
            "csv",
        ])
        .write_stdin(csv)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("line json"))
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0]["id"], "h1");
    assert_eq!(lines[0]["line"], 2);
    let s = &lines[0]["screening"];
    assert_eq!(s["household_size"], 2);
    let dibao = s["decisions"]
        .as_array()
        .expect("d")
        .iter()
        .find(|d| d["program"] == "dibao")
        .expect("dibao");
    // The child's income is unknown (all income cells empty), but the known
    // part alone is over the rural standard: (1200 − 200) / 2 = 500 ≥ 465.
    assert_eq!(dibao["outcome"], "unlikely");
    assert_eq!(lines[1]["id"], "h2");
    assert_eq!(lines[1]["line"], 4);
    assert!(lines[1]["error"].as_str().expect("error").contains("age"));
    assert_eq!(lines[2]["id"], "h3");
    assert!(lines[2]["screening"].is_object());
}

#[test]
fn list_packs_and_explain() {
    let out = screen()
        .arg("--list-packs")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    for code in ["340826", "440114", "441521", "500000-demo", "620422"] {
        assert!(text.contains(code), "{text}");
    }
    let out = screen()
        .args([
            "--pack",
            "441521",
            "--explain",
            "tekun",
            "--date",
            "2025-01-01",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("特困人员救助供养"), "{text}");
    assert!(text.contains("1.6倍"), "{text}");
    assert!(
        text.contains("seed") || text.contains("000_0145ea02caf1fe9d.txt"),
        "{text}"
    );
    let out = screen()
        .args(["--pack", "440114", "--explain", "utility_relief"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).expect("utf-8").contains("未开办"));
}

#[test]
fn unusable_arguments_exit_non_zero() {
    screen()
        .args(["--pack", "999999"])
        .write_stdin("{}")
        .assert()
        .code(2);
    screen()
        .args(["--pack", "440114", "--date", "2025-02-30"])
        .write_stdin("{}")
        .assert()
        .code(2);
    screen()
        .args(["--pack", "440114", "--explain", "nope"])
        .assert()
        .code(2);
    screen().write_stdin("{}").assert().code(2);
    screen()
        .args(["--packs-dir", "/nonexistent-dir", "--list-packs"])
        .assert()
        .code(2);
}

#[test]
fn invalid_single_household_is_an_error() {
    screen()
        .args(["--pack", "440114", "--date", "2025-01-01"])
        .write_stdin("{\"members\": [{\"sex\": \"x\"}]}")
        .assert()
        .code(1);
}

#[test]
fn packs_dir_loads_and_validates() {
    let policies = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules-core/policies");
    screen()
        .args([
            "--packs-dir",
            policies.to_str().expect("path"),
            "--list-packs",
        ])
        .assert()
        .success();
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in std::fs::read_dir(&policies).expect("policies") {
        let p = entry.expect("entry").path();
        std::fs::copy(&p, dir.path().join(p.file_name().expect("name"))).expect("copy");
    }
    let broken = dir.path().join("440114-huadu.toml");
    let src = std::fs::read_to_string(&broken)
        .expect("read")
        .replace("[programs.tekun]", "[programs.tekunn]");
    std::fs::write(&broken, src).expect("write");
    let out = screen()
        .args([
            "--packs-dir",
            dir.path().to_str().expect("path"),
            "--list-packs",
        ])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).expect("utf-8");
    assert!(
        err.contains("440114-huadu.toml:") && err.contains("programs.tekunn"),
        "{err}"
    );
}

#[test]
fn batch_summary_writes_outcomes_and_amounts_only() {
    let out = screen()
        .args([
            "--pack",
            "620422",
            "--date",
            "2025-03-01",
            "--batch",
            "--summary",
        ])
        .write_stdin(format!("{ELDER}\n"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert!(v.get("screening").is_none());
    assert_eq!(v["summary"]["tekun"]["outcome"], "likely");
    assert_eq!(v["summary"]["tekun"]["amount"]["value"], "604.50");
    // Programs the pack does not run are left out of the summary.
    assert!(v["summary"].get("worker_hardship").is_none());
}

#[test]
fn batch_csv_reads_supporters_and_hospital_stays() {
    let csv = "household_id,relation,age,hukou_local,hukou_kind,wages,money_assets,cars,homes,runs_business,current_benefits,disability_category,supporters,care_mode,hospital_level,hospital_days\n\
               e1,applicant,77,true,rural,0,0,0,1,false,none,none,none,dispersed,county,10\n";
    let out = screen()
        .args([
            "--pack",
            "620422",
            "--date",
            "2025-03-01",
            "--batch",
            "--format",
            "csv",
            "--summary",
        ])
        .write_stdin(csv)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_eq!(v["id"], "e1");
    assert_eq!(v["summary"]["tekun"]["outcome"], "likely");
    assert_eq!(v["summary"]["hospital_escort"]["outcome"], "likely");
    assert_eq!(
        v["summary"]["hospital_escort"]["amount"]["value"],
        "1500.00"
    );
}

#[test]
fn batch_jsonl_reports_a_line_that_is_not_utf8_and_goes_on() {
    // The last line has no newline; a blank line keeps its number.
    let mut input = b"{\"members\": [{\"age\": 70, \"sex\": \"\xff\"}]}\n\n".to_vec();
    input.extend_from_slice(ELDER.as_bytes());
    let out = screen()
        .args([
            "--pack",
            "440114",
            "--date",
            "2025-03-01",
            "--batch",
            "--summary",
        ])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        r#"{"line":1,"error":"stream did not contain valid UTF-8"}"#
    );
    let last = json(lines[1].as_bytes());
    assert_eq!(last["line"], 3);
    assert_eq!(last["summary"]["tekun"]["outcome"], "likely");
    assert_eq!(lines.len(), 2);
}
