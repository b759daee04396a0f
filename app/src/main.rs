//! 救助通: the resident-facing app, rendered in the browser.

mod app;
mod components;
mod i18n;
mod options;
mod pages;
mod share;
mod state;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
