//! `/track` and `/track/:code`: follow an application to its decision with
//! the tracking code and the last 4 digits of the mobile (which travel in a
//! header, never in the address). The address with the code can be
//! bookmarked; on the phone that filed it, the digits are remembered.

use api_boundary::filing::{STEPS, Tracking};
use api_boundary::ids::TrackingCode;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use rules_core::ProgramId;
use rules_core::money::Period;

use crate::api::{self, Failure};
use crate::filing::use_filings;
use crate::i18n::{tr, tr_args};
use crate::pages::program_name_id;
use crate::state;
use crate::t;

fn step_label(step: &str) -> &'static str {
    match step {
        "submitted" => "track-step-submitted",
        "accepted" => "track-step-accepted",
        "investigation" => "track-step-investigation",
        "review" => "track-step-review",
        "publicity" => "track-step-publicity",
        _ => "track-step-decision",
    }
}

fn status_label(status: &str) -> &'static str {
    match status {
        "approved" => "track-status-approved",
        "rejected" => "track-status-rejected",
        "withdrawn" => "track-status-withdrawn",
        other => step_label(other),
    }
}

/// "¥1,102/month" and the like (the results page's wording).
fn award_text(amount: &str, period: Period) -> String {
    let id = match period {
        Period::Month => "amount-per-month",
        Period::Year => "amount-per-year",
        Period::Day => "amount-per-day",
        Period::Once | Period::Share => "amount-once",
    };
    tr_args(id, [("value", amount)])
}

