//! The batch page's Web Worker: screens an uploaded roster with the `roster`
//! crate, in the browser, so the roster never leaves the worker's computer
//! and the page stays responsive. Built by Trunk as a worker
//! (`data-type="worker"`, `data-loader-shim`): the page starts it with
//! `new Worker("roster-worker_loader.js")`.
//!
//! The page runs several of these workers on one file, each screening a
//! part of it (`roster::plan`: cut between households, so each part's
//! results are the whole file's for those rows), and keeps the results
//! here: the page gets a compact summary and asks for the rows it shows.
//!
//! Messages (plain objects):
//!
//! - worker → page, once its WASM is ready: `{type: "ready"}` (a job posted
//!   earlier would be lost);
//! - page → worker, optional, when a place is chosen: `{type: "warm",
//!   pack, date}` — the worker screens a generated roster once so that the
//!   browser has optimised its code before the real file comes (see
//!   [`warm`]); it answers `{type: "warm", households, ms}`;
//! - page → worker: `{type: "screen", bytes, part, parts, pack, date,
//!   labels?, every?}` — the file (a `File`, read here: its bytes never
//!   pass through the page; or an `ArrayBuffer`), which of how many parts
//!   this worker screens (every worker cuts the file the same way), the
//!   pack's JSON as served at `/packs/<code>.json`, the screening date
//!   `YYYY-MM-DD`, the export's words as JSON (`roster::Labels`; default:
//!   the ids) and how many households between progress messages (default
//!   1000);
//! - worker → page: `{type: "progress", households, bad, read, total}`
//!   (`read` of `total` bytes of this worker's part of the file);
//! - worker → page, unless its part is the last: `{type: "ids", ids,
//!   rows}`, the household ids its part read, one a line, and the rows of
//!   their first households (`Uint32Array`), which the later parts need (a
//!   household id may not be used again further down);
//! - page → worker, for every part but the first: `{type: "settle", ids}`,
//!   an array of the `{ids, rows}` of the parts before it
//!   (`roster::Part::settle`);
//! - worker → page, then: `{type: "done", summary, codes, rows, units,
//!   used, memory, ms}`: `summary` the JSON of `roster::Results` without
//!   its households (the pack, encoding, programs and the part's bad
//!   rows), `codes` a `Uint8Array` of each household's outcome codes, one
//!   a program (`roster::code`), household after household, `rows` the
//!   JSON of the first [`FIRST_ROWS`] households with a program likely but
//!   not received, as `[index, household]` pairs (what the page shows
//!   first), `units` the export's units of the part (`roster::Units`),
//!   `used` how many parts the file was cut into, `memory` the WASM
//!   memory's size in bytes (it only grows: the worker's peak so far),
//!   `ms` the time of each stage (`read`: the message, of which `file`
//!   the file, `plan`, `run`: decode, read and screen the part, `settle`,
//!   `summary`) and `start`/`end` on the clock `performance.timeOrigin +
//!   now()` the page shares, for the benchmark;
//! - page → worker: `{type: "rows", request, indexes}` (a `Uint32Array` of
//!   household indexes in the part) → `{type: "rows", request, rows}`, the
//!   JSON of those households as `[index, household]` pairs;
//! - page → worker, once the page has drawn the results: `{type:
//!   "export", units, head}`, every part's units and whether to begin
//!   with the byte-order mark and the header (the first part) → `{type:
//!   "csv", csv, memory, ms}`: the part's rows of the export, UTF-8,
//!   `Uint8Array`, transferred (the page joins the parts in order);
//! - worker → page: `{type: "error", message}` when the job cannot start
//!   (an unreadable pack or date) or the worker panicked.
//!
//! Nothing is fetched or sent anywhere: the page passes the pack.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Object, Reflect, Uint8Array, Uint32Array};
use roster::{HouseholdResult, Labels, Part, Progress, Results, Units, export_head, export_rows};
use rules_core::{Date, Pack};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Households with a program likely but not received sent with the
/// results: the page's first screenful.
const FIRST_ROWS: usize = 50;

