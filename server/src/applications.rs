//! 掌上办: `POST /api/applications` (file) and `GET /api/applications/{code}`
//! (track). The server re-runs `rules_core::screen` and never trusts the
//! client's screening; personal data is encrypted before it is stored and
//! never logged, never in URLs, never answered back beyond the masked 身份证.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use rules_core::household::EmergencyKind;
use rules_core::{Date, Pack, ProgramId, packs, screen};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

pub use api_boundary::filing::*;

use crate::domain::{IdempotencyKey, Mobile, ResidentId, TrackingCode};
use crate::error::{ApiError, FieldError};
use crate::net::{self, Client};
use crate::workflow::Status;
use crate::{AppState, audit, clock, crypto, packed};

/// A JSON body whose every failure — not JSON, wrong content type, wrong
/// types, missing fields — is the same `400 {"error":"malformed"}`, and a
/// body over the route's limit is `413 {"error":"too_large"}`.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
        let bytes = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::TooLarge
            } else {
                ApiError::Malformed
            }
        })?;
        if !is_json {
            return Err(ApiError::Malformed);
        }
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|_| ApiError::Malformed)
    }
}

/// A document as received: its content decides its type, never its name.
pub struct Upload {
    pub kind: DocumentKind,
    pub bytes: Vec<u8>,
    /// `None` when the content is none of JPEG, PNG, PDF.
    pub media_type: Option<&'static str>,
    /// The part was cut off at the size limit.
    pub too_large: bool,
}

/// A submission: the JSON alone (`application/json`), or `multipart/form-data`
/// with an `application` part (the same JSON) and up to six document parts
/// named `hukou`, `id_card` or `other`.
async fn read_submission(request: Request) -> Result<(NewApplication, Vec<Upload>), ApiError> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if content_type != "multipart/form-data" {
        let limited = request
            .map(|body| axum::body::Body::new(http_body_util::Limited::new(body, MAX_JSON_BODY)));
        let JsonBody(req) = JsonBody::from_request(limited, &()).await?;
        return Ok((req, Vec::new()));
    }
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|_| ApiError::Malformed)?;
    let too_large = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge
        } else {
            ApiError::Malformed
        }
    };
    let mut application = None;
    let mut uploads = Vec::new();
    while let Some(mut field) = multipart.next_field().await.map_err(too_large)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "application" {
            let bytes = field.bytes().await.map_err(too_large)?;
            if bytes.len() > MAX_JSON_BODY {
                return Err(ApiError::TooLarge);
            }
            if application.is_some() {
                return Err(ApiError::Malformed);
            }
            application = Some(
                serde_json::from_slice::<NewApplication>(&bytes)
                    .map_err(|_| ApiError::Malformed)?,
            );
            continue;
        }
        let kind = DocumentKind::parse(&name).ok_or(ApiError::Malformed)?;
        // Read at most one byte over the limit: enough to know it is too large.
        let mut bytes = Vec::new();
        let mut cut = false;
        while let Some(chunk) = field.chunk().await.map_err(too_large)? {
            if bytes.len() + chunk.len() > MAX_DOCUMENT_BYTES {
                cut = true;
                break;
            }
            bytes.extend_from_slice(&chunk);
        }
        if cut {
            // Drain the rest of this part without keeping it.
            while field.chunk().await.map_err(too_large)?.is_some() {}
        }
        uploads.push(Upload {
            kind,
            media_type: sniff(&bytes),
            bytes: if cut { Vec::new() } else { bytes },
            too_large: cut,
        });
    }
    let application = application.ok_or(ApiError::Malformed)?;
    Ok((application, uploads))
}

/// Everything of a valid submission, parsed.
struct Valid {
    key: IdempotencyKey,
    pack: &'static Pack,
    programs: Vec<ProgramId>,
    name: String,
    resident_id: ResidentId,
    mobile: Mobile,
    address: String,
    consent_name: String,
    consent_version: String,
    helper_code: Option<String>,
}

/// Field errors in the order of the request body (the app focuses the first).
#[derive(Default)]
struct Errors(Vec<FieldError>);

impl Errors {
    fn add(&mut self, field: impl Into<String>, code: &'static str) {
        self.0.push(FieldError {
            field: field.into(),
            code,
        });
    }

