//! Batch screening (政策找人): a household roster (CSV, UTF-8 or GBK) is
//! screened in this browser, in a Web Worker running the `roster` crate as
//! WASM (`roster-worker/`), so the roster never leaves the worker's
//! computer: the page fetches only static files (the place's pack, the
//! worker's script). A progress bar while it runs; then the results,
//! filterable by program and outcome, with "likely but not receiving"
//! marked in words; the rows with problems, each with its row number and
//! reason; and the export as a CSV file for Excel, written by the worker.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use js_sys::{Object, Reflect, Uint8Array};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use roster::{BadRow, HouseholdResult, Labels, Problem, Results};
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
/// Households between progress messages.
const PROGRESS_EVERY: u32 = 1000;

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
        match self {
            Show::Any => h.outcome(i) != Outcome::NotOffered,
            Show::Gap => h.likely_not_receiving(i),
            Show::Likely => h.outcome(i) == Outcome::Likely,
            Show::Possible => h.outcome(i) == Outcome::Possible,
            Show::Unlikely => h.outcome(i) == Outcome::Unlikely,
        }
    }
}

/// What the page keeps of the worker that is not plain data.
#[derive(Default)]
struct Held {
    worker: Option<web_sys::Worker>,
    onmessage: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
    /// The export, as the worker wrote it.
    csv: Option<Uint8Array>,
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
    let placeholder = |names: &[&str]| -> Vec<(&'static str, String)> {
        names
            .iter()
            .map(|n| {
                let name: &'static str = match *n {
                    "column" => "column",
                    "value" => "value",
                    "expected" => "expected",
                    "found" => "found",
                    "id" => "id",
                    "first" => "first",
                    "program" => "program",
                    _ => "unit",
                };
                (name, format!("{{{name}}}"))
            })
            .collect()
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
    ready: RwSignal<bool>,
    /// The worker has warmed up for the chosen place.
    warm: RwSignal<bool>,
    phase: RwSignal<Phase>,
    results: RwSignal<Option<Arc<Results>>>,
    seconds: RwSignal<f64>,
    /// The worker's and the page's WASM memory (bytes; it only grows, so
    /// this is the peak) and the worker's stage times, for the benchmark.
    memory: RwSignal<f64>,
    page_memory: RwSignal<f64>,
    /// The page's time to read the results (ms), the worker's for the
    /// export (ms), and whether the export has come.
    parse_ms: RwSignal<f64>,
    export_ms: RwSignal<f64>,
    csv_ready: RwSignal<bool>,
    stage_ms: RwSignal<String>,
}

fn on_message(run: Run, data: &JsValue) {
    match get(data, "type").as_string().as_deref() {
        Some("ready") => run.ready.set(true),
        Some("progress") => run.phase.set(Phase::Running {
            households: get(data, "households").as_f64().unwrap_or(0.0) as u64,
            read: get(data, "read").as_f64().unwrap_or(0.0),
            total: get(data, "total").as_f64().unwrap_or(0.0),
        }),
        Some("done") => {
            let t0 = now();
            let bytes = get(data, "results")
                .dyn_into::<Uint8Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default();
            let started = HELD.with_borrow(|h| h.started);
            match serde_json::from_slice::<Results>(&bytes) {
                Ok(results) => {
                    drop(bytes);
                    run.parse_ms.set(now() - t0);
                    run.seconds.set((now() - started) / 1000.0);
                    run.memory.set(get(data, "memory").as_f64().unwrap_or(0.0));
                    run.stage_ms.set(
                        js_sys::JSON::stringify(&get(data, "ms"))
                            .ok()
                            .and_then(|s| s.as_string())
                            .unwrap_or_default(),
                    );
                    run.results.set(Some(Arc::new(results)));
                    run.phase.set(Phase::Done);
                    run.page_memory.set(page_memory());
                }
                Err(_) => run.phase.set(Phase::Failed),
            }
        }
        Some("csv") => {
            let csv = get(data, "csv").dyn_into::<Uint8Array>().ok();
            let ready = csv.is_some();
            HELD.with_borrow_mut(|h| h.csv = csv);
            run.memory.set(get(data, "memory").as_f64().unwrap_or(0.0));
            run.export_ms.set(get(data, "ms").as_f64().unwrap_or(0.0));
            run.csv_ready.set(ready);
        }
        Some("error") => run.phase.set(Phase::Failed),
        Some("warm") => run.warm.set(true),
        _ => {}
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

fn start_worker(run: Run) {
    let Ok(worker) = web_sys::Worker::new(WORKER_URL) else {
        run.phase.set(Phase::Failed);
        return;
    };
    let onmessage =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            on_message(run, &ev.data());
        });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| run.phase.set(Phase::Failed));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    // An error handler for the worker's whole life.
    onerror.forget();
    HELD.with_borrow_mut(|h| {
        h.worker = Some(worker);
        h.onmessage = Some(onmessage);
    });
}

fn stop_worker() {
    HELD.with_borrow_mut(|h| {
        if let Some(w) = h.worker.take() {
            w.terminate();
        }
        h.onmessage = None;
        h.csv = None;
    });
}

