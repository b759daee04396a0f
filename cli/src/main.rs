//! `screen`: the native command-line screening tool.
//!
//! ```text
//! screen --pack 440114 [--date 2025-01-01] < household.json     # one Screening as JSON
//! screen --pack 440114 --batch < households.jsonl                 # one result line per household
//! screen --pack 440114 --batch < members.csv                      # CSV (UTF-8 or GBK), one row per member
//! screen --list-packs
//! screen --pack 441521 --explain dibao                            # the rule in Chinese
//! screen --packs-dir ./policies --list-packs                      # packs from a directory
//! ```
//!
//! Exit status: 0 when the arguments were usable (bad batch lines are reported
//! as error lines and the batch goes on); 1 when the single household on
//! standard input is not valid JSON; 2 for unusable arguments.

mod csv_in;
mod explain_zh;
mod household_fast;
mod json_fast;

use clap::{Parser, ValueEnum};
use rules_core::validate::validate_toml;
use rules_core::{Brief, Date, Household, Pack, ProgramId, Screener, packs, screen};
use rust_decimal::Decimal;
use std::io::{BufRead, BufWriter, Read, Write};
use std::process::ExitCode;
use std::sync::OnceLock;

// A screening allocates many small lists: with glibc's allocator, malloc
// and free were about a third of its instructions, with mimalloc a tenth
// (rules-core/README.md, Benchmarks).
#[global_allocator]
static ALLOCATOR: native_alloc::Mimalloc = native_alloc::Mimalloc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// JSON Lines if the input's first character (after a BOM and
    /// whitespace) is `{`, else CSV.
    Auto,
    /// JSON Lines: one household JSON object per line.
    Jsonl,
    /// CSV: one row per member, UTF-8 or GBK; see `roster/README.md`.
    Csv,
}

/// Screen households for Chinese social-assistance programs (救助通).
#[derive(Debug, Parser)]
#[command(name = "screen", version)]
struct Args {
    /// The jurisdiction pack code, e.g. 440114 (see --list-packs).
    #[arg(long)]
    pack: Option<String>,
    /// The date of the screening (YYYY-MM-DD); default: today (UTC).
    #[arg(long)]
    date: Option<String>,
    /// Read many households from standard input and write one result line each.
    #[arg(long)]
    batch: bool,
    /// Batch input format.
    #[arg(long, value_enum, default_value = "auto")]
    format: Format,
    /// List the available packs.
    #[arg(long)]
    list_packs: bool,
    /// Explain a program (its rule, parameters and citations) in Chinese.
    #[arg(long, value_name = "PROGRAM")]
    explain: Option<String>,
    /// Load packs from this directory (national.toml + jurisdiction files)
    /// instead of the embedded ones.
    #[arg(long, value_name = "DIR")]
    packs_dir: Option<std::path::PathBuf>,
    /// Pretty-print single-household JSON.
    #[arg(long)]
    pretty: bool,
    /// Batch: write only each program's outcome and amount (政策找人 lists).
    #[arg(long)]
    summary: bool,
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("screen: {msg}");
    ExitCode::from(2)
}

fn load_packs(dir: Option<&std::path::Path>) -> Result<Vec<Pack>, String> {
    let Some(dir) = dir else {
        return Ok(packs::embedded());
    };
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|x| x == "toml") {
            let src =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let name = path
                .file_name()
                .and_then(|f| f.to_str())
                .unwrap_or_default()
                .to_owned();
            files.push((name, src));
        }
    }
    files.sort();
    validate_toml(&files).map_err(|issues| {
        let lines: Vec<String> = issues
            .iter()
            .map(|i| format!("{}/{i}", dir.display()))
            .collect();
        lines.join("\n")
    })
}

