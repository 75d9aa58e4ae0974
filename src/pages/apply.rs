//! `/services/:id/apply/:step` and `/services/:id/apply/check`: filling in a service's
//! form one step at a time (GOV.UK question pages), then checking the answers.

use crate::components::Title;
use crate::fetched::Fetched;
use leptos::prelude::*;
use portal_api::routes;
use portal_core::form::Charge;
use portal_core::form::{AddressAnswer, Answer, Field, FieldKind, IndexedForm};

use crate::address::{use_address, Go};
use crate::api;
use crate::components::{ApplicantGate, LaterOnFirstPage};
use crate::form::format::{address_text, answer_lines};
use crate::form::state::restore_draft;
use crate::form::{ErrorSummary, FieldView, FormState};
use crate::i18n::{fill, text, use_i18n, Key, Lang};
use crate::split::Part;

/// The step path segment of the check-your-answers page.
pub const CHECK: &str = "check";

pub fn step_href(service: &str, step: &str) -> String {
    api::href(&routes::apply_step(service, step))
}

/// The service and the step (empty for `/apply`) of a form's address, in the portal or
/// in a staff preview; `None` for any other page.
pub fn form_at(path: &str) -> Option<(String, String)> {
    use portal_api::paths::decode_segment;
    use portal_api::routes::{AppRoute, PreviewPage};
    match AppRoute::parse(path)? {
        AppRoute::Apply { id, step }
        | AppRoute::StaffPreview {
            page: PreviewPage::Apply { id, step },
            ..
        } => Some((
            decode_segment(id),
            step.map(decode_segment).unwrap_or_default(),
        )),
        _ => None,
    }
}

/// Loads the service and its catalogue version, then builds (or restores) the form state
/// shared by every step of this application.
#[component]
pub fn ApplyPage() -> impl IntoView {
    let address = use_address();
    // Kept when the address leaves the form (to the dossier's page after Send, in the
    // form's bundle): the form is on its way out, not another service's.
    let service_id = Memo::new(move |before: Option<&String>| {
        form_at(&address.path())
            .map(|(id, _)| id)
            .or_else(|| before.cloned())
            .unwrap_or_default()
    });
    // Reading the form and drawing its step are two tasks, not one long one (`api`).
    let loaded = Fetched::new(move || api::service_form(&service_id.get()));
    let retry = Callback::new(move |_| loaded.refetch());
    move || match loaded.get() {
        None => view! { <crate::components::Loading/> }.into_any(),
        Some(Err(e)) if e.is_not_found() => {
            view! { <crate::pages::not_found::NotFoundPage/> }.into_any()
        }
        Some(Err(_)) => view! {
            <crate::components::LoadFailed on_retry=retry/>
        }
        .into_any(),
        Some(Ok((service, version))) => match service.form.clone() {
            None => view! { <crate::pages::not_found::NotFoundPage/> }.into_any(),
            Some(form) => {
                let state = FormState::new(&service, IndexedForm::new(form), version);
                // A draft this device keeps is taken in before a step is drawn.
                let restored = RwSignal::new(!state.kept_on_device());
                install_save_on_hide(&state);
                // Signed in: prefill from the national records what is not answered yet.
                // Until the session is known, what the record would lock is not open to
                // typing (a slow network's session could come after the questions).
                let session = crate::session::use_session();
                state.await_identity();
                let st = state.clone();
                Effect::new(move |_| {
                    if !(restored.get() && session.settled.get()) {
                        return;
                    }
                    let info = session.info.get();
                    // Signed in: the draft is kept in the person's account too, and one
                    // started on another device continues here (asked before the prefill
                    // below, which would make an untouched form look started).
                    if info.as_ref().is_some_and(|i| i.signed_in) {
                        st.keep_on_server();
                    }
                    st.settle_identity(info.and_then(|i| i.prefill));
                });
                provide_context(state.clone());
                view! {
                    <ApplicantGate audiences=service.audiences.clone()>
                        {let state = state.clone();
                        move || if restored.get() {
                            view! { <StepRouter state=state.clone()/> }.into_any()
                        } else {
                            let st = state.clone();
                            view! { <Part load=move || restore_draft(st.clone(), restored)/> }.into_any()
                        }}
                    </ApplicantGate>
                }
                .into_any()
            }
        },
    }
}

