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

#[cfg(test)]
mod tests {
    use super::is_guide_path;

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
