//! Components mounted in headless Chromium: the catalogue list, the error state and the
//! page frame's language switch.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use portal_web::components::service_list::DRAWN_AT_ONCE;
use portal_web::components::{ErrorState, ServiceList, Shell};
use portal_web::i18n::{Key, Lang};
use support::{mount, summary, texts};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn service_list_shows_each_service_with_its_facts_and_link() {
    let services = vec![
        summary(
            "birth-registration",
            "Đăng ký khai sinh",
            "Birth registration",
            Some(0),
        ),
        summary(
            "permanent-residence-registration",
            "Đăng ký thường trú",
            "Permanent residence",
            Some(10_000),
        ),
        summary(
            "land-change",
            "Đăng ký biến động đất đai",
            "Land change",
            None,
        ),
    ];
    let (root, i18n) = mount(Lang::Vi, move || view! { <ServiceList services=services/> });
    leptos::task::tick().await;

    assert_eq!(
        texts(&root, ".service-item__name"),
        vec![
            "Đăng ký khai sinh",
            "Đăng ký thường trú",
            "Đăng ký biến động đất đai"
        ]
    );
    let link = root
        .query_selector(".service-item__link")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlAnchorElement>();
    assert!(link.href().ends_with("/services/birth-registration"));
    let fees = texts(&root, ".tag--fee");
    assert_eq!(
        fees,
        vec![
            "Miễn phí",
            "Lệ phí trực tuyến từ 10.000 ₫",
            "Lệ phí tùy trường hợp"
        ]
    );

    i18n.lang.set(Lang::En);
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".service-item__name")[0], "Birth registration");
    assert_eq!(texts(&root, ".tag--fee")[0], "Free");
}

#[wasm_bindgen_test]
async fn list_follows_its_signal_keyed_by_id() {
    let list = RwSignal::new(vec![
        summary("a", "Một", "One", None),
        summary("b", "Hai", "Two", None),
    ]);
    let (root, _) = mount(Lang::En, move || view! { <ServiceList services=list/> });
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".service-item__name"), vec!["One", "Two"]);
    list.set(vec![summary("b", "Hai", "Two", None)]);
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".service-item__name"), vec!["Two"]);
    list.set(vec![]);
    leptos::task::tick().await;
    assert!(texts(&root, ".service-item").is_empty());
}

#[wasm_bindgen_test]
async fn a_long_list_draws_a_first_screen_then_the_rest_after_the_paint() {
    let names: Vec<String> = (1..=10).map(|i| format!("Service {i}")).collect();
    let list: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, name)| summary(&format!("s{i}"), &format!("Dịch vụ {i}"), name, None))
        .collect();
    let (root, _) = mount(
        Lang::En,
        move || view! { <ServiceList services=list.clone()/> },
    );
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, ".service-item__name"),
        names[..DRAWN_AT_ONCE].to_vec()
    );
    portal_web::tasks::after_next_paint().await;
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".service-item__name"), names);
}

