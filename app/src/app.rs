//! The root component: language, layout and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::header::Header;
use crate::i18n;
use crate::pages::{home::Home, not_found::NotFound};
use crate::t;

#[component]
pub fn App() -> impl IntoView {
    i18n::provide_i18n();
    view! {
        <Router>
            <a class="skip-link" href="#main">{t!("skip-to-content")}</a>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>{t!("footer-text")}</p>
            </footer>
        </Router>
    }
}
