//! Sending the application from the check-answers page: sign in first if needed, then
//! one POST with an idempotency key kept on the device until it succeeds, so a double
//! click, a reload or a retry after a timeout files exactly one dossier. Offline, the
//! submission waits on the device and is sent once when the connection returns.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use portal_core::form::submission::{attachment_ids, chosen_procedures};
use serde_json::json;

use crate::api::{self, ApiError};
use crate::form::FormState;
use crate::i18n::{use_i18n, Key};
use crate::pages::apply::step_href;
use crate::session::use_session;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn key_name(service: &str) -> String {
    format!("portal.submit.{service}")
}

/// The idempotency key of this application's submission, created once.
fn idempotency_key(service: &str) -> String {
    let s = storage();
    if let Some(k) = s
        .as_ref()
        .and_then(|s| s.get_item(&key_name(service)).ok().flatten())
    {
        return k;
    }
    let k = format!(
        "{}-{:x}-{:x}",
        service,
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * f64::from(u32::MAX)) as u64
    );
    if let Some(s) = s {
        let _ = s.set_item(&key_name(service), &k);
    }
    k
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    Sending,
    Waiting,
    Problems(Vec<(String, String)>),
    Failed(Key),
}

#[component]
pub fn SubmitSection(state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let outcome = RwSignal::new(Outcome::Idle);
    let service = state.service_id.0.clone();
    let st = state.clone();
    let svc = service.clone();
    // Taken now: the router's context is not reachable from inside the async task.
    let navigate = use_navigate();
    let send = move || {
        if outcome.get_untracked() == Outcome::Sending {
            return; // a second click while the first is on its way
        }
        let identity = session.0.get_untracked().and_then(|s| s.prefill);
        let mut ctx = st.context();
        if let Some(i) = identity.as_ref() {
            ctx = ctx.with_identity(i);
        }
        let answers = match st.form.validate_submission(&st.snapshot(), &ctx) {
            Ok(a) => a,
            Err(errors) => {
                let lang = i18n.lang.get_untracked();
                outcome.set(Outcome::Problems(
                    errors
                        .iter()
                        .map(|e| (e.path.field.clone(), e.message(&st.form, lang)))
                        .collect(),
                ));
                return;
            }
        };
        let business = session
            .0
            .get_untracked()
            .and_then(|s| s.user)
            .is_some_and(|u| u.kind == "business");
        let mut body = json!({
            "service_id": svc,
            "answers": answers,
            "attachments": attachment_ids(&answers),
            "applicant": if business { "business" } else { "citizen" },
        });
        if let Some(kind) = st.service_kind.as_ref() {
            if let Some(chosen) = chosen_procedures(kind, &answers) {
                body["procedures"] = json!(chosen.iter().map(|p| p.0.clone()).collect::<Vec<_>>());
            }
        }
        let key = idempotency_key(&svc);
        outcome.set(Outcome::Sending);
        let st = st.clone();
        let svc = svc.clone();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match api::submit_dossier(&body, &key).await {
                Ok(receipt) => {
                    let code = receipt["code"].as_str().unwrap_or_default().to_string();
                    st.discard();
                    if let Some(s) = storage() {
                        let _ = s.remove_item(&key_name(&svc));
                    }
                    navigate(
                        &format!("/dossiers/{}", js_sys::encode_uri_component(&code)),
                        NavigateOptions::default(),
                    );
                }
                Err(ApiError::Network) => outcome.set(Outcome::Waiting),
                Err(ApiError::Server { status: 401, .. }) => {
                    outcome.set(Outcome::Failed(Key::SessionExpired))
                }
                Err(ApiError::Server { status: 422, .. }) => {
                    outcome.set(Outcome::Problems(api::last_problems()))
                }
                Err(_) => outcome.set(Outcome::Failed(Key::SubmitFailed)),
            }
        });
    };
    let send = StoredValue::new(send);
    // Back online: send what was waiting, once (the idempotency key makes a repeat harmless).
    let handle = window_event_listener(leptos::ev::online, move |_| {
        if outcome.get_untracked() == Outcome::Waiting {
            send.with_value(|s| s());
        }
    });
    on_cleanup(move || handle.remove());

    let svc = service.clone();
    let st = state.clone();
    view! {
        <section class="submit" aria-labelledby="submit-title">
            <h2 id="submit-title">{move || i18n.t(Key::SubmitTitle)}</h2>
            {move || match outcome.get() {
                Outcome::Problems(list) => {
                    let svc = svc.clone();
                    let st = st.clone();
                    view! {
                        <div class="error-summary" role="alert" tabindex="-1">
                            <h2 class="error-summary__title">{i18n.t(Key::ErrorSummaryTitle)}</h2>
                            <ul class="error-summary__list">
                                {list.into_iter().map(|(field, message)| {
                                    let field = field.trim_start_matches("answers.").split(['.', '[']).next().unwrap_or_default().to_string();
                                    let href = st.form.step_of(&field)
                                        .map(|s| format!("{}?return=check", step_href(&svc, s)))
                                        .unwrap_or_else(|| "#submit-title".into());
                                    view! { <li><a href=href>{message}</a></li> }
                                }).collect_view()}
                            </ul>
                        </div>
                    }.into_any()
                }
                Outcome::Waiting => view! { <p class="notice" role="status">{i18n.t(Key::SubmitWaiting)}</p> }.into_any(),
                Outcome::Failed(k) => view! {
                    <div class="notice" role="alert">
                        <p>{i18n.t(k)}</p>
                        {(k == Key::SessionExpired).then(|| view! { <a class="button button--secondary" href="/auth/sign-in" rel="external" on:click=crate::api::go_to_sign_in>{i18n.t(Key::SignIn)}</a> })}
                    </div>
                }.into_any(),
                _ => ().into_any(),
            }}
            {move || match session.0.get() {
                Some(s) if s.signed_in => view! {
                    <p>{i18n.t(Key::SubmitDeclarationNote)}</p>
                    <button type="button" class="button" prop:disabled=move || outcome.get() == Outcome::Sending
                        on:click=move |_| send.with_value(|s| s())>
                        {move || if outcome.get() == Outcome::Sending { i18n.t(Key::Sending) } else { i18n.t(Key::SubmitButton) }}
                    </button>
                }.into_any(),
                other => view! {
                    <p>{if other.is_some_and(|s| s.expired) { i18n.t(Key::SessionExpired) } else { i18n.t(Key::SignInToSubmit) }}</p>
                    <a class="button" href="/auth/sign-in" rel="external" on:click=crate::api::go_to_sign_in>{i18n.t(Key::SignInVneid)}</a>
                }.into_any(),
            }}
        </section>
    }
}
