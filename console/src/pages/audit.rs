//! The audit log, for administrators: newest first, a page at a time, older
//! pages by the last id seen (`before`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, AuditEntry};
use crate::app::worker;
use crate::{format, i18n, t};

/// Entries per page.
const PAGE: u32 = 50;

/// An action code in the worker's language (`case.view` →
/// `audit-action-case-view`); an unknown one as recorded.
fn action_name(action: &str) -> String {
    let id = format!("audit-action-{}", action.replace(['.', '_'], "-"));
    if i18n::has(&id) {
        i18n::tr(&id)
    } else {
        action.to_owned()
    }
}

fn actor_name(actor: &str) -> String {
    match actor {
        "applicant" => i18n::tr("actor-applicant"),
        other => other.strip_prefix("worker:").unwrap_or(other).to_owned(),
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let admin = move || worker().is_some_and(|w| w.role == "admin");
    view! {
        <h1>{t!("audit-heading")}</h1>
        {move || {
            if admin() {
                view! { <AuditLog/> }.into_any()
            } else {
                view! { <p class="notice">{t!("audit-forbidden")}</p> }.into_any()
            }
        }}
    }
}

#[component]
fn AuditLog() -> impl IntoView {
    // The `before` of the page shown; `None` is the newest page.
    let before = RwSignal::new(None::<i64>);
    let data = RwSignal::new(None::<Result<Vec<AuditEntry>, api::Error>>);
    Effect::new(move |_| {
        let b = before.get();
        data.set(None);
        spawn_local(async move { data.set(Some(api::audit(b, PAGE).await)) });
    });
    view! {
        <p class="lead">{t!("audit-lead")}</p>
        {move || match data.get() {
            None => view! { <p class="loading" role="status">{t!("loading")}</p> }.into_any(),
            Some(Err(e)) => {
                view! { <p class="notice error-notice" role="alert">{move || i18n::tr(e.message_id())}</p> }
                    .into_any()
            }
            Some(Ok(entries)) => {
                let oldest = entries.last().map(|e| e.id);
                let full = entries.len() as u32 == PAGE;
                view! {
                    {if entries.is_empty() {
                        view! { <p>{t!("audit-empty")}</p> }.into_any()
                    } else {
                        view! {
                            <table class="audit">
                                <caption class="visually-hidden">{t!("audit-heading")}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{t!("col-at")}</th>
                                        <th scope="col">{t!("col-actor")}</th>
                                        <th scope="col">{t!("col-action")}</th>
                                        <th scope="col">{t!("col-subject")}</th>
                                        <th scope="col">{t!("col-detail")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {entries
                                        .into_iter()
                                        .map(|e| {
                                            let actor = e.actor.clone();
                                            let action = e.action.clone();
                                            view! {
                                                <tr>
                                                    <td data-label=t!("col-at")>
                                                        <time datetime=e.at.clone()>{format::datetime(&e.at)}</time>
                                                    </td>
                                                    <td data-label=t!("col-actor")>{move || actor_name(&actor)}</td>
                                                    <td data-label=t!("col-action")>{move || action_name(&action)}</td>
                                                    <td data-label=t!("col-subject")>{e.subject.unwrap_or_default()}</td>
                                                    <td data-label=t!("col-detail")>{e.detail.unwrap_or_default()}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                            .into_any()
                    }}
                    <div class="pager">
                        {move || {
                            before
                                .get()
                                .is_some()
                                .then(|| {
                                    view! {
                                        <button type="button" class="button secondary" on:click=move |_| before.set(None)>
                                            {t!("audit-newest")}
                                        </button>
                                    }
                                })
                        }}
                        {(full && oldest.is_some())
                            .then(|| {
                                view! {
                                    <button type="button" class="button secondary" on:click=move |_| before.set(oldest)>
                                        {t!("audit-older")}
                                    </button>
                                }
                            })}
                    </div>
                }
                    .into_any()
            }
        }}
    }
}
