//! Building the app and the worker console with Trunk, precompressing them
//! for the server, measuring the app's size, and running the browser tests
//! against them.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::shell::{command, root, run_command};

/// Files the server may send compressed; their `.br` and `.gz` siblings are
/// written next to them.
const COMPRESSIBLE: [&str; 8] = [
    "html",
    "js",
    "wasm",
    "css",
    "svg",
    "webmanifest",
    "json",
    "ftl",
];

/// Where the console's build goes inside `dist/` (the server serves it at
/// `/console/`).
pub const CONSOLE_DIR: &str = "console";

/// The resident app into `dist/`, then the worker console into
/// `dist/console/` (in that order: Trunk empties its dist directory first,
/// so the app's build would delete the console's), then the landing bundle
/// (`crate::landing`), the packs and guides, the first paint and the service worker;
/// then precompress everything.
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
    let dist = root().join("dist");
    let guide = crate::landing::build(&dist)?;
    crate::first_paint::write_packs(&dist)?;
    crate::first_paint::write_guides(&dist)?;
    let languages = crate::first_paint::Messages::load_all()?;
    crate::first_paint::write_first_paint(&dist, &languages)?;
    crate::guide_paint::write(
        &dist,
        &guide.painted_page,
        rules_core::Date::today_utc(),
        &languages,
    )?;
    strip_ftl_comments(&dist)?;
    crate::guide_messages::write(&dist, &guide.wasm)?;
    crate::offline::write_service_worker(&dist, &files(&dist)?)?;
    precompress(&dist)
}

/// Drops the comment lines of every Fluent file in `dist` (the translators'
/// notes; a browser has no use for them): 130–250 B brotli less on each
/// file a first visit in zh-TW or en fetches.
fn strip_ftl_comments(dist: &Path) -> Result<(), String> {
    for file in files(dist)? {
        if extension(&file) == "ftl" {
            let text =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            std::fs::write(&file, without_comments(&text))
                .map_err(|e| format!("{}: {e}", file.display()))?;
        }
    }
    Ok(())
}

/// `text` without its comment lines. In Fluent a comment starts with `#` at
/// the start of a line; a message's text never does (its continuation lines
/// are indented), so nothing else is dropped.
pub fn without_comments(text: &str) -> String {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(|line| [line, "\n"])
        .collect()
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

/// A file of `dist/` with its raw and brotli sizes.
#[derive(Clone)]
struct Sized {
    part: &'static str,
    name: String,
    raw: u64,
    br: u64,
}

fn sized(dist: &Path, part: &'static str, name: &str) -> Result<Sized, String> {
    let path = dist.join(name.trim_start_matches('/'));
    let raw = std::fs::metadata(&path)
        .map_err(|e| format!("{}: {e} (run `cargo xtask build`)", path.display()))?
        .len();
    let mut br_path = path.clone().into_os_string();
    br_path.push(".br");
    // Files the server does not compress (PNG) travel as they are.
    let br = std::fs::metadata(&br_path).map_or(raw, |m| m.len());
    Ok(Sized {
        part,
        name: name.trim_start_matches('/').to_owned(),
        raw,
        br,
    })
}

/// The values of `attr="…"` (or unquoted) in the page, in order.
fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!("{attr}=");
    html.match_indices(&needle)
        .filter(|(i, _)| {
            html[..*i]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace)
        })
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            match rest.chars().next()? {
                q @ ('"' | '\'') => rest[1..].split(q).next(),
                _ => rest.split(|c: char| c.is_whitespace() || c == '>').next(),
            }
        })
        .collect()
}

