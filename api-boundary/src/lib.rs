//! The boundary between the browser and the server (as in Leptos'
//! `login_with_token_csr_only` example's `api-boundary` crate): the JSON
//! shapes of 掌上办's filing and tracking API, and the "parse, don't
//! validate" types both sides check input with, so the app's as-you-type
//! messages and the server's field errors can never disagree; and the few
//! site addresses both route by (`site`). No I/O.

pub mod filing;
pub mod ids;
pub mod site;
