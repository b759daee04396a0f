//! Screening one roster in several parts at once (the console's Web
//! Workers, one part each), with the results of [`crate::run`] on the
//! whole file: the same households, bad rows and row numbers.
//!
//! Every worker gets the whole file and makes the same [`Plan`] from it
//! (deterministic, cheap: one pass to tell the encoding and one search
//! for `"`), then decodes, reads and screens only its part with
//! [`run_part`]. The parts are cut between two households: after a line
//! and before the next whose household ids differ, both plain records
//! (no quote, the header's number of cells), so no household and no
//! record spans two parts. Row numbers stay those of the whole file: a
//! part starts at a known row, because a file is only cut when its
//! records are its lines — no quoted cell runs over a line break (every
//! line with a `"` closes its quotes on that line). A file where one might
//! (or a UTF-16 one, or one whose header is not in its first 64 KiB) is
//! one part.
//!
//! What a part cannot see alone is the rule that a household id is used
//! for one group of rows only: each part reports the ids it read with
//! their first rows ([`Part::first_rows`]), and [`Part::settle`] with the
//! ids of the parts before it turns a household whose id came earlier
//! into the bad row the whole-file reader reports. Then [`merge`] (or the
//! page, part by part) gives the whole file's [`Results`].

use crate::batch::{Batch, Progress, Results};
use crate::columns::Column;
use crate::decode::{Encoding, decode};
use crate::parse::{BadRow, Problem, Reader, trim};
use encoding_rs::{Encoding as Enc, GBK, UTF_8};
use rules_core::{Date, Pack};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// How a file is cut into parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub encoding: Encoding,
    /// Each part's bytes of the file, in order, together the whole file
    /// (the first from byte 0, with the byte-order mark and the header).
    pub parts: Vec<Range<usize>>,
    /// The row number of each part's first line (the first part's: 1).
    pub first_rows: Vec<u32>,
    /// The bytes from the start of the text (after a byte-order mark) to
    /// the end of the header's line: what a later part decodes to read
    /// the header.
    pub head: Range<usize>,
}

/// Where the header is looked for.
const HEADER_WITHIN: usize = 64 * 1024;

/// The text of some whole lines of the file, decoded as the whole file is.
fn decode_lines(bytes: &[u8], encoding: Encoding) -> (Cow<'_, str>, bool) {
    match encoding {
        // The whole file is valid UTF-8, so is every run of whole lines.
        Encoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(t) => (Cow::Borrowed(t), false),
            Err(_) => {
                let (t, malformed) = UTF_8.decode_without_bom_handling(bytes);
                (t, malformed)
            }
        },
        Encoding::Utf8Bom => UTF_8.decode_without_bom_handling(bytes),
        Encoding::Gbk => GBK.decode_without_bom_handling(bytes),
        // Never cut (see `plan`); decoded whole.
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let d = decode(bytes);
            (d.text, d.malformed)
        }
    }
}

/// Whether a line (without its `\n`) that starts a record also ends it:
/// every quote the reader would open on it closes on it. Bytes suffice:
/// `"`, `,` and `\n` are never part of a character in UTF-8 or GBK.
fn closes_its_quotes(line: &[u8]) -> bool {
    let mut i = 0;
    // At the start of a cell.
    loop {
        if line.get(i) == Some(&b'"') {
            // A quoted cell, as `quoted_cell` reads it: `""` inside is a
            // quote, a lone one closes; text after it is kept.
            i += 1;
            let mut quoted = true;
            loop {
                match line.get(i) {
                    None => return !quoted,
                    Some(b'"') if quoted && line.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') if quoted => {
                        quoted = false;
                        i += 1;
                    }
                    Some(b',') if !quoted => {
                        i += 1;
                        break;
                    }
                    Some(_) => i += 1,
                }
            }
        } else {
            match memchr::memchr(b',', &line[i.min(line.len())..]) {
                Some(n) => i += n + 1,
                None => return true,
            }
        }
    }
}

/// A line's cells as the reader trims them, if it is a plain record: no
/// quote, the header's number of cells and a household id; then its id.
fn plain_id(line: &str, width: usize, id_column: usize) -> Option<&str> {
    if line.contains('"') {
        return None;
    }
    let mut id = None;
    let mut n = 0;
    for (i, cell) in line.split(',').enumerate() {
        if i == id_column {
            id = Some(trim(cell));
        }
        n += 1;
    }
    id.filter(|id| n == width && !id.is_empty())
}

/// How many `\n` the bytes hold, eight bytes at a time (WASM has 64-bit
/// integers but, here, no vector instructions; a search for each of a
/// hundred thousand line ends costs more).
fn newlines(bytes: &[u8]) -> usize {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const NL: u64 = 0x0a0a_0a0a_0a0a_0a0a;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(c);
        let x = u64::from_le_bytes(word) ^ NL;
        // The high bit of each byte that is zero (a `\n`), exactly.
        let zero = !(((x & LOW) + LOW) | x | LOW);
        n += zero.count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|&&b| b == b'\n').count()
}

