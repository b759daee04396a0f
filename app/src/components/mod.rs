//! Reusable pieces of the layout.

pub mod header;
pub mod lang_switch;
