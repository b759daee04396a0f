//! 政策解读: `/programs?region=…` lists every program a jurisdiction runs, and
//! `/programs/:id?region=…` explains one — who qualifies, how much (from the
//! pack, with dates and sources), documents, office and time limits. Every
//! figure comes from the same pack the check uses, through the place's
//! guide file that `cargo xtask build` writes from it
//! ([`rules_core::guide::PlaceGuide`]): nothing is written twice.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use rules_core::ProgramId;
use rules_core::guide::{PlaceGuide, ProgramGuide, ShownParam};
use rules_core::program::GROUPS;

use crate::components::param::ParamItem;
use crate::components::region_picker::RegionPicker;
use crate::i18n::{tr, tr_args};
use crate::pages::{PackPending, program_name_id};
use crate::place::use_place;
use crate::state;
use crate::{links, t};

/// The message id of a program's plain-language description.
fn guide_id(program: ProgramId) -> String {
    format!("guide-{}", program.as_str().replace('_', "-"))
}

/// The place from `?region=`, else the one chosen for the check, and its
/// guide once it has arrived. Opening a guide page also fetches the
/// parameters' names (`params.ftl`); the guide counts as arrived only with
/// them, so the page is laid out once, with its final text.
fn region_guide() -> Memo<Option<(&'static str, Option<&'static PlaceGuide>)>> {
    let place = use_place();
    let query = use_query_map();
    crate::i18n::want_params();
    Memo::new(move |_| {
        let code = query
            .with(|q| q.get("region"))
            .and_then(|code| state::region(&code))
            .or_else(|| place.code.with(|c| c.as_deref().and_then(state::region)))?
            .code;
        Some((
            code,
            state::guide(code).filter(|_| crate::i18n::params_ready()),
        ))
    })
}

#[component]
pub fn Programs() -> impl IntoView {
    let guide = region_guide();
    move || match guide.get() {
        Some((code, None)) => {
            view! { <PackPending code=code.to_owned() failed=state::guide_failed/> }.into_any()
        }
        None => view! {
            <section class="card" aria-labelledby="guide-pick-heading">
                <h1 id="guide-pick-heading">{t!("guide-pick-heading")}</h1>
                <RegionPicker then="/programs"/>
            </section>
        }
        .into_any(),
        Some((_, Some(guide))) => program_list(guide).into_any(),
    }
}