/// Writes the draft when the page is hidden or closed, so nothing typed is lost even
/// within the save delay.
fn install_save_on_hide(state: &FormState) {
    let st = state.clone();
    let handle = window_event_listener(leptos::ev::pagehide, move |_| st.save_now());
    let st = state.clone();
    let handle2 = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            st.save_now();
        }
    });
    // Signing out: the server has the browser forget the drafts (Clear-Site-Data); the
    // save on the way out must not write this one back after it.
    let st = state.clone();
    let handle3 = window_event_listener(leptos::ev::submit, move |ev| {
        use wasm_bindgen::JsCast;
        let signing_out = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|f| f.class_list().contains("header__sign-out"));
        if signing_out {
            st.stop_saving();
        }
    });
    let st = state.clone();
    on_cleanup(move || {
        handle.remove();
        handle2.remove();
        handle3.remove();
        // Leaving the form inside the app: write what the save delay has not yet.
        st.save_now();
    });
}

#[component]
fn StepRouter(state: FormState) -> impl IntoView {
    let address = use_address();
    // Kept, as the service is, when the address leaves the form (see `ApplyPage`).
    let step = Memo::new(move |before: Option<&String>| {
        form_at(&address.path())
            .map(|(_, step)| step)
            .or_else(|| before.cloned())
            .unwrap_or_default()
    });
    move || {
        let s = step.get();
        let state = state.clone();
        if s == CHECK {
            view! { <Part load=move || check_answers_page(state.clone())/> }.into_any()
        } else if s.is_empty() {
            // `/apply`: continue where the citizen left off.
            let visible = state.visible_steps();
            let done = state.completed_steps.get_untracked();
            let next = visible.iter().find(|v| !done.contains(v)).cloned();
            let target = match next {
                Some(n) => step_href(state.service_id.as_str(), &n),
                None => step_href(state.service_id.as_str(), CHECK),
            };
            address.go(
                &target,
                Go {
                    replace: true,
                    scroll: true,
                },
            );
            ().into_any()
        } else {
            view! { <StepPage state step=s/> }.into_any()
        }
    }
}

/// How the check-answers page sends in a staff preview: a test submission, drawn by the
/// function the preview's layout provides (`staff_preview::PreviewLayout`), so that only
/// the bundle with the staff pages carries that code.
#[derive(Clone, Copy)]
pub struct TestSubmission(pub fn(FormState, String) -> AnyView);

/// "Saved on this device at 10:32" and a way to start again.
#[component]
fn DraftStatus(state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let address = use_address();
    let st = state.clone();
    let discard = move |_| {
        st.discard();
        let first = st.visible_steps().into_iter().next().unwrap_or_default();
        address.go(&step_href(st.service_id.as_str(), &first), Go::NEW_PAGE);
    };
    view! {
        <div class="draft-status">
            <p aria-live="polite">{move || {
                let clock = |ms: i64| {
                    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
                    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
                };
                match (state.server_saved_at.get(), state.saved_at.get()) {
                    (Some(ms), _) => Some(fill::draft_saved_in_account(i18n.lang.get(), &clock(ms))),
                    (None, Some(ms)) => Some(fill::draft_saved(i18n.lang.get(), &clock(ms))),
                    (None, None) => None,
                }
            }}</p>
            <button type="button" class="button-link" on:click=discard>{move || i18n.t(Key::DiscardDraft)}</button>
        </div>
    }
}

/// What changed in the citizen's answers, leaving out a count of none.
fn form_changed_body(lang: Lang, dropped: usize, required: usize) -> String {
    let mut body = vec![text(lang, Key::FormChangedKept).to_string()];
    if dropped > 0 {
        body.push(fill::form_changed_dropped(lang, dropped));
    }
    if required > 0 {
        body.push(fill::form_changed_required(lang, required));
    }
    body.push(text(lang, Key::FormChangedCheck).to_string());
    body.join(" ")
}

