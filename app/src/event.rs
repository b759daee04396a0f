//! Community-event mode, for volunteers checking one family after another
//! on a shared phone: "next family" wipes the previous family's answers and
//! what was filed for them from the screen, and a large QR code carries the
//! event's link (place and language preset) to residents' own phones.
//!
//! Applications still waiting for signal are kept (and sent when it
//! returns): nothing a family filed is lost by moving on; only the count
//! and the place show, never their contents.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::filing::Filings;
use crate::state::{Draft, Store};

const EVENT_KEY: &str = "jiuzhu.event.v1";

/// The event's place and language, chosen when the mode is switched on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSetup {
    pub region: String,
    pub lang: String,
}

impl EventSetup {
    /// The link residents scan: the app at this origin, place and language
    /// preset, nothing else.
    pub fn link(&self, origin: &str) -> String {
        format!("{origin}/?region={}&lang={}", self.region, self.lang)
    }
}

/// Whether event mode is on, and for which place and language.
#[derive(Clone, Copy)]
pub struct Event(pub RwSignal<Option<EventSetup>>);

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl Event {
    pub fn start(self, setup: EventSetup) {
        if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(&setup)) {
            let _ = s.set_item(EVENT_KEY, &json);
        }
        self.0.set(Some(setup));
    }

    pub fn stop(self) {
        if let Some(s) = storage() {
            let _ = s.remove_item(EVENT_KEY);
        }
        self.0.set(None);
    }

    pub fn is_on(self) -> bool {
        self.0.with(Option::is_some)
    }
}

pub fn provide_event() -> Event {
    let saved = storage()
        .and_then(|s| s.get_item(EVENT_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str::<EventSetup>(&json).ok())
        .filter(|setup| crate::state::region(&setup.region).is_some());
    let event = Event(RwSignal::new(saved));
    provide_context(event);
    event
}

pub fn use_event() -> Event {
    expect_context::<Event>()
}

/// Move on to the next family: a fresh draft in the event's place, and
/// nothing of the previous family on screen (their tracking codes and
/// receipts are forgotten; their unsent applications stay in the outbox).
pub fn next_family(store: Store, filings: Filings, event: Event) {
    let region = event
        .0
        .with_untracked(|e| e.as_ref().map(|s| s.region.clone()));
    let mut fresh = Draft::default();
    fresh.household.jurisdiction = region;
    crate::state::replace_draft(store, fresh);
    filings.forget_shown();
}
