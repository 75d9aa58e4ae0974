//! `/staff/preview/:draft/...`: the public pages, rendered by the same components, fed
//! the draft catalogue. The layout sets the API source for everything under it and puts
//! the preview banner on every page; check answers offers a test submission that goes to
//! the sandbox and never becomes a dossier.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params_map;
use portal_core::format_vnd;

use crate::api::staff::{self, PreviewResult};
use crate::api::{ApiError, ApiSource};
use crate::components::StaffGate;
use crate::form::FormState;
use crate::i18n::{fill, text, use_i18n, Key, Lang};
use crate::pages::staff::action_failed;

#[component]
pub fn PreviewLayout() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_params_map().with_untracked(|p| p.get("draft").unwrap_or_default());
    if !portal_api::ids::is_draft_id(&draft) {
        return view! { <crate::pages::not_found::NotFoundPage/> }.into_any();
    }
    let back = portal_api::routes::staff_draft(&draft);
    provide_context(ApiSource::Draft(draft));
    provide_context(crate::pages::apply::TestSubmission(|state, draft| {
        view! { <PreviewSubmit state draft/> }.into_any()
    }));
    view! {
        <StaffGate>
            <div class="preview-banner">
                <p>
                    <strong class="tag tag--preview">{move || i18n.t(Key::PreviewBanner)}</strong>" "
                    {move || i18n.t(Key::PreviewBannerBody)}" "
                    <a href=back.clone()>{move || i18n.t(Key::PreviewBackToDraft)}</a>
                </p>
            </div>
            <Outlet/>
        </StaffGate>
    }
    .into_any()
}

fn outcome_view(lang: Lang, r: Result<PreviewResult, ApiError>) -> AnyView {
    match r {
        Ok(r) if r.accepted => {
            let fee = if r.quote.is_free() {
                text(lang, Key::Free).to_string()
            } else {
                format_vnd(r.quote.total_online, lang)
            };
            view! { <p class="preview-outcome preview-outcome--accepted">{fill::preview_accepted(lang, &fee)}</p> }
                .into_any()
        }
        Ok(r) => view! {
            <div class="preview-outcome preview-outcome--refused">
                <p>{text(lang, Key::PreviewRejected)}</p>
                <ul class="list list--bullet">
                    {r.problems.into_iter().map(|p| view! {
                        <li>{if lang == Lang::Vi { p.message_vi } else { p.message_en }}</li>
                    }).collect_view()}
                </ul>
            </div>
        }
        .into_any(),
        Err(e) => view! { <p class="preview-outcome">{action_failed(lang, &e)}</p> }.into_any(),
    }
}

/// The check-answers page's action in preview: a test submission to the sandbox.
#[component]
pub fn PreviewSubmit(state: FormState, draft: String) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = RwSignal::new(None::<Result<PreviewResult, ApiError>>);
    let busy = RwSignal::new(false);
    let submit = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        outcome.set(None);
        let answers = state.snapshot();
        let service = state.service_id.0.clone();
        let draft = draft.clone();
        spawn_local(async move {
            outcome.set(Some(
                staff::test_submission(&draft, &service, &answers).await,
            ));
            busy.set(false);
        });
    };
    view! {
        <section class="preview-submit" aria-labelledby="preview-submit-title">
            <h2 id="preview-submit-title">{move || i18n.t(Key::PreviewSubmitTitle)}</h2>
            <p>{move || i18n.t(Key::PreviewSubmitHint)}</p>
            <button type="button" class="button" on:click=submit>{move || i18n.t(Key::PreviewSubmitButton)}</button>
            <div role="status">{move || outcome.get().map(|r| outcome_view(i18n.lang.get(), r))}</div>
        </section>
    }
}
