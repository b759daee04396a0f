//! Serving the built app: hashed assets cached forever, `index.html` never
//! cached, client routes fall back to `shell.html` (the same page without the
//! home page's static first paint; `index.html` when there is none) — the
//! policy guide's (`/programs…`) to `guide.html`, the light guide bundle's
//! page, when the build wrote one, or to the page itself with its first
//! paint (`dist/guide-pages/`, [`GuidePages`]) — and
//! security headers on every response. The worker console is a second app
//! under `/console/` (`dist/console/`), with its own page, client routes and
//! policy, so residents never download its code.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use sha2::{Digest, Sha256};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use rules_core::Date;
use serde::Deserialize;

use crate::{AppState, clock};

use api_boundary::site::{GUIDE_PAGES_DIR, HOME_PAGES_DIR};

const NO_CACHE: &str = "no-cache";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Where the worker console is served from (its own Trunk build, in
/// `dist/console/`).
pub const CONSOLE_PREFIX: &str = "/console";

/// The built app, read once at start.
#[derive(Clone)]
pub struct Site(Arc<SiteInner>);

struct SiteInner {
    dist: PathBuf,
    /// `/`: the page with the home page's first paint (zh-CN).
    index: Page,
    /// The same in the other languages, where the build wrote them.
    home_pages: HashMap<&'static str, Page>,
    /// Every other client route.
    shell: Page,
    /// The policy guide's routes (`/programs`, `/programs/:id`): the guide
    /// bundle's page (the shell when the build wrote none).
    guide: Page,
    /// The same with a page's first paint, per place and page.
    guide_pages: GuidePages,
    csp: HeaderValue,
    /// `None` when `dist/console/index.html` is missing: the resident app
    /// still works; `/console` answers 404.
    console: Option<Console>,
}

/// An HTML page, read once at start (the compression layer packs it).
struct Page(Vec<u8>);

impl Page {
    fn load(path: &Path) -> Result<Page, SiteError> {
        std::fs::read(path).map(Page).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                SiteError::NotBuilt {
                    path: path.to_owned(),
                }
            } else {
                SiteError::Read {
                    path: path.to_owned(),
                    source,
                }
            }
        })
    }
}

/// The guide's pages with a first paint (`dist/guide-pages/`, written by
/// `cargo xtask build`, see `xtask/src/guide_paint.rs`): for each place, its
/// pages by language and name (`zh-CN/index`, `en/dibao`) and the days on
/// which they are true (the values they show are those in force on the
/// build's day). None when the build wrote none.
#[derive(Default)]
struct GuidePages(HashMap<String, PlacePages>);

struct PlacePages {
    from: Option<Date>,
    until: Option<Date>,
    pages: HashMap<String, Page>,
}

#[derive(Deserialize)]
struct PageDays {
    from: Option<Date>,
    until: Option<Date>,
}

impl GuidePages {
    fn load(dist: &Path) -> Result<GuidePages, SiteError> {
        let dir = dist.join(GUIDE_PAGES_DIR);
        let manifest = dir.join("pages.json");
        if !manifest.exists() {
            return Ok(GuidePages::default());
        }
        let bad = |path: &Path, why: String| SiteError::Read {
            path: path.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, why),
        };
        let days: HashMap<String, PageDays> = serde_json::from_slice(&Page::load(&manifest)?.0)
            .map_err(|e| bad(&manifest, e.to_string()))?;
        let mut places = HashMap::new();
        for (code, days) in days {
            let mut pages = HashMap::new();
            for lang in api_boundary::site::LANGUAGES {
                let place = dir.join(&code).join(lang);
                let entries = std::fs::read_dir(&place).map_err(|e| bad(&place, e.to_string()))?;
                for entry in entries {
                    let path = entry.map_err(|e| bad(&place, e.to_string()))?.path();
                    if let Some(name) = path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .and_then(|n| n.strip_suffix(".html"))
                    {
                        pages.insert(format!("{lang}/{name}"), Page::load(&path)?);
                    }
                }
            }
            places.insert(
                code,
                PlacePages {
                    from: days.from,
                    until: days.until,
                    pages,
                },
            );
        }
        Ok(GuidePages(places))
    }

    /// The page with a first paint for a guide request, if there is one that
    /// is right for it: the link names a place (`?region=`) that has the
    /// page, in the language the page opens in (the link's `?lang=`, else
    /// the browser's languages), and `today` is within the page's days with
    /// a day to spare on either side (the page reads today's date in the
    /// phone's time zone). Anything else gets `guide.html`.
    fn find(&self, uri: &Uri, accept_language: Option<&str>, today: Date) -> Option<&Page> {
        let page = api_boundary::site::guide_page(uri.path())?;
        let place = self.0.get(query_value(uri, "region")?)?;
        let lang =
            api_boundary::site::first_visit_language(query_value(uri, "lang"), accept_language);
        let day = today.unix_days();
        let true_on = place.from.is_none_or(|f| f.unix_days() < day)
            && place.until.is_none_or(|u| day + 1 < u.unix_days());
        true_on
            .then(|| place.pages.get(&format!("{lang}/{page}")))
            .flatten()
    }

    fn pages(&self) -> impl Iterator<Item = &Page> {
        self.0.values().flat_map(|p| p.pages.values())
    }
}

