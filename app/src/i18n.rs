//! Localisation: Fluent messages through i18n-embed, one loader for the app,
//! and a reactive language signal so every translated text re-renders when the
//! language changes.
//!
//! Message ids are checked at compile time by `i18n_embed_fl::fl!` against the
//! reference language (zh-CN); `cargo xtask test` checks the other locales carry
//! every id.

use std::sync::LazyLock;

use i18n_embed::LanguageLoader;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use leptos::prelude::*;
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

/// The app's one Fluent loader. `fl!` reads from it.
pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    loader
        .load_fallback_language(&Localizations)
        .expect("the zh-CN Fluent file is embedded and valid");
    // Without this, every interpolated argument is wrapped in U+2068/U+2069.
    loader.set_use_isolating(false);
    loader
});

/// The rules engine's messages (reasons, steps, notes, parameter names), kept
/// in their own Fluent file (`i18n/<lang>/rules.ftl`) beside the UI's.
pub static RULES: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader = FluentLanguageLoader::new("rules", "zh-CN".parse().expect("valid tag"));
    loader
        .load_fallback_language(&Localizations)
        .expect("the zh-CN rules Fluent file is embedded and valid");
    loader.set_use_isolating(false);
    loader
});

/// The loader that holds a message id: the rules file or the UI file.
fn loader_for(id: &str) -> &'static FluentLanguageLoader {
    if RULES.has(id) { &RULES } else { &LOADER }
}

/// A reactive translation of a message id: `t!("id")` (or with Fluent
/// arguments, `t!("id", name = value)`) is a closure that re-renders when the
/// language changes. Use it directly in `view!` or in attributes.
#[macro_export]
macro_rules! t {
    ($id:literal) => {{
        let lang = $crate::i18n::signal();
        move || {
            leptos::prelude::Track::track(&lang);
            i18n_embed_fl::fl!($crate::i18n::LOADER, $id)
        }
    }};
    ($id:literal, $($args:tt)*) => {{
        let lang = $crate::i18n::signal();
        move || {
            leptos::prelude::Track::track(&lang);
            i18n_embed_fl::fl!($crate::i18n::LOADER, $id, $($args)*)
        }
    }};
}

/// The languages the app ships.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    ZhCn,
    ZhTw,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::ZhTw, Lang::En];

    /// The BCP 47 tag, as used in `lang` attributes, URLs and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }

    /// Map any browser or URL language tag to a shipped language: traditional
    /// Chinese variants (TW, HK, MO, Hant) to zh-TW, other Chinese to zh-CN,
    /// English to en; anything else is not ours.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        match parts.next()? {
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let traditional = rest
                    .iter()
                    .any(|p| matches!(*p, "tw" | "hk" | "mo" | "hant"));
                let simplified = rest.contains(&"hans");
                Some(if traditional && !simplified {
                    Lang::ZhTw
                } else {
                    Lang::ZhCn
                })
            }
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn langid(self) -> LanguageIdentifier {
        self.tag().parse().expect("shipped tags are valid")
    }
}

const STORAGE_KEY: &str = "jiuzhu.lang";

#[derive(Clone, Copy)]
struct LangSignal(RwSignal<Lang>);

/// The language signal, for `t!`.
pub fn signal() -> RwSignal<Lang> {
    expect_context::<LangSignal>().0
}

/// The active language (reactive).
pub fn current() -> Lang {
    signal().get()
}

