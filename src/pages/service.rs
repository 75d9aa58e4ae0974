//! `/services/:id`: everything about one service before the citizen starts it. It reads
//! the service's overview, without the form, so that its bundle (`ServiceApp`) carries no
//! form code.

use crate::components::Title;
use crate::fetched::Fetched;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use portal_api::catalogue::{LinkedProcedure, ServiceOverview};
use portal_core::admin_units::local_agency;
use portal_core::form::preparation::Preparation;
use portal_core::{Agency, Confidence, Level};

use crate::api;
use crate::components::fees::{confidence_note, processing_time, FeeTable};
use crate::components::{
    labels, AddressChoice, AddressPicker, ApplicantGate, ButtonLink, Later, Ready,
};
use crate::i18n::{fill, use_i18n, Key};

/// A service's page at the router's `/services/:id` (the whole portal, staff previews).
#[component]
pub fn ServicePage() -> impl IntoView {
    let params = use_params_map();
    let id = Signal::derive(move || params.with(|p| p.get("id").unwrap_or_default()));
    view! { <ServiceOf id/> }
}

/// The page of the service `id`.
#[component]
pub fn ServiceOf(id: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let service = Fetched::new(move || {
        let id = id.get();
        async move { api::service_overview(&id).await }
    });
    let retry = Callback::new(move |_| service.refetch());
    view! {
        <nav class="breadcrumbs" aria-label=move || i18n.t(Key::Breadcrumbs)>
            <ol>
                <li><a href=api::href("/")>{move || i18n.t(Key::Home)}</a></li>
            </ol>
        </nav>
        {move || match service.get() {
            None => view! {
                <Title text=move || i18n.t(Key::Loading)/>
                <crate::components::Loading/>
            }
            .into_any(),
            Some(Ok(s)) => view! { <ServiceDetail service=s/> }.into_any(),
            Some(Err(e)) if e.is_not_found() => view! {
                <Title text=move || i18n.t(Key::ServiceNotFoundTitle)/>
                <h1>{move || i18n.t(Key::ServiceNotFoundTitle)}</h1>
                <p>{move || i18n.t(Key::ServiceNotFoundBody)}</p>
                <p><a href=api::href("/")>{move || i18n.t(Key::BackToCatalogue)}</a></p>
            }
            .into_any(),
            Some(Err(_)) => view! {
                <crate::components::LoadFailed on_retry=retry/>
            }
            .into_any(),
        }}
    }
}

