//! `/`: what the portal does, its promises, and where to start.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::region_picker::RegionPicker;
use crate::place::use_place;
use crate::{links, state, t};

#[component]
pub fn Home() -> impl IntoView {
    let place = use_place();
    let query = use_query_map();
    let cleared = move || query.with(|q| q.get("cleared").is_some());
    let region = move || {
        place
            .code
            .with(|c| c.as_deref().and_then(state::region).map(|r| r.name))
    };
    view! {
        <Show when=cleared>
            <p class="notice success" role="status">{t!("clear-data-done")}</p>
        </Show>
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
        <section class="card start" aria-labelledby="start-heading">
            <h2 id="start-heading">{t!("home-start-heading")}</h2>
            {move || region().map(|name| view! {
                <p>
                    {t!("home-continue-in")}" "<strong lang="zh-CN">{name}</strong>
                </p>
                <A href="/check/members" attr:class="button start-check" attr:rel=links::rel("/check/members")>{t!("home-start")}</A>
                <p class="hint">{t!("home-or-pick")}</p>
            })}
            <RegionPicker/>
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
