//! The page's address, for the pages that keep what they show in it (the catalogue's
//! search and the statistics' filters in the query, a form's step in the path): read as
//! signals, and written into the browser's history so that a shared link, back and
//! forward give the same page.
//!
//! In a bundle with the router, the router keeps the address ([`provide_routed`]). The
//! bundles of one page, or of one page's addresses (a form's steps), have no router
//! ([`provide_own`]): this module then keeps the history itself, which is all such a
//! page needs of the router's code.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// How to go to an address (see [`Address::go`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Go {
    /// Replace the history's entry rather than add one (typing, not a choice).
    pub replace: bool,
    /// Scroll to the top, as for a new page (not for a filter or a sort).
    pub scroll: bool,
}

impl Go {
    /// Another page: a new entry in the history, shown from its top.
    pub const NEW_PAGE: Go = Go {
        replace: false,
        scroll: true,
    };
}

/// The page's address: its path, query and fragment as signals, and going to another
/// address of the page.
#[derive(Clone, Copy)]
pub struct Address {
    path: Signal<String>,
    /// The query string (`?` or not).
    search: Signal<String>,
    /// The fragment (`#` or not).
    hash: Signal<String>,
    go: Callback<(String, Go)>,
}

impl Address {
    /// The path (tracked).
    pub fn path(&self) -> String {
        self.path.get()
    }

    /// The fragment, `#` or not, as the page is drawn (untracked).
    pub fn hash_untracked(&self) -> String {
        self.hash.get_untracked()
    }

    /// The query's values for `keys`, in that order, those present only (tracked).
    pub fn query(&self, keys: &[&'static str]) -> Vec<(&'static str, String)> {
        let pairs = self.search.with(|s| portal_api::paths::query_pairs(s));
        keys.iter()
            .filter_map(|k| {
                pairs
                    .iter()
                    .find(|(name, _)| name == k)
                    .map(|(_, v)| (*k, v.clone()))
            })
            .collect()
    }

    /// Goes to `href`, an address of this page (another query).
    pub fn go(&self, href: &str, how: Go) {
        self.go.run((href.to_string(), how));
    }
}

/// The address provided by the page's bundle.
pub fn use_address() -> Address {
    expect_context::<Address>()
}

/// The address kept by the router, in the bundles that have one (the whole portal's, the
/// gallery's).
pub fn provide_routed() {
    let location = leptos_router::hooks::use_location();
    let navigate = leptos_router::hooks::use_navigate();
    let go = Callback::new(move |(href, how): (String, Go)| {
        navigate(
            &href,
            leptos_router::NavigateOptions {
                replace: how.replace,
                scroll: how.scroll,
                ..Default::default()
            },
        )
    });
    provide_context(Address {
        path: location.pathname.into(),
        search: location.search.into(),
        hash: location.hash.into(),
        go,
    });
}

/// The address kept without the router, for a bundle of one page: `own` says which links
/// are to this page (clicked, they change the address in the history, as the router
/// would); every other link loads its page from the server.
pub fn provide_own(own: fn(&str) -> bool) -> Address {
    // The browser's location is the one copy of the address; a change to it (below)
    // notifies whatever read it.
    let changed = Trigger::new();
    let part = |read: fn(&web_sys::Location) -> Result<String, JsValue>| {
        Signal::derive(move || {
            changed.track();
            read(&window().location()).unwrap_or_default()
        })
    };
    let (path, search, hash) = (
        part(web_sys::Location::pathname),
        part(web_sys::Location::search),
        part(web_sys::Location::hash),
    );
    let location_changed = move || changed.notify();
    let go = Callback::new(move |(href, how): (String, Go)| {
        if let Ok(history) = window().history() {
            let _ = if how.replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&href))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&href))
            };
        }
        location_changed();
        if how.scroll {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    // Back and forward.
    let on_pop = Closure::<dyn Fn()>::new(location_changed);
    let _ = window().add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    on_pop.forget();
    // Links to this page: on `window`, after the link's own handlers (which may have
    // taken the click already), with the router's exceptions (a modifier key or another
    // button, a target, a download).
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(link) = clicked_link(&ev) else {
            return;
        };
        let href = link.get_attribute("href").unwrap_or_default();
        let elsewhere = link.get_attribute("target").is_some_and(|t| !t.is_empty())
            || link.has_attribute("download");
        if elsewhere || !crate::app::is_same_site_path(&href) || !own(&href) {
            return;
        }
        ev.prevent_default();
        let scroll = !link.has_attribute("data-noscroll");
        go.run((
            href,
            Go {
                replace: false,
                scroll,
            },
        ));
    });
    let _ = window().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
    let address = Address {
        path,
        search,
        hash,
        go,
    };
    provide_context(address);
    address
}

/// The link (`a[href]`) a click landed in, if any: the clicked element or an ancestor.
pub(crate) fn clicked_link(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
}
