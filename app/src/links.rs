//! Which routes the running bundle renders itself. The landing bundle
//! renders only `/`; every other route belongs to the full app, so a link
//! there from the landing bundle is a full page load: such links carry
//! `rel="external"`, which Leptos' router leaves to the browser, and code
//! that moves on by itself uses [`go`].

use std::sync::atomic::{AtomicBool, Ordering};

use leptos_router::NavigateOptions;

static LANDING: AtomicBool = AtomicBool::new(false);

/// Mark this page as the landing bundle; call once, before rendering.
pub fn set_landing() {
    LANDING.store(true, Ordering::Relaxed);
}

/// Whether the landing bundle renders a path (with or without a query).
pub fn landing_route(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path == "/"
}

/// Whether this bundle renders a path itself.
pub fn is_local(path: &str) -> bool {
    !LANDING.load(Ordering::Relaxed) || landing_route(path)
}

/// `rel` of a link to `path`: `external` when the other bundle renders it.
pub fn rel(path: &str) -> Option<&'static str> {
    (!is_local(path)).then_some("external")
}

/// Go to `path`: within the page if this bundle renders it, else by loading
/// the page.
pub fn go(navigate: &impl Fn(&str, NavigateOptions), path: &str) {
    if is_local(path) {
        navigate(path, NavigateOptions::default());
    } else if let Some(window) = web_sys::window() {
        let _ = window.location().assign(path);
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_landing_bundle_renders_only_the_home_page() {
        for path in ["/", "/?region=441521", "/?lang=en#top"] {
            assert!(super::landing_route(path), "{path}");
        }
        for path in [
            "/check/members",
            "/programs",
            "/programs/dibao",
            "/apply",
            "/track",
            "/event",
        ] {
            assert!(!super::landing_route(path), "{path}");
        }
    }
}
