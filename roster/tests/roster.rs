//! The roster reader, screening and export, through the public API.

use roster::{
    COLUMNS, EXAMPLE_CSV, Encoding, HeaderError, Item, Labels, Reader, Results, decode, encode_gbk,
    export_csv, run,
};
use rules_core::{Date, Outcome, ProgramId, packs};

fn items(bytes: &[u8]) -> Vec<Item> {
    let d = decode(bytes);
    Reader::new(&d.text).expect("header").collect()
}

fn date() -> Date {
    Date::parse("2025-06-01").expect("date")
}

#[test]
fn the_example_parses_without_errors() {
    let all = items(EXAMPLE_CSV.as_bytes());
    assert_eq!(all.len(), 8);
    for item in &all {
        assert!(matches!(item, Item::Household(_)), "{item:?}");
    }
    // Saved with a BOM, so Excel on a Chinese Windows reads it as UTF-8.
    assert!(EXAMPLE_CSV.starts_with('\u{feff}'));
    assert_eq!(decode(EXAMPLE_CSV.as_bytes()).encoding, Encoding::Utf8Bom);
    // Every documented column, in the documented order.
    let header = EXAMPLE_CSV.trim_start_matches('\u{feff}').lines().next();
    assert_eq!(header, Some(COLUMNS.join(",").as_str()));
}

#[test]
fn gbk_and_utf8_with_bom_give_the_same_households() {
    let text = EXAMPLE_CSV.trim_start_matches('\u{feff}');
    let gbk = encode_gbk(text).expect("gbk");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    assert_eq!(decode(&gbk).encoding, Encoding::Gbk);
    assert_eq!(decode(&bom).encoding, Encoding::Utf8Bom);
    assert_ne!(gbk, bom[3..]);
    let from_gbk = items(&gbk);
    assert_eq!(from_gbk, items(&bom));
    assert_eq!(from_gbk, items(text.as_bytes()));
    let Some(Item::Household(first)) = from_gbk.first() else {
        panic!("a household first");
    };
    assert_eq!(first.id, "示例01");
    assert_eq!(first.household.housing_difficulty, Some(true));

    // A generated roster with bad rows, the same way round.
    let sample = roster::sample::generate(2000, 20, 7);
    let gbk = encode_gbk(&sample.text).expect("gbk");
    assert_eq!(items(&gbk), items(sample.text.as_bytes()));
}

#[test]
fn bad_rows_are_reported_with_their_row_numbers_and_the_rest_go_on() {
    let csv = "household_id,relation,age,birth_date,wages,current_benefits,emergency\n\
               h1,applicant,45,,1200,none,none\n\
               h1,child,abc,,,,\n\
               h2,applicant,70,,0,dibao,\n\
               h2,spouse,68,1957-02-30,0,,\n\
               \n\
               h3,applicant,50,,0,none,flood\n\
               h4,applicant,30\n\
               ,,,,,,\n\
               ,child,3,,,,\n\
               h5,applicant,40,,0,dibao;pension,none\n\
               h6,cousin,40,,0,none,none\n\
               h1,applicant,33,,0,none,none\n\
               h7,applicant,\"60\n\
               h8,applicant,61,,0,none,none\n";
    let all = items(csv.as_bytes());
    let reasons: Vec<String> = all
        .iter()
        .map(|i| match i {
            Item::Household(_) => "ok".to_owned(),
            Item::Bad(b) => b.reason(),
        })
        .collect();
    let summary: Vec<(u32, Option<&str>, &str)> = all
        .iter()
        .zip(&reasons)
        .map(|(i, reason)| match i {
            Item::Household(e) => (e.row, Some(e.id.as_str()), reason.as_str()),
            Item::Bad(b) => (b.row, b.id.as_deref(), reason.as_str()),
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                3,
                Some("h1"),
                r#"age: expected a whole number, found "abc""#
            ),
            (
                5,
                Some("h2"),
                r#"birth_date: invalid date "1957-02-30": expected YYYY-MM-DD"#
            ),
            // Row 6 is blank, row 9 a row of commas: skipped.
            // h3 is complete only when h5 starts: bad rows read meanwhile
            // come first, as the CLI has always written them.
            (8, None, "expected 7 cells, found 3"),
            (10, None, "household_id: empty"),
            (
                7,
                Some("h3"),
                "emergency: unknown variant `flood`, expected one of `none`, `fire`, \
                 `accident`, `sudden_illness`, `natural_disaster`, `other`"
            ),
            (
                11,
                Some("h5"),
                "current_benefits: unknown variant `pension`, expected one of `dibao`, \
                 `dibao_edge`, `tekun`, `tekun_care`, `orphan`, `temporary`, `medical`, \
                 `education`, `housing`, `employment`, `disaster`, `disability_living`, \
                 `disability_care`, `child_rehab`, `mental_medication`, `disability_custody`, \
                 `hospital_escort`, `worker_hardship`, `legal_aid`, `utility_relief`, \
                 `funeral_relief`, `two_cancers`"
            ),
            (
                12,
                Some("h6"),
                "relation: unknown variant `cousin`, expected one of `applicant`, `spouse`, \
                 `child`, `parent`, `grandparent`, `grandchild`, `sibling`, `child_in_law`, `other`"
            ),
            (14, None, "unterminated quoted field"),
            (
                13,
                Some("h1"),
                "household_id \"h1\" was used for other rows (first at row 2); \
                 a household's rows must be together"
            ),
            (15, Some("h8"), "ok"),
        ]
    );
}

