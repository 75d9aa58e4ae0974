//! `/statistics`: the public service-delivery figures (issue #19) for a period, the
//! whole country or one province, all services or one. The filters live in the URL
//! (`Filters::page_url`), so any figure can be linked and a reload shows the same.
//! Every number comes suppressed from the server; this page only writes and draws it.

use crate::components::Title;
use leptos::prelude::*;
use portal_api::statistics::{Filters, Format, MonthRow, ProvinceRow, Report, ServiceRow, Table};
use portal_core::statistics::chart::{
    month_axis_labels, nothing_counted, period_text, share_text, shown_text, target_text,
};
use portal_core::statistics::{Indicator, Period, Share, Shown, ShownCounts};
use portal_core::validators::Date;
use portal_core::Text;

use crate::api;
use crate::components::chart::{BarChart, ChartOrTable, LineChart};
use crate::components::{ErrorState, Loading};
use crate::i18n::{fill, use_i18n, Key, Lang};

/// Today in Vietnam (UTC+7), from the browser's clock.
fn today() -> Date {
    Date::today_in_vietnam(js_sys::Date::now() as i64)
}

/// The provinces and services the filters offer, taken from the last report (every
/// report lists all of them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Choices {
    /// (code, name), in code order.
    pub provinces: Vec<(String, String)>,
    /// (id, title).
    pub services: Vec<(String, Text)>,
}

impl Choices {
    pub fn of(report: &Report) -> Choices {
        let mut provinces: Vec<(String, String)> = report
            .provinces
            .iter()
            .map(|p| (p.code.clone(), p.name.clone()))
            .collect();
        provinces.sort();
        let services = report
            .services
            .iter()
            .map(|s| (s.id.clone(), s.title.clone()))
            .collect();
        Choices {
            provinces,
            services,
        }
    }
}

#[component]
pub fn StatisticsPage() -> impl IntoView {
    let i18n = use_i18n();
    let address = crate::address::use_address();
    let today = today();
    // A link with filters that are not real ones shows this month's country figures, and
    // says so.
    let read = Memo::new(move |_| {
        let pairs = address.query(&["period", "province", "service", "sort", "order"]);
        let default = Period::month_of(today);
        match Filters::from_query(pairs.iter().map(|(k, v)| (*k, v.as_str())), default) {
            Ok(f) => (f, false),
            Err(_) => (Filters::country(default), true),
        }
    });
    let filters = Signal::derive(move || read.get().0);
    // The report for the filters in the URL, asked for again when they change or on "try
    // again"; an answer for filters since changed is dropped. (A signal and a task rather
    // than a resource: the same behaviour for less of the bundle.)
    let report = RwSignal::new(None::<Result<Report, api::ApiError>>);
    let attempt = RwSignal::new(0u32);
    let asked = StoredValue::new(0u32);
    Effect::new(move |_| {
        attempt.track();
        let url = filters.get().report_url();
        asked.update_value(|n| *n = n.wrapping_add(1));
        let mine = asked.get_value();
        report.set(None);
        leptos::task::spawn_local(async move {
            let answer = api::statistics(&url).await;
            if asked.try_get_value() == Some(mine) {
                report.try_set(Some(answer));
            }
        });
    });
    let retry = Callback::new(move |_| attempt.update(|n| *n = n.wrapping_add(1)));
    provide_context(SortFocus::default());
    let choices = RwSignal::new(Choices::default());
    Effect::new(move |_| {
        let next = report.with(|r| match r {
            Some(Ok(r)) => Some(Choices::of(r)),
            _ => None,
        });
        if let Some(next) = next.filter(|n| choices.with_untracked(|c| c != n)) {
            choices.set(next);
        }
    });
    let on_change = Callback::new(move |f: Filters| {
        address.go(
            &f.page_url(),
            crate::address::Go {
                replace: false,
                scroll: false,
            },
        )
    });
    view! {
        <Title text=move || i18n.t(Key::StatisticsTitle)/>
        <h1>{move || i18n.t(Key::StatisticsTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::StatisticsIntro)}</p>
        <Show when=move || read.get().1>
            <p class="notice notice--bad" role="status">{move || i18n.t(Key::StatBadLink)}</p>
        </Show>
        <StatisticsFilters filters choices=choices.into() periods=Period::recent(today) on_change/>
        {move || match report.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Ok(r)) => view! { <StatisticsReport report=r filters=filters.get_untracked()/> }.into_any(),
            Some(Err(_)) => view! {
                <ErrorState title=Key::StatLoadErrorTitle body=Key::LoadErrorBody on_retry=retry/>
            }
            .into_any(),
        }}
    }
}

