//! One module per route (and the sign-in page, shown instead of any route
//! while nobody is signed in).

pub mod audit;
pub mod batch;
pub mod case;
pub mod queue;
pub mod signin;
