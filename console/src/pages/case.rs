//! One case, for the investigation and the decision: the applicant in full,
//! the household, the server's screening and where the resident's phone
//! disagreed, the consent, documents, history and decision; the moves this
//! account may make (each with a note; approval with amounts) and the
//! assignment. After a move the page shows the case as the server answered.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use serde_json::Value;

use crate::api::{self, AccountRef, Award, Case, FieldError};
use crate::components::{FieldErrorText, error_for};
use crate::{format, i18n, t, tn};

/// What the page says after an action.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    Moved(String),
    Assigned(String),
    /// Someone moved the case first; the page shows its current state.
    Conflict,
}

#[component]
pub fn CasePage() -> impl IntoView {
    let params = use_params_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let data = RwSignal::new(None::<Result<Case, api::Error>>);
    let notice = RwSignal::new(None::<Notice>);
    let load = move || {
        let code = code.get();
        data.set(None);
        spawn_local(async move {
            data.set(Some(api::case(&code).await));
        });
    };
    Effect::new(move |_| load());
    view! {
        <p class="back">
            <A href=crate::app::href("/") exact=true>{t!("case-back")}</A>
        </p>
        <h1>{move || tn!("case-heading", code = code.get())}</h1>
        {move || match data.get() {
            None => view! { <p class="loading" role="status">{t!("loading")}</p> }.into_any(),
            Some(Err(e)) => {
                view! {
                    <div class="notice error-notice" role="alert">
                        <p>{move || i18n::tr(e.message_id())}</p>
                    </div>
                }
                    .into_any()
            }
            Some(Ok(case)) => view! { <CaseView case data notice/> }.into_any(),
        }}
    }
}

#[component]
fn CaseView(
    case: Case,
    data: RwSignal<Option<Result<Case, api::Error>>>,
    notice: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let notice_ref = NodeRef::<html::Div>::new();
    // Move focus to the result of an action, so keyboard and screen-reader
    // users land on what happened.
    Effect::new(move |_| {
        if notice.get().is_some()
            && let Some(el) = notice_ref.get()
        {
            let _ = el.focus();
        }
    });
    let notice_text = move || {
        notice.get().map(|n| match n {
            Notice::Moved(status) => {
                i18n::tr_args("action-done", &[("status", i18n::status_name(&status))])
            }
            Notice::Assigned(name) => i18n::tr_args("assign-done", &[("name", name)]),
            Notice::Conflict => i18n::tr("error-conflict"),
        })
    };
    let is_conflict = move || notice.get() == Some(Notice::Conflict);
    view! {
        <div
            class="notice action-notice"
            class:error-notice=is_conflict
            role="status"
            tabindex="-1"
            node_ref=notice_ref
            hidden=move || notice.get().is_none()
        >
            {notice_text}
        </div>
        <Summary case=case.clone()/>
        <Actions case=case.clone() data notice/>
        <Applicant case=case.clone()/>
        <Household household=case.household.clone()/>
        <Screening case=case.clone()/>
        <Consent case=case.clone()/>
        <Documents case=case.clone()/>
        <History case=case.clone()/>
        <Decision case=case.clone()/>
        <Assign case data notice/>
    }
}

/// A `<dt>`/`<dd>` pair.
fn pair(label: impl IntoView + 'static, value: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div class="pair">
            <dt>{label}</dt>
            <dd>{value}</dd>
        </div>
    }
}

/// A 身份证 number that a narrow screen may break only between its parts
/// (region, date of birth, sequence and check character), never inside one.
fn id_number(id: String) -> impl IntoView {
    let parts: Vec<String> = if id.len() == 18 && id.is_ascii() {
        vec![
            id[..6].to_owned(),
            id[6..14].to_owned(),
            id[14..].to_owned(),
        ]
    } else {
        vec![id]
    };
    let parts = parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| view! { {(i > 0).then(|| view! { <wbr/> })} {part} })
        .collect_view();
    view! { <span class="mono id-number">{parts}</span> }
}