/// Names the answers that came from the person's other device (the newer ones win), so
/// nothing changes under them unseen.
#[component]
fn FromElsewhereNotice(state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let st = state.clone();
    move || {
        let ids = st.from_elsewhere.get();
        let continued = st.continued_from_account.get();
        if ids.is_empty() && !continued {
            return None;
        }
        let lang = i18n.lang.get();
        let names: Vec<String> = ids
            .iter()
            .filter_map(|id| st.form.field(id))
            .map(|f| f.label.get(lang).trim_end_matches(['?', ':']).to_string())
            .collect();
        let body = if names.is_empty() {
            text(lang, Key::ContinuedFromAccount).to_string()
        } else {
            fill::from_elsewhere_body(lang, &names.join(", "))
        };
        let dismiss = {
            let st = st.clone();
            move |_| {
                st.from_elsewhere.set(Vec::new());
                st.continued_from_account.set(false);
            }
        };
        Some(view! {
            <div class="notice" role="status">
                <p><strong>{i18n.t(Key::FromElsewhereTitle)}</strong></p>
                <p>{body}</p>
                <button type="button" class="button-link" on:click=dismiss>{i18n.t(Key::FromElsewhereDismiss)}</button>
            </div>
        })
    }
}

/// Tells the citizen the form changed since their draft was saved, and what that means.
#[component]
fn MigrationNotice(state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        state.migration.get().map(|r| {
            view! {
                <div class="notice" role="status">
                    <p><strong>{i18n.t(Key::FormChangedTitle)}</strong></p>
                    <p>{form_changed_body(i18n.lang.get(), r.dropped.len(), r.newly_required.len())}</p>
                </div>
            }
        })
    }
}

#[component]
fn StepPage(state: FormState, step: String) -> impl IntoView {
    let i18n = use_i18n();
    let address = use_address();
    let returning = move || {
        address
            .query(&["return"])
            .first()
            .is_some_and(|(_, v)| v == CHECK)
    };
    let Some(step_def) = state.form.step(&step).cloned() else {
        return view! { <crate::pages::not_found::NotFoundPage/> }.into_any();
    };
    // Check answers comes after the last step, and the upload control on a step with a
    // file question: their chunks are fetched while this step is read.
    crate::split::prefetch_when_drawn(preload_check_answers);
    crate::split::prefetch_when_drawn(crate::form::state::preload_drafts);
    if state.form.asks_for_files() {
        crate::split::prefetch_when_drawn(crate::form::fields::attachment::preload_attachments);
    }
    if state.form.has_groups() {
        crate::split::prefetch_when_drawn(crate::form::fields::group::preload_groups);
    }
    // A new page starts without the errors of another; sent back from the check page
    // because of a problem (`?problem=1`), it shows that problem at once.
    state.errors.set(Vec::new());
    // Answers given earlier start the questions that repeat them (the applicant is the
    // mother: the mother's details), once, while they are unanswered.
    for (id, answer) in state.form.copies_for_step(&state.snapshot(), &step) {
        state.set(id.as_str(), Some(answer));
    }
    if untrack(|| !address.query(&["problem"]).is_empty()) {
        state.validate_step(&step);
    }
    // Arriving from a Change link (`…?return=check#f-child_name`): focus that question,
    // so keyboard and screen-reader users land where the link said.
    // (The address as kept: with the router, the address bar changes only after this
    // page is drawn.)
    let hash = address.hash_untracked();
    let target = hash.trim_start_matches('#');
    if !target.is_empty() {
        crate::form::focus::focus_question_when_drawn(target.to_string());
    } else if state.errors.with_untracked(Vec::is_empty) {
        // Otherwise start at the heading (the error summary takes it when shown).
        crate::form::focus::focus_heading_when_drawn();
    }
    let service_id = state.service_id.0.clone();
    let st = state.clone();
    let step_id = step.clone();
    let position = Memo::new(move |_| {
        let steps = st.visible_steps();
        let i = steps.iter().position(|s| s == &step_id);
        (i, steps)
    });
    let st = state.clone();
    let problems = Signal::derive(move || st.problems(i18n.lang.get()));
    let title_text = step_def.title.clone();
    let st = state.clone();
    let page_title = move || {
        let t = title_text.get(i18n.lang.get()).to_string();
        if st.errors.with(Vec::is_empty) {
            t
        } else {
            format!("{}{t}", i18n.t(Key::ErrorPrefix))
        }
    };
    let back_href = {
        let service_id = service_id.clone();
        move || {
            if returning() {
                return step_href(&service_id, CHECK);
            }
            position.with(|(i, steps)| match i {
                Some(i) if *i > 0 => step_href(&service_id, &steps[i - 1]),
                _ => api::href(&routes::service(&service_id)),
            })
        }
    };
    let st = state.clone();
    let sid = step.clone();
    let svc = service_id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !st.validate_step(&sid).is_empty() {
            return;
        }
        st.complete_step(&sid);
        st.save_now();
        st.push_now();
        let target = if returning() {
            step_href(&svc, CHECK)
        } else {
            let steps = st.visible_steps();
            let i = steps.iter().position(|s| s == &sid);
            match i.and_then(|i| steps.get(i + 1)) {
                Some(next) => step_href(&svc, next),
                None => step_href(&svc, CHECK),
            }
        };
        address.go(&target, Go::NEW_PAGE);
    };
    let service_name = state.service_name.clone();
    let intro = step_def.intro.clone();
    let fields = step_def.fields.clone();
    // On the page the server sent, each question comes a moment after the heading it
    // already shows, in a task of its own, and in order (what comes below it after it).
    let questions = fields
        .into_iter()
        .map(|field| {
            let state = state.clone();
            view! {
                <LaterOnFirstPage>
                    <FieldView state=state.clone() field=field.clone()/>
                </LaterOnFirstPage>
            }
            .into_any()
        })
        .collect();
    let questions = crate::form::question_groups(questions);
    view! {
        <Title text=page_title/>
        <a class="back-link" href=back_href>{move || i18n.t(Key::Back)}</a>
        <MigrationNotice state=state.clone()/>
        <FromElsewhereNotice state=state.clone()/>
        <ErrorSummary problems/>
        <p class="caption">
            {move || position.with(|(i, steps)| fill::step_of(
                i18n.lang.get(),
                i.map(|i| i + 1).unwrap_or(0),
                steps.len(),
            ))}
            " · "{move || service_name.get(i18n.lang.get()).to_string()}
        </p>
        <h1 tabindex="-1">{move || step_def.title.get(i18n.lang.get()).to_string()}</h1>
        {intro.map(|t| view! { <p class="lead">{move || t.get(i18n.lang.get()).to_string()}</p> })}
        <form class="question-form" novalidate on:submit=on_submit>
            {questions}
            // After the questions, so that none of them pushes the button down.
            <LaterOnFirstPage>
                <button type="submit" class="button">{move || if returning() { i18n.t(Key::SaveAndReturn) } else { i18n.t(Key::Continue) }}</button>
                // The questions above are drawn and check what is typed.
                <crate::components::Ready/>
            </LaterOnFirstPage>
        </form>
        <LaterOnFirstPage>
            <DraftStatus state=state.clone()/>
            <StepList state=state.clone() current=step.clone()/>
            <FormHelp/>
        </LaterOnFirstPage>
    }
    .into_any()
}

