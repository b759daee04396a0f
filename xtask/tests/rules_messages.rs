//! The rules engine explains its decisions with Fluent message ids and named
//! arguments (`rules-core/src`), and names the parameters of its policy packs
//! (`rules-core/policies/*.toml`). These checks keep `app/i18n/*/rules.ftl`
//! (the engine's ids) and `app/i18n/*/params.ftl` (the parameters' names,
//! a file of their own because the policy guide needs only them) in step
//! with both: every id and every parameter has a message in its file, the
//! three locales define the same ids with the same variables, and the files
//! parse.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

const DEFAULT_LOCALE: &str = "zh-CN";
const LOCALES: [&str; 3] = ["zh-CN", "zh-TW", "en"];

/// The prefixes of the ids the engine emits: tests applied, computation
/// steps, notes and "what would change it" hints.
const ID_PREFIXES: [&str; 4] = ["test-", "step-", "note-", "change-"];

fn files_with_extension(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
}

/// The contents of the string literals of a Rust source, skipping comments
/// and character literals (escapes are kept as written: ids have none).
fn string_literals(source: &str) -> Vec<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                let mut depth = 0usize;
                while i < chars.len() {
                    if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            // A character literal ('"', '\'', 'x'); a lifetime has no closing quote.
            '\'' => {
                if chars.get(i + 1) == Some(&'\\') {
                    i += 2;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            // A raw string: r"…", r#"…"#.
            'r' if matches!(chars.get(i + 1), Some('"' | '#'))
                && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let start = j + 1;
                let mut k = start;
                loop {
                    if k >= chars.len() {
                        break;
                    }
                    if chars[k] == '"' && (1..=hashes).all(|h| chars.get(k + h) == Some(&'#')) {
                        break;
                    }
                    k += 1;
                }
                out.push(chars[start..k.min(chars.len())].iter().collect());
                i = k + 1 + hashes;
            }
            '"' => {
                let mut text = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        text.push(chars[i]);
                        i += 1;
                    }
                    if let Some(&c) = chars.get(i) {
                        text.push(c);
                    }
                    i += 1;
                }
                out.push(text);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn is_message_id(text: &str) -> bool {
    ID_PREFIXES
        .iter()
        .any(|p| text.len() > p.len() && text.starts_with(p))
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !text.ends_with('-')
}

/// Every message id literal in the engine's sources.
fn engine_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for file in files_with_extension(&root().join("rules-core/src"), "rs") {
        let source = std::fs::read_to_string(&file).unwrap();
        ids.extend(
            string_literals(&source)
                .into_iter()
                .filter(|s| is_message_id(s)),
        );
    }
    assert!(ids.len() > 100, "too few message ids found: {ids:?}");
    ids
}

/// The parameter a TOML table header declares: `[parameters.NAME]`,
/// `[parameters.NAME.sub]`, `[[parameters.NAME.values]]`.
fn parameter_of_header(line: &str) -> Option<String> {
    let inner = line
        .trim()
        .trim_start_matches('[')
        .split(']')
        .next()?
        .trim();
    let rest = inner.strip_prefix("parameters.")?;
    let name = rest.split('.').next()?.trim().trim_matches('"');
    (!name.is_empty()).then(|| name.to_owned())
}

/// Every parameter name declared in a policy pack, as a `[parameters.NAME]`
/// table or as a key of a `[parameters]` table.
fn pack_parameters() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for file in files_with_extension(&root().join("rules-core/policies"), "toml") {
        let source = std::fs::read_to_string(&file).unwrap();
        let mut in_parameters_table = false;
        for line in source.lines() {
            let trimmed = line.trim();
            if trimmed.starts_with('[') {
                in_parameters_table = trimmed == "[parameters]";
                names.extend(parameter_of_header(trimmed));
            } else if in_parameters_table
                && !trimmed.starts_with('#')
                && let Some((key, _)) = trimmed.split_once('=')
            {
                let name = key.split('.').next().unwrap().trim().trim_matches('"');
                if !name.is_empty() {
                    names.insert(name.to_owned());
                }
            }
        }
    }
    assert!(names.len() > 20, "too few parameters found: {names:?}");
    names
}

fn param_id(name: &str) -> String {
    format!("param-{}", name.replace('_', "-"))
}

fn collect_inline(
    expression: &InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    bad: &mut Vec<String>,
) {
    match expression {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => collect_expression(expression, vars, bad),
        InlineExpression::FunctionReference { id, arguments } => {
            bad.push(format!("function {}", id.name));
            for a in &arguments.positional {
                collect_inline(a, vars, bad);
            }
            for a in &arguments.named {
                collect_inline(&a.value, vars, bad);
            }
        }
        InlineExpression::TermReference { id, .. } => bad.push(format!("term -{}", id.name)),
        InlineExpression::MessageReference { id, .. } => {
            bad.push(format!("message reference {}", id.name));
        }
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
    }
}

fn collect_expression(
    expression: &Expression<&str>,
    vars: &mut BTreeSet<String>,
    bad: &mut Vec<String>,
) {
    match expression {
        Expression::Inline(inline) => collect_inline(inline, vars, bad),
        Expression::Select { selector, variants } => {
            collect_inline(selector, vars, bad);
            for variant in variants {
                collect_pattern(&variant.value, vars, bad);
            }
        }
    }
}

fn collect_pattern(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>, bad: &mut Vec<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression(expression, vars, bad);
        }
    }
}

