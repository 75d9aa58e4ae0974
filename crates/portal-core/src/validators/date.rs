//! Calendar dates as Vietnamese people write them: `dd/mm/yyyy`, also `d/m/yyyy` and with
//! `-` or `.` between the parts. Only real dates of the Gregorian calendar are accepted.
//! The crate has no clock: "today" is always passed in by the caller.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::clean::{ascii_digit, is_invisible};
use crate::validators::error::{DatePart, FieldError};

/// A day of the Gregorian calendar. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The first and last days the calendar holds.
    pub const FIRST: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };
    pub const LAST: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };

    /// The date, if it exists (years 1 to 9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses the ISO form `yyyy-mm-dd` used in catalogue files and on the wire.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        Date::new(
            num(0..4)?,
            u8::try_from(num(5..7)?).ok()?,
            u8::try_from(num(8..10)?).ok()?,
        )
    }

    /// `yyyy-mm-dd`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (negative before), for arithmetic and comparisons.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, if it is within years 1 to 9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The calendar date in Vietnam (UTC+7, no daylight saving) at a Unix time in
    /// milliseconds, as given by `Date.now()` in the browser or the server's clock.
    pub fn in_vietnam_at(unix_millis: i64) -> Option<Date> {
        const VIETNAM_OFFSET_MS: i64 = 7 * 3_600_000;
        let local = unix_millis.checked_add(VIETNAM_OFFSET_MS)?;
        Date::from_days_since_epoch(local.div_euclid(86_400_000))
    }

    /// Today in Vietnam at a Unix time in milliseconds (the device's or the server's
    /// clock): the one answer both sides use. A clock outside the calendar's range (never
    /// a real one) gives the nearest representable day rather than failing.
    pub fn today_in_vietnam(unix_millis: i64) -> Date {
        Date::in_vietnam_at(unix_millis).unwrap_or(if unix_millis < 0 {
            Date::FIRST
        } else {
            Date::LAST
        })
    }

    /// Whether the day is a Saturday or a Sunday.
    pub fn is_weekend(self) -> bool {
        crate::calendar::weekday(self) >= 5
    }

    /// The day `n` working days after `self`: the expected date of a result filed on
    /// `self` (the filing day itself does not count). Weekends and Vietnam's public
    /// holidays are skipped by the one rule, [`crate::calendar::add_working_days`].
    pub fn add_working_days(self, n: u32) -> Date {
        crate::calendar::add_working_days(self, n)
    }

    /// Whole years from `self` to `on` (an age on a given day).
    pub fn years_until(self, on: Date) -> i32 {
        let mut years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }
}

impl fmt::Display for Date {
    /// The Vietnamese form `dd/mm/yyyy`, used in messages in both languages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("{s:?} is not a real date written as yyyy-mm-dd"))
        })
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Limits a date question may set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateLimits {
    pub min: Option<Date>,
    pub max: Option<Date>,
    /// Today is allowed ("must be today or in the past").
    pub not_future: bool,
    /// Today is allowed.
    pub not_past: bool,
}

