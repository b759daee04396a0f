//! 救助通 工作台: the worker console, rendered in the browser and served
//! under `/console/` (its own bundle, so residents never download it).

mod api;
mod app;
mod components;
mod csv;
mod format;
mod i18n;
mod pages;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
