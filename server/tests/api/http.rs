//! In-process tests of the HTTP surface: the router is driven with `oneshot`,
//! against a temporary data directory and a small fake build of the app.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use server::config::DatabaseUrl;
use server::{AppState, app, web};
use tower::ServiceExt;

use crate::helpers::{CONSOLE_INDEX, INDEX, TestApp};

async fn site() -> TestApp {
    TestApp::new().await
}

/// The test app's state serving the app built in `dist`.
fn with_dist(site: &TestApp, dist: &std::path::Path) -> AppState {
    AppState::new(
        site.state.db.clone(),
        web::Site::load(dist).unwrap(),
        server::crypto::Keys::from_master(&[0x42; 32]),
    )
}

async fn get(state: &AppState, uri: &str, headers: &[(&str, &str)]) -> axum::response::Response {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    app(state.clone())
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap()
}

async fn body(response: axum::response::Response) -> Vec<u8> {
    response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec()
}

/// `path` with `headers` gets `page`, marked as depending on the browser's
/// languages, under a policy that names `loaders` inline scripts.
async fn assert_page_in_language(
    state: &AppState,
    path: &str,
    headers: &[(&str, &str)],
    page: &str,
    loaders: usize,
) {
    let response = get(state, path, headers).await;
    assert!(
        header(&response, "vary")
            .to_ascii_lowercase()
            .contains("accept-language"),
        "{path}"
    );
    let csp = header(&response, "content-security-policy").to_owned();
    assert_eq!(csp.matches("'sha256-").count(), loaders, "{csp}");
    assert_eq!(body(response).await, page.as_bytes(), "{path} {headers:?}");
}

fn header<'a>(response: &'a axum::response::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or_default()
}

#[tokio::test]
async fn health_reports_version_and_database() {
    let site = site().await;
    let response = get(&site.state, "/api/health", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(header(&response, "content-type").starts_with("application/json"));
    let json: serde_json::Value = serde_json::from_slice(&body(response).await).unwrap();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["database"], "ok");
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn health_says_when_the_database_is_gone() {
    let site = site().await;
    site.state.db.close().await;
    let response = get(&site.state, "/api/health", &[]).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let json: serde_json::Value = serde_json::from_slice(&body(response).await).unwrap();
    assert_eq!(json["database"], "unreachable");
}

#[tokio::test]
async fn index_is_never_cached_and_carries_security_headers() {
    let site = site().await;
    let response = get(&site.state, "/", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "cache-control"), "no-cache");
    assert!(header(&response, "content-type").starts_with("text/html"));
    let csp = header(&response, "content-security-policy");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(
        csp.contains("'sha256-"),
        "inline loader allowed by hash: {csp}"
    );
    assert!(!csp.contains("'unsafe-inline'") && !csp.contains("'unsafe-eval'"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(header(&response, "x-content-type-options"), "nosniff");
    assert_eq!(header(&response, "referrer-policy"), "no-referrer");
    assert_eq!(body(response).await, INDEX.as_bytes());
}

#[tokio::test]
async fn client_routes_get_the_app_but_missing_files_are_404() {
    let site = site().await;
    let response = get(&site.state, "/programs/dibao", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "cache-control"), "no-cache");
    assert_eq!(body(response).await, INDEX.as_bytes());

    let response = get(&site.state, "/app-ffffffffffffffff.js", &[]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(&response, "cache-control"), "no-cache");
}

#[tokio::test]
async fn console_routes_get_the_console_page_under_its_own_policy() {
    let site = site().await;
    let console_csp = web::content_security_policy(CONSOLE_INDEX);
    let app_csp = web::content_security_policy(INDEX);
    assert_ne!(console_csp, app_csp);
    for path in [
        "/console",
        "/console/",
        "/console/index.html",
        "/console/cases/7KQ3MZ2HX",
        "/console/audit",
    ] {
        let response = get(&site.state, path, &[]).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&response, "cache-control"), "no-cache", "{path}");
        assert!(header(&response, "content-type").starts_with("text/html"));
        assert_eq!(
            header(&response, "content-security-policy"),
            console_csp,
            "{path}"
        );
        assert_eq!(header(&response, "x-frame-options"), "DENY");
        assert_eq!(body(response).await, CONSOLE_INDEX.as_bytes(), "{path}");
    }
    // The resident app keeps its own page and policy: the console's loader
    // is not allowed there, nor the app's in the console.
    for path in ["/", "/programs/dibao", "/consoles", "/console-x"] {
        let response = get(&site.state, path, &[]).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&response, "content-security-policy"), app_csp);
        assert_eq!(body(response).await, INDEX.as_bytes(), "{path}");
    }
}