fn main() -> ExitCode {
    let args = Args::parse();
    let all = match load_packs(args.packs_dir.as_deref()) {
        Ok(p) => p,
        Err(e) => return usage_error(&format!("invalid packs:\n{e}")),
    };
    let date = match &args.date {
        Some(s) => match Date::parse(s) {
            Ok(d) => d,
            Err(e) => return usage_error(&e.to_string()),
        },
        None => Date::today_utc(),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());

    if args.list_packs {
        for p in &all {
            let offered = ProgramId::ALL.iter().filter(|x| p.offers(**x)).count();
            let demo = if p.jurisdiction.demo { "\t演示" } else { "" };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{offered} programs{demo}",
                p.jurisdiction.code,
                p.jurisdiction.name,
                p.jurisdiction.parent.as_deref().unwrap_or("")
            );
        }
        return flush(out);
    }

    let selected: Vec<&Pack> = match &args.pack {
        Some(code) => match all.iter().find(|p| &p.jurisdiction.code == code) {
            Some(p) => vec![p],
            None => return usage_error(&format!("unknown pack {code:?}; try --list-packs")),
        },
        None => all.iter().collect(),
    };

    if let Some(program) = &args.explain {
        let Some(id) = ProgramId::parse(program) else {
            let ids: Vec<&str> = ProgramId::ALL.iter().map(|p| p.as_str()).collect();
            return usage_error(&format!(
                "unknown program {program:?}; one of: {}",
                ids.join(", ")
            ));
        };
        for p in selected {
            let _ = write!(out, "{}", explain_zh::render(p, id, date));
        }
        return flush(out);
    }

    let [pack] = selected.as_slice() else {
        return usage_error("--pack <code> is required to screen (see --list-packs)");
    };

    if args.batch {
        let stdin = std::io::stdin();
        let mut input = std::io::BufReader::with_capacity(64 * 1024, stdin.lock());
        let mode = if args.summary {
            Mode::Summary
        } else {
            Mode::Full
        };
        let format = match args.format {
            Format::Auto => match input.fill_buf() {
                Ok(start) if looks_like_jsonl(start) => Format::Jsonl,
                Ok(_) => Format::Csv,
                Err(e) => return usage_error(&format!("reading standard input: {e}")),
            },
            f => f,
        };
        match format {
            Format::Csv => {
                // Decoding needs the whole file (UTF-8 or GBK is decided on all of it).
                let mut bytes = Vec::new();
                if let Err(e) = input.read_to_end(&mut bytes) {
                    return usage_error(&format!("reading standard input: {e}"));
                }
                csv_in::batch_csv(pack, date, mode, &bytes, &mut out);
            }
            _ => batch_jsonl(pack, date, mode, input, &mut out),
        }
        return flush(out);
    }

    let mut src = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut src) {
        return usage_error(&format!("reading standard input: {e}"));
    }
    match serde_json::from_str::<Household>(&src) {
        Ok(h) => {
            let s = screen(pack, &h, date);
            let json = if args.pretty {
                serde_json::to_string_pretty(&s)
            } else {
                serde_json::to_string(&s)
            };
            let _ = writeln!(out, "{}", json.unwrap_or_default());
            flush(out)
        }
        Err(e) => {
            let _ = writeln!(out, "{}", serde_json::json!({ "error": e.to_string() }));
            let _ = out.flush();
            eprintln!("screen: invalid household: {e}");
            ExitCode::from(1)
        }
    }
}

/// Whether a batch input is JSON Lines: its first character, after a BOM
/// and whitespace, is `{`.
fn looks_like_jsonl(start: &[u8]) -> bool {
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    start.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

fn flush(mut out: impl Write) -> ExitCode {
    match out.flush() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("screen: {e}");
            ExitCode::from(1)
        }
    }
}

/// What a batch writes for each household.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The whole Screening.
    Full,
    /// Outcome and amount per offered program.
    Summary,
}

impl Mode {
    /// Summary mode builds outcomes and amounts only (the same decisions,
    /// much faster).
    pub(crate) fn screen(self, s: &Screener<'_>, h: &Household) -> Screened {
        match self {
            Mode::Full => Screened::Full(s.screen(h)),
            Mode::Summary => {
                let mut briefs = Vec::with_capacity(ProgramId::ALL.len());
                s.summarize(h, &mut briefs);
                Screened::Summary(briefs)
            }
        }
    }
}

/// A household's result, as its mode writes it.
pub(crate) enum Screened {
    Full(rules_core::Screening),
    Summary(Vec<Brief>),
}

/// A household's result, borrowed for writing.
enum Body<'r> {
    Full(&'r rules_core::Screening),
    Summary(&'r [Brief]),
}

impl Screened {
    fn body(&self) -> Body<'_> {
        match self {
            Screened::Full(s) => Body::Full(s),
            Screened::Summary(b) => Body::Summary(b),
        }
    }
}

