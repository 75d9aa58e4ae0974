//! The geometry and wording of the statistics page's charts: figures written as each
//! language writes them, "nice" axis ticks, the rectangles of grouped bars and the points
//! of a share's line. Pure, so every number a chart draws is tested here; the components
//! only turn these into SVG.
//!
//! A suppressed count ("< 5") is never drawn as a bar of any height, which would suggest
//! a value: it gets a [`Mark::Suppressed`] marker on the baseline instead, and a share
//! that is not shown breaks the line.

use super::counts::{Share, Shown, ShownCounts, FEWER_THAN_FIVE};
use super::period::Period;
use crate::text::Lang;

/// What a share with nothing to share (no dossiers) shows; the page explains it.
pub const NOTHING: &str = "—";

/// `n` with the language's thousands separator: `12.345` in Vietnamese, `12,345` in
/// English.
pub fn count_text(n: u64, lang: Lang) -> String {
    crate::form::messages::number(i64::try_from(n).unwrap_or(i64::MAX), lang)
}

/// A published count as the page writes it: the number, or `< 5`.
pub fn shown_text(shown: Shown, lang: Lang) -> String {
    match shown {
        Shown::Count(n) => count_text(n, lang),
        Shown::FewerThanFive => FEWER_THAN_FIVE.to_string(),
    }
}

/// A published share as the page writes it: `87,35 %`, `87.35%`, `< 5`, or [`NOTHING`]
/// when there was nothing to share.
pub fn share_text(share: Option<Share>, lang: Lang) -> String {
    share.map_or_else(|| NOTHING.to_string(), |s| s.text(lang))
}

/// The seed's target (a pro-rata number of dossiers) to one decimal, with the
/// language's decimal mark: `2,5` in Vietnamese, `2.5` in English; `10` when whole.
pub fn target_text(target: f64, lang: Lang) -> String {
    let tenths = (target.max(0.0) * 10.0).round() as u64;
    let whole = count_text(tenths / 10, lang);
    match (tenths % 10, lang) {
        (0, _) => whole,
        (d, Lang::Vi) => format!("{whole},{d}"),
        (d, Lang::En) => format!("{whole}.{d}"),
    }
}

/// Whether a selection counted no dossier at all (none received, decided or open): the
/// page then says so rather than drawing empty charts.
pub fn nothing_counted(totals: &ShownCounts) -> bool {
    [totals.received, totals.decided, totals.still_open]
        .iter()
        .all(|s| *s == Shown::Count(0))
}

/// A whole percentage for an axis: `50 %` in Vietnamese, `50%` in English.
pub fn percent_text(percent: u64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{percent} %"),
        Lang::En => format!("{percent}%"),
    }
}

/// A period as the page names it: `Tháng 11/2026`, `Quý 4/2026`, `Năm 2026` in
/// Vietnamese; `November 2026`, `Q4 2026`, `2026` in English.
pub fn period_text(period: &Period, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let year = period.calendar_year();
    let first = period.first_day().month();
    match (period, lang) {
        (Period::Month { .. }, Lang::Vi) => format!("Tháng {first}/{year}"),
        (Period::Month { .. }, Lang::En) => {
            format!("{} {year}", MONTHS[usize::from(first.clamp(1, 12) - 1)])
        }
        (Period::Quarter { .. }, Lang::Vi) => format!("Quý {}/{year}", first.div_ceil(3)),
        (Period::Quarter { .. }, Lang::En) => format!("Q{} {year}", first.div_ceil(3)),
        (Period::Year(_), Lang::Vi) => format!("Năm {year}"),
        (Period::Year(_), Lang::En) => year.to_string(),
    }
}

/// The months of a series as a chart's axis writes them, short enough for twelve side
/// by side on a phone: `T11` in Vietnamese, `Nov` in English; with the year as a second
/// line under the first month and under each January.
pub fn month_axis_labels(months: &[Period], lang: Lang) -> Vec<(String, Option<String>)> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    months
        .iter()
        .enumerate()
        .map(|(i, period)| {
            let month = period.first_day().month().clamp(1, 12);
            let label = match lang {
                Lang::Vi => format!("T{month}"),
                Lang::En => MONTHS[usize::from(month - 1)].to_string(),
            };
            let year = (i == 0 || month == 1).then(|| period.calendar_year().to_string());
            (label, year)
        })
        .collect()
}

