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
    // Most amounts already have at most two places: rounding leaves them,
    // and rescaling only multiplies the mantissa (sign kept, zero too).
    // That case is made here; only more places need the library's rounding.
    let scale = v.scale();
    if scale <= 2
        && let Ok(m) = u64::try_from(v.mantissa().unsigned_abs())
        && let Some(m) = m.checked_mul(if scale == 0 {
            100
        } else if scale == 1 {
            10
        } else {
            1
        })
    {
        // Truncations: the two halves of the 64-bit mantissa.
        return Decimal::from_parts(m as u32, (m >> 32) as u32, 0, v.is_sign_negative(), 2);
    }
    let mut r = v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The library's rounding, as `round2` was written before its fast path.
    fn slow(v: Decimal) -> Decimal {
        let mut r =
            v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        r.rescale(2);
        r
    }

    #[test]
    fn round2_agrees_with_the_library() {
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "0.00",
            "-0.00",
            "0.000",
            "1",
            "-1",
            "1.5",
            "-1.5",
            "1.25",
            "1.005",
            "-1.005",
            "1300",
            "1300.0",
            "1300.00",
            "860.125",
            "18446744073709551615",
            "184467440737095516",
            "184467440737095517",
            "1844674407370955161.5",
        ]
        .iter()
        .map(|c| c.parse().expect("decimal"))
        .collect();
        values.extend([
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(-0, 1),
            Decimal::new(5, 0),
        ]);
        for v in values {
            let (fast, lib) = (round2(v), slow(v));
            assert_eq!(fast, lib, "{v}");
            assert_eq!(fast.to_string(), lib.to_string(), "{v}");
            assert_eq!(fast.serialize(), lib.serialize(), "{v}");
        }
    }
}
