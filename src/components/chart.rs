//! Accessible inline-SVG charts and the switch between a chart and its table. The
//! geometry comes from `portal_core::statistics::chart`; these only draw it. Every chart
//! is an image named by its `<title>` and `<desc>`, and its numbers are in a table the
//! reader can switch to (and which is what gets printed).
//!
//! They are drawn in one language (`lang`): the page draws them again when it changes,
//! rather than making every label reactive, which keeps the bundle small.

use leptos::prelude::*;
use portal_core::statistics::chart::{
    coord, grouped_bars, percent_text, share_line, shown_text, Frame, Mark,
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

/// Side-by-side bars for each group (e.g. months), one per series, over a count axis. A
/// "< 5" is a hatched marker on the baseline, never a bar, and the legend says so.
#[component]
pub fn BarChart(
    id: &'static str,
    lang: Lang,
    title: Key,
    desc: Key,
    /// Each group's label under its bars.
    labels: Vec<String>,
    /// Each series' name (the legend), in the order of the values.
    series: Vec<Key>,
    /// Per group, one value per series.
    values: Vec<Vec<Shown>>,
) -> impl IntoView {
    let frame = Frame::PAGE;
    let bars = grouped_bars(&frame, &values, COUNT_TICKS);
    let has_suppressed = values.iter().flatten().any(|v| *v == Shown::FewerThanFive);
    let ticks = bars.ticks.clone();
    let axis = {
        ticks
            .iter()
            .map(|t| {
                view! {
                    <line class="chart__grid" x1=coord(frame.left) x2=coord(frame.width - frame.right) y1=coord(t.y) y2=coord(t.y)/>
                    <text class="chart__tick" x=coord(frame.left - 6.0) y=coord(t.y + 4.0) text-anchor="end">
                        {shown_text(Shown::Count(t.value), lang)}
                    </text>
                }
            })
            .collect_view()
    };
    let marks = bars
        .groups
        .iter()
        .zip(&labels)
        .map(|((centre, marks), label)| {
            let marks = marks
                .iter()
                .enumerate()
                .map(|(series, mark)| match *mark {
                    Mark::Bar { x, y, width, height, .. } => view! {
                        <rect class=format!("chart__bar chart__bar--{series}") x=coord(x) y=coord(y) width=coord(width) height=coord(height)/>
                    }
                    .into_any(),
                    Mark::Suppressed { x, y, width } => view! {
                        <rect class=format!("chart__suppressed chart__bar--{series}") x=coord(x) y=coord(y) width=coord(width) height=coord(frame.baseline() - y)
                            fill=format!("url(#{id}-hatch)")/>
                    }
                    .into_any(),
                })
                .collect_view();
            view! {
                {marks}
                <text class="chart__label" x=coord(*centre) y=coord(frame.baseline() + 18.0) text-anchor="middle">{label.clone()}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg class="chart__svg" role="img" aria-labelledby=labelled_by(id)
                viewBox=format!("0 0 {} {}", coord(frame.width), coord(frame.height))>
                <title id=format!("{id}-title")>{title.get(lang)}</title>
                <desc id=format!("{id}-desc")>{desc.get(lang)}</desc>
                <defs>
                    <pattern id=format!("{id}-hatch") width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="4" height="4" class="chart__hatch-ground"/>
                        <line x1="0" y1="0" x2="0" y2="4" class="chart__hatch-line"/>
                    </pattern>
                </defs>
                {axis}
                {marks}
                <line class="chart__axis" x1=coord(frame.left) x2=coord(frame.width - frame.right)
                    y1=coord(frame.baseline()) y2=coord(frame.baseline())/>
            </svg>
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
    labels: Vec<String>,
    shares: Vec<Option<Share>>,
) -> impl IntoView {
    let frame = Frame::PAGE;
    let line = share_line(&frame, &shares);
    let ticks = line.ticks.clone();
    let axis = {
        ticks
            .iter()
            .map(|t| {
                view! {
                    <line class="chart__grid" x1=coord(frame.left) x2=coord(frame.width - frame.right) y1=coord(t.y) y2=coord(t.y)/>
                    <text class="chart__tick" x=coord(frame.left - 6.0) y=coord(t.y + 4.0) text-anchor="end">
                        {percent_text(t.value, lang)}
                    </text>
                }
            })
            .collect_view()
    };
    let polylines = line
        .polylines()
        .into_iter()
        .map(|points| view! { <polyline class="chart__line" points=points/> })
        .collect_view();
    let dots = line
        .points
        .iter()
        .flatten()
        .map(|&(x, y)| view! { <circle class="chart__dot" cx=coord(x) cy=coord(y) r="4"/> })
        .collect_view();
    let label_views = labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let x = frame.slot_centre(i, shares.len());
            view! { <text class="chart__label" x=coord(x) y=coord(frame.baseline() + 18.0) text-anchor="middle">{label}</text> }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg class="chart__svg" role="img" aria-labelledby=labelled_by(id)
                viewBox=format!("0 0 {} {}", coord(frame.width), coord(frame.height))>
                <title id=format!("{id}-title")>{title.get(lang)}</title>
                <desc id=format!("{id}-desc")>{desc.get(lang)}</desc>
                {axis}
                {polylines}
                {dots}
                {label_views}
                <line class="chart__axis" x1=coord(frame.left) x2=coord(frame.width - frame.right)
                    y1=coord(frame.baseline()) y2=coord(frame.baseline())/>
            </svg>
        </figure>
    }
}
