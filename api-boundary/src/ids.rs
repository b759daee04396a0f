//! "Parse, don't validate": values that can only exist when valid.
//!
//! Each parser returns a stable snake_case error code the app translates
//! (`format`, `birth_date`, `check_digit`, …). None of these types prints its
//! full value in `Debug`: personal data stays out of logs by construction.

use core::fmt;

use rules_core::Date;

/// GB 11643-1999 weights of the first 17 digits.
const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for `sum mod 11`.
const ID_CHECK: &[u8; 11] = b"10X98765432";

/// The GB 11643 check character of the first 17 digits (ASCII digits only).
pub fn resident_id_check_char(first17: &[u8]) -> Option<char> {
    if first17.len() != 17 || !first17.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = first17
        .iter()
        .zip(ID_WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    Some(char::from(ID_CHECK[(sum % 11) as usize]))
}

/// An 18-digit 居民身份证 number: the format, a real birth date not after
/// today, and the GB 11643 check character. Stored upper-case (`X`).
#[derive(Clone, PartialEq, Eq)]
pub struct ResidentId(String);

impl ResidentId {
    /// `today` is the caller's clock (birth dates after it are refused).
    pub fn parse(raw: &str, today: Date) -> Result<ResidentId, &'static str> {
        let s = raw.trim().to_ascii_uppercase();
        let b = s.as_bytes();
        if b.len() != 18
            || !b[..17].iter().all(u8::is_ascii_digit)
            || !(b[17].is_ascii_digit() || b[17] == b'X')
        {
            return Err("format");
        }
        let num = |r: core::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
        let birth = i32::try_from(num(6..10))
            .ok()
            .filter(|y| *y >= 1900)
            .and_then(|y| {
                Date::new(
                    y,
                    u8::try_from(num(10..12)).ok()?,
                    u8::try_from(num(12..14)).ok()?,
                )
            });
        match birth {
            Some(d) if d <= today => {}
            _ => return Err("birth_date"),
        }
        if resident_id_check_char(&b[..17]) != Some(char::from(b[17])) {
            return Err("check_digit");
        }
        Ok(ResidentId(s))
    }

    /// The full number: only for encryption and the keyed look-up hash.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// First 3 and last 2 characters visible: `440***********12`.
    pub fn masked(&self) -> String {
        format!("{}{}{}", &self.0[..3], "*".repeat(13), &self.0[16..])
    }
}

impl fmt::Debug for ResidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ResidentId({})", self.masked())
    }
}

/// A mainland mobile number: 11 digits, `1[3-9]…`. Spaces and hyphens are
/// ignored on input.
#[derive(Clone, PartialEq, Eq)]
pub struct Mobile(String);

impl Mobile {
    pub fn parse(raw: &str) -> Result<Mobile, &'static str> {
        let s: String = raw.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let b = s.as_bytes();
        if b.len() == 11
            && b.iter().all(u8::is_ascii_digit)
            && b[0] == b'1'
            && (b'3'..=b'9').contains(&b[1])
        {
            Ok(Mobile(s))
        } else {
            Err("format")
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn last4(&self) -> &str {
        &self.0[7..]
    }
}

impl fmt::Debug for Mobile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Mobile(*******{})", self.last4())
    }
}

/// The tracking code alphabet: digits and capitals without 0/O/1/I/L.
/// 31 characters — a prime, which the check character relies on.
pub const CODE_ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Random characters in a code (31^8 ≈ 8.5 × 10^11 codes), plus one check character.
pub const CODE_BODY_LEN: usize = 8;

/// A case's tracking code: 8 characters of [`CODE_ALPHABET`] and a check
/// character chosen so that `Σ (i+1)·value(cᵢ) ≡ 0 (mod 31)` over all 9.
/// The weights 1..9 are distinct and non-zero modulo the prime 31, so any
/// single wrong character and any swap of two adjacent different characters
/// changes the sum: both are always detected.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct TrackingCode(String);

