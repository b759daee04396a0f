//! Screening a roster in parts (the console's several Web Workers) gives
//! the whole file's results and export, byte for byte (issue 6).

use roster::{
    Labels, Part, Results, Units, earlier_ids, encode_gbk, export_csv, export_head, export_rows,
    merge, plan, run, run_part,
};
use rules_core::{Date, Pack, packs};

fn date() -> Date {
    Date::parse("2025-06-01").expect("date")
}

fn pack() -> Pack {
    packs::embedded_pack("441521").expect("pack")
}

/// What the console does with `n` workers: plan, run each part, settle
/// each with the ids of the parts before, export part by part.
fn in_parts(bytes: &[u8], n: usize) -> (Results, Vec<u8>, usize) {
    let pack = pack();
    let plan = plan(bytes, n);
    assert_eq!(plan.parts.first().map(|r| r.start), Some(0));
    assert_eq!(plan.parts.last().map(|r| r.end), Some(bytes.len()));
    assert!(plan.parts.windows(2).all(|w| w[0].end == w[1].start));
    let mut parts: Vec<Part> = (0..n)
        .map(|k| run_part(bytes, &plan, k, &pack, date(), 100, |_| {}))
        .collect();
    let ids: Vec<Vec<(String, u32)>> = parts.iter().map(|p| p.first_rows.clone()).collect();
    for (k, part) in parts.iter_mut().enumerate() {
        let earlier = earlier_ids(ids[..k].iter().map(Vec::as_slice));
        part.settle(|id| earlier.get(id).copied());
    }
    let units = parts
        .iter()
        .map(|p| Units::of(&p.results))
        .reduce(|a, b| a.and(&b))
        .expect("a part");
    // Through their text, as the workers pass them.
    let units = Units::parse(&units.to_text()).expect("units");
    let labels = Labels::default();
    let mut csv = export_head(&parts[0].results.programs, &units, &labels);
    for p in &parts {
        csv.extend(export_rows(&p.results, &units, &labels));
    }
    (merge(parts), csv, plan.parts.len())
}

fn assert_same(bytes: &[u8], cut: bool) {
    let whole = run(bytes, &pack(), date(), 100, |_| {});
    let csv = export_csv(&whole, &Labels::default());
    for n in 1..=4 {
        let (results, parts_csv, used) = in_parts(bytes, n);
        if cut {
            assert_eq!(used, n, "{n} parts");
        } else {
            assert_eq!(used, 1, "not cut");
        }
        assert_eq!(results, whole, "{n} parts");
        assert!(parts_csv == csv, "{n} parts: the same export");
    }
}

#[test]
fn a_generated_roster_in_parts_gives_the_whole_files_results() {
    let sample = roster::sample::generate(6000, 30, 11);
    assert_same(sample.text.as_bytes(), true);
    let gbk = encode_gbk(&sample.text).expect("gbk");
    assert_same(&gbk, true);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(sample.text.as_bytes());
    assert_same(&bom, true);
}

/// A household id used again far away: in another part, the whole-file
/// reader's bad row, citing the first row in the file.
#[test]
fn an_id_used_again_in_a_later_part_is_the_same_bad_row() {
    let header = "household_id,relation,age,wages,current_benefits\n";
    let mut csv = String::from(header);
    for i in 0..400 {
        let id = match i {
            // Used again later: good there, with a bad member, and twice.
            350 => "h5".to_owned(),
            360 => "h7".to_owned(),
            370 | 380 => "h9".to_owned(),
            _ => format!("h{i}"),
        };
        csv.push_str(&format!("{id},applicant,40,800,none\n"));
        if i == 360 {
            csv.push_str("h7,spouse,abc,,\n");
        }
        if i % 50 == 0 {
            csv.push_str("\n,,,,\n");
        }
    }
    // A quoted cell closed on its line does not stop the cutting.
    csv.push_str("\"h400\",applicant,\"40\",800,none\n");
    assert_same(csv.as_bytes(), true);
    let whole = run(csv.as_bytes(), &pack(), date(), 100, |_| {});
    let apart: Vec<_> = whole
        .bad
        .iter()
        .filter(|b| b.problem.kind() == "rows_apart")
        .map(|b| (b.row, b.id.clone()))
        .collect();
    assert_eq!(apart.len(), 4, "{apart:?}");
}

#[test]
fn a_file_whose_records_may_span_lines_is_one_part() {
    let sample = roster::sample::generate(800, 0, 5);
    // A quoted line break in a cell of the first household.
    let text = sample.text.replacen(",applicant,", ",\"applicant\n\",", 1);
    assert_same(text.as_bytes(), false);
    // UTF-16.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(sample.text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_same(&utf16, false);
}

#[test]
fn small_and_odd_files_in_parts() {
    for csv in [
        "",
        "\n\n",
        "household_id\n",
        "household_id,age\nh1,40\n",
        "wages\nh1\n",
        "household_id,age\nh1,40\nh1,41\nh2,50\n",
        "\n\nhousehold_id,age\r\nh1,40\r\nh2,x\r\nh3,50\r\n,\r\nh4,60\r\n",
    ] {
        let whole = run(csv.as_bytes(), &pack(), date(), 1, |_| {});
        for n in 1..=4 {
            let (results, parts_csv, _) = in_parts(csv.as_bytes(), n);
            assert_eq!(results, whole, "{csv:?} in {n}");
            assert_eq!(parts_csv, export_csv(&whole, &Labels::default()), "{csv:?}");
        }
    }
}
