//! Batch screening (政策找人): a household roster (CSV, UTF-8 or GBK) is
//! screened in this browser, in Web Workers running the `roster` crate as
//! WASM (`roster-worker/`), so the roster never leaves the worker's
//! computer: the page fetches only static files (the place's pack, the
//! worker's script). Several workers (one a core, two to four) each
//! screen a part of the file, cut between households, and keep their
//! results: the page gets each part's outcome codes (one byte a program
//! and household) and bad rows, filters on the codes, and asks the
//! workers for the households it shows. A progress bar while it runs;
//! then the results, filterable by program and outcome, with "likely but
//! not receiving" marked in words; the rows with problems, each with its
//! row number and reason; and the export as a CSV file for Excel, written
//! by the workers part by part.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use js_sys::{Object, Reflect, Uint8Array, Uint32Array};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use roster::{BadRow, HouseholdResult, Labels, Problem, Results, code};
use rules_core::{Outcome, ProgramId};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::app::worker;
use crate::pages::case::amount_text;
use crate::{format, i18n, t};

/// The worker's loader, built by Trunk next to the console (`index.html`).
const WORKER_URL: &str = "/console/roster-worker_loader.js";
/// The downloadable example, `roster/example.csv` copied by Trunk.
const TEMPLATE_URL: &str = "/console/example.csv";
/// Households shown at first and added by "show more".
const PAGE: usize = 50;
/// Bad rows shown before "show all".
const BAD_PAGE: usize = 100;
/// Households between progress messages (of each worker).
const PROGRESS_EVERY: u32 = 1000;
/// Workers at most (the file is cut into as many parts).
const MAX_WORKERS: usize = 4;

/// A place's pack as the page holds it.
#[derive(Clone, Debug, PartialEq)]
enum PackState {
    Loading,
    /// The pack's JSON (passed to the worker as is) and the place's name.
    Ready(Arc<str>, String),
    Failed,
}

/// Where the run stands.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Idle,
    Running {
        households: u64,
        read: f64,
        total: f64,
    },
    Done,
    Failed,
}

/// The outcome filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Show {
    Any,
    /// Likely, and the household says it does not receive it.
    Gap,
    Likely,
    Possible,
    Unlikely,
}

impl Show {
    const ALL: [Show; 5] = [
        Show::Gap,
        Show::Any,
        Show::Likely,
        Show::Possible,
        Show::Unlikely,
    ];

    fn value(self) -> &'static str {
        match self {
            Show::Any => "any",
            Show::Gap => "gap",
            Show::Likely => "likely",
            Show::Possible => "possible",
            Show::Unlikely => "unlikely",
        }
    }

    fn parse(v: &str) -> Show {
        Show::ALL
            .into_iter()
            .find(|s| s.value() == v)
            .unwrap_or(Show::Any)
    }

    fn label(self) -> String {
        match self {
            Show::Any => i18n::tr("batch-filter-any"),
            Show::Gap => i18n::tr("batch-filter-gap"),
            Show::Likely => i18n::outcome_name("likely"),
            Show::Possible => i18n::outcome_name("possible"),
            Show::Unlikely => i18n::outcome_name("unlikely"),
        }
    }

    /// Whether the `i`-th program's result passes.
    fn passes(self, h: &HouseholdResult, i: usize) -> bool {
        let c = h.outcomes.as_bytes().get(i).copied();
        self.passes_code(c.unwrap_or(code::NOT_OFFERED))
    }

    /// Whether an outcome code (`roster::code`) passes.
    fn passes_code(self, c: u8) -> bool {
        match self {
            Show::Any => c != code::NOT_OFFERED,
            Show::Gap => c == code::LIKELY_NOT_RECEIVING,
            Show::Likely => c == code::LIKELY || c == code::LIKELY_NOT_RECEIVING,
            Show::Possible => c == code::POSSIBLE,
            Show::Unlikely => c == code::UNLIKELY,
        }
    }
}

/// The results table's content for a filter.
#[derive(Clone, Debug, PartialEq)]
struct Table {
    program: Option<usize>,
    show: Show,
    /// The households that pass, of which `rows` are the first.
    count: usize,
    rows: Vec<HouseholdResult>,
}

/// A screened roster as the page holds it: the households stay in the
/// workers, one part each.
#[derive(Debug, PartialEq)]
struct Screened {
    /// The pack, encoding and programs, and every bad row in row order (no
    /// households).
    results: Results,
    /// Each part's outcome codes, `programs.len()` bytes a household.
    codes: Vec<Vec<u8>>,
    households: usize,
    /// Households with a program likely but not received.
    gaps: usize,
    /// How many parts the file was cut into.
    used: usize,
}

impl Screened {
    /// The households (part, index) that pass the filter, in file order.
    fn matching(&self, program: Option<usize>, show: Show) -> Vec<(usize, usize)> {
        let n = self.results.programs.len();
        let mut out = Vec::new();
        for (part, codes) in self.codes.iter().enumerate() {
            for (i, h) in codes.chunks_exact(n.max(1)).enumerate() {
                let pass = match program {
                    Some(p) => h.get(p).is_some_and(|&c| show.passes_code(c)),
                    None => match show {
                        Show::Any => true,
                        s => h.iter().any(|&c| s.passes_code(c)),
                    },
                };
                if pass {
                    out.push((part, i));
                }
            }
        }
        out
    }
}

