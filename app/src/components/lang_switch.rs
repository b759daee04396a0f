//! The language switch: one button per shipped language, each labelled in its
//! own language (and marked with its `lang`) so anyone can find theirs.

use leptos::prelude::*;

use crate::i18n::{self, Lang};
use crate::t;

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
