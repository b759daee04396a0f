//! A throwaway PostgreSQL server for the test run: a fresh cluster under
//! `target/pg-test` on a free port, trust authentication on 127.0.0.1 only,
//! stopped and deleted when the run ends. `JIUZHU_TEST_POSTGRES` (a URL)
//! uses an existing server instead.

use std::net::TcpListener;
use std::path::{Path, PathBuf};

use crate::shell::{command, output, root, run_command};

/// The environment variable the server's tests read.
pub const URL_ENV: &str = "JIUZHU_TEST_POSTGRES";

/// Debian's PostgreSQL server binaries, newest version first.
pub fn bin_dir() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| Some(e.ok()?.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    dirs.sort_by_key(|d| {
        d.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    });
    dirs.pop()
}

pub struct TestPostgres {
    pub url: String,
    /// Set when this run started the server (and must stop it).
    cluster: Option<(PathBuf, PathBuf)>,
}

/// PostgreSQL refuses to run as root: as root, run its tools as `postgres`.
fn as_server_user(program: &Path) -> std::process::Command {
    let is_root = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    if is_root {
        let mut c = command("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        command(program.to_str().unwrap_or_default())
    }
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

pub fn start() -> Result<TestPostgres, String> {
    if let Ok(url) = std::env::var(URL_ENV)
        && !url.is_empty()
    {
        return Ok(TestPostgres { url, cluster: None });
    }
    let bin = bin_dir().ok_or("PostgreSQL server binaries are missing: run `cargo xtask setup`")?;
    let dir = root().join("target/pg-test");
    if dir.exists() {
        // A cluster left by an interrupted run: stop it if it runs, then start afresh.
        let _ = as_server_user(&bin.join("pg_ctl"))
            .args(["-D"])
            .arg(dir.join("data"))
            .args(["-m", "immediate", "stop"])
            .output();
        std::fs::remove_dir_all(&dir)
            .map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    if output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0") {
        run_command(command("chown").arg("postgres").arg(&dir))?;
    }
    let data = dir.join("data");
    run_command(
        as_server_user(&bin.join("initdb"))
            .arg("-D")
            .arg(&data)
            .args([
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "--no-locale",
                "-E",
                "UTF8",
            ]),
    )?;
    let port = free_port()?;
    let options = format!(
        "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200",
        dir.display()
    );
    run_command(
        as_server_user(&bin.join("pg_ctl"))
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(dir.join("server.log"))
            .args(["-o", &options, "-w", "start"]),
    )?;
    Ok(TestPostgres {
        url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
        cluster: Some((bin, dir)),
    })
}

impl Drop for TestPostgres {
    fn drop(&mut self) {
        if let Some((bin, dir)) = self.cluster.take() {
            let _ = as_server_user(&bin.join("pg_ctl"))
                .arg("-D")
                .arg(dir.join("data"))
                .args(["-m", "fast", "-w", "stop"])
                .output();
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}