#[tokio::test]
async fn console_assets_are_immutable_and_missing_ones_404() {
    let site = site().await;
    let response = get(&site.state, "/console/console-0123456789abcdef.js", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header(&response, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(body(response).await, b"export default 2;");
    let response = get(&site.state, "/console/console-ffffffffffffffff.js", &[]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(&response, "cache-control"), "no-cache");
}

#[tokio::test]
async fn without_a_console_build_the_app_runs_and_console_is_404() {
    let site = site().await;
    let dist = site.dir.path().join("dist");
    std::fs::remove_dir_all(dist.join("console")).unwrap();
    let mut state = site.state.clone();
    state.site = web::Site::load(&dist).unwrap();
    for path in ["/console", "/console/cases/7KQ3MZ2HX"] {
        let response = get(&state, path, &[]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let response = get(&state, "/", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body(response).await, INDEX.as_bytes());
}

#[tokio::test]
async fn the_home_page_has_its_first_paint_and_other_routes_get_the_bare_shell() {
    let site = site().await;
    let dist = site.dir.path().join("dist");
    const SHELL: &str = r#"<!doctype html><html lang="zh-CN"><head><title>t</title>
<script type="module">import init from '/app-0123456789abcdef.js'; init();</script>
</head><body></body></html>"#;
    std::fs::write(dist.join("shell.html"), SHELL).unwrap();
    let state = with_dist(&site, &dist);
    let response = get(&state, "/", &[]).await;
    assert_eq!(body(response).await, INDEX.as_bytes());
    let response = get(&state, "/check/results", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(header(&response, "content-type").starts_with("text/html"));
    let csp = header(&response, "content-security-policy").to_owned();
    assert_eq!(csp.matches("'sha256-").count(), 1, "one loader: {csp}");
    assert_eq!(body(response).await, SHELL.as_bytes());
    // Without a guide page, the guide's routes get the shell too.
    let response = get(&state, "/programs/dibao", &[]).await;
    assert_eq!(body(response).await, SHELL.as_bytes());
}

#[tokio::test]
async fn the_policy_guide_gets_the_light_bundles_page_without_a_first_paint() {
    let site = site().await;
    let dist = site.dir.path().join("dist");
    const SHELL: &str = r#"<!doctype html><html><head><script type="module">import init from '/app-0123456789abcdef.js'; init();</script></head><body></body></html>"#;
    const GUIDE: &str = r#"<!doctype html><html><head><script type="module">let full=false;import('/landing-0123456789abcdef.js');</script></head><body></body></html>"#;
    std::fs::write(dist.join("shell.html"), SHELL).unwrap();
    std::fs::write(dist.join("guide.html"), GUIDE).unwrap();
    let state = with_dist(&site, &dist);
    for path in ["/programs", "/programs/dibao"] {
        let response = get(&state, path, &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        let csp = header(&response, "content-security-policy").to_owned();
        assert_eq!(body(response).await, GUIDE.as_bytes(), "{path}");
        // The guide's loader is allowed by the one policy, beside the
        // other pages' (one script here, the same in both).
        assert_eq!(csp.matches("'sha256-").count(), 2, "{csp}");
    }
    for path in ["/check/results", "/programs/dibao/x"] {
        let response = get(&state, path, &[]).await;
        assert_eq!(body(response).await, SHELL.as_bytes(), "{path}");
    }
    let response = get(&state, "/", &[]).await;
    assert_eq!(body(response).await, INDEX.as_bytes());
}

#[tokio::test]
async fn a_guide_link_gets_its_pages_first_paint_in_its_language_while_it_is_true() {
    let site = site().await;
    let dist = site.dir.path().join("dist");
    const GUIDE: &str = r#"<!doctype html><html><head><script type="module">import('/guide-0123456789abcdef.js');</script></head><body></body></html>"#;
    let painted = |lang: &str| {
        format!(
            r#"<!doctype html><html lang={lang}><head><script type="module">await paint;import('/guide-0123456789abcdef.js');</script></head><body><div id="first-paint">{lang}</div></body></html>"#
        )
    };
    std::fs::write(dist.join("guide.html"), GUIDE).unwrap();
    let pages = dist.join("guide-pages");
    for place in ["441521", "620422"] {
        for lang in ["zh-CN", "zh-TW", "en"] {
            let dir = pages.join(place).join(lang);
            std::fs::create_dir_all(&dir).unwrap();
            for page in ["dibao", "index"] {
                std::fs::write(dir.join(format!("{page}.html")), painted(lang)).unwrap();
            }
        }
    }
    // 441521's pages are true from 2020 on; 620422's only until 2021.
    std::fs::write(
        pages.join("pages.json"),
        r#"{"441521": {"from": "2020-01-01", "until": null},
            "620422": {"from": "2020-01-01", "until": "2021-01-01"}}"#,
    )
    .unwrap();
    let state = with_dist(&site, &dist);
    let zh_cn = [("accept-language", "zh-CN,zh;q=0.9")];
    for (path, headers, lang) in [
        ("/programs/dibao?region=441521", &zh_cn[..], "zh-CN"),
        ("/programs?region=441521", &zh_cn[..], "zh-CN"),
        ("/programs/?region=441521&lang=zh-TW", &zh_cn[..], "zh-TW"),
        ("/programs/dibao?region=441521&lang=en", &zh_cn[..], "en"),
        (
            "/programs/dibao?region=441521",
            &[("accept-language", "zh-HK,zh;q=0.9")][..],
            "zh-TW",
        ),
        (
            "/programs/dibao?region=441521",
            &[("accept-language", "fr-FR,en-US;q=0.9")][..],
            "en",
        ),
        // No browser language at all: zh-CN, the portal's default.
        ("/programs/dibao?region=441521", &[][..], "zh-CN"),
    ] {
        // Both loaders are allowed by the one policy.
        assert_page_in_language(&state, path, headers, &painted(lang), 3).await;
    }
    for path in [
        // No place in the link, an unknown place or page.
        "/programs/dibao",
        "/programs/dibao?region=999999",
        "/programs/tekun?region=441521",
        "/programs/x%2Findex?region=441521",
        // Pages whose values have changed since they were written.
        "/programs/dibao?region=620422",
    ] {
        let response = get(&state, path, &zh_cn).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(body(response).await, GUIDE.as_bytes(), "{path}");
    }
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_plain_files_revalidate() {
    let site = site().await;
    let response = get(&site.state, "/app-0123456789abcdef.js", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header(&response, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    let response = get(&site.state, "/manifest.webmanifest", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "cache-control"), "no-cache");
}

#[tokio::test]
async fn precompressed_brotli_is_served_when_accepted() {
    let site = site().await;
    let response = get(
        &site.state,
        "/app-0123456789abcdef_bg.wasm",
        &[("accept-encoding", "gzip, br")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "content-encoding"), "br");
    assert_eq!(header(&response, "content-type"), "application/wasm");
    assert_eq!(body(response).await, b"br-bytes");

    let response = get(&site.state, "/app-0123456789abcdef_bg.wasm", &[]).await;
    assert_eq!(header(&response, "content-encoding"), "");
    assert_eq!(body(response).await, b"\0asm");
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s() {
    let site = site().await;
    let response = get(&site.state, "/api/nope", &[]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let json: serde_json::Value = serde_json::from_slice(&body(response).await).unwrap();
    assert_eq!(json["error"], "not_found");
}

#[test]
fn database_urls_are_checked() {
    assert!(matches!(
        DatabaseUrl::parse("sqlite:/tmp/x.sqlite"),
        Ok(DatabaseUrl::Sqlite(_))
    ));
    assert!(matches!(
        DatabaseUrl::parse("postgres://user:secret@host/db"),
        Ok(DatabaseUrl::Postgres(_))
    ));
    assert!(matches!(
        DatabaseUrl::parse("postgresql://localhost/jiuzhu"),
        Ok(DatabaseUrl::Postgres(_))
    ));
    let err = DatabaseUrl::parse("mysql://user:secret@x").unwrap_err();
    assert!(
        err.contains("sqlite:") && err.contains("postgres://"),
        "{err}"
    );
    assert!(!err.contains("secret"), "never echo credentials: {err}");
}

#[test]
fn a_missing_build_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = web::Site::load(dir.path()).err().unwrap().to_string();
    assert!(
        err.contains("index.html") && err.contains("cargo xtask run"),
        "{err}"
    );
}

#[tokio::test]
async fn head_requests_get_the_headers_without_a_body() {
    // A HEAD of the app gets the same headers as a GET.
    let site = site().await;
    let response = app(site.state.clone())
        .oneshot(Request::head("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response
            .headers()
            .contains_key(header::CONTENT_SECURITY_POLICY)
    );
}

#[tokio::test]
async fn the_home_page_comes_with_its_first_paint_in_the_language_it_opens_in() {
    let site = site().await;
    let dist = site.dir.path().join("dist");
    let painted = |lang: &str| {
        format!(
            r#"<!doctype html><html lang={lang}><head><script type="module">await paint;import('/landing-0123456789abcdef.js');</script></head><body><div id="first-paint">{lang}</div></body></html>"#
        )
    };
    std::fs::write(dist.join("index.html"), painted("zh-CN")).unwrap();
    let pages = dist.join("home-pages");
    std::fs::create_dir_all(&pages).unwrap();
    for lang in ["zh-TW", "en"] {
        std::fs::write(pages.join(format!("{lang}.html")), painted(lang)).unwrap();
    }
    let state = with_dist(&site, &dist);
    let zh_cn = [("accept-language", "zh-CN,zh;q=0.9")];
    for (path, headers, lang) in [
        ("/", &zh_cn[..], "zh-CN"),
        ("/index.html", &zh_cn[..], "zh-CN"),
        ("/?region=441521&lang=zh-TW", &zh_cn[..], "zh-TW"),
        ("/?lang=en", &zh_cn[..], "en"),
        // A language the portal does not ship in the link: the browser's.
        (
            "/?lang=fr",
            &[("accept-language", "zh-HK,zh;q=0.9")][..],
            "zh-TW",
        ),
        ("/", &[("accept-language", "fr-FR,en-US;q=0.9")][..], "en"),
        ("/", &[][..], "zh-CN"),
    ] {
        // The one policy allows the one loader (the same in every language).
        assert_page_in_language(&state, path, headers, &painted(lang), 1).await;
    }
}
