//! `/dossiers/:code`: the confirmation after submitting (GOV.UK confirmation page: the
//! dossier code, what happens next and when, contact, a printable receipt) and, on every
//! later visit, the tracking page: what the citizen must do at the top (add requested
//! documents, pay), status, per-procedure statuses of a bundle, payment, timeline.
//! `/dossiers`: my applications. `/lookup`: public lookup with the code and the
//! applicant's ID number or the lookup secret. The data and its rules: `crate::tracking`.

use crate::components::Title;
use crate::fetched::Fetched;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use portal_api::ids::MAX_DOSSIER_CODE_LEN;
use portal_core::form::{
    Answer, AttachmentOptions, Field, FieldId, FieldKind, FieldPath, TextOptions,
};

use crate::api::{self, ApiError};
use crate::form::error_summary::Problem;
use crate::form::fields::{AttachmentField, TextField};
use crate::form::{ErrorSummary, FormState};
use crate::i18n::{fill, use_i18n, Key};
use crate::pages::unfinished::{preload_unfinished, Unfinished};
use crate::split::Part;
use crate::tracking::{
    event_key, format_date, format_time, next_body, payment_key, status_key, status_tone,
    DocumentsRequested, Dossier, DossierList, Now, ServiceFacts, ServiceNames, TimelineEntry,
};

/// The panel with the dossier code, big: green on the confirmation, and on tracking in
/// the colour of where the dossier stands (`tone`, see [`Now::tone`]).
#[component]
pub fn ConfirmationPanel(
    code: String,
    title: Key,
    #[prop(default = "good")] tone: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class=format!("panel panel--{tone}")>
            <h1 class="panel__title">{move || i18n.t(title)}</h1>
            <p class="panel__body">{move || i18n.t(Key::DossierCode)}<strong class="panel__code">{code}</strong></p>
        </div>
    }
}

