//! Form fields for the questionnaire. Every question can be answered 不清楚
//! (unknown); every input validates as the person types and says what is
//! wrong in plain words.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::i18n::tr;
use crate::t;

/// A question with a few answers as large radio buttons, plus 不清楚 (unknown).
/// `None` is the unknown answer. Generic only in this thin layer: the view
/// itself is built once, for answer indexes, to keep the WASM small.
#[component]
pub fn ChoiceField<T>(
    /// Message id of the question.
    question: &'static str,
    /// The answers and their message ids.
    options: &'static [(T, &'static str)],
    /// The current answer.
    #[prop(into)]
    value: Signal<Option<T>>,
    /// Called with the new answer.
    on_change: impl Fn(Option<T>) + Send + Sync + 'static,
    /// A unique name for the radio group.
    #[prop(into)]
    name: String,
    /// Message id of a hint under the question.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView
where
    T: Copy + PartialEq + serde::Serialize + Send + Sync + 'static,
{
    // Each radio's value is the answer's JSON form (`spouse`, `2`, `true`),
    // the same as in the household JSON: tests and assistive tools can rely on it.
    let labels: Vec<(String, &'static str)> = options
        .iter()
        .map(|(value, label)| {
            let json = serde_json::to_string(value).unwrap_or_default();
            (json.trim_matches('"').to_owned(), *label)
        })
        .collect();
    let selected = Signal::derive(move || {
        value
            .get()
            .and_then(|v| options.iter().position(|(o, _)| *o == v))
    });
    let on_select = Callback::new(move |i: Option<usize>| {
        on_change(i.and_then(|i| options.get(i)).map(|(o, _)| *o))
    });
    choice_view(question, labels, selected, on_select, name, hint)
}

fn choice_view(
    question: &'static str,
    labels: Vec<(String, &'static str)>,
    selected: Signal<Option<usize>>,
    on_select: Callback<Option<usize>>,
    name: String,
    hint: Option<&'static str>,
) -> AnyView {
    let hint_id = format!("{name}-hint");
    let described = hint.map(|_| hint_id.clone());
    let unknown_id = format!("{name}-unknown");
    let unknown_for = unknown_id.clone();
    view! {
        <fieldset class="field choice" aria-describedby=described>
            <legend>{move || tr(question)}</legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || tr(h)}</p> })}
            <div class="options">
                {labels
                    .into_iter()
                    .enumerate()
                    .map(|(i, (value, label))| {
                        let id = format!("{name}-{i}");
                        let label_for = id.clone();
                        view! {
                            <label class="option" for=label_for>
                                <input
                                    type="radio"
                                    id=id
                                    value=value
                                    name=name.clone()
                                    prop:checked=move || selected.get() == Some(i)
                                    on:change=move |_| on_select.run(Some(i))
                                />
                                <span>{move || tr(label)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
                <label class="option unknown" for=unknown_for>
                    <input
                        type="radio"
                        id=unknown_id
                        value="unknown"
                        name=name.clone()
                        prop:checked=move || selected.get().is_none()
                        on:change=move |_| on_select.run(None)
                    />
                    <span>{t!("answer-unknown")}</span>
                </label>
            </div>
        </fieldset>
    }
    .into_any()
}

/// The answers of a yes/no question.
pub const YES_NO: &[(bool, &str)] = &[(true, "answer-yes"), (false, "answer-no")];

/// Parse a whole number within bounds; `Ok(None)` for an empty field.
pub fn parse_count(text: &str, min: u32, max: u32) -> Result<Option<u32>, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let n: u32 = text.parse().map_err(|_| "error-whole-number")?;
    if n < min || n > max {
        return Err("error-out-of-range");
    }
    Ok(Some(n))
}

/// Parse yuan with up to two decimals (an optional trailing 元 is accepted);
/// `Ok(None)` for an empty field.
pub fn parse_money(text: &str) -> Result<Option<Decimal>, &'static str> {
    // People type 1,300元 or use the full-width comma: accept both
    // (U+5143 is 元, U+FF0C the full-width comma).
    let text = text
        .trim()
        .trim_end_matches('\u{5143}')
        .trim()
        .replace([',', '\u{ff0c}'], "");
    if text.is_empty() {
        return Ok(None);
    }
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || (text.contains('.') && frac.is_empty()) {
        return Err("error-money-format");
    }
    if frac.len() > 2 {
        return Err("error-money-decimals");
    }
    if int.len() > 9 {
        return Err("error-money-too-large");
    }
    text.parse::<Decimal>()
        .map(Some)
        .map_err(|_| "error-money-format")
}

/// A text field that holds a parsed value: the text the person typed stays as
/// typed; a valid parse updates the answer, an invalid one shows why. Built
/// once for all value types: `parse` reads a typed text (empty is unknown),
/// `format` writes an answer as text.
#[allow(clippy::too_many_arguments)]
fn parsed_field<T>(
    question: &'static str,
    value: Signal<Option<T>>,
    parse: impl Fn(&str) -> Result<Option<T>, &'static str> + Copy + Send + Sync + 'static,
    format: fn(&T) -> String,
    on_change: impl Fn(Option<T>) + Send + Sync + 'static,
    id: String,
    inputmode: &'static str,
    unit: Option<&'static str>,
    hint: Option<&'static str>,
    range: Option<(u32, u32)>,
) -> AnyView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let show = move |v: &Option<T>| v.as_ref().map(format).unwrap_or_default();
    let text = RwSignal::new(value.with_untracked(show));
    let error = RwSignal::new(None::<&'static str>);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    // When the answer changes elsewhere (cleared, restored), show it, unless
    // the person is mid-way through typing something that is not valid yet.
    // Text that already says the answer stays as typed ("1300.0" on the way
    // to "1300.05" is 1300, and must not become "1300" under the cursor).
    Effect::new(move |_| {
        value.with(|current| {
            let says = text.with_untracked(|t| parse(t).ok());
            if error.get_untracked().is_none() && says.as_ref() != Some(current) {
                text.set(show(current));
            }
        })
    });
    let label_for = id.clone();
    view! {
        <div class="field text">
            <label for=label_for>{move || tr(question)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || tr(h)}</p> })}
            <div class="input-row">
                <input
                    id=id
                    type="text"
                    inputmode=inputmode
                    autocomplete="off"
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=described
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        // The field already shows what was typed: keep it
                        // without re-setting the field's value, and touch
                        // the error only when it changes (each notification
                        // re-runs the field's effects while the person types).
                        let typed = event_target_value(&ev);
                        let parsed = parse(&typed);
                        text.update_untracked(|t| *t = typed);
                        let now = match parsed {
                            Ok(v) => {
                                on_change(v);
                                None
                            }
                            Err(e) => Some(e),
                        };
                        if error.get_untracked() != now {
                            error.set(now);
                        }
                    }
                />
                {unit.map(|u| view! { <span class="unit">{move || tr(u)}</span> })}
            </div>
            <p class="error" id=error_id role="alert">
                {move || {
                    error.get().map(|e| match range {
                        Some((min, max)) if e == "error-out-of-range" => crate::i18n::tr_args(
                            e,
                            [("min", min.to_string().as_str()), ("max", max.to_string().as_str())],
                        ),
                        _ => tr(e),
                    })
                }}
            </p>
        </div>
    }
    .into_any()
}

