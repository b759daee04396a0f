//! The full app's bundle: every route (see the library's documentation).

fn main() {
    jiuzhu::boot::start(|lang| {
        leptos::mount::mount_to_body(move || jiuzhu::app::App(jiuzhu::app::AppProps { lang }));
    });
}
