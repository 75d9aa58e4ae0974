//! Periods: the months, quarters and years the page can show, and their days.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validators::date::{days_in_month, is_leap_year};
use crate::validators::Date;

/// A calendar month, quarter or year of Vietnam's (Gregorian) calendar, the periods the
/// page can show. In URLs it is written as a slug: `2026-11`, `2026-q4`, `2026`.
///
/// The fields are public so a period can be matched on; build one with [`Period::month`],
/// [`Period::quarter`], [`Period::year`] or [`Period::parse`], which accept only real
/// periods (years 1 to 9999, months 1 to 12, quarters 1 to 4). A period built by hand
/// with a field out of range is read as the nearest real one (month 13 as December), so
/// no method fails; [`Period::is_valid`] tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Month { year: i32, month: u8 },
    Quarter { year: i32, q: u8 },
    Year(i32),
}

impl Period {
    /// The month, if it is real.
    pub fn month(year: i32, month: u8) -> Option<Period> {
        Some(Period::Month { year, month }).filter(Period::is_valid)
    }

    /// The quarter (1 to 4), if it is real.
    pub fn quarter(year: i32, q: u8) -> Option<Period> {
        Some(Period::Quarter { year, q }).filter(Period::is_valid)
    }

    /// The year, if the calendar holds it (1 to 9999).
    pub fn year(year: i32) -> Option<Period> {
        Some(Period::Year(year)).filter(Period::is_valid)
    }

    /// Whether every field is in range.
    pub fn is_valid(&self) -> bool {
        let year_ok = |y: &i32| (1..=9999).contains(y);
        match *self {
            Period::Month { year, month } => year_ok(&year) && (1..=12).contains(&month),
            Period::Quarter { year, q } => year_ok(&year) && (1..=4).contains(&q),
            Period::Year(year) => year_ok(&year),
        }
    }

    /// Reads a URL slug: `2026-11` (a month, two digits), `2026-q4` (a quarter; `Q4` is
    /// accepted too) or `2026` (a year). The year has four digits. Anything else, or a
    /// period that does not exist (`2026-13`, `2026-q5`, `0000`), is `None`.
    pub fn parse(slug: &str) -> Option<Period> {
        let (year, rest) = match slug.split_once('-') {
            Some((year, rest)) => (year, Some(rest)),
            None => (slug, None),
        };
        let year = four_digit_year(year)?;
        match rest.map(str::as_bytes) {
            None => Period::year(year),
            Some([b'q' | b'Q', q @ b'1'..=b'4']) => Period::quarter(year, q - b'0'),
            Some([tens @ b'0'..=b'1', units @ b'0'..=b'9']) => {
                Period::month(year, (tens - b'0') * 10 + (units - b'0'))
            }
            Some(_) => None,
        }
    }

    /// The URL slug [`Period::parse`] reads back: `2026-11`, `2026-q4`, `2026`.
    pub fn slug(&self) -> String {
        let (year, first, _) = self.bounds();
        match self {
            Period::Month { .. } => format!("{year:04}-{first:02}"),
            Period::Quarter { .. } => format!("{year:04}-q{}", first.div_ceil(3)),
            Period::Year(_) => format!("{year:04}"),
        }
    }

    /// The calendar year the period lies in.
    pub fn calendar_year(&self) -> i32 {
        self.bounds().0
    }

    /// The period's first day.
    pub fn first_day(&self) -> Date {
        let (year, first, _) = self.bounds();
        Date::new(year, first, 1).unwrap_or(Date::FIRST)
    }

    /// The period's last day (31 December for a year or a fourth quarter).
    pub fn last_day(&self) -> Date {
        let (year, _, last) = self.bounds();
        Date::new(year, last, days_in_month(year, last)).unwrap_or(Date::LAST)
    }

