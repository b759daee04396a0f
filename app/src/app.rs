//! The root component: language, the resident's draft, layout and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::frame::Frame;
use crate::pages::check::Check;
use crate::pages::event::{EventBar, EventPage};
use crate::pages::programs::{ProgramPage, Programs};
use crate::pages::{apply::Apply, home::Home, not_found::NotFound, track::Track};
use crate::{i18n, place, state};

/// Answers handed over from another device in the URL fragment. The
/// fragment is removed from the address bar at once, so it is not left in
/// this browser's history or bookmarks.
fn draft_from_fragment() -> Option<state::Draft> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let draft = crate::share::decode(&hash)?;
    let path = window.location().pathname().ok()?;
    let _ = window.history().ok()?.replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&path),
    );
    Some(draft)
}

#[component]
pub fn App(
    /// The first language, its messages already loaded.
    lang: i18n::Lang,
) -> impl IntoView {
    i18n::provide_i18n(lang);
    let store = state::provide_store();
    crate::filing::provide_filings();
    crate::event::provide_event();
    if let Some(draft) = draft_from_fragment() {
        store.draft.set(draft);
    }
    place::provide_from_store(store);
    if let Some(code) = place::region_from_link() {
        store
            .draft
            .update(|d| d.household.jurisdiction = Some(code));
    }
    view! {
        <Router>
            <Frame bar=ViewFn::from(EventBar)>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/check/:step") view=Check/>
                    <Route path=path!("/programs") view=Programs/>
                    <Route path=path!("/programs/:id") view=ProgramPage/>
                    <Route path=path!("/apply") view=Apply/>
                    <Route path=path!("/event") view=EventPage/>
                    // One route for both, so that going from the form to the
                    // code's own address keeps the page (and the typed digits).
                    <Route path=path!("/track/:code?") view=Track/>
                </Routes>
            </Frame>
        </Router>
    }
}
