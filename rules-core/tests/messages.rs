//! The catalogue of message ids the engine emits, committed at
//! `rules-core/messages.txt` so the app's Fluent files can be checked against
//! it. Regenerate with `UPDATE_MESSAGES=1 cargo test -p rules-core --test messages`.

use std::collections::BTreeSet;
use std::path::Path;

fn ids_in(src: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for piece in src.split('"').skip(1).step_by(2) {
        let is_id = ["test-", "step-", "note-", "change-"]
            .iter()
            .any(|p| piece.starts_with(p))
            && piece.len() > 6
            && piece
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if is_id {
            out.insert(piece.to_owned());
        }
    }
    out
}

#[test]
fn message_catalogue_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(root.join("src/screen.rs")).expect("source");
    let ids = ids_in(&src);
    assert!(ids.len() > 50, "too few ids found: {ids:?}");
    let mut text = String::from(
        "# Message ids emitted by rules-core (tests, steps, notes, would-change hints).\n\
         # Generated: UPDATE_MESSAGES=1 cargo test -p rules-core --test messages\n",
    );
    for id in &ids {
        text.push_str(id);
        text.push('\n');
    }
    let path = root.join("messages.txt");
    if std::env::var_os("UPDATE_MESSAGES").is_some() {
        std::fs::write(&path, &text).expect("write");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "messages.txt is stale: run `UPDATE_MESSAGES=1 cargo test -p rules-core --test messages`"
    );
}
