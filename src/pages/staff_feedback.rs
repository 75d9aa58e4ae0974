//! `/staff/feedback`: the feedback people sent, newest first, for dossier officers.

use crate::components::Title;
use crate::fetched::Fetched;
use leptos::prelude::*;

use crate::api::staff;
use crate::components::StaffGate;
use crate::i18n::{use_i18n, Key};
use crate::tracking::format_time;

#[component]
pub fn StaffFeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = Fetched::new(staff::feedback);
    let retry = Callback::new(move |_| list.refetch());
    view! {
        <StaffGate dossiers=true>
            <Title text=move || i18n.t(Key::StaffFeedbackTitle)/>
            <h1>{move || i18n.t(Key::StaffFeedbackTitle)}</h1>
            {move || match list.get() {
                None => view! { <crate::components::Loading/> }.into_any(),
                Some(Ok(l)) if l.feedback.is_empty() => view! { <p>{i18n.t(Key::StaffFeedbackNone)}</p> }.into_any(),
                Some(Ok(l)) => view! {
                    <ul class="service-list">
                        {l.feedback.into_iter().map(|f| view! {
                            <li class="service-item">
                                <p class="hint">{format_time(&f.received_at)}" · "<code>{f.page.clone()}</code>" · "
                                    {move || i18n.t(if f.signed_in { Key::StaffFeedbackSignedIn } else { Key::StaffFeedbackAnonymous })}</p>
                                <p class="feedback__message">{f.message.clone()}</p>
                                {f.email.clone().map(|e| view! { <p><a href=format!("mailto:{e}")>{e.clone()}</a></p> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Some(Err(_)) => view! {
                    <crate::components::ErrorState title=Key::LoadErrorTitle body=Key::LoadErrorBody on_retry=retry/>
                }.into_any(),
            }}
        </StaffGate>
    }
}
