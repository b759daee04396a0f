//! The top bar: the app's name (a link home) and the language switch.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::display::TextSizeToggle;
use crate::components::lang_switch::LangSwitch;
use crate::{links, t};

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <nav class="site-nav" aria-label=t!("nav-label")>
                <A href="/" attr:class="brand" attr:rel=links::rel("/")>
                    <img src="/icons/icon.svg" alt="" width="32" height="32"/>
                    <span>{t!("app-name")}</span>
                </A>
                <A href="/programs" attr:class="nav-link" attr:rel=links::rel("/programs")>{t!("nav-guide")}</A>
                <A href="/track" attr:class="nav-link" attr:rel=links::rel("/track")>{t!("nav-track")}</A>
            </nav>
            <div class="header-tools">
                <TextSizeToggle/>
                <LangSwitch/>
            </div>
        </header>
    }
}
