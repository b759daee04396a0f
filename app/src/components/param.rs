//! One parameter a decision or a program uses: its name, value with unit,
//! effective date, source, and whether it is an example or a provincial floor.

use leptos::prelude::*;
use rules_core::pack::Unit;
use rules_core::{ParamValue, Period};

use crate::i18n::{self, tr, tr_args};
use crate::t;

/// "document clause", as the pack cites it.
pub fn citation(source: &rules_core::pack::Source) -> String {
    let mut s = source.document.to_string();
    if let Some(clause) = &source.clause {
        s.push(' ');
        s.push_str(clause);
    }
    s
}

/// The parameter's name in the page language (`param-…`), or its id.
fn param_label(name: &str) -> String {
    let id = format!("param-{}", name.replace('_', "-"));
    if i18n::has(&id) {
        tr(&id)
    } else {
        name.to_owned()
    }
}

/// How a parameter's value reads: money with its period, a share as a
/// percentage, a multiple, a count of days …
fn param_value_text(value: &ParamValue) -> String {
    let lang = i18n::current();
    let v = value.value.normalize().to_string();
    match value.unit {
        Unit::Yuan => {
            let money = i18n::format_money(lang, &value.value.round_dp(2).to_string());
            let per = match value.period {
                Some(Period::Month) => "amount-per-month",
                Some(Period::Year) => "amount-per-year",
                Some(Period::Day) => "amount-per-day",
                Some(Period::Once) => "amount-once",
                Some(Period::Share) | None => return money,
            };
            tr_args(per, [("value", money.as_str())])
        }
        Unit::Share => {
            let percent = (value.value * rust_decimal::Decimal::ONE_HUNDRED)
                .normalize()
                .to_string();
            tr_args("unit-percent", [("value", percent.as_str())])
        }
        Unit::Multiple => tr_args("unit-multiple", [("value", v.as_str())]),
        Unit::Months => tr_args("unit-months", [("value", v.as_str())]),
        Unit::Years => tr_args("unit-years-value", [("value", v.as_str())]),
        Unit::Days => tr_args("unit-days-value", [("value", v.as_str())]),
        Unit::WorkingDays => tr_args("unit-working-days", [("value", v.as_str())]),
        Unit::Count => v,
        Unit::Flag => tr(if value.value.is_zero() {
            "answer-no"
        } else {
            "answer-yes"
        }),
    }
}

/// A parameter as a list item.
#[component]
pub fn ParamItem(value: ParamValue) -> impl IntoView {
    let name = value.name.to_string();
    let data_name = name.clone();
    let from = value.from.to_string();
    let source = value.source.as_deref().map(citation);
    let (example, floor) = (value.example, value.floor);
    view! {
        <li data-parameter=data_name>
            {move || param_label(&name)}": "<strong>{move || param_value_text(&value)}</strong>" "
            <span class="since">{move || tr_args("param-since", [("date", from.as_str())])}</span>
            {source.map(|s| view! { <span class="source" lang="zh-CN">" · "{s}</span> })}
            {example.then(|| view! { <span class="badge example">{t!("badge-example")}</span> })}
            {floor.then(|| view! { <span class="badge floor">{t!("badge-floor")}</span> })}
        </li>
    }
}