/// A locale's rules messages and parameter names (`rules.ftl` and
/// `params.ftl` together): id -> the variables used anywhere in it
/// (selectors included). Fails on an id in the wrong file or in both, and
/// as [`ftl_messages`] does.
fn rules_messages(locale: &str) -> BTreeMap<String, BTreeSet<String>> {
    let rules = ftl_messages(locale, "rules.ftl");
    let params = ftl_messages(locale, "params.ftl");
    let misplaced: Vec<_> = rules.keys().filter(|id| id.starts_with("param-")).collect();
    assert!(
        misplaced.is_empty(),
        "{locale}/rules.ftl names parameters (they belong in params.ftl): {misplaced:?}"
    );
    let misplaced: Vec<_> = params
        .keys()
        .filter(|id| !id.starts_with("param-"))
        .collect();
    assert!(
        misplaced.is_empty(),
        "{locale}/params.ftl has messages that are not parameter names: {misplaced:?}"
    );
    let mut out = rules;
    out.extend(params);
    out
}

/// One message file of a locale: id -> the variables used anywhere in it
/// (selectors included). Fails on a parse error, a duplicate id, a term,
/// an attribute, a message without a value, a function or a reference.
fn ftl_messages(locale: &str, name: &str) -> BTreeMap<String, BTreeSet<String>> {
    let file = root().join("app/i18n").join(locale).join(name);
    let source =
        std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(message) => {
                let id = message.id.name;
                let mut vars = BTreeSet::new();
                let mut bad = Vec::new();
                match &message.value {
                    Some(pattern) => collect_pattern(pattern, &mut vars, &mut bad),
                    None => bad.push("no value".to_owned()),
                }
                if !message.attributes.is_empty() {
                    bad.push("attributes".to_owned());
                }
                assert!(bad.is_empty(), "{locale} {name} {id}: {bad:?}");
                assert!(
                    out.insert(id.to_owned(), vars).is_none(),
                    "{locale} {name} defines {id} twice"
                );
            }
            Entry::Term(term) => {
                panic!("{locale} {name}: term -{} (use messages)", term.id.name)
            }
            Entry::Junk { content } => panic!("{locale} {name}: junk {content:?}"),
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
        }
    }
    out
}

#[test]
fn every_engine_message_id_has_a_reference_message() {
    let have = rules_messages(DEFAULT_LOCALE);
    let missing: Vec<_> = engine_ids()
        .into_iter()
        .filter(|id| !have.contains_key(id))
        .collect();
    assert!(
        missing.is_empty(),
        "{DEFAULT_LOCALE}/rules.ftl lacks {} engine ids: {missing:?}",
        missing.len()
    );
}

#[test]
fn every_pack_parameter_has_a_name() {
    let have = rules_messages(DEFAULT_LOCALE);
    let missing: Vec<_> = pack_parameters()
        .iter()
        .map(|name| param_id(name))
        .filter(|id| !have.contains_key(id))
        .collect();
    assert!(
        missing.is_empty(),
        "{DEFAULT_LOCALE}/params.ftl lacks parameter names: {missing:?}"
    );
}

/// A message nothing can show is a typo or a leftover.
#[test]
fn every_rules_message_is_for_an_engine_id_or_a_parameter() {
    let known: BTreeSet<String> = engine_ids()
        .into_iter()
        .chain(pack_parameters().iter().map(|n| param_id(n)))
        .collect();
    let stray: Vec<_> = rules_messages(DEFAULT_LOCALE)
        .into_keys()
        .filter(|id| !known.contains(id))
        .collect();
    assert!(
        stray.is_empty(),
        "{DEFAULT_LOCALE}/rules.ftl and params.ftl have ids the engine never emits: {stray:?}"
    );
}

#[test]
fn every_locale_defines_the_same_rules_ids() {
    let reference: BTreeSet<String> = rules_messages(DEFAULT_LOCALE).into_keys().collect();
    for locale in LOCALES {
        let have: BTreeSet<String> = rules_messages(locale).into_keys().collect();
        let missing: Vec<_> = reference.difference(&have).collect();
        assert!(
            missing.is_empty(),
            "{locale}/rules.ftl or params.ftl lacks {missing:?}"
        );
        let extra: Vec<_> = have.difference(&reference).collect();
        assert!(
            extra.is_empty(),
            "{locale}/rules.ftl and params.ftl have ids {DEFAULT_LOCALE} lacks: {extra:?}"
        );
    }
}

#[test]
fn translations_use_the_reference_variables() {
    let reference = rules_messages(DEFAULT_LOCALE);
    for locale in LOCALES {
        let other = rules_messages(locale);
        for (id, vars) in &reference {
            if let Some(theirs) = other.get(id) {
                assert_eq!(vars, theirs, "{locale}{id}: variables differ");
            }
        }
    }
}

#[test]
fn the_scanner_finds_ids_in_literals_only() {
    let source = r#"
        // "test-in-a-comment"
        /* "note-in-a-block" */
        let q = '"'; b.test("test-real-one", t, &[("member", Arg::N(i))]);
        let s = "step-with-escape\"";
        fn f<'a>(x: &'a str) { b.note("note-after-lifetime", &[]); }
        let r = r"change-raw";
        let p = "test-"; let u = "Test-upper";
    "#;
    let ids: BTreeSet<String> = string_literals(source)
        .into_iter()
        .filter(|s| is_message_id(s))
        .collect();
    let expected: BTreeSet<String> = ["test-real-one", "note-after-lifetime", "change-raw"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(ids, expected);
    assert_eq!(
        parameter_of_header("[parameters.dibao_standard_urban]"),
        Some("dibao_standard_urban".to_owned())
    );
    assert_eq!(
        parameter_of_header("[[parameters.taper_months.values]]"),
        Some("taper_months".to_owned())
    );
    assert_eq!(parameter_of_header("[programs.dibao]"), None);
}
