//! The public statistics page's report, mounted in headless Chromium from a hand-built
//! `Report`: suppressed figures say "< 5", the chart/table switch works, the downloads
//! carry the filters and generated data is announced.

mod support;

use leptos::prelude::*;
use portal_api::statistics::{
    Filters, Format, MonthRow, Place, ProvinceRow, Report, ServiceRow, Table,
};
use portal_core::statistics::{Counts, Indicator, Period, Share, Shown};
use portal_core::Text;
use portal_web::i18n::Lang;
use portal_web::pages::statistics::{Choices, StatisticsFilters, StatisticsPage, StatisticsReport};
use support::{click, fetched, mount, stub_fetch, texts, wait_for};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn month(m: u8, received_online: Shown, decided: Shown, on_time: Option<Share>) -> MonthRow {
    MonthRow {
        month: Period::month(2026, m).unwrap(),
        received_online,
        received_at_centre: Shown::Count(0),
        decided,
        decided_on_time: Shown::Count(0),
        decided_late: Shown::Count(0),
        online_share: None,
        on_time_share: on_time,
    }
}

fn report(generated_data: bool) -> Report {
    let totals = Counts {
        received_online: 12_345,
        received_at_centre: 100,
        decided: 3,
        decided_on_time: 2,
        decided_late: 1,
        still_open: 40,
        overdue_open: 0,
        ..Counts::default()
    }
    .shown();
    let hanoi = Counts {
        received_online: 9_000,
        decided: 200,
        decided_on_time: 180,
        decided_late: 20,
        ..Counts::default()
    }
    .shown();
    Report {
        period: Period::quarter(2026, 4).unwrap(),
        province: None,
        service: None,
        up_to: "2026-11-30".into(),
        as_of: "2026-11-30T10:00:00+07:00".into(),
        generated_data,
        totals,
        months: vec![
            month(
                10,
                Shown::Count(5_000),
                Shown::Count(1_200),
                Some(Share::BasisPoints(9_000)),
            ),
            month(
                11,
                Shown::FewerThanFive,
                Shown::Count(0),
                Some(Share::FewerThanFive),
            ),
            month(12, Shown::Count(0), Shown::Count(0), None),
        ],
        provinces: vec![
            ProvinceRow {
                code: "01".into(),
                name: "Hà Nội".into(),
                place: Some(1),
                counts: hanoi,
            },
            ProvinceRow {
                code: "79".into(),
                name: "Hồ Chí Minh".into(),
                place: None,
                counts: Counts::default().shown(),
            },
        ],
        services: vec![ServiceRow {
            id: "birth-registration".into(),
            title: Text::new("Đăng ký khai sinh", "Birth registration"),
            counts: totals,
            provinces_reaching: 1,
            provinces_below: vec!["79".into()],
        }],
        target: 2.5,
    }
}

fn filters() -> Filters {
    Filters {
        period: Period::quarter(2026, 4).unwrap(),
        province: Some("01".into()),
        service: Some("birth-registration".into()),
        sort: Indicator::OnlineShare,
        ascending: true,
    }
}

fn attr(root: &web_sys::HtmlElement, selector: &str, name: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.unchecked_into::<web_sys::Element>().get_attribute(name))
        .collect()
}

