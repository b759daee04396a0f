//! Building the app and the worker console with Trunk, precompressing them
//! for the server, measuring the app's size, and running the browser tests
//! against them.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::shell::{command, root, run_command};

/// Files the server may send compressed; their `.br` and `.gz` siblings are
/// written next to them.
const COMPRESSIBLE: [&str; 7] = ["html", "js", "wasm", "css", "svg", "webmanifest", "json"];

/// Where the console's build goes inside `dist/` (the server serves it at
/// `/console/`).
pub const CONSOLE_DIR: &str = "console";

/// The resident app into `dist/`, then the worker console into
/// `dist/console/` (in that order: Trunk empties its dist directory first,
/// so the app's build would delete the console's), then precompress both.
pub fn build_app() -> Result<(), String> {
    run_command(
        command("trunk")
            .args(["build", "--release"])
            .env("TRUNK_SKIP_VERSION_CHECK", "true"),
    )?;
    let console_dist = format!("dist/{CONSOLE_DIR}");
    run_command(
        command("trunk")
            // The target first: `--release` takes an optional value and
            // would swallow it.
            .args([
                "build",
                "console/index.html",
                "--release",
                "--dist",
                &console_dist,
                "--public-url",
                "/console/",
            ])
            .env("TRUNK_SKIP_VERSION_CHECK", "true"),
    )?;
    precompress(&root().join("dist"))
}

fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            out.extend(files(&path)?);
        } else {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

fn extension(path: &Path) -> &str {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("in-memory compression");
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("in-memory compression");
    encoder.finish().expect("in-memory compression")
}

fn precompress(dist: &Path) -> Result<(), String> {
    for path in files(dist)? {
        if !COMPRESSIBLE.contains(&extension(&path)) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        for (suffix, packed) in [("br", brotli(&bytes)), ("gz", gzip(&bytes))] {
            let mut target = path.clone().into_os_string();
            target.push(".");
            target.push(suffix);
            std::fs::write(&target, packed).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// What a first visit downloads: index.html, the JS loader, the WASM and the
/// CSS, raw and brotli. Returns the brotli total in bytes. The worker
/// console (`dist/console/`) is not part of a resident's visit.
pub fn report_size() -> Result<u64, String> {
    let dist = root().join("dist");
    let mut rows = Vec::new();
    for path in files(&dist)? {
        if path.starts_with(dist.join(CONSOLE_DIR)) {
            continue;
        }
        if !matches!(extension(&path), "html" | "js" | "wasm" | "css") {
            continue;
        }
        let raw = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
        let mut br_path = path.clone().into_os_string();
        br_path.push(".br");
        let br = std::fs::metadata(&br_path)
            .map_err(|_| format!("{} has no .br: run `cargo xtask build`", path.display()))?
            .len();
        let name = path
            .strip_prefix(&dist)
            .unwrap_or(&path)
            .display()
            .to_string();
        rows.push((name, raw, br));
    }
    if rows.is_empty() {
        return Err("dist/ is empty: run `cargo xtask build` first".to_owned());
    }
    println!("{:<44} {:>10} {:>10}", "file", "raw B", "brotli B");
    for (name, raw, br) in &rows {
        println!("{name:<44} {raw:>10} {br:>10}");
    }
    let raw: u64 = rows.iter().map(|r| r.1).sum();
    let br: u64 = rows.iter().map(|r| r.2).sum();
    println!("{:<44} {raw:>10} {br:>10}", "total");
    println!(
        "total: {:.1} KB raw, {:.1} KB brotli (budget 200 KB brotli)",
        raw as f64 / 1000.0,
        br as f64 / 1000.0
    );
    Ok(br)
}

/// The app's and the console's `#[wasm_bindgen_test]` tests, run in
/// headless Chromium.
pub fn wasm_unit_tests() -> Result<(), String> {
    run_command(
        command("cargo")
            .args([
                "test",
                "--package",
                "app",
                "--package",
                "console",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )
}

/// The end-to-end tests: the real server binary serving `dist/`, driven by
/// Playwright in headless Chromium.
pub fn e2e_tests() -> Result<(), String> {
    let artifacts = root().join("tests/artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
    let mut node = command("node");
    node.arg("--test")
        .arg("--test-concurrency=1")
        .arg("tests/e2e/")
        .env(
            "JIUZHU_SERVER_BIN",
            root().join("target/debug/jiuzhu-server"),
        )
        .env("JIUZHU_DIST", root().join("dist"))
        .env("JIUZHU_SCREEN_BIN", root().join("target/debug/screen"))
        .env("JIUZHU_ARTIFACTS", &artifacts);
    run_command(&mut node)
}