/// GOV.UK's "before you start": how long the form takes and which documents to have
/// ready, both from the form itself.
#[component]
fn BeforeStart(preparation: Preparation) -> impl IntoView {
    let i18n = use_i18n();
    let (minutes, questions) = (preparation.minutes as usize, preparation.questions);
    let uploads = preparation.uploads;
    view! {
        <section class="before-start" aria-labelledby="before-start-title">
            <h2 id="before-start-title">{move || i18n.t(Key::BeforeStartTitle)}</h2>
            <p>{move || fill::before_start_time(i18n.lang.get(), minutes, questions)}</p>
            {(!uploads.is_empty()).then(|| view! {
                <p>{move || i18n.t(Key::BeforeStartFiles)}</p>
                <ul class="list list--bullet">
                    {uploads.into_iter().map(|u| {
                        let label = u.label.clone();
                        view! {
                            <li>{move || label.get(i18n.lang.get()).to_string()}
                                {(!u.always).then(|| view! { " ("{move || i18n.t(Key::UploadIfAsked)}")" })}</li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

#[component]
fn ServiceDetail(service: ServiceOverview) -> impl IntoView {
    let i18n = use_i18n();
    let s = StoredValue::new(service);
    let t = move |k| i18n.t(k);
    let lang = move || i18n.lang.get();
    let title = move || s.with_value(|s| s.name.get(lang()).to_string());
    let start = s.with_value(|s| {
        s.preparation
            .is_some()
            .then(|| api::href(&portal_api::routes::apply(&s.id)))
    });
    let preparation = s.with_value(|s| s.preparation.clone());
    view! {
        <Title text=title/>
        <h1>{title}</h1>
        <p class="lead">{move || s.with_value(|s| s.summary.get(lang()).to_string())}</p>
        {start.clone().map(|href| view! {
            <ApplicantGate audiences=s.with_value(|s| s.audiences.clone())>
                <p><ButtonLink href=href.clone() class="button button--start">{move || t(Key::Start)}<span aria-hidden="true">" →"</span></ButtonLink></p>
                <p class="hint">{move || t(Key::StartNote)}</p>
            </ApplicantGate>
        })}
        {preparation.map(|p| view! { <BeforeStart preparation=p/> })}

        <dl class="summary-list">
            <div class="summary-list__row">
                <dt>{move || t(Key::Agency)}</dt>
                <dd>{move || s.with_value(|s| s.agency.name.get(lang()).to_string())}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{move || t(Key::Level)}</dt>
                <dd>{move || t(labels::level(s.with_value(|s| s.agency.level)))}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{move || t(Key::Audience)}</dt>
                <dd>{move || s.with_value(|s| s.audiences.iter().map(|a| t(labels::audience(*a))).collect::<Vec<_>>().join(", "))}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{move || t(Key::OnlineLevel)}</dt>
                <dd>{move || t(labels::online_level(s.with_value(|s| s.online_level)))}</dd>
            </div>
            {s.with_value(|s| !s.procedure_codes.is_empty()).then(|| view! {
                <div class="summary-list__row">
                    <dt>{move || t(Key::ProcedureCodes)}</dt>
                    <dd>{move || s.with_value(|s| format!(
                        "{}{}",
                        s.procedure_codes.iter().map(|c| c.0.clone()).collect::<Vec<_>>().join(", "),
                        // Codes not read on the national database carry the same marker
                        // as unconfirmed fees and times.
                        confidence_note(lang(), s.procedure_codes_confidence.unwrap_or(Confidence::NeedsCheck)),
                    ))}</dd>
                </div>
            })}
            {s.with_value(|s| s.directive24_item).map(|n| view! {
                <div class="summary-list__row">
                    <dt>{move || t(Key::Directive24Label)}</dt>
                    <dd><a href=api::href(portal_api::routes::INTEGRATED_SERVICES)>{move || crate::i18n::fill::directive24_item(lang(), usize::from(n))}</a></dd>
                </div>
            })}
            <div class="summary-list__row">
                <dt>{move || t(Key::ProcessingTime)}</dt>
                <dd>{move || s.with_value(|s| processing_time(lang(), &s.processing_time))}</dd>
            </div>
        </dl>

        <Ready/>
        // Below the first screen: drawn in the next task.
        <Later>
        {s.with_value(|s| (s.agency.level != Level::Ministry).then(|| view! { <WhereToSubmit agency=s.agency.clone()/> }))}

        {s.with_value(|s| (!s.procedures.is_empty()).then(|| view! { <LinkedProcedures items=s.procedures.clone()/> }))}

        <h2>{move || t(Key::Fees)}</h2>
        {s.with_value(|s| view! { <FeeTable fees=s.fees.clone()/> })}

        {move || s.with_value(|s| (!s.documents.is_empty()).then(|| view! {
            <h2>{t(Key::Documents)}</h2>
            <ul class="list list--bullet">
                {s.documents.iter().map(|d| view! {
                    <li>
                        {d.name.get(lang()).to_string()}
                        {(!d.required).then(|| format!(" ({})", t(Key::DocumentOptional)))}
                        {d.note.as_ref().map(|n| view! { <br/><span class="hint">{n.get(lang()).to_string()}</span> })}
                        {d.in_vneid.then(|| view! { <br/><strong class="tag tag--vneid">{t(Key::DocumentInVneid)}</strong> })}
                    </li>
                }).collect_view()}
            </ul>
        }))}

        {move || s.with_value(|s| (!s.eligibility.is_empty()).then(|| view! {
            <h2>{t(Key::Eligibility)}</h2>
            <ul class="list list--bullet">
                {s.eligibility.iter().map(|e| view! { <li>{e.get(lang()).to_string()}</li> }).collect_view()}
            </ul>
        }))}

        <h2>{move || t(Key::LegalBasis)}</h2>
        <ul class="list list--bullet">
            {move || s.with_value(|s| s.legal_basis.iter().map(|l| view! {
                <li>
                    <strong>{l.instrument.clone()}</strong>": "{l.title.get(lang()).to_string()}" "
                    <a href=l.source.clone() rel="noopener noreferrer" class="source-link">{t(Key::Source)}<span class="visually-hidden">": "{l.instrument.clone()}</span></a>
                </li>
            }).collect_view())}
        </ul>
        <p><a href=api::href(portal_api::routes::SOURCES)>{move || t(Key::SourcesLink)}</a></p>
        </Later>
    }
}

/// "Where to submit": the citizen picks their province and commune and sees the office
/// that handles the service there.
#[component]
fn WhereToSubmit(agency: Agency) -> impl IntoView {
    let i18n = use_i18n();
    let choice = RwSignal::new(AddressChoice::default());
    let level = agency.level;
    let office = move || {
        choice.with(|c| {
            let p = c.province.as_ref()?;
            local_agency(&agency, p, c.commune.as_ref())
        })
    };
    let prompt = move || match level {
        Level::Commune => Key::WhereChooseCommune,
        _ => Key::WhereChooseProvince,
    };
    view! {
        <section class="where-to-submit" aria-labelledby="where-title">
            <h2 id="where-title">{move || i18n.t(Key::WhereTitle)}</h2>
            <p>{move || i18n.t(Key::WhereIntro)}</p>
            <AddressPicker id="where" legend=Signal::derive(move || i18n.t(Key::WhereLegend).to_string()) choice/>
            <div class="where-to-submit__result" role="status">
                {move || match office() {
                    Some(name) => view! {
                        <p>{i18n.t(Key::WhereHandledBy)}" "<strong class="where-to-submit__office">{name.get(i18n.lang.get()).to_string()}</strong></p>
                    }
                    .into_any(),
                    None => view! { <p class="hint">{i18n.t(prompt())}</p> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// The procedures a bundle files, by name, marking the ones the applicant may choose to
/// leave out.
#[component]
fn LinkedProcedures(items: Vec<LinkedProcedure>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2>{move || i18n.t(Key::LinkedProcedures)}</h2>
        <ol class="list list--number">
            {items.into_iter().map(|LinkedProcedure { id, name, optional }| {
                let href = api::href(&portal_api::routes::service(&id));
                view! {
                    <li>
                        <a href=href>{move || name.get(i18n.lang.get()).to_string()}</a>
                        {optional.then(|| view! { " " <span class="tag">{move || i18n.t(Key::OptionalProcedure)}</span> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
