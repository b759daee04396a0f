//! Repository-wide checks that keep the project's promises: every locale
//! carries every message, no UI text hides in Rust code, and the static page
//! agrees with the Fluent files.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

const DEFAULT_LOCALE: &str = "zh-CN";
const LOCALES: [&str; 3] = ["zh-CN", "zh-TW", "en"];

/// The Fluent trees: the resident app's and the worker console's, each
/// with its own reference locale.
const I18N_DIRS: [&str; 2] = ["app/i18n", "console/i18n"];

fn ftl_files(tree: &str, locale: &str) -> Vec<PathBuf> {
    let dir = root().join(tree).join(locale);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    files
}

/// Message id -> its text, for simple messages (placeables shown as `{}`).
fn messages_in(tree: &str, locale: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for file in ftl_files(tree, locale) {
        let source = std::fs::read_to_string(&file).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let text = message
                    .value
                    .map(|pattern| {
                        pattern
                            .elements
                            .iter()
                            .map(|e| match e {
                                PatternElement::TextElement { value } => (*value).to_owned(),
                                PatternElement::Placeable { expression } => match expression {
                                    Expression::Inline(InlineExpression::VariableReference {
                                        id,
                                    }) => format!("{{${}}}", id.name),
                                    _ => "{}".to_owned(),
                                },
                            })
                            .collect::<String>()
                    })
                    .unwrap_or_default();
                out.push((message.id.name.to_owned(), text));
            }
        }
    }
    out
}

fn ids(tree: &str, locale: &str) -> BTreeSet<String> {
    messages_in(tree, locale)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

fn message_in(tree: &str, locale: &str, id: &str) -> String {
    messages_in(tree, locale)
        .into_iter()
        .find(|(i, _)| i == id)
        .unwrap_or_else(|| panic!("{tree}: {locale} lacks {id}"))
        .1
}

fn message(locale: &str, id: &str) -> String {
    message_in("app/i18n", locale, id)
}

/// Which ids of the reference `tree` a locale lacks, and which it has that
/// the reference does not.
fn locale_gaps(tree: &str, locale: &str) -> (Vec<String>, Vec<String>) {
    let reference = ids(tree, DEFAULT_LOCALE);
    let have = ids(tree, locale);
    (
        reference.difference(&have).cloned().collect(),
        have.difference(&reference).cloned().collect(),
    )
}

#[test]
fn every_locale_has_every_message_of_the_default() {
    for tree in I18N_DIRS {
        assert!(
            ids(tree, DEFAULT_LOCALE).len() > 10,
            "{tree}: the default locale has messages"
        );
        for locale in LOCALES {
            let (missing, extra) = locale_gaps(tree, locale);
            assert!(missing.is_empty(), "{tree}: {locale} lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{tree}: {locale} has ids the default lacks: {extra:?}"
            );
        }
    }
}

#[test]
fn no_message_id_is_defined_twice() {
    for tree in I18N_DIRS {
        for locale in LOCALES {
            let all = messages_in(tree, locale);
            let unique: BTreeSet<_> = all.iter().map(|(id, _)| id).collect();
            assert_eq!(
                all.len(),
                unique.len(),
                "{tree}: {locale} defines an id twice"
            );
        }
    }
}

#[test]
fn translations_keep_the_same_arguments() {
    let args = |text: &str| -> BTreeSet<String> {
        text.match_indices("{$")
            .map(|(i, _)| text[i..].split('}').next().unwrap().to_owned())
            .collect()
    };
    for tree in I18N_DIRS {
        for (id, text) in messages_in(tree, DEFAULT_LOCALE) {
            for locale in LOCALES {
                let other = message_in(tree, locale, &id);
                assert_eq!(
                    args(&text),
                    args(&other),
                    "{tree}: {locale} {id}: arguments differ"
                );
            }
        }
    }
}

/// The check above fails on a console locale that lacks a key: shown on a
/// copy of the console's files with one message removed from zh-TW.
#[test]
fn a_console_locale_missing_a_key_is_caught() {
    let scratch = root().join("target/tidy-scratch/console-i18n");
    let _ = std::fs::remove_dir_all(&scratch);
    for locale in LOCALES {
        let from = root().join("console/i18n").join(locale);
        let to = scratch.join(locale);
        std::fs::create_dir_all(&to).unwrap();
        for file in ftl_files("console/i18n", locale) {
            let mut text = std::fs::read_to_string(&file).unwrap();
            if locale == "zh-TW" {
                text = text
                    .lines()
                    .filter(|l| !l.starts_with("sign-out ="))
                    .map(|l| format!("{l}\n"))
                    .collect();
            }
            std::fs::write(to.join(file.strip_prefix(&from).unwrap()), text).unwrap();
        }
    }
    let tree = "target/tidy-scratch/console-i18n";
    assert_eq!(locale_gaps(tree, "zh-TW").0, vec!["sign-out".to_owned()]);
    assert_eq!(locale_gaps(tree, "en"), (Vec::new(), Vec::new()));
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines of Rust source that hold a string literal with Chinese text.
fn chinese_literals(file: &Path, source: &str) -> Vec<String> {
    let mut offenders = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        if code.contains('"') && code.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            offenders.push(format!("{}:{}", file.display(), n + 1));
        }
    }
    offenders
}

