//! `/check/:step`: the self-check as a short stepper, one topic a screen.
//! Each step is its own URL, so the browser's back button walks the steps and
//! the answers (in the store) stay.

mod assets;
mod income;
mod members;
mod people;
pub mod results;
mod special;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use rules_core::ProgramId;
use rules_core::household::{Member, Relation};

use crate::components::region_picker::RegionPicker;
use crate::i18n::{tr, tr_args};
use crate::pages::PackPending;
use crate::state::{self, Store, use_store};
use crate::t;

/// The steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckStep {
    Members,
    People,
    Income,
    Assets,
    Special,
    Results,
}

impl CheckStep {
    pub const ALL: [CheckStep; 6] = [
        CheckStep::Members,
        CheckStep::People,
        CheckStep::Income,
        CheckStep::Assets,
        CheckStep::Special,
        CheckStep::Results,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            CheckStep::Members => "members",
            CheckStep::People => "people",
            CheckStep::Income => "income",
            CheckStep::Assets => "assets",
            CheckStep::Special => "special",
            CheckStep::Results => "results",
        }
    }

    fn title(self) -> &'static str {
        match self {
            CheckStep::Members => "step-members",
            CheckStep::People => "step-people",
            CheckStep::Income => "step-income",
            CheckStep::Assets => "step-assets",
            CheckStep::Special => "step-special",
            CheckStep::Results => "step-results",
        }
    }

    fn from_slug(slug: &str) -> Option<CheckStep> {
        CheckStep::ALL.into_iter().find(|s| s.slug() == slug)
    }

    fn index(self) -> usize {
        CheckStep::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn href(self) -> String {
        format!("/check/{}", self.slug())
    }
}

/// The household always has the applicant as its first member.
pub fn ensure_applicant(store: Store) {
    if store
        .draft
        .with_untracked(|d| d.household.members.is_empty())
    {
        store.draft.update(|d| {
            d.household.members.push(Member {
                relation: Some(Relation::Applicant),
                ..Member::default()
            })
        });
    }
}

/// Whether the chosen pack runs a program (questions for programs it does
/// not run are skipped).
pub fn offers(store: Store, program: ProgramId) -> bool {
    store.region.with(|code| {
        code.as_deref()
            .and_then(state::pack)
            .is_some_and(|p| p.offers(program))
    })
}

/// "Member 2 (spouse, 45)": how a person is named on screen, without names.
pub fn member_label(store: Store, index: usize) -> String {
    label_text(index, store.draft.with(|d| who(d, index)))
}

/// A member's name on screen as a reactive text that changes only when
/// their relation or age does (not on every answer).
pub fn member_heading(store: Store, index: usize) -> impl Fn() -> String + Copy {
    let key = Memo::new(move |_| store.draft.with(|d| who(d, index)));
    move || label_text(index, key.get())
}

fn who(d: &state::Draft, index: usize) -> (Option<Relation>, Option<u32>) {
    d.household
        .members
        .get(index)
        .map(|m| (m.relation, m.age))
        .unwrap_or_default()
}

fn label_text(index: usize, (relation, age): (Option<Relation>, Option<u32>)) -> String {
    let relation = relation
        .and_then(|r| crate::options::RELATIONS.iter().find(|(v, _)| *v == r))
        .map(|(_, id)| tr(id))
        .unwrap_or_else(|| tr("member-relation-unknown"));
    let n = (index + 1).to_string();
    match age {
        Some(age) => tr_args(
            "member-label-age",
            [
                ("n", n.as_str()),
                ("relation", relation.as_str()),
                ("age", age.to_string().as_str()),
            ],
        ),
        None => tr_args(
            "member-label",
            [("n", n.as_str()), ("relation", relation.as_str())],
        ),
    }
}

#[component]
pub fn Check() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let step = Memo::new(move |_| {
        params.with(|p| p.get("step").as_deref().and_then(CheckStep::from_slug))
    });
    let has_region = Memo::new(move |_| {
        store
            .region
            .with(|code| code.as_deref().and_then(state::region).is_some())
    });
    // The questions depend on the place's pack: wait for it.
    let ready = Memo::new(move |_| {
        store
            .region
            .with(|code| code.as_deref().and_then(state::pack).is_some())
    });
    // The results show the rules engine's messages: fetch them meanwhile.
    crate::i18n::want_rules();
    Effect::new(move |_| {
        if has_region.get() {
            ensure_applicant(store);
        }
    });
    move || match (step.get(), has_region.get()) {
        (None, _) => crate::pages::not_found::NotFound().into_any(),
        (Some(_), true) if !ready.get() => {
            let code = store
                .draft
                .with_untracked(|d| d.region().unwrap_or_default().to_owned());
            view! { <PackPending code=code failed=state::pack_failed/> }.into_any()
        }
        (Some(_), false) => view! {
            <section class="card" aria-labelledby="pick-heading">
                <h1 id="pick-heading">{t!("region-pick-heading")}</h1>
                <RegionPicker/>
            </section>
        }
        .into_any(),
        (Some(step), true) => view! { <StepPage step=step/> }.into_any(),
    }
}

