//! The portal inside another site's page: the `<dvc-service-search>` and `<dvc-service>`
//! custom elements (see `/embed` for the snippet, attributes and events). A few lines of
//! JavaScript (`embed/dvc-embed.js`) define the elements and hand each one's shadow root
//! to [`mount`]; everything inside is the portal's own components, with requests and
//! links going to the portal's origin (`api::set_portal_origin`) and nothing personal:
//! the elements read the public catalogue only, and a dossier is always started on the
//! portal's own pages, in a new page.

mod card;
mod search;
pub mod snippet;

use leptos::mount::mount_to;
use leptos::prelude::*;
use portal_core::search_query::SearchQuery;
use portal_core::{Audience, Lang};
use wasm_bindgen::JsCast;

use crate::i18n::I18n;

/// The element's attributes as the components read them; each follows its attribute.
#[derive(Clone, Copy)]
struct Attrs {
    lang: RwSignal<Lang>,
    /// Both elements: the province whose people the host serves, two digits.
    province: RwSignal<Option<String>>,
    /// The card's service id.
    service: RwSignal<Option<String>>,
    /// The search: what it shows and filters by, the host's choice.
    query: RwSignal<SearchQuery>,
}

impl Attrs {
    /// Follows attribute `name` now holding `value` (`None` when removed). Values that
    /// are not what the attribute takes are ignored, as if the attribute were absent.
    fn set(&self, name: &str, value: Option<&str>) {
        let value = value.map(str::trim).filter(|v| !v.is_empty());
        match name {
            "lang" => self
                .lang
                .set(value.and_then(Lang::from_tag).unwrap_or(Lang::Vi)),
            "province" => {
                let province = value
                    .filter(|v| portal_core::admin_units::is_province_code(v))
                    .map(str::to_string);
                self.query
                    .update(|q| q.filter.province.clone_from(&province));
                self.province.set(province);
            }
            "service" => self.service.set(
                value
                    .filter(|v| portal_core::ServiceId::is_valid(v))
                    .map(str::to_string),
            ),
            "audience" => self
                .query
                .update(|q| q.filter.audience = value.and_then(Audience::from_slug)),
            "topic" => self
                .query
                .update(|q| q.filter.topic = value.map(str::to_string)),
            "q" => self
                .query
                .update(|q| q.text = value.unwrap_or_default().to_string()),
            _ => {}
        }
    }
}

/// The attributes each element follows.
pub const SEARCH_ATTRIBUTES: [&str; 5] = ["lang", "province", "audience", "topic", "q"];
pub const CARD_ATTRIBUTES: [&str; 3] = ["lang", "province", "service"];

