//! Any path the router does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{links, t};

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="card not-found" aria-labelledby="notfound-heading">
            <h1 id="notfound-heading">{t!("notfound-heading")}</h1>
            <p>{t!("notfound-body")}</p>
            <A href="/" attr:class="button" attr:rel=links::rel("/")>{t!("notfound-home-link")}</A>
        </section>
    }
}
