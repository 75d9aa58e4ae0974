//! Signed messages between the portal and an agency system, both ways: the portal
//! delivering a dossier, the agency sending a status event back.
//!
//! The sender puts three headers on an HTTP POST:
//! - [`SYSTEM_HEADER`]: the agency system's id (which key signed it);
//! - [`TIMESTAMP_HEADER`]: the Unix time of sending, in seconds;
//! - [`SIGNATURE_HEADER`]: `v1=` and the lowercase hex HMAC-SHA256, under that system's
//!   key, of the timestamp, a full stop, and the body's bytes.
//!
//! The receiver recomputes it, compares in constant time, and refuses a timestamp more
//! than [`REPLAY_WINDOW_SECS`] away from its own clock, so a captured message cannot be
//! sent again later; within the window, the message's own id (delivery id, event id) makes
//! a repeat harmless.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The agency system whose key signed the message.
pub const SYSTEM_HEADER: &str = "x-dvc-system";
/// Unix seconds when the message was signed.
pub const TIMESTAMP_HEADER: &str = "x-dvc-timestamp";
/// `v1=<hex>`.
pub const SIGNATURE_HEADER: &str = "x-dvc-signature";
/// How far a message's timestamp may be from the receiver's clock, either way.
pub const REPLAY_WINDOW_SECS: i64 = 300;
/// The shortest key accepted: 32 bytes, as long as the hash.
pub const MIN_KEY_LEN: usize = 32;

/// Why a signed message was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the message is not signed (a header is missing)")]
    Missing,
    #[error("the signature or timestamp header is malformed")]
    Malformed,
    #[error("the timestamp is outside the {REPLAY_WINDOW_SECS} s window")]
    Expired,
    #[error("the signature does not match")]
    Mismatch,
    #[error("no key is known for agency system {0}")]
    UnknownSystem(String),
}

impl SignatureError {
    /// A stable code for error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            SignatureError::Missing => "signature_missing",
            SignatureError::Malformed => "signature_malformed",
            SignatureError::Expired => "signature_expired",
            SignatureError::Mismatch => "signature_mismatch",
            SignatureError::UnknownSystem(_) => "unknown_system",
        }
    }
}

fn mac(key: &[u8], timestamp: i64, body: &[u8]) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The [`SIGNATURE_HEADER`] value for `body` sent at `timestamp`.
pub fn sign(key: &[u8], timestamp: i64, body: &[u8]) -> String {
    format!(
        "v1={}",
        hex::encode(mac(key, timestamp, body).finalize().into_bytes())
    )
}

/// The three headers to send with `body`, signed now by `system`.
pub fn headers(system: &str, key: &[u8], now: i64, body: &[u8]) -> [(&'static str, String); 3] {
    [
        (SYSTEM_HEADER, system.to_string()),
        (TIMESTAMP_HEADER, now.to_string()),
        (SIGNATURE_HEADER, sign(key, now, body)),
    ]
}

/// Checks a received message: its timestamp and signature headers (as received, `None`
/// when absent) against `body`, `key` and the receiver's clock `now`.
pub fn verify(
    key: &[u8],
    timestamp: Option<&str>,
    signature: Option<&str>,
    body: &[u8],
    now: i64,
) -> Result<(), SignatureError> {
    let (Some(timestamp), Some(signature)) = (timestamp, signature) else {
        return Err(SignatureError::Missing);
    };
    let timestamp: i64 = timestamp
        .trim()
        .parse()
        .map_err(|_| SignatureError::Malformed)?;
    let given = signature
        .trim()
        .strip_prefix("v1=")
        .and_then(|h| hex::decode(h).ok())
        .ok_or(SignatureError::Malformed)?;
    if (now - timestamp).abs() > REPLAY_WINDOW_SECS {
        return Err(SignatureError::Expired);
    }
    mac(key, timestamp, body)
        .verify_slice(&given)
        .map_err(|_| SignatureError::Mismatch)
}

/// A system's key derived from one secret: HMAC-SHA256(secret, "agency-system:" + id).
/// For a sandbox that plays every agency system with one configured secret, each
/// system still gets its own key; a real system's key is configured on its own.
pub fn derive_key(secret: &[u8], system: &str) -> Vec<u8> {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(b"agency-system:");
    mac.update(system.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// A key given as hex in configuration, at least [`MIN_KEY_LEN`] bytes.
pub fn parse_key(hex_key: &str) -> Option<Vec<u8>> {
    hex::decode(hex_key.trim())
        .ok()
        .filter(|k| k.len() >= MIN_KEY_LEN)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn a_signed_message_verifies() {
        let body = br#"{"a":1}"#;
        let sig = sign(KEY, 1_000, body);
        assert!(sig.starts_with("v1=") && sig.len() == 3 + 64);
        assert_eq!(verify(KEY, Some("1000"), Some(&sig), body, 1_000), Ok(()));
        assert_eq!(
            verify(
                KEY,
                Some("1000"),
                Some(&sig),
                body,
                1_000 + REPLAY_WINDOW_SECS
            ),
            Ok(())
        );
    }

    #[test]
    fn anything_changed_is_refused() {
        let body = br#"{"a":1}"#;
        let sig = sign(KEY, 1_000, body);
        let other_key = b"1123456789abcdef0123456789abcdef";
        assert_eq!(
            verify(other_key, Some("1000"), Some(&sig), body, 1_000),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(KEY, Some("1000"), Some(&sig), br#"{"a":2}"#, 1_000),
            Err(SignatureError::Mismatch)
        );
        // The timestamp is signed: moving it to get past the window breaks the signature.
        assert_eq!(
            verify(KEY, Some("1001"), Some(&sig), body, 1_000),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn old_and_future_messages_are_refused() {
        let body = b"x";
        let sig = sign(KEY, 1_000, body);
        assert_eq!(
            verify(
                KEY,
                Some("1000"),
                Some(&sig),
                body,
                1_000 + REPLAY_WINDOW_SECS + 1
            ),
            Err(SignatureError::Expired)
        );
        assert_eq!(
            verify(
                KEY,
                Some("1000"),
                Some(&sig),
                body,
                1_000 - REPLAY_WINDOW_SECS - 1
            ),
            Err(SignatureError::Expired)
        );
    }

    #[test]
    fn malformed_and_missing_headers_are_refused() {
        assert_eq!(
            verify(KEY, None, Some("v1=00"), b"", 0),
            Err(SignatureError::Missing)
        );
        assert_eq!(
            verify(KEY, Some("0"), None, b"", 0),
            Err(SignatureError::Missing)
        );
        assert_eq!(
            verify(KEY, Some("soon"), Some("v1=00"), b"", 0),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify(KEY, Some("0"), Some("sha1=00"), b"", 0),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify(KEY, Some("0"), Some("v1=zz"), b"", 0),
            Err(SignatureError::Malformed)
        );
    }

    #[test]
    fn derived_keys_differ_per_system_and_short_keys_are_refused() {
        let a = derive_key(b"secret", "province-01");
        let b = derive_key(b"secret", "province-79");
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(parse_key(&hex::encode(&a)).is_some());
        assert!(parse_key("abcd").is_none());
        assert!(parse_key("not hex").is_none());
    }
}
