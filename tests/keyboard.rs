//! Keyboard fixes found by the end-to-end keyboard journeys (`e2e/keyboard-journeys`):
//! Space on a link drawn as a button, links to a question of several inputs (error
//! summary, Change links) landing on its first input, and the check page listing each
//! item of a repeating group.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use portal_core::form::examples::gallery;
use portal_core::form::{Answer, Answers, FieldKind, IndexedForm};
use portal_web::components::ButtonLink;
use portal_web::form::error_summary::Problem;
use portal_web::form::focus::{focus_question, question_input};
use portal_web::form::format::answer_lines;
use portal_web::form::{ErrorSummary, FieldView, FormState};
use portal_web::i18n::Lang;
use support::mount;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn key(el: &web_sys::Element, key: &str) -> web_sys::KeyboardEvent {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
    ev
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn space_on_a_link_drawn_as_a_button_clicks_it() {
    let (root, _) = mount(Lang::Vi, || {
        view! { <ButtonLink href="#kbd-start" class="button button--start">"Bắt đầu"</ButtonLink> }
    });
    leptos::task::tick().await;
    let link = root
        .query_selector("a[role=button]")
        .unwrap()
        .expect("the link");
    let clicks = Arc::new(AtomicUsize::new(0));
    let counter = clicks.clone();
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        counter.fetch_add(1, Ordering::SeqCst);
    });
    link.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())
        .unwrap();
    on_click.forget();

    let space = key(&link, " ");
    assert_eq!(clicks.load(Ordering::SeqCst), 1, "Space clicks");
    assert!(space.default_prevented(), "and does not scroll the page");
    let letter = key(&link, "a");
    assert_eq!(clicks.load(Ordering::SeqCst), 1, "other keys do nothing");
    assert!(!letter.default_prevented());
}

#[wasm_bindgen_test]
async fn a_link_to_a_person_or_a_group_focuses_its_first_input() {
    for kind in ["person", "group", "address-free"] {
        let Some(fe) = gallery().into_iter().find(|f| match kind {
            "person" => matches!(f.field.kind, FieldKind::Person(_)),
            "group" => matches!(f.field.kind, FieldKind::Group(_)),
            _ => matches!(f.field.kind, FieldKind::Text(_)),
        }) else {
            panic!("no {kind} example");
        };
        let field = fe.form().steps[0].fields[0].clone();
        let id = format!("f-{}", field.id.0);
        let state = FormState::ephemeral(IndexedForm::new(fe.form()));
        let (root, _) = mount(Lang::Vi, move || view! { <FieldView state field/> });
        leptos::task::tick().await;
        let expected = match kind {
            // The first input of the block, or of the group's first item.
            "person" => format!("{id}-full_name"),
            "group" => {
                let first = root
                    .query_selector("input, select, textarea")
                    .unwrap()
                    .expect("an input in the group");
                assert!(
                    first.id().starts_with(&format!("{id}-0-")),
                    "{}",
                    first.id()
                );
                first.id()
            }
            _ => id.clone(),
        };
        assert!(document().get_element_by_id(&id).is_none() || kind == "address-free");
        assert_eq!(question_input(&id).map(|e| e.id()), Some(expected.clone()));
        assert!(focus_question(&id), "{kind}: nothing focused");
        assert_eq!(active_id(), expected, "{kind}");
        root.remove();
    }
    assert!(question_input("f-nothing-here").is_none());
    assert!(
        question_input("f-x\"], body, [id=\"y").is_none(),
        "ids are never selectors"
    );
}

#[wasm_bindgen_test]
async fn the_error_summary_link_to_a_group_moves_focus_into_it() {
    let fe = gallery()
        .into_iter()
        .find(|f| matches!(f.field.kind, FieldKind::Group(_)))
        .expect("group examples");
    let field = fe.form().steps[0].fields[0].clone();
    let target = format!("f-{}", field.id.0);
    let state = FormState::ephemeral(IndexedForm::new(fe.form()));
    let problems = Signal::stored(vec![Problem {
        target: target.clone(),
        message: "Thêm ít nhất 1 thành viên".into(),
    }]);
    let (root, _) = mount(Lang::Vi, move || {
        view! { <ErrorSummary problems/><FieldView state field/> }
    });
    leptos::task::tick().await;
    let link: web_sys::HtmlElement = root
        .query_selector(".error-summary a")
        .unwrap()
        .expect("a link")
        .unchecked_into();
    link.click();
    assert!(
        active_id().starts_with(&format!("{target}-0-")),
        "{}",
        active_id()
    );
    root.remove();
}

/// The first letter typed into an empty group creates its answer: the input it was
/// typed into must stay (with the focus), or the rest of the word is lost.
#[wasm_bindgen_test]
async fn typing_into_a_new_group_item_or_adding_one_keeps_the_inputs_and_the_focus() {
    let fe = gallery()
        .into_iter()
        .find(|f| matches!(f.field.kind, FieldKind::Group(_)))
        .expect("group examples");
    let field = fe.form().steps[0].fields[0].clone();
    let id = field.id.0.clone();
    let state = FormState::ephemeral(IndexedForm::new(fe.form()));
    let st = state.clone();
    let (root, _) = mount(Lang::Vi, move || view! { <FieldView state=st field/> });
    leptos::task::tick().await;
    let first: web_sys::HtmlInputElement = root
        .query_selector("input")
        .unwrap()
        .expect("the first item's first input")
        .unchecked_into();
    first.focus().unwrap();
    support::type_text(&root, "input", "L");
    leptos::task::tick().await;
    assert!(
        state.snapshot().get(&id).is_some(),
        "the answer was created"
    );
    assert!(first.is_connected(), "the input was drawn again");
    assert_eq!(active_id(), first.id());

    // "Add another": the first item stays, the new one gets the focus.
    support::click(&root, &format!("#f-{id}-add"));
    support::wait_until("focus in the new item", || {
        active_id().starts_with(&format!("f-{id}-1-"))
    })
    .await;
    assert!(first.is_connected());
    assert_eq!(first.value(), "L");
    root.remove();
}

#[wasm_bindgen_test]
fn the_check_page_lists_each_item_of_a_group_without_hidden_answers() {
    let fe = gallery()
        .into_iter()
        .find(|f| matches!(f.field.kind, FieldKind::Group(_)))
        .expect("group examples");
    let form = IndexedForm::new(fe.form());
    let field = fe.form().steps[0].fields[0].clone();
    let id = field.id.0.clone();
    let item = |name: &str, relation: &str, school: &str| {
        Answers::new()
            .with("member_name", Answer::Text(name.into()))
            .with("member_relation", Answer::Choice(relation.into()))
            .with("member_birth", Answer::Text("01/01/2015".into()))
            .with("member_school", Answer::Text(school.into()))
    };
    let answers = Answers::new().with(
        id.clone(),
        Answer::Group(vec![
            item("Lê Thị D", "spouse", "hidden"),
            item("Lê Văn C", "child", "Tiểu học Ba Đình"),
        ]),
    );
    let pruned = form.prune(&answers);
    assert_eq!(
        answer_lines(&field, pruned.get(&id), Lang::Vi),
        vec![
            "Thành viên 1: Lê Thị D; Vợ, chồng; 01/01/2015",
            "Thành viên 2: Lê Văn C; Con; 01/01/2015; Tiểu học Ba Đình",
        ]
    );
    assert!(answer_lines(&field, None, Lang::Vi).is_empty());
}