/// Where this step sits among the form's steps (those the answers so far show), folded
/// so it pushes nothing down: steps done are links back, this one is marked, later ones
/// are named, and check-your-answers ends the list.
#[component]
fn StepList(state: FormState, current: String) -> impl IntoView {
    let i18n = use_i18n();
    let service_id = state.service_id.0.clone();
    let st = state.clone();
    let items = move || {
        let done = st.completed_steps.get();
        st.visible_steps()
            .into_iter()
            .filter_map(|id| st.form.step(&id).map(|s| (id, s.title.clone())))
            .map(|(id, title)| {
                let title = move || title.get(i18n.lang.get()).to_string();
                if id == current {
                    view! { <li class="step-list__item step-list__item--current" aria-current="step"><strong>{title}</strong></li> }.into_any()
                } else if done.contains(&id) {
                    let href = step_href(&service_id, &id);
                    view! { <li class="step-list__item"><a href=href>{title}</a>" "<span class="tag tag--fee">{move || i18n.t(Key::StepDone)}</span></li> }.into_any()
                } else {
                    view! { <li class="step-list__item">{title}</li> }.into_any()
                }
            })
            .collect_view()
    };
    view! {
        <details class="step-list">
            <summary>{move || i18n.t(Key::StepsTitle)}</summary>
            <ol class="step-list__steps">
                {items}
                <li class="step-list__item">{move || i18n.t(Key::StepsCheck)}</li>
            </ol>
        </details>
    }
}

