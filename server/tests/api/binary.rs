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

/// Storage flags for a server or `users` command on this test's backend:
/// the data directory, plus a fresh PostgreSQL database when the tests run
/// on PostgreSQL.
async fn storage_args(data: &std::path::Path) -> Vec<String> {
    let mut args = vec!["--data-dir".to_owned(), data.display().to_string()];
    if let Ok(base) = std::env::var(crate::helpers::POSTGRES_ENV)
        && !base.is_empty()
    {
        let pool = crate::helpers::fresh_database(data).await;
        // The helper connected once (and migrated); the server reconnects.
        let url: String = sqlx::query_scalar("SELECT CAST(current_database() AS TEXT)")
            .fetch_one(&pool)
            .await
            .map(|name: String| {
                let (prefix, _) = base.rsplit_once('/').unwrap();
                format!("{prefix}/{name}")
            })
            .unwrap();
        pool.close().await;
        args.extend(["--database-url".to_owned(), url]);
    }
    args
}

fn users(storage: &[String], args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(BIN)
        .args(storage)
        .arg("users")
        .args(args)
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Start the server on `port` (0: any); returns the child and its address.
fn start_server(
    storage: &[String],
    dist: &std::path::Path,
    port: u16,
) -> (std::process::Child, String) {
    let mut child = Command::new(BIN)
        .args([
            "--port",
            &port.to_string(),
            "--dist",
            dist.to_str().unwrap(),
        ])
        .args(storage)
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
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| panic!("the server did not start: {line:?}"))
        .to_owned();
    (child, addr)
}

#[tokio::test]
async fn accounts_are_made_by_the_cli_and_sign_in_over_http() {
    let dir = tempfile::tempdir().unwrap();
    let dist = fake_dist(dir.path());
    let storage = storage_args(&dir.path().join("data")).await;
    let add = |name: &str, extra: &[&str], password: &str| {
        let mut args = vec![
            "add",
            name,
            "--name",
            "王社工",
            "--office",
            "新华街道社会救助服务站",
        ];
        args.extend_from_slice(extra);
        users(&storage, &args, &format!("{password}\n"))
    };
    let (ok, out, _) = users(&storage, &["list"], "");
    assert!(ok && out.contains("no accounts yet"), "{out}");
    let (ok, _, err) = add(
        "wang",
        &["--role", "township", "--jurisdiction", "440114"],
        "short",
    );
    assert!(!ok && err.contains("at least 12"), "{err}");
    let (ok, _, err) = add(
        "wang",
        &["--role", "boss", "--jurisdiction", "440114"],
        "long enough password",
    );
    assert!(!ok && err.contains("unknown role"), "{err}");
    let (ok, _, err) = add(
        "wang",
        &["--role", "township", "--jurisdiction", "999999"],
        "long enough password",
    );
    assert!(!ok && err.contains("unknown jurisdiction"), "{err}");
    let (ok, _, err) = add(
        "Wang Wu",
        &["--role", "township", "--jurisdiction", "440114"],
        "long enough password",
    );
    assert!(!ok && err.contains("username"), "{err}");
    let (ok, out, err) = add(
        "wang",
        &[
            "--role",
            "township",
            "--jurisdiction",
            "440114",
            "--jurisdiction",
            "441521",
        ],
        "long enough password",
    );
    assert!(ok, "{err}");
    assert!(out.contains("created wang"), "{out}");
    let (ok, _, err) = add(
        "wang",
        &["--role", "county", "--jurisdiction", "440114"],
        "long enough password",
    );
    assert!(!ok && err.contains("exists already"), "{err}");
    let (ok, out, _) = users(&storage, &["list"], "");
    assert!(ok);
    assert!(
        out.contains("wang\ttownship\tactive\t440114,441521\t王社工"),
        "{out}"
    );
    assert!(
        !out.contains("argon2") && !out.contains("long enough"),
        "{out}"
    );

    let (mut server, addr) = start_server(&storage, &dist, 0);
    let sign_in = |password: &str| {
        let body = format!(r#"{{"username":"wang","password":"{password}"}}"#);
        http(
            &addr,
            &format!(
                "POST /api/console/session HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            ),
        )
    };
    let response = sign_in("long enough password");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("set-cookie: jz_session="), "{response}");
    assert!(sign_in("wrong password!!").starts_with("HTTP/1.1 401"));
    // A new password from the CLI replaces the old one.
    let (ok, out, err) = users(&storage, &["passwd", "wang"], "another long password\n");
    assert!(ok, "{err}");
    assert!(out.contains("sessions ended"), "{out}");
    assert!(sign_in("long enough password").starts_with("HTTP/1.1 401"));
    assert!(sign_in("another long password").starts_with("HTTP/1.1 200"));
    let (ok, _, _) = users(&storage, &["disable", "wang"], "");
    assert!(ok);
    assert!(sign_in("another long password").starts_with("HTTP/1.1 401"));
    server.kill().unwrap();
    server.wait().unwrap();
}

/// An application body with its own idempotency key and 身份证 number.
fn application_body(i: usize) -> String {
    let first17 = format!("440114198001{:02}{:03}", i % 28 + 1, i % 1000);
    let id = format!(
        "{first17}{}",
        server::domain::resident_id_check_char(first17.as_bytes()).unwrap()
    );
    format!(
        r#"{{"idempotency_key":"durability-key-{i:06}","jurisdiction":"440114","programs":["dibao"],
        "household":{{"members":[{{"relation":"applicant","age":45}}]}},
        "applicant":{{"name":"测试{i}","resident_id":"{id}","mobile":"1370000{:04}","address":"测试地址"}},
        "consent":{{"agreed":true,"name":"测试{i}","text_version":"v1"}}}}"#,
        i % 10_000
    )
}

