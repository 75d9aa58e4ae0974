//! Time as the server records it: Unix seconds in the database, RFC 3339 (UTC) on the
//! wire, and the calendar date in Vietnam (UTC+7) where the law counts days, such as the
//! date part of a dossier code.

use portal_core::validators::Date;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Seconds since the Unix epoch, now.
pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// Milliseconds since the Unix epoch, now (delivery times, measured finer than seconds).
pub fn now_ms() -> i64 {
    (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// Today in Vietnam by the server's clock (the shared rule, [`Date::today_in_vietnam`]).
pub fn today() -> Date {
    Date::today_in_vietnam(now().saturating_mul(1000))
}

/// `2025-07-01T03:04:05Z` for a Unix time; the empty string for a time out of range.
pub fn rfc3339(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// The date in Vietnam as `YYMMDD`, as dossier codes print it (the shared rule for
/// "today in Vietnam", [`Date::in_vietnam_at`]).
pub fn vietnam_yymmdd(unix: i64) -> String {
    let d = Date::today_in_vietnam(unix.saturating_mul(1000));
    format!(
        "{:02}{:02}{:02}",
        d.year().rem_euclid(100),
        d.month(),
        d.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_times() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        // 2025-06-30T17:30:00Z is already 1 July in Vietnam.
        assert_eq!(vietnam_yymmdd(1_751_304_600), "250701");
        assert_eq!(vietnam_yymmdd(1_751_304_600 - 3 * 3600), "250630");
    }
}
