//! "Unfinished applications" on My dossiers: the drafts on this device and, signed in,
//! those kept in the person's account from any device, one line per service, each with
//! Continue and Delete (asked once more before it goes).

use crate::fetched::Fetched;
use leptos::prelude::*;
use portal_api::drafts::{unfinished, DraftSummary, KeptOn, Unfinished};
use portal_api::routes;
use portal_core::ServiceId;

use crate::api::{self, ApiError};
use crate::form::drafts;
use crate::i18n::{fill, use_i18n, Key};
use crate::split::Part;
use crate::tracking::{format_ms, ServiceNames};

/// The section, where My dossiers shows it. In the citizen's bundle its code (with the
/// readers of drafts and answers) is a chunk, which My dossiers starts fetching beside its
/// list ([`preload_unfinished`]).
#[component]
pub fn Unfinished(names: ServiceNames, signed_in: bool) -> impl IntoView {
    view! { <Part load=move || unfinished_applications(names.clone(), signed_in)/> }
}

crate::split_off! { "split-citizen", unfinished, preload_unfinished;
    pub(crate) fn unfinished_applications(names: ServiceNames, signed_in: bool) -> AnyView {
        view! { <UnfinishedApplications names signed_in/> }.into_any()
    }
}

fn device_summaries() -> Vec<DraftSummary> {
    drafts::on_device().iter().map(DraftSummary::of).collect()
}

#[component]
fn UnfinishedApplications(names: ServiceNames, signed_in: bool) -> impl IntoView {
    let i18n = use_i18n();
    let device = RwSignal::new(device_summaries());
    let account = Fetched::new(move || async move {
        if signed_in {
            api::my_drafts().await.map(|l| l.drafts)
        } else {
            Ok(Vec::new())
        }
    });
    // Lines deleted on this page, hidden at once.
    let deleted = RwSignal::new(Vec::<String>::new());
    let lines = move || {
        let account = match account.get() {
            Some(Ok(list)) => list,
            // The account's list could not be read: the device's still shows.
            Some(Err(ApiError::Server { .. })) | Some(Err(_)) | None => Vec::new(),
        };
        let gone = deleted.get();
        unfinished(&device.get(), &account)
            .into_iter()
            .filter(|u| !gone.contains(&u.summary.service))
            .collect::<Vec<_>>()
    };
    let names = StoredValue::new(names);
    move || {
        let lines = lines();
        (!lines.is_empty()).then(|| view! {
            <section class="unfinished" aria-labelledby="unfinished-title">
                <h2 id="unfinished-title">{move || i18n.t(Key::UnfinishedTitle)}</h2>
                <ul class="service-list">
                    {lines.into_iter().map(|u| view! { <UnfinishedLine line=u names deleted device signed_in/> }).collect_view()}
                </ul>
            </section>
        })
    }
}

#[component]
fn UnfinishedLine(
    line: Unfinished,
    names: StoredValue<ServiceNames>,
    deleted: RwSignal<Vec<String>>,
    device: RwSignal<Vec<DraftSummary>>,
    signed_in: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let service = line.summary.service.clone();
    let href = api::href(&routes::apply(&service));
    let confirming = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let id = service.clone();
    let name = move || names.with_value(|n| n.name(&id, i18n.lang.get()));
    let kept = match line.kept_on {
        KeptOn::ThisDevice => Key::KeptOnThisDevice,
        KeptOn::Account => Key::KeptInAccount,
        KeptOn::Both => Key::KeptOnDeviceAndAccount,
    };
    let (answered, at) = (
        line.summary.answered,
        format_ms(line.summary.saved_at_ms as f64),
    );
    let svc = service.clone();
    let delete = move |_| {
        let svc = svc.clone();
        drafts::remove(&ServiceId(svc.clone()));
        device.update(|d| d.retain(|x| x.service != svc));
        if !signed_in || line.kept_on == KeptOn::ThisDevice {
            deleted.update(|d| d.push(svc));
            return;
        }
        leptos::task::spawn_local(async move {
            match api::delete_my_draft(&svc).await {
                Ok(()) => deleted.update(|d| d.push(svc)),
                Err(_) => failed.set(true),
            }
        });
    };
    // A draft typed on another device is brought here before the form opens, so the form
    // starts where the person left off rather than at its first step.
    // The form is another bundle's page: loaded from the server (`use_go`).
    let navigate = crate::app::use_go();
    let (to, svc) = (href.clone(), service.clone());
    let kept_on = line.kept_on;
    let open = move |ev: leptos::ev::MouseEvent| {
        if kept_on != KeptOn::Account || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        ev.prevent_default();
        let (to, svc, navigate) = (to.clone(), svc.clone(), navigate.clone());
        leptos::task::spawn_local(async move {
            if let Ok(Some(kept)) = api::my_draft(&svc).await {
                drafts::save(&kept);
            }
            navigate(&to);
        });
    };
    let label_id = format!("unfinished-{service}");
    view! {
        <li class="service-item">
            <h3 class="service-item__name" id=label_id.clone()>{name.clone()}</h3>
            <p>{move || fill::unfinished_line(i18n.lang.get(), &at, answered)}" · "{move || i18n.t(kept)}</p>
            <p class="unfinished__actions">
                <a class="button" href=href aria-describedby=label_id.clone() on:click=open>{move || i18n.t(Key::ContinueApplication)}</a>
                {move || (!confirming.get()).then(|| view! {
                    <button type="button" class="button button--secondary" aria-describedby=label_id.clone() on:click=move |_| confirming.set(true)>{move || i18n.t(Key::DeleteDraft)}</button>
                })}
            </p>
            {move || confirming.get().then(|| view! {
                <div class="notice notice--bad" role="alert">
                    <p>{move || i18n.t(Key::DeleteDraftConfirm)}</p>
                    <p class="unfinished__actions">
                        <button type="button" class="button button--warning" on:click=delete.clone()>{move || i18n.t(Key::DeleteDraftYes)}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>{move || i18n.t(Key::DeleteDraftNo)}</button>
                    </p>
                    {move || failed.get().then(|| view! { <p class="error-message">{i18n.t(Key::DeleteDraftFailed)}</p> })}
                </div>
            })}
        </li>
    }
}
