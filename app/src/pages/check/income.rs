//! Step 3: monthly income, by member and by kind. Kinds the means test does
//! not count (民发〔2021〕57号 第十三条) are listed apart so people do not leave
//! them out for fear of losing help.

use leptos::prelude::*;
use rules_core::household::{Income, IncomeKind};

use super::{member_count, member_heading};
use crate::components::fields::{ChoiceField, MoneyField, YES_NO};
use crate::i18n::tr;
use crate::options::INCOME_KINDS;
use crate::state::use_store;
use crate::t;

#[component]
pub fn IncomeStep() -> impl IntoView {
    let store = use_store();
    let count = member_count(store);
    view! {
        <p class="step-intro">{t!("income-intro")}</p>
        <For each=move || 0..count.get() key=|i| *i let:i>
            <IncomeCard i=i/>
        </For>
    }
}

#[component]
fn IncomeCard(i: usize) -> impl IntoView {
    let store = use_store();
    let heading_id = format!("income-{i}-heading");
    let labelledby = heading_id.clone();
    // Yes: a list (maybe still empty); no: an empty list; unknown: none.
    let mark = format!("m{i}-income-yes");
    let has_income = Memo::new(move |_| {
        store.draft.with(|d| {
            d.household.members.get(i).and_then(|m| {
                m.incomes
                    .as_ref()
                    .map(|list| !list.is_empty() || d.marks.contains(&mark))
            })
        })
    });
    let set_has_income = move |v: Option<bool>| {
        store.draft.update(|d| {
            let key = format!("m{i}-income-yes");
            if let Some(m) = d.household.members.get_mut(i) {
                match v {
                    Some(true) => {
                        if m.incomes.as_ref().is_none_or(Vec::is_empty) {
                            m.incomes = Some(vec![Income {
                                kind: IncomeKind::Wages,
                                monthly: None,
                            }]);
                        }
                    }
                    Some(false) => m.incomes = Some(Vec::new()),
                    None => m.incomes = None,
                }
            }
            // "yes" with every row removed is still "yes".
            if v == Some(true) {
                d.marks.insert(key);
            } else {
                d.marks.remove(&key);
            }
        })
    };
    let rows = Memo::new(move |_| {
        store.draft.with(|d| {
            d.household
                .members
                .get(i)
                .and_then(|m| m.incomes.as_ref().map(Vec::len))
                .unwrap_or(0)
        })
    });
    view! {
        <section class="card income" aria-labelledby=labelledby data-member=i>
            <h2 id=heading_id>{member_heading(store, i)}</h2>
            <ChoiceField question="q-has-income" options=YES_NO value=has_income
                on_change=set_has_income name=format!("m{i}-has-income") hint="hint-income"/>
            <Show when=move || has_income.get() == Some(true)>
                <For each=move || 0..rows.get() key=|r| *r let:r>
                    <IncomeRow i=i r=r/>
                </For>
                <button type="button" class="button secondary add-income"
                    on:click=move |_| store.draft.update(|d| {
                        if let Some(list) = d.household.members.get_mut(i).and_then(|m| m.incomes.as_mut()) {
                            list.push(Income { kind: IncomeKind::Wages, monthly: None });
                        }
                    })>
                    {t!("income-add")}
                </button>
            </Show>
        </section>
    }
}

/// An income kind's JSON form (`wages`, `pension` …), used as the option value.
fn kind_value(kind: IncomeKind) -> String {
    serde_json::to_string(&kind)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}

#[component]
fn IncomeRow(i: usize, r: usize) -> impl IntoView {
    let store = use_store();
    let kind = Memo::new(move |_| {
        store.draft.with(|d| {
            d.household
                .members
                .get(i)
                .and_then(|m| m.incomes.as_ref()?.get(r).map(|x| x.kind))
        })
    });
    let amount = Memo::new(move |_| {
        store.draft.with(|d| {
            d.household
                .members
                .get(i)
                .and_then(|m| m.incomes.as_ref()?.get(r)?.monthly)
        })
    });
    let update = move |f: &dyn Fn(&mut Income)| {
        store.draft.update(|d| {
            if let Some(x) = d
                .household
                .members
                .get_mut(i)
                .and_then(|m| m.incomes.as_mut())
                .and_then(|l| l.get_mut(r))
            {
                f(x);
            }
        })
    };
    let select_id = format!("m{i}-income-{r}-kind");
    view! {
        <div class="income-row" data-row=r>
            <div class="field">
                <label for=select_id.clone()>{t!("q-income-kind")}</label>
                <select
                    id=select_id
                    on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        if let Some((k, _)) = INCOME_KINDS.iter().find(|(k, _)| kind_value(*k) == chosen) {
                            let k = *k;
                            update(&|x| x.kind = k);
                        }
                    }
                >
                    <optgroup label=t!("income-counted")>
                        {INCOME_KINDS.iter().filter(|(k, _)| k.counted()).map(|(k, label)| {
                            let k = *k;
                            view! { <option value=kind_value(k) selected=move || kind.get() == Some(k)>{move || tr(label)}</option> }
                        }).collect_view()}
                    </optgroup>
                    <optgroup label=t!("income-excluded")>
                        {INCOME_KINDS.iter().filter(|(k, _)| !k.counted()).map(|(k, label)| {
                            let k = *k;
                            view! { <option value=kind_value(k) selected=move || kind.get() == Some(k)>{move || tr(label)}</option> }
                        }).collect_view()}
                    </optgroup>
                </select>
            </div>
            <MoneyField question="q-income-monthly" value=amount
                on_change=move |v| update(&|x| x.monthly = v)
                id=format!("m{i}-income-{r}-amount")/>
            <button type="button" class="button danger-outline remove-income"
                on:click=move |_| store.draft.update(|d| {
                    if let Some(list) = d.household.members.get_mut(i).and_then(|m| m.incomes.as_mut())
                        && r < list.len()
                    {
                        list.remove(r);
                    }
                })>
                {t!("income-remove")}
            </button>
        </div>
    }
}
