//! The resident's answers (the draft), kept only in this phone's local
//! storage, and the screening computed from them in the page.

use std::cell::RefCell;

use leptos::prelude::*;
use rules_core::guide::PlaceGuide;
use rules_core::{Date, Household, Outcome, Pack, Screener, Screening};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

const DRAFT_KEY: &str = "jiuzhu.draft.v1";

/// A place a resident can pick: enough for the picker and headings. Its
/// policy pack is fetched only when it is chosen.
#[derive(Debug, PartialEq, Eq)]
pub struct Region {
    /// 行政区划代码 (or a demo code).
    pub code: &'static str,
    pub name: &'static str,
    /// The parent area, e.g. 广东省汕尾市.
    pub parent: &'static str,
    /// A demonstration pack, not a real jurisdiction's rules.
    pub demo: bool,
}

// `REGIONS`, sorted by code, generated from rules-core/policies by build.rs.
include!(concat!(env!("OUT_DIR"), "/regions.rs"));

/// A known place by its code.
pub fn region(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code == code)
}

/// Files fetched per place (packs, guides) so far, each kept for the life
/// of the page, and the codes being fetched or whose fetch failed.
struct PerPlace<T: 'static> {
    loaded: Vec<(&'static str, &'static T)>,
    pending: Vec<String>,
    failed: Vec<String>,
}

impl<T> Default for PerPlace<T> {
    fn default() -> Self {
        PerPlace {
            loaded: Vec::new(),
            pending: Vec::new(),
            failed: Vec::new(),
        }
    }
}

type Files<T> = std::thread::LocalKey<RefCell<PerPlace<T>>>;

thread_local! {
    static PACKS: RefCell<PerPlace<Pack>> = RefCell::default();
    static GUIDES: RefCell<PerPlace<PlaceGuide>> = RefCell::default();
    /// Notified when a file arrives (or fails), so whoever asked re-runs.
    static ARRIVED: ArcTrigger = ArcTrigger::new();
}

/// A known place's file `url`, read by `parse`. Reactive: `None` until it
/// has arrived; asking starts the fetch, and the caller re-runs when it
/// lands.
fn per_place<T: 'static>(
    files: &'static Files<T>,
    code: &str,
    url: fn(&str) -> String,
    parse: fn(&str) -> Option<T>,
) -> Option<&'static T> {
    ARRIVED.with(|t| t.track());
    let code = region(code)?.code;
    let (found, start) = files.with_borrow_mut(|l| {
        let found = l.loaded.iter().find(|(c, _)| *c == code).map(|(_, f)| *f);
        let start = found.is_none()
            && !l.pending.iter().any(|c| c == code)
            && !l.failed.iter().any(|c| c == code);
        if start {
            l.pending.push(code.to_owned());
        }
        (found, start)
    });
    if start {
        leptos::task::spawn_local(async move {
            let parsed = crate::i18n::fetch_text(&url(code))
                .await
                .and_then(|text| parse(&text));
            files.with_borrow_mut(|l| {
                l.pending.retain(|c| c != code);
                // The files are few and small; each is kept for the page's life.
                match parsed {
                    Some(f) => l.loaded.push((code, Box::leak(Box::new(f)))),
                    None => l.failed.push(code.to_owned()),
                }
            });
            ARRIVED.with(|t| t.notify());
        });
    }
    found
}

fn failed<T: 'static>(files: &'static Files<T>, code: &str) -> bool {
    ARRIVED.with(|t| t.track());
    files.with_borrow(|l| l.failed.iter().any(|c| c == code))
}

/// A place's complete policy pack (merged with the national defaults at
/// build time), served as `/packs/<code>.json`. Reactive: `None` until it has
/// arrived; asking starts the fetch, and the caller re-runs when it lands.
pub fn pack(code: &str) -> Option<&'static Pack> {
    per_place(
        &PACKS,
        code,
        |code| format!("/packs/{code}.json"),
        |json| Pack::from_json(json).ok(),
    )
}

/// Whether fetching a place's pack failed (offline, say). Reactive.
pub fn pack_failed(code: &str) -> bool {
    failed(&PACKS, code)
}