#[component]
fn Summary(case: Case) -> impl IntoView {
    let s = case.summary;
    let status = s.status.clone();
    let programs = s.programs.clone();
    let deadline = s.deadline.clone();
    let overdue = s.overdue;
    view! {
        <section class="card" aria-labelledby="summary-h">
            <h2 id="summary-h">{t!("case-summary")}</h2>
            {s.urgent.then(|| view! { <p class="badge urgent">{t!("urgent-mark")}</p> })}
            <dl class="pairs">
                {pair(t!("col-status"), move || i18n::status_name(&status))}
                {pair(t!("col-jurisdiction"), format!("{} {}", s.jurisdiction_name, s.jurisdiction))}
                {pair(
                    t!("col-programs"),
                    move || i18n::join(programs.iter().map(|p| i18n::program_name(p))),
                )}
                {pair(t!("col-submitted"), format::datetime(&s.submitted_at))}
                {pair(
                    t!("col-deadline"),
                    view! {
                        {deadline.clone().unwrap_or_default()}
                        {deadline.is_none().then(|| t!("none"))}
                        {overdue
                            .then(|| view! { <span class="badge overdue">{t!("overdue-mark")}</span> })}
                    },
                )}
                {pair(
                    t!("col-assigned"),
                    match s.assigned_to {
                        Some(a) => format!("{} · {}", a.name, a.office).into_any(),
                        None => t!("not-assigned").into_any(),
                    },
                )}
                {s.helper_code.map(|h| pair(t!("col-helper"), h))}
            </dl>
        </section>
    }
}

#[component]
fn Applicant(case: Case) -> impl IntoView {
    let a = case.applicant;
    view! {
        <section class="card" aria-labelledby="applicant-h">
            <h2 id="applicant-h">{t!("case-applicant")}</h2>
            <dl class="pairs">
                {pair(t!("applicant-name"), a.name)}
                {pair(t!("applicant-resident-id"), id_number(a.resident_id))}
                {pair(t!("applicant-mobile"), view! { <span class="mono">{a.mobile}</span> })}
                {pair(t!("applicant-address"), a.address)}
            </dl>
        </section>
    }
}