#[wasm_bindgen_test]
async fn suppressed_figures_say_fewer_than_five_and_no_bar_is_drawn_for_them() {
    let (root, i18n) = mount(Lang::Vi, || {
        view! { <StatisticsReport report=report(false) filters=filters()/> }
    });
    leptos::task::tick().await;

    let values = texts(&root, ".stat-figure__value");
    // Received online, decided (3: "< 5"), on-time share (of 3: "< 5"), decided late,
    // still open, overdue open (0), online share, paid online (nothing: "—"), satisfied.
    assert_eq!(values[0], "12.345");
    assert_eq!(values[1], "< 5");
    assert_eq!(values[2], "< 5");
    assert_eq!(values[5], "0");
    assert_eq!(values[6], "99,20 %");
    assert_eq!(values[7], "—");
    // The month table says "< 5" where the chart draws a hatched marker, not a bar.
    let month_cells = texts(&root, "#stat-months-table tbody td");
    assert_eq!(month_cells[..3], ["5.000", "1.200", "90,00 %"]);
    assert_eq!(month_cells[3..6], ["< 5", "0", "< 5"]);
    assert_eq!(month_cells[6..9], ["0", "0", "—"]);
    // One path per series, a bar for each count above 0; the one "< 5" (November's
    // received online) is a hatched marker of its own, in no series' path.
    let bars = attr(&root, ".chart__bar", "d");
    assert_eq!(bars.len(), 2);
    assert_eq!(bars[0].matches('M').count(), 1, "{}", bars[0]);
    assert_eq!(bars[1].matches('M').count(), 1, "{}", bars[1]);
    let suppressed = attr(&root, ".chart__suppressed", "d");
    assert_eq!(suppressed[0].matches('M').count(), 1, "{suppressed:?}");
    assert_eq!(
        attr(&root, ".chart__suppressed", "fill"),
        ["url(#stat-months-bars-hatch)"]
    );
    assert!(texts(&root, ".chart__keys li")
        .iter()
        .any(|t| t.contains("dưới 5 hồ sơ")));
    // The charts are images named by their title and description.
    let svg = root.query_selector("svg.chart__svg").unwrap().unwrap();
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        svg.get_attribute("aria-labelledby").as_deref(),
        Some("stat-months-bars-title stat-months-bars-desc")
    );
    // The services' target and the provinces below it, by name.
    let service_cells = texts(&root, "#stat-services-table tbody td");
    assert_eq!(service_cells[3], "1/2");
    // The provinces below the target are folded under their number.
    assert_eq!(
        texts(&root, ".table__details summary"),
        ["1 tỉnh, thành phố"]
    );
    assert_eq!(texts(&root, ".table__details p"), ["Hồ Chí Minh"]);
    // A province with nothing to rank has no place.
    let ranking = texts(&root, "#stat-provinces-table tbody td");
    assert_eq!(ranking[0], "1");
    assert!(ranking.contains(&"—".to_string()));

    i18n.lang.set(Lang::En);
    leptos::task::tick().await;
    let values = texts(&root, ".stat-figure__value");
    assert_eq!(values[0], "12,345");
    assert_eq!(values[1], "< 5");
    assert_eq!(texts(&root, "#stat-services-table tbody td")[3], "1 of 2");
}

