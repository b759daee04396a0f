//! The queue: the worker's cases under the chosen filters, urgent first (the
//! server's order), overdue steps marked in words and not by colour alone,
//! and the export as a CSV file written here in the worker's language.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::api::{self, Queue, QueueItem};
use crate::app::{Filters, worker};
use crate::{csv, format, i18n, t};

/// The statuses one can filter on, after `open` and `all`.
const STATUSES: [&str; 8] = [
    "submitted",
    "accepted",
    "investigation",
    "review",
    "publicity",
    "approved",
    "rejected",
    "withdrawn",
];

#[component]
pub fn QueuePage() -> impl IntoView {
    let filters = expect_context::<Filters>();
    let data = RwSignal::new(None::<Result<Queue, api::Error>>);
    // Jurisdiction names seen in answers, for the filter's labels (the
    // session names codes only).
    let names = RwSignal::new(std::collections::BTreeMap::<String, String>::new());
    let generation = StoredValue::new(0u32);
    let load = move || {
        let (status, jurisdiction) = (filters.status.get(), filters.jurisdiction.get());
        let this = generation.get_value() + 1;
        generation.set_value(this);
        data.set(None);
        spawn_local(async move {
            let result = api::queue(&status, &jurisdiction).await;
            // A slower answer to an older filter must not replace a newer one,
            // and one that comes after the page was left (the worker went on
            // to the batch page) finds its values disposed: it must end here,
            // not panic.
            if generation.try_get_value() != Some(this) {
                return;
            }
            if let Ok(queue) = &result {
                names.update(|n| {
                    for item in &queue.items {
                        n.insert(item.jurisdiction.clone(), item.jurisdiction_name.clone());
                    }
                });
            }
            data.set(Some(result));
        });
    };
    Effect::new(move |_| load());

    let jurisdictions = move || worker().map(|w| w.jurisdictions).unwrap_or_default();
    let export_state = RwSignal::new(None::<Result<usize, api::Error>>);
    let exporting = RwSignal::new(false);
    let export = move |_| {
        exporting.set(true);
        export_state.set(None);
        let (status, jurisdiction) = (
            filters.status.get_untracked(),
            filters.jurisdiction.get_untracked(),
        );
        spawn_local(async move {
            let result = api::export(&status, &jurisdiction).await;
            exporting.set(false);
            export_state.set(Some(result.map(|queue| {
                download_csv(&queue.items);
                queue.items.len()
            })));
        });
    };

    view! {
        <h1>{t!("queue-heading")}</h1>
        <form class="filters card" on:submit=|ev| ev.prevent_default()>
            <h2 class="visually-hidden">{t!("queue-filters")}</h2>
            <div class="field">
                <label for="filter-status">{t!("queue-filter-status")}</label>
                <select
                    id="filter-status"
                    on:change=move |ev| filters.status.set(event_target_value(&ev))
                    prop:value=move || filters.status.get()
                >
                    <option value="open" selected=move || filters.status.get() == "open">
                        {t!("filter-open")}
                    </option>
                    <option value="all" selected=move || filters.status.get() == "all">
                        {t!("filter-all")}
                    </option>
                    {STATUSES
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s selected=move || filters.status.get() == s>
                                    {move || i18n::status_name(s)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-jurisdiction">{t!("queue-filter-jurisdiction")}</label>
                <select
                    id="filter-jurisdiction"
                    on:change=move |ev| filters.jurisdiction.set(event_target_value(&ev))
                    prop:value=move || filters.jurisdiction.get()
                >
                    <option value="" selected=move || filters.jurisdiction.get().is_empty()>
                        {t!("filter-all-jurisdictions")}
                    </option>
                    {move || {
                        jurisdictions()
                            .into_iter()
                            .map(|code| {
                                let label = {
                                    let code = code.clone();
                                    move || match names.get().get(&code) {
                                        Some(name) if !name.is_empty() => format!("{name} {code}"),
                                        _ => code.clone(),
                                    }
                                };
                                let selected = {
                                    let code = code.clone();
                                    move || filters.jurisdiction.get() == code
                                };
                                view! {
                                    <option value=code selected=selected>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="export">
                <button
                    type="button"
                    class="button secondary"
                    on:click=export
                    disabled=move || exporting.get()
                >
                    {move || {
                        if exporting.get() { i18n::tr("queue-exporting") } else { i18n::tr("queue-export") }
                    }}
                </button>
                <p class="status-line" role="status">
                    {move || match export_state.get() {
                        Some(Ok(n)) => i18n::tr_args("queue-exported", &[("count", n.to_string())]),
                        Some(Err(e)) => i18n::tr(e.message_id()),
                        None => String::new(),
                    }}
                </p>
            </div>
        </form>
        <p class="note">{t!("queue-order")}</p>
        {move || match data.get() {
            None => view! { <p class="loading" role="status">{t!("loading")}</p> }.into_any(),
            Some(Err(e)) => {
                view! {
                    <div class="notice error-notice" role="alert">
                        <p>{move || i18n::tr(e.message_id())}</p>
                        <button type="button" class="button secondary" on:click=move |_| load()>
                            {t!("retry")}
                        </button>
                    </div>
                }
                    .into_any()
            }
            Some(Ok(queue)) => view! { <QueueTable queue/> }.into_any(),
        }}
    }
}

#[component]
fn QueueTable(queue: Queue) -> impl IntoView {
    let count = queue.items.len();
    let truncated = queue.truncated;
    if count == 0 {
        return view! { <p class="empty">{t!("queue-empty")}</p> }.into_any();
    }
    view! {
        <p class="count" role="status">
            {t!("queue-count", count = count)}
        </p>
        {truncated
            .then(|| {
                view! { <p class="notice">{t!("queue-truncated", count = count)}</p> }
            })}
        <table class="queue">
            <caption class="visually-hidden">{t!("queue-heading")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!("col-code")}</th>
                    <th scope="col">{t!("col-applicant")}</th>
                    <th scope="col">{t!("col-programs")}</th>
                    <th scope="col">{t!("col-status")}</th>
                    <th scope="col">{t!("col-deadline")}</th>
                    <th scope="col">{t!("col-assigned")}</th>
                    <th scope="col">{t!("col-submitted")}</th>
                </tr>
            </thead>
            <tbody>
                {queue.items.into_iter().map(|item| view! { <Row item/> }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Row(item: QueueItem) -> impl IntoView {
    let href = crate::app::href(&format!("/cases/{}", item.tracking_code));
    let code = item.tracking_code.clone();
    let label_code = code.clone();
    let programs = item.programs.clone();
    let status = item.status.clone();
    let assigned = item.assigned_to.clone();
    let submitted = format::datetime(&item.submitted_at);
    let deadline = item.deadline.clone();
    let overdue = item.overdue;
    let mut class = String::from("case-row");
    if item.urgent {
        class.push_str(" urgent");
    }
    if overdue {
        class.push_str(" overdue");
    }
    view! {
        // Each cell's content sits in one wrapper: on a phone the cell is a
        // two-column grid of its label (CSS `attr(data-label)`) and that.
        <tr class=class>
            <td class="code" data-label=t!("col-code")>
                <div class="cell">
                    <A
                        href=href
                        attr:class="case-link"
                        attr:aria-label=move || i18n::tr_args("open-case", &[("code", label_code.clone())])
                    >
                        {code}
                    </A>
                    {item
                        .urgent
                        .then(|| view! { <span class="badge urgent">{t!("urgent-mark")}</span> })}
                </div>
            </td>
            <td data-label=t!("col-applicant")>
                <div class="cell">
                    <span class="name">{item.applicant_name}</span>
                    <span class="masked">{item.resident_id_masked}</span>
                    <span class="place">{item.jurisdiction_name}</span>
                </div>
            </td>
            <td data-label=t!("col-programs")>
                <div class="cell">
                    {move || i18n::join(programs.iter().map(|p| i18n::program_name(p)))}
                </div>
            </td>
            <td class="nowrap" data-label=t!("col-status")>
                <div class="cell">{move || i18n::status_name(&status)}</div>
            </td>
            <td class="nowrap" data-label=t!("col-deadline")>
                <div class="cell">
                    {match deadline {
                        Some(d) => {
                            view! {
                                <time datetime=d.clone()>{d.clone()}</time>
                                {overdue
                                    .then(|| {
                                        view! { <span class="badge overdue">{t!("overdue-mark")}</span> }
                                    })}
                            }
                                .into_any()
                        }
                        None => view! { <span class="muted">{t!("none")}</span> }.into_any(),
                    }}
                </div>
            </td>
            <td data-label=t!("col-assigned")>
                <div class="cell">
                    {match assigned {
                        Some(a) => format!("{} · {}", a.name, a.office).into_any(),
                        None => view! { <span class="muted">{t!("not-assigned")}</span> }.into_any(),
                    }}
                </div>
            </td>
            <td class="nowrap" data-label=t!("col-submitted")>
                <div class="cell">{submitted}</div>
            </td>
        </tr>
    }
}

/// One column of the export: its header and how to fill its cell.
type Column = (String, fn(&QueueItem) -> String);

/// The export's columns, headers in the worker's language.
fn csv_columns() -> Vec<Column> {
    vec![
        (i18n::tr("col-code"), |i| i.tracking_code.clone()),
        (i18n::tr("col-urgent"), |i| {
            i18n::app_tr(if i.urgent { "answer-yes" } else { "answer-no" })
        }),
        (i18n::tr("col-status"), |i| i18n::status_name(&i.status)),
        (i18n::tr("col-jurisdiction-code"), |i| {
            i.jurisdiction.clone()
        }),
        (i18n::tr("col-jurisdiction"), |i| {
            i.jurisdiction_name.clone()
        }),
        (i18n::tr("col-applicant"), |i| i.applicant_name.clone()),
        (i18n::tr("col-resident-id"), |i| {
            i.resident_id_masked.clone()
        }),
        (i18n::tr("col-programs"), |i| {
            i18n::join(i.programs.iter().map(|p| i18n::program_name(p)))
        }),
        (i18n::tr("col-submitted"), |i| {
            format::datetime(&i.submitted_at)
        }),
        (i18n::tr("col-deadline"), |i| {
            i.deadline.clone().unwrap_or_default()
        }),
        (i18n::tr("col-overdue"), |i| {
            i18n::app_tr(if i.overdue { "answer-yes" } else { "answer-no" })
        }),
        (i18n::tr("col-assigned"), |i| {
            i.assigned_to
                .as_ref()
                .map(|a| format!("{} ({})", a.name, a.username))
                .unwrap_or_default()
        }),
        (i18n::tr("col-helper"), |i| {
            i.helper_code.clone().unwrap_or_default()
        }),
    ]
}

/// Write the rows as a CSV file and hand it to the browser as a download.
fn download_csv(items: &[QueueItem]) {
    let columns = csv_columns();
    let header: Vec<String> = columns.iter().map(|(h, _)| h.clone()).collect();
    let rows = items.iter().map(|item| {
        columns
            .iter()
            .map(|(_, cell)| cell(item))
            .collect::<Vec<_>>()
    });
    let text = csv::write(&header, rows);
    let name = format!("jiuzhu-cases-{}.csv", format::today_compact());
    // A failure here (no document, blocked blob URL) leaves the page as it
    // was; the worker can press the button again.
    let _ = save(&text, &name);
}

fn save(text: &str, name: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    download(&blob, name)
}

/// Hand a file made in the browser to it as a download (a blob URL on a
/// link with `download`: nothing goes over the network).
pub fn download(blob: &web_sys::Blob, name: &str) -> Option<()> {
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_rel("external");
    let body = document.body()?;
    body.append_child(&link).ok()?;
    link.click();
    body.remove_child(&link).ok()?;
    // Revoked later, not at once: the download reads the blob after the
    // click returns.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Some(())
}
