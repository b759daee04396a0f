//! The guide bundle: the policy guide's pages, without the self-check's
//! code (see the library's documentation).

fn main() {
    jiuzhu::boot::start(|lang| {
        leptos::mount::mount_to_body(move || {
            jiuzhu::guide::Guide(jiuzhu::guide::GuideProps { lang })
        });
    });
}