#[derive(Clone)]
enum Look {
    Idle,
    Loading,
    Found(Box<Tracking>),
    Failed(&'static str),
}

#[component]
pub fn Track() -> impl IntoView {
    let params = use_params_map();
    let filings = use_filings();
    let navigate = use_navigate();
    let from_path = move || params.with(|p| p.get("code")).unwrap_or_default();
    let code = RwSignal::new(from_path());
    let last4 = RwSignal::new(filings.last4_of(&from_path()).unwrap_or_default());
    let code_error = RwSignal::new(None::<&'static str>);
    let last4_error = RwSignal::new(None::<&'static str>);
    let look = RwSignal::new(Look::Idle);

    let fetch = move |code_text: String, digits: String| {
        look.set(Look::Loading);
        leptos::task::spawn_local(async move {
            let result = api::track(&code_text, &digits).await;
            look.set(match result {
                Ok(t) => Look::Found(Box::new(t)),
                Err(Failure::Offline) => Look::Failed("track-offline"),
                Err(Failure::Refused(c)) if c == "rate_limited" => {
                    Look::Failed("track-rate-limited")
                }
                Err(Failure::Refused(c)) if c == "invalid_code" => {
                    Look::Failed("track-error-code-check")
                }
                Err(_) => Look::Failed("track-not-found"),
            });
        });
    };
    // Opened from a bookmark or a receipt on the phone that filed it: look it up at once.
    if !last4.get_untracked().is_empty() && TrackingCode::parse(&code.get_untracked()).is_ok() {
        fetch(code.get_untracked(), last4.get_untracked());
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let parsed = TrackingCode::parse(&code.get_untracked());
        code_error.set(match &parsed {
            Ok(_) => None,
            Err("check_char") => Some("track-error-code-check"),
            Err(_) => Some("track-error-code-format"),
        });
        let digits = last4.get_untracked().trim().to_owned();
        let digits_ok = digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit());
        last4_error.set((!digits_ok).then_some("track-error-last4"));
        match parsed {
            Ok(parsed) if digits_ok => {
                let normal = parsed.as_str().to_owned();
                // The code (not personal data) goes in the address, for bookmarks.
                navigate(&format!("/track/{normal}"), Default::default());
                code.set(normal.clone());
                fetch(normal, digits);
            }
            Err(_) => crate::pages::apply_focus("track-code"),
            _ => crate::pages::apply_focus("track-last4"),
        }
    };
    let mine = move || filings.cases.get();
    view! {
        <h1>{t!("track-title")}</h1>
        <p class="step-intro">{t!("track-intro")}</p>
        <form class="card" novalidate on:submit=submit>
            <div class="field text">
                <label for="track-code">{t!("track-code")}</label>
                <input id="track-code" type="text" autocomplete="off" autocapitalize="characters"
                    aria-invalid=move || code_error.get().is_some().to_string()
                    aria-describedby="track-code-error"
                    prop:value=move || code.get()
                    on:input=move |ev| code.set(event_target_value(&ev))/>
                <p class="error" id="track-code-error" role="alert">{move || code_error.get().map(tr)}</p>
            </div>
            <div class="field text">
                <label for="track-last4">{t!("track-last4")}</label>
                <input id="track-last4" type="text" inputmode="numeric" maxlength="4" autocomplete="off"
                    aria-invalid=move || last4_error.get().is_some().to_string()
                    aria-describedby="track-last4-error"
                    prop:value=move || last4.get()
                    on:input=move |ev| last4.set(event_target_value(&ev))/>
                <p class="error" id="track-last4-error" role="alert">{move || last4_error.get().map(tr)}</p>
            </div>
            <button type="submit" class="button primary">{t!("track-submit")}</button>
        </form>
        <div aria-live="polite">
            {move || match look.get() {
                Look::Idle => ().into_any(),
                Look::Loading => view! { <p class="notice" role="status">{t!("track-loading")}</p> }.into_any(),
                Look::Failed(id) => view! { <p class="notice error" role="alert">{move || tr(id)}</p> }.into_any(),
                Look::Found(t) => view! { <Timeline tracking=*t/> }.into_any(),
            }}
        </div>
        {move || {
            let waiting = filings.outbox.get();
            (!waiting.is_empty()).then(|| view! {
                <section class="card waiting" aria-labelledby="track-waiting-heading">
                    <h2 id="track-waiting-heading">{t!("track-waiting")}</h2>
                    <p>{t!("track-waiting-note")}</p>
                    <ul>
                        {waiting.into_iter().map(|p| {
                            let place = state::region(&p.jurisdiction).map(|r| r.name).unwrap_or_default();
                            view! { <li><span lang="zh-CN">{place}</span></li> }
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button" disabled=move || filings.sending.get()
                        on:click=move |_| leptos::task::spawn_local(async move {
                            filings.flush().await;
                        })>
                        {move || if filings.sending.get() { tr("track-waiting-sending") } else { tr("track-waiting-send") }}
                    </button>
                </section>
            })
        }}
        {move || {
            let cases = mine();
            (!cases.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="track-mine-heading">
                    <h2 id="track-mine-heading">{t!("track-mine")}</h2>
                    <ul>
                        {cases.into_iter().rev().map(|c| {
                            let href = format!("/track/{}", c.code);
                            let place = state::region(&c.jurisdiction).map(|r| r.name).unwrap_or_default();
                            view! {
                                <li>
                                    <A href=href>{c.code.clone()}</A>
                                    " "<span lang="zh-CN">{place}</span>" "
                                    <span>{move || tr_args("track-mine-date", [("date", c.submitted_on.as_str())])}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}
    }
}

#[component]
fn Timeline(tracking: Tracking) -> impl IntoView {
    let today = state::today().to_string();
    let status = tracking.status.clone();
    let status_id = status_label(&status);
    let place = tracking.jurisdiction.name.clone();
    let responsible = tracking.responsible_office.clone();
    let steps = STEPS
        .iter()
        .filter_map(|name| tracking.steps.iter().find(|s| s.step == *name).cloned())
        .map(|s| {
            let overdue = !s.reached && s.deadline.as_deref().is_some_and(|d| d < today.as_str());
            let label = step_label(&s.step);
            view! {
                <li class="step" class:reached=s.reached class:overdue=overdue data-step=s.step.clone()>
                    <span class="step-mark" aria-hidden="true">{if s.reached { "✓" } else { "○" }}</span>
                    <div>
                        <strong>{move || tr(label)}</strong>
                        {s.date.clone().map(|d| view! { <br/><span>{move || tr_args("track-step-date", [("date", d.as_str())])}</span> })}
                        {(!s.reached).then(|| s.deadline.clone()).flatten().map(|d| view! {
                            <br/><span>{move || tr_args("track-step-deadline", [("date", d.as_str())])}</span>
                        })}
                        {overdue.then(|| view! { <br/><span class="overdue-note">{t!("track-step-overdue")}</span> })}
                        {s.responsible.clone().map(|r| view! { <br/><span class="hint" lang="zh-CN">{r}</span> })}
                    </div>
                </li>
            }
        })
        .collect_view();
    let decision = tracking.decision.clone().map(|d| {
        let awards = d.awards.clone();
        let reason = d.reason.clone();
        let label = status_label(&d.outcome);
        view! {
            <section class="card verdict" data-outcome=d.outcome.clone() aria-labelledby="decision-heading">
                <h2 id="decision-heading">{move || tr(label)}</h2>
                <ul>
                    {awards.into_iter().map(|a| {
                        let name = ProgramId::parse(&a.program).map(program_name_id);
                        let (amount, period) = (a.amount.clone(), a.period);
                        view! {
                            <li data-program=a.program.clone()>
                                {move || name.map(tr).unwrap_or_default()}": "
                                {move || award_text(&amount, period)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {reason.map(|r| view! { <p><span>{t!("track-reason")}</span>" "<span lang="zh-CN">{r}</span></p> })}
            </section>
        }
    });
    view! {
        <section class="card timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{move || tr_args("track-case", [("code", tracking.tracking_code.as_str())])}</h2>
            <p>
                <span lang="zh-CN">{place}</span>" · "
                <span class="status" data-status=status.clone()>{move || tr(status_id)}</span>
            </p>
            {tracking.urgent.then(|| view! { <p class="notice urgent">{t!("receipt-urgent")}</p> })}
            {responsible.map(|r| view! { <p>{t!("track-responsible")}" "<span lang="zh-CN">{r}</span></p> })}
            <ol class="steps">{steps}</ol>
        </section>
        {decision}
    }
}
