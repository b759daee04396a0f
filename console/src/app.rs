//! The root: language, who is signed in, the header and the routes. Until
//! the server confirms a session, no page but sign-in is shown; a 401 from
//! any call brings sign-in back, and signing in returns to the same page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::api::{self, Worker};
use crate::components::LangSwitch;
use crate::pages::{
    audit::AuditPage, batch::BatchPage, case::CasePage, queue::QueuePage, signin::SignIn,
};
use crate::{i18n, t};

/// Where the console is served; the router matches below it.
pub const BASE: &str = "/console";

/// A link to one of the console's pages. The router's `base` applies to
/// matching only: `<A>` takes its `href` as written.
pub fn href(path: &str) -> String {
    format!("{BASE}{path}")
}

/// Where the session stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Auth {
    /// Asking the server whether this browser has a session.
    Checking,
    SignedOut,
    SignedIn(Worker),
}

/// The queue's filters, kept while the worker opens cases and comes back.
#[derive(Clone, Copy)]
pub struct Filters {
    /// `open`, `all` or one status.
    pub status: RwSignal<String>,
    /// One jurisdiction code, or empty for all of the worker's.
    pub jurisdiction: RwSignal<String>,
}

/// The session signal.
pub fn auth() -> RwSignal<Auth> {
    expect_context::<RwSignal<Auth>>()
}

/// The signed-in worker (pages render only when there is one).
pub fn worker() -> Option<Worker> {
    match auth().get() {
        Auth::SignedIn(w) => Some(w),
        _ => None,
    }
}

/// A role's name in the worker's language.
pub fn role_name(role: &str) -> String {
    match role {
        "township" => i18n::tr("role-township"),
        "county" => i18n::tr("role-county"),
        "admin" => i18n::tr("role-admin"),
        other => other.to_owned(),
    }
}

#[component]
pub fn App() -> impl IntoView {
    i18n::provide_i18n();
    let auth = RwSignal::new(Auth::Checking);
    provide_context(auth);
    provide_context(Filters {
        status: RwSignal::new("open".to_owned()),
        jurisdiction: RwSignal::new(String::new()),
    });
    api::on_unauthorized(move || auth.set(Auth::SignedOut));
    spawn_local(async move {
        auth.set(match api::session().await {
            Ok(worker) => Auth::SignedIn(worker),
            Err(_) => Auth::SignedOut,
        });
    });
    view! {
        <Router base=BASE>
            <a class="skip-link" href="#main">{t!("skip-to-content")}</a>
            <Header/>
            <main id="main" tabindex="-1">
                {move || match auth.get() {
                    Auth::Checking => {
                        view! { <p class="loading" role="status">{t!("loading")}</p> }.into_any()
                    }
                    Auth::SignedOut => view! { <SignIn/> }.into_any(),
                    Auth::SignedIn(_) => {
                        view! {
                            <Routes fallback=NotFound>
                                <Route path=path!("/") view=QueuePage/>
                                <Route path=path!("/cases/:code") view=CasePage/>
                                <Route path=path!("/audit") view=AuditPage/>
                                <Route path=path!("/batch") view=BatchPage/>
                            </Routes>
                        }
                            .into_any()
                    }
                }}
            </main>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let auth = auth();
    let signing_out = RwSignal::new(false);
    let sign_out = move |_| {
        signing_out.set(true);
        spawn_local(async move {
            // Whatever the answer, this browser forgets the session: a
            // failed sign-out must not leave the console open.
            let _ = api::sign_out().await;
            signing_out.set(false);
            auth.set(Auth::SignedOut);
        });
    };
    view! {
        <header class="site-header">
            <A href=href("/") exact=true attr:class="brand">
                <img src="/icons/icon.svg" alt="" width="32" height="32"/>
                <span>{t!("console-name")}</span>
            </A>
            {move || {
                worker()
                    .map(|w| {
                        let admin = w.role == "admin";
                        let who = {
                            let w = w.clone();
                            move || {
                                i18n::tr_args(
                                    "signed-in-as",
                                    &[("name", w.name.clone()), ("role", role_name(&w.role))],
                                )
                            }
                        };
                        view! {
                            <nav class="site-nav" aria-label=t!("nav-label")>
                                <A href=href("/") exact=true attr:class="nav-link">{t!("nav-queue")}</A>
                                <A href=href("/batch") attr:class="nav-link">{t!("nav-batch")}</A>
                                {admin
                                    .then(|| {
                                        view! {
                                            <A href=href("/audit") attr:class="nav-link">
                                                {t!("nav-audit")}
                                            </A>
                                        }
                                    })}
                            </nav>
                            <p class="who">{who}</p>
                            <button
                                type="button"
                                class="header-button"
                                on:click=sign_out
                                disabled=move || signing_out.get()
                            >
                                {t!("sign-out")}
                            </button>
                        }
                    })
            }}
            <LangSwitch/>
        </header>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1>{t!("notfound-heading")}</h1>
        <p>
            <A href=href("/") exact=true>{t!("notfound-link")}</A>
        </p>
    }
}