#[wasm_bindgen_test]
async fn error_state_explains_and_retries() {
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = retries.clone();
    let (root, _) = mount(Lang::Vi, move || {
        let on_retry = Callback::new(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        view! { <ErrorState title=Key::LoadErrorTitle body=Key::LoadErrorBody on_retry=on_retry/> }
    });
    leptos::task::tick().await;

    let panel = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert region");
    assert!(panel
        .text_content()
        .unwrap()
        .contains("Không tải được danh mục dịch vụ"));
    let button = root
        .query_selector("button")
        .unwrap()
        .expect("a retry button")
        .unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(button.text_content().unwrap().trim(), "Thử lại");
    button.click();
    button.click();
    leptos::task::tick().await;
    assert_eq!(retries.load(Ordering::SeqCst), 2);
}

#[wasm_bindgen_test]
async fn shell_has_skip_link_landmarks_and_switches_language() {
    let (root, i18n) = mount(
        Lang::Vi,
        // The shell is given the page's path (the feedback link names the page).
        || view! { <Shell path=Signal::stored("/services/x".to_string())><p class="content">"x"</p></Shell> },
    );
    leptos::task::tick().await;

    let skip = root
        .query_selector(".skip-link")
        .unwrap()
        .expect("skip link");
    assert_eq!(skip.get_attribute("href").as_deref(), Some("#main-content"));
    assert!(root
        .query_selector("main#main-content .content")
        .unwrap()
        .is_some());
    assert!(root.query_selector("header").unwrap().is_some());
    assert!(root.query_selector("footer").unwrap().is_some());
    let feedback = root
        .query_selector(".phase-banner a")
        .unwrap()
        .expect("the banner's feedback link");
    assert!(feedback
        .get_attribute("href")
        .is_some_and(|h| h.starts_with("/feedback?from=%2F")));

    let button = root
        .query_selector(".header__lang")
        .unwrap()
        .expect("language switch")
        .unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(button.text_content().unwrap(), "English");
    assert_eq!(button.get_attribute("lang").as_deref(), Some("en"));
    button.click();
    leptos::task::tick().await;
    assert_eq!(i18n.lang.get_untracked(), Lang::En);
    assert_eq!(
        texts(&root, ".header__name"),
        vec!["National Public Service Portal"]
    );
    assert_eq!(button.text_content().unwrap(), "Tiếng Việt");
}

/// A bundle of one page without the router (the catalogue's, the statistics') keeps its
/// query in the history itself: a click on a link to the page changes the query in place,
/// and a link to another page, or one opened elsewhere, is left to the browser.
#[wasm_bindgen_test]
async fn a_one_page_bundle_keeps_its_query_and_leaves_other_pages_to_the_browser() {
    use portal_web::address::{provide_own, use_address};
    use std::cell::Cell;
    use std::rc::Rc;
    let start = window().location().href().unwrap();
    let owner = Owner::new();
    owner.set();
    // This test's page: only its own links, so the listener stays out of other tests' way.
    provide_own(|href| href.starts_with("/?address-test"));
    let address = use_address();
    // Whether the app took the click, seen by a listener after its own; then the
    // browser's navigation is stopped, which would leave the test page.
    let taken = Rc::new(Cell::new(None::<bool>));
    let seen = taken.clone();
    let after =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            seen.set(Some(ev.default_prevented()));
            ev.prevent_default();
        });
    window()
        .add_event_listener_with_callback("click", after.as_ref().unchecked_ref())
        .unwrap();
    let body = document().body().unwrap();
    let click = |href: &str, attrs: &[(&str, &str)]| {
        let a = document().create_element("a").unwrap();
        a.set_attribute("href", href).unwrap();
        for (k, v) in attrs {
            a.set_attribute(k, v).unwrap();
        }
        a.set_text_content(Some("link"));
        body.append_child(&a).unwrap();
        taken.set(None);
        a.unchecked_ref::<web_sys::HtmlElement>().click();
        a.remove();
        taken.get()
    };

    assert_eq!(click("/?address-test=1&q=khai+sinh", &[]), Some(true));
    assert_eq!(
        window().location().search().unwrap(),
        "?address-test=1&q=khai+sinh"
    );
    assert_eq!(
        address.query(&["q", "topic"]),
        vec![("q", "khai sinh".to_string())]
    );
    assert_eq!(click("/dossiers", &[]), Some(false));
    assert_eq!(click("https://vbpl.vn/", &[]), Some(false));
    assert_eq!(
        click("/?address-test=2", &[("target", "_blank")]),
        Some(false)
    );
    assert_eq!(click("/?address-test=3", &[("download", "")]), Some(false));
    assert_eq!(address.query(&["q"]), vec![("q", "khai sinh".to_string())]);

    // Back: the query follows the history.
    window().history().unwrap().back().unwrap();
    let mut waited = 0;
    while !address.query(&["q"]).is_empty() && waited < 50 {
        support::sleep(20).await;
        waited += 1;
    }
    assert!(address.query(&["q"]).is_empty(), "after back");

    window()
        .remove_event_listener_with_callback("click", after.as_ref().unchecked_ref())
        .unwrap();
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&start))
        .unwrap();
}

/// Puts in the page a data block for `url`, as the server does (`web/first_paint.rs`).
fn put_data_block(url: &str, version: Option<&str>, body: &str) {
    let doc = document();
    let block = doc.create_element("script").unwrap();
    block.set_attribute("type", "application/json").unwrap();
    block.set_attribute("id", "preload").unwrap();
    block.set_attribute("data-url", url).unwrap();
    if let Some(version) = version {
        block.set_attribute("data-version", version).unwrap();
    }
    block.set_text_content(Some(body));
    doc.head().unwrap().append_child(&block).unwrap();
}

#[wasm_bindgen_test]
fn data_the_server_put_in_the_page_is_taken_once() {
    let doc = document();
    put_data_block(
        "/api/v1/catalog",
        Some("c5ccca9c39813964"),
        r#"{"services":[]}"#,
    );
    assert_eq!(portal_web::api::preloaded("/api/v1/services/x"), None);
    assert_eq!(
        portal_web::api::preloaded("/api/v1/catalog"),
        Some(portal_web::api::Preloaded {
            body: r#"{"services":[]}"#.into(),
            version: Some("c5ccca9c39813964".into()),
        })
    );
    assert!(doc.get_element_by_id("preload").is_none());
    assert_eq!(portal_web::api::preloaded("/api/v1/catalog"), None);
}

