//! Who may apply, told before the form starts: a person signed in for an organisation
//! cannot start a citizen-only service, nor a citizen a business-only one (the shared rule
//! `Service::open_to`, which the server applies again at Send). Read from the header's
//! part of the session, which every bundle has.

use leptos::prelude::*;
use portal_core::Audience;

use crate::i18n::{use_i18n, Key};
use crate::session::use_header;

/// The applicant the signed-in person would file as, if they may not file a service
/// open to `audiences`.
pub fn refused_applicant(audiences: Vec<Audience>) -> Memo<Option<Audience>> {
    let header = use_header();
    Memo::new(move |_| {
        let applicant = header.0.get()?.applicant()?;
        (!audiences.contains(&applicant)).then_some(applicant)
    })
}

/// Shows why this person cannot start a service open to `audiences`, and what to do;
/// `children` otherwise.
#[component]
pub fn ApplicantGate(audiences: Vec<Audience>, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let refused = refused_applicant(audiences);
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
