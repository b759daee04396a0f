//! Converts the TOML policy packs into JSON at build time, so the browser build
//! embeds them without a TOML parser.

use std::fmt::Write as _;
use std::path::Path;

fn to_json(v: toml::Value) -> serde_json::Value {
    match v {
        toml::Value::String(s) => serde_json::Value::String(s),
        toml::Value::Integer(i) => serde_json::Value::from(i),
        toml::Value::Float(f) => serde_json::Value::from(f),
        toml::Value::Boolean(b) => serde_json::Value::Bool(b),
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(a) => serde_json::Value::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            serde_json::Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

fn main() {
    let dir = Path::new("policies");
    println!("cargo::rerun-if-changed=policies");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("read policies/")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    names.sort();
    let mut module = String::from("pub(super) static PACKS: &[(&str, &str)] = &[\n");
    for path in names {
        println!("cargo::rerun-if-changed={}", path.display());
        let src = std::fs::read_to_string(&path).expect("read pack");
        let value: toml::Value =
            toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = serde_json::to_string(&to_json(value)).expect("json");
        let file = path
            .file_name()
            .and_then(|f| f.to_str())
            .expect("utf-8 name");
        let out = Path::new(&out_dir).join(format!("{file}.json"));
        std::fs::write(&out, json).expect("write json");
        writeln!(
            module,
            "    ({file:?}, include_str!({:?})),",
            out.display().to_string()
        )
        .expect("fmt");
    }
    module.push_str("];\n");
    std::fs::write(Path::new(&out_dir).join("packs.rs"), module).expect("write packs.rs");
}
