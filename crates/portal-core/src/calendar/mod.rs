//! Working days of Vietnam's state agencies: the one rule every deadline of the portal is
//! counted with (the receipt's result date, the statistics' due date, the deadline for
//! additional documents). Saturdays, Sundays and public holidays are not working days;
//! a Saturday swapped for a weekday off is.

pub mod holidays;

use crate::validators::Date;

/// Monday = 0 … Sunday = 6 (1 January 1970 was a Thursday).
pub fn weekday(date: Date) -> u8 {
    (date.days_since_epoch() + 3).rem_euclid(7) as u8
}

/// Whether state agencies work on `date`: Monday to Friday unless a holiday (or a day
/// off given for one) in [`holidays`], and the Saturdays worked in exchange.
pub fn is_working_day(date: Date) -> bool {
    if weekday(date) >= 5 {
        holidays::is_working_saturday(date)
    } else {
        !holidays::is_day_off(date)
    }
}

/// The day `n` working days after `from`, which itself does not count: the due date of
/// something received on `from`. `n = 0` is `from` itself. Saturates at the end of the
/// calendar.
pub fn add_working_days(from: Date, n: u32) -> Date {
    let mut day = from.days_since_epoch();
    let mut left = n;
    while left > 0 {
        day += 1;
        match Date::from_days_since_epoch(day) {
            Some(d) if is_working_day(d) => left -= 1,
            Some(_) => {}
            None => return Date::LAST,
        }
    }
    Date::from_days_since_epoch(day).unwrap_or(Date::LAST)
}

/// Working days after `from` up to and including `to`; 0 when `to` is not after `from`.
/// The inverse of [`add_working_days`] on working days.
pub fn working_days_between(from: Date, to: Date) -> u32 {
    let (a, b) = (from.days_since_epoch(), to.days_since_epoch());
    ((a + 1)..=b)
        .filter_map(Date::from_days_since_epoch)
        .filter(|d| is_working_day(*d))
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("test date is real")
    }

    #[test]
    fn weekdays_are_counted_from_a_known_thursday() {
        assert_eq!(weekday(d(1970, 1, 1)), 3);
        assert_eq!(weekday(d(2025, 7, 1)), 1); // a Tuesday
        assert_eq!(weekday(d(2026, 11, 29)), 6); // a Sunday
    }

    #[test]
    fn weekends_are_skipped() {
        // Friday + 1 = Monday; Saturday + 1 = Monday; + 0 is the day itself.
        assert_eq!(add_working_days(d(2025, 7, 4), 1), d(2025, 7, 7));
        assert_eq!(add_working_days(d(2025, 7, 5), 1), d(2025, 7, 7));
        assert_eq!(add_working_days(d(2025, 7, 5), 0), d(2025, 7, 5));
        // Tuesday + 7 = Thursday of the next week.
        assert_eq!(add_working_days(d(2025, 7, 1), 7), d(2025, 7, 10));
    }

    #[test]
    fn victory_day_and_labour_day_are_skipped() {
        // 2026: Thursday 30 April and Friday 1 May. Wednesday 29 April + 1 = Monday 4 May.
        assert!(!is_working_day(d(2026, 4, 30)) && !is_working_day(d(2026, 5, 1)));
        assert_eq!(add_working_days(d(2026, 4, 29), 1), d(2026, 5, 4));
        assert_eq!(working_days_between(d(2026, 4, 29), d(2026, 5, 4)), 1);
    }

    #[test]
    fn tet_is_skipped() {
        // Tết Bính Ngọ: Monday 16 to Friday 20 February 2026. Friday 13 + 1 = Monday 23.
        for day in 16..=20 {
            assert!(!is_working_day(d(2026, 2, day)));
        }
        assert_eq!(add_working_days(d(2026, 2, 13), 1), d(2026, 2, 23));
        // Tết Ất Tỵ: Monday 27 to Friday 31 January 2025.
        assert_eq!(add_working_days(d(2025, 1, 24), 3), d(2025, 2, 5));
    }

    #[test]
    fn a_holiday_on_a_weekend_gives_its_substitute() {
        // Hùng Kings' day 2026 is Sunday 26 April; Monday 27 is off instead. Friday 24
        // + 1 = Tuesday 28.
        assert!(!is_working_day(d(2026, 4, 27)));
        assert_eq!(add_working_days(d(2026, 4, 24), 1), d(2026, 4, 28));
        // 2027 (statutory days only): Saturday 1 May gives Monday 3 May, after Friday 30
        // April. Thursday 29 April + 1 = Tuesday 4 May.
        assert_eq!(add_working_days(d(2027, 4, 29), 1), d(2027, 5, 4));
    }

    #[test]
    fn a_swapped_saturday_is_worked() {
        // 2026: Friday 2 January off, Saturday 10 January worked.
        assert!(!is_working_day(d(2026, 1, 2)));
        assert!(is_working_day(d(2026, 1, 10)));
        assert_eq!(add_working_days(d(2026, 1, 9), 1), d(2026, 1, 10));
        // 2025: Friday 2 May off, Saturday 26 April worked.
        assert_eq!(add_working_days(d(2025, 4, 25), 1), d(2025, 4, 26));
        assert_eq!(add_working_days(d(2025, 4, 29), 1), d(2025, 5, 5));
    }

    #[test]
    fn across_the_year_end() {
        // New Year 2026: Thursday 1 and (swapped) Friday 2 January off.
        assert_eq!(add_working_days(d(2025, 12, 31), 1), d(2026, 1, 5));
        // New Year 2027 is a Friday: Thursday 31 December 2026 + 1 = Monday 4 January.
        assert_eq!(add_working_days(d(2026, 12, 31), 1), d(2027, 1, 4));
        assert_eq!(working_days_between(d(2026, 12, 31), d(2027, 1, 4)), 1);
    }

    #[test]
    fn counting_between_undoes_adding() {
        let start = d(2024, 12, 2);
        for offset in 0..800 {
            let from =
                Date::from_days_since_epoch(start.days_since_epoch() + offset).expect("in range");
            for n in [0, 1, 3, 7, 20] {
                let to = add_working_days(from, n);
                assert_eq!(working_days_between(from, to), n, "{from} + {n}");
                if n > 0 {
                    assert!(is_working_day(to), "{from} + {n} = {to}");
                }
            }
        }
        assert_eq!(working_days_between(d(2026, 3, 5), d(2026, 3, 2)), 0);
    }

    #[test]
    fn the_end_of_the_calendar_saturates() {
        assert_eq!(add_working_days(Date::LAST, 1), Date::LAST);
    }
}
