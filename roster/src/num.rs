//! Decimals as text without `core::fmt` (slow in WASM): the export and the
//! results JSON write a few hundred thousand amounts.

use rust_decimal::Decimal;

/// Writes `v` as its `Display` writes it (`1300.00`, `-0.05`, `0`) into the
/// end of `buf`, returning the text.
pub fn format_decimal<'b>(v: &Decimal, buf: &'b mut [u8; 64]) -> &'b str {
    let scale = v.scale() as usize;
    let mut mantissa = v.mantissa().unsigned_abs();
    let mut i = buf.len();
    let mut digits = 0;
    // At least one digit before the point.
    while mantissa > 0 || digits <= scale {
        if digits == scale && scale > 0 {
            i -= 1;
            buf[i] = b'.';
        }
        i -= 1;
        // u128 → u8: the remainder is below ten.
        buf[i] = b'0' + (mantissa % 10) as u8;
        mantissa /= 10;
        digits += 1;
    }
    if v.is_sign_negative() && !v.is_zero() {
        i -= 1;
        buf[i] = b'-';
    }
    std::str::from_utf8(&buf[i..]).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        let mut values: Vec<Decimal> = [
            "0", "-0", "0.00", "-0.00", "0.05", "-0.05", "1300.00", "1300", "604.50", "-1.2",
        ]
        .iter()
        .map(|s| s.parse().expect("decimal"))
        .collect();
        values.extend([Decimal::MAX, Decimal::MIN, Decimal::new(-0, 2)]);
        for scale in 0..=28 {
            values.push(Decimal::from_i128_with_scale(123_456_789, scale));
            values.push(Decimal::from_i128_with_scale(-7, scale));
            values.push(Decimal::from_i128_with_scale(0, scale));
        }
        for v in values {
            let mut buf = [0; 64];
            assert_eq!(format_decimal(&v, &mut buf), v.to_string(), "{v:?}");
        }
    }
}
