//! What the user sees when data could not be loaded: what happened, in plain words, and a
//! button to try again. Never a blank page.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

#[component]
pub fn ErrorState(
    /// Heading, e.g. "The list of services could not be loaded".
    title: Key,
    /// What may have happened and what to do.
    body: Key,
    /// Called when the user asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="error-state" role="alert">
            <h2 class="error-state__title">{move || i18n.t(title)}</h2>
            <p>{move || i18n.t(body)}</p>
            <button type="button" class="button button--secondary" on:click=move |_| on_retry.run(())>
                {move || i18n.t(Key::Retry)}
            </button>
        </div>
    }
}

/// "Loading…", announced to screen readers, while a page's data is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status">{move || i18n.t(Key::Loading)}</p> }
}

/// A whole page whose data could not be loaded: its title and (hidden) heading say so,
/// and [`ErrorState`] offers to try again.
#[component]
pub fn LoadFailed(on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <crate::components::Title text=move || i18n.t(Key::LoadErrorTitle)/>
        <h1 class="visually-hidden">{move || i18n.t(Key::LoadErrorTitle)}</h1>
        <ErrorState title=Key::LoadErrorTitle body=Key::LoadErrorBody on_retry/>
    }
}
