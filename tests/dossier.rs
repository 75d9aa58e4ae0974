//! The confirmation and tracking page's pieces mounted in headless Chromium with a
//! dossier as the API returns it: the reference panel, the timeline, the request for
//! more documents with its deadline, bundle procedures, payment, the lookup secret.

mod support;

use leptos::prelude::*;
use portal_web::i18n::Lang;
use portal_web::pages::dossier::{ConfirmationPanel, DossierListView, DossierView, Timeline};
use portal_web::tracking::{Dossier, DossierList, ServiceFacts, ServiceNames, TimelineEntry};
use support::{mount, texts};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn dossier(json: serde_json::Value) -> Dossier {
    serde_json::from_value(json).expect("a dossier as the contract shapes it")
}

fn base() -> serde_json::Value {
    serde_json::json!({
        "code": "000.00.00.H99-251127-0001",
        "service_id": "temporary-residence-registration",
        "status": "received",
        "procedures": [{"service_id": "temporary-residence-registration", "status": "received"}],
        "payment": {"status": "unpaid", "amount": 7000},
        "timeline": [{"at": "2025-11-27T01:00:00Z", "event": "submitted", "by": "applicant"}],
        "lookup_secret": "ABCD-EFGH-JKLM",
        "created_at": "2025-11-27T01:00:00Z",
        "updated_at": "2025-11-27T01:00:00Z",
        "applicant": {"kind": "citizen", "full_name": "Nguyễn Văn An", "id_number": "001085012345"},
        "catalogue_version": "v1",
        "answers": {},
        "attachments": []
    })
}

fn facts() -> ServiceFacts {
    ServiceFacts {
        name: portal_core::Text::new("Đăng ký tạm trú", "Temporary residence"),
        agency: portal_core::Text::new("Công an cấp xã", "Commune police"),
        processing_time: portal_core::Text::new("Tối đa 3 ngày làm việc", "Up to 3 working days"),
        procedure_names: ServiceNames(vec![
            (
                "death-registration".into(),
                portal_core::Text::new("Đăng ký khai tử", "Death registration"),
            ),
            (
                "funeral-allowance".into(),
                portal_core::Text::new("Trợ cấp mai táng", "Funeral allowance"),
            ),
        ]),
    }
}

#[wasm_bindgen_test]
async fn the_panel_shows_the_reference_big_under_its_title() {
    let (root, i18n) = mount(Lang::Vi, || {
        view! { <ConfirmationPanel code="000.00.00.H99-251127-0001".to_string() title=portal_web::i18n::Key::DossierTitle/> }
    });
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".panel__title"), vec!["Hồ sơ đã được gửi"]);
    assert_eq!(
        texts(&root, ".panel__code"),
        vec!["000.00.00.H99-251127-0001"]
    );
    i18n.lang.set(Lang::En);
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".panel__title"), vec!["Application submitted"]);
}

#[wasm_bindgen_test]
async fn the_timeline_lists_events_newest_first_with_reasons_and_procedures() {
    let entries: Vec<TimelineEntry> = serde_json::from_value(serde_json::json!([
        {"at": "2025-11-27T01:00:00Z", "event": "submitted", "by": "applicant"},
        {"at": "2025-11-27T02:00:00Z", "event": "payment_failed", "by": "payment"},
        {"at": "2025-11-27T03:00:00Z", "event": "payment_succeeded", "by": "payment"},
        {"at": "2025-11-28T03:00:00Z", "event": "status_changed", "status": "additional_documents_requested",
         "procedure": "funeral-allowance", "reason": "Thiếu giấy xác nhận", "by": "agency"}
    ]))
    .unwrap();
    let (root, _) = mount(
        Lang::Vi,
        move || view! { <Timeline entries facts=Some(facts())/> },
    );
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, ".timeline__what"),
        vec![
            "Cần bổ sung giấy tờ",
            "Đã thanh toán",
            "Thanh toán không thành công",
            "Đã nộp hồ sơ trực tuyến"
        ]
    );
    assert_eq!(
        texts(&root, ".timeline__procedure"),
        vec!["Trợ cấp mai táng"]
    );
    assert_eq!(
        texts(&root, ".timeline__reason"),
        vec!["Thiếu giấy xác nhận"]
    );
    // Times are shown as day/month/year hour:minute.
    let when = texts(&root, ".timeline__when");
    assert_eq!(when.len(), 4);
    assert!(when[3].contains("/11/2025"), "{when:?}");
}