    /// `parse`'s value, or its error code recorded against `field`.
    fn check<T>(&mut self, field: &str, parsed: Result<T, &'static str>) -> Option<T> {
        parsed.map_err(|code| self.add(field, code)).ok()
    }

    /// A trimmed free-text field: `required`, `too_long`, `format` (control characters).
    fn text(&mut self, field: &str, raw: &str, max_chars: usize) -> String {
        let value = raw.trim();
        if value.is_empty() {
            self.add(field, "required");
        } else if value.chars().count() > max_chars {
            self.add(field, "too_long");
        } else if value.chars().any(char::is_control) {
            self.add(field, "format");
        }
        value.to_owned()
    }
}

fn parse_helper_code(raw: &str) -> Result<String, &'static str> {
    let ok = raw.len() <= 32
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(raw.to_owned())
    } else {
        Err("format")
    }
}

fn validate(req: &NewApplication, uploads: &[Upload], today: Date) -> Result<Valid, ApiError> {
    let mut e = Errors::default();
    let key = e.check(
        "idempotency_key",
        IdempotencyKey::parse(&req.idempotency_key),
    );
    let pack = packs::embedded_ref()
        .iter()
        .find(|p| p.jurisdiction.code == req.jurisdiction);
    if pack.is_none() {
        e.add("jurisdiction", "unknown");
    }
    let mut programs = Vec::new();
    if req.programs.is_empty() {
        e.add("programs", "required");
    } else if req.programs.len() > ProgramId::ALL.len() {
        e.add("programs", "too_many");
    } else {
        for (i, id) in req.programs.iter().enumerate() {
            match ProgramId::parse(id) {
                None => e.add(format!("programs[{i}]"), "unknown"),
                Some(p) if pack.is_some_and(|pack| !pack.offers(p)) => {
                    e.add(format!("programs[{i}]"), "not_offered")
                }
                Some(p) if !programs.contains(&p) => programs.push(p),
                Some(_) => {}
            }
        }
    }
    let a = &req.applicant;
    let name = e.text("applicant.name", &a.name, 50);
    let resident_id = e.check(
        "applicant.resident_id",
        ResidentId::parse(&a.resident_id, today),
    );
    let mobile = e.check("applicant.mobile", Mobile::parse(&a.mobile));
    let address = e.text("applicant.address", &a.address, 200);
    if !req.consent.agreed {
        e.add("consent.agreed", "required");
    }
    let consent_name = req.consent.name.trim().to_owned();
    if consent_name.is_empty() {
        e.add("consent.name", "required");
    } else if consent_name != name {
        e.add("consent.name", "mismatch");
    }
    let consent_version = e.text("consent.text_version", &req.consent.text_version, 32);
    let helper_code = match req.helper_code.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => e.check("helper_code", parse_helper_code(raw)),
    };
    if uploads.len() > MAX_DOCUMENTS {
        e.add("documents", "too_many");
    } else {
        for (i, upload) in uploads.iter().enumerate() {
            if upload.too_large {
                e.add(format!("documents[{i}]"), "too_large");
            } else if upload.media_type.is_none() {
                e.add(format!("documents[{i}]"), "type");
            }
        }
    }
    match (key, pack, resident_id, mobile) {
        (Some(key), Some(pack), Some(resident_id), Some(mobile)) if e.0.is_empty() => Ok(Valid {
            key,
            pack,
            programs,
            name,
            resident_id,
            mobile,
            address,
            consent_name,
            consent_version,
            helper_code,
        }),
        _ => Err(ApiError::Invalid(e.0)),
    }
}

