//! The JSON API under `/api`.

use axum::extract::DefaultBodyLimit;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{self, HeaderValue};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::AppState;
use crate::error::ApiError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route(
            "/applications",
            post(crate::applications::submit)
                .layer(DefaultBodyLimit::max(crate::applications::MAX_JSON_BODY)),
        )
        .route("/applications/{code}", get(crate::applications::track))
        .fallback(|| async { ApiError::NotFound })
        // API answers (receipts, timelines) are never stored by browsers or proxies.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
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
