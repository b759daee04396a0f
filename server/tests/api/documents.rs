//! Photos and scans sent with an application: multipart submissions,
//! checked by content (not by name), size and count limits, stored
//! encrypted, and read back by the office.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::Value;
use server::workflow::Role;

use crate::helpers::{Part, TestApp, application, jpeg, multipart, pdf, png};

async fn post_multipart(app: &TestApp, parts: &[Part<'_>]) -> (StatusCode, Value) {
    let (content_type, body) = multipart(parts);
    let request = Request::post("/api/applications")
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    let (status, bytes) = app.send(request).await;
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn fields(json: &Value) -> Vec<(String, String)> {
    json["fields"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_owned(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn documents_are_received_typed_by_content_encrypted_and_readable_by_the_office() {
    let app = TestApp::new().await;
    let body = application("key-documents-000001").to_string();
    let (photo, scan, card) = (jpeg(2000), pdf(3000), png(1000));
    let parts: [Part<'_>; 4] = [
        ("application", None, body.as_bytes()),
        // The name says PNG; the content is a JPEG, and the content decides.
        ("hukou", Some("户口簿.png"), &photo),
        ("other", Some("scan"), &scan),
        ("id_card", Some("id.jpg"), &card),
    ];
    let (status, json) = post_multipart(&app, &parts).await;
    assert_eq!(status, StatusCode::CREATED, "{json}");
    let uploaded = json["receipt"]["uploaded"].as_array().unwrap();
    let got: Vec<(&str, &str, u64)> = uploaded
        .iter()
        .map(|u| {
            (
                u["kind"].as_str().unwrap(),
                u["media_type"].as_str().unwrap(),
                u["size"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("hukou", "image/jpeg", 2000),
            ("other", "application/pdf", 3000),
            ("id_card", "image/png", 1000)
        ]
    );
    assert_eq!(app.count("documents").await, 3);
    // At rest: ciphertext, not the file.
    let ciphers: Vec<Vec<u8>> =
        sqlx::query_scalar("SELECT cipher FROM documents ORDER BY position")
            .fetch_all(&app.state.db)
            .await
            .unwrap();
    assert!(!ciphers[0].windows(16).any(|w| w == &photo[100..116]));
    assert!(!ciphers[1].starts_with(b"%PDF"));

    // A retry with the same files is the same case; other files under the
    // same key are refused.
    let (status, again) = post_multipart(&app, &parts).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["tracking_code"], json["tracking_code"]);
    let other = jpeg(2001);
    let (status, refused) = post_multipart(
        &app,
        &[
            ("application", None, body.as_bytes()),
            ("hukou", Some("a.jpg"), &other),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        fields(&refused),
        [("idempotency_key".into(), "reused".into())]
    );

    // The office reads them back, byte for byte, with the type found.
    app.worker("clerk", Role::Township, &["440114"]).await;
    let session = app.sign_in("clerk").await;
    let code = json["tracking_code"].as_str().unwrap();
    let request = session.request(
        "GET",
        &format!("/api/console/cases/{code}/documents/0"),
        None,
        false,
    );
    let response = tower::ServiceExt::oneshot(server::app(app.state.clone()), request)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "image/jpeg");
    assert!(
        response.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    assert_eq!(&bytes[..], &photo[..]);
    let (status, _) = app
        .console(
            &session,
            "GET",
            &format!("/api/console/cases/{code}/documents/3"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let viewed: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'document.view' AND actor = 'worker:clerk'",
    )
    .fetch_one(&app.state.db)
    .await
    .unwrap();
    assert_eq!(viewed, 1);
}

#[tokio::test]
async fn wrong_type_too_large_and_too_many_documents_are_field_errors() {
    let app = TestApp::new().await;
    let body = application("key-documents-000002").to_string();
    let text = b"GIF89a pretending to be a photo".to_vec();
    let empty: Vec<u8> = Vec::new();
    let big = jpeg(5 * 1024 * 1024 + 1);
    let exact = jpeg(5 * 1024 * 1024);
    let (status, json) = post_multipart(
        &app,
        &[
            ("application", None, body.as_bytes()),
            ("hukou", Some("photo.jpg"), &text),
            ("id_card", Some("big.jpg"), &big),
            ("other", Some("empty.pdf"), &empty),
            ("other", Some("exactly-5MB.jpg"), &exact),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    assert_eq!(
        fields(&json),
        [
            ("documents[0]".into(), "type".into()),
            ("documents[1]".into(), "too_large".into()),
            ("documents[2]".into(), "type".into()),
        ]
    );
    let small = png(100);
    let mut parts: Vec<Part<'_>> = vec![("application", None, body.as_bytes())];
    for _ in 0..7 {
        parts.push(("other", Some("p.png"), &small));
    }
    let (status, json) = post_multipart(&app, &parts).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&json), [("documents".into(), "too_many".into())]);
    assert_eq!(app.count("applications").await, 0);
    assert_eq!(app.count("documents").await, 0);
}

#[tokio::test]
async fn malformed_multipart_gets_the_one_malformed_answer() {
    let app = TestApp::new().await;
    let body = application("key-documents-000003").to_string();
    let photo = jpeg(10);
    let shapes: [Vec<Part<'_>>; 4] = [
        vec![("hukou", Some("a.jpg"), &photo)],
        vec![("application", None, b"{not json")],
        vec![
            ("application", None, body.as_bytes()),
            ("passport", Some("p.jpg"), &photo),
        ],
        vec![
            ("application", None, body.as_bytes()),
            ("application", None, body.as_bytes()),
        ],
    ];
    for parts in shapes {
        let (status, json) = post_multipart(&app, &parts).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(json, serde_json::json!({"error": "malformed"}));
    }
    // A multipart content type without a boundary.
    let request = Request::post("/api/applications")
        .header(header::CONTENT_TYPE, "multipart/form-data")
        .body(Body::from("x"))
        .unwrap();
    let (status, bytes) = app.send(request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(bytes, br#"{"error":"malformed"}"#);
    assert_eq!(app.count("applications").await, 0);
}