/// Choose the first language: `?lang=` in the link, then the one the person
/// chose before on this device, then the browser's languages, then zh-CN.
fn initial_language() -> Lang {
    let window = web_sys::window();
    let from_url = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| {
            search
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("lang=").map(str::to_owned))
        })
        .and_then(|tag| Lang::from_tag(&tag));
    let stored = || {
        local_storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|tag| Lang::from_tag(&tag))
    };
    let browser = || {
        let navigator = window.as_ref()?.navigator();
        navigator
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .chain(navigator.language())
            .find_map(|tag| Lang::from_tag(&tag))
    };
    from_url
        .or_else(stored)
        .or_else(browser)
        .unwrap_or_default()
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Load a language's messages and update the document: `lang` attribute,
/// title and description.
fn apply(lang: Lang) {
    // Selecting a shipped, embedded language cannot fail; if it somehow did,
    // the loader keeps the zh-CN fallback, which is still readable.
    let _ = i18n_embed::select(&*LOADER, &Localizations, &[lang.langid()]);
    let _ = i18n_embed::select(&*RULES, &Localizations, &[lang.langid()]);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
    document.set_title(&i18n_embed_fl::fl!(LOADER, "app-page-title"));
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", &i18n_embed_fl::fl!(LOADER, "app-description"));
    }
}

/// Translate a message id chosen at run time (an option label, a rules-engine
/// reason). Reactive like `t!` when called inside a closure. A missing id
/// shows the id itself, which the tests catch.
pub fn tr(id: &str) -> String {
    signal().track();
    loader_for(id).get(id)
}

/// Translate a run-time message id with arguments. Amount-like arguments
/// (decimal strings with two places, as the rules engine writes money) are
/// formatted for the language.
pub fn tr_args<'a>(id: &str, args: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let lang = signal().get();
    let args: std::collections::HashMap<&str, String> = args
        .into_iter()
        .map(|(k, v)| (k, format_arg(lang, v)))
        .collect();
    loader_for(id).get_args(id, args)
}

/// Whether a message id exists in the reference language.
pub fn has(id: &str) -> bool {
    LOADER.has(id) || RULES.has(id)
}

fn format_arg(lang: Lang, value: &str) -> String {
    let is_money = value.split_once('.').is_some_and(|(int, frac)| {
        frac.len() == 2
            && !int.is_empty()
            && int
                .trim_start_matches('-')
                .bytes()
                .all(|b| b.is_ascii_digit())
            && frac.bytes().all(|b| b.is_ascii_digit())
    });
    if is_money {
        format_money(lang, value)
    } else {
        value.to_owned()
    }
}

/// Group digits by thousands: "12345.60" -> "12,345.60".
fn group_thousands(value: &str) -> String {
    let (sign, rest) = value.strip_prefix('-').map_or(("", value), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Money in the language's way: 1,300.00 元 in Chinese, ¥1,300.00 in
/// English. Whole-yuan amounts drop the ".00" to read more easily.
pub fn format_money(lang: Lang, value: &str) -> String {
    let trimmed = value.strip_suffix(".00").unwrap_or(value);
    let grouped = group_thousands(trimmed);
    match lang {
        Lang::ZhCn | Lang::ZhTw => format!("{grouped} {}", LOADER.get("unit-yuan")),
        Lang::En => format!("¥{grouped}"),
    }
}

/// Set up the language for the app; call once at the root.
pub fn provide_i18n() {
    let lang = RwSignal::new(initial_language());
    apply(lang.get_untracked());
    provide_context(LangSignal(lang));
}

/// Switch the language and remember the choice on this device.
pub fn set_language(lang: Lang) {
    apply(lang);
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
    signal().set(lang);
}

#[cfg(test)]
mod tests {
    use super::Lang;
    use wasm_bindgen_test::wasm_bindgen_test;

    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn browser_tags_map_to_shipped_languages() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("zh"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("zh-Hans-HK"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("zh-TW"), Some(Lang::ZhTw));
        assert_eq!(Lang::from_tag("zh_HK"), Some(Lang::ZhTw));
        assert_eq!(Lang::from_tag("zh-Hant"), Some(Lang::ZhTw));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr-FR"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[wasm_bindgen_test]
    fn money_is_grouped_and_whole_yuan_loses_its_fen() {
        assert_eq!(super::group_thousands("1234567.50"), "1,234,567.50");
        assert_eq!(super::group_thousands("-1300"), "-1,300");
        assert_eq!(super::group_thousands("999"), "999");
        assert_eq!(super::format_money(Lang::En, "1300.00"), "¥1,300");
        assert_eq!(super::format_money(Lang::En, "86.50"), "¥86.50");
    }
}
