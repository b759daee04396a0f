//! The resident's answers (the draft), kept only in this phone's local
//! storage, and the screening computed from them in the page.

use std::sync::LazyLock;

use leptos::prelude::*;
use rules_core::{Date, Household, Pack, Screening};
use serde::{Deserialize, Serialize};

const DRAFT_KEY: &str = "jiuzhu.draft.v1";

/// Every embedded policy pack, parsed once.
pub static PACKS: LazyLock<Vec<Pack>> = LazyLock::new(rules_core::packs::embedded);

pub fn pack(code: &str) -> Option<&'static Pack> {
    PACKS.iter().find(|p| p.jurisdiction.code == code)
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
    /// The screening of the current answers, recomputed when they change.
    pub screening: Memo<Option<Screening>>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load_draft() -> Draft {
    storage()
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
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
    // Persist every change on this device only; an empty draft leaves nothing behind.
    Effect::new(move |_| {
        let current = draft.get();
        if let Some(storage) = storage() {
            if current == Draft::default() {
                let _ = storage.remove_item(DRAFT_KEY);
            } else if let Ok(json) = serde_json::to_string(&current) {
                let _ = storage.set_item(DRAFT_KEY, &json);
            }
        }
    });
    let as_of = today();
    let screening = Memo::new(move |_| {
        draft.with(|d| {
            let pack = pack(d.region()?)?;
            Some(rules_core::screen(pack, &d.household, as_of))
        })
    });
    let store = Store { draft, screening };
    provide_context(store);
    store
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// Wipe the resident's answers from this device (shared phones at community
/// events): the stored draft and the in-memory answers. The language choice
/// is a preference, not data about the household, and stays.
pub fn clear(store: Store) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(DRAFT_KEY);
    }
    store.draft.set(Draft::default());
}