    /// Whether `date` falls in the period, both ends included.
    pub fn contains(&self, date: Date) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }

    /// Calendar days in the period: 28 to 31 for a month, 90 to 92 for a quarter, 365 or
    /// 366 for a year.
    pub fn days(&self) -> u32 {
        days_from_to(self.first_day(), self.last_day())
    }

    /// The period's share of its calendar year: its days over the year's days (30/365 for
    /// November 2026, 91/366 for the first quarter of 2024, 1 for a year). The seed's
    /// target is scaled by it ([`target_for`](super::target_for)).
    pub fn fraction_of_year(&self) -> f64 {
        f64::from(self.days()) / f64::from(days_in_year(self.calendar_year()))
    }

    /// The months of the period in order, for a time series (one for a month, three for
    /// a quarter, twelve for a year).
    pub fn months(&self) -> Vec<Period> {
        let (year, first, last) = self.bounds();
        (first..=last)
            .map(|month| Period::Month { year, month })
            .collect()
    }

    /// The month `today` is in.
    pub fn month_of(today: Date) -> Period {
        Period::Month {
            year: today.year(),
            month: today.month(),
        }
    }

    /// The periods the page offers on `today`, newest first in each kind: the last twelve
    /// months, the last eight quarters and the last three years, each including the one
    /// under way.
    pub fn recent(today: Date) -> Vec<Period> {
        let (year, month) = (today.year(), i32::from(today.month()));
        let months = (0..12).map(|back| {
            let index = year * 12 + month - 1 - back;
            Period::Month {
                year: index.div_euclid(12),
                month: (index.rem_euclid(12) + 1) as u8,
            }
        });
        let quarters = (0..8).map(|back| {
            let index = year * 4 + (month - 1) / 3 - back;
            Period::Quarter {
                year: index.div_euclid(4),
                q: (index.rem_euclid(4) + 1) as u8,
            }
        });
        let years = (0..3).map(|back| Period::Year(year - back));
        months
            .chain(quarters)
            .chain(years)
            .filter(Period::is_valid)
            .collect()
    }

    /// The months a time series of the period shows: the twelve months up to and
    /// including a month (one bar alone says little), the period's own months otherwise.
    pub fn series(&self) -> Vec<Period> {
        match *self {
            Period::Month { .. } => {
                let (year, month, _) = self.bounds();
                let index = year * 12 + i32::from(month) - 1;
                ((index - 11).max(12)..=index)
                    .map(|i| Period::Month {
                        year: i.div_euclid(12),
                        month: (i.rem_euclid(12) + 1) as u8,
                    })
                    .collect()
            }
            _ => self.months(),
        }
    }

    /// (year, first month, last month), with out-of-range fields brought into range.
    fn bounds(&self) -> (i32, u8, u8) {
        let clamp_year = |y: i32| y.clamp(1, 9999);
        match *self {
            Period::Month { year, month } => {
                let m = month.clamp(1, 12);
                (clamp_year(year), m, m)
            }
            Period::Quarter { year, q } => {
                let q = q.clamp(1, 4);
                (clamp_year(year), 3 * q - 2, 3 * q)
            }
            Period::Year(year) => (clamp_year(year), 1, 12),
        }
    }
}

fn four_digit_year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

pub(super) fn days_in_year(year: i32) -> u32 {
    if is_leap_year(year) {
        366
    } else {
        365
    }
}

/// Calendar days from `first` to `last`, both included; 0 when `last` is before `first`.
pub(super) fn days_from_to(first: Date, last: Date) -> u32 {
    let days = last.days_since_epoch() - first.days_since_epoch() + 1;
    u32::try_from(days.max(0)).unwrap_or(u32::MAX)
}

impl fmt::Display for Period {
    /// The slug.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.slug())
    }
}

/// Why a slug is not a period (the only reason: it is not one of the three forms, or
/// names a month or quarter that does not exist).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAPeriod;

impl fmt::Display for NotAPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a period: write yyyy, yyyy-mm or yyyy-qN")
    }
}

impl std::error::Error for NotAPeriod {}

impl FromStr for Period {
    type Err = NotAPeriod;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Period::parse(s).ok_or(NotAPeriod)
    }
}

