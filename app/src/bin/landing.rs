//! The landing bundle: the home page of a first visit, without the
//! self-check's code (see the library's documentation).

fn main() {
    jiuzhu::boot::start(|lang| {
        leptos::mount::mount_to_body(move || {
            jiuzhu::landing::Landing(jiuzhu::landing::LandingProps { lang })
        });
    });
}
