//! Localisation: the console's own Fluent messages (`i18n/<lang>/console.ftl`,
//! ids checked at compile time by `fl!`) and, for program names, outcomes and
//! household answers, the resident app's `app/i18n/<lang>/app.ftl` (embedded,
//! not copied, so both apps say the same thing). A reactive language signal
//! re-renders every text when the language changes.

use std::sync::LazyLock;

use i18n_embed::LanguageLoader;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use leptos::prelude::*;
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

/// Only the app's UI messages: its rules messages (reasons, steps) are not
/// shown in the console and would only add bytes.
#[derive(RustEmbed)]
#[folder = "../app/i18n/"]
#[include = "*/app.ftl"]
struct AppLocalizations;

/// The console's loader; `fl!` reads from it.
pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    loader
        .load_fallback_language(&Localizations)
        .expect("the zh-CN Fluent file is embedded and valid");
    // Without this, every interpolated argument is wrapped in U+2068/U+2069.
    loader.set_use_isolating(false);
    loader
});

/// The resident app's messages (domain `app`: `i18n/<lang>/app.ftl`).
pub static APP: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader = FluentLanguageLoader::new("app", "zh-CN".parse().expect("valid tag"));
    loader
        .load_fallback_language(&AppLocalizations)
        .expect("the app's zh-CN Fluent file is embedded and valid");
    loader.set_use_isolating(false);
    loader
});

/// A reactive translation of a console message id: `t!("id")` or
/// `t!("id", name = value)` is a closure that re-renders when the language
/// changes.
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

/// A console message now (not reactive by itself; call it inside a
/// closure that tracks the language, or where the text is used once).
#[macro_export]
macro_rules! tn {
    ($id:literal) => {{
        leptos::prelude::Track::track(&$crate::i18n::signal());
        i18n_embed_fl::fl!($crate::i18n::LOADER, $id)
    }};
    ($id:literal, $($args:tt)*) => {{
        leptos::prelude::Track::track(&$crate::i18n::signal());
        i18n_embed_fl::fl!($crate::i18n::LOADER, $id, $($args)*)
    }};
}

/// The languages the console ships (the same as the app's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    ZhCn,
    ZhTw,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::ZhTw, Lang::En];

    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }

    /// Map a browser or stored language tag to a shipped language:
    /// traditional Chinese variants to zh-TW, other Chinese to zh-CN,
    /// English to en (as the resident app does).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match api_boundary::site::shipped_language(tag)? {
            "zh-TW" => Some(Lang::ZhTw),
            "en" => Some(Lang::En),
            _ => Some(Lang::ZhCn),
        }
    }

    fn langid(self) -> LanguageIdentifier {
        self.tag().parse().expect("shipped tags are valid")
    }
}

/// The same key as the resident app's: one choice of language per device.
const STORAGE_KEY: &str = "jiuzhu.lang";

thread_local! {
    /// The language signal. A global rather than a context: texts are also
    /// made in async tasks (the CSV export), which run outside any owner.
    static LANG: std::cell::OnceCell<RwSignal<Lang>> = const { std::cell::OnceCell::new() };
}

/// The language signal, for `t!`.
pub fn signal() -> RwSignal<Lang> {
    LANG.with(|l| *l.get_or_init(|| RwSignal::new(initial_language())))
}

/// The active language (reactive).
pub fn current() -> Lang {
    signal().get()
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language chosen before on this device, else the browser's, else zh-CN.
fn initial_language() -> Lang {
    let stored = local_storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag));
    let browser = || {
        let navigator = web_sys::window()?.navigator();
        navigator
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .chain(navigator.language())
            .find_map(|tag| Lang::from_tag(&tag))
    };
    stored.or_else(browser).unwrap_or_default()
}

/// Load a language's messages and update the document's `lang` and title.
fn apply(lang: Lang) {
    // Selecting a shipped, embedded language cannot fail; if it somehow did,
    // the loaders keep the zh-CN fallback, which is still readable.
    let _ = i18n_embed::select(&*LOADER, &Localizations, &[lang.langid()]);
    let _ = i18n_embed::select(&*APP, &AppLocalizations, &[lang.langid()]);
    // Selecting makes new bundles, which would wrap every argument in
    // U+2068/U+2069 again.
    LOADER.set_use_isolating(false);
    APP.set_use_isolating(false);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
    document.set_title(&i18n_embed_fl::fl!(LOADER, "console-page-title"));
}

