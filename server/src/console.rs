//! The worker console's API under `/api/console`: the queue, a case, status
//! changes, assignment, documents, the export, accounts and the audit log.
//! Every handler takes the signed-in [`Worker`]; a case outside the worker's
//! jurisdictions answers exactly as a case that does not exist (404), and
//! every view, export and change is written to the audit log.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use rules_core::money::Period;
use rules_core::{Outcome, Screening, packs};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use api_boundary::filing::{Award, Decision, Receipt};

use crate::applications::{JsonBody, current_deadline};
use crate::auth::Worker;
use crate::domain::TrackingCode;
use crate::error::{ApiError, FieldError};
use crate::workflow::{self, Refusal, Role, Status};
use crate::{AppState, audit, clock, crypto};

/// Most rows one queue or export answer carries.
pub const QUEUE_LIMIT: usize = 1000;

/// `$first, $first+1, …` for an `IN (…)` list of `n` values.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn jurisdiction_name(code: &str) -> String {
    packs::embedded_ref()
        .iter()
        .find(|p| p.jurisdiction.code == code)
        .map(|p| p.jurisdiction.name.to_string())
        .unwrap_or_default()
}

/// Which cases a queue shows.
#[derive(Debug, Default, Deserialize)]
pub struct QueueFilter {
    /// `open` (default: not yet decided), `all`, or one status.
    pub status: Option<String>,
    /// One of the worker's jurisdictions (default: all of them).
    pub jurisdiction: Option<String>,
}

/// An account as other workers see it.
#[derive(Debug, Clone, Serialize)]
pub struct AccountRef {
    pub username: String,
    pub name: String,
    pub office: String,
}

/// One row of the queue. Personal data appears masked only.
#[derive(Debug, Serialize)]
pub struct QueueItem {
    pub tracking_code: String,
    pub jurisdiction: String,
    pub jurisdiction_name: String,
    pub submitted_at: String,
    pub updated_at: String,
    pub status: Status,
    pub urgent: bool,
    pub programs: Vec<String>,
    pub applicant_name: String,
    pub resident_id_masked: String,
    pub helper_code: Option<String>,
    pub assigned_to: Option<AccountRef>,
    /// The deadline of the step the case is in (限时办理), if the pack sets one.
    pub deadline: Option<String>,
    /// Today is past that deadline.
    pub overdue: bool,
}

#[derive(Debug, Serialize)]
pub struct Queue {
    pub items: Vec<QueueItem>,
    /// More cases match than one answer carries.
    pub truncated: bool,
}

