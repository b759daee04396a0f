//! Localisation: Fluent messages through `fluent-bundle`, and a reactive
//! language signal so every translated text re-renders when the language
//! changes or a message file arrives.
//!
//! Only the default language's UI messages (`zh-CN/app.ftl`) are built into
//! the WASM: they are what a first visit shows, and the fallback for any
//! message another file lacks. Every other file is a static file of the site
//! (`/i18n/<lang>/<file>.ftl`, stable URLs a service worker can precache),
//! fetched when needed: another language's `app.ftl` when that language is
//! chosen, `params.ftl` (the policy packs' parameter names) when a page
//! that names parameters opens (the check's results, the policy guide), and
//! `rules.ftl` (the rules engine's reasons, steps and notes) only when the
//! check opens. The guide, often a first visit, fetches no `rules.ftl`.
//!
//! Message ids used in the code are checked against the zh-CN files by
//! `xtask/tests/tidy.rs`; every other locale must carry every id.

use std::cell::RefCell;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use leptos::prelude::*;
use unic_langid::{LanguageIdentifier, langid};

type Bundle = FluentBundle<FluentResource>;

/// The default language's UI messages, built in.
const ZH_CN_APP: &str = include_str!("../i18n/zh-CN/app.ftl");

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
        match api_boundary::site::shipped_language(tag)? {
            "zh-TW" => Some(Lang::ZhTw),
            "en" => Some(Lang::En),
            _ => Some(Lang::ZhCn),
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::ZhCn => langid!("zh-CN"),
            Lang::ZhTw => langid!("zh-TW"),
            Lang::En => langid!("en"),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The three message files of each language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum File {
    App,
    Params,
    Rules,
}

impl File {
    fn url(self, lang: Lang) -> String {
        let name = match self {
            // The guide bundle's UI messages are a part of the app's, written
            // by `cargo xtask build` (xtask/src/guide_messages.rs).
            File::App if crate::links::guide_bundle() => "guide",
            File::App => "app",
            File::Params => "params",
            File::Rules => "rules",
        };
        format!("/i18n/{}/{name}.ftl", lang.tag())
    }
}

/// The loaded messages and what is on its way.
struct Messages {
    lang: Lang,
    app: [Option<Bundle>; 3],
    params: [Option<Bundle>; 3],
    rules: [Option<Bundle>; 3],
    pending: Vec<(Lang, File)>,
    /// A page that names parameters has opened: keep the current
    /// language's `params.ftl` loaded from now on.
    params_wanted: bool,
    /// A page that shows the rules engine's messages has opened: keep the
    /// current language's `rules.ftl` (and `params.ftl`) loaded from now on.
    rules_wanted: bool,
    /// A language whose `params.ftl` could not be had (offline without a
    /// cache): its pages show the parameters' own names instead, and do not
    /// wait for it.
    params_failed: [bool; 3],
}

impl Messages {
    fn slot(&mut self, lang: Lang, file: File) -> &mut Option<Bundle> {
        match file {
            File::App => &mut self.app[lang.index()],
            File::Params => &mut self.params[lang.index()],
            File::Rules => &mut self.rules[lang.index()],
        }
    }

    fn has(&self, lang: Lang, file: File) -> bool {
        match file {
            File::App => self.app[lang.index()].is_some(),
            File::Params => self.params[lang.index()].is_some(),
            File::Rules => self.rules[lang.index()].is_some(),
        }
    }

    /// The loaded bundles a message is looked up in, in order: the current
    /// language's rules messages, parameter names and UI messages, then the
    /// built-in zh-CN UI messages.
    fn bundles(&self) -> impl Iterator<Item = &Bundle> {
        let i = self.lang.index();
        [
            &self.rules[i],
            &self.params[i],
            &self.app[i],
            &self.app[Lang::ZhCn.index()],
        ]
        .into_iter()
        .flatten()
    }
}

thread_local! {
    static MESSAGES: RefCell<Messages> = RefCell::new(Messages {
        lang: Lang::ZhCn,
        app: [bundle(Lang::ZhCn, ZH_CN_APP.to_owned()), None, None],
        params: [None, None, None],
        rules: [None, None, None],
        pending: Vec::new(),
        params_wanted: false,
        rules_wanted: false,
        params_failed: [false; 3],
    });
}

fn bundle(lang: Lang, source: String) -> Option<Bundle> {
    // A file with a syntax error still yields the messages that parsed; the
    // tidy tests keep the files clean.
    let resource = FluentResource::try_new(source).unwrap_or_else(|(partial, _)| partial);
    let mut bundle = FluentBundle::new(vec![lang.langid()]);
    // Without this, every interpolated argument is wrapped in U+2068/U+2069.
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).ok()?;
    Some(bundle)
}

