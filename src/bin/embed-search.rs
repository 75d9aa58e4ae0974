//! Entry point of <dvc-service-search>'s bundle (`/embed/<version>/`), loaded by other sites'
//! pages: `embed/dvc-embed.js` defines the element and calls [`mount`] with its shadow
//! root (see `portal_web::embed`).

use wasm_bindgen::prelude::*;

fn main() {}

/// One element drawn by the portal; `free()` (from JavaScript) removes what it drew.
#[wasm_bindgen]
pub struct Element(portal_web::embed::Mounted);

#[wasm_bindgen]
impl Element {
    /// Follows a change of the element's attribute `name` (`undefined` when removed).
    pub fn set(&self, name: &str, value: Option<String>) {
        self.0.set(name, value);
    }
}

/// Draws the element `host` into its shadow root, reading its attributes; requests
/// and links go to `origin`, the portal's.
#[wasm_bindgen]
pub fn mount(
    host: web_sys::HtmlElement,
    root: web_sys::ShadowRoot,
    origin: &str,
) -> Option<Element> {
    portal_web::embed::mount_search(host, root, origin).map(Element)
}