/// The line of `body` that starts at `start` (without its `\n`), and where
/// the next one starts.
fn line_at(body: &[u8], start: usize) -> (&[u8], usize) {
    match memchr::memchr(b'\n', &body[start..]) {
        Some(n) => (&body[start..start + n], start + n + 1),
        None => (&body[start..], body.len()),
    }
}

/// Cuts the file into at most `parts` parts (see the module documentation).
pub fn plan(bytes: &[u8], parts: usize) -> Plan {
    let whole = |encoding| Plan {
        encoding,
        parts: std::iter::once(0..bytes.len()).collect(),
        first_rows: vec![1],
        head: 0..0,
    };
    let (encoding, bom) = match Enc::for_bom(bytes) {
        Some((enc, _)) if enc != UTF_8 => return whole(decode(&bytes[..2]).encoding),
        Some((_, bom)) => (Encoding::Utf8Bom, bom),
        None if std::str::from_utf8(bytes).is_ok() => (Encoding::Utf8, 0),
        None => (Encoding::Gbk, 0),
    };
    if parts < 2 {
        return whole(encoding);
    }
    let body = &bytes[bom..];
    // Records are lines only if every line with a quote closes it.
    let mut checked = 0;
    for q in memchr::memchr_iter(b'"', body) {
        if q < checked {
            continue;
        }
        let start = memchr::memrchr(b'\n', &body[..q]).map_or(0, |n| n + 1);
        let (line, next) = line_at(body, start);
        if !closes_its_quotes(line) {
            return whole(encoding);
        }
        checked = next;
    }
    // The header, read as the whole-file reader reads it, from whole lines.
    let prefix_end = if body.len() <= HEADER_WITHIN {
        body.len()
    } else {
        line_at(body, HEADER_WITHIN).1
    };
    let (prefix, _) = decode_lines(&body[..prefix_end], encoding);
    let Ok(header) = Reader::new(&prefix) else {
        return whole(encoding);
    };
    let (width, Some(id_column)) = (header.width(), header.column(Column::HouseholdId)) else {
        return whole(encoding);
    };
    // The header's line is the `row`-th; the body starts after it.
    let mut start = 0;
    for _ in 0..header.row() {
        match memchr::memchr(b'\n', &body[start..]) {
            Some(n) => start += n + 1,
            None => return whole(encoding),
        }
    }
    if width == 0 || start >= body.len() || start > prefix_end {
        return whole(encoding);
    }
    let mut plan = Plan {
        encoding,
        parts: Vec::with_capacity(parts),
        first_rows: vec![1],
        head: bom..bom + start,
    };
    // In the body's bytes: where the last part starts, and the row of the
    // line that starts at `counted`.
    let (mut last_cut, mut counted, mut row) = (0, 0, 1u32);
    let span = body.len() - start;
    for k in 1..parts {
        let target = start + span * k / parts;
        let next_target = start + span * (k + 1) / parts;
        // From the first line that starts at or after the target.
        let mut at = if body[target - 1] == b'\n' {
            target
        } else {
            line_at(body, target).1
        };
        let mut cut = None;
        while at < body.len() && at < next_target {
            let (line, next) = line_at(body, at);
            let before = memchr::memrchr(b'\n', &body[..at - 1]).map_or(0, |n| n + 1);
            if before >= start && at > last_cut {
                let (prev_text, _) = decode_lines(&body[before..at - 1], encoding);
                let (text, _) = decode_lines(line, encoding);
                let prev_id = plain_id(&prev_text, width, id_column);
                if let (Some(a), Some(b)) = (prev_id, plain_id(&text, width, id_column))
                    && a != b
                {
                    cut = Some(at);
                    break;
                }
            }
            at = next;
        }
        let Some(cut) = cut else {
            continue;
        };
        row = row.saturating_add(u32::try_from(newlines(&body[counted..cut])).unwrap_or(u32::MAX));
        counted = cut;
        plan.parts
            .push(if last_cut == 0 { 0 } else { bom + last_cut }..bom + cut);
        plan.first_rows.push(row);
        last_cut = cut;
    }
    let part_start = if last_cut == 0 { 0 } else { bom + last_cut };
    plan.parts.push(part_start..bytes.len());
    plan
}

/// One part's results.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// Its households and bad rows, row numbers those of the whole file.
    pub results: Results,
    /// Each household id the part read with the row its first household
    /// starts at, in no order.
    pub first_rows: Vec<(String, u32)>,
}

