//! The real `jiuzhu-server` binary: configuration errors are clear, it serves
//! on the address it prints, and SIGTERM stops it cleanly.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_jiuzhu-server");

use crate::helpers::fake_dist;

fn fails_with(args: &[&str], env: &[(&str, &str)], expected: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let dist = fake_dist(dir.path());
    let out = Command::new(BIN)
        .args(["--dist", dist.to_str().unwrap(), "--data-dir"])
        .arg(dir.path().join("data"))
        .args(args)
        .env_remove("DATABASE_URL")
        .env_remove("JIUZHU_DATA_KEY")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(!out.status.success(), "expected failure for {args:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for needle in expected {
        assert!(stderr.contains(needle), "{needle:?} not in: {stderr}");
    }
}

/// One HTTP/1.1 exchange; the whole response as text.
fn http(addr: &str, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
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
    fails_with(
        &["--trusted-proxy", "proxy.local"],
        &[],
        &["--trusted-proxy"],
    );
    fails_with(
        &["--port", "0"],
        &[("JIUZHU_DATA_KEY", "c2hvcnQ=")],
        &["JIUZHU_DATA_KEY", "32 bytes"],
    );
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
        .env_remove("JIUZHU_DATA_KEY")
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

    // The data key was created, private to the server's user.
    let key = data.join("data.key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(std::fs::read_to_string(&key).unwrap().trim().len(), 44);

    // File and track through the real socket (client address from the peer).
    let first17 = "44011419700101321";
    let id = format!(
        "{first17}{}",
        server::domain::resident_id_check_char(first17.as_bytes()).unwrap()
    );
    let body = format!(
        r#"{{"idempotency_key":"binary-test-key-0001","jurisdiction":"440114","programs":["dibao"],
        "household":{{}},"applicant":{{"name":"测试","resident_id":"{id}","mobile":"13700001234",
        "address":"测试地址"}},"consent":{{"agreed":true,"name":"测试","text_version":"v1"}}}}"#
    );
    let response = http(
        &addr,
        &format!(
            "POST /api/applications HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(response.starts_with("HTTP/1.1 201"), "{response}");
    let code = response
        .split(r#""tracking_code":""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let response = http(
        &addr,
        &format!(
            "GET /api/applications/{code} HTTP/1.1\r\nHost: {addr}\r\nX-Phone-Last4: 1234\r\n\
             Connection: close\r\n\r\n"
        ),
    );
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains(r#""status":"submitted""#), "{response}");

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "clean exit after SIGTERM, got {status}");
}

#[test]
fn a_key_from_the_environment_creates_no_key_file() {
    let dir = tempfile::tempdir().unwrap();
    let dist = fake_dist(dir.path());
    let data = dir.path().join("data");
    // base64 of 32 bytes of 0x01 (a test key).
    let key = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
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
        .env("JIUZHU_DATA_KEY", key)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.contains("http://"), "{line}");
    assert!(data.join("jiuzhu.sqlite").exists());
    assert!(!data.join("data.key").exists());
    child.kill().unwrap();
    child.wait().unwrap();
}
