//! Ranking the provinces on an indicator, from the published figures only.

use std::cmp::Ordering;
use std::fmt;

use super::counts::{shown, Counts, Share};

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

#[cfg(test)]
mod tests {
    use super::*;

    fn row(code: &str, decided: u64, decided_on_time: u64, received_online: u64) -> ProvinceRow {
        ProvinceRow {
            code: code.to_string(),
            counts: Counts {
                decided,
                decided_on_time,
                decided_late: decided - decided_on_time,
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
}
