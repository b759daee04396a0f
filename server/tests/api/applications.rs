//! 掌上办 in-process: filing (`POST /api/applications`) and tracking
//! (`GET /api/applications/{code}`).

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use server::domain::TrackingCode;
use server::{AppState, clock};

use server::crypto::Keys;

use crate::helpers::{ADDRESS, MOBILE, NAME, TEST_KEY, TestApp, application, id1, resident_id};

type Env = TestApp;

async fn env() -> Env {
    TestApp::new().await
}

async fn send(state: &AppState, request: Request<Body>) -> (StatusCode, Vec<u8>) {
    let response = tower::ServiceExt::oneshot(server::app(state.clone()), request)
        .await
        .unwrap();
    let status = response.status();
    // Receipts, timelines and errors alike: never stored by a browser or proxy.
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    (status, bytes.to_vec())
}

async fn post_raw(
    state: &AppState,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> (StatusCode, Vec<u8>) {
    let mut request = Request::post("/api/applications");
    if let Some(ct) = content_type {
        request = request.header(header::CONTENT_TYPE, ct);
    }
    send(state, request.body(Body::from(body)).unwrap()).await
}

async fn post(state: &AppState, body: &Value) -> (StatusCode, Value) {
    let (status, bytes) = post_raw(
        state,
        Some("application/json"),
        serde_json::to_vec(body).unwrap(),
    )
    .await;
    (status, serde_json::from_slice(&bytes).unwrap())
}

async fn track(
    state: &AppState,
    code: &str,
    last4: Option<&str>,
    ip: &str,
) -> (StatusCode, Vec<u8>) {
    track_via(state, code, last4, ip, None).await
}

async fn track_via(
    state: &AppState,
    code: &str,
    last4: Option<&str>,
    ip: &str,
    forwarded_for: Option<&str>,
) -> (StatusCode, Vec<u8>) {
    let mut request = Request::get(format!("/api/applications/{code}"));
    if let Some(xff) = forwarded_for {
        request = request.header("X-Forwarded-For", xff);
    }
    if let Some(last4) = last4 {
        request = request.header("X-Phone-Last4", last4);
    }
    let mut request = request.body(Body::empty()).unwrap();
    let addr: SocketAddr = format!("{ip}:40000").parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(addr));
    send(state, request).await
}

async fn count(state: &AppState, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&state.db)
        .await
        .unwrap()
}

fn days_from_today(n: u32) -> String {
    clock::add_days(clock::today(), n).to_string()
}

