//! The parsed types of the API's input: shared with the app through
//! `api-boundary`, so both validate alike.

pub use api_boundary::ids::*;