/// Raises an element's DOM events (a context inside an element): a callback, so that the
/// portal's own bundles, where shared components ask for it and find none, carry no code
/// for events.
#[derive(Clone, Copy)]
struct Events(Callback<(&'static str, Detail), bool>);

/// An event's detail: named strings.
pub type Detail = Vec<(&'static str, String)>;

/// Raises the DOM event `name` on the element, with `detail` as an object of strings;
/// `false` when the host cancelled it (`preventDefault`), so that what it announced is
/// not done. Outside an element (the portal's own pages) nothing is raised.
pub fn announce(name: &'static str, detail: Detail) -> bool {
    use_context::<Events>().is_none_or(|Events(raise)| raise.run((name, detail)))
}

/// Dispatches the event on `el`: bubbling, composed, cancellable.
fn dispatch(el: &web_sys::HtmlElement, name: &str, detail: &[(&str, String)]) -> bool {
    let object = js_sys::Object::new();
    for (k, v) in detail {
        let _ = js_sys::Reflect::set(&object, &(*k).into(), &v.into());
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(true);
    init.set_detail(&object);
    match web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => el.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}

/// An element drawn into its shadow root; dropping it removes what was drawn.
pub struct Mounted {
    attrs: Attrs,
    _view: Box<dyn std::any::Any>,
    /// Owns the attributes' signals (dropped after the view).
    _owner: Owner,
}

impl Mounted {
    /// Follows a change of one of the element's attributes.
    pub fn set(&self, name: &str, value: Option<String>) {
        self.attrs.set(name, value.as_deref());
    }
}

/// Draws `<dvc-service-search>` (`host`) into its shadow root `root`, reading its
/// attributes; requests and links go to `origin`, the portal's.
pub fn mount_search(
    host: web_sys::HtmlElement,
    root: web_sys::ShadowRoot,
    origin: &str,
) -> Option<Mounted> {
    mount(host, root, origin, &SEARCH_ATTRIBUTES, |attrs| {
        view! { <search::Search attrs/> }
    })
}

/// Draws `<dvc-service>` (`host`) into its shadow root, as [`mount_search`].
pub fn mount_card(
    host: web_sys::HtmlElement,
    root: web_sys::ShadowRoot,
    origin: &str,
) -> Option<Mounted> {
    mount(host, root, origin, &CARD_ATTRIBUTES, |attrs| {
        view! { <card::Card attrs/> }
    })
}

/// Each element is a bundle of its own (`src/bin/embed-*.rs`), so a page with one kind
/// of element downloads only that one's code.
fn mount<V: IntoView + 'static>(
    host: web_sys::HtmlElement,
    root: web_sys::ShadowRoot,
    origin: &str,
    names: &[&str],
    draw: impl FnOnce(Attrs) -> V + 'static,
) -> Option<Mounted> {
    crate::api::set_portal_origin(origin);
    let container = document()
        .create_element("div")
        .ok()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    container.set_class_name("dvc");
    root.append_child(&container).ok()?;
    let owner = Owner::new();
    let attrs = owner.with(|| Attrs {
        lang: RwSignal::new(Lang::Vi),
        province: RwSignal::new(None),
        service: RwSignal::new(None),
        query: RwSignal::new(SearchQuery::default()),
    });
    for name in names {
        attrs.set(name, host.get_attribute(name).as_deref());
    }
    // The element's language is also its own `lang`, for screen readers and hyphenation.
    let lang_root = container.clone();
    let view = owner.with(|| {
        mount_to(container, move || {
            provide_context(I18n { lang: attrs.lang });
            provide_context(crate::api::ApiSource::Published);
            provide_context(Events(Callback::new(
                move |(name, detail): (&'static str, Detail)| dispatch(&host, name, &detail),
            )));
            Effect::new(move |_| {
                let _ = lang_root.set_attribute("lang", attrs.lang.get().tag());
            });
            draw(attrs)
        })
    });
    Some(Mounted {
        attrs,
        _view: Box::new(view),
        _owner: owner,
    })
}

/// The element script observes the attributes this module follows, and no others.
/// Native only: it reads `embed/dvc-embed.js`.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn the_script_observes_the_attributes_the_elements_follow() {
        let js =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/embed/dvc-embed.js"))
                .expect("embed/dvc-embed.js");
        let list = |names: &[&str]| {
            names
                .iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        assert!(
            js.contains(&format!(
                "define(\"dvc-service-search\", \"search\", [{}]);",
                list(&super::SEARCH_ATTRIBUTES)
            )),
            "dvc-embed.js must observe {:?}",
            super::SEARCH_ATTRIBUTES
        );
        assert!(
            js.contains(&format!(
                "define(\"dvc-service\", \"card\", [{}]);",
                list(&super::CARD_ATTRIBUTES)
            )),
            "dvc-embed.js must observe {:?}",
            super::CARD_ATTRIBUTES
        );
    }
}

/// The exports of an element's bundle (`src/bin/embed-*.rs`): `mount(host, root, origin)`
/// drawing the element with `$mount` ([`mount_search`] or [`mount_card`]), and the
/// `Element` it returns, whose `set` follows an attribute and `free()` removes what was
/// drawn. A macro, so that only that bundle exports them, not every bundle of the lib.
#[macro_export]
macro_rules! embed_entry {
    ($mount:path) => {
        fn main() {}

        /// One element drawn by the portal; `free()` (from JavaScript) removes what it drew.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub struct Element($crate::embed::Mounted);

        #[wasm_bindgen::prelude::wasm_bindgen]
        impl Element {
            /// Follows a change of the element's attribute `name` (`undefined` when removed).
            pub fn set(&self, name: &str, value: Option<String>) {
                self.0.set(name, value);
            }
        }

        /// Draws the element `host` into its shadow root, reading its attributes; requests
        /// and links go to `origin`, the portal's.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn mount(
            host: web_sys::HtmlElement,
            root: web_sys::ShadowRoot,
            origin: &str,
        ) -> Option<Element> {
            $mount(host, root, origin).map(Element)
        }
    };
}
