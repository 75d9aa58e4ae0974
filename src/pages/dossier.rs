//! `/dossiers/:code`: the confirmation after submitting (GOV.UK confirmation page: the
//! dossier code, what happens next, a printable receipt) and, on every later visit, the
//! tracking page: status, timeline, payment, and the additional documents the agency
//! asked for, added right here. `/dossiers`: my applications. `/lookup`: public lookup
//! with the code and the applicant's ID number or the lookup secret.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use portal_core::form::{AttachmentOptions, Field, FieldId, FieldKind, Form, IndexedForm, Step};
use portal_core::Text;
use serde_json::Value;

use crate::api::{self, ApiError};
use crate::form::{FieldView, FormState};
use crate::i18n::{text, use_i18n, Key};

fn status_key(s: &str) -> Key {
    match s {
        "received" => Key::StatusReceived,
        "in_processing" => Key::StatusInProcessing,
        "additional_documents_requested" => Key::StatusDocumentsRequested,
        "approved" => Key::StatusApproved,
        "rejected" => Key::StatusRejected,
        "result_ready" => Key::StatusResultReady,
        _ => Key::StatusReceived,
    }
}

fn payment_key(s: &str) -> Key {
    match s {
        "paid" => Key::PaymentPaid,
        "unpaid" => Key::PaymentUnpaid,
        "awaiting_assessment" => Key::PaymentAwaiting,
        _ => Key::PaymentNotRequired,
    }
}

