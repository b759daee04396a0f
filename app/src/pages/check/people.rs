//! Step 2: each member's situation. Only what matters for this person and
//! this pack is asked: no grade without a disability, no school question for
//! a 70-year-old, no union question where the pack runs no union aid.

use leptos::prelude::*;
use rules_core::ProgramId;
use rules_core::household::{Disability, HospitalStay, Hukou, Sex};

use super::{member_count, member_heading, member_setter, member_value, offers};
use crate::components::fields::{ChoiceField, CountField, YES_NO};
use crate::options::{
    CARE_MODES, DISABILITY_CATEGORIES, DISABILITY_GRADES, EMPLOYMENT, HOSPITAL_LEVELS, HUKOU_KINDS,
    LIVING, ORPHAN_STATUS, SELF_CARE, STUDENT_STAGES, SUPPORTERS, WORK_CAPACITY,
};
use crate::state::use_store;
use crate::t;

#[component]
pub fn PeopleStep() -> impl IntoView {
    let store = use_store();
    let count = member_count(store);
    view! {
        <p class="step-intro">{t!("people-intro")}</p>
        <For each=move || 0..count.get() key=|i| *i let:i>
            <PersonCard i=i/>
        </For>
    }
}

fn disability_mut(m: &mut rules_core::household::Member) -> &mut Disability {
    m.disability.get_or_insert_with(Disability::default)
}

fn hospital_mut(m: &mut rules_core::household::Member) -> &mut HospitalStay {
    m.hospital_stay.get_or_insert_with(HospitalStay::default)
}

fn hukou(m: &rules_core::household::Member) -> &Hukou {
    &m.hukou
}

