//! Vietnam's public holidays on which state agencies are closed, as explicit dates per
//! year, each year naming the law and the notices its dates come from. Data only: the
//! rule that reads it is [`super::is_working_day`].
//!
//! The Labour Code sets the holidays (Art. 112(1)); the Prime Minister fixes each year
//! which days Tết and the day beside 2 September are (Art. 112(3)); a holiday on a
//! weekly rest day gives a day off on the next working day (Art. 111(3)); and the
//! government may swap a weekday between holidays with a Saturday, which agencies then
//! work. A year is listed only as far as it could be sourced; no date here is guessed.
//! Years not listed (2021 to 2024, and after the last listed) count only the days the
//! Labour Code fixes by itself ([`statutory_days_off`]).
//!
//! Not yet here: 24 November, Vietnamese Culture Day, which the government has asked to
//! add to Art. 112(1) (Resolution 30/NQ-CP, reported by vneconomy.vn, 26/02/2026); it
//! becomes a day off only when the Labour Code is amended.

use crate::validators::Date;

/// The statute every year rests on.
pub const LABOUR_CODE: &str = "Bộ luật Lao động số 45/2019/QH14 (Labour Code), Điều 112 \
     khoản 1 (the 11 paid holidays) and khoản 3 (the Prime Minister fixes the Tết days and \
     the day beside 2/9 each year); Điều 111 khoản 3 (a holiday on a weekly rest day is \
     given on the next working day); in force from 1 January 2021";

/// The first year the Labour Code 2019 governs; years before it know no holidays here.
pub const FIRST_STATUTORY_YEAR: i32 = 2021;

/// Paid public holidays a year, Art. 112(1): 1 + 5 + 1 + 1 + 1 + 2. Announcements move
/// days but never change the number, so a year's closed weekdays less its working
/// Saturdays come to this.
pub const STATUTORY_DAYS: usize = 11;

/// A day of a listed year and why it is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub month: u8,
    pub day: u8,
    pub what: &'static str,
}

const fn day(month: u8, day: u8, what: &'static str) -> Day {
    Day { month, day, what }
}

/// How complete a year's list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The days the government announced for civil servants: complete.
    Announced,
    /// No announcement could be sourced: only the solar-calendar holidays and their
    /// weekend substitutes, which the Labour Code fixes by itself. Tết, the Hùng Kings'
    /// day, the day beside 2/9 and any swap are missing, so a period crossing them gets
    /// a due date that is early, never one that is late.
    StatutoryOnly,
}

/// One year's calendar of state agencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HolidayYear {
    pub year: i32,
    pub basis: Basis,
    /// The law and the notices (number and date), and where they were read.
    pub sources: &'static [&'static str],
    /// Weekdays (Monday to Friday) on which agencies are closed: holidays, substitute
    /// days for holidays on a weekend, and weekdays swapped for a Saturday.
    pub days_off: &'static [Day],
    /// Saturdays worked in exchange for a weekday off.
    pub working_saturdays: &'static [Day],
}

