//! Starting a bundle: choose the first language (fetching its messages if
//! they are not built in), replace the static first paint, mount the root
//! component and register the service worker.

use crate::i18n;

/// What a bundle fetches before it replaces a first paint (see
/// [`start_prepared`]): `start` asks for it in the first language, `ready`
/// says whether it has arrived (or failed to).
#[derive(Clone, Copy)]
pub struct Prepare {
    pub start: fn(i18n::Lang),
    pub ready: fn(i18n::Lang) -> bool,
}

/// Start the bundle: `mount` is called once, with the first language, its
/// messages loaded.
pub fn start(mount: fn(i18n::Lang)) {
    // Not in the task that instantiated the WASM: two shorter tasks keep
    // the page more responsive on a slow phone than one long one.
    after(0, move || begin(mount, None));
}

/// [`start`], but when the page came with a first paint, what `prepare`
/// fetches is there before it is replaced (the guide's place and the names
/// its page shows), so the page that replaces it is complete: a page that
/// first showed a "loading" notice in its place would paint the same text
/// a second time, later.
pub fn start_prepared(mount: fn(i18n::Lang), prepare: Prepare) {
    after(0, move || begin(mount, Some(prepare)));
}

fn begin(mount: fn(i18n::Lang), prepare: Option<Prepare>) {
    let lang = i18n::initial_language();
    let prepare = prepare.filter(|_| first_paint().is_some());
    if let Some(p) = prepare {
        // What it fetches is spawned on Leptos's executor, which the mount
        // would set up only later.
        let _ = any_spawner::Executor::init_wasm_bindgen();
        (p.start)(lang);
    }
    if i18n::is_loaded(lang) {
        // The built-in messages were parsed just now (`is_loaded`): the
        // page is built in the next task, not in this one.
        after(0, move || replace_when_ready(lang, mount, prepare));
    } else {
        // Another language's messages are a static file: fetch them first,
        // so the app does not flash the default language. If that fails
        // (offline), the built-in zh-CN messages stand in.
        wasm_bindgen_futures::spawn_local(async move {
            i18n::load_language(lang).await;
            replace_when_ready(lang, mount, prepare);
        });
    }
}

/// Replace the first paint once `prepare` is ready, for at most 10 s (then
/// the page shows its own "loading" or error).
fn replace_when_ready(lang: i18n::Lang, mount: fn(i18n::Lang), prepare: Option<Prepare>) {
    when(
        500,
        move || prepare.is_none_or(|p| (p.ready)(lang)),
        move || replace_first_paint(lang, mount),
    );
}

fn first_paint() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id("first-paint")
}

/// Replace the static first paint (built into the page by `cargo xtask
/// build`, in the language the server chose for it) with the app, in one go, once the
/// browser has shown it: replacing it before it was ever painted (the app can
/// arrive first from a fast server while the browser is still laying out)
/// would only delay what the person sees.
fn replace_first_paint(lang: i18n::Lang, mount: fn(i18n::Lang)) {
    let Some(first_paint) = first_paint() else {
        run(lang, mount);
        return;
    };
    // At most 2 s: a page in a background tab may never paint.
    when(100, painted, move || {
        first_paint.remove();
        run(lang, mount);
    });
}

fn run(lang: i18n::Lang, mount: fn(i18n::Lang)) {
    mount(lang);
    // Not in the mount's task, which is the longest of the start: the
    // registration is not needed for this page to work.
    after(0, crate::offline::register_service_worker);
}

/// Run `f` in a task of its own, after `ms` milliseconds (at once where
/// there is no window).
fn after(ms: i32, f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let task = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        wasm_bindgen::JsCast::unchecked_ref(&task),
        ms,
    );
}

/// Run `f` once `ready` says so, checking every 20 ms, at most `tries`
/// times (then anyway).
fn when(tries: u32, ready: impl Fn() -> bool + 'static, f: impl FnOnce() + 'static) {
    if tries == 0 || ready() {
        f();
    } else {
        after(20, move || when(tries - 1, ready, f));
    }
}

/// Whether the page has had its first contentful paint.
fn painted() -> bool {
    web_sys::window()
        .and_then(|w| w.performance())
        .is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0)
}