#[test]
fn header_problems_stop_the_file() {
    let err = |text: &str| match Reader::new(text) {
        Err(HeaderError(b)) => (b.row, b.reason()),
        Ok(_) => panic!("accepted {text:?}"),
    };
    assert_eq!(
        err("\nhousehold_id,wage\n"),
        (2, "header: unknown column \"wage\"".to_owned())
    );
    assert_eq!(
        err("relation,age\n"),
        (1, "header: household_id column is required".to_owned())
    );
    assert_eq!(
        err("household_id,age,age\n"),
        (1, "header: column \"age\" appears twice".to_owned())
    );
    // An empty file has no households and no error.
    assert_eq!(Reader::new("").expect("empty").count(), 0);
}

#[test]
fn a_quoted_line_break_is_one_row() {
    // A household id with a line break in it, as Excel writes it.
    let csv = "household_id,relation,age\n\"A\r\n1\",applicant,70\nB,applicant,71\n";
    let all = items(csv.as_bytes());
    match all.as_slice() {
        [Item::Household(a), Item::Household(b)] => {
            assert_eq!((a.row, a.id.as_str()), (2, "A\r\n1"));
            assert_eq!((b.row, b.id.as_str()), (3, "B"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_stray_quote_closed_rows_later_does_not_swallow_the_rows_between() {
    let csv = "household_id,relation,age,sex\n\
               h1,\"applicant,70,male\n\
               h2,applicant,71,male\n\
               h3,applicant,7\"2,male\n";
    let all = items(csv.as_bytes());
    let owned: Vec<(u32, String)> = all
        .iter()
        .map(|i| match i {
            Item::Household(e) => (e.row, "ok".to_owned()),
            Item::Bad(b) => (b.row, b.reason()),
        })
        .collect();
    let rows: Vec<(u32, &str)> = owned.iter().map(|(r, s)| (*r, s.as_str())).collect();
    assert_eq!(
        rows,
        [
            (2, "unterminated quoted field"),
            (3, "ok"),
            (4, "age: expected a whole number, found \"7\\\"2\""),
        ]
    );
}

fn results(csv: &str, pack: &str) -> Results {
    let pack = packs::embedded_pack(pack).expect("pack");
    run(csv.as_bytes(), &pack, date(), 1000, |_| {})
}

fn index(r: &Results, p: ProgramId) -> usize {
    r.programs.iter().position(|&q| q == p).expect("offered")
}

#[test]
fn likely_but_not_receiving_reads_current_benefits() {
    // The same elder, alone and without means: 特困 is likely. Receiving
    // nothing, receiving 特困, and not saying.
    let row = |id: &str, benefits: &str| {
        format!("{id},applicant,80,true,rural,0,0,0,1,false,{benefits},none,none,full\n")
    };
    let csv = format!(
        "household_id,relation,age,hukou_local,hukou_kind,wages,money_assets,cars,homes,runs_business,current_benefits,supporters,disability_category,self_care\n{}{}{}",
        row("none", "none"),
        row("held", "tekun"),
        row("unknown", ""),
    );
    let r = results(&csv, "620422");
    assert!(r.bad.is_empty(), "{:?}", r.bad);
    let tekun = index(&r, ProgramId::Tekun);
    let [none, held, unknown] = r.households.as_slice() else {
        panic!("three households");
    };
    assert_eq!(none.outcome(tekun), Outcome::Likely);
    assert!(none.likely_not_receiving(tekun));
    assert!(none.any_likely_not_receiving());
    assert_eq!(held.outcome(tekun), Outcome::Likely);
    assert!(!held.likely_not_receiving(tekun));
    assert!(!unknown.likely_not_receiving(tekun));
    // Medical aid comes with 特困: not listed as missing for the one who holds it.
    let medical = index(&r, ProgramId::Medical);
    if held.outcome(medical) == Outcome::Likely {
        assert!(!held.likely_not_receiving(medical));
    }
    assert!(none.amount(tekun).is_some());
}

#[test]
fn the_export_is_one_row_per_household_for_excel() {
    let csv = format!(
        "{}示例99,applicant,abc{}\n",
        EXAMPLE_CSV,
        ",".repeat(COLUMNS.len() - 3)
    );
    let r = results(&csv, "441521");
    assert_eq!(r.households.len(), 8);
    assert_eq!(r.bad.len(), 1);
    let bytes = export_csv(&r, &Labels::default());
    let text = std::str::from_utf8(&bytes).expect("utf-8");
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    // Header, 8 households, the bad row, and the empty string after the last CRLF.
    assert_eq!(lines.len(), 11, "{text}");
    assert_eq!(lines[10], "");
    let width = 4 + 2 * r.programs.len() + 1;
    // No cell of the example has a comma, so a plain split counts them
    // (the bad row's reason has one, in quotes).
    for l in &lines[..9] {
        assert_eq!(l.split(',').count(), width, "{l}");
    }
    assert_eq!(lines[9].split(',').count(), width + 1);
    assert!(lines[0].starts_with("row,household_id,members,likely_not_receiving,dibao,dibao ("));
    assert!(lines[0].ends_with(",problem"));
    assert!(lines[1].starts_with("2,示例01,1,"));
    assert!(lines[9].starts_with("21,示例99,,"));
    assert!(lines[9].ends_with(r#","age: expected a whole number, found ""abc""""#));
    // The outreach column lists exactly the programs coded L.
    for (h, line) in r.households.iter().zip(&lines[1..9]) {
        let listed = line.split(',').nth(3).expect("cell");
        let expected: Vec<&str> = r
            .programs
            .iter()
            .enumerate()
            .filter(|&(i, _)| h.likely_not_receiving(i))
            .map(|(_, p)| p.as_str())
            .collect();
        assert_eq!(listed, expected.join("; "), "{line}");
    }
    assert!(
        r.households.iter().any(|h| h.any_likely_not_receiving()),
        "the example shows the flag"
    );
    // Translated labels replace the ids.
    let mut labels = Labels {
        likely: "很可能符合".to_owned(),
        ..Labels::default()
    };
    labels
        .programs
        .insert("dibao".to_owned(), "低保".to_owned());
    let zh = String::from_utf8(export_csv(&r, &labels)).expect("utf-8");
    assert!(zh.contains(",低保,低保 ("));
    assert!(zh.contains("很可能符合"));
}

#[test]
fn results_round_trip_through_json() {
    let r = results(EXAMPLE_CSV, "620422");
    let json = serde_json::to_string(&r).expect("json");
    let back: Results = serde_json::from_str(&json).expect("parse");
    assert_eq!(back, r);
}

#[test]
fn progress_is_reported_every_n_households_and_at_the_end() {
    let sample = roster::sample::generate(3000, 0, 3);
    let pack = packs::embedded_pack("340826").expect("pack");
    let mut seen = Vec::new();
    let r = run(sample.text.as_bytes(), &pack, date(), 250, |p| seen.push(p));
    assert_eq!(r.households.len(), sample.households);
    assert!(r.bad.is_empty());
    assert_eq!(seen.len(), sample.households / 250 + 1);
    assert!(seen.windows(2).all(|w| w[0].read <= w[1].read));
    let last = seen.last().expect("last");
    assert_eq!(
        (last.households, last.read),
        (sample.households, last.total)
    );
}

#[test]
fn problems_carry_what_a_translation_needs() {
    let csv = "household_id,relation,sex\nh1,applicant,x\n";
    let Some(Item::Bad(b)) = items(csv.as_bytes()).into_iter().next() else {
        panic!("a bad row");
    };
    assert_eq!(b.problem.kind(), "unknown_value");
    assert_eq!(
        b.problem.args(),
        [
            ("column", "sex".to_owned()),
            ("value", "x".to_owned()),
            ("expected", "male, female".to_owned()),
        ]
    );
    assert_eq!(
        b.reason(),
        "sex: unknown variant `x`, expected `male` or `female`"
    );
    let mut labels = Labels::default();
    labels.problems.insert(
        "unknown_value".to_owned(),
        "“{column}”列的“{value}”无法识别（可填：{expected}）".to_owned(),
    );
    assert_eq!(
        labels.problem(&b.problem),
        "“sex”列的“x”无法识别（可填：male, female）"
    );
    // Without a translation: the English reason.
    assert_eq!(Labels::default().problem(&b.problem), b.reason());
}