fn post(message: &Object, transfer: Option<&JsValue>) -> bool {
    HELD.with_borrow(|h| {
        let Some(w) = &h.worker else {
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

/// Hand the file to the browser as a download.
fn save_csv(name: &str) -> Option<()> {
    let csv = HELD.with_borrow(|h| h.csv.clone())?;
    let parts = js_sys::Array::of1(&csv);
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
        seconds: RwSignal::new(0.0),
        memory: RwSignal::new(0.0),
        page_memory: RwSignal::new(0.0),
        parse_ms: RwSignal::new(0.0),
        export_ms: RwSignal::new(0.0),
        csv_ready: RwSignal::new(false),
        stage_ms: RwSignal::new(String::new()),
    };
    let missing_file = RwSignal::new(false);
    let file_input = NodeRef::<html::Input>::new();

    start_worker(run);
    on_cleanup(stop_worker);

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

    // Once the worker is ready and the place's pack is here, the worker
    // warms up while the file is being chosen (see roster-worker).
    let warmed = StoredValue::new(String::new());
    Effect::new(move |_| {
        if !run.ready.get() {
            return;
        }
        if let Some(PackState::Ready(json, _)) = pack()
            && warmed.get_value() != place.get_untracked()
        {
            warmed.set_value(place.get_untracked());
            run.warm.set(false);
            let m = Object::new();
            set(&m, "type", "warm");
            set(&m, "pack", &*json);
            set(&m, "date", date.get_untracked());
            post(&m, None);
        }
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
        let m = Object::new();
        set(&m, "type", "screen");
        // The File itself: the worker reads it, the page never holds the
        // roster's bytes.
        set(&m, "bytes", &file);
        set(&m, "pack", &*json);
        set(&m, "date", date.get_untracked());
        set(&m, "labels", words);
        set(&m, "every", PROGRESS_EVERY);
        HELD.with_borrow_mut(|h| {
            h.started = now();
            h.csv = None;
        });
        if !post(&m, None) {
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
    results: &Results,
    h: &HouseholdResult,
    program: Option<usize>,
    show: Show,
) -> AnyView {
    let indexes: Vec<usize> = match program {
        Some(i) => vec![i],
        None => (0..results.programs.len())
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
                    let name = results.programs[i].as_str();
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
fn ResultsView(results: Arc<Results>, run: Run) -> impl IntoView {
    let program = RwSignal::new(String::new());
    let show = RwSignal::new(Show::Gap);
    let shown = RwSignal::new(PAGE);
    let bad_shown = RwSignal::new(BAD_PAGE);
    let program_index = {
        let results = results.clone();
        move || {
            let p = program.get();
            results.programs.iter().position(|q| q.as_str() == p)
        }
    };
    // The matching households, in file order (indexes into the results).
    let matching = {
        let results = results.clone();
        let program_index = program_index.clone();
        Memo::new(move |_| {
            let (i, s) = (program_index(), show.get());
            results
                .households
                .iter()
                .enumerate()
                .filter(|(_, h)| match i {
                    Some(i) => s.passes(h, i),
                    None => match s {
                        Show::Any => true,
                        s => (0..results.programs.len()).any(|j| s.passes(h, j)),
                    },
                })
                .map(|(n, _)| n)
                .collect::<Vec<usize>>()
        })
    };
    let gaps = results
        .households
        .iter()
        .filter(|h| h.any_likely_not_receiving())
        .count();
    let total = results.households.len();
    let bad_count = results.bad.len();
    let encoding = results.encoding.name();
    let malformed = results.malformed;
    let file_name = format!(
        "jiuzhu-batch-{}-{}.csv",
        results.pack,
        format::today_compact()
    );
    let export = move |_| {
        // A failure (no document, a blocked blob URL) leaves the page as
        // it was; the worker can press the button again.
        let _ = save_csv(&file_name);
    };
    let rows = {
        let results = results.clone();
        let program_index = program_index.clone();
        move || {
            let (i, s) = (program_index(), show.get());
            matching.with(|m| {
                m.iter()
                    .take(shown.get())
                    .map(|&n| {
                        let h = &results.households[n];
                        let class = if h.any_likely_not_receiving() { "household has-gap" } else { "household" };
                        view! {
                            <tr class=class>
                                <td class="nowrap" data-label=t!("batch-col-row")>{h.row}</td>
                                <td class="mono nowrap" data-label=t!("batch-col-household")>{h.id.clone()}</td>
                                <td data-label=t!("batch-col-members")>{h.members}</td>
                                <td class="results" data-label=t!("batch-col-results")>{result_cell(&results, h, i, s)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let bad_rows = {
        let results = results.clone();
        move || {
            results
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
    let programs = results.programs.clone();
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
                    let count = matching.with(Vec::len);
                    if count == 0 {
                        i18n::tr("batch-none-match")
                    } else {
                        i18n::tr_args(
                            "batch-shown",
                            &[
                                ("count", i18n::group_thousands(&count.to_string())),
                                ("shown", count.min(shown.get()).to_string()),
                            ],
                        )
                    }
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
                let left = matching.with(Vec::len).saturating_sub(shown.get());
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