/// The helpline, on every page of a form, before anything can go wrong at Send.
#[component]
fn FormHelp() -> impl IntoView {
    let i18n = use_i18n();
    let address = use_address();
    // About this very page (the step), so the team knows where it went wrong.
    let href = move || routes::feedback(&address.path());
    view! {
        <section class="form-help" aria-labelledby="form-help-title">
            <h2 id="form-help-title" class="form-help__title">{move || i18n.t(Key::HelpTitle)}</h2>
            <p>{move || i18n.t(Key::HelpBody)}</p>
            <p><a href=href>{move || i18n.t(Key::FeedbackLink)}</a></p>
        </section>
    }
}

crate::split_off! { "split-form", check_answers, preload_check_answers;
    /// Check answers and Send, a chunk of the form's bundle of their own: most visits
    /// are to a step, and the chunk is fetched while the person fills the last one.
    fn check_answers_page(state: FormState) -> AnyView {
        view! { <CheckAnswers state/> }.into_any()
    }
}

/// Check your answers: every shown question with its answer and a Change link; the fee;
/// then submission (see `crate::pages::submit`).
#[component]
fn CheckAnswers(state: FormState) -> impl IntoView {
    // Send leads to the dossier's page, a chunk of the form's bundle: fetched while the
    // person checks, with the service's outline that page shows.
    crate::split::prefetch_when_drawn(crate::app::preload_after_send);
    let service_id = state.service_id.0.clone();
    crate::api::read_outline_when_drawn(&service_id);
    let i18n = use_i18n();
    crate::form::focus::focus_heading_when_drawn();
    let st = state.clone();
    let sections = Memo::new(move |_| {
        let _ = st.visible_steps();
        let answers = st.snapshot();
        st.form
            .visible_steps(&answers)
            .into_iter()
            .map(|s| {
                let fields: Vec<Field> = st
                    .form
                    .visible_fields(&answers, &s.id)
                    .into_iter()
                    .filter(|f| !matches!(f.kind, FieldKind::Declaration))
                    .cloned()
                    .collect();
                (s.id.clone(), s.title.clone(), fields)
            })
            // A step that only asks for the declaration has nothing to check here.
            .filter(|(_, _, fields)| !fields.is_empty())
            .collect::<Vec<_>>()
    });
    let st = state.clone();
    // The one figure the server will record and the payment will ask for, and why lines
    // are waived (an exemption the answers or the applicant's age give): a person who
    // pays less is told why.
    let fee = Memo::new(move |_| {
        let _ = st.visible_steps();
        let quote = st.form.priced_quote(&st.snapshot(), st.context().today);
        let charge = match &st.service_fees {
            Some(fees) => portal_core::form::charge_of(fees, quote.as_ref()),
            None => match quote.as_ref().map_or(0, |q| q.total_online) {
                0 => Charge::Free,
                n => Charge::Due(n),
            },
        };
        let waivers: Vec<portal_core::Text> = quote
            .iter()
            .flat_map(|q| q.waivers().into_iter().cloned())
            .collect();
        (charge, waivers)
    });
    let st = state.clone();
    let svc = service_id.clone();
    let submit_state = state.clone();
    // In a staff preview the test submission replaces the real one.
    let draft = api::source().draft().map(str::to_string);
    let preview = draft
        .clone()
        .zip(use_context::<TestSubmission>())
        .map(|(draft, TestSubmission(render))| render(state.clone(), draft));
    let real_submit = draft
        .is_none()
        .then(|| view! { <crate::pages::submit::SubmitSection state=submit_state/> });
    view! {
        <Title text=move || i18n.t(Key::CheckAnswersTitle)/>
        <a class="back-link" href=move || {
            let steps = st.visible_steps();
            steps.last().map(|s| step_href(&svc, s)).unwrap_or_else(|| api::href(&routes::service(&svc)))
        }>{move || i18n.t(Key::Back)}</a>
        <h1 tabindex="-1">{move || i18n.t(Key::CheckAnswersTitle)}</h1>
        {move || sections.get().into_iter().map(|(step_id, title, fields)| {
            let state = state.clone();
            let service_id = service_id.clone();
            view! {
                <h2 class="check__section">{move || title.get(i18n.lang.get()).to_string()}</h2>
                <dl class="summary-list">
                    {fields.into_iter().map(|f| {
                        let href = format!("{}?return={CHECK}#{}", step_href(&service_id, &step_id), portal_core::form::FieldPath::field(f.id.as_str()).dom_id());
                        let label = f.label.clone();
                        let label2 = f.label.clone();
                        view! {
                            <div class="summary-list__row">
                                <dt>{move || label.get(i18n.lang.get()).to_string()}</dt>
                                <dd><CheckedAnswer state=state.clone() field=f/></dd>
                                <dd class="summary-list__actions">
                                    <a href=href>{move || i18n.t(Key::Change)}<span class="visually-hidden">{move || format!(" {}", label2.get(i18n.lang.get()))}</span></a>
                                </dd>
                            </div>
                        }
                    }).collect_view()}
                </dl>
            }
        }).collect_view()}
        <h2>{move || i18n.t(Key::Fees)}</h2>
        <p>{move || match fee.with(|(charge, _)| *charge) {
            Charge::Free => i18n.t(Key::PaymentNotRequired).to_string(),
            Charge::Due(n) => format!("{}: {}", i18n.t(Key::FeeOnline), portal_core::format_vnd(n, i18n.lang.get())),
            Charge::Assessed => i18n.t(Key::PaymentAwaiting).to_string(),
        }}</p>
        {move || fee.with(|(_, waivers)| waivers.clone()).into_iter().map(|why| view! {
            <p class="fee-waiver">{move || why.get(i18n.lang.get()).to_string()}</p>
        }).collect_view()}
        {preview}
        {real_submit}
        <FormHelp/>
    }
}

