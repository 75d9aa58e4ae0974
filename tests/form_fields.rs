//! Every question type, mounted in the browser from the shared examples
//! (`portal_core::form::examples::gallery`, the same list the engine's unit tests use):
//! each renders a labelled control, and each refused example shows exactly the engine's
//! error message next to the question, linked for screen readers.

mod support;

use leptos::prelude::*;
use portal_core::form::examples::{gallery, Expect};
use portal_core::form::{FieldId, FieldKind, IndexedForm};
use portal_web::form::{FieldView, FormState};
use portal_web::i18n::Lang;
use support::{mount, texts};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn every_example_renders_and_shows_the_engines_message() {
    let mut checked = 0;
    for fe in gallery() {
        for (n, example) in fe.examples.iter().enumerate() {
            let mut form = fe.form();
            let id = format!("{}_{n}", fe.field.id.0);
            form.steps[0].fields[0].id = FieldId(id.clone());
            let field = form.steps[0].fields[0].clone();
            let state = FormState::ephemeral(IndexedForm::new(form));
            if let Some(a) = example.answer.clone() {
                state.set(&id, Some(a));
            }
            let errors = match &example.expect {
                Expect::Invalid(_) => state.validate_step("example"),
                Expect::Valid(_) => Vec::new(),
            };
            let st = state.clone();
            let (root, _) = mount(
                Lang::Vi,
                move || view! { <FieldView state=st field=field/> },
            );
            leptos::task::tick().await;

            let what = format!("{} / {}", fe.field.kind.tag(), example.title);
            // A question is always labelled: a label, a legend, or the declaration's label.
            let labelled = root.query_selector("label, legend").unwrap().is_some();
            assert!(labelled, "{what}: no label or legend");
            if matches!(example.expect, Expect::Invalid(_)) {
                assert!(!errors.is_empty(), "{what}: the engine refused nothing");
                let shown = texts(&root, ".error-message");
                for e in &errors {
                    let message = e.message(&state.form, Lang::Vi);
                    assert!(
                        shown.iter().any(|s| s.contains(&message)),
                        "{what}: {message:?} not shown in {shown:?}"
                    );
                }
                if !matches!(fe.field.kind, FieldKind::Group(_) | FieldKind::Address(_)) {
                    assert!(
                        root.query_selector(".field--error").unwrap().is_some(),
                        "{what}: not marked as in error"
                    );
                }
            } else {
                assert!(
                    texts(&root, ".error-message").is_empty(),
                    "{what}: an accepted example shows an error"
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 60, "only {checked} examples were mounted");
}

#[wasm_bindgen_test]
async fn typing_keeps_the_text_as_typed_and_only_touches_that_question() {
    let fe = gallery()
        .into_iter()
        .find(|f| matches!(f.field.kind, FieldKind::PersonalId))
        .expect("personal id examples");
    let field = fe.form().steps[0].fields[0].clone();
    let state = FormState::ephemeral(IndexedForm::new(fe.form()));
    let st = state.clone();
    let f2 = field.clone();
    let (root, _) = mount(Lang::En, move || view! { <FieldView state=st field=f2/> });
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(
        root.query_selector("input").unwrap().expect("an input"),
    );
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
    input.set_value("001 203 004 567");
    let ev = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&ev).unwrap();
    leptos::task::tick().await;
    let stored = state.snapshot();
    assert_eq!(
        stored.get(field.id.as_str()),
        Some(&portal_core::form::Answer::Text("001 203 004 567".into()))
    );
    // Validation happens on continue, not while typing.
    assert!(texts(&root, ".error-message").is_empty());
}

/// A form with one repeating group whose item asks for a file (the death bundle's
/// survivors, each with a capacity assessment).
fn group_with_upload() -> IndexedForm {
    let form: portal_core::form::Form = serde_json::from_value(serde_json::json!({
        "steps": [{"id": "s", "title": {"vi": "Thân nhân", "en": "Relatives"}, "fields": [{
            "id": "survivors", "type": "group", "label": {"vi": "Thân nhân", "en": "Relatives"},
            "item_label": {"vi": "Thân nhân", "en": "Relative"}, "min": 1, "max": 3,
            "fields": [
                {"id": "name", "type": "text", "label": {"vi": "Họ và tên", "en": "Full name"}},
                {"id": "capacity_assessment", "type": "attachment",
                 "label": {"vi": "Biên bản giám định", "en": "Capacity assessment"},
                 "accept": ["application/pdf"], "max_bytes": 1048576, "max_files": 1}
            ]
        }]}]
    }))
    .expect("form");
    IndexedForm::new(form)
}

#[wasm_bindgen_test]
async fn a_file_question_inside_a_group_item_is_an_upload() {
    let form = group_with_upload();
    let field = form.form().steps[0].fields[0].clone();
    let state = FormState::ephemeral(form);
    let (root, _) = mount(Lang::Vi, move || view! { <FieldView state field/> });
    leptos::task::tick().await;
    let input = root
        .query_selector("#f-survivors-0-capacity_assessment")
        .unwrap()
        .expect("the item's upload question is drawn");
    assert_eq!(input.get_attribute("type").as_deref(), Some("file"));
    assert_eq!(
        input.get_attribute("accept").as_deref(),
        Some("application/pdf")
    );
    assert!(
        root.query_selector("#f-survivors-0-name")
            .unwrap()
            .is_some(),
        "the other member stays a text box"
    );
}

#[wasm_bindgen_test]
async fn the_browser_refuses_a_commune_of_another_province_it_has_loaded() {
    use portal_core::form::{AddressAnswer, Answer};
    use portal_web::form::known_units;
    let t = serde_json::json!({"vi": "x", "en": "x"});
    let service: portal_core::Service = serde_json::from_value(serde_json::json!({
        "id": "units-test", "kind": {"kind": "procedure"}, "name": t, "summary": t,
        "agency": {"name": t, "level": "commune"}, "audiences": ["citizen"],
        "online_level": "full-process", "fees": {"kind": "free", "confidence": "confirmed"},
        "processing_time": {"text": t, "confidence": "confirmed"}, "legal_basis": [],
        "form": {"steps": [{"id": "s", "title": {"vi": "Nơi ở", "en": "Address"}, "fields": [{
            "id": "home", "type": "address", "label": {"vi": "Nơi ở", "en": "Address"},
            "street": "omitted"
        }]}]}
    }))
    .expect("service");
    let form = IndexedForm::new(service.form.clone().expect("form"));
    // The state the form pages use: today by the device clock, units as loaded.
    let state = FormState::new(&(&service).into(), form, String::new());
    // Ba Đình is in Hà Nội (01); Sài Gòn (26740) is in TP Hồ Chí Minh (79).
    known_units::learn_provinces(["01", "79"]);
    known_units::learn_communes("01", ["00004"]);
    known_units::learn_communes("79", ["26740"]);
    let address = |commune: &str| {
        Some(Answer::Address(AddressAnswer {
            province: "01".into(),
            commune: commune.into(),
            street: String::new(),
        }))
    };
    state.set("home", address("26740"));
    let errors = state.validate_step("s");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path.to_string(), "home.commune");
    state.set("home", address("00004"));
    assert!(state.validate_step("s").is_empty());
}

/// Until who is signed in is known, a question the person's record would fill and lock is
/// closed to typing (what was typed there would be replaced when the record came); one the
/// record fills but leaves editable stays open. Signed out, it opens; signed in, it is
/// filled from the record, locked, and says so.
#[wasm_bindgen_test]
async fn questions_a_record_would_lock_wait_for_who_is_signed_in() {
    use portal_core::form::examples::prefilled_applicant_form;
    use portal_core::form::Identity;
    use wasm_bindgen::JsCast;

    let form = prefilled_applicant_form();
    let input = |root: &web_sys::Element, id: &str| {
        root.query_selector(&format!("#f-{id}"))
            .unwrap()
            .expect("the question's input")
            .unchecked_into::<web_sys::HtmlInputElement>()
    };
    let identity = Identity {
        full_name: Some("Trần Thị B".into()),
        phone: Some("0912345678".into()),
        ..Identity::default()
    };
    for signed_in in [false, true] {
        let state = FormState::ephemeral(IndexedForm::new(form.clone()));
        state.await_identity();
        let (st, fields) = (state.clone(), form.steps[0].fields.clone());
        let (root, _) = mount(Lang::Vi, move || {
            let st = st.clone();
            fields
                .clone()
                .into_iter()
                .map(|f| view! { <FieldView state=st.clone() field=f/> })
                .collect_view()
        });
        leptos::task::tick().await;
        assert!(input(&root, "name").read_only(), "closed while not known");
        assert!(!input(&root, "phone").read_only(), "editable: open at once");
        assert!(
            texts(&root, ".prefilled").is_empty(),
            "nothing is locked yet"
        );

        state.settle_identity(signed_in.then(|| identity.clone()));
        leptos::task::tick().await;
        let name_input = input(&root, "name");
        if signed_in {
            assert!(name_input.read_only());
            assert_eq!(name_input.value(), "Trần Thị B");
            assert_eq!(texts(&root, ".prefilled").len(), 1);
            assert_eq!(input(&root, "phone").value(), "0912345678");
            assert!(!input(&root, "phone").read_only());
        } else {
            assert!(!name_input.read_only(), "signed out: open");
            assert_eq!(name_input.value(), "");
            assert!(texts(&root, ".prefilled").is_empty());
        }
    }
}

/// A step's questions are drawn in groups of ten, in order, the last group holding the
/// rest; each group is the box the browser skips while it is off the screen.
#[wasm_bindgen_test]
async fn a_steps_questions_are_drawn_in_groups_of_ten_in_order() {
    use portal_web::form::groups::{question_groups, QUESTIONS_PER_GROUP};
    use wasm_bindgen::JsCast;
    assert_eq!(QUESTIONS_PER_GROUP, 10);
    let (root, _) = mount(Lang::Vi, || {
        question_groups(
            (0..23)
                .map(|i| view! { <p class="q">{i}</p> }.into_any())
                .collect(),
        )
    });
    leptos::task::tick().await;
    let groups = root.query_selector_all(".question-group").unwrap();
    let sizes: Vec<u32> = (0..groups.length())
        .map(|i| {
            let group: web_sys::Element = groups.item(i).unwrap().dyn_into().unwrap();
            group.child_element_count()
        })
        .collect();
    assert_eq!(sizes, vec![10, 10, 3]);
    let order: Vec<String> = {
        let qs = root.query_selector_all(".question-group > .q").unwrap();
        (0..qs.length())
            .map(|i| qs.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(order, (0..23).map(|i| i.to_string()).collect::<Vec<_>>());
}