/// The three selects: period, area, service. A change is at once a new URL (through
/// `on_change`), as the catalogue's filters do.
#[component]
pub fn StatisticsFilters(
    #[prop(into)] filters: Signal<Filters>,
    choices: Signal<Choices>,
    /// The periods offered, newest first within each kind.
    periods: Vec<Period>,
    on_change: Callback<Filters>,
) -> impl IntoView {
    let i18n = use_i18n();
    let periods = StoredValue::new(periods);
    let set_period = move |ev: leptos::ev::Event| {
        if let Some(p) = Period::parse(&event_target_value(&ev)) {
            let mut f = filters.get_untracked();
            f.period = p;
            on_change.run(f);
        }
    };
    let set_province = move |ev: leptos::ev::Event| {
        let mut f = filters.get_untracked();
        f.province = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
        on_change.run(f);
    };
    let set_service = move |ev: leptos::ev::Event| {
        let mut f = filters.get_untracked();
        f.service = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
        on_change.run(f);
    };
    // The kinds of period, each an optgroup; a linked period not offered is added to its
    // kind, so the select always shows what the page shows. Each select's options are
    // drawn again whenever the filters, the choices or the language change.
    let period_options = move || {
        let lang = i18n.lang.get();
        let current = filters.with(|f| f.period);
        PERIOD_KINDS
            .into_iter()
            .map(|(kind, label)| {
                let mut list: Vec<Period> =
                    periods.with_value(|p| p.iter().copied().filter(kind).collect());
                if kind(&current) && !list.contains(&current) {
                    list.insert(0, current);
                }
                let list = list
                    .iter()
                    .map(|p| (p.slug(), period_text(p, lang)))
                    .collect();
                view! { <optgroup label=label.get(lang)>{options(list, &current.slug())}</optgroup> }
            })
            .collect_view()
    };
    let province_options = move || {
        let lang = i18n.lang.get();
        let mut list = vec![(String::new(), Key::StatWholeCountry.get(lang).to_string())];
        choices.with(|c| list.extend(c.provinces.iter().cloned()));
        filters.with(|f| options(list, f.province.as_deref().unwrap_or_default()))
    };
    let service_options = move || {
        let lang = i18n.lang.get();
        let mut list = vec![(String::new(), Key::StatAllServices.get(lang).to_string())];
        choices.with(|c| {
            list.extend(
                c.services
                    .iter()
                    .map(|(id, title)| (id.clone(), title.get(lang).to_string())),
            )
        });
        filters.with(|f| options(list, f.service.as_deref().unwrap_or_default()))
    };
    view! {
        <form class="stat-filters" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend class="visually-hidden">{move || i18n.t(Key::StatFiltersLegend)}</legend>
                <div class="filters__row">
                    <div class="field">
                        <label class="label" for="stat-period">{move || i18n.t(Key::StatPeriod)}</label>
                        <select id="stat-period" class="select" on:change=set_period>
                            {period_options}
                        </select>
                    </div>
                    <div class="field">
                        <label class="label" for="stat-province">{move || i18n.t(Key::StatScope)}</label>
                        <select id="stat-province" class="select" on:change=set_province>
                            {province_options}
                        </select>
                    </div>
                    <div class="field">
                        <label class="label" for="stat-service">{move || i18n.t(Key::StatService)}</label>
                        <select id="stat-service" class="select stat-filters__service" on:change=set_service>
                            {service_options}
                        </select>
                    </div>
                </div>
            </fieldset>
        </form>
    }
}

/// Whether a period is of one kind (a month, a quarter, a year).
type IsKind = fn(&Period) -> bool;