/// The snake_case names, as serde writes them.
fn outcome_str(o: rules_core::Outcome) -> &'static str {
    use rules_core::Outcome::*;
    match o {
        Likely => "likely",
        Possible => "possible",
        Unlikely => "unlikely",
        NotOffered => "not_offered",
    }
}

fn period_str(p: rules_core::Period) -> &'static str {
    use rules_core::Period::*;
    match p {
        Month => "month",
        Year => "year",
        Once => "once",
        Day => "day",
        Share => "share",
    }
}

fn bound_str(b: rules_core::Bound) -> &'static str {
    use rules_core::Bound::*;
    match b {
        Exact => "exact",
        UpTo => "up_to",
        AtLeast => "at_least",
    }
}

/// Appends `v` as serde writes a `Decimal` (`"1300.00"`, `"-0"`, `"0.05"`):
/// the mantissa's digits with the point `scale` places from the right, at
/// least one digit before it. Amounts are a few per household; the general
/// formatter costs more than the rest of a summary line.
fn push_decimal(buf: &mut Vec<u8>, v: &Decimal) {
    let scale = v.scale();
    let mantissa = v.mantissa().unsigned_abs();
    buf.push(b'"');
    if v.is_sign_negative() {
        buf.push(b'-');
    }
    let mut digits = itoa::Buffer::new();
    if scale == 0 {
        buf.extend_from_slice(digits.format(mantissa).as_bytes());
    } else if let (Ok(m), Some(unit)) = (u64::try_from(mantissa), 10u64.checked_pow(scale)) {
        // Most amounts: the same in 64-bit arithmetic, cheaper than 128.
        buf.extend_from_slice(digits.format(m / unit).as_bytes());
        push_fraction(buf, digits.format(m % unit), scale);
    } else {
        // The scale is at most 28: 10^28 < 2^96 fits in a u128.
        let unit = 10u128.pow(scale);
        buf.extend_from_slice(digits.format(mantissa / unit).as_bytes());
        push_fraction(buf, digits.format(mantissa % unit), scale);
    }
    buf.push(b'"');
}

/// The point and `scale` fraction digits, `frac` padded with leading zeros.
fn push_fraction(buf: &mut Vec<u8>, frac: &str, scale: u32) {
    buf.push(b'.');
    let zeros = (scale as usize).saturating_sub(frac.len());
    buf.extend(std::iter::repeat_n(b'0', zeros));
    buf.extend_from_slice(frac.as_bytes());
}

/// Appends `{"dibao":{"outcome":…,"amount":…},…}` for the offered programs,
/// byte for byte what serde_json writes for the same map, without its
/// per-key machinery (program ids and enum names need no escaping).
fn push_summary(buf: &mut Vec<u8>, briefs: &[Brief]) {
    use rules_core::{Bound, Outcome, Period};
    const OUTCOMES: [Outcome; 4] = [
        Outcome::Likely,
        Outcome::Possible,
        Outcome::Unlikely,
        Outcome::NotOffered,
    ];
    const PERIODS: [Period; 5] = [
        Period::Month,
        Period::Year,
        Period::Once,
        Period::Day,
        Period::Share,
    ];
    const BOUNDS: [Bound; 3] = [Bound::Exact, Bound::UpTo, Bound::AtLeast];
    // Made once, so that a program takes one copy before its amount and
    // one after: `,"dibao":{"outcome":"likely"` for every program and
    // outcome, with `,"amount":{"value":` after it when there is an amount
    // (the comma is left out for the first program); and
    // `,"period":"month","bound":"exact"}}` for every period and bound.
    struct Pieces {
        keys: Vec<String>,
        amounts: Vec<String>,
    }
    static PIECES: OnceLock<Pieces> = OnceLock::new();
    let pieces = PIECES.get_or_init(|| {
        let mut keys = vec![String::new(); ProgramId::ALL.len() * OUTCOMES.len() * 2];
        for &p in ProgramId::ALL {
            for o in OUTCOMES {
                let key = format!(",\"{}\":{{\"outcome\":\"{}\"", p.as_str(), outcome_str(o));
                let at = (p as usize * OUTCOMES.len() + o as usize) * 2;
                keys[at + 1] = format!("{key},\"amount\":{{\"value\":");
                keys[at] = key;
            }
        }
        let mut amounts = vec![String::new(); PERIODS.len() * BOUNDS.len()];
        for p in PERIODS {
            for b in BOUNDS {
                amounts[p as usize * BOUNDS.len() + b as usize] = format!(
                    ",\"period\":\"{}\",\"bound\":\"{}\"}}}}",
                    period_str(p),
                    bound_str(b)
                );
            }
        }
        Pieces { keys, amounts }
    });
    buf.push(b'{');
    let mut first = true;
    for d in briefs.iter().filter(|d| d.outcome != Outcome::NotOffered) {
        let key = &pieces.keys[(d.program as usize * OUTCOMES.len() + d.outcome as usize) * 2
            + usize::from(d.amount.is_some())];
        buf.extend_from_slice(&key.as_bytes()[usize::from(first)..]);
        first = false;
        match &d.amount {
            Some(a) => {
                push_decimal(buf, &a.value);
                buf.extend_from_slice(
                    pieces.amounts[a.period as usize * BOUNDS.len() + a.bound as usize].as_bytes(),
                );
            }
            None => buf.push(b'}'),
        }
    }
    buf.push(b'}');
}

