//! The landing bundle's root: the home page, what a first visit opens. It
//! has no draft store: the place chosen is written to the saved draft
//! ([`place::provide_from_storage`]) and the check starts with a full page
//! load of the full app ([`links`](crate::links)).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::frame::Frame;
use crate::pages::{home::Home, not_found::NotFound};
use crate::{i18n, links, place, state};

#[component]
pub fn Landing(
    /// The first language, its messages already loaded.
    lang: i18n::Lang,
) -> impl IntoView {
    links::set_landing();
    i18n::provide_i18n(lang);
    // The home page's link chooses the place (`/?region=…`). A policy guide
    // link shows its place without choosing it (the guide bundle).
    if let Some(code) = place::region_from_link() {
        state::save_region(&code);
    }
    place::provide_from_storage();
    view! {
        <Router>
            <Frame>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                </Routes>
            </Frame>
        </Router>
    }
}