/// The console's page and the policy derived from it.
struct Console {
    page: Page,
    csp: HeaderValue,
}

/// Whether a request path belongs to the console (its page, client routes
/// and assets), not to the resident app.
pub fn is_console_path(path: &str) -> bool {
    path.strip_prefix(CONSOLE_PREFIX)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("the app is not built: {path} is missing (run `cargo xtask run`, or pass --dist)")]
    NotBuilt { path: PathBuf },
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Site {
    /// Load `index.html` (and `shell.html`, if the build wrote one, and the
    /// console's `console/index.html`, if built) from the dist directory and
    /// derive each app's Content-Security-Policy from its pages.
    pub fn load(dist: &Path) -> Result<Site, SiteError> {
        let index = Page::load(&dist.join("index.html"))?;
        let shell_path = dist.join("shell.html");
        let shell = if shell_path.exists() {
            Page::load(&shell_path)?
        } else {
            Page(index.0.clone())
        };
        let guide_path = dist.join("guide.html");
        let guide = if guide_path.exists() {
            Page::load(&guide_path)?
        } else {
            Page(shell.0.clone())
        };
        let guide_pages = GuidePages::load(dist)?;
        let mut home_pages = HashMap::new();
        for lang in api_boundary::site::LANGUAGES {
            let path = dist.join(HOME_PAGES_DIR).join(format!("{lang}.html"));
            if path.exists() {
                home_pages.insert(lang, Page::load(&path)?);
            }
        }
        // One policy for the pages: name every inline script of each.
        let texts: Vec<std::borrow::Cow<str>> = [&index, &shell, &guide]
            .into_iter()
            .chain(home_pages.values())
            .chain(guide_pages.pages())
            .map(|page| String::from_utf8_lossy(&page.0))
            .collect();
        let csp = pages_policy(texts.iter().map(|t| t.as_ref()));
        let console_path = dist.join("console").join("index.html");
        let console = if console_path.exists() {
            let page = Page::load(&console_path)?;
            let csp = content_security_policy(&String::from_utf8_lossy(&page.0));
            Some(Console {
                page,
                csp: HeaderValue::from_str(&csp).expect("CSP is ASCII"),
            })
        } else {
            tracing::warn!(
                path = %console_path.display(),
                "the worker console is not built; /console answers 404"
            );
            None
        };
        Ok(Site(Arc::new(SiteInner {
            dist: dist.to_owned(),
            index,
            home_pages,
            shell,
            guide,
            guide_pages,
            csp: HeaderValue::from_str(&csp).expect("CSP is ASCII"),
            console,
        })))
    }

    /// The resident app's policy (also sent with API answers).
    pub fn csp(&self) -> &HeaderValue {
        &self.0.csp
    }

    /// The policy for a request path: each app allows only its own inline
    /// loader.
    pub fn csp_for(&self, path: &str) -> &HeaderValue {
        match &self.0.console {
            Some(console) if is_console_path(path) => &console.csp,
            _ => self.csp(),
        }
    }
}

/// The policy the app runs under. Trunk's loader is one inline module script;
/// rather than allow inline scripts, the policy names that script's hash, so
/// nothing else inline can run. WASM compilation needs `wasm-unsafe-eval`
/// (not `unsafe-eval`).
pub fn content_security_policy(index_html: &str) -> String {
    pages_policy([index_html])
}

/// [`content_security_policy`] for several pages: every inline script of
/// each is named.
fn pages_policy<'a>(pages: impl IntoIterator<Item = &'a str>) -> String {
    let mut bodies: Vec<&str> = pages.into_iter().flat_map(inline_scripts).collect();
    bodies.sort_unstable();
    bodies.dedup();
    let hashes: String = bodies
        .into_iter()
        .map(|body| {
            let digest = Sha256::digest(body.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; manifest-src 'self'; \
         worker-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; \
         object-src 'none'"
    )
}

/// The bodies of `<script>` elements without a `src`, as the browser hashes them.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<script").filter_map(move |(start, _)| {
        let open_end = start + html[start..].find('>')?;
        let open_tag = &html[start..open_end];
        if open_tag.contains("src=") {
            return None;
        }
        let body_start = open_end + 1;
        let body_end = body_start + html[body_start..].find("</script>")?;
        Some(&html[body_start..body_end])
    })
}

pub fn router(site: Site) -> Router<AppState> {
    let files = ServeDir::new(&site.0.dist)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(axum::routing::any(spa_fallback).with_state(site.clone()));
    Router::new()
        .route("/", get(index))
        .route("/index.html", get(index))
        .route(CONSOLE_PREFIX, get(console_index))
        .route("/console/", get(console_index))
        .route("/console/index.html", get(console_index))
        .fallback_service(files)
        .layer(axum::middleware::from_fn(cache_control))
}

