//! `dist/sw.js`: the service worker (`app/service-worker.js`) with this
//! build's file list and version filled in, so that after one visit the whole
//! check works offline and a new build is recognised as new.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::shell::root;

/// Files a resident's offline check never needs: the worker console, the
/// precompressed copies (the server picks them by Accept-Encoding), the
/// worker itself, `index.html`, which is cached under `/`, and the home and
/// guide pages with a first paint in a language (a first visit's; offline,
/// `index.html` and `guide.html` serve).
fn precached(relative: &str) -> bool {
    !(relative.starts_with("console/")
        || relative.starts_with(&format!("{}/", api_boundary::site::GUIDE_PAGES_DIR))
        || relative.starts_with(&format!("{}/", api_boundary::site::HOME_PAGES_DIR))
        || relative.ends_with(".br")
        || relative.ends_with(".gz")
        || relative == "sw.js"
        || relative == "index.html")
}

/// Write `dist/sw.js`. Call after every other file of `dist/` is written and
/// before precompressing.
pub fn write_service_worker(dist: &Path, all_files: &[std::path::PathBuf]) -> Result<(), String> {
    let template_path = root().join("app/service-worker.js");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("{}: {e}", template_path.display()))?;
    let mut urls = vec!["/".to_owned()];
    let mut digest = Sha256::new();
    for path in all_files {
        let relative = path
            .strip_prefix(dist)
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .replace('\\', "/");
        if !precached(&relative) && relative != "index.html" {
            continue;
        }
        // The version covers index.html too: a changed first paint is a new build.
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        digest.update(relative.as_bytes());
        digest.update([0]);
        digest.update(&bytes);
        if precached(&relative) {
            urls.push(format!("/{relative}"));
        }
    }
    let version: String = digest
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let files = serde_json::to_string(&urls).map_err(|e| e.to_string())?;
    if !template.contains("'__VERSION__'") || !template.contains("__FILES__;") {
        return Err(format!(
            "{}: the placeholders '__VERSION__' and __FILES__ are missing",
            template_path.display()
        ));
    }
    let worker = template
        .replace("'__VERSION__'", &format!("'{version}'"))
        .replace("__FILES__;", &format!("{files};"));
    let out = dist.join("sw.js");
    std::fs::write(&out, worker).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "service worker: build {version}, {} files precached",
        urls.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::precached;

    #[test]
    fn the_console_and_compressed_copies_are_not_precached() {
        assert!(precached("app-0123456789abcdef_bg.wasm"));
        assert!(precached("packs/441521.json"));
        assert!(precached("i18n/en/app.ftl"));
        assert!(!precached("console/index.html"));
        assert!(!precached("app-0123456789abcdef_bg.wasm.br"));
        assert!(!precached("sw.js"));
        assert!(!precached("index.html"));
        assert!(!precached("home-pages/en.html"));
        assert!(!precached("guide-pages/441521/en/dibao.html"));
    }
}