/// What the first visit to `/` downloads, from `dist/index.html`: the page,
/// the stylesheet, the icon and the manifest, and the landing bundle's JS
/// and WASM, which the page's loader fetches; for a language other than
/// zh-CN the page is that language's (`home-pages/<lang>.html`) and its UI
/// messages come too (fetched before the app mounts). Nothing else is fetched
/// on `/`: the rules engine's messages and a place's pack come when the check
/// or the policy guide opens (listed below the total, not counted).
pub fn report_size() -> Result<u64, String> {
    let dist = root().join("dist");
    let html = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|_| "dist/ is empty: run `cargo xtask build` first".to_owned())?;
    let mut first = vec![sized(&dist, "page (with the first paint)", "index.html")?];
    let mut seen = vec!["index.html".to_owned()];
    for value in attribute_values(&html, "href")
        .into_iter()
        .chain(attribute_values(&html, "src"))
    {
        let name = value.trim_start_matches('/');
        // Apple's touch icon is fetched only by iOS when a page is added
        // to the home screen; a link to a page is not a file.
        if !name.contains('.') || name == "icons/icon-192.png" || seen.iter().any(|s| s == name) {
            continue;
        }
        let part = match extension(Path::new(name)) {
            "css" => "stylesheet",
            "js" => "JS",
            "wasm" => "WASM",
            "svg" | "png" => "icon",
            "webmanifest" => "web app manifest",
            _ => "other",
        };
        seen.push(name.to_owned());
        first.push(sized(&dist, part, name)?);
    }
    // The landing bundle, which the page's loader fetches after the first
    // paint (not named in an attribute).
    first.extend(bundle_files(
        &dist,
        "landing-",
        "WASM (landing bundle, zh-CN UI text)",
    )?);
    if !first.iter().any(|f| f.name.ends_with(".wasm")) {
        return Err("dist/ has no landing-*.wasm: run `cargo xtask build`".to_owned());
    }
    println!(
        "{:<34} {:<44} {:>9} {:>9}",
        "part", "file", "raw B", "brotli B"
    );
    first.iter().for_each(row);
    let raw: u64 = first.iter().map(|f| f.raw).sum();
    let br: u64 = first.iter().map(|f| f.br).sum();
    println!(
        "{:<34} {:<44} {raw:>9} {br:>9}",
        "first visit, zh-CN", "total"
    );
    // In zh-TW and en the page is that language's (its first paint in it)
    // instead of `index.html`, and the UI messages come too.
    let index = &first[0];
    for lang in ["zh-TW", "en"] {
        let page = sized(
            &dist,
            "page (with the first paint)",
            &format!("{}/{lang}.html", api_boundary::site::HOME_PAGES_DIR),
        )?;
        let ftl = sized(&dist, "UI messages", &format!("i18n/{lang}/app.ftl"))?;
        row(&page);
        row(&ftl);
        println!(
            "{:<34} {:<44} {:>9} {:>9}",
            format!("first visit, {lang}"),
            "total",
            raw - index.raw + page.raw + ftl.raw,
            br - index.br + page.br + ftl.br
        );
    }
    println!("\nfetched later, when the check or the policy guide opens (not in the totals):");
    for lang in ["zh-CN", "zh-TW", "en"] {
        row(&sized(
            &dist,
            "rules messages (the check)",
            &format!("i18n/{lang}/rules.ftl"),
        )?);
        row(&sized(
            &dist,
            "parameter names (the check, the guide)",
            &format!("i18n/{lang}/params.ftl"),
        )?);
    }
    for file in files(&dist.join("packs"))? {
        if extension(&file) == "json" {
            let name = file
                .strip_prefix(&dist)
                .unwrap_or(&file)
                .display()
                .to_string();
            row(&sized(&dist, "a place's policy pack", &name)?);
        }
    }
    println!(
        "\nfirst visit: {:.1} KB raw, {:.1} KB brotli (budget 200 KB brotli)",
        raw as f64 / 1000.0,
        br as f64 / 1000.0
    );
    guide_first_visit(&dist, &first)?;
    Ok(br)
}

/// One line of the size report.
fn row(f: &Sized) {
    println!("{:<34} {:<44} {:>9} {:>9}", f.part, f.name, f.raw, f.br);
}

/// A bundle's JS and WASM in `dist/` (files named `<prefix><hash>…`), the
/// WASM labelled `wasm_part`.
fn bundle_files(dist: &Path, prefix: &str, wasm_part: &'static str) -> Result<Vec<Sized>, String> {
    let mut out = Vec::new();
    for file in files(dist)? {
        let name = file
            .strip_prefix(dist)
            .unwrap_or(&file)
            .display()
            .to_string();
        if name.starts_with(prefix) && (name.ends_with(".js") || name.ends_with(".wasm")) {
            let part = if name.ends_with(".js") {
                "JS loader (wasm-bindgen)"
            } else {
                wasm_part
            };
            out.push(sized(dist, part, &name)?);
        }
    }
    Ok(out)
}

