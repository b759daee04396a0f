//! Storage: an embedded SQLite file by default, PostgreSQL when the database
//! URL names one. Every query is written once, for sqlx's `Any` driver, with
//! `$1`-style parameters that both backends accept; the schema lives in one
//! migration directory per backend (`migrations/sqlite`, `migrations/postgres`,
//! kept equal by a test) and is brought up to date at start.

use std::path::Path;
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};

use crate::config::DatabaseUrl;

/// The pool every handler uses.
pub type Db = AnyPool;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open the database {target}: {source}")]
    Open { target: String, source: sqlx::Error },
    #[error("cannot apply the database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Which backend a pool talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The URL sqlx connects to, and a description for messages that never
/// shows a password.
fn target(url: &DatabaseUrl, data_dir: &Path) -> (String, String, Backend) {
    match url {
        DatabaseUrl::DefaultSqlite => {
            let file = data_dir.join("jiuzhu.sqlite");
            let shown = file.display().to_string();
            (format!("sqlite://{shown}?mode=rwc"), shown, Backend::Sqlite)
        }
        DatabaseUrl::Sqlite(url) => {
            let with_mode = if url.contains('?') {
                url.clone()
            } else {
                format!("{url}?mode=rwc")
            };
            (with_mode, url.clone(), Backend::Sqlite)
        }
        DatabaseUrl::Postgres(url) => (url.clone(), redact(url), Backend::Postgres),
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:…@host/db`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, path) = rest
        .split_once('/')
        .map_or((rest, None), |(a, p)| (a, Some(p)));
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:…@{host}"),
            None => format!("{userinfo}@{host}"),
        },
        None => authority.to_owned(),
    };
    match path {
        Some(p) => format!(
            "{scheme}://{authority}/{}",
            p.split('?').next().unwrap_or(p)
        ),
        None => format!("{scheme}://{authority}"),
    }
}

/// Open (creating an SQLite file if needed) the database and bring its schema
/// up to date.
pub async fn connect(url: &DatabaseUrl, data_dir: &Path) -> Result<Db, DbError> {
    install_default_drivers();
    let (url, shown, backend) = target(url, data_dir);
    let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
    let options = match backend {
        // WAL with FULL sync: a commit is on disk before it is acknowledged.
        // Writers queue on the busy timeout instead of failing. No
        // connection checkpoints the WAL after its own commit (which would
        // hold up the filings waiting on that commit): `checkpoints` does
        // it beside them.
        Backend::Sqlite => options.max_connections(8).after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                     PRAGMA wal_autocheckpoint = 0;",
                )
                .await?;
                Ok(())
            })
        }),
        // PostgreSQL commits are durable with its defaults (fsync on,
        // synchronous_commit on).
        Backend::Postgres => options.max_connections(16),
    };
    let pool = options
        .connect(&url)
        .await
        .map_err(|source| DbError::Open {
            target: shown,
            source,
        })?;
    migrator(backend).run(&pool).await?;
    if backend == Backend::Sqlite {
        tokio::spawn(checkpoints(pool.clone()));
    }
    Ok(pool)
}

/// Copy the SQLite WAL back into the database file every half second, off
/// the commit path (PASSIVE: it never waits for readers or writers; what it
/// cannot copy now it copies next time), until the pool is closed.
async fn checkpoints(pool: Db) {
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if pool.is_closed() {
            return;
        }
        if let Err(error) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&pool)
            .await
        {
            if pool.is_closed() {
                return;
            }
            tracing::warn!(%error, "WAL checkpoint failed; retrying");
        }
    }
}

/// The backend a pool was opened on.
pub fn backend(pool: &Db) -> Backend {
    if pool.connect_options().database_url.scheme() == "sqlite" {
        Backend::Sqlite
    } else {
        Backend::Postgres
    }
}

pub fn migrator(backend: Backend) -> &'static Migrator {
    match backend {
        Backend::Sqlite => &SQLITE_MIGRATIONS,
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    }
}

/// Whether the database answers a trivial query.
pub async fn ping(pool: &Db) -> bool {
    sqlx::query_scalar::<_, i64>("SELECT 1")
        .fetch_one(pool)
        .await
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://jz:s3cret@db.example:5432/jiuzhu?sslmode=require"),
            "postgres://jz:…@db.example:5432/jiuzhu"
        );
        assert_eq!(
            redact("postgres://jz@localhost/x"),
            "postgres://jz@localhost/x"
        );
        assert_eq!(redact("postgresql://localhost"), "postgresql://localhost");
    }
}
