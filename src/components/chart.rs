//! Accessible inline-SVG charts and the switch between a chart and its table. The
//! geometry comes from `portal_core::statistics::chart`; these only draw it. Every chart
//! is an image named by its `<title>` and `<desc>`, and its numbers are in a table the
//! reader can switch to (and which is what gets printed).
//!
//! They are drawn in one language (`lang`): the page draws them again when it changes,
//! rather than making every label reactive, which keeps the bundle small.

use leptos::prelude::*;
use portal_core::statistics::chart::{
    baseline_path, coord, grid_path, grouped_bars, percent_text, share_line, shown_text, Frame,
    Tick,
};
use portal_core::statistics::{Share, Shown};

use crate::i18n::{Key, Lang};

/// Most steps on a count axis.
const COUNT_TICKS: u32 = 5;

/// Two toggle buttons, "Chart" and "Table", over a chart and the table with its numbers.
/// Both stay in the page (the table is what a printer shows); the one not chosen is
/// hidden. `as_table` is the choice, kept by the caller so it outlives a redraw.
#[component]
pub fn ChartOrTable(
    /// Prefix of the element ids (unique on the page).
    id: &'static str,
    lang: Lang,
    as_table: RwSignal<bool>,
    chart: AnyView,
    table: AnyView,
) -> impl IntoView {
    let label_id = format!("{id}-view");
    let group_label = label_id.clone();
    let button = move |table: bool, key: Key| {
        view! {
            <button
                type="button"
                class="chart-switch__button"
                aria-pressed=move || (as_table.get() == table).to_string()
                on:click=move |_| as_table.set(table)
            >
                {key.get(lang)}
            </button>
        }
    };
    view! {
        <div class="chart-switch">
            <div class="chart-switch__buttons" role="group" aria-labelledby=group_label>
                <span class="chart-switch__label" id=label_id>{Key::StatViewAs.get(lang)}</span>
                {button(false, Key::StatViewChart)}
                {button(true, Key::StatViewTable)}
            </div>
            <div class="chart-switch__chart" class:chart-switch--hidden=move || as_table.get()>
                {chart}
            </div>
            <div class="chart-switch__table" class:chart-switch--hidden=move || !as_table.get()>
                {table}
            </div>
        </div>
    }
}

/// The image's accessible name and description, from its `<title>` and `<desc>`.
fn labelled_by(id: &str) -> String {
    format!("{id}-title {id}-desc")
}

