//! The worker console's API: sign-in and sessions, CSRF, rate limits, the
//! queue, cases, status changes, assignment, the export and the audit log —
//! and that no endpoint shows or changes a case outside the worker's
//! jurisdictions.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use server::clock;
use server::workflow::Role;

use crate::helpers::{MOBILE, PASSWORD, Session, TestApp, id1};

/// 花都 (440114) and 海丰 (441521) cases, a township worker and a county
/// reviewer for 花都, an admin for 花都, and a 海丰 worker.
async fn office() -> (TestApp, String, String) {
    let app = TestApp::new().await;
    app.worker("huadu_clerk", Role::Township, &["440114"]).await;
    app.worker("huadu_review", Role::County, &["440114"]).await;
    app.worker("huadu_admin", Role::Admin, &["440114"]).await;
    app.worker("haifeng_clerk", Role::Township, &["441521"])
        .await;
    let huadu = app.file("key-console-huadu-0001", "440114").await;
    let haifeng = app.file("key-console-haifeng-001", "441521").await;
    (app, huadu, haifeng)
}

#[tokio::test]
async fn no_account_ships_and_nothing_opens_without_a_session() {
    let app = TestApp::new().await;
    for (user, password) in [("admin", "admin"), ("admin", PASSWORD), ("root", "")] {
        let (status, cookie, json) = app.try_sign_in(user, password, "192.0.2.7").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(json["error"], "bad_credentials");
        assert!(cookie.is_none());
    }
    for uri in [
        "/api/console/session",
        "/api/console/cases",
        "/api/console/export",
        "/api/console/workers",
        "/api/console/audit",
    ] {
        let (status, bytes) = app
            .send(Request::get(uri).body(Body::empty()).unwrap())
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{uri}");
        assert_eq!(bytes, br#"{"error":"unauthorized"}"#);
    }
    // A made-up cookie is no session.
    let fake = Session {
        cookie: "jz_session=made-up".into(),
        csrf: "x".into(),
    };
    let (status, _) = app.console(&fake, "GET", "/api/console/cases", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn sign_in_sets_a_strict_http_only_cookie_secure_behind_https() {
    let app = TestApp::new().await;
    app.worker("clerk", Role::Township, &["440114"]).await;
    let mut request = Request::post("/api/console/session")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({"username": "clerk", "password": PASSWORD}).to_string(),
        ))
        .unwrap();
    request
        .extensions_mut()
        .insert(ConnectInfo("192.0.2.1:1".parse::<SocketAddr>().unwrap()));
    let response = tower::ServiceExt::oneshot(server::app(app.state.clone()), request)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    for part in [
        "HttpOnly",
        "SameSite=Strict",
        "Path=/api/console",
        "Max-Age=",
    ] {
        assert!(cookie.contains(part), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");

    // Behind a trusted TLS-terminating proxy the cookie is Secure.
    let proxy: std::net::IpAddr = "10.0.0.2".parse().unwrap();
    let state = app.state.clone().with_trusted_proxies(&[proxy]);
    let mut request = Request::post("/api/console/session")
        .header(header::CONTENT_TYPE, "application/json")
        .header("x-forwarded-proto", "https")
        .header("x-forwarded-for", "198.51.100.9")
        .body(Body::from(
            json!({"username": "clerk", "password": PASSWORD}).to_string(),
        ))
        .unwrap();
    request
        .extensions_mut()
        .insert(ConnectInfo("10.0.0.2:1".parse::<SocketAddr>().unwrap()));
    let response = tower::ServiceExt::oneshot(server::app(state), request)
        .await
        .unwrap();
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.contains("; Secure"), "{cookie}");
}

#[tokio::test]
async fn wrong_password_unknown_and_disabled_accounts_get_one_answer() {
    let app = TestApp::new().await;
    app.worker("clerk", Role::Township, &["440114"]).await;
    let session = app.sign_in("clerk").await;
    let (s1, _, j1) = app
        .try_sign_in("clerk", "wrong password!!", "192.0.2.2")
        .await;
    let (s2, _, j2) = app.try_sign_in("nobody", PASSWORD, "192.0.2.2").await;
    server::users::run(
        &app.state.db,
        server::config::UsersCommand::Disable {
            username: "clerk".into(),
        },
    )
    .await
    .unwrap();
    let (s3, _, j3) = app.try_sign_in("clerk", PASSWORD, "192.0.2.2").await;
    assert_eq!(
        (s1, s2, s3),
        (
            StatusCode::UNAUTHORIZED,
            StatusCode::UNAUTHORIZED,
            StatusCode::UNAUTHORIZED
        )
    );
    assert_eq!(j1, j2);
    assert_eq!(j2, j3);
    // Disabling ended the open session too.
    let (status, _) = app
        .console(&session, "GET", "/api/console/cases", None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let failed: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'signin.failed'")
            .fetch_one(&app.state.db)
            .await
            .unwrap();
    assert_eq!(failed, 3);
}

#[tokio::test]
async fn failed_sign_ins_are_limited_per_address_and_per_account() {
    let app = TestApp::new().await;
    app.worker("clerk", Role::Township, &["440114"]).await;
    app.worker("other", Role::Township, &["440114"]).await;
    // Per account: 5 failures in 15 minutes, from anywhere.
    for i in 0..5 {
        let (status, _, _) = app
            .try_sign_in("clerk", "wrong password!!", &format!("198.51.100.{i}"))
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _, json) = app.try_sign_in("clerk", PASSWORD, "198.51.100.99").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(json["error"], "rate_limited");
    // Other accounts are not affected.
    let (status, _, _) = app.try_sign_in("other", PASSWORD, "198.51.100.99").await;
    assert_eq!(status, StatusCode::OK);
    // Per address: 10 failures a minute, whatever the names.
    for i in 0..10 {
        let (status, _, _) = app
            .try_sign_in(&format!("guess{i}"), "x", "203.0.113.5")
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _, _) = app.try_sign_in("other", PASSWORD, "203.0.113.5").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let (status, _, _) = app.try_sign_in("other", PASSWORD, "203.0.113.6").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn every_state_change_needs_the_csrf_token_and_this_site() {
    let (app, huadu, _) = office().await;
    let session = app.sign_in("huadu_clerk").await;
    let transition = format!("/api/console/cases/{huadu}/transitions");
    let assign = format!("/api/console/cases/{huadu}/assign");
    let changes = [
        (
            "POST",
            transition.as_str(),
            Some(json!({"to": "accepted", "note": "ok"})),
        ),
        (
            "POST",
            assign.as_str(),
            Some(json!({"username": "huadu_clerk"})),
        ),
        ("DELETE", "/api/console/session", None),
    ];
    for (method, uri, body) in &changes {
        // No token.
        let (status, bytes) = app
            .send(session.request(method, uri, body.clone(), false))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {uri}");
        assert_eq!(bytes, br#"{"error":"csrf"}"#);
        // A wrong token.
        let wrong = Session {
            cookie: session.cookie.clone(),
            csrf: "not-the-token".into(),
        };
        let (status, _) = app
            .send(wrong.request(method, uri, body.clone(), true))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {uri}");
        // The right token, but sent by another site.
        let mut request = session.request(method, uri, body.clone(), true);
        request
            .headers_mut()
            .insert(header::ORIGIN, "https://evil.example".parse().unwrap());
        let (status, _) = app.send(request).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {uri}");
    }
    // Nothing changed.
    let (_, case) = app
        .console(
            &session,
            "GET",
            &format!("/api/console/cases/{huadu}"),
            None,
        )
        .await;
    assert_eq!(case["status"], "submitted");
    assert!(case["assigned_to"].is_null());
    // Sign-in from another site is refused as well (login CSRF).
    let mut request = Request::post("/api/console/session")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::from(
            json!({"username": "huadu_clerk", "password": PASSWORD}).to_string(),
        ))
        .unwrap();
    request
        .extensions_mut()
        .insert(ConnectInfo("192.0.2.1:1".parse::<SocketAddr>().unwrap()));
    let (status, _) = app.send(request).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // With the token and from this site it works.
    let (status, json) = app
        .console(
            &session,
            "POST",
            &transition,
            Some(json!({"to": "accepted", "note": "ok"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
}

#[tokio::test]
async fn no_endpoint_shows_or_changes_another_jurisdictions_case() {
    let (app, huadu, haifeng) = office().await;
    let session = app.sign_in("huadu_admin").await;
    let (status, queue) = app
        .console(&session, "GET", "/api/console/cases", None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let codes: Vec<&str> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["tracking_code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, [huadu.as_str()]);
    for filter in ["?jurisdiction=441521", "?jurisdiction=441521&status=all"] {
        let (_, queue) = app
            .console(
                &session,
                "GET",
                &format!("/api/console/cases{filter}"),
                None,
            )
            .await;
        assert_eq!(queue["items"], json!([]));
        let (_, export) = app
            .console(
                &session,
                "GET",
                &format!("/api/console/export{filter}"),
                None,
            )
            .await;
        assert_eq!(export["items"], json!([]));
    }
    let (_, export) = app
        .console(&session, "GET", "/api/console/export?status=all", None)
        .await;
    assert!(!export.to_string().contains(&haifeng));
    // Case, documents, transitions, assignment: the other county's case is
    // answered exactly as a case that does not exist.
    let missing = "23456789A"; // a well-formed code nobody has, most likely
    for code in [haifeng.as_str(), missing] {
        let answers = [
            app.console(&session, "GET", &format!("/api/console/cases/{code}"), None)
                .await,
            app.console(
                &session,
                "GET",
                &format!("/api/console/cases/{code}/documents/0"),
                None,
            )
            .await,
            app.console(
                &session,
                "POST",
                &format!("/api/console/cases/{code}/transitions"),
                Some(json!({"to": "accepted", "note": "x"})),
            )
            .await,
            app.console(
                &session,
                "POST",
                &format!("/api/console/cases/{code}/assign"),
                Some(json!({"username": "huadu_clerk"})),
            )
            .await,
        ];
        for (status, json) in answers {
            assert_eq!(status, StatusCode::NOT_FOUND, "{code}");
            assert_eq!(json, json!({"error": "not_found"}));
        }
    }
    let (status, _) = app
        .console(&session, "GET", "/api/console/cases/not-a-code", None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The other county's case is untouched, and its worker is not offered.
    let status: String =
        sqlx::query_scalar("SELECT status FROM applications WHERE tracking_code = $1")
            .bind(&haifeng)
            .fetch_one(&app.state.db)
            .await
            .unwrap();
    assert_eq!(status, "submitted");
    let (_, workers) = app
        .console(&session, "GET", "/api/console/workers", None)
        .await;
    let names: Vec<&str> = workers
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["huadu_admin", "huadu_clerk", "huadu_review"]);
    // Audit entries about the other county's case are not shown either.
    let (_, log) = app
        .console(&session, "GET", "/api/console/audit", None)
        .await;
    assert!(!log.to_string().contains(&haifeng));
    assert!(log.to_string().contains(&huadu));
    // And the 海丰 worker sees only 海丰.
    let other = app.sign_in("haifeng_clerk").await;
    let (_, queue) = app.console(&other, "GET", "/api/console/cases", None).await;
    assert_eq!(queue["items"].as_array().unwrap().len(), 1);
    assert_eq!(queue["items"][0]["tracking_code"], haifeng.as_str());
    let (status, _) = app
        .console(&other, "GET", &format!("/api/console/cases/{huadu}"), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn transition(app: &TestApp, s: &Session, code: &str, body: Value) -> (StatusCode, Value) {
    app.console(
        s,
        "POST",
        &format!("/api/console/cases/{code}/transitions"),
        Some(body),
    )
    .await
}

async fn track(app: &TestApp, code: &str) -> Value {
    let request = Request::get(format!("/api/applications/{code}"))
        .header("x-phone-last4", &MOBILE[7..])
        .body(Body::empty())
        .unwrap();
    let (status, bytes) = app.send(request).await;
    assert_eq!(status, StatusCode::OK);
    serde_json::from_slice(&bytes).unwrap()
}

#[tokio::test]
async fn a_case_moves_along_allowed_steps_only_each_with_a_note() {
    let (app, code, _) = office().await;
    let clerk = app.sign_in("huadu_clerk").await;
    let review = app.sign_in("huadu_review").await;

    let (status, case) = app
        .console(&clerk, "GET", &format!("/api/console/cases/{code}"), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(case["next"], json!(["accepted", "withdrawn"]));
    assert_eq!(case["applicant"]["resident_id"], id1());
    assert_eq!(case["applicant"]["mobile"], MOBILE);
    assert_eq!(case["consent"]["text_version"], "2025-01");
    assert!(case["server_screening"]["decisions"].is_array());
    assert_eq!(case["events"].as_array().unwrap().len(), 1);

    // Skipping a step, another role's step, no note, unknown status.
    assert_eq!(
        transition(&app, &clerk, &code, json!({"to": "review", "note": "x"}))
            .await
            .0,
        StatusCode::CONFLICT
    );
    assert_eq!(
        transition(&app, &review, &code, json!({"to": "accepted", "note": "x"}))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let (status, json) =
        transition(&app, &clerk, &code, json!({"to": "accepted", "note": "  "})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json["fields"],
        json!([{"field": "note", "code": "required"}])
    );
    let (status, json) = transition(&app, &clerk, &code, json!({"to": "paid", "note": "x"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json["fields"], json!([{"field": "to", "code": "unknown"}]));

    for (who, to) in [
        (&clerk, "accepted"),
        (&clerk, "investigation"),
        (&clerk, "review"),
        // The reviewer sends it back once for more investigation.
        (&review, "investigation"),
        (&clerk, "review"),
        (&review, "publicity"),
    ] {
        let (status, json) = transition(
            &app,
            who,
            &code,
            json!({"to": to, "note": format!("note for {to}")}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{to}: {json}");
        assert_eq!(json["status"], to);
    }
    // Approval needs what each program pays, for programs applied for.
    let (status, json) = transition(
        &app,
        &review,
        &code,
        json!({"to": "approved", "note": "公示无异议"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json["fields"],
        json!([{"field": "awards", "code": "required"}])
    );
    let (status, json) = transition(
        &app,
        &review,
        &code,
        json!({"to": "approved", "note": "公示无异议", "awards": [
            {"program": "medical", "amount": "100", "period": "month"},
            {"program": "dibao", "amount": "1.234", "period": "month"}
        ]}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json["fields"],
        json!([
            {"field": "awards[0].program", "code": "not_applied"},
            {"field": "awards[1].amount", "code": "format"}
        ])
    );
    let (status, json) = transition(
        &app,
        &review,
        &code,
        json!({"to": "approved", "note": "公示无异议", "awards": [
            {"program": "dibao", "amount": "1102", "period": "month"}
        ]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(json["next"], json!([]));
    // Decided is final.
    assert_eq!(
        transition(
            &app,
            &review,
            &code,
            json!({"to": "withdrawn", "note": "x"})
        )
        .await
        .0,
        StatusCode::CONFLICT
    );

    // The resident's timeline: every step dated, the decision with its
    // amount, no worker notes or names.
    let timeline = track(&app, &code).await;
    assert_eq!(timeline["status"], "approved");
    let today = clock::today().to_string();
    for step in timeline["steps"].as_array().unwrap() {
        assert_eq!(step["reached"], true, "{step}");
        assert_eq!(step["date"], today.as_str());
    }
    assert_eq!(
        timeline["decision"],
        json!({"outcome": "approved", "awards": [{"program": "dibao", "amount": "1102.00", "period": "month"}]})
    );
    let text = timeline.to_string();
    assert!(!text.contains("note for") && !text.contains("huadu_review"));

    // The office's history keeps every move with its note and who made it.
    let (_, case) = app
        .console(&review, "GET", &format!("/api/console/cases/{code}"), None)
        .await;
    let events: Vec<(&str, &str)> = case["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["status"].as_str().unwrap(), e["actor"].as_str().unwrap()))
        .collect();
    assert_eq!(
        events,
        [
            ("submitted", "applicant"),
            ("accepted", "worker:huadu_clerk"),
            ("investigation", "worker:huadu_clerk"),
            ("review", "worker:huadu_clerk"),
            ("investigation", "worker:huadu_review"),
            ("review", "worker:huadu_clerk"),
            ("publicity", "worker:huadu_review"),
            ("approved", "worker:huadu_review"),
        ]
    );
    let moves: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'case.transition'")
            .fetch_one(&app.state.db)
            .await
            .unwrap();
    assert_eq!(moves, 7);
}

#[tokio::test]
async fn a_refusal_and_a_withdrawal_carry_their_reason_to_the_resident() {
    let (app, code, _) = office().await;
    let clerk = app.sign_in("huadu_clerk").await;
    let review = app.sign_in("huadu_review").await;
    for (who, to) in [
        (&clerk, "accepted"),
        (&clerk, "investigation"),
        (&clerk, "review"),
    ] {
        assert_eq!(
            transition(&app, who, &code, json!({"to": to, "note": "ok"}))
                .await
                .0,
            StatusCode::OK
        );
    }
    let (status, _) = transition(
        &app,
        &review,
        &code,
        json!({"to": "rejected", "note": "家庭人均收入高于低保标准"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let timeline = track(&app, &code).await;
    assert_eq!(timeline["status"], "rejected");
    assert_eq!(
        timeline["decision"],
        json!({"outcome": "rejected", "reason": "家庭人均收入高于低保标准"})
    );
    assert_eq!(
        timeline["steps"][4]["reached"], false,
        "no publicity before a refusal"
    );
    assert_eq!(timeline["steps"][5]["reached"], true);

    let other = app.file("key-console-withdraw-01", "440114").await;
    let (status, _) = transition(
        &app,
        &clerk,
        &other,
        json!({"to": "withdrawn", "note": "申请人撤回"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        track(&app, &other).await["decision"]["outcome"],
        "withdrawn"
    );
}

#[tokio::test]
async fn concurrent_moves_of_one_case_succeed_once() {
    let (app, code, _) = office().await;
    let clerk = app.sign_in("huadu_clerk").await;
    let (a, b) = tokio::join!(
        transition(&app, &clerk, &code, json!({"to": "accepted", "note": "a"})),
        transition(&app, &clerk, &code, json!({"to": "accepted", "note": "b"})),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let events: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM application_events WHERE status = 'accepted'")
            .fetch_one(&app.state.db)
            .await
            .unwrap();
    assert_eq!(events, 1);
}

#[tokio::test]
async fn assignment_names_the_responsible_office_to_the_resident() {
    let (app, code, _) = office().await;
    let review = app.sign_in("huadu_review").await;
    let before = track(&app, &code).await;
    assert!(
        before["responsible_office"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
    );
    let (status, json) = app
        .console(
            &review,
            "POST",
            &format!("/api/console/cases/{code}/assign"),
            Some(json!({"username": "haifeng_clerk"})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "another county's worker"
    );
    assert_eq!(
        json["fields"],
        json!([{"field": "username", "code": "unknown"}])
    );
    let (status, json) = app
        .console(
            &review,
            "POST",
            &format!("/api/console/cases/{code}/assign"),
            Some(json!({"username": "huadu_clerk"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(json["assigned_to"]["username"], "huadu_clerk");
    let after = track(&app, &code).await;
    assert_eq!(after["responsible_office"], "huadu_clerk 办公室");
    assert_eq!(after["steps"][2]["responsible"], "huadu_clerk 办公室");
    assert!(!after.to_string().contains("huadu_clerk 姓名"));
}

#[tokio::test]
async fn the_queue_puts_urgent_then_overdue_first_and_masks_personal_data() {
    let (app, urgent, _) = office().await;
    // Two more 花都 cases, not urgent; one of them past its deadline.
    let mut plain = crate::helpers::application("key-console-plain-0001");
    plain["household"]["emergency"] = json!("none");
    let (_, json) = app.post_json("/api/applications", &plain).await;
    let old = json["tracking_code"].as_str().unwrap().to_owned();
    plain["idempotency_key"] = json!("key-console-plain-0002");
    let (_, json) = app.post_json("/api/applications", &plain).await;
    let late = json["tracking_code"].as_str().unwrap().to_owned();
    let receipt: String =
        sqlx::query_scalar("SELECT receipt FROM applications WHERE tracking_code = $1")
            .bind(&late)
            .fetch_one(&app.state.db)
            .await
            .unwrap();
    let mut receipt: Value = serde_json::from_str(&receipt).unwrap();
    for p in receipt["programs"].as_array_mut().unwrap() {
        p["deadlines"]["investigation"] = json!("2020-01-01");
    }
    sqlx::query("UPDATE applications SET receipt = $1 WHERE tracking_code = $2")
        .bind(receipt.to_string())
        .bind(&late)
        .execute(&app.state.db)
        .await
        .unwrap();

    let clerk = app.sign_in("huadu_clerk").await;
    let (_, queue) = app.console(&clerk, "GET", "/api/console/cases", None).await;
    let rows: Vec<(&str, bool, bool)> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["tracking_code"].as_str().unwrap(),
                i["urgent"].as_bool().unwrap(),
                i["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (urgent.as_str(), true, false),
            (late.as_str(), false, true),
            (old.as_str(), false, false)
        ]
    );
    assert_eq!(queue["items"][1]["deadline"], "2020-01-01");
    let text = queue.to_string();
    assert!(!text.contains(&id1()) && !text.contains(MOBILE));
    assert!(
        text.contains(&format!("{}***********{}", &id1()[..3], &id1()[14..]))
            || text.contains("***")
    );

    // Filters: by status, and an unknown status is a field error.
    let (_, none) = app
        .console(&clerk, "GET", "/api/console/cases?status=approved", None)
        .await;
    assert_eq!(none["items"], json!([]));
    let (status, json) = app
        .console(&clerk, "GET", "/api/console/cases?status=paid", None)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json["fields"][0]["field"], "status");

    // The export is the same rows, masked, and is audited as an export.
    let (status, export) = app
        .console(&clerk, "GET", "/api/console/export", None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(export["items"].as_array().unwrap().len(), 3);
    assert!(!export.to_string().contains(&id1()));
    let exports: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'queue.export' AND actor = 'worker:huadu_clerk'",
    )
    .fetch_one(&app.state.db)
    .await
    .unwrap();
    assert_eq!(exports, 1);
}

#[tokio::test]
async fn only_admins_read_the_audit_log_which_records_views_and_changes() {
    let (app, code, _) = office().await;
    let clerk = app.sign_in("huadu_clerk").await;
    app.console(&clerk, "GET", &format!("/api/console/cases/{code}"), None)
        .await;
    transition(&app, &clerk, &code, json!({"to": "accepted", "note": "ok"})).await;
    let (status, json) = app.console(&clerk, "GET", "/api/console/audit", None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(json["error"], "forbidden");
    let review = app.sign_in("huadu_review").await;
    assert_eq!(
        app.console(&review, "GET", "/api/console/audit", None)
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let admin = app.sign_in("huadu_admin").await;
    let (status, log) = app
        .console(&admin, "GET", "/api/console/audit?limit=50", None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let entries: Vec<(&str, &str)> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["actor"].as_str().unwrap(), e["action"].as_str().unwrap()))
        .collect();
    // Newest first.
    for expected in [
        ("worker:huadu_admin", "signin"),
        ("worker:huadu_clerk", "case.transition"),
        ("worker:huadu_clerk", "case.view"),
        ("worker:huadu_clerk", "signin"),
        ("applicant", "application.submit"),
        ("server-cli", "account.add"),
    ] {
        assert!(
            entries.contains(&expected),
            "{expected:?} missing from {entries:?}"
        );
    }
    let first_id = log[0]["id"].as_i64().unwrap();
    let ids: Vec<i64> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]));
    let (_, older) = app
        .console(
            &admin,
            "GET",
            &format!("/api/console/audit?before={first_id}&limit=1"),
            None,
        )
        .await;
    assert_eq!(older.as_array().unwrap().len(), 1);
    assert!(older[0]["id"].as_i64().unwrap() < first_id);
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = TestApp::new().await;
    app.worker("clerk", Role::Township, &["440114"]).await;
    let session = app.sign_in("clerk").await;
    let (status, me) = app
        .console(&session, "GET", "/api/console/session", None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["worker"]["username"], "clerk");
    assert_eq!(me["worker"]["role"], "township");
    assert_eq!(me["worker"]["jurisdictions"], json!(["440114"]));
    assert_eq!(me["csrf_token"], session.csrf.as_str());
    assert!(me["worker"].get("id").is_none());
    let (status, _) = app
        .console(&session, "DELETE", "/api/console/session", None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = app
        .console(&session, "GET", "/api/console/session", None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // The password is stored as an argon2id hash only.
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM workers")
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    assert!(hash.starts_with("$argon2id$") && !hash.contains(PASSWORD));
}
