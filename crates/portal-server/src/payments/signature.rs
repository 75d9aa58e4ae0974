//! HMAC-SHA256 signatures of the provider's callbacks, so that only the provider (which
//! holds the key) can mark a dossier paid; the payer cannot forge a success.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::random;

type HmacSha256 = Hmac<Sha256>;

pub struct SigningKey(Vec<u8>);

impl SigningKey {
    pub fn new(key: &[u8]) -> SigningKey {
        SigningKey(key.to_vec())
    }

    fn mac(&self) -> Option<HmacSha256> {
        HmacSha256::new_from_slice(&self.0).ok()
    }

    /// `sha256=<hex>` for `body`.
    pub fn sign(&self, body: &[u8]) -> String {
        let Some(mut mac) = self.mac() else {
            return String::new();
        };
        mac.update(body);
        format!("sha256={}", random::hex(&mac.finalize().into_bytes()))
    }

    /// Whether `signature` is this key's signature of `body` (compared in constant time).
    pub fn verify(&self, body: &[u8], signature: &str) -> bool {
        let Some(hex) = signature.trim().strip_prefix("sha256=") else {
            return false;
        };
        let Some(bytes) = random::unhex(hex) else {
            return false;
        };
        let Some(mut mac) = self.mac() else {
            return false;
        };
        mac.update(body);
        mac.verify_slice(&bytes).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_and_verifies() {
        let k = SigningKey::new(b"key");
        let sig = k.sign(b"{\"a\":1}");
        assert!(sig.starts_with("sha256=") && sig.len() == 7 + 64);
        assert!(k.verify(b"{\"a\":1}", &sig));
        assert!(!k.verify(b"{\"a\":2}", &sig));
        assert!(!SigningKey::new(b"other").verify(b"{\"a\":1}", &sig));
        assert!(!k.verify(b"{\"a\":1}", "sha256=zz"));
        assert!(!k.verify(b"{\"a\":1}", "md5=00"));
        // RFC 4231 test case 2.
        let k = SigningKey::new(b"Jefe");
        assert_eq!(
            k.sign(b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