#[tokio::test]
async fn happy_path_files_a_case_and_answers_a_receipt() {
    let env = env().await;
    let (status, json) = post(&env.state, &application("key-happy-path-0001")).await;
    assert_eq!(status, StatusCode::CREATED, "{json}");
    let code = json["tracking_code"].as_str().unwrap();
    assert!(TrackingCode::parse(code).is_ok());
    let receipt = &json["receipt"];
    assert_eq!(receipt["tracking_code"], code);
    assert_eq!(receipt["submitted_on"], clock::today().to_string());
    assert_eq!(receipt["jurisdiction"]["code"], "440114");
    assert_eq!(receipt["urgent"], true);
    let programs = receipt["programs"].as_array().unwrap();
    assert_eq!(programs.len(), 2);
    let dibao = &programs[0];
    assert_eq!(dibao["program"], "dibao");
    assert!(dibao["office"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(dibao["apply_at"].as_str().is_some_and(|s| !s.is_empty()));
    let docs = dibao["documents"].as_array().unwrap();
    assert!(!docs.is_empty());
    assert!(
        docs.iter()
            .all(|d| d["id"].is_string() && d["name"].is_string())
    );
    // 民发〔2021〕57号: 3 / 7 / 10 / 30 (working days approximated as calendar days).
    assert_eq!(dibao["time_limits"]["investigation_days"], 3);
    assert_eq!(dibao["time_limits"]["total_days"], 30);
    assert_eq!(dibao["deadlines"]["investigation"], days_from_today(3));
    assert_eq!(dibao["deadlines"]["publicity"], days_from_today(10));
    assert_eq!(dibao["deadlines"]["decision"], days_from_today(30));
    assert_eq!(programs[1]["program"], "temporary");

    assert_eq!(count(&env.state, "applications").await, 1);
    assert_eq!(count(&env.state, "application_events").await, 1);
    assert_eq!(count(&env.state, "audit_log").await, 1);
    let (urgent, helper, client): (i64, Option<String>, Option<String>) =
        sqlx::query_as("SELECT urgent, helper_code, client_screening FROM applications")
            .fetch_one(&env.state.db)
            .await
            .unwrap();
    assert_eq!(urgent, 1);
    assert_eq!(helper.as_deref(), Some("SW-0042"));
    // Kept as the browser sent it (compressed, like the server's own).
    let client = client.unwrap();
    assert!(client.starts_with("lz4:"), "stored packed");
    assert!(
        server::packed::unpack(&client)
            .unwrap()
            .contains("the browser said")
    );
}

#[tokio::test]
async fn no_emergency_is_not_urgent() {
    let env = env().await;
    let mut body = application("key-not-urgent-0001");
    body["household"]["emergency"] = json!("none");
    let (status, json) = post(&env.state, &body).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(json["receipt"]["urgent"], false);
    body["idempotency_key"] = json!("key-not-urgent-0002");
    body["household"]
        .as_object_mut()
        .unwrap()
        .remove("emergency");
    let (_, json) = post(&env.state, &body).await;
    assert_eq!(json["receipt"]["urgent"], false);
}

/// Apply `change` to a valid body and expect exactly these field errors.
async fn expect_invalid(
    state: &AppState,
    change: impl FnOnce(&mut Value),
    expected: &[(&str, &str)],
) {
    let mut body = application("key-invalid-case-01");
    change(&mut body);
    let (status, json) = post(state, &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    assert_eq!(json["error"], "invalid");
    let got: Vec<(String, String)> = json["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_owned(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(f, c)| ((*f).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(got, expected);
}

#[tokio::test]
async fn each_validation_error_has_a_stable_code() {
    let env = env().await;
    let s = &env.state;
    let id = id1();
    let wrong_check = {
        let last = if id.ends_with('0') { "1" } else { "0" };
        format!("{}{last}", &id[..17])
    };
    expect_invalid(
        s,
        |b| b["applicant"]["resident_id"] = json!(wrong_check),
        &[("applicant.resident_id", "check_digit")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["applicant"]["resident_id"] = json!("44011419560314"),
        &[("applicant.resident_id", "format")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["applicant"]["resident_id"] = json!(resident_id("19560230", "027")),
        &[("applicant.resident_id", "birth_date")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["applicant"]["resident_id"] = json!(resident_id("20991231", "027")),
        &[("applicant.resident_id", "birth_date")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["applicant"]["mobile"] = json!("12912345678"),
        &[("applicant.mobile", "format")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["applicant"]["name"] = json!("  "),
        &[("applicant.name", "required"), ("consent.name", "mismatch")],
    )
    .await;
    expect_invalid(
        s,
        |b| {
            let long = "张".repeat(51);
            b["applicant"]["name"] = json!(long);
            b["consent"]["name"] = json!(long);
        },
        &[("applicant.name", "too_long")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["applicant"]["address"] = json!(""),
        &[("applicant.address", "required")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["applicant"]["address"] = json!("地".repeat(201)),
        &[("applicant.address", "too_long")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["consent"]["agreed"] = json!(false),
        &[("consent.agreed", "required")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["consent"]["name"] = json!("李四"),
        &[("consent.name", "mismatch")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["consent"]["name"] = json!(""),
        &[("consent.name", "required")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["consent"]["text_version"] = json!(""),
        &[("consent.text_version", "required")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["idempotency_key"] = json!("short"),
        &[("idempotency_key", "format")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["idempotency_key"] = json!("has space in the key!"),
        &[("idempotency_key", "format")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["helper_code"] = json!("no spaces allowed"),
        &[("helper_code", "format")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["programs"] = json!([]),
        &[("programs", "required")],
    )
    .await;
    // Several at once, in a stable order.
    expect_invalid(
        s,
        |b| {
            b["applicant"]["mobile"] = json!("1");
            b["applicant"]["resident_id"] = json!("x");
            b["consent"]["agreed"] = json!(false);
        },
        &[
            ("applicant.resident_id", "format"),
            ("applicant.mobile", "format"),
            ("consent.agreed", "required"),
        ],
    )
    .await;
    assert_eq!(count(s, "applications").await, 0);
}

#[tokio::test]
async fn unknown_jurisdiction_and_programs_are_refused() {
    let env = env().await;
    let s = &env.state;
    expect_invalid(
        s,
        |b| b["jurisdiction"] = json!("999999"),
        &[("jurisdiction", "unknown")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["jurisdiction"] = json!("national"),
        &[("jurisdiction", "unknown")],
    )
    .await;
    expect_invalid(
        s,
        |b| b["programs"] = json!(["dibao", "free_money"]),
        &[("programs[1]", "unknown")],
    )
    .await;
    let pack = rules_core::packs::embedded_pack("440114").unwrap();
    let not_offered = rules_core::ProgramId::ALL
        .iter()
        .find(|p| !pack.offers(**p))
        .expect("440114 does not run every program")
        .as_str();
    expect_invalid(
        s,
        |b| b["programs"] = json!([not_offered]),
        &[("programs[0]", "not_offered")],
    )
    .await;
    assert_eq!(count(s, "applications").await, 0);
}

#[tokio::test]
async fn a_retry_with_the_same_key_returns_the_same_case() {
    let env = env().await;
    let body = application("key-retry-same-0001");
    let (first_status, first) = post(&env.state, &body).await;
    assert_eq!(first_status, StatusCode::CREATED);
    let (second_status, second) = post(&env.state, &body).await;
    assert_eq!(second_status, StatusCode::OK);
    assert_eq!(first, second);
    assert_eq!(count(&env.state, "applications").await, 1);
    assert_eq!(count(&env.state, "application_events").await, 1);
    // The same request with other whitespace and key order is the same request.
    let (status, bytes) = post_raw(
        &env.state,
        Some("application/json; charset=utf-8"),
        serde_json::to_vec_pretty(&body).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(serde_json::from_slice::<Value>(&bytes).unwrap(), first);
    // The client's own screening is not part of the request's identity.
    let mut without_client_screening = body.clone();
    without_client_screening["client_screening"] = Value::Null;
    let (status, _) = post(&env.state, &without_client_screening).await;
    assert_eq!(status, StatusCode::OK);
    // Another key is another case.
    let (status, third) = post(&env.state, &application("key-retry-other-001")).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_ne!(third["tracking_code"], first["tracking_code"]);
    assert_eq!(count(&env.state, "applications").await, 2);
}

#[tokio::test]
async fn a_used_key_with_other_content_is_refused() {
    let env = env().await;
    let body = application("key-reused-00000001");
    let (status, _) = post(&env.state, &body).await;
    assert_eq!(status, StatusCode::CREATED);
    let mut other = body.clone();
    other["applicant"]["resident_id"] = json!(resident_id("19880808", "131"));
    let (status, json) = post(&env.state, &other).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json,
        json!({"error": "invalid", "fields": [{"field": "idempotency_key", "code": "reused"}]})
    );
    assert!(json.get("tracking_code").is_none());
    assert_eq!(count(&env.state, "applications").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_retries_create_one_case() {
    let env = env().await;
    let body = application("key-concurrent-0001");
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let state = env.state.clone();
            let body = body.clone();
            tokio::spawn(async move { post(&state, &body).await })
        })
        .collect();
    let mut codes = Vec::new();
    let mut created = 0;
    for task in tasks {
        let (status, json) = task.await.unwrap();
        assert!(
            status == StatusCode::CREATED || status == StatusCode::OK,
            "{status} {json}"
        );
        created += usize::from(status == StatusCode::CREATED);
        codes.push(json["tracking_code"].as_str().unwrap().to_owned());
    }
    assert_eq!(created, 1);
    assert!(codes.iter().all(|c| *c == codes[0]));
    assert_eq!(count(&env.state, "applications").await, 1);
    assert_eq!(count(&env.state, "application_events").await, 1);
}

/// Many filings at once (on SQLite they share group commits): each distinct
/// key makes exactly one case, a twin in the same group gets that case, and
/// a refused twin does not undo the others in its group.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_filings_at_once_each_make_one_case() {
    let env = env().await;
    let tasks: Vec<_> = (0..60)
        .map(|i| {
            let state = env.state.clone();
            let body = application(&format!("key-burst-group-{:04}", i % 30));
            tokio::spawn(async move { (i % 30, post(&state, &body).await) })
        })
        .collect();
    let mut codes: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
    let mut created = 0;
    for task in tasks {
        let (key, (status, json)) = task.await.unwrap();
        assert!(
            status == StatusCode::CREATED || status == StatusCode::OK,
            "{status} {json}"
        );
        created += usize::from(status == StatusCode::CREATED);
        codes
            .entry(key)
            .or_default()
            .push(json["tracking_code"].as_str().unwrap().to_owned());
    }
    assert_eq!(created, 30);
    for (key, pair) in &codes {
        assert_eq!(pair.len(), 2);
        assert_eq!(pair[0], pair[1], "key {key} answered with two cases");
    }
    let distinct: std::collections::BTreeSet<_> = codes.values().map(|p| &p[0]).collect();
    assert_eq!(distinct.len(), 30);
    assert_eq!(count(&env.state, "applications").await, 30);
    assert_eq!(count(&env.state, "application_events").await, 30);
}

#[tokio::test]
async fn every_malformed_body_gets_the_same_answer() {
    let env = env().await;
    let valid = application("key-malformed-00001");
    let mut shapes: Vec<(Option<&str>, Vec<u8>)> = vec![
        (Some("application/json"), b"".to_vec()),
        (Some("application/json"), b"{".to_vec()),
        (Some("application/json"), b"not json".to_vec()),
        (Some("application/json"), b"[]".to_vec()),
        (Some("application/json"), b"null".to_vec()),
        (Some("application/json"), vec![0xff, 0xfe, 0x00]),
        (None, serde_json::to_vec(&valid).unwrap()),
        (Some("text/plain"), serde_json::to_vec(&valid).unwrap()),
    ];
    let broken: [fn(&mut Value); 7] = [
        |b| b["programs"] = json!("dibao"),
        |b| b["applicant"]["resident_id"] = json!(440114),
        |b| b["consent"]["agreed"] = json!("yes"),
        |b| {
            b.as_object_mut().unwrap().remove("applicant");
        },
        |b| {
            b["applicant"].as_object_mut().unwrap().remove("mobile");
        },
        |b| b["household"] = json!("big"),
        |b| b["household"]["members"] = json!([{ "age": "seventy" }]),
    ];
    for change in broken {
        let mut body = valid.clone();
        change(&mut body);
        shapes.push((Some("application/json"), serde_json::to_vec(&body).unwrap()));
    }
    for (content_type, bytes) in shapes {
        let (status, body) = post_raw(&env.state, content_type, bytes).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(body, br#"{"error":"malformed"}"#);
    }
    assert_eq!(count(&env.state, "applications").await, 0);
}

#[tokio::test]
async fn a_body_over_64_kb_is_too_large() {
    let env = env().await;
    let mut body = application("key-too-large-00001");
    body["client_screening"] = json!("x".repeat(70 * 1024));
    let (status, bytes) = post_raw(
        &env.state,
        Some("application/json"),
        serde_json::to_vec(&body).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(bytes, br#"{"error":"too_large"}"#);
    assert_eq!(count(&env.state, "applications").await, 0);
}

async fn filed(env: &Env) -> String {
    let (status, json) = post(&env.state, &application("key-tracking-000001")).await;
    assert_eq!(status, StatusCode::CREATED);
    json["tracking_code"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn tracking_with_the_right_last4_shows_the_timeline() {
    let env = env().await;
    let code = filed(&env).await;
    let (status, bytes) = track(&env.state, &code, Some("5678"), "192.0.2.10").await;
    assert_eq!(status, StatusCode::OK);
    let json: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(json["tracking_code"], code.as_str());
    assert_eq!(json["status"], "submitted");
    assert_eq!(json["urgent"], true);
    assert_eq!(json["jurisdiction"]["code"], "440114");
    assert!(json["office"].is_string());
    assert_eq!(json["programs"], json!(["dibao", "temporary"]));
    assert_eq!(json["decision"], Value::Null);
    let steps = json["steps"].as_array().unwrap();
    let names: Vec<&str> = steps.iter().map(|s| s["step"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "submitted",
            "accepted",
            "investigation",
            "review",
            "publicity",
            "decision"
        ]
    );
    assert_eq!(steps[0]["reached"], true);
    assert_eq!(steps[0]["date"], clock::today().to_string());
    assert!(
        steps[1..]
            .iter()
            .all(|s| s["reached"] == false && s["date"].is_null())
    );
    assert!(steps.iter().all(|s| s["responsible"].is_string()));
    // The strictest deadline over the programs applied for.
    assert_eq!(steps[2]["deadline"], days_from_today(3));
    assert_eq!(steps[5]["deadline"], days_from_today(30));
    // Lower case and hyphens are accepted.
    let dashed = format!("{}-{}", &code[..4], &code[4..]).to_lowercase();
    let (status, _) = track(&env.state, &dashed, Some("5678"), "192.0.2.10").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_code_and_wrong_last4_are_the_same_404() {
    let env = env().await;
    let code = filed(&env).await;
    let (s1, wrong_last4) = track(&env.state, &code, Some("0000"), "192.0.2.11").await;
    let (s2, no_last4) = track(&env.state, &code, None, "192.0.2.11").await;
    let unknown = TrackingCode::from_body([1, 2, 3, 4, 5, 6, 7, 8]);
    assert_ne!(unknown.as_str(), code);
    let (s3, unknown_code) = track(&env.state, unknown.as_str(), Some("5678"), "192.0.2.11").await;
    for status in [s1, s2, s3] {
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    assert_eq!(wrong_last4, br#"{"error":"not_found"}"#);
    assert_eq!(no_last4, wrong_last4);
    assert_eq!(unknown_code, wrong_last4);
}

#[tokio::test]
async fn a_wrong_check_character_is_invalid_code() {
    let env = env().await;
    let code = filed(&env).await;
    let mut bad = code.clone().into_bytes();
    bad[8] = if bad[8] == b'2' { b'3' } else { b'2' };
    let bad = String::from_utf8(bad).unwrap();
    let (status, body) = track(&env.state, &bad, Some("5678"), "192.0.2.12").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body, br#"{"error":"invalid_code"}"#);
    let (status, _) = track(&env.state, "O0I1L", Some("5678"), "192.0.2.12").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn failed_look_ups_are_rate_limited_per_address() {
    let env = env().await;
    let code = filed(&env).await;
    for _ in 0..10 {
        let (status, _) = track(&env.state, &code, Some("0000"), "198.51.100.7").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    // Now even the right answer is refused from that address…
    let (status, body) = track(&env.state, &code, Some("5678"), "198.51.100.7").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body, br#"{"error":"rate_limited"}"#);
    // …but not from another one.
    let (status, _) = track(&env.state, &code, Some("5678"), "198.51.100.8").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn personal_data_is_encrypted_at_rest() {
    let env = env().await;
    let _ = filed(&env).await;
    let bytes = env.stored_bytes().await;
    assert!(bytes.len() > 1000);
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(
        !contains(id1().as_bytes()),
        "身份证 number stored in plain text"
    );
    assert!(!contains(MOBILE.as_bytes()), "mobile stored in plain text");
    assert!(
        !contains(ADDRESS.as_bytes()),
        "address stored in plain text"
    );
    assert!(
        contains(b"key-tracking-000001"),
        "the scan sees the database"
    );

    // The ciphertext opens with the key, and the keyed hash finds the case.
    let keys = Keys::from_master(&TEST_KEY);
    let (cipher, nonce, hash): (String, String, String) =
        sqlx::query_as("SELECT id_cipher, id_nonce, id_hash FROM applications")
            .fetch_one(&env.state.db)
            .await
            .unwrap();
    let plain = keys
        .open(
            "resident_id",
            &server::crypto::unb64(&cipher).unwrap(),
            &server::crypto::unb64(&nonce).unwrap(),
        )
        .unwrap();
    assert_eq!(plain, id1().as_bytes());
    assert_eq!(hash, keys.lookup_hash("resident_id", id1().as_bytes()));
}

#[tokio::test]
async fn responses_carry_no_personal_data_but_the_masked_id() {
    let env = env().await;
    let (_, json) = post(&env.state, &application("key-no-personal-001")).await;
    let text = json.to_string();
    let id = id1();
    for secret in [id.as_str(), MOBILE, ADDRESS, NAME] {
        assert!(!text.contains(secret), "response contains personal data");
    }
    let masked = format!("{}{}{}", &id[..3], "*".repeat(13), &id[16..]);
    assert_eq!(json["receipt"]["resident_id_masked"], masked);
    let code = json["tracking_code"].as_str().unwrap();
    let (_, bytes) = track(&env.state, code, Some("5678"), "192.0.2.20").await;
    let text = String::from_utf8(bytes).unwrap();
    for secret in [id.as_str(), MOBILE, ADDRESS, NAME] {
        assert!(!text.contains(secret), "timeline contains personal data");
    }
}

#[tokio::test]
async fn the_timeline_shows_each_step_reached_and_the_decision() {
    let env = env().await;
    let code = filed(&env).await;
    // What the worker console will write: later events and a decision.
    let id: i64 = sqlx::query_scalar("SELECT id FROM applications")
        .fetch_one(&env.state.db)
        .await
        .unwrap();
    for (status, at) in [
        ("accepted", "2030-01-02T08:00:00Z"),
        ("investigation", "2030-01-03T08:00:00Z"),
        ("review", "2030-01-06T08:00:00Z"),
    ] {
        sqlx::query(
            "INSERT INTO application_events (application_id, status, at, note, actor) \
             VALUES ($1, $2, $3, 'internal note', 'worker:1')",
        )
        .bind(id)
        .bind(status)
        .bind(at)
        .execute(&env.state.db)
        .await
        .unwrap();
    }
    sqlx::query("UPDATE applications SET status = 'review', decision = $1")
        .bind(r#"{"outcome":"approved","amount":"1196.00","period":"month"}"#)
        .execute(&env.state.db)
        .await
        .unwrap();
    let (status, bytes) = track(&env.state, &code, Some("5678"), "192.0.2.30").await;
    assert_eq!(status, StatusCode::OK);
    let json: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(json["status"], "review");
    let dates: Vec<&Value> = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["date"])
        .collect();
    assert_eq!(
        dates,
        [
            &json!(clock::today().to_string()),
            &json!("2030-01-02"),
            &json!("2030-01-03"),
            &json!("2030-01-06"),
            &Value::Null,
            &Value::Null,
        ]
    );
    assert_eq!(json["decision"]["outcome"], "approved");
    // Workers' notes and identities are not shown to the resident.
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains("internal note") && !text.contains("worker:1"));
}

#[tokio::test]
async fn control_characters_in_text_fields_are_a_format_error() {
    let env = env().await;
    expect_invalid(
        &env.state,
        |b| b["applicant"]["address"] = json!("测试\u{0007}地址"),
        &[("applicant.address", "format")],
    )
    .await;
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_is_limited() {
    let env = env().await;
    let code = filed(&env).await;
    let proxy = "10.0.0.1";
    let state = env
        .state
        .clone()
        .with_trusted_proxies(&[proxy.parse().unwrap()]);
    // The client may prepend anything; the proxy's own (last) entry counts.
    for i in 0..10 {
        let xff = format!("203.0.113.{i}, 198.51.100.20");
        let (status, _) = track_via(&state, &code, Some("0000"), proxy, Some(&xff)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let (status, _) = track_via(&state, &code, Some("5678"), proxy, Some("198.51.100.20")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Another client behind the same proxy is not affected.
    let (status, _) = track_via(&state, &code, Some("5678"), proxy, Some("198.51.100.21")).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn forwarded_for_from_an_untrusted_peer_is_ignored() {
    let env = env().await;
    let code = filed(&env).await;
    for i in 0..10 {
        let xff = format!("198.51.100.{i}");
        let (status, _) =
            track_via(&env.state, &code, Some("0000"), "192.0.2.77", Some(&xff)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let (status, _) = track_via(
        &env.state,
        &code,
        Some("5678"),
        "192.0.2.77",
        Some("198.51.100.99"),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}
