//! Step 6: the results, recomputed in the page as answers change: grouped
//! programs with outcome, amount, who is covered and why; the merged list of
//! documents to bring; the offices; the next step.

use leptos::prelude::*;
use leptos_router::components::A;
use rules_core::program::GROUPS;
use rules_core::{Bound, Decision, Outcome, Period, Screening, Status};

use super::member_label;
use crate::components::display::ReadAloud;
use crate::components::param::ParamItem;
use crate::i18n::{self, tr, tr_args};
use crate::pages::program_name_id;
use crate::state::{Store, use_store};
use crate::t;

fn outcome_slug(o: Outcome) -> &'static str {
    match o {
        Outcome::Likely => "likely",
        Outcome::Possible => "possible",
        Outcome::Unlikely => "unlikely",
        Outcome::NotOffered => "not_offered",
    }
}

pub fn outcome_label(o: Outcome) -> &'static str {
    match o {
        Outcome::Likely => "outcome-likely",
        Outcome::Possible => "outcome-possible",
        Outcome::Unlikely => "outcome-unlikely",
        Outcome::NotOffered => "outcome-not-offered",
    }
}

/// A symbol that carries the outcome without colour.
fn outcome_icon(o: Outcome) -> &'static str {
    match o {
        Outcome::Likely => "✓",
        Outcome::Possible => "?",
        Outcome::Unlikely => "✗",
        Outcome::NotOffered => "–",
    }
}

fn status_icon(s: Status) -> (&'static str, &'static str) {
    match s {
        Status::Passed => ("✓", "status-passed"),
        Status::Failed => ("✗", "status-failed"),
        Status::Unknown => ("?", "status-unknown"),
    }
}

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Passed => "status-passed",
        Status::Failed => "status-failed",
        Status::Unknown => "status-unknown",
    }
}

/// A rules-engine message in the page's language; member indexes become
/// "member 2 (spouse, 45)".
pub fn message(store: Store, id: &str, args: &rules_core::outcome::Args) -> String {
    let shown: Vec<(String, String)> = args
        .0
        .iter()
        .map(|(k, v)| {
            let v = v.to_string();
            let v = if k == "member" {
                v.parse::<usize>()
                    .map(|i| member_label(store, i))
                    .unwrap_or(v)
            } else {
                v
            };
            (k.to_string(), v)
        })
        .collect();
    // A test that looked at every member and found none qualifying names no
    // member: say "no one in the household".
    let nobody = (!args.0.iter().any(|(k, _)| k == "member")).then(|| tr("member-nobody"));
    tr_args(
        id,
        shown
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .chain(nobody.as_deref().map(|n| ("member", n))),
    )
}

/// "about ¥1,300 a month", "up to 75% of eligible costs".
pub fn amount_text(amount: &rules_core::Amount) -> String {
    let lang = i18n::current();
    let value = amount.value.to_string();
    if amount.period == Period::Share {
        let percent = (amount.value * rust_decimal::Decimal::ONE_HUNDRED)
            .normalize()
            .to_string();
        return tr_args("amount-share", [("percent", percent.as_str())]);
    }
    let money = i18n::format_money(lang, &value);
    let per = match amount.period {
        Period::Month => "amount-per-month",
        Period::Year => "amount-per-year",
        Period::Day => "amount-per-day",
        Period::Once | Period::Share => "amount-once",
    };
    let with_period = tr_args(per, [("value", money.as_str())]);
    let bound = match amount.bound {
        Bound::Exact => "bound-exact",
        Bound::UpTo => "bound-up-to",
        Bound::AtLeast => "bound-at-least",
    };
    tr_args(bound, [("amount", with_period.as_str())])
}

#[component]
pub fn ResultsStep() -> impl IntoView {
    let store = use_store();
    move || {
        store.screening.with(|s| match s {
            None => view! { <p>{t!("results-no-region")}</p> }.into_any(),
            Some(s) => results_view(store, s).into_any(),
        })
    }
}