fn receipt(
    code: &TrackingCode,
    valid: &Valid,
    screening: &rules_core::Screening,
    uploads: &[Upload],
    urgent: bool,
    today: Date,
) -> Receipt {
    let day = |n: u32| Some(clock::add_days(today, n).to_string());
    let programs = valid
        .programs
        .iter()
        .filter_map(|p| screening.decisions.iter().find(|d| d.program == *p))
        .map(|d| {
            let limits = d
                .time_limits
                .as_deref()
                .map(|t| Limits {
                    investigation_days: t.investigation_working_days,
                    publicity_days: t.publicity_days,
                    decision_days: t.decision_working_days,
                    total_days: t.total_working_days,
                })
                .unwrap_or_default();
            let investigation = limits.investigation_days;
            let publicity = investigation.zip(limits.publicity_days).map(|(a, b)| a + b);
            let decision = limits
                .total_days
                .or_else(|| Some(investigation? + limits.publicity_days? + limits.decision_days?));
            ReceiptProgram {
                program: d.program.as_str().to_owned(),
                outcome: d.outcome,
                office: d.office.as_deref().map(str::to_owned),
                apply_at: d.apply_at.as_deref().map(str::to_owned),
                documents: d
                    .documents
                    .iter()
                    .map(|id| Document {
                        id: id.to_string(),
                        name: valid.pack.documents.get(&**id).map(|n| n.to_string()),
                    })
                    .collect(),
                deadlines: Deadlines {
                    investigation: investigation.and_then(day),
                    publicity: publicity.and_then(day),
                    decision: decision.and_then(day),
                },
                time_limits: limits,
            }
        })
        .collect();
    Receipt {
        tracking_code: code.to_string(),
        submitted_on: today.to_string(),
        jurisdiction: JurisdictionRef {
            code: valid.pack.jurisdiction.code.clone(),
            name: valid.pack.jurisdiction.name.to_string(),
        },
        urgent,
        resident_id_masked: valid.resident_id.masked(),
        programs,
        uploaded: uploads
            .iter()
            .map(|u| UploadedDocument {
                kind: u.kind,
                media_type: u.media_type.unwrap_or_default().to_owned(),
                size: u.bytes.len(),
            })
            .collect(),
    }
}

