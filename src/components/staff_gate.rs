//! The door of the staff area: it asks the server who is signed in and renders its
//! children only for portal staff whose roles include the catalogue (and gives them the
//! viewer as context, so pages can offer only what the roles allow). Everyone else gets an explanation (and a way to sign
//! in) before anything staff-only is fetched; the server refuses them too.

use crate::components::Title;
use crate::fetched::Fetched;
use leptos::prelude::*;

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
    let viewer = Fetched::new(api::staff::viewer);
    let retry = Callback::new(move |_| viewer.refetch());
    let children = StoredValue::new(children);
    move || {
        match viewer.get() {
        None => view! { <crate::components::Loading/> }.into_any(),
        Some(Ok(v @ Viewer::Staff { .. }))
            if (dossiers && v.handles_dossiers()) || (!dossiers && v.works_on_catalogue()) =>
        {
            let nav = view! { <StaffNav viewer=v.clone()/> };
            provide_context(v);
            view! { {nav} {children.with_value(|c| c())} }.into_any()
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

/// The staff pages this person's roles open, the current one marked.
#[component]
fn StaffNav(viewer: Viewer) -> impl IntoView {
    use portal_api::routes::{STAFF, STAFF_DELIVERIES, STAFF_FEEDBACK};
    let i18n = use_i18n();
    let here = leptos_router::hooks::use_location().pathname;
    let mut pages = Vec::new();
    if viewer.works_on_catalogue() {
        pages.push((STAFF, Key::StaffNavCatalogue));
    }
    if viewer.handles_dossiers() {
        pages.push((STAFF_DELIVERIES, Key::StaffDeliveriesTitle));
        pages.push((STAFF_FEEDBACK, Key::StaffFeedbackTitle));
    }
    view! {
        <nav class="staff-nav no-print" aria-label=move || i18n.t(Key::StaffTitle)>
            <ul class="staff-nav__list">
                {pages.into_iter().map(|(href, key)| view! {
                    <li><a class="staff-nav__link" href=href
                        aria-current=move || (here.get() == href).then_some("page")>{move || i18n.t(key)}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
