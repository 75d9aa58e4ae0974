//! `<dvc-service>`: one service's card on a province's or a ministry's site: what it is,
//! who receives it for the host's province, its fees and time, and "Nộp trực tuyến"
//! leading to the portal's form in a new page (the person's session and answers stay on
//! the portal's own origin).

use crate::fetched::Fetched;
use leptos::prelude::*;
use portal_api::catalogue::ServiceCard;

use super::{announce, Attrs};
use crate::api;
use crate::components::fees::{processing_time, FeeTable};
use crate::components::{labels, ErrorState, Loading};
use crate::i18n::{fill, use_i18n, Key};

#[component]
pub(super) fn Card(attrs: Attrs) -> impl IntoView {
    let i18n = use_i18n();
    let card = Fetched::new(move || {
        let id = attrs.service.get();
        let province = attrs.province.get();
        async move {
            match id {
                Some(id) => api::service_card(&id, province.as_deref()).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let retry = Callback::new(move |_| card.refetch());
    view! {
        <div class="dvc-card">
            {move || match card.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(Some(c))) => {
                    announce("dvc-ready", vec![("service", c.id.clone())]);
                    view! { <CardBody card=c/> }.into_any()
                }
                Some(Ok(None)) => {
                    announce("dvc-error", vec![("message", "no service attribute".into())]);
                    view! { <p>{move || i18n.t(Key::EmbedNoService)}</p> }.into_any()
                }
                Some(Err(e)) => {
                    announce("dvc-error", vec![("message", e.code())]);
                    if e.is_not_found() {
                        view! {
                            <h2 class="dvc-card__title">{move || i18n.t(Key::ServiceNotFoundTitle)}</h2>
                            <p>{move || i18n.t(Key::ServiceNotFoundBody)}</p>
                        }
                        .into_any()
                    } else {
                        view! {
                            <ErrorState title=Key::LoadErrorTitle body=Key::LoadErrorBody on_retry=retry/>
                        }
                        .into_any()
                    }
                }
            }}
        </div>
    }
}

#[component]
fn CardBody(card: ServiceCard) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |k| i18n.t(k);
    let lang = move || i18n.lang.get();
    let details = api::href(&portal_api::routes::service(&card.id));
    let apply = api::href(&portal_api::routes::apply(&card.id));
    let c = StoredValue::new(card);
    // Filed online from the host's province: the portal has its form and the province's
    // receiving system is connected.
    let can_apply = c.with_value(|c| c.has_form && c.available != Some(false));
    let unavailable_in = c.with_value(|c| {
        (c.available == Some(false))
            .then(|| c.province.as_ref().map(|p| p.name.clone()))
            .flatten()
    });
    let on_apply = {
        let apply = apply.clone();
        move |ev: leptos::ev::MouseEvent| {
            let id = c.with_value(|c| c.id.clone());
            let province = c.with_value(|c| c.province.as_ref().map(|p| p.code.clone()));
            let detail = vec![
                ("service", id),
                ("url", apply.clone()),
                ("province", province.unwrap_or_default()),
            ];
            if !announce("dvc-apply", detail) {
                ev.prevent_default();
            }
        }
    };
    view! {
        <h2 class="dvc-card__title">{move || c.with_value(|c| c.name.get(lang()).to_string())}</h2>
        <p class="dvc-card__summary">{move || c.with_value(|c| c.summary.get(lang()).to_string())}</p>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt>{move || t(Key::EmbedReceivingAgency)}</dt>
                <dd class="dvc-card__agency">{move || c.with_value(|c| c.agency.get(lang()).to_string())}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{move || t(Key::ProcessingTime)}</dt>
                <dd>{move || c.with_value(|c| processing_time(lang(), &c.processing_time))}</dd>
            </div>
            <div class="summary-list__row">
                <dt>{move || t(Key::OnlineLevel)}</dt>
                <dd>{move || t(labels::online_level(c.with_value(|c| c.online_level)))}</dd>
            </div>
        </dl>
        <h3 class="dvc-card__fees">{move || t(Key::Fees)}</h3>
        {c.with_value(|c| view! { <FeeTable fees=c.fees.clone()/> })}
        {match (can_apply, unavailable_in) {
            (true, _) => view! {
                <p class="dvc-card__start">
                    <a href=apply class="button button--start" target="_blank" rel="noopener" on:click=on_apply>
                        {move || t(Key::EmbedApply)}<span aria-hidden="true">" →"</span>
                        <span class="visually-hidden">{move || t(Key::OpensInNewPage)}</span>
                    </a>
                </p>
            }
            .into_any(),
            (false, Some(province)) => view! {
                <p class="dvc-card__unavailable">{move || fill::not_available_in(lang(), &province)}</p>
            }
            .into_any(),
            (false, None) => view! { <p class="dvc-card__unavailable">{move || t(Key::EmbedNoForm)}</p> }.into_any(),
        }}
        <p><a href=details target="_blank" rel="noopener">{move || t(Key::EmbedDetails)}{move || t(Key::OpensInNewPage)}</a></p>
    }
}