/// What the policy guide shows of a place, written from its pack at build
/// time and served as `/guides/<code>.json` ([`crate::guide_file`]).
/// Reactive, like [`pack`].
pub fn guide(code: &str) -> Option<&'static PlaceGuide> {
    per_place(
        &GUIDES,
        code,
        |code| format!("/guides/{code}.json"),
        crate::guide_file::read,
    )
}

/// Whether a place's guide has arrived or failed to (not reactive). Asking
/// starts the fetch.
pub fn guide_settled(code: &str) -> bool {
    guide(code).is_some() || guide_failed(code)
}

/// Whether fetching a place's guide failed (offline, say). Reactive.
pub fn guide_failed(code: &str) -> bool {
    failed(&GUIDES, code)
}

/// What the resident has answered so far.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub household: Household,
    /// Answers the household model cannot hold on its own, keyed by field name:
    /// "no hospital stay" (a stay is either described or absent) and "has
    /// income" before any amount is entered.
    pub marks: std::collections::BTreeSet<String>,
}

impl Draft {
    pub fn region(&self) -> Option<&str> {
        self.household.jurisdiction.as_deref()
    }
}

/// The app's store: the draft and what follows from it.
#[derive(Clone, Copy)]
pub struct Store {
    pub draft: RwSignal<Draft>,
    /// The screening of the current answers, recomputed when they change
    /// and something shows it (memos are lazy).
    pub screening: Memo<Option<Screening>>,
    /// How many programs are likely and possible, from the same decisions
    /// without the reasons ([`rules_core::screen_brief`], a fifth of the
    /// work): what the question steps show while answers change.
    pub counts: Memo<Option<(usize, usize)>>,
    /// The chosen place's code, for what depends on the place alone (which
    /// questions the pack asks, its name) and not on every answer.
    pub region: Memo<Option<String>>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Store the draft; an empty draft leaves nothing behind.
fn save_draft(draft: &Draft) {
    if let Some(storage) = storage() {
        if *draft == Draft::default() {
            let _ = storage.remove_item(DRAFT_KEY);
        } else if let Ok(json) = serde_json::to_string(draft) {
            let _ = storage.set_item(DRAFT_KEY, &json);
        }
    }
}

/// Run `f` when the browser is idle after the next frame (within a second at
/// most), or soon where there is no `requestIdleCallback`. Asked for from a
/// frame callback, the idle callback runs only after that frame is drawn: a
/// save of the draft never holds up the frame that shows the answer's
/// results (an idle period before it did, now and then).
fn on_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let when_idle = {
        let window = window.clone();
        move || {
            let callback = wasm_bindgen::closure::Closure::once_into_js(f);
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(1000);
            if window
                .request_idle_callback_with_options(callback.unchecked_ref(), &options)
                .is_err()
            {
                let _ = window.set_timeout_with_callback(callback.unchecked_ref());
            }
        }
    };
    let after_frame = wasm_bindgen::closure::Closure::once_into_js(when_idle);
    if window
        .request_animation_frame(after_frame.unchecked_ref())
        .is_err()
    {
        let _ = window.set_timeout_with_callback(after_frame.unchecked_ref());
    }
}

fn load_draft() -> Draft {
    storage()
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// The place of the draft saved on this device, read without the
/// household's types (the landing bundle has none of them).
pub fn saved_region() -> Option<String> {
    let json = storage()?.get_item(DRAFT_KEY).ok().flatten()?;
    let draft = js_sys::JSON::parse(&json).ok()?;
    let household = js_sys::Reflect::get(&draft, &"household".into()).ok()?;
    let code = js_sys::Reflect::get(&household, &"jurisdiction".into())
        .ok()?
        .as_string()?;
    region(&code).map(|r| r.code.to_owned())
}

/// Set the place of the draft saved on this device, keeping every other
/// answer as it is (the landing bundle, before the check starts).
pub fn save_region(code: &str) {
    use js_sys::{JSON, Object, Reflect};
    let Some(storage) = storage() else {
        return;
    };
    let is_object = |v: &wasm_bindgen::JsValue| v.is_object() && !v.is_null();
    let draft = storage
        .get_item(DRAFT_KEY)
        .ok()
        .flatten()
        .and_then(|json| JSON::parse(&json).ok())
        .filter(is_object)
        .unwrap_or_else(|| Object::new().into());
    let household = Reflect::get(&draft, &"household".into())
        .ok()
        .filter(is_object)
        .unwrap_or_else(|| Object::new().into());
    let _ = Reflect::set(&household, &"jurisdiction".into(), &code.into());
    let _ = Reflect::set(&draft, &"household".into(), &household);
    if let Some(json) = JSON::stringify(&draft).ok().and_then(|s| s.as_string()) {
        let _ = storage.set_item(DRAFT_KEY, &json);
    }
}

/// Today in the browser's clock: the date the rules are applied on.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        (now.get_month() + 1) as u8,
        now.get_date() as u8,
    )
    .expect("the browser's date is a real date")
}

