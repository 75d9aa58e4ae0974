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

/// Mounts `f` inside a language context and the page's address (as a bundle of one page
/// keeps it, `address::provide_own`); the mount lives until the test ends.
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
        portal_web::address::provide_own(|_| false);
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
        directive24_item: None,
        lowest_fee: fee,
        topics: vec![],
        keywords: vec![],
    }
}

/// Replaces `window.fetch` with answers from `routes` (path prefix, status, JSON body):
/// the first prefix of the request's path and query wins; anything else fails like a
/// dropped connection. Requested paths are recorded for [`fetched`].
pub fn stub_fetch(routes: &[(&str, u16, String)]) {
    let routes = serde_json::to_string(routes).expect("routes");
    let js = format!(
        r#"const routes = {routes};
        window.__fetched = [];
        window.fetch = (input, init) => {{
          const url = new URL(typeof input === 'string' ? input : input.url, location.href);
          const path = url.pathname + url.search;
          window.__fetched.push(path);
          const r = routes.find(([prefix]) => path.startsWith(prefix));
          if (!r) return Promise.reject(new TypeError('no stub for ' + path));
          return Promise.resolve(new Response(r[2], {{ status: r[1], headers: {{ 'Content-Type': 'application/json' }} }}));
        }};"#
    );
    web_sys::js_sys::Function::new_no_args(&js)
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("stub installed");
}

/// The paths requested since the last [`stub_fetch`], decoded.
pub fn fetched() -> Vec<String> {
    let f = web_sys::js_sys::Function::new_no_args(
        "return JSON.stringify((window.__fetched || []).map(decodeURIComponent))",
    );
    let s = f
        .call0(&wasm_bindgen::JsValue::NULL)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    serde_json::from_str(&s).unwrap_or_default()
}

/// Lets timers, fetches and Leptos effects run for about `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let p = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    leptos::task::tick().await;
}

/// Waits (up to 3 s) until `selector` matches inside `root`, and returns the element.
pub async fn wait_for(root: &HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..300 {
        if let Ok(Some(el)) = root.query_selector(selector) {
            return el;
        }
        sleep(10).await;
    }
    panic!("{selector} never appeared; page: {}", root.inner_html());
}

/// Waits (up to 3 s) until `cond` holds.
pub async fn wait_until(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..300 {
        if cond() {
            return;
        }
        sleep(10).await;
    }
    panic!("timed out waiting for {what}");
}

fn fire(el: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(kind, &init).expect("event");
    el.dispatch_event(&ev).expect("dispatch");
}

/// Chooses `value` in the select matching `selector`, as a user would.
pub fn choose(root: &HtmlElement, selector: &str, value: &str) {
    let el: web_sys::HtmlSelectElement = root
        .query_selector(selector)
        .expect("selector")
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into();
    el.set_value(value);
    fire(&el, "change");
}

/// Replaces the text of the input matching `selector`, as typing would.
pub fn type_text(root: &HtmlElement, selector: &str, value: &str) {
    let el: web_sys::HtmlInputElement = root
        .query_selector(selector)
        .expect("selector")
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into();
    el.set_value(value);
    fire(&el, "input");
}

pub fn click(root: &HtmlElement, selector: &str) {
    let el: HtmlElement = root
        .query_selector(selector)
        .expect("selector")
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into();
    el.click();
}

pub fn attr(root: &HtmlElement, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()?
        .get_attribute(name)
}