#[wasm_bindgen_test]
async fn a_new_dossier_shows_code_secret_what_next_and_the_pay_button() {
    let d = dossier(base());
    let (root, _) = mount(Lang::Vi, move || {
        view! { <DossierView dossier=d facts=facts() owner=true submitted=true on_change=Callback::new(|_| ())/> }
    });
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, ".panel__code"),
        vec!["000.00.00.H99-251127-0001"]
    );
    assert_eq!(texts(&root, ".code"), vec!["ABCD-EFGH-JKLM"]);
    let all = root.text_content().unwrap_or_default();
    assert!(
        all.contains("Tối đa 3 ngày làm việc"),
        "processing time shown"
    );
    assert!(all.contains("Công an cấp xã"), "agency shown");
    assert!(all.contains("18001096"), "contact shown");
    assert!(all.contains("7.000 ₫"), "amount shown");
    let buttons = texts(&root, "button");
    assert!(buttons.contains(&"In biên nhận".to_string()), "{buttons:?}");
    assert!(
        buttons.contains(&"Thanh toán lệ phí".to_string()),
        "{buttons:?}"
    );
    // Just sent: the green confirmation; the fee due is the one thing to do.
    assert!(root.query_selector(".panel--good").unwrap().is_some());
    assert_eq!(
        texts(&root, ".notice--action h2"),
        vec!["Bạn cần nộp lệ phí"]
    );
    assert_eq!(texts(&root, ".notice__amount"), vec!["7.000 ₫"]);
}

#[wasm_bindgen_test]
async fn a_request_for_documents_is_at_the_top_with_reason_deadline_and_upload() {
    let mut json = base();
    json["status"] = "additional_documents_requested".into();
    json["payment"] = serde_json::json!({"status": "paid", "amount": 7000});
    // The deadline is the server's: here not the 7 working days the portal would count
    // from 1 July, to show that the page counts nothing itself.
    json["documents_requested"] = serde_json::json!({
        "reason": "Ảnh chụp hợp đồng thuê nhà bị mờ", "at": "2025-07-01T03:00:00Z", "procedures": [],
        "due": "2025-07-15", "working_days": 10
    });
    let d = dossier(json);
    let (root, _) = mount(Lang::Vi, move || {
        view! { <DossierView dossier=d facts=facts() owner=true on_change=Callback::new(|_| ())/> }
    });
    leptos::task::tick().await;
    // The request leads, in the colour of something to do.
    assert_eq!(
        texts(&root, ".panel--action .panel__title"),
        vec!["Cần bổ sung giấy tờ"]
    );
    assert_eq!(
        texts(&root, ".notice__reason"),
        vec!["Ảnh chụp hợp đồng thuê nhà bị mờ"]
    );
    assert_eq!(
        texts(&root, ".notice__deadline"),
        vec!["Hạn bổ sung: 15/07/2025 (10 ngày làm việc kể từ khi có yêu cầu)."]
    );
    assert!(root
        .query_selector(".notice--action input[type=file]")
        .unwrap()
        .is_some());
    assert_eq!(texts(&root, ".tag--action"), vec!["Cần bổ sung giấy tờ"]);
    // Paid: no pay button.
    assert!(!texts(&root, "button")
        .iter()
        .any(|b| b.starts_with("Thanh toán")));
}

