//! 救助通: the resident-facing app, rendered in the browser.
//!
//! One library, two bundles (one WASM each, see `Cargo.toml`):
//! - `landing` (`src/bin/landing.rs`, root [`landing::Landing`]): the home
//!   page, which is what a first visit (a WeChat link) opens. It carries no
//!   rules engine, questionnaire or household types, so it arrives quickly
//!   on a slow link.
//! - `app` (`src/main.rs`, root [`app::App`]): every route, the home page
//!   included, for the check, the guide, applying and tracking.
//!
//! A link from the landing bundle to a route only the full app renders is a
//! full page load ([`links`]); the place chosen travels in the draft saved
//! in local storage ([`place`]), the language in its own key.

pub mod api;
pub mod app;
pub mod boot;
pub mod components;
pub mod event;
pub mod filing;
pub mod i18n;
pub mod landing;
pub mod links;
pub mod offline;
pub mod options;
pub mod pages;
pub mod place;
pub mod share;
pub mod state;