/// Reads a typed date. Accepts `27/3/2007`, `27-03-2007`, `27.03.2007`, `27 03 2007`
/// and `27032007`.
pub fn parse_date(input: &str) -> Result<Date, FieldError> {
    let cleaned: String = input
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(ascii_digit)
        .collect();
    let parts: Vec<&str> = cleaned
        .split(|c: char| matches!(c, '/' | '-' | '.') || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let (d, m, y) = match parts.as_slice() {
        // yyyy-mm-dd, as a browser's date picker gives it.
        [y, m, d] if y.len() == 4 && d.len() <= 2 => (*d, *m, *y),
        [d, m, y] => (*d, *m, *y),
        [one] if one.len() == 8 && one.bytes().all(|b| b.is_ascii_digit()) => {
            (&one[0..2], &one[2..4], &one[4..8])
        }
        [a, b] if all_ascii_digits(a) && all_ascii_digits(b) => {
            let part = if b.len() == 4 {
                DatePart::Day
            } else {
                DatePart::Year
            };
            return Err(FieldError::DateMissingPart { part });
        }
        _ => return Err(FieldError::DateFormat),
    };
    if ![d, m, y].iter().all(|p| all_ascii_digits(p)) || d.len() > 2 || m.len() > 2 {
        return Err(FieldError::DateFormat);
    }
    if y.len() != 4 {
        return Err(FieldError::DateYearDigits);
    }
    let (Ok(day), Ok(month), Ok(year)) = (d.parse::<u8>(), m.parse::<u8>(), y.parse::<i32>())
    else {
        return Err(FieldError::DateFormat);
    };
    Date::new(year, month, day).ok_or(FieldError::DateNotReal)
}

fn all_ascii_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks a real date against a question's limits. `today` is needed only for the
/// "not in the future / past" rules; without it those rules cannot be checked here and
/// are left to the caller that has a clock.
pub fn check_date(date: Date, limits: &DateLimits, today: Option<Date>) -> Result<(), FieldError> {
    if let Some(today) = today {
        if limits.not_future && date > today {
            return Err(FieldError::DateInFuture);
        }
        if limits.not_past && date < today {
            return Err(FieldError::DateInPast);
        }
    }
    if let Some(min) = limits.min {
        if date < min {
            return Err(FieldError::DateTooEarly { min });
        }
    }
    if let Some(max) = limits.max {
        if date > max {
            return Err(FieldError::DateTooLate { max });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {

    #[test]
    fn working_days_skip_weekends() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        // 2026-12-04 is a Friday.
        assert!(!d(2026, 12, 4).is_weekend());
        assert!(d(2026, 12, 5).is_weekend() && d(2026, 12, 6).is_weekend());
        assert_eq!(d(2026, 12, 4).add_working_days(1), d(2026, 12, 7));
        assert_eq!(d(2026, 12, 4).add_working_days(8), d(2026, 12, 16));
        // Filed on a Saturday: Monday is the first working day.
        assert_eq!(d(2026, 12, 5).add_working_days(1), d(2026, 12, 7));
        assert_eq!(d(2026, 12, 7).add_working_days(0), d(2026, 12, 7));
        // Across a year end: Friday 1 January 2027 is New Year's Day.
        assert_eq!(d(2026, 12, 31).add_working_days(2), d(2027, 1, 5));
    }
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("test date is real")
    }

    #[test]
    fn accepts_the_ways_people_write_dates() {
        for input in [
            "27/03/2007",
            "27/3/2007",
            "27-03-2007",
            "27.03.2007",
            " 27 / 03 / 2007 ",
            "27 03 2007",
            "27032007",
            "２７/０３/２００７",
            "2007-03-27",
        ] {
            assert_eq!(parse_date(input), Ok(d(2007, 3, 27)), "{input:?}");
        }
        assert_eq!(parse_date("1/1/2000"), Ok(d(2000, 1, 1)));
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        assert_eq!(parse_date("31/02/2024"), Err(FieldError::DateNotReal));
        assert_eq!(parse_date("29/02/2023"), Err(FieldError::DateNotReal));
        assert_eq!(parse_date("29/02/1900"), Err(FieldError::DateNotReal));
        assert_eq!(parse_date("31/04/2020"), Err(FieldError::DateNotReal));
        assert_eq!(parse_date("00/01/2020"), Err(FieldError::DateNotReal));
        assert_eq!(parse_date("10/13/2020"), Err(FieldError::DateNotReal));
        assert_eq!(parse_date("01/01/0000"), Err(FieldError::DateNotReal));
        assert_eq!(parse_date("29/02/2024"), Ok(d(2024, 2, 29)));
        assert_eq!(parse_date("29/02/2000"), Ok(d(2000, 2, 29)));
    }

    #[test]
    fn says_which_part_is_wrong() {
        assert_eq!(
            parse_date("27/03"),
            Err(FieldError::DateMissingPart {
                part: DatePart::Year
            })
        );
        assert_eq!(
            parse_date("03/2007"),
            Err(FieldError::DateMissingPart {
                part: DatePart::Day
            })
        );
        assert_eq!(parse_date("27/03/07"), Err(FieldError::DateYearDigits));
        assert_eq!(parse_date("27/03/20077"), Err(FieldError::DateYearDigits));
        for bad in [
            "",
            "hôm qua",
            "27/mar/2007",
            "2007-03-27x",
            "1/2/3/4",
            "123/1/2000",
        ] {
            assert_eq!(parse_date(bad), Err(FieldError::DateFormat), "{bad:?}");
        }
    }

    #[test]
    fn limits_and_today() {
        let today = d(2026, 6, 15);
        let past = DateLimits {
            not_future: true,
            ..DateLimits::default()
        };
        assert_eq!(check_date(today, &past, Some(today)), Ok(()));
        assert_eq!(
            check_date(d(2026, 6, 16), &past, Some(today)),
            Err(FieldError::DateInFuture)
        );
        assert_eq!(check_date(d(2026, 6, 16), &past, None), Ok(()));
        let future = DateLimits {
            not_past: true,
            ..DateLimits::default()
        };
        assert_eq!(
            check_date(d(2026, 6, 14), &future, Some(today)),
            Err(FieldError::DateInPast)
        );
        let range = DateLimits {
            min: Some(d(1900, 1, 1)),
            max: Some(d(2020, 12, 31)),
            ..DateLimits::default()
        };
        assert_eq!(
            check_date(d(1899, 12, 31), &range, None),
            Err(FieldError::DateTooEarly { min: d(1900, 1, 1) })
        );
        assert_eq!(
            check_date(d(2021, 1, 1), &range, None),
            Err(FieldError::DateTooLate {
                max: d(2020, 12, 31)
            })
        );
        assert_eq!(check_date(d(2020, 12, 31), &range, None), Ok(()));
    }

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(d(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(d(2000, 3, 1).days_since_epoch(), 11_017);
        assert_eq!(d(1969, 12, 31).days_since_epoch(), -1);
        for days in [-700_000, -1, 0, 59, 60, 11_016, 20_000, 2_000_000] {
            let date = Date::from_days_since_epoch(days).expect("in range");
            assert_eq!(date.days_since_epoch(), days);
        }
        assert_eq!(Date::from_days_since_epoch(i64::MAX), None);
    }

    #[test]
    fn today_in_vietnam_never_fails() {
        assert_eq!(Date::today_in_vietnam(1_751_302_800_000), d(2025, 7, 1));
        assert_eq!(Date::today_in_vietnam(i64::MAX), Date::LAST);
        assert_eq!(Date::today_in_vietnam(i64::MIN), Date::FIRST);
    }

    #[test]
    fn today_in_vietnam_is_utc_plus_seven() {
        // 2025-06-30T17:00:00Z is midnight of 1 July in Hà Nội.
        let ms = 1_751_302_800_000;
        assert_eq!(Date::in_vietnam_at(ms), Some(d(2025, 7, 1)));
        assert_eq!(Date::in_vietnam_at(ms - 1), Some(d(2025, 6, 30)));
    }

    #[test]
    fn iso_display_and_serde() {
        let date = d(2007, 3, 27);
        assert_eq!(date.to_string(), "27/03/2007");
        assert_eq!(date.iso(), "2007-03-27");
        assert_eq!(Date::parse_iso("2007-03-27"), Some(date));
        for bad in [
            "2007-3-27",
            "2007-02-30",
            "27/03/2007",
            "+007-03-27",
            "2007-03-2x",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad:?}");
        }
        let json = serde_json::to_string(&date).unwrap();
        assert_eq!(json, "\"2007-03-27\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), date);
        assert!(serde_json::from_str::<Date>("\"2007-02-30\"").is_err());
    }

    #[test]
    fn ages() {
        let born = d(2020, 2, 29);
        assert_eq!(born.years_until(d(2026, 2, 28)), 5);
        assert_eq!(born.years_until(d(2026, 3, 1)), 6);
        assert_eq!(d(2020, 6, 15).years_until(d(2026, 6, 15)), 6);
    }
}
