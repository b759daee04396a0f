//! The layout around every page, the same in both bundles (and in the first
//! paint, `xtask/first-paint.html`): skip link, header, main, footer. The
//! full app adds the event bar (`event_bar`) under the header.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::header::Header;
use crate::{links, t};

#[component]
pub fn Frame(
    /// Shown between the header and the page (the full app's event bar).
    #[prop(optional)]
    bar: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{t!("skip-to-content")}</a>
        <Header/>
        {bar.map(|bar| bar.run())}
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <p>{t!("footer-text")}</p>
            <p><A href="/event" attr:rel=links::rel("/event")>{t!("footer-event")}</A></p>
        </footer>
    }
}