/// A first visit to a policy guide link (`/programs/dibao?region=441521`):
/// the guide's page with the page's first paint in its language
/// (`crate::guide_paint`) and light bundle, the
/// stylesheet and icons the home page also loads (`shared`), the place's
/// guide file and the rules engine's messages (parameter names) in the
/// page's language; in zh-TW and en also that language's UI messages that
/// the guide shows (`guide.ftl`, `crate::guide_messages`).
fn guide_first_visit(dist: &Path, shared: &[Sized]) -> Result<(), String> {
    println!("\nfirst visit to the policy guide (/programs/dibao?region=441521):");
    let mut guide: Vec<Sized> = shared
        .iter()
        .filter(|f| !f.name.ends_with(".html") && !f.name.starts_with("landing-"))
        .cloned()
        .collect();
    guide.extend(bundle_files(
        dist,
        "guide-",
        "WASM (guide bundle, zh-CN UI text)",
    )?);
    guide.push(sized(dist, "the place's guide", "guides/441521.json")?);
    guide.iter().for_each(row);
    let raw: u64 = guide.iter().map(|f| f.raw).sum();
    let br: u64 = guide.iter().map(|f| f.br).sum();
    let mut largest = ("", 0);
    for lang in ["zh-CN", "zh-TW", "en"] {
        let mut extra = vec![sized(
            dist,
            "parameter names",
            &format!("i18n/{lang}/params.ftl"),
        )?];
        extra.push(sized(
            dist,
            "page (with the page's first paint)",
            &format!(
                "{}/441521/{lang}/dibao.html",
                api_boundary::site::GUIDE_PAGES_DIR
            ),
        )?);
        if lang != "zh-CN" {
            extra.push(sized(
                dist,
                "UI messages (the guide's)",
                &format!("i18n/{lang}/guide.ftl"),
            )?);
        }
        extra.iter().for_each(row);
        let (raw, br) = (
            raw + extra.iter().map(|f| f.raw).sum::<u64>(),
            br + extra.iter().map(|f| f.br).sum::<u64>(),
        );
        println!(
            "{:<34} {:<44} {raw:>9} {br:>9}",
            format!("guide's first visit, {lang}"),
            "total"
        );
        if br > largest.1 {
            largest = (lang, br);
        }
    }
    println!(
        "first visit to the guide, largest ({}): {:.1} KB brotli (budget 200 KB brotli)",
        largest.0,
        largest.1 as f64 / 1000.0
    );
    Ok(())
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
        .env(
            "JIUZHU_GEN_ROSTER_BIN",
            root().join("target/debug/examples/gen_roster"),
        )
        .env("JIUZHU_ARTIFACTS", &artifacts);
    run_command(&mut node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;

    /// Every message (and term) of a Fluent file, with its value and
    /// attributes as the parser reads them, comments aside.
    fn messages(text: &str) -> Vec<String> {
        let resource = fluent_syntax::parser::parse(text).expect("parses");
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                Entry::Message(m) => {
                    Some(format!("{} {:?} {:?}", m.id.name, m.value, m.attributes))
                }
                Entry::Term(t) => Some(format!("-{} {:?} {:?}", t.id.name, t.value, t.attributes)),
                Entry::Junk { content } => panic!("junk: {content}"),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn stripping_comments_keeps_every_message_of_every_shipped_file() {
        let mut checked = 0;
        for dir in ["app/i18n", "console/i18n"] {
            for file in files(&root().join(dir)).expect("message files") {
                if extension(&file) != "ftl" {
                    continue;
                }
                let text = std::fs::read_to_string(&file).expect("readable");
                let stripped = without_comments(&text);
                assert!(
                    stripped.len() < text.len(),
                    "{}: no comment dropped",
                    file.display()
                );
                assert!(!stripped.lines().any(|l| l.starts_with('#')));
                assert_eq!(messages(&stripped), messages(&text), "{}", file.display());
                checked += 1;
            }
        }
        // app.ftl, params.ftl and rules.ftl, console.ftl: in three languages.
        assert_eq!(checked, 12);
    }

    #[test]
    fn a_multiline_message_keeps_its_lines() {
        let text = "## Group\n# Note\nkey =\n    first line\n    # not a comment\n\nother = x\n";
        assert_eq!(
            without_comments(text),
            "key =\n    first line\n    # not a comment\n\nother = x\n"
        );
    }
}
