//! Step 5: special circumstances: an emergency, a death in the family, a
//! legal matter, and the help the household already receives.

use leptos::prelude::*;
use rules_core::ProgramId;
use rules_core::household::BenefitHeld;

use super::{household_setter, household_value, offers};
use crate::components::fields::{ChoiceField, YES_NO};
use crate::i18n::tr;
use crate::options::EMERGENCIES;
use crate::pages::program_name_id;
use crate::state::use_store;
use crate::t;

/// Benefits a household may already hold, as asked.
const HELD: [ProgramId; 6] = [
    ProgramId::Dibao,
    ProgramId::DibaoEdge,
    ProgramId::Tekun,
    ProgramId::Orphan,
    ProgramId::DisabilityLiving,
    ProgramId::DisabilityCare,
];

#[component]
pub fn SpecialStep() -> impl IntoView {
    let store = use_store();
    // Yes: a list of what is held; no: an empty list; unknown: none.
    let receives = Memo::new(move |_| {
        store.draft.with(|d| {
            d.household
                .current_benefits
                .as_ref()
                .map(|l| !l.is_empty() || d.marks.contains("benefits-yes"))
        })
    });
    let set_receives = move |v: Option<bool>| {
        store.draft.update(|d| {
            d.household.current_benefits = v.map(|_| Vec::new());
            if v == Some(true) {
                d.marks.insert("benefits-yes".to_owned());
            } else {
                d.marks.remove("benefits-yes");
            }
        })
    };
    view! {
        <p class="step-intro">{t!("special-intro")}</p>
        <section class="card" aria-labelledby="special-events">
            <h2 id="special-events">{t!("special-events")}</h2>
            <Show when=move || offers(store, ProgramId::Temporary) || offers(store, ProgramId::Disaster)>
                <ChoiceField question="q-emergency" options=EMERGENCIES
                    value=household_value(store, |h| h.emergency)
                    on_change=household_setter(store, |h, v| h.emergency = v)
                    name="emergency" hint="hint-emergency"/>
            </Show>
            <Show when=move || offers(store, ProgramId::FuneralRelief)>
                <ChoiceField question="q-recent-death" options=YES_NO
                    value=household_value(store, |h| h.recent_death)
                    on_change=household_setter(store, |h, v| h.recent_death = v)
                    name="recent-death"/>
            </Show>
            <Show when=move || offers(store, ProgramId::LegalAid)>
                <ChoiceField question="q-legal-matter" options=YES_NO
                    value=household_value(store, |h| h.legal_matter)
                    on_change=household_setter(store, |h, v| h.legal_matter = v)
                    name="legal-matter"/>
            </Show>
            <ChoiceField question="q-monitoring" options=YES_NO
                value=household_value(store, |h| h.monitoring_target)
                on_change=household_setter(store, |h, v| h.monitoring_target = v)
                name="monitoring" hint="hint-monitoring"/>
        </section>
        <section class="card" aria-labelledby="special-benefits">
            <h2 id="special-benefits">{t!("special-benefits")}</h2>
            <ChoiceField question="q-receives-benefits" options=YES_NO value=receives
                on_change=set_receives name="receives"/>
            <Show when=move || receives.get() == Some(true)>
                <fieldset class="field checks">
                    <legend>{t!("q-benefits-which")}</legend>
                    {HELD.into_iter().map(|program| {
                        let id = format!("held-{}", program.as_str());
                        let label_for = id.clone();
                        let checked = Memo::new(move |_| store.draft.with(|d| {
                            d.household.current_benefits.as_ref().is_some_and(|l| l.iter().any(|b| b.program == program))
                        }));
                        view! {
                            <label class="option" for=label_for>
                                <input type="checkbox" id=id prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        store.draft.update(|d| {
                                            let list = d.household.current_benefits.get_or_insert_with(Vec::new);
                                            list.retain(|b| b.program != program);
                                            if on {
                                                list.push(BenefitHeld { program, member: None, since: None, monthly: None });
                                            }
                                        });
                                    }/>
                                <span>{move || tr(program_name_id(program))}</span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            </Show>
        </section>
    }
}
