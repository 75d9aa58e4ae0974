//! Sending the application from the check-answers page: sign in first if needed, then
//! one POST whose body and idempotency key are kept on the device (beside the draft)
//! until the server answers, so a double click, a reload or a retry after a timeout
//! files exactly one dossier. Offline, the submission waits on the device and is sent
//! once when the connection returns. Refusals are listed like the error summary, each
//! linking to the answer to change.

use leptos::html;
use leptos::prelude::*;
use portal_api::{routes, Submission};
use portal_core::dossier::PendingSubmission;
use portal_core::form::submission::{attachment_ids, chosen_procedures};
use portal_core::form::{Answers, FieldPath, ValidationError};

use crate::api::{self, ApiError, Problem, SubmitError};
use crate::form::drafts::{load_pending, remove_pending, save_pending};
use crate::form::FormState;
use crate::i18n::{use_i18n, Key};
use crate::pages::apply::{step_href, CHECK};
use crate::session::{use_session, FormSession};

/// A fresh key: the service, the time and 64 random bits (visible ASCII, < 128 chars).
fn new_key(service: &str) -> String {
    let r = || (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    format!(
        "{service}-{:x}-{:08x}{:08x}",
        js_sys::Date::now() as u64,
        r(),
        r()
    )
}

fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

// --- what is sent ------------------------------------------------------------------------

/// The request body for these validated answers.
pub fn submission_body(
    state: &FormState,
    answers: &Answers,
    session: Option<&FormSession>,
) -> String {
    let applicant = session
        .and_then(FormSession::applicant)
        .unwrap_or(portal_core::Audience::Citizen);
    let procedures = state
        .service_kind
        .as_ref()
        .and_then(|kind| chosen_procedures(kind, answers))
        .map(|chosen| chosen.iter().map(|p| p.0.clone()).collect());
    let body = Submission {
        service_id: state.service_id.0.clone(),
        applicant,
        answers,
        attachments: attachment_ids(answers),
        procedures,
    };
    serde_json::to_string(&body).unwrap_or_default()
}

/// One line of the list of problems: the message, and where to change the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub message: String,
    pub change_href: Option<String>,
}

/// Where a problem's answer is changed: its step, returning to check answers, at the
/// field. `path` is a field path (`answers.` already removed).
pub fn change_href(state: &FormState, path: &str) -> Option<String> {
    let fp: FieldPath = path.parse().ok()?;
    let step = state.form.step_of(&fp.field)?;
    Some(format!(
        "{}?return={CHECK}#{}",
        step_href(state.service_id.as_str(), step),
        fp.dom_id()
    ))
}

/// The server's refusals as the page lists them, as the server worded them in the
/// page's language (an answer's problem by the same form engine, with the same form: the
/// very message the browser's own check gives), each with where to change the answer.
pub fn refusals(state: &FormState, problems: &[Problem]) -> Vec<Refusal> {
    problems
        .iter()
        .map(|p| Refusal {
            message: p.message.clone(),
            change_href: p
                .path
                .strip_prefix("answers.")
                .and_then(|path| change_href(state, path)),
        })
        .collect()
}

/// The step holding the first problem the browser's own check found.
fn first_problem_step(state: &FormState, errors: &[ValidationError]) -> Option<String> {
    errors
        .iter()
        .find_map(|e| state.form.step_of(&e.path.field))
        .map(str::to_string)
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    /// On its way; `resumed` when it was waiting (offline, or left from an earlier visit).
    Sending {
        resumed: bool,
    },
    /// Kept on the device until the connection returns.
    Waiting,
    Refused(Vec<Refusal>),
    /// The key was already used with a different body (HTTP 409): an earlier attempt
    /// from this page was filed with other answers. Nothing was filed now; the answers
    /// stay, and the next submit is a new attempt with a new key.
    AlreadyReceived,
    /// Not sent; the key says why; `retry` offers to send the same attempt again.
    Failed {
        key: Key,
        retry: bool,
    },
}

