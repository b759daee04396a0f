//! Step 1: who lives with you.

use leptos::prelude::*;

use super::{member_count, member_heading, member_setter, member_value};
use crate::components::fields::{ChoiceField, CountField};
use crate::options::{RELATIONS, SEXES};
use crate::state::use_store;
use crate::t;

/// At most this many people in one household (bounded input).
const MAX_MEMBERS: usize = 20;

#[component]
pub fn MembersStep() -> impl IntoView {
    let store = use_store();
    let count = member_count(store);
    view! {
        <p class="step-intro">{t!("members-intro")}</p>
        <For each=move || 0..count.get() key=|i| *i let:i>
            <MemberCard i=i/>
        </For>
        <Show when=move || { count.get() < MAX_MEMBERS }>
            <button
                type="button"
                class="button secondary add-member"
                on:click=move |_| store.draft.update(|d| d.household.members.push(Default::default()))
            >
                {t!("members-add")}
            </button>
        </Show>
    }
}

#[component]
fn MemberCard(i: usize) -> impl IntoView {
    let store = use_store();
    let heading_id = format!("member-{i}-heading");
    let labelledby = heading_id.clone();
    view! {
        <section class="card member" aria-labelledby=labelledby data-member=i>
            <h2 id=heading_id>{member_heading(store, i)}</h2>
            {(i > 0).then(|| view! {
                <ChoiceField
                    question="q-relation"
                    options=&RELATIONS[1..]
                    value=member_value(store, i, |m| m.relation)
                    on_change=member_setter(store, i, |m, v| m.relation = v)
                    name=format!("m{i}-relation")
                />
            })}
            <CountField
                question="q-age"
                value=member_value(store, i, |m| m.age)
                on_change=member_setter(store, i, |m, v| m.age = v)
                id=format!("m{i}-age")
                min=0
                max=120
                unit="unit-years"
            />
            <ChoiceField
                question="q-sex"
                options=SEXES
                value=member_value(store, i, |m| m.sex)
                on_change=member_setter(store, i, |m, v| m.sex = v)
                name=format!("m{i}-sex")
            />
            {(i > 0).then(|| view! {
                <button
                    type="button"
                    class="button danger-outline remove-member"
                    on:click=move |_| store.draft.update(|d| {
                        if i < d.household.members.len() {
                            d.household.members.remove(i);
                        }
                    })
                >
                    {t!("members-remove")}
                </button>
            })}
        </section>
    }
}
