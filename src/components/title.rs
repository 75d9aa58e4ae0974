//! The page's title in the browser's tab and history: "<page> | Cổng Dịch vụ công Quốc
//! gia", in the page's language. A page sets it with `<Title text=…/>`; the page drawn
//! last sets it last. Written here in a few lines (a `document.title` effect) rather than
//! with leptos_meta, whose head management no page needs and every bundle would carry.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

#[component]
pub fn Title(#[prop(into)] text: TextProp) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let title = format!("{} | {}", text.get(), i18n.t(Key::PortalName));
        document().set_title(&title);
    });
}