/// What a worker sent at the end of its part.
struct PartDone {
    summary: Results,
    codes: Vec<u8>,
    units: JsValue,
    used: usize,
    memory: f64,
    ms: JsValue,
}

/// One run's messages so far, part by part.
#[derive(Default)]
struct Gathered {
    /// Households screened and bytes read, as last reported.
    progress: Vec<(f64, f64)>,
    /// The file's size in bytes.
    total: f64,
    /// The ids each part read with their rows (`{ids, rows}`, passed on to
    /// the later parts as they are).
    ids: Vec<Option<JsValue>>,
    settle_sent: Vec<bool>,
    done: Vec<Option<PartDone>>,
    /// The export, part by part.
    csv: Vec<Option<Uint8Array>>,
    /// The page's time handling the workers' results (ms).
    page_ms: f64,
    /// Each worker's WASM memory, as last reported (bytes).
    memory: Vec<f64>,
    /// Every part's export units, until the export is asked for.
    units: Option<js_sys::Array>,
}

/// What the page keeps of the worker that is not plain data.
/// What the page keeps of the worker that is not plain data.
#[derive(Default)]
struct Held {
    workers: Vec<web_sys::Worker>,
    onmessage: Vec<Closure<dyn FnMut(web_sys::MessageEvent)>>,
    /// Workers that have loaded, and that have warmed up for the place.
    ready: usize,
    warm: usize,
    gathered: Gathered,
    /// Households the page was sent, by (part, index), for this run.
    cache: HashMap<(usize, usize), HouseholdResult>,
    /// Asked for and not yet come.
    asked: HashSet<(usize, usize)>,
    /// The run these are for: answers about an earlier run are dropped.
    generation: u32,
    /// When the file was handed over (`performance.now()`).
    started: f64,
}

thread_local! {
    static HELD: RefCell<Held> = RefCell::new(Held::default());
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The time on a clock the workers share (ms since 1970), for the
/// benchmark's timeline.
fn clock() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.time_origin() + p.now())
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(o: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(o, &JsValue::from_str(key), &value.into());
}

