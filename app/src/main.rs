//! 救助通: the resident-facing app, rendered in the browser.

mod app;
mod components;
mod i18n;
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
/// messages by `cargo xtask build`) with the app, in one go.
fn start(lang: i18n::Lang) {
    if let Some(first_paint) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("first-paint"))
    {
        first_paint.remove();
    }
    leptos::mount::mount_to_body(move || app::App(app::AppProps { lang }));
}
