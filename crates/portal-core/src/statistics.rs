//! The public service-delivery figures (issue #19): the pure rules behind the
//! `/statistics` page and its downloads.
//!
//! The server aggregates dossiers in the database into [`Counts`], one per cell (the
//! country, a province or a service, over a [`Period`]); this module turns them into what
//! may be published. Three rules hold throughout:
//!
//! - **On time** is judged against the due date printed on the receipt ("ngày hẹn trả"),
//!   counted with the shared working-day rule of [`crate::dossier`]: see
//!   [`decided_on_time`].
//! - **No personal data leaves in a figure**: a count of 1 to 4 dossiers is shown as
//!   "< 5" ([`shown`]), and so is a share computed over fewer than 5 dossiers ([`share`]).
//!   Shares are computed from the true counts first and suppressed afterwards; the true
//!   [`Counts`] cannot be serialized, only their [`ShownCounts`] can.
//! - **The seed's target**: every online service should average at least 10 online
//!   dossiers a year in each province, pro rata for shorter periods ([`target_for`]).
//!
//! Nothing here does I/O or reads a clock: "today" is always passed in.

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, AddAssign};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::catalogue::ProcessingTime;
use crate::dossier::{add_working_days, working_days_between};
use crate::text::Lang;
use crate::validators::date::{days_in_month, is_leap_year};
use crate::validators::Date;

// ---------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------

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
    /// target is scaled by it ([`target_for`]).
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

fn days_in_year(year: i32) -> u32 {
    if is_leap_year(year) {
        366
    } else {
        365
    }
}

/// Calendar days from `first` to `last`, both included; 0 when `last` is before `first`.
fn days_from_to(first: Date, last: Date) -> u32 {
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

// ---------------------------------------------------------------------------------------
// On time
// ---------------------------------------------------------------------------------------

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
/// receipt, which itself does not count. It is counted with the shared rule of
/// [`crate::dossier::add_working_days`], so it is the date the receipt shows.
///
/// That rule knows weekends but not yet public holidays (Tết, 30 April, 2 September …):
/// a period crossing one gets a due date a day or more early, so a dossier decided on
/// the real due date can be counted late. When the shared rule learns the holidays, this
/// follows without change.
pub fn due_date(received: Date, processing_working_days: u32) -> Date {
    add_working_days(received, processing_working_days)
}

/// Whether a dossier received on `received` and decided on `decided` was decided on
/// time for a service processed in `processing_working_days`.
///
/// - Decided on or before the due date ([`due_date`]): on time.
/// - Decided after it: late by the working days from the due date to the decision (a
///   decision due on a Friday and made on the next Monday is one working day late). A
///   decision made on a weekend day after the due date is late by at least one day: the
///   deadline has passed, even though no working day has.
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

// ---------------------------------------------------------------------------------------
// Counts and what of them may be shown
// ---------------------------------------------------------------------------------------

/// The fewest dossiers a published figure may count, other than none.
pub const FEWEST_SHOWN: u64 = 5;

/// The true counts of one cell (the country, a province or a service, over a period),
/// as the database aggregates them. They stay on the server: this type deliberately
/// cannot be serialized; publish [`Counts::shown`] instead.
///
/// What each field counts is for the query to honour:
/// - `received_online`, `received_at_centre`: dossiers received in the period, filed on
///   the portal or at a one-stop centre (bộ phận một cửa);
/// - `decided`: dossiers decided in the period; `decided_on_time` those of them decided
///   by their due date ([`decided_on_time`]);
/// - `still_open`: dossiers received but not decided at the end of the period (or today,
///   for the current period); `overdue_open` those of them past their due date
///   ([`is_overdue`]);
/// - `fee_due`: dossiers decided in the period that had a fee to pay; `paid_online`
///   those of them paid online;
/// - `satisfied`, `neutral`, `not_satisfied`: the ratings given to the decisions (one
///   per dossier at most).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Counts {
    pub received_online: u64,
    pub received_at_centre: u64,
    pub decided: u64,
    pub decided_on_time: u64,
    pub overdue_open: u64,
    pub still_open: u64,
    pub paid_online: u64,
    pub fee_due: u64,
    pub satisfied: u64,
    pub neutral: u64,
    pub not_satisfied: u64,
}

impl Counts {
    /// Dossiers received, online and at the centre.
    pub fn received(&self) -> u64 {
        self.received_online.saturating_add(self.received_at_centre)
    }

    /// Decisions rated, whatever the rating.
    pub fn rated(&self) -> u64 {
        self.satisfied
            .saturating_add(self.neutral)
            .saturating_add(self.not_satisfied)
    }

