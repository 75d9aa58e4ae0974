//! `/integrated-services`: the 25 integrated online services of Directive 24/CT-TTg in
//! the directive's order, and the procedures that are done only inside its two bundles.
//! Both lists are read from the catalogue (its index and the bundles' details).

use crate::components::Title;
use crate::fetched::Fetched;
use leptos::prelude::*;
use portal_core::directive24::{bundle_parts, items, BundlePart, ListedBundle};
use portal_core::{CatalogueIndex, ServiceId, ServiceSummary};

use crate::api;
use crate::i18n::{use_i18n, Key};

/// What the page draws: the index and its listed bundles with their procedures (each
/// bundle's overview names them).
async fn load() -> Result<(CatalogueIndex, Vec<ListedBundle>), api::ApiError> {
    let index = api::catalogue().await?;
    let mut bundles = Vec::new();
    for s in index
        .services
        .iter()
        .filter(|s| s.bundle && s.directive24_item.is_some())
    {
        let outline = api::service_outline(s.id.as_str()).await?;
        bundles.push(ListedBundle {
            id: s.id.clone(),
            item: outline.directive24_item,
            procedures: outline
                .procedures
                .into_iter()
                .map(|p| ServiceId(p.id))
                .collect(),
        });
    }
    Ok((index, bundles))
}

#[component]
pub fn IntegratedServicesPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Fetched::new(load);
    let retry = Callback::new(move |_| data.refetch());
    view! {
        <Title text=move || i18n.t(Key::Directive24Label)/>
        <nav class="breadcrumbs" aria-label=move || i18n.t(Key::Breadcrumbs)>
            <ol>
                <li><a href=api::href("/")>{move || i18n.t(Key::Home)}</a></li>
            </ol>
        </nav>
        <h1>{move || i18n.t(Key::Directive24Label)}</h1>
        <p class="lead">{move || i18n.t(Key::Directive24PageIntro)}</p>
        <p><a href=api::href("/?list=25")>{move || i18n.t(Key::Directive24Search)}</a></p>
        {move || match data.get() {
            None => view! { <crate::components::Loading/> }.into_any(),
            Some(Ok((index, bundles))) => {
                let listed: Vec<ServiceSummary> = items(&index.services).into_iter().cloned().collect();
                let parts = bundle_parts(&index.services, &bundles);
                view! { <Lists listed parts all=index.services/> }.into_any()
            }
            Some(Err(_)) => view! { <crate::components::LoadFailed on_retry=retry/> }.into_any(),
        }}
    }
}

#[component]
fn Lists(
    listed: Vec<ServiceSummary>,
    parts: Vec<BundlePart>,
    all: Vec<ServiceSummary>,
) -> impl IntoView {
    let i18n = use_i18n();
    let all = StoredValue::new(all);
    let link = move |id: portal_core::ServiceId| {
        let href = api::href(&portal_api::routes::service(id.as_str()));
        let name = move || {
            all.with_value(|all| {
                all.iter()
                    .find(|s| s.id == id)
                    .map(|s| s.name.get(i18n.lang.get()).to_string())
                    .unwrap_or_else(|| id.0.clone())
            })
        };
        view! { <a href=href>{name}</a> }
    };
    view! {
        <ol class="list list--number integrated-services" id="integrated-services">
            {listed.into_iter().map(|s| {
                let n = s.directive24_item.unwrap_or_default();
                let agency = s.agency.clone();
                view! {
                    <li value=n.to_string()>
                        {link(s.id.clone())}
                        {s.bundle.then(|| view! { " " <span class="tag tag--bundle">{move || i18n.t(Key::Bundle)}</span> })}
                        <br/><span class="hint">{move || agency.get(i18n.lang.get()).to_string()}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
        <h2 id="bundle-parts-title">{move || i18n.t(Key::Directive24PartsTitle)}</h2>
        <p>{move || i18n.t(Key::Directive24PartsIntro)}</p>
        <ul class="list list--bullet" aria-labelledby="bundle-parts-title">
            {parts.into_iter().map(|p| view! {
                <li>
                    {link(p.procedure.clone())}": "{move || i18n.t(Key::Directive24PartOf)}" "
                    {p.bundles.into_iter().enumerate().map(|(i, b)| view! {
                        {(i > 0).then_some(", ")}{link(b)}
                    }).collect_view()}
                </li>
            }).collect_view()}
        </ul>
    }
}
