//! 掌上办's filing and tracking API: `POST /api/applications` and
//! `GET /api/applications/{code}` (documented in `server/README.md`).

use rules_core::money::Period;
use rules_core::{Household, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Largest JSON body accepted by the filing endpoint (and largest
/// `application` part of a multipart submission).
pub const MAX_JSON_BODY: usize = 64 * 1024;
/// Photos or scans of 户口簿 / 身份证 sent with an application.
pub const MAX_DOCUMENTS: usize = 6;
/// Largest document, in bytes (5 MB).
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;
/// Largest multipart body: the JSON, six documents and the part headers.
pub const MAX_MULTIPART_BODY: usize =
    MAX_JSON_BODY + MAX_DOCUMENTS * MAX_DOCUMENT_BYTES + 64 * 1024;

/// What a document is a picture of; the multipart part's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Hukou,
    IdCard,
    Other,
}

impl DocumentKind {
    pub fn parse(raw: &str) -> Option<DocumentKind> {
        match raw {
            "hukou" => Some(DocumentKind::Hukou),
            "id_card" => Some(DocumentKind::IdCard),
            "other" => Some(DocumentKind::Other),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Hukou => "hukou",
            DocumentKind::IdCard => "id_card",
            DocumentKind::Other => "other",
        }
    }
}

/// The media type a file's first bytes announce, among those accepted.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else {
        None
    }
}

/// The body of `POST /api/applications`.
#[derive(Debug, Serialize, Deserialize)]
pub struct NewApplication {
    pub idempotency_key: String,
    pub jurisdiction: String,
    pub household: Household,
    pub programs: Vec<String>,
    pub applicant: Applicant,
    pub consent: Consent,
    #[serde(default)]
    pub helper_code: Option<String>,
    /// The browser's screening: stored for comparison, never trusted.
    #[serde(default)]
    pub client_screening: Option<Value>,
}

#[derive(Serialize, Deserialize)]
pub struct Applicant {
    pub name: String,
    pub resident_id: String,
    pub mobile: String,
    pub address: String,
}

impl std::fmt::Debug for Applicant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Applicant(…)")
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Consent {
    pub agreed: bool,
    pub name: String,
    pub text_version: String,
}

/// What the office will do for one program, and by when (一次性告知, 限时办理).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReceiptProgram {
    pub program: String,
    /// The server's screening outcome on the day of submission.
    pub outcome: Outcome,
    pub office: Option<String>,
    pub apply_at: Option<String>,
    pub documents: Vec<Document>,
    pub time_limits: Limits,
    pub deadlines: Deadlines,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub name: Option<String>,
}

/// The pack's time limits in days.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Limits {
    pub investigation_days: Option<u32>,
    pub publicity_days: Option<u32>,
    pub decision_days: Option<u32>,
    pub total_days: Option<u32>,
}

/// Deadlines computed from the submission date. Working days are
/// approximated as calendar days (no holiday calendar yet), which is
/// stricter than the law, never later.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Deadlines {
    pub investigation: Option<String>,
    pub publicity: Option<String>,
    pub decision: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JurisdictionRef {
    pub code: String,
    pub name: String,
}

/// The receipt answered to a submission (and verbatim to its retries).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Receipt {
    pub tracking_code: String,
    pub submitted_on: String,
    pub jurisdiction: JurisdictionRef,
    pub urgent: bool,
    pub resident_id_masked: String,
    pub programs: Vec<ReceiptProgram>,
    /// The documents received with the application, in order.
    #[serde(default)]
    pub uploaded: Vec<UploadedDocument>,
}

/// A document received, as the receipt lists it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UploadedDocument {
    pub kind: DocumentKind,
    pub media_type: String,
    pub size: usize,
}

/// The answer to a submission and to its retries.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Filed {
    pub tracking_code: String,
    pub receipt: Receipt,
}

/// One step of the timeline: `submitted`, `accepted`, `investigation`,
/// `review`, `publicity` or `decision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineStep {
    pub step: String,
    pub reached: bool,
    /// The day the step was reached (UTC).
    pub date: Option<String>,
    /// The latest day the step should be reached, from the pack's time
    /// limits (working days approximated as calendar days; `null` where
    /// the pack sets no limit for the step).
    pub deadline: Option<String>,
    /// Who is responsible for the step (首问负责).
    pub responsible: Option<String>,
}

/// The body of `GET /api/applications/{code}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tracking {
    pub tracking_code: String,
    pub status: String,
    pub urgent: bool,
    pub submitted_on: String,
    pub jurisdiction: JurisdictionRef,
    /// The office answering for the case (首问负责): the assigned worker's
    /// office, or the pack's place to apply until the case is assigned.
    pub responsible_office: Option<String>,
    /// The county office that reviews and decides.
    pub office: Option<String>,
    pub programs: Vec<String>,
    pub steps: Vec<TimelineStep>,
    pub decision: Option<Decision>,
}

/// One program's approved amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Award {
    pub program: String,
    /// Yuan, two decimals (`"1102.00"`).
    pub amount: String,
    pub period: Period,
}

/// A case's decision as the resident sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// `approved`, `rejected` or `withdrawn`.
    pub outcome: String,
    /// For `approved`: what each approved program pays.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Award>,
    /// For `rejected` and `withdrawn`: why, in the office's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The header carrying the last 4 digits of the applicant's mobile.
pub const LAST4_HEADER: &str = "x-phone-last4";

/// The steps of a case's timeline, in order.
pub const STEPS: [&str; 6] = [
    "submitted",
    "accepted",
    "investigation",
    "review",
    "publicity",
    "decision",
];

/// One invalid field as the API reports it: its path in the request
/// (`applicant.resident_id`, `programs[2]`, `documents[0]`) and a stable
/// snake_case code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldIssue {
    pub field: String,
    pub code: String,
}

/// Every error body: `{"error": "<code>"}`, with `fields` for `invalid`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: String,
    #[serde(default)]
    pub fields: Vec<FieldIssue>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_the_type() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE1, 0]), Some("image/jpeg"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff(b"%PDF-1.4"), Some("application/pdf"));
        for other in [&b""[..], b"GIF89a", b"\xFF\xD8", b"PK\x03\x04", b"<svg"] {
            assert_eq!(sniff(other), None);
        }
        for kind in [
            DocumentKind::Hukou,
            DocumentKind::IdCard,
            DocumentKind::Other,
        ] {
            assert_eq!(DocumentKind::parse(kind.as_str()), Some(kind));
        }
    }
}
