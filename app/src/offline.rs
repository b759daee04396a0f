//! Working with no signal: the service worker (`app/service-worker.js`,
//! written to `dist/sw.js` by `cargo xtask build`) keeps every file of the
//! app, so after one visit the check opens and runs offline.

/// Register the service worker. Where there is none (a development server
/// without `sw.js`, a browser without service workers, a page not served
/// over HTTPS or from localhost) the app simply stays online-only.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let supported = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !supported || !window.is_secure_context() {
        return;
    }
    let registration = navigator.service_worker().register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // A failure (no sw.js in development) changes nothing for the resident.
        let _ = wasm_bindgen_futures::JsFuture::from(registration).await;
    });
}
