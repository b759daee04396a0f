//! `/event`: switch community-event mode on or off, and the large QR code of
//! the event's link for residents to scan with their own phones.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::components::region_picker::RegionPicker;
use crate::event::{EventSetup, next_family, use_event};
use crate::filing::use_filings;
use crate::i18n::{self, tr, tr_args};
use crate::state::{self, use_store};
use crate::t;

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

#[component]
pub fn EventPage() -> impl IntoView {
    let event = use_event();
    let store = use_store();
    let region = move || store.draft.with(|d| d.region().map(str::to_owned));
    let start = move |_| {
        if let Some(code) = region() {
            event.start(EventSetup {
                region: code,
                lang: i18n::current().tag().to_owned(),
            });
        }
    };
    view! {
        <h1>{t!("event-title")}</h1>
        {move || match event.0.get() {
            None => view! {
                <section class="card" aria-labelledby="event-what">
                    <h2 id="event-what">{t!("event-what-heading")}</h2>
                    <ul>
                        <li>{t!("event-what-next")}</li>
                        <li>{t!("event-what-qr")}</li>
                        <li>{t!("event-what-offline")}</li>
                    </ul>
                </section>
                <section class="card" aria-labelledby="event-place">
                    <h2 id="event-place">{t!("event-place-heading")}</h2>
                    {move || region().and_then(|c| state::region(&c)).map(|r| view! {
                        <p>{t!("event-place-chosen")}" "<strong lang="zh-CN">{r.name}</strong></p>
                        <button type="button" id="event-start" class="button primary" on:click=start>
                            {t!("event-start")}
                        </button>
                        <p class="hint">{t!("event-or-pick")}</p>
                    })}
                    <RegionPicker/>
                </section>
            }
            .into_any(),
            Some(setup) => view! { <EventOn setup=setup/> }.into_any(),
        }}
    }
}

#[component]
fn EventOn(setup: EventSetup) -> impl IntoView {
    let event = use_event();
    let link = setup.link(&origin());
    let qr = crate::share::qr_svg(&link).unwrap_or_default();
    let place = state::region(&setup.region)
        .map(|r| r.name)
        .unwrap_or_default();
    let lang_id = format!("lang-{}", setup.lang);
    view! {
        <section class="card event-qr-card" aria-labelledby="event-qr-heading">
            <h2 id="event-qr-heading">{t!("event-qr-heading")}</h2>
            <p><strong lang="zh-CN">{place}</strong>" · "<span>{move || tr(&lang_id)}</span></p>
            <div class="qr event-qr" role="img" aria-label=t!("event-qr-heading") inner_html=qr></div>
            <label for="event-link">{t!("share-link-label")}</label>
            <input id="event-link" type="text" readonly prop:value=link/>
        </section>
        <section class="card">
            <NextFamily/>
            <button type="button" id="event-stop" class="button secondary" on:click=move |_| event.stop()>
                {t!("event-stop")}
            </button>
        </section>
    }
}

/// "Next family", with a confirmation: it wipes the answers on screen.
#[component]
pub fn NextFamily() -> impl IntoView {
    let event = use_event();
    let store = use_store();
    let filings = use_filings();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let waiting = move || filings.outbox.with(Vec::len);
    view! {
        <div class="next-family">
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button primary next-family-button" on:click=move |_| confirming.set(true)>
                        {t!("event-next")}
                    </button>
                }
            >
                <p role="alert">{t!("event-next-confirm")}</p>
                {move || (waiting() > 0).then(|| view! {
                    <p class="hint">{move || tr_args("event-next-waiting", [("count", waiting().to_string().as_str())])}</p>
                })}
                <button type="button" class="button danger next-family-yes" on:click={
                    let navigate = navigate.clone();
                    move |_| {
                        next_family(store, filings, event);
                        confirming.set(false);
                        navigate("/check/members", Default::default());
                    }
                }>
                    {t!("event-next-yes")}
                </button>
                <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>
                    {t!("clear-data-no")}
                </button>
            </Show>
        </div>
    }
}

/// Across the top of every page while event mode is on: that it is on, the
/// QR code's page, and "next family".
#[component]
pub fn EventBar() -> impl IntoView {
    let event = use_event();
    let location = leptos_router::hooks::use_location();
    // The event page has its own "next family".
    let on_event_page = move || location.pathname.with(|p| p == "/event");
    move || {
        (event.is_on() && !on_event_page()).then(|| {
            view! {
                <aside class="event-bar no-print" aria-label=t!("event-bar-label")>
                    <p>
                        <strong>{t!("event-on")}</strong>" "
                        <A href="/event">{t!("event-show-qr")}</A>
                    </p>
                    <NextFamily/>
                </aside>
            }
        })
    }
}
