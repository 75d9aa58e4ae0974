//! `/staff/deliveries`: for dossier officers, the deliveries to the agencies' systems
//! that were given up (not acknowledged within the longest age), each with its last
//! error and a button to send it again.

use crate::components::Title;
use crate::fetched::Fetched;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::staff::{self, DeliveryEntry, DeliveryList};
use crate::components::StaffGate;
use crate::i18n::{fill, use_i18n, Key};
use crate::pages::staff::action_failed;
use crate::tracking::format_time;

#[component]
pub fn StaffDeliveriesPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <StaffGate dossiers=true>
            <Title text=move || i18n.t(Key::StaffDeliveriesTitle)/>
            <h1>{move || i18n.t(Key::StaffDeliveriesTitle)}</h1>
            <p class="lead">{move || i18n.t(Key::StaffDeliveriesIntro)}</p>
            <DeadDeliveries/>
        </StaffGate>
    }
}

#[component]
fn DeadDeliveries() -> impl IntoView {
    let i18n = use_i18n();
    let list = Fetched::new(staff::dead_deliveries);
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let retry = move |id: i64| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let lang = i18n.lang.get_untracked();
            match staff::retry_delivery(id).await {
                Ok(()) => {
                    message.set(Some(i18n.t(Key::StaffDeliveryRetried).to_string()));
                    list.refetch();
                }
                Err(e) => message.set(Some(action_failed(lang, &e))),
            }
            busy.set(false);
        });
    };
    let row = move |d: DeliveryEntry| {
        let id = d.id;
        let href = portal_api::routes::dossier(&d.dossier_code);
        view! {
            <li class="delivery">
                <h2 class="delivery__code"><a href=href>{d.dossier_code.clone()}</a></h2>
                <p>{move || i18n.t(Key::StaffDeliverySystem)}": "<code>{d.system.clone()}</code>
                   " · "{format_time(&d.created_at)}" · "{move || fill::staff_delivery_attempts(i18n.lang.get(), &d.attempts.to_string())}</p>
                {d.last_error.clone().map(|e| view! {
                    <p>{move || i18n.t(Key::StaffDeliveryError)}": "<span class="delivery__error">{e}</span></p>
                })}
                <p><button type="button" class="button button--secondary" prop:disabled=move || busy.get()
                    on:click=move |_| retry(id)>{move || i18n.t(Key::StaffDeliveryRetry)}" "<span class="visually-hidden">{d.dossier_code.clone()}</span></button></p>
            </li>
        }
    };
    let body = move |l: DeliveryList| {
        let counts = fill::staff_deliveries_counts(
            i18n.lang.get(),
            &l.pending.to_string(),
            &l.dead.to_string(),
        );
        view! {
            <p class="staff-current">{counts}</p>
            {if l.deliveries.is_empty() {
                view! { <p>{move || i18n.t(Key::StaffDeliveriesNone)}</p> }.into_any()
            } else {
                view! { <ul class="deliveries">{l.deliveries.into_iter().map(row).collect_view()}</ul> }.into_any()
            }}
        }
    };
    view! {
        <section class="staff-section">
            {move || match list.get() {
                None => view! { <crate::components::Loading/> }.into_any(),
                Some(Ok(l)) => body(l).into_any(),
                Some(Err(e)) => view! { <p>{action_failed(i18n.lang.get(), &e)}</p> }.into_any(),
            }}
            <p class="staff-message" role="status">{move || message.get()}</p>
        </section>
    }
}