/// The listed years, in order.
pub const YEARS: &[HolidayYear] = &[
    HolidayYear {
        year: 2025,
        basis: Basis::Announced,
        sources: &[
            LABOUR_CODE,
            "Văn phòng Chính phủ, văn bản số 8726/VPCP-KGVX ngày 26/11/2024: the Prime \
             Minister's decision on Tết Âm lịch and other holidays of 2025 (reported by \
             pld.net.vn; the days as reported by vtv9.vtv.vn and thoidai.com.vn); the \
             Ministry of Labour's implementing notice was not found, so its number is not \
             given",
        ],
        days_off: &[
            day(1, 1, "Tết Dương lịch / New Year's Day (Wednesday)"),
            day(
                1,
                27,
                "Tết Âm lịch / Lunar New Year: 28 tháng Chạp Giáp Thìn",
            ),
            day(
                1,
                28,
                "Tết Âm lịch / Lunar New Year: 29 tháng Chạp (New Year's Eve)",
            ),
            day(
                1,
                29,
                "Tết Âm lịch / Lunar New Year: mùng 1 tháng Giêng Ất Tỵ",
            ),
            day(1, 30, "Tết Âm lịch / Lunar New Year: mùng 2"),
            day(1, 31, "Tết Âm lịch / Lunar New Year: mùng 3"),
            day(
                4,
                7,
                "Giỗ Tổ Hùng Vương / Hùng Kings' day, 10 tháng 3 âm lịch",
            ),
            day(4, 30, "Ngày Chiến thắng / Victory Day"),
            day(5, 1, "Ngày Quốc tế lao động / International Labour Day"),
            day(5, 2, "Swapped with Saturday 26 April, worked instead"),
            day(9, 1, "Quốc khánh / National Day: the adjacent day"),
            day(9, 2, "Quốc khánh / National Day"),
        ],
        working_saturdays: &[day(4, 26, "Worked in exchange for Friday 2 May")],
    },
    HolidayYear {
        year: 2026,
        basis: Basis::Announced,
        sources: &[
            LABOUR_CODE,
            "Văn phòng Chính phủ, văn bản số 12729/VPCP-KGVX ngày 25/12/2025: New Year off \
             Thursday 1 to Sunday 4 January, Friday 2 January swapped with Saturday 10 \
             January (reported by 24h.com.vn, 26/12/2025)",
            "Bộ Nội vụ, Thông báo số 9441/TB-BNV ngày 16/10/2025: Tết Âm lịch Monday 16 to \
             Friday 20 February (reported by vietbao.vn and vnanet.vn), and National Day \
             off Saturday 29 August to Wednesday 2 September with Monday 31 August swapped \
             with Saturday 22 August, as the Prime Minister agreed (reported by \
             kienthuc.net.vn, 13/10/2025)",
            "Hùng Kings' day falls on Sunday 26 April, so Monday 27 April is off under \
             Điều 111 khoản 3 (reported by thanhnien.vn, 23/02/2026)",
        ],
        days_off: &[
            day(1, 1, "Tết Dương lịch / New Year's Day (Thursday)"),
            day(1, 2, "Swapped with Saturday 10 January, worked instead"),
            day(2, 16, "Tết Âm lịch / Lunar New Year: 29 tháng Chạp Ất Tỵ"),
            day(
                2,
                17,
                "Tết Âm lịch / Lunar New Year: mùng 1 tháng Giêng Bính Ngọ",
            ),
            day(2, 18, "Tết Âm lịch / Lunar New Year: mùng 2"),
            day(2, 19, "Tết Âm lịch / Lunar New Year: mùng 3"),
            day(2, 20, "Tết Âm lịch / Lunar New Year: mùng 4"),
            day(
                4,
                27,
                "Giỗ Tổ Hùng Vương / Hùng Kings' day (Sunday 26 April): its substitute",
            ),
            day(4, 30, "Ngày Chiến thắng / Victory Day"),
            day(5, 1, "Ngày Quốc tế lao động / International Labour Day"),
            day(8, 31, "Swapped with Saturday 22 August, worked instead"),
            day(9, 1, "Quốc khánh / National Day: the adjacent day"),
            day(9, 2, "Quốc khánh / National Day"),
        ],
        working_saturdays: &[
            day(1, 10, "Worked in exchange for Friday 2 January"),
            day(8, 22, "Worked in exchange for Monday 31 August"),
        ],
    },
    HolidayYear {
        year: 2027,
        basis: Basis::StatutoryOnly,
        sources: &[
            LABOUR_CODE,
            "No announcement for 2027 was found (searched for the notices on Tết Đinh Mùi \
             and National Day 2027): the days below are only the solar-calendar holidays \
             and the substitute the Labour Code gives by itself",
        ],
        days_off: &[
            day(1, 1, "Tết Dương lịch / New Year's Day (Friday)"),
            day(4, 30, "Ngày Chiến thắng / Victory Day (Friday)"),
            day(
                5,
                3,
                "Ngày Quốc tế lao động / International Labour Day (Saturday 1 May): its \
                 substitute",
            ),
            day(
                9,
                2,
                "Quốc khánh / National Day (Thursday; the adjacent day unknown)",
            ),
        ],
        working_saturdays: &[],
    },
];

/// The listed year, if any.
pub fn year(year: i32) -> Option<&'static HolidayYear> {
    YEARS.iter().find(|y| y.year == year)
}

/// Whether `date` is a weekday on which agencies are closed. Listed years answer from
/// their list; other years from [`FIRST_STATUTORY_YEAR`] on from
/// [`statutory_days_off`]; earlier years know no holidays.
pub fn is_day_off(date: Date) -> bool {
    match year(date.year()) {
        Some(y) => listed(y.days_off, date),
        None => statutory_days_off(date.year()).contains(&date),
    }
}

/// Whether `date` is a Saturday agencies work in exchange for a weekday off.
pub fn is_working_saturday(date: Date) -> bool {
    year(date.year()).is_some_and(|y| listed(y.working_saturdays, date))
}