/// The kinds of period the period select offers, each an optgroup with its heading.
const PERIOD_KINDS: [(IsKind, Key); 3] = [
    (|p| matches!(p, Period::Month { .. }), Key::StatMonths),
    (|p| matches!(p, Period::Quarter { .. }), Key::StatQuarters),
    (|p| matches!(p, Period::Year(_)), Key::StatYears),
];

/// `<option>`s for `(value, text)` pairs, the one whose value is `chosen` selected.
fn options(list: Vec<(String, String)>, chosen: &str) -> AnyView {
    list.into_iter()
        .map(|(value, text)| {
            let selected = value == chosen;
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view()
        .into_any()
}

/// A day as the page writes it (`30/11/2026`); what the server sent if it is no date.
fn day_text(iso: &str) -> String {
    Date::parse_iso(iso).map_or_else(
        || iso.to_string(),
        |d| format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
    )
}

/// Everything drawn from one report: the notices, then the sections. It is drawn in one
/// language and drawn again when the language changes (the chart/table choice is kept):
/// one reactive text per cell would cost the bundle far more than a redraw costs.
#[component]
pub fn StatisticsReport(report: Report, filters: Filters) -> impl IntoView {
    let i18n = use_i18n();
    let as_table = RwSignal::new(false);
    let report = StoredValue::new(report);
    let filters = StoredValue::new(filters);
    move || {
        let lang = i18n.lang.get();
        report.with_value(|r| filters.with_value(|f| draw_report(r, f, lang, as_table)))
    }
}

fn draw_report(
    report: &Report,
    filters: &Filters,
    lang: Lang,
    as_table: RwSignal<bool>,
) -> AnyView {
    let t = |key: Key| key.get(lang);
    let mut selection = vec![period_text(&report.period, lang)];
    selection.push(match &report.province {
        Some(p) => p.name.clone(),
        None => t(Key::StatWholeCountry).to_string(),
    });
    selection.push(match &report.service {
        Some(s) => s.title.get(lang).to_string(),
        None => t(Key::StatAllServices).to_string(),
    });
    let as_of = fill::stat_as_of(
        lang,
        &day_text(&report.up_to),
        &crate::tracking::format_time(&report.as_of),
    );
    let sections = if nothing_counted(&report.totals) {
        view! {
            <div class="stat-empty">
                <h2>{t(Key::StatEmptyTitle)}</h2>
                <p>{t(Key::StatEmptyBody)}</p>
            </div>
        }
        .into_any()
    } else {
        view! {
            {headline(&report.totals, lang)}
            {month_series(&report.months, filters, lang, as_table)}
            {province_ranking(&report.provinces, filters, lang)}
            {service_targets(report, filters, lang)}
        }
        .into_any()
    };
    view! {
        <div class="stat-report">
            {report.generated_data.then(|| view! {
                <div class="notice notice--action stat-generated" role="note">
                    <h2>{t(Key::StatGeneratedTitle)}</h2>
                    <p>{t(Key::StatGeneratedBody)}</p>
                </div>
            })}
            <p class="stat-selection"><strong>{selection.join(" · ")}</strong></p>
            <p class="stat-as-of hint">{as_of}</p>
            {sections}
        </div>
    }
    .into_any()
}

/// The headline figures of the whole selection, and what "< 5" and "—" mean.
fn headline(totals: &ShownCounts, lang: Lang) -> impl IntoView {
    let count = |key: Key, shown: Shown| (key.get(lang), shown_text(shown, lang));
    let share = |key: Key, share: Option<Share>| (key.get(lang), share_text(share, lang));
    let figures = [
        count(Key::StatReceivedOnline, totals.received_online),
        count(Key::StatDecided, totals.decided),
        share(Key::StatOnTimeShare, totals.on_time_share),
        count(Key::StatDecidedLate, totals.decided_late),
        count(Key::StatStillOpen, totals.still_open),
        count(Key::StatOverdueOpen, totals.overdue_open),
        share(Key::StatOnlineShare, totals.online_share),
        share(Key::StatPaidOnlineShare, totals.paid_online_share),
        share(Key::StatSatisfactionShare, totals.satisfaction_share),
    ];
    view! {
        <section aria-labelledby="stat-headline">
            <h2 id="stat-headline">{Key::StatHeadlineTitle.get(lang)}</h2>
            <dl class="stat-figures">
                {figures.into_iter().map(|(label, value)| view! {
                    <div class="stat-figure">
                        <dt class="stat-figure__label">{label}</dt>
                        <dd class="stat-figure__value">{value}</dd>
                    </div>
                }).collect_view()}
            </dl>
            <p class="hint">{Key::StatSuppressedNote.get(lang)}</p>
            <p class="hint">{Key::StatNothingNote.get(lang)}</p>
        </section>
    }
}

/// A table in a horizontally scrolling region a keyboard can reach, named by the
/// table's caption: its column headings (already drawn, for sort links) and rows of cells,
/// the first of each a row heading.
fn scroll_table(
    id: &'static str,
    caption: &'static str,
    head: AnyView,
    rows: Vec<(bool, Vec<Cell>)>,
) -> impl IntoView {
    // More than four columns do not fit a phone: they scroll rather than squeeze.
    let wide = rows.first().is_some_and(|(_, cells)| cells.len() > 4);
    let caption_id = format!("{id}-caption");
    let region_label = caption_id.clone();
    view! {
        <div class="table-scroll" role="region" aria-labelledby=region_label tabindex="0">
            <table class="table" class:table--wide=wide id=id>
                <caption class="table__caption" id=caption_id>{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|(chosen, cells)| view! {
                        <tr class:table__row--chosen=chosen>
                            {cells.into_iter().map(Cell::view).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A cell of a table of figures.
enum Cell {
    /// The row's heading (a month, a province, a service).
    Heading(String),
    Number(String),
    /// A list that may be long (up to every province), folded under a summary.
    Folded {
        summary: String,
        list: String,
    },
    Text(String),
}

impl Cell {
    fn view(self) -> AnyView {
        match self {
            Cell::Heading(t) => view! { <th scope="row">{t}</th> }.into_any(),
            Cell::Number(t) => view! { <td class="table__number">{t}</td> }.into_any(),
            Cell::Folded { summary, list } => view! {
                <td class="table__list">
                    <details class="table__details">
                        <summary>{summary}</summary>
                        <p>{list}</p>
                    </details>
                </td>
            }
            .into_any(),
            Cell::Text(t) => view! { <td class="table__list">{t}</td> }.into_any(),
        }
    }
}

/// Plain column headings; numeric ones right-aligned.
fn headings(columns: &[(&'static str, bool)]) -> AnyView {
    columns
        .iter()
        .map(|&(text, number)| {
            view! { <th scope="col" class:table__number=number>{text}</th> }
        })
        .collect_view()
        .into_any()
}

/// CSV and JSON links to one table of the report, with the same filters.
fn downloads(table: Table, name: Key, filters: &Filters, lang: Lang) -> impl IntoView {
    let link = |format: Format, text: &'static str| {
        view! {
            <li>
                <a href=filters.download_url(table, format) download=table.file_name(format)
                    aria-label=fill::stat_download(lang, name.get(lang), text)>{text}</a>
            </li>
        }
    };
    view! {
        <div class="stat-downloads">
            <span class="stat-downloads__label">{Key::StatDownloads.get(lang)}</span>
            <ul class="stat-downloads__links">
                {link(Format::Csv, "CSV")}
                {link(Format::Json, "JSON")}
            </ul>
        </div>
    }
}

/// Month by month: bars of dossiers received online and decided, the line of the share
/// decided on time, and the same numbers as a table.
fn month_series(
    months: &[MonthRow],
    filters: &Filters,
    lang: Lang,
    as_table: RwSignal<bool>,
) -> impl IntoView {
    let t = |key: Key| key.get(lang);
    let periods: Vec<Period> = months.iter().map(|m| m.month).collect();
    let labels = month_axis_labels(&periods, lang);
    let values: Vec<Vec<Shown>> = months
        .iter()
        .map(|m| vec![m.received_online, m.decided])
        .collect();
    let shares: Vec<Option<Share>> = months.iter().map(|m| m.on_time_share).collect();
    let chart = view! {
        <BarChart id="stat-months-bars" lang title=Key::StatMonthsChartTitle desc=Key::StatChartDesc
            labels=labels.clone() series=vec![Key::StatReceivedOnline, Key::StatDecided] values/>
        <LineChart id="stat-months-line" lang title=Key::StatOnTimeChartTitle desc=Key::StatChartDesc
            labels shares/>
    }
    .into_any();
    let rows = months
        .iter()
        .map(|m| {
            let cells = vec![
                Cell::Heading(period_text(&m.month, lang)),
                Cell::Number(shown_text(m.received_online, lang)),
                Cell::Number(shown_text(m.decided, lang)),
                Cell::Number(share_text(m.on_time_share, lang)),
            ];
            (false, cells)
        })
        .collect();
    let head = headings(&[
        (t(Key::StatMonth), false),
        (t(Key::StatReceivedOnline), true),
        (t(Key::StatDecided), true),
        (t(Key::StatOnTimeShare), true),
    ]);
    let table = scroll_table(
        "stat-months-table",
        t(Key::StatMonthsChartTitle),
        head,
        rows,
    )
    .into_any();
    view! {
        <section aria-labelledby="stat-months">
            <h2 id="stat-months">{t(Key::StatMonthsTitle)}</h2>
            <ChartOrTable id="stat-months-switch" lang as_table chart table/>
            {downloads(Table::Months, Key::StatMonthsTitle, filters, lang)}
        </section>
    }
}

/// The ranking's heading link last followed, so that the redrawn table gives it back
/// its focus (a keyboard user sorting twice stays where they were).
#[derive(Clone, Copy, Default)]
struct SortFocus(RwSignal<Option<Indicator>>);

/// The id of the heading link sorting on `by`.
fn sort_link_id(by: Indicator) -> String {
    format!("stat-sort-{}", by.slug())
}

/// Gives the sort link followed last its focus back once the new table is drawn.
fn refocus_sort_link() {
    let Some(SortFocus(last)) = use_context::<SortFocus>() else {
        return;
    };
    let Some(by) = last.get_untracked() else {
        return;
    };
    last.set(None);
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(link) = document()
            .get_element_by_id(&sort_link_id(by))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = link.focus();
        }
    });
}

/// The indicators the ranking can be sorted on, with their column headings.
const RANKED: [(Indicator, Key); 5] = [
    (Indicator::ReceivedOnline, Key::StatReceivedOnline),
    (Indicator::OnTimeShare, Key::StatOnTimeShare),
    (Indicator::OnlineShare, Key::StatOnlineShare),
    (Indicator::PaidOnlineShare, Key::StatPaidOnlineShare),
    (Indicator::SatisfactionShare, Key::StatSatisfactionShare),
];

/// A province's value on an indicator, as written.
fn indicator_text(counts: &ShownCounts, by: Indicator, lang: Lang) -> String {
    match by {
        Indicator::ReceivedOnline => shown_text(counts.received_online, lang),
        Indicator::OnTimeShare => share_text(counts.on_time_share, lang),
        Indicator::OnlineShare => share_text(counts.online_share, lang),
        Indicator::PaidOnlineShare => share_text(counts.paid_online_share, lang),
        Indicator::SatisfactionShare => share_text(counts.satisfaction_share, lang),
    }
}

/// The provinces as the server ranked them; each indicator's heading links to the
/// ranking on it (again to reverse it), so the sort is a URL like every filter.
fn province_ranking(rows: &[ProvinceRow], filters: &Filters, lang: Lang) -> impl IntoView {
    let t = |key: Key| key.get(lang);
    refocus_sort_link();
    let focus = use_context::<SortFocus>();
    let sorted_key = RANKED
        .iter()
        .find(|(i, _)| *i == filters.sort)
        .map_or(Key::StatOnTimeShare, |(_, k)| *k);
    let order = if filters.ascending {
        Key::StatSortedLowFirst
    } else {
        Key::StatSortedHighFirst
    };
    let sort_heading = |(indicator, key): (Indicator, Key)| {
        let sorted = filters.sort == indicator;
        let mut next = filters.clone();
        next.sort = indicator;
        next.ascending = sorted && !filters.ascending;
        let aria_sort = sorted.then_some(if filters.ascending {
            "ascending"
        } else {
            "descending"
        });
        view! {
            <th scope="col" class="table__number" aria-sort=aria_sort>
                <a class="table__sort" id=sort_link_id(indicator) href=next.page_url() data-noscroll=""
                    on:click=move |_| if let Some(SortFocus(last)) = focus { last.set(Some(indicator)) }>
                    {key.get(lang)}
                </a>
            </th>
        }
    };
    let head = view! {
        {headings(&[(t(Key::StatPlace), true), (t(Key::StatProvince), false)])}
        {RANKED.into_iter().map(sort_heading).collect_view()}
    }
    .into_any();
    let table_rows = rows
        .iter()
        .map(|row| {
            let place = row
                .place
                .map_or_else(|| share_text(None, lang), |p| p.to_string());
            // The place comes first, before the row's heading (the province).
            let mut cells = vec![Cell::Number(place), Cell::Heading(row.name.clone())];
            cells.extend(
                RANKED
                    .iter()
                    .map(|(by, _)| Cell::Number(indicator_text(&row.counts, *by, lang))),
            );
            (
                filters.province.as_deref() == Some(row.code.as_str()),
                cells,
            )
        })
        .collect();
    view! {
        <section aria-labelledby="stat-provinces">
            <h2 id="stat-provinces">{t(Key::StatProvincesTitle)}</h2>
            <p class="hint">{t(Key::StatSortHint)}</p>
            <p>{fill::stat_sorted_by(lang, t(sorted_key), t(order))}</p>
            {scroll_table("stat-provinces-table", t(Key::StatProvincesTitle), head, table_rows)}
            {downloads(Table::Provinces, Key::StatProvincesTitle, filters, lang)}
        </section>
    }
}

/// Each service's figures and how many provinces reach the seed's target, naming those
/// that do not.
fn service_targets(report: &Report, filters: &Filters, lang: Lang) -> impl IntoView {
    let t = |key: Key| key.get(lang);
    let name = |code: &String| {
        report
            .provinces
            .iter()
            .find(|p| &p.code == code)
            .map_or_else(|| code.clone(), |p| p.name.clone())
    };
    let of = report.provinces.len();
    let rows = report
        .services
        .iter()
        .map(|row: &ServiceRow| {
            let below = if row.provinces_below.is_empty() {
                Cell::Text(t(Key::StatNone).to_string())
            } else {
                Cell::Folded {
                    summary: fill::stat_provinces(lang, row.provinces_below.len()),
                    list: row
                        .provinces_below
                        .iter()
                        .map(name)
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            };
            let cells = vec![
                Cell::Heading(row.title.get(lang).to_string()),
                Cell::Number(shown_text(row.counts.received_online, lang)),
                Cell::Number(shown_text(row.counts.decided, lang)),
                Cell::Number(share_text(row.counts.on_time_share, lang)),
                Cell::Number(fill::stat_reaching(
                    lang,
                    row.provinces_reaching as usize,
                    of,
                )),
                below,
            ];
            (false, cells)
        })
        .collect();
    let head = headings(&[
        (t(Key::StatService), false),
        (t(Key::StatReceivedOnline), true),
        (t(Key::StatDecided), true),
        (t(Key::StatOnTimeShare), true),
        (t(Key::StatProvincesReaching), true),
        (t(Key::StatProvincesBelow), false),
    ]);
    view! {
        <section aria-labelledby="stat-services">
            <h2 id="stat-services">{t(Key::StatServicesTitle)}</h2>
            <p>{fill::stat_target(lang, &target_text(report.target, lang))}</p>
            {scroll_table("stat-services-table", t(Key::StatServicesTitle), head, rows)}
            {downloads(Table::Services, Key::StatServicesTitle, filters, lang)}
        </section>
    }
}
