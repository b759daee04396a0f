//! "Continue on another device": the answers travel in the URL fragment
//! (`#d=…`), which browsers never send to a server. The encoding is compact:
//! unanswered fields are dropped before the JSON is base64url-encoded.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

use crate::state::Draft;

const PREFIX: &str = "#d=";

/// Remove nulls, empty objects and empty strings, recursively.
fn compact(value: Value) -> Option<Value> {
    match value {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::Object(map) => {
            let map: serde_json::Map<String, Value> = map
                .into_iter()
                .filter_map(|(k, v)| compact(v).map(|v| (k, v)))
                .collect();
            (!map.is_empty()).then_some(Value::Object(map))
        }
        // Array positions carry meaning (member indexes): keep every element.
        Value::Array(items) => Some(Value::Array(
            items
                .into_iter()
                .map(|v| compact(v).unwrap_or(Value::Object(Default::default())))
                .collect(),
        )),
        other => Some(other),
    }
}

/// The fragment that carries a draft.
pub fn encode(draft: &Draft) -> String {
    let value = serde_json::to_value(draft).unwrap_or(Value::Null);
    let json = compact(value).map(|v| v.to_string()).unwrap_or_default();
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(json.as_bytes()))
}

/// The draft in a fragment, if it carries one.
pub fn decode(fragment: &str) -> Option<Draft> {
    let data = fragment.strip_prefix(PREFIX)?;
    let bytes = URL_SAFE_NO_PAD.decode(data).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// A QR code of `text` as an SVG document (dark modules on white).
pub fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::L).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules_core::household::{Income, IncomeKind, Member, Relation};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_draft_survives_the_round_trip_and_is_compact() {
        let mut draft = Draft::default();
        draft.household.jurisdiction = Some("441521".into());
        draft.household.members = vec![
            Member {
                relation: Some(Relation::Applicant),
                age: Some(67),
                ..Default::default()
            },
            Member {
                relation: Some(Relation::Spouse),
                incomes: Some(vec![Income {
                    kind: IncomeKind::Pension,
                    monthly: Some(rust_decimal::Decimal::new(85050, 2)),
                }]),
                ..Default::default()
            },
        ];
        let fragment = encode(&draft);
        assert!(fragment.starts_with("#d="));
        assert!(fragment.len() < 400, "compact: {} chars", fragment.len());
        assert_eq!(decode(&fragment), Some(draft));
        assert_eq!(decode("#other"), None);
        assert_eq!(decode("#d=!!!"), None);
    }

    #[wasm_bindgen_test]
    fn qr_codes_render_as_svg() {
        let svg = qr_svg("https://example.org/check/results#d=abc").unwrap();
        assert!(svg.contains("<svg"));
    }
}
