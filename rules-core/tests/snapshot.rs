//! A full screening, snapshotted so any change in reasons, parameters,
//! amounts or wording is one reviewable diff. Review with `cargo insta review`
//! or accept with `INSTA_UPDATE=always cargo test -p rules-core --test snapshot`.

use rules_core::{Date, Household, packs, screen};

const FAMILY: &str = r#"{
  "jurisdiction": "441521",
  "money_assets": "3000",
  "cars": 0,
  "homes": 1,
  "runs_business": false,
  "spending_12m": { "medical": "6000", "education": "1200", "rehabilitation": "0" },
  "housing_difficulty": true,
  "current_benefits": [],
  "emergency": "none",
  "members": [
    { "relation": "applicant", "age": 46, "sex": "male", "hukou": { "local": true, "kind": "rural" },
      "disability": { "has": false }, "serious_illness": false, "work_capacity": "full",
      "employment": "employed", "incomes": [{ "kind": "wages", "monthly": "1800" }], "supporters": "able" },
    { "relation": "spouse", "age": 44, "sex": "female", "hukou": { "local": true, "kind": "rural" },
      "disability": { "category": "mental", "grade": 3 }, "self_care": "partial", "work_capacity": "none",
      "incomes": [], "supporters": "able", "two_cancers_diagnosis": false },
    { "relation": "child", "age": 15, "sex": "female", "hukou": { "local": true, "kind": "rural" },
      "disability": { "has": false }, "student": "junior_secondary", "incomes": [], "supporters": "able" },
    { "relation": "parent", "age": 74, "sex": "male", "hukou": { "local": true, "kind": "rural" },
      "disability": { "has": false }, "incomes": [{ "kind": "resident_basic_pension", "monthly": "180" }],
      "supporters": "able", "self_care": "full" }
  ]
}"#;

#[test]
fn haifeng_family_of_four() {
    let pack = packs::embedded_pack("441521").expect("pack");
    let h: Household = serde_json::from_str(FAMILY).expect("household");
    let s = screen(&pack, &h, Date::parse("2025-06-01").expect("date"));
    insta::assert_json_snapshot!(s);
}
