//! The household JSON Schema committed at `rules-core/household.schema.json`
//! must match the types. Regenerate with:
//!
//! ```sh
//! UPDATE_SCHEMA=1 cargo test -p rules-core --test schema
//! ```

use rules_core::Household;
use std::path::Path;

#[test]
fn household_schema_is_current() {
    let schema = schemars::schema_for!(Household);
    let mut json = serde_json::to_string_pretty(&schema).expect("schema json");
    json.push('\n');
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("household.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &json).expect("write schema");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == json,
        "household.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test -p rules-core --test schema`"
    );
}

#[test]
fn minimal_households_parse() {
    for src in [
        "{}",
        r#"{"members": [{}]}"#,
        r#"{"members": [{"age": 70, "incomes": []}], "money_assets": "1000.50"}"#,
        r#"{"members": [{"birth_date": "2010-05-01", "incomes": [{"kind": "wages", "monthly": 800}]}]}"#,
    ] {
        let h: Household = serde_json::from_str(src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let back = serde_json::to_string(&h).expect("serialise");
        let again: Household = serde_json::from_str(&back).expect("round trip");
        assert_eq!(h, again);
    }
}

#[test]
fn bad_households_are_clear_errors() {
    for (src, needle) in [
        (
            r#"{"members": [{"sex": "unknown-sex"}]}"#,
            "unknown variant",
        ),
        (
            r#"{"members": [{"birth_date": "2010-13-01"}]}"#,
            "invalid date",
        ),
        (r#"{"members": 3}"#, "invalid type"),
        (r#"{"money_assets": "lots"}"#, "money_assets"),
    ] {
        let err = serde_json::from_str::<Household>(src)
            .expect_err(src)
            .to_string();
        assert!(err.contains(needle) || err.contains("line"), "{src}: {err}");
    }
}
