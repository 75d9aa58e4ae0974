//! Helpers for mounting components in the test page and reading the DOM.
#![allow(dead_code)]

use leptos::prelude::*;
use portal_core::{Audience, Level, OnlineLevel, ServiceId, ServiceSummary, Text};
use portal_web::i18n::{I18n, Lang};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A fresh container in the test page's body.
pub fn container() -> HtmlElement {
    let doc = document();
    let el = doc.create_element("div").expect("div");
    doc.body().expect("body").append_child(&el).expect("append");
    el.unchecked_into()
}

/// Mounts `f` inside a language context; the mount lives until the test ends.
pub fn mount<V: IntoView + 'static>(
    lang: Lang,
    f: impl FnOnce() -> V + 'static,
) -> (HtmlElement, I18n) {
    let el = container();
    let i18n = I18n {
        lang: RwSignal::new(lang),
    };
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(i18n);
        f()
    });
    handle.forget();
    (el, i18n)
}

pub fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

pub fn summary(id: &str, vi: &str, en: &str, fee: Option<u64>) -> ServiceSummary {
    ServiceSummary {
        id: ServiceId(id.into()),
        bundle: false,
        name: Text::new(vi, en),
        summary: Text::new(format!("Tóm tắt {vi}"), format!("Summary of {en}")),
        level: Level::Commune,
        agency: Text::new("Công an cấp xã", "Commune police"),
        audiences: vec![Audience::Citizen],
        online_level: OnlineLevel::FullProcess,
        lowest_fee: fee,
        topics: vec![],
        keywords: vec![],
    }
}
