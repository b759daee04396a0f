//! Configuration from flags and environment variables. A bad value stops the
//! server at start with a message naming the setting.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::Parser;

/// 救助通 server: serves the app and the API.
#[derive(Debug, Parser)]
#[command(name = "jiuzhu-server", version)]
pub struct Config {
    /// TCP port to listen on (0 picks a free one).
    #[arg(long, env = "PORT", default_value_t = 8080)]
    pub port: u16,

    /// Address to bind (use 0.0.0.0 to accept connections from other machines).
    #[arg(long, env = "BIND_ADDR", default_value = "127.0.0.1")]
    pub bind: IpAddr,

    /// Directory for the embedded database and other server data; created if missing.
    #[arg(long, env = "DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Database URL; without it an SQLite file in the data directory is used.
    #[arg(long, env = "DATABASE_URL", value_parser = DatabaseUrl::parse)]
    pub database_url: Option<DatabaseUrl>,

    /// Directory of the built app (Trunk's output).
    #[arg(long, env = "DIST_DIR", default_value = "dist")]
    pub dist: PathBuf,

    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed
    /// (comma-separated). From any other peer the header is ignored.
    #[arg(long = "trusted-proxy", env = "TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<IpAddr>,
}

/// Where the data lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// `<data dir>/jiuzhu.sqlite`.
    DefaultSqlite,
    /// An explicit `sqlite:` URL.
    Sqlite(String),
}

impl DatabaseUrl {
    /// Accepts `sqlite:` URLs. PostgreSQL URLs are recognised and refused with
    /// a clear message until the PostgreSQL backend exists.
    pub fn parse(raw: &str) -> Result<DatabaseUrl, String> {
        let raw = raw.trim();
        if raw.starts_with("sqlite:") {
            Ok(DatabaseUrl::Sqlite(raw.to_owned()))
        } else if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            Err("PostgreSQL is not supported by this version yet; use an sqlite: URL or leave DATABASE_URL unset".to_owned())
        } else {
            Err(
                "expected a URL starting with sqlite: (for example sqlite:data/jiuzhu.sqlite)"
                    .to_owned(),
            )
        }
    }
}

impl Config {
    pub fn database(&self) -> DatabaseUrl {
        self.database_url
            .clone()
            .unwrap_or(DatabaseUrl::DefaultSqlite)
    }
}