/// Appends one result line: `{"line":N,"screening":{…}}` (or `"summary"` in
/// summary mode) or `{"line":N,"error":"…"}`, with its newline.
fn push_result(buf: &mut Vec<u8>, line: usize, id: Option<&str>, result: Result<Body<'_>, &str>) {
    // Field order and spelling as the former serde struct
    // `{line, id?, screening?, summary?, error?}`.
    buf.extend_from_slice(b"{\"line\":");
    buf.extend_from_slice(itoa::Buffer::new().format(line).as_bytes());
    // Writing JSON into a Vec cannot fail: the results are ignored.
    if let Some(id) = id {
        buf.extend_from_slice(b",\"id\":");
        let _ = serde_json::to_writer(&mut *buf, id);
    }
    match result {
        Ok(Body::Full(s)) => {
            buf.extend_from_slice(b",\"screening\":");
            let _ = serde_json::to_writer(&mut *buf, s);
        }
        Ok(Body::Summary(briefs)) => {
            buf.extend_from_slice(b",\"summary\":");
            push_summary(buf, briefs);
        }
        Err(e) => {
            buf.extend_from_slice(b",\"error\":");
            let _ = serde_json::to_writer(&mut *buf, e);
        }
    }
    buf.extend_from_slice(b"}\n");
}

/// Writes one result line (see [`push_result`]).
pub(crate) fn write_result(
    out: &mut impl Write,
    line: usize,
    id: Option<&str>,
    result: Result<Screened, String>,
) {
    let mut buf = Vec::new();
    push_result(
        &mut buf,
        line,
        id,
        result.as_ref().map(Screened::body).map_err(|e| &**e),
    );
    let _ = out.write_all(&buf);
}

/// What `BufRead::read_line` reports for a line that is not UTF-8; the batch
/// has always written it as the line's error.
const NOT_UTF8: &str = "stream did not contain valid UTF-8";

/// Splits a byte stream into lines, each with its `\n` (as `read_line` keeps
/// it, so parse errors name the same positions), without copying a line
/// that lies whole in the buffer. The last line may lack the `\n`.
struct Lines<R> {
    input: R,
    buf: Vec<u8>,
    /// The unread bytes are `buf[start..end]`.
    start: usize,
    end: usize,
    eof: bool,
}

impl<R: Read> Lines<R> {
    fn new(input: R) -> Self {
        Lines {
            input,
            // Large enough that few lines straddle two reads, small enough
            // to stay in the core's cache.
            buf: vec![0; 128 * 1024],
            start: 0,
            end: 0,
            eof: false,
        }
    }