#[wasm_bindgen_test]
async fn a_public_lookup_has_no_upload_secret_or_payment_and_a_bundle_lists_procedures() {
    let mut json = base();
    // A lookup sees the public view: none of what only the applicant sees.
    for only_applicant in [
        "lookup_secret",
        "applicant",
        "catalogue_version",
        "answers",
        "attachments",
    ] {
        json.as_object_mut().unwrap().remove(only_applicant);
    }
    json["status"] = "rejected".into();
    json["procedures"] = serde_json::json!([
        {"service_id": "death-registration", "status": "approved"},
        {"service_id": "funeral-allowance", "status": "rejected"}
    ]);
    json["timeline"].as_array_mut().unwrap().push(serde_json::json!(
        {"at": "2025-11-28T01:00:00Z", "event": "status_changed", "status": "rejected", "reason": "Không đủ điều kiện", "by": "agency"}
    ));
    let d = dossier(json);
    let (root, _) = mount(Lang::Vi, move || {
        view! { <DossierView dossier=d facts=facts() on_change=Callback::new(|_| ())/> }
    });
    leptos::task::tick().await;
    assert!(root.query_selector(".code").unwrap().is_none());
    assert!(root.query_selector("input[type=file]").unwrap().is_none());
    assert!(!texts(&root, "button")
        .iter()
        .any(|b| b.starts_with("Thanh toán")));
    assert_eq!(
        texts(&root, ".procedures dt"),
        vec!["Đăng ký khai tử", "Trợ cấp mai táng"]
    );
    assert_eq!(
        texts(&root, ".procedures .tag"),
        vec!["Đã được giải quyết", "Bị từ chối"]
    );
    assert!(texts(&root, "#rejected-title + p")
        .join("")
        .contains("Không đủ điều kiện"));
    assert_eq!(
        texts(&root, ".panel--bad .panel__title"),
        vec!["Hồ sơ bị từ chối"]
    );
    assert!(
        root.query_selector(".what-next").unwrap().is_none(),
        "nothing is said to come next after a refusal"
    );
}

#[wasm_bindgen_test]
async fn my_dossiers_show_service_names_in_the_language_and_unknown_ids_as_they_are() {
    let list: DossierList = serde_json::from_value(serde_json::json!({"dossiers": [
        {"code": "000.00.00.H99-251127-0002", "service_id": "funeral-allowance", "subject": "Lê Văn Tư", "status": "in_processing",
         "procedures": [], "payment": {"status": "not_required"}, "catalogue_version": "v1",
         "created_at": "2025-11-27T02:00:00Z", "updated_at": "2025-11-27T02:00:00Z"},
        {"code": "000.00.00.H99-251127-0001", "service_id": "withdrawn-service", "status": "received",
         "procedures": [], "payment": {"status": "not_required"}, "catalogue_version": "v1",
         "created_at": "2025-11-27T01:00:00Z", "updated_at": "2025-11-27T01:00:00Z"}
    ]}))
    .unwrap();
    let names = facts().procedure_names;
    let (root, i18n) = mount(Lang::Vi, move || {
        view! { <DossierListView list names/> }
    });
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, ".service-item__name a"),
        vec!["000.00.00.H99-251127-0002", "000.00.00.H99-251127-0001"]
    );
    assert_eq!(
        texts(&root, ".service-item__service"),
        vec!["Trợ cấp mai táng", "withdrawn-service"]
    );
    // Whom a dossier is for, when its form names it.
    assert_eq!(
        texts(&root, ".service-item__subject"),
        vec!["Hồ sơ cho: Lê Văn Tư"]
    );
    i18n.lang.set(Lang::En);
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, ".service-item__service"),
        vec!["Funeral allowance", "withdrawn-service"]
    );
}

