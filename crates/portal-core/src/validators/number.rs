//! Numbers as people type them in Vietnam, where `.` groups thousands and `,` marks
//! decimals (`1.500.000`, `12,5`), while some type the English way (`1,500,000`, `12.5`).
//! The Vietnamese reading wins where the two disagree: one comma is a decimal mark
//! (`1,500` is 1.5, which a whole-number question then refuses rather than misreads);
//! one dot before exactly three digits groups thousands (`1.500` is 1500), any other
//! single dot is a decimal point. Values are exact decimals, never floats.

use std::cmp::Ordering;

use super::clean::{ascii_digit, is_invisible};
use crate::validators::error::FieldError;

/// The largest magnitude accepted: 15 significant digits, exact in every representation
/// the portal uses (including JavaScript numbers).
pub const MAX_DIGITS: usize = 15;

/// An exact decimal: `mantissa / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    mantissa: i64,
    scale: u8,
}

impl Decimal {
    pub fn from_int(n: i64) -> Decimal {
        Decimal {
            mantissa: n,
            scale: 0,
        }
    }

    /// Whether it has no fractional part.
    pub fn is_whole(self) -> bool {
        self.scale == 0 || self.mantissa % pow10(self.scale) == 0
    }

    /// The whole part, rounding toward zero.
    pub fn trunc(self) -> i64 {
        self.mantissa / pow10(self.scale)
    }

    /// The number of digits after the decimal mark, ignoring trailing zeros.
    pub fn decimals(self) -> u8 {
        let mut m = self.mantissa;
        let mut s = self.scale;
        while s > 0 && m % 10 == 0 {
            m /= 10;
            s -= 1;
        }
        s
    }

    /// Canonical ASCII form for storage: `-1234.5`, no grouping.
    pub fn canonical(self) -> String {
        let s = self.decimals();
        let m = self.mantissa / pow10(self.scale - s);
        if s == 0 {
            return m.to_string();
        }
        let p = pow10(s);
        let sign = if m < 0 { "-" } else { "" };
        let abs = m.unsigned_abs();
        let p = p.unsigned_abs();
        format!(
            "{sign}{}.{:0width$}",
            abs / p,
            abs % p,
            width = usize::from(s)
        )
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let scale = self.scale.max(other.scale);
        let a = i128::from(self.mantissa) * i128::from(pow10(scale - self.scale));
        let b = i128::from(other.mantissa) * i128::from(pow10(scale - other.scale));
        a.cmp(&b)
    }
}

fn pow10(n: u8) -> i64 {
    10i64.pow(u32::from(n))
}

/// Limits of a number question. `decimals` is how many digits may follow the decimal
/// mark (0 for whole numbers).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NumberLimits {
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub decimals: u8,
}

/// Reads a typed number (no limits applied).
pub fn parse_number(input: &str) -> Result<Decimal, FieldError> {
    let s: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .map(ascii_digit)
        .collect();
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s.as_str()),
    };
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return Err(FieldError::NotANumber);
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let (group, decimal): (Option<char>, Option<char>) = match (dots, commas) {
        (0, 0) => (None, None),
        (_, 0) if dots > 1 => (Some('.'), None),
        (0, _) if commas > 1 => (Some(','), None),
        // One comma: the Vietnamese decimal mark.
        (0, 1) => (None, Some(',')),
        (1, 0) => {
            // One dot: Vietnamese grouping when it splits off exactly three digits
            // (`1.500`), otherwise an English decimal point (`12.5`).
            let (before, after) = body.split_once('.').unwrap_or((body, ""));
            if after.len() == 3 && (1..=3).contains(&before.len()) && !before.starts_with('0') {
                (Some('.'), None)
            } else {
                (None, Some('.'))
            }
        }
        _ => {
            // Both marks: the last one is the decimal mark, the other groups.
            let last_dot = body.rfind('.');
            let last_comma = body.rfind(',');
            if last_dot > last_comma {
                (Some(','), Some('.'))
            } else {
                (Some('.'), Some(','))
            }
        }
    };
    let (int_part, frac_part) = match decimal {
        Some(d) => {
            let mut it = body.splitn(2, d);
            let i = it.next().unwrap_or_default();
            let f = it.next().unwrap_or_default();
            if f.contains(d) || group.is_some_and(|g| f.contains(g)) || f.is_empty() {
                return Err(FieldError::NotANumber);
            }
            (i, f)
        }
        None => (body, ""),
    };
    let int_digits = match group {
        Some(g) => ungroup(int_part, g)?,
        None => int_part.to_string(),
    };
    if int_digits.is_empty() && frac_part.is_empty() {
        return Err(FieldError::NotANumber);
    }
    let int_digits = int_digits.trim_start_matches('0');
    let frac_digits = frac_part.trim_end_matches('0');
    if int_digits.len() + frac_digits.len() > MAX_DIGITS {
        return Err(FieldError::NumberTooLarge {
            max: 999_999_999_999_999,
        });
    }
    let scale = u8::try_from(frac_digits.len()).map_err(|_| FieldError::NotANumber)?;
    let digits = format!("{int_digits}{frac_digits}");
    let mantissa: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| FieldError::NotANumber)?
    };
    Ok(Decimal {
        mantissa: if negative { -mantissa } else { mantissa },
        scale,
    })
}