fn listed(days: &[Day], date: Date) -> bool {
    days.iter()
        .any(|d| d.month == date.month() && d.day == date.day())
}

/// The weekdays a year is certainly closed without any announcement: 1 January, 30
/// April, 1 May and 2 September when they fall on a weekday, and, for each that falls on
/// a weekend, the next weekday not already off (Art. 111(3)). For 2 September on a
/// weekend this is a day off whichever adjacent day the Prime Minister picks; the
/// adjacent day itself is left out, since it is his choice. Empty before
/// [`FIRST_STATUTORY_YEAR`].
pub fn statutory_days_off(year: i32) -> Vec<Date> {
    if year < FIRST_STATUTORY_YEAR {
        return Vec::new();
    }
    let fixed = [(1, 1), (4, 30), (5, 1), (9, 2)].map(|(m, d)| Date::new(year, m, d));
    let mut off: Vec<Date> = fixed
        .iter()
        .flatten()
        .copied()
        .filter(|d| !d.is_weekend())
        .collect();
    for holiday in fixed.iter().flatten().filter(|d| d.is_weekend()) {
        let mut n = holiday.days_since_epoch();
        loop {
            n += 1;
            let Some(candidate) = Date::from_days_since_epoch(n) else {
                break;
            };
            if !candidate.is_weekend() && !off.contains(&candidate) {
                off.push(candidate);
                break;
            }
        }
    }
    off.sort();
    off
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("test date is real")
    }

    fn dates(y: &HolidayYear, days: &[Day]) -> Vec<Date> {
        days.iter()
            .map(|x| Date::new(y.year, x.month, x.day).expect("listed dates are real"))
            .collect()
    }

    #[test]
    fn the_list_is_well_formed() {
        assert!(YEARS.windows(2).all(|w| w[0].year < w[1].year));
        for y in YEARS {
            assert!(y.year >= FIRST_STATUTORY_YEAR);
            assert!(y.sources.iter().any(|s| s.contains("45/2019/QH14")));
            let off = dates(y, y.days_off);
            assert!(off.windows(2).all(|w| w[0] < w[1]), "{} in order", y.year);
            assert!(off.iter().all(|d| !d.is_weekend()), "{}: weekdays", y.year);
            let worked = dates(y, y.working_saturdays);
            assert!(
                worked.iter().all(|d| d.is_weekend()),
                "{}: weekends",
                y.year
            );
            // The statutory days are part of every year's list.
            for s in statutory_days_off(y.year) {
                assert!(off.contains(&s), "{}: {s} is missing", y.year);
            }
        }
    }

    #[test]
    fn an_announced_year_keeps_the_eleven_statutory_days() {
        for y in YEARS.iter().filter(|y| y.basis == Basis::Announced) {
            assert_eq!(
                y.days_off.len() - y.working_saturdays.len(),
                STATUTORY_DAYS,
                "{}",
                y.year
            );
            // An announced year names the notice beyond the law.
            assert!(y.sources.len() > 1);
        }
    }

    #[test]
    fn a_year_without_an_announcement_is_its_statutory_days() {
        let y = year(2027).expect("2027 is listed");
        assert_eq!(y.basis, Basis::StatutoryOnly);
        assert_eq!(dates(y, y.days_off), statutory_days_off(2027));
        // An unlisted year falls back to the same derivation.
        assert!(year(2028).is_none());
        // 2028: Sunday 30 April gives Tuesday 2 May, as Monday 1 May is a holiday itself.
        assert!(is_day_off(d(2028, 5, 1)));
        assert!(is_day_off(d(2028, 5, 2)));
        assert!(!is_day_off(d(2028, 5, 3)));
    }

    #[test]
    fn weekend_holidays_get_the_next_free_weekday() {
        // 2027: 1 May is a Saturday, so Monday 3 May.
        assert_eq!(
            statutory_days_off(2027),
            vec![d(2027, 1, 1), d(2027, 4, 30), d(2027, 5, 3), d(2027, 9, 2)]
        );
        // 2022: 1 January a Saturday (Monday 3 January); 30 April a Saturday and 1 May a
        // Sunday: Monday 2 May, then Tuesday 3 May, since the Monday is already taken.
        assert_eq!(
            statutory_days_off(2022),
            vec![d(2022, 1, 3), d(2022, 5, 2), d(2022, 5, 3), d(2022, 9, 2)]
        );
        assert!(statutory_days_off(2020).is_empty());
    }
}