    /// Share of the dossiers received that were filed online.
    pub fn online_share(&self) -> Option<Share> {
        share(self.received_online, self.received())
    }

    /// Share of the decisions made by the due date.
    pub fn on_time_share(&self) -> Option<Share> {
        share(self.decided_on_time, self.decided)
    }

    /// Share of the dossiers with a fee that were paid online.
    pub fn paid_online_share(&self) -> Option<Share> {
        share(self.paid_online, self.fee_due)
    }

    /// Share of the ratings that are "satisfied".
    pub fn satisfaction_share(&self) -> Option<Share> {
        share(self.satisfied, self.rated())
    }

    /// What may be published of this cell: every count through [`shown`], every share
    /// computed from the true counts and then suppressed ([`share`]).
    pub fn shown(&self) -> ShownCounts {
        ShownCounts {
            received: shown(self.received()),
            received_online: shown(self.received_online),
            received_at_centre: shown(self.received_at_centre),
            decided: shown(self.decided),
            decided_on_time: shown(self.decided_on_time),
            overdue_open: shown(self.overdue_open),
            still_open: shown(self.still_open),
            paid_online: shown(self.paid_online),
            fee_due: shown(self.fee_due),
            satisfied: shown(self.satisfied),
            neutral: shown(self.neutral),
            not_satisfied: shown(self.not_satisfied),
            online_share: self.online_share(),
            on_time_share: self.on_time_share(),
            paid_online_share: self.paid_online_share(),
            satisfaction_share: self.satisfaction_share(),
        }
    }

    fn fields_mut(&mut self) -> [&mut u64; 11] {
        [
            &mut self.received_online,
            &mut self.received_at_centre,
            &mut self.decided,
            &mut self.decided_on_time,
            &mut self.overdue_open,
            &mut self.still_open,
            &mut self.paid_online,
            &mut self.fee_due,
            &mut self.satisfied,
            &mut self.neutral,
            &mut self.not_satisfied,
        ]
    }
}

impl AddAssign for Counts {
    /// Adds another cell's true counts field by field (e.g. provinces into the country).
    /// Always add true counts, then suppress: [`ShownCounts`] cannot be added.
    fn add_assign(&mut self, mut other: Counts) {
        for (mine, theirs) in self.fields_mut().into_iter().zip(other.fields_mut()) {
            *mine = mine.saturating_add(*theirs);
        }
    }
}

impl Add for Counts {
    type Output = Counts;

    fn add(mut self, other: Counts) -> Counts {
        self += other;
        self
    }
}

impl std::iter::Sum for Counts {
    fn sum<I: Iterator<Item = Counts>>(iter: I) -> Counts {
        iter.fold(Counts::default(), Add::add)
    }
}

/// A published count: the number itself, or "< 5" when it is 1 to 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shown {
    Count(u64),
    /// 1 to 4 dossiers; which, is not said.
    FewerThanFive,
}

/// The count as it may be published. No personal data leaves in a figure: a cell with 1
/// to 4 dossiers could point at the people behind them (the one birth registered in a
/// commune this month), so it shows "< 5". Zero stays 0, since it reveals nobody.
pub fn shown(n: u64) -> Shown {
    if (1..FEWEST_SHOWN).contains(&n) {
        Shown::FewerThanFive
    } else {
        Shown::Count(n)
    }
}

impl Shown {
    /// The number, when it is shown.
    pub fn count(self) -> Option<u64> {
        match self {
            Shown::Count(n) => Some(n),
            Shown::FewerThanFive => None,
        }
    }

    /// The value a ranking sorts on: 0, then "< 5" (between 0 and 5, all alike), then the
    /// count; so a row's place never reveals what "< 5" hides.
    fn rank_value(self) -> u64 {
        match self {
            Shown::Count(0) => 0,
            Shown::FewerThanFive => 1,
            Shown::Count(n) => n.saturating_add(1),
        }
    }
}

/// The text every suppressed cell shows, in both languages and in the downloads.
pub const FEWER_THAN_FIVE: &str = "< 5";

impl fmt::Display for Shown {
    /// `1234` or `< 5`, as in the CSV.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shown::Count(n) => write!(f, "{n}"),
            Shown::FewerThanFive => f.write_str(FEWER_THAN_FIVE),
        }
    }
}

impl Serialize for Shown {
    /// A JSON number, or the string `"< 5"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Shown::Count(n) => s.serialize_u64(*n),
            Shown::FewerThanFive => s.serialize_str(FEWER_THAN_FIVE),
        }
    }
}

