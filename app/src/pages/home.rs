//! `/`: what the portal does, and its promises to the resident.

use leptos::prelude::*;

use crate::t;

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="hero" aria-labelledby="home-heading">
            <h1 id="home-heading">{t!("home-heading")}</h1>
            <p class="lead">{t!("home-lead")}</p>
        </section>
        <section class="card" aria-labelledby="promises-heading">
            <h2 id="promises-heading">{t!("home-promises-heading")}</h2>
            <ul class="promises">
                <li>{t!("home-promise-anonymous")}</li>
                <li>{t!("home-promise-local")}</li>
                <li>{t!("home-promise-time")}</li>
            </ul>
        </section>
        <section class="card" aria-labelledby="layers-heading">
            <h2 id="layers-heading">{t!("home-layers-heading")}</h2>
            <ul class="layers">
                <li>{t!("home-layer-basic")}</li>
                <li>{t!("home-layer-special")}</li>
                <li>{t!("home-layer-urgent")}</li>
            </ul>
            <p class="note">{t!("home-disclaimer")}</p>
        </section>
    }
}
