//! `dist/i18n/<lang>/guide.ftl`: the UI messages the guide bundle can show,
//! for a first visit to a guide link in zh-TW or en (zh-CN's are built into
//! the bundle). The guide needs about a fifth of `app.ftl`; fetching the
//! whole file cost those visits ≈ 8.6 KB brotli.
//!
//! Which messages: those whose id the guide bundle's WASM holds as text
//! (the linker keeps only the code its pages reach, with their literal
//! message ids), once the copy of zh-CN's `app.ftl` built into it is
//! blanked out; the one family of ids the guide computes, `guide-<program>`
//! (`app/src/pages/programs.rs`); and whatever those messages reference.
//! `tests/e2e/guide-paint.test.mjs` checks that the guide's pages in
//! English show no Chinese outside the pack's Chinese texts (a message
//! missing here would show in zh-CN, the last fallback).

use std::collections::BTreeSet;
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use crate::shell::root;

/// Write `guide.ftl` beside every `app.ftl` in `dist/i18n/` but zh-CN's,
/// from the guide bundle's WASM `wasm` (after the Fluent files lost their
/// comments).
pub fn write(dist: &Path, wasm: &Path) -> Result<(), String> {
    let mut code = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let built_in = std::fs::read(root().join("app/i18n/zh-CN/app.ftl"))
        .map_err(|e| format!("app/i18n/zh-CN/app.ftl: {e}"))?;
    blank(&mut code, &built_in)?;
    for lang in ["zh-TW", "en"] {
        let dir = dist.join("i18n").join(lang);
        let source = std::fs::read_to_string(dir.join("app.ftl"))
            .map_err(|e| format!("{}/app.ftl: {e}", dir.display()))?;
        let subset = guide_subset(&source, |id| {
            id.starts_with("guide-") || contains(&code, id.as_bytes())
        })?;
        std::fs::write(dir.join("guide.ftl"), subset)
            .map_err(|e| format!("{}/guide.ftl: {e}", dir.display()))?;
    }
    Ok(())
}

/// Zero the one copy of `text` in `code`.
fn blank(code: &mut [u8], text: &[u8]) -> Result<(), String> {
    let at = find(code, text).ok_or(
        "the guide bundle does not hold app/i18n/zh-CN/app.ftl as it is (built in with \
         include_str!): xtask/src/guide_messages.rs cannot tell its message ids apart",
    )?;
    code[at..at + text.len()].fill(0);
    if find(code, text).is_some() {
        return Err("the guide bundle holds app/i18n/zh-CN/app.ftl twice".to_owned());
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

/// The entries of a Fluent file (without comments) that `wanted` keeps,
/// with the messages and terms they reference, in the file's order and
/// exactly as written.
fn guide_subset(source: &str, wanted: impl Fn(&str) -> bool) -> Result<String, String> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, e)| format!("{e:?}"))?;
    let mut keep = BTreeSet::new();
    let mut references: Vec<(String, Vec<String>)> = Vec::new();
    for entry in &resource.body {
        let (id, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref(), &m.attributes),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let mut refs = Vec::new();
        value
            .into_iter()
            .chain(attributes.iter().map(|a| &a.value))
            .for_each(|p| pattern_references(p, &mut refs));
        if wanted(&id) {
            keep.insert(id.clone());
        }
        references.push((id, refs));
    }
    // What the kept messages reference, and what that references.
    loop {
        let more: Vec<String> = references
            .iter()
            .filter(|(id, _)| keep.contains(id))
            .flat_map(|(_, refs)| refs.iter().cloned())
            .filter(|r| !keep.contains(r))
            .collect();
        if more.is_empty() {
            break;
        }
        keep.extend(more);
    }
    let mut out = String::new();
    for entry in entries(source) {
        let id = entry
            .split(['=', ' '])
            .next()
            .unwrap_or_default()
            .trim_end();
        if keep.contains(id) {
            out.push_str(entry);
        }
    }
    Ok(out)
}

/// The entries of a Fluent file without comments: a line starting with an
/// identifier (or `-` for a term) and the lines after it that are blank or
/// indented (continuations, attributes, variants).
fn entries(source: &str) -> Vec<&str> {
    let mut starts: Vec<usize> = Vec::new();
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-') {
            starts.push(at);
        }
        at += line.len();
    }
    starts.push(source.len());
    starts.windows(2).map(|w| &source[w[0]..w[1]]).collect()
}

fn pattern_references(pattern: &Pattern<&str>, out: &mut Vec<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_references(expression, out);
        }
    }
}

fn expression_references(expression: &Expression<&str>, out: &mut Vec<String>) {
    match expression {
        Expression::Inline(inline) => inline_references(inline, out),
        Expression::Select { selector, variants } => {
            inline_references(selector, out);
            for v in variants {
                pattern_references(&v.value, out);
            }
        }
    }
}

fn inline_references(inline: &InlineExpression<&str>, out: &mut Vec<String>) {
    match inline {
        InlineExpression::MessageReference { id, .. } => out.push(id.name.to_owned()),
        InlineExpression::TermReference { id, .. } => out.push(format!("-{}", id.name)),
        InlineExpression::Placeable { expression } => expression_references(expression, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FTL: &str = "-brand = 救助通\nhello = Hello { $name }\nfarewell = Bye from { -brand }\n\
                       multi =\n    first line\n    second line\nwho = { farewell } and { $x ->\n    \
                       [one] one\n   *[other] { hello }\n}\nunused = no\n";

    #[test]
    fn the_subset_keeps_what_is_wanted_and_what_it_references() {
        let subset = guide_subset(FTL, |id| id == "who" || id == "multi").unwrap();
        assert_eq!(
            subset,
            "-brand = 救助通\nhello = Hello { $name }\nfarewell = Bye from { -brand }\n\
             multi =\n    first line\n    second line\nwho = { farewell } and { $x ->\n    \
             [one] one\n   *[other] { hello }\n}\n"
        );
        // It parses, and nothing is kept but what was asked for.
        assert!(fluent_syntax::parser::parse(subset.as_str()).is_ok());
        assert_eq!(
            guide_subset(FTL, |id| id == "unused").unwrap(),
            "unused = no\n"
        );
        assert_eq!(guide_subset(FTL, |_| false).unwrap(), "");
    }

    #[test]
    fn a_built_in_copy_is_blanked_once() {
        let mut code = b"abc[ids: hello who]xyz".to_vec();
        blank(&mut code, b"[ids: hello who]").unwrap();
        assert!(!contains(&code, b"hello") && contains(&code, b"xyz"));
        assert!(blank(&mut code, b"[ids: hello who]").is_err());
        let mut twice = b"[a][a]".to_vec();
        assert!(blank(&mut twice, b"[a]").is_err());
    }

    #[test]
    fn every_entry_of_the_shipped_files_is_found() {
        for lang in ["zh-CN", "zh-TW", "en"] {
            let path = root().join("app/i18n").join(lang).join("app.ftl");
            let source = crate::dist::without_comments(&std::fs::read_to_string(path).unwrap());
            let all = guide_subset(&source, |_| true).unwrap();
            let count = |s: &str| {
                fluent_syntax::parser::parse(s)
                    .unwrap()
                    .body
                    .iter()
                    .filter(|e| matches!(e, Entry::Message(_) | Entry::Term(_)))
                    .count()
            };
            assert_eq!(count(&all), count(&source), "{lang}");
        }
    }
}
