//! Step 4: money, vehicles, homes and essential spending.

use leptos::prelude::*;

use super::{household_setter, household_value};
use crate::components::fields::{ChoiceField, CountField, MoneyField, YES_NO};
use crate::state::use_store;
use crate::t;

#[component]
pub fn AssetsStep() -> impl IntoView {
    let store = use_store();
    view! {
        <p class="step-intro">{t!("assets-intro")}</p>
        <section class="card" aria-labelledby="assets-property">
            <h2 id="assets-property">{t!("assets-property")}</h2>
            <MoneyField question="q-money-assets" hint="hint-money-assets"
                value=household_value(store, |h| h.money_assets)
                on_change=household_setter(store, |h, v| h.money_assets = v)
                id="money-assets"/>
            <CountField question="q-cars" hint="hint-cars"
                value=household_value(store, |h| h.cars)
                on_change=household_setter(store, |h, v| h.cars = v)
                id="cars" min=0 max=20/>
            <CountField question="q-homes"
                value=household_value(store, |h| h.homes)
                on_change=household_setter(store, |h, v| h.homes = v)
                id="homes" min=0 max=20/>
            <ChoiceField question="q-business" options=YES_NO
                value=household_value(store, |h| h.runs_business)
                on_change=household_setter(store, |h, v| h.runs_business = v)
                name="business"/>
            <ChoiceField question="q-housing-difficulty" options=YES_NO
                value=household_value(store, |h| h.housing_difficulty)
                on_change=household_setter(store, |h, v| h.housing_difficulty = v)
                name="housing-difficulty"/>
        </section>
        <section class="card" aria-labelledby="assets-spending">
            <h2 id="assets-spending">{t!("assets-spending")}</h2>
            <p class="hint">{t!("hint-spending")}</p>
            <MoneyField question="q-spending-medical"
                value=household_value(store, |h| h.spending_12m.medical)
                on_change=household_setter(store, |h, v| h.spending_12m.medical = v)
                id="spending-medical"/>
            <MoneyField question="q-spending-education"
                value=household_value(store, |h| h.spending_12m.education)
                on_change=household_setter(store, |h, v| h.spending_12m.education = v)
                id="spending-education"/>
            <MoneyField question="q-spending-rehabilitation"
                value=household_value(store, |h| h.spending_12m.rehabilitation)
                on_change=household_setter(store, |h, v| h.spending_12m.rehabilitation = v)
                id="spending-rehabilitation"/>
        </section>
    }
}