/// The axis labels of a chart: `(text, x, y, anchor)`, drawn the same way for ticks and
/// for groups.
fn labels_view(labels: Vec<(String, f64, f64, &'static str)>) -> impl IntoView {
    labels
        .into_iter()
        .map(|(text, x, y, anchor)| {
            view! { <text class="chart__label" x=coord(x) y=coord(y) text-anchor=anchor>{text}</text> }
        })
        .collect_view()
}

/// The tick labels at the axis' left, each level with its gridline.
fn tick_labels(
    frame: &Frame,
    ticks: &[Tick],
    text: impl Fn(u64) -> String,
) -> Vec<(String, f64, f64, &'static str)> {
    ticks
        .iter()
        .map(|t| (text(t.value), frame.left - 6.0, t.y + 4.0, "end"))
        .collect()
}

/// The labels under the slots at `centres`: a first line, and a second under some.
fn slot_labels(
    frame: &Frame,
    centres: &[f64],
    labels: Vec<(String, Option<String>)>,
) -> Vec<(String, f64, f64, &'static str)> {
    let (first, second) = (frame.baseline() + 18.0, frame.baseline() + 35.0);
    centres
        .iter()
        .zip(labels)
        .flat_map(|(&x, (label, under))| {
            std::iter::once((label, x, first, "middle"))
                .chain(under.map(|u| (u, x, second, "middle")))
        })
        .collect()
}

/// Side-by-side bars for each group (e.g. months), one per series, over a count axis. A
/// "< 5" is a hatched marker on the baseline, never a bar, and the legend says so.
#[component]
pub fn BarChart(
    id: &'static str,
    lang: Lang,
    title: Key,
    desc: Key,
    /// Each group's label under its bars, and a second line (the year) under some.
    labels: Vec<(String, Option<String>)>,
    /// Each series' name (the legend), in the order of the values.
    series: Vec<Key>,
    /// Per group, one value per series.
    values: Vec<Vec<Shown>>,
) -> impl IntoView {
    let frame = Frame::PAGE;
    let bars = grouped_bars(&frame, &values, COUNT_TICKS);
    let suppressed = bars.suppressed_path();
    let has_suppressed = !suppressed.is_empty();
    let mut texts = tick_labels(&frame, &bars.ticks, |v| shown_text(Shown::Count(v), lang));
    let centres: Vec<f64> = bars.groups.iter().map(|(centre, _)| *centre).collect();
    texts.extend(slot_labels(&frame, &centres, labels));
    let series_paths = bars
        .series_paths()
        .into_iter()
        .enumerate()
        .map(|(i, d)| view! { <path class=format!("chart__bar chart__bar--{i}") d=d/> })
        .collect_view();
    view! {
        <figure class="chart">
            <div class="chart__scroll" role="region" tabindex="0" aria-labelledby=format!("{id}-title")>
            <svg class="chart__svg" role="img" aria-labelledby=labelled_by(id)
                viewBox=format!("0 0 {} {}", coord(frame.width), coord(frame.height))>
                <title id=format!("{id}-title")>{title.get(lang)}</title>
                <desc id=format!("{id}-desc")>{desc.get(lang)}</desc>
                <defs>
                    <pattern id=format!("{id}-hatch") width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <path class="chart__hatch" d="M0 0V4"/>
                    </pattern>
                </defs>
                <path class="chart__grid" d=grid_path(&frame, &bars.ticks)/>
                {series_paths}
                <path class="chart__suppressed" d=suppressed fill=format!("url(#{id}-hatch)")/>
                {labels_view(texts)}
                <path class="chart__axis" d=baseline_path(&frame)/>
            </svg>
            </div>
            <figcaption class="chart__legend">
                <ul class="chart__keys">
                    {series.into_iter().enumerate().map(|(i, key)| view! {
                        <li><span class=format!("chart__swatch chart__bar--{i}") aria-hidden="true"></span>{key.get(lang)}</li>
                    }).collect_view()}
                    {has_suppressed.then(|| view! {
                        <li><span class="chart__swatch chart__swatch--suppressed" aria-hidden="true"></span>{Key::StatSuppressedLegend.get(lang)}</li>
                    })}
                </ul>
            </figcaption>
        </figure>
    }
}

/// A share over time (e.g. decided on time, month by month) on a 0 to 100 % axis; the
/// line breaks where the share is not shown, and each shown point has a dot.
#[component]
pub fn LineChart(
    id: &'static str,
    lang: Lang,
    title: Key,
    desc: Key,
    /// Each point's label, as for [`BarChart`].
    labels: Vec<(String, Option<String>)>,
    shares: Vec<Option<Share>>,
) -> impl IntoView {
    let frame = Frame::PAGE;
    let line = share_line(&frame, &shares);
    let mut texts = tick_labels(&frame, &line.ticks, |v| percent_text(v, lang));
    let centres: Vec<f64> = (0..shares.len())
        .map(|i| frame.slot_centre(i, shares.len()))
        .collect();
    texts.extend(slot_labels(&frame, &centres, labels));
    let polylines = line
        .polylines()
        .into_iter()
        .map(|points| view! { <polyline class="chart__line" points=points/> })
        .collect_view();
    view! {
        <figure class="chart">
            <div class="chart__scroll" role="region" tabindex="0" aria-labelledby=format!("{id}-title")>
            <svg class="chart__svg" role="img" aria-labelledby=labelled_by(id)
                viewBox=format!("0 0 {} {}", coord(frame.width), coord(frame.height))>
                <title id=format!("{id}-title")>{title.get(lang)}</title>
                <desc id=format!("{id}-desc")>{desc.get(lang)}</desc>
                <path class="chart__grid" d=grid_path(&frame, &line.ticks)/>
                {polylines}
                <path class="chart__dot" d=line.dots_path(4.0)/>
                {labels_view(texts)}
                <path class="chart__axis" d=baseline_path(&frame)/>
            </svg>
            </div>
        </figure>
    }
}