#[component]
pub fn SubmitSection(state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let service = state.service_id.0.clone();
    let outcome = RwSignal::new(match load_pending(&service) {
        Some(_) => Outcome::Waiting,
        None => Outcome::Idle,
    });
    // Taken now: the router's context is not reachable from inside the async task. The
    // dossier's page is drawn by the form's bundle, or the router's (`use_go`).
    let navigate = crate::app::use_go();

    let st = state.clone();
    let svc = service.clone();
    let nav = navigate.clone();
    let send_pending = move |resumed: bool| {
        if matches!(outcome.get_untracked(), Outcome::Sending { .. }) {
            return; // a second click, or `online` while the first is on its way
        }
        let Some(pending) = load_pending(&svc) else {
            outcome.set(Outcome::Idle);
            return;
        };
        if !is_online() {
            outcome.set(Outcome::Waiting);
            return;
        }
        outcome.set(Outcome::Sending { resumed });
        let (st, svc, nav) = (st.clone(), svc.clone(), nav.clone());
        leptos::task::spawn_local(async move {
            match api::submit_dossier(&pending.body, &pending.key).await {
                Ok(receipt) => {
                    remove_pending(&svc);
                    st.discard();
                    nav(&routes::dossier_submitted(&receipt.code));
                }
                Err(SubmitError::Invalid(problems)) => {
                    // Nothing was filed: the next attempt, with changed answers, is new.
                    remove_pending(&svc);
                    outcome.set(Outcome::Refused(refusals(&st, &problems)));
                }
                Err(SubmitError::Api(ApiError::Network)) => outcome.set(if is_online() {
                    Outcome::Failed {
                        key: Key::SubmitFailed,
                        retry: true,
                    }
                } else {
                    Outcome::Waiting
                }),
                Err(SubmitError::Api(ApiError::Server { status: 401, .. })) => {
                    outcome.set(Outcome::Failed {
                        key: Key::SessionExpired,
                        retry: false,
                    })
                }
                Err(SubmitError::Api(ApiError::Server { code, .. }))
                    if code == "idempotency_key_reused" =>
                {
                    remove_pending(&svc);
                    outcome.set(Outcome::AlreadyReceived)
                }
                Err(_) => outcome.set(Outcome::Failed {
                    key: Key::SubmitFailed,
                    retry: true,
                }),
            }
        });
    };
    let send_pending = StoredValue::new(send_pending);

    let st = state.clone();
    let svc = service.clone();
    let nav = navigate.clone();
    let submit = move |_| {
        if matches!(outcome.get_untracked(), Outcome::Sending { .. }) {
            return;
        }
        let info = session.info.get_untracked();
        let identity = info.as_ref().and_then(|s| s.prefill.clone());
        let mut ctx = st.context();
        if let Some(i) = identity.as_ref() {
            ctx = ctx.with_identity(i);
        }
        let answers = match st.form.validate_submission(&st.snapshot(), &ctx) {
            Ok(a) => a,
            Err(errors) => {
                // Back to the step with the problem, where its errors are shown.
                if let Some(step) = first_problem_step(&st, &errors) {
                    nav(&format!(
                        "{}?return={CHECK}&problem=1",
                        step_href(&svc, &step)
                    ));
                } else {
                    let lang = i18n.lang.get_untracked();
                    outcome.set(Outcome::Refused(
                        errors
                            .iter()
                            .map(|e| Refusal {
                                message: e.message(&st.form, lang),
                                change_href: None,
                            })
                            .collect(),
                    ));
                }
                return;
            }
        };
        let body = submission_body(&st, &answers, info.as_ref());
        let pending = PendingSubmission::attempt(load_pending(&svc), body, || new_key(&svc));
        save_pending(&svc, &pending);
        send_pending.with_value(|s| s(false));
    };

    // Back online: send what was waiting, once (the key makes even a repeat harmless).
    let handle = window_event_listener(leptos::ev::online, move |_| {
        if outcome.get_untracked() == Outcome::Waiting {
            send_pending.with_value(|s| s(true));
        }
    });
    on_cleanup(move || handle.remove());
    // Left waiting by an earlier visit (closed tab, reload): send it once signed in.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let signed_in = session
            .info
            .with(|s| s.as_ref().is_some_and(|s| s.signed_in));
        if signed_in && outcome.get_untracked() == Outcome::Waiting && is_online() {
            send_pending.with_value(|s| s(true));
            return true;
        }
        false
    });

    let summary = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if matches!(outcome.get(), Outcome::Refused(_)) {
            if let Some(el) = summary.get() {
                let _ = el.focus();
            }
        }
    });
    let retry = move |_| send_pending.with_value(|s| s(false));
    view! {
        <section class="submit" aria-labelledby="submit-title">
            <h2 id="submit-title">{move || i18n.t(Key::SubmitTitle)}</h2>
            {move || match outcome.get() {
                Outcome::Refused(list) => view! {
                    <div class="error-summary" role="alert" tabindex="-1" node_ref=summary aria-labelledby="submit-problems-title">
                        <h2 class="error-summary__title" id="submit-problems-title">{i18n.t(Key::SubmitRefusedTitle)}</h2>
                        <ul class="error-summary__list">
                            {list.into_iter().map(|r| match r.change_href {
                                Some(href) => view! { <li><a href=href>{r.message}</a></li> }.into_any(),
                                None => view! { <li>{r.message}</li> }.into_any(),
                            }).collect_view()}
                        </ul>
                    </div>
                }.into_any(),
                Outcome::AlreadyReceived => view! {
                    <div class="notice notice--action submit__already" role="alert">
                        <p>{i18n.t(Key::SubmitAlreadyReceived)}</p>
                        <p>{i18n.t(Key::SubmitAlreadyReceivedNext)}</p>
                        <p><a href="/dossiers">{i18n.t(Key::MyDossiers)}</a></p>
                    </div>
                }.into_any(),
                Outcome::Waiting => view! {
                    <div class="notice" role="status">
                        <p>{i18n.t(Key::SubmitWaiting)}</p>
                        <button type="button" class="button button--secondary" on:click=retry>{i18n.t(Key::SubmitNow)}</button>
                    </div>
                }.into_any(),
                Outcome::Sending { resumed: true } => view! {
                    <p class="notice" role="status">{i18n.t(Key::SubmitBackOnline)}</p>
                }.into_any(),
                Outcome::Failed { key, retry: can_retry } => view! {
                    <div class="notice notice--action" role="alert">
                        <p>{i18n.t(key)}</p>
                        {can_retry.then(|| view! { <button type="button" class="button button--secondary" on:click=retry>{i18n.t(Key::Retry)}</button> })}
                        {(key == Key::SessionExpired).then(|| view! { <a class="button button--secondary" href="/auth/sign-in" rel="external" on:click=crate::api::go_to_sign_in>{i18n.t(Key::SignIn)}</a> })}
                    </div>
                }.into_any(),
                _ => ().into_any(),
            }}
            {move || match session.info.get() {
                Some(s) if s.signed_in => view! {
                    <p>{i18n.t(Key::SubmitDeclarationNote)}</p>
                    <button type="button" class="button" aria-disabled=move || matches!(outcome.get(), Outcome::Sending { .. }).to_string()
                        prop:disabled=move || matches!(outcome.get(), Outcome::Sending { .. })
                        on:click=submit.clone()>
                        {move || if matches!(outcome.get(), Outcome::Sending { .. }) { i18n.t(Key::Sending) } else { i18n.t(Key::SubmitButton) }}
                    </button>
                }.into_any(),
                other => view! {
                    <p>{if other.is_some_and(|s| s.is_expired()) { i18n.t(Key::SessionExpired) } else { i18n.t(Key::SignInToSubmit) }}</p>
                    <a class="button" href="/auth/sign-in" rel="external" on:click=crate::api::go_to_sign_in>{i18n.t(Key::SignInVneid)}</a>
                }.into_any(),
            }}
        </section>
    }
}
