//! The seed's target: every online service should average at least 10 online
//! dossiers a year in each province, pro rata for shorter periods.

use super::period::{days_from_to, days_in_year, Period};
use crate::validators::Date;

/// Online dossiers a year that every online service should average in each province.
pub const ONLINE_DOSSIERS_A_YEAR: u64 = 10;

/// The seed's target for a stretch of days: [`ONLINE_DOSSIERS_A_YEAR`] × `days` /
/// `year_days`. It is kept as that ratio, so whether a count reaches it is decided
/// exactly, without rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Target {
    pub days: u32,
    pub year_days: u32,
}

impl Target {
    /// The target as a number of dossiers, e.g. 0.82 for a 30-day month (for display).
    pub fn value(self) -> f64 {
        ONLINE_DOSSIERS_A_YEAR as f64 * f64::from(self.days) / f64::from(self.year_days)
    }

    /// Whether `count` online dossiers reach the target (at least it).
    pub fn is_reached_by(self, count: u64) -> bool {
        u128::from(count) * u128::from(self.year_days)
            >= u128::from(ONLINE_DOSSIERS_A_YEAR) * u128::from(self.days)
    }
}

/// The seed's target for a period, pro rata: 10 for a year, 10 × 30/365 for November
/// 2026, 10 × 91/366 for the first quarter of 2024.
pub fn target_for(period: &Period) -> Target {
    Target {
        days: period.days(),
        year_days: days_in_year(period.calendar_year()),
    }
}

/// The target for the part of `period` up to and including `today`, for a period still
/// running (the whole period once it is over; 0 before it starts). Judging November on
/// the 10th against the whole month's target would list nearly every province.
pub fn target_up_to(period: &Period, today: Date) -> Target {
    let last = today.min(period.last_day());
    Target {
        days: days_from_to(period.first_day(), last),
        ..target_for(period)
    }
}

/// The provinces of `all_provinces` (in that order) whose online dossiers for one
/// service in `period` fall short of [`target_for`]. A province with no row in
/// `counts_by_province` has none and is listed too; rows for the same province are
/// added; rows for a code not in `all_provinces` are ignored.
pub fn provinces_below(
    counts_by_province: &[(String, u64)],
    all_provinces: &[String],
    period: &Period,
) -> Vec<String> {
    provinces_below_target(counts_by_province, all_provinces, target_for(period))
}

/// How many of `all_provinces` reach [`target_for`] `period` (the others are
/// [`provinces_below`]).
pub fn reaching(
    counts_by_province: &[(String, u64)],
    all_provinces: &[String],
    period: &Period,
) -> usize {
    all_provinces.len() - provinces_below(counts_by_province, all_provinces, period).len()
}

/// [`provinces_below`] for any target, e.g. [`target_up_to`].
pub fn provinces_below_target(
    counts_by_province: &[(String, u64)],
    all_provinces: &[String],
    target: Target,
) -> Vec<String> {
    all_provinces
        .iter()
        .filter(|code| !target.is_reached_by(count_of(counts_by_province, code)))
        .cloned()
        .collect()
}

