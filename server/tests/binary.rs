//! The real `jiuzhu-server` binary: configuration errors are clear, it serves
//! on the address it prints, and SIGTERM stops it cleanly.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_jiuzhu-server");

fn fake_dist(dir: &std::path::Path) -> std::path::PathBuf {
    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>t</title>").unwrap();
    dist
}

fn fails_with(args: &[&str], env: &[(&str, &str)], expected: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let dist = fake_dist(dir.path());
    let out = Command::new(BIN)
        .args(["--dist", dist.to_str().unwrap(), "--data-dir"])
        .arg(dir.path().join("data"))
        .args(args)
        .envs(env.iter().copied())
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(!out.status.success(), "expected failure for {args:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for needle in expected {
        assert!(stderr.contains(needle), "{needle:?} not in: {stderr}");
    }
}

#[test]
fn bad_settings_are_named() {
    fails_with(&["--port", "eighty"], &[], &["--port"]);
    fails_with(&["--port", "70000"], &[], &["--port"]);
    fails_with(&["--bind", "localhost:1"], &[], &["--bind"]);
    fails_with(
        &["--database-url", "mysql://x"],
        &[],
        &["--database-url", "sqlite:"],
    );
    fails_with(&[], &[("PORT", "x")], &["--port"]);
}

#[test]
fn a_missing_build_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["--port", "0", "--dist"])
        .arg(dir.path().join("nowhere"))
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("index.html"));
}

#[test]
fn serves_then_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let dist = fake_dist(dir.path());
    let data = dir.path().join("data");
    let mut child = Command::new(BIN)
        .args([
            "--port",
            "0",
            "--dist",
            dist.to_str().unwrap(),
            "--data-dir",
        ])
        .arg(&data)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .rsplit("http://")
        .next()
        .expect("the server prints its address")
        .to_owned();

    let mut stream = TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "GET /api/health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("\"database\":\"ok\""), "{response}");
    assert!(data.join("jiuzhu.sqlite").exists());

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "clean exit after SIGTERM, got {status}");
}
