//! `/apply`: 掌上办 — file the application online, prefilled from the
//! self-check: who applies (name, 身份证, mobile, 户籍 address), which
//! programs (the likely and possible ones ticked), optional photos of
//! 户口簿 / 身份证, who helped, and the signed 家庭经济状况核对授权. Every field is
//! checked as it is typed with the same parsers the server uses; the server
//! re-runs the rules and answers with a tracking code and a receipt.

use api_boundary::filing::{
    Applicant, Consent, FieldIssue, Filed, MAX_DOCUMENT_BYTES, MAX_DOCUMENTS, NewApplication,
};
use api_boundary::ids::{Mobile, ResidentId};
use leptos::prelude::*;
use leptos_router::components::A;
use rules_core::household::EmergencyKind;
use rules_core::{Outcome, ProgramId, Screening};
use wasm_bindgen::JsCast;

use crate::api::{self, Attachment, Failure};
use crate::filing::{Pending, use_filings};
use crate::i18n::{tr, tr_args};
use crate::pages::check::results::outcome_label;
use crate::pages::{PackPending, program_name_id};
use crate::state::{self, use_store};
use crate::t;

/// The version of the authorisation text (`consent-text` in the Fluent
/// files); stored with the application. Change it whenever the text changes.
pub const CONSENT_VERSION: &str = "2026-11-v1";

/// A picked document and what is wrong with it, if anything.
#[derive(Clone)]
struct Picked {
    kind: &'static str,
    file: web_sys::File,
    /// Message id of the problem (wrong type, too large).
    problem: Option<&'static str>,
}

/// The message id for a field error code, from the browser or the server.
fn error_message(field: &str, code: &str) -> &'static str {
    match (field, code) {
        ("applicant.resident_id", "format") => "apply-error-id-format",
        ("applicant.resident_id", "birth_date") => "apply-error-id-birth-date",
        ("applicant.resident_id", "check_digit") => "apply-error-id-check-digit",
        ("applicant.mobile", _) => "apply-error-mobile-format",
        ("consent.agreed", _) => "apply-error-consent-agreed",
        ("consent.name", "mismatch") => "apply-error-consent-mismatch",
        ("programs", _) => "apply-error-programs-required",
        ("helper_code", _) => "apply-error-helper-format",
        ("documents", _) => "apply-error-documents-too-many",
        (_, "required") => "error-required",
        (_, "too_long") => "apply-error-too-long",
        (_, "type") => "apply-error-document-type",
        (_, "too_large") => "apply-error-document-too-large",
        (_, "format") => "apply-error-format",
        _ => "apply-error-refused",
    }
}

/// The element a field error belongs to (for focus and `aria-describedby`).
fn element_id(field: &str) -> String {
    match field {
        "applicant.name" => "apply-name".into(),
        "applicant.resident_id" => "apply-id".into(),
        "applicant.mobile" => "apply-mobile".into(),
        "applicant.address" => "apply-address".into(),
        "consent.agreed" => "apply-consent".into(),
        "consent.name" => "apply-consent-name".into(),
        "helper_code" => "apply-helper".into(),
        f if f.starts_with("documents") => "apply-documents".into(),
        f if f.starts_with("programs") => "apply-programs".into(),
        _ => "apply-form".into(),
    }
}

use crate::pages::apply_focus as focus;

/// The programs ticked at first: the likely and possible ones.
fn preselected(s: &Screening) -> Vec<ProgramId> {
    s.decisions
        .iter()
        .filter(|d| matches!(d.outcome, Outcome::Likely | Outcome::Possible))
        .map(|d| d.program)
        .collect()
}

/// What the browser concluded, sent for the office's comparison (the
/// server screens again and trusts only its own result).
fn brief(s: &Screening) -> serde_json::Value {
    let decisions: Vec<serde_json::Value> = s
        .decisions
        .iter()
        .map(|d| {
            serde_json::json!({
                "program": d.program.as_str(),
                "outcome": d.outcome,
                "amount": d.amount,
            })
        })
        .collect();
    serde_json::json!({ "as_of": s.as_of.to_string(), "decisions": decisions })
}

