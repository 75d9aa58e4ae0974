//! `<dvc-service-search>`: the catalogue's search, limited to what the host's province's
//! people can file online here when the element names a province.

use crate::fetched::Fetched;
use leptos::prelude::*;

use super::{announce, Attrs};
use crate::api;
use crate::components::catalogue::{searchable, Catalogue};
use crate::components::{ErrorState, Loading};
use crate::i18n::Key;

#[component]
pub(super) fn Search(attrs: Attrs) -> impl IntoView {
    let catalogue = Fetched::new(|| searchable(api::catalogue()));
    let retry = Callback::new(move |_| catalogue.refetch());
    // The province filter is offered only when the host did not choose the province.
    let fixed = Memo::new(move |_| attrs.province.with(Option::is_some));
    view! {
        <div class="dvc-search">
            {move || match catalogue.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(catalogue)) => {
                    announce("dvc-ready", vec![("services", catalogue.catalogue.services.len().to_string())]);
                    (move || {
                        view! { <Catalogue catalogue=catalogue.clone() query=attrs.query province_fixed=fixed.get()/> }
                    })
                    .into_any()
                }
                Some(Err(e)) => {
                    announce("dvc-error", vec![("message", e.code())]);
                    view! {
                    <ErrorState title=Key::LoadErrorTitle body=Key::LoadErrorBody on_retry=retry/>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}
