//! `fetched::Fetched`, the pages' fetched values: nothing until the first answer, the
//! latest answer only, the old answer kept while fetching again, a new fetch when a
//! signal the fetcher read changes.

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use portal_web::fetched::Fetched;
use portal_web::i18n::Lang;
use support::{mount, sleep, texts};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The fetches started and not yet answered, in order: what each asked, and where the
/// test puts its answer.
type Slot = Rc<RefCell<Option<String>>>;
type Pending = Rc<RefCell<Vec<(String, Slot)>>>;

/// A fetch of `asked` that answers when the test puts an answer in its slot.
fn start(pending: &Pending, asked: String) -> impl std::future::Future<Output = String> {
    let slot = Slot::default();
    pending.borrow_mut().push((asked, Rc::clone(&slot)));
    async move {
        loop {
            if let Some(text) = slot.borrow_mut().take() {
                return text;
            }
            sleep(1).await;
        }
    }
}

fn answer(pending: &Pending, index: usize, text: &str) {
    let (_, slot) = pending.borrow_mut().remove(index);
    *slot.borrow_mut() = Some(text.to_string());
}

#[wasm_bindgen_test]
async fn shows_the_latest_answer_and_keeps_the_old_one_while_fetching_again() {
    let pending: Pending = Rc::default();
    let query = RwSignal::new("a".to_string());
    let fetched = Rc::new(RefCell::new(None));
    let (root, _) = mount(Lang::Vi, {
        let pending = Rc::clone(&pending);
        let fetched = Rc::clone(&fetched);
        move || {
            let value = Fetched::new(move || {
                // Read by the fetcher itself: a change fetches again.
                start(&pending, query.get())
            });
            *fetched.borrow_mut() = Some(value);
            view! {
                <p class="shown">{move || value.get().unwrap_or_else(|| "…".to_string())}</p>
            }
        }
    });
    let value = fetched.borrow().expect("mounted");
    sleep(0).await;
    // One fetch started, nothing shown yet.
    assert_eq!(pending.borrow().len(), 1);
    assert_eq!(texts(&root, ".shown"), vec!["…"]);
    answer(&pending, 0, "A1");
    sleep(10).await;
    assert_eq!(texts(&root, ".shown"), vec!["A1"]);

    // Asked again: the answer shown stays until the new one comes.
    value.refetch();
    sleep(0).await;
    assert_eq!(pending.borrow().len(), 1);
    assert_eq!(texts(&root, ".shown"), vec!["A1"]);
    answer(&pending, 0, "A2");
    sleep(10).await;
    assert_eq!(texts(&root, ".shown"), vec!["A2"]);

    // The query changes twice; the first of those fetches answers last, and is dropped.
    query.set("b".to_string());
    sleep(0).await;
    query.set("c".to_string());
    sleep(0).await;
    let started: Vec<String> = pending.borrow().iter().map(|(q, _)| q.clone()).collect();
    assert_eq!(started, vec!["b", "c"]);
    answer(&pending, 1, "C");
    sleep(10).await;
    assert_eq!(texts(&root, ".shown"), vec!["C"]);
    answer(&pending, 0, "B, too late");
    sleep(10).await;
    assert_eq!(texts(&root, ".shown"), vec!["C"]);
    assert!(value.with(|v| v.as_deref() == Some("C")));
}

#[wasm_bindgen_test]
async fn an_answer_after_the_page_is_gone_is_dropped_quietly() {
    let pending: Pending = Rc::default();
    let owner = Owner::new();
    owner.with({
        let pending = Rc::clone(&pending);
        move || {
            let _value = Fetched::new(move || start(&pending, String::new()));
        }
    });
    sleep(0).await;
    assert_eq!(pending.borrow().len(), 1);
    // The page is left before its answer comes: nothing panics, nothing is fetched again.
    drop(owner);
    answer(&pending, 0, "late");
    sleep(10).await;
    assert!(pending.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn a_fetch_runs_under_the_page_that_started_it() {
    #[derive(Clone)]
    struct Source(&'static str);
    let (root, _) = mount(Lang::Vi, || {
        provide_context(Source("draft 7"));
        // The context is read by the future, when it first runs, not by the fetcher.
        let value = Fetched::new(|| async {
            sleep(1).await;
            use_context::<Source>().map_or("no context", |s| s.0)
        });
        view! { <p class="shown">{move || value.get().unwrap_or("…")}</p> }
    });
    sleep(20).await;
    assert_eq!(texts(&root, ".shown"), vec!["draft 7"]);
}
