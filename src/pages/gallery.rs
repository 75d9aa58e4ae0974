//! `/gallery`: every question type with its examples from `portal_core::form::examples`,
//! rendered by the real field components, invalid examples with the engine's own error
//! messages. The same examples drive the engine's unit tests, the browser tests and the
//! axe scan of this page. `/gallery/large-form`: the 300-question form of the benchmark.

use crate::components::Title;
use leptos::prelude::*;
use portal_core::form::examples::{gallery, large_form, Expect, FieldExamples};
use portal_core::form::{Answers, FieldId, Form, IndexedForm, Step};

use crate::form::{FieldView, FormState};
use crate::i18n::{use_i18n, Key, Lang};

/// One example as a one-question form with its answer (and errors when invalid).
fn example_state(fe: &FieldExamples, n: usize) -> (FormState, String) {
    let mut form = fe.form();
    let id = format!("{}_{n}", fe.field.id.0);
    form.steps[0].fields[0].id = FieldId(id.clone());
    let state = FormState::ephemeral(IndexedForm::new(form));
    if let Some(example) = fe.examples.get(n) {
        if let Some(answer) = example.answer.clone() {
            state.set(&id, Some(answer));
        }
        if matches!(example.expect, Expect::Invalid(_)) {
            state.validate_step("example");
        }
    }
    (state, id)
}

#[component]
pub fn GalleryPage() -> impl IntoView {
    let i18n = use_i18n();
    let all = gallery();
    view! {
        <Title text=move || i18n.t(Key::GalleryTitle)/>
        <h1>{move || i18n.t(Key::GalleryTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::GalleryIntro)}</p>
        <nav aria-labelledby="gallery-contents">
            <h2 id="gallery-contents">{move || i18n.t(Key::Contents)}</h2>
            <ul class="list list--bullet">
                {all.iter().map(|fe| {
                    let tag = fe.field.kind.tag();
                    view! { <li><a href=format!("#type-{tag}")>{tag}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
        {all.into_iter().map(|fe| {
            let tag = fe.field.kind.tag();
            view! {
                <section class="gallery__type" id=format!("type-{tag}") aria-labelledby=format!("type-{tag}-title")>
                    <h2 id=format!("type-{tag}-title")><code>{tag}</code></h2>
                    {(0..fe.examples.len()).map(|n| {
                        let (state, _) = example_state(&fe, n);
                        let example = fe.examples[n].clone();
                        let field = state.form.form().steps[0].fields[0].clone();
                        let verdict = match example.expect {
                            Expect::Valid(_) => Key::ExampleAccepted,
                            Expect::Invalid(_) => Key::ExampleRefused,
                        };
                        view! {
                            <div class="gallery__example" data-type=tag data-example=n>
                                <h3 class="gallery__example-title">{example.title}" "<span class="tag">{move || i18n.t(verdict)}</span></h3>
                                <FieldView state field/>
                            </div>
                        }
                    }).collect_view()}
                </section>
            }
        }).collect_view()}
    }
}

/// Number of questions of the benchmark form.
pub const LARGE_FORM_FIELDS: usize = 300;

/// The benchmark's 300 questions on one page (the worst case for a keystroke).
#[component]
pub fn LargeFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let generated = large_form(LARGE_FORM_FIELDS);
    let fields = generated
        .steps
        .into_iter()
        .flat_map(|s| s.fields)
        .collect::<Vec<_>>();
    let form = Form {
        subject: None,
        place: None,
        steps: vec![Step {
            id: "all".into(),
            title: portal_core::Text::new(
                Key::LargeFormTitle.get(Lang::Vi),
                Key::LargeFormTitle.get(Lang::En),
            ),
            intro: None,
            shown_if: None,
            fields: fields.clone(),
        }],
        fees: Vec::new(),
    };
    let state = FormState::ephemeral(IndexedForm::new(form));
    let _ = Answers::new();
    view! {
        <Title text=move || i18n.t(Key::LargeFormTitle)/>
        <h1>{move || i18n.t(Key::LargeFormTitle)}</h1>
        <form class="question-form" novalidate on:submit=|ev| ev.prevent_default()>
            {crate::form::question_groups(
                fields
                    .into_iter()
                    .map(|f| view! { <FieldView state=state.clone() field=f/> }.into_any())
                    .collect(),
            )}
        </form>
    }
}
