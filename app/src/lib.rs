//! 救助通: the resident-facing app, rendered in the browser.
//!
//! One library, three bundles (one WASM each, see `Cargo.toml`):
//! - `landing` (`src/bin/landing.rs`, root [`landing::Landing`]): the home
//!   page, which is what a first visit (a WeChat link) opens. It carries no
//!   rules engine, questionnaire or household types, so it arrives quickly
//!   on a slow link.
//! - `guide` (`src/bin/guide.rs`, root [`guide::Guide`]): the policy guide
//!   (`/programs`, `/programs/:id`), whose links are shared in groups. It
//!   reads each place's guide file (written from its pack at build time,
//!   [`guide_file`]), not the pack: no rules engine, pack types, decimal
//!   arithmetic or JSON deserialiser, questionnaire or household types.
//! - `app` (`src/main.rs`, root [`app::App`]): every route, the home page
//!   and the guide included, for the check, applying and tracking.
//!
//! A link from a light bundle to a route it does not render is a full page
//! load ([`links`]); the place chosen travels in the draft saved in local
//! storage ([`place`]), the language in its own key.

pub mod api;
pub mod app;
pub mod boot;
pub mod components;
pub mod event;
pub mod filing;
pub mod guide;
pub mod guide_file;
pub mod i18n;
pub mod landing;
pub mod links;
pub mod offline;
pub mod options;
pub mod pages;
pub mod place;
pub mod share;
pub mod state;
