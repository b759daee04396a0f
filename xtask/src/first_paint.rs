//! Static files written into `dist/` after Trunk: the policy packs as JSON
//! (the app fetches a place's pack when it is chosen), each place's policy
//! guide (the guide's pages fetch it) and the first paint,
//! the home page in zh-CN as plain HTML inside `index.html`, so a phone shows
//! the page before the WASM has arrived. The app replaces it when it mounts.
//!
//! The first paint's text comes from `app/i18n/zh-CN/app.ftl` and the places
//! from the packs; the markup is `xtask/first-paint.html`, which mirrors what
//! the app renders on `/` (same elements and classes, so the swap does not
//! move anything).

use std::path::Path;

use fluent_syntax::ast::{Entry, PatternElement};

use crate::shell::root;

/// `dist/packs/<code>.json`: every place's complete pack (merged with the
/// national defaults), as `rules_core::Pack::from_json` reads it.
pub fn write_packs(dist: &Path) -> Result<(), String> {
    let dir = dist.join("packs");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for pack in rules_core::packs::embedded_ref() {
        let json = serde_json::to_string(pack).map_err(|e| e.to_string())?;
        let path = dir.join(format!("{}.json", pack.jurisdiction.code));
        std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// `dist/guides/<code>.json`: what the policy guide shows of every place
/// (`rules_core::guide::PlaceGuide`, read from the same merged packs), which
/// the guide's pages fetch instead of the pack: the guide's light bundle
/// reads it with the browser's `JSON.parse`, without the pack's types.
pub fn write_guides(dist: &Path) -> Result<(), String> {
    let dir = dist.join("guides");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for pack in rules_core::packs::embedded_ref() {
        let guide = rules_core::guide::PlaceGuide::of(pack);
        let json = serde_json::to_string(&guide).map_err(|e| e.to_string())?;
        let path = dir.join(format!("{}.json", guide.code));
        std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The simple messages (text only, no placeables) of a Fluent file.
pub fn simple_messages(ftl: &str) -> Result<Vec<(String, String)>, String> {
    let resource = fluent_syntax::parser::parse(ftl).map_err(|(_, e)| format!("{e:?}"))?;
    let mut out = Vec::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry
            && let Some(pattern) = message.value
        {
            let mut text = String::new();
            let mut simple = true;
            for element in pattern.elements {
                match element {
                    PatternElement::TextElement { value } => text.push_str(value),
                    PatternElement::Placeable { .. } => simple = false,
                }
            }
            if simple {
                out.push((message.id.name.to_owned(), text));
            }
        }
    }
    Ok(out)
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The region picker's list, as the app renders it.
fn regions_html(messages: &[(String, String)]) -> Result<String, String> {
    let demo_label = lookup(messages, "region-demo")?;
    let mut html = String::new();
    for pack in rules_core::packs::embedded_ref() {
        let j = &pack.jurisdiction;
        let demo = if j.demo {
            format!(r#"<span class="badge demo">{}</span>"#, escape(demo_label))
        } else {
            String::new()
        };
        html.push_str(&format!(
            r#"<li><button type="button" class="region-option" data-region="{code}"><span class="name" lang="zh-CN">{name}</span><span class="meta" lang="zh-CN">{parent} · {code}</span>{demo}</button></li>"#,
            code = escape(&j.code),
            name = escape(&j.name),
            parent = escape(j.parent.as_deref().unwrap_or_default()),
        ));
    }
    Ok(html)
}

fn lookup<'a>(messages: &'a [(String, String)], id: &str) -> Result<&'a str, String> {
    messages
        .iter()
        .find(|(i, _)| i == id)
        .map(|(_, text)| text.as_str())
        .ok_or_else(|| format!("first paint: app/i18n/zh-CN/app.ftl has no simple message {id}"))
}

/// Fill the template: `{{message-id}}` becomes that zh-CN message (escaped),
/// `{{regions}}` the list of places; then put it into the frame.
pub fn render(template: &str, ftl: &str) -> Result<String, String> {
    let messages = simple_messages(ftl)?;
    let message = |id: &str| Ok(escape(lookup(&messages, id)?));
    let page = fill(template, |key| {
        if key == "regions" {
            regions_html(&messages)
        } else {
            message(key)
        }
    })?;
    frame(&frame_template()?, "/", "zh-CN", &page, message)
}

/// The frame of every page's first paint, `xtask/paint-frame.html`.
pub fn frame_template() -> Result<String, String> {
    std::fs::read_to_string(root().join("xtask/paint-frame.html"))
        .map_err(|e| format!("xtask/paint-frame.html: {e}"))
}

/// A page's markup in the frame of every page (`template`, from
/// [`frame_template`]): `current` is the page's own link in the header (`/`,
/// `/programs`), `lang` its language, `message` a message of that language
/// as markup.
pub fn frame(
    template: &str,
    current: &str,
    lang: &str,
    page: &str,
    message: impl Fn(&str) -> Result<String, String>,
) -> Result<String, String> {
    fill(template, |key| {
        if key == "page" {
            Ok(page.to_owned())
        } else if let Some(path) = key.strip_prefix("link:") {
            Ok(if path == current {
                r#" aria-current="page""#
            } else {
                r#" rel="external""#
            }
            .to_owned())
        } else if let Some(tag) = key.strip_prefix("pressed:") {
            Ok((tag == lang).to_string())
        } else {
            message(key)
        }
    })
}

/// A template without its comments and indentation, each `{{key}}` replaced
/// by `value(key)` (already markup).
pub fn fill(
    template: &str,
    mut value: impl FnMut(&str) -> Result<String, String>,
) -> Result<String, String> {
    let mut markup = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("<!--") {
        markup.push_str(&rest[..start]);
        let end = rest[start..]
            .find("-->")
            .ok_or("first paint: unclosed comment")?
            + start;
        rest = &rest[end + 3..];
    }
    markup.push_str(rest);
    // The template is indented for reading; the page needs none of it.
    let markup: String = markup
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut out = String::new();
    let mut rest = markup.as_str();
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("}}")
            .ok_or("first paint: unclosed {{ in the template")?
            + start;
        out.push_str(&value(rest[start + 2..end].trim())?);
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Put the first paint into `dist/index.html` (the landing page), right
/// after `<body>`; `dist/shell.html`, which the server sends for every other
/// client route (`/check/…`, `/programs/…`), has none: a flash of the home
/// page there would be wrong.
pub fn write_first_paint(dist: &Path) -> Result<(), String> {
    let template = std::fs::read_to_string(root().join("xtask/first-paint.html"))
        .map_err(|e| format!("xtask/first-paint.html: {e}"))?;
    let ftl = std::fs::read_to_string(root().join("app/i18n/zh-CN/app.ftl"))
        .map_err(|e| format!("app/i18n/zh-CN/app.ftl: {e}"))?;
    let first_paint = render(&template, &ftl)?;
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    if html.contains(r#"id="first-paint""#) || html.contains("id=first-paint") {
        return Err("dist/index.html already has a first paint: build again".to_owned());
    }
    let at = html.find("<body>").ok_or("dist/index.html has no <body>")? + "<body>".len();
    let html = format!("{}{first_paint}{}", &html[..at], &html[at..]);
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))
}