/// A static file of the site, as text (`None` when it cannot be had).
async fn fetch_text(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The place's name in its pack.
fn pack_name(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v["jurisdiction"]["name"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Each problem kind of the reader with the arguments its message takes.
const PROBLEMS: [(&str, &[&str]); 14] = [
    ("not_a_number", &["column", "value"]),
    ("too_large", &["column", "value"]),
    ("not_yes_no", &["column", "value"]),
    ("not_an_amount", &["column", "value"]),
    ("not_a_date", &["column", "value"]),
    ("unknown_value", &["column", "value", "expected"]),
    ("cells", &["expected", "found"]),
    ("empty_household_id", &[]),
    ("rows_apart", &["id", "first"]),
    ("unterminated", &[]),
    ("unknown_column", &["column"]),
    ("repeated_column", &["column"]),
    ("no_household_id", &[]),
    ("header_unterminated", &[]),
];

fn problem_id(kind: &str) -> String {
    format!("batch-problem-{}", kind.replace('_', "-"))
}

/// A bad row's reason in the worker's language.
fn problem_text(problem: &Problem) -> String {
    i18n::tr_args(&problem_id(problem.kind()), &problem.args())
}

/// The export's words in the worker's language (the worker fills in
/// `{program}`, `{unit}`, `{column}`, … itself).
fn labels() -> Labels {
    // Each argument rendered as `{name}`, for the worker to fill in.
    let placeholder = |names: &[&'static str]| -> Vec<(&'static str, String)> {
        names.iter().map(|n| (*n, format!("{{{n}}}"))).collect()
    };
    // Bounds go before the amount: "up to 1500.00 yuan, once".
    let bound = |id: &str| format!("{} ", i18n::tr(id));
    Labels {
        row: i18n::tr("batch-col-row"),
        household_id: i18n::tr("batch-col-household"),
        members: i18n::tr("batch-col-members"),
        likely_not_receiving_column: i18n::tr("batch-export-gap-column"),
        problem: i18n::tr("batch-col-problem"),
        amount: i18n::tr_args("batch-export-amount", &placeholder(&["program", "unit"])),
        amount_mixed: i18n::tr_args("batch-export-amount-mixed", &placeholder(&["program"])),
        likely_not_receiving: i18n::tr("batch-export-gap"),
        likely: i18n::outcome_name("likely"),
        possible: i18n::outcome_name("possible"),
        unlikely: i18n::outcome_name("unlikely"),
        month: i18n::tr("batch-unit-month"),
        year: i18n::tr("batch-unit-year"),
        once: i18n::tr("batch-unit-once"),
        day: i18n::tr("batch-unit-day"),
        share: i18n::tr("batch-unit-share"),
        up_to: bound("batch-bound-up-to"),
        at_least: bound("batch-bound-at-least"),
        separator: i18n::app_tr("list-separator"),
        programs: ProgramId::ALL
            .iter()
            .map(|p| (p.as_str().to_owned(), i18n::program_name(p.as_str())))
            .collect(),
        problems: PROBLEMS
            .iter()
            .map(|(kind, args)| {
                (
                    (*kind).to_owned(),
                    i18n::tr_args(&problem_id(kind), &placeholder(args)),
                )
            })
            .collect(),
    }
}

/// The page's signals the worker's messages write.
#[derive(Clone, Copy)]
struct Run {
    /// Every worker has loaded.
    ready: RwSignal<bool>,
    /// Every worker has warmed up for the chosen place.
    warm: RwSignal<bool>,
    phase: RwSignal<Phase>,
    results: RwSignal<Option<Arc<Screened>>>,
    /// Bumped when households come from the workers.
    cached: RwSignal<u64>,
    seconds: RwSignal<f64>,
    /// The workers' and the page's WASM memory (bytes; it only grows, so
    /// this is the peak) and the workers' stage times, for the benchmark.
    memory: RwSignal<f64>,
    page_memory: RwSignal<f64>,
    /// The page's time handling the results (ms), the workers' for the
    /// export (ms, the slowest part), and whether the export has come.
    parse_ms: RwSignal<f64>,
    export_ms: RwSignal<f64>,
    csv_ready: RwSignal<bool>,
    stage_ms: RwSignal<String>,
    /// When the file was handed over and when every part's results were
    /// in ([`clock`]).
    timeline: RwSignal<(f64, f64)>,
}

/// How many workers: one a core the browser reports, two to four.
fn worker_count() -> usize {
    let cores = web_sys::window().map_or(2.0, |w| w.navigator().hardware_concurrency());
    (cores as usize).clamp(2, MAX_WORKERS)
}

fn post_to(k: usize, message: &Object, transfer: Option<&JsValue>) -> bool {
    HELD.with_borrow(|h| {
        let Some(w) = h.workers.get(k) else {
            return false;
        };
        match transfer {
            Some(t) => w
                .post_message_with_transfer(message, &js_sys::Array::of1(t))
                .is_ok(),
            None => w.post_message(message).is_ok(),
        }
    })
}

fn post_all(message: &Object) -> bool {
    let n = HELD.with_borrow(|h| h.workers.len());
    (0..n).all(|k| post_to(k, message, None))
}

fn on_message(run: Run, k: usize, data: &JsValue) {
    match get(data, "type").as_string().as_deref() {
        Some("ready") => {
            let all = HELD.with_borrow_mut(|h| {
                h.ready += 1;
                h.ready == h.workers.len()
            });
            run.ready.set(all);
        }
        Some("warm") => {
            let all = HELD.with_borrow_mut(|h| {
                h.warm += 1;
                h.warm == h.workers.len()
            });
            run.warm.set(all);
        }
        Some("progress") => {
            let num = |key| get(data, key).as_f64().unwrap_or(0.0);
            let (households, read, total) = HELD.with_borrow_mut(|h| {
                let g = &mut h.gathered;
                if let Some(p) = g.progress.get_mut(k) {
                    *p = (num("households"), num("read"));
                }
                let households: f64 = g.progress.iter().map(|p| p.0).sum();
                let read: f64 = g.progress.iter().map(|p| p.1).sum();
                (households, read, g.total)
            });
            run.phase.set(Phase::Running {
                households: households as u64,
                read,
                total,
            });
        }
        Some("ids") => {
            HELD.with_borrow_mut(|h| {
                if let Some(slot) = h.gathered.ids.get_mut(k) {
                    let ids = Object::new();
                    set(&ids, "ids", get(data, "ids"));
                    set(&ids, "rows", get(data, "rows"));
                    *slot = Some(ids.into());
                }
            });
            send_settles();
        }
        Some("done") => part_done(run, k, data),
        Some("rows") => {
            let t0 = now();
            let request = get(data, "request").as_f64().unwrap_or(-1.0);
            let rows = get(data, "rows").as_string().unwrap_or_default();
            let rows: Vec<(usize, HouseholdResult)> =
                serde_json::from_str(&rows).unwrap_or_default();
            let current = HELD.with_borrow_mut(|h| {
                if f64::from(h.generation) != request {
                    return false;
                }
                for (i, r) in rows {
                    h.asked.remove(&(k, i));
                    h.cache.insert((k, i), r);
                }
                h.gathered.page_ms += now() - t0;
                true
            });
            if current {
                run.cached.update(|n| *n += 1);
            }
        }
        Some("csv") => {
            let csv = get(data, "csv").dyn_into::<Uint8Array>().ok();
            let ms = get(data, "ms").as_f64().unwrap_or(0.0);
            let memory = get(data, "memory").as_f64().unwrap_or(0.0);
            let all = HELD.with_borrow_mut(|h| {
                if let Some(slot) = h.gathered.csv.get_mut(k) {
                    *slot = csv;
                }
                h.gathered.csv.iter().all(Option::is_some)
            });
            run.export_ms.update(|m| *m = m.max(ms));
            run.memory.set(HELD.with_borrow_mut(|h| {
                if let Some(m) = h.gathered.memory.get_mut(k) {
                    *m = memory;
                }
                h.gathered.memory.iter().sum()
            }));
            run.csv_ready.set(all);
        }
        Some("error") => {
            // A worker's message (a panic's, or why a job could not
            // start), for whoever looks at the browser's console.
            let message = format!(
                "roster-worker {k}: {}",
                get(data, "message").as_string().unwrap_or_default()
            );
            web_sys::console::error_1(&message.into());
            run.phase.set(Phase::Failed);
        }
        _ => {}
    }
}

/// Sends each part after the first the ids of the parts before it, once
/// they are all in.
fn send_settles() {
    let ready: Vec<(usize, js_sys::Array)> = HELD.with_borrow_mut(|h| {
        let g = &mut h.gathered;
        let mut out = Vec::new();
        for j in 1..g.ids.len() {
            if g.settle_sent[j] || !g.ids[..j].iter().all(Option::is_some) {
                continue;
            }
            g.settle_sent[j] = true;
            out.push((j, g.ids[..j].iter().flatten().collect()));
        }
        out
    });
    for (j, ids) in ready {
        let m = Object::new();
        set(&m, "type", "settle");
        set(&m, "ids", ids);
        post_to(j, &m, None);
    }
}

/// A part's results: kept until every part's are in, then shown.
fn part_done(run: Run, k: usize, data: &JsValue) {
    let t0 = now();
    let summary = get(data, "summary").as_string().unwrap_or_default();
    let Ok(summary) = serde_json::from_str::<Results>(&summary) else {
        run.phase.set(Phase::Failed);
        return;
    };
    let codes = get(data, "codes")
        .dyn_into::<Uint8Array>()
        .map(|a| a.to_vec())
        .unwrap_or_default();
    let rows = get(data, "rows").as_string().unwrap_or_default();
    let rows: Vec<(usize, HouseholdResult)> = serde_json::from_str(&rows).unwrap_or_default();
    let done = PartDone {
        summary,
        codes,
        units: get(data, "units"),
        used: get(data, "used").as_f64().unwrap_or(1.0) as usize,
        memory: get(data, "memory").as_f64().unwrap_or(0.0),
        ms: get(data, "ms"),
    };
    let all = HELD.with_borrow_mut(|h| {
        for (i, r) in rows {
            h.cache.insert((k, i), r);
        }
        let g = &mut h.gathered;
        if let Some(m) = g.memory.get_mut(k) {
            *m = done.memory;
        }
        if let Some(slot) = g.done.get_mut(k) {
            *slot = Some(done);
        }
        g.page_ms += now() - t0;
        g.done.iter().all(Option::is_some)
    });
    if all {
        finish(run);
    }
}

/// Every part is in: the results, and the export asked for.
fn finish(run: Run) {
    let t0 = now();
    let (parts, started, page_ms) = HELD.with_borrow_mut(|h| {
        let g = &mut h.gathered;
        (
            g.done
                .iter_mut()
                .filter_map(Option::take)
                .collect::<Vec<_>>(),
            h.started,
            g.page_ms,
        )
    });
    let mut parts = parts.into_iter();
    let Some(first) = parts.next() else {
        return;
    };
    let used = first.used;
    let mut results = first.summary;
    let mut codes = vec![first.codes];
    let units = js_sys::Array::of1(&first.units);
    let stages = js_sys::Array::of1(&first.ms);
    for p in parts {
        results.malformed |= p.summary.malformed;
        results.bad.extend(p.summary.bad);
        codes.push(p.codes);
        units.push(&p.units);
        stages.push(&p.ms);
    }
    results.bad.sort_by_key(|b| b.row);
    let n = results.programs.len().max(1);
    let households = codes.iter().map(|c| c.len() / n).sum();
    let gaps = codes
        .iter()
        .flat_map(|c| c.chunks_exact(n))
        .filter(|h| h.contains(&code::LIKELY_NOT_RECEIVING))
        .count();
    let memory = HELD.with_borrow(|h| h.gathered.memory.iter().sum());
    let screened = Screened {
        results,
        codes,
        households,
        gaps,
        used,
    };
    run.memory.set(memory);
    run.stage_ms.set(
        js_sys::JSON::stringify(&stages)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default(),
    );
    run.parse_ms.set(page_ms + now() - t0);
    run.seconds.set((now() - started) / 1000.0);
    run.timeline.set((clock() - (now() - started), clock()));
    run.results.set(Some(Arc::new(screened)));
    run.phase.set(Phase::Done);
    run.page_memory.set(page_memory());
    // The export once the results are drawn (`ResultsView` asks): two
    // workers writing it at once would take both cores from the page.
    HELD.with_borrow_mut(|h| h.gathered.units = Some(units));
}

/// Asks the workers for the export, part by part, with every part's units.
fn request_export() {
    let Some(units) = HELD.with_borrow_mut(|h| h.gathered.units.take()) else {
        return;
    };
    let n = HELD.with_borrow(|h| h.workers.len());
    for k in 0..n {
        let m = Object::new();
        set(&m, "type", "export");
        set(&m, "units", &units);
        set(&m, "head", k == 0);
        post_to(k, &m, None);
    }
}

/// Asks the workers for the households the page is to show and lacks.
fn ask_rows(wanted: &[(usize, usize)]) {
    let (generation, asks) = HELD.with_borrow_mut(|h| {
        let mut asks: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
        for &(part, i) in wanted {
            if h.cache.contains_key(&(part, i)) || !h.asked.insert((part, i)) {
                continue;
            }
            asks.entry(part)
                .or_default()
                .push(u32::try_from(i).unwrap_or(u32::MAX));
        }
        (h.generation, asks)
    });
    for (part, indexes) in asks {
        let m = Object::new();
        set(&m, "type", "rows");
        set(&m, "request", generation);
        set(&m, "indexes", Uint32Array::from(indexes.as_slice()));
        post_to(part, &m, None);
    }
}

/// The page's own WASM memory in bytes.
fn page_memory() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()))
}

