//! The JSON API under `/api`.

use axum::extract::DefaultBodyLimit;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{self, HeaderValue};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::ApiError;
use crate::{AppState, applications, auth, console};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route(
            "/applications",
            post(applications::submit)
                .layer(DefaultBodyLimit::max(applications::MAX_MULTIPART_BODY)),
        )
        .route("/applications/{code}", get(applications::track))
        .nest("/console", console_router())
        .fallback(|| async { ApiError::NotFound })
        // API answers (receipts, timelines, cases) are never stored by
        // browsers or proxies.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

/// The worker console's endpoints: every one needs a session, and every
/// state-changing one the session's CSRF token.
fn console_router() -> Router<AppState> {
    Router::new()
        .route(
            "/session",
            post(auth::sign_in)
                .get(auth::current)
                .delete(auth::sign_out),
        )
        .route("/cases", get(console::queue))
        .route("/export", get(console::export))
        .route("/cases/{code}", get(console::case))
        .route("/cases/{code}/transitions", post(console::transition))
        .route("/cases/{code}/assign", post(console::assign))
        .route("/cases/{code}/documents/{position}", get(console::document))
        .route("/workers", get(console::workers))
        .route("/audit", get(console::audit_log))
        .layer(DefaultBodyLimit::max(applications::MAX_JSON_BODY))
}

/// The body of `GET /api/health`.
#[derive(Debug, Serialize)]
pub struct Health {
    pub status: &'static str,
    pub version: &'static str,
    pub database: &'static str,
}

/// Reports the running version and whether the database answers; 503 when it
/// does not, so a load balancer stops sending traffic.
async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let reachable = crate::db::ping(&state.db).await;
    let (status, overall, database) = if reachable {
        (StatusCode::OK, "ok", "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "degraded", "unreachable")
    };
    (
        status,
        Json(Health {
            status: overall,
            version: env!("CARGO_PKG_VERSION"),
            database,
        }),
    )
}
