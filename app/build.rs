//! The list of places a resident can pick on the home page (code, name,
//! parent area, demo flag), taken from the policy packs at build time. The
//! packs themselves are not built in: each is a static file of the site
//! (`/packs/<code>.json`, written by `cargo xtask build`), fetched when the
//! place is chosen.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules-core/policies");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("read rules-core/policies")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut regions = Vec::new();
    for path in paths {
        println!("cargo::rerun-if-changed={}", path.display());
        let src = std::fs::read_to_string(&path).expect("read pack");
        let pack: toml::Table =
            toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // The national defaults are not a place one can apply in.
        if !pack.contains_key("extends") {
            continue;
        }
        let j = pack["jurisdiction"]
            .as_table()
            .unwrap_or_else(|| panic!("{}: no [jurisdiction]", path.display()));
        let text = |key: &str| j.get(key).and_then(|v| v.as_str()).unwrap_or_default();
        let demo = j.get("demo").and_then(|v| v.as_bool()).unwrap_or(false);
        regions.push((
            text("code").to_owned(),
            text("name").to_owned(),
            text("parent").to_owned(),
            demo,
        ));
    }
    regions.sort();
    let mut module = String::from("pub static REGIONS: &[Region] = &[\n");
    for (code, name, parent, demo) in regions {
        writeln!(
            module,
            "    Region {{ code: {code:?}, name: {name:?}, parent: {parent:?}, demo: {demo} }},"
        )
        .expect("write to a string");
    }
    module.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("regions.rs");
    std::fs::write(out, module).expect("write regions.rs");
}
