//! Which routes the running bundle renders itself. Two light bundles serve
//! first visits: the landing bundle renders only `/`, the guide bundle only
//! the policy guide (`/programs`, `/programs/:id`, the links shared in
//! WeChat groups). Every other route belongs to the full app, so a link
//! there from a light bundle is a full page load: such links carry
//! `rel="external"`, which Leptos' router leaves to the browser, and code
//! that moves on by itself uses [`go`].

use std::sync::atomic::{AtomicU8, Ordering};

use leptos_router::NavigateOptions;

/// The running bundle: 0 the full app, else one of the light ones.
static BUNDLE: AtomicU8 = AtomicU8::new(FULL);
const FULL: u8 = 0;
const LANDING: u8 = 1;
const GUIDE: u8 = 2;

/// Mark this page as the landing bundle; call once, before rendering.
pub fn set_landing() {
    BUNDLE.store(LANDING, Ordering::Relaxed);
}

/// Mark this page as the guide bundle; call once, before rendering.
pub fn set_guide() {
    BUNDLE.store(GUIDE, Ordering::Relaxed);
}

/// Whether this page runs the guide bundle.
pub fn guide_bundle() -> bool {
    BUNDLE.load(Ordering::Relaxed) == GUIDE
}

fn without_query(path: &str) -> &str {
    path.split(['?', '#']).next().unwrap_or_default()
}

/// Whether the landing bundle renders a path (with or without a query).
pub fn landing_route(path: &str) -> bool {
    without_query(path) == "/"
}

/// Whether the guide bundle renders a path: `/programs` or
/// `/programs/<id>`, with or without a query (the server sends these paths
/// the guide bundle's page: the rule is shared).
pub fn guide_route(path: &str) -> bool {
    api_boundary::site::is_guide_path(without_query(path))
}

/// Whether this bundle renders a path itself.
pub fn is_local(path: &str) -> bool {
    match BUNDLE.load(Ordering::Relaxed) {
        LANDING => landing_route(path),
        GUIDE => guide_route(path),
        _ => true,
    }
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
    fn each_light_bundle_renders_its_own_pages() {
        for path in ["/", "/?region=441521", "/?lang=en#top"] {
            assert!(super::landing_route(path), "{path}");
            assert!(!super::guide_route(path), "{path}");
        }
        for path in [
            "/programs",
            "/programs/",
            "/programs?region=441521",
            "/programs/dibao?region=441521",
        ] {
            assert!(super::guide_route(path), "{path}");
            assert!(!super::landing_route(path), "{path}");
        }
        for path in [
            "/check/members",
            "/programsx",
            "/programs/dibao/extra",
            "/apply",
            "/track",
            "/event",
        ] {
            assert!(!super::landing_route(path), "{path}");
            assert!(!super::guide_route(path), "{path}");
        }
    }
}
