//! 救助通: the resident-facing app, rendered in the browser.

mod api;
mod app;
mod components;
mod event;
mod filing;
mod i18n;
mod offline;
mod options;
mod pages;
mod share;
mod state;

fn main() {
    let lang = i18n::initial_language();
    if i18n::is_loaded(lang) {
        start(lang);
    } else {
        // Another language's messages are a static file: fetch them first,
        // so the app does not flash the default language. If that fails
        // (offline), the built-in zh-CN messages stand in.
        wasm_bindgen_futures::spawn_local(async move {
            i18n::load_language(lang).await;
            start(lang);
        });
    }
}

/// Replace the static first paint (built into `index.html` from the zh-CN
/// messages by `cargo xtask build`) with the app, in one go, once the
/// browser has shown it: replacing it before it was ever painted (the app can
/// arrive first from a fast server while the browser is still laying out)
/// would only delay what the person sees.
fn start(lang: i18n::Lang) {
    let document = web_sys::window().and_then(|w| w.document());
    let Some(first_paint) = document.and_then(|d| d.get_element_by_id("first-paint")) else {
        mount(lang);
        return;
    };
    when_painted(0, move || {
        first_paint.remove();
        mount(lang);
    });
}

fn mount(lang: i18n::Lang) {
    leptos::mount::mount_to_body(move || app::App(app::AppProps { lang }));
    offline::register_service_worker();
}

/// Run `f` once the page has had its first contentful paint, checking every
/// 20 ms for at most 2 s (a page in a background tab may never paint).
fn when_painted(tries: u32, f: impl FnOnce() + 'static) {
    let painted = web_sys::window()
        .and_then(|w| w.performance())
        .is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
    if painted || tries >= 100 {
        f();
        return;
    }
    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let retry = wasm_bindgen::closure::Closure::once_into_js(move || when_painted(tries + 1, f));
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        wasm_bindgen::JsCast::unchecked_ref(&retry),
        20,
    );
}
