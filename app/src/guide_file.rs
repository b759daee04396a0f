//! Reading a place's guide file (`/guides/<code>.json`, written by `cargo
//! xtask build` from the pack as [`PlaceGuide`]) with the browser's own
//! `JSON.parse`: the guide's light bundle carries no JSON deserialiser.
//! The field names are serde's, which the writer uses; the test below reads
//! every place's file as serde writes it.

use js_sys::{Array, JSON, Reflect};
use rules_core::guide::{Limits, ParamGuide, PlaceGuide, ProgramGuide, ValueGuide};
use rules_core::money::Period;
use rules_core::pack::Unit;
use rules_core::{Date, ProgramId};
use wasm_bindgen::{JsCast, JsValue};

/// A place's guide from its file's text; `None` if it is not one.
pub fn read(json: &str) -> Option<PlaceGuide> {
    let root = JSON::parse(json).ok()?;
    Some(PlaceGuide {
        code: text(&root, "code")?,
        name: text(&root, "name")?,
        demo: flag(&root, "demo")?,
        programs: list(&root, "programs")?
            .map(|p| program(&p))
            .collect::<Option<_>>()?,
    })
}

fn program(p: &JsValue) -> Option<ProgramGuide> {
    let limits = field(p, "time_limits");
    Some(ProgramGuide {
        id: ProgramId::parse(&text(p, "id")?)?,
        offered: flag(p, "offered")?,
        parameters: list(p, "parameters")?
            .map(|p| parameter(&p))
            .collect::<Option<_>>()?,
        documents: list(p, "documents")?
            .map(|d| d.as_string())
            .collect::<Option<_>>()?,
        office: text(p, "office"),
        apply_at: text(p, "apply_at"),
        time_limits: (!limits.is_null()).then(|| Limits {
            investigation_working_days: number(&limits, "investigation_working_days"),
            publicity_days: number(&limits, "publicity_days"),
            decision_working_days: number(&limits, "decision_working_days"),
            total_working_days: number(&limits, "total_working_days"),
        }),
        rule: text(p, "rule"),
    })
}

fn parameter(p: &JsValue) -> Option<ParamGuide> {
    let period = text(p, "period");
    Some(ParamGuide {
        name: text(p, "name")?,
        unit: Unit::from_name(&text(p, "unit")?)?,
        period: match period {
            Some(name) => Some(Period::from_name(&name)?),
            None => None,
        },
        values: list(p, "values")?
            .map(|v| value(&v))
            .collect::<Option<_>>()?,
    })
}

fn value(v: &JsValue) -> Option<ValueGuide> {
    let until = text(v, "until");
    Some(ValueGuide {
        from: Date::parse(&text(v, "from")?).ok()?,
        until: match until {
            Some(date) => Some(Date::parse(&date).ok()?),
            None => None,
        },
        value: text(v, "value")?,
        source: text(v, "source"),
        example: flag(v, "example")?,
        floor: flag(v, "floor")?,
    })
}

fn field(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::NULL)
}

/// A string field; `None` if it is null or not a string.
fn text(object: &JsValue, key: &str) -> Option<String> {
    field(object, key).as_string()
}

fn flag(object: &JsValue, key: &str) -> Option<bool> {
    field(object, key).as_bool()
}

/// A count of days: a whole number that fits.
fn number(object: &JsValue, key: &str) -> Option<u32> {
    let n = field(object, key).as_f64()?;
    (n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n)).then_some(n as u32)
}

fn list(object: &JsValue, key: &str) -> Option<impl Iterator<Item = JsValue>> {
    Some(field(object, key).dyn_into::<Array>().ok()?.into_iter())
}

#[cfg(test)]
mod tests {
    use rules_core::guide::PlaceGuide;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// Every place's guide, written as `cargo xtask build` writes it, reads
    /// back to the same guide.
    #[wasm_bindgen_test]
    fn every_place_reads_back_as_written() {
        for pack in rules_core::packs::embedded_ref() {
            let guide = PlaceGuide::of(pack);
            let json = serde_json::to_string(&guide).expect("serialise");
            assert_eq!(super::read(&json).as_ref(), Some(&guide), "{}", guide.code);
        }
        assert_eq!(super::read("{}"), None);
        assert_eq!(super::read("not json"), None);
    }
}