/// One submission attempt; the tracking code if the server answered 200/201.
fn submit_once(addr: &str, body: &str) -> Option<String> {
    let mut stream = TcpStream::connect(addr).ok()?;
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .ok()?;
    write!(
        stream,
        "POST /api/applications HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    if !(response.starts_with("HTTP/1.1 201") || response.starts_with("HTTP/1.1 200")) {
        assert!(
            !response.starts_with("HTTP/1.1 4"),
            "a retry must never be refused: {response}"
        );
        return None;
    }
    response
        .split(r#""tracking_code":""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned)
}

/// 掌上办's promise under crashes: applications are submitted in a loop (a
/// phone retrying with the same key until it gets an answer) while the
/// server is killed with SIGKILL and restarted five times; afterwards every
/// tracking code the client received is in the database exactly once, with
/// its own key, and no key made two cases.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_applications_survive_sigkill() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    const TOTAL: usize = 120;
    const KILLS: usize = 5;
    let dir = tempfile::tempdir().unwrap();
    let dist = fake_dist(dir.path());
    let data = dir.path().join("data");
    let storage = storage_args(&data).await;
    let (child, addr) = start_server(&storage, &dist, 0);
    let port: u16 = addr.rsplit(':').next().unwrap().parse().unwrap();
    let server = Arc::new(Mutex::new(child));
    // How many answers the client has had: the kills are spread over the
    // client's work by its progress, not by the clock, so a fast machine
    // cannot finish the work before the last kill.
    let answered = Arc::new(AtomicUsize::new(0));

    let killer = {
        let (server, answered, storage, dist) = (
            server.clone(),
            answered.clone(),
            storage.clone(),
            dist.clone(),
        );
        std::thread::spawn(move || {
            let mut kills = 0;
            let started = Instant::now();
            while kills < KILLS && started.elapsed() < Duration::from_secs(60) {
                if answered.load(Ordering::SeqCst) < (kills + 1) * TOTAL / (KILLS + 1) {
                    std::thread::sleep(Duration::from_millis(2));
                    continue;
                }
                // Not always right after an answer: sometimes mid-request.
                std::thread::sleep(Duration::from_millis(3 * kills as u64));
                let mut child = server.lock().unwrap();
                child.kill().unwrap(); // SIGKILL
                child.wait().unwrap();
                kills += 1;
                // Down for a moment: the client keeps retrying meanwhile.
                std::thread::sleep(Duration::from_millis(100));
                let (next, _) = start_server(&storage, &dist, port);
                *child = next;
            }
            kills
        })
    };

    let client = {
        let (addr, answered) = (addr.clone(), answered.clone());
        std::thread::spawn(move || {
            let mut received = Vec::new();
            let mut failed_attempts = 0;
            for i in 0..TOTAL {
                let body = application_body(i);
                let started = Instant::now();
                loop {
                    if let Some(code) = submit_once(&addr, &body) {
                        received.push((format!("durability-key-{i:06}"), code));
                        answered.fetch_add(1, Ordering::SeqCst);
                        break;
                    }
                    failed_attempts += 1;
                    assert!(
                        started.elapsed() < Duration::from_secs(60),
                        "no answer for {i}"
                    );
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
            (received, failed_attempts)
        })
    };
    let (received, failed_attempts) = client.join().unwrap();
    assert!(
        failed_attempts >= KILLS,
        "the client met the server down ({failed_attempts} failed attempts)"
    );
    let kills = killer.join().unwrap();
    assert_eq!(
        kills, KILLS,
        "the server was killed while the client worked"
    );
    {
        let mut child = server.lock().unwrap();
        child.kill().unwrap();
        child.wait().unwrap();
    }

    // Read back what is stored, with the server stopped.
    let url = match storage.iter().position(|a| a == "--database-url") {
        Some(i) => server::config::DatabaseUrl::Postgres(storage[i + 1].clone()),
        None => server::config::DatabaseUrl::DefaultSqlite,
    };
    let db = server::db::connect(&url, &data).await.unwrap();
    let stored: Vec<(String, String)> =
        sqlx::query_as("SELECT idempotency_key, tracking_code FROM applications")
            .fetch_all(&db)
            .await
            .unwrap();
    assert_eq!(received.len(), TOTAL);
    assert_eq!(
        stored.len(),
        TOTAL,
        "one case per key, none lost, none doubled"
    );
    for (key, code) in &received {
        let matches: Vec<&(String, String)> = stored.iter().filter(|(_, c)| c == code).collect();
        assert_eq!(matches.len(), 1, "{code} stored once");
        assert_eq!(&matches[0].0, key, "{code} belongs to {key}");
    }
    let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM application_events")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(
        events, TOTAL as i64,
        "each case has exactly its submission event"
    );
}
