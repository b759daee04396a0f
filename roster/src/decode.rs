//! Bytes to text: UTF-8 (with or without a BOM), UTF-16 with a BOM, or GBK.
//!
//! Excel on a Chinese Windows saves "CSV (逗号分隔)" in the ANSI code page,
//! GBK (cp936); "CSV UTF-8" and WPS save UTF-8 with a BOM. A file that is
//! valid UTF-8 is read as UTF-8; anything else as GBK (decoded as GB18030,
//! its superset, as browsers do).

use encoding_rs::{Encoding as Enc, GBK, UTF_8};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gbk,
}

impl Encoding {
    /// The name shown to the worker.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gbk => "GBK",
        }
    }
}

/// A decoded file.
#[derive(Debug)]
pub struct Decoded<'b> {
    /// The text, without the byte-order mark.
    pub text: Cow<'b, str>,
    pub encoding: Encoding,
    /// Some bytes were invalid in the chosen encoding and became U+FFFD.
    pub malformed: bool,
}

/// Decodes a roster file: by its byte-order mark if it has one, else UTF-8
/// if the bytes are valid UTF-8, else GBK.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some((enc, bom)) = Enc::for_bom(bytes) {
        let encoding = if enc == UTF_8 {
            Encoding::Utf8Bom
        } else if enc == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        };
        let (text, malformed) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Decoded {
            text,
            encoding,
            malformed,
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            encoding: Encoding::Utf8,
            malformed: false,
        };
    }
    let (text, malformed) = GBK.decode_without_bom_handling(bytes);
    Decoded {
        text,
        encoding: Encoding::Gbk,
        malformed,
    }
}

/// Encodes text as GBK (for tests and the sample generator): `None` if a
/// character has no GBK code.
pub fn encode_gbk(text: &str) -> Option<Vec<u8>> {
    let (bytes, _, unmappable) = GBK.encode(text);
    (!unmappable).then(|| bytes.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_encoding() {
        let s = "household_id,relation\n海丰-1,applicant\n";
        let d = decode(s.as_bytes());
        assert_eq!(
            (d.encoding, &*d.text, d.malformed),
            (Encoding::Utf8, s, false)
        );

        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(s.as_bytes());
        let d = decode(&bom);
        assert_eq!((d.encoding, &*d.text), (Encoding::Utf8Bom, s));

        let gbk = encode_gbk(s).expect("gbk");
        assert_ne!(gbk, s.as_bytes());
        let d = decode(&gbk);
        assert_eq!(
            (d.encoding, &*d.text, d.malformed),
            (Encoding::Gbk, s, false)
        );

        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&utf16);
        assert_eq!((d.encoding, &*d.text), (Encoding::Utf16Le, s));
    }

    #[test]
    fn bytes_invalid_in_both_are_marked() {
        // 0xFF is no lead byte in GBK nor in UTF-8.
        let d = decode(b"a,\xFF\n");
        assert_eq!(d.encoding, Encoding::Gbk);
        assert!(d.malformed);
        assert_eq!(&*d.text, "a,\u{FFFD}\n");
    }
}
