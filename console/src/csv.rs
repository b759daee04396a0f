//! A CSV file for spreadsheet programs, written in the browser: UTF-8 with a
//! byte-order mark (without it Excel reads Chinese as mojibake), RFC 4180
//! quoting and CRLF line ends, and every cell that a spreadsheet would take
//! for a formula defused.

/// The byte-order mark Excel needs to read a CSV file as UTF-8.
pub const BOM: char = '\u{FEFF}';

/// Characters that make a spreadsheet read a cell as a formula (CSV
/// injection: `=HYPERLINK(…)`, `@SUM(…)`, `+1`, `-1+…`); tab and carriage
/// return too, since some programs strip them and then see the next one.
fn starts_like_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// One cell, escaped: a formula-like start gets a leading `'` (shown as
/// text, never evaluated); a cell with a comma, quote or line break is
/// quoted, with quotes doubled.
pub fn cell(raw: &str) -> String {
    let mut value = String::with_capacity(raw.len() + 2);
    if starts_like_formula(raw) {
        value.push('\'');
    }
    value.push_str(raw);
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The whole file: BOM, the header row, then the rows, each line ended by
/// CRLF.
pub fn write<R, C>(header: &[String], rows: R) -> String
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = String>,
{
    let mut out = String::new();
    out.push(BOM);
    let mut line = |cells: &mut dyn Iterator<Item = String>| {
        let mut first = true;
        for c in cells {
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(&cell(&c));
        }
        out.push_str("\r\n");
    };
    line(&mut header.iter().cloned());
    for row in rows {
        line(&mut row.into_iter());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn plain_cells_are_left_alone() {
        assert_eq!(cell("7KQ3MZ2HX"), "7KQ3MZ2HX");
        // Chinese text (written as escapes: no UI text in code) passes as is.
        assert_eq!(cell("\u{5f20}\u{4e09}"), "\u{5f20}\u{4e09}");
        assert_eq!(cell("440***********27"), "440***********27");
        assert_eq!(cell(""), "");
        // Only the first character decides: a hyphen inside is harmless.
        assert_eq!(cell("SW-0042"), "SW-0042");
        assert_eq!(cell("2026-11-28"), "2026-11-28");
    }

    #[wasm_bindgen_test]
    fn separators_quotes_and_line_breaks_are_quoted() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(cell("cr\rlf"), "\"cr\rlf\"");
        // The ideographic comma is not a separator.
        assert_eq!(cell("a\u{3001}b"), "a\u{3001}b");
    }

    #[wasm_bindgen_test]
    fn formula_starts_are_defused() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("+8613912345678"), "'+8613912345678");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        // Defused and quoted: the prefix goes inside the quotes.
        assert_eq!(
            cell("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(cell("\r=1"), "\"'\r=1\"");
    }

    #[wasm_bindgen_test]
    fn a_file_has_a_bom_a_header_and_crlf_lines() {
        let header = vec!["code".to_owned(), "\u{7533}\u{8bf7}\u{4eba}".to_owned()];
        let rows = vec![
            vec!["7KQ3MZ2HX".to_owned(), "=cmd".to_owned()],
            vec!["ABCDEFGH2".to_owned(), "\u{738b}, \u{4e94}".to_owned()],
        ];
        let file = write(&header, rows);
        assert!(file.starts_with('\u{FEFF}'));
        assert_eq!(file.as_bytes()[..3], [0xEF, 0xBB, 0xBF]);
        assert_eq!(
            file,
            "\u{FEFF}code,\u{7533}\u{8bf7}\u{4eba}\r\n7KQ3MZ2HX,'=cmd\r\nABCDEFGH2,\"\u{738b}, \u{4e94}\"\r\n"
        );
        let empty = write(&header, Vec::<Vec<String>>::new());
        assert_eq!(empty, "\u{FEFF}code,\u{7533}\u{8bf7}\u{4eba}\r\n");
    }
}
