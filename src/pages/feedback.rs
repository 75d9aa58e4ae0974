//! `/feedback?from=…`: "Góp ý về trang này", linked from every form page and the phase
//! banner. The questions are the shared feedback form (`portal_api::feedback::form`),
//! shown and checked by the form engine; the server judges them by the same rules.

use crate::components::Title;
use leptos::prelude::*;
use portal_api::feedback::{self, NewFeedback};
use portal_core::form::{Answer, FieldPath, IndexedForm};

use crate::api::{self, ApiError, SubmitError};
use crate::form::error_summary::Problem;
use crate::form::fields::TextField;
use crate::form::{ErrorSummary, FormState};
use crate::i18n::{use_i18n, Key};

#[component]
pub fn FeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let address = crate::address::use_address();
    let from = untrack(|| address.query(&["from"]).pop())
        .map(|(_, v)| v)
        .unwrap_or_else(|| "/".into());
    let state = FormState::unsaved(IndexedForm::new(feedback::form()));
    let sent = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let refusal = RwSignal::new(None::<SubmitError>);
    let st = state.clone();
    let page = from.clone();
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        refusal.set(None);
        if !st.validate_step(feedback::STEP).is_empty() {
            return;
        }
        let text = |id: &str| match st.signal(id).and_then(|s| s.get_untracked()) {
            Some(Answer::Text(t)) => t,
            _ => String::new(),
        };
        let email = text(feedback::EMAIL);
        let new = NewFeedback {
            page: page.clone(),
            message: text(feedback::MESSAGE),
            email: (!email.trim().is_empty()).then_some(email),
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api::send_feedback(&new).await {
                Ok(()) => sent.set(true),
                Err(e) => refusal.set(Some(e)),
            }
            busy.set(false);
        });
    };
    // The engine's errors, then the server's (its problems, or why it could not be sent).
    let st = state.clone();
    let problems = Signal::derive(move || {
        let lang = i18n.lang.get();
        let mut problems = st.problems(lang);
        match refusal.get() {
            Some(SubmitError::Invalid(list)) => {
                problems.extend(list.into_iter().map(|p| Problem {
                    target: FieldPath::field(p.path.as_str()).dom_id(),
                    message: p.message,
                }))
            }
            Some(SubmitError::Api(e)) => problems.push(Problem {
                target: FieldPath::field(feedback::MESSAGE).dom_id(),
                message: match e {
                    ApiError::Server { status: 429, .. } => Key::FeedbackLimit,
                    _ => Key::FeedbackFailed,
                }
                .get(lang)
                .to_string(),
            }),
            None => {}
        }
        problems
    });
    let fields = state
        .form
        .step(feedback::STEP)
        .map(|s| s.fields.clone())
        .unwrap_or_default();
    let back = api::href(&from);
    view! {
        <Title text=move || i18n.t(Key::FeedbackTitle)/>
        {move || if sent.get() {
            let back = back.clone();
            view! {
                <div class="panel" role="status">
                    <h1 class="panel__title">{move || i18n.t(Key::FeedbackThanksTitle)}</h1>
                </div>
                <p>{move || i18n.t(Key::FeedbackThanksBody)}</p>
                <p><a href=back>{move || i18n.t(Key::FeedbackBack)}</a></p>
            }.into_any()
        } else {
            let state = state.clone();
            view! {
                <ErrorSummary problems/>
                <h1>{move || i18n.t(Key::FeedbackTitle)}</h1>
                <p>{move || i18n.t(Key::FeedbackIntro)}</p>
                <form class="question-form" novalidate on:submit=send.clone()>
                    {fields.clone().into_iter().map(|field| view! { <TextField state=state.clone() field/> }).collect_view()}
                    <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.t(Key::FeedbackSend)}</button>
                </form>
            }.into_any()
        }}
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    /// The page draws every question of the shared feedback form as typed text
    /// (`TextField`): a question of another kind added to the form fails here first.
    #[test]
    fn the_feedback_questions_are_all_typed() {
        let form = portal_api::feedback::form();
        let fields: Vec<_> = form.steps.iter().flat_map(|s| &s.fields).collect();
        assert!(!fields.is_empty());
        for f in fields {
            assert!(crate::form::fields::is_typed(&f.kind), "{}", f.id.0);
        }
        assert!(!crate::form::fields::is_typed(
            &portal_core::form::FieldKind::YesNo
        ));
    }
}