fn when(s: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(s));
    if d.get_time().is_nan() {
        return s.to_string();
    }
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The dossier: status panel, payment, requested documents, timeline.
#[component]
pub fn DossierView(
    dossier: Value,
    #[prop(default = false)] owner: bool,
    on_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = dossier["code"].as_str().unwrap_or_default().to_string();
    let status = dossier["status"].as_str().unwrap_or_default().to_string();
    let payment = dossier["payment"]["status"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let amount = dossier["payment"]["amount"].as_u64();
    let secret = dossier["lookup_secret"].as_str().map(str::to_string);
    let requested = dossier["documents_requested"].clone();
    let timeline = dossier["timeline"].as_array().cloned().unwrap_or_default();
    let procedures = dossier["procedures"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let query = use_query_map();
    let pay_result = move || query.with(|q| q.get("payment"));
    let paying = RwSignal::new(false);
    let pay_error = RwSignal::new(false);
    let code_for_pay = code.clone();
    let pay = move |_| {
        paying.set(true);
        let code = code_for_pay.clone();
        leptos::task::spawn_local(async move {
            match api::start_payment(&code).await {
                Ok(v) => {
                    if let Some(url) = v["pay_url"].as_str() {
                        let _ = window().location().set_href(url);
                    }
                }
                Err(_) => {
                    paying.set(false);
                    pay_error.set(true);
                }
            }
        });
    };
    let print = |_| {
        let _ = window().print();
    };
    view! {
        <div class="panel" role="status">
            <h1 class="panel__title">{move || i18n.t(Key::DossierTitle)}</h1>
            <p class="panel__body">{move || i18n.t(Key::DossierCode)}<br/><strong class="panel__code">{code.clone()}</strong></p>
        </div>
        {secret.map(|s| view! {
            <p>{move || i18n.t(Key::LookupSecretIs)}" "<strong class="code">{s.clone()}</strong></p>
        })}
        <p><button type="button" class="button button--secondary" on:click=print>{move || i18n.t(Key::PrintReceipt)}</button></p>
        <h2>{move || i18n.t(Key::Status)}</h2>
        <p class="status"><strong class="tag tag--status">{move || i18n.t(status_key(&status))}</strong></p>
        {(procedures.len() > 1).then(|| view! {
            <ul class="list list--bullet">
                {procedures.into_iter().map(|p| {
                    let id = p["service_id"].as_str().unwrap_or_default().to_string();
                    let st = p["status"].as_str().unwrap_or_default().to_string();
                    view! { <li>{id}": "{move || i18n.t(status_key(&st))}</li> }
                }).collect_view()}
            </ul>
        })}
        {requested.is_object().then(|| {
            let reason = requested["reason"].as_str().unwrap_or_default().to_string();
            view! {
                <div class="notice notice--action">
                    <h2>{move || i18n.t(Key::DocumentsRequestedTitle)}</h2>
                    <p>{move || i18n.t(Key::DocumentsRequestedReason)}" "<strong>{reason.clone()}</strong></p>
                    {owner.then(|| view! { <AddDocuments code=dossier["code"].as_str().unwrap_or_default().to_string() on_change/> })}
                </div>
            }
        })}
        <h2>{move || i18n.t(Key::Payment)}</h2>
        <p>{move || i18n.t(payment_key(&payment))}{amount.map(|a| format!(" ({})", portal_core::format_vnd(a)))}</p>
        {move || match pay_result().as_deref() {
            Some("success") => Some(view! { <p class="notice" role="status">{i18n.t(Key::PaymentSucceeded)}</p> }.into_any()),
            Some("failure") | Some("cancel") => Some(view! { <p class="notice" role="alert">{i18n.t(Key::PaymentFailed)}</p> }.into_any()),
            _ => None,
        }}
        {(owner && dossier["payment"]["status"].as_str() == Some("unpaid")).then(|| view! {
            <p><button type="button" class="button" prop:disabled=move || paying.get() on:click=pay>{move || i18n.t(Key::PayNow)}</button></p>
            <Show when=move || pay_error.get()><p class="error-message" role="alert">{move || i18n.t(Key::SubmitFailed)}</p></Show>
        })}
        <h2>{move || i18n.t(Key::WhatHappensNext)}</h2>
        <p>{move || i18n.t(Key::WhatHappensNextBody)}</p>
        <h2>{move || i18n.t(Key::Timeline)}</h2>
        <ol class="timeline">
            {timeline.into_iter().rev().map(|e| {
                let at = when(e["at"].as_str().unwrap_or_default());
                let event = e["event"].as_str().unwrap_or_default().to_string();
                let st = e["status"].as_str().map(str::to_string);
                let reason = e["reason"].as_str().map(str::to_string);
                view! {
                    <li class="timeline__item">
                        <span class="timeline__when">{at}</span>" "
                        <strong>{move || match (event.as_str(), &st) {
                            ("status_changed", Some(s)) => i18n.t(status_key(s)).to_string(),
                            ("payment_succeeded", _) => i18n.t(Key::PaymentPaid).to_string(),
                            ("payment_failed", _) | ("payment_cancelled", _) => i18n.t(Key::PaymentFailed).to_string(),
                            ("documents_added", _) => i18n.t(Key::DocumentsAdded).to_string(),
                            _ => i18n.t(Key::StatusReceived).to_string(),
                        }}</strong>
                        {reason.map(|r| view! { <br/><span class="hint">{r}</span> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// Uploading the requested documents to the same dossier (the form engine's attachment
/// question, reused).
#[component]
fn AddDocuments(code: String, on_change: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let field = Field {
        id: FieldId("documents".into()),
        label: Text::new("Giấy tờ bổ sung", "Additional documents"),
        hint: None,
        required: true,
        shown_if: None,
        prefill: None,
        kind: FieldKind::Attachment(AttachmentOptions {
            max_files: 10,
            ..AttachmentOptions::default()
        }),
    };
    let form = Form {
        steps: vec![Step {
            id: "documents".into(),
            title: field.label.clone(),
            intro: None,
            shown_if: None,
            fields: vec![field.clone()],
        }],
        fees: Vec::new(),
    };
    let state = FormState::ephemeral(IndexedForm::new(form));
    let st = state.clone();
    let failed = RwSignal::new(false);
    let send = move |_| {
        let ids = portal_core::form::submission::attachment_ids(&st.snapshot());
        if ids.is_empty() {
            st.validate_step("documents");
            return;
        }
        let code = code.clone();
        leptos::task::spawn_local(async move {
            match api::add_documents(&code, &ids).await {
                Ok(_) => on_change.run(()),
                Err(_) => failed.set(true),
            }
        });
    };
    view! {
        <FieldView state=state.clone() field/>
        <Show when=move || failed.get()><p class="error-message" role="alert">{move || i18n.t(Key::SubmitFailed)}</p></Show>
        <button type="button" class="button" on:click=send>{move || i18n.t(Key::SendDocuments)}</button>
    }
}

#[component]
pub fn DossierPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|p| p.get("code").unwrap_or_default()));
    let dossier = LocalResource::new(move || {
        let code = code.get();
        async move { api::dossier(&code, None).await }
    });
    let refresh = Callback::new(move |_| dossier.refetch());
    view! {
        <Title text=move || i18n.t(Key::DossierTitle)/>
        {move || match dossier.get() {
            None => view! { <p class="loading" role="status">{i18n.t(Key::Loading)}</p> }.into_any(),
            Some(Ok(d)) => view! { <DossierView dossier=d owner=true on_change=refresh/> }.into_any(),
            Some(Err(ApiError::Server { status: 401, .. })) | Some(Err(ApiError::Server { status: 403, .. })) | Some(Err(ApiError::Server { status: 400, .. })) => view! {
                <h1>{i18n.t(Key::DossierTitle)}</h1>
                <p>{i18n.t(Key::DossierSignInOrLookup)}</p>
                <p><a class="button" href="/auth/sign-in" rel="external" on:click=crate::api::go_to_sign_in>{i18n.t(Key::SignInVneid)}</a>" "<a href="/lookup">{i18n.t(Key::LookupTitle)}</a></p>
            }.into_any(),
            Some(Err(_)) => view! {
                <crate::components::ErrorState title=Key::LoadErrorTitle body=Key::LoadErrorBody on_retry=refresh/>
            }.into_any(),
        }}
    }
}

#[component]
pub fn MyDossiersPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(api::my_dossiers);
    view! {
        <Title text=move || i18n.t(Key::MyDossiers)/>
        <h1>{move || i18n.t(Key::MyDossiers)}</h1>
        {move || match list.get() {
            None => view! { <p class="loading" role="status">{i18n.t(Key::Loading)}</p> }.into_any(),
            Some(Ok(v)) => {
                let items = v["dossiers"].as_array().cloned().unwrap_or_default();
                if items.is_empty() {
                    view! { <p>{i18n.t(Key::NoDossiers)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="service-list">
                            {items.into_iter().map(|d| {
                                let code = d["code"].as_str().unwrap_or_default().to_string();
                                let status = d["status"].as_str().unwrap_or_default().to_string();
                                let service = d["service_id"].as_str().unwrap_or_default().to_string();
                                view! {
                                    <li class="service-item">
                                        <h2 class="service-item__name"><a href=format!("/dossiers/{code}")>{code.clone()}</a></h2>
                                        <p>{service}" · "{move || i18n.t(status_key(&status))}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }
            Some(Err(_)) => view! {
                <p>{i18n.t(Key::SignInToSeeDossiers)}</p>
                <p><a class="button" href="/auth/sign-in" rel="external" on:click=crate::api::go_to_sign_in>{i18n.t(Key::SignInVneid)}</a></p>
            }.into_any(),
        }}
    }
}

#[component]
pub fn LookupPage() -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let credential = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<Value, ApiError>>);
    let lookup = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (c, cred) = (code.get_untracked(), credential.get_untracked());
        leptos::task::spawn_local(async move {
            let digits = cred
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>();
            let creds = if digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
                (digits.clone(), String::new())
            } else {
                (String::new(), cred.trim().to_string())
            };
            result.set(Some(
                api::dossier(c.trim(), Some((&creds.0, &creds.1))).await,
            ));
        });
    };
    let noop = Callback::new(|_| ());
    view! {
        <Title text=move || i18n.t(Key::LookupTitle)/>
        <h1>{move || i18n.t(Key::LookupTitle)}</h1>
        <form class="question-form" novalidate on:submit=lookup>
            <div class="field">
                <label class="label" for="lookup-code">{move || i18n.t(Key::DossierCode)}</label>
                <p class="hint" id="lookup-code-hint">{move || i18n.t(Key::LookupCodeHint)}</p>
                <input id="lookup-code" class="input" type="text" autocomplete="off" spellcheck="false" aria-describedby="lookup-code-hint"
                    prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label class="label" for="lookup-credential">{move || i18n.t(Key::LookupCredential)}</label>
                <p class="hint" id="lookup-credential-hint">{move || i18n.t(Key::LookupCredentialHint)}</p>
                <input id="lookup-credential" class="input input--w20" type="text" autocomplete="off" spellcheck="false" aria-describedby="lookup-credential-hint"
                    prop:value=move || credential.get() on:input=move |ev| credential.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button">{move || i18n.t(Key::LookupButton)}</button>
        </form>
        {move || result.get().map(|r| match r {
            Ok(d) => view! { <DossierView dossier=d on_change=noop/> }.into_any(),
            Err(ApiError::Server { status: 429, .. }) => view! { <p class="error-message" role="alert">{i18n.t(Key::LookupLocked)}</p> }.into_any(),
            Err(ApiError::Server { .. }) => view! { <p class="error-message" role="alert">{text(i18n.lang.get(), Key::LookupNotFound)}</p> }.into_any(),
            Err(_) => view! { <p class="error-message" role="alert">{i18n.t(Key::SubmitFailed)}</p> }.into_any(),
        })}
    }
}
