//! The rules engine: a household and a policy pack in, decisions out.
//!
//! Invariants: no I/O, no clock, no locale, no wasm-bindgen. The caller passes
//! the date and the data.
//!
//! ```
//! use rules_core::{Date, Household, packs, screen};
//! let pack = packs::embedded_pack("440114").unwrap();
//! let household: Household = serde_json::from_str(r#"{"members": [{"age": 70}]}"#).unwrap();
//! let screening = screen(&pack, &household, Date::parse("2025-01-01").unwrap());
//! assert_eq!(screening.decisions.len(), rules_core::ProgramId::ALL.len());
//! ```

pub mod date;
pub mod explain;
pub mod guide;
pub mod household;
pub mod money;
pub mod outcome;
pub mod pack;
pub mod program;
mod screen;
pub mod validate;

pub use date::Date;
pub use household::Household;
pub use money::{Amount, Bound, Period};
pub use outcome::{
    ArgValue, Brief, Check, ChecklistItem, Decision, Message, Outcome, Screening, Status, Step,
};
pub use pack::{Pack, PackError, ParamValue};
pub use program::ProgramId;
pub use screen::{Screener, screen, screen_brief};

/// Policy packs: embedded ones and loaders.
pub mod packs {
    #[cfg(feature = "toml")]
    pub use crate::pack::load_toml_packs;
    pub use crate::pack::{assemble, embedded, embedded_pack, embedded_ref, embedded_sources};
}
