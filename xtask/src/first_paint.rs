//! Static files written into `dist/` after Trunk: the policy packs as JSON
//! (the app fetches a place's pack when it is chosen), each place's policy
//! guide (the guide's pages fetch it) and the first paint, the home page as
//! plain HTML inside `index.html` (zh-CN) and `home-pages/<lang>.html` (the
//! others), so a phone shows the page, in its language, before the WASM has
//! arrived. The app replaces it when it mounts.
//!
//! The first paint's text comes from `app/i18n/<lang>/app.ftl` and the
//! places from the packs; the markup is `xtask/first-paint.html`, which mirrors what
//! the app renders on `/` (same elements and classes, so the swap does not
//! move anything).

use std::path::Path;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

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
fn regions_html(m: &Messages) -> Result<String, String> {
    let demo_label = m.html("region-demo")?;
    let mut html = String::new();
    for pack in rules_core::packs::embedded_ref() {
        let j = &pack.jurisdiction;
        let demo = if j.demo {
            format!(r#"<span class="badge demo">{demo_label}</span>"#)
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

/// The home page's first paint in `m`'s language: the template with each
/// `{{message-id}}` that message (escaped) and `{{regions}}` the list of
/// places, in the frame of every page (`frame`, from [`frame_template`]).
pub fn render(template: &str, frame_template: &str, m: &Messages) -> Result<String, String> {
    let page = fill(template, |key| {
        if key == "regions" {
            regions_html(m)
        } else {
            m.html(key)
        }
    })?;
    frame(frame_template, "/", m.lang, &page, |id| m.html(id))
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

/// Put the home page's first paint into `dist/index.html` (the landing page,
/// zh-CN), right after `<body>`, and write the same page in each other
/// language to `dist/home-pages/<lang>.html` (its language, title and
/// description too). `dist/shell.html`, which the server sends for every
/// other client route (`/check/…`), has none: a flash of the home page there
/// would be wrong. `languages`: [`Messages::load_all`].
pub fn write_first_paint(dist: &Path, languages: &[Messages]) -> Result<(), String> {
    let template = std::fs::read_to_string(root().join("xtask/first-paint.html"))
        .map_err(|e| format!("xtask/first-paint.html: {e}"))?;
    let frame = frame_template()?;
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    if html.contains(r#"id="first-paint""#) || html.contains("id=first-paint") {
        return Err("dist/index.html already has a first paint: build again".to_owned());
    }
    let zh_cn = Messages::zh_cn(languages)?;
    // Not precached by the service worker: only the server sends them, to a
    // first visit in that language.
    let dir = dist.join(api_boundary::site::HOME_PAGES_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for m in languages {
        let page = in_language(&html, zh_cn, m)?;
        let at = page.find("<body>").ok_or("dist/index.html has no <body>")? + "<body>".len();
        let first_paint = render(&template, &frame, m)?;
        let page = format!("{}{first_paint}{}", &page[..at], &page[at..]);
        let path = if m.lang == "zh-CN" {
            index.clone()
        } else {
            dir.join(format!("{}.html", m.lang))
        };
        std::fs::write(&path, page).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// A language's messages a first paint shows: the UI file and the
/// parameters' names, formatted as the app formats them.
pub struct Messages {
    pub lang: &'static str,
    bundle: FluentBundle<FluentResource>,
}

impl Messages {
    pub fn load(lang: &'static str) -> Result<Messages, String> {
        let id: unic_langid::LanguageIdentifier =
            lang.parse().map_err(|e| format!("{lang}: {e}"))?;
        let mut bundle = FluentBundle::new(vec![id]);
        // As in the app: no U+2068/U+2069 around arguments.
        bundle.set_use_isolating(false);
        for file in ["app.ftl", "params.ftl"] {
            let path = root().join("app/i18n").join(lang).join(file);
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let resource = FluentResource::try_new(text)
                .map_err(|(_, e)| format!("{}: {e:?}", path.display()))?;
            bundle
                .add_resource(resource)
                .map_err(|e| format!("{}: {e:?}", path.display()))?;
        }
        Ok(Messages { lang, bundle })
    }

    /// Every shipped language's messages, read once for a build.
    pub fn load_all() -> Result<Vec<Messages>, String> {
        api_boundary::site::LANGUAGES
            .into_iter()
            .map(Messages::load)
            .collect()
    }

    /// zh-CN's among `languages` (the language Trunk's pages are built in).
    pub fn zh_cn(languages: &[Messages]) -> Result<&Messages, String> {
        languages
            .iter()
            .find(|m| m.lang == "zh-CN")
            .ok_or_else(|| "no zh-CN messages".to_owned())
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message with its arguments (all strings, as the app passes them).
    pub fn tr_args(&self, id: &str, args: &[(&str, &str)]) -> Result<String, String> {
        let pattern = self
            .bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| format!("first paint: app/i18n/{} has no message {id}", self.lang))?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(format!("first paint: message {id}: {errors:?}"))
        }
    }

    pub fn tr(&self, id: &str) -> Result<String, String> {
        self.tr_args(id, &[])
    }

    /// A message as markup (escaped).
    pub fn html(&self, id: &str) -> Result<String, String> {
        self.tr(id).map(|t| escape(&t))
    }

    pub fn html_args(&self, id: &str, args: &[(&str, &str)]) -> Result<String, String> {
        self.tr_args(id, args).map(|t| escape(&t))
    }
}

/// A page built by Trunk (with the zh-CN language, title and description)
/// in `to`'s: as the app sets them when it starts (`i18n::update_document`).
pub fn in_language(page: &str, zh_cn: &Messages, to: &Messages) -> Result<String, String> {
    let mut page = page.to_owned();
    for (from, into) in [
        (
            "<html lang=zh-CN>".to_owned(),
            format!("<html lang={}>", to.lang),
        ),
        (
            format!("<title>{}</title>", zh_cn.html("app-page-title")?),
            format!("<title>{}</title>", to.html("app-page-title")?),
        ),
        (
            format!(
                "<meta content={} name=description>",
                zh_cn.html("app-description")?
            ),
            format!(
                r#"<meta content="{}" name=description>"#,
                to.html("app-description")?
            ),
        ),
    ] {
        if !page.contains(&from) {
            return Err(format!("the page has no `{from}` to put in {}", to.lang));
        }
        page = page.replacen(&from, &into, 1);
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_in_its_language_before_the_app_starts() {
        let zh_cn = Messages::load("zh-CN").unwrap();
        let page = format!(
            "<!doctype html><html lang=zh-CN><title>{}</title><meta content={} name=description><body></body>",
            zh_cn.html("app-page-title").unwrap(),
            zh_cn.html("app-description").unwrap()
        );
        let en = Messages::load("en").unwrap();
        let page = in_language(&page, &zh_cn, &en).unwrap();
        assert!(page.starts_with("<!doctype html><html lang=en><title>Jiuzhu"));
        assert!(page.contains(r#"<meta content="Check anonymously"#));
        assert!(in_language("<html lang=en>", &zh_cn, &en).is_err());
    }

    #[test]
    fn the_home_page_paints_in_each_language() {
        let template = std::fs::read_to_string(root().join("xtask/first-paint.html")).unwrap();
        let frame = frame_template().unwrap();
        for lang in api_boundary::site::LANGUAGES {
            let m = Messages::load(lang).unwrap();
            let html = render(&template, &frame, &m).unwrap();
            assert!(html.contains(&format!(
                r#"<h1 id="home-heading">{}</h1>"#,
                m.html("home-heading").unwrap()
            )));
            assert!(html.contains(&format!(r#"data-lang="{lang}" aria-pressed="true""#)));
            // Every place, the demo marked in the page's language.
            assert_eq!(html.matches(r#"class="region-option""#).count(), 5);
            assert!(html.contains(&m.html("region-demo").unwrap()));
            assert!(!html.contains("{{") && !html.contains(">home-"));
        }
        let en = render(&template, &frame, &Messages::load("en").unwrap()).unwrap();
        assert!(!en.contains("查一查"));
    }
}
