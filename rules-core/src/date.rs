//! A small civil date (proleptic Gregorian), enough for effective dates and ages.
//!
//! The crate has no clock: callers pass the date of the screening.

use core::fmt;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date, serialised as `"YYYY-MM-DD"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date string was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date {:?}: expected YYYY-MM-DD", self.0)
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

impl Date {
    /// A checked date; `None` if the day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (exactly that shape).
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let err = || DateError(s.to_owned());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let num = |r: core::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let y = i32::try_from(y).map_err(|_| err())?;
        let m = u8::try_from(m).map_err(|_| err())?;
        let d = u8::try_from(d).map_err(|_| err())?;
        Self::new(y, m, d).ok_or_else(err)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The same day `months` later (clamped to the end of a shorter month).
    pub fn add_months(self, months: u32) -> Self {
        let total = i64::from(self.year) * 12 + i64::from(self.month - 1) + i64::from(months);
        let year = i32::try_from(total.div_euclid(12))
            .unwrap_or(9999)
            .min(9999);
        let month = u8::try_from(total.rem_euclid(12) + 1).unwrap_or(12);
        let day = self.day.min(days_in_month(year, month));
        Self { year, month, day }
    }

    /// The date `days` days after 1970-01-01 (H. Hinnant's `civil_from_days`);
    /// `None` outside years 1–9999. Callers with a clock (the server, the
    /// CLI, the build) turn the system time into a date with it.
    pub fn from_unix_days(days: i64) -> Option<Self> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u8::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
        let month = u8::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        Self::new(year, month, day)
    }

    /// Days from 1970-01-01 to `self` (negative before it).
    pub fn unix_days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Today in UTC by the system clock (not on wasm32, where the page
    /// asks the browser).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today_utc() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0)).unwrap_or(Self {
            year: 1970,
            month: 1,
            day: 1,
        })
    }

    /// Completed years of age on `on` for someone born on `self` (周岁).
    pub fn age_on(self, on: Date) -> u32 {
        if on < self {
            return 0;
        }
        let mut age = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            age -= 1;
        }
        u32::try_from(age).unwrap_or(0)
    }

    /// Whole months from `self` to `later` (0 if `later` is earlier).
    pub fn months_until(self, later: Date) -> u32 {
        if later <= self {
            return 0;
        }
        let mut m = (later.year - self.year) * 12 + i32::from(later.month) - i32::from(self.month);
        if later.day < self.day {
            m -= 1;
        }
        u32::try_from(m).unwrap_or(0)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl core::str::FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// TOML dates arrive from the `toml` crate as a one-entry map under this key.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

struct DateVisitor;

impl<'de> serde::de::Visitor<'de> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date YYYY-MM-DD")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
        Date::parse(v).map_err(E::custom)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
        let key: Option<String> = map.next_key()?;
        match key.as_deref() {
            Some(TOML_DATETIME_KEY) => {
                let raw: String = map.next_value()?;
                Date::parse(&raw).map_err(serde::de::Error::custom)
            }
            _ => Err(serde::de::Error::custom("expected a date YYYY-MM-DD")),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> String {
        "Date".to_owned()
    }

    fn json_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
        schemars::schema::SchemaObject {
            instance_type: Some(schemars::schema::InstanceType::String.into()),
            format: Some("date".to_owned()),
            ..Default::default()
        }
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_days_round_trip() {
        for days in [-719_162_i64, -25_567, -1, 0, 1, 10_957, 20_000, 2_932_896] {
            let date = Date::from_unix_days(days).unwrap();
            assert_eq!(date.unix_days(), days);
        }
        assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1));
        assert_eq!(Date::from_unix_days(19_782), Date::new(2024, 2, 29));
        assert_eq!(Date::from_unix_days(2_932_897), None, "after 9999-12-31");
        assert_eq!(Date::from_unix_days(-719_163), None, "before 0001-01-01");
        assert_eq!(Date::from_unix_days(i64::MAX), None);
        assert!(Date::today_utc() > Date::new(2025, 1, 1).unwrap());
    }

    #[test]
    fn parses_and_prints() {
        let d = Date::parse("2024-02-29").unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2023-2-01").is_err());
        assert!(Date::parse("+023-02-01").is_err());
    }

    #[test]
    fn ages_count_completed_years() {
        let born = Date::parse("2008-06-15").unwrap();
        assert_eq!(born.age_on(Date::parse("2026-06-14").unwrap()), 17);
        assert_eq!(born.age_on(Date::parse("2026-06-15").unwrap()), 18);
    }

    #[test]
    fn months_add_and_count() {
        let d = Date::parse("2025-08-31").unwrap();
        assert_eq!(d.add_months(6).to_string(), "2026-02-28");
        assert_eq!(d.months_until(Date::parse("2026-02-28").unwrap()), 5);
        assert_eq!(d.months_until(Date::parse("2026-03-01").unwrap()), 6);
    }
}