fn code_value(c: u8) -> Option<u32> {
    CODE_ALPHABET.iter().position(|a| *a == c).map(|p| p as u32)
}

fn weighted_sum(values: impl Iterator<Item = u32>) -> u32 {
    values
        .enumerate()
        .map(|(i, v)| (i as u32 + 1) * v)
        .sum::<u32>()
        % 31
}

impl TrackingCode {
    /// A code from 8 alphabet indexes (each taken modulo 31).
    pub fn from_body(body: [u32; CODE_BODY_LEN]) -> TrackingCode {
        let values = body.map(|v| v % 31);
        let sum = weighted_sum(values.iter().copied());
        // The check character has weight 9; 9⁻¹ ≡ 7 (mod 31).
        let check = ((31 - sum) % 31) * 7 % 31;
        let s: String = values
            .iter()
            .chain(core::iter::once(&check))
            .map(|v| char::from(CODE_ALPHABET[*v as usize]))
            .collect();
        TrackingCode(s)
    }

    /// Accepts lower case and ignores spaces and hyphens (`ABCD-EFGH-J`).
    pub fn parse(raw: &str) -> Result<TrackingCode, &'static str> {
        let s: String = raw
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if s.len() != CODE_BODY_LEN + 1 {
            return Err("format");
        }
        let values: Option<Vec<u32>> = s.bytes().map(code_value).collect();
        let values = values.ok_or("format")?;
        if weighted_sum(values.into_iter()) != 0 {
            return Err("check_char");
        }
        Ok(TrackingCode(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TrackingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for TrackingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TrackingCode({})", self.0)
    }
}

/// A client-chosen idempotency key: 16–64 characters of `[A-Za-z0-9_-]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(raw: &str) -> Result<IdempotencyKey, &'static str> {
        let ok = (16..=64).contains(&raw.len())
            && raw
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if ok {
            Ok(IdempotencyKey(raw.to_owned()))
        } else {
            Err("format")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 25).unwrap()
    }

    /// A made-up number (region 440114, the given birth date, sequence 123)
    /// with its correct check character.
    fn make_id(birth: &str) -> String {
        let first17 = format!("440114{birth}123");
        let check = resident_id_check_char(first17.as_bytes()).unwrap();
        format!("{first17}{check}")
    }

    #[test]
    fn check_digit_by_hand() {
        // 4·7+4·9+0·10+1·5+1·8+4·4+1·2+9·1+8·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2
        // = 188; 188 mod 11 = 1 → '0'. A made-up number, nobody's.
        assert_eq!(resident_id_check_char(b"44011419800101123"), Some('0'));
        assert_eq!(resident_id_check_char(b"4401141980010112"), None);
    }

    #[test]
    fn generated_ids_parse_and_mask() {
        for birth in ["19491231", "20000229", "19800101", "20261125"] {
            let raw = make_id(birth);
            let id = ResidentId::parse(&raw, today()).unwrap();
            assert_eq!(id.expose(), raw);
            let masked = id.masked();
            assert_eq!(masked.len(), 18);
            assert_eq!(&masked[..3], "440");
            assert_eq!(&masked[16..], &raw[16..]);
            assert_eq!(masked.matches('*').count(), 13);
            assert!(!format!("{id:?}").contains(&raw));
        }
    }

    #[test]
    fn lower_case_x_is_accepted() {
        // Find a birth date whose check character is X.
        let raw = (1..=28)
            .map(|d| make_id(&format!("199001{d:02}")))
            .find(|id| id.ends_with('X'))
            .unwrap();
        let id = ResidentId::parse(&raw.to_ascii_lowercase(), today()).unwrap();
        assert_eq!(id.expose(), raw);
    }

    #[test]
    fn id_errors_have_stable_codes() {
        let good = make_id("19800101");
        assert_eq!(ResidentId::parse("", today()), Err("format"));
        assert_eq!(ResidentId::parse(&good[..17], today()), Err("format"));
        assert_eq!(
            ResidentId::parse(&format!("{good}1"), today()),
            Err("format")
        );
        assert_eq!(
            ResidentId::parse(&good.replace('4', "A"), today()),
            Err("format")
        );
        // Not a real date, in the future, before 1900.
        for birth in ["19800230", "19801301", "20261126", "18991231"] {
            assert_eq!(
                ResidentId::parse(&make_id(birth), today()),
                Err("birth_date"),
                "{birth}"
            );
        }
        // Every wrong check character is caught.
        let check = good.as_bytes()[17];
        for c in b"0123456789X".iter().filter(|c| **c != check) {
            let bad = format!("{}{}", &good[..17], char::from(*c));
            assert_eq!(ResidentId::parse(&bad, today()), Err("check_digit"));
        }
    }

    #[test]
    fn mobiles() {
        let m = Mobile::parse("138 0013-8000").unwrap();
        assert_eq!(m.expose(), "13800138000");
        assert_eq!(m.last4(), "8000");
        assert!(!format!("{m:?}").contains("13800138000"));
        for bad in [
            "",
            "12800138000",
            "1380013800",
            "138001380000",
            "+8613800138000",
            "1380013800a",
        ] {
            assert_eq!(Mobile::parse(bad), Err("format"), "{bad}");
        }
    }

    #[test]
    fn tracking_codes_round_trip_and_use_the_alphabet() {
        let code = TrackingCode::from_body([0, 1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(code.as_str().len(), 9);
        assert_eq!(TrackingCode::parse(code.as_str()), Ok(code.clone()));
        assert_eq!(
            TrackingCode::parse(&code.as_str().to_ascii_lowercase()),
            Ok(code.clone())
        );
        let dashed = format!("{}-{}", &code.as_str()[..4], &code.as_str()[4..]);
        assert_eq!(TrackingCode::parse(&dashed), Ok(code));
        for c in "0O1IL".chars() {
            assert!(!CODE_ALPHABET.contains(&(c as u8)));
        }
        assert_eq!(TrackingCode::parse("ABCDEFGH"), Err("format"));
        assert_eq!(TrackingCode::parse("ABCDEFGH0"), Err("format"));
    }

    #[test]
    fn every_single_error_and_adjacent_swap_is_detected() {
        // Several bodies, every position, every other character; every swap.
        let mut seed = 0x2545_f491_u32;
        for _ in 0..50 {
            let body = core::array::from_fn(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                seed % 31
            });
            let code = TrackingCode::from_body(body);
            let bytes = code.as_str().as_bytes().to_vec();
            for i in 0..bytes.len() {
                for c in CODE_ALPHABET.iter().filter(|c| **c != bytes[i]) {
                    let mut bad = bytes.clone();
                    bad[i] = *c;
                    let bad = String::from_utf8(bad).unwrap();
                    assert_eq!(TrackingCode::parse(&bad), Err("check_char"), "{bad}");
                }
                if i + 1 < bytes.len() && bytes[i] != bytes[i + 1] {
                    let mut bad = bytes.clone();
                    bad.swap(i, i + 1);
                    let bad = String::from_utf8(bad).unwrap();
                    assert_eq!(TrackingCode::parse(&bad), Err("check_char"), "{bad}");
                }
            }
        }
    }

    #[test]
    fn idempotency_keys() {
        assert!(IdempotencyKey::parse("abcdefgh_12345-X").is_ok());
        assert!(IdempotencyKey::parse(&"a".repeat(64)).is_ok());
        for bad in [
            "short",
            &"a".repeat(65),
            "abcdefgh 12345678",
            "abcdefgh/12345678",
        ] {
            assert_eq!(IdempotencyKey::parse(bad), Err("format"), "{bad}");
        }
    }
}
