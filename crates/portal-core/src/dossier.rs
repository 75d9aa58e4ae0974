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

/// The working-day rule, kept here for the callers that count a dossier's deadlines;
/// it lives in [`crate::calendar`] with the public holidays it skips.
pub use crate::calendar::{add_working_days, weekday, working_days_between};

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
    fn the_deadline_is_counted_in_vietnam() {
        // 2025-07-03T18:00Z is already Friday 4 July in Vietnam (UTC+7).
        let at = 1_751_565_600_000;
        assert_eq!(supplement_deadline(at), Some(date(2025, 7, 15)));
    }

    #[test]
    fn the_deadline_skips_public_holidays() {
        // Asked on Tuesday 28 April 2026 (noon in Vietnam): 30 April and 1 May are off,
        // so 7 working days end on Monday 11 May, not Thursday 7 May.
        let at = 1_777_352_400_000;
        assert_eq!(Date::in_vietnam_at(at), Some(date(2026, 4, 28)));
        assert_eq!(supplement_deadline(at), Some(date(2026, 5, 11)));
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
