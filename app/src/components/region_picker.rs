//! Choose the jurisdiction: a search box over the packs' places, by name or
//! 行政区划代码.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::place::use_place;
use crate::state::REGIONS;
use crate::{links, t};

#[component]
pub fn RegionPicker(
    /// Where to go after choosing.
    #[prop(default = "/check/members")]
    then: &'static str,
) -> impl IntoView {
    let place = use_place();
    let navigate = use_navigate();
    let query = RwSignal::new(String::new());
    let matches = move || {
        let q = query.get();
        let q = q.trim();
        REGIONS
            .iter()
            .filter(|r| {
                q.is_empty() || r.code.contains(q) || r.name.contains(q) || r.parent.contains(q)
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div class="region-picker">
            <label for="region-search">{t!("region-search-label")}</label>
            <input
                id="region-search"
                type="search"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <ul class="region-list" aria-live="polite">
                {move || {
                    let list = matches();
                    if list.is_empty() {
                        return view! { <li class="empty">{t!("region-none-found")}</li> }.into_any();
                    }
                    list.into_iter()
                        .map(|r| {
                            let navigate = navigate.clone();
                            let (code, name, parent, demo) = (r.code, r.name, r.parent, r.demo);
                            let chosen = code;
                            let data_region = code;
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="region-option"
                                        data-region=data_region
                                        on:click=move |_| {
                                            place.choose.run(chosen.to_owned());
                                            links::go(&navigate, then);
                                        }
                                    >
                                        <span class="name" lang="zh-CN">{name}</span>
                                        <span class="meta" lang="zh-CN">{parent}" · "{code}</span>
                                        {demo.then(|| view! { <span class="badge demo">{t!("region-demo")}</span> })}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </ul>
        </div>
    }
}
