//! The door of the staff area: it asks the server who is signed in and renders its
//! children only for portal staff whose roles include the catalogue (and gives them the
//! viewer as context, so pages can offer only what the roles allow). Everyone else gets an explanation (and a way to sign
//! in) before anything staff-only is fetched; the server refuses them too.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api;
use crate::api::staff::Viewer;
use crate::components::ButtonLink;
use crate::i18n::{use_i18n, Key};

#[component]
pub fn StaffGate(
    children: ChildrenFn,
    /// The dossier officers' pages rather than the catalogue's.
    #[prop(optional)]
    dossiers: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let viewer = LocalResource::new(api::staff::viewer);
    let retry = Callback::new(move |_| viewer.refetch());
    let children = StoredValue::new(children);
    move || {
        match viewer.get() {
        None => view! { <crate::components::Loading/> }.into_any(),
        Some(Ok(v @ Viewer::Staff { .. }))
            if (dossiers && v.handles_dossiers()) || (!dossiers && v.works_on_catalogue()) =>
        {
            provide_context(v);
            children.with_value(|c| c()).into_any()
        }
        Some(Ok(Viewer::Staff { .. })) => view! {
            <Title text=move || i18n.t(Key::StaffRefusedTitle)/>
            <h1>{move || i18n.t(Key::StaffRefusedTitle)}</h1>
            <p class="staff-refused">{move || i18n.t(if dossiers { Key::StaffNoDossierRole } else { Key::StaffNoCatalogueRole })}</p>
            <p><a href="/">{move || i18n.t(Key::BackToCatalogue)}</a></p>
        }
        .into_any(),
        Some(Ok(Viewer::SignedOut)) => view! {
            <Title text=move || i18n.t(Key::StaffTitle)/>
            <h1>{move || i18n.t(Key::StaffTitle)}</h1>
            <p>{move || i18n.t(Key::StaffSignInNeeded)}</p>
            <p><ButtonLink class="button" href=api::sign_in_url() rel="external">{move || i18n.t(Key::StaffSignIn)}</ButtonLink></p>
        }
        .into_any(),
        Some(Ok(Viewer::Citizen)) => view! {
            <Title text=move || i18n.t(Key::StaffRefusedTitle)/>
            <h1>{move || i18n.t(Key::StaffRefusedTitle)}</h1>
            <p class="staff-refused">{move || i18n.t(Key::StaffRefusedBody)}</p>
            <p><a href="/">{move || i18n.t(Key::BackToCatalogue)}</a></p>
        }
        .into_any(),
        Some(Err(_)) => view! {
            <crate::components::LoadFailed on_retry=retry/>
        }
        .into_any(),
    }
    }
}
