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
use crate::{i18n, links, place};

#[component]
pub fn Guide(
    /// The first language, its messages already loaded.
    lang: i18n::Lang,
) -> impl IntoView {
    links::set_guide();
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