/// The first bytes of a file decide its type, as on the server.
async fn check_file(file: &web_sys::File) -> Option<&'static str> {
    if file.size() > MAX_DOCUMENT_BYTES as f64 {
        return Some("apply-error-document-too-large");
    }
    let head = file.slice_with_i32_and_i32(0, 8).ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(head.array_buffer())
        .await
        .ok()?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    api_boundary::filing::sniff(&bytes)
        .is_none()
        .then_some("apply-error-document-type")
}

/// A labelled one-line text input with its error line.
#[allow(clippy::too_many_arguments)]
fn text_input(
    id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    value: RwSignal<String>,
    error: Signal<Option<&'static str>>,
    inputmode: &'static str,
    autocomplete: &'static str,
    multiline: bool,
) -> AnyView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let input = if multiline {
        view! {
            <textarea id=id rows="3" autocomplete=autocomplete
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id type="text" inputmode=inputmode autocomplete=autocomplete
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        }
        .into_any()
    };
    view! {
        <div class="field text">
            <label for=id>{move || tr(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || tr(h)}</p> })}
            {input}
            <p class="error" id=error_id role="alert">{move || error.get().map(tr)}</p>
        </div>
    }
    .into_any()
}

/// What became of the last press of "submit".
#[derive(Clone)]
enum Sent {
    Nothing,
    Sending,
    Filed(Box<Filed>),
    /// No answer; held on this phone (or, with photos, kept in the page).
    Held {
        with_documents: bool,
    },
    Refused(String),
}

#[component]
pub fn Apply() -> impl IntoView {
    let store = use_store();
    let region = move || store.draft.with(|d| d.region().map(str::to_owned));
    move || match region() {
        None => view! {
            <h1>{t!("apply-title")}</h1>
            <p>{t!("apply-no-check")}</p>
            <p><A href="/" attr:class="button">{t!("apply-start-check")}</A></p>
        }
        .into_any(),
        Some(code) if state::pack(&code).is_none() => view! {
            <h1>{t!("apply-title")}</h1>
            <PackPending code=code failed=state::pack_failed/>
        }
        .into_any(),
        Some(_) => view! { <ApplyForm/> }.into_any(),
    }
}