fn format(bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// Look a message up in the current language (rules file, parameter names,
/// then UI file), then in the built-in zh-CN UI file. While a message file
/// a page asked for is still on its way, an unknown id reads as nothing
/// rather than as the id.
fn lookup(id: &str, args: Option<&FluentArgs>) -> String {
    MESSAGES.with_borrow(|m| {
        let found = m.bundles().find_map(|b| format(b, id, args));
        let coming = (m.rules_wanted && !m.has(m.lang, File::Rules))
            || (m.params_wanted && !m.has(m.lang, File::Params))
            || !(m.rules_wanted || m.params_wanted);
        match found {
            Some(text) => text,
            None if coming => String::new(),
            None => id.to_owned(),
        }
    })
}

/// Fetch a static file of the site as text.
pub async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response: web_sys::Response = JsFuture::from(web_sys::window()?.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// Fetch one message file unless it is loaded or on its way. Returns once it
/// is loaded (or failed, or another call is fetching it).
async fn load(lang: Lang, file: File) {
    let start = MESSAGES.with_borrow_mut(|m| {
        let busy = m.has(lang, file) || m.pending.contains(&(lang, file));
        if !busy {
            m.pending.push((lang, file));
        }
        !busy
    });
    if !start {
        return;
    }
    let loaded = fetch_text(&file.url(lang))
        .await
        .and_then(|text| bundle(lang, text));
    MESSAGES.with_borrow_mut(|m| {
        m.pending.retain(|p| *p != (lang, file));
        if file == File::Params {
            m.params_failed[lang.index()] = loaded.is_none();
        }
        if loaded.is_some() {
            *m.slot(lang, file) = loaded;
        }
    });
}

/// Before the app is mounted ([`crate::guide::PREPARE`]): fetch a
/// language's parameter names (`params.ftl`) and want them from now on.
pub fn want_params_in(lang: Lang) {
    MESSAGES.with_borrow_mut(|m| m.params_wanted = true);
    leptos::task::spawn_local(load(lang, File::Params));
}

/// Whether a language's parameter names have arrived or failed to (not
/// reactive, for use before the app is mounted).
pub fn params_settled(lang: Lang) -> bool {
    MESSAGES.with_borrow(|m| m.has(lang, File::Params) || m.params_failed[lang.index()])
}

/// Whether a language's UI messages are at hand.
pub fn is_loaded(lang: Lang) -> bool {
    MESSAGES.with_borrow(|m| m.has(lang, File::App))
}

/// Fetch a language's UI messages (and its parameter names and rules
/// messages, if a page needs them); resolves when they are loaded or could
/// not be.
pub async fn load_language(lang: Lang) {
    load(lang, File::App).await;
    let (params, rules) = MESSAGES.with_borrow(|m| (m.params_wanted, m.rules_wanted));
    if params {
        load(lang, File::Params).await;
    }
    if rules {
        load(lang, File::Rules).await;
    }
}

#[derive(Clone, Copy)]
struct LangSignal(RwSignal<Lang>);

/// The language signal: tracking it re-runs a closure when the language
/// changes or a message file arrives.
pub fn signal() -> RwSignal<Lang> {
    expect_context::<LangSignal>().0
}

/// The active language (reactive).
pub fn current() -> Lang {
    signal().get()
}

/// A reactive translation of a message id: a closure that re-renders when
/// the language changes. `t!("id")` is this; use it directly in `view!` or in
/// attributes. One closure type for every message keeps the WASM small.
pub fn t(id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let lang = signal();
    move || {
        lang.track();
        lookup(id, None)
    }
}

/// `t!("message-id")`: see [`t`].
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::t($id)
    };
}

/// The page's `lang` attribute, title and description for a language.
fn update_document(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.tag());
    }
    // The page comes with the zh-CN title: setting the same title again is
    // not free (the browser is told of a new title).
    let title = lookup("app-page-title", None);
    if document.title() != title {
        document.set_title(&title);
    }
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", &lookup("app-description", None));
    }
}

const STORAGE_KEY: &str = "jiuzhu.lang";

/// Choose the first language: `?lang=` in the link, then the one the person
/// chose before on this device, then the browser's languages, then zh-CN.
pub fn initial_language() -> Lang {
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

/// Translate a message id chosen at run time (an option label, a rules-engine
/// reason). Reactive like `t!` when called inside a closure. A missing id
/// shows the id itself, which the tests catch.
pub fn tr(id: &str) -> String {
    signal().track();
    lookup(id, None)
}

/// Translate a run-time message id with arguments. Amount-like arguments
/// (decimal strings with two places, as the rules engine writes money) are
/// formatted for the language. Arguments are passed as strings, so selectors
/// match on their text (`[true]`, `[false]`).
pub fn tr_args<'a>(id: &str, args: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let lang = signal().get();
    let mut fluent_args = FluentArgs::new();
    for (k, v) in args {
        fluent_args.set(k, FluentValue::from(format_arg(lang, v)));
    }
    lookup(id, Some(&fluent_args))
}

