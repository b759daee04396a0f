//! Benchmarks that run the built app in a browser (BENCHMARKS.md):
//! `cargo xtask bench lighthouse [--runs N] [--path /] [--lang zh-CN]` and
//! `cargo xtask bench latency [--changes N] [--rate 4]`,
//! `cargo xtask bench offline [--runs N] [--rate 4]` (and `bench load`,
//! the filing API under wrk: `load.rs`), `cargo xtask bench batch [--rows N]
//! [--runs N] [--place CODE]` (the console's batch screening in Chromium).
//! The browser ones build the app and the release server first and install
//! `bench/`'s npm packages (Lighthouse, Playwright core) if they are missing.

use crate::shell::{cargo, command, root, run_command};

pub fn run(args: &[String]) -> Result<(), String> {
    let script = match args.first().map(String::as_str) {
        Some("lighthouse") => "bench/lighthouse.mjs",
        Some("latency") => "bench/latency.mjs",
        Some("offline") => "bench/offline.mjs",
        Some("batch") => "bench/batch.mjs",
        Some("load") => return crate::load::run(&args[1..]),
        _ => {
            return Err(
                "usage: cargo xtask bench <lighthouse | latency | offline | load | batch> [options]"
                    .to_owned(),
            );
        }
    };
    crate::setup::all()?;
    crate::dist::build_app()?;
    cargo(&["build", "--release", "--package", "server"])?;
    if script == "bench/batch.mjs" {
        // The roster generator for the 100,000-row file.
        cargo(&[
            "build",
            "--release",
            "--package",
            "roster",
            "--example",
            "gen_roster",
        ])?;
    }
    if !root().join("bench/node_modules").is_dir() {
        run_command(
            command("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(root().join("bench")),
        )?;
    }
    run_command(
        command("node")
            .arg(script)
            .args(&args[1..])
            .env("CHROME_PATH", "/usr/bin/chromium"),
    )
}