impl Serialize for Period {
    /// As its slug, the same string as in the URL.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.slug())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Period::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("{s:?}: {NotAPeriod}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_offers_recent_periods_across_a_year_boundary() {
        let today = Date::new(2026, 2, 14).unwrap();
        assert_eq!(Period::month_of(today), Period::month(2026, 2).unwrap());
        let slugs: Vec<String> = Period::recent(today).iter().map(Period::slug).collect();
        assert_eq!(slugs.len(), 23);
        assert_eq!(&slugs[..3], ["2026-02", "2026-01", "2025-12"]);
        assert_eq!(slugs[11], "2025-03");
        assert_eq!(&slugs[12..15], ["2026-q1", "2025-q4", "2025-q3"]);
        assert_eq!(slugs[19], "2024-q2");
        assert_eq!(&slugs[20..], ["2026", "2025", "2024"]);
    }

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("test date is real")
    }

    #[test]
    fn periods_parse_from_and_write_to_their_slug() {
        let cases = [
            (
                "2026-11",
                Period::Month {
                    year: 2026,
                    month: 11,
                },
            ),
            (
                "2026-01",
                Period::Month {
                    year: 2026,
                    month: 1,
                },
            ),
            ("2026-q4", Period::Quarter { year: 2026, q: 4 }),
            ("2026", Period::Year(2026)),
        ];
        for (slug, period) in cases {
            assert_eq!(Period::parse(slug), Some(period), "{slug}");
            assert_eq!(period.slug(), slug);
            assert_eq!(period.to_string(), slug);
            assert_eq!(slug.parse::<Period>(), Ok(period));
        }
        assert_eq!(
            Period::parse("2026-Q1"),
            Some(Period::Quarter { year: 2026, q: 1 })
        );
        assert_eq!(Period::Quarter { year: 2026, q: 1 }.slug(), "2026-q1");
    }

    #[test]
    fn slugs_that_are_not_periods_are_refused() {
        for bad in [
            "",
            "26",
            "02026",
            "0000",
            "2026-",
            "2026-1",
            "2026-13",
            "2026-00",
            "2026-011",
            "2026-q0",
            "2026-q5",
            "2026-q",
            "2026-q12",
            "2026-m1",
            "-2026",
            "2026-11-01",
            "２０２６",
            "2026 ",
            " 2026",
            "+026",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad:?}");
            assert_eq!(bad.parse::<Period>(), Err(NotAPeriod), "{bad:?}");
        }
    }

    #[test]
    fn constructors_accept_only_real_periods() {
        assert!(Period::month(2026, 12).is_some());
        assert_eq!(Period::month(2026, 0), None);
        assert_eq!(Period::month(2026, 13), None);
        assert_eq!(Period::quarter(2026, 0), None);
        assert_eq!(Period::quarter(2026, 5), None);
        assert_eq!(Period::year(0), None);
        assert_eq!(Period::year(10_000), None);
        assert!(Period::year(9999).is_some());
    }

    #[test]
    fn a_period_built_by_hand_out_of_range_reads_as_the_nearest() {
        let p = Period::Month {
            year: 2026,
            month: 13,
        };
        assert!(!p.is_valid());
        assert_eq!(p.first_day(), d(2026, 12, 1));
        assert_eq!(p.last_day(), d(2026, 12, 31));
        assert_eq!(
            Period::Quarter { year: 2026, q: 0 }.last_day(),
            d(2026, 3, 31)
        );
        assert_eq!(Period::Year(0).first_day(), Date::FIRST);
        assert_eq!(Period::Year(12_000).last_day(), Date::LAST);
    }

    #[test]
    fn first_and_last_days() {
        let nov = Period::Month {
            year: 2026,
            month: 11,
        };
        assert_eq!(
            (nov.first_day(), nov.last_day()),
            (d(2026, 11, 1), d(2026, 11, 30))
        );
        let feb_leap = Period::Month {
            year: 2024,
            month: 2,
        };
        assert_eq!(feb_leap.last_day(), d(2024, 2, 29));
        assert_eq!(
            Period::Month {
                year: 2026,
                month: 2
            }
            .last_day(),
            d(2026, 2, 28)
        );
        let q3 = Period::Quarter { year: 2026, q: 3 };
        assert_eq!(
            (q3.first_day(), q3.last_day()),
            (d(2026, 7, 1), d(2026, 9, 30))
        );
        let year = Period::Year(2026);
        assert_eq!(
            (year.first_day(), year.last_day()),
            (d(2026, 1, 1), d(2026, 12, 31))
        );
    }

    #[test]
    fn contains_includes_both_ends() {
        let q4 = Period::Quarter { year: 2026, q: 4 };
        assert!(q4.contains(d(2026, 10, 1)));
        assert!(q4.contains(d(2026, 12, 31)));
        assert!(!q4.contains(d(2026, 9, 30)));
        assert!(!q4.contains(d(2027, 1, 1)));
        assert!(Period::Month {
            year: 2024,
            month: 2
        }
        .contains(d(2024, 2, 29)));
    }

    #[test]
    fn days_and_fraction_of_year() {
        let nov = Period::Month {
            year: 2026,
            month: 11,
        };
        assert_eq!(nov.days(), 30);
        assert_eq!(nov.fraction_of_year(), 30.0 / 365.0);
        assert_eq!(
            Period::Month {
                year: 2024,
                month: 2
            }
            .days(),
            29
        );
        assert_eq!(Period::Quarter { year: 2026, q: 1 }.days(), 90);
        assert_eq!(Period::Quarter { year: 2024, q: 1 }.days(), 91);
        assert_eq!(Period::Quarter { year: 2026, q: 3 }.days(), 92);
        assert_eq!(Period::Year(2026).days(), 365);
        assert_eq!(Period::Year(2024).days(), 366);
        assert_eq!(Period::Year(1900).days(), 365);
        assert_eq!(Period::Year(2000).days(), 366);
        assert_eq!(Period::Year(2024).fraction_of_year(), 1.0);
        assert_eq!(
            Period::Quarter { year: 2024, q: 1 }.fraction_of_year(),
            91.0 / 366.0
        );
        let quarters: u32 = (1..=4)
            .map(|q| Period::Quarter { year: 2024, q }.days())
            .sum();
        assert_eq!(quarters, 366);
    }

    #[test]
    fn months_of_a_period() {
        let q2 = Period::Quarter { year: 2026, q: 2 };
        assert_eq!(
            q2.months(),
            vec![
                Period::Month {
                    year: 2026,
                    month: 4
                },
                Period::Month {
                    year: 2026,
                    month: 5
                },
                Period::Month {
                    year: 2026,
                    month: 6
                },
            ]
        );
        assert_eq!(Period::Year(2026).months().len(), 12);
        let nov = Period::Month {
            year: 2026,
            month: 11,
        };
        assert_eq!(nov.months(), vec![nov]);
    }

    #[test]
    fn periods_travel_as_their_slug() {
        let q = Period::Quarter { year: 2026, q: 4 };
        assert_eq!(serde_json::to_string(&q).unwrap(), "\"2026-q4\"");
        assert_eq!(serde_json::from_str::<Period>("\"2026-q4\"").unwrap(), q);
        assert!(serde_json::from_str::<Period>("\"2026-q5\"").is_err());
    }

    #[test]
    fn a_month_is_shown_with_the_eleven_before_it() {
        let m = |y, m| Period::month(y, m).unwrap();
        let s = m(2026, 2).series();
        assert_eq!(s.len(), 12);
        assert_eq!(s[0], m(2025, 3));
        assert_eq!(s[11], m(2026, 2));
        assert_eq!(Period::quarter(2026, 4).unwrap().series().len(), 3);
        assert_eq!(Period::year(2026).unwrap().series().len(), 12);
        // The calendar's first months have fewer before them.
        assert_eq!(m(1, 3).series().len(), 3);
    }
}
