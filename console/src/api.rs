//! The one module that talks to the server: `/api/console/…` through the
//! browser's `fetch`, JSON in and out. The CSRF token lives here, in memory
//! only (never in storage, where another script could read it later), and
//! goes out as `X-CSRF-Token` on every POST and DELETE. A 401 from any call
//! tells the root to show the sign-in page again.

use std::cell::RefCell;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const BASE: &str = "/api/console";

/// The signed-in account, as the server describes it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Worker {
    pub username: String,
    pub name: String,
    pub role: String,
    pub office: String,
    pub jurisdictions: Vec<String>,
}

#[derive(Deserialize)]
struct SessionInfo {
    worker: Worker,
    csrf_token: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AccountRef {
    pub username: String,
    pub name: String,
    pub office: String,
}

/// One row of the queue (and of the export). The 身份证 number is masked.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct QueueItem {
    pub tracking_code: String,
    pub jurisdiction: String,
    pub jurisdiction_name: String,
    pub submitted_at: String,
    pub updated_at: String,
    pub status: String,
    pub urgent: bool,
    pub programs: Vec<String>,
    pub applicant_name: String,
    pub resident_id_masked: String,
    pub helper_code: Option<String>,
    pub assigned_to: Option<AccountRef>,
    pub deadline: Option<String>,
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Queue {
    pub items: Vec<QueueItem>,
    pub truncated: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Applicant {
    pub name: String,
    pub resident_id: String,
    pub mobile: String,
    pub address: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Consent {
    pub name: String,
    pub text_version: String,
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Document {
    pub position: i64,
    pub kind: String,
    pub media_type: String,
    pub size: i64,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Event {
    pub status: String,
    pub at: String,
    pub note: Option<String>,
    pub actor: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Difference {
    pub program: String,
    pub server: String,
    pub client: Option<String>,
}

/// `GET /api/console/cases/{code}`: the queue's fields and everything else.
/// The household and screenings stay JSON: the console only reads a few
/// fields of them and need not carry the rules engine's types.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Case {
    #[serde(flatten)]
    pub summary: QueueItem,
    pub applicant: Applicant,
    pub household: Value,
    pub server_screening: Value,
    pub client_screening: Option<Value>,
    pub differences: Vec<Difference>,
    pub consent: Consent,
    pub documents: Vec<Document>,
    pub events: Vec<Event>,
    pub decision: Option<Value>,
    pub next: Vec<String>,
}

/// One approved program's amount, as `POST …/transitions` takes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Award {
    pub program: String,
    pub amount: String,
    pub period: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: Option<String>,
    pub detail: Option<String>,
}

/// One invalid field of a 422 answer: its path in the request body and a
/// stable code.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

/// Why a call failed.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// No valid session (the root has been told already).
    Unauthorized,
    /// 422 with field errors.
    Invalid(Vec<FieldError>),
    /// Any other answer: the status and the `error` code.
    Status(u16, String),
    /// The request never got an answer.
    Network,
}

impl Error {
    /// The console message id that explains this error to a worker.
    pub fn message_id(&self) -> &'static str {
        match self {
            Error::Network => "error-network",
            Error::Invalid(_) => "error-form",
            Error::Unauthorized => "signin-heading",
            Error::Status(403, code) if code == "csrf" => "error-csrf",
            Error::Status(403, _) => "error-forbidden",
            Error::Status(404, _) => "error-not-found",
            Error::Status(409, _) => "error-conflict",
            Error::Status(429, _) => "signin-rate-limited",
            Error::Status(..) => "error-server",
        }
    }
}

#[derive(Default)]
struct Shared {
    csrf: Option<String>,
    on_unauthorized: Option<Box<dyn Fn()>>,
}

thread_local! {
    static SHARED: RefCell<Shared> = RefCell::new(Shared::default());
}

/// What to do when the server says the session is gone (show sign-in).
pub fn on_unauthorized(f: impl Fn() + 'static) {
    SHARED.with(|s| s.borrow_mut().on_unauthorized = Some(Box::new(f)));
}

fn set_csrf(token: Option<String>) {
    SHARED.with(|s| s.borrow_mut().csrf = token);
}

fn unauthorized() {
    set_csrf(None);
    // Taken out while it runs: the callback may re-enter this module.
    let f = SHARED.with(|s| s.borrow_mut().on_unauthorized.take());
    if let Some(f) = f {
        f();
        SHARED.with(|s| {
            let mut shared = s.borrow_mut();
            if shared.on_unauthorized.is_none() {
                shared.on_unauthorized = Some(f);
            }
        });
    }
}

/// Send one request; the answer's status and body text.
async fn send(method: &str, path: &str, body: Option<String>) -> Result<(u16, String), Error> {
    let window = web_sys::window().ok_or(Error::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    // The session cookie is HttpOnly and scoped to /api/console; it goes
    // with same-origin requests only.
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    let headers = web_sys::Headers::new().map_err(|_| Error::Network)?;
    headers
        .set("Accept", "application/json")
        .map_err(|_| Error::Network)?;
    if method != "GET"
        && let Some(token) = SHARED.with(|s| s.borrow().csrf.clone())
    {
        headers
            .set("X-CSRF-Token", &token)
            .map_err(|_| Error::Network)?;
    }
    if let Some(body) = &body {
        headers
            .set("Content-Type", "application/json")
            .map_err(|_| Error::Network)?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let url = format!("{BASE}{path}");
    let request =
        web_sys::Request::new_with_str_and_init(&url, &init).map_err(|_| Error::Network)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| Error::Network)?
        .dyn_into()
        .map_err(|_| Error::Network)?;
    let status = response.status();
    let text = JsFuture::from(response.text().map_err(|_| Error::Network)?)
        .await
        .map_err(|_| Error::Network)?
        .as_string()
        .unwrap_or_default();
    Ok((status, text))
}

/// Send a request and read a JSON answer of type `T` (2xx), or the error.
async fn call<T: DeserializeOwned>(
    method: &str,
    path: &str,
    body: Option<String>,
) -> Result<T, Error> {
    let (status, text) = send(method, path, body).await?;
    decode(status, &text)
}

fn decode<T: DeserializeOwned>(status: u16, text: &str) -> Result<T, Error> {
    if (200..300).contains(&status) {
        return serde_json::from_str(text).map_err(|_| Error::Status(status, "malformed".into()));
    }
    #[derive(Deserialize)]
    struct Answer {
        error: String,
        #[serde(default)]
        fields: Vec<FieldError>,
    }
    let answer: Option<Answer> = serde_json::from_str(text).ok();
    let code = answer.as_ref().map(|a| a.error.clone()).unwrap_or_default();
    match status {
        // A wrong password is a 401 too, but it is the sign-in form's
        // business, not a lost session.
        401 if code != "bad_credentials" => {
            unauthorized();
            Err(Error::Unauthorized)
        }
        422 => Err(Error::Invalid(answer.map(|a| a.fields).unwrap_or_default())),
        _ => Err(Error::Status(status, code)),
    }
}

fn json(value: &impl Serialize) -> Option<String> {
    Some(serde_json::to_string(value).expect("plain data serialises"))
}

/// Percent-encode a query value (filters are codes, but stay safe).
fn query_value(raw: &str) -> String {
    let mut out = String::new();
    for b in raw.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `?status=…&jurisdiction=…` (no jurisdiction: all of the worker's).
fn filter_query(status: &str, jurisdiction: &str) -> String {
    let mut q = format!("?status={}", query_value(status));
    if !jurisdiction.is_empty() {
        q.push_str("&jurisdiction=");
        q.push_str(&query_value(jurisdiction));
    }
    q
}

/// Sign in; keeps the CSRF token for later calls.
pub async fn sign_in(username: &str, password: &str) -> Result<Worker, Error> {
    let body = serde_json::json!({ "username": username, "password": password });
    let info: SessionInfo = call("POST", "/session", json(&body)).await?;
    set_csrf(Some(info.csrf_token));
    Ok(info.worker)
}

/// The current session, if any (a reloaded page gets its CSRF token here).
pub async fn session() -> Result<Worker, Error> {
    let info: SessionInfo = call("GET", "/session", None).await?;
    set_csrf(Some(info.csrf_token));
    Ok(info.worker)
}

/// Sign out of this session. The token is forgotten whatever the answer.
pub async fn sign_out() -> Result<(), Error> {
    let result = send("DELETE", "/session", None).await;
    set_csrf(None);
    match result? {
        (204, _) | (401, _) => Ok(()),
        (status, text) => decode::<Value>(status, &text).map(|_| ()),
    }
}

pub async fn queue(status: &str, jurisdiction: &str) -> Result<Queue, Error> {
    call(
        "GET",
        &format!("/cases{}", filter_query(status, jurisdiction)),
        None,
    )
    .await
}

pub async fn export(status: &str, jurisdiction: &str) -> Result<Queue, Error> {
    call(
        "GET",
        &format!("/export{}", filter_query(status, jurisdiction)),
        None,
    )
    .await
}

fn case_path(code: &str) -> String {
    // Tracking codes are letters and digits; anything else cannot be one.
    let code: String = code.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("/cases/{code}")
}

pub async fn case(code: &str) -> Result<Case, Error> {
    call("GET", &case_path(code), None).await
}

/// Where a document of a case is downloaded from.
pub fn document_url(code: &str, position: i64) -> String {
    format!("{BASE}{}/documents/{position}", case_path(code))
}

pub async fn transition(code: &str, to: &str, note: &str, awards: &[Award]) -> Result<Case, Error> {
    let body = serde_json::json!({ "to": to, "note": note, "awards": awards });
    call(
        "POST",
        &format!("{}/transitions", case_path(code)),
        json(&body),
    )
    .await
}

pub async fn assign(code: &str, username: &str) -> Result<Case, Error> {
    let body = serde_json::json!({ "username": username });
    call("POST", &format!("{}/assign", case_path(code)), json(&body)).await
}

pub async fn workers() -> Result<Vec<AccountRef>, Error> {
    call("GET", "/workers", None).await
}

pub async fn audit(before: Option<i64>, limit: u32) -> Result<Vec<AuditEntry>, Error> {
    let path = match before {
        Some(id) => format!("/audit?before={id}&limit={limit}"),
        None => format!("/audit?limit={limit}"),
    };
    call("GET", &path, None).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn answers_are_sorted_into_errors() {
        assert_eq!(
            decode::<Value>(401, r#"{"error":"bad_credentials"}"#),
            Err(Error::Status(401, "bad_credentials".into()))
        );
        assert_eq!(
            decode::<Value>(401, r#"{"error":"unauthorized"}"#),
            Err(Error::Unauthorized)
        );
        assert_eq!(
            decode::<Value>(
                422,
                r#"{"error":"invalid","fields":[{"field":"note","code":"required"}]}"#
            ),
            Err(Error::Invalid(vec![FieldError {
                field: "note".into(),
                code: "required".into()
            }]))
        );
        assert_eq!(
            decode::<Value>(409, r#"{"error":"transition_not_allowed"}"#)
                .unwrap_err()
                .message_id(),
            "error-conflict"
        );
        assert_eq!(
            decode::<Value>(403, r#"{"error":"csrf"}"#)
                .unwrap_err()
                .message_id(),
            "error-csrf"
        );
        assert_eq!(decode::<Value>(200, "[1]"), Ok(serde_json::json!([1])));
    }

    #[wasm_bindgen_test]
    fn filters_and_paths_are_encoded() {
        assert_eq!(filter_query("open", ""), "?status=open");
        assert_eq!(
            filter_query("all", "440114"),
            "?status=all&jurisdiction=440114"
        );
        assert_eq!(filter_query("a&b", ""), "?status=a%26b");
        assert_eq!(case_path("7KQ3/../x"), "/cases/7KQ3x");
    }
}