/// `/`: the home page with its first paint in the language the page opens
/// in (the link's `?lang=`, else the browser's languages; the app also
/// looks at a choice saved on the phone, which the server cannot see).
async fn index(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    let site = &state.site.0;
    let lang = api_boundary::site::first_visit_language(
        query_value(&uri, "lang"),
        accept_language(&headers),
    );
    language_page_response(site.home_pages.get(lang).unwrap_or(&site.index))
}

/// The value of `name` in the request's query, as written.
fn query_value<'u>(uri: &'u Uri, name: &str) -> Option<&'u str> {
    uri.query()?
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

fn accept_language(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
}

async fn console_index(State(state): State<AppState>) -> Response {
    match &state.site.0.console {
        Some(console) => page_response(&console.page),
        None => not_found(),
    }
}

fn page_response(page: &Page) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        Body::from(page.0.clone()),
    )
        .into_response()
}

/// A page chosen by the browser's languages (a first paint in one of them).
fn language_page_response(page: &Page) -> Response {
    let mut response = page_response(page);
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    response
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}

/// A path that is not a file: a client-side route gets its app (each app
/// shows its own "not found" page for routes it does not know) — the
/// console under `/console/`, the resident app elsewhere; a missing file (a
/// path with an extension) is a real 404.
async fn spa_fallback(State(site): State<Site>, uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path();
    let last = path.rsplit('/').next().unwrap_or_default();
    if last.contains('.') {
        return not_found();
    }
    if is_console_path(path) {
        return match &site.0.console {
            Some(console) => page_response(&console.page),
            None => not_found(),
        };
    }
    if api_boundary::site::is_guide_path(path) {
        let page = site
            .0
            .guide_pages
            .find(&uri, accept_language(&headers), clock::today())
            .unwrap_or(&site.0.guide);
        return language_page_response(page);
    }
    page_response(&site.0.shell)
}

/// Trunk names build outputs `name-<hash>.ext`, the hash a 64-bit number in
/// hex without leading zeros (so usually 16 digits, one time in sixteen 15):
/// those never change and may be cached for a year. Everything else is
/// revalidated. (A hash of 12 digits or fewer, about one build in 65,000,
/// is merely revalidated.)
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let stem = file.split('.').next().unwrap_or_default();
    stem.rsplit_once('-').is_some_and(|(_, rest)| {
        // wasm-bindgen's module is `name-<hash>_bg.wasm`.
        let hash = rest.split('_').next().unwrap_or_default();
        (13..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

async fn cache_control(request: Request, next: Next) -> Response {
    let immutable = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let value = if immutable && response.status().is_success() && !is_html {
        IMMUTABLE
    } else {
        NO_CACHE
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// Headers on every response, the API's included.
pub async fn security_headers(State(site): State<Site>, request: Request, next: Next) -> Response {
    let csp = site.csp_for(request.uri().path()).clone();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// Request logging: method, path (never the query string or the body),
/// status and latency.
pub fn trace_layer() -> TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    impl Fn(&Request) -> tracing::Span + Clone,
> {
    TraceLayer::new_for_http().make_span_with(|request: &Request| {
        tracing::info_span!(
            "http",
            method = %request.method(),
            path = %request.uri().path(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_hashed_names_are_recognised() {
        assert!(is_hashed_asset("/app-3f2a9c0d1e4b5a67_bg.wasm"));
        assert!(is_hashed_asset("/main-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/manifest.webmanifest"));
        assert!(!is_hashed_asset("/icons/icon-192.png"));
        assert!(!is_hashed_asset("/programs/dibao"));
        assert!(is_hashed_asset("/console/console-0123456789abcdef_bg.wasm"));
        // A real build's name: Trunk does not pad the hash to 16 digits, and
        // this file was revalidated on every visit before.
        assert!(is_hashed_asset("/app-36da9a4bae97abd.js"));
        assert!(is_hashed_asset("/app-36da9a4bae97abd_bg.wasm"));
        assert!(!is_hashed_asset("/icons/icon-1234.png"));
        assert!(!is_hashed_asset("/console/cases/7KQ3MZ2HX"));
    }

    #[test]
    fn console_paths_are_the_prefix_and_below_only() {
        assert!(is_console_path("/console"));
        assert!(is_console_path("/console/"));
        assert!(is_console_path("/console/cases/7KQ3MZ2HX"));
        assert!(!is_console_path("/consoles"));
        assert!(!is_console_path("/console-0123456789abcdef.js"));
        assert!(!is_console_path("/"));
        assert!(!is_console_path("/api/console/session"));
    }

    #[test]
    fn policy_names_each_inline_script_by_hash_and_nothing_unsafe() {
        let html = r#"<script type="module">import init from '/a.js'; init();</script>
<script src="/x.js"></script>"#;
        let csp = content_security_policy(html);
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(b"import init from '/a.js'; init();"));
        assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
        assert_eq!(csp.matches("'sha256-").count(), 1);
        assert!(!csp.contains("'unsafe-eval'"));
        assert!(!csp.contains("'unsafe-inline'"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }
}
