//! Pieces shared by the pages: the language switch and field errors.

use leptos::prelude::*;

use crate::api::FieldError;
use crate::i18n::{self, Lang};
use crate::t;

/// One button per shipped language, each labelled in its own language (and
/// marked with its `lang`) so anyone can find theirs.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let label = move |lang: Lang| match lang {
        Lang::ZhCn => t!("lang-zh-CN").into_any(),
        Lang::ZhTw => t!("lang-zh-TW").into_any(),
        Lang::En => t!("lang-en").into_any(),
    };
    view! {
        <div class="lang-switch" role="group" aria-label=t!("lang-switch-label")>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.tag()
                            data-lang=lang.tag()
                            aria-pressed=move || (i18n::current() == lang).to_string()
                            on:click=move |_| i18n::set_language(lang)
                        >
                            {label(lang)}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The message for a field error code from the server, in the worker's
/// language. Amount fields get the amount's own explanation.
pub fn field_message(error: &FieldError) -> String {
    let id = match error.code.as_str() {
        "required" if error.field == "awards" => "field-awards-required",
        "format" if error.field.ends_with(".amount") => "field-amount-format",
        "required" => "field-required",
        "too_long" => "field-too-long",
        "format" => "field-format",
        "not_applied" => "field-not-applied",
        "duplicate" => "field-duplicate",
        _ => "field-unknown",
    };
    i18n::tr(id)
}

/// The first error for `field` among `errors`, translated; empty if none.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors.iter().find(|e| e.field == field).map(field_message)
}

/// An error text under a field, tied to it by `id` (the field names it in
/// `aria-describedby`); empty and hidden when there is no error.
#[component]
pub fn FieldErrorText(
    /// The element id the field refers to.
    id: String,
    /// The error text, if any (reactive).
    #[prop(into)]
    text: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <p class="error" id=id>
            {move || text.get().unwrap_or_default()}
        </p>
    }
}
