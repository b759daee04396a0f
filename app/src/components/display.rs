//! 适老化 helpers: a large-text mode (remembered on this device) and reading
//! the results aloud with the browser's own speech synthesis.

use leptos::prelude::*;

use crate::i18n;
use crate::t;

const LARGE_KEY: &str = "jiuzhu.large-text";

fn html_classes() -> Option<web_sys::DomTokenList> {
    Some(
        web_sys::window()?
            .document()?
            .document_element()?
            .class_list(),
    )
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Apply the remembered text size; call once at start.
pub fn restore_text_size() -> bool {
    let large = storage()
        .and_then(|s| s.get_item(LARGE_KEY).ok().flatten())
        .is_some_and(|v| v == "1");
    if let Some(classes) = html_classes() {
        let _ = classes.toggle_with_force("large-text", large);
    }
    large
}

/// A switch between normal and large text.
#[component]
pub fn TextSizeToggle() -> impl IntoView {
    let large = RwSignal::new(restore_text_size());
    view! {
        <button
            type="button"
            class="text-size"
            aria-pressed=move || large.get().to_string()
            on:click=move |_| {
                let on = !large.get_untracked();
                large.set(on);
                if let Some(classes) = html_classes() {
                    let _ = classes.toggle_with_force("large-text", on);
                }
                if let Some(s) = storage() {
                    let _ = if on { s.set_item(LARGE_KEY, "1") } else { s.remove_item(LARGE_KEY) };
                }
            }
        >
            {t!("large-text")}
        </button>
    }
}

/// Speak `text` in the page's language; a second press stops.
#[component]
pub fn ReadAloud(
    /// The text to speak, computed when the button is pressed.
    text: Callback<(), String>,
) -> impl IntoView {
    let speaking = RwSignal::new(false);
    let supported = web_sys::window()
        .and_then(|w| w.speech_synthesis().ok())
        .is_some();
    supported.then(|| {
        view! {
            <button
                type="button"
                class="button secondary read-aloud"
                aria-pressed=move || speaking.get().to_string()
                on:click=move |_| {
                    let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
                        return;
                    };
                    if speaking.get_untracked() {
                        synth.cancel();
                        speaking.set(false);
                        return;
                    }
                    if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(&text.run(())) {
                        utterance.set_lang(i18n::current().tag());
                        utterance.set_rate(0.9);
                        synth.cancel();
                        synth.speak(&utterance);
                        speaking.set(true);
                    }
                }
            >
                {move || if speaking.get() { i18n::tr("read-aloud-stop") } else { i18n::tr("read-aloud") }}
            </button>
        }
    })
}