/// The data the server put in the page is read in a task after the one that asks for it
/// (which draws the page around it), and handed over in the task after the reading, so
/// that drawing it is a task of its own too: three short tasks, not one long one.
#[wasm_bindgen_test]
async fn data_in_the_page_is_read_and_drawn_in_tasks_of_their_own() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let doc = document();
    put_data_block("/api/v1/catalog", None, r#"{"version":"v1","services":[]}"#);

    let read = Rc::new(RefCell::new(None));
    let done = Rc::clone(&read);
    leptos::task::spawn_local(async move {
        *done.borrow_mut() = Some(portal_web::api::catalogue().await);
    });
    leptos::task::tick().await;
    assert!(doc.get_element_by_id("preload").is_none(), "taken at once");
    assert!(read.borrow().is_none(), "not read in the task that asked");
    portal_web::tasks::next_task().await;
    assert!(
        read.borrow().is_none(),
        "read, and handed over in the next task"
    );
    portal_web::tasks::next_task().await;
    let index = read.borrow_mut().take().expect("handed over").unwrap();
    assert_eq!(index.version, "v1");
    assert!(index.services.is_empty());
}

/// The catalogue's search gets the catalogue read in its own task (as above), its index
/// built in the task after that and both handed over in the next, where the search is
/// drawn: reading, indexing and drawing in one task took over 50 ms at 4x CPU.
#[wasm_bindgen_test]
async fn the_catalogues_search_index_is_built_in_a_task_of_its_own() {
    use portal_web::components::catalogue::searchable;
    use portal_web::tasks::next_task;
    use std::cell::RefCell;
    use std::rc::Rc;
    let services = vec![
        summary("birth", "Đăng ký khai sinh", "Birth registration", Some(0)),
        summary("passport", "Cấp hộ chiếu", "Passport", Some(200_000)),
    ];
    let body = serde_json::json!({ "version": "v1", "services": services }).to_string();
    put_data_block("/api/v1/catalog", None, &body);

    let got = Rc::new(RefCell::new(None));
    let done = Rc::clone(&got);
    // Not Leptos's executor, which only a mounted app starts (this test may run first).
    wasm_bindgen_futures::spawn_local(async move {
        *done.borrow_mut() = Some(searchable(portal_web::api::catalogue()).await);
    });
    // A microtask: the reading starts, and asks for its task, before this test's first.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL))
        .await
        .unwrap();
    next_task().await;
    next_task().await;
    assert!(
        got.borrow().is_none(),
        "the catalogue read: indexed in the next task"
    );
    next_task().await;
    assert!(
        got.borrow().is_none(),
        "indexed: handed over in the next task"
    );
    next_task().await;
    let read = got.borrow_mut().take().expect("handed over").unwrap();
    assert_eq!(read.catalogue.version, "v1");
    let found = read.search.search("ho chieu", &Default::default());
    assert_eq!(found.hits, vec![1], "the index is the catalogue's");
}

/// What follows each keystroke (the catalogue's search) runs once per paint: asked again
/// before it ran, it is not run again; it runs after the key's animation frame, never in
/// the task that asked; asked after it ran, it runs again; and taken back before it ran
/// (Enter searched at once), it does not run, while asking again later still works.
#[wasm_bindgen_test]
async fn work_after_each_key_runs_once_after_the_keys_frame() {
    use std::cell::Cell;
    use std::rc::Rc;
    let runs = Rc::new(Cell::new(0));
    let framed = Rc::new(Cell::new(false));
    let seen_frame = Rc::new(Cell::new(None));
    let work = {
        let (runs, framed, seen_frame) = (runs.clone(), framed.clone(), seen_frame.clone());
        portal_web::tasks::EachPaint::new(move || {
            runs.set(runs.get() + 1);
            seen_frame.set(Some(framed.get()));
        })
    };
    let ask = || work.ask();
    let mark_frame = {
        let framed = framed.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || framed.set(true))
    };
    window()
        .request_animation_frame(mark_frame.unchecked_ref())
        .unwrap();
    ask();
    ask();
    ask();
    assert_eq!(runs.get(), 0, "not in the task that asked");
    portal_web::tasks::after_next_paint().await;
    assert_eq!(runs.get(), 1, "three asks before it ran: one run");
    assert_eq!(seen_frame.get(), Some(true), "after the frame");

    ask();
    assert_eq!(runs.get(), 1);
    portal_web::tasks::after_next_paint().await;
    assert_eq!(runs.get(), 2, "asked again after it ran: run again");

    assert!(!work.cancel(), "nothing asked: nothing taken back");
    ask();
    assert!(work.cancel(), "asked: taken back");
    portal_web::tasks::after_next_paint().await;
    let past_fallback = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 150);
    });
    wasm_bindgen_futures::JsFuture::from(past_fallback)
        .await
        .unwrap();
    assert_eq!(
        runs.get(),
        2,
        "taken back: neither the frame nor the fallback runs it"
    );
    ask();
    portal_web::tasks::after_next_paint().await;
    assert_eq!(runs.get(), 3, "asked after it was taken back: run");
}