type QueueRow = (
    i64,
    String,
    String,
    String,
    String,
    String,
    i64,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

const QUEUE_COLUMNS: &str = "a.id, a.tracking_code, a.jurisdiction, a.created_at, a.updated_at, \
     a.status, a.urgent, a.programs, a.applicant_name, a.id_masked, a.helper_code, a.receipt, \
     w.username, w.display_name, w.office";

fn queue_item(row: QueueRow, today: &str) -> Result<(i64, QueueItem), ApiError> {
    let (id, code, jurisdiction, created, updated, status, urgent, programs, name, masked, helper) = (
        row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9, row.10,
    );
    let (receipt, username, display, office) = (row.11, row.12, row.13, row.14);
    let status = Status::parse(&status).ok_or(ApiError::Internal("stored status"))?;
    let receipt: Receipt =
        serde_json::from_str(&receipt).map_err(|_| ApiError::Internal("stored receipt"))?;
    let programs =
        serde_json::from_str(&programs).map_err(|_| ApiError::Internal("stored programs"))?;
    let deadline = current_deadline(&receipt, status);
    let overdue = deadline.as_deref().is_some_and(|d| d < today);
    let assigned_to = username.map(|username| AccountRef {
        username,
        name: display.unwrap_or_default(),
        office: office.unwrap_or_default(),
    });
    Ok((
        id,
        QueueItem {
            jurisdiction_name: jurisdiction_name(&jurisdiction),
            tracking_code: code,
            jurisdiction,
            submitted_at: created,
            updated_at: updated,
            status,
            urgent: urgent != 0,
            programs,
            applicant_name: name,
            resident_id_masked: masked,
            helper_code: helper,
            assigned_to,
            deadline,
            overdue,
        },
    ))
}

/// The worker's cases under `filter`: urgent first (先行救助), then overdue,
/// then oldest first.
async fn select_queue(
    state: &AppState,
    worker: &Worker,
    filter: &QueueFilter,
) -> Result<Queue, ApiError> {
    let jurisdictions: Vec<&str> = match filter.jurisdiction.as_deref() {
        Some(j) if worker.covers(j) => vec![j],
        // Asking for someone else's jurisdiction shows nothing, as for one
        // without cases.
        Some(_) => Vec::new(),
        None => worker.jurisdictions.iter().map(String::as_str).collect(),
    };
    if jurisdictions.is_empty() {
        return Ok(Queue {
            items: Vec::new(),
            truncated: false,
        });
    }
    let status_clause = match filter.status.as_deref().unwrap_or("open") {
        "open" => "AND a.status NOT IN ('approved', 'rejected', 'withdrawn')".to_owned(),
        "all" => String::new(),
        other => {
            let status = Status::parse(other).ok_or_else(|| {
                ApiError::Invalid(vec![FieldError {
                    field: "status".into(),
                    code: "unknown",
                }])
            })?;
            format!("AND a.status = '{}'", status.as_str())
        }
    };
    let sql = format!(
        "SELECT {QUEUE_COLUMNS} FROM applications a LEFT JOIN workers w ON w.id = a.assigned_to \
         WHERE a.jurisdiction IN ({}) {status_clause} ORDER BY a.created_at, a.id LIMIT {}",
        placeholders(1, jurisdictions.len()),
        QUEUE_LIMIT + 1
    );
    let mut query = sqlx::query_as::<_, QueueRow>(&sql);
    for j in &jurisdictions {
        query = query.bind(*j);
    }
    let rows = query.fetch_all(&state.db).await?;
    let truncated = rows.len() > QUEUE_LIMIT;
    let today = clock::today().to_string();
    let mut items = rows
        .into_iter()
        .take(QUEUE_LIMIT)
        .map(|row| queue_item(row, &today).map(|(_, item)| item))
        .collect::<Result<Vec<_>, _>>()?;
    // Stable: within each group the oldest stays first.
    items.sort_by_key(|i| (!i.urgent, !i.overdue));
    Ok(Queue { items, truncated })
}

/// `GET /api/console/cases`: the queue.
pub async fn queue(
    State(state): State<AppState>,
    worker: Worker,
    Query(filter): Query<QueueFilter>,
) -> Result<Json<Queue>, ApiError> {
    let queue = select_queue(&state, &worker, &filter).await?;
    audit::record(
        &state.db,
        &worker.actor(),
        "queue.view",
        None,
        Some(&format!("{} cases", queue.items.len())),
    )
    .await?;
    Ok(Json(queue))
}

/// `GET /api/console/export`: the queue's rows for a CSV file (the console
/// writes the file with headers in the worker's language). Audited as an
/// export; personal data masked as in the queue.
pub async fn export(
    State(state): State<AppState>,
    worker: Worker,
    Query(filter): Query<QueueFilter>,
) -> Result<Json<Queue>, ApiError> {
    let queue = select_queue(&state, &worker, &filter).await?;
    audit::record(
        &state.db,
        &worker.actor(),
        "queue.export",
        None,
        Some(&format!(
            "{} cases, status {}",
            queue.items.len(),
            filter.status.as_deref().unwrap_or("open")
        )),
    )
    .await?;
    Ok(Json(queue))
}

/// A case the worker may see: its queue row and database id. Unknown codes,
/// malformed codes and other jurisdictions' cases are all 404.
async fn find_case(
    state: &AppState,
    worker: &Worker,
    raw: &str,
) -> Result<(i64, QueueItem), ApiError> {
    let code = TrackingCode::parse(raw).map_err(|_| ApiError::NotFound)?;
    let sql = format!(
        "SELECT {QUEUE_COLUMNS} FROM applications a LEFT JOIN workers w ON w.id = a.assigned_to \
         WHERE a.tracking_code = $1"
    );
    let row: Option<QueueRow> = sqlx::query_as(&sql)
        .bind(code.as_str())
        .fetch_optional(&state.db)
        .await?;
    let row = row.ok_or(ApiError::NotFound)?;
    if !worker.covers(&row.2) {
        return Err(ApiError::NotFound);
    }
    queue_item(row, &clock::today().to_string())
}

/// The applicant as the office sees them: in full, for the investigation.
#[derive(Debug, Serialize)]
pub struct ApplicantDetail {
    pub name: String,
    pub resident_id: String,
    pub mobile: String,
    pub address: String,
}

#[derive(Debug, Serialize)]
pub struct ConsentDetail {
    pub name: String,
    pub text_version: String,
    pub at: String,
}

#[derive(Debug, Serialize)]
pub struct DocumentInfo {
    pub position: i64,
    pub kind: String,
    pub media_type: String,
    pub size: i64,
}

#[derive(Debug, Serialize)]
pub struct Event {
    pub status: Status,
    pub at: String,
    pub note: Option<String>,
    pub actor: String,
}

/// A program whose outcome the server's screening and the browser's differ on.
#[derive(Debug, Serialize)]
pub struct Difference {
    pub program: String,
    pub server: Outcome,
    pub client: Option<Outcome>,
}

/// `GET /api/console/cases/{code}`.
#[derive(Debug, Serialize)]
pub struct CaseDetail {
    #[serde(flatten)]
    pub summary: QueueItem,
    pub applicant: ApplicantDetail,
    pub household: Value,
    pub server_screening: Value,
    pub client_screening: Option<Value>,
    /// Where the browser's screening disagrees with the server's.
    pub differences: Vec<Difference>,
    pub consent: ConsentDetail,
    pub documents: Vec<DocumentInfo>,
    pub events: Vec<Event>,
    pub decision: Option<Value>,
    pub receipt: Value,
    /// The statuses this worker may move the case to now.
    pub next: Vec<Status>,
}

type SecretRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
);