fn results_view(store: Store, s: &Screening) -> impl IntoView + use<> {
    let count = |o: Outcome| s.decisions.iter().filter(|d| d.outcome == o).count();
    let (likely, possible) = (count(Outcome::Likely), count(Outcome::Possible));
    let any_example = s
        .decisions
        .iter()
        .any(|d| d.outcome != Outcome::NotOffered && d.parameters.iter().any(|p| p.example));
    let demo = s.demo;
    let groups = GROUPS
        .iter()
        .map(|(title, programs)| {
            let mut decisions: Vec<Decision> = programs
                .iter()
                .filter_map(|p| s.decision(*p).cloned())
                .collect();
            decisions.sort_by_key(|d| d.outcome);
            let (offered, not_offered): (Vec<_>, Vec<_>) =
                decisions.into_iter().partition(|d| d.outcome != Outcome::NotOffered);
            let title = *title;
            let heading_id = format!("{title}-heading");
            let labelledby = heading_id.clone();
            view! {
                <section class="result-group" aria-labelledby=labelledby>
                    <h2 id=heading_id>{move || tr(title)}</h2>
                    {offered.into_iter().map(|d| view! { <DecisionCard store=store decision=d/> }).collect_view()}
                    {(!not_offered.is_empty()).then(|| view! {
                        <p class="not-offered" data-outcome="not_offered">
                            {t!("results-not-offered")}
                            {not_offered.iter().map(|d| {
                                let id = program_name_id(d.program);
                                view! { <span class="tag" data-program=d.program.as_str()>{move || tr(id)}</span> }
                            }).collect_view()}
                        </p>
                    })}
                </section>
            }
        })
        .collect_view();
    let checklist = s.checklist.clone();
    let offices = offices(s);
    let size = s.household_size;
    let as_of = s.as_of.to_string();
    let region = s.jurisdiction_name.clone();
    let spoken = Callback::new(move |()| spoken_summary(store));
    view! {
        <div class="print-only print-header">
            <h1>{t!("print-title")}</h1>
            <p lang="zh-CN">{region}</p>
            <p>{move || tr_args("print-household", [("count", size.to_string().as_str())])}</p>
            <p>{move || tr_args("print-date", [("date", as_of.as_str())])}</p>
        </div>
        <div class="result-actions no-print">
            <ReadAloud text=spoken/>
            <button type="button" class="button secondary print-button" on:click=move |_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>{t!("print")}</button>
        </div>
        <section class="card summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t!("results-summary-heading")}</h2>
            <p class="summary-line" aria-live="polite">
                {move || tr_args("results-summary", [("likely", likely.to_string().as_str()), ("possible", possible.to_string().as_str())])}
            </p>
            {demo.then(|| view! { <p class="notice demo">{t!("results-demo-pack")}</p> })}
            {any_example.then(|| view! { <p class="notice example">{t!("results-example-values")}</p> })}
            <p class="note">{t!("home-disclaimer")}</p>
        </section>
        {groups}
        <section class="card checklist" aria-labelledby="checklist-heading">
            <h2 id="checklist-heading">{t!("checklist-heading")}</h2>
            {if checklist.is_empty() {
                view! { <p>{t!("checklist-empty")}</p> }.into_any()
            } else {
                view! {
                    <p class="hint">{t!("checklist-intro")}</p>
                    <ul class="documents">
                        {checklist.into_iter().map(|item| {
                            let n = item.programs.len();
                            view! {
                                <li data-document=item.id.to_string()>
                                    <span lang="zh-CN">{item.name.to_string()}</span>
                                    <span class="count">{move || tr_args("checklist-programs", [("count", n.to_string().as_str())])}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="card offices" aria-labelledby="offices-heading">
            <h2 id="offices-heading">{t!("offices-heading")}</h2>
            {if offices.is_empty() {
                view! { <p>{t!("offices-none")}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {offices.into_iter().map(|(office, apply_at)| view! {
                            <li>
                                <strong lang="zh-CN">{office}</strong>
                                {apply_at.map(|a| view! { <br/><span lang="zh-CN">{a}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(likely + possible > 0).then(|| view! {
                <p class="next-step">{t!("next-step-apply")}</p>
                <p><A href="/apply" attr:class="button primary apply-button">{t!("apply-online")}</A></p>
            })}
            <p class="next-step">{t!("next-step-office")}</p>
        </section>
        <ShareDraft/>
    }
}

/// What "read aloud" says: the summary, then each likely or possible program
/// with its outcome and amount.
fn spoken_summary(store: Store) -> String {
    store.screening.with_untracked(|s| {
        let Some(s) = s else { return String::new() };
        let count = |o: Outcome| {
            s.decisions
                .iter()
                .filter(|d| d.outcome == o)
                .count()
                .to_string()
        };
        let mut parts = vec![
            tr_args(
                "results-read-summary",
                [("region", s.jurisdiction_name.as_str())],
            ),
            tr_args(
                "results-summary",
                [
                    ("likely", count(Outcome::Likely).as_str()),
                    ("possible", count(Outcome::Possible).as_str()),
                ],
            ),
        ];
        for d in &s.decisions {
            if matches!(d.outcome, Outcome::Likely | Outcome::Possible) {
                let program = tr(program_name_id(d.program));
                let outcome = tr(outcome_label(d.outcome));
                let line = match &d.amount {
                    Some(a) => tr_args(
                        "read-aloud-line-amount",
                        [
                            ("program", program.as_str()),
                            ("outcome", outcome.as_str()),
                            ("amount", amount_text(a).as_str()),
                        ],
                    ),
                    None => tr_args(
                        "read-aloud-line",
                        [("program", program.as_str()), ("outcome", outcome.as_str())],
                    ),
                };
                parts.push(line);
            }
        }
        parts.join("\n")
    })
}

/// A QR code and link that carry the answers to another device.
#[component]
fn ShareDraft() -> impl IntoView {
    let store = use_store();
    let link = Memo::new(move |_| {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        store
            .draft
            .with(|d| format!("{origin}/check/results{}", crate::share::encode(d)))
    });
    let qr = move || crate::share::qr_svg(&link.get()).unwrap_or_default();
    view! {
        <section class="card share no-print" aria-labelledby="share-heading">
            <h2 id="share-heading">{t!("share-heading")}</h2>
            <p class="hint">{t!("share-intro")}</p>
            <div class="qr" role="img" aria-label=t!("share-heading") inner_html=qr></div>
            <label for="share-link">{t!("share-link-label")}</label>
            <input id="share-link" type="text" readonly prop:value=move || link.get()/>
        </section>
    }
}

/// The distinct offices of the likely and possible programs, with where to apply.
fn offices(s: &Screening) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for d in &s.decisions {
        if !matches!(d.outcome, Outcome::Likely | Outcome::Possible) {
            continue;
        }
        if let Some(office) = &d.office
            && !out.iter().any(|(o, _)| o.as_str() == &**office)
        {
            out.push((office.to_string(), d.apply_at.as_deref().map(str::to_owned)));
        }
    }
    out
}

#[component]
fn DecisionCard(store: Store, decision: Decision) -> impl IntoView {
    let d = decision;
    let program = d.program;
    let name_id = program_name_id(program);
    let outcome = d.outcome;
    let example = d.parameters.iter().any(|p| p.example);
    let covered = d.covered.clone();
    let amount = d.amount.clone();
    let heading_id = format!("decision-{}", program.as_str());
    let labelledby = heading_id.clone();
    let tests = d.tests.clone();
    let steps = d.steps.clone();
    let parameters = d.parameters.clone();
    let would_change = d.would_change.clone();
    let notes = d.notes.clone();
    let rule = d.rule.clone();
    let limits = d.time_limits.clone();
    view! {
        <article
            class=format!("decision outcome-{}", outcome_slug(outcome))
            data-program=program.as_str()
            data-outcome=outcome_slug(outcome)
            aria-labelledby=labelledby
        >
            <header>
                <h3 id=heading_id>{move || tr(name_id)}</h3>
                <span class="badge outcome">
                    <span aria-hidden="true">{outcome_icon(outcome)}" "</span>
                    {move || tr(outcome_label(outcome))}
                </span>
            </header>
            {amount.map(|a| {
                let value = a.value.to_string();
                let period = format!("{:?}", a.period).to_lowercase();
                view! {
                    <p class="amount" data-amount=value data-period=period>
                        {move || amount_text(&a)}
                        {example.then(|| view! { <span class="badge example">{t!("badge-example")}</span> })}
                    </p>
                }
            })}
            {(!covered.is_empty()).then(|| {
                let covered = covered.clone();
                view! {
                    <p class="covered">
                        {move || {
                            let names: Vec<String> = covered.iter().map(|i| member_label(store, *i)).collect();
                            tr_args("covered", [("members", names.join(tr("list-separator").as_str()).as_str())])
                        }}
                    </p>
                }
            })}
            {(!would_change.is_empty()).then(|| view! {
                <ul class="would-change">
                    {would_change.iter().map(|m| {
                        let (id, args) = (m.id.clone(), m.args.clone());
                        view! { <li>{move || message(store, &id, &args)}</li> }
                    }).collect_view()}
                </ul>
            })}
            {(!notes.is_empty()).then(|| view! {
                <ul class="notes">
                    {notes.iter().map(|m| {
                        let (id, args) = (m.id.clone(), m.args.clone());
                        view! { <li>{move || message(store, &id, &args)}</li> }
                    }).collect_view()}
                </ul>
            })}
            <details class="why">
                <summary>{t!("why")}</summary>
                <h4>{t!("why-tests")}</h4>
                <ul class="tests">
                    {tests.into_iter().map(|c| {
                        let (icon, class) = status_icon(c.status);
                        let status = c.status;
                        let (id, args) = (c.id, c.args);
                        view! {
                            <li class=class>
                                <span aria-hidden="true">{icon}" "</span>
                                <span class="visually-hidden">{move || tr(status_label(status))}" "</span>
                                {move || message(store, &id, &args)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {(!steps.is_empty()).then(|| view! {
                    <h4>{t!("why-steps")}</h4>
                    <ol class="steps">
                        {steps.into_iter().map(|st| {
                            let (id, args) = (st.id, st.args);
                            // A share step (medical aid's reimbursement rate) is a fraction, not money.
                            let is_share = id.ends_with("-share");
                            let value = st.value;
                            view! {
                                <li>
                                    {move || message(store, &id, &args)}
                                    ": "
                                    <strong>{move || if is_share {
                                        let percent = (value * rust_decimal::Decimal::ONE_HUNDRED).normalize().to_string();
                                        tr_args("unit-percent", [("value", percent.as_str())])
                                    } else {
                                        i18n::format_money(i18n::current(), &value.to_string())
                                    }}</strong>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                })}
                {(!parameters.is_empty()).then(|| view! {
                    <h4>{t!("why-parameters")}</h4>
                    <ul class="parameters">
                        {parameters.into_iter().map(|p| view! { <ParamItem value=p.shown()/> }).collect_view()}
                    </ul>
                })}
                {rule.as_deref().map(rules_core::pack::Source::citation).map(|c| view! {
                    <p class="rule">{t!("why-rule")}" "<span lang="zh-CN">{c}</span></p>
                })}
                {limits.and_then(|l| l.total_working_days).map(|days| view! {
                    <p class="limits">{move || tr_args("time-limit-total", [("days", days.to_string().as_str())])}</p>
                })}
            </details>
        </article>
    }
}
