//! Configuration from flags and environment variables. A bad value stops the
//! server at start with a message naming the setting.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// 救助通 server: serves the app and the API; `users` manages console accounts.
#[derive(Debug, Parser)]
#[command(name = "jiuzhu-server", version)]
pub struct Config {
    /// TCP port to listen on (0 picks a free one).
    #[arg(long, env = "PORT", default_value_t = 8080)]
    pub port: u16,

    /// Address to bind (use 0.0.0.0 to accept connections from other machines).
    #[arg(long, env = "BIND_ADDR", default_value = "127.0.0.1")]
    pub bind: IpAddr,

    #[command(flatten)]
    pub storage: Storage,

    /// Directory of the built app (Trunk's output).
    #[arg(long, env = "DIST_DIR", default_value = "dist")]
    pub dist: PathBuf,

    /// Addresses of reverse proxies whose `X-Forwarded-For` and
    /// `X-Forwarded-Proto` are believed (comma-separated). From any other
    /// peer those headers are ignored.
    #[arg(long = "trusted-proxy", env = "TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<IpAddr>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Where the data lives; shared by the server and the `users` commands.
#[derive(Debug, Clone, Args)]
pub struct Storage {
    /// Directory for the embedded database, the data key and other server
    /// data; created (mode 0700) if missing.
    #[arg(long, env = "DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,

    /// Database URL: `sqlite:…` or `postgres://…`; without it an SQLite file
    /// in the data directory is used.
    #[arg(long, env = "DATABASE_URL", value_parser = DatabaseUrl::parse, global = true)]
    pub database_url: Option<DatabaseUrl>,
}

impl Storage {
    pub fn database(&self) -> DatabaseUrl {
        self.database_url
            .clone()
            .unwrap_or(DatabaseUrl::DefaultSqlite)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Worker console accounts (no account ships with the software).
    #[command(subcommand)]
    Users(UsersCommand),
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Create an account. The password is read from the terminal (twice,
    /// not echoed) or, when standard input is not a terminal, from its
    /// first line; at least 12 characters.
    Add {
        username: String,
        /// The name shown in the console and in case histories.
        #[arg(long)]
        name: String,
        /// township (乡镇/街道 worker), county (县级审核), or admin.
        #[arg(long)]
        role: String,
        /// The office responsible for cases (首问负责), e.g. 新华街道社会救助服务站.
        #[arg(long)]
        office: String,
        /// A jurisdiction code the account may act in (repeatable).
        #[arg(long = "jurisdiction", required = true)]
        jurisdictions: Vec<String>,
    },
    /// List accounts (no passwords, no hashes).
    List,
    /// Set a new password (read as for `add`) and end the account's sessions.
    Passwd { username: String },
    /// Block an account from signing in and end its sessions.
    Disable { username: String },
    /// Allow a disabled account to sign in again.
    Enable { username: String },
}

/// Where the data lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// `<data dir>/jiuzhu.sqlite`.
    DefaultSqlite,
    /// An explicit `sqlite:` URL.
    Sqlite(String),
    /// A `postgres://` or `postgresql://` URL.
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(raw: &str) -> Result<DatabaseUrl, String> {
        let raw = raw.trim();
        if raw.starts_with("sqlite:") {
            Ok(DatabaseUrl::Sqlite(raw.to_owned()))
        } else if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            Ok(DatabaseUrl::Postgres(raw.to_owned()))
        } else {
            Err(
                "expected a URL starting with sqlite: (for example sqlite:data/jiuzhu.sqlite) \
                 or postgres:// (for example postgres://jiuzhu@localhost/jiuzhu)"
                    .to_owned(),
            )
        }
    }
}
