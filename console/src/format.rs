//! Dates and sizes for display. Timestamps from the server are RFC 3339 in
//! UTC; workers read them in their own clock's time.

/// `2026-11-25T08:03:00Z` → `2026-11-25 16:03` in the browser's time zone;
/// anything unparsable is shown as sent.
pub fn datetime(rfc3339: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    let ms = date.get_time();
    if ms.is_nan() {
        return rfc3339.to_owned();
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Today in the browser's time zone, `YYYYMMDD` (for file names).
pub fn today_compact() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// Today in the browser's time zone, `YYYY-MM-DD` (a date input's value).
pub fn today_iso() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// Bytes as kilobytes with one decimal, at least 0.1.
pub fn kilobytes(bytes: i64) -> String {
    let tenths = ((bytes.max(0) + 99) / 100).max(1);
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn sizes_and_bad_dates() {
        assert_eq!(kilobytes(0), "0.1");
        assert_eq!(kilobytes(1000), "1.0");
        assert_eq!(kilobytes(5_242_880), "5242.9");
        assert_eq!(datetime("not a date"), "not a date");
        assert_eq!(datetime("2026-11-25T08:03:00Z").len(), 16);
    }
}