fn open_text(state: &AppState, field: &str, cipher: &str, nonce: &str) -> Result<String, ApiError> {
    let cipher = crypto::unb64(cipher).ok_or(ApiError::Internal("stored ciphertext"))?;
    let nonce = crypto::unb64(nonce).ok_or(ApiError::Internal("stored nonce"))?;
    let plain = state
        .keys
        .open(field, &cipher, &nonce)
        .map_err(|_| ApiError::Internal("cannot decrypt a stored field"))?;
    String::from_utf8(plain).map_err(|_| ApiError::Internal("stored field is not text"))
}

/// Programs whose outcomes differ between the two screenings.
fn differences(server: &Value, client: Option<&Value>) -> Vec<Difference> {
    let Ok(server) = serde_json::from_value::<Screening>(server.clone()) else {
        return Vec::new();
    };
    let client_outcomes: HashMap<String, Outcome> = client
        .and_then(|c| c.get("decisions"))
        .and_then(Value::as_array)
        .map(|decisions| {
            decisions
                .iter()
                .filter_map(|d| {
                    let program = d.get("program")?.as_str()?.to_owned();
                    let outcome = serde_json::from_value(d.get("outcome")?.clone()).ok()?;
                    Some((program, outcome))
                })
                .collect()
        })
        .unwrap_or_default();
    if client.is_none() {
        return Vec::new();
    }
    server
        .decisions
        .iter()
        .filter_map(|d| {
            let program = d.program.as_str();
            let client = client_outcomes.get(program).copied();
            (client != Some(d.outcome)).then(|| Difference {
                program: program.to_owned(),
                server: d.outcome,
                client,
            })
        })
        .collect()
}

fn next_for(worker: &Worker, status: Status) -> Vec<Status> {
    status
        .next()
        .iter()
        .copied()
        .filter(|to| workflow::check(worker.role, status, *to).is_ok())
        .collect()
}

