//! The address picker and its old-address helper, mounted in headless Chromium against a
//! stubbed API: lazy loading of one province's communes, filtering with or without
//! diacritics, labels and live counts, validation, conversion of an old address, errors.

mod support;

use leptos::prelude::*;
use portal_core::admin_units::{
    Commune, CommuneKind, LegacyMatch, LegacyResult, LegacyWard, NewAddress, Province,
    ProvinceCommunes, ProvinceKind,
};
use portal_web::components::{AddressChoice, AddressPicker};
use portal_web::i18n::Lang;
use support::{
    attr, choose, click, fetched, mount, sleep, stub_fetch, texts, type_text, wait_for, wait_until,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn province(code: &str, kind: ProvinceKind, name: &str, communes: u32) -> Province {
    Province {
        code: code.into(),
        kind,
        name: name.into(),
        abbr: "XXX".into(),
        communes,
    }
}

fn commune(code: &str, kind: CommuneKind, name: &str) -> Commune {
    Commune {
        code: code.into(),
        kind,
        name: name.into(),
    }
}

fn hanoi() -> Province {
    province("01", ProvinceKind::City, "Hà Nội", 4)
}

fn hanoi_communes() -> Vec<Commune> {
    vec![
        commune("00004", CommuneKind::Phuong, "Ba Đình"),
        commune("09700", CommuneKind::Xa, "Ba Vì"),
        commune("00070", CommuneKind::Phuong, "Hoàn Kiếm"),
        commune("00008", CommuneKind::Phuong, "Ngọc Hà"),
    ]
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("json")
}

/// The API as the server answers it, for two provinces.
fn api_routes() -> Vec<(&'static str, u16, String)> {
    let hue = province("46", ProvinceKind::City, "Huế", 1);
    vec![
        (
            "/api/v1/admin-units/provinces/01/communes",
            200,
            json(&ProvinceCommunes {
                province: hanoi(),
                communes: hanoi_communes(),
            }),
        ),
        (
            "/api/v1/admin-units/provinces/46/communes",
            200,
            json(&ProvinceCommunes {
                province: hue.clone(),
                communes: vec![commune("19996", CommuneKind::Phuong, "Hương Trà")],
            }),
        ),
        (
            "/api/v1/admin-units/provinces",
            200,
            format!(
                r#"{{"version":"test","provinces":{}}}"#,
                json(&vec![hanoi(), hue])
            ),
        ),
        (
            "/api/v1/admin-units/legacy",
            200,
            json(&LegacyResult {
                matches: vec![LegacyMatch {
                    old: LegacyWard {
                        code: Some("00004".into()),
                        ward: "Phường Trúc Bạch".into(),
                        district: "Quận Ba Đình".into(),
                        province: "Thành phố Hà Nội".into(),
                        communes: vec!["00004".into()],
                    },
                    new: vec![NewAddress {
                        province: hanoi(),
                        commune: hanoi_communes()[0].clone(),
                    }],
                }],
            }),
        ),
    ]
}

fn option_texts(root: &web_sys::HtmlElement, select: &str) -> Vec<String> {
    texts(root, &format!("{select} option"))
}

fn select_value(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .map(|e| e.unchecked_into::<web_sys::HtmlSelectElement>().value())
        .unwrap_or_default()
}

/// Mounts a picker; `id` must differ between tests, as earlier mounts stay in the page.
fn mount_picker(lang: Lang, id: &'static str) -> (web_sys::HtmlElement, RwSignal<AddressChoice>) {
    let choice = RwSignal::new(AddressChoice::default());
    let (root, _) = mount(lang, move || {
        view! { <AddressPicker id legend=Signal::derive(|| "Nơi cư trú của bạn".to_string()) choice/> }
    });
    (root, choice)
}

#[wasm_bindgen_test]
async fn provinces_first_then_one_province_loaded_and_filtered() {
    stub_fetch(&api_routes());
    let (root, choice) = mount_picker(Lang::Vi, "a");
    wait_for(&root, "#a-province").await;

    assert_eq!(texts(&root, "legend"), vec!["Nơi cư trú của bạn"]);
    assert_eq!(
        texts(&root, "label[for=a-province]"),
        vec!["Tỉnh, thành phố"]
    );
    assert_eq!(
        option_texts(&root, "#a-province"),
        vec!["Chọn tỉnh, thành phố", "Hà Nội", "Huế"]
    );
    assert!(root.query_selector("#a-commune").unwrap().is_none());
    assert_eq!(
        fetched(),
        vec!["/api/v1/admin-units/provinces"],
        "no commune list before a province"
    );

    choose(&root, "#a-province", "01");
    wait_for(&root, "#a-commune").await;
    assert_eq!(
        fetched(),
        vec![
            "/api/v1/admin-units/provinces",
            "/api/v1/admin-units/provinces/01/communes"
        ],
        "only the chosen province's communes are fetched"
    );
    assert_eq!(
        choice.get_untracked().province.map(|p| p.code).as_deref(),
        Some("01")
    );
    assert_eq!(
        texts(&root, "label[for=a-commune]"),
        vec!["Xã, phường, đặc khu"]
    );
    assert_eq!(
        texts(&root, "label[for=a-filter]"),
        vec!["Tìm xã, phường, đặc khu theo tên"]
    );
    assert_eq!(
        attr(&root, "#a-filter", "aria-controls").as_deref(),
        Some("a-commune")
    );
    assert_eq!(
        option_texts(&root, "#a-commune"),
        vec![
            "Chọn xã, phường, đặc khu",
            "Phường Ba Đình",
            "Xã Ba Vì",
            "Phường Hoàn Kiếm",
            "Phường Ngọc Hà"
        ]
    );
    assert_eq!(texts(&root, "#a-count"), vec!["4 xã, phường, đặc khu"]);
    assert_eq!(attr(&root, "#a-count", "role").as_deref(), Some("status"));

    // Without diacritics, with the kind, and by the start of words.
    for (typed, expected) in [
        ("ba dinh", vec!["Phường Ba Đình"]),
        ("BA", vec!["Phường Ba Đình", "Xã Ba Vì"]),
        ("phuong ng ha", vec!["Phường Ngọc Hà"]),
        ("Hoàn", vec!["Phường Hoàn Kiếm"]),
    ] {
        type_text(&root, "#a-filter", typed);
        sleep(0).await;
        let mut shown = option_texts(&root, "#a-commune");
        shown.remove(0);
        assert_eq!(shown, expected, "{typed:?}");
    }
    type_text(&root, "#a-filter", "ba");
    sleep(0).await;
    assert_eq!(
        texts(&root, "#a-count"),
        vec!["2 xã, phường, đặc khu phù hợp"]
    );

    choose(&root, "#a-commune", "00004");
    sleep(0).await;
    assert_eq!(
        choice.get_untracked().place_name().as_deref(),
        Some("Phường Ba Đình, Thành phố Hà Nội")
    );

    // Filtering the choice away keeps it selected, and says nothing matches.
    type_text(&root, "#a-filter", "zzz");
    sleep(0).await;
    assert_eq!(
        option_texts(&root, "#a-commune"),
        vec!["Chọn xã, phường, đặc khu", "Phường Ba Đình"]
    );
    assert_eq!(select_value(&root, "#a-commune"), "00004");
    assert!(
        texts(&root, "#a-count")[0].starts_with("Không có xã, phường, đặc khu nào khớp với “zzz”")
    );

    // Another province: the commune and the filter start again, its list is fetched.
    choose(&root, "#a-province", "46");
    wait_until("Huế's communes", || {
        option_texts(&root, "#a-commune").contains(&"Phường Hương Trà".to_string())
    })
    .await;
    let c = choice.get_untracked();
    assert_eq!(c.province.map(|p| p.code).as_deref(), Some("46"));
    assert!(c.commune.is_none());
    assert_eq!(
        root.query_selector("#a-filter")
            .unwrap()
            .map(|e| e.unchecked_into::<web_sys::HtmlInputElement>().value())
            .as_deref(),
        Some("")
    );
}

#[wasm_bindgen_test]
async fn old_address_is_validated_converted_and_fills_the_picker() {
    stub_fetch(&api_routes());
    let (root, choice) = mount_picker(Lang::Vi, "t");
    wait_for(&root, "#t-province").await;
    click(&root, ".legacy-address__toggle");
    // Its inside is drawn once opened (the toggle event comes after the click).
    wait_for(&root, "#t-old-ward").await;
    assert_eq!(
        texts(&root, "label[for=t-old-ward]"),
        vec!["Phường, xã, thị trấn cũ"]
    );

    // Nothing typed: both required fields say what to do, and focus goes to the first.
    click(&root, ".legacy-address__body button");
    sleep(0).await;
    assert_eq!(
        texts(&root, ".error-message"),
        vec![
            "Lỗi: Nhập tên phường, xã hoặc thị trấn cũ",
            "Lỗi: Nhập tên tỉnh, thành phố cũ"
        ]
    );
    assert_eq!(
        attr(&root, "#t-old-ward", "aria-invalid").as_deref(),
        Some("true")
    );
    assert!(attr(&root, "#t-old-ward", "aria-describedby")
        .is_some_and(|d| d.contains("t-old-ward-error")));
    assert_eq!(attr(&root, "#t-old-district", "aria-invalid"), None);
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("t-old-ward")
    );
    assert!(
        !fetched().iter().any(|p| p.contains("legacy")),
        "no request for an invalid query"
    );

    type_text(&root, "#t-old-ward", "truc bach");
    type_text(&root, "#t-old-province", "ha noi");
    click(&root, ".legacy-address__body button");
    wait_for(&root, ".legacy-address__use").await;
    assert!(texts(&root, ".error-message").is_empty());
    assert!(fetched()
        .iter()
        .any(|p| p.starts_with("/api/v1/admin-units/legacy?")
            && p.contains("ward=truc+bach")
            && p.contains("province=ha+noi")));
    assert_eq!(
        texts(&root, ".legacy-address__status"),
        vec!["Tìm thấy 1 địa chỉ cũ phù hợp."]
    );
    assert_eq!(
        texts(&root, ".legacy-address__old"),
        vec!["Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội nay thuộc:"]
    );
    assert_eq!(
        texts(&root, ".legacy-address__place"),
        vec!["Phường Ba Đình, Thành phố Hà Nội"]
    );
    // The button's accessible name says which address it uses.
    let label = root
        .query_selector(".legacy-address__use")
        .unwrap()
        .and_then(|b| b.get_attribute("aria-label"))
        .unwrap_or_default();
    assert!(
        label.contains("Phường Ba Đình, Thành phố Hà Nội"),
        "{label}"
    );

    click(&root, ".legacy-address__use");
    wait_until("the picker shows the new commune", || {
        select_value(&root, "#t-commune") == "00004"
    })
    .await;
    assert_eq!(select_value(&root, "#t-province"), "01");
    assert_eq!(
        choice.get_untracked().place_name().as_deref(),
        Some("Phường Ba Đình, Thành phố Hà Nội")
    );
    assert_eq!(
        texts(&root, ".legacy-address__status"),
        vec!["Đã chọn Phường Ba Đình, Thành phố Hà Nội."]
    );
}