/// Decodes, reads and screens the `k`-th part of `plan` (an empty part if
/// the plan has fewer), calling `progress` after every `every` households
/// and at the end; `read` and `total` are in bytes of the file's part.
pub fn run_part(
    bytes: &[u8],
    plan: &Plan,
    k: usize,
    pack: &Pack,
    date: Date,
    every: usize,
    mut progress: impl FnMut(Progress),
) -> Part {
    let mut batch = Batch::new(pack, date);
    let mut results = Results {
        pack: pack.jurisdiction.code.clone(),
        date,
        encoding: plan.encoding,
        malformed: false,
        programs: batch.programs().to_vec(),
        households: Vec::new(),
        bad: Vec::new(),
    };
    let Some(range) = plan.parts.get(k) else {
        return Part {
            results,
            first_rows: Vec::new(),
        };
    };
    let total = range.len();
    let (text, malformed) = if plan.parts.len() == 1 {
        let d = decode(bytes);
        (d.text, d.malformed)
    } else {
        let bom = if k == 0 { plan.head.start } else { 0 };
        decode_lines(&bytes[range.start + bom..range.end], plan.encoding)
    };
    results.malformed = malformed;
    let reader = if k == 0 {
        Reader::new(&text)
    } else {
        // The header's lines, then this part's.
        let (head, _) = decode_lines(&bytes[plan.head.clone()], plan.encoding);
        match Reader::new(&head) {
            Ok(h) => Ok(Reader::resume(&h, &text, plan.first_rows[k])),
            Err(e) => Err(e),
        }
    };
    let scale = |read: usize| {
        if text.is_empty() {
            total
        } else {
            (read as f64 / text.len() as f64 * total as f64) as usize
        }
    };
    // Only the first part reads a header (a plan cuts only files whose
    // header reads), so only it can end here without a reader.
    let reader = crate::batch::screen_all(
        reader,
        &mut batch,
        &mut results,
        (every, total),
        scale,
        &mut progress,
    );
    let first_rows = reader
        .map(|r| r.into_first_rows().collect())
        .unwrap_or_default();
    Part {
        results,
        first_rows,
    }
}

impl Part {
    /// Applies the rule the part could not check alone: a household whose
    /// id a part before it used (`earlier`: the row of an id's first
    /// household in the file, if a part before used it; see
    /// [`earlier_ids`]) is a bad row at its first row, like every later
    /// household with that id, citing that first row.
    pub fn settle(&mut self, earlier: impl Fn(&str) -> Option<u32>) {
        let mut moved: HashMap<&str, (u32, u32)> = HashMap::new();
        for (id, row) in &self.first_rows {
            if let Some(first) = earlier(id) {
                moved.insert(id, (*row, first));
            }
        }
        if moved.is_empty() {
            return;
        }
        let r = &mut self.results;
        let mut added = Vec::new();
        r.households.retain(|h| match moved.get(h.id.as_str()) {
            Some(&(row, first)) if row == h.row => {
                added.push(rows_apart(row, &h.id, first));
                false
            }
            _ => true,
        });
        for b in &mut r.bad {
            let Some(id) = b.id.clone() else { continue };
            let Some(&(row, first)) = moved.get(id.as_str()) else {
                continue;
            };
            match &mut b.problem {
                // A later household with the id: it cites the file's first.
                Problem::RowsApart { first: f, .. } => *f = first,
                // The part's first household with the id, bad for another
                // reason: the whole-file reader stops at its first row.
                _ => *b = rows_apart(row, &id, first),
            }
        }
        r.bad.extend(added);
        r.bad.sort_by_key(|b| b.row);
    }
}

fn rows_apart(row: u32, id: &str, first: u32) -> BadRow {
    BadRow {
        row,
        id: Some(id.to_owned()),
        problem: Problem::RowsApart {
            id: id.to_owned(),
            first,
        },
    }
}

/// The ids of parts, in order, as [`Part::settle`] takes them: each with
/// the row of its first household in the file.
pub fn earlier_ids<'p>(
    parts: impl IntoIterator<Item = &'p [(String, u32)]>,
) -> HashMap<String, u32> {
    let mut ids = HashMap::new();
    for part in parts {
        for (id, row) in part {
            ids.entry(id.clone()).or_insert(*row);
        }
    }
    ids
}

/// The whole file's results from its parts, settled, in order.
pub fn merge(parts: Vec<Part>) -> Results {
    let mut parts = parts.into_iter();
    let Some(first) = parts.next() else {
        panic!("merge: no parts");
    };
    let mut results = first.results;
    for p in parts {
        results.malformed |= p.results.malformed;
        results.households.extend(p.results.households);
        results.bad.extend(p.results.bad);
    }
    results.bad.sort_by_key(|b| b.row);
    results
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_are_counted() {
        let text = b"a\nbb\n\n\xe6\x88\xb7\n0123456789\n\n\x0a\x8a\x0b\n";
        for end in 0..text.len() {
            let want = text[..end].iter().filter(|&&b| b == b'\n').count();
            assert_eq!(newlines(&text[..end]), want, "{end}");
        }
    }

    #[test]
    fn quotes_closed_on_their_line() {
        assert!(closes_its_quotes(b"a,b,c"));
        assert!(closes_its_quotes(b"\"a,b\",c"));
        assert!(closes_its_quotes(b"a,\"say \"\"hi\"\"\",c"));
        assert!(closes_its_quotes(b"a,x\"y,c"));
        assert!(closes_its_quotes(b"\"\",\"\""));
        assert!(!closes_its_quotes(b"a,\"b"));
        assert!(!closes_its_quotes(b"a,\"b\"\""));
    }
}
