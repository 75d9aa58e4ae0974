//! A link drawn as a button (the GOV.UK start button). `role="button"` tells keyboard and
//! screen-reader users it is a button, and buttons answer Space as well as Enter; links
//! answer only Enter, so Space is passed on as a click here.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Space on a link playing a button clicks it (and does not scroll the page).
pub fn space_clicks(ev: leptos::ev::KeyboardEvent) {
    if ev.key() != " " || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
        return;
    }
    if let Some(el) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        ev.prevent_default();
        el.click();
    }
}

#[component]
pub fn ButtonLink(
    #[prop(into)] href: String,
    #[prop(into)] class: String,
    /// `external` for links the router must leave to the browser (sign-in).
    #[prop(optional)]
    rel: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <a href=href class=class role="button" draggable="false" rel=rel on:keydown=space_clicks>
            {children()}
        </a>
    }
}