/// Whether a message id exists in the current language's files.
pub fn has(id: &str) -> bool {
    signal().track();
    MESSAGES.with_borrow(|m| m.bundles().any(|b| b.has_message(id)))
}

/// Whether the built-in reference file (zh-CN UI messages) has a message id.
#[cfg(test)]
pub fn has_reference(id: &str) -> bool {
    MESSAGES.with_borrow(|m| {
        m.app[Lang::ZhCn.index()]
            .as_ref()
            .is_some_and(|b| b.has_message(id))
    })
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

/// Money in the language's way: 1,300.00 元 in Chinese, ¥1,300.00 in
/// English. Whole-yuan amounts drop the ".00" to read more easily.
pub fn format_money(lang: Lang, value: &str) -> String {
    let trimmed = value.strip_suffix(".00").unwrap_or(value);
    let grouped = rules_core::guide::group_thousands(trimmed);
    match lang {
        Lang::ZhCn | Lang::ZhTw => format!("{grouped} {}", lookup("unit-yuan", None)),
        Lang::En => format!("¥{grouped}"),
    }
}

/// Set up the language for the app; call once at the root, after
/// [`load_language`] for the first language.
pub fn provide_i18n(lang: Lang) {
    MESSAGES.with_borrow_mut(|m| m.lang = lang);
    update_document(lang);
    provide_context(LangSignal(RwSignal::new(lang)));
}

/// Switch the language and remember the choice on this device. The switch
/// happens when the language's messages are loaded (at once if they are).
pub fn set_language(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
    let signal = signal();
    let switch = move || {
        MESSAGES.with_borrow_mut(|m| m.lang = lang);
        update_document(lang);
        signal.set(lang);
    };
    if is_loaded(lang) {
        switch();
        // The parameter names and rules messages of the new language, if
        // pages need them, follow.
        fetch_wanted(None);
    } else {
        leptos::task::spawn_local(async move {
            load_language(lang).await;
            switch();
        });
    }
}

/// A page that names parameters (the policy guide) calls this when it
/// opens: the current language's `params.ftl` is fetched (once) and every
/// text re-renders when it arrives.
pub fn want_params() {
    fetch_wanted(Some(File::Params));
}

/// A page that shows the rules engine's messages (the check) calls this
/// when it opens: the current language's `rules.ftl` and `params.ftl` are
/// fetched (once) and every text re-renders when they arrive.
pub fn want_rules() {
    fetch_wanted(Some(File::Rules));
}

/// Marks `file` as wanted from now on (the rules messages want the
/// parameter names too), and fetches what the current language lacks of
/// every wanted file.
fn fetch_wanted(file: Option<File>) {
    let (lang, missing) = MESSAGES.with_borrow_mut(|m| {
        match file {
            Some(File::Rules) => {
                m.rules_wanted = true;
                m.params_wanted = true;
            }
            Some(File::Params) => m.params_wanted = true,
            Some(File::App) | None => {}
        }
        let missing: Vec<File> = [
            (m.params_wanted, File::Params),
            (m.rules_wanted, File::Rules),
        ]
        .into_iter()
        .filter(|&(wanted, file)| wanted && !m.has(m.lang, file))
        .map(|(_, file)| file)
        .collect();
        (m.lang, missing)
    });
    if missing.is_empty() {
        return;
    }
    let signal = signal();
    leptos::task::spawn_local(async move {
        for file in missing {
            load(lang, file).await;
        }
        // Loaded or not, what `params_ready` and `rules_ready` say has
        // changed.
        signal.notify();
    });
}

/// Whether the current language's parameter names are here, or could not
/// be had (reactive). A page that names parameters waits for this, so that
/// its text is laid out once, not again with every name when they arrive.
pub fn params_ready() -> bool {
    signal().track();
    params_settled(MESSAGES.with_borrow(|m| m.lang))
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
        assert_eq!(super::format_money(Lang::En, "1300.00"), "¥1,300");
        assert_eq!(super::format_money(Lang::En, "86.50"), "¥86.50");
        let yuan = super::lookup("unit-yuan", None);
        assert_eq!(
            super::format_money(Lang::ZhCn, "1300.00"),
            format!("1,300 {yuan}")
        );
    }

    #[wasm_bindgen_test]
    fn the_reference_messages_are_built_in() {
        assert!(super::has_reference("home-heading"));
        assert!(!super::has_reference("no-such-message"));
        assert!(!super::lookup("app-name", None).is_empty());
    }
}