/// Set up the language; call once at the root.
pub fn provide_i18n() {
    apply(signal().get_untracked());
}

/// Switch the language and remember the choice on this device.
pub fn set_language(lang: Lang) {
    apply(lang);
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
    signal().set(lang);
}

/// A console message chosen at run time (a status, an error code). Reactive
/// when called inside a closure.
pub fn tr(id: &str) -> String {
    signal().track();
    LOADER.get(id)
}

/// Whether the console's file has a message.
pub fn has(id: &str) -> bool {
    LOADER.has(id)
}

/// A console message chosen at run time, with arguments.
pub fn tr_args(id: &str, args: &[(&str, String)]) -> String {
    signal().track();
    let args: std::collections::HashMap<&str, String> =
        args.iter().map(|(k, v)| (*k, v.clone())).collect();
    LOADER.get_args(id, args)
}

/// A message of the resident app's `app.ftl` (programs, outcomes, answers).
pub fn app_tr(id: &str) -> String {
    signal().track();
    APP.get(id)
}

/// Whether the app's file has a message (the console's texts for a value
/// the server may send fall back to the value itself otherwise).
pub fn app_has(id: &str) -> bool {
    APP.has(id)
}

/// A program's name: `dibao_edge` → `program-dibao-edge` in app.ftl.
pub fn program_name(program: &str) -> String {
    let id = format!("program-{}", program.replace('_', "-"));
    if app_has(&id) {
        app_tr(&id)
    } else {
        program.to_owned()
    }
}

/// A screening outcome: `not_offered` → `outcome-not-offered` in app.ftl.
pub fn outcome_name(outcome: &str) -> String {
    let id = format!("outcome-{}", outcome.replace('_', "-"));
    if app_has(&id) {
        app_tr(&id)
    } else {
        outcome.to_owned()
    }
}

/// A case status, in the console's words.
pub fn status_name(status: &str) -> String {
    let id = format!("status-{status}");
    if LOADER.has(&id) {
        tr(&id)
    } else {
        status.to_owned()
    }
}

/// Names joined with the language's list separator.
pub fn join(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .collect::<Vec<_>>()
        .join(&app_tr("list-separator"))
}

/// Group digits by thousands: "12345.60" -> "12,345.60".
pub fn group_thousands(value: &str) -> String {
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

/// Yuan as the app writes them: "1,300.00 元" in Chinese, "¥1,300.00" in
/// English (the exact amounts: the console keeps the fen).
pub fn money(value: &str) -> String {
    let grouped = group_thousands(value);
    match current() {
        Lang::ZhCn | Lang::ZhTw => format!("{grouped} {}", app_tr("unit-yuan")),
        Lang::En => format!("¥{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

    /// Every program id the rules engine knows and every outcome has a name
    /// in the app's reference file, which the console borrows: a renamed
    /// message there would otherwise show a raw id here. (`xtask/tests/tidy.rs`
    /// checks the other languages carry every id of the reference.)
    #[wasm_bindgen_test]
    fn borrowed_app_messages_exist_in_every_language() {
        let programs = [
            "dibao",
            "dibao_edge",
            "tekun",
            "tekun_care",
            "orphan",
            "temporary",
            "medical",
            "education",
            "housing",
            "employment",
            "disaster",
            "disability_living",
            "disability_care",
            "child_rehab",
            "mental_medication",
            "disability_custody",
            "hospital_escort",
            "worker_hardship",
            "legal_aid",
            "utility_relief",
            "funeral_relief",
            "two_cancers",
        ];
        let others = [
            "outcome-likely",
            "outcome-possible",
            "outcome-unlikely",
            "outcome-not-offered",
            "unit-yuan",
            "list-separator",
            "answer-yes",
            "answer-no",
            "amount-share",
            "bound-up-to",
            "bound-at-least",
            "opt-relation-applicant",
            "opt-sex-female",
            "opt-hukou-rural",
            "opt-emergency-fire",
            "opt-self-care-partial",
            "opt-income-resident-pension",
        ];
        for p in programs {
            let id = format!("program-{}", p.replace('_', "-"));
            assert!(APP.has(&id), "app.ftl lacks {id}");
        }
        for id in others {
            assert!(APP.has(id), "app.ftl lacks {id}");
        }
    }

    #[wasm_bindgen_test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands("1234567.50"), "1,234,567.50");
        assert_eq!(group_thousands("830.00"), "830.00");
    }
}