/// The keyed hash of what a request asks for (its parsed content, so the
/// same request with other whitespace or key order is the same request;
/// the client's own screening is left out). Keyed: it covers the 身份证.
fn request_hash(
    state: &AppState,
    req: &NewApplication,
    uploads: &[Upload],
) -> Result<String, ApiError> {
    let documents: Vec<(&str, String)> = uploads
        .iter()
        .map(|u| {
            let digest: String = Sha256::digest(&u.bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            (u.kind.as_str(), digest)
        })
        .collect();
    let canonical = to_json(&serde_json::json!({
        "jurisdiction": req.jurisdiction,
        "household": req.household,
        "programs": req.programs,
        "applicant": req.applicant,
        "consent": req.consent,
        "helper_code": req.helper_code,
        "documents": documents,
    }))?;
    Ok(state.keys.lookup_hash("request", canonical.as_bytes()))
}

/// The case an earlier request with this key created: the same request gets
/// it back; other content under a used key is refused (`reused`), so a
/// client's key mix-up can never show it another resident's receipt.
async fn existing(
    state: &AppState,
    key: &IdempotencyKey,
    hash: &str,
) -> Result<Option<Filed>, ApiError> {
    let row: Option<(String, String, String)> = sqlx::query_as(
        "SELECT tracking_code, receipt, request_hash FROM applications WHERE idempotency_key = $1",
    )
    .bind(key.as_str())
    .fetch_optional(&state.db)
    .await?;
    let Some((tracking_code, receipt, stored_hash)) = row else {
        return Ok(None);
    };
    if !net::same(stored_hash.as_bytes(), hash.as_bytes()) {
        return Err(ApiError::Invalid(vec![FieldError {
            field: "idempotency_key".into(),
            code: "reused",
        }]));
    }
    let receipt =
        serde_json::from_str(&receipt).map_err(|_| ApiError::Internal("stored receipt"))?;
    Ok(Some(Filed {
        tracking_code,
        receipt,
    }))
}

/// `POST /api/applications`: 201 with a new case, 200 with the case an
/// earlier request with the same idempotency key created.
pub async fn submit(
    State(state): State<AppState>,
    request: Request,
) -> Result<(StatusCode, Json<Filed>), ApiError> {
    let (req, uploads) = read_submission(request).await?;
    let today = clock::today();
    let valid = validate(&req, &uploads, today)?;
    let hash = request_hash(&state, &req, &uploads)?;
    if let Some(filed) = existing(&state, &valid.key, &hash).await? {
        return Ok((StatusCode::OK, Json(filed)));
    }
    let screening = screen(valid.pack, &req.household, today);
    let urgent = req
        .household
        .emergency
        .is_some_and(|e| e != EmergencyKind::None);
    let keys = &state.keys;
    let (id_cipher, id_nonce) = keys.seal("resident_id", valid.resident_id.expose().as_bytes());
    let id_hash = keys.lookup_hash("resident_id", valid.resident_id.expose().as_bytes());
    let (mobile_cipher, mobile_nonce) = keys.seal("mobile", valid.mobile.expose().as_bytes());
    let (address_cipher, address_nonce) = keys.seal("address", valid.address.as_bytes());
    let household = to_json(&req.household)?;
    // Stored compressed (`packed`): they are most of a case's bytes.
    let server_screening = packed::pack(&to_json(&screening)?);
    let client_screening = req
        .client_screening
        .as_ref()
        .map(to_json)
        .transpose()?
        .map(|json| packed::pack(&json));
    let programs: Vec<&str> = valid.programs.iter().map(|p| p.as_str()).collect();
    let programs = to_json(&programs)?;
    let now = clock::now_rfc3339();

    let documents: Vec<NewDocument> = uploads
        .iter()
        .map(|upload| {
            let (cipher, nonce) = keys.seal("document", &upload.bytes);
            NewDocument {
                kind: upload.kind.as_str(),
                media_type: upload.media_type.unwrap_or_default(),
                size: upload.bytes.len() as i64,
                cipher,
                nonce: crypto::b64(&nonce),
            }
        })
        .collect();
    let mut row = NewRow {
        tracking_code: String::new(),
        idempotency_key: valid.key.as_str().to_owned(),
        request_hash: hash.clone(),
        jurisdiction: valid.pack.jurisdiction.code.to_string(),
        programs,
        household,
        client_screening,
        server_screening,
        receipt: String::new(),
        applicant_name: valid.name.clone(),
        id_cipher: crypto::b64(&id_cipher),
        id_nonce: crypto::b64(&id_nonce),
        id_hash,
        id_masked: valid.resident_id.masked(),
        mobile_cipher: crypto::b64(&mobile_cipher),
        mobile_nonce: crypto::b64(&mobile_nonce),
        mobile_last4: valid.mobile.last4().to_owned(),
        address_cipher: crypto::b64(&address_cipher),
        address_nonce: crypto::b64(&address_nonce),
        consent_version: valid.consent_version.clone(),
        consent_name: valid.consent_name.clone(),
        helper_code: valid.helper_code.clone(),
        urgent,
        now,
        documents,
    };

    // A fresh code per attempt: a clash of random codes (unlikely) retries;
    // a clash of idempotency keys means a concurrent twin committed first.
    for _ in 0..5 {
        let code = TrackingCode::from_body(crypto::random_u32s());
        let receipt = receipt(&code, &valid, &screening, &uploads, urgent, today);
        row.tracking_code = code.to_string();
        row.receipt = to_json(&receipt)?;
        let inserted = match &state.filings {
            // SQLite: in the next group commit.
            Some(group) => {
                let row = row.clone();
                group
                    .run(Box::new(move |conn| {
                        Box::pin(async move { insert_application(conn, &row).await })
                    }))
                    .await
            }
            // PostgreSQL: a transaction of its own.
            None => {
                let mut tx = state.db.begin().await?;
                let id = insert_application(&mut tx, &row).await?;
                tx.commit().await?;
                Ok(id)
            }
        };
        if inserted?.is_none() {
            // Taken: by a concurrent twin (answer with its case) or, rarely,
            // the random code (try another).
            if let Some(filed) = existing(&state, &valid.key, &hash).await? {
                return Ok((StatusCode::OK, Json(filed)));
            }
            continue;
        }
        tracing::info!(jurisdiction = %valid.pack.jurisdiction.code, urgent, "application filed");
        return Ok((
            StatusCode::CREATED,
            Json(Filed {
                tracking_code: code.to_string(),
                receipt,
            }),
        ));
    }
    Err(ApiError::Internal("no free tracking code after 5 attempts"))
}

/// A document as stored: sealed, with what the receipt and console show.
#[derive(Clone)]
struct NewDocument {
    kind: &'static str,
    media_type: &'static str,
    size: i64,
    cipher: Vec<u8>,
    nonce: String,
}

/// Everything a new case stores, owned, so that the insert can run in the
/// SQLite writer task (group commit) as well as in the handler.
#[derive(Clone)]
struct NewRow {
    tracking_code: String,
    idempotency_key: String,
    request_hash: String,
    jurisdiction: String,
    programs: String,
    household: String,
    client_screening: Option<String>,
    server_screening: String,
    receipt: String,
    applicant_name: String,
    id_cipher: String,
    id_nonce: String,
    id_hash: String,
    id_masked: String,
    mobile_cipher: String,
    mobile_nonce: String,
    mobile_last4: String,
    address_cipher: String,
    address_nonce: String,
    consent_version: String,
    consent_name: String,
    helper_code: Option<String>,
    urgent: bool,
    now: String,
    documents: Vec<NewDocument>,
}

/// Insert a new case with its first event, its documents and the audit
/// record, inside the caller's transaction. `None`, with nothing written,
/// when the idempotency key (or, rarely, the tracking code) is taken.
async fn insert_application(
    conn: &mut AnyConnection,
    row: &NewRow,
) -> Result<Option<i64>, sqlx::Error> {
    let inserted: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO applications (tracking_code, idempotency_key, request_hash, jurisdiction, programs, \
         household, client_screening, server_screening, receipt, applicant_name, id_cipher, \
         id_nonce, id_hash, id_masked, mobile_cipher, mobile_nonce, mobile_last4, \
         address_cipher, address_nonce, consent_text_version, consent_name, consent_at, \
         helper_code, urgent, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $19, $20, $21, $22, $23, $24, $25, $26, $26) \
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(&row.tracking_code)
    .bind(&row.idempotency_key)
    .bind(&row.request_hash)
    .bind(&row.jurisdiction)
    .bind(&row.programs)
    .bind(&row.household)
    .bind(&row.client_screening)
    .bind(&row.server_screening)
    .bind(&row.receipt)
    .bind(&row.applicant_name)
    .bind(&row.id_cipher)
    .bind(&row.id_nonce)
    .bind(&row.id_hash)
    .bind(&row.id_masked)
    .bind(&row.mobile_cipher)
    .bind(&row.mobile_nonce)
    .bind(&row.mobile_last4)
    .bind(&row.address_cipher)
    .bind(&row.address_nonce)
    .bind(&row.consent_version)
    .bind(&row.consent_name)
    .bind(&row.now)
    .bind(&row.helper_code)
    .bind(i64::from(row.urgent))
    .bind(Status::Submitted.as_str())
    .bind(&row.now)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((id,)) = inserted else {
        return Ok(None);
    };
    sqlx::query(
        "INSERT INTO application_events (application_id, status, at, note, actor) \
         VALUES ($1, 'submitted', $2, NULL, 'applicant')",
    )
    .bind(id)
    .bind(&row.now)
    .execute(&mut *conn)
    .await?;
    for (position, doc) in row.documents.iter().enumerate() {
        sqlx::query(
            "INSERT INTO documents (application_id, position, kind, media_type, size, cipher, nonce) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(doc.kind)
        .bind(doc.media_type)
        .bind(doc.size)
        .bind(&doc.cipher)
        .bind(&doc.nonce)
        .execute(&mut *conn)
        .await?;
    }
    audit::record(
        &mut *conn,
        "applicant",
        "application.submit",
        Some(&row.tracking_code),
        row.urgent.then_some("urgent"),
    )
    .await?;
    Ok(Some(id))
}

/// Serialise to a JSON string for storage.
fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(|_| ApiError::Internal("serialise"))
}

/// The strictest of one deadline over the programs applied for.
fn earliest(receipt: &Receipt, f: fn(&Deadlines) -> &Option<String>) -> Option<String> {
    receipt
        .programs
        .iter()
        .filter_map(|p| f(&p.deadlines).clone())
        .min()
}

/// The step of the timeline a status belongs to (all decisions are one step).
pub fn step_of(status: Status) -> &'static str {
    match status {
        Status::Approved | Status::Rejected | Status::Withdrawn => "decision",
        other => other.as_str(),
    }
}