/// An answer of the questionnaire in the worker's language, through the
/// app's option messages (`opt-<prefix>-<value>`); a value without one is
/// shown as sent.
fn answer(prefix: &str, value: &str) -> String {
    // The app's ids that do not follow the value's name.
    let id = match (prefix, value) {
        ("income", "support_received") => "opt-income-support".to_owned(),
        ("income", "unemployment_benefit") => "opt-income-unemployment".to_owned(),
        ("income", "family_planning_award") => "opt-income-family-planning".to_owned(),
        ("income", "resident_basic_pension") => "opt-income-resident-pension".to_owned(),
        ("emergency", "sudden_illness") => "opt-emergency-illness".to_owned(),
        ("emergency", "natural_disaster") => "opt-emergency-disaster".to_owned(),
        _ => format!("opt-{prefix}-{}", value.replace('_', "-")),
    };
    if i18n::app_has(&id) {
        i18n::app_tr(&id)
    } else {
        value.to_owned()
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[component]
fn Household(household: Value) -> impl IntoView {
    let members = household["members"].as_array().cloned().unwrap_or_default();
    let count = members.len();
    let h = household.clone();
    let not_answered = || t!("not-answered");
    let field = move |key: &'static str| text_of(&h[key]);
    let money_assets = field("money_assets");
    let cars = field("cars");
    let homes = field("homes");
    let emergency = household["emergency"].as_str().map(str::to_owned);
    view! {
        <section class="card" aria-labelledby="household-h">
            <h2 id="household-h">{t!("case-household")}</h2>
            <p>{t!("household-size", count = count)}</p>
            <dl class="pairs">
                {pair(
                    t!("household-money-assets"),
                    match money_assets {
                        Some(v) => (move || i18n::money(&v)).into_any(),
                        None => not_answered().into_any(),
                    },
                )}
                {pair(
                    t!("household-cars"),
                    match cars {
                        Some(v) => v.into_any(),
                        None => not_answered().into_any(),
                    },
                )}
                {pair(
                    t!("household-homes"),
                    match homes {
                        Some(v) => v.into_any(),
                        None => not_answered().into_any(),
                    },
                )}
                {pair(
                    t!("household-emergency"),
                    match emergency {
                        Some(v) => (move || answer("emergency", &v)).into_any(),
                        None => not_answered().into_any(),
                    },
                )}
            </dl>
            <ol class="members">
                {members
                    .into_iter()
                    .enumerate()
                    .map(|(i, m)| view! { <Member n=i + 1 member=m/> })
                    .collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn Member(n: usize, member: Value) -> impl IntoView {
    let opt = |prefix: &'static str, v: &Value| {
        let v = v.as_str().map(str::to_owned);
        move || match &v {
            Some(v) => answer(prefix, v),
            None => i18n::tr("not-answered"),
        }
    };
    let relation = opt("relation", &member["relation"]);
    let sex = opt("sex", &member["sex"]);
    let self_care = opt("self-care", &member["self_care"]);
    let age = member["age"].as_u64();
    let hukou = member["hukou"].clone();
    let hukou_text = move || {
        let mut parts = Vec::new();
        match hukou["local"].as_bool() {
            Some(true) => parts.push(i18n::tr("hukou-local")),
            Some(false) => parts.push(i18n::tr("hukou-elsewhere")),
            None => {}
        }
        if let Some(kind) = hukou["kind"].as_str() {
            parts.push(answer("hukou", kind));
        }
        if parts.is_empty() {
            i18n::tr("not-answered")
        } else {
            i18n::join(parts)
        }
    };
    let disability = member["disability"].clone();
    let disability_text = move || {
        if disability["has"].as_bool() != Some(true) {
            return match disability["has"].as_bool() {
                Some(false) => i18n::app_tr("answer-no"),
                _ => i18n::tr("not-answered"),
            };
        }
        let mut parts = Vec::new();
        if let Some(c) = disability["category"].as_str() {
            parts.push(answer("disability", c));
        }
        if let Some(g) = disability["grade"].as_u64() {
            parts.push(answer("grade", &g.to_string()));
        }
        if parts.is_empty() {
            i18n::app_tr("answer-yes")
        } else {
            i18n::join(parts)
        }
    };
    let incomes: Vec<(String, Option<String>)> = member["incomes"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|i| {
                    let kind = i["kind"].as_str()?.to_owned();
                    Some((kind, text_of(&i["monthly"])))
                })
                .collect()
        })
        .unwrap_or_default();
    let incomes_view = if incomes.is_empty() {
        t!("none").into_any()
    } else {
        view! {
            <ul class="incomes">
                {incomes
                    .into_iter()
                    .map(|(kind, monthly)| {
                        view! {
                            <li>
                                {move || {
                                    i18n::tr_args(
                                        "label-value",
                                        &[
                                            ("label", answer("income", &kind)),
                                            (
                                                "value",
                                                monthly
                                                    .as_deref()
                                                    .map(i18n::money)
                                                    .unwrap_or_else(|| i18n::tr("not-answered")),
                                            ),
                                        ],
                                    )
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <li class="member">
            <h3>{t!("member-heading", n = n)}</h3>
            <dl class="pairs">
                {pair(t!("member-relation"), relation)}
                {pair(
                    t!("member-age"),
                    match age {
                        Some(a) => t!("member-age-value", age = a).into_any(),
                        None => t!("not-answered").into_any(),
                    },
                )}
                {pair(t!("member-sex"), sex)}
                {pair(t!("member-hukou"), hukou_text)}
                {pair(t!("member-disability"), disability_text)}
                {pair(t!("member-self-care"), self_care)}
                {pair(t!("member-incomes"), incomes_view)}
            </dl>
        </li>
    }
}

/// A screening amount as the app shows it: value with its period, a share
/// as a percentage, "up to"/"at least" for bounds.
pub(crate) fn amount_text(amount: &Value) -> Option<String> {
    let value = amount["value"].as_str()?.to_owned();
    let period = amount["period"].as_str().unwrap_or("once");
    let text = if period == "share" {
        let percent = value
            .parse::<f64>()
            .map(|v| format!("{}", (v * 100.0).round()))
            .unwrap_or(value);
        return Some(app_args("amount-share", &[("percent", percent)]));
    } else {
        let money = i18n::money(&value);
        match period {
            "month" => app_args("amount-per-month", &[("value", money)]),
            "year" => app_args("amount-per-year", &[("value", money)]),
            "day" => app_args("amount-per-day", &[("value", money)]),
            _ => app_args("amount-once", &[("value", money)]),
        }
    };
    Some(match amount["bound"].as_str() {
        Some("up_to") => app_args("bound-up-to", &[("amount", text)]),
        Some("at_least") => app_args("bound-at-least", &[("amount", text)]),
        _ => text,
    })
}

fn app_args(id: &str, args: &[(&str, String)]) -> String {
    i18n::signal().track();
    let args: std::collections::HashMap<&str, String> =
        args.iter().map(|(k, v)| (*k, v.clone())).collect();
    i18n_embed::fluent::FluentLanguageLoader::get_args(&i18n::APP, id, args)
}

/// One row of the screening table.
fn decision_row(d: Value, applied: bool) -> impl IntoView {
    let program = d["program"].as_str().unwrap_or_default().to_owned();
    let outcome = d["outcome"].as_str().unwrap_or_default().to_owned();
    let amount = d["amount"].clone();
    let class = format!("outcome-{outcome}");
    view! {
        <tr class=class>
            <th scope="row" data-label=t!("screening-program")>
                {move || i18n::program_name(&program)}
                {applied.then(|| view! { <span class="badge">{t!("applied-mark")}</span> })}
            </th>
            <td data-label=t!("screening-outcome")>{move || i18n::outcome_name(&outcome)}</td>
            <td data-label=t!("screening-amount")>
                {move || amount_text(&amount).unwrap_or_else(|| "\u{2014}".to_owned())}
            </td>
        </tr>
    }
}

fn decision_table(rows: Vec<Value>, applied: bool) -> impl IntoView {
    view! {
        <table class="screening">
            <thead>
                <tr>
                    <th scope="col">{t!("screening-program")}</th>
                    <th scope="col">{t!("screening-outcome")}</th>
                    <th scope="col">{t!("screening-amount")}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|d| decision_row(d, applied)).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Screening(case: Case) -> impl IntoView {
    let applied = case.summary.programs.clone();
    let offered: Vec<Value> = case.server_screening["decisions"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|d| d["outcome"].as_str() != Some("not_offered"))
        .collect();
    // The programs applied for in the open; the rest of the screening
    // folded away (on a phone it would bury everything below it).
    let (mine, others): (Vec<Value>, Vec<Value>) = offered.into_iter().partition(|d| {
        applied
            .iter()
            .any(|p| Some(p.as_str()) == d["program"].as_str())
    });
    let others_count = others.len();
    let has_client = case.client_screening.is_some();
    // Where both gave an outcome and they differ, one line each; programs
    // applied for that the phone sent nothing for, in one line; the other
    // programs without a result on the phone, counted.
    let (differing, missing): (Vec<_>, Vec<_>) = case
        .differences
        .clone()
        .into_iter()
        .partition(|d| d.client.is_some());
    let (missing, missing_others): (Vec<_>, Vec<_>) = missing
        .into_iter()
        .partition(|d| applied.contains(&d.program));
    let missing_others = missing_others.len();
    view! {
        <section class="card" aria-labelledby="screening-h">
            <h2 id="screening-h">{t!("case-screening")}</h2>
            {if mine.is_empty() {
                view! { <p>{t!("screening-none")}</p> }.into_any()
            } else {
                decision_table(mine, true).into_any()
            }}
            {(others_count > 0)
                .then(|| {
                    view! {
                        <details class="other-programs">
                            <summary>{t!("screening-others", count = others_count)}</summary>
                            {decision_table(others, false)}
                        </details>
                    }
                })}
            <h3>{t!("case-differences")}</h3>
            {if !has_client {
                view! { <p>{t!("differences-no-client")}</p> }.into_any()
            } else if differing.is_empty() && missing.is_empty() && missing_others == 0 {
                view! { <p>{t!("differences-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="differences">
                        {differing
                            .into_iter()
                            .map(|d| {
                                view! {
                                    <li>
                                        {move || {
                                            i18n::tr_args(
                                                "difference-line",
                                                &[
                                                    ("program", i18n::program_name(&d.program)),
                                                    ("server", i18n::outcome_name(&d.server)),
                                                    (
                                                        "client",
                                                        d.client.as_deref().map(i18n::outcome_name).unwrap_or_default(),
                                                    ),
                                                ],
                                            )
                                        }}
                                    </li>
                                }
                            })
                            .collect_view()}
                        {(!missing.is_empty())
                            .then(|| {
                                view! {
                                    <li>
                                        {move || {
                                            i18n::tr_args(
                                                "differences-client-missing",
                                                &[
                                                    (
                                                        "programs",
                                                        i18n::join(missing.iter().map(|d| i18n::program_name(&d.program))),
                                                    ),
                                                ],
                                            )
                                        }}
                                    </li>
                                }
                            })}
                        {(missing_others > 0)
                            .then(|| {
                                view! {
                                    <li>{t!("differences-client-missing-others", count = missing_others)}</li>
                                }
                            })}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn Consent(case: Case) -> impl IntoView {
    let c = case.consent;
    view! {
        <section class="card" aria-labelledby="consent-h">
            <h2 id="consent-h">{t!("case-consent")}</h2>
            <dl class="pairs">
                {pair(t!("consent-name"), c.name)}
                {pair(t!("consent-version"), c.text_version)}
                {pair(t!("consent-at"), format::datetime(&c.at))}
            </dl>
        </section>
    }
}

#[component]
fn Documents(case: Case) -> impl IntoView {
    let code = case.summary.tracking_code.clone();
    let docs = case.documents;
    view! {
        <section class="card" aria-labelledby="documents-h">
            <h2 id="documents-h">{t!("case-documents")}</h2>
            {if docs.is_empty() {
                view! { <p>{t!("documents-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="documents">
                        {docs
                            .into_iter()
                            .map(|d| {
                                let href = api::document_url(&code, d.position);
                                let kind_id = match d.kind.as_str() {
                                    "hukou" => "document-hukou",
                                    "id_card" => "document-id-card",
                                    _ => "document-other",
                                };
                                let media = d.media_type.clone();
                                let size = format::kilobytes(d.size);
                                view! {
                                    <li>
                                        // `download` and rel=external: the router leaves the
                                        // click to the browser, which sends the session cookie.
                                        <a href=href download="" rel="external">
                                            {move || {
                                                i18n::tr_args(
                                                    "document-link",
                                                    &[
                                                        ("kind", i18n::tr(kind_id)),
                                                        ("type", media.clone()),
                                                        ("size", size.clone()),
                                                    ],
                                                )
                                            }}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

/// Who made a move, for the history: the resident, or a worker's account.
fn actor_name(actor: &str) -> String {
    match actor {
        "applicant" => i18n::tr("actor-applicant"),
        other => other.strip_prefix("worker:").unwrap_or(other).to_owned(),
    }
}

#[component]
fn History(case: Case) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="history-h">
            <h2 id="history-h">{t!("case-history")}</h2>
            <ol class="history">
                {case
                    .events
                    .into_iter()
                    .map(|e| {
                        let status = e.status.clone();
                        let actor = e.actor.clone();
                        view! {
                            <li>
                                <p class="event-head">
                                    <strong>{move || i18n::status_name(&status)}</strong>
                                    " · "
                                    <time datetime=e.at.clone()>{format::datetime(&e.at)}</time>
                                    " · "
                                    {move || actor_name(&actor)}
                                </p>
                                {e.note.map(|n| view! { <p class="event-note">{n}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn Decision(case: Case) -> impl IntoView {
    let body = match case.decision {
        None => view! { <p>{t!("decision-none")}</p> }.into_any(),
        Some(d) => {
            let outcome = d["outcome"].as_str().unwrap_or_default().to_owned();
            let awards = d["awards"].as_array().cloned().unwrap_or_default();
            let reason = d["reason"].as_str().map(str::to_owned);
            view! {
                <p>
                    <strong>{move || i18n::status_name(&outcome)}</strong>
                </p>
                {(!awards.is_empty())
                    .then(|| {
                        view! {
                            <ul class="awards">
                                {awards
                                    .into_iter()
                                    .map(|a| {
                                        let program = a["program"].as_str().unwrap_or_default().to_owned();
                                        // An award is `{program, amount, period}`; the
                                        // screening's amount shape names it `value`.
                                        let amount = serde_json::json!({
                                            "value": a["amount"], "period": a["period"]
                                        });
                                        view! {
                                            <li>
                                                {move || {
                                                    i18n::tr_args(
                                                        "label-value",
                                                        &[
                                                            ("label", i18n::program_name(&program)),
                                                            ("value", amount_text(&amount).unwrap_or_default()),
                                                        ],
                                                    )
                                                }}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                {reason.map(|r| view! { <p>{t!("decision-reason", reason = r.clone())}</p> })}
            }
                .into_any()
        }
    };
    view! {
        <section class="card" aria-labelledby="decision-h">
            <h2 id="decision-h">{t!("case-decision")}</h2>
            {body}
        </section>
    }
}

/// The button text for moving a case to `status`.
fn action_name(status: &str) -> String {
    match status {
        "accepted" => i18n::tr("action-accepted"),
        "investigation" => i18n::tr("action-investigation"),
        "review" => i18n::tr("action-review"),
        "publicity" => i18n::tr("action-publicity"),
        "approved" => i18n::tr("action-approved"),
        "rejected" => i18n::tr("action-rejected"),
        "withdrawn" => i18n::tr("action-withdrawn"),
        other => i18n::status_name(other),
    }
}

/// One program's award row in the approval form.
#[derive(Clone)]
struct AwardRow {
    program: String,
    amount: RwSignal<String>,
    period: RwSignal<String>,
}

/// The server screening's figure for a program, to start the approval from
/// (the worker checks and changes it).
fn suggested(case: &Case, program: &str) -> (String, String) {
    let decision = case.server_screening["decisions"]
        .as_array()
        .and_then(|ds| ds.iter().find(|d| d["program"].as_str() == Some(program)));
    let amount = decision.map(|d| d["amount"].clone()).unwrap_or(Value::Null);
    match (amount["value"].as_str(), amount["period"].as_str()) {
        (Some(v), Some(p)) if p != "share" => (v.to_owned(), p.to_owned()),
        _ => (String::new(), "month".to_owned()),
    }
}

#[component]
fn Actions(
    case: Case,
    data: RwSignal<Option<Result<Case, api::Error>>>,
    notice: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let code = case.summary.tracking_code.clone();
    let next = case.next.clone();
    let chosen = RwSignal::new(None::<String>);
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<api::Error>);
    let busy = RwSignal::new(false);
    let note_ref = NodeRef::<html::Textarea>::new();
    let rows: Vec<AwardRow> = case
        .summary
        .programs
        .iter()
        .map(|p| {
            let (amount, period) = suggested(&case, p);
            AwardRow {
                program: p.clone(),
                amount: RwSignal::new(amount),
                period: RwSignal::new(period),
            }
        })
        .collect();
    let rows = StoredValue::new(rows);
    // Which row each sent award came from, to put the server's
    // `awards[i]…` errors next to the right field.
    let sent_rows = StoredValue::new(Vec::<usize>::new());

    Effect::new(move |_| {
        if chosen.get().is_some()
            && let Some(el) = note_ref.get()
        {
            let _ = el.focus();
        }
    });

    let submit = {
        let code = code.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(to) = chosen.get_untracked() else {
                return;
            };
            if busy.get_untracked() {
                return;
            }
            let text = note.get_untracked();
            if text.trim().is_empty() {
                errors.set(vec![FieldError {
                    field: "note".into(),
                    code: "required".into(),
                }]);
                failure.set(None);
                if let Some(el) = note_ref.get_untracked() {
                    let _ = el.focus();
                }
                return;
            }
            let mut awards = Vec::new();
            let mut from_rows = Vec::new();
            if to == "approved" {
                rows.with_value(|rows| {
                    for (i, row) in rows.iter().enumerate() {
                        let amount = row.amount.get_untracked();
                        if !amount.trim().is_empty() {
                            awards.push(Award {
                                program: row.program.clone(),
                                amount: amount.trim().to_owned(),
                                period: row.period.get_untracked(),
                            });
                            from_rows.push(i);
                        }
                    }
                });
            }
            sent_rows.set_value(from_rows);
            busy.set(true);
            errors.set(Vec::new());
            failure.set(None);
            let code = code.clone();
            spawn_local(async move {
                let result = api::transition(&code, &to, text.trim(), &awards).await;
                busy.set(false);
                match result {
                    Ok(updated) => {
                        notice.set(Some(Notice::Moved(updated.summary.status.clone())));
                        data.set(Some(Ok(updated)));
                    }
                    Err(api::Error::Invalid(fields)) => errors.set(fields),
                    Err(api::Error::Status(409, _)) => {
                        // Someone else moved it: show the case as it is now.
                        if let Ok(fresh) = api::case(&code).await {
                            notice.set(Some(Notice::Conflict));
                            data.set(Some(Ok(fresh)));
                        } else {
                            failure.set(Some(api::Error::Status(409, String::new())));
                        }
                    }
                    Err(e) => failure.set(Some(e)),
                }
            });
        }
    };

    // A server field name for a form row's field: `awards[k].amount` where
    // row `i` was the k-th award sent.
    // `errors` is read first, whatever `sent_rows` holds: a derived signal
    // that returned early before reading it would never update.
    let row_error = move |i: usize, part: &str| {
        errors.with(|e| {
            let k = sent_rows.with_value(|sent| sent.iter().position(|r| *r == i))?;
            error_for(e, &format!("awards[{k}].{part}"))
        })
    };

    if next.is_empty() {
        return view! {
            <section class="card actions" aria-labelledby="actions-h">
                <h2 id="actions-h">{t!("case-actions")}</h2>
                <p>{t!("actions-none")}</p>
            </section>
        }
        .into_any();
    }

    view! {
        <section class="card actions" aria-labelledby="actions-h">
            <h2 id="actions-h">{t!("case-actions")}</h2>
            <div class="action-buttons">
                {next
                    .into_iter()
                    .map(|status| {
                        let s = status.clone();
                        let to = status.clone();
                        let pressed = {
                            let s = status.clone();
                            move || (chosen.get().as_deref() == Some(s.as_str())).to_string()
                        };
                        let class = if matches!(status.as_str(), "rejected" | "withdrawn") {
                            "button secondary danger-outline"
                        } else {
                            "button"
                        };
                        view! {
                            <button
                                type="button"
                                class=class
                                data-to=to
                                aria-pressed=pressed
                                aria-controls="action-form"
                                on:click=move |_| {
                                    errors.set(Vec::new());
                                    failure.set(None);
                                    chosen.set(Some(s.clone()));
                                }
                            >
                                {move || action_name(&status)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <form
                id="action-form"
                class="action-form"
                novalidate
                hidden=move || chosen.get().is_none()
                on:submit=submit
            >
                <h3>
                    {move || {
                        chosen
                            .get()
                            .map(|s| i18n::tr_args("action-form-heading", &[("action", action_name(&s))]))
                            .unwrap_or_default()
                    }}
                </h3>
                <div class="field">
                    <label for="action-note">{t!("action-note")}</label>
                    <p class="hint" id="action-note-hint">{t!("action-note-hint")}</p>
                    <textarea
                        id="action-note"
                        rows="3"
                        maxlength="1000"
                        required
                        node_ref=note_ref
                        aria-describedby="action-note-hint action-note-error"
                        aria-invalid=move || errors.with(|e| error_for(e, "note").is_some()).to_string()
                        bind:value=note
                    ></textarea>
                    <FieldErrorText
                        id="action-note-error".to_owned()
                        text=Signal::derive(move || errors.with(|e| error_for(e, "note")))
                    />
                </div>
                {move || {
                    (chosen.get().as_deref() == Some("approved"))
                        .then(|| {
                            view! {
                                <fieldset class="field awards" aria-describedby="awards-hint awards-error">
                                    <legend>{t!("action-awards")}</legend>
                                    <p class="hint" id="awards-hint">{t!("action-awards-hint")}</p>
                                    {rows
                                        .get_value()
                                        .into_iter()
                                        .enumerate()
                                        .map(|(i, row)| {
                                            let amount_id = format!("award-{i}-amount");
                                            let period_id = format!("award-{i}-period");
                                            let error_id = format!("award-{i}-error");
                                            let p1 = row.program.clone();
                                            let p2 = row.program.clone();
                                            let row_text = move || {
                                                row_error(i, "amount")
                                                    .or_else(|| row_error(i, "program"))
                                                    .or_else(|| row_error(i, "period"))
                                            };
                                            view! {
                                                <div class="award-row">
                                                    <div class="award-amount">
                                                        <label for=amount_id.clone()>
                                                            {move || {
                                                                i18n::tr_args(
                                                                    "award-amount",
                                                                    &[("program", i18n::program_name(&p1))],
                                                                )
                                                            }}
                                                        </label>
                                                        <input
                                                            id=amount_id
                                                            type="text"
                                                            inputmode="decimal"
                                                            autocomplete="off"
                                                            data-program=row.program.clone()
                                                            aria-describedby=error_id.clone()
                                                            aria-invalid=move || row_text().is_some().to_string()
                                                            bind:value=row.amount
                                                        />
                                                        // Under the amount, the field it is usually about.
                                                        <FieldErrorText id=error_id text=Signal::derive(row_text)/>
                                                    </div>
                                                    <div class="award-period">
                                                        <label for=period_id.clone()>
                                                            {move || {
                                                                i18n::tr_args(
                                                                    "award-period",
                                                                    &[("program", i18n::program_name(&p2))],
                                                                )
                                                            }}
                                                        </label>
                                                        <select
                                                            id=period_id
                                                            on:change=move |ev| row.period.set(event_target_value(&ev))
                                                            prop:value=move || row.period.get()
                                                        >
                                                            {["month", "year", "once", "day"]
                                                                .into_iter()
                                                                .map(|p| {
                                                                    let id = format!("period-{p}");
                                                                    view! {
                                                                        <option value=p selected=move || row.period.get() == p>
                                                                            {move || i18n::tr(&id)}
                                                                        </option>
                                                                    }
                                                                })
                                                                .collect_view()}
                                                        </select>
                                                    </div>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                    <FieldErrorText
                                        id="awards-error".to_owned()
                                        text=Signal::derive(move || errors.with(|e| error_for(e, "awards")))
                                    />
                                </fieldset>
                            }
                        })
                }}
                <p class="error" role="alert">
                    {move || {
                        failure
                            .get()
                            .map(|e| i18n::tr(e.message_id()))
                            .or_else(|| {
                                errors
                                    .with(|e| {
                                        e.iter().any(|f| f.field == "to").then(|| i18n::tr("field-unknown"))
                                    })
                            })
                            .unwrap_or_default()
                    }}
                </p>
                <div class="form-buttons">
                    <button type="submit" class="button" disabled=move || busy.get()>
                        {move || {
                            if busy.get() {
                                i18n::tr("action-busy")
                            } else {
                                chosen
                                    .get()
                                    .map(|s| i18n::tr_args("action-submit", &[("action", action_name(&s))]))
                                    .unwrap_or_default()
                            }
                        }}
                    </button>
                    <button
                        type="button"
                        class="button secondary"
                        on:click=move |_| {
                            chosen.set(None);
                            errors.set(Vec::new());
                            failure.set(None);
                        }
                    >
                        {t!("action-cancel")}
                    </button>
                </div>
            </form>
        </section>
    }
    .into_any()
}

#[component]
fn Assign(
    case: Case,
    data: RwSignal<Option<Result<Case, api::Error>>>,
    notice: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let code = case.summary.tracking_code.clone();
    let current = case
        .summary
        .assigned_to
        .as_ref()
        .map(|a| a.username.clone())
        .unwrap_or_default();
    let workers = RwSignal::new(None::<Result<Vec<AccountRef>, api::Error>>);
    spawn_local(async move { workers.set(Some(api::workers().await)) });
    let choice = RwSignal::new(current);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<api::Error>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let username = choice.get_untracked();
        if username.is_empty() {
            errors.set(vec![FieldError {
                field: "username".into(),
                code: "required".into(),
            }]);
            return;
        }
        busy.set(true);
        errors.set(Vec::new());
        failure.set(None);
        let code = code.clone();
        spawn_local(async move {
            let result = api::assign(&code, &username).await;
            busy.set(false);
            match result {
                Ok(updated) => {
                    let name = updated
                        .summary
                        .assigned_to
                        .as_ref()
                        .map(|a| a.name.clone())
                        .unwrap_or(username);
                    notice.set(Some(Notice::Assigned(name)));
                    data.set(Some(Ok(updated)));
                }
                Err(api::Error::Invalid(fields)) => errors.set(fields),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    let error_text = move || errors.with(|e| error_for(e, "username"));
    view! {
        <section class="card" aria-labelledby="assign-h">
            <h2 id="assign-h">{t!("case-assign")}</h2>
            <form class="assign" novalidate on:submit=submit>
                <div class="field">
                    <label for="assign-worker">{t!("assign-worker")}</label>
                    <select
                        id="assign-worker"
                        aria-describedby="assign-error"
                        aria-invalid=move || error_text().is_some().to_string()
                        on:change=move |ev| choice.set(event_target_value(&ev))
                        prop:value=move || choice.get()
                    >
                        <option value="" selected=move || choice.get().is_empty()>
                            {t!("assign-choose")}
                        </option>
                        {move || {
                            workers
                                .get()
                                .and_then(Result::ok)
                                .unwrap_or_default()
                                .into_iter()
                                .map(|w| {
                                    let u = w.username.clone();
                                    view! {
                                        <option value=w.username.clone() selected=move || choice.get() == u>
                                            {format!("{} · {} ({})", w.name, w.office, w.username)}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                    <FieldErrorText id="assign-error".to_owned() text=Signal::derive(error_text)/>
                </div>
                <p class="error" role="alert">
                    {move || {
                        failure
                            .get()
                            .or_else(|| workers.get().and_then(Result::err))
                            .map(|e| i18n::tr(e.message_id()))
                            .unwrap_or_default()
                    }}
                </p>
                <button type="submit" class="button secondary" disabled=move || busy.get()>
                    {t!("assign-submit")}
                </button>
            </form>
        </section>
    }
}