/// The part this worker screened, kept for the page's questions.
struct Held {
    part: Part,
    labels: Labels,
    /// Stage times so far (ms).
    ms: Object,
}

thread_local! {
    static HELD: RefCell<Option<Held>> = const { RefCell::new(None) };
    /// When the message being handled came (see [`clock`]).
    static STARTED: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// The time on the page's clock too (ms since 1970), for the benchmark's
/// timeline.
fn clock() -> f64 {
    scope()
        .performance()
        .map_or(0.0, |p| p.time_origin() + p.now())
}

fn object(kind: &str) -> Object {
    let o = Object::new();
    set(&o, "type", kind);
    o
}

fn set(o: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a property of a plain object cannot fail.
    let _ = Reflect::set(o, &JsValue::from_str(key), &value.into());
}

fn post(message: &Object, transfer: &[JsValue]) {
    let s = scope();
    let _ = if transfer.is_empty() {
        s.post_message(message)
    } else {
        s.post_message_with_transfer(message, &transfer.iter().collect::<Array>())
    };
}

fn post_error(message: &str) {
    let o = object("error");
    set(&o, "message", message);
    post(&o, &[]);
}

fn post_progress(p: Progress) {
    let o = object("progress");
    // Counts and byte offsets below 2^53: exact as JS numbers.
    set(&o, "households", p.households as f64);
    set(&o, "bad", p.bad as f64);
    set(&o, "read", p.read as f64);
    set(&o, "total", p.total as f64);
    post(&o, &[]);
}

/// A job's inputs, read from the page's message.
struct Job {
    bytes: Vec<u8>,
    /// The time reading the file took (ms).
    file_ms: f64,
    part: usize,
    parts: usize,
    pack: Pack,
    date: Date,
    labels: Labels,
    every: usize,
}

fn get(data: &JsValue, key: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn read_job(data: &JsValue) -> Result<Job, String> {
    let t0 = now();
    let bytes = get(data, "bytes");
    let bytes = if let Some(file) = bytes.dyn_ref::<web_sys::Blob>() {
        // The file itself: read here, so its bytes never pass through the
        // page (reading synchronously is allowed, and fine, in a worker).
        let reader = web_sys::FileReaderSync::new().map_err(|_| "bytes: cannot read the file")?;
        reader
            .read_as_array_buffer(file)
            .map_err(|_| "bytes: cannot read the file")?
    } else if bytes.is_instance_of::<js_sys::ArrayBuffer>() || bytes.is_instance_of::<Uint8Array>()
    {
        bytes.unchecked_into()
    } else {
        return Err("bytes: expected a File or an ArrayBuffer".to_owned());
    };
    let bytes = Uint8Array::new(&bytes).to_vec();
    let file_ms = now() - t0;
    let (pack, date) = pack_and_date(data)?;
    let labels = match get(data, "labels").as_string() {
        Some(json) => serde_json::from_str(&json).map_err(|e| format!("labels: {e}"))?,
        None => Labels::default(),
    };
    let every = get(data, "every")
        .as_f64()
        .map_or(1000, |n| n.max(1.0) as usize);
    let parts = get(data, "parts")
        .as_f64()
        .map_or(1, |n| n.max(1.0) as usize);
    let part = get(data, "part")
        .as_f64()
        .map_or(0, |n| n.max(0.0) as usize);
    Ok(Job {
        bytes,
        file_ms,
        part,
        parts,
        pack,
        date,
        labels,
        every,
    })
}

fn wasm_memory() -> f64 {
    let bytes = wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length();
    f64::from(bytes)
}

/// `[index, household]` pairs as JSON.
fn rows_json<'r>(rows: impl Iterator<Item = (usize, &'r HouseholdResult)>) -> String {
    let rows: Vec<(usize, &HouseholdResult)> = rows.collect();
    serde_json::to_string(&rows).unwrap_or_default()
}

