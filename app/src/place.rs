//! The place chosen for the check (its 行政区划代码), as the home page and
//! the region picker see it. Each bundle provides it: the full app from the
//! draft in its store; the landing bundle, which has neither the store nor
//! the household's types, from the draft saved in local storage, of which it
//! reads and writes only the place ([`state::saved_region`],
//! [`state::save_region`]).

use leptos::prelude::*;

use crate::state::{self, Store};

#[derive(Clone, Copy)]
pub struct Place {
    /// The chosen place's code, if any (reactive).
    pub code: Signal<Option<String>>,
    /// Choose a place; the choice is kept with the draft.
    pub choose: Callback<String>,
}

/// A link may carry the jurisdiction: `?region=441521`. An unknown code is
/// ignored (the picker shows instead).
pub fn region_from_link() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let code = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("region="))?;
    state::region(code).map(|r| r.code.to_owned())
}

/// The full app: the place is the draft's.
pub fn provide_from_store(store: Store) {
    provide_context(Place {
        code: store.region.into(),
        choose: Callback::new(move |code: String| {
            store
                .draft
                .update(|d| d.household.jurisdiction = Some(code))
        }),
    });
}

/// The light bundles: the place of the saved draft, and a choice written
/// back at once, so the full app finds it when the check starts.
pub fn provide_from_storage() {
    let code = RwSignal::new(state::saved_region());
    provide_context(Place {
        code: code.into(),
        choose: Callback::new(move |chosen: String| {
            state::save_region(&chosen);
            code.set(Some(chosen));
        }),
    });
}

pub fn use_place() -> Place {
    expect_context::<Place>()
}
