//! The light bundles (issue 4's route split): two more Trunk builds of the
//! app crate's binaries `landing` (the home page alone, for the first visit
//! to `/`) and `guide` (the policy guide, `/programs` and `/programs/:id`,
//! whose links are shared in WeChat groups). The full app's page becomes
//! `dist/shell.html` (every other route); the landing page, with the home
//! page's first paint, becomes `dist/index.html`; the guide's page, with no
//! first paint, `dist/guide.html`.
//!
//! A light page loads the full app instead when this device is in
//! community-event mode (its bar and "next family" belong on every page)
//! or holds an application waiting to be sent (only the full app sends the
//! outbox): the page's loader reads those two local-storage keys before
//! choosing.

use std::path::Path;

use crate::shell::{command, root, run_command};

/// The local-storage keys that make a light page load the full app (kept
/// in step with `app/src/event.rs` and `app/src/filing.rs`; the browser
/// test `tests/e2e/landing.test.mjs` proves both paths).
const EVENT_KEY: &str = "jiuzhu.event.v1";
const OUTBOX_KEY: &str = "jiuzhu.outbox.v1";

/// The page the server and the service worker send for the policy guide's
/// routes (`/programs`, `/programs/:id`).
pub const GUIDE_PAGE: &str = "guide.html";

/// A light bundle, built: its JS and WASM (now in `dist/`) and its page,
/// without preloads and before its loader is put in.
struct Light {
    js: String,
    wasm: String,
    page: String,
}

/// Build the light bundles and put their files into `dist/` (after the full
/// app's Trunk build, which empties `dist/`): their JS and WASM beside the
/// app's, the landing page as `dist/index.html`, the guide's as
/// `dist/guide.html`, and the app's page kept as `dist/shell.html`. Returns
/// what the guide's later build steps need of its bundle.
pub fn build(dist: &Path) -> Result<GuideBundle, String> {
    let index = std::fs::read_to_string(root().join("index.html"))
        .map_err(|e| format!("index.html: {e}"))?;
    let app_page = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("dist/index.html: {e}"))?;
    let app_files = named(dist, "app-")?;
    let app = (one_of(&app_files, ".js")?, one_of(&app_files, "_bg.wasm")?);
    let landing = build_light(dist, &index, "landing")?;
    let guide = build_light(dist, &index, "guide")?;
    let home_page = with_loader(
        &landing.page,
        &landing.js,
        &loader("landing", &landing, &app, true),
    )?;
    // No first paint on `guide.html` (the home page's is added to
    // `index.html` next): nothing to wait for.
    let guide_page = with_loader(
        &guide.page,
        &guide.js,
        &loader("guide", &guide, &app, false),
    )?;
    write(&dist.join("shell.html"), &app_page)?;
    write(&dist.join(GUIDE_PAGE), &guide_page)?;
    write(&dist.join("index.html"), &home_page)?;
    Ok(GuideBundle {
        // The guide's pages with a first paint (`crate::guide_paint`) wait
        // for it, as the home page does.
        painted_page: with_loader(&guide.page, &guide.js, &loader("guide", &guide, &app, true))?,
        wasm: dist.join(&guide.wasm),
    })
}

/// The guide bundle, built: its page for pages with a first paint (the
/// loader waits for the paint; `crate::guide_paint` fills it) and its WASM
/// in `dist/` (`crate::guide_messages` reads its message ids).
pub struct GuideBundle {
    pub painted_page: String,
    pub wasm: std::path::PathBuf,
}