/// UI text belongs in the Fluent files; a CJK character in a source string
/// literal of the app or the console is text that the other languages would
/// never get.
#[test]
fn no_chinese_text_in_app_or_console_code() {
    let mut files = Vec::new();
    rust_files(&root().join("app/src"), &mut files);
    rust_files(&root().join("console/src"), &mut files);
    assert!(
        files
            .iter()
            .any(|f| f.starts_with(root().join("console/src"))),
        "the console's sources are checked"
    );
    let mut offenders = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        offenders.extend(chinese_literals(&file, &source));
    }
    assert!(offenders.is_empty(), "UI text in code: {offenders:?}");
    // And the check does catch one (Chinese in a comment is fine).
    let sample = "let a = \"x\"; // \u{9000}\nlet b = \"\u{53d6}\u{6d88}\";";
    assert_eq!(chinese_literals(Path::new("x.rs"), sample), ["x.rs:2"]);
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let len = text[from..].find(end).unwrap();
    &text[from..from + len]
}

/// What WeChat shows in a link preview is read from the static page before
/// any script runs: it must say what the zh-CN Fluent file says.
#[test]
fn static_page_title_and_description_match_the_default_locale() {
    let html = std::fs::read_to_string(root().join("index.html")).unwrap();
    assert_eq!(
        between(&html, "<title>", "</title>"),
        message(DEFAULT_LOCALE, "app-page-title")
    );
    assert_eq!(
        between(&html, "<meta name=\"description\" content=\"", "\">"),
        message(DEFAULT_LOCALE, "app-description")
    );
    assert!(html.contains("<html lang=\"zh-CN\">"));
}

/// The console's static title (shown before its script runs) is its zh-CN
/// Fluent title.
#[test]
fn console_page_title_matches_the_default_locale() {
    let html = std::fs::read_to_string(root().join("console/index.html")).unwrap();
    assert_eq!(
        between(&html, "<title>", "</title>"),
        message_in("console/i18n", DEFAULT_LOCALE, "console-page-title")
    );
    assert!(html.contains("<html lang=\"zh-CN\">"));
}

#[test]
fn manifest_names_match_the_default_locale() {
    let text = std::fs::read_to_string(root().join("public/manifest.webmanifest")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(manifest["name"], message(DEFAULT_LOCALE, "app-page-title"));
    assert_eq!(manifest["short_name"], message(DEFAULT_LOCALE, "app-name"));
    assert_eq!(manifest["lang"], DEFAULT_LOCALE);
}

/// Message ids written literally in the app's code (`t!("…")`, `tr("…")`,
/// `tr_args("…", …)`, `question="…"`, `hint="…"`) exist in the reference
/// language, so a typo fails here rather than showing an id on screen.
#[test]
fn message_ids_in_app_code_exist() {
    let known = ids("app/i18n", DEFAULT_LOCALE);
    let mut files = Vec::new();
    rust_files(&root().join("app/src"), &mut files);
    let mut unknown = Vec::new();
    let mut checked = 0;
    for file in files {
        // Code only: doc comments show the macro with placeholder ids.
        let source: String = std::fs::read_to_string(&file)
            .unwrap()
            .lines()
            .map(|line| line.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        for prefix in ["t!(\"", "tr(\"", "tr_args(\"", "question=\"", "hint=\""] {
            for (at, _) in source.match_indices(prefix) {
                // `tr(` must be the function, not the end of another name.
                let before = source[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let rest = &source[at + prefix.len()..];
                let id = rest.split('"').next().unwrap_or_default();
                checked += 1;
                if !known.contains(id) {
                    unknown.push(format!("{}: {id}", file.display()));
                }
            }
        }
    }
    assert!(checked > 100, "found only {checked} message ids in app/src");
    assert!(unknown.is_empty(), "unknown message ids: {unknown:?}");
}

/// The app fetches each place's pack as JSON written by `cargo xtask build`
/// (`serde_json::to_string` of the merged pack): it must read back the same.
#[test]
fn packs_served_as_json_read_back_unchanged() {
    for pack in rules_core::packs::embedded_ref() {
        let json = serde_json::to_string(pack).unwrap();
        let back = rules_core::Pack::from_json(&json)
            .unwrap_or_else(|e| panic!("{}: {e}", pack.jurisdiction.code));
        assert_eq!(&back, pack, "{}", pack.jurisdiction.code);
    }
}