/// A bounded whole number (age, count). Empty means unknown.
#[component]
pub fn CountField(
    question: &'static str,
    #[prop(into)] value: Signal<Option<u32>>,
    on_change: impl Fn(Option<u32>) + Send + Sync + 'static,
    #[prop(into)] id: String,
    min: u32,
    max: u32,
    #[prop(optional)] unit: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    parsed_field(
        question,
        value,
        move |text| parse_count(text, min, max),
        u32::to_string,
        on_change,
        id,
        "numeric",
        unit,
        hint,
        Some((min, max)),
    )
}

/// Yuan with up to two decimals. Empty means unknown.
#[component]
pub fn MoneyField(
    question: &'static str,
    #[prop(into)] value: Signal<Option<Decimal>>,
    on_change: impl Fn(Option<Decimal>) + Send + Sync + 'static,
    #[prop(into)] id: String,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    parsed_field(
        question,
        value,
        parse_money,
        |d| d.normalize().to_string(),
        on_change,
        id,
        "decimal",
        Some("unit-yuan"),
        hint,
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn money_accepts_yuan_with_two_decimals() {
        assert_eq!(parse_money(""), Ok(None));
        assert_eq!(parse_money("1300"), Ok(Some(Decimal::new(1300, 0))));
        assert_eq!(
            parse_money(" 1\u{ff0c}300.5\u{5143} "),
            Ok(Some(Decimal::new(13005, 1)))
        );
        assert_eq!(parse_money("0.01"), Ok(Some(Decimal::new(1, 2))));
        assert_eq!(parse_money("1.234"), Err("error-money-decimals"));
        assert_eq!(parse_money("-5"), Err("error-money-format"));
        assert_eq!(parse_money("abc"), Err("error-money-format"));
        assert_eq!(parse_money("12."), Err("error-money-format"));
        assert_eq!(parse_money("1234567890"), Err("error-money-too-large"));
    }

    #[wasm_bindgen_test]
    fn counts_are_bounded() {
        assert_eq!(parse_count("", 0, 120), Ok(None));
        assert_eq!(parse_count("70", 0, 120), Ok(Some(70)));
        assert_eq!(parse_count("121", 0, 120), Err("error-out-of-range"));
        assert_eq!(parse_count("7.5", 0, 120), Err("error-whole-number"));
    }
}
