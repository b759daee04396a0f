//! Developer and CI tasks, needing only cargo: `cargo xtask <task>`.
//!
//! - `setup`: install what is missing (idempotent; a second run takes seconds)
//! - `build`: setup, then build the app in release mode into `dist/` and the
//!   worker console into `dist/console/`, precompressed
//! - `run [server flags]`: build, then start the server (default http://127.0.0.1:8080)
//! - `test`: the whole suite: fmt, clippy, native tests, wasm32 builds and
//!   browser tests, the end-to-end ones in headless Chromium
//! - `test-postgres`: the server's integration tests on a throwaway PostgreSQL
//! - `bench <lighthouse | latency | load | batch> [options]`: build, then Lighthouse on
//!   the real server, the answer-change latency with 4x CPU throttling, the
//!   filing API's throughput with wrk (SQLite and PostgreSQL), or the
//!   console's batch screening of a 100,000-row roster in Chromium
//! - `size`: what the first visit to `/` downloads, each file raw and brotli, from `dist/`

mod bench;
mod dist;
mod first_paint;
mod guide_messages;
mod guide_paint;
mod landing;
mod load;
mod offline;
mod postgres;
mod setup;
mod shell;

use std::process::ExitCode;
use std::time::Instant;

use shell::{Step, cargo, root};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(),
        Some("build") => setup::all().and_then(|()| dist::build_app()),
        Some("run") => run(&args[1..]),
        Some("test") => test(),
        Some("size") => dist::report_size().map(|_| ()),
        Some("test-postgres") => setup::all().and_then(|()| postgres_tests()),
        Some("bench") => bench::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <setup | build | run [server flags] | test | test-postgres | size | bench <lighthouse | latency | offline | load | batch>>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Build everything in release mode and start the server in the foreground.
fn run(server_args: &[String]) -> Result<(), String> {
    let started = Instant::now();
    setup::all()?;
    dist::build_app()?;
    cargo(&["build", "--release", "--package", "server"])?;
    eprintln!("ready in {:.0?}", started.elapsed());
    let server = root().join("target/release/jiuzhu-server");
    let mut command = std::process::Command::new(server);
    command
        .current_dir(root())
        .arg("--dist")
        .arg(root().join("dist"));
    if !server_args.iter().any(|a| a.starts_with("--data-dir"))
        && std::env::var_os("DATA_DIR").is_none()
    {
        command.arg("--data-dir").arg(root().join("data"));
    }
    command.args(server_args);
    shell::run_command(&mut command)
}

/// The server's integration tests against a throwaway PostgreSQL.
fn postgres_tests() -> Result<(), String> {
    let pg = postgres::start()?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    shell::run_command(
        shell::command(&cargo)
            .args(["test", "--package", "server", "--test", "api"])
            .env(postgres::URL_ENV, &pg.url),
    )
}

/// Everything CI checks, in order of cost: cheap static checks first.
fn test() -> Result<(), String> {
    let mut steps = Vec::new();
    let mut step = |name: &'static str, f: &dyn Fn() -> Result<(), String>| {
        let s = Step::start(name);
        let result = f();
        steps.push(s.finish(result.is_ok()));
        result
    };
    let outcome = (|| {
        step("setup", &setup::all)?;
        step("fmt", &|| cargo(&["fmt", "--all", "--check"]))?;
        step("clippy (native)", &|| {
            cargo(&["clippy", "--all-targets", "--", "-D", "warnings"])
        })?;
        step("clippy (app, wasm32)", &|| {
            cargo(&[
                "clippy",
                "--package",
                "app",
                "--target",
                "wasm32-unknown-unknown",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
        })?;
        step("clippy (console and its batch worker, wasm32)", &|| {
            cargo(&[
                "clippy",
                "--package",
                "console",
                "--package",
                "roster-worker",
                "--target",
                "wasm32-unknown-unknown",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
        })?;
        step("native tests", &|| cargo(&["test"]))?;
        step("server tests on PostgreSQL", &postgres_tests)?;
        step("rules-core and roster for wasm32", &|| {
            cargo(&[
                "build",
                "--package",
                "rules-core",
                "--package",
                "roster",
                "--target",
                "wasm32-unknown-unknown",
            ])
        })?;
        step(
            "app and console unit tests in Chromium",
            &dist::wasm_unit_tests,
        )?;
        step("app and console release builds", &dist::build_app)?;
        step("server and CLI binaries, the roster generator", &|| {
            cargo(&["build", "--package", "server", "--package", "screen"])?;
            cargo(&["build", "--package", "roster", "--example", "gen_roster"])
        })?;
        step("browser end-to-end tests", &dist::e2e_tests)?;
        Ok(())
    })();
    eprintln!("\nxtask test summary:");
    for line in &steps {
        eprintln!("  {line}");
    }
    outcome
}
