//! Vietnamese phone numbers. Mobiles have 10 digits (`0` + 9), written nationally or
//! as `+84` without the `0`; landlines have 11 (`02x…`). People type spaces, dots,
//! hyphens and brackets, which are removed. A mobile prefix not in the carrier table is
//! still a valid number: carriers get new ranges and virtual operators appear.

use serde::{Deserialize, Serialize};

use super::clean::{ascii_digit, is_invisible};
use crate::validators::error::FieldError;

/// Mobile network operators, by their number ranges (domain.md §3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Carrier {
    Viettel,
    Vinaphone,
    Mobifone,
    Vietnamobile,
    Gmobile,
    Reddi,
    Itel,
}

/// What kind of line a valid number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// A mobile; the carrier when its prefix is known.
    Mobile(Option<Carrier>),
    Landline,
}

/// A valid phone number in national form (`0912345678`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    national: String,
    pub line: Line,
}

impl Phone {
    pub fn national(&self) -> &str {
        &self.national
    }

    /// The international form, `+84912345678`.
    pub fn international(&self) -> String {
        format!("+84{}", &self.national[1..])
    }
}

/// The carrier of a 3-digit national mobile prefix such as `091`.
pub fn carrier(prefix: &str) -> Option<Carrier> {
    let n: u16 = prefix.parse().ok()?;
    Some(match n {
        32..=39 | 86 | 96..=98 => Carrier::Viettel,
        81..=85 | 88 | 91 | 94 => Carrier::Vinaphone,
        70 | 76..=79 | 89 | 90 | 93 => Carrier::Mobifone,
        52 | 56 | 58 | 92 => Carrier::Vietnamobile,
        59 | 99 => Carrier::Gmobile,
        55 => Carrier::Reddi,
        87 => Carrier::Itel,
        _ => return None,
    })
}

/// Reads a phone number. With `mobile_only`, landlines are refused (for SMS notices).
pub fn parse_phone(input: &str, mobile_only: bool) -> Result<Phone, FieldError> {
    let mut digits = String::with_capacity(input.len());
    let mut plus = false;
    for c in input.chars().map(ascii_digit) {
        match c {
            '0'..='9' => digits.push(c),
            '+' if digits.is_empty() && !plus => plus = true,
            ' ' | '.' | '-' | '(' | ')' | '/' => {}
            c if c.is_whitespace() || is_invisible(c) => {}
            _ => return Err(FieldError::PhoneCharacters),
        }
    }
    let national = if plus {
        // Only Vietnamese numbers are asked for: +84 followed by the number without 0.
        match digits.strip_prefix("84") {
            Some(rest) if !rest.starts_with('0') => format!("0{rest}"),
            Some(rest) => rest.to_string(),
            None => return Err(FieldError::PhonePrefix),
        }
    } else if let Some(rest) = digits.strip_prefix("0084") {
        format!("0{}", rest.trim_start_matches('0'))
    } else if digits.starts_with("84") && matches!(digits.len(), 11 | 12) {
        format!("0{}", &digits[2..])
    } else {
        digits
    };
    let len = national.len();
    let too_short = || FieldError::PhoneLength {
        digits: u32::try_from(len).unwrap_or(u32::MAX),
    };
    if len < 9 {
        return Err(too_short());
    }
    if !national.starts_with('0') {
        // "912345678" is a number with its leading 0 left out: a length problem.
        return Err(if len == 9 {
            too_short()
        } else {
            FieldError::PhonePrefix
        });
    }
    let second = national.as_bytes().get(1).copied();
    let line = match (len, second) {
        (10, Some(b'3' | b'5' | b'7' | b'8' | b'9')) => Line::Mobile(carrier(&national[..3])),
        (10, _) => return Err(FieldError::PhonePrefix),
        (11, Some(b'2')) => Line::Landline,
        _ => return Err(too_short()),
    };
    if mobile_only && line == Line::Landline {
        return Err(FieldError::PhoneNotMobile);
    }
    Ok(Phone { national, line })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_the_usual_ways_of_writing_a_mobile() {
        for input in [
            "0912345678",
            "0912 345 678",
            "0912.345.678",
            "091-234-5678",
            "(091) 234 5678",
            "+84912345678",
            "+84 912 345 678",
            "+84 (0) 912 345 678",
            "84912345678",
            "0084 912 345 678",
            "０９１２３４５６７８",
        ] {
            let phone = parse_phone(input, false).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
            assert_eq!(phone.national(), "0912345678", "{input:?}");
            assert_eq!(phone.international(), "+84912345678");
            assert_eq!(phone.line, Line::Mobile(Some(Carrier::Vinaphone)));
        }
    }

    #[test]
    fn carriers_from_the_prefix_table() {
        let cases = [
            ("0321234567", Some(Carrier::Viettel)),
            ("0961234567", Some(Carrier::Viettel)),
            ("0861234567", Some(Carrier::Viettel)),
            ("0831234567", Some(Carrier::Vinaphone)),
            ("0701234567", Some(Carrier::Mobifone)),
            ("0901234567", Some(Carrier::Mobifone)),
            ("0521234567", Some(Carrier::Vietnamobile)),
            ("0991234567", Some(Carrier::Gmobile)),
            ("0551234567", Some(Carrier::Reddi)),
            ("0871234567", Some(Carrier::Itel)),
            // Unknown ranges are still valid numbers.
            ("0301234567", None),
            ("0751234567", None),
        ];
        for (n, c) in cases {
            assert_eq!(
                parse_phone(n, false).map(|p| p.line),
                Ok(Line::Mobile(c)),
                "{n}"
            );
        }
    }

    #[test]
    fn landlines_have_eleven_digits() {
        let p = parse_phone("024 3825 3535", false).unwrap();
        assert_eq!((p.national(), p.line), ("02438253535", Line::Landline));
        assert_eq!(
            parse_phone("+84 28 3829 1234", false).unwrap().national(),
            "02838291234"
        );
        assert_eq!(
            parse_phone("02438253535", true),
            Err(FieldError::PhoneNotMobile)
        );
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert_eq!(
            parse_phone("091234567", false),
            Err(FieldError::PhoneLength { digits: 9 })
        );
        assert_eq!(
            parse_phone("09123456789", false),
            Err(FieldError::PhoneLength { digits: 11 })
        );
        assert_eq!(
            parse_phone("091234567890", false),
            Err(FieldError::PhoneLength { digits: 12 })
        );
        assert_eq!(
            parse_phone("912345678", false),
            Err(FieldError::PhoneLength { digits: 9 })
        );
        // Old 11-digit mobile ranges were moved in 2018.
        assert_eq!(
            parse_phone("01234567890", false),
            Err(FieldError::PhoneLength { digits: 11 })
        );
        assert_eq!(
            parse_phone("0123456789", false),
            Err(FieldError::PhonePrefix)
        );
        assert_eq!(
            parse_phone("+1 202 555 0100", false),
            Err(FieldError::PhonePrefix)
        );
        assert_eq!(
            parse_phone("0912abc678", false),
            Err(FieldError::PhoneCharacters)
        );
        assert_eq!(
            parse_phone("09+12345678", false),
            Err(FieldError::PhoneCharacters)
        );
        assert_eq!(
            parse_phone("", false),
            Err(FieldError::PhoneLength { digits: 0 })
        );
        assert_eq!(
            parse_phone("12345", false),
            Err(FieldError::PhoneLength { digits: 5 })
        );
    }
}
