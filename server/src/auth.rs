//! The worker console's accounts and sessions: argon2id password hashes,
//! random session tokens in an HttpOnly, SameSite=Strict cookie (Secure when
//! the browser came over HTTPS), a per-session CSRF token required on every
//! state-changing request, and rate limits on failed sign-ins.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::applications::JsonBody;
use crate::error::ApiError;
use crate::workflow::Role;
use crate::{AppState, audit, clock, crypto, net};

/// The session cookie's name.
pub const COOKIE: &str = "jz_session";
/// The header carrying the CSRF token on state-changing console requests.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// A session ends this long after sign-in, however active.
const SESSION_SECS: i64 = 12 * 3600;
/// …or after this long without a request.
const IDLE_SECS: i64 = 2 * 3600;
/// `last_seen` is written at most this often (not on every request).
const TOUCH_SECS: i64 = 60;
/// Shortest password `users add` and `users passwd` accept.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// A signed-in console account.
#[derive(Debug, Clone, Serialize)]
pub struct Worker {
    #[serde(skip)]
    pub id: i64,
    pub username: String,
    pub name: String,
    pub role: Role,
    pub office: String,
    pub jurisdictions: Vec<String>,
    /// The session's CSRF token (sent back as `X-CSRF-Token`).
    #[serde(skip)]
    pub csrf_token: String,
}

impl Worker {
    /// Whether the account may see and act on cases of `jurisdiction`.
    pub fn covers(&self, jurisdiction: &str) -> bool {
        self.jurisdictions.iter().any(|j| j == jurisdiction)
    }

    /// How the account is named in case histories and the audit log.
    pub fn actor(&self) -> String {
        format!("worker:{}", self.username)
    }
}

/// An argon2id hash (PHC string) of `password` with a fresh salt.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with default parameters accepts any password")
        .to_string()
}

/// Whether `password` matches the stored hash. A malformed hash never matches.
pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash of a password nobody has, verified when the account does not
/// exist so that an unknown name takes as long as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password(&crypto::random_token()))
}

fn session_cookie(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == COOKIE).then_some(value)
        })
}

type AccountRow = (i64, String, String, String, String);

async fn load_worker(state: &AppState, id: i64, csrf_token: String) -> Result<Worker, ApiError> {
    let row: Option<AccountRow> = sqlx::query_as(
        "SELECT id, username, display_name, role, office FROM workers WHERE id = $1 AND disabled = 0",
    )
    .bind(id)
    .fetch_optional(&state.db)
    .await?;
    let (id, username, name, role, office) = row.ok_or(ApiError::Unauthorized)?;
    let role = Role::parse(&role).ok_or(ApiError::Internal("unknown role stored"))?;
    let jurisdictions = sqlx::query_scalar(
        "SELECT jurisdiction FROM worker_jurisdictions WHERE worker_id = $1 ORDER BY jurisdiction",
    )
    .bind(id)
    .fetch_all(&state.db)
    .await?;
    Ok(Worker {
        id,
        username,
        name,
        role,
        office,
        jurisdictions,
        csrf_token,
    })
}

impl FromRequestParts<AppState> for Worker {
    type Rejection = ApiError;

    /// The signed-in account. A state-changing request must also come from
    /// this site and carry the session's CSRF token.
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Worker, ApiError> {
        let token = session_cookie(parts).ok_or(ApiError::Unauthorized)?;
        let token_hash = state.keys.lookup_hash("session", token.as_bytes());
        let now = clock::now_rfc3339();
        let row: Option<(i64, String, String)> = sqlx::query_as(
            "SELECT worker_id, csrf_token, last_seen FROM sessions \
             WHERE token_hash = $1 AND expires_at > $2 AND last_seen > $3",
        )
        .bind(&token_hash)
        .bind(&now)
        .bind(clock::rfc3339_in(-IDLE_SECS))
        .fetch_optional(&state.db)
        .await?;
        let (worker_id, csrf_token, last_seen) = row.ok_or(ApiError::Unauthorized)?;
        if !matches!(parts.method, Method::GET | Method::HEAD) {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .map(HeaderValue::as_bytes)
                .unwrap_or_default();
            if net::cross_origin(&parts.headers) || !net::same(sent, csrf_token.as_bytes()) {
                return Err(ApiError::Csrf);
            }
        }
        if last_seen < clock::rfc3339_in(-TOUCH_SECS) {
            sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
                .bind(&now)
                .bind(&token_hash)
                .execute(&state.db)
                .await?;
        }
        load_worker(state, worker_id, csrf_token).await
    }
}