/// One light bundle, the app crate's binary `bin`: Trunk builds it from a
/// page derived from `index.html` (`.<bin>.html`, kept out of git:
/// `index.html` is the one to edit) into `target/<bin>-dist`, and its JS
/// and WASM are copied into `dist/`.
fn build_light(dist: &Path, index: &str, bin: &str) -> Result<Light, String> {
    let source = format!(".{bin}.html");
    let out = format!("target/{bin}-dist");
    std::fs::write(root().join(&source), light_source(index, bin)?)
        .map_err(|e| format!("{source}: {e}"))?;
    run_command(
        command("trunk")
            .args(["build", &source, "--release", "--dist", &out])
            .env("TRUNK_SKIP_VERSION_CHECK", "true"),
    )?;
    let built = root().join(&out);
    let files = named(&built, &format!("{bin}-"))?;
    for name in &files {
        let path = built.join(name);
        std::fs::copy(&path, dist.join(name)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let page = std::fs::read_to_string(built.join("index.html"))
        .map_err(|e| format!("{out}/index.html: {e}"))?;
    Ok(Light {
        js: one_of(&files, ".js")?,
        wasm: one_of(&files, "_bg.wasm")?,
        page: without_preloads(&page),
    })
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

/// `index.html` with the binary `bin` in place of the app's, and without
/// the copy directives (the full app's build copies those files).
fn light_source(index: &str, bin: &str) -> Result<String, String> {
    const APP_BIN: &str = r#"data-bin="app""#;
    if !index.contains(APP_BIN) {
        return Err(format!("index.html: no `{APP_BIN}` on its rust link"));
    }
    Ok(index
        .lines()
        .filter(|l| !(l.contains("data-trunk") && l.contains("rel=\"copy-")))
        .collect::<Vec<_>>()
        .join("\n")
        .replace(APP_BIN, &format!(r#"data-bin="{bin}""#)))
}

/// The module script that starts a light page: its bundle (`name`), or the
/// full app when event mode is on or the outbox holds an application. The
/// page says which in `data-bundle` on `<html>` (for tests and bug reports).
///
/// On the home page (`after_paint`) the landing bundle is fetched only
/// once the browser has painted the page's text (the first paint in the
/// HTML; at most 2 s later): on a slow link the text a resident reads comes
/// first, and the bundle's 160 KB do not compete with it. The guide's page
/// (`guide.html`) has no first paint and fetches its bundle at once; the
/// guide's pages written with one (`crate::guide_paint`) wait like the home
/// page. A bundle's JS and
/// WASM are fetched side by side.
fn loader(name: &str, light: &Light, app: &(String, String), after_paint: bool) -> String {
    let wait = if after_paint {
        "if(!full)await new Promise((go)=>{const t=setTimeout(go,2000);\
         try{new PerformanceObserver((l,o)=>{if(l.getEntriesByName('first-contentful-paint').length)\
         {o.disconnect();clearTimeout(t);go()}}).observe({type:'paint',buffered:true})}\
         catch(e){clearTimeout(t);go()}});"
    } else {
        ""
    };
    format!(
        "let full=false;try{{const s=localStorage;full=s.getItem('{EVENT_KEY}')!==null\
         ||(JSON.parse(s.getItem('{OUTBOX_KEY}')||'[]')||[]).length>0}}catch(e){{}}\
         document.documentElement.dataset.bundle=full?'app':'{name}';\
         const [js,wasm]=full?['/{}','/{}']:['/{}','/{}'];\
         {wait}\
         const module=fetch(wasm);\
         const bindings=await import(js);\
         await bindings.default({{module_or_path:module}});\
         window.wasmBindings=bindings;",
        app.0, app.1, light.js, light.wasm
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
fn with_loader(page: &str, bundle_js: &str, script: &str) -> Result<String, String> {
    let open = page
        .find("<script type=module>")
        .or_else(|| page.find(r#"<script type="module">"#))
        .ok_or("the light page has no inline module script (Trunk's loader)")?;
    let body = page[open..]
        .find('>')
        .map(|i| open + i + 1)
        .ok_or("unclosed <script>")?;
    let close = page[body..]
        .find("</script>")
        .map(|i| body + i)
        .ok_or("unclosed <script>")?;
    if !page[body..close].contains(bundle_js) {
        return Err(format!(
            "the light page's module script does not load its bundle ({bundle_js})"
        ));
    }
    Ok(format!("{}{script}{}", &page[..body], &page[close..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_light_page_builds_its_binary_without_copying() {
        let index = "<link data-trunk rel=\"copy-dir\" href=\"x\">\n\
                     <link data-trunk rel=\"rust\" href=\"app/Cargo.toml\" data-bin=\"app\">";
        for bin in ["landing", "guide"] {
            let page = light_source(index, bin).unwrap();
            assert!(page.contains(&format!(r#"data-bin="{bin}""#)));
            assert!(!page.contains("copy-dir"));
        }
        assert!(light_source("<link data-trunk rel=\"rust\">", "landing").is_err());
    }

    #[test]
    fn the_loader_chooses_between_the_bundles() {
        let app = ("app-2.js".to_owned(), "app-2_bg.wasm".to_owned());
        for (name, after_paint) in [("landing", true), ("guide", false)] {
            let light = Light {
                js: format!("{name}-1.js"),
                wasm: format!("{name}-1_bg.wasm"),
                page: String::new(),
            };
            let script = loader(name, &light, &app, after_paint);
            let page = format!(
                "<head><script type=module>import init from '/{name}-1.js';</script></head>"
            );
            let out = with_loader(&page, &light.js, &script).unwrap();
            assert!(out.starts_with("<head><script type=module>let full=false;"));
            assert!(out.contains(&format!(
                "full?['/app-2.js','/app-2_bg.wasm']:['/{name}-1.js','/{name}-1_bg.wasm']"
            )));
            assert!(out.contains(&format!("full?'app':'{name}'")));
            assert!(out.contains(EVENT_KEY) && out.contains(OUTBOX_KEY));
            // Only the home page (which has a first paint) waits for it.
            assert_eq!(out.contains("first-contentful-paint"), after_paint);
            assert!(out.ends_with("</script></head>"));
            assert!(with_loader("<head></head>", &light.js, &script).is_err());
            // A page that loads another bundle is a stale build.
            assert!(with_loader(&page, "other-1.js", &script).is_err());
        }
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
