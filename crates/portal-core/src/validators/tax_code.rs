//! The tax code (mã số thuế): 10 digits with a check digit (Circular 105/2020/TT-BTC,
//! Annex 1), 13 digits for a dependent unit (the 10 digits plus 001–999, usually written
//! `0100109106-001`), and, since 1 July 2025, the 12-digit personal number for
//! individuals and household businesses where the question allows it.

use super::clean::{all_digits, compact_code};
use super::date::Date;
use super::personal_id::{parse_personal_id, PersonalId};
use crate::validators::error::FieldError;

/// A tax code whose structure and check digit are valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaxCode {
    /// 10 digits: an enterprise, organisation or (older) individual tax code.
    Main(String),
    /// 13 digits: a dependent unit (branch) of the main code.
    Branch { main: String, unit: String },
    /// A 12-digit personal number used as the tax code.
    PersonalId(PersonalId),
}

impl TaxCode {
    /// The canonical written form: `0100109106`, `0100109106-001` or 12 digits.
    pub fn canonical(&self) -> String {
        match self {
            TaxCode::Main(code) => code.clone(),
            TaxCode::Branch { main, unit } => format!("{main}-{unit}"),
            TaxCode::PersonalId(id) => id.as_str().to_string(),
        }
    }
}

const WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/// The check digit for the first nine digits, or `None` when the weighted sum is a
/// multiple of 11 (such serials are never issued). `first9` must be ASCII digits.
pub fn check_digit(first9: &[u8; 9]) -> Option<u8> {
    let sum: u32 = first9
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d.wrapping_sub(b'0')) * w)
        .sum();
    match sum % 11 {
        0 => None,
        r => u8::try_from(10 - r).ok(),
    }
}

/// Reads a tax code typed with or without spaces, dots or the branch hyphen.
pub fn parse_tax_code(
    input: &str,
    allow_personal_id: bool,
    today: Option<Date>,
) -> Result<TaxCode, FieldError> {
    let digits = compact_code(input);
    if !all_digits(&digits) {
        return Err(FieldError::TaxCodeCharacters);
    }
    match digits.len() {
        10 | 13 => {}
        12 if allow_personal_id => {
            return parse_personal_id(&digits, today).map(TaxCode::PersonalId);
        }
        12 => return Err(FieldError::TaxCodePersonalIdNotAllowed),
        n => {
            return Err(FieldError::TaxCodeLength {
                digits: u32::try_from(n).unwrap_or(u32::MAX),
                personal_id_allowed: allow_personal_id,
            })
        }
    }
    let b = digits.as_bytes();
    let mut first9 = [0u8; 9];
    first9.copy_from_slice(&b[..9]);
    if check_digit(&first9) != Some(b[9] - b'0') {
        return Err(FieldError::TaxCodeCheckDigit);
    }
    let main = digits[..10].to_string();
    if digits.len() == 10 {
        return Ok(TaxCode::Main(main));
    }
    let unit = digits[10..].to_string();
    if unit == "000" {
        return Err(FieldError::TaxCodeBranch);
    }
    Ok(TaxCode::Branch { main, unit })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<TaxCode, FieldError> {
        parse_tax_code(s, false, Date::new(2026, 6, 15))
    }

    #[test]
    fn known_codes_pass_the_check_digit() {
        // Viettel and Vietcombank (domain.md §3.2).
        assert_eq!(parse("0100109106"), Ok(TaxCode::Main("0100109106".into())));
        assert_eq!(parse("0100112437"), Ok(TaxCode::Main("0100112437".into())));
        assert_eq!(check_digit(b"010010910"), Some(6));
        assert_eq!(check_digit(b"010011243"), Some(7));
    }

    #[test]
    fn every_other_last_digit_fails() {
        for last in 0..=9u8 {
            let code = format!("010010910{last}");
            let expected = if last == 6 {
                Ok(TaxCode::Main(code.clone()))
            } else {
                Err(FieldError::TaxCodeCheckDigit)
            };
            assert_eq!(parse(&code), expected, "{code}");
        }
    }

    #[test]
    fn serials_with_remainder_zero_have_no_valid_code() {
        // 31·1 + 29·1 + 23·0 + … : find a serial whose sum is a multiple of 11.
        let serial = (0..1_000_000_000u32)
            .map(|n| format!("{n:09}"))
            .find(|s| {
                let mut a = [0u8; 9];
                a.copy_from_slice(s.as_bytes());
                check_digit(&a).is_none()
            })
            .expect("some serial has remainder 0");
        for last in 0..=9u8 {
            assert_eq!(
                parse(&format!("{serial}{last}")),
                Err(FieldError::TaxCodeCheckDigit)
            );
        }
    }

    #[test]
    fn branches_accept_the_hyphen_and_reject_000() {
        let expected = TaxCode::Branch {
            main: "0100109106".into(),
            unit: "001".into(),
        };
        assert_eq!(parse("0100109106-001"), Ok(expected.clone()));
        assert_eq!(parse("0100109106001"), Ok(expected.clone()));
        assert_eq!(parse(" 0100 109 106 - 001 "), Ok(expected.clone()));
        assert_eq!(expected.canonical(), "0100109106-001");
        assert_eq!(parse("0100109106-000"), Err(FieldError::TaxCodeBranch));
        assert_eq!(parse("0100109107-001"), Err(FieldError::TaxCodeCheckDigit));
    }

    #[test]
    fn the_personal_number_only_where_allowed() {
        assert_eq!(
            parse("001203004567"),
            Err(FieldError::TaxCodePersonalIdNotAllowed)
        );
        let personal = parse_tax_code("001203004567", true, None).unwrap();
        assert_eq!(personal.canonical(), "001203004567");
        assert!(matches!(personal, TaxCode::PersonalId(_)));
        // The personal number still gets its own structure checks.
        assert_eq!(
            parse_tax_code("003203004567", true, None),
            Err(FieldError::PersonalIdProvince {
                prefix: "003".into()
            })
        );
    }

    #[test]
    fn shape_errors() {
        assert_eq!(
            parse("010010910"),
            Err(FieldError::TaxCodeLength {
                digits: 9,
                personal_id_allowed: false
            })
        );
        assert_eq!(
            parse_tax_code("01001091061", true, None),
            Err(FieldError::TaxCodeLength {
                digits: 11,
                personal_id_allowed: true
            })
        );
        assert_eq!(parse("01001O9106"), Err(FieldError::TaxCodeCharacters));
        assert_eq!(parse(""), Err(FieldError::TaxCodeCharacters));
    }
}