#[component]
fn StepPage(step: CheckStep) -> impl IntoView {
    let store = use_store();
    let index = step.index();
    let total = CheckStep::ALL.len();
    let prev = index.checked_sub(1).map(|i| CheckStep::ALL[i]);
    let next = CheckStep::ALL.get(index + 1).copied();
    let region_name = move || {
        store.region.with(|code| {
            code.as_deref()
                .and_then(state::region)
                .map(|r| r.name)
                .unwrap_or_default()
        })
    };
    let body = match step {
        CheckStep::Members => members::MembersStep().into_any(),
        CheckStep::People => people::PeopleStep().into_any(),
        CheckStep::Income => income::IncomeStep().into_any(),
        CheckStep::Assets => assets::AssetsStep().into_any(),
        CheckStep::Special => special::SpecialStep().into_any(),
        CheckStep::Results => results::ResultsStep().into_any(),
    };
    view! {
        <div class="check" data-step=step.slug()>
            <p class="region-line">
                <span lang="zh-CN">{region_name}</span>
                " "
                <button type="button" class="link-button" on:click=move |_| {
                    store.draft.update(|d| d.household.jurisdiction = None);
                }>{t!("region-change")}</button>
            </p>
            <nav class="progress" aria-label=t!("progress-label")>
                <ol>
                    {CheckStep::ALL
                        .into_iter()
                        .map(|s| {
                            let current = s == step;
                            view! {
                                <li class:current=current class:done=s.index() < index>
                                    <A
                                        href=s.href()
                                        attr:aria-current=current.then_some("step")
                                    >
                                        <span class="num">{s.index() + 1}</span>
                                        <span class="label">{move || tr(s.title())}</span>
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <h1 class="step-title">
                <span class="step-count">
                    {move || tr_args(
                        "step-count",
                        [("n", (index + 1).to_string().as_str()), ("total", total.to_string().as_str())],
                    )}
                </span>
                {move || tr(step.title())}
            </h1>
            {body}
            <div class="step-nav">
                {prev.map(|p| view! { <A href=p.href() attr:class="button secondary">{t!("nav-back")}</A> })}
                {next.map(|n| {
                    let label = if n == CheckStep::Results { "nav-see-results" } else { "nav-next" };
                    view! { <A href=n.href() attr:class="button">{move || tr(label)}</A> }
                })}
            </div>
            {(step != CheckStep::Results).then(|| view! { <LiveSummary/> })}
            <ClearData/>
        </div>
    }
}

/// A one-line summary of the current results, updated as answers change.
#[component]
fn LiveSummary() -> impl IntoView {
    let store = use_store();
    view! {
        <p class="live-summary" aria-live="polite">
            {move || store.counts.get().map(|(likely, possible)| tr_args(
                "live-summary",
                [("likely", likely.to_string().as_str()), ("possible", possible.to_string().as_str())],
            ))}
            " "
            <A href=CheckStep::Results.href()>{t!("live-summary-link")}</A>
        </p>
    }
}

/// Wipe this family's answers from the phone.
#[component]
pub fn ClearData() -> impl IntoView {
    let store = use_store();
    let navigate = leptos_router::hooks::use_navigate();
    let confirming = RwSignal::new(false);
    view! {
        <div class="clear-data">
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button danger-outline" on:click=move |_| confirming.set(true)>
                        {t!("clear-data")}
                    </button>
                }
            >
                <p role="alert">{t!("clear-data-confirm")}</p>
                <button
                    type="button"
                    class="button danger"
                    on:click={
                        let navigate = navigate.clone();
                        move |_| {
                            state::clear(store);
                            confirming.set(false);
                            navigate("/?cleared=1", Default::default());
                        }
                    }
                >
                    {t!("clear-data-yes")}
                </button>
                <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>
                    {t!("clear-data-no")}
                </button>
            </Show>
        </div>
    }
}

/// One member's answer as a signal. A memo: the fields showing it update
/// only when this answer changes, not on every change to the draft.
pub fn member_value<T>(store: Store, i: usize, get: fn(&Member) -> Option<T>) -> Signal<Option<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| {
        store
            .draft
            .with(|d| d.household.members.get(i).and_then(get))
    })
    .into()
}

/// Store one member's answer.
pub fn member_setter<T>(
    store: Store,
    i: usize,
    set: fn(&mut Member, Option<T>),
) -> impl Fn(Option<T>) + Copy + Send + Sync + 'static
where
    T: 'static,
{
    move |v| {
        store.draft.update(|d| {
            if let Some(m) = d.household.members.get_mut(i) {
                set(m, v);
            }
        })
    }
}

/// A household-level answer as a signal (a memo, as [`member_value`]).
pub fn household_value<T>(
    store: Store,
    get: fn(&rules_core::Household) -> Option<T>,
) -> Signal<Option<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| store.draft.with(|d| get(&d.household))).into()
}

/// Store a household-level answer.
pub fn household_setter<T>(
    store: Store,
    set: fn(&mut rules_core::Household, Option<T>),
) -> impl Fn(Option<T>) + Copy + Send + Sync + 'static
where
    T: 'static,
{
    move |v| store.draft.update(|d| set(&mut d.household, v))
}

/// The number of members (reactive).
pub fn member_count(store: Store) -> Memo<usize> {
    Memo::new(move |_| store.draft.with(|d| d.household.members.len()))
}
