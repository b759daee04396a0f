//! Shared helpers: a fresh database per test (SQLite file, or a new
//! PostgreSQL database when `JIUZHU_TEST_POSTGRES` is set), a fake build of
//! the app, requests through the whole router, accounts and sessions.
//! Every 身份证 number here is generated (made-up region, date and sequence,
//! with a computed check digit): nobody's.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use server::config::DatabaseUrl;
use server::crypto::Keys;
use server::domain::resident_id_check_char;
use server::workflow::Role;
use server::{AppState, app, db, web};
use tower::ServiceExt;

pub const TEST_KEY: [u8; 32] = [0x5a; 32];
pub const MOBILE: &str = "13912345678";
pub const ADDRESS: &str = "花都区新华街道测试社区1号";
pub const NAME: &str = "张测试";
pub const PASSWORD: &str = "a long test password";

pub const INDEX: &str = r#"<!doctype html><html lang="zh-CN"><head><title>t</title>
<script type="module">import init from '/app-0123456789abcdef.js'; init();</script>
</head><body></body></html>"#;

/// The worker console's page: another inline loader, so another hash.
pub const CONSOLE_INDEX: &str = r#"<!doctype html><html lang="zh-CN"><head><title>c</title>
<script type="module">import init from '/console/console-0123456789abcdef.js'; init();</script>
</head><body></body></html>"#;

/// The environment variable naming a PostgreSQL server for the tests.
pub const POSTGRES_ENV: &str = "JIUZHU_TEST_POSTGRES";

pub struct TestApp {
    pub dir: tempfile::TempDir,
    pub state: AppState,
}

/// A small fake build of the app.
pub fn fake_dist(dir: &std::path::Path) -> std::path::PathBuf {
    let dist = dir.join("dist");
    std::fs::create_dir_all(dist.join("icons")).unwrap();
    std::fs::write(dist.join("index.html"), INDEX).unwrap();
    std::fs::write(dist.join("app-0123456789abcdef.js"), "export default 1;").unwrap();
    std::fs::write(dist.join("app-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dist.join("app-0123456789abcdef_bg.wasm.br"), b"br-bytes").unwrap();
    std::fs::write(dist.join("manifest.webmanifest"), "{}").unwrap();
    let console = dist.join("console");
    std::fs::create_dir_all(&console).unwrap();
    std::fs::write(console.join("index.html"), CONSOLE_INDEX).unwrap();
    std::fs::write(
        console.join("console-0123456789abcdef.js"),
        "export default 2;",
    )
    .unwrap();
    dist
}

/// A fresh, empty database for one test: an SQLite file in `data`, or a new
/// database on the PostgreSQL server of `JIUZHU_TEST_POSTGRES`.
pub async fn fresh_database(data: &std::path::Path) -> db::Db {
    let url = match std::env::var(POSTGRES_ENV) {
        Ok(base) if !base.is_empty() => {
            sqlx::any::install_default_drivers();
            let name = format!("jz_test_{}", server::crypto::random_token().to_lowercase())
                .replace(['-', '_'], "")
                .chars()
                .take(40)
                .collect::<String>();
            let admin = sqlx::AnyPool::connect(&base).await.unwrap();
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&admin)
                .await
                .unwrap();
            admin.close().await;
            let (prefix, _) = base.rsplit_once('/').expect("a URL with a database path");
            DatabaseUrl::Postgres(format!("{prefix}/{name}"))
        }
        _ => DatabaseUrl::DefaultSqlite,
    };
    db::connect(&url, data).await.unwrap()
}

impl TestApp {
    pub async fn new() -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let dist = fake_dist(dir.path());
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        let pool = fresh_database(&data).await;
        let state = AppState::new(
            pool,
            web::Site::load(&dist).unwrap(),
            Keys::from_master(&TEST_KEY),
        );
        TestApp { dir, state }
    }

    /// Send a request through the whole router, from `192.0.2.1` unless the
    /// request names another peer.
    pub async fn send(&self, mut request: Request<Body>) -> (StatusCode, Vec<u8>) {
        if request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .is_none()
        {
            let addr: SocketAddr = "192.0.2.1:40000".parse().unwrap();
            request.extensions_mut().insert(ConnectInfo(addr));
        }
        let response = app(self.state.clone()).oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, bytes.to_vec())
    }

    /// Everything the database holds, as bytes: every file of an SQLite
    /// database (main file, WAL, shared memory), or every row of every
    /// table as PostgreSQL prints it.
    pub async fn stored_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        if std::env::var(POSTGRES_ENV).is_ok_and(|v| !v.is_empty()) {
            for table in [
                "applications",
                "application_events",
                "documents",
                "audit_log",
                "workers",
                "sessions",
            ] {
                let rows: Vec<String> =
                    sqlx::query_scalar(&format!("SELECT CAST(t AS TEXT) FROM {table} t"))
                        .fetch_all(&self.state.db)
                        .await
                        .unwrap();
                for row in rows {
                    bytes.extend(row.into_bytes());
                }
            }
        } else {
            for entry in std::fs::read_dir(self.dir.path().join("data")).unwrap() {
                bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
            }
        }
        bytes
    }

    pub async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&self.state.db)
            .await
            .unwrap()
    }

    /// Create a console account with [`PASSWORD`].
    pub async fn worker(&self, username: &str, role: Role, jurisdictions: &[&str]) {
        let codes: Vec<String> = jurisdictions.iter().map(|j| (*j).to_owned()).collect();
        server::users::create(
            &self.state.db,
            username,
            &format!("{username} 姓名"),
            role,
            &format!("{username} 办公室"),
            &codes,
            PASSWORD,
        )
        .await
        .unwrap();
    }

    /// Sign in; panics unless it works.
    pub async fn sign_in(&self, username: &str) -> Session {
        let (status, cookie, json) = self.try_sign_in(username, PASSWORD, "192.0.2.1").await;
        assert_eq!(status, StatusCode::OK, "{json}");
        Session {
            cookie: cookie.unwrap(),
            csrf: json["csrf_token"].as_str().unwrap().to_owned(),
        }
    }

    /// One sign-in attempt: status, the `name=value` of the session cookie
    /// if one was set, and the body.
    pub async fn try_sign_in(
        &self,
        username: &str,
        password: &str,
        ip: &str,
    ) -> (StatusCode, Option<String>, Value) {
        let mut request = Request::post("/api/console/session")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                json!({ "username": username, "password": password }).to_string(),
            ))
            .unwrap();
        let addr: SocketAddr = format!("{ip}:40000").parse().unwrap();
        request.extensions_mut().insert(ConnectInfo(addr));
        let response = app(self.state.clone()).oneshot(request).await.unwrap();
        let status = response.status();
        let cookie = response
            .headers()
            .get(header::SET_COOKIE)
            .map(|v| v.to_str().unwrap().to_owned());
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (
            status,
            cookie.map(|c| c.split(';').next().unwrap().to_owned()),
            json,
        )
    }

    /// A console request with the session's cookie (and CSRF token unless
    /// `csrf` is false).
    pub async fn console(
        &self,
        session: &Session,
        method: &str,
        uri: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let request = session.request(method, uri, body, true);
        let (status, bytes) = self.send(request).await;
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    /// File an application; returns its tracking code.
    pub async fn file(&self, key: &str, jurisdiction: &str) -> String {
        let mut body = application(key);
        body["jurisdiction"] = json!(jurisdiction);
        let (status, json) = self.post_json("/api/applications", &body).await;
        assert_eq!(status, StatusCode::CREATED, "{json}");
        json["tracking_code"].as_str().unwrap().to_owned()
    }

    pub async fn post_json(&self, uri: &str, body: &Value) -> (StatusCode, Value) {
        let request = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(serde_json::to_vec(body).unwrap()))
            .unwrap();
        let (status, bytes) = self.send(request).await;
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }
}

