//! On time: the due date of a dossier and whether it was decided by it.

use crate::calendar::{add_working_days, working_days_between};
use crate::catalogue::ProcessingTime;
use crate::validators::Date;

use super::Counts;

/// Whether a dossier was decided by its due date, and if not, by how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Timeliness {
    OnTime,
    /// Decided after the due date, by this many working days (at least 1).
    Late {
        working_days: u32,
    },
}

impl Timeliness {
    pub fn is_on_time(self) -> bool {
        self == Timeliness::OnTime
    }
}

/// The due date ("ngày hẹn trả") of a dossier received on `received` for a service
/// processed in `processing_working_days`: that many working days after the day of
/// receipt, which itself does not count. Weekends and public holidays are skipped by the
/// one rule, [`crate::calendar::add_working_days`], so it is the date the receipt shows.
pub fn due_date(received: Date, processing_working_days: u32) -> Date {
    add_working_days(received, processing_working_days)
}

/// Whether a dossier received on `received` and decided on `decided` was decided on
/// time for a service processed in `processing_working_days`.
///
/// - Decided on or before the due date ([`due_date`]): on time.
/// - Decided after it: late by the working days from the due date to the decision (a
///   decision due on a Friday and made on the next Monday is one working day late). A
///   decision made on a weekend day or a holiday after the due date is late by at least
///   one day: the deadline has passed, even though no working day has.
/// - Decided before it was received (a data error, or a clock set wrong): counted on
///   time, since no deadline was missed; the data checks should find such dossiers.
pub fn decided_on_time(received: Date, decided: Date, processing_working_days: u32) -> Timeliness {
    let due = due_date(received, processing_working_days);
    if decided <= due {
        Timeliness::OnTime
    } else {
        Timeliness::Late {
            working_days: working_days_between(due, decided).max(1),
        }
    }
}

/// [`decided_on_time`] for a service's catalogue processing time. `None` when the
/// catalogue gives no bound in working days (immediate or case-dependent): such a
/// dossier cannot be judged and is left out of the on-time share, neither on time nor
/// late.
pub fn decided_on_time_for(
    processing: &ProcessingTime,
    received: Date,
    decided: Date,
) -> Option<Timeliness> {
    processing
        .working_days
        .map(|days| decided_on_time(received, decided, days))
}

/// Whether a dossier received on `received` and still not decided on `today` is past
/// its due date (the "overdue" figure): true from the day after the due date.
pub fn is_overdue(received: Date, processing_working_days: u32, today: Date) -> bool {
    today > due_date(received, processing_working_days)
}

