//! Who may apply, told before the form starts: a person signed in for an organisation
//! cannot start a citizen-only service, nor a citizen a business-only one (the shared rule
//! `Service::open_to`, which the server applies again at Send).

use leptos::prelude::*;
use portal_core::{Audience, Service};

use crate::i18n::{use_i18n, Key};
use crate::session::use_session;

/// The applicant the signed-in person would file as, if they may not file `service`.
pub fn refused_applicant(service: &Service) -> Memo<Option<Audience>> {
    let session = use_session();
    let audiences = service.audiences.clone();
    Memo::new(move |_| {
        let applicant = session.0.get()?.applicant()?;
        (!audiences.contains(&applicant)).then_some(applicant)
    })
}

/// Shows why this person cannot start, and what to do; `children` otherwise.
#[component]
pub fn ApplicantGate(service: Service, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let refused = refused_applicant(&service);
    move || match refused.get() {
        None => children().into_any(),
        Some(applicant) => {
            let body = match applicant {
                Audience::Business => Key::NotOpenToBusiness,
                Audience::Citizen => Key::NotOpenToCitizen,
            };
            view! {
                <div class="notice" role="status">
                    <p>{move || i18n.t(body)}</p>
                </div>
            }
            .into_any()
        }
    }
}
