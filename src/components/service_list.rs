//! The list of services on the catalogue page: each a link to its detail page with the
//! facts that help choose (who handles it, level, online level, fee).

use leptos::prelude::*;
use portal_core::{format_vnd, ServiceSummary};

use crate::components::labels;
use crate::i18n::{use_i18n, Key};

/// How many services are drawn in the task that first draws the list: a phone's first
/// screen and more. The rest follow in a task of their own after the browser has painted
/// those, so that no task blocks the page for long (the catalogue's 29 services drawn at
/// once took 150 ms at 4x CPU throttling, Lighthouse's mobile setting).
pub const DRAWN_AT_ONCE: usize = 6;

/// Renders `services` in order; items are keyed by id so a new search result only
/// touches the rows that changed. Its first drawing shows [`DRAWN_AT_ONCE`] services
/// and the others after the next paint; later changes are drawn whole.
#[component]
pub fn ServiceList(#[prop(into)] services: Signal<Vec<ServiceSummary>>) -> impl IntoView {
    let whole = RwSignal::new(false);
    crate::tasks::spawn_owned(async move {
        crate::tasks::after_next_paint().await;
        // Skipped if the list is gone meanwhile (the signal is then disposed).
        let _ = whole.try_set(true);
    });
    let drawn = move || {
        let mut list = services.get();
        if !whole.get() {
            list.truncate(DRAWN_AT_ONCE);
        }
        list
    };
    view! {
        <ul class="service-list">
            <For each=drawn key=|s| s.id.clone() let:service>
                <ServiceItem service=service/>
            </For>
        </ul>
    }
}

/// One service. Its texts are drawn again together when the language changes: one
/// reactive effect for the item, not one per text, which is most of a list's drawing.
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
    let texts = move || {
        let lang = i18n.lang.get();
        let t = |key| crate::i18n::text(lang, key);
        s.with_value(|s| {
            let fee = match s.lowest_fee {
                Some(0) => t(Key::Free).to_string(),
                Some(n) => format!("{} {}", t(Key::FeeFrom), format_vnd(n, lang)),
                None => t(Key::FeeVaries).to_string(),
            };
            view! {
                <h2 class="service-item__name">
                    <a href=href.clone() class="service-item__link" target=embedded.then_some("_blank") rel=embedded.then_some("noopener") on:click=on_click.clone()>
                        {s.name.get(lang).to_string()}
                        {embedded.then(|| t(Key::OpensInNewPage))}
                    </a>
                </h2>
                <p class="service-item__summary">{s.summary.get(lang).to_string()}</p>
                <ul class="tags">
                    {s.bundle.then(|| view! { <li class="tag tag--bundle">{t(Key::Bundle)}</li> })}
                    <li class="tag">{t(labels::level(s.level))}</li>
                    <li class="tag">{t(labels::online_level(s.online_level))}</li>
                    <li class="tag tag--fee">{fee}</li>
                </ul>
                <p class="service-item__agency">{s.agency.get(lang).to_string()}</p>
            }
        })
    };
    view! { <li class="service-item">{texts}</li> }
}