/// Axis values from 0 up to the first at or above `max`, a "nice" step apart (1, 2 or 5
/// times a power of ten) and at most `most` steps (at least 1): `nice_ticks(87, 5)` is
/// 0, 20, 40, 60, 80, 100. With nothing to show (`max` 0) the axis still goes 0 to 1.
pub fn nice_ticks(max: u64, most: u32) -> Vec<u64> {
    let most = u64::from(most.max(1));
    let max = max.max(1);
    let mut power: u64 = 1;
    let step = loop {
        let found = [1u64, 2, 5]
            .into_iter()
            .map(|m| m.saturating_mul(power))
            .find(|&s| max.div_ceil(s) <= most);
        if let Some(step) = found {
            break step;
        }
        match power.checked_mul(10) {
            Some(p) => power = p,
            None => break u64::MAX / most,
        }
    };
    let top = max.div_ceil(step).saturating_mul(step);
    (0..=top / step).map(|i| i * step).collect()
}

/// The drawing area of a chart, in SVG user units: the whole box and the margins kept
/// for the axis labels around the plot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    /// The frame both of the page's charts use: the `viewBox` scales it to the screen.
    pub const PAGE: Frame = Frame {
        width: 640.0,
        height: 260.0,
        left: 76.0,
        right: 12.0,
        top: 12.0,
        bottom: 40.0,
    };

    pub fn plot_width(&self) -> f64 {
        (self.width - self.left - self.right).max(0.0)
    }

    pub fn plot_height(&self) -> f64 {
        (self.height - self.top - self.bottom).max(0.0)
    }

    /// The y of the value 0.
    pub fn baseline(&self) -> f64 {
        self.top + self.plot_height()
    }

    /// The y of `value` on an axis going from 0 to `top`.
    pub fn y(&self, value: f64, top: f64) -> f64 {
        let ratio = if top > 0.0 {
            (value / top).clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.baseline() - ratio * self.plot_height()
    }

    /// The centre of slot `i` of `n` equal slots across the plot (the months).
    pub fn slot_centre(&self, i: usize, n: usize) -> f64 {
        let slot = self.plot_width() / n.max(1) as f64;
        self.left + slot * (i as f64 + 0.5)
    }
}

/// A horizontal gridline: its value and where it is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    pub value: u64,
    pub y: f64,
}

/// Height of the marker a suppressed count gets: small and the same for every one, so it
/// says "there is something here" and nothing about how much.
pub const SUPPRESSED_HEIGHT: f64 = 6.0;

/// One series' mark in a group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    /// A bar for a shown count (0 gives a bar of height 0, drawn as nothing).
    Bar {
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        value: u64,
    },
    /// A "< 5": a marker on the baseline, to be drawn hatched.
    Suppressed { x: f64, y: f64, width: f64 },
}

/// Grouped bars: the axis and each group's marks, one per series.
#[derive(Debug, Clone, PartialEq)]
pub struct Bars {
    pub ticks: Vec<Tick>,
    /// Per group, its centre (for the label under it) and its marks in series order.
    pub groups: Vec<(f64, Vec<Mark>)>,
}

/// Lays out `groups` (e.g. months), each with one value per series (e.g. received online
/// and decided), as side-by-side bars in `frame` over an axis of at most `most_ticks`
/// steps.
pub fn grouped_bars(frame: &Frame, groups: &[Vec<Shown>], most_ticks: u32) -> Bars {
    let max = groups
        .iter()
        .flatten()
        .filter_map(|s| s.count())
        .max()
        .unwrap_or(0);
    let values = nice_ticks(max, most_ticks);
    let top = values.last().copied().unwrap_or(1) as f64;
    let ticks = values
        .iter()
        .map(|&value| Tick {
            value,
            y: frame.y(value as f64, top),
        })
        .collect();
    let slot = frame.plot_width() / groups.len().max(1) as f64;
    let series = groups.iter().map(Vec::len).max().unwrap_or(1).max(1);
    // A fifth of each slot is left as the gap between groups.
    let bar_width = slot * 0.8 / series as f64;
    let groups = groups
        .iter()
        .enumerate()
        .map(|(i, values)| {
            let centre = frame.slot_centre(i, groups.len());
            let first = centre - bar_width * values.len() as f64 / 2.0;
            let marks = values
                .iter()
                .enumerate()
                .map(|(j, shown)| {
                    let x = first + bar_width * j as f64;
                    match shown {
                        Shown::Count(n) => {
                            let y = frame.y(*n as f64, top);
                            Mark::Bar {
                                x,
                                y,
                                width: bar_width,
                                height: frame.baseline() - y,
                                value: *n,
                            }
                        }
                        Shown::FewerThanFive => Mark::Suppressed {
                            x,
                            y: frame.baseline() - SUPPRESSED_HEIGHT,
                            width: bar_width,
                        },
                    }
                })
                .collect();
            (centre, marks)
        })
        .collect();
    Bars { ticks, groups }
}

