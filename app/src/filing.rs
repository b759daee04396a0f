//! Applications on this device: the outbox of applications not yet
//! acknowledged by the server (so a lost connection or a closed page loses
//! nothing: each is resent with its own idempotency key, which the server
//! answers with the same case however often it arrives), and the tracking
//! codes filed from here ("my applications"). Both live in local storage
//! only and are wiped by "clear my data".

use api_boundary::filing::Filed;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::{self, Failure};

const OUTBOX_KEY: &str = "jiuzhu.outbox.v1";
const CASES_KEY: &str = "jiuzhu.cases.v1";
/// How often held applications are retried while the page is open.
const RETRY_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// An application waiting for the server's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    pub key: String,
    /// The `NewApplication` as JSON, exactly as first sent.
    pub body: String,
    pub jurisdiction: String,
    /// The last 4 digits of the mobile, to track the case once filed.
    pub last4: String,
}

/// A case filed from this device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCase {
    pub code: String,
    pub last4: String,
    pub jurisdiction: String,
    pub submitted_on: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read<T: for<'de> Deserialize<'de>>(key: &str) -> Vec<T> {
    storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn write<T: Serialize>(key: &str, items: &[T]) {
    if let Some(s) = storage() {
        if items.is_empty() {
            let _ = s.remove_item(key);
        } else if let Ok(json) = serde_json::to_string(items) {
            let _ = s.set_item(key, &json);
        }
    }
}

/// The filing state shared by the pages: reactive copies of the outbox and
/// of the cases filed here, written through to local storage.
#[derive(Clone, Copy)]
pub struct Filings {
    pub outbox: RwSignal<Vec<Pending>>,
    pub cases: RwSignal<Vec<MyCase>>,
    /// The outbox is being sent now.
    pub sending: RwSignal<bool>,
    /// Answers to held applications received while this page is open, by
    /// idempotency key: the apply page shows its receipt when its own
    /// application, held without signal, is filed later.
    pub answered: RwSignal<Vec<(String, Filed)>>,
}

impl Filings {
    /// Keep an application until the server has answered it.
    pub fn hold(self, pending: Pending) {
        self.outbox.update(|o| {
            o.retain(|p| p.key != pending.key);
            o.push(pending);
            write(OUTBOX_KEY, o);
        });
    }

    /// The server answered: the application leaves the outbox (and, when it
    /// was filed, joins the cases).
    pub fn settle(self, key: &str, filed: Option<(&Filed, &str)>) {
        let jurisdiction = self.outbox.with_untracked(|o| {
            o.iter()
                .find(|p| p.key == key)
                .map(|p| p.jurisdiction.clone())
        });
        self.outbox.update(|o| {
            o.retain(|p| p.key != key);
            write(OUTBOX_KEY, o);
        });
        if let Some((filed, last4)) = filed {
            self.answered
                .update(|a| a.push((key.to_owned(), filed.clone())));
            self.cases.update(|c| {
                if !c.iter().any(|m| m.code == filed.tracking_code) {
                    c.push(MyCase {
                        code: filed.tracking_code.clone(),
                        last4: last4.to_owned(),
                        jurisdiction: jurisdiction
                            .unwrap_or_else(|| filed.receipt.jurisdiction.code.clone()),
                        submitted_on: filed.receipt.submitted_on.clone(),
                    });
                }
                write(CASES_KEY, c);
            });
        }
    }

    /// The last-4 digits kept for a case filed here, if any.
    pub fn last4_of(self, code: &str) -> Option<String> {
        self.cases
            .with_untracked(|c| c.iter().find(|m| m.code == code).map(|m| m.last4.clone()))
    }

    /// Send every held application once, in order. Returns the answers
    /// received (key, result); an application without an answer stays held.
    pub async fn flush(self) -> Vec<(String, Result<Filed, Failure>)> {
        if self.sending.get_untracked() {
            return Vec::new();
        }
        self.sending.set(true);
        let mut answers = Vec::new();
        for pending in self.outbox.get_untracked() {
            let Ok(application) = serde_json::from_str(&pending.body) else {
                self.settle(&pending.key, None);
                continue;
            };
            let result = api::submit(&application, &[]).await;
            match &result {
                Err(Failure::Offline) => {
                    // No signal: the rest would fail alike; try again later.
                    answers.push((pending.key.clone(), result));
                    break;
                }
                Ok(filed) => self.settle(&pending.key, Some((filed, &pending.last4))),
                Err(_) => self.settle(&pending.key, None),
            }
            answers.push((pending.key.clone(), result));
        }
        self.sending.set(false);
        answers
    }

    /// Forget what was filed from here, but keep sending what is still
    /// waiting (community events: the next family must not see the previous
    /// family's codes, and the previous family's application must not be lost).
    pub fn forget_shown(self) {
        self.answered.set(Vec::new());
        self.cases.set(Vec::new());
        write::<MyCase>(CASES_KEY, &[]);
    }

    /// Forget everything filed from this device (shared phones).
    pub fn clear(self) {
        self.outbox.set(Vec::new());
        self.cases.set(Vec::new());
        write::<Pending>(OUTBOX_KEY, &[]);
        write::<MyCase>(CASES_KEY, &[]);
    }
}

/// Set up the filing state; call once at the root. Held applications are
/// sent at start and whenever the browser comes back online.
pub fn provide_filings() -> Filings {
    let filings = Filings {
        outbox: RwSignal::new(read(OUTBOX_KEY)),
        cases: RwSignal::new(read(CASES_KEY)),
        sending: RwSignal::new(false),
        answered: RwSignal::new(Vec::new()),
    };
    provide_context(filings);
    let send = move || {
        if filings.outbox.with_untracked(|o| !o.is_empty()) {
            leptos::task::spawn_local(async move {
                filings.flush().await;
            });
        }
    };
    send();
    if let Some(window) = web_sys::window() {
        use wasm_bindgen::JsCast;
        let on_online = wasm_bindgen::closure::Closure::<dyn Fn()>::new(send);
        let _ =
            window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        on_online.forget();
    }
    // Weak signal often never says "offline": try again every half minute
    // while something is waiting.
    let _ = set_interval_with_handle(send, RETRY_EVERY);
    filings
}

pub fn use_filings() -> Filings {
    expect_context::<Filings>()
}
