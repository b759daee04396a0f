//! Money and shares: `rust_decimal::Decimal`, serialised as strings, in yuan.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The period an amount is paid for, or `share` for a fraction of eligible costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Month,
    Year,
    Once,
    Day,
    Share,
}

/// Whether an amount is the figure itself, a ceiling or a floor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    #[default]
    Exact,
    UpTo,
    AtLeast,
}

/// An amount with its period: `{"value": "1300.00", "period": "month"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    pub value: Decimal,
    pub period: Period,
    #[serde(default)]
    pub bound: Bound,
}

impl Amount {
    pub fn new(value: Decimal, period: Period) -> Self {
        Self {
            value: round2(value),
            period,
            bound: Bound::Exact,
        }
    }

    pub fn up_to(value: Decimal, period: Period) -> Self {
        Self {
            bound: Bound::UpTo,
            ..Self::new(value, period)
        }
    }

    pub fn at_least(value: Decimal, period: Period) -> Self {
        Self {
            bound: Bound::AtLeast,
            ..Self::new(value, period)
        }
    }
}

/// Money is shown to the fen: two decimal places, half away from zero.
pub fn round2(v: Decimal) -> Decimal {
    let mut r = v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}
