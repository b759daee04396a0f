//! `jiuzhu-server`: start the backend.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::process::ExitCode;

use clap::Parser;
use server::config::{Command, Config};
use server::{AppState, db, web};
use tracing_subscriber::EnvFilter;

// A screening allocates many small lists: with glibc's allocator, malloc
// and free were about a third of its instructions, with mimalloc a tenth
// (rules-core/README.md, Benchmarks).
#[global_allocator]
static ALLOCATOR: native_alloc::Mimalloc = native_alloc::Mimalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let mut config = Config::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let result = match config.command.take() {
        Some(Command::Users(command)) => users(&config, command).await,
        None => run(config).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("jiuzhu-server: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `jiuzhu-server users …`: prints what it did on standard output.
async fn users(config: &Config, command: server::config::UsersCommand) -> Result<(), String> {
    let storage = &config.storage;
    create_private_dir(&storage.data_dir)?;
    let db = db::connect(&storage.database(), &storage.data_dir)
        .await
        .map_err(|e| e.to_string())?;
    let message = server::users::run(&db, command).await;
    db.close().await;
    println!("{}", message?);
    Ok(())
}

async fn run(config: Config) -> Result<(), String> {
    let site = web::Site::load(&config.dist).map_err(|e| e.to_string())?;
    let storage = &config.storage;
    create_private_dir(&storage.data_dir)?;
    let db = db::connect(&storage.database(), &storage.data_dir)
        .await
        .map_err(|e| e.to_string())?;
    let keys = server::crypto::Keys::load(&storage.data_dir).map_err(|e| e.to_string())?;
    let app = server::app(
        AppState::new(db.clone(), site, keys).with_trusted_proxies(&config.trusted_proxies),
    );

    let addr = SocketAddr::new(config.bind, config.port);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    // The address on stdout is the contract with scripts and tests that start
    // the server on port 0.
    println!("救助通 listening on http://{local}");
    tracing::info!(%local, data_dir = %storage.data_dir.display(), "server started");

    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| format!("server error: {e}"))?;
    db.close().await;
    tracing::info!("server stopped");
    Ok(())
}

/// The data directory will hold personal data: readable by the server's user only.
fn create_private_dir(dir: &std::path::Path) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create data directory {}: {e}", dir.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| format!("cannot restrict data directory {}: {e}", dir.display()))?;
    }
    Ok(())
}

/// Finish in-flight requests, then stop, on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received");
}
