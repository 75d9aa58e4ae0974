//! Email addresses: a practical check of what mail servers accept (RFC 5321 limits, the
//! common subset of RFC 5322 local parts), without the quoted and bracketed forms no
//! citizen uses. The domain is lower-cased; the local part is kept as typed.

use super::clean::tidy;
use crate::validators::error::FieldError;

const LOCAL_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~-.";

/// Reads an email address and returns it with a lower-case domain.
pub fn parse_email(input: &str) -> Result<String, FieldError> {
    let s = tidy(input);
    let (local, domain) = s.rsplit_once('@').ok_or(FieldError::EmailFormat)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || LOCAL_SPECIALS.contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let domain = domain.to_ascii_lowercase();
    if !local_ok || !domain_ok(&domain) || s.len() > 254 {
        return Err(FieldError::EmailFormat);
    }
    Ok(format!("{local}@{domain}"))
}

fn domain_ok(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let tld_ok = labels.last().is_some_and(|t| {
        (t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic())) || t.starts_with("xn--")
    });
    domain.len() <= 253 && labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_addresses() {
        for (input, out) in [
            ("ten@example.com", "ten@example.com"),
            (" Nguyen.Van.A@Gmail.COM ", "Nguyen.Van.A@gmail.com"),
            ("a+tag@mail.gov.vn", "a+tag@mail.gov.vn"),
            ("o'brien@example.co.uk", "o'brien@example.co.uk"),
            ("x@xn--tn-8ja.vn", "x@xn--tn-8ja.vn"),
            ("a_b-c@sub-domain.example.vn", "a_b-c@sub-domain.example.vn"),
        ] {
            assert_eq!(parse_email(input).as_deref(), Ok(out), "{input:?}");
        }
    }

    #[test]
    fn rejects_what_cannot_receive_mail() {
        for bad in [
            "",
            "ten",
            "ten@",
            "@example.com",
            "ten@example",
            "ten@example.c",
            "ten@@example.com",
            "ten@exa mple.com",
            "t en@example.com",
            ".ten@example.com",
            "ten.@example.com",
            "te..n@example.com",
            "ten@-example.com",
            "ten@example-.com",
            "ten@example..com",
            "ten@example.123",
            "tên@example.com",
            "ten@ví-dụ.vn",
            "ten@example.com\n",
        ] {
            // A trailing newline is trimmed, so that one is valid; all others are not.
            let expected = if bad == "ten@example.com\n" {
                Ok("ten@example.com".to_string())
            } else {
                Err(FieldError::EmailFormat)
            };
            assert_eq!(parse_email(bad), expected, "{bad:?}");
        }
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert_eq!(parse_email(&long_local), Err(FieldError::EmailFormat));
        let long = format!("a@{}.com", "b".repeat(250));
        assert_eq!(parse_email(&long), Err(FieldError::EmailFormat));
    }
}
