//! Unfinished applications are sealed before they are stored: AES-256-GCM (the `ring`
//! crate) under a key derived from the server's drafts secret, a fresh random nonce for
//! each write, and the owner and service as associated data, so a sealed row copied onto
//! another person or another service does not open. A database dump without the secret
//! shows who has a draft of which service and when, never an answer.

use base64::Engine as _;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use sha2::{Digest, Sha256};

/// What a sealed value starts with, so a later scheme can be told apart.
const VERSION: &str = "v1.";

/// Shortest secret accepted from the environment.
pub const MIN_SECRET_CHARS: usize = 32;

#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("the system random source failed")]
    Random,
    #[error("a stored draft could not be opened (another key, or altered)")]
    Open,
}

pub struct Seal {
    key: LessSafeKey,
}

impl Seal {
    /// The key for `secret` (a configured secret, or the one kept in the database).
    pub fn new(secret: &str) -> Seal {
        let mut h = Sha256::new();
        h.update(b"portal form drafts v1\0");
        h.update(secret.as_bytes());
        let bytes: [u8; 32] = h.finalize().into();
        let key = UnboundKey::new(&AES_256_GCM, &bytes).expect("a 32-byte AES-256 key");
        Seal {
            key: LessSafeKey::new(key),
        }
    }

    fn aad(owner: &str, service: &str) -> Vec<u8> {
        let mut aad = Vec::with_capacity(owner.len() + service.len() + 1);
        aad.extend_from_slice(owner.as_bytes());
        aad.push(0);
        aad.extend_from_slice(service.as_bytes());
        aad
    }

    pub fn seal(&self, owner: &str, service: &str, plain: &[u8]) -> Result<String, SealError> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).map_err(|_| SealError::Random)?;
        let mut data = plain.to_vec();
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(Self::aad(owner, service)),
                &mut data,
            )
            .map_err(|_| SealError::Random)?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&data);
        Ok(format!(
            "{VERSION}{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(out)
        ))
    }

    pub fn open(&self, owner: &str, service: &str, sealed: &str) -> Result<Vec<u8>, SealError> {
        let raw = sealed
            .strip_prefix(VERSION)
            .and_then(|b| {
                base64::engine::general_purpose::STANDARD_NO_PAD
                    .decode(b)
                    .ok()
            })
            .filter(|r| r.len() > NONCE_LEN)
            .ok_or(SealError::Open)?;
        let (nonce, data) = raw.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| SealError::Open)?;
        let mut data = data.to_vec();
        let plain = self
            .key
            .open_in_place(nonce, Aad::from(Self::aad(owner, service)), &mut data)
            .map_err(|_| SealError::Open)?;
        Ok(plain.to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_what_it_sealed_and_nothing_else() {
        let seal = Seal::new("a secret of at least thirty-two characters");
        let s = seal
            .seal("vneid:1", "birth-registration", b"{\"name\":\"An\"}")
            .unwrap();
        // Not there in clear: a quote never appears in the sealed text (base64), so this
        // cannot pass or fail by chance (a two-letter word could, 1 run in 70).
        assert!(!s.contains("\"name\""));
        assert_eq!(
            seal.open("vneid:1", "birth-registration", &s).unwrap(),
            b"{\"name\":\"An\"}"
        );
        // Each write has its own nonce.
        assert_ne!(
            s,
            seal.seal("vneid:1", "birth-registration", b"{\"name\":\"An\"}")
                .unwrap()
        );
        // Another owner, another service, another key, a changed byte: refused.
        assert!(seal.open("vneid:2", "birth-registration", &s).is_err());
        assert!(seal.open("vneid:1", "marriage-registration", &s).is_err());
        assert!(Seal::new("another secret")
            .open("vneid:1", "birth-registration", &s)
            .is_err());
        let mut bytes = s.into_bytes();
        let last = bytes.len() - 2;
        bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
        let altered = String::from_utf8(bytes).unwrap();
        assert!(seal
            .open("vneid:1", "birth-registration", &altered)
            .is_err());
        assert!(seal
            .open("vneid:1", "birth-registration", "garbage")
            .is_err());
    }
}
