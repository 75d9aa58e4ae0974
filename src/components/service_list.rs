//! The list of services on the catalogue page: each a link to its detail page with the
//! facts that help choose (who handles it, level, online level, fee).

use leptos::prelude::*;
use portal_core::{format_vnd, ServiceSummary};

use crate::components::labels;
use crate::i18n::{use_i18n, Key};

/// Renders `services` in order; items are keyed by id so a new search result only
/// touches the rows that changed.
#[component]
pub fn ServiceList(#[prop(into)] services: Signal<Vec<ServiceSummary>>) -> impl IntoView {
    view! {
        <ul class="service-list">
            <For each=move || services.get() key=|s| s.id.clone() let:service>
                <ServiceItem service=service/>
            </For>
        </ul>
    }
}

#[component]
fn ServiceItem(service: ServiceSummary) -> impl IntoView {
    let i18n = use_i18n();
    let href = crate::api::href(&portal_api::routes::service(service.id.as_str()));
    // Inside another site's page the link opens the portal in a new page, after telling
    // the host, which may handle the choice itself instead (`embed::announce`).
    let embedded = crate::api::is_embedded();
    let on_click = {
        let (id, href) = (service.id.0.clone(), href.clone());
        move |ev: leptos::ev::MouseEvent| {
            let detail = vec![("service", id.clone()), ("url", href.clone())];
            if !crate::embed::announce("dvc-service-select", detail) {
                ev.prevent_default();
            }
        }
    };
    let s = StoredValue::new(service);
    let fee = move || {
        let lang = i18n.lang.get();
        match s.with_value(|s| s.lowest_fee) {
            Some(0) => i18n.t(Key::Free).to_string(),
            Some(n) => format!(
                "{} {}",
                crate::i18n::text(lang, Key::FeeFrom),
                format_vnd(n, lang)
            ),
            None => i18n.t(Key::FeeVaries).to_string(),
        }
    };
    view! {
        <li class="service-item">
            <h2 class="service-item__name">
                <a href=href class="service-item__link" target=embedded.then_some("_blank") rel=embedded.then_some("noopener") on:click=on_click>
                    {move || s.with_value(|s| s.name.get(i18n.lang.get()).to_string())}
                    {move || embedded.then(|| i18n.t(Key::OpensInNewPage))}
                </a>
            </h2>
            <p class="service-item__summary">{move || s.with_value(|s| s.summary.get(i18n.lang.get()).to_string())}</p>
            <ul class="tags">
                {move || s.with_value(|s| s.bundle).then(|| view! { <li class="tag tag--bundle">{i18n.t(Key::Bundle)}</li> })}
                <li class="tag">{move || i18n.t(labels::level(s.with_value(|s| s.level)))}</li>
                <li class="tag">{move || i18n.t(labels::online_level(s.with_value(|s| s.online_level)))}</li>
                <li class="tag tag--fee">{fee}</li>
            </ul>
            <p class="service-item__agency">{move || s.with_value(|s| s.agency.get(i18n.lang.get()).to_string())}</p>
        </li>
    }
}
