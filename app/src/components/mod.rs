//! Reusable pieces of the layout.

pub mod display;
pub mod fields;
pub mod frame;
pub mod header;
pub mod lang_switch;
pub mod param;
pub mod region_picker;