#[wasm_bindgen_test]
async fn nothing_found_is_said_in_english() {
    let mut routes = api_routes();
    routes.retain(|(p, _, _)| !p.contains("legacy"));
    routes.push((
        "/api/v1/admin-units/legacy",
        200,
        r#"{"matches":[]}"#.into(),
    ));
    stub_fetch(&routes);
    let (root, _) = mount_picker(Lang::En, "e");
    wait_for(&root, "#e-province").await;
    assert_eq!(
        texts(&root, "label[for=e-province]"),
        vec!["Province or city"]
    );
    click(&root, ".legacy-address__toggle");
    wait_for(&root, "#e-old-ward").await;
    type_text(&root, "#e-old-ward", "Phường Không Có");
    type_text(&root, "#e-old-province", "Hà Nội");
    click(&root, ".legacy-address__body button");
    wait_until("the answer", || {
        !texts(&root, ".legacy-address__status")[0].is_empty()
            && texts(&root, ".legacy-address__status")[0] != "Loading…"
    })
    .await;
    assert_eq!(
        texts(&root, ".legacy-address__status"),
        vec![
            "We could not find this old address. Check the spelling, or leave the district empty."
        ]
    );
    assert!(root
        .query_selector(".legacy-address__use")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_failed_load_is_explained_and_retry_recovers() {
    stub_fetch(&[(
        "/api/v1/admin-units/provinces",
        503,
        r#"{"error":{"code":"admin_units_unavailable","message":"x"}}"#.into(),
    )]);
    let (root, _) = mount_picker(Lang::Vi, "f");
    let alert = wait_for(&root, "[role=alert]").await;
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("Không tải được danh sách tỉnh, xã"));
    stub_fetch(&api_routes());
    click(&root, "[role=alert] button");
    wait_for(&root, "#f-province").await;
    assert!(root.query_selector("[role=alert]").unwrap().is_none());

    // A province whose communes fail to load offers a retry too.
    let mut routes = api_routes();
    routes.insert(
        0,
        (
            "/api/v1/admin-units/provinces/01/communes",
            500,
            "oops".into(),
        ),
    );
    stub_fetch(&routes);
    choose(&root, "#f-province", "01");
    wait_for(&root, "[role=alert]").await;
    stub_fetch(&api_routes());
    click(&root, "[role=alert] button");
    wait_for(&root, "#f-commune").await;
}
