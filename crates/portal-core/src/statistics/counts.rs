//! Counts and what of them may be shown: the true [`Counts`] of a cell, the "< 5"
//! suppression ([`shown`]), shares ([`share`]) and the publishable [`ShownCounts`].

use std::fmt;
use std::ops::{Add, AddAssign};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text::Lang;

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
///   by their due date ([`decided_on_time`](super::decided_on_time)), `decided_late`
///   those decided after it (a service without a bound in working days has no due date:
///   its decisions are neither, and stay out of the on-time share);
/// - `still_open`: dossiers received but not decided at the end of the period (or today,
///   for the current period); `overdue_open` those of them past their due date
///   ([`is_overdue`](super::is_overdue));
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
    pub decided_late: u64,
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

    /// Share of the decisions that had a due date made by it.
    pub fn on_time_share(&self) -> Option<Share> {
        share(
            self.decided_on_time,
            self.decided_on_time.saturating_add(self.decided_late),
        )
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
            decided_late: shown(self.decided_late),
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

    fn fields_mut(&mut self) -> [&mut u64; 12] {
        [
            &mut self.received_online,
            &mut self.received_at_centre,
            &mut self.decided,
            &mut self.decided_on_time,
            &mut self.decided_late,
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
    pub(super) fn rank_value(self) -> u64 {
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
    pub decided_late: Shown,
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
    pub const CSV_HEADER: [&'static str; 17] = [
        "received",
        "received_online",
        "received_at_centre",
        "decided",
        "decided_on_time",
        "decided_late",
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
            self.decided_late,
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

#[cfg(test)]
mod tests {
    use super::*;

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
            decided_late: 0,
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
            decided_late: 5,
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
            decided_late: 1,
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
                decided_late: 2,
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
            decided_late: 1,
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
            decided_late: 1,
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
}
