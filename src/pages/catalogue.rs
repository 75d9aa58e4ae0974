//! `/`: the catalogue of online public services.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api;
use crate::components::{ErrorState, ServiceList};
use crate::i18n::{use_i18n, Key};

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = LocalResource::new(api::catalogue);
    let retry = Callback::new(move |_| catalogue.refetch());
    view! {
        <Title text=move || i18n.t(Key::CatalogueTitle)/>
        <h1>{move || i18n.t(Key::CatalogueTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::CatalogueIntro)}</p>
        {move || match catalogue.get() {
            None => view! { <p class="loading" role="status">{i18n.t(Key::Loading)}</p> }.into_any(),
            Some(Ok(index)) => view! { <ServiceList services=index.services/> }.into_any(),
            Some(Err(_)) => view! {
                <ErrorState title=Key::LoadErrorTitle body=Key::LoadErrorBody on_retry=retry/>
            }
            .into_any(),
        }}
    }
}
