//! The site's addresses that the server and the app must agree on.

/// Whether a path (without its query) is the policy guide's: `/programs` or
/// `/programs/<id>`. The server sends these paths the guide bundle's page
/// (`guide.html`), and the guide bundle renders exactly these.
pub fn is_guide_path(path: &str) -> bool {
    match path.strip_prefix("/programs") {
        Some("" | "/") => true,
        Some(rest) => rest
            .strip_prefix('/')
            .is_some_and(|id| !id.is_empty() && !id.contains('/')),
        None => false,
    }
}

/// The guide page a guide path shows: `"index"` for the list of programs
/// (`/programs`, `/programs/`), else the program's id as written in the path.
pub fn guide_page(path: &str) -> Option<&str> {
    if !is_guide_path(path) {
        return None;
    }
    match path.strip_prefix("/programs/") {
        None | Some("") => Some("index"),
        Some(id) => Some(id),
    }
}

/// The shipped languages' tags.
pub const LANGUAGES: [&str; 3] = ["zh-CN", "zh-TW", "en"];

/// Where `cargo xtask build` writes, and the server reads, the home page
/// with its first paint in each language but zh-CN (`<lang>.html`; zh-CN's
/// is `index.html`).
pub const HOME_PAGES_DIR: &str = "home-pages";

/// Where `cargo xtask build` writes, and the server reads, the guide's pages
/// with a first paint (`<code>/<lang>/<page>.html` and `pages.json`).
pub const GUIDE_PAGES_DIR: &str = "guide-pages";

/// The shipped language a browser or URL language tag asks for: traditional
/// Chinese variants (TW, HK, MO, Hant) → `zh-TW`, other Chinese → `zh-CN`,
/// English → `en`; anything else is not ours. The app chooses its language
/// with it, the server its first paint.
pub fn shipped_language(tag: &str) -> Option<&'static str> {
    let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
    let mut parts = tag.split('-');
    match parts.next()? {
        "zh" => {
            let rest: Vec<&str> = parts.collect();
            let traditional = rest
                .iter()
                .any(|p| matches!(*p, "tw" | "hk" | "mo" | "hant"));
            let simplified = rest.contains(&"hans");
            Some(if traditional && !simplified {
                "zh-TW"
            } else {
                "zh-CN"
            })
        }
        "en" => Some("en"),
        _ => None,
    }
}

/// The language a first visit opens in, as far as a server can tell: the
/// link's `?lang=`, else the first of the browser's languages
/// (`Accept-Language`, in its order) that is shipped, else zh-CN. The app
/// also looks at a choice saved on the device before the browser's
/// languages, which a server cannot see.
pub fn first_visit_language(
    link_lang: Option<&str>,
    accept_language: Option<&str>,
) -> &'static str {
    link_lang
        .and_then(shipped_language)
        .or_else(|| {
            accept_language?
                .split(',')
                .filter_map(|item| item.split(';').next())
                .find_map(shipped_language)
        })
        .unwrap_or("zh-CN")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_tags_map_to_shipped_languages() {
        for (tag, lang) in [
            ("zh-CN", Some("zh-CN")),
            ("zh", Some("zh-CN")),
            ("zh-Hans-HK", Some("zh-CN")),
            ("zh-TW", Some("zh-TW")),
            ("zh_HK", Some("zh-TW")),
            ("zh-Hant", Some("zh-TW")),
            ("en-GB", Some("en")),
            ("fr-FR", None),
            ("*", None),
            ("", None),
        ] {
            assert_eq!(shipped_language(tag), lang, "{tag}");
        }
    }

    #[test]
    fn a_first_visit_opens_in_the_links_then_the_browsers_language() {
        let first = first_visit_language;
        assert_eq!(first(Some("en"), Some("zh-CN")), "en");
        assert_eq!(first(Some("xx"), Some("zh-TW,zh;q=0.9")), "zh-TW");
        assert_eq!(first(None, Some("fr-FR, en-US;q=0.8, zh;q=0.5")), "en");
        assert_eq!(first(None, Some("fr")), "zh-CN");
        assert_eq!(first(None, None), "zh-CN");
    }

    #[test]
    fn a_guide_path_names_its_page() {
        assert_eq!(guide_page("/programs"), Some("index"));
        assert_eq!(guide_page("/programs/"), Some("index"));
        assert_eq!(guide_page("/programs/dibao"), Some("dibao"));
        assert_eq!(guide_page("/programs/dibao/x"), None);
        assert_eq!(guide_page("/check"), None);
    }

    #[test]
    fn guide_paths_are_the_programs_list_and_one_program() {
        for path in ["/programs", "/programs/", "/programs/dibao"] {
            assert!(is_guide_path(path), "{path}");
        }
        for path in [
            "/",
            "/programsx",
            "/programs/dibao/x",
            "/programs//",
            "/check/results",
            "/program",
        ] {
            assert!(!is_guide_path(path), "{path}");
        }
    }
}
