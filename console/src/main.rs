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
    // A panic aborts (the release profile): say where first, in the
    // browser's console (the end-to-end tests fail on console errors).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    leptos::mount::mount_to_body(app::App);
}
