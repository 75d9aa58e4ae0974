//! Any address that is not a page of the portal.

use crate::components::Title;
use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t(Key::NotFoundTitle)/>
        <h1>{move || i18n.t(Key::NotFoundTitle)}</h1>
        <p>{move || i18n.t(Key::NotFoundBody)}</p>
        <p><a href="/">{move || i18n.t(Key::BackToCatalogue)}</a></p>
    }
}