/// What a dossier's first decision, made on `decided`, adds to its cell (see
/// [`Counts`]): one decision, on time when made on or before the due date `due` (the one
/// stored at filing, [`due_date`]) and late after it, neither without a due date; and
/// whether a fee was due and paid online by then.
pub fn decision(due: Option<Date>, decided: Date, fee_due: bool, paid_online: bool) -> Counts {
    Counts {
        decided: 1,
        decided_on_time: u64::from(due.is_some_and(|due| decided <= due)),
        decided_late: u64::from(due.is_some_and(|due| decided > due)),
        fee_due: u64::from(fee_due),
        paid_online: u64::from(fee_due && paid_online),
        ..Counts::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("test date is real")
    }

    #[test]
    fn due_on_friday_decided_on_monday_is_one_working_day_late() {
        // Received Monday 23 November 2026; 4 working days: due Friday 27.
        let received = d(2026, 11, 23);
        assert_eq!(due_date(received, 4), d(2026, 11, 27));
        assert_eq!(
            decided_on_time(received, d(2026, 11, 30), 4),
            Timeliness::Late { working_days: 1 }
        );
        assert_eq!(
            decided_on_time(received, d(2026, 12, 1), 4),
            Timeliness::Late { working_days: 2 }
        );
    }

    #[test]
    fn decided_on_the_due_date_is_on_time() {
        let received = d(2026, 11, 23);
        assert_eq!(
            decided_on_time(received, d(2026, 11, 27), 4),
            Timeliness::OnTime
        );
        assert!(decided_on_time(received, d(2026, 11, 24), 4).is_on_time());
        // The day of receipt does not count: 0 working days means the same day.
        assert_eq!(decided_on_time(received, received, 0), Timeliness::OnTime);
        assert_eq!(
            decided_on_time(received, d(2026, 11, 24), 0),
            Timeliness::Late { working_days: 1 }
        );
    }

    #[test]
    fn decided_on_the_weekend_after_the_due_date_is_late_by_one_day() {
        let received = d(2026, 11, 23);
        for weekend in [d(2026, 11, 28), d(2026, 11, 29)] {
            assert_eq!(
                decided_on_time(received, weekend, 4),
                Timeliness::Late { working_days: 1 }
            );
        }
    }

    #[test]
    fn received_on_a_weekend_counts_from_the_monday() {
        // Received Saturday 28 November 2026; 1 working day: due Monday 30.
        assert_eq!(due_date(d(2026, 11, 28), 1), d(2026, 11, 30));
        assert!(decided_on_time(d(2026, 11, 28), d(2026, 11, 30), 1).is_on_time());
    }

    #[test]
    fn decided_before_received_is_counted_on_time() {
        // A data error: no deadline was missed, so it is not late.
        assert_eq!(
            decided_on_time(d(2026, 11, 23), d(2026, 11, 20), 4),
            Timeliness::OnTime
        );
    }

    #[test]
    fn a_holiday_in_between_moves_the_due_date() {
        // National Day 2026: Tuesday 1 and Wednesday 2 September off, and Monday 31
        // August swapped for Saturday 22 August. Received Friday 28 August, 3 working
        // days: due Monday 7 September, so a decision on Thursday 3 is on time.
        let received = d(2026, 8, 28);
        assert_eq!(due_date(received, 3), d(2026, 9, 7));
        assert!(decided_on_time(received, d(2026, 9, 3), 3).is_on_time());
        assert_eq!(
            decided_on_time(received, d(2026, 9, 8), 3),
            Timeliness::Late { working_days: 1 }
        );
        // Received Wednesday 29 April 2026: 30 April and 1 May are off, due Monday 4 May.
        assert_eq!(due_date(d(2026, 4, 29), 1), d(2026, 5, 4));
        assert!(!is_overdue(d(2026, 4, 29), 1, d(2026, 5, 4)));
        // Tết 2026 (Monday 16 to Friday 20 February): received Thursday 12, 5 working
        // days, due Thursday 26 February.
        assert_eq!(due_date(d(2026, 2, 12), 5), d(2026, 2, 26));
    }

    #[test]
    fn lateness_does_not_count_holidays() {
        // Received Friday 24 April 2026, 1 working day: Monday 27 is the substitute for
        // the Hùng Kings' day (Sunday 26), so due Tuesday 28. Decided Monday 4 May:
        // late by Wednesday 29 and Monday 4 only, 30 April and 1 May being holidays.
        let received = d(2026, 4, 24);
        assert_eq!(due_date(received, 1), d(2026, 4, 28));
        assert_eq!(
            decided_on_time(received, d(2026, 5, 4), 1),
            Timeliness::Late { working_days: 2 }
        );
        // Due Wednesday 29 April, decided on the holiday the day after: no working day
        // has passed, but the deadline has, so late by one.
        assert_eq!(due_date(d(2026, 4, 28), 1), d(2026, 4, 29));
        assert_eq!(
            decided_on_time(d(2026, 4, 28), d(2026, 4, 30), 1),
            Timeliness::Late { working_days: 1 }
        );
    }

    #[test]
    fn the_due_date_is_the_receipts() {
        // The receipt computes its date with `Date::add_working_days`; both must be the
        // one rule on every day, across weekends, holidays and year boundaries.
        let start = d(2024, 12, 1);
        for offset in 0..800 {
            let received =
                Date::from_days_since_epoch(start.days_since_epoch() + offset).expect("in range");
            for days in [0, 1, 2, 5, 7, 10, 15, 20, 30] {
                assert_eq!(
                    due_date(received, days),
                    received.add_working_days(days),
                    "{received} + {days}"
                );
            }
        }
    }

    #[test]
    fn lateness_is_counted_in_working_days() {
        // Due Friday 27 November; decided Friday 4 December: 5 working days late.
        assert_eq!(
            decided_on_time(d(2026, 11, 23), d(2026, 12, 4), 4),
            Timeliness::Late { working_days: 5 }
        );
    }

    #[test]
    fn a_service_without_a_bound_is_not_judged() {
        let time = |working_days| ProcessingTime {
            working_days,
            text: crate::Text::new("", ""),
            confidence: crate::Confidence::Confirmed,
            basis: None,
        };
        let (received, decided) = (d(2026, 11, 23), d(2026, 11, 30));
        assert_eq!(decided_on_time_for(&time(None), received, decided), None);
        assert_eq!(
            decided_on_time_for(&time(Some(4)), received, decided),
            Some(Timeliness::Late { working_days: 1 })
        );
        assert_eq!(
            decided_on_time_for(&time(Some(5)), received, decided),
            Some(Timeliness::OnTime)
        );
    }

    #[test]
    fn open_dossiers_are_overdue_from_the_day_after_the_due_date() {
        let received = d(2026, 11, 23);
        assert!(!is_overdue(received, 4, d(2026, 11, 27)));
        assert!(is_overdue(received, 4, d(2026, 11, 28)));
        assert!(!is_overdue(received, 4, d(2026, 11, 20)));
    }

    #[test]
    fn a_decision_adds_one_to_its_cell() {
        let due = Some(d(2026, 11, 27));
        let on_time = decision(due, d(2026, 11, 27), true, true);
        assert_eq!(
            (
                on_time.decided,
                on_time.decided_on_time,
                on_time.decided_late
            ),
            (1, 1, 0)
        );
        assert_eq!((on_time.fee_due, on_time.paid_online), (1, 1));
        // Due on a Friday, decided on the Monday: late.
        let late = decision(due, d(2026, 11, 30), false, true);
        assert_eq!(
            (late.decided, late.decided_on_time, late.decided_late),
            (1, 0, 1)
        );
        assert_eq!(
            (late.fee_due, late.paid_online),
            (0, 0),
            "nothing to pay, nothing paid"
        );
        let unbounded = decision(None, d(2026, 11, 30), true, false);
        assert_eq!(
            (
                unbounded.decided,
                unbounded.decided_on_time,
                unbounded.decided_late
            ),
            (1, 0, 0)
        );
        assert_eq!(unbounded.on_time_share(), None);
    }
}