#[component]
fn ApplyForm() -> impl IntoView {
    let store = use_store();
    let filings = use_filings();
    let name = RwSignal::new(String::new());
    let resident_id = RwSignal::new(String::new());
    let mobile = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let helper = RwSignal::new(String::new());
    let agreed = RwSignal::new(false);
    let signature = RwSignal::new(String::new());
    let programs = RwSignal::new(
        store
            .screening
            .with_untracked(|s| s.as_ref().map(preselected).unwrap_or_default()),
    );
    let documents = RwSignal::new_local(Vec::<Picked>::new());
    // Errors show once the person has tried to submit; the server's errors
    // stand until the field changes.
    let tried = RwSignal::new(false);
    let server_errors = RwSignal::new(Vec::<FieldIssue>::new());
    let sent = RwSignal::new(Sent::Nothing);
    // The application being sent, kept for a retry with the same key.
    let last = StoredValue::new_local(None::<(NewApplication, Vec<Attachment>, String)>);

    let today = state::today();
    let server_error = move |field: &'static str| {
        server_errors.with(|e| {
            e.iter()
                .find(|i| i.field == field)
                .map(|i| error_message(&i.field, &i.code))
        })
    };
    // Client-side checks: the server's parsers, run in the page.
    let check = move |field: &'static str| -> Option<&'static str> {
        let code = match field {
            "applicant.name" => {
                let n = name.get();
                let n = n.trim();
                if n.is_empty() {
                    Some("required")
                } else if n.chars().count() > 50 {
                    Some("too_long")
                } else {
                    None
                }
            }
            "applicant.resident_id" => ResidentId::parse(&resident_id.get(), today).err(),
            "applicant.mobile" => Mobile::parse(&mobile.get()).err(),
            "applicant.address" => {
                let a = address.get();
                let a = a.trim();
                if a.is_empty() {
                    Some("required")
                } else if a.chars().count() > 200 {
                    Some("too_long")
                } else {
                    None
                }
            }
            "consent.agreed" => (!agreed.get()).then_some("required"),
            "consent.name" => {
                let s = signature.get();
                if s.trim().is_empty() {
                    Some("required")
                } else if s.trim() != name.get().trim() {
                    Some("mismatch")
                } else {
                    None
                }
            }
            "helper_code" => {
                let h = helper.get();
                let h = h.trim();
                (!(h.len() <= 32
                    && h.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')))
                .then_some("format")
            }
            "programs" => programs.with(Vec::is_empty).then_some("required"),
            "documents" => (documents.with(Vec::len) > MAX_DOCUMENTS).then_some("too_many"),
            _ => None,
        };
        code.map(|c| error_message(field, c))
    };
    let shown = move |field: &'static str| {
        Signal::derive(move || {
            server_error(field).or_else(|| if tried.get() { check(field) } else { None })
        })
    };
    // A changed field's server error no longer applies.
    for (field, signal) in [
        ("applicant.name", name),
        ("applicant.resident_id", resident_id),
        ("applicant.mobile", mobile),
        ("applicant.address", address),
        ("consent.name", signature),
        ("helper_code", helper),
    ] {
        Effect::new(move |first: Option<()>| {
            signal.track();
            if first.is_some() {
                server_errors.update(|e| e.retain(|i| i.field != field));
            }
        });
    }

    const FIELDS: [&str; 9] = [
        "programs",
        "applicant.name",
        "applicant.resident_id",
        "applicant.mobile",
        "applicant.address",
        "documents",
        "helper_code",
        "consent.agreed",
        "consent.name",
    ];

    let send = move |application: NewApplication, attachments: Vec<Attachment>, last4: String| {
        let key = application.idempotency_key.clone();
        let with_documents = !attachments.is_empty();
        if !with_documents {
            // Without photos the whole application fits in local storage:
            // held there until the server answers, even if the page closes.
            if let Ok(body) = serde_json::to_string(&application) {
                filings.hold(Pending {
                    key: key.clone(),
                    body,
                    jurisdiction: application.jurisdiction.clone(),
                    last4: last4.clone(),
                });
            }
        }
        sent.set(Sent::Sending);
        leptos::task::spawn_local(async move {
            let result = api::submit(&application, &attachments).await;
            match result {
                Ok(filed) => {
                    filings.settle(&key, Some((&filed, &last4)));
                    last.set_value(None);
                    sent.set(Sent::Filed(Box::new(filed)));
                    focus("receipt-heading");
                }
                Err(Failure::Offline) => {
                    last.set_value(Some((application, attachments, last4)));
                    sent.set(Sent::Held { with_documents });
                }
                Err(Failure::Invalid(fields)) => {
                    filings.settle(&key, None);
                    let first = fields.first().map(|f| element_id(&f.field));
                    server_errors.set(fields);
                    sent.set(Sent::Nothing);
                    if let Some(id) = first {
                        focus(&id);
                    }
                }
                Err(Failure::Refused(code)) => {
                    filings.settle(&key, None);
                    sent.set(Sent::Refused(code));
                }
            }
        });
    };

    // Held without signal, sent later from the outbox (when the phone is
    // back online): show its receipt here as if it had gone at once.
    Effect::new(move |_| {
        if !matches!(
            sent.get(),
            Sent::Held {
                with_documents: false
            }
        ) {
            return;
        }
        let Some(key) = last.with_value(|l| l.as_ref().map(|(a, _, _)| a.idempotency_key.clone()))
        else {
            return;
        };
        let filed = filings
            .answered
            .with(|a| a.iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone()));
        if let Some(filed) = filed {
            last.set_value(None);
            sent.set(Sent::Filed(Box::new(filed)));
            focus("receipt-heading");
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if matches!(sent.get_untracked(), Sent::Sending) {
            return;
        }
        tried.set(true);
        let bad_document = documents.with_untracked(|d| d.iter().any(|p| p.problem.is_some()));
        if let Some(first) = FIELDS.iter().find(|f| check(f).is_some()) {
            focus(&element_id(first));
            return;
        }
        if bad_document {
            focus("apply-documents");
            return;
        }
        let Some((household, region, client)) = store.draft.with_untracked(|d| {
            let region = d.region()?.to_owned();
            let brief = store.screening.with_untracked(|s| s.as_ref().map(brief));
            Some((d.household.clone(), region, brief))
        }) else {
            return;
        };
        let mobile_text = mobile.get_untracked();
        let last4 = Mobile::parse(&mobile_text)
            .map(|m| m.last4().to_owned())
            .unwrap_or_default();
        let application = NewApplication {
            idempotency_key: api::new_key(),
            jurisdiction: region,
            household,
            programs: programs
                .with_untracked(|p| p.iter().map(|p| p.as_str().to_owned()).collect()),
            applicant: Applicant {
                name: name.get_untracked().trim().to_owned(),
                resident_id: resident_id.get_untracked().trim().to_owned(),
                mobile: mobile_text,
                address: address.get_untracked().trim().to_owned(),
            },
            consent: Consent {
                agreed: agreed.get_untracked(),
                name: signature.get_untracked().trim().to_owned(),
                text_version: CONSENT_VERSION.to_owned(),
            },
            helper_code: Some(helper.get_untracked().trim().to_owned()).filter(|h| !h.is_empty()),
            client_screening: client,
        };
        let attachments = documents.with_untracked(|d| {
            d.iter()
                .map(|p| Attachment {
                    kind: p.kind,
                    file: p.file.clone(),
                })
                .collect()
        });
        send(application, attachments, last4);
    };
    let retry = move |_| {
        if let Some((application, attachments, last4)) =
            last.try_update_value(Option::take).flatten()
        {
            send(application, attachments, last4);
        }
    };

    let pick = move |kind: &'static str, input: web_sys::HtmlInputElement| {
        let Some(list) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        // The same file may be picked again after removing it.
        input.set_value("");
        leptos::task::spawn_local(async move {
            for file in files {
                let problem = check_file(&file).await;
                documents.update(|d| {
                    d.push(Picked {
                        kind,
                        file,
                        problem,
                    })
                });
            }
        });
    };

    let urgent = move || {
        store.draft.with(|d| {
            d.household
                .emergency
                .is_some_and(|e| e != EmergencyKind::None)
        })
    };
    let offered = move || {
        store.screening.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.decisions
                        .iter()
                        .filter(|d| d.outcome != Outcome::NotOffered)
                        .map(|d| (d.program, d.outcome))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };

    view! {
        {move || match sent.get() {
            Sent::Filed(filed) => view! { <ReceiptView filed=*filed/> }.into_any(),
            other => {
                let sending = matches!(other, Sent::Sending);
                view! {
                    <h1>{t!("apply-title")}</h1>
                    <p class="step-intro">{t!("apply-intro")}</p>
                    <Show when=urgent>
                        <p class="notice urgent">{t!("apply-urgent")}</p>
                    </Show>
                    {match other {
                        Sent::Held { with_documents: false } => view! {
                            <p class="notice" role="status">{t!("apply-held")}</p>
                        }.into_any(),
                        Sent::Held { with_documents: true } => view! {
                            <div class="notice" role="status">
                                <p>{t!("apply-offline-documents")}</p>
                                <button type="button" class="button" on:click=retry>{t!("apply-retry")}</button>
                            </div>
                        }.into_any(),
                        Sent::Refused(code) => {
                            let id = match code.as_str() {
                                "too_large" => "apply-failed-too-large",
                                "rate_limited" => "apply-failed-rate-limited",
                                _ => "apply-failed",
                            };
                            view! { <p class="notice error" role="alert">{move || tr(id)}</p> }.into_any()
                        }
                        _ => ().into_any(),
                    }}
                    <form id="apply-form" class="apply" novalidate on:submit=submit>
                        <section class="card" aria-labelledby="apply-programs-heading">
                            <h2 id="apply-programs-heading">{t!("apply-programs-heading")}</h2>
                            <fieldset id="apply-programs" tabindex="-1"
                                aria-describedby="apply-programs-error">
                                <legend class="visually-hidden">{t!("apply-programs-heading")}</legend>
                                <p class="hint">{t!("apply-programs-hint")}</p>
                                {move || offered().into_iter().map(|(program, outcome)| {
                                    let checked = move || programs.with(|p| p.contains(&program));
                                    let id = format!("apply-program-{}", program.as_str());
                                    view! {
                                        <div class="check-row">
                                            <input type="checkbox" id=id.clone() prop:checked=checked
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    programs.update(|p| {
                                                        p.retain(|x| *x != program);
                                                        if on { p.push(program); }
                                                    });
                                                }/>
                                            <label for=id>
                                                {move || tr(program_name_id(program))}
                                                <span class="tag" data-outcome=outcome_slug(outcome)>
                                                    {move || tr(outcome_label(outcome))}
                                                </span>
                                            </label>
                                        </div>
                                    }
                                }).collect_view()}
                                <p class="error" id="apply-programs-error" role="alert">
                                    {move || shown("programs").get().map(tr)}
                                </p>
                            </fieldset>
                        </section>
                        <section class="card" aria-labelledby="apply-applicant-heading">
                            <h2 id="apply-applicant-heading">{t!("apply-applicant-heading")}</h2>
                            {text_input("apply-name", "apply-name", None, name, shown("applicant.name"), "text", "name", false)}
                            {text_input("apply-id", "apply-id", Some("apply-id-hint"), resident_id, shown("applicant.resident_id"), "text", "off", false)}
                            {text_input("apply-mobile", "apply-mobile", Some("apply-mobile-hint"), mobile, shown("applicant.mobile"), "tel", "tel", false)}
                            {text_input("apply-address", "apply-address", Some("apply-address-hint"), address, shown("applicant.address"), "text", "street-address", true)}
                        </section>
                        <section class="card" aria-labelledby="apply-documents-heading">
                            <h2 id="apply-documents-heading">{t!("apply-documents-heading")}</h2>
                            <p class="hint" id="apply-documents-hint">{t!("apply-documents-hint")}</p>
                            <div id="apply-documents" tabindex="-1" class="documents-picker">
                                {[("hukou", "apply-document-hukou"), ("id_card", "apply-document-id-card"), ("other", "apply-document-other")]
                                    .into_iter()
                                    .map(|(kind, label)| {
                                        let id = format!("apply-file-{kind}");
                                        view! {
                                            <div class="field file">
                                                <label for=id.clone()>{move || tr(label)}</label>
                                                <input type="file" id=id multiple
                                                    accept="image/jpeg,image/png,application/pdf"
                                                    aria-describedby="apply-documents-hint"
                                                    on:change=move |ev| {
                                                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                                            pick(kind, input);
                                                        }
                                                    }/>
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                                <ul class="picked">
                                    {move || documents.get().into_iter().enumerate().map(|(i, p)| {
                                        let problem = p.problem;
                                        let kb = (p.file.size() / 1024.0).ceil().to_string();
                                        view! {
                                            <li class:invalid=problem.is_some()>
                                                <span>{p.file.name()}</span>
                                                <span class="size">{move || tr_args("apply-document-size", [("kb", kb.as_str())])}</span>
                                                {problem.map(|m| view! { <span class="error">{move || tr(m)}</span> })}
                                                <button type="button" class="button secondary small"
                                                    on:click=move |_| documents.update(|d| { if i < d.len() { d.remove(i); } })>
                                                    {t!("apply-document-remove")}
                                                </button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                <p class="error" role="alert">{move || shown("documents").get().map(tr)}</p>
                            </div>
                        </section>
                        <section class="card" aria-labelledby="apply-helper-heading">
                            <h2 id="apply-helper-heading">{t!("apply-helper-heading")}</h2>
                            {text_input("apply-helper", "apply-helper", Some("apply-helper-hint"), helper, shown("helper_code"), "text", "off", false)}
                        </section>
                        <section class="card consent" aria-labelledby="consent-heading">
                            <h2 id="consent-heading">{t!("consent-title")}</h2>
                            <div class="consent-text" id="consent-text" tabindex="0">
                                {move || tr("consent-text").split("\n\n").map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}
                            </div>
                            <div class="check-row">
                                <input type="checkbox" id="apply-consent" prop:checked=move || agreed.get()
                                    aria-describedby="apply-consent-error"
                                    on:change=move |ev| agreed.set(event_target_checked(&ev))/>
                                <label for="apply-consent">{t!("consent-agree")}</label>
                            </div>
                            <p class="error" id="apply-consent-error" role="alert">{move || shown("consent.agreed").get().map(tr)}</p>
                            {text_input("apply-consent-name", "consent-sign", Some("consent-sign-hint"), signature, shown("consent.name"), "text", "off", false)}
                        </section>
                        <p class="next-step">{t!("apply-privacy")}</p>
                        <button type="submit" class="button primary" disabled=sending aria-busy=sending.to_string()>
                            {move || if sending { tr("apply-sending") } else { tr("apply-submit") }}
                        </button>
                    </form>
                }.into_any()
            }
        }}
    }
}

fn outcome_slug(o: Outcome) -> &'static str {
    match o {
        Outcome::Likely => "likely",
        Outcome::Possible => "possible",
        Outcome::Unlikely => "unlikely",
        Outcome::NotOffered => "not_offered",
    }
}

/// The receipt: the tracking code, what the office will check and by when,
/// what to bring, and where.
#[component]
fn ReceiptView(filed: Filed) -> impl IntoView {
    let receipt = filed.receipt;
    let code = filed.tracking_code;
    let track_href = format!("/track/{code}");
    let mut documents: Vec<String> = Vec::new();
    for p in &receipt.programs {
        for d in &p.documents {
            let name = d.name.clone().unwrap_or_else(|| d.id.clone());
            if !documents.contains(&name) {
                documents.push(name);
            }
        }
    }
    let uploaded = receipt.uploaded.len().to_string();
    let programs = receipt.programs.clone();
    let office = receipt.programs.first().and_then(|p| p.office.clone());
    let apply_at = receipt.programs.first().and_then(|p| p.apply_at.clone());
    let submitted = receipt.submitted_on.clone();
    view! {
        <section class="card receipt" aria-labelledby="receipt-heading">
            <h1 id="receipt-heading" tabindex="-1">{t!("receipt-heading")}</h1>
            <p>{t!("receipt-code-intro")}</p>
            <p class="tracking-code" data-code=code.clone()>{code.clone()}</p>
            <p class="hint">{t!("receipt-code-keep")}</p>
            <p>{move || tr_args("receipt-submitted", [("date", submitted.as_str())])}</p>
            {receipt.urgent.then(|| view! { <p class="notice urgent">{t!("receipt-urgent")}</p> })}
            {(!receipt.uploaded.is_empty()).then(|| view! {
                <p>{move || tr_args("receipt-uploaded", [("count", uploaded.as_str())])}</p>
            })}
            <p><A href=track_href attr:class="button primary">{t!("receipt-track")}</A></p>
        </section>
        <section class="card" aria-labelledby="receipt-programs-heading">
            <h2 id="receipt-programs-heading">{t!("receipt-programs-heading")}</h2>
            <ul class="receipt-programs">
                {programs.into_iter().map(|p| {
                    let id = ProgramId::parse(&p.program).map(program_name_id);
                    let outcome = p.outcome;
                    let decision = p.deadlines.decision.clone();
                    view! {
                        <li data-program=p.program.clone()>
                            <strong>{move || id.map(tr).unwrap_or_default()}</strong>
                            " "
                            <span class="tag" data-outcome=outcome_slug(outcome)>{move || tr(outcome_label(outcome))}</span>
                            {decision.map(|date| view! {
                                <br/><span>{move || tr_args("receipt-decision-by", [("date", date.as_str())])}</span>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="hint">{t!("receipt-verify")}</p>
        </section>
        <section class="card checklist" aria-labelledby="receipt-bring-heading">
            <h2 id="receipt-bring-heading">{t!("receipt-bring-heading")}</h2>
            <ul class="documents">
                {documents.into_iter().map(|d| view! { <li lang="zh-CN">{d}</li> }).collect_view()}
            </ul>
        </section>
        <section class="card offices" aria-labelledby="receipt-office-heading">
            <h2 id="receipt-office-heading">{t!("receipt-office-heading")}</h2>
            {apply_at.map(|a| view! { <p lang="zh-CN">{a}</p> })}
            {office.map(|o| view! { <p lang="zh-CN">{o}</p> })}
        </section>
    }
}
