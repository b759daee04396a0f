//! What the policy guide shows of a place, read out of its pack ahead of
//! time: `cargo xtask build` writes one file per place
//! (`/guides/<code>.json`), so the guide's light bundle reads plain text and
//! flags, with no pack types, decimal arithmetic or JSON deserialiser of its
//! own (the browser's `JSON.parse` reads it).
//!
//! Values are kept with their effective dates, every one of them: the page
//! picks the value in force on the day it is read, as [`explain`] does, so
//! a new standard shows from its date on without a new build.

use crate::date::Date;
use crate::explain::explained_parameters;
use crate::money::Period;
use crate::pack::{Pack, ParamValue, Source, Unit, in_force};
use crate::program::ProgramId;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A place's guide: every program of `ProgramId::ALL`, offered or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceGuide {
    /// 行政区划代码 (or a demo code).
    pub code: String,
    pub name: String,
    /// A demonstration pack, not a real jurisdiction's rules.
    pub demo: bool,
    pub programs: Vec<ProgramGuide>,
}

/// One program as the place runs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramGuide {
    pub id: ProgramId,
    pub offered: bool,
    /// The parameters [`explain`] reports, with all their dated values.
    pub parameters: Vec<ParamGuide>,
    /// The Chinese names of the documents to bring.
    pub documents: Vec<String>,
    pub office: Option<String>,
    pub apply_at: Option<String>,
    pub time_limits: Option<Limits>,
    /// The rule's citation ([`Source::citation`]).
    pub rule: Option<String>,
}

/// Processing time limits, in (working) days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub investigation_working_days: Option<u32>,
    pub publicity_days: Option<u32>,
    pub decision_working_days: Option<u32>,
    pub total_working_days: Option<u32>,
}

/// A parameter and its values by effective date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamGuide {
    pub name: String,
    pub unit: Unit,
    pub period: Option<Period>,
    pub values: Vec<ValueGuide>,
}

/// One dated value of a parameter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueGuide {
    pub from: Date,
    pub until: Option<Date>,
    /// As [`plain_value`] writes it.
    pub value: String,
    /// The value's citation ([`Source::citation`]).
    pub source: Option<String>,
    pub example: bool,
    pub floor: bool,
}

/// A parameter's value in force, as a page shows it (the guide's and the
/// results' "how much" lists): its value as [`plain_value`] writes it, the
/// language's units and words are the app's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownParam {
    pub name: String,
    pub unit: Unit,
    pub period: Option<Period>,
    pub value: String,
    pub from: Date,
    pub source: Option<String>,
    pub example: bool,
    pub floor: bool,
}

/// A value written for display, without a language: yuan rounded to the
/// fen (`"860"`, `"1300.00"`, `"86.50"` for 86.505), a share as a percentage (`"75"` for 0.75), a flag as `"1"`
/// or `"0"`, anything else as its plain number (`"24"`, `"1.5"`).
pub fn plain_value(unit: Unit, value: Decimal) -> String {
    match unit {
        Unit::Yuan => value.round_dp(2).to_string(),
        Unit::Share => (value * Decimal::ONE_HUNDRED).normalize().to_string(),
        Unit::Flag => if value.is_zero() { "0" } else { "1" }.to_owned(),
        _ => value.normalize().to_string(),
    }
}