fn run(job: Job, t0: f64) {
    let t1 = now();
    let plan = roster::plan(&job.bytes, job.parts);
    let t2 = now();
    let part = roster::run_part(
        &job.bytes,
        &plan,
        job.part,
        &job.pack,
        job.date,
        job.every,
        post_progress,
    );
    drop(job.bytes);
    let t3 = now();
    let ms = Object::new();
    set(&ms, "start", STARTED.with(std::cell::Cell::get));
    set(&ms, "read", t1 - t0);
    set(&ms, "file", job.file_ms);
    set(&ms, "plan", t2 - t1);
    set(&ms, "run", t3 - t2);
    set(&ms, "used", plan.parts.len() as f64);
    if job.part + 1 < job.parts {
        // One id a line (a part is cut only from a file whose cells hold
        // no line break) and their rows, cheaper to read than JSON.
        let o = object("ids");
        let ids: Vec<&str> = part.first_rows.iter().map(|(id, _)| id.as_str()).collect();
        let rows: Vec<u32> = part.first_rows.iter().map(|(_, row)| *row).collect();
        set(&o, "ids", ids.join("\n"));
        let rows = Uint32Array::from(rows.as_slice());
        set(&o, "rows", &rows);
        post(&o, &[rows.buffer().into()]);
    }
    let held = Held {
        part,
        labels: job.labels,
        ms,
    };
    if job.part == 0 {
        done(held);
    } else {
        // The parts before this one may have used some of its ids: wait
        // for them (`settle`).
        HELD.with_borrow_mut(|h| *h = Some(held));
    }
}

/// Settles the part with the ids of the parts before it.
fn settle(data: &JsValue) -> Result<(), String> {
    let t0 = now();
    let Some(mut held) = HELD.with_borrow_mut(Option::take) else {
        return Err("settle: no part screened".to_owned());
    };
    // Each earlier part's ids (one a line) and their first rows, in order.
    let lists: Vec<(String, Vec<u32>)> = Array::from(&get(data, "ids"))
        .iter()
        .map(|v| {
            let rows = get(&v, "rows")
                .dyn_into::<Uint32Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default();
            (get(&v, "ids").as_string().unwrap_or_default(), rows)
        })
        .collect();
    let mut earlier: HashMap<&str, u32> = HashMap::new();
    for (ids, rows) in &lists {
        for (id, &row) in ids.split('\n').zip(rows) {
            earlier.entry(id).or_insert(row);
        }
    }
    held.part.settle(|id| earlier.get(id).copied());
    set(&held.ms, "settle", now() - t0);
    done(held);
    Ok(())
}

/// Posts the part's summary and keeps the part.
fn done(held: Held) {
    let t0 = now();
    let results = &held.part.results;
    let n = results.programs.len();
    let mut codes = Vec::with_capacity(results.households.len() * n);
    for h in &results.households {
        let c = h.outcomes.as_bytes();
        codes.extend((0..n).map(|i| c.get(i).copied().unwrap_or(roster::code::NOT_OFFERED)));
    }
    let summary = Results {
        pack: results.pack.clone(),
        date: results.date,
        encoding: results.encoding,
        malformed: results.malformed,
        programs: results.programs.clone(),
        households: Vec::new(),
        bad: results.bad.clone(),
    };
    let first = results
        .households
        .iter()
        .enumerate()
        .filter(|(_, h)| h.any_likely_not_receiving())
        .take(FIRST_ROWS);
    let o = object("done");
    set(
        &o,
        "summary",
        serde_json::to_string(&summary).unwrap_or_default(),
    );
    let codes = Uint8Array::from(codes.as_slice());
    set(&o, "codes", &codes);
    set(&o, "rows", rows_json(first));
    set(&o, "units", Units::of(results).to_text());
    set(&o, "memory", wasm_memory());
    set(&held.ms, "summary", now() - t0);
    set(&held.ms, "end", clock());
    set(&o, "used", get(&held.ms, "used"));
    set(&o, "ms", &held.ms);
    HELD.with_borrow_mut(|h| *h = Some(held));
    post(&o, &[codes.buffer().into()]);
}

