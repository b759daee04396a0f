//! The guide bundle's root: the policy guide (`/programs`, `/programs/:id`),
//! often a first visit from a link shared in a WeChat group, without the
//! self-check's code. Like the landing bundle it has no draft store: the
//! place of the saved draft is its default place, and starting the check
//! is a full page load of the full app ([`links`](crate::links)).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::frame::Frame;
use crate::pages::not_found::NotFound;
use crate::pages::programs::{ProgramPage, Programs};
use crate::{boot, i18n, place, state};

/// Before the guide replaces a first paint (a page of a place written by
/// `cargo xtask build`, `xtask/src/guide_paint.rs`): the link's place's guide
/// and the parameters' names, fetched side by side, so the page is built
/// once, complete and the same as the first paint.
pub const PREPARE: boot::Prepare = boot::Prepare {
    start: |lang| {
        i18n::want_params_in(lang);
        link_guide_settled();
    },
    ready: |lang| i18n::params_settled(lang) && link_guide_settled(),
};

/// Whether the guide of the link's place has arrived or failed (asking
/// starts its fetch); true when the link names no known place.
fn link_guide_settled() -> bool {
    place::region_from_link().is_none_or(|code| state::guide_settled(&code))
}

#[component]
pub fn Guide(
    /// The first language, its messages already loaded.
    lang: i18n::Lang,
) -> impl IntoView {
    i18n::provide_i18n(lang);
    place::provide_from_storage();
    view! {
        <Router>
            <Frame>
                <Routes fallback=NotFound>
                    <Route path=path!("/programs") view=Programs/>
                    <Route path=path!("/programs/:id") view=ProgramPage/>
                </Routes>
            </Frame>
        </Router>
    }
}
