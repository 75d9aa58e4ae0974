//! Times as the agency writes them: Vietnam's offset (+07:00), to the millisecond, in one
//! fixed-width RFC 3339 form so stored times also sort as text.

use time::format_description::FormatItem;
use time::macros::{format_description, offset};
use time::{Date, OffsetDateTime, UtcOffset};

/// Vietnam has one time zone and no daylight saving.
pub const VIETNAM: UtcOffset = offset!(+7);

const STAMP: &[FormatItem<'static>] = format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3][offset_hour sign:mandatory]:[offset_minute]"
);
const DAY: &[FormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// Now, in Vietnam.
pub fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc().to_offset(VIETNAM)
}

/// `2026-12-04T10:00:00.000+07:00`.
pub fn stamp(t: OffsetDateTime) -> String {
    t.to_offset(VIETNAM)
        .format(STAMP)
        .expect("every date this program handles has a four-digit year")
}

/// Now, as [`stamp`] writes it.
pub fn now_stamp() -> String {
    stamp(now())
}

/// Seconds since the Unix epoch, as the signing headers carry them.
pub fn unix_now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// Today's date in Vietnam.
pub fn today() -> Date {
    now().date()
}

/// `YYYY-MM-DD`.
pub fn day(d: Date) -> String {
    d.format(DAY)
        .expect("every date this program handles has a four-digit year")
}

/// A `YYYY-MM-DD` date, as a date input sends it.
pub fn parse_day(s: &str) -> Option<Date> {
    Date::parse(s.trim(), DAY).ok()
}

/// A stored stamp shown to a person: `04/12/2026 10:00:00`, still Vietnam time.
pub fn readable(stamp: &str) -> String {
    match OffsetDateTime::parse(stamp, &time::format_description::well_known::Rfc3339) {
        Ok(t) => {
            let t = t.to_offset(VIETNAM);
            format!(
                "{:02}/{:02}/{} {:02}:{:02}:{:02}",
                t.day(),
                u8::from(t.month()),
                t.year(),
                t.hour(),
                t.minute(),
                t.second()
            )
        }
        Err(_) => stamp.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn stamps_are_rfc3339_in_vietnam_time_and_sort_as_text() {
        let a = stamp(datetime!(2026-12-04 03:00:00 UTC));
        assert_eq!(a, "2026-12-04T10:00:00.000+07:00");
        let b = stamp(datetime!(2026-12-04 03:00:00.5 UTC));
        assert!(a < b);
        assert!(OffsetDateTime::parse(&b, &time::format_description::well_known::Rfc3339).is_ok());
        assert_eq!(readable(&a), "04/12/2026 10:00:00");
    }

    #[test]
    fn days_read_and_write_as_a_date_input_does() {
        let d = parse_day("2026-12-15").unwrap();
        assert_eq!(day(d), "2026-12-15");
        assert!(parse_day("15/12/2026").is_none());
        assert!(parse_day("2026-02-30").is_none());
    }
}
