//! 救助通's thin backend: serves the built app and a small JSON API.
//!
//! `app(state)` builds the whole router so tests can drive it in-process.
//! The server never re-implements an eligibility rule: it calls `rules-core`.

pub mod api;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod clock;
pub mod config;
pub mod console;
pub mod crypto;
pub mod db;
pub mod domain;
pub mod error;
pub mod group_commit;
pub mod limiter;
pub mod net;
pub mod packed;
pub mod users;
pub mod web;
pub mod workflow;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use limiter::FailureLimiter;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: db::Db,
    pub site: web::Site,
    /// Keys for personal data at rest.
    pub keys: Arc<crypto::Keys>,
    /// Failed tracking look-ups per client address.
    pub lookups: Arc<FailureLimiter<IpAddr>>,
    /// Failed console sign-ins per client address.
    pub signin_ip: Arc<FailureLimiter<IpAddr>>,
    /// Failed console sign-ins per account name.
    pub signin_user: Arc<FailureLimiter<String>>,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Arc<[IpAddr]>,
    /// SQLite takes one writer at a time; writers queue here, in order,
    /// rather than in SQLite's busy handler, which sleeps and retries
    /// (milliseconds each) and made the tail latency of concurrent filings
    /// hundreds of milliseconds. `None` on PostgreSQL.
    writes: Option<Arc<tokio::sync::Mutex<()>>>,
    /// On SQLite, filings are committed in groups (see `group_commit`).
    pub filings: Option<group_commit::GroupCommit>,
}

impl AppState {
    /// State with the default limits: 10 failed look-ups a minute per
    /// address; 10 failed sign-ins a minute per address and 5 in 15 minutes
    /// per account name.
    pub fn new(db: db::Db, site: web::Site, keys: crypto::Keys) -> AppState {
        let writes = (db::backend(&db) == db::Backend::Sqlite)
            .then(|| Arc::new(tokio::sync::Mutex::new(())));
        let filings = writes
            .as_ref()
            .map(|turn| group_commit::GroupCommit::start(db.clone(), turn.clone()));
        AppState {
            site,
            keys: Arc::new(keys),
            lookups: Arc::new(FailureLimiter::default()),
            signin_ip: Arc::new(FailureLimiter::new(10, Duration::from_secs(60))),
            signin_user: Arc::new(FailureLimiter::new(5, Duration::from_secs(15 * 60))),
            trusted_proxies: Arc::from([]),
            writes,
            filings,
            db,
        }
    }

    /// A write transaction, begun after the writers before it finished (on
    /// SQLite; at once on PostgreSQL). Hold the guard until the commit.
    pub async fn begin_write(&self) -> Result<Write<'_>, sqlx::Error> {
        let guard = match &self.writes {
            Some(lock) => Some(lock.lock().await),
            None => None,
        };
        Ok(Write {
            tx: self.db.begin().await?,
            _turn: guard,
        })
    }

    /// Believe `X-Forwarded-For` from these peers only.
    pub fn with_trusted_proxies(mut self, proxies: &[IpAddr]) -> AppState {
        self.trusted_proxies = Arc::from(proxies);
        self
    }
}

/// A write transaction holding this writer's turn.
pub struct Write<'a> {
    pub tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: Option<tokio::sync::MutexGuard<'a, ()>>,
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