/// Removes thousands separators, refusing groups that are not of three digits.
fn ungroup(s: &str, sep: char) -> Result<String, FieldError> {
    let groups: Vec<&str> = s.split(sep).collect();
    let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
    if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
        return Err(FieldError::NotANumber);
    }
    Ok(groups.concat())
}

/// Reads a number and applies a question's limits.
pub fn check_number(input: &str, limits: &NumberLimits) -> Result<Decimal, FieldError> {
    let n = parse_number(input)?;
    if n.decimals() > limits.decimals {
        return Err(if limits.decimals == 0 {
            FieldError::NotAWholeNumber
        } else {
            FieldError::TooManyDecimals {
                max: limits.decimals,
            }
        });
    }
    if let Some(min) = limits.min {
        if n < Decimal::from_int(min) {
            return Err(FieldError::NumberTooSmall { min });
        }
    }
    if let Some(max) = limits.max {
        if n > Decimal::from_int(max) {
            return Err(FieldError::NumberTooLarge { max });
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> Result<String, FieldError> {
        parse_number(s).map(Decimal::canonical)
    }

    #[test]
    fn reads_vietnamese_and_english_grouping() {
        for (input, out) in [
            ("0", "0"),
            ("42", "42"),
            ("-7", "-7"),
            ("+7", "7"),
            ("1.500.000", "1500000"),
            ("1,500,000", "1500000"),
            ("1 500 000", "1500000"),
            ("1.500", "1500"),
            ("1,500", "1.5"),
            ("12,5", "12.5"),
            ("12.5", "12.5"),
            ("0,125", "0.125"),
            ("1.234,56", "1234.56"),
            ("1,234.56", "1234.56"),
            ("007", "7"),
            ("2,50", "2.5"),
            ("３", "3"),
            ("1234.567", "1234.567"),
            (".5", "0.5"),
        ] {
            assert_eq!(canon(input).as_deref(), Ok(out), "{input:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for bad in [
            "",
            "-",
            "abc",
            "1.2.3,4,5",
            "12,5,0",
            "1.50.000",
            "1e5",
            "12a",
            ",",
            "1,2.3,4",
        ] {
            assert_eq!(parse_number(bad), Err(FieldError::NotANumber), "{bad:?}");
        }
        assert_eq!(
            parse_number("1234567890123456"),
            Err(FieldError::NumberTooLarge {
                max: 999_999_999_999_999
            })
        );
    }

    #[test]
    fn limits() {
        let whole = NumberLimits {
            min: Some(1),
            max: Some(10),
            decimals: 0,
        };
        assert_eq!(check_number("3", &whole).map(Decimal::trunc), Ok(3));
        assert_eq!(check_number("3,0", &whole).map(Decimal::trunc), Ok(3));
        assert_eq!(
            check_number("2,5", &whole),
            Err(FieldError::NotAWholeNumber)
        );
        assert_eq!(
            check_number("0", &whole),
            Err(FieldError::NumberTooSmall { min: 1 })
        );
        assert_eq!(
            check_number("11", &whole),
            Err(FieldError::NumberTooLarge { max: 10 })
        );
        assert_eq!(
            check_number(
                "10,5",
                &NumberLimits {
                    decimals: 1,
                    ..whole
                }
            ),
            Err(FieldError::NumberTooLarge { max: 10 })
        );
        let area = NumberLimits {
            min: Some(0),
            max: None,
            decimals: 2,
        };
        assert_eq!(
            check_number("72,25", &area)
                .map(Decimal::canonical)
                .as_deref(),
            Ok("72.25")
        );
        assert_eq!(
            check_number("72,255", &area),
            Err(FieldError::TooManyDecimals { max: 2 })
        );
    }

    #[test]
    fn ordering_is_exact() {
        let a = parse_number("0,1").unwrap();
        let b = parse_number("0,10").unwrap();
        let c = parse_number("0,09").unwrap();
        assert_eq!(a.cmp(&b), Ordering::Equal);
        assert!(c < a);
        assert!(Decimal::from_int(-1) < c);
        assert!(!parse_number("-0,5").unwrap().is_whole());
        assert!(parse_number("3,000").unwrap().is_whole());
        assert_eq!(parse_number("-0,5").unwrap().canonical(), "-0.5");
    }
}
