//! Sign-in: username and password, posted as JSON by `fetch` (the form has
//! `method="post"` and is never submitted by the browser itself, so the
//! password can never end up in a URL).

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::app::{Auth, auth};
use crate::{i18n, t};

#[component]
pub fn SignIn() -> impl IntoView {
    let auth = auth();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    // A message id, so that it follows a language switch.
    let error = RwSignal::new(None::<&'static str>);
    let username_ref = NodeRef::<html::Input>::new();
    let password_ref = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = username_ref.get() {
            let _ = input.focus();
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (name, pass) = (username.get_untracked(), password.get_untracked());
        if name.trim().is_empty() || pass.is_empty() {
            error.set(Some("signin-required"));
            let empty = if name.trim().is_empty() {
                username_ref
            } else {
                password_ref
            };
            if let Some(input) = empty.get_untracked() {
                let _ = input.focus();
            }
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = api::sign_in(name.trim(), &pass).await;
            busy.set(false);
            match result {
                Ok(worker) => {
                    password.set(String::new());
                    auth.set(Auth::SignedIn(worker));
                }
                Err(e) => {
                    error.set(Some(match &e {
                        api::Error::Status(401, _) => "signin-bad-credentials",
                        api::Error::Status(429, _) => "signin-rate-limited",
                        other => other.message_id(),
                    }));
                    password.set(String::new());
                    if let Some(input) = password_ref.get_untracked() {
                        let _ = input.focus();
                    }
                }
            }
        });
    };
    let described = move || error.get().map(|_| "signin-error");
    view! {
        <section class="signin card">
            <h1>{t!("signin-heading")}</h1>
            <p class="lead">{t!("signin-lead")}</p>
            <form method="post" on:submit=submit novalidate>
                <div class="field">
                    <label for="signin-username">{t!("signin-username")}</label>
                    <input
                        id="signin-username"
                        name="username"
                        type="text"
                        autocomplete="username"
                        autocapitalize="none"
                        spellcheck="false"
                        required
                        node_ref=username_ref
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby=described
                        bind:value=username
                    />
                </div>
                <div class="field">
                    <label for="signin-password">{t!("signin-password")}</label>
                    <input
                        id="signin-password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        node_ref=password_ref
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby=described
                        bind:value=password
                    />
                </div>
                <p class="error" id="signin-error" role="alert">
                    {move || error.get().map(i18n::tr).unwrap_or_default()}
                </p>
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || if busy.get() { i18n::tr("signin-busy") } else { i18n::tr("signin-submit") }}
                </button>
            </form>
        </section>
    }
}