/// One answer on the check page: an address with its commune and province by name, a
/// repeating group item by item (without answers its conditions hide), others as text.
#[component]
fn CheckedAnswer(state: FormState, field: Field) -> impl IntoView {
    let i18n = use_i18n();
    let signal = state.signal(field.id.as_str());
    move || {
        let lang = i18n.lang.get();
        let answer = match (&field.kind, signal.and_then(|s| s.get())) {
            (FieldKind::Group(_), Some(_)) => state
                .form
                .prune(&state.snapshot())
                .get(field.id.as_str())
                .cloned(),
            (_, a) => a,
        };
        if let Some(Answer::Address(a)) = answer.as_ref().filter(|a| a.is_answered()) {
            return view! { <AddressText answer=a.clone()/> }.into_any();
        }
        let mut lines = answer_lines(&field, answer.as_ref(), lang);
        match lines.len() {
            0 => i18n.t(Key::NotProvided).to_string().into_any(),
            1 => lines.remove(0).into_any(),
            _ => view! {
                <ul class="summary-list__items">
                    {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                </ul>
            }
            .into_any(),
        }
    }
}

/// An address with the names of its commune and province (their codes until loaded).
#[component]
fn AddressText(answer: AddressAnswer) -> impl IntoView {
    let a = answer.clone();
    let place = Fetched::new(move || {
        let a = a.clone();
        async move { crate::form::fields::choice_for(a).await.place_name() }
    });
    move || address_text(&answer, place.get().flatten().as_deref())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::form_at;

    fn at(path: &str) -> Option<(String, String)> {
        form_at(path)
    }

    #[test]
    fn a_form_is_read_from_its_address_in_the_portal_and_in_a_preview() {
        let form = |id: &str, step: &str| Some((id.to_string(), step.to_string()));
        assert_eq!(
            at("/services/birth-registration/apply"),
            form("birth-registration", "")
        );
        assert_eq!(
            at("/services/birth-registration/apply/child"),
            form("birth-registration", "child")
        );
        assert_eq!(
            at("/services/birth-registration/apply/check"),
            form("birth-registration", "check")
        );
        assert_eq!(
            at("/staff/preview/abc123/services/birth-registration/apply/child"),
            form("birth-registration", "child")
        );
        assert_eq!(
            at("/staff/preview/abc123/services/birth-registration/apply"),
            form("birth-registration", "")
        );
    }

    #[test]
    fn no_other_page_is_a_form() {
        for path in [
            "/",
            "/services/birth-registration",
            "/services/birth-registration/apply/child/extra",
            "/staff/preview/abc123/services/birth-registration",
            "/dossiers/HS-1",
            "/apply/child",
        ] {
            assert_eq!(at(path), None, "{path}");
        }
    }
}
