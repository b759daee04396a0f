//! The two screenings of a case stored compressed. Each is ≈ 24 KB of JSON
//! (every program's tests, parameters and sources), which made a filing's
//! row ≈ 50 KB: most of what every SQLite commit wrote to the WAL and
//! synced to disk. Compressed with LZ4 (≈ 3.6× on a screening, ≈ 56 µs for
//! 28 KB here, against ≈ 370 µs for zlib's fastest level at about the same
//! size) and base64'd into the same TEXT columns, with no schema change; a
//! value written before (plain JSON) still reads back as it is.

use std::borrow::Cow;

use crate::crypto;

/// What marks a packed value (plain JSON starts with `{`, `[` or a space).
const PREFIX: &str = "lz4:";

/// The largest document a packed value may claim to hold: a damaged length
/// must not make the server allocate gigabytes.
const MAX_LEN: usize = 16 << 20;

/// Pack a JSON document for storage: the prefix, then base64 of the
/// document's length (4 bytes, little-endian) and its LZ4 block.
pub fn pack(json: &str) -> String {
    let bytes = lz4_flex::block::compress_prepend_size(json.as_bytes());
    format!("{PREFIX}{}", crypto::b64(&bytes))
}

/// The JSON document of a stored value, packed or not; `None` if a packed
/// value is damaged or does not unpack to UTF-8 text.
pub fn unpack(stored: &str) -> Option<Cow<'_, str>> {
    let Some(packed) = stored.strip_prefix(PREFIX) else {
        return Some(Cow::Borrowed(stored));
    };
    let bytes = crypto::unb64(packed)?;
    let (len, block) = bytes.split_first_chunk::<4>()?;
    let len = u32::from_le_bytes(*len) as usize;
    if len > MAX_LEN {
        return None;
    }
    let json = lz4_flex::block::decompress(block, len).ok()?;
    if json.len() != len {
        return None;
    }
    String::from_utf8(json).ok().map(Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_document_unpacks_to_itself_and_is_much_smaller() {
        let json = serde_json::to_string(&serde_json::json!({
            "decisions": (0..22).map(|i| serde_json::json!({
                "program": format!("program-{i}"),
                "outcome": "possible",
                "tests": [{"id": "income-below-line", "result": "unknown"}],
            })).collect::<Vec<_>>(),
        }))
        .unwrap();
        let packed = pack(&json);
        assert!(packed.starts_with(PREFIX));
        assert!(
            packed.len() * 4 < json.len(),
            "{} → {}",
            json.len(),
            packed.len()
        );
        assert_eq!(unpack(&packed).as_deref(), Some(json.as_str()));
    }

    #[test]
    fn a_plain_document_stored_before_reads_as_it_is() {
        assert_eq!(unpack(r#"{"a":1}"#).as_deref(), Some(r#"{"a":1}"#));
    }

    #[test]
    fn a_damaged_packed_value_is_refused() {
        let packed = |bytes: &[u8]| format!("{PREFIX}{}", crypto::b64(bytes));
        assert_eq!(unpack("lz4:not base64!"), None);
        assert_eq!(unpack("lz4:"), None);
        assert_eq!(unpack(&packed(b"\x10\0\0\0not lz4")), None);
        // A length beyond reason is not allocated.
        assert_eq!(unpack(&packed(b"\xff\xff\xff\x7f\x10ab")), None);
    }
}
