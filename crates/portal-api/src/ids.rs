//! The shapes of the ids the API puts in URLs and headers, checked before any lookup so
//! that nothing hostile reaches a store, and so the browser can refuse a typo at once.

/// Longest dossier code accepted in a URL; anything longer cannot be one.
pub const MAX_DOSSIER_CODE_LEN: usize = 40;

/// A typed or pasted dossier code (mã hồ sơ, `000.00.00.H99-250701-0001`) in canonical
/// form, or `None` when it cannot be a code.
pub fn normalize_dossier_code(typed: &str) -> Option<String> {
    let code = typed.trim().to_ascii_uppercase();
    let ok = !code.is_empty()
        && code.len() <= MAX_DOSSIER_CODE_LEN
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    ok.then_some(code)
}

/// The prefix of an attachment id.
pub const ATTACHMENT_PREFIX: &str = "att_";
/// The prefix of a payment attempt's id.
pub const PAYMENT_PREFIX: &str = "pay_";

/// Whether `s` is `prefix` followed by exactly 32 lowercase hex digits: the shape of the
/// server's random ids.
pub fn is_random_id(s: &str, prefix: &str) -> bool {
    s.strip_prefix(prefix)
        .is_some_and(|h| h.len() == 32 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
}

/// An uploaded file's id, `att_` and 32 hex digits.
pub fn is_attachment_id(s: &str) -> bool {
    is_random_id(s, ATTACHMENT_PREFIX)
}

/// A payment attempt's id, `pay_` and 32 hex digits.
pub fn is_payment_id(s: &str) -> bool {
    is_random_id(s, PAYMENT_PREFIX)
}

/// The header that makes a submission safe to retry.
pub const IDEMPOTENCY_KEY_HEADER: &str = "idempotency-key";
/// Longest idempotency key.
pub const MAX_IDEMPOTENCY_KEY_LEN: usize = 128;

/// Whether `key` (already trimmed) is a usable idempotency key: 1 to 128 visible ASCII
/// characters.
pub fn is_idempotency_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= MAX_IDEMPOTENCY_KEY_LEN
        && key.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

/// A staff draft catalogue's id: 1 to 64 ASCII letters and digits.
pub fn is_draft_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dossier_codes() {
        assert_eq!(
            normalize_dossier_code(" 000.00.00.h99-250701-0001 ").as_deref(),
            Some("000.00.00.H99-250701-0001")
        );
        assert_eq!(normalize_dossier_code(""), None);
        assert_eq!(normalize_dossier_code("a/b"), None);
        assert_eq!(normalize_dossier_code(&"1".repeat(41)), None);
    }

    #[test]
    fn random_ids() {
        let a = format!("att_{}", "0a".repeat(16));
        assert!(is_attachment_id(&a));
        assert!(!is_payment_id(&a));
        assert!(!is_attachment_id("att_../../etc/passwd"));
        assert!(!is_attachment_id(&a.to_uppercase()));
    }

    #[test]
    fn keys_and_drafts() {
        assert!(is_idempotency_key("svc-18f-0123abcd"));
        assert!(!is_idempotency_key(""));
        assert!(!is_idempotency_key("a b"));
        assert!(!is_idempotency_key(&"k".repeat(129)));
        assert!(is_draft_id("abc123"));
        assert!(!is_draft_id("../x"));
        assert!(!is_draft_id(&"a".repeat(65)));
    }
}