pub fn provide_store() -> Store {
    let draft = RwSignal::new(load_draft());
    // Persist every change on this device only, when the browser is idle
    // (writing local storage on every keystroke delayed the results), and at
    // the latest when the page is hidden or left.
    let pending = StoredValue::new(false);
    let save = move || {
        if pending.get_value() {
            pending.set_value(false);
            draft.with_untracked(save_draft);
        }
    };
    Effect::new(move |_| {
        draft.track();
        if !pending.get_value() {
            pending.set_value(true);
            on_idle(save);
        }
    });
    if let Some(window) = web_sys::window() {
        let flush = wasm_bindgen::closure::Closure::<dyn Fn()>::new(save);
        let _ = window.add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
        if let Some(document) = window.document() {
            let _ = document.add_event_listener_with_callback(
                "visibilitychange",
                flush.as_ref().unchecked_ref(),
            );
        }
        // The listeners live as long as the page.
        flush.forget();
    }
    let as_of = today();
    // The pack resolved for today once per place (its parameters read out
    // of the pack), not again on every answer: the results and the live
    // summary ask on every keystroke.
    let screener = StoredValue::new_local(None::<(&'static Pack, Screener<'static>)>);
    let with_screener = move |pack: &'static Pack, f: &mut dyn FnMut(&Screener<'static>)| {
        screener.update_value(|cached| {
            if !cached.as_ref().is_some_and(|(p, _)| std::ptr::eq(*p, pack)) {
                *cached = Some((pack, Screener::new(pack, as_of)));
            }
            if let Some((_, s)) = cached {
                f(s);
            }
        });
    };
    let screening = Memo::new(move |_| {
        draft.with(|d| {
            let pack = pack(d.region()?)?;
            // `Screener::screen` is `rules_core::screen` on a resolved pack.
            let mut out = None;
            with_screener(pack, &mut |s| out = Some(s.screen(&d.household)));
            out
        })
    });
    let counts = Memo::new(move |_| {
        draft.with(|d| {
            let pack = pack(d.region()?)?;
            // Outcomes only (`Screener::summarize`: the decisions of
            // `screen_brief`, without building them).
            let mut briefs = Vec::with_capacity(rules_core::ProgramId::ALL.len());
            with_screener(pack, &mut |s| s.summarize(&d.household, &mut briefs));
            let count = |o| briefs.iter().filter(|b| b.outcome == o).count();
            Some((count(Outcome::Likely), count(Outcome::Possible)))
        })
    });
    let region = Memo::new(move |_| draft.with(|d| d.region().map(str::to_owned)));
    let store = Store {
        draft,
        screening,
        counts,
        region,
    };
    provide_context(store);
    store
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// Put a new draft in place of the current one, stored at once (not when
/// idle): nothing of the previous answers may survive a closed page.
pub fn replace_draft(store: Store, draft: Draft) {
    save_draft(&draft);
    store.draft.set(draft);
}

/// Wipe the resident's answers from this device (shared phones at community
/// events): the stored draft, the in-memory answers, the outbox and the
/// tracking codes filed here. The language choice
/// is a preference, not data about the household, and stays.
pub fn clear(store: Store) {
    store.draft.set(Draft::default());
    save_draft(&Draft::default());
    // And the applications filed or waiting to be sent from here.
    if let Some(filings) = use_context::<crate::filing::Filings>() {
        filings.clear();
    }
}
