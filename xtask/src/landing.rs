//! The landing bundle (issue 4's route split): a second Trunk build of the
//! app crate's `landing` binary, the home page alone, for the first visit
//! to `/`. The full app's page becomes `dist/shell.html` (every other
//! route); the landing page, with the home page's first paint, becomes
//! `dist/index.html`.
//!
//! `/` loads the full app instead when this device is in community-event
//! mode (its bar and "next family" belong on every page) or holds an
//! application waiting to be sent (only the full app sends the outbox): the
//! page's loader reads those two local-storage keys before choosing.

use std::path::Path;

use crate::shell::{command, root, run_command};

/// The page Trunk builds the landing bundle from, derived from `index.html`
/// (kept out of git: `index.html` is the one to edit).
const LANDING_HTML: &str = ".landing.html";
/// Where that build goes before its files join `dist/`.
const LANDING_DIST: &str = "target/landing-dist";

/// The local-storage keys that make `/` load the full app (kept in step
/// with `app/src/event.rs` and `app/src/filing.rs`; the browser test
/// `tests/e2e/landing.test.mjs` proves both paths).
const EVENT_KEY: &str = "jiuzhu.event.v1";
const OUTBOX_KEY: &str = "jiuzhu.outbox.v1";

/// Build the landing bundle and put its files into `dist/` (after the full
/// app's Trunk build, which empties `dist/`): its JS and WASM beside the
/// app's, and its page as `dist/index.html`, the app's page kept as
/// `dist/shell.html`.
pub fn build(dist: &Path) -> Result<(), String> {
    let index = std::fs::read_to_string(root().join("index.html"))
        .map_err(|e| format!("index.html: {e}"))?;
    let page = landing_source(&index)?;
    std::fs::write(root().join(LANDING_HTML), page).map_err(|e| format!("{LANDING_HTML}: {e}"))?;
    run_command(
        command("trunk")
            .args(["build", LANDING_HTML, "--release", "--dist", LANDING_DIST])
            .env("TRUNK_SKIP_VERSION_CHECK", "true"),
    )?;
    let landing_dist = root().join(LANDING_DIST);
    let bundle = named(&landing_dist, "landing-")?;
    for name in &bundle {
        let path = landing_dist.join(name);
        std::fs::copy(&path, dist.join(name)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let landing_js = one_of(&bundle, ".js")?;
    let landing_wasm = one_of(&bundle, "_bg.wasm")?;
    let app_page = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("dist/index.html: {e}"))?;
    let app_files = named(dist, "app-")?;
    let app_js = one_of(&app_files, ".js")?;
    let app_wasm = one_of(&app_files, "_bg.wasm")?;
    let landing_page = std::fs::read_to_string(landing_dist.join("index.html"))
        .map_err(|e| format!("{LANDING_DIST}/index.html: {e}"))?;
    let landing_page = with_loader(
        &without_preloads(&landing_page),
        &loader((&landing_js, &landing_wasm), (&app_js, &app_wasm)),
    )?;
    write(&dist.join("shell.html"), &app_page)?;
    write(&dist.join("index.html"), &landing_page)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The names of the files in `dir` (not below it) starting with `prefix`.
fn named(dir: &Path, prefix: &str) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let name = entry.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(prefix) {
            names.push(name.into_owned());
        }
    }
    Ok(names)
}

/// The one file of a bundle ending in `suffix`.
fn one_of(files: &[String], suffix: &str) -> Result<String, String> {
    let found: Vec<&String> = files.iter().filter(|f| f.ends_with(suffix)).collect();
    match found.as_slice() {
        [one] => Ok((*one).clone()),
        _ => Err(format!(
            "expected one `*{suffix}` among {files:?} (a stale build? run `cargo xtask build` again)"
        )),
    }
}

