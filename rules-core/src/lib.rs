//! The rules engine: a household and a policy pack in, decisions out.
//!
//! Invariants: no I/O, no clock, no locale, no wasm-bindgen. The caller passes
//! the date and the data.
