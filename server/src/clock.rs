//! The server's clock, in UTC. `rules-core` has none: the server passes today.

use std::time::{SystemTime, UNIX_EPOCH};

use rules_core::Date;

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Days since 1970-01-01 → civil date.
fn date_from_days(days: i64) -> Date {
    Date::from_unix_days(days).expect("civil date in range")
}

/// `date` plus `days` calendar days.
pub fn add_days(date: Date, days: u32) -> Date {
    date_from_days(date.unix_days() + i64::from(days))
}

/// Today's date in UTC.
pub fn today() -> Date {
    date_from_days(now_secs().div_euclid(86_400))
}

/// Now as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_rfc3339() -> String {
    timestamp(now_secs())
}

/// `secs` seconds from now as `YYYY-MM-DDTHH:MM:SSZ` (negative: in the past).
pub fn rfc3339_in(secs: i64) -> String {
    timestamp(now_secs() + secs)
}

/// Seconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ`: fixed width, so text
/// order is time order (the database compares them as text).
pub fn timestamp(secs: i64) -> String {
    let date = date_from_days(secs.div_euclid(86_400));
    let t = secs.rem_euclid(86_400);
    format!("{date}T{:02}:{:02}:{:02}Z", t / 3600, t % 3600 / 60, t % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_adds() {
        assert_eq!(date_from_days(0), Date::new(1970, 1, 1).unwrap());
        let d = Date::new(2024, 2, 28).unwrap();
        assert_eq!(add_days(d, 1), Date::new(2024, 2, 29).unwrap());
        assert_eq!(add_days(d, 2), Date::new(2024, 3, 1).unwrap());
        assert_eq!(
            add_days(Date::new(2025, 12, 31).unwrap(), 1),
            Date::new(2026, 1, 1).unwrap()
        );
        assert_eq!(now_rfc3339().len(), 20);
        assert_eq!(timestamp(86_399), "1970-01-01T23:59:59Z");
        assert!(rfc3339_in(-60) < now_rfc3339() && now_rfc3339() < rfc3339_in(60));
    }
}