fn count_of(counts_by_province: &[(String, u64)], code: &str) -> u64 {
    counts_by_province
        .iter()
        .filter(|(c, _)| c == code)
        .fold(0, |sum, (_, n)| sum.saturating_add(*n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("test date is real")
    }

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn the_34_provinces() -> Vec<String> {
        let text = crate::admin_units::testdata::read("provinces.tsv");
        let provinces = crate::admin_units::parse_provinces(&text).expect("provinces parse");
        provinces.into_iter().map(|p| p.code).collect()
    }

    #[test]
    fn the_target_is_ten_a_year_pro_rata() {
        let year = target_for(&Period::Year(2026));
        assert_eq!(year.value(), 10.0);
        assert!(year.is_reached_by(10) && !year.is_reached_by(9));
        // November 2026: 10 × 30/365 ≈ 0.82, so one dossier reaches it.
        let nov = target_for(&Period::Month {
            year: 2026,
            month: 11,
        });
        assert_eq!(
            nov,
            Target {
                days: 30,
                year_days: 365
            }
        );
        assert!((nov.value() - 300.0 / 365.0).abs() < 1e-12);
        assert!(nov.is_reached_by(1) && !nov.is_reached_by(0));
        // A quarter of 2026: 10 × 90/365 ≈ 2.47, so three reach it and two do not.
        let q1 = target_for(&Period::Quarter { year: 2026, q: 1 });
        assert!((q1.value() - 900.0 / 365.0).abs() < 1e-12);
        assert!(q1.is_reached_by(3) && !q1.is_reached_by(2));
        // Q3 has 92 days: 10 × 92/365 ≈ 2.52.
        assert!(target_for(&Period::Quarter { year: 2026, q: 3 }).is_reached_by(3));
    }

    #[test]
    fn the_target_in_a_leap_year() {
        let year = target_for(&Period::Year(2024));
        assert_eq!(
            year,
            Target {
                days: 366,
                year_days: 366
            }
        );
        assert_eq!(year.value(), 10.0);
        assert!(year.is_reached_by(10) && !year.is_reached_by(9));
        let feb = target_for(&Period::Month {
            year: 2024,
            month: 2,
        });
        assert_eq!(
            feb,
            Target {
                days: 29,
                year_days: 366
            }
        );
        assert!((feb.value() - 290.0 / 366.0).abs() < 1e-12);
        let q1 = target_for(&Period::Quarter { year: 2024, q: 1 });
        assert_eq!(
            q1,
            Target {
                days: 91,
                year_days: 366
            }
        );
        assert!(q1.is_reached_by(3) && !q1.is_reached_by(2));
    }

    #[test]
    fn the_target_is_reached_exactly_at_its_value() {
        // 73 days of a 365-day year: exactly 2 dossiers.
        let t = Target {
            days: 73,
            year_days: 365,
        };
        assert!(t.is_reached_by(2) && !t.is_reached_by(1));
    }

    #[test]
    fn a_running_period_is_judged_on_its_days_so_far() {
        let nov = Period::Month {
            year: 2026,
            month: 11,
        };
        assert_eq!(
            target_up_to(&nov, d(2026, 11, 10)),
            Target {
                days: 10,
                year_days: 365
            }
        );
        assert_eq!(target_up_to(&nov, d(2027, 3, 1)), target_for(&nov));
        assert_eq!(target_up_to(&nov, d(2026, 10, 31)).days, 0);
        assert!(target_up_to(&nov, d(2026, 10, 31)).is_reached_by(0));
    }

    #[test]
    fn provinces_without_a_row_are_below_the_target() {
        let all = codes(&["01", "04", "08", "11"]);
        let rows = vec![("01".to_string(), 12), ("08".to_string(), 9)];
        let year = Period::Year(2026);
        assert_eq!(
            provinces_below(&rows, &all, &year),
            codes(&["04", "08", "11"])
        );
        assert_eq!(reaching(&rows, &all, &year), 1);
        // A month needs just one dossier.
        let nov = Period::Month {
            year: 2026,
            month: 11,
        };
        assert_eq!(provinces_below(&rows, &all, &nov), codes(&["04", "11"]));
        assert_eq!(reaching(&rows, &all, &nov), 2);
    }

    #[test]
    fn rows_for_one_province_are_added_and_unknown_codes_ignored() {
        let all = codes(&["01", "04"]);
        let rows = vec![
            ("01".to_string(), 6),
            ("01".to_string(), 4),
            ("99".to_string(), 100),
        ];
        let year = Period::Year(2026);
        assert_eq!(provinces_below(&rows, &all, &year), codes(&["04"]));
        assert_eq!(reaching(&rows, &all, &year), 1);
    }

    #[test]
    fn with_no_rows_all_34_provinces_are_below() {
        let all = the_34_provinces();
        assert_eq!(all.len(), 34);
        let q4 = Period::Quarter { year: 2026, q: 4 };
        assert_eq!(provinces_below(&[], &all, &q4), all);
        assert_eq!(reaching(&[], &all, &q4), 0);
        let rows: Vec<(String, u64)> = all.iter().map(|c| (c.clone(), 3)).collect();
        assert!(provinces_below(&rows, &all, &q4).is_empty());
        assert_eq!(reaching(&rows, &all, &q4), 34);
    }
}