    fn next_line(&mut self) -> Option<std::io::Result<&[u8]>> {
        // Where to look for the newline: bytes before it were searched.
        let mut searched = 0;
        loop {
            let unread = self.start + searched..self.end;
            if let Some(i) = memchr::memchr(b'\n', &self.buf[unread.clone()]) {
                let line = self.start..unread.start + i + 1;
                self.start = line.end;
                return Some(Ok(&self.buf[line]));
            }
            searched = self.end - self.start;
            if self.eof {
                if searched == 0 {
                    return None;
                }
                let line = self.start..self.end;
                self.start = self.end;
                return Some(Ok(&self.buf[line]));
            }
            // Keep the partial line, at the front; a line longer than the
            // buffer doubles it.
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
            if self.end == self.buf.len() {
                self.buf.resize(self.buf.len() * 2, 0);
            }
            match self.input.read(&mut self.buf[self.end..]) {
                Ok(0) => self.eof = true,
                Ok(n) => self.end += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

fn batch_jsonl(pack: &Pack, date: Date, mode: Mode, input: impl Read, out: &mut impl Write) {
    // The pack resolved once for the date, not per household.
    let screener = Screener::new(pack, date);
    let mut lines = Lines::new(input);
    // One output line at a time, in a buffer reused for every household.
    let mut buf = Vec::with_capacity(4096);
    // Summary mode: one vector of outcomes and amounts for every household.
    let mut briefs = Vec::with_capacity(ProgramId::ALL.len());
    // Every line is read into this household, reusing its lists.
    let mut household = Household::default();
    let mut line_no = 0;
    while let Some(read) = lines.next_line() {
        line_no += 1;
        buf.clear();
        let text = match read {
            Ok(bytes) => std::str::from_utf8(bytes).map_err(|_| NOT_UTF8),
            Err(e) => {
                // A read error ends the batch, after its error line.
                push_result(&mut buf, line_no, None, Err(&e.to_string()));
                let _ = out.write_all(&buf);
                break;
            }
        };
        match text {
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => {
                let read = if household_fast::read_into(text, &mut household) {
                    Ok(())
                } else {
                    json_fast::from_str::<Household>(text).map(|h| household = h)
                };
                match read {
                    Ok(()) => match mode {
                        Mode::Full => {
                            let s = screener.screen(&household);
                            push_result(&mut buf, line_no, None, Ok(Body::Full(&s)));
                        }
                        Mode::Summary => {
                            screener.summarize(&household, &mut briefs);
                            push_result(&mut buf, line_no, None, Ok(Body::Summary(&briefs)));
                        }
                    },
                    Err(e) => push_result(&mut buf, line_no, None, Err(&e.to_string())),
                }
            }
            // An invalid line is reported and the batch goes on.
            Err(e) => push_result(&mut buf, line_no, None, Err(e)),
        }
        // As before, a failed write does not stop the batch; the final
        // flush reports it.
        let _ = out.write_all(&buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_serde_writes_them() {
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "0.00",
            "-0.00",
            "0.05",
            "-0.05",
            "1300.00",
            "1300",
            "604.50",
            "-1.2",
            "12345678901234567.89",
            "0.0000000000000000000000000001",
        ]
        .iter()
        .map(|s| s.parse().expect("decimal"))
        .collect();
        values.extend([Decimal::MAX, Decimal::MIN, Decimal::new(-0, 2)]);
        for scale in 0..=28 {
            values.push(Decimal::from_i128_with_scale(123_456_789, scale));
            values.push(Decimal::from_i128_with_scale(-7, scale));
        }
        for v in values {
            let mut buf = Vec::new();
            push_decimal(&mut buf, &v);
            let expected = serde_json::to_string(&v).expect("json");
            assert_eq!(String::from_utf8(buf).expect("utf-8"), expected, "{v:?}");
        }
    }

    /// The lines of `input` read through a `Lines` with a tiny buffer.
    fn split(input: &[u8]) -> Vec<Vec<u8>> {
        let mut lines = Lines::new(input);
        lines.buf = vec![0; 4];
        let mut out = Vec::new();
        while let Some(line) = lines.next_line() {
            out.push(line.expect("read").to_vec());
        }
        out
    }

    #[test]
    fn lines_keep_their_newline_and_may_outgrow_the_buffer() {
        assert_eq!(
            split(b"{\"a\":1}\r\n\nlast"),
            [&b"{\"a\":1}\r\n"[..], b"\n", b"last"]
        );
        let long = "x".repeat(100);
        assert_eq!(split(format!("{long}\n{long}\n").as_bytes()).len(), 2);
        assert!(split(b"").is_empty());
    }
}
