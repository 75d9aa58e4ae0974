//! Unguessable values from the operating system's random source: session tokens,
//! attachment and payment ids, dossier lookup secrets.

/// The operating system could not supply random bytes; nothing safe can be issued.
#[derive(Debug, thiserror::Error)]
#[error("the system random source failed: {0}")]
pub struct RandomError(String);

fn bytes<const N: usize>() -> Result<[u8; N], RandomError> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| RandomError(e.to_string()))?;
    Ok(buf)
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// The bytes of lowercase or uppercase hex, if `s` is hex.
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// 128 random bits as 32 hex digits, after `prefix` (e.g. `att_`).
pub fn id(prefix: &str) -> Result<String, RandomError> {
    Ok(format!("{prefix}{}", hex(&bytes::<16>()?)))
}

/// 256 random bits as 64 hex digits: a bearer secret such as a session token.
pub fn token() -> Result<String, RandomError> {
    Ok(hex(&bytes::<32>()?))
}

/// Crockford's base-32 alphabet: no I, L, O or U, so a secret read aloud or copied from
/// an SMS survives.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A secret a person can type: 12 characters (60 bits) in three groups, `7KQ2-M9XD-4TRA`.
pub fn typable_secret() -> Result<String, RandomError> {
    let raw = bytes::<12>()?;
    let mut out = String::with_capacity(14);
    for (i, b) in raw.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(CROCKFORD[(b & 31) as usize] as char);
    }
    Ok(out)
}

/// The canonical form of a typed secret: upper case, separators dropped, and the
/// letters Crockford maps to digits (O to 0, I and L to 1) mapped.
pub fn normalize_secret(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\u{a0}'))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

/// Compares two secrets in time that depends only on their lengths.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_their_shape_and_differ() {
        let a = id("att_").unwrap();
        let b = id("att_").unwrap();
        assert!(portal_api::ids::is_attachment_id(&a), "{a}");
        assert_ne!(a, b);
        assert_eq!(token().unwrap().len(), 64);
        assert_eq!(hex(&[0, 15, 255]), "000fff");
    }

    #[test]
    fn typable_secrets_survive_retyping() {
        let s = typable_secret().unwrap();
        assert_eq!(s.len(), 14);
        assert_eq!(&s[4..5], "-");
        let retyped = s.to_lowercase().replace('-', " ");
        assert!(same_secret(
            &normalize_secret(&retyped),
            &normalize_secret(&s)
        ));
        assert_eq!(normalize_secret("o1l-I"), "0111");
        assert!(!same_secret("ABC", "ABD"));
        assert!(!same_secret("ABC", "ABCD"));
    }
}