/// The deadline that applies while a case is in `status`: the strictest
/// over the programs applied for. `None` for decided cases and where the
/// pack sets no limit.
pub fn current_deadline(receipt: &Receipt, status: Status) -> Option<String> {
    let pick = |f| earliest(receipt, f);
    match status {
        Status::Submitted | Status::Accepted | Status::Investigation => pick(|d| &d.investigation),
        Status::Review => pick(|d| &d.publicity),
        Status::Publicity => pick(|d| &d.decision),
        Status::Approved | Status::Rejected | Status::Withdrawn => None,
    }
}

/// `GET /api/applications/{code}` with `X-Phone-Last4`: the timeline.
/// A wrong code is 400, an unknown code and a wrong last4 are the same 404;
/// failures count against the client address (10 a minute, then 429).
pub async fn track(
    State(state): State<AppState>,
    client: Client,
    Path(raw): Path<String>,
    headers: HeaderMap,
) -> Result<Json<Tracking>, ApiError> {
    let ip = client.ip;
    if state.lookups.blocked(&ip) {
        return Err(ApiError::RateLimited);
    }
    let fail = |e: ApiError| {
        state.lookups.fail(ip);
        e
    };
    let code = TrackingCode::parse(&raw).map_err(|_| fail(ApiError::InvalidCode))?;
    let last4 = headers
        .get(LAST4_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    type Row = (
        String,
        String,
        i64,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    // One query, the history included (`status at,status at,…` in order):
    // a look-up is the most frequent request, and each query is a round
    // trip to the database.
    let row: Option<Row> = sqlx::query_as(
        "SELECT a.mobile_last4, a.status, a.urgent, a.receipt, a.programs, a.decision, w.office, \
         (SELECT string_agg(e.status || ' ' || e.at, ',' ORDER BY e.at, e.id) \
          FROM application_events e WHERE e.application_id = a.id) \
         FROM applications a LEFT JOIN workers w ON w.id = a.assigned_to \
         WHERE a.tracking_code = $1",
    )
    .bind(code.as_str())
    .fetch_optional(&state.db)
    .await?;
    let Some((stored_last4, status, urgent, receipt, programs, decision, assigned_office, history)) =
        row
    else {
        return Err(fail(ApiError::NotFound));
    };
    if !net::same(stored_last4.as_bytes(), last4.as_bytes()) {
        return Err(fail(ApiError::NotFound));
    }
    let receipt: Receipt =
        serde_json::from_str(&receipt).map_err(|_| ApiError::Internal("stored receipt"))?;
    let programs: Vec<String> =
        serde_json::from_str(&programs).map_err(|_| ApiError::Internal("stored programs"))?;
    let decision = decision
        .map(|d| serde_json::from_str(&d))
        .transpose()
        .map_err(|_| ApiError::Internal("stored decision"))?;
    let events: Vec<(&str, &str)> = history
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .filter_map(|event| event.split_once(' '))
        .collect();

    let earliest = |f| earliest(&receipt, f);
    let first = receipt.programs.first();
    let apply_at = first.and_then(|p| p.apply_at.clone());
    let office = first.and_then(|p| p.office.clone());
    let township = assigned_office.or(apply_at);
    // A step's date is the last time the case entered it (a case returned
    // from review to investigation shows the later investigation).
    let reached = |step: &str| {
        events
            .iter()
            .rev()
            .find(|(s, _)| Status::parse(s).is_some_and(|s| step_of(s) == step))
            .map(|(_, at)| at.get(..10).unwrap_or(at).to_owned())
    };
    let steps = STEPS
        .into_iter()
        .map(|step| {
            let date = reached(step);
            let (deadline, responsible) = match step {
                "submitted" | "accepted" => (None, township.clone()),
                "investigation" => (earliest(|d| &d.investigation), township.clone()),
                "review" => (None, office.clone()),
                "publicity" => (earliest(|d| &d.publicity), office.clone()),
                _ => (earliest(|d| &d.decision), office.clone()),
            };
            TimelineStep {
                step: step.to_owned(),
                reached: date.is_some(),
                date,
                deadline,
                responsible,
            }
        })
        .collect();
    Ok(Json(Tracking {
        tracking_code: code.to_string(),
        status,
        urgent: urgent != 0,
        submitted_on: receipt.submitted_on,
        jurisdiction: receipt.jurisdiction,
        responsible_office: township,
        office,
        programs,
        steps,
        decision,
    }))
}
