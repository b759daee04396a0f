//! 救助通's thin backend: serves the built app and a small JSON API.
//!
//! `app(state)` builds the whole router so tests can drive it in-process.
//! The server never re-implements an eligibility rule: it calls `rules-core`.

pub mod api;
pub mod applications;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod db;
pub mod domain;
pub mod error;
pub mod limiter;
pub mod web;

use std::sync::Arc;

use axum::Router;
use sqlx::SqlitePool;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: SqlitePool,
    pub site: web::Site,
    /// Keys for personal data at rest.
    pub keys: Arc<crypto::Keys>,
    /// Failed tracking look-ups per client address.
    pub lookups: Arc<limiter::FailureLimiter>,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Arc<[std::net::IpAddr]>,
}

impl AppState {
    /// State with the default look-up limiter (10 failures a minute).
    pub fn new(db: SqlitePool, site: web::Site, keys: crypto::Keys) -> AppState {
        AppState {
            db,
            site,
            keys: Arc::new(keys),
            lookups: Arc::new(limiter::FailureLimiter::default()),
            trusted_proxies: Arc::from([]),
        }
    }

    /// Believe `X-Forwarded-For` from these peers only.
    pub fn with_trusted_proxies(mut self, proxies: &[std::net::IpAddr]) -> AppState {
        self.trusted_proxies = Arc::from(proxies);
        self
    }
}

/// The whole HTTP application: API under `/api`, the app for everything else,
/// with security headers, compression and request logging around both.
pub fn app(state: AppState) -> Router {
    let site = state.site.clone();
    Router::new()
        .nest("/api", api::router())
        .merge(web::router(site.clone()))
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(
            site,
            web::security_headers,
        ))
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(web::trace_layer())
}