impl<'de> Deserialize<'de> for Shown {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Wire::<u64>::deserialize(d)? {
            Wire::Number(n) => Ok(Shown::Count(n)),
            Wire::Text(t) if t == FEWER_THAN_FIVE => Ok(Shown::FewerThanFive),
            Wire::Text(t) => Err(serde::de::Error::custom(format!(
                "{t:?} is neither a count nor \"{FEWER_THAN_FIVE}\""
            ))),
        }
    }
}

/// A published figure on the wire: a number or a text.
#[derive(Deserialize)]
#[serde(untagged)]
enum Wire<N> {
    Number(N),
    Text(String),
}

/// A published share, in basis points (1/100 of a percent: 8735 is 87.35 %), or "< 5"
/// when it was computed over fewer than 5 dossiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Share {
    BasisPoints(u16),
    /// Computed over 1 to 4 dossiers: "< 5" here means fewer than 5 dossiers, not a
    /// percentage.
    FewerThanFive,
}

/// The basis points of a whole.
const WHOLE: u16 = 10_000;

/// The share `part` of `whole`, from the true counts: `None` when `whole` is 0 (there
/// is nothing to share), [`Share::FewerThanFive`] when `whole` is 1 to 4 (a share of so
/// few dossiers would tell who they are, see [`shown`]), otherwise rounded to the
/// nearest basis point. Rounding never says "all" or "none" when it is not so: 19,999
/// of 20,000 is 99.99 %, not 100 %, and 1 of 20,000 is 0.01 %, not 0 %. A part larger
/// than its whole (which a correct query never gives) is read as the whole.
pub fn share(part: u64, whole: u64) -> Option<Share> {
    if whole == 0 {
        return None;
    }
    if whole < FEWEST_SHOWN {
        return Some(Share::FewerThanFive);
    }
    let part = part.min(whole);
    let rounded =
        (u128::from(part) * u128::from(WHOLE) + u128::from(whole / 2)) / u128::from(whole);
    let bp = u16::try_from(rounded).unwrap_or(WHOLE);
    let bp = match part {
        0 => 0,
        p if p == whole => WHOLE,
        _ => bp.clamp(1, WHOLE - 1),
    };
    Some(Share::BasisPoints(bp))
}

impl Share {
    /// The basis points, when shown.
    pub fn basis_points(self) -> Option<u16> {
        match self {
            Share::BasisPoints(bp) => Some(bp),
            Share::FewerThanFive => None,
        }
    }

    /// As the page writes it: `87,35 %` in Vietnamese, `87.35%` in English, or `< 5`.
    pub fn text(self, lang: Lang) -> String {
        match (self, lang) {
            (Share::FewerThanFive, _) => FEWER_THAN_FIVE.to_string(),
            (Share::BasisPoints(_), Lang::Vi) => format!("{} %", self).replace('.', ","),
            (Share::BasisPoints(_), Lang::En) => format!("{self}%"),
        }
    }
}

impl fmt::Display for Share {
    /// The percentage with two decimals and a dot, without the sign (`87.35`), or `< 5`:
    /// the form of the CSV and the JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Share::BasisPoints(bp) => write!(f, "{}.{:02}", bp / 100, bp % 100),
            Share::FewerThanFive => f.write_str(FEWER_THAN_FIVE),
        }
    }
}

impl Serialize for Share {
    /// A JSON number, the percentage (`87.35`), or the string `"< 5"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Share::BasisPoints(bp) => s.serialize_f64(f64::from(*bp) / 100.0),
            Share::FewerThanFive => s.serialize_str(FEWER_THAN_FIVE),
        }
    }
}

impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Wire::<f64>::deserialize(d)? {
            Wire::Number(p) if (0.0..=100.0).contains(&p) => {
                Ok(Share::BasisPoints((p * 100.0).round() as u16))
            }
            Wire::Text(t) if t == FEWER_THAN_FIVE => Ok(Share::FewerThanFive),
            _ => Err(serde::de::Error::custom(format!(
                "a share is a percentage from 0 to 100 or \"{FEWER_THAN_FIVE}\""
            ))),
        }
    }
}

/// What may be published of one cell: [`Counts`] after suppression, with its shares
/// (each `None` when there was nothing to share). The JSON download and the page use
/// it; [`ShownCounts::CSV_HEADER`] and [`ShownCounts::csv_cells`] give the CSV the same
/// numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ShownCounts {
    pub received: Shown,
    pub received_online: Shown,
    pub received_at_centre: Shown,
    pub decided: Shown,
    pub decided_on_time: Shown,
    pub overdue_open: Shown,
    pub still_open: Shown,
    pub paid_online: Shown,
    pub fee_due: Shown,
    pub satisfied: Shown,
    pub neutral: Shown,
    pub not_satisfied: Shown,
    pub online_share: Option<Share>,
    pub on_time_share: Option<Share>,
    pub paid_online_share: Option<Share>,
    pub satisfaction_share: Option<Share>,
}

