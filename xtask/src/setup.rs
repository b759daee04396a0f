//! Install what the build and the tests need, skipping what is present.
//! Versions are pinned here and in DEVELOPERS.md; Trunk runs offline, so a tool
//! missing here is a loud error there, never a download.

use crate::shell::{cargo, command, output, root, run_command};

pub const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Chromium and its driver for the browser tests, a CJK font (without it
/// Chinese renders as boxes), and PostgreSQL for the server's tests on it.
const APT_PACKAGES: [&str; 5] = [
    "chromium",
    "chromium-driver",
    "fonts-wqy-microhei",
    "postgresql",
    // The console's end-to-end test moves a stored deadline into the past.
    "sqlite3",
];

pub fn all() -> Result<(), String> {
    wasm_target()?;
    trunk()?;
    wasm_bindgen()?;
    apt_packages()?;
    npm_packages()?;
    Ok(())
}

fn wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    run_command(command("rustup").args(["target", "add", WASM_TARGET]))
}

fn trunk() -> Result<(), String> {
    let version = output("trunk", &["--version"]).unwrap_or_default();
    if version.split_whitespace().any(|w| w == TRUNK_VERSION) {
        return Ok(());
    }
    eprintln!("installing Trunk {TRUNK_VERSION} from crates.io (about 9 minutes on 2 cores)");
    cargo(&["install", "trunk", "--version", TRUNK_VERSION, "--locked"])
}

/// wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in
/// Cargo.lock, or the generated JS does not match the WASM.
fn wasm_bindgen() -> Result<(), String> {
    let wanted = locked_version("wasm-bindgen")?;
    let version = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if version.split_whitespace().any(|w| w == wanted) {
        return Ok(());
    }
    eprintln!("installing wasm-bindgen-cli {wanted} (about 2 minutes)");
    // Not --locked: its lockfile names a crate version the registry no longer has.
    cargo(&["install", "wasm-bindgen-cli", "--version", &wanted])
}

pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[start..start + end].to_owned())
}

fn apt_packages() -> Result<(), String> {
    let missing: Vec<&str> = APT_PACKAGES
        .into_iter()
        .filter(|p| {
            !output("dpkg-query", &["-W", "-f=${Status}", p])
                .is_some_and(|s| s.contains("install ok installed"))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("installing {} from Debian", missing.join(" "));
    run_command(command("apt-get").arg("update").arg("-q"))?;
    run_command(
        command("apt-get")
            .args(["install", "-y", "-q"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// The end-to-end tests' packages (Playwright's core, axe-core), exactly as
/// locked in tests/package-lock.json.
fn npm_packages() -> Result<(), String> {
    let tests = root().join("tests");
    let lock = tests.join("package-lock.json");
    let installed = tests.join("node_modules/.package-lock.json");
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if let (Some(lock), Some(installed)) = (modified(&lock), modified(&installed))
        && installed >= lock
    {
        return Ok(());
    }
    run_command(
        command("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&tests),
    )
}
