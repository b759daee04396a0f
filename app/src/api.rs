//! The one module that talks to the server: filing an application
//! (`POST /api/applications`) and tracking it (`GET /api/applications/{code}`),
//! with the shared types of `api-boundary`. Nothing else in the app sends
//! anything anywhere.

use api_boundary::filing::{ErrorBody, FieldIssue, Filed, LAST4_HEADER, NewApplication, Tracking};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a request did not give the answer hoped for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No answer at all: no signal, server unreachable. Worth retrying.
    Offline,
    /// The server checked the fields and named the wrong ones.
    Invalid(Vec<FieldIssue>),
    /// Any other refusal, by its stable code (`not_found`, `rate_limited`,
    /// `too_large`, `invalid_code`, `internal`…).
    Refused(String),
}

/// A document picked by the resident, sent with the application.
pub struct Attachment {
    /// `hukou`, `id_card` or `other`: the multipart part's name.
    pub kind: &'static str,
    pub file: web_sys::File,
}

async fn fetch(request: web_sys::Request) -> Result<(u16, String), Failure> {
    let window = web_sys::window().ok_or(Failure::Offline)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| Failure::Offline)?
        .dyn_into()
        .map_err(|_| Failure::Offline)?;
    let text = JsFuture::from(response.text().map_err(|_| Failure::Offline)?)
        .await
        .map_err(|_| Failure::Offline)?
        .as_string()
        .unwrap_or_default();
    Ok((response.status(), text))
}

/// The failure an error answer stands for.
fn refusal(status: u16, body: &str) -> Failure {
    match serde_json::from_str::<ErrorBody>(body) {
        Ok(e) if e.error == "invalid" => Failure::Invalid(e.fields),
        Ok(e) => Failure::Refused(e.error),
        // A proxy's error page, say: no answer from us.
        Err(_) if status >= 500 => Failure::Offline,
        Err(_) => Failure::Refused("internal".to_owned()),
    }
}

/// File an application. A retry of the same application must reuse its
/// idempotency key: the server then answers with the same case.
pub async fn submit(
    application: &NewApplication,
    attachments: &[Attachment],
) -> Result<Filed, Failure> {
    let json =
        serde_json::to_string(application).map_err(|_| Failure::Refused("internal".into()))?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    if attachments.is_empty() {
        let headers = web_sys::Headers::new().map_err(|_| Failure::Offline)?;
        let _ = headers.set("Content-Type", "application/json");
        init.set_headers(&headers);
        init.set_body(&JsValue::from_str(&json));
    } else {
        // The browser sets the multipart content type with its boundary.
        let form = web_sys::FormData::new().map_err(|_| Failure::Offline)?;
        let _ = form.append_with_str("application", &json);
        for a in attachments {
            let _ = form.append_with_blob_and_filename(a.kind, &a.file, &a.file.name());
        }
        init.set_body(&form);
    }
    let request = web_sys::Request::new_with_str_and_init("/api/applications", &init)
        .map_err(|_| Failure::Offline)?;
    let (status, body) = fetch(request).await?;
    if status == 200 || status == 201 {
        serde_json::from_str(&body).map_err(|_| Failure::Refused("internal".into()))
    } else {
        Err(refusal(status, &body))
    }
}

/// A case's timeline; the last 4 digits of the mobile travel in a header,
/// never in the URL.
pub async fn track(code: &str, last4: &str) -> Result<Tracking, Failure> {
    let headers = web_sys::Headers::new().map_err(|_| Failure::Offline)?;
    let _ = headers.set(LAST4_HEADER, last4);
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_headers(&headers);
    // Timelines change: never from a cache.
    init.set_cache(web_sys::RequestCache::NoStore);
    let request =
        web_sys::Request::new_with_str_and_init(&format!("/api/applications/{code}"), &init)
            .map_err(|_| Failure::Offline)?;
    let (status, body) = fetch(request).await?;
    if status == 200 {
        serde_json::from_str(&body).map_err(|_| Failure::Refused("internal".into()))
    } else {
        Err(refusal(status, &body))
    }
}

/// A fresh idempotency key: 24 random bytes from the browser's CSPRNG, hex.
pub fn new_key() -> String {
    let mut bytes = [0u8; 24];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
