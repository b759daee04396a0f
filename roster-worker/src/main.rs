//! The batch page's Web Worker: screens an uploaded roster with the `roster`
//! crate, in the browser, so the roster never leaves the worker's computer
//! and the page stays responsive. Built by Trunk as a worker
//! (`data-type="worker"`, `data-loader-shim`): the page starts it with
//! `new Worker("roster-worker_loader.js")`.
//!
//! Messages (plain objects):
//!
//! - worker → page, once its WASM is ready: `{type: "ready"}` (a job posted
//!   earlier would be lost);
//! - page → worker, optional, when a place is chosen: `{type: "warm",
//!   pack, date}` — the worker screens a generated roster once so that the
//!   browser has optimised its code before the real file comes (see
//!   [`warm`]); it answers `{type: "warm", households, ms}`;
//! - page → worker: `{type: "screen", bytes, pack, date, labels?, every?}`
//!   — the file (a `File`, read here: its bytes never pass through the
//!   page; or an `ArrayBuffer`, best transferred), the pack's
//!   JSON as served at `/packs/<code>.json`, the screening date
//!   `YYYY-MM-DD`, the export's words as JSON (`roster::Labels`; default:
//!   the ids) and how many households between progress messages (default
//!   1000);
//! - worker → page: `{type: "progress", households, bad, read, total}`
//!   (`read` of `total` bytes of text);
//! - worker → page, at the end: `{type: "done", results, memory, ms}`:
//!   `results` the JSON of `roster::Results`, a `Uint8Array` whose buffer
//!   is transferred; `memory` the WASM memory's size in bytes (it only
//!   grows: the worker's peak so far); `ms` the time of each stage (`run`:
//!   decode, read and screen; `json`);
//! - worker → page, right after: `{type: "csv", csv, memory, ms}`: the
//!   export (UTF-8 with BOM, `Uint8Array`, transferred), made while the
//!   page shows the results;
//! - worker → page: `{type: "error", message}` when the job cannot start
//!   (an unreadable pack or date) or the worker panicked.
//!
//! Nothing is fetched or sent anywhere: the page passes the pack.

use js_sys::{Array, Object, Reflect, Uint8Array};
use roster::{Labels, Progress, export_csv};
use rules_core::{Date, Pack};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
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
    pack: Pack,
    date: Date,
    labels: Labels,
    every: usize,
}

fn read_job(data: &JsValue) -> Result<Job, String> {
    let get = |key: &str| Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let bytes = get("bytes");
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
    let (pack, date) = pack_and_date(data)?;
    let labels = match get("labels").as_string() {
        Some(json) => serde_json::from_str(&json).map_err(|e| format!("labels: {e}"))?,
        None => Labels::default(),
    };
    let every = get("every").as_f64().map_or(1000, |n| n.max(1.0) as usize);
    Ok(Job {
        bytes,
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

fn run(job: Job) {
    let t0 = now();
    let results = roster::run(&job.bytes, &job.pack, job.date, job.every, post_progress);
    // The file's bytes are no longer needed: their memory serves the rest.
    drop(job.bytes);
    let t1 = now();
    let json = serde_json::to_vec(&results).unwrap_or_default();
    let t2 = now();
    let bytes = Uint8Array::from(json.as_slice());
    drop(json);
    let ms = Object::new();
    set(&ms, "run", t1 - t0);
    set(&ms, "json", t2 - t1);
    let o = object("done");
    set(&o, "results", &bytes);
    set(&o, "memory", wasm_memory());
    set(&o, "ms", &ms);
    post(&o, &[bytes.buffer().into()]);
    // The export after the results: the page shows them meanwhile.
    let csv = export_csv(&results, &job.labels);
    drop(results);
    let t3 = now();
    let csv_bytes = Uint8Array::from(csv.as_slice());
    drop(csv);
    let o = object("csv");
    set(&o, "csv", &csv_bytes);
    set(&o, "memory", wasm_memory());
    set(&o, "ms", t3 - t2);
    post(&o, &[csv_bytes.buffer().into()]);
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
    let get = |key: &str| Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let pack = get("pack")
        .as_string()
        .ok_or("pack: expected the pack's JSON")?;
    let pack = Pack::from_json(&pack).map_err(|e| format!("pack: {}", e.message))?;
    let date = get("date").as_string().ok_or("date: expected YYYY-MM-DD")?;
    let date = Date::parse(&date).map_err(|e| format!("date: {e}"))?;
    Ok((pack, date))
}

fn main() {
    std::panic::set_hook(Box::new(|info| post_error(&info.to_string())));
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        let kind = Reflect::get(&data, &JsValue::from_str("type"))
            .ok()
            .and_then(|t| t.as_string());
        let done = match kind.as_deref() {
            Some("warm") => pack_and_date(&data).map(|(pack, date)| warm(&pack, date)),
            Some("screen") => read_job(&data).map(run),
            _ => Err("type: expected \"warm\" or \"screen\"".to_owned()),
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
