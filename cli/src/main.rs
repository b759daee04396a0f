//! `screen`: the native command-line screening tool.
//!
//! ```text
//! screen --pack 440114 [--date 2025-01-01] < household.json     # one Screening as JSON
//! screen --pack 440114 --batch < households.jsonl                 # one result line per household
//! screen --pack 440114 --batch --format csv < members.csv         # CSV, one row per member
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

use clap::{Parser, ValueEnum};
use rules_core::validate::validate_toml;
use rules_core::{Date, Household, Pack, ProgramId, Screener, packs, screen};
use std::io::{BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// JSON Lines: one household JSON object per line.
    Jsonl,
    /// CSV: one row per member, see `rules-core/README.md` for the header.
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
    #[arg(long, value_enum, default_value = "jsonl")]
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

/// Today's civil date (UTC) from the system clock.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Date::new(
        i32::try_from(y).unwrap_or(2000),
        u8::try_from(m).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
    )
    .unwrap_or_else(|| Date::new(2000, 1, 1).expect("valid date"))
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
        None => today(),
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
        // Standard input's own buffer: a 256 KiB reader measured no faster.
        let input = stdin.lock();
        let mode = if args.summary {
            Mode::Summary
        } else {
            Mode::Full
        };
        match args.format {
            Format::Jsonl => batch_jsonl(pack, date, mode, input, &mut out),
            Format::Csv => csv_in::batch_csv(pack, date, mode, input, &mut out),
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
    /// Summary mode skips the reasons entirely (same decisions, much faster).
    pub(crate) fn screen(self, s: &Screener<'_>, h: &Household) -> rules_core::Screening {
        match self {
            Mode::Full => s.screen(h),
            Mode::Summary => s.screen_brief(h),
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

/// Writes `{"dibao":{"outcome":…,"amount":…},…}` for the offered programs,
/// byte for byte what serde_json writes for the same map, without its
/// per-key machinery (program ids and enum names need no escaping).
fn write_summary(out: &mut impl Write, decisions: &[rules_core::Decision]) -> std::io::Result<()> {
    out.write_all(b"{")?;
    let mut first = true;
    for d in decisions
        .iter()
        .filter(|d| d.outcome != rules_core::Outcome::NotOffered)
    {
        if !first {
            out.write_all(b",")?;
        }
        first = false;
        out.write_all(b"\"")?;
        out.write_all(d.program.as_str().as_bytes())?;
        out.write_all(b"\":{\"outcome\":\"")?;
        out.write_all(outcome_str(d.outcome).as_bytes())?;
        out.write_all(b"\"")?;
        if let Some(a) = &d.amount {
            out.write_all(b",\"amount\":{\"value\":")?;
            serde_json::to_writer(&mut *out, &a.value)?;
            out.write_all(b",\"period\":\"")?;
            out.write_all(period_str(a.period).as_bytes())?;
            out.write_all(b"\",\"bound\":\"")?;
            out.write_all(bound_str(a.bound).as_bytes())?;
            out.write_all(b"\"}")?;
        }
        out.write_all(b"}")?;
    }
    out.write_all(b"}")
}

/// Writes one result line: `{"line":N,"screening":{…}}` (or `"summary"` in
/// summary mode) or `{"line":N,"error":"…"}`.
pub(crate) fn write_result(
    out: &mut impl Write,
    line: usize,
    id: Option<&str>,
    mode: Mode,
    result: Result<rules_core::Screening, String>,
) {
    let _ = try_write_result(out, line, id, mode, result);
}

fn try_write_result(
    out: &mut impl Write,
    line: usize,
    id: Option<&str>,
    mode: Mode,
    result: Result<rules_core::Screening, String>,
) -> std::io::Result<()> {
    // Field order and spelling as the former serde struct
    // `{line, id?, screening?, summary?, error?}`.
    write!(out, "{{\"line\":{line}")?;
    if let Some(id) = id {
        out.write_all(b",\"id\":")?;
        serde_json::to_writer(&mut *out, id)?;
    }
    match result {
        Ok(s) => match mode {
            Mode::Full => {
                out.write_all(b",\"screening\":")?;
                serde_json::to_writer(&mut *out, &s)?;
            }
            Mode::Summary => {
                out.write_all(b",\"summary\":")?;
                write_summary(out, &s.decisions)?;
            }
        },
        Err(e) => {
            out.write_all(b",\"error\":")?;
            serde_json::to_writer(&mut *out, &e)?;
        }
    }
    out.write_all(b"}\n")
}

fn batch_jsonl(pack: &Pack, date: Date, mode: Mode, mut input: impl BufRead, out: &mut impl Write) {
    // The pack resolved once for the date, not per household.
    let screener = Screener::new(pack, date);
    // One reused buffer: no allocation per line.
    let mut line = String::new();
    let mut line_no = 0;
    loop {
        line.clear();
        line_no += 1;
        match input.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                write_result(out, line_no, None, mode, Err(e.to_string()));
                // Invalid UTF-8 consumed the line: go on. Other read errors end the batch.
                if e.kind() == std::io::ErrorKind::InvalidData {
                    continue;
                }
                break;
            }
        }
        if line.trim().is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Household>(&line)
            .map(|h| mode.screen(&screener, &h))
            .map_err(|e| e.to_string());
        write_result(out, line_no, None, mode, result);
    }
}
