//! One error type for handlers: details go to the log, the client gets a
//! stable code and nothing of the internals.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::json;

/// One invalid field: its path in the request (`applicant.resident_id`,
/// `programs[2]`) and a stable snake_case code the app translates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    /// Any body that is not the expected JSON shape: one answer for all.
    #[error("malformed request")]
    Malformed,
    #[error("request body too large")]
    TooLarge,
    #[error("invalid fields")]
    Invalid(Vec<FieldError>),
    #[error("invalid tracking code")]
    InvalidCode,
    #[error("too many requests")]
    RateLimited,
    /// No valid console session.
    #[error("not signed in")]
    Unauthorized,
    /// Wrong name or password, unknown or disabled account: one answer for all.
    #[error("bad credentials")]
    BadCredentials,
    /// A state-changing request without the session's CSRF token, or from
    /// another site.
    #[error("csrf check failed")]
    Csrf,
    /// Signed in, but the role does not allow it.
    #[error("forbidden")]
    Forbidden,
    /// A status change the case's current status does not allow.
    #[error("transition not allowed")]
    Transition,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A server-side failure whose details were already logged.
    #[error("internal: {0}")]
    Internal(&'static str),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = match &self {
            ApiError::NotFound => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::Malformed => (StatusCode::BAD_REQUEST, "malformed"),
            ApiError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            ApiError::InvalidCode => (StatusCode::BAD_REQUEST, "invalid_code"),
            ApiError::RateLimited => (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
            ApiError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ApiError::BadCredentials => (StatusCode::UNAUTHORIZED, "bad_credentials"),
            ApiError::Csrf => (StatusCode::FORBIDDEN, "csrf"),
            ApiError::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            ApiError::Transition => (StatusCode::CONFLICT, "transition_not_allowed"),
            ApiError::Invalid(fields) => {
                return (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Json(json!({ "error": "invalid", "fields": fields })),
                )
                    .into_response();
            }
            ApiError::Database(e) => {
                tracing::error!(error = %e, "database error");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
            ApiError::Internal(what) => {
                tracing::error!(what, "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
        };
        (status, Json(json!({ "error": code }))).into_response()
    }
}
