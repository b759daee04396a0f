//! The guide bundle: the policy guide's pages, without the self-check's
//! code (see the library's documentation).

fn main() {
    // Before anything is fetched: the guide's message files are its own.
    jiuzhu::links::set_guide();
    jiuzhu::boot::start_prepared(
        |lang| {
            leptos::mount::mount_to_body(move || {
                jiuzhu::guide::Guide(jiuzhu::guide::GuideProps { lang })
            });
        },
        jiuzhu::guide::PREPARE,
    );
}