/// A signed-in console session.
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

impl Session {
    pub fn request(
        &self,
        method: &str,
        uri: &str,
        body: Option<Value>,
        with_csrf: bool,
    ) -> Request<Body> {
        let mut request = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::COOKIE, &self.cookie);
        if with_csrf {
            request = request.header("x-csrf-token", &self.csrf);
        }
        match body {
            Some(body) => request
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
            None => request.body(Body::empty()).unwrap(),
        }
    }
}

/// A made-up 身份证 number with a valid check digit.
pub fn resident_id(birth: &str, seq: &str) -> String {
    let first17 = format!("440114{birth}{seq}");
    let check = resident_id_check_char(first17.as_bytes()).unwrap();
    format!("{first17}{check}")
}

pub fn id1() -> String {
    resident_id("19560314", "027")
}

/// A valid application body for 花都区 (440114).
pub fn application(key: &str) -> Value {
    json!({
        "idempotency_key": key,
        "jurisdiction": "440114",
        "programs": ["dibao", "temporary"],
        "household": {
            "money_assets": "3000", "cars": 0, "homes": 1, "runs_business": false,
            "current_benefits": [], "emergency": "fire",
            "members": [{
                "relation": "applicant", "age": 70,
                "hukou": { "local": true, "kind": "rural" },
                "incomes": [{ "kind": "resident_basic_pension", "monthly": "180" }],
                "supporters": "none", "self_care": "partial"
            }]
        },
        "applicant": { "name": NAME, "resident_id": id1(), "mobile": MOBILE, "address": ADDRESS },
        "consent": { "agreed": true, "name": NAME, "text_version": "2025-01" },
        "helper_code": "SW-0042",
        "client_screening": { "anything": "the browser said" }
    })
}

/// One part of a multipart body: name, file name, bytes.
pub type Part<'a> = (&'a str, Option<&'a str>, &'a [u8]);

/// A `multipart/form-data` body; returns the content type and the body.
pub fn multipart(parts: &[Part<'_>]) -> (String, Vec<u8>) {
    let boundary = "----jiuzhu-test-boundary-7f3a";
    let mut body = Vec::new();
    for (name, filename, bytes) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match filename {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// The first bytes of each accepted kind of file, then filler.
pub fn jpeg(len: usize) -> Vec<u8> {
    let mut v = vec![0xFF, 0xD8, 0xFF, 0xE0];
    v.resize(len, 0x42);
    v
}

pub fn png(len: usize) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    v.resize(len, 0x17);
    v
}

pub fn pdf(len: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.7\n".to_vec();
    v.resize(len, b' ');
    v
}
