//! One parameter a decision or a program uses: its name, value with unit,
//! effective date, source, and whether it is an example or a provincial floor.

use leptos::prelude::*;
use rules_core::Period;
use rules_core::guide::ShownParam;
use rules_core::pack::Unit;

use crate::i18n::{self, tr, tr_args};
use crate::t;

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
/// percentage, a multiple, a count of days … (`value` as
/// [`rules_core::guide::plain_value`] writes it).
fn param_value_text(unit: Unit, period: Option<Period>, value: &str) -> String {
    let lang = i18n::current();
    match unit {
        Unit::Yuan => {
            let money = i18n::format_money(lang, value);
            let per = match period {
                Some(Period::Month) => "amount-per-month",
                Some(Period::Year) => "amount-per-year",
                Some(Period::Day) => "amount-per-day",
                Some(Period::Once) => "amount-once",
                Some(Period::Share) | None => return money,
            };
            tr_args(per, [("value", money.as_str())])
        }
        Unit::Share => tr_args("unit-percent", [("value", value)]),
        Unit::Multiple => tr_args("unit-multiple", [("value", value)]),
        Unit::Months => tr_args("unit-months", [("value", value)]),
        Unit::Years => tr_args("unit-years-value", [("value", value)]),
        Unit::Days => tr_args("unit-days-value", [("value", value)]),
        Unit::WorkingDays => tr_args("unit-working-days", [("value", value)]),
        Unit::Count => value.to_owned(),
        Unit::Flag => tr(if value == "0" {
            "answer-no"
        } else {
            "answer-yes"
        }),
    }
}

/// A parameter as a list item.
#[component]
pub fn ParamItem(
    /// The parameter's value in force, with its date and source.
    value: ShownParam,
) -> impl IntoView {
    let ShownParam {
        name,
        unit,
        period,
        value,
        from,
        source,
        example,
        floor,
    } = value;
    let data_name = name.clone();
    let from = from.to_string();
    view! {
        <li data-parameter=data_name>
            {move || param_label(&name)}": "<strong>{move || param_value_text(unit, period, &value)}</strong>" "
            <span class="since">{move || tr_args("param-since", [("date", from.as_str())])}</span>
            {source.map(|s| view! { <span class="source" lang="zh-CN">" · "{s}</span> })}
            {example.then(|| view! { <span class="badge example">{t!("badge-example")}</span> })}
            {floor.then(|| view! { <span class="badge floor">{t!("badge-floor")}</span> })}
        </li>
    }
}