fn program_list(guide: &'static PlaceGuide) -> impl IntoView + use<> {
    let code = guide.code.clone();
    let name = guide.name.clone();
    let groups = GROUPS
        .iter()
        .map(|(title, programs)| {
            let offered: Vec<ProgramId> = programs
                .iter()
                .copied()
                .filter(|p| guide.program(*p).is_some_and(|g| g.offered))
                .collect();
            let title = *title;
            let code = code.clone();
            (!offered.is_empty()).then(|| {
                view! {
                    <section class="card">
                        <h2>{move || tr(title)}</h2>
                        <ul class="program-list">
                            {offered.into_iter().map(|p| {
                                let name_id = program_name_id(p);
                                let guide = guide_id(p);
                                let href = format!("/programs/{}?region={}", p.as_str(), code);
                                view! {
                                    <li data-program=p.as_str()>
                                        <A href=href>{move || tr(name_id)}</A>
                                        <p class="hint">{move || tr(&guide)}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })
        })
        .collect_view();
    let demo = guide.demo;
    view! {
        <h1>{move || tr_args("guide-heading", [("region", name.as_str())])}</h1>
        <p class="lead">{t!("guide-lead")}</p>
        {demo.then(|| view! { <p class="notice demo">{t!("results-demo-pack")}</p> })}
        <StartCheck code=code.clone()/>
        {groups}
    }
}

/// Start the self-check in this jurisdiction (a page load from the light
/// bundle, which does not run the check).
#[component]
fn StartCheck(code: String) -> impl IntoView {
    let place = use_place();
    let navigate = leptos_router::hooks::use_navigate();
    view! {
        <button type="button" class="button start-check" on:click=move |_| {
            place.choose.run(code.clone());
            links::go(&navigate, "/check/members");
        }>{t!("guide-start-check")}</button>
    }
}

#[component]
pub fn ProgramPage() -> impl IntoView {
    let params = use_params_map();
    let guide = region_guide();
    let program = Memo::new(move |_| {
        params
            .with(|p| p.get("id"))
            .and_then(|id| ProgramId::parse(&id))
    });
    move || match (program.get(), guide.get()) {
        (None, _) => crate::pages::not_found::NotFound().into_any(),
        (Some(_), None) => Programs().into_any(),
        (Some(_), Some((code, None))) => {
            view! { <PackPending code=code.to_owned() failed=state::guide_failed/> }.into_any()
        }
        (Some(program), Some((_, Some(guide)))) => match guide.program(program) {
            Some(p) => program_detail(guide, p).into_any(),
            None => crate::pages::not_found::NotFound().into_any(),
        },
    }
}

fn program_detail(place: &'static PlaceGuide, e: &'static ProgramGuide) -> impl IntoView + use<> {
    let program = e.id;
    // The values in force today, as `rules_core::explain` picks them.
    let today = state::today();
    let parameters: Vec<ShownParam> = e.parameters.iter().filter_map(|p| p.on(today)).collect();
    let name_id = program_name_id(program);
    let guide = guide_id(program);
    let region = place.name.clone();
    let code = place.code.clone();
    let back = format!("/programs?region={code}");
    view! {
        <article class="program-guide" data-program=program.as_str()>
            <p class="region-line"><A href=back exact=true>{move || tr_args("guide-heading", [("region", region.as_str())])}</A></p>
            <h1>{move || tr(name_id)}</h1>
            {if e.offered {
                view! { <p class="lead">{move || tr(&guide)}</p> }.into_any()
            } else {
                view! { <p class="notice">{t!("guide-not-offered")}</p> }.into_any()
            }}
            {(!parameters.is_empty()).then(|| view! {
                <section class="card">
                    <h2>{t!("guide-how-much")}</h2>
                    <ul class="parameters">
                        {parameters.into_iter().map(|p| view! { <ParamItem value=p/> }).collect_view()}
                    </ul>
                </section>
            })}
            {(!e.documents.is_empty()).then(|| view! {
                <section class="card">
                    <h2>{t!("checklist-heading")}</h2>
                    <ul class="documents">
                        {e.documents.iter().map(|name| view! { <li lang="zh-CN">{name.clone()}</li> }).collect_view()}
                    </ul>
                </section>
            })}
            <section class="card">
                <h2>{t!("offices-heading")}</h2>
                {e.office.clone().map(|o| view! { <p><strong lang="zh-CN">{o}</strong></p> })}
                {e.apply_at.clone().map(|a| view! { <p lang="zh-CN">{a}</p> })}
                {e.time_limits.as_ref().map(|l| {
                    let items: Vec<(&'static str, u32)> = [
                        ("time-limit-investigation", l.investigation_working_days),
                        ("time-limit-publicity", l.publicity_days),
                        ("time-limit-decision", l.decision_working_days),
                        ("time-limit-total", l.total_working_days),
                    ]
                    .into_iter()
                    .filter_map(|(id, d)| d.map(|d| (id, d)))
                    .collect();
                    view! {
                        <ul class="limits">
                            {items.into_iter().map(|(id, d)| view! {
                                <li>{move || tr_args(id, [("days", d.to_string().as_str())])}</li>
                            }).collect_view()}
                        </ul>
                    }
                })}
                {e.rule.clone().map(|c| view! {
                    <p class="rule">{t!("why-rule")}" "<span lang="zh-CN">{c}</span></p>
                })}
            </section>
            <StartCheck code=code/>
        </article>
    }
}