fn start_workers(run: Run) {
    for k in 0..worker_count() {
        let Ok(worker) = web_sys::Worker::new(WORKER_URL) else {
            run.phase.set(Phase::Failed);
            return;
        };
        let onmessage =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                on_message(run, k, &ev.data());
            });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        let onerror =
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| run.phase.set(Phase::Failed));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        // An error handler for the worker's whole life.
        onerror.forget();
        HELD.with_borrow_mut(|h| {
            h.workers.push(worker);
            h.onmessage.push(onmessage);
        });
    }
}

fn stop_workers() {
    HELD.with_borrow_mut(|h| {
        for w in h.workers.drain(..) {
            w.terminate();
        }
        *h = Held::default();
    });
}

/// Hand the file to the browser as a download.
fn save_csv(name: &str) -> Option<()> {
    let parts: js_sys::Array = HELD.with_borrow(|h| h.gathered.csv.iter().flatten().collect());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    crate::pages::queue::download(&blob, name)
}

#[component]
pub fn BatchPage() -> impl IntoView {
    let places = move || worker().map(|w| w.jurisdictions).unwrap_or_default();
    let place = RwSignal::new(places().first().cloned().unwrap_or_default());
    let date = RwSignal::new(format::today_iso());
    let packs = RwSignal::new(BTreeMap::<String, PackState>::new());
    let run = Run {
        ready: RwSignal::new(false),
        warm: RwSignal::new(false),
        phase: RwSignal::new(Phase::Idle),
        results: RwSignal::new(None),
        cached: RwSignal::new(0),
        seconds: RwSignal::new(0.0),
        memory: RwSignal::new(0.0),
        page_memory: RwSignal::new(0.0),
        parse_ms: RwSignal::new(0.0),
        export_ms: RwSignal::new(0.0),
        csv_ready: RwSignal::new(false),
        stage_ms: RwSignal::new(String::new()),
        timeline: RwSignal::new((0.0, 0.0)),
    };
    let missing_file = RwSignal::new(false);
    let file_input = NodeRef::<html::Input>::new();

    start_workers(run);
    on_cleanup(stop_workers);

    // Every place's pack, for its name and its rules (a few tens of KB each).
    for code in places() {
        packs.update(|p| {
            p.insert(code.clone(), PackState::Loading);
        });
        spawn_local(async move {
            let state = match fetch_text(&format!("/packs/{code}.json")).await {
                Some(json) => {
                    let name = pack_name(&json);
                    PackState::Ready(json.into(), name)
                }
                None => PackState::Failed,
            };
            packs.update(|p| {
                p.insert(code, state);
            });
        });
    }
    let pack = move || packs.with(|p| p.get(&place.get()).cloned());

    // Once the workers are ready and the place's pack is here, they warm
    // up while the file is being chosen (see roster-worker). Every read is
    // a `try_`: the workers' messages can schedule this effect just as the
    // page is replaced (the console draws its page again once a
    // language's messages have come), and a disposed value must end it,
    // not panic.
    let warmed = StoredValue::new(String::new());
    Effect::new(move |_| {
        if run.ready.try_get() != Some(true) {
            return;
        }
        let Some(current) = place.try_get() else {
            return;
        };
        let Some(Some(PackState::Ready(json, _))) = packs.try_with(|p| p.get(&current).cloned())
        else {
            return;
        };
        if warmed.try_with_value(|w| *w == current) != Some(false) {
            return;
        }
        warmed.try_set_value(current);
        run.warm.set(false);
        HELD.with_borrow_mut(|h| h.warm = 0);
        let m = Object::new();
        set(&m, "type", "warm");
        set(&m, "pack", &*json);
        set(&m, "date", date.try_get_untracked().unwrap_or_default());
        post_all(&m);
    });

    let running = move || matches!(run.phase.get(), Phase::Running { .. });
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let file = file_input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        let Some(file) = file else {
            missing_file.set(true);
            return;
        };
        missing_file.set(false);
        let Some(PackState::Ready(json, _)) = pack() else {
            return;
        };
        let words = serde_json::to_string(&labels()).unwrap_or_default();
        run.results.set(None);
        run.csv_ready.set(false);
        run.phase.set(Phase::Running {
            households: 0,
            read: 0.0,
            total: 0.0,
        });
        let parts = HELD.with_borrow_mut(|h| {
            let n = h.workers.len();
            h.started = now();
            h.generation += 1;
            h.cache.clear();
            h.asked.clear();
            h.gathered = Gathered {
                progress: vec![(0.0, 0.0); n],
                total: file.size(),
                ids: vec![None; n],
                settle_sent: vec![false; n],
                done: (0..n).map(|_| None).collect(),
                csv: vec![None; n],
                page_ms: 0.0,
                memory: vec![0.0; n],
                units: None,
            };
            n
        });
        run.export_ms.set(0.0);
        let m = Object::new();
        set(&m, "type", "screen");
        // The File itself: each worker reads it, the page never holds the
        // roster's bytes.
        set(&m, "bytes", &file);
        set(&m, "parts", parts as f64);
        set(&m, "pack", &*json);
        set(&m, "date", date.get_untracked());
        set(&m, "labels", words);
        set(&m, "every", PROGRESS_EVERY);
        let posted = (0..parts).all(|k| {
            set(&m, "part", k as f64);
            post_to(k, &m, None)
        });
        if !posted {
            run.phase.set(Phase::Failed);
        }
    };

    view! {
        <h1>{t!("batch-heading")}</h1>
        <p class="lead">{t!("batch-lead")}</p>
        <p class="notice privacy">{t!("batch-privacy")}</p>
        <form
            class="card batch-form"
            on:submit=start
            novalidate=true
            data-worker=move || {
                if run.warm.get() {
                    "warm"
                } else if run.ready.get() {
                    "ready"
                } else {
                    "loading"
                }
            }
        >
            <h2>{t!("batch-form-heading")}</h2>
            <div class="field">
                <label for="batch-place">{t!("batch-place")}</label>
                <select
                    id="batch-place"
                    on:change=move |ev| place.set(event_target_value(&ev))
                    prop:value=move || place.get()
                >
                    {move || {
                        places()
                            .into_iter()
                            .map(|code| {
                                let label = {
                                    let code = code.clone();
                                    move || match packs.with(|p| p.get(&code).cloned()) {
                                        Some(PackState::Ready(_, name)) if !name.is_empty() => {
                                            format!("{name} {code}")
                                        }
                                        _ => code.clone(),
                                    }
                                };
                                let selected = {
                                    let code = code.clone();
                                    move || place.get() == code
                                };
                                view! {
                                    <option value=code selected=selected>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <p class="status-line" role="status">
                    {move || match pack() {
                        Some(PackState::Loading) => i18n::tr("batch-pack-loading"),
                        Some(PackState::Failed) => i18n::tr("batch-pack-failed"),
                        _ => String::new(),
                    }}
                </p>
            </div>
            <div class="field">
                <label for="batch-date">{t!("batch-date")}</label>
                <input
                    type="date"
                    id="batch-date"
                    prop:value=move || date.get()
                    on:change=move |ev| date.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="batch-file">{t!("batch-file")}</label>
                <p class="hint" id="batch-file-hint">{t!("batch-file-hint")}</p>
                <input
                    type="file"
                    id="batch-file"
                    accept=".csv,text/csv"
                    node_ref=file_input
                    aria-describedby="batch-file-hint batch-file-error"
                    aria-invalid=move || missing_file.get().to_string()
                    on:change=move |_| missing_file.set(false)
                />
                <p class="error" id="batch-file-error">
                    {move || if missing_file.get() { i18n::tr("batch-no-file") } else { String::new() }}
                </p>
            </div>
            <p class="template">
                <a href=TEMPLATE_URL download="jiuzhu-roster-example.csv">
                    {t!("batch-template")}
                </a>
            </p>
            <Help/>
            <div class="form-buttons">
                <button
                    type="submit"
                    class="button"
                    disabled=move || {
                        running() || !matches!(pack(), Some(PackState::Ready(..)))
                    }
                >
                    {move || if running() { i18n::tr("batch-running") } else { i18n::tr("batch-start") }}
                </button>
            </div>
        </form>
        <ProgressView run/>
        {move || match run.phase.get() {
            Phase::Failed => {
                view! {
                    <p class="notice error-notice" role="alert">{t!("batch-failed")}</p>
                }
                    .into_any()
            }
            _ => ().into_any(),
        }}
        {move || run.results.get().map(|results| view! { <ResultsView results run/> })}
    }
}

/// The progress bar while the worker screens, labelled, with the count in words.
#[component]
fn ProgressView(run: Run) -> impl IntoView {
    let state = move || match run.phase.get() {
        Phase::Running {
            households,
            read,
            total,
        } => Some((households, read, total)),
        _ => None,
    };
    view! {
        <div class="card progress-card" hidden=move || state().is_none()>
            <label for="batch-progress">{t!("batch-progress-label")}</label>
            <progress
                id="batch-progress"
                max=move || state().map_or(1.0, |(_, _, total)| total.max(1.0))
                value=move || state().map_or(0.0, |(_, read, _)| read)
                aria-describedby="batch-progress-text"
            ></progress>
            <p id="batch-progress-text" class="status-line" role="status">
                {move || {
                    state()
                        .map(|(households, _, _)| {
                            i18n::tr_args(
                                "batch-progress",
                                &[("households", i18n::group_thousands(&households.to_string()))],
                            )
                        })
                        .unwrap_or_default()
                }}
            </p>
        </div>
    }
}

/// How to fill in the roster, folded.
#[component]
fn Help() -> impl IntoView {
    view! {
        <details class="batch-help">
            <summary>{t!("batch-help")}</summary>
            <p>{t!("batch-help-rows")}</p>
            <p>{t!("batch-help-empty")}</p>
            <p>{t!("batch-help-benefits")}</p>
            <table class="codes">
                <caption>{t!("batch-help-codes")}</caption>
                <tbody>
                    {ProgramId::ALL
                        .iter()
                        .map(|p| {
                            let id = p.as_str();
                            view! {
                                <tr>
                                    <td class="mono">{id}</td>
                                    <td>{move || i18n::program_name(id)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </details>
    }
}

/// One household's results for the table: the programs the filter passes.
fn result_cell(
    programs: &[ProgramId],
    h: &HouseholdResult,
    program: Option<usize>,
    show: Show,
) -> AnyView {
    let indexes: Vec<usize> = match program {
        Some(i) => vec![i],
        None => (0..programs.len())
            .filter(|&i| match show {
                // All programs, any outcome: what is likely or possible.
                Show::Any => matches!(h.outcome(i), Outcome::Likely | Outcome::Possible),
                s => s.passes(h, i),
            })
            .collect(),
    };
    if indexes.is_empty() {
        return view! { <span class="muted">{t!("none")}</span> }.into_any();
    }
    view! {
        <ul class="outcomes">
            {indexes
                .into_iter()
                .map(|i| {
                    let name = programs[i].as_str();
                    let outcome = match h.outcome(i) {
                        Outcome::Likely => "likely",
                        Outcome::Possible => "possible",
                        Outcome::Unlikely => "unlikely",
                        Outcome::NotOffered => "not_offered",
                    };
                    let gap = h.likely_not_receiving(i);
                    let amount = h
                        .amount(i)
                        .and_then(|a| serde_json::to_value(a).ok())
                        .and_then(|a| amount_text(&a));
                    let class = if gap { "outcome gap" } else { "outcome" };
                    view! {
                        <li class=class data-program=name data-outcome=outcome>
                            <span class="program">{move || i18n::program_name(name)}</span>
                            ": "
                            <span>{move || i18n::outcome_name(outcome)}</span>
                            {amount.map(|a| view! { " · " <span class="amount">{a}</span> })}
                            {gap.then(|| view! { <strong class="badge gap">{t!("batch-gap-mark")}</strong> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn ResultsView(results: Arc<Screened>, run: Run) -> impl IntoView {
    let program = RwSignal::new(String::new());
    let show = RwSignal::new(Show::Gap);
    let shown = RwSignal::new(PAGE);
    let bad_shown = RwSignal::new(BAD_PAGE);
    let program_index = {
        let results = results.clone();
        move || {
            let p = program.get();
            results
                .results
                .programs
                .iter()
                .position(|q| q.as_str() == p)
        }
    };
    // The matching households, (part, index) in file order, from the
    // outcome codes.
    let matching = {
        let results = results.clone();
        let program_index = program_index.clone();
        Memo::new(move |_| results.matching(program_index(), show.get()))
    };
    // Drawn: now the workers write the export (after the next frame).
    Effect::new(move |_| {
        request_animation_frame(move || request_animation_frame(request_export));
    });
    // The workers send the households to show that the page lacks.
    Effect::new(move |_| {
        // `try_`: as for the warm-up, a disposed value ends the effect.
        let Some(n) = shown.try_get() else {
            return;
        };
        matching.try_with(|m| ask_rows(&m[..n.min(m.len())]));
    });
    // What the table shows: the filter's count and households once all of
    // them are here (the previous ones stay until then, a moment).
    let table = {
        let program_index = program_index.clone();
        Memo::new(move |prev: Option<&Option<Table>>| {
            run.cached.track();
            let (program, show, n) = (program_index(), show.get(), shown.get());
            let rows = matching.with(|m| {
                HELD.with_borrow(|h| {
                    m.iter()
                        .take(n)
                        .map(|key| h.cache.get(key).cloned())
                        .collect::<Option<Vec<_>>>()
                })
            });
            match rows {
                Some(rows) => Some(Table {
                    program,
                    show,
                    count: matching.with(Vec::len),
                    rows,
                }),
                None => prev.cloned().flatten(),
            }
        })
    };
    let gaps = results.gaps;
    let total = results.households;
    let bad_count = results.results.bad.len();
    let encoding = results.results.encoding.name();
    let malformed = results.results.malformed;
    let used = results.used;
    let file_name = format!(
        "jiuzhu-batch-{}-{}.csv",
        results.results.pack,
        format::today_compact()
    );
    let export = move |_| {
        // A failure (no document, a blocked blob URL) leaves the page as
        // it was; the worker can press the button again.
        let _ = save_csv(&file_name);
    };
    let rows = {
        let results = results.clone();
        move || {
            table.with(|t| {
                let Some(t) = t else {
                    return Vec::new();
                };
                t.rows
                    .iter()
                    .map(|h| {
                        let class = if h.any_likely_not_receiving() { "household has-gap" } else { "household" };
                        view! {
                            <tr class=class>
                                <td class="nowrap" data-label=t!("batch-col-row")>{h.row}</td>
                                <td class="mono nowrap" data-label=t!("batch-col-household")>{h.id.clone()}</td>
                                <td data-label=t!("batch-col-members")>{h.members}</td>
                                <td class="results" data-label=t!("batch-col-results")>{result_cell(&results.results.programs, h, t.program, t.show)}</td>
                            </tr>
                        }
                    })
                    .collect::<Vec<_>>()
            })
        }
    };
    let bad_rows = {
        let results = results.clone();
        move || {
            results
                .results
                .bad
                .iter()
                .take(bad_shown.get())
                .map(|b: &BadRow| {
                    let problem = b.problem.clone();
                    view! {
                        <tr>
                            <td class="nowrap" data-label=t!("batch-col-row")>{b.row}</td>
                            <td class="mono nowrap" data-label=t!("batch-col-household")>{b.id.clone().unwrap_or_default()}</td>
                            <td data-label=t!("batch-col-problem")>{move || problem_text(&problem)}</td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    let programs = results.results.programs.clone();
    view! {
        <section
            class="card batch-results"
            aria-labelledby="batch-results-h"
            data-worker-memory=move || run.memory.get().to_string()
            data-page-memory=move || run.page_memory.get().to_string()
            data-parse-ms=move || run.parse_ms.get().to_string()
            data-export-ms=move || run.export_ms.get().to_string()
            data-stage-ms=move || run.stage_ms.get()
            data-seconds=move || run.seconds.get().to_string()
            data-workers=used
            data-started-at=move || run.timeline.get().0.to_string()
            data-finished-at=move || run.timeline.get().1.to_string()
        >
            <h2 id="batch-results-h">{t!("batch-results-heading")}</h2>
            <p class="summary" role="status">
                {move || {
                    i18n::tr_args(
                        "batch-summary",
                        &[
                            ("households", i18n::group_thousands(&total.to_string())),
                            ("bad", i18n::group_thousands(&bad_count.to_string())),
                            ("seconds", format!("{:.1}", run.seconds.get())),
                        ],
                    )
                }}
            </p>
            <p class="gap-count">
                {move || i18n::tr_args("batch-gap-count", &[("count", i18n::group_thousands(&gaps.to_string()))])}
            </p>
            <p class="note">{move || i18n::tr_args("batch-encoding", &[("encoding", encoding.to_owned())])}</p>
            {malformed.then(|| view! { <p class="notice error-notice">{t!("batch-malformed")}</p> })}
            <div class="export">
                <button
                    type="button"
                    class="button"
                    on:click=export
                    disabled=move || !run.csv_ready.get()
                >
                    {t!("batch-export")}
                </button>
            </div>
            <form class="filters" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="batch-program">{t!("batch-filter-program")}</label>
                    <select
                        id="batch-program"
                        on:change=move |ev| {
                            program.set(event_target_value(&ev));
                            shown.set(PAGE);
                        }
                        prop:value=move || program.get()
                    >
                        <option value="">{t!("batch-filter-all-programs")}</option>
                        {programs
                            .into_iter()
                            .map(|p| {
                                let id = p.as_str();
                                view! { <option value=id>{move || i18n::program_name(id)}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="batch-outcome">{t!("batch-filter-outcome")}</label>
                    <select
                        id="batch-outcome"
                        on:change=move |ev| {
                            show.set(Show::parse(&event_target_value(&ev)));
                            shown.set(PAGE);
                        }
                        prop:value=move || show.get().value()
                    >
                        {Show::ALL
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option value=s.value() selected=move || show.get() == s>
                                        {move || s.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </form>
            <p class="count" role="status">
                {move || {
                    table.with(|t| {
                        let Some(t) = t else {
                            return String::new();
                        };
                        if t.count == 0 {
                            i18n::tr("batch-none-match")
                        } else {
                            i18n::tr_args(
                                "batch-shown",
                                &[
                                    ("count", i18n::group_thousands(&t.count.to_string())),
                                    ("shown", t.rows.len().to_string()),
                                ],
                            )
                        }
                    })
                }}
            </p>
            <table class="queue batch">
                <caption class="visually-hidden">{t!("batch-results-heading")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!("batch-col-row")}</th>
                        <th scope="col">{t!("batch-col-household")}</th>
                        <th scope="col">{t!("batch-col-members")}</th>
                        <th scope="col">{t!("batch-col-results")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {move || {
                let left = table.with(|t| t.as_ref().map_or(0, |t| t.count.saturating_sub(t.rows.len())));
                (left > 0)
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button secondary"
                                on:click=move |_| shown.update(|n| *n += PAGE)
                            >
                                {move || i18n::tr_args("batch-show-more", &[("count", left.min(PAGE).to_string())])}
                            </button>
                        }
                    })
            }}
        </section>
        {(bad_count > 0)
            .then(|| {
                view! {
                    <section class="card bad-rows" aria-labelledby="batch-bad-h">
                        <h2 id="batch-bad-h">
                            {move || i18n::tr_args("batch-bad-heading", &[("count", i18n::group_thousands(&bad_count.to_string()))])}
                        </h2>
                        <p class="note">{t!("batch-bad-note")}</p>
                        <table class="queue bad">
                            <caption class="visually-hidden">
                                {move || i18n::tr_args("batch-bad-heading", &[("count", bad_count.to_string())])}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!("batch-col-row")}</th>
                                    <th scope="col">{t!("batch-col-household")}</th>
                                    <th scope="col">{t!("batch-col-problem")}</th>
                                </tr>
                            </thead>
                            <tbody>{bad_rows}</tbody>
                        </table>
                        {move || {
                            (bad_count > bad_shown.get())
                                .then(|| {
                                    view! {
                                        <p class="note">{move || i18n::tr_args("batch-bad-shown", &[("shown", bad_shown.get().to_string())])}</p>
                                        <button
                                            type="button"
                                            class="button secondary"
                                            on:click=move |_| bad_shown.set(usize::MAX)
                                        >
                                            {t!("batch-show-more-bad")}
                                        </button>
                                    }
                                })
                        }}
                    </section>
                }
            })}
    }
}
