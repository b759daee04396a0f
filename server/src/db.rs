//! Storage: an embedded SQLite file by default, migrations applied at start.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::config::DatabaseUrl;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open the database {target}: {source}")]
    Open { target: String, source: sqlx::Error },
    #[error("cannot apply the database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Open (creating if needed) the database and bring its schema up to date.
pub async fn connect(url: &DatabaseUrl, data_dir: &Path) -> Result<SqlitePool, DbError> {
    let (options, target) = match url {
        DatabaseUrl::DefaultSqlite => {
            let file = data_dir.join("jiuzhu.sqlite");
            let target = file.display().to_string();
            (SqliteConnectOptions::new().filename(file), target)
        }
        DatabaseUrl::Sqlite(url) => {
            let options = SqliteConnectOptions::from_str(url).map_err(|source| DbError::Open {
                target: url.clone(),
                source,
            })?;
            (options, url.clone())
        }
    };
    // WAL with FULL sync: a commit is on disk before it is acknowledged.
    let options = options
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .map_err(|source| DbError::Open { target, source })?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

/// Whether the database answers a trivial query.
pub async fn ping(pool: &SqlitePool) -> bool {
    sqlx::query_scalar::<_, i64>("SELECT 1")
        .fetch_one(pool)
        .await
        .is_ok()
}