impl ShownCounts {
    /// The CSV columns of [`ShownCounts::csv_cells`], named as the JSON fields (shares in
    /// percent).
    pub const CSV_HEADER: [&'static str; 16] = [
        "received",
        "received_online",
        "received_at_centre",
        "decided",
        "decided_on_time",
        "overdue_open",
        "still_open",
        "paid_online",
        "fee_due",
        "satisfied",
        "neutral",
        "not_satisfied",
        "online_share",
        "on_time_share",
        "paid_online_share",
        "satisfaction_share",
    ];

    /// The cells of one CSV row, in the order of [`ShownCounts::CSV_HEADER`]; a share
    /// with nothing to share is an empty cell.
    pub fn csv_cells(&self) -> Vec<String> {
        let counts = [
            self.received,
            self.received_online,
            self.received_at_centre,
            self.decided,
            self.decided_on_time,
            self.overdue_open,
            self.still_open,
            self.paid_online,
            self.fee_due,
            self.satisfied,
            self.neutral,
            self.not_satisfied,
        ];
        let shares = [
            self.online_share,
            self.on_time_share,
            self.paid_online_share,
            self.satisfaction_share,
        ];
        counts
            .iter()
            .map(Shown::to_string)
            .chain(
                shares
                    .iter()
                    .map(|s| s.map(|s| s.to_string()).unwrap_or_default()),
            )
            .collect()
    }
}

// ---------------------------------------------------------------------------------------
// The seed's target
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------------------

/// An indicator the provinces can be ranked on. For each, more is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Indicator {
    OnTimeShare,
    OnlineShare,
    PaidOnlineShare,
    SatisfactionShare,
    ReceivedOnline,
}

impl Indicator {
    pub const ALL: [Indicator; 5] = [
        Indicator::OnTimeShare,
        Indicator::OnlineShare,
        Indicator::PaidOnlineShare,
        Indicator::SatisfactionShare,
        Indicator::ReceivedOnline,
    ];

    /// The word used in URLs (`?sort=on-time`).
    pub fn slug(self) -> &'static str {
        match self {
            Indicator::OnTimeShare => "on-time",
            Indicator::OnlineShare => "online",
            Indicator::PaidOnlineShare => "paid-online",
            Indicator::SatisfactionShare => "satisfaction",
            Indicator::ReceivedOnline => "received-online",
        }
    }

    /// The indicator of a URL word; anything unknown is `None`.
    pub fn from_slug(slug: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.slug() == slug)
    }

    /// The value a ranking sorts on, taken from what is published, never from the true
    /// counts; `None` when nothing is shown (no dossiers, or a share of fewer than 5).
    fn rank_value(self, counts: &Counts) -> Option<u64> {
        let of_share = |s: Option<Share>| s.and_then(Share::basis_points).map(u64::from);
        match self {
            Indicator::OnTimeShare => of_share(counts.on_time_share()),
            Indicator::OnlineShare => of_share(counts.online_share()),
            Indicator::PaidOnlineShare => of_share(counts.paid_online_share()),
            Indicator::SatisfactionShare => of_share(counts.satisfaction_share()),
            Indicator::ReceivedOnline => Some(shown(counts.received_online).rank_value()),
        }
    }
}

impl fmt::Display for Indicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// One province's line of the ranking: its code (two digits) and its true counts, which
/// stay on the server like every [`Counts`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvinceRow {
    pub code: String,
    pub counts: Counts,
}

