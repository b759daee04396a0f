//! Personal data at rest: AES-256-GCM with a random nonce per record, and a
//! keyed hash (HMAC-SHA256) for look-ups. Both keys are derived from one
//! 32-byte master key: `JIUZHU_DATA_KEY` (base64) or `<data dir>/data.key`,
//! created with mode 0600 on first run. Lose the key and the encrypted
//! numbers are lost: back it up separately from the database.

use std::fmt;
use std::io::Write;
use std::path::Path;

use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload, rand_core::RngCore};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The environment variable holding the master key (base64 of 32 bytes).
pub const KEY_ENV: &str = "JIUZHU_DATA_KEY";
/// The key file's name in the data directory.
pub const KEY_FILE: &str = "data.key";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{0} must be the base64 encoding of exactly 32 bytes")]
    BadKey(String),
    #[error("cannot read or create the key file {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

#[derive(Debug, thiserror::Error)]
#[error("cannot decrypt a stored field (wrong key or damaged record)")]
pub struct DecryptError;

/// The keys. `Debug` never shows them.
#[derive(Clone)]
pub struct Keys {
    aead: Aes256Gcm,
    lookup: [u8; 32],
}

impl fmt::Debug for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Keys(…)")
    }
}

fn derive(master: &[u8; 32], label: &[u8]) -> [u8; 32] {
    let mut mac = <HmacSha256 as Mac>::new_from_slice(master).expect("HMAC takes any key length");
    mac.update(label);
    mac.finalize().into_bytes().into()
}

impl Keys {
    /// Derive the encryption and look-up keys from a master key.
    pub fn from_master(master: &[u8; 32]) -> Keys {
        let enc = derive(master, b"jiuzhu/v1/encryption");
        Keys {
            aead: Aes256Gcm::new(&enc.into()),
            lookup: derive(master, b"jiuzhu/v1/lookup"),
        }
    }

    /// A master key from its base64 text.
    pub fn from_base64(text: &str, what: &str) -> Result<Keys, KeyError> {
        let bytes = B64
            .decode(text.trim())
            .map_err(|_| KeyError::BadKey(what.to_owned()))?;
        let master: [u8; 32] = bytes
            .try_into()
            .map_err(|_| KeyError::BadKey(what.to_owned()))?;
        Ok(Keys::from_master(&master))
    }

    /// `JIUZHU_DATA_KEY` if set, else `<data_dir>/data.key` (created if missing).
    pub fn load(data_dir: &Path) -> Result<Keys, KeyError> {
        match std::env::var(KEY_ENV) {
            Ok(text) => Keys::from_base64(&text, KEY_ENV),
            Err(_) => Keys::from_file(&data_dir.join(KEY_FILE)),
        }
    }

    /// Read the key file, or create it (mode 0600, new random key) if missing.
    pub fn from_file(path: &Path) -> Result<Keys, KeyError> {
        let io = |source| KeyError::Io {
            path: path.display().to_string(),
            source,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => Keys::from_base64(&text, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut master = [0u8; 32];
                OsRng.fill_bytes(&mut master);
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    options.mode(0o600);
                }
                let mut file = options.open(path).map_err(io)?;
                file.write_all(format!("{}\n", B64.encode(master)).as_bytes())
                    .map_err(io)?;
                file.sync_all().map_err(io)?;
                Ok(Keys::from_master(&master))
            }
            Err(e) => Err(io(e)),
        }
    }

    /// Encrypt `plain`, bound to `field` (associated data): `(ciphertext, nonce)`.
    pub fn seal(&self, field: &str, plain: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let cipher = self
            .aead
            .encrypt(
                &nonce,
                Payload {
                    msg: plain,
                    aad: field.as_bytes(),
                },
            )
            .expect("AES-GCM encryption of an in-memory value cannot fail");
        (cipher, nonce.to_vec())
    }

    pub fn open(&self, field: &str, cipher: &[u8], nonce: &[u8]) -> Result<Vec<u8>, DecryptError> {
        if nonce.len() != 12 {
            return Err(DecryptError);
        }
        self.aead
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: cipher,
                    aad: field.as_bytes(),
                },
            )
            .map_err(|_| DecryptError)
    }

    /// The keyed hash of a value for equality look-ups (hex).
    pub fn lookup_hash(&self, field: &str, value: &[u8]) -> String {
        let mut mac =
            <HmacSha256 as Mac>::new_from_slice(&self.lookup).expect("HMAC takes any key length");
        mac.update(field.as_bytes());
        mac.update(&[0]);
        mac.update(value);
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// Random numbers for tracking codes.
pub fn random_u32s<const N: usize>() -> [u32; N] {
    core::array::from_fn(|_| OsRng.next_u32())
}

/// A fresh secret for a session cookie or a CSRF token: 32 random bytes,
/// URL-safe base64 without padding (43 characters).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub fn b64(bytes: &[u8]) -> String {
    B64.encode(bytes)
}

pub fn unb64(text: &str) -> Option<Vec<u8>> {
    B64.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_with_fresh_nonces_and_bound_field() {
        let keys = Keys::from_master(&[7; 32]);
        let (c1, n1) = keys.seal("resident_id", b"secret");
        let (c2, n2) = keys.seal("resident_id", b"secret");
        assert_ne!(n1, n2);
        assert_ne!(c1, c2);
        assert_eq!(keys.open("resident_id", &c1, &n1).unwrap(), b"secret");
        assert!(keys.open("mobile", &c1, &n1).is_err());
        assert!(
            Keys::from_master(&[8; 32])
                .open("resident_id", &c1, &n1)
                .is_err()
        );
        assert!(!format!("{keys:?}").contains('7'));
    }

    #[test]
    fn lookup_hash_is_keyed_and_stable() {
        let a = Keys::from_master(&[1; 32]);
        let b = Keys::from_master(&[2; 32]);
        assert_eq!(a.lookup_hash("id", b"x"), a.lookup_hash("id", b"x"));
        assert_ne!(a.lookup_hash("id", b"x"), b.lookup_hash("id", b"x"));
        assert_eq!(a.lookup_hash("id", b"x").len(), 64);
    }

    #[test]
    fn key_file_is_created_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(KEY_FILE);
        let first = Keys::from_file(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let (c, n) = first.seal("f", b"v");
        let again = Keys::from_file(&path).unwrap();
        assert_eq!(again.open("f", &c, &n).unwrap(), b"v");
        std::fs::write(&path, "bm90IDMyIGJ5dGVz").unwrap();
        assert!(matches!(Keys::from_file(&path), Err(KeyError::BadKey(_))));
    }
}
