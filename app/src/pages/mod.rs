//! One module per route.

pub mod apply;
pub mod check;
pub mod event;
pub mod home;
pub mod not_found;
pub mod programs;
pub mod track;

use leptos::prelude::*;
use rules_core::ProgramId;

use crate::t;

/// Shown while a place's policy pack (or guide) is on its way (a moment on
/// any connection), or if it could not be fetched.
#[component]
pub fn PackPending(
    /// The place whose file is awaited.
    code: String,
    /// Whether its fetch failed ([`crate::state::pack_failed`],
    /// [`crate::state::guide_failed`]; reactive).
    failed: fn(&str) -> bool,
) -> impl IntoView {
    let failed = move || failed(&code);
    view! {
        <p class="notice" role="status">
            {move || if failed() { t!("pack-failed")() } else { t!("pack-loading")() }}
        </p>
    }
}

/// The message id of a program's name: `program-<id>` with dashes.
pub fn program_name_id(program: ProgramId) -> &'static str {
    use ProgramId::*;
    match program {
        Dibao => "program-dibao",
        DibaoEdge => "program-dibao-edge",
        Tekun => "program-tekun",
        TekunCare => "program-tekun-care",
        Orphan => "program-orphan",
        Temporary => "program-temporary",
        Medical => "program-medical",
        Education => "program-education",
        Housing => "program-housing",
        Employment => "program-employment",
        Disaster => "program-disaster",
        DisabilityLiving => "program-disability-living",
        DisabilityCare => "program-disability-care",
        ChildRehab => "program-child-rehab",
        MentalMedication => "program-mental-medication",
        DisabilityCustody => "program-disability-custody",
        HospitalEscort => "program-hospital-escort",
        WorkerHardship => "program-worker-hardship",
        LegalAid => "program-legal-aid",
        UtilityRelief => "program-utility-relief",
        FuneralRelief => "program-funeral-relief",
        TwoCancers => "program-two-cancers",
    }
}

/// Move the keyboard focus to an element (the first wrong field, a result).
pub fn apply_focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