/// Sorts the provinces on `by`, highest first when `descending`. The order is that of
/// the published figures, so a row's place never reveals a hidden one: shares over
/// fewer than 5 dossiers and provinces with nothing to share come last in either
/// direction, and counts shown as "< 5" sit together between 0 and 5. Ties, including
/// those rows, are broken by province code, ascending, so the order is the same on
/// every request.
pub fn rank(rows: &mut [ProvinceRow], by: Indicator, descending: bool) {
    rows.sort_by(|a, b| {
        let (x, y) = (by.rank_value(&a.counts), by.rank_value(&b.counts));
        let order = match (x, y) {
            (Some(x), Some(y)) if descending => y.cmp(&x),
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        order.then_with(|| a.code.cmp(&b.code))
    });
}

/// Each row's place on `by` (1 for the best), in the order of `rows`: rows with the same
/// published value share a place and the next place skips (1, 2, 2, 4); a row with
/// nothing shown has no place.
pub fn places(rows: &[ProvinceRow], by: Indicator) -> Vec<Option<usize>> {
    let values: Vec<Option<u64>> = rows.iter().map(|r| by.rank_value(&r.counts)).collect();
    values
        .iter()
        .map(|v| v.map(|v| 1 + values.iter().flatten().filter(|&&o| o > v).count()))
        .collect()
}

// ---------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------

/// A table as CSV (RFC 4180): the header, then one line per row, every line ending in
/// CRLF. A field containing a comma, a double quote, a CR or an LF is put in double
/// quotes, with the quotes inside doubled. A field starting with `=`, `+`, `-`, `@`, a
/// tab or a CR gets a leading apostrophe first, so a spreadsheet opening the file shows
/// it as text instead of running it as a formula (CSV injection); the figures here are
/// never negative, so no number is touched.
///
/// The text is UTF-8 without a byte-order mark; whoever serves it decides on one.
pub fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    csv_line(&mut out, header.iter().copied());
    for row in rows {
        csv_line(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn csv_line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, cell);
    }
    out.push_str("\r\n");
}