#[component]
fn PersonCard(i: usize) -> impl IntoView {
    let store = use_store();
    let age = member_value(store, i, |m| m.age);
    // Unknown age: ask everything that could apply.
    let age_in = move |lo: u32, hi: u32| age.get().is_none_or(|a| (lo..=hi).contains(&a));
    let disabled = member_value(store, i, |m| m.disability.as_ref().and_then(|d| d.has));
    let ill = member_value(store, i, |m| m.serious_illness);
    let female = member_value(store, i, |m| m.sex.map(|s| s == Sex::Female));
    let work = member_value(store, i, |m| m.work_capacity);
    let orphan = member_value(store, i, |m| m.orphan_status);
    let hospital_key = format!("m{i}-hospital");
    let in_hospital = {
        let key = hospital_key;
        Memo::new(move |_| {
            store.draft.with(|d| {
                if d.household
                    .members
                    .get(i)
                    .is_some_and(|m| m.hospital_stay.is_some())
                {
                    Some(true)
                } else {
                    d.marks.contains(&key).then_some(false)
                }
            })
        })
    };
    let set_hospital = move |v: Option<bool>| {
        let key = format!("m{i}-hospital");
        store.draft.update(|d| {
            if let Some(m) = d.household.members.get_mut(i) {
                m.hospital_stay = (v == Some(true)).then(HospitalStay::default);
            }
            if v == Some(false) {
                d.marks.insert(key);
            } else {
                d.marks.remove(&key);
            }
        })
    };
    let heading_id = format!("person-{i}-heading");
    let labelledby = heading_id.clone();
    let n = move |suffix: &str| format!("m{i}-{suffix}");

    view! {
        <section class="card person" aria-labelledby=labelledby data-member=i>
            <h2 id=heading_id>{member_heading(store, i)}</h2>
            {(i > 0).then(|| view! {
                <ChoiceField question="q-living" options=LIVING
                    value=member_value(store, i, |m| m.living)
                    on_change=member_setter(store, i, |m, v| m.living = v)
                    name=n("living")/>
            })}
            <ChoiceField question="q-hukou-local" options=YES_NO
                value=member_value(store, i, |m| hukou(m).local)
                on_change=member_setter(store, i, |m, v| m.hukou.local = v)
                name=n("hukou-local") hint="hint-hukou-local"/>
            <ChoiceField question="q-hukou-kind" options=HUKOU_KINDS
                value=member_value(store, i, |m| hukou(m).kind)
                on_change=member_setter(store, i, |m, v| m.hukou.kind = v)
                name=n("hukou-kind")/>
            <ChoiceField question="q-disabled" options=YES_NO
                value=disabled
                on_change=member_setter(store, i, |m, v| {
                    if v == Some(false) || v.is_none() {
                        m.disability = v.map(|has| Disability { has: Some(has), ..Disability::default() });
                    } else {
                        disability_mut(m).has = v;
                    }
                })
                name=n("disabled") hint="hint-disabled"/>
            <Show when=move || disabled.get() == Some(true)>
                <ChoiceField question="q-disability-category" options=DISABILITY_CATEGORIES
                    value=member_value(store, i, |m| m.disability.as_ref().and_then(|d| d.category))
                    on_change=member_setter(store, i, |m, v| disability_mut(m).category = v)
                    name=n("disability-category")/>
                <ChoiceField question="q-disability-grade" options=DISABILITY_GRADES
                    value=member_value(store, i, |m| m.disability.as_ref().and_then(|d| d.grade))
                    on_change=member_setter(store, i, |m, v| disability_mut(m).grade = v)
                    name=n("disability-grade") hint="hint-disability-grade"/>
            </Show>
            <ChoiceField question="q-serious-illness" options=YES_NO
                value=ill
                on_change=member_setter(store, i, |m, v| m.serious_illness = v)
                name=n("illness") hint="hint-serious-illness"/>
            <Show when=move || age_in(60, 200) || disabled.get() != Some(false) || ill.get() == Some(true)>
                <ChoiceField question="q-self-care" options=SELF_CARE
                    value=member_value(store, i, |m| m.self_care)
                    on_change=member_setter(store, i, |m, v| m.self_care = v)
                    name=n("self-care") hint="hint-self-care"/>
            </Show>
            <Show when=move || age_in(3, 30)>
                <ChoiceField question="q-student" options=STUDENT_STAGES
                    value=member_value(store, i, |m| m.student)
                    on_change=member_setter(store, i, |m, v| m.student = v)
                    name=n("student")/>
            </Show>
            // Work capacity matters at any adult age (特困 asks it of the elderly too).
            <Show when=move || age_in(16, 200)>
                <ChoiceField question="q-work-capacity" options=WORK_CAPACITY
                    value=work
                    on_change=member_setter(store, i, |m, v| m.work_capacity = v)
                    name=n("work-capacity")/>
                <Show when=move || work.get() != Some(rules_core::household::WorkCapacity::None)>
                    <ChoiceField question="q-employment" options=EMPLOYMENT
                        value=member_value(store, i, |m| m.employment)
                        on_change=member_setter(store, i, |m, v| m.employment = v)
                        name=n("employment")/>
                </Show>
            </Show>
            // Laid-off workers stay union members: ask whatever the job status.
            <Show when=move || { age_in(16, 70) && offers(store, ProgramId::WorkerHardship) }>
                <ChoiceField question="q-union-member" options=YES_NO
                    value=member_value(store, i, |m| m.union_member)
                    on_change=member_setter(store, i, |m, v| m.union_member = v)
                    name=n("union")/>
            </Show>
            <Show when=move || age_in(0, 17)>
                <ChoiceField question="q-orphan" options=ORPHAN_STATUS
                    value=orphan
                    on_change=member_setter(store, i, |m, v| m.orphan_status = v)
                    name=n("orphan") hint="hint-orphan"/>
            </Show>
            <Show when=move || age_in(0, 17) || age_in(60, 200) || disabled.get() != Some(false)>
                <ChoiceField question="q-supporters" options=SUPPORTERS
                    value=member_value(store, i, |m| m.supporters)
                    on_change=member_setter(store, i, |m, v| m.supporters = v)
                    name=n("supporters") hint="hint-supporters"/>
                <ChoiceField question="q-care-mode" options=CARE_MODES
                    value=member_value(store, i, |m| m.care_mode)
                    on_change=member_setter(store, i, |m, v| m.care_mode = v)
                    name=n("care-mode")/>
            </Show>
            <Show when=move || { female.get() != Some(false) && age_in(18, 200) && offers(store, ProgramId::TwoCancers) }>
                <ChoiceField question="q-two-cancers" options=YES_NO
                    value=member_value(store, i, |m| m.two_cancers_diagnosis)
                    on_change=member_setter(store, i, |m, v| m.two_cancers_diagnosis = v)
                    name=n("two-cancers")/>
            </Show>
            <Show when=move || offers(store, ProgramId::HospitalEscort) || offers(store, ProgramId::Medical)>
                <ChoiceField question="q-hospital" options=YES_NO
                    value=in_hospital
                    on_change=set_hospital
                    name=n("hospital")/>
                <Show when=move || in_hospital.get() == Some(true)>
                    <ChoiceField question="q-hospital-level" options=HOSPITAL_LEVELS
                        value=member_value(store, i, |m| m.hospital_stay.as_ref().and_then(|h| h.level))
                        on_change=member_setter(store, i, |m, v| hospital_mut(m).level = v)
                        name=n("hospital-level")/>
                    <CountField question="q-hospital-days"
                        value=member_value(store, i, |m| m.hospital_stay.as_ref().and_then(|h| h.days))
                        on_change=member_setter(store, i, |m, v| hospital_mut(m).days = v)
                        id=n("hospital-days") min=1 max=365 unit="unit-days"/>
                </Show>
            </Show>
        </section>
    }
}