async fn case_detail(state: &AppState, worker: &Worker, raw: &str) -> Result<CaseDetail, ApiError> {
    let (id, summary) = find_case(state, worker, raw).await?;
    let row: SecretRow = sqlx::query_as(
        "SELECT applicant_name, id_cipher, id_nonce, mobile_cipher, mobile_nonce, address_cipher, \
         address_nonce, client_screening, server_screening, household, consent_name, \
         consent_text_version, decision, receipt, consent_at FROM applications WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&state.db)
    .await?;
    let parse = |text: &str, what: &'static str| {
        serde_json::from_str::<Value>(text).map_err(|_| ApiError::Internal(what))
    };
    let unpack = |stored: &str, what: &'static str| {
        let json = crate::packed::unpack(stored).ok_or(ApiError::Internal(what))?;
        parse(&json, what)
    };
    let applicant = ApplicantDetail {
        name: row.0,
        resident_id: open_text(state, "resident_id", &row.1, &row.2)?,
        mobile: open_text(state, "mobile", &row.3, &row.4)?,
        address: open_text(state, "address", &row.5, &row.6)?,
    };
    let client_screening = row
        .7
        .as_deref()
        .map(|c| unpack(c, "stored client screening"))
        .transpose()?;
    let server_screening = unpack(&row.8, "stored screening")?;
    let documents = sqlx::query_as::<_, (i64, String, String, i64)>(
        "SELECT position, kind, media_type, size FROM documents WHERE application_id = $1 \
         ORDER BY position",
    )
    .bind(id)
    .fetch_all(&state.db)
    .await?
    .into_iter()
    .map(|(position, kind, media_type, size)| DocumentInfo {
        position,
        kind,
        media_type,
        size,
    })
    .collect();
    let events = sqlx::query_as::<_, (String, String, Option<String>, String)>(
        "SELECT status, at, note, actor FROM application_events WHERE application_id = $1 \
         ORDER BY at, id",
    )
    .bind(id)
    .fetch_all(&state.db)
    .await?
    .into_iter()
    .map(|(status, at, note, actor)| {
        Ok(Event {
            status: Status::parse(&status).ok_or(ApiError::Internal("stored event status"))?,
            at,
            note,
            actor,
        })
    })
    .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(CaseDetail {
        differences: differences(&server_screening, client_screening.as_ref()),
        next: next_for(worker, summary.status),
        summary,
        applicant,
        household: parse(&row.9, "stored household")?,
        server_screening,
        client_screening,
        consent: ConsentDetail {
            name: row.10,
            text_version: row.11,
            at: row.14,
        },
        documents,
        events,
        decision: row
            .12
            .as_deref()
            .map(|d| parse(d, "stored decision"))
            .transpose()?,
        receipt: parse(&row.13, "stored receipt")?,
    })
}

/// `GET /api/console/cases/{code}`: the whole case, audited as a view.
pub async fn case(
    State(state): State<AppState>,
    worker: Worker,
    Path(code): Path<String>,
) -> Result<Json<CaseDetail>, ApiError> {
    let detail = case_detail(&state, &worker, &code).await?;
    audit::record(
        &state.db,
        &worker.actor(),
        "case.view",
        Some(&detail.summary.tracking_code),
        None,
    )
    .await?;
    Ok(Json(detail))
}

/// The body of `POST /api/console/cases/{code}/transitions`.
#[derive(Debug, Deserialize)]
pub struct Transition {
    pub to: String,
    pub note: String,
    /// For `approved`: what each approved program pays.
    #[serde(default)]
    pub awards: Vec<Award>,
}

/// A yuan amount: non-negative, at most two decimals, below a billion.
fn parse_amount(raw: &str) -> Option<Decimal> {
    let raw = raw.trim();
    // Plain digits with an optional decimal point: no sign, no exponent.
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let value: Decimal = raw.parse().ok()?;
    (value.scale() <= 2 && value >= Decimal::ZERO && value < Decimal::from(1_000_000_000))
        .then(|| value.round_dp(2))
}