/// Group digits by thousands: "12345.60" -> "12,345.60".
pub fn group_thousands(value: &str) -> String {
    let (sign, rest) = value.strip_prefix('-').map_or(("", value), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if let Some(f) = frac {
        grouped.push('.');
        grouped.push_str(f);
    }
    grouped
}

impl Unit {
    /// A unit by its name in packs and guide files (`"working_days"`).
    pub fn from_name(name: &str) -> Option<Unit> {
        Some(match name {
            "yuan" => Unit::Yuan,
            "share" => Unit::Share,
            "multiple" => Unit::Multiple,
            "months" => Unit::Months,
            "years" => Unit::Years,
            "days" => Unit::Days,
            "working_days" => Unit::WorkingDays,
            "count" => Unit::Count,
            "flag" => Unit::Flag,
            _ => return None,
        })
    }
}

impl Period {
    /// A period by its name in packs and guide files (`"month"`).
    pub fn from_name(name: &str) -> Option<Period> {
        Some(match name {
            "month" => Period::Month,
            "year" => Period::Year,
            "once" => Period::Once,
            "day" => Period::Day,
            "share" => Period::Share,
            _ => return None,
        })
    }
}

impl Source {
    /// "document clause", as the pack cites it.
    pub fn citation(&self) -> String {
        let mut s = self.document.to_string();
        if let Some(clause) = &self.clause {
            s.push(' ');
            s.push_str(clause);
        }
        s
    }
}

impl ParamValue {
    /// The value as a page shows it.
    pub fn shown(&self) -> ShownParam {
        ShownParam {
            name: self.name.to_string(),
            unit: self.unit,
            period: self.period,
            value: plain_value(self.unit, self.value),
            from: self.from,
            source: self.source.as_deref().map(Source::citation),
            example: self.example,
            floor: self.floor,
        }
    }
}

impl ParamGuide {
    /// The value in force on `on`, as [`crate::pack::Parameter::value_on`]
    /// picks it: the last one in force from `on` or before, unless it ended.
    pub fn on(&self, on: Date) -> Option<ShownParam> {
        let v = in_force(&self.values, on, |v| (v.from, v.until))?;
        Some(ShownParam {
            name: self.name.clone(),
            unit: self.unit,
            period: self.period,
            value: v.value.clone(),
            from: v.from,
            source: v.source.clone(),
            example: v.example,
            floor: v.floor,
        })
    }
}

impl PlaceGuide {
    /// The guide of a (merged, complete) pack.
    pub fn of(pack: &Pack) -> PlaceGuide {
        PlaceGuide {
            code: pack.jurisdiction.code.clone(),
            name: pack.jurisdiction.name.to_string(),
            demo: pack.jurisdiction.demo,
            programs: ProgramId::ALL
                .iter()
                .map(|&p| ProgramGuide::of(pack, p))
                .collect(),
        }
    }

    /// One program of the guide.
    pub fn program(&self, id: ProgramId) -> Option<&ProgramGuide> {
        self.programs.iter().find(|p| p.id == id)
    }

    /// The days around `on` on which the guide shows exactly what it shows
    /// on `on`: from the last date on or before `on` on which any value
    /// starts or ends, to the first such date after it (`None`: no change
    /// ahead). A page written ahead of time for `on` is true on these days.
    pub fn unchanged_around(&self, on: Date) -> (Option<Date>, Option<Date>) {
        let changes = self
            .programs
            .iter()
            .flat_map(|p| &p.parameters)
            .flat_map(|p| &p.values)
            .flat_map(|v| [Some(v.from), v.until])
            .flatten();
        let mut since = None;
        let mut until: Option<Date> = None;
        for day in changes {
            if day <= on {
                since = since.max(Some(day));
            } else {
                until = Some(until.map_or(day, |u| u.min(day)));
            }
        }
        (since, until)
    }
}

impl ProgramGuide {
    fn of(pack: &Pack, id: ProgramId) -> ProgramGuide {
        let spec = pack.program(id);
        let text = |t: Option<&crate::pack::Text>| t.map(|t| t.to_string());
        ProgramGuide {
            id,
            offered: pack.offers(id),
            parameters: explained_parameters(id)
                .filter_map(|name| {
                    let p = pack.parameters.get(name)?;
                    Some(ParamGuide {
                        name: name.to_owned(),
                        unit: p.unit.unwrap_or(Unit::Count),
                        period: p.period,
                        values: p
                            .values
                            .iter()
                            .map(|v| ValueGuide {
                                from: v.from,
                                until: v.until,
                                value: plain_value(p.unit.unwrap_or(Unit::Count), v.value),
                                source: v.source.as_deref().map(Source::citation),
                                example: v.example,
                                floor: v.floor,
                            })
                            .collect(),
                    })
                })
                .collect(),
            documents: spec
                .and_then(|s| s.documents.as_ref())
                .into_iter()
                .flatten()
                .map(|id| {
                    pack.documents
                        .get(&**id)
                        .map_or_else(|| id.to_string(), |name| name.to_string())
                })
                .collect(),
            office: text(spec.and_then(|s| s.office.as_ref())),
            apply_at: text(spec.and_then(|s| s.apply_at.as_ref())),
            time_limits: spec.and_then(|s| s.time_limits.as_deref()).map(|l| Limits {
                investigation_working_days: l.investigation_working_days,
                publicity_days: l.publicity_days,
                decision_working_days: l.decision_working_days,
                total_working_days: l.total_working_days,
            }),
            rule: spec.and_then(|s| s.rule.as_deref()).map(Source::citation),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::explain;
    use crate::packs;

    #[test]
    fn a_page_for_a_day_is_true_until_the_next_change() {
        for pack in packs::embedded_ref() {
            let guide = PlaceGuide::of(pack);
            for on in ["2020-06-01", "2024-03-15", "2026-11-30", "2027-12-31"] {
                let on = Date::parse(on).unwrap();
                let (since, until) = guide.unchanged_around(on);
                let shown = |day: Date| -> Vec<Option<ShownParam>> {
                    guide
                        .programs
                        .iter()
                        .flat_map(|p| &p.parameters)
                        .map(|p| p.on(day))
                        .collect()
                };
                if let Some(since) = since {
                    assert!(since <= on);
                    assert_eq!(shown(since), shown(on), "{} {since}", guide.code);
                }
                if let Some(until) = until {
                    assert!(until > on);
                    let last = Date::from_unix_days(until.unix_days() - 1).unwrap();
                    assert_eq!(shown(last), shown(on), "{} {last}", guide.code);
                    // The bound is a real change for at least one value.
                    assert_ne!(shown(until), shown(on), "{} {until}", guide.code);
                }
            }
        }
    }

    #[test]
    fn digits_are_grouped_by_thousands() {
        assert_eq!(group_thousands("1234567.50"), "1,234,567.50");
        assert_eq!(group_thousands("-1300"), "-1,300");
        assert_eq!(group_thousands("999"), "999");
        assert_eq!(group_thousands("1000"), "1,000");
    }

    fn d(s: &str) -> Date {
        Date::parse(s).expect("date")
    }

    /// On any day, the guide shows what `explain` reports from the pack:
    /// the same parameters with the same values, dates and sources, the
    /// same documents, office, time limits and rule.
    #[test]
    fn the_guide_shows_what_explain_reports_on_any_day() {
        let days = [
            "2019-06-01",
            "2020-01-01",
            "2023-12-31",
            "2024-01-01",
            "2025-07-01",
            "2030-01-01",
        ];
        for pack in packs::embedded_ref() {
            let guide = PlaceGuide::of(pack);
            assert_eq!(guide.programs.len(), ProgramId::ALL.len());
            for &id in ProgramId::ALL {
                let g = guide.program(id).expect("every program");
                for day in days.map(d) {
                    let e = explain(pack, id, day);
                    let where_ = format!("{} {} {day}", pack.jurisdiction.code, id.as_str());
                    assert_eq!(g.offered, e.offered, "{where_}");
                    let shown: Vec<ShownParam> =
                        g.parameters.iter().filter_map(|p| p.on(day)).collect();
                    let expected: Vec<ShownParam> =
                        e.parameters.iter().map(|p| p.value.shown()).collect();
                    assert_eq!(shown, expected, "{where_}");
                    let names: Vec<String> = e.documents.iter().map(|(_, n)| n.clone()).collect();
                    assert_eq!(g.documents, names, "{where_}");
                    assert_eq!(g.office.as_deref(), e.office.as_deref(), "{where_}");
                    assert_eq!(g.apply_at.as_deref(), e.apply_at.as_deref(), "{where_}");
                    assert_eq!(g.rule, e.rule.as_deref().map(Source::citation), "{where_}");
                    let limits = e.time_limits.as_deref().map(|l| {
                        [
                            l.investigation_working_days,
                            l.publicity_days,
                            l.decision_working_days,
                            l.total_working_days,
                        ]
                    });
                    let ours = g.time_limits.as_ref().map(|l| {
                        [
                            l.investigation_working_days,
                            l.publicity_days,
                            l.decision_working_days,
                            l.total_working_days,
                        ]
                    });
                    assert_eq!(ours, limits, "{where_}");
                }
            }
        }
    }

    /// `from_name` reads what serde writes, for every unit and period.
    #[test]
    fn names_are_the_serialised_ones() {
        use Unit::*;
        for unit in [
            Yuan,
            Share,
            Multiple,
            Months,
            Years,
            Days,
            WorkingDays,
            Count,
            Flag,
        ] {
            // A new variant fails to compile here until it is listed.
            match unit {
                Yuan | Share | Multiple | Months | Years | Days | WorkingDays | Count | Flag => {}
            }
            let name = serde_json::to_value(unit).expect("serialise");
            assert_eq!(
                Unit::from_name(name.as_str().expect("a string")),
                Some(unit)
            );
        }
        for period in [
            Period::Month,
            Period::Year,
            Period::Once,
            Period::Day,
            Period::Share,
        ] {
            match period {
                Period::Month | Period::Year | Period::Once | Period::Day | Period::Share => {}
            }
            let name = serde_json::to_value(period).expect("serialise");
            assert_eq!(
                Period::from_name(name.as_str().expect("a string")),
                Some(period)
            );
        }
        assert_eq!(Unit::from_name("Yuan"), None);
    }

    #[test]
    fn values_read_without_a_language() {
        let v = |s: &str| s.parse::<Decimal>().expect("decimal");
        assert_eq!(plain_value(Unit::Yuan, v("860")), "860");
        assert_eq!(plain_value(Unit::Yuan, v("86.505")), "86.50");
        assert_eq!(plain_value(Unit::Yuan, v("1300.00")), "1300.00");
        assert_eq!(plain_value(Unit::Share, v("0.75")), "75");
        assert_eq!(plain_value(Unit::Share, v("0.125")), "12.5");
        assert_eq!(plain_value(Unit::Multiple, v("1.50")), "1.5");
        assert_eq!(plain_value(Unit::Months, v("24")), "24");
        assert_eq!(plain_value(Unit::Flag, v("0")), "0");
        assert_eq!(plain_value(Unit::Flag, v("1")), "1");
    }

    #[test]
    fn a_value_ends_on_its_until_date() {
        let p = ParamGuide {
            name: "x".into(),
            unit: Unit::Count,
            period: None,
            values: vec![ValueGuide {
                from: d("2024-01-01"),
                until: Some(d("2025-01-01")),
                value: "1".into(),
                source: None,
                example: false,
                floor: false,
            }],
        };
        assert!(p.on(d("2023-12-31")).is_none());
        assert_eq!(p.on(d("2024-06-01")).map(|s| s.value), Some("1".into()));
        assert!(p.on(d("2025-01-01")).is_none());
    }
}
