//! `cargo xtask bench load`: submissions and tracking look-ups per second
//! and their latency, with wrk (Debian) against the release server, on
//! SQLite and on a throwaway PostgreSQL (BENCHMARKS.md).
//!
//! Options: `--backend sqlite|postgres|both` (default both), `--seconds N`
//! (default 20), `--connections N` (default 32).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use crate::shell::{cargo, command, output, root, run_command};

struct Options {
    backends: Vec<&'static str>,
    seconds: u32,
    connections: u32,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        backends: vec!["sqlite", "postgres"],
        seconds: 20,
        connections: 32,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--backend" => {
                o.backends = match value.as_str() {
                    "sqlite" => vec!["sqlite"],
                    "postgres" => vec!["postgres"],
                    "both" => vec!["sqlite", "postgres"],
                    _ => return Err("--backend is sqlite, postgres or both".to_owned()),
                }
            }
            "--seconds" => o.seconds = value.parse().map_err(|_| "--seconds: a number")?,
            "--connections" => {
                o.connections = value.parse().map_err(|_| "--connections: a number")?
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(o)
}

/// A made-up 身份证 number (region 440114, 1956-03-14, sequence 027) with
/// its GB 11643 check character: nobody's.
fn bench_resident_id() -> String {
    let first17 = "44011419560314027";
    let check = api_boundary::ids::resident_id_check_char(first17.as_bytes()).expect("17 digits");
    format!("{first17}{check}")
}

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server(data: &std::path::Path, database_url: Option<&str>) -> Result<Server, String> {
    let dist = data.join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>bench</title>",
    )
    .map_err(|e| e.to_string())?;
    let mut server = Command::new(root().join("target/release/jiuzhu-server"));
    server
        .args(["--port", "0", "--dist"])
        .arg(&dist)
        .arg("--data-dir")
        .arg(data.join("data"))
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped());
    if let Some(url) = database_url {
        server.args(["--database-url", url]);
    }
    let mut child = server
        .spawn()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    // Log lines (warnings) may come first: read up to the address.
    let mut out = BufReader::new(child.stdout.take().ok_or("no stdout")?);
    let mut line = String::new();
    let addr = loop {
        line.clear();
        let read = out.read_line(&mut line).map_err(|e| e.to_string())?;
        if read == 0 {
            return Err("the server stopped before it was listening".to_owned());
        }
        if let Some((_, addr)) = line.trim().split_once("listening on http://") {
            break addr.to_owned();
        }
    };
    Ok(Server { child, addr })
}

/// File one application; its tracking code.
fn file_one(addr: &str, id: &str) -> Result<String, String> {
    let body = format!(
        r#"{{"idempotency_key":"bench-track-000000001","jurisdiction":"440114","programs":["dibao"],
        "household":{{}},"applicant":{{"name":"压测","resident_id":"{id}","mobile":"13912345678",
        "address":"压测地址"}},"consent":{{"agreed":true,"name":"压测","text_version":"bench"}}}}"#
    );
    let mut stream = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    write!(
        stream,
        "POST /api/applications HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(|e| e.to_string())?;
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .map_err(|e| e.to_string())?;
    response
        .split(r#""tracking_code":""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned)
        .ok_or_else(|| format!("filing failed: {response}"))
}

/// What wrk measured.
struct Figures {
    per_second: String,
    p50: String,
    p99: String,
    errors: String,
}

fn wrk(
    addr: &str,
    script: &str,
    o: &Options,
    env: &[(&str, &str)],
    path: &str,
) -> Result<Figures, String> {
    let mut c = command("wrk");
    c.args(["-t", "2", "-c", &o.connections.to_string()])
        .args(["-d", &format!("{}s", o.seconds), "--latency", "-s"])
        .arg(root().join(script))
        .arg(format!("http://{addr}{path}"))
        .envs(env.iter().copied());
    eprintln!("$ {c:?}");
    let out = c.output().map_err(|e| format!("cannot run wrk: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    eprintln!("{text}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("wrk failed: {stderr}"));
    }
    let field = |prefix: &str| {
        text.lines()
            .map(str::trim)
            .find_map(|l| l.strip_prefix(prefix))
            .map(|v| v.split_whitespace().next().unwrap_or_default().to_owned())
    };
    let unexpected = stderr
        .lines()
        .filter(|l| l.starts_with("unexpected status"))
        .count();
    let non2xx = field("Non-2xx or 3xx responses:").unwrap_or_else(|| "0".to_owned());
    let socket = text
        .lines()
        .find(|l| l.contains("Socket errors"))
        .map(|l| l.trim().to_owned());
    Ok(Figures {
        per_second: field("Requests/sec:").ok_or("wrk printed no Requests/sec")?,
        p50: field("50%").unwrap_or_default(),
        p99: field("99%").unwrap_or_default(),
        errors: format!(
            "non-2xx {non2xx}, unexpected {unexpected}{}",
            socket.map(|s| format!(", {s}")).unwrap_or_default()
        ),
    })
}

pub fn run(args: &[String]) -> Result<(), String> {
    let o = options(args)?;
    if output("which", &["wrk"]).is_none() {
        run_command(
            command("apt-get")
                .args(["install", "-y", "-q", "wrk"])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
    }
    cargo(&["build", "--release", "--package", "server"])?;
    let id = bench_resident_id();
    let mut rows = Vec::new();
    for backend in &o.backends {
        let dir = root().join(format!("target/bench-load-{backend}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let pg = if *backend == "postgres" {
            Some(crate::postgres::start()?)
        } else {
            None
        };
        let server = start_server(&dir, pg.as_ref().map(|p| p.url.as_str()))?;
        let submit = wrk(
            &server.addr,
            "bench/submit.lua",
            &o,
            &[("JIUZHU_BENCH_ID", &id)],
            "/api/applications",
        )?;
        let code = file_one(&server.addr, &id)?;
        let track = wrk(
            &server.addr,
            "bench/track.lua",
            &o,
            &[("JIUZHU_BENCH_CODE", &code)],
            &format!("/api/applications/{code}"),
        )?;
        rows.push((*backend, "submissions", submit));
        rows.push((*backend, "track look-ups", track));
        drop(server);
        drop(pg);
        let _ = std::fs::remove_dir_all(&dir);
    }
    println!(
        "\n{:<9} {:<15} {:>10} {:>10} {:>10}  errors   (wrk, {} connections, {} s, 2 threads)",
        "backend", "what", "per s", "p50", "p99", o.connections, o.seconds
    );
    for (backend, what, f) in rows {
        println!(
            "{backend:<9} {what:<15} {:>10} {:>10} {:>10}  {}",
            f.per_second, f.p50, f.p99, f.errors
        );
    }
    Ok(())
}