/// The body of `POST /api/console/session`.
#[derive(Deserialize)]
pub struct SignIn {
    pub username: String,
    pub password: String,
}

/// The answer to sign-in and to `GET /api/console/session`.
#[derive(Serialize)]
pub struct SessionInfo {
    pub worker: Worker,
    pub csrf_token: String,
}

fn set_cookie(value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={value}; Path=/api/console; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"
    ))
    .expect("cookie is ASCII")
}

/// `POST /api/console/session`: sign in. Unknown name, wrong password and
/// disabled account get the same 401; failures are limited per client
/// address and per account name (then 429).
pub async fn sign_in(
    State(state): State<AppState>,
    client: net::Client,
    JsonBody(body): JsonBody<SignIn>,
) -> Result<Response, ApiError> {
    if client.cross_origin {
        return Err(ApiError::Csrf);
    }
    let ip = client.ip;
    let username = body.username.trim().to_owned();
    if state.signin_ip.blocked(&ip) || state.signin_user.blocked(&username) {
        return Err(ApiError::RateLimited);
    }
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, password_hash FROM workers WHERE username = $1 AND disabled = 0",
    )
    .bind(&username)
    .fetch_optional(&state.db)
    .await?;
    let (id, hash) = match row {
        Some((id, hash)) => (Some(id), hash),
        None => (None, dummy_hash().to_owned()),
    };
    let password = body.password;
    let matches = tokio::task::spawn_blocking(move || verify_password(&hash, &password))
        .await
        .map_err(|_| ApiError::Internal("password check"))?;
    let Some(id) = id.filter(|_| matches) else {
        state.signin_ip.fail(ip);
        state.signin_user.fail(username.clone());
        audit::record(
            &state.db,
            "anonymous",
            "signin.failed",
            Some(&username),
            None,
        )
        .await?;
        return Err(ApiError::BadCredentials);
    };
    let token = crypto::random_token();
    let csrf_token = crypto::random_token();
    let now = clock::now_rfc3339();
    sqlx::query(
        "INSERT INTO sessions (token_hash, worker_id, csrf_token, created_at, last_seen, expires_at) \
         VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .bind(state.keys.lookup_hash("session", token.as_bytes()))
    .bind(id)
    .bind(&csrf_token)
    .bind(&now)
    .bind(clock::rfc3339_in(SESSION_SECS))
    .execute(&state.db)
    .await?;
    // Expired sessions are swept at each sign-in.
    sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(&now)
        .execute(&state.db)
        .await?;
    let worker = load_worker(&state, id, csrf_token.clone()).await?;
    audit::record(&state.db, &worker.actor(), "signin", None, None).await?;
    let mut response = Json(SessionInfo { worker, csrf_token }).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        set_cookie(&token, SESSION_SECS, client.https),
    );
    Ok(response)
}

/// `GET /api/console/session`: who is signed in, and the CSRF token (a
/// reloaded console page gets it back here).
pub async fn current(worker: Worker) -> Json<SessionInfo> {
    let csrf_token = worker.csrf_token.clone();
    Json(SessionInfo { worker, csrf_token })
}

/// `DELETE /api/console/session`: sign out (this session only).
pub async fn sign_out(State(state): State<AppState>, worker: Worker) -> Result<Response, ApiError> {
    sqlx::query("DELETE FROM sessions WHERE worker_id = $1 AND csrf_token = $2")
        .bind(worker.id)
        .bind(&worker.csrf_token)
        .execute(&state.db)
        .await?;
    audit::record(&state.db, &worker.actor(), "signout", None, None).await?;
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, set_cookie("", 0, false));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_only_their_password_and_are_salted() {
        let a = hash_password("correct horse battery");
        let b = hash_password("correct horse battery");
        assert_ne!(a, b);
        assert!(a.starts_with("$argon2id$"));
        assert!(verify_password(&a, "correct horse battery"));
        assert!(!verify_password(&a, "correct horse battery!"));
        assert!(!verify_password("not a hash", "x"));
    }
}
