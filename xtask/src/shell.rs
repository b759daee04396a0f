//! Running commands, loudly: each command is echoed before it runs and a
//! failure names it.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the root")
        .to_owned()
}

/// A command run from the root, with the tools this project installs first
/// on PATH: cargo-installed binaries and the npm packages of `tests/`.
pub fn command(program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root()).env("PATH", tool_path());
    command
}

fn tool_path() -> std::ffi::OsString {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    let mut dirs = vec![
        root().join("tests/node_modules/.bin"),
        cargo_home.join("bin"),
    ];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

pub fn cargo(args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    run_command(command(&cargo).args(args))
}

pub fn run_command(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}").replace('"', "");
    eprintln!("$ {shown}");
    let status = command
        .status()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// The stdout of a command, if it ran and succeeded.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = command(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A timed step of a longer task.
pub struct Step {
    name: &'static str,
    started: Instant,
}

impl Step {
    pub fn start(name: &'static str) -> Step {
        eprintln!("\n==> {name}");
        Step {
            name,
            started: Instant::now(),
        }
    }

    pub fn finish(self, ok: bool) -> String {
        format!(
            "{:<32} {:>7.1}s  {}",
            self.name,
            self.started.elapsed().as_secs_f64(),
            if ok { "ok" } else { "FAILED" }
        )
    }
}