fn csv_field(out: &mut String, cell: &str) {
    let defused = starts_like_a_formula(cell);
    let quoted = cell.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if defused {
        out.push('\'');
    }
    if quoted {
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// Whether a spreadsheet could read the cell as a formula.
fn starts_like_a_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
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

    // --- Periods ---------------------------------------------------------------------

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

    // --- On time ---------------------------------------------------------------------

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
    fn a_holiday_in_between_follows_the_shared_rule() {
        // National Day, Wednesday 2 September 2026, is a day off. Received Friday 28
        // August, 3 working days: with the holiday the due date would be Thursday 3
        // September (later still if 1 September is off too). The shared rule of
        // `dossier` does not know holidays yet, so it gives Wednesday 2 September, and
        // the statistics must give the same date as the receipt. When the shared rule
        // learns the holidays, the expected date here moves and the decision on the 3rd
        // turns on time.
        let received = d(2026, 8, 28);
        assert_eq!(due_date(received, 3), add_working_days(received, 3));
        assert_eq!(due_date(received, 3), d(2026, 9, 2));
        assert_eq!(
            decided_on_time(received, d(2026, 9, 3), 3),
            Timeliness::Late { working_days: 1 }
        );
    }

    #[test]
    fn the_due_date_is_the_receipts() {
        // The receipt computes its date with `Date::add_working_days`; both rules must
        // agree on every day, across weekends, month, year and leap-day boundaries.
        let start = d(2023, 12, 1);
        for offset in 0..500 {
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

    // --- Counts and suppression ------------------------------------------------------

    #[test]
    fn counts_of_one_to_four_are_shown_as_fewer_than_five() {
        assert_eq!(shown(0), Shown::Count(0));
        for n in 1..=4 {
            assert_eq!(shown(n), Shown::FewerThanFive, "{n}");
        }
        assert_eq!(shown(5), Shown::Count(5));
        assert_eq!(shown(u64::MAX), Shown::Count(u64::MAX));
        assert_eq!(shown(3).to_string(), "< 5");
        assert_eq!(shown(0).to_string(), "0");
        assert_eq!(shown(1234).to_string(), "1234");
        assert_eq!(shown(3).count(), None);
        assert_eq!(shown(7).count(), Some(7));
    }

    #[test]
    fn shares_need_five_dossiers() {
        assert_eq!(share(0, 0), None);
        for whole in 1..=4 {
            for part in 0..=whole {
                assert_eq!(
                    share(part, whole),
                    Some(Share::FewerThanFive),
                    "{part}/{whole}"
                );
            }
        }
        assert_eq!(share(4, 5), Some(Share::BasisPoints(8000)));
        assert_eq!(share(0, 5), Some(Share::BasisPoints(0)));
        assert_eq!(share(5, 5), Some(Share::BasisPoints(10_000)));
    }

    #[test]
    fn shares_round_to_the_nearest_basis_point() {
        assert_eq!(share(2, 3 * 5), Some(Share::BasisPoints(1333)));
        assert_eq!(share(10, 15), Some(Share::BasisPoints(6667)));
        assert_eq!(share(1, 8), Some(Share::BasisPoints(1250)));
        assert_eq!(share(1, 20_000), Some(Share::BasisPoints(1))); // 0.5 rounds up
    }

    #[test]
    fn shares_never_round_to_all_or_none() {
        assert_eq!(share(19_999, 20_000), Some(Share::BasisPoints(9999)));
        assert_eq!(share(999_999, 1_000_000), Some(Share::BasisPoints(9999)));
        assert_eq!(share(1, 1_000_000), Some(Share::BasisPoints(1)));
        assert_eq!(share(u64::MAX, u64::MAX), Some(Share::BasisPoints(10_000)));
        assert_eq!(
            share(u64::MAX - 1, u64::MAX),
            Some(Share::BasisPoints(9999))
        );
        // A part larger than its whole is read as the whole.
        assert_eq!(share(9, 6), Some(Share::BasisPoints(10_000)));
    }

    #[test]
    fn shares_are_written_per_language() {
        let s = Share::BasisPoints(8735);
        assert_eq!(s.to_string(), "87.35");
        assert_eq!(s.text(Lang::Vi), "87,35 %");
        assert_eq!(s.text(Lang::En), "87.35%");
        assert_eq!(Share::BasisPoints(5).to_string(), "0.05");
        assert_eq!(Share::BasisPoints(10_000).to_string(), "100.00");
        assert_eq!(Share::FewerThanFive.text(Lang::En), "< 5");
        assert_eq!(Share::FewerThanFive.basis_points(), None);
    }

    #[test]
    fn shares_come_from_the_true_counts_then_are_suppressed() {
        // 3 of 7 filed online: both counts alone would be "< 5" and 7; the share is
        // computed from 3 and 7 (42.86 %), never from "< 5".
        let c = Counts {
            received_online: 3,
            received_at_centre: 4,
            ..Counts::default()
        };
        let s = c.shown();
        assert_eq!(s.received_online, Shown::FewerThanFive);
        assert_eq!(s.received_at_centre, Shown::FewerThanFive);
        assert_eq!(s.received, Shown::Count(7));
        assert_eq!(s.online_share, Some(Share::BasisPoints(4286)));
        // A share over fewer than five dossiers is suppressed even when it is 100 %.
        let few = Counts {
            decided: 4,
            decided_on_time: 4,
            ..Counts::default()
        };
        assert_eq!(few.shown().on_time_share, Some(Share::FewerThanFive));
        assert_eq!(few.shown().satisfaction_share, None);
    }

    #[test]
    fn every_share_of_a_cell() {
        let c = Counts {
            received_online: 80,
            received_at_centre: 20,
            decided: 50,
            decided_on_time: 45,
            overdue_open: 2,
            still_open: 40,
            paid_online: 9,
            fee_due: 12,
            satisfied: 6,
            neutral: 2,
            not_satisfied: 2,
        };
        assert_eq!(c.received(), 100);
        assert_eq!(c.rated(), 10);
        assert_eq!(c.online_share(), Some(Share::BasisPoints(8000)));
        assert_eq!(c.on_time_share(), Some(Share::BasisPoints(9000)));
        assert_eq!(c.paid_online_share(), Some(Share::BasisPoints(7500)));
        assert_eq!(c.satisfaction_share(), Some(Share::BasisPoints(6000)));
        let s = c.shown();
        assert_eq!(s.overdue_open, Shown::FewerThanFive);
        assert_eq!(s.neutral, Shown::FewerThanFive);
        assert_eq!(s.still_open, Shown::Count(40));
    }

    #[test]
    fn cells_are_added_before_they_are_suppressed() {
        // Three provinces with 2 online dossiers each: each shows "< 5", the country 6.
        let province = Counts {
            received_online: 2,
            decided: 2,
            decided_on_time: 1,
            ..Counts::default()
        };
        assert_eq!(province.shown().received_online, Shown::FewerThanFive);
        let country: Counts = std::iter::repeat_n(province, 3).sum();
        assert_eq!(country.received_online, 6);
        assert_eq!(country.shown().received_online, Shown::Count(6));
        assert_eq!(
            country.shown().on_time_share,
            Some(Share::BasisPoints(5000))
        );
        assert_eq!(
            province + province,
            Counts {
                received_online: 4,
                decided: 4,
                decided_on_time: 2,
                ..Counts::default()
            }
        );
    }

    #[test]
    fn shown_figures_travel_as_numbers_or_fewer_than_five() {
        let c = Counts {
            received_online: 3,
            received_at_centre: 17,
            decided: 8,
            decided_on_time: 7,
            ..Counts::default()
        };
        let json = serde_json::to_value(c.shown()).unwrap();
        assert_eq!(json["received"], 20);
        assert_eq!(json["received_online"], "< 5");
        assert_eq!(json["received_at_centre"], 17);
        assert_eq!(json["satisfied"], 0);
        assert_eq!(json["online_share"], 15.0);
        assert_eq!(json["on_time_share"], 87.5);
        assert_eq!(json["satisfaction_share"], serde_json::Value::Null);
        let back: ShownCounts = serde_json::from_value(json).unwrap();
        assert_eq!(back, c.shown());
        assert!(serde_json::from_str::<Shown>("\"3\"").is_err());
        assert!(serde_json::from_str::<Share>("100.5").is_err());
        assert_eq!(
            serde_json::from_str::<Share>("87.35").unwrap(),
            Share::BasisPoints(8735)
        );
    }

    #[test]
    fn csv_cells_carry_the_same_numbers() {
        let c = Counts {
            received_online: 3,
            received_at_centre: 17,
            decided: 8,
            decided_on_time: 7,
            ..Counts::default()
        };
        let cells = c.shown().csv_cells();
        assert_eq!(cells.len(), ShownCounts::CSV_HEADER.len());
        let cell = |name: &str| {
            let i = ShownCounts::CSV_HEADER
                .iter()
                .position(|h| *h == name)
                .unwrap();
            cells[i].as_str()
        };
        assert_eq!(cell("received"), "20");
        assert_eq!(cell("received_online"), "< 5");
        assert_eq!(cell("on_time_share"), "87.50");
        assert_eq!(cell("online_share"), "15.00");
        assert_eq!(cell("satisfaction_share"), "");
        let json = serde_json::to_value(c.shown()).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        for h in ShownCounts::CSV_HEADER {
            assert!(keys.iter().any(|k| *k == h), "{h} is a JSON field");
        }
    }

    // --- The seed's target -----------------------------------------------------------

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

    // --- Ranking ---------------------------------------------------------------------

    fn row(code: &str, decided: u64, decided_on_time: u64, received_online: u64) -> ProvinceRow {
        ProvinceRow {
            code: code.to_string(),
            counts: Counts {
                decided,
                decided_on_time,
                received_online,
                ..Counts::default()
            },
        }
    }

    fn order(rows: &[ProvinceRow]) -> Vec<&str> {
        rows.iter().map(|r| r.code.as_str()).collect()
    }

    #[test]
    fn ranking_sorts_both_ways_with_ties_by_code() {
        let mut rows = vec![
            row("33", 10, 5, 0),  // 50 %
            row("01", 10, 9, 0),  // 90 %
            row("12", 20, 10, 0), // 50 %
            row("04", 10, 10, 0), // 100 %
        ];
        rank(&mut rows, Indicator::OnTimeShare, true);
        assert_eq!(order(&rows), ["04", "01", "12", "33"]);
        rank(&mut rows, Indicator::OnTimeShare, false);
        assert_eq!(order(&rows), ["12", "33", "01", "04"]);
    }

    #[test]
    fn rows_with_a_hidden_or_no_share_come_last_either_way() {
        let mut rows = vec![
            row("20", 0, 0, 0),  // nothing decided
            row("05", 3, 3, 0),  // 100 % of 3: hidden
            row("09", 10, 1, 0), // 10 %
            row("02", 10, 8, 0), // 80 %
        ];
        rank(&mut rows, Indicator::OnTimeShare, true);
        assert_eq!(order(&rows), ["02", "09", "05", "20"]);
        rank(&mut rows, Indicator::OnTimeShare, false);
        assert_eq!(order(&rows), ["09", "02", "05", "20"]);
    }

    #[test]
    fn counts_shown_as_fewer_than_five_rank_together() {
        let mut rows = vec![
            row("40", 0, 0, 4),
            row("03", 0, 0, 1),
            row("22", 0, 0, 0),
            row("31", 0, 0, 5),
            row("17", 0, 0, 2),
        ];
        rank(&mut rows, Indicator::ReceivedOnline, true);
        // 1, 2 and 4 are all "< 5": ordered by code, not by the hidden count.
        assert_eq!(order(&rows), ["31", "03", "17", "40", "22"]);
        rank(&mut rows, Indicator::ReceivedOnline, false);
        assert_eq!(order(&rows), ["22", "03", "17", "40", "31"]);
    }

    #[test]
    fn places_share_ties_and_skip() {
        let rows = vec![
            row("01", 10, 9, 0),
            row("02", 10, 5, 0),
            row("03", 10, 9, 0),
            row("04", 2, 2, 0),
            row("05", 10, 10, 0),
        ];
        assert_eq!(
            places(&rows, Indicator::OnTimeShare),
            vec![Some(2), Some(4), Some(2), None, Some(1)]
        );
    }

    #[test]
    fn every_indicator_ranks_on_its_own_figure() {
        let mk = |code: &str, counts: Counts| ProvinceRow {
            code: code.into(),
            counts,
        };
        let a = Counts {
            received_online: 90,
            received_at_centre: 10,
            paid_online: 1,
            fee_due: 10,
            satisfied: 9,
            neutral: 1,
            ..Counts::default()
        };
        let b = Counts {
            received_online: 10,
            received_at_centre: 10,
            paid_online: 9,
            fee_due: 10,
            satisfied: 1,
            not_satisfied: 9,
            ..Counts::default()
        };
        let first = |by| {
            let mut rows = vec![mk("01", a), mk("02", b)];
            rank(&mut rows, by, true);
            rows[0].code.clone()
        };
        assert_eq!(first(Indicator::OnlineShare), "01");
        assert_eq!(first(Indicator::PaidOnlineShare), "02");
        assert_eq!(first(Indicator::SatisfactionShare), "01");
        assert_eq!(first(Indicator::ReceivedOnline), "01");
    }

    #[test]
    fn indicator_slugs_round_trip() {
        for i in Indicator::ALL {
            assert_eq!(Indicator::from_slug(i.slug()), Some(i));
            assert_eq!(i.to_string(), i.slug());
        }
        assert_eq!(
            Indicator::from_slug("on-time"),
            Some(Indicator::OnTimeShare)
        );
        assert_eq!(Indicator::from_slug("On-Time"), None);
        assert_eq!(Indicator::from_slug(""), None);
    }

    // --- CSV -------------------------------------------------------------------------

    fn one_cell(cell: &str) -> String {
        let csv = to_csv(&["h"], &[vec![cell.to_string()]]);
        csv.strip_prefix("h\r\n")
            .and_then(|rest| rest.strip_suffix("\r\n"))
            .expect("one line after the header")
            .to_string()
    }

    #[test]
    fn csv_lines_end_in_crlf() {
        let csv = to_csv(
            &["province", "received"],
            &[
                vec!["Hà Nội".into(), "120".into()],
                vec!["Cao Bằng".into(), "< 5".into()],
            ],
        );
        assert_eq!(csv, "province,received\r\nHà Nội,120\r\nCao Bằng,< 5\r\n");
        assert_eq!(to_csv(&["a"], &[]), "a\r\n");
        assert_eq!(
            to_csv(&["a", "b"], &[vec!["".into(), "".into()]]),
            "a,b\r\n,\r\n"
        );
    }

    #[test]
    fn csv_quotes_a_field_with_a_comma() {
        assert_eq!(one_cell("Huế, Thừa Thiên"), "\"Huế, Thừa Thiên\"");
    }

    #[test]
    fn csv_doubles_quotes_inside_a_quoted_field() {
        assert_eq!(
            one_cell("the \"one-stop\" centre"),
            "\"the \"\"one-stop\"\" centre\""
        );
        assert_eq!(one_cell("\""), "\"\"\"\"");
    }

    #[test]
    fn csv_quotes_a_field_with_a_line_break() {
        assert_eq!(one_cell("a\nb"), "\"a\nb\"");
        assert_eq!(one_cell("a\r\nb"), "\"a\r\nb\"");
        assert_eq!(one_cell("a\rb"), "\"a\rb\"");
    }

    #[test]
    fn csv_leaves_plain_fields_alone() {
        for plain in [
            "0",
            "1234",
            "87.35",
            "< 5",
            "Đắk Lắk",
            "2026-q4",
            "a b",
            "x=1",
            "a-b",
        ] {
            assert_eq!(one_cell(plain), plain);
        }
    }

    #[test]
    fn csv_defuses_a_field_starting_with_equals() {
        assert_eq!(one_cell("=1+1"), "'=1+1");
        assert_eq!(
            one_cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
    }

    #[test]
    fn csv_defuses_a_field_starting_with_plus() {
        assert_eq!(one_cell("+84 912"), "'+84 912");
    }

    #[test]
    fn csv_defuses_a_field_starting_with_minus() {
        assert_eq!(one_cell("-2+3"), "'-2+3");
    }

    #[test]
    fn csv_defuses_a_field_starting_with_at() {
        assert_eq!(one_cell("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn csv_defuses_a_field_starting_with_a_tab() {
        assert_eq!(one_cell("\t=1"), "'\t=1");
    }

    #[test]
    fn csv_defuses_a_field_starting_with_a_carriage_return() {
        assert_eq!(one_cell("\r=1"), "\"'\r=1\"");
    }

    #[test]
    fn csv_defuses_and_quotes_a_formula_with_a_comma() {
        assert_eq!(one_cell("=SUM(1,2)"), "\"'=SUM(1,2)\"");
    }

    #[test]
    fn csv_defuses_the_header_too() {
        assert_eq!(to_csv(&["=x", "ok"], &[]), "'=x,ok\r\n");
    }
}