#[wasm_bindgen_test]
async fn a_service_only_the_index_lists_still_shows_its_name_and_procedure_names() {
    let index = portal_core::CatalogueIndex {
        version: "v1".into(),
        topics: vec![],
        services: vec![
            support::summary("death-bundle", "Liên thông khai tử", "Death bundle", None),
            support::summary(
                "funeral-allowance",
                "Trợ cấp mai táng",
                "Funeral allowance",
                None,
            ),
        ],
    };
    assert!(ServiceFacts::listed("not-listed", &index).is_none());
    let facts = ServiceFacts::listed("death-bundle", &index).unwrap();
    let mut json = base();
    json["service_id"] = "death-bundle".into();
    json["procedures"] = serde_json::json!([
        {"service_id": "death-registration", "status": "received"},
        {"service_id": "funeral-allowance", "status": "received"}
    ]);
    let d = dossier(json);
    let (root, i18n) = mount(Lang::Vi, move || {
        view! { <DossierView dossier=d facts owner=true on_change=Callback::new(|_| ())/> }
    });
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".lead"), vec!["Liên thông khai tử"]);
    // A procedure the index does not list keeps its id; the others get their names.
    assert_eq!(
        texts(&root, ".procedures dt"),
        vec!["death-registration", "Trợ cấp mai táng"]
    );
    // No processing time is known: no empty line for it.
    assert!(!root
        .text_content()
        .unwrap_or_default()
        .contains("Thời hạn giải quyết"));
    i18n.lang.set(Lang::En);
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".lead"), vec!["Death bundle"]);
}

#[wasm_bindgen_test]
async fn a_key_already_used_with_other_answers_says_so_keeps_the_answers_and_links_to_my_dossiers()
{
    use portal_core::form::{
        Answer, Field, FieldId, FieldKind, Form, IndexedForm, Step, TextOptions,
    };
    use portal_web::form::drafts::{load_pending, remove_pending};
    use portal_web::form::FormState;
    use portal_web::pages::submit::SubmitSection;
    use portal_web::session::{FormSession, Session};

    let field = Field {
        id: FieldId("name".into()),
        label: portal_core::Text::new("Họ tên", "Name"),
        error_label: None,
        hint: None,
        required: true,
        shown_if: None,
        prefill: None,
        copy: None,
        kind: FieldKind::Text(TextOptions::default()),
    };
    let form = Form {
        subject: None,
        place: None,
        steps: vec![Step {
            id: "about".into(),
            title: field.label.clone(),
            intro: None,
            shown_if: None,
            fields: vec![field],
        }],
        fees: Vec::new(),
    };
    let state = FormState::ephemeral(IndexedForm::new(form));
    state.set("name", Some(Answer::Text("Nguyễn Văn An".into())));
    remove_pending("example");
    support::stub_fetch(&[(
        "/api/v1/dossiers",
        409,
        serde_json::json!({"error": {"code": "idempotency_key_reused",
            "message": "this Idempotency-Key was already used for a different submission"}})
        .to_string(),
    )]);
    let st = state.clone();
    let (root, i18n) = mount(Lang::Vi, move || {
        let session: FormSession = serde_json::from_value(serde_json::json!({
            "signed_in": true,
            "user": {
                "subject": "sandbox-citizen-1",
                "kind": "citizen",
                "full_name": "Nguyễn Văn An",
                "date_of_birth": "1985-03-14",
                "sex": "male",
                "id_number": "001085012345",
                "phone": "0912345678",
                "email": "an@example.vn",
                "permanent_address": {"province_code": "01", "commune_code": "00004", "street": "1 Hàng Bạc"}
            }
        }))
        .expect("a session as the contract shapes it");
        provide_context(Session::known(Some(session)));
        view! { <SubmitSection state=st/> }
    });
    leptos::task::tick().await;
    support::click(&root, ".submit button");
    support::wait_for(&root, ".submit__already").await;
    assert_eq!(
        support::fetched()
            .iter()
            .filter(|p| p.starts_with("/api/v1/dossiers"))
            .count(),
        1
    );
    let said = texts(&root, ".submit__already p");
    assert!(
        said[0].starts_with("Hệ thống đã nhận một hồ sơ gửi từ trang này với nội dung khác"),
        "{said:?}"
    );
    assert_eq!(
        support::attr(&root, ".submit__already a", "href").as_deref(),
        Some("/dossiers")
    );
    // Nothing typed is lost; the attempt is dropped, so the next submit is a new one.
    assert_eq!(state.snapshot().text("name"), Some("Nguyễn Văn An"));
    assert!(load_pending("example").is_none());
    assert_eq!(texts(&root, ".submit button"), vec!["Gửi hồ sơ"]);
    i18n.lang.set(Lang::En);
    leptos::task::tick().await;
    let said = texts(&root, ".submit__already p");
    assert!(
        said[0].starts_with("We already received an application sent from this page"),
        "{said:?}"
    );
    assert_eq!(texts(&root, ".submit__already a"), vec!["My applications"]);
}

