//! Drawing the first page in several tasks (`components::later`): the static first paint
//! stays until the page is drawn, and a form step's questions come in tasks of their own
//! on that page only.

mod support;

use leptos::prelude::*;
use portal_web::components::{later, LaterOnFirstPage, Shell};
use portal_web::i18n::Lang;
use support::{mount, sleep, texts};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_first_page_keeps_its_first_paint_then_comes_in_tasks_and_later_pages_at_once() {
    later::keep_first_paint(r#"<h1>Đăng ký thường trú</h1><p class="lead">Tóm tắt</p>"#.into());
    let (root, _) = mount(Lang::Vi, || {
        // The shell is given the page's path, as in the app.
        view! {
            <Shell path=Signal::stored("/services/x".to_string())>
                <h1 class="page">"Đăng ký thường trú"</h1>
                {["a", "b", "c"].map(|id| view! {
                    <LaterOnFirstPage><p class="question">{id}</p></LaterOnFirstPage>
                })}
            </Shell>
        }
    });
    leptos::task::tick().await;
    // The frame is drawn; in the page's place, what the server sent.
    assert!(root.query_selector("header").unwrap().is_some());
    assert_eq!(
        texts(&root, "main .first-paint h1"),
        vec!["Đăng ký thường trú"]
    );
    assert!(root.query_selector("main .page").unwrap().is_none());

    // The next task: the page instead, its questions not yet.
    sleep(0).await;
    assert!(root.query_selector("main .first-paint").unwrap().is_none());
    assert_eq!(texts(&root, "main .page"), vec!["Đăng ký thường trú"]);
    assert!(texts(&root, "main .question").len() < 3);
    sleep(20).await;
    assert_eq!(texts(&root, "main .question"), vec!["a", "b", "c"]);

    // Once the citizen has clicked (a link, a button), pages are drawn at once.
    let click = web_sys::Event::new("click").unwrap();
    window().dispatch_event(&click).unwrap();
    let (root, _) = mount(Lang::Vi, || {
        view! { <LaterOnFirstPage><p class="question">"d"</p></LaterOnFirstPage> }
    });
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".question"), vec!["d"]);
}