impl Bars {
    /// Each series' bars as one SVG path (`d`), in series order: one element per series
    /// rather than one per bar. Bars of height 0 draw nothing.
    pub fn series_paths(&self) -> Vec<String> {
        let series = self.groups.iter().map(|(_, m)| m.len()).max().unwrap_or(0);
        (0..series)
            .map(|s| {
                self.groups
                    .iter()
                    .filter_map(|(_, marks)| match marks.get(s) {
                        Some(&Mark::Bar {
                            x,
                            y,
                            width,
                            height,
                            ..
                        }) if height > 0.0 => Some(rect_path(x, y, width, height)),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    /// Every "< 5" marker as one SVG path, empty when there is none.
    pub fn suppressed_path(&self) -> String {
        self.groups
            .iter()
            .flat_map(|(_, marks)| marks)
            .filter_map(|m| match *m {
                Mark::Suppressed { x, y, width } => Some(rect_path(x, y, width, SUPPRESSED_HEIGHT)),
                Mark::Bar { .. } => None,
            })
            .collect()
    }
}

/// A rectangle as a path: `M10 20h5v30h-5Z`.
fn rect_path(x: f64, y: f64, width: f64, height: f64) -> String {
    format!(
        "M{} {}h{}v{}h-{}Z",
        coord(x),
        coord(y),
        coord(width),
        coord(height),
        coord(width)
    )
}

/// The horizontal gridlines at `ticks` across the plot, as one SVG path.
pub fn grid_path(frame: &Frame, ticks: &[Tick]) -> String {
    ticks
        .iter()
        .map(|t| {
            format!(
                "M{} {}H{}",
                coord(frame.left),
                coord(t.y),
                coord(frame.width - frame.right)
            )
        })
        .collect()
}

/// The baseline (the value 0) across the plot, as an SVG path.
pub fn baseline_path(frame: &Frame) -> String {
    grid_path(
        frame,
        &[Tick {
            value: 0,
            y: frame.baseline(),
        }],
    )
}

/// A share over time: the axis in whole percent and the points, `None` where the share
/// is not shown (so the line breaks there).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Values in percent.
    pub ticks: Vec<Tick>,
    pub points: Vec<Option<(f64, f64)>>,
}

impl Line {
    /// A dot of radius `r` on every shown point, as one SVG path (two half circles each).
    pub fn dots_path(&self, r: f64) -> String {
        let (radius, across) = (coord(r), coord(2.0 * r));
        self.points
            .iter()
            .flatten()
            .map(|&(x, y)| {
                format!(
                    "M{} {}a{radius} {radius} 0 1 0 {across} 0a{radius} {radius} 0 1 0 -{across} 0Z",
                    coord(x - r),
                    coord(y)
                )
            })
            .collect()
    }

    /// The runs of consecutive shown points, each as an SVG `points` attribute
    /// (`x,y x,y …`); a run of one point is left to its dot.
    pub fn polylines(&self) -> Vec<String> {
        self.points
            .split(Option::is_none)
            .filter(|run| run.len() > 1)
            .map(|run| {
                run.iter()
                    .flatten()
                    .map(|&(x, y)| format!("{},{}", coord(x), coord(y)))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }
}

/// Lays out `shares` (one per slot, as [`Frame::slot_centre`] places the bars) on an
/// axis from 0 to 100 %.
pub fn share_line(frame: &Frame, shares: &[Option<Share>]) -> Line {
    let ticks = (0..=4)
        .map(|i| Tick {
            value: i * 25,
            y: frame.y((i * 25) as f64, 100.0),
        })
        .collect();
    let points = shares
        .iter()
        .enumerate()
        .map(|(i, share)| {
            let bp = share.and_then(Share::basis_points)?;
            Some((
                frame.slot_centre(i, shares.len()),
                frame.y(f64::from(bp) / 100.0, 100.0),
            ))
        })
        .collect();
    Line { ticks, points }
}

/// A coordinate for an SVG attribute, to a tenth of a unit (`12.5`, `40`). Written with
/// integers: formatting floats would add kilobytes of code to the browser's bundle.
pub fn coord(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    match tenth {
        0 => format!("{sign}{whole}"),
        d => format!("{sign}{whole}.{d}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Frame = Frame {
        width: 120.0,
        height: 120.0,
        left: 10.0,
        right: 10.0,
        top: 10.0,
        bottom: 10.0,
    };

    #[test]
    fn figures_are_written_as_each_language_writes_them() {
        assert_eq!(count_text(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(count_text(1_234_567, Lang::En), "1,234,567");
        assert_eq!(count_text(999, Lang::Vi), "999");
        assert_eq!(shown_text(Shown::Count(12_345), Lang::Vi), "12.345");
        assert_eq!(shown_text(Shown::FewerThanFive, Lang::Vi), "< 5");
        assert_eq!(shown_text(Shown::FewerThanFive, Lang::En), "< 5");
        assert_eq!(
            share_text(Some(Share::BasisPoints(8735)), Lang::Vi),
            "87,35 %"
        );
        assert_eq!(
            share_text(Some(Share::BasisPoints(8735)), Lang::En),
            "87.35%"
        );
        assert_eq!(share_text(Some(Share::FewerThanFive), Lang::En), "< 5");
        assert_eq!(share_text(None, Lang::Vi), "—");
        assert_eq!(percent_text(50, Lang::Vi), "50 %");
        assert_eq!(percent_text(50, Lang::En), "50%");
    }

    #[test]
    fn periods_are_named_in_each_language() {
        let m = Period::month(2026, 11).unwrap();
        let q = Period::quarter(2026, 4).unwrap();
        let y = Period::year(2026).unwrap();
        assert_eq!(period_text(&m, Lang::Vi), "Tháng 11/2026");
        assert_eq!(period_text(&m, Lang::En), "November 2026");
        assert_eq!(period_text(&q, Lang::Vi), "Quý 4/2026");
        assert_eq!(period_text(&q, Lang::En), "Q4 2026");
        assert_eq!(period_text(&y, Lang::Vi), "Năm 2026");
        assert_eq!(period_text(&y, Lang::En), "2026");
        let series: Vec<Period> = [(2025, 11), (2025, 12), (2026, 1), (2026, 2)]
            .into_iter()
            .filter_map(|(y, m)| Period::month(y, m))
            .collect();
        let year = |y: &str| Some(y.to_string());
        assert_eq!(
            month_axis_labels(&series, Lang::Vi),
            [
                ("T11".to_string(), year("2025")),
                ("T12".to_string(), None),
                ("T1".to_string(), year("2026")),
                ("T2".to_string(), None),
            ]
        );
        assert_eq!(month_axis_labels(&series, Lang::En)[0].0, "Nov");
        assert_eq!(month_axis_labels(&series, Lang::En)[2].0, "Jan");
    }

    #[test]
    fn targets_and_empty_selections() {
        assert_eq!(target_text(2.5, Lang::Vi), "2,5");
        assert_eq!(target_text(2.5, Lang::En), "2.5");
        assert_eq!(target_text(10.0, Lang::En), "10");
        assert_eq!(target_text(0.821_917, Lang::Vi), "0,8");
        assert_eq!(target_text(1234.5, Lang::Vi), "1.234,5");
        let mut totals = crate::statistics::Counts::default().shown();
        assert!(nothing_counted(&totals));
        totals.still_open = Shown::FewerThanFive;
        assert!(!nothing_counted(&totals));
    }

    #[test]
    fn ticks_are_nice_and_cover_the_largest_value() {
        assert_eq!(nice_ticks(87, 5), [0, 20, 40, 60, 80, 100]);
        assert_eq!(nice_ticks(100, 5), [0, 20, 40, 60, 80, 100]);
        assert_eq!(nice_ticks(4, 5), [0, 1, 2, 3, 4]);
        assert_eq!(nice_ticks(7, 5), [0, 2, 4, 6, 8]);
        assert_eq!(nice_ticks(12_345, 5), [0, 5_000, 10_000, 15_000]);
        assert_eq!(nice_ticks(1_000_000, 4), [0, 500_000, 1_000_000]);
        // Nothing to show still gives an axis.
        assert_eq!(nice_ticks(0, 5), [0, 1]);
        // At most `most` steps, whatever the value.
        for max in [1, 3, 9, 11, 99, 101, 999_999, 10_u64.pow(15), u64::MAX / 3] {
            let t = nice_ticks(max, 5);
            assert!(t.len() <= 6 && t.len() >= 2, "{max}: {t:?}");
            assert!(*t.last().unwrap() >= max, "{max}: {t:?}");
        }
    }

    #[test]
    fn bars_stand_on_the_baseline_scaled_to_the_top_tick() {
        let bars = grouped_bars(
            &FRAME,
            &[
                vec![Shown::Count(50), Shown::Count(100)],
                vec![Shown::Count(0), Shown::FewerThanFive],
            ],
            5,
        );
        assert_eq!(bars.ticks.first().map(|t| (t.value, t.y)), Some((0, 110.0)));
        assert_eq!(bars.ticks.last().map(|t| (t.value, t.y)), Some((100, 10.0)));
        // Two groups of 50 units each; bars fill 80 % of a slot: 20 units each.
        let (centre, marks) = &bars.groups[0];
        assert_eq!(*centre, 35.0);
        assert_eq!(
            marks[0],
            Mark::Bar {
                x: 15.0,
                y: 60.0,
                width: 20.0,
                height: 50.0,
                value: 50
            }
        );
        assert_eq!(
            marks[1],
            Mark::Bar {
                x: 35.0,
                y: 10.0,
                width: 20.0,
                height: 100.0,
                value: 100
            }
        );
        let (centre, marks) = &bars.groups[1];
        assert_eq!(*centre, 85.0);
        assert!(matches!(marks[0], Mark::Bar { height, .. } if height == 0.0));
        // "< 5" is a marker of fixed height, not a bar of some value.
        assert_eq!(
            marks[1],
            Mark::Suppressed {
                x: 85.0,
                y: 110.0 - SUPPRESSED_HEIGHT,
                width: 20.0
            }
        );
    }

    #[test]
    fn bars_and_gridlines_are_drawn_as_few_paths() {
        let bars = grouped_bars(
            &FRAME,
            &[
                vec![Shown::Count(50), Shown::Count(100)],
                vec![Shown::Count(0), Shown::FewerThanFive],
            ],
            5,
        );
        // The 0 draws nothing; the "< 5" is in the markers' path, not the series'.
        assert_eq!(
            bars.series_paths(),
            ["M15 60h20v50h-20Z", "M35 10h20v100h-20Z"]
        );
        assert_eq!(bars.suppressed_path(), "M85 104h20v6h-20Z");
        let two = [bars.ticks[0], bars.ticks[5]];
        assert_eq!(grid_path(&FRAME, &two), "M10 110H110M10 10H110");
        assert_eq!(baseline_path(&FRAME), "M10 110H110");
        let none = grouped_bars(&FRAME, &[vec![Shown::Count(1000)]], 5);
        assert_eq!(none.suppressed_path(), "");
    }

    #[test]
    fn only_suppressed_or_no_groups_still_lay_out() {
        let bars = grouped_bars(&FRAME, &[vec![Shown::FewerThanFive]], 5);
        assert_eq!(
            bars.ticks.iter().map(|t| t.value).collect::<Vec<_>>(),
            [0, 1]
        );
        assert!(matches!(bars.groups[0].1[0], Mark::Suppressed { .. }));
        let none = grouped_bars(&FRAME, &[], 5);
        assert!(none.groups.is_empty());
        assert_eq!(none.ticks.len(), 2);
    }

    #[test]
    fn a_share_line_breaks_where_the_share_is_not_shown() {
        let line = share_line(
            &FRAME,
            &[
                Some(Share::BasisPoints(10_000)),
                Some(Share::BasisPoints(5_000)),
                None,
                Some(Share::FewerThanFive),
                Some(Share::BasisPoints(0)),
            ],
        );
        assert_eq!(
            line.ticks.iter().map(|t| t.value).collect::<Vec<_>>(),
            [0, 25, 50, 75, 100]
        );
        assert_eq!(line.ticks[4].y, 10.0);
        assert_eq!(line.points[0], Some((20.0, 10.0)));
        assert_eq!(line.points[1], Some((40.0, 60.0)));
        assert_eq!(line.points[2], None);
        assert_eq!(line.points[3], None);
        assert_eq!(line.points[4], Some((100.0, 110.0)));
        // The last point stands alone: it is a dot, not a line.
        assert_eq!(line.polylines(), ["20,10 40,60"]);
        assert_eq!(
            share_line(&FRAME, &[Some(Share::BasisPoints(5_000))]).dots_path(4.0),
            "M56 60a4 4 0 1 0 8 0a4 4 0 1 0 -8 0Z"
        );
    }

    #[test]
    fn coordinates_are_short() {
        assert_eq!(coord(12.0), "12");
        assert_eq!(coord(12.25), "12.3");
        assert_eq!(coord(-0.04), "0");
        assert_eq!(coord(100.0 / 3.0), "33.3");
        assert_eq!(coord(-2.5), "-2.5");
        assert_eq!(coord(0.05), "0.1");
    }
}