#[wasm_bindgen_test]
async fn without_a_deadline_from_the_server_none_is_shown() {
    let mut json = base();
    json["status"] = "additional_documents_requested".into();
    json["documents_requested"] = serde_json::json!({
        "reason": "Thiếu bản sao", "at": "2025-07-01T03:00:00Z", "procedures": []
    });
    let d = dossier(json);
    let (root, _) = mount(Lang::Vi, move || {
        view! { <DossierView dossier=d facts=facts() owner=true on_change=Callback::new(|_| ())/> }
    });
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".notice__reason"), vec!["Thiếu bản sao"]);
    assert!(texts(&root, ".notice__deadline").is_empty());
}

#[wasm_bindgen_test]
async fn after_send_the_dossiers_page_reads_the_service_outline_check_answers_already_read() {
    use portal_web::pages::dossier::DossierOf;
    let id = "outline-read-before";
    let mut json = base();
    json["service_id"] = id.into();
    json["procedures"] = serde_json::json!([{"service_id": id, "status": "received"}]);
    let outline = serde_json::json!({
        "id": id,
        "name": {"vi": "Xác nhận số CMND", "en": "Old ID number confirmation"},
        "agency": {"name": {"vi": "Công an cấp xã", "en": "Commune police"}, "level": "commune"},
        "processing_time": {"working_days": 7, "text": {"vi": "Tối đa 7 ngày làm việc", "en": "Up to 7 working days"},
            "confidence": "needs-check", "basis": "Nghị định 70/2024/NĐ-CP"}
    });
    support::stub_fetch(&[
        (
            "/api/v1/services/outline-read-before/overview",
            200,
            outline.to_string(),
        ),
        ("/api/v1/dossiers/", 200, json.to_string()),
    ]);
    let overview_reads = || {
        support::fetched()
            .iter()
            .filter(|p| p.as_str() == "/api/v1/services/outline-read-before/overview")
            .count()
    };
    // Check answers, once drawn, reads the outline of the service it is about to send.
    let (_check, _) = mount(Lang::Vi, move || {
        portal_web::api::read_outline_when_drawn(id);
        view! { <h1>"Kiểm tra"</h1> }
    });
    support::wait_until("Check answers read the outline", || overview_reads() == 1).await;
    support::sleep(20).await;
    // The dossier's page after Send reads the dossier alone, and names the service.
    let (root, _) = mount(Lang::Vi, || {
        portal_web::address::provide_own(|_| false);
        view! { <DossierOf code=Signal::stored("000.00.00.H99-251127-0001".to_string())/> }
    });
    support::wait_for(&root, ".panel__code").await;
    assert_eq!(texts(&root, ".lead"), vec!["Xác nhận số CMND"]);
    assert_eq!(overview_reads(), 1);
    assert_eq!(
        support::fetched(),
        vec![
            "/api/v1/services/outline-read-before/overview".to_string(),
            "/api/v1/dossiers/000.00.00.H99-251127-0001".to_string()
        ]
    );
}