/// `index.html` with the landing binary in place of the app's, and without
/// the copy directives (the full app's build copies those files).
fn landing_source(index: &str) -> Result<String, String> {
    const APP_BIN: &str = r#"data-bin="app""#;
    if !index.contains(APP_BIN) {
        return Err(format!("index.html: no `{APP_BIN}` on its rust link"));
    }
    Ok(index
        .lines()
        .filter(|l| !(l.contains("data-trunk") && l.contains("rel=\"copy-")))
        .collect::<Vec<_>>()
        .join("\n")
        .replace(APP_BIN, r#"data-bin="landing""#))
}

/// The module script that starts a bundle: the landing one, or the full
/// app when event mode is on or the outbox holds an application. The page
/// says which in `data-bundle` on `<html>` (for tests and bug reports).
///
/// The landing bundle is fetched only once the browser has painted the
/// page's text (the first paint in the HTML; at most 2 s later): on a slow
/// link the text a resident reads comes first, and the bundle's 160 KB do
/// not compete with it. Its JS and WASM are then fetched side by side.
fn loader(landing: (&str, &str), app: (&str, &str)) -> String {
    format!(
        "let full=false;try{{const s=localStorage;full=s.getItem('{EVENT_KEY}')!==null\
         ||(JSON.parse(s.getItem('{OUTBOX_KEY}')||'[]')||[]).length>0}}catch(e){{}}\
         document.documentElement.dataset.bundle=full?'app':'landing';\
         const [js,wasm]=full?['/{}','/{}']:['/{}','/{}'];\
         if(!full)await new Promise((go)=>{{const t=setTimeout(go,2000);\
         try{{new PerformanceObserver((l,o)=>{{if(l.getEntriesByName('first-contentful-paint').length)\
         {{o.disconnect();clearTimeout(t);go()}}}}).observe({{type:'paint',buffered:true}})}}\
         catch(e){{clearTimeout(t);go()}}}});\
         const module=fetch(wasm);\
         const bindings=await import(js);\
         await bindings.default({{module_or_path:module}});\
         window.wasmBindings=bindings;",
        app.0, app.1, landing.0, landing.1
    )
}

/// The page without Trunk's preloads of the bundle (the loader fetches it
/// after the first paint).
fn without_preloads(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find("<link") {
        let end = rest[at..].find('>').map_or(rest.len(), |i| at + i + 1);
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if !(tag.contains("rel=modulepreload") || tag.contains("rel=preload")) {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Replace Trunk's inline module script (which always starts the landing
/// bundle) with `script`.
fn with_loader(page: &str, script: &str) -> Result<String, String> {
    let open = page
        .find("<script type=module>")
        .or_else(|| page.find(r#"<script type="module">"#))
        .ok_or("the landing page has no inline module script (Trunk's loader)")?;
    let body = page[open..]
        .find('>')
        .map(|i| open + i + 1)
        .ok_or("unclosed <script>")?;
    let close = page[body..]
        .find("</script>")
        .map(|i| body + i)
        .ok_or("unclosed <script>")?;
    if !page[body..close].contains("landing-") {
        return Err("the landing page's module script does not load the landing bundle".into());
    }
    Ok(format!("{}{script}{}", &page[..body], &page[close..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_landing_page_builds_the_landing_binary_without_copying() {
        let index = "<link data-trunk rel=\"copy-dir\" href=\"x\">\n\
                     <link data-trunk rel=\"rust\" href=\"app/Cargo.toml\" data-bin=\"app\">";
        let page = landing_source(index).unwrap();
        assert!(page.contains(r#"data-bin="landing""#));
        assert!(!page.contains("copy-dir"));
        assert!(landing_source("<link data-trunk rel=\"rust\">").is_err());
    }

    #[test]
    fn the_loader_chooses_between_the_bundles() {
        let page = "<head><script type=module>import init from '/landing-1.js';</script></head>";
        let script = loader(
            ("landing-1.js", "landing-1_bg.wasm"),
            ("app-2.js", "app-2_bg.wasm"),
        );
        let out = with_loader(page, &script).unwrap();
        assert!(out.starts_with("<head><script type=module>let full=false;"));
        assert!(out.contains(
            "full?['/app-2.js','/app-2_bg.wasm']:['/landing-1.js','/landing-1_bg.wasm']"
        ));
        assert!(out.contains(EVENT_KEY) && out.contains(OUTBOX_KEY));
        assert!(out.ends_with("</script></head>"));
        assert!(with_loader("<head></head>", &script).is_err());
    }

    #[test]
    fn the_bundle_is_not_preloaded() {
        let page = "<link href=/main.css rel=stylesheet><link crossorigin href=/landing-1.js \
                    rel=modulepreload><link as=fetch href=/landing-1_bg.wasm rel=preload \
                    type=application/wasm></head>";
        assert_eq!(
            without_preloads(page),
            "<link href=/main.css rel=stylesheet></head>"
        );
    }
}
