//! The 12-digit personal identification number (số định danh cá nhân), printed on the
//! citizen identity card (CCCD / thẻ căn cước): `PPP G YY RRRRRR` (Decree 137/2015,
//! Circular 07/2016/TT-BCA). It has no check digit, so only its structure can be checked:
//! a birth-registration province code, a century-and-sex digit and a plausible year.

use serde::{Deserialize, Serialize};

use super::clean::{all_digits, compact_code};
use super::date::Date;
use crate::validators::error::FieldError;

/// Sex as recorded in the population database and encoded in the personal number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Male,
    Female,
}

/// The 63 pre-2025 province codes (NSO) that can start a personal number, as `0PP`.
/// Numbers issued before the 2025 mergers keep their codes, so a province that no longer
/// exists (e.g. 074 Bình Dương) is still valid and is never rejected.
pub const BIRTH_PROVINCE_CODES: [u8; 63] = [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37,
    38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77,
    79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
];

/// A personal number whose structure is valid, with what it encodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalId {
    digits: String,
    /// Pre-2025 province code of the birth registration (1–96).
    pub province: u8,
    pub sex: Sex,
    pub birth_year: i32,
}

impl PersonalId {
    /// The 12 digits, without separators.
    pub fn as_str(&self) -> &str {
        &self.digits
    }
}

/// What is already known about the holder, to cross-check the number against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Holder {
    pub birth_year: Option<i32>,
    pub sex: Option<Sex>,
}

/// Reads a personal number typed with or without spaces, dots or hyphens.
/// `today` (when known) rules out numbers whose birth year is in the future.
pub fn parse_personal_id(input: &str, today: Option<Date>) -> Result<PersonalId, FieldError> {
    let digits = compact_code(input);
    if !all_digits(&digits) {
        return Err(FieldError::PersonalIdCharacters);
    }
    match digits.len() {
        12 => {}
        9 => return Err(FieldError::PersonalIdLegacyCard),
        n => {
            return Err(FieldError::PersonalIdLength {
                digits: u32::try_from(n).unwrap_or(u32::MAX),
            })
        }
    }
    let d = digits.as_bytes();
    let digit = |i: usize| d[i] - b'0';
    let province = digit(1) * 10 + digit(2);
    if d[0] != b'0' || !BIRTH_PROVINCE_CODES.contains(&province) {
        return Err(FieldError::PersonalIdProvince {
            prefix: digits[0..3].to_string(),
        });
    }
    let g = digit(3);
    let century = 1900 + i32::from(g / 2) * 100;
    let sex = if g % 2 == 0 { Sex::Male } else { Sex::Female };
    let birth_year = century + i32::from(digit(4) * 10 + digit(5));
    if let Some(today) = today {
        if birth_year > today.year() {
            return Err(FieldError::PersonalIdFutureBirthYear { year: birth_year });
        }
    }
    Ok(PersonalId {
        digits,
        province,
        sex,
        birth_year,
    })
}

/// Checks a valid number against a declared birth year and sex.
pub fn check_holder(id: &PersonalId, holder: Holder) -> Result<(), FieldError> {
    if let Some(declared) = holder.birth_year {
        if declared != id.birth_year {
            return Err(FieldError::PersonalIdBirthYearMismatch {
                in_number: id.birth_year,
                declared,
            });
        }
    }
    if let Some(sex) = holder.sex {
        if sex != id.sex {
            return Err(FieldError::PersonalIdSexMismatch { in_number: id.sex });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Option<Date> {
        Date::new(2026, 6, 15)
    }

    #[test]
    fn there_are_63_distinct_legacy_province_codes() {
        let mut codes = BIRTH_PROVINCE_CODES.to_vec();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 63);
        assert!(codes.iter().all(|c| (1..=96).contains(c)));
    }

    #[test]
    fn decodes_structure() {
        let id = parse_personal_id("001 2 03 004567", today()).unwrap();
        assert_eq!(id.as_str(), "001203004567");
        assert_eq!((id.province, id.sex, id.birth_year), (1, Sex::Male, 2003));
        let id = parse_personal_id("079-1-85-123456", today()).unwrap();
        assert_eq!(
            (id.province, id.sex, id.birth_year),
            (79, Sex::Female, 1985)
        );
        let id = parse_personal_id("096300000001", today()).unwrap();
        assert_eq!((id.sex, id.birth_year), (Sex::Female, 2000));
    }

    #[test]
    fn merged_provinces_keep_their_codes() {
        // Bình Dương (74), Hà Giang (02), Kon Tum (62), Bạc Liêu (95) no longer exist.
        for code in ["074", "002", "062", "095"] {
            let n = format!("{code}099123456");
            assert!(parse_personal_id(&n, today()).is_ok(), "{n}");
        }
    }

    #[test]
    fn rejects_unknown_province_codes() {
        for code in [
            "000", "003", "005", "013", "050", "097", "099", "101", "179",
        ] {
            let n = format!("{code}099123456");
            assert_eq!(
                parse_personal_id(&n, today()),
                Err(FieldError::PersonalIdProvince {
                    prefix: code.to_string()
                }),
                "{n}"
            );
        }
    }

    #[test]
    fn shape_errors() {
        assert_eq!(
            parse_personal_id("00120300456", today()),
            Err(FieldError::PersonalIdLength { digits: 11 })
        );
        assert_eq!(
            parse_personal_id("0012030045678", today()),
            Err(FieldError::PersonalIdLength { digits: 13 })
        );
        assert_eq!(
            parse_personal_id("", today()),
            Err(FieldError::PersonalIdCharacters)
        );
        assert_eq!(
            parse_personal_id("00120300456O", today()),
            Err(FieldError::PersonalIdCharacters)
        );
        assert_eq!(
            parse_personal_id("012 345 678", today()),
            Err(FieldError::PersonalIdLegacyCard)
        );
    }

    #[test]
    fn birth_year_cannot_be_in_the_future() {
        // G = 4 means born 2100–2199.
        assert_eq!(
            parse_personal_id("001400123456", today()),
            Err(FieldError::PersonalIdFutureBirthYear { year: 2100 })
        );
        assert_eq!(
            parse_personal_id("001227123456", today()),
            Err(FieldError::PersonalIdFutureBirthYear { year: 2027 })
        );
        assert!(parse_personal_id("001226123456", today()).is_ok());
        // Without a clock the structure alone is checked.
        assert!(parse_personal_id("001400123456", None).is_ok());
    }

    #[test]
    fn cross_checks_the_holder() {
        let id = parse_personal_id("001303004567", today()).unwrap();
        assert_eq!((id.sex, id.birth_year), (Sex::Female, 2003));
        assert_eq!(
            check_holder(
                &id,
                Holder {
                    birth_year: Some(2003),
                    sex: Some(Sex::Female)
                }
            ),
            Ok(())
        );
        assert_eq!(check_holder(&id, Holder::default()), Ok(()));
        assert_eq!(
            check_holder(
                &id,
                Holder {
                    birth_year: Some(2004),
                    sex: None
                }
            ),
            Err(FieldError::PersonalIdBirthYearMismatch {
                in_number: 2003,
                declared: 2004
            })
        );
        assert_eq!(
            check_holder(
                &id,
                Holder {
                    birth_year: None,
                    sex: Some(Sex::Male)
                }
            ),
            Err(FieldError::PersonalIdSexMismatch {
                in_number: Sex::Female
            })
        );
    }
}
