//! Rules about a dossier after it is filed: the deadline for additional documents (the
//! server counts it when the agency asks and keeps it with the request; the browser shows
//! what the server sends), and the one attempt a submission is sent as (its idempotency
//! key survives double clicks, reloads and retries).

use serde::{Deserialize, Serialize};

use crate::validators::Date;

/// Working days the applicant has to add documents the agency asked for (the birth and
/// death bundles give 7; the portal uses it for every service until the catalogue says
/// otherwise).
pub const SUPPLEMENT_WORKING_DAYS: u32 = 7;

/// Monday = 0 … Sunday = 6 (1 January 1970 was a Thursday).
pub fn weekday(date: Date) -> u8 {
    (date.days_since_epoch() + 3).rem_euclid(7) as u8
}

/// The date `n` working days (Monday to Friday) after `from`.
pub fn add_working_days(from: Date, n: u32) -> Date {
    let mut day = from.days_since_epoch();
    let mut left = n;
    while left > 0 {
        day += 1;
        if let Some(d) = Date::from_days_since_epoch(day) {
            if weekday(d) < 5 {
                left -= 1;
            }
        } else {
            return from;
        }
    }
    Date::from_days_since_epoch(day).unwrap_or(from)
}

/// Working days (Monday to Friday) after `from` up to and including `to`; 0 when `to` is
/// not after `from`. The inverse of [`add_working_days`] on working days.
pub fn working_days_between(from: Date, to: Date) -> u32 {
    let (a, b) = (from.days_since_epoch(), to.days_since_epoch());
    ((a + 1)..=b)
        .filter_map(Date::from_days_since_epoch)
        .filter(|d| weekday(*d) < 5)
        .count() as u32
}

/// The last day to add the requested documents, for a request made at `requested_at`
/// (Unix milliseconds), counted in Vietnam's calendar.
pub fn supplement_deadline(requested_at: i64) -> Option<Date> {
    Date::in_vietnam_at(requested_at).map(|d| add_working_days(d, SUPPLEMENT_WORKING_DAYS))
}

/// A submission kept on the device until the server has answered it: the request body
/// and the idempotency key it is sent with, so every resend of the same body is the same
/// attempt and the server files exactly one dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingSubmission {
    pub key: String,
    /// The JSON body, exactly as sent.
    pub body: String,
}

impl PendingSubmission {
    /// The attempt that sends `body`: the waiting one when it carries the same body (a
    /// double click, a reload, a retry after a timeout), otherwise a new attempt with a
    /// key from `new_key` (the answers changed, e.g. after the server refused them).
    pub fn attempt(
        waiting: Option<PendingSubmission>,
        body: String,
        new_key: impl FnOnce() -> String,
    ) -> PendingSubmission {
        match waiting {
            Some(w) if w.body == body && is_valid_key(&w.key) => w,
            _ => PendingSubmission {
                key: new_key(),
                body,
            },
        }
    }
}

/// The contract's rule for an idempotency key: 1 to 128 visible ASCII characters.
pub fn is_valid_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 128 && key.bytes().all(|b| b.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_days_between_undoes_adding_them() {
        let monday = Date::parse_iso("2026-11-30").unwrap();
        for n in 0..15 {
            assert_eq!(working_days_between(monday, add_working_days(monday, n)), n);
        }
        assert_eq!(working_days_between(monday, monday), 0);
        assert_eq!(working_days_between(add_working_days(monday, 3), monday), 0);
    }

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn weekdays_are_counted_from_a_known_thursday() {
        assert_eq!(weekday(date(1970, 1, 1)), 3);
        assert_eq!(weekday(date(2025, 7, 1)), 1); // a Tuesday
        assert_eq!(weekday(date(2026, 11, 29)), 6); // a Sunday
    }

    #[test]
    fn working_days_skip_weekends() {
        // Friday + 1 working day = Monday.
        assert_eq!(add_working_days(date(2025, 7, 4), 1), date(2025, 7, 7));
        // Tuesday + 7 working days = Thursday of the next week.
        assert_eq!(add_working_days(date(2025, 7, 1), 7), date(2025, 7, 10));
        // Saturday + 1 = Monday.
        assert_eq!(add_working_days(date(2025, 7, 5), 1), date(2025, 7, 7));
        assert_eq!(add_working_days(date(2025, 7, 5), 0), date(2025, 7, 5));
    }

    #[test]
    fn the_deadline_is_counted_in_vietnam() {
        // 2025-07-03T18:00Z is already Friday 4 July in Vietnam (UTC+7).
        let at = 1_751_565_600_000;
        assert_eq!(supplement_deadline(at), Some(date(2025, 7, 15)));
    }

    #[test]
    fn the_same_body_is_the_same_attempt() {
        let first = PendingSubmission::attempt(None, "{\"a\":1}".into(), || "k1".into());
        assert_eq!(first.key, "k1");
        let again =
            PendingSubmission::attempt(Some(first.clone()), "{\"a\":1}".into(), || "k2".into());
        assert_eq!(again, first);
        let changed = PendingSubmission::attempt(Some(first), "{\"a\":2}".into(), || "k3".into());
        assert_eq!(changed.key, "k3");
        assert_eq!(changed.body, "{\"a\":2}");
    }

    #[test]
    fn a_damaged_key_is_replaced() {
        let bad = PendingSubmission {
            key: "bad key\n".into(),
            body: "{}".into(),
        };
        assert_eq!(
            PendingSubmission::attempt(Some(bad), "{}".into(), || "k".into()).key,
            "k"
        );
        assert!(is_valid_key("svc-19a2b-ff01"));
        assert!(!is_valid_key(""));
        assert!(!is_valid_key(&"x".repeat(129)));
    }
}