fn rows(data: &JsValue) -> Result<(), String> {
    let indexes = get(data, "indexes")
        .dyn_into::<Uint32Array>()
        .map_err(|_| "indexes: expected a Uint32Array")?
        .to_vec();
    let json = HELD.with_borrow(|h| {
        let h = h.as_ref()?;
        let households = &h.part.results.households;
        Some(rows_json(indexes.iter().filter_map(|&i| {
            let i = i as usize;
            households.get(i).map(|h| (i, h))
        })))
    });
    let o = object("rows");
    set(&o, "request", get(data, "request"));
    set(&o, "rows", json.ok_or("rows: no part screened")?);
    post(&o, &[]);
    Ok(())
}

fn export(data: &JsValue) -> Result<(), String> {
    let t0 = now();
    let units = Array::from(&get(data, "units"))
        .iter()
        .map(|v| Units::parse(&v.as_string().unwrap_or_default()).ok_or("units: unreadable"))
        .try_fold(None::<Units>, |all, u| {
            let u = u?;
            Ok::<_, String>(Some(match all {
                Some(a) => a.and(&u),
                None => u,
            }))
        })?
        .ok_or("units: none")?;
    let csv = HELD.with_borrow(|h| {
        let h = h.as_ref()?;
        let results = &h.part.results;
        let mut csv = if get(data, "head").as_bool() == Some(true) {
            export_head(&results.programs, &units, &h.labels)
        } else {
            Vec::new()
        };
        csv.extend(export_rows(results, &units, &h.labels));
        Some(csv)
    });
    let csv = csv.ok_or("export: no part screened")?;
    let bytes = Uint8Array::from(csv.as_slice());
    drop(csv);
    let o = object("csv");
    set(&o, "csv", &bytes);
    set(&o, "memory", wasm_memory());
    set(&o, "ms", now() - t0);
    post(&o, &[bytes.buffer().into()]);
    Ok(())
}

/// Screens a generated roster of 2,000 rows and drops the results: the
/// browser compiles WASM in a quick baseline tier first and optimises a
/// function only after it has run for a while, so a batch run straight
/// after loading is about twice as slow as one after this (measured in
/// BENCHMARKS.md). The page asks for it when a place is chosen, while the
/// worker picks the file.
fn warm(pack: &Pack, date: Date) {
    let t0 = now();
    let sample = roster::sample::generate(2000, 50, 1);
    let results = roster::run(sample.text.as_bytes(), pack, date, usize::MAX, |_| {});
    let o = object("warm");
    set(&o, "households", results.households.len() as f64);
    set(&o, "ms", now() - t0);
    post(&o, &[]);
}

fn pack_and_date(data: &JsValue) -> Result<(Pack, Date), String> {
    let pack = get(data, "pack")
        .as_string()
        .ok_or("pack: expected the pack's JSON")?;
    let pack = Pack::from_json(&pack).map_err(|e| format!("pack: {}", e.message))?;
    let date = get(data, "date")
        .as_string()
        .ok_or("date: expected YYYY-MM-DD")?;
    let date = Date::parse(&date).map_err(|e| format!("date: {e}"))?;
    Ok((pack, date))
}

fn main() {
    std::panic::set_hook(Box::new(|info| post_error(&info.to_string())));
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let t0 = now();
        let data = event.data();
        let kind = get(&data, "type").as_string();
        STARTED.with(|s| s.set(clock()));
        let done = match kind.as_deref() {
            Some("warm") => pack_and_date(&data).map(|(pack, date)| warm(&pack, date)),
            Some("screen") => {
                // A new file: the last one's part goes.
                HELD.with_borrow_mut(|h| *h = None);
                read_job(&data).map(|job| run(job, t0))
            }
            Some("settle") => settle(&data),
            Some("rows") => rows(&data),
            Some("export") => export(&data),
            _ => Err("type: expected warm, screen, settle, rows or export".to_owned()),
        };
        if let Err(e) = done {
            post_error(&e);
        }
    });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
    post(&object("ready"), &[]);
}