/// What happened to the dossier, newest first.
#[component]
pub fn Timeline(entries: Vec<TimelineEntry>, facts: Option<ServiceFacts>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="timeline">
            {entries.into_iter().rev().map(|e| {
                let at = format_time(&e.at);
                let key = event_key(&e);
                let procedure = e.procedure.clone().map(|p| {
                    let facts = facts.clone().unwrap_or_default();
                    move || facts.procedure_name(&p, i18n.lang.get())
                });
                view! {
                    <li class="timeline__item">
                        <span class="timeline__when">{at}</span>
                        <strong class="timeline__what">{move || i18n.t(key)}</strong>
                        {procedure.map(|p| view! { <span class="timeline__procedure">{p}</span> })}
                        {e.reason.map(|r| view! { <span class="timeline__reason">{r}</span> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// The agency's request for more documents, with its reason and deadline, and (for the
/// applicant) the upload right there.
#[component]
fn DocumentsRequestedNotice(
    code: String,
    request: DocumentsRequested,
    owner: bool,
    on_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The server's deadline, as it fixed it when the agency asked; none shown without it.
    let deadline = request
        .due
        .zip(request.working_days)
        .map(|(due, n)| (format_date(due), n));
    let reason = request.reason.clone();
    view! {
        <div class="notice notice--action" role="region" aria-labelledby="documents-requested-title">
            <h2 id="documents-requested-title">{move || i18n.t(Key::DocumentsRequestedTitle)}</h2>
            <p>{move || i18n.t(Key::DocumentsRequestedReason)}" "<strong class="notice__reason">{reason.clone()}</strong></p>
            {deadline.map(|(d, n)| view! {
                <p class="notice__deadline">{move || fill::supplement_deadline(i18n.lang.get(), &d, n as usize)}</p>
            })}
            {owner.then(|| view! { <Part load=move || add_documents(code.clone(), on_change)/> })}
        </div>
    }
}

// What only some dossiers show, and only to their applicant, is cut out of the citizen's
// bundle: the upload of requested documents (with the form engine it reuses) and the
// satisfaction question. Each is fetched when a dossier's page shows it.
crate::split_off! { "split-citizen", add_documents, preload_add_documents;
    fn add_documents(code: String, on_change: Callback<()>) -> AnyView {
        view! { <AddDocuments code on_change/> }.into_any()
    }
}
crate::split_off! { "split-citizen", rating, preload_rating;
    fn rating_box(code: String, given: Option<portal_api::GivenRating>) -> AnyView {
        view! { <RatingBox code given/> }.into_any()
    }
}

/// After the decision: how satisfied the applicant is, asked once (the public service
/// index's satisfaction indicator); the answer given, once given.
#[component]
fn RatingBox(code: String, given: Option<portal_api::GivenRating>) -> impl IntoView {
    use portal_api::{NewRating, Satisfaction};
    let i18n = use_i18n();
    let given = RwSignal::new(given);
    let choice = RwSignal::new(None::<Satisfaction>);
    let comment = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let label = |s: Satisfaction| match s {
        Satisfaction::Satisfied => Key::RatingSatisfied,
        Satisfaction::Neutral => Key::RatingNeutral,
        Satisfaction::NotSatisfied => Key::RatingNotSatisfied,
    };
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(rating) = choice.get_untracked() else {
            missing.set(true);
            if let Some(first) = crate::form::focus::question_input("rating-satisfied") {
                let _ = first.focus();
            }
            return;
        };
        if busy.get_untracked() {
            return;
        }
        missing.set(false);
        failed.set(false);
        busy.set(true);
        let text = comment.get_untracked();
        let body = NewRating {
            rating,
            comment: (!text.trim().is_empty()).then_some(text),
        };
        let code = code.clone();
        leptos::task::spawn_local(async move {
            match api::rate_dossier(&code, &body).await {
                Ok(g) => given.set(Some(g)),
                // Rated meanwhile (another tab): show what is kept.
                Err(ApiError::Server { status: 409, .. }) => {
                    if let Ok(d) = api::dossier(&code, None).await {
                        given.set(d.rating().cloned());
                    }
                }
                Err(_) => failed.set(true),
            }
            busy.set(false);
        });
    };
    move || {
        match given.get() {
        Some(g) => view! {
            <div class="notice no-print" role="status">
                <h2>{move || i18n.t(Key::RatingTitle)}</h2>
                <p>{move || i18n.t(Key::RatingThanks)}" "<strong>{move || i18n.t(label(g.rating))}</strong></p>
            </div>
        }.into_any(),
        None => view! {
            <form class="notice no-print rating" novalidate on:submit=send.clone()>
                <fieldset class="fieldset" aria-describedby="rating-hint">
                    <legend class="fieldset__legend"><h2 class="fieldset__heading">{move || i18n.t(Key::RatingTitle)}</h2></legend>
                    <p class="hint" id="rating-hint">{move || i18n.t(Key::RatingHint)}</p>
                    <Show when=move || missing.get()>
                        <p class="error-message" role="alert">{move || i18n.t(Key::RatingMissing)}</p>
                    </Show>
                    <div class="radios">
                        {Satisfaction::ALL.into_iter().map(|s| {
                            let id = format!("rating-{}", s.as_str().replace('_', "-"));
                            view! {
                                <div class="radios__item">
                                    <input class="radios__input" type="radio" name="rating" id=id.clone()
                                        prop:checked=move || choice.get() == Some(s) on:change=move |_| choice.set(Some(s))/>
                                    <label class="radios__label" for=id>{move || i18n.t(label(s))}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <div class="field">
                    <label class="label" for="rating-comment">{move || i18n.t(Key::RatingComment)}</label>
                    <p class="hint" id="rating-comment-hint">{move || i18n.t(Key::RatingCommentHint)}</p>
                    <textarea id="rating-comment" class="textarea" rows="3" maxlength="1000" aria-describedby="rating-comment-hint"
                        prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                </div>
                <Show when=move || failed.get()>
                    <p class="error-message" role="alert">{move || i18n.t(Key::RatingFailed)}</p>
                </Show>
                <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.t(Key::RatingSend)}</button>
            </form>
        }.into_any(),
    }
    }
}

/// The dossier for its applicant (`owner`) or a public lookup.
#[component]
pub fn DossierView(
    dossier: Dossier,
    #[prop(optional)] facts: Option<ServiceFacts>,
    #[prop(default = false)] owner: bool,
    /// Just submitted: the confirmation's title rather than the tracking one.
    #[prop(default = false)]
    submitted: bool,
    on_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let address = crate::address::use_address();
    let pay_result = move || address.query(&["payment"]).pop().map(|(_, v)| v);
    let paying = RwSignal::new(false);
    let pay_error = RwSignal::new(false);
    let code = dossier.code.clone();
    let receipt_pdf = portal_api::paths::dossier_receipt(&code);
    let pay = {
        let code = code.clone();
        move |_| {
            paying.set(true);
            pay_error.set(false);
            let code = code.clone();
            leptos::task::spawn_local(async move {
                match api::start_payment(&code).await {
                    Ok(started) => {
                        let _ = window().location().set_href(&started.pay_url);
                    }
                    Err(_) => {
                        paying.set(false);
                        pay_error.set(true);
                    }
                }
            });
        }
    };
    let print = |_| {
        let _ = window().print();
    };
    // Just submitted: GOV.UK's green confirmation; later, the state leads, in its colour.
    let now = Now::of(&dossier);
    let (title, tone) = if submitted {
        (Key::DossierTitle, "good")
    } else {
        (now.title(), now.tone())
    };
    let can_pay = dossier.can_pay();
    let failed_before = dossier.last_payment_failed();
    let rejection = dossier.rejection_reason().map(str::to_string);
    let status = dossier.status;
    let payment_status = dossier.payment.status;
    let amount = dossier.payment.amount.and_then(|a| u64::try_from(a).ok());
    let fee = move || amount.map(|a| portal_core::format_vnd(a, i18n.lang.get()));
    let facts_for_procedures = facts.clone().unwrap_or_default();
    let facts_for_timeline = facts.clone();
    let service_name = facts.as_ref().map(|f| f.name.clone());
    let processing = facts
        .as_ref()
        .map(|f| f.processing_time.clone())
        .filter(|t| !t.vi.trim().is_empty());
    let agency = facts.as_ref().map(|f| f.agency.clone());
    // The centre the dossier was routed to, by name (dossiers filed before routing have
    // only the catalogue's generic agency).
    let receiving = dossier.agency.clone();
    let result = dossier.result.clone();
    let procedures = dossier.procedures.clone();
    let bundle = dossier.is_bundle();
    let decided = match now {
        Now::Approved => Some(("good", Key::ApprovedBody)),
        Now::ResultReady => Some(("good", Key::ResultReadyBody)),
        _ => None,
    };
    view! {
        <div class="receipt">
        <ConfirmationPanel code=code.clone() title tone/>
        <p class="receipt__printed">{move || i18n.t(Key::ReceiptHeading)}" · "{format_time(&dossier.created_at)}</p>
        {service_name.map(|n| view! { <p class="lead">{move || n.get(i18n.lang.get()).to_string()}</p> })}
        {rejection.map(|r| view! {
            <div class="notice notice--bad" role="region" aria-labelledby="rejected-title">
                <h2 id="rejected-title">{move || i18n.t(Key::StatusRejected)}</h2>
                <p>{move || i18n.t(Key::DocumentsRequestedReason)}" "<strong class="notice__reason">{r.clone()}</strong></p>
                <p>{move || i18n.t(Key::RejectedBody)}</p>
            </div>
        })}
        {dossier.documents_requested.clone().map(|request| view! {
            <DocumentsRequestedNotice code=code.clone() request owner on_change/>
        })}
        {can_pay.then(|| view! {
            <div class="notice notice--action notice--payment" role="region" aria-labelledby="pay-title">
                <h2 id="pay-title">{move || i18n.t(Key::NowPay)}</h2>
                {move || match pay_result().as_deref() {
                    Some("success") => Some(view! { <p role="status">{i18n.t(Key::PaymentSucceeded)}</p> }.into_any()),
                    Some("failure") | Some("cancel") => Some(view! { <p role="alert">{i18n.t(Key::PaymentFailed)}</p> }.into_any()),
                    _ => None,
                }}
                {move || fee().map(|f| view! { <p>{i18n.t(Key::FeeDue)}" "<strong class="notice__amount">{f}</strong></p> })}
                {owner.then(|| view! {
                    <p class="no-print"><button type="button" class="button" prop:disabled=move || paying.get() on:click=pay.clone()>
                        {move || if failed_before { i18n.t(Key::PayAgain) } else { i18n.t(Key::PayNow) }}
                    </button></p>
                    <Show when=move || pay_error.get()><p class="error-message" role="alert">{move || i18n.t(Key::PaymentStartFailed)}</p></Show>
                })}
            </div>
        })}
        {decided.map(|(tone, body)| view! {
            <div class=format!("notice notice--{tone} notice--decided")><p>{move || i18n.t(body)}</p></div>
        })}
        {result.map(|r| {
            let document = r.document.clone().filter(|_| owner).map(|id| {
                let href = portal_api::paths::attachment_content(&id);
                let name = r.document_name.clone().unwrap_or_default();
                view! { <p><a class="button result__download" href=href download=name.clone()>{move || i18n.t(Key::DownloadResult)}</a>" "<span class="hint">{name.clone()}</span></p> }
            });
            let note = r.pickup_note.clone().map(|n| view! {
                <p>{move || i18n.t(Key::PickupNote)}" "<strong>{n.clone()}</strong></p>
            });
            view! {
                <div class="notice notice--good result" role="region" aria-labelledby="result-title">
                    <h2 id="result-title">{move || i18n.t(Key::ResultTitle)}</h2>
                    {document}
                    {note}
                </div>
            }
        })}
        {(owner && status.is_decided()).then(|| {
            let (code, given) = (code.clone(), dossier.rating().cloned());
            view! { <Part load=move || rating_box(code.clone(), given.clone())/> }
        })}
        {(!can_pay).then_some(move || match pay_result().as_deref() {
            Some("success") => Some(view! { <p class="notice notice--good" role="status">{i18n.t(Key::PaymentSucceeded)}</p> }),
            _ => None,
        })}
        {dossier.lookup_secret().map(str::to_string).map(|s| view! {
            <p>{move || i18n.t(Key::LookupSecretIs)}" "<strong class="code">{s.clone()}</strong></p>
            <p class="hint">{move || i18n.t(Key::LookupSecretHint)}</p>
        })}
        <p class="no-print"><button type="button" class="button button--secondary" on:click=print>{move || i18n.t(Key::PrintReceipt)}</button></p>
        {owner.then(|| view! {
            <p class="no-print"><a class="receipt__download" href=receipt_pdf.clone() download>{move || i18n.t(Key::DownloadReceipt)}</a></p>
        })}
        <h2>{move || i18n.t(Key::Status)}</h2>
        <p class="status"><strong class=format!("tag {}", status_tone(status))>{let k = status_key(status); move || i18n.t(k)}</strong></p>
        {bundle.then(|| view! {
            <h3>{move || i18n.t(Key::LinkedProcedures)}</h3>
            <dl class="summary-list procedures">
                {procedures.into_iter().map(|p| {
                    let facts = facts_for_procedures.clone();
                    let id = p.service_id.clone();
                    view! {
                        <div class="summary-list__row">
                            <dt>{move || facts.procedure_name(&id, i18n.lang.get())}</dt>
                            <dd><strong class=format!("tag {}", status_tone(p.status))>{let k = status_key(p.status); move || i18n.t(k)}</strong></dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
        })}
        <h2>{move || i18n.t(Key::Payment)}</h2>
        <p class="payment-status">{let k = payment_key(payment_status); move || i18n.t(k)}{move || fee().map(|f| format!(" · {f}"))}</p>
        {next_body(status).map(|body| view! {
            <h2>{move || i18n.t(Key::WhatHappensNext)}</h2>
            <p class="what-next">{move || i18n.t(body)}</p>
        })}
        {receiving.map(|a| view! { <p class="receipt__agency">{move || i18n.t(Key::ReceivingAgency)}": "<strong>{move || a.in_lang(i18n.lang.get()).to_string()}</strong></p> })}
        {agency.map(|a| view! { <p>{move || i18n.t(Key::Agency)}": "<strong>{move || a.get(i18n.lang.get()).to_string()}</strong></p> })}
        {processing.map(|p| view! { <p>{move || i18n.t(Key::ProcessingTime)}": "<strong>{move || p.get(i18n.lang.get()).to_string()}</strong></p> })}
        <h2>{move || i18n.t(Key::ContactTitle)}</h2>
        <p>{move || i18n.t(Key::ContactBody)}</p>
        <h2>{move || i18n.t(Key::Timeline)}</h2>
        <Timeline entries=dossier.timeline.clone() facts=facts_for_timeline/>
        <p class="no-print"><a href="/dossiers">{move || i18n.t(Key::MyDossiers)}</a>" · "<a href="/">{move || i18n.t(Key::BackToCatalogue)}</a></p>
        </div>
    }
}

/// A required question of a page's own form, worded by the message catalogue.
fn question(id: &str, label: Key, hint: Option<Key>, kind: FieldKind) -> Field {
    Field {
        id: FieldId(id.into()),
        label: label.to_text(),
        error_label: None,
        hint: hint.map(Key::to_text),
        required: true,
        shown_if: None,
        prefill: None,
        copy: None,
        kind,
    }
}

/// Uploading the requested documents to the same dossier (the form engine's attachment
/// question, reused).
#[component]
fn AddDocuments(code: String, on_change: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let field = question(
        "documents",
        Key::AdditionalDocuments,
        None,
        FieldKind::Attachment(AttachmentOptions {
            max_files: 10,
            ..AttachmentOptions::default()
        }),
    );
    let state = FormState::one_page("documents", field.label.clone(), vec![field.clone()]);
    let st = state.clone();
    let failed = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let send = move |_| {
        let ids = portal_core::form::submission::attachment_ids(&st.snapshot());
        if ids.is_empty() {
            st.validate_step("documents");
            return;
        }
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        failed.set(false);
        let code = code.clone();
        leptos::task::spawn_local(async move {
            match api::add_documents(&code, &ids).await {
                Ok(()) => on_change.run(()),
                Err(_) => failed.set(true),
            }
            sending.set(false);
        });
    };
    view! {
        <AttachmentField state=state.clone() field/>
        <Show when=move || failed.get()><p class="error-message" role="alert">{move || i18n.t(Key::DocumentsFailed)}</p></Show>
        <button type="button" class="button" prop:disabled=move || sending.get() on:click=send>{move || i18n.t(Key::SendDocuments)}</button>
    }
}

/// The service's facts, for the confirmation and tracking (its overview, a bundle's
/// procedures named); from the index alone when the service cannot be loaded; `None`
/// when neither lists it (the page still shows the dossier).
async fn load_facts(service_id: String) -> Option<ServiceFacts> {
    match api::service_outline(&service_id).await {
        Ok(service) => Some(ServiceFacts::new(&service)),
        Err(_) => {
            let index = api::catalogue().await.ok()?;
            ServiceFacts::listed(&service_id, &index)
        }
    }
}

/// A dossier's page at the router's `/dossiers/:code` (the whole portal).
#[component]
pub fn DossierPage() -> impl IntoView {
    let params = use_params_map();
    let code = Signal::derive(move || params.with(|p| p.get("code").unwrap_or_default()));
    view! { <DossierOf code/> }
}

/// The page of the dossier `code`: its confirmation just after Send (`?submitted`), its
/// tracking after.
#[component]
pub fn DossierOf(code: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let address = crate::address::use_address();
    let submitted = untrack(|| !address.query(&["submitted"]).is_empty());
    let dossier = Fetched::new(move || {
        let code = code.get();
        async move {
            let d = api::dossier(&code, None).await?;
            let facts = load_facts(d.service_id.clone()).await;
            Ok::<_, ApiError>((d, facts))
        }
    });
    let refresh = Callback::new(move |_| dossier.refetch());
    view! {
        <Title text=move || if submitted { i18n.t(Key::DossierTitle) } else { i18n.t(Key::DossierTrackTitle) }/>
        {move || match dossier.get() {
            None => view! { <crate::components::Loading/> }.into_any(),
            Some(Ok((d, facts))) => match facts {
                Some(facts) => view! { <DossierView dossier=d facts owner=true submitted=submitted on_change=refresh/> }.into_any(),
                None => view! { <DossierView dossier=d owner=true submitted=submitted on_change=refresh/> }.into_any(),
            },
            Some(Err(ApiError::Server { status: 401 | 403 | 400 | 404, .. })) => view! {
                <h1>{i18n.t(Key::DossierTrackTitle)}</h1>
                <p>{i18n.t(Key::DossierSignInOrLookup)}</p>
                <p><a class="button" href="/auth/sign-in" rel="external" on:click=crate::api::go_to_sign_in>{i18n.t(Key::SignInVneid)}</a></p>
                <p><a href="/lookup">{i18n.t(Key::LookupTitle)}</a></p>
            }.into_any(),
            Some(Err(_)) => view! {
                <crate::components::ErrorState title=Key::LoadErrorTitle body=Key::LoadErrorBody on_retry=refresh/>
            }.into_any(),
        }}
    }
}

/// The applicant's dossiers, newest first: each with its code (the link), the service's
/// name in the current language, when it was sent, its status and payment.
#[component]
pub fn DossierListView(list: DossierList, names: ServiceNames) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="service-list">
            {list.dossiers.into_iter().map(|d| {
                let href = portal_api::routes::dossier(&d.code);
                let names = names.clone();
                let id = d.service_id.clone();
                // Whom it is for tells two dossiers of one service apart.
                let subject = d.subject.clone().map(|who| view! {
                    <p class="service-item__subject">{move || i18n.t(Key::DossierSubject)}" "<strong>{who}</strong></p>
                });
                let agency = d.agency.clone().map(|a| view! {
                    <p class="service-item__agency">{move || i18n.t(Key::ReceivingAgency)}": "{move || a.in_lang(i18n.lang.get()).to_string()}</p>
                });
                view! {
                    <li class="service-item">
                        <h2 class="service-item__name"><a href=href>{d.code.clone()}</a></h2>
                        <p><span class="service-item__service">{move || names.name(&id, i18n.lang.get())}</span>" · "{format_time(&d.created_at)}</p>
                        {subject}
                        {agency}
                        <p><strong class=format!("tag {}", status_tone(d.status))>{let k = status_key(d.status); move || i18n.t(k)}</strong>
                        " "{let k = payment_key(d.payment.status); move || i18n.t(k)}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn MyDossiersPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = Fetched::new(api::my_dossiers);
    // The names come from the catalogue, fetched beside the list; without it the ids show.
    let names = Fetched::new(|| async {
        api::catalogue()
            .await
            .map(|index| ServiceNames::from_index(&index))
            .unwrap_or_default()
    });
    let retry = Callback::new(move |_| list.refetch());
    // Unfinished applications are shown from the drafts on this device and, signed in,
    // from the account's. Their chunk comes beside the list when this device keeps one;
    // signed in, once the list says so; signed out with none, never.
    let on_device = crate::form::drafts::any_on_device();
    if on_device {
        leptos::task::spawn_local(async {
            let _ = preload_unfinished().await;
        });
    }
    view! {
        <Title text=move || i18n.t(Key::MyDossiers)/>
        <h1>{move || i18n.t(Key::MyDossiers)}</h1>
        {move || match (list.get(), names.get()) {
            (None, _) | (Some(_), None) => view! { <crate::components::Loading/> }.into_any(),
            (Some(Ok(v)), Some(names)) if v.dossiers.is_empty() => view! {
                <crate::components::Ready/>
                <Unfinished names signed_in=true/>
                <p>{i18n.t(Key::NoDossiers)}</p>
                <p><a href="/">{i18n.t(Key::BackToCatalogue)}</a></p>
            }.into_any(),
            (Some(Ok(list)), Some(names)) => view! {
                <crate::components::Ready/>
                <Unfinished names=names.clone() signed_in=true/>
                <h2>{i18n.t(Key::SentDossiers)}</h2>
                <DossierListView list names/>
            }.into_any(),
            (Some(Err(ApiError::Server { status: 401, .. })), Some(names)) => view! {
                <crate::components::Ready/>
                {on_device.then(|| view! { <Unfinished names signed_in=false/> })}
                <p>{i18n.t(Key::SignInToSeeDossiers)}</p>
                <p><a class="button" href="/auth/sign-in" rel="external" on:click=crate::api::go_to_sign_in>{i18n.t(Key::SignInVneid)}</a></p>
            }.into_any(),
            (Some(Err(_)), _) => view! {
                <crate::components::ErrorState title=Key::LoadErrorTitle body=Key::LoadErrorBody on_retry=retry/>
            }.into_any(),
        }}
    }
}

/// The credential typed: a 12-digit ID number (spaces ignored) or else a lookup secret.
pub fn lookup_credentials(typed: &str) -> (String, String) {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
        (digits, String::new())
    } else {
        (String::new(), typed.trim().to_string())
    }
}

/// The lookup form's step and questions (their DOM ids are `f-` and the question's id).
const LOOKUP_STEP: &str = "lookup";
const LOOKUP_CODE: &str = "dossier_code";
const LOOKUP_CREDENTIAL: &str = "credential";

/// The lookup's two questions as a form of the engine's: the code (no longer than the
/// contract lets a code be) and the ID number or lookup secret.
fn lookup_form() -> FormState {
    let code = Field {
        error_label: Some(Key::LookupCodeErrorLabel.to_text()),
        ..question(
            LOOKUP_CODE,
            Key::DossierCode,
            Some(Key::LookupCodeHint),
            FieldKind::Text(TextOptions {
                min_length: 0,
                max_length: u32::try_from(MAX_DOSSIER_CODE_LEN).ok(),
            }),
        )
    };
    let credential = question(
        LOOKUP_CREDENTIAL,
        Key::LookupCredential,
        Some(Key::LookupCredentialHint),
        FieldKind::Text(TextOptions::default()),
    );
    FormState::one_page(
        LOOKUP_STEP,
        Key::LookupTitle.to_text(),
        vec![code, credential],
    )
}

/// What the server's refusal tells the citizen (none before an answer or on success).
fn lookup_refusal(
    result: &Option<Result<(Dossier, Option<ServiceFacts>), ApiError>>,
) -> Option<Key> {
    match result {
        Some(Err(ApiError::Server { status: 429, .. })) => Some(Key::LookupLocked),
        Some(Err(ApiError::Server { .. })) => Some(Key::LookupNotFound),
        Some(Err(_)) => Some(Key::LookupNetwork),
        _ => None,
    }
}

#[component]
pub fn LookupPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = lookup_form();
    let result = RwSignal::new(None::<Result<(Dossier, Option<ServiceFacts>), ApiError>>);
    let busy = RwSignal::new(false);
    let st = state.clone();
    let lookup = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        result.set(None);
        if !st.validate_step(LOOKUP_STEP).is_empty() {
            return;
        }
        let typed = |id: &str| match st.signal(id).and_then(|s| s.get_untracked()) {
            Some(Answer::Text(t)) => t,
            _ => String::new(),
        };
        let (code, credential) = (typed(LOOKUP_CODE), typed(LOOKUP_CREDENTIAL));
        busy.set(true);
        leptos::task::spawn_local(async move {
            let (id, secret) = lookup_credentials(&credential);
            let found = match api::dossier(code.trim(), Some((&id, &secret))).await {
                Ok(d) => {
                    let facts = load_facts(d.service_id.clone()).await;
                    Ok((d, facts))
                }
                Err(e) => Err(e),
            };
            result.set(Some(found));
            busy.set(false);
        });
    };
    // The engine's errors, then the server's refusal (linked to the code, its first cause).
    let st = state.clone();
    let problems = Signal::derive(move || {
        let lang = i18n.lang.get();
        let mut problems = st.problems(lang);
        if let Some(key) = result.with(lookup_refusal) {
            problems.push(Problem {
                target: FieldPath::field(LOOKUP_CODE).dom_id(),
                message: key.get(lang).to_string(),
            });
        }
        problems
    });
    let found = Memo::new(move |_| matches!(result.get(), Some(Ok(_))));
    let noop = Callback::new(|_| ());
    let title = move || {
        if problems.with(Vec::is_empty) {
            i18n.t(Key::LookupTitle).to_string()
        } else {
            format!("{}{}", i18n.t(Key::ErrorPrefix), i18n.t(Key::LookupTitle))
        }
    };
    let fields = state
        .form
        .step(LOOKUP_STEP)
        .map(|s| s.fields.clone())
        .unwrap_or_default();
    view! {
        <Title text=title/>
        {move || if found.get() {
            match result.get_untracked() {
                Some(Ok((d, Some(facts)))) => view! { <DossierView dossier=d facts on_change=noop/> }.into_any(),
                Some(Ok((d, None))) => view! { <DossierView dossier=d on_change=noop/> }.into_any(),
                _ => ().into_any(),
            }
        } else {
            let state = state.clone();
            view! {
                <ErrorSummary problems/>
                <h1>{move || i18n.t(Key::LookupTitle)}</h1>
                <p>{move || i18n.t(Key::LookupIntro)}</p>
                <form class="question-form" novalidate on:submit=lookup.clone()>
                    {fields.clone().into_iter().map(|field| view! { <TextField state=state.clone() field/> }).collect_view()}
                    <button type="submit" class="button" prop:disabled=move || busy.get()>{move || i18n.t(Key::LookupButton)}</button>
                </form>
            }.into_any()
        }}
    }
}