fn validate_awards(awards: &[Award], programs: &[String]) -> Result<Vec<Award>, ApiError> {
    let mut errors = Vec::new();
    if awards.is_empty() {
        errors.push(FieldError {
            field: "awards".into(),
            code: "required",
        });
    }
    let mut out = Vec::new();
    for (i, award) in awards.iter().enumerate() {
        if !programs.contains(&award.program) {
            errors.push(FieldError {
                field: format!("awards[{i}].program"),
                code: "not_applied",
            });
        } else if out.iter().any(|a: &Award| a.program == award.program) {
            errors.push(FieldError {
                field: format!("awards[{i}].program"),
                code: "duplicate",
            });
        }
        match parse_amount(&award.amount) {
            Some(value) => out.push(Award {
                program: award.program.clone(),
                amount: format!("{value:.2}"),
                period: award.period,
            }),
            None => errors.push(FieldError {
                field: format!("awards[{i}].amount"),
                code: "format",
            }),
        }
        if award.period == Period::Share {
            errors.push(FieldError {
                field: format!("awards[{i}].period"),
                code: "format",
            });
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(ApiError::Invalid(errors))
    }
}

/// `POST /api/console/cases/{code}/transitions`: move a case one step, with
/// a note. 409 when the case's status does not allow the move (or another
/// worker moved it first), 403 when the step belongs to another role.
pub async fn transition(
    State(state): State<AppState>,
    worker: Worker,
    Path(code): Path<String>,
    JsonBody(body): JsonBody<Transition>,
) -> Result<Json<CaseDetail>, ApiError> {
    let (id, summary) = find_case(&state, &worker, &code).await?;
    let to = Status::parse(&body.to).ok_or_else(|| {
        ApiError::Invalid(vec![FieldError {
            field: "to".into(),
            code: "unknown",
        }])
    })?;
    let note = body.note.trim();
    let mut errors = Vec::new();
    if note.is_empty() {
        errors.push(FieldError {
            field: "note".into(),
            code: "required",
        });
    } else if note.chars().count() > 1000 {
        errors.push(FieldError {
            field: "note".into(),
            code: "too_long",
        });
    }
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    workflow::check(worker.role, summary.status, to).map_err(|r| match r {
        Refusal::NotAllowed => ApiError::Transition,
        Refusal::Role => ApiError::Forbidden,
    })?;
    let decision = match to {
        Status::Approved => Some(Decision {
            outcome: to.as_str().to_owned(),
            awards: validate_awards(&body.awards, &summary.programs)?,
            reason: None,
        }),
        Status::Rejected | Status::Withdrawn => Some(Decision {
            outcome: to.as_str().to_owned(),
            awards: Vec::new(),
            reason: Some(note.to_owned()),
        }),
        _ => None,
    };
    let decision = decision
        .map(|d| serde_json::to_string(&d))
        .transpose()
        .map_err(|_| ApiError::Internal("serialise decision"))?;
    let now = clock::now_rfc3339();
    let mut write = state.begin_write().await?;
    let tx = &mut write.tx;
    // Only from the status the worker saw: a concurrent move wins once.
    let moved = sqlx::query(
        "UPDATE applications SET status = $1, updated_at = $2, decision = COALESCE($3, decision) \
         WHERE id = $4 AND status = $5",
    )
    .bind(to.as_str())
    .bind(&now)
    .bind(&decision)
    .bind(id)
    .bind(summary.status.as_str())
    .execute(&mut **tx)
    .await?;
    if moved.rows_affected() != 1 {
        return Err(ApiError::Transition);
    }
    sqlx::query(
        "INSERT INTO application_events (application_id, status, at, note, actor) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(to.as_str())
    .bind(&now)
    .bind(note)
    .bind(worker.actor())
    .execute(&mut **tx)
    .await?;
    audit::record(
        &mut **tx,
        &worker.actor(),
        "case.transition",
        Some(&summary.tracking_code),
        Some(&format!("{} -> {}", summary.status.as_str(), to.as_str())),
    )
    .await?;
    write.tx.commit().await?;
    Ok(Json(case_detail(&state, &worker, &code).await?))
}

/// The body of `POST /api/console/cases/{code}/assign`.
#[derive(Debug, Deserialize)]
pub struct Assign {
    pub username: String,
}

/// `POST /api/console/cases/{code}/assign`: make an account responsible
/// for the case (首问负责). The account must cover the case's jurisdiction.
pub async fn assign(
    State(state): State<AppState>,
    worker: Worker,
    Path(code): Path<String>,
    JsonBody(body): JsonBody<Assign>,
) -> Result<Json<CaseDetail>, ApiError> {
    let (id, summary) = find_case(&state, &worker, &code).await?;
    let assignee: Option<i64> = sqlx::query_scalar(
        "SELECT w.id FROM workers w JOIN worker_jurisdictions j ON j.worker_id = w.id \
         WHERE w.username = $1 AND w.disabled = 0 AND j.jurisdiction = $2",
    )
    .bind(body.username.trim())
    .bind(&summary.jurisdiction)
    .fetch_optional(&state.db)
    .await?;
    let Some(assignee) = assignee else {
        return Err(ApiError::Invalid(vec![FieldError {
            field: "username".into(),
            code: "unknown",
        }]));
    };
    let mut write = state.begin_write().await?;
    let tx = &mut write.tx;
    sqlx::query("UPDATE applications SET assigned_to = $1, updated_at = $2 WHERE id = $3")
        .bind(assignee)
        .bind(clock::now_rfc3339())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    audit::record(
        &mut **tx,
        &worker.actor(),
        "case.assign",
        Some(&summary.tracking_code),
        Some(&format!("to worker:{}", body.username.trim())),
    )
    .await?;
    write.tx.commit().await?;
    Ok(Json(case_detail(&state, &worker, &code).await?))
}

/// `GET /api/console/cases/{code}/documents/{position}`: one document,
/// decrypted, as an attachment. Audited.
pub async fn document(
    State(state): State<AppState>,
    worker: Worker,
    Path((code, position)): Path<(String, i64)>,
) -> Result<Response, ApiError> {
    let (id, summary) = find_case(&state, &worker, &code).await?;
    let row: Option<(String, Vec<u8>, String)> = sqlx::query_as(
        "SELECT media_type, cipher, nonce FROM documents WHERE application_id = $1 AND position = $2",
    )
    .bind(id)
    .bind(position)
    .fetch_optional(&state.db)
    .await?;
    let (media_type, cipher, nonce) = row.ok_or(ApiError::NotFound)?;
    let nonce = crypto::unb64(&nonce).ok_or(ApiError::Internal("stored nonce"))?;
    let bytes = state
        .keys
        .open("document", &cipher, &nonce)
        .map_err(|_| ApiError::Internal("cannot decrypt a document"))?;
    audit::record(
        &state.db,
        &worker.actor(),
        "document.view",
        Some(&summary.tracking_code),
        Some(&format!("document {position}")),
    )
    .await?;
    let extension = match media_type.as_str() {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        _ => "pdf",
    };
    let disposition = format!(
        "attachment; filename=\"{}-{position}.{extension}\"",
        summary.tracking_code
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_str(&media_type)
                    .map_err(|_| ApiError::Internal("stored media type"))?,
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).map_err(|_| ApiError::Internal("filename"))?,
            ),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /api/console/workers`: active accounts that share a jurisdiction
/// with the signed-in one (to assign cases to).
pub async fn workers(
    State(state): State<AppState>,
    worker: Worker,
) -> Result<Json<Vec<AccountRef>>, ApiError> {
    if worker.jurisdictions.is_empty() {
        return Ok(Json(Vec::new()));
    }
    let sql = format!(
        "SELECT DISTINCT w.username, w.display_name, w.office FROM workers w \
         JOIN worker_jurisdictions j ON j.worker_id = w.id \
         WHERE w.disabled = 0 AND j.jurisdiction IN ({}) ORDER BY w.username",
        placeholders(1, worker.jurisdictions.len())
    );
    let mut query = sqlx::query_as::<_, (String, String, String)>(&sql);
    for j in &worker.jurisdictions {
        query = query.bind(j);
    }
    let accounts = query
        .fetch_all(&state.db)
        .await?
        .into_iter()
        .map(|(username, name, office)| AccountRef {
            username,
            name,
            office,
        })
        .collect();
    Ok(Json(accounts))
}

#[derive(Debug, Deserialize)]
pub struct AuditQuery {
    /// Entries older than this id (paging backwards).
    pub before: Option<i64>,
    pub limit: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: Option<String>,
    pub detail: Option<String>,
}

/// `GET /api/console/audit`: the newest entries first; admins only. Entries
/// about cases of other jurisdictions are left out.
pub async fn audit_log(
    State(state): State<AppState>,
    worker: Worker,
    Query(q): Query<AuditQuery>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    if worker.role != Role::Admin {
        return Err(ApiError::Forbidden);
    }
    let limit = q.limit.unwrap_or(200).clamp(1, 1000);
    let in_list = if worker.jurisdictions.is_empty() {
        "''".to_owned()
    } else {
        placeholders(3, worker.jurisdictions.len())
    };
    let sql = format!(
        "SELECT l.id, l.at, l.actor, l.action, l.subject, l.detail FROM audit_log l \
         LEFT JOIN applications a ON a.tracking_code = l.subject \
         WHERE l.id < $1 AND (a.id IS NULL OR a.jurisdiction IN ({in_list})) \
         ORDER BY l.id DESC LIMIT $2"
    );
    let mut query =
        sqlx::query_as::<_, (i64, String, String, String, Option<String>, Option<String>)>(&sql)
            .bind(q.before.unwrap_or(i64::MAX))
            .bind(limit);
    for j in &worker.jurisdictions {
        query = query.bind(j);
    }
    let entries = query
        .fetch_all(&state.db)
        .await?
        .into_iter()
        .map(|(id, at, actor, action, subject, detail)| AuditEntry {
            id,
            at,
            actor,
            action,
            subject,
            detail,
        })
        .collect();
    Ok(Json(entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_yuan_with_two_decimals_at_most() {
        assert_eq!(parse_amount("830"), Some(Decimal::new(830, 0)));
        assert_eq!(parse_amount(" 12.5 "), Some(Decimal::new(125, 1)));
        assert_eq!(parse_amount("0"), Some(Decimal::ZERO));
        assert_eq!(parse_amount("1.234"), None);
        assert_eq!(parse_amount("-1"), None);
        assert_eq!(parse_amount("1e3"), None);
        assert_eq!(parse_amount("1000000000"), None);
        assert_eq!(placeholders(3, 2), "$3, $4");
    }
}