#[wasm_bindgen_test]
async fn the_switch_shows_the_table_instead_of_the_chart() {
    let (root, _) = mount(Lang::En, || {
        view! { <StatisticsReport report=report(false) filters=filters()/> }
    });
    leptos::task::tick().await;
    let switch = root.query_selector(".chart-switch").unwrap().unwrap();
    let buttons = switch.query_selector_all(".chart-switch__button").unwrap();
    let button = |i| {
        buttons
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
    };
    let hidden = |selector: &str| {
        switch
            .query_selector(selector)
            .unwrap()
            .unwrap()
            .class_list()
            .contains("chart-switch--hidden")
    };
    assert_eq!(button(0).text_content().as_deref(), Some("Chart"));
    assert_eq!(
        button(0).get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        button(1).get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert!(!hidden(".chart-switch__chart"));
    assert!(hidden(".chart-switch__table"));

    button(1).click();
    leptos::task::tick().await;
    assert_eq!(
        button(1).get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        button(0).get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert!(hidden(".chart-switch__chart"));
    assert!(!hidden(".chart-switch__table"));

    button(0).click();
    leptos::task::tick().await;
    assert!(!hidden(".chart-switch__chart"));
    assert!(hidden(".chart-switch__table"));
}

#[wasm_bindgen_test]
async fn downloads_and_sort_links_carry_the_filters() {
    let (root, _) = mount(Lang::En, || {
        view! { <StatisticsReport report=report(false) filters=filters()/> }
    });
    leptos::task::tick().await;
    let f = filters();
    let hrefs = attr(&root, ".stat-downloads a", "href");
    let want: Vec<String> = Table::ALL
        .into_iter()
        .flat_map(|t| {
            [
                f.download_url(t, Format::Csv),
                f.download_url(t, Format::Json),
            ]
        })
        .collect();
    assert_eq!(hrefs, want);
    assert!(hrefs[0].contains("province=01") && hrefs[0].contains("sort=online"));
    assert_eq!(
        attr(&root, ".stat-downloads a", "download"),
        [
            "months.csv",
            "months.json",
            "provinces.csv",
            "provinces.json",
            "services.csv",
            "services.json"
        ]
    );
    assert_eq!(
        attr(&root, ".stat-downloads a", "aria-label")[2],
        "CSV: Provinces ranked"
    );
    // Sorting is a link: the sorted column reverses, the others rank highest first.
    let sorts = attr(&root, ".table__sort", "href");
    assert_eq!(sorts.len(), 5);
    assert!(sorts[2].ends_with("sort=online"), "{}", sorts[2]);
    assert!(sorts[0].ends_with("sort=received-online"), "{}", sorts[0]);
    assert!(sorts[1].starts_with("/statistics?period=2026-q4&province=01"));
    assert!(!sorts[1].contains("sort="), "the default: {}", sorts[1]);
    assert_eq!(attr(&root, "th[aria-sort]", "aria-sort"), ["ascending"]);
    // The chosen province's row is marked.
    assert_eq!(texts(&root, ".table__row--chosen th"), ["Hà Nội"]);
}

#[wasm_bindgen_test]
async fn generated_data_is_announced_and_an_empty_selection_says_so() {
    let (root, _) = mount(Lang::Vi, || {
        view! { <StatisticsReport report=report(true) filters=filters()/> }
    });
    leptos::task::tick().await;
    let notice = texts(&root, ".stat-generated h2");
    assert_eq!(notice, ["Số liệu có cả dữ liệu tạo ra để trình diễn"]);

    let mut hanoi = report(false);
    hanoi.province = Some(Place {
        code: "01".into(),
        name: "Hà Nội".into(),
    });
    let (plain, _) = mount(Lang::En, move || {
        view! { <StatisticsReport report=hanoi filters=filters()/> }
    });
    leptos::task::tick().await;
    assert!(texts(&plain, ".stat-generated").is_empty());
    assert_eq!(
        texts(&plain, ".stat-selection"),
        ["Q4 2026 · Hà Nội · All services"]
    );
    assert!(texts(&plain, ".stat-as-of")[0].starts_with("Figures up to the end of 30/11/2026"));

    let mut none = report(false);
    none.totals = Counts::default().shown();
    let (empty, _) = mount(Lang::En, move || {
        view! { <StatisticsReport report=none filters=filters()/> }
    });
    leptos::task::tick().await;
    assert_eq!(
        texts(&empty, ".stat-empty h2"),
        ["No dossiers in this selection"]
    );
    assert!(texts(&empty, "table").is_empty());
}

#[wasm_bindgen_test]
async fn the_filters_are_labelled_selects_that_send_the_new_filters() {
    let chosen = RwSignal::new(None::<Filters>);
    let current = RwSignal::new(filters());
    let choices = Choices::of(&report(false));
    let (root, _) = mount(Lang::En, move || {
        view! {
            <StatisticsFilters
                filters=current
                choices=Signal::derive(move || choices.clone())
                periods=Period::recent(portal_core::validators::Date::new(2026, 11, 20).unwrap())
                on_change=Callback::new(move |f| chosen.set(Some(f)))
            />
        }
    });
    leptos::task::tick().await;
    for id in ["stat-period", "stat-province", "stat-service"] {
        assert!(
            root.query_selector(&format!("label[for={id}]"))
                .unwrap()
                .is_some(),
            "{id}"
        );
    }
    let select = |id: &str| {
        root.query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlSelectElement>()
    };
    assert_eq!(select("stat-period").value(), "2026-q4");
    assert_eq!(select("stat-province").value(), "01");
    assert_eq!(
        texts(&root, "#stat-province option"),
        ["Whole country", "Hà Nội", "Hồ Chí Minh"]
    );
    assert_eq!(select("stat-service").value(), "birth-registration");

    let province = select("stat-province");
    province.set_value("");
    province
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    let sent = chosen.get_untracked().expect("a change is sent");
    assert_eq!(sent.province, None);
    assert_eq!(
        sent.page_url(),
        "/statistics?period=2026-q4&service=birth-registration&sort=online&order=asc"
    );

    let period = select("stat-period");
    period.set_value("2026-10");
    period
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(
        chosen.get_untracked().map(|f| f.period.slug()).as_deref(),
        Some("2026-10")
    );
}

#[wasm_bindgen_test]
async fn the_page_asks_for_this_month_explains_a_failure_and_retries() {
    // No stub matches yet: the request fails like a dropped connection.
    stub_fetch(&[]);
    let (root, _) = mount(Lang::En, || {
        view! { <StatisticsPage/> }
    });
    let alert = wait_for(&root, "[role=alert]").await;
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("The statistics could not be loaded"));
    let this_month = Period::month_of(portal_core::validators::Date::today_in_vietnam(
        js_sys::Date::now() as i64,
    ))
    .slug();
    // gloo-net 0.6 joins the URL's own query and its (empty) extra one with "&".
    let asked: Vec<String> = fetched()
        .iter()
        .map(|p| p.trim_end_matches('&').to_string())
        .collect();
    assert_eq!(asked, [format!("/api/v1/statistics?period={this_month}")]);

    let body = serde_json::to_string(&report(true)).unwrap();
    stub_fetch(&[("/api/v1/statistics?", 200, body)]);
    click(&root, "[role=alert] button");
    wait_for(&root, ".stat-figures").await;
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
    assert_eq!(texts(&root, ".stat-generated h2").len(), 1);
    // The selects now offer the report's provinces and services.
    assert_eq!(
        texts(&root, "#stat-province option"),
        ["Whole country", "Hà Nội", "Hồ Chí Minh"]
    );
    assert_eq!(
        texts(&root, "#stat-service option"),
        ["All services", "Birth registration"]
    );
}
