//! The app's root: language context, routes and the shared page frame.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use portal_api::routes::{bundle_of, AppRoute, Bundle};

use crate::components::Shell;
use crate::i18n::I18n;
use crate::pages::accessibility::AccessibilityPage;
use crate::pages::dossier::{DossierOf, DossierPage, LookupPage, MyDossiersPage};
use crate::pages::gallery::{GalleryPage, LargeFormPage};
use crate::pages::integrated_services::IntegratedServicesPage;
use crate::pages::service::{ServiceOf, ServicePage};
use crate::pages::sources::SourcesPage;
use crate::pages::statistics::StatisticsPage;
use crate::pages::{apply::ApplyPage, catalogue::CataloguePage, not_found::NotFoundPage};
use crate::pages::{
    staff::StaffPage, staff_deliveries::StaffDeliveriesPage, staff_draft::StaffDraftPage,
    staff_preview::PreviewLayout,
};
use crate::prefs;
use crate::split::Part;

/// Provides the language context, restoring the saved choice and saving every change.
pub fn provide_i18n() -> I18n {
    let lang = RwSignal::new(prefs::saved_lang());
    Effect::new(move |_| prefs::apply_lang(lang.get()));
    let i18n = I18n { lang };
    provide_context(i18n);
    i18n
}

/// What the bundles with a router share (the whole portal's, the gallery's): the language
/// and session contexts, the router and the page frame around the routes. `session` provides the session's contexts: the
/// whole session where pages need the person's facts (`session::provide_session`), the
/// header's part alone where they do not (`session::provide_header`, whose bundles then
/// carry no code for the rest).
#[component]
fn Portal(session: fn(), children: Children) -> impl IntoView {
    provide_i18n();
    session();
    view! {
        <Router>
            <RoutedShell>{children()}</RoutedShell>
        </Router>
    }
}

/// The page frame inside the router, following its location.
#[component]
fn RoutedShell(children: Children) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    crate::address::provide_routed();
    let navigate = leptos_router::hooks::use_navigate();
    provide_context(InAppGo(Callback::new(move |href: String| {
        navigate(&href, Default::default())
    })));
    view! { <Shell path=location.pathname.into()>{children()}</Shell> }
}

/// What a bundle of one page shares with the others, without the router: the same
/// contexts and frame around the page at the browser's address (as `address` keeps it,
/// where the page changes it). Every link to another page loads it from the server (the
/// router's code is not in the bundle).
#[component]
fn OnePage(session: fn(), children: Children) -> impl IntoView {
    provide_i18n();
    session();
    let path = match use_context::<crate::address::Address>() {
        Some(address) => Signal::derive(move || address.path()),
        None => Signal::stored(window().location().pathname().unwrap_or_default()),
    };
    view! { <Shell path>{children()}</Shell> }
}

/// The whole portal: every route but the gallery's (a bundle of its own, `GalleryApp`).
/// The server sends it for the staff pages, whose previews draw the public pages; a
/// citizen never downloads it (`CitizenApp`, `CatalogueApp`, `StatisticsApp`).
#[component]
pub fn App() -> impl IntoView {
    leave_other_pages_to_the_browser(|href| !is_gallery_page(href));
    view! {
        <Portal session=crate::session::provide_session>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=CataloguePage/>
                <Route path=path!("/accessibility") view=AccessibilityPage/>
                <Route path=path!("/integrated-services") view=IntegratedServicesPage/>
                <Route path=path!("/sources") view=SourcesPage/>
                <Route path=path!("/statistics") view=StatisticsPage/>
                <Route path=path!("/embed") view=crate::pages::embed::EmbedPage/>
                <Route path=path!("/dossiers") view=MyDossiersPage/>
                <Route path=path!("/dossiers/:code") view=DossierPage/>
                <Route path=path!("/lookup") view=LookupPage/>
                <Route path=path!("/feedback") view=crate::pages::feedback::FeedbackPage/>
                <Route path=path!("/services/:id") view=ServicePage/>
                // One route with or without the step, so that `/apply` going on to its
                // step keeps the page (and its loaded form) rather than drawing another.
                <Route path=path!("/services/:id/apply/:step?") view=ApplyPage/>
                <Route path=path!("/staff") view=StaffPage/>
                <Route path=path!("/staff/deliveries") view=StaffDeliveriesPage/>
                <Route path=path!("/staff/feedback") view=crate::pages::staff_feedback::StaffFeedbackPage/>
                <Route path=path!("/staff/drafts/:id") view=StaffDraftPage/>
                <ParentRoute path=path!("/staff/preview/:draft") view=PreviewLayout>
                    <Route path=path!("") view=CataloguePage/>
                    <Route path=path!("services/:id") view=ServicePage/>
                    <Route path=path!("services/:id/apply/:step?") view=ApplyPage/>
                </ParentRoute>
            </Routes>
        </Portal>
    }
}

/// The citizen's pages after a form, in a bundle without the staff pages: tracking, My
/// dossiers, lookup, feedback and the portal's information pages (`Bundle::Citizen`).
/// Each is a page of its own without the router (see [`CitizenPage`]): every link loads
/// its page from the server. A path the bundle does not know gets its not-found page.
#[component]
pub fn CitizenApp() -> impl IntoView {
    // The pages read their query (a dossier just sent, the page feedback is about); none
    // links to itself with another.
    crate::address::provide_own(|_| false);
    let path = window().location().pathname().unwrap_or_default();
    view! {
        <OnePage session=crate::session::provide_session>
            {match CitizenPage::at(&path) {
                Some(CitizenPage::Accessibility) => view! { <Part load=accessibility_page/> }.into_any(),
                Some(CitizenPage::IntegratedServices) => view! { <Part load=integrated_services_page/> }.into_any(),
                Some(CitizenPage::Sources) => view! { <Part load=sources_page/> }.into_any(),
                Some(CitizenPage::MyDossiers) => view! { <MyDossiersPage/> }.into_any(),
                Some(CitizenPage::Dossier(code)) => view! { <DossierOf code=Signal::stored(code)/> }.into_any(),
                Some(CitizenPage::Lookup) => view! { <Part load=lookup_page/> }.into_any(),
                Some(CitizenPage::Feedback) => view! { <Part load=feedback_page/> }.into_any(),
                None => view! { <NotFoundPage/> }.into_any(),
            }}
        </OnePage>
    }
}

// The citizen's bundle is entered mostly at a dossier (the confirmation, a tracking link)
// or at My dossiers: the other pages are chunks of their own, fetched when one is opened.
crate::split_off! { "split-citizen", accessibility, preload_accessibility;
    fn accessibility_page() -> AnyView { view! { <AccessibilityPage/> }.into_any() }
}
crate::split_off! { "split-citizen", integrated_services, preload_integrated_services;
    fn integrated_services_page() -> AnyView { view! { <IntegratedServicesPage/> }.into_any() }
}
crate::split_off! { "split-citizen", sources, preload_sources;
    fn sources_page() -> AnyView { view! { <SourcesPage/> }.into_any() }
}
crate::split_off! { "split-citizen", lookup, preload_lookup;
    fn lookup_page() -> AnyView { view! { <LookupPage/> }.into_any() }
}
crate::split_off! { "split-citizen", feedback, preload_feedback;
    fn feedback_page() -> AnyView { view! { <crate::pages::feedback::FeedbackPage/> }.into_any() }
}

/// A page of the citizen's bundle, read from the browser's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CitizenPage {
    Accessibility,
    IntegratedServices,
    Sources,
    MyDossiers,
    /// A dossier's confirmation and tracking; its code decoded.
    Dossier(String),
    Lookup,
    Feedback,
}

impl CitizenPage {
    /// The page at `path`, `None` for a path that is not one of the bundle's.
    pub fn at(path: &str) -> Option<CitizenPage> {
        Some(match AppRoute::parse(path)? {
            AppRoute::Accessibility => CitizenPage::Accessibility,
            AppRoute::IntegratedServices => CitizenPage::IntegratedServices,
            AppRoute::Sources => CitizenPage::Sources,
            AppRoute::MyDossiers => CitizenPage::MyDossiers,
            AppRoute::Dossier { code } => {
                CitizenPage::Dossier(portal_api::paths::decode_segment(code))
            }
            AppRoute::Lookup => CitizenPage::Lookup,
            AppRoute::Feedback => CitizenPage::Feedback,
            _ => return None,
        })
    }
}

/// A service's form in its own bundle (`Bundle::Form`), which the server sends for
/// `/services/{id}/apply[/{step}]`: the steps and check-your-answers. It has no router:
/// `address` keeps the step in the history, and a link to a page the bundle does not
/// draw loads it from the server. After Send, the dossier's confirmation and My dossiers
/// are drawn here too ([`FormBundlePage`]), from one chunk fetched while the person
/// checks their answers, so the confirmation shows at once after Send, without the
/// citizen's bundle.
#[component]
pub fn FormApp() -> impl IntoView {
    let own = |href: &str| {
        FormBundlePage::at(href.split(['?', '#']).next().unwrap_or_default()).is_some()
    };
    let address = crate::address::provide_own(own);
    provide_context(OwnPages(own));
    provide_context(InAppGo(Callback::new(move |href: String| {
        address.go(&href, crate::address::Go::NEW_PAGE)
    })));
    let page = Memo::new(move |_| FormBundlePage::at(&address.path()));
    // Another page of the bundle is a new page to the person: focus goes to its content,
    // as after a page load, rather than staying on the link or button that led there.
    // (The form's steps are one page of it, which moves focus itself.)
    Effect::new(move |first: Option<()>| {
        page.track();
        if first.is_some() {
            crate::components::shell::focus_main();
        }
    });
    view! {
        <OnePage session=crate::session::provide_session>
            {move || match page.get() {
                Some(FormBundlePage::Form) => view! { <ApplyPage/> }.into_any(),
                Some(FormBundlePage::Dossier(code)) => {
                    view! { <Part load=move || dossier_page(code.clone())/> }.into_any()
                }
                Some(FormBundlePage::MyDossiers) => view! { <Part load=my_dossiers_page/> }.into_any(),
                None => view! { <NotFoundPage/> }.into_any(),
            }}
        </OnePage>
    }
}

/// A page the form's bundle draws, read from the browser's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormBundlePage {
    /// A service's form, at any step (the form reads which from the address).
    Form,
    /// A dossier's confirmation and tracking; its code decoded.
    Dossier(String),
    MyDossiers,
}

impl FormBundlePage {
    /// The page at `path`, `None` for a path that is not one of the bundle's.
    pub fn at(path: &str) -> Option<FormBundlePage> {
        Some(match AppRoute::parse(path)? {
            route if route.bundle() == Bundle::Form => FormBundlePage::Form,
            AppRoute::Dossier { code } => {
                FormBundlePage::Dossier(portal_api::paths::decode_segment(code))
            }
            AppRoute::MyDossiers => FormBundlePage::MyDossiers,
            _ => return None,
        })
    }
}

// After Send, in the form's bundle: the dossier's page and My dossiers, one chunk
// (fewer, larger chunks: each is a module the browser instantiates), prefetched by
// Check answers.
crate::split_off! { "split-form", after_send, preload_after_send;
    pub(crate) fn dossier_page(code: String) -> AnyView {
        view! { <DossierOf code=Signal::stored(code)/> }.into_any()
    }
}
crate::split_off! { "split-form", after_send, preload_after_send_too;
    fn my_dossiers_page() -> AnyView { view! { <MyDossiersPage/> }.into_any() }
}

/// A service's page in its own bundle (`Bundle::Service`), which the server sends for
/// `/services/{id}`: it reads the service without its form, so a person arriving from a
/// search engine or a message downloads no form code. It has one page and no router:
/// Start and every other link (a bundle's procedures too) go to the server, and the
/// page's HTML has the browser prefetch the form's bundle while the person reads.
#[component]
pub fn ServiceApp() -> impl IntoView {
    prefetch_next_page_when_drawn();
    let path = window().location().pathname().unwrap_or_default();
    // Decoded as the citizen bundle decodes a dossier's code (`CitizenPage::at`).
    let id = match AppRoute::parse(&path) {
        Some(AppRoute::Service { id }) => portal_api::paths::decode_segment(id),
        _ => String::new(),
    };
    view! {
        <OnePage session=crate::session::provide_header>
            <ServiceOf id=Signal::stored(id)/>
        </OnePage>
    }
}

/// The catalogue's own small bundle, which the server sends for `/`: the first page most
/// people open downloads only the catalogue, not every form and staff page. It has one
/// page and no router: a search or a filter is kept in the address by `address`, and a
/// link to any other page loads it from the server. Its HTML names a service page's
/// bundle, which the browser prefetches while the person looks for their service.
#[component]
pub fn CatalogueApp() -> impl IntoView {
    prefetch_next_page_when_drawn();
    crate::address::provide_own(|href| bundle_of(href) == Some(Bundle::Catalogue));
    view! {
        <OnePage session=crate::session::provide_header>
            <CataloguePage/>
        </OnePage>
    }
}

/// A link to a path of this site (not `//host/...`, not another scheme).
pub(crate) fn is_same_site_path(href: &str) -> bool {
    href.starts_with('/') && !href.starts_with("//")
}

/// The question gallery's own bundle (`/gallery`, `/gallery/large-form`): the examples
/// and the 300-question benchmark form are for reviewers and tests, never in the bundle
/// citizens download.
#[component]
pub fn GalleryApp() -> impl IntoView {
    leave_other_pages_to_the_browser(is_gallery_page);
    view! {
        <Portal session=crate::session::provide_session>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/gallery") view=GalleryPage/>
                <Route path=path!("/gallery/large-form") view=LargeFormPage/>
            </Routes>
        </Portal>
    }
}

/// The public statistics' own small bundle, which the server sends for `/statistics`:
/// people following a link to a figure download only this page (and its charts), not
/// the forms. One page without the router, as the catalogue's: the filters and the sort
/// are kept in the address by `address`.
#[component]
pub fn StatisticsApp() -> impl IntoView {
    crate::address::provide_own(|href| bundle_of(href) == Some(Bundle::Statistics));
    view! {
        <OnePage session=crate::session::provide_header>
            <StatisticsPage/>
        </OnePage>
    }
}

/// Whether a link's `href` is a page of the gallery's bundle.
pub fn is_gallery_page(href: &str) -> bool {
    bundle_of(href) == Some(Bundle::Gallery)
}

/// Which pages the running bundle holds (see [`use_go`]): given by the bundles whose code
/// goes on to another bundle's page (the form's); elsewhere `use_go` takes every page as
/// the bundle's.
#[derive(Clone, Copy)]
struct OwnPages(fn(&str) -> bool);

/// The bundle's own navigation between its pages, the router's or the address's (see
/// [`use_go`]).
#[derive(Clone, Copy)]
struct InAppGo(Callback<String>);

/// Goes to `href` from code (after Send, say): in the app when the running bundle holds
/// that page, else by loading it from the server, as a link to it would.
/// Taken in a component, like the router's `use_navigate`, and callable later from a task.
pub fn use_go() -> impl Fn(&str) + Clone {
    let in_app = use_context::<InAppGo>();
    let own: fn(&str) -> bool = match use_context::<OwnPages>() {
        Some(OwnPages(own)) => own,
        None => |_| true,
    };
    move |href: &str| match in_app {
        Some(InAppGo(go)) if own(href) => go.run(href.to_string()),
        _ => {
            let _ = window().location().assign(href);
        }
    }
}

/// Stops clicks on links to pages this bundle does not hold (`own` says which it does)
/// before they reach the router's listener (on `window`, so a listener on `document`
/// runs first), without preventing the browser's own navigation, which loads the page
/// from the server. Handlers on the link itself have already run.
fn leave_other_pages_to_the_browser(own: fn(&str) -> bool) {
    use wasm_bindgen::prelude::*;
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let leaves = crate::address::clicked_link(&ev)
            .and_then(|a| a.get_attribute("href"))
            .is_some_and(|href| is_same_site_path(&href) && !own(&href));
        if leaves {
            ev.stop_propagation();
        }
    });
    let _ = document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}

/// Mounts `app` on `<body>`, replacing the static first paint the HTML carries (its
/// `<main>` stays until the page is drawn, see `components::AfterFirstPaint`).
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    console_error_panic_hook::set_once();
    // Starting the wasm and drawing the page are separate tasks, so none blocks the
    // browser long (the reactive executor starts with the mount, hence wasm-bindgen's);
    // and the static first paint is on the screen before the app replaces it.
    wasm_bindgen_futures::spawn_local(async move {
        crate::tasks::after_next_paint().await;
        if let Some(main) = document().get_element_by_id("main-content") {
            crate::components::later::keep_first_paint(main.inner_html());
        }
        // The server's sandbox banner (present only while sandbox stand-ins are on)
        // stays at the top of every page.
        let banner = document().get_element_by_id("sandbox-banner");
        if let Some(body) = document().body() {
            body.set_inner_html("");
        }
        leptos::mount::mount_to_body(app);
        if let (Some(banner), Some(body)) = (banner, document().body()) {
            let _ = body.prepend_with_node_1(&banner);
        }
    });
}

/// Has the browser prefetch, at idle priority, the files the page names in its
/// `<meta name="prefetch-next">` (the bundle of the page people open next, e.g. the
/// form's from a service's page; scripts/prefetch-next.mjs), once this page is drawn and
/// usable, so the download never competes with this page's own. Called by the pages
/// that lead to another bundle's (only their bundles carry this code).
pub fn prefetch_next_page_when_drawn() {
    leptos::task::spawn_local(async {
        crate::tasks::after_page_drawn().await;
        prefetch_next_page();
    });
}

fn prefetch_next_page() {
    // Not for a person who asked their browser to save data.
    if saves_data() {
        return;
    }
    let doc = document();
    let Ok(Some(meta)) = doc.query_selector("meta[name=prefetch-next]") else {
        return;
    };
    let Ok(Some(head)) = doc.query_selector("head") else {
        return;
    };
    let urls = meta.get_attribute("content").unwrap_or_default();
    for url in urls.split_whitespace().filter(|u| is_same_site_path(u)) {
        let Ok(link) = doc.create_element("link") else {
            return;
        };
        // Module scripts and the glue's `fetch` of the wasm are both CORS requests, the
        // stylesheet link is not: the prefetched copy is used only if it was fetched the
        // same way.
        let (kind, cors) = if url.ends_with(".wasm") {
            ("fetch", true)
        } else if url.ends_with(".css") {
            ("style", false)
        } else {
            ("script", true)
        };
        for (name, value) in [("rel", "prefetch"), ("href", url), ("as", kind)] {
            let _ = link.set_attribute(name, value);
        }
        if cors {
            let _ = link.set_attribute("crossorigin", "anonymous");
        }
        let _ = head.append_child(&link);
    }
    meta.remove();
}

/// Whether the browser was asked to use less data (`navigator.connection.saveData`, in
/// Chromium's browsers; elsewhere nothing says so).
fn saves_data() -> bool {
    use wasm_bindgen::JsValue;
    let connection = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("connection"))
        .unwrap_or(JsValue::UNDEFINED);
    !connection.is_undefined()
        && js_sys::Reflect::get(&connection, &JsValue::from_str("saveData"))
            .is_ok_and(|v| v.is_truthy())
}

/// The router's patterns are `path!` literals; these tests hold them to the one list of
/// routes (`portal_api::routes::AppRoute`): every pattern is a page of the list, in the
/// bundle that declares it, and every page the builders make is routed by its bundle.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use portal_api::routes::{self, AppRoute, Bundle};

    /// `(bundle, pattern)` for every route declared above, nested ones joined.
    fn patterns() -> Vec<(Bundle, String)> {
        let source = include_str!("app.rs");
        let source = &source[..source.find("#[cfg(all(test").unwrap_or(source.len())];
        let mut out = Vec::new();
        let (mut bundle, mut parent) = (Bundle::Staff, None::<String>);
        for line in source.lines() {
            if line.contains("pub fn App(") {
                bundle = Bundle::Staff;
            } else if line.contains("pub fn CitizenApp(") {
                bundle = Bundle::Citizen;
            } else if line.contains("pub fn CatalogueApp(") {
                bundle = Bundle::Catalogue;
            } else if line.contains("pub fn GalleryApp(") {
                bundle = Bundle::Gallery;
            } else if line.contains("pub fn StatisticsApp(") {
                bundle = Bundle::Statistics;
            } else if line.contains("pub fn ServiceApp(") {
                bundle = Bundle::Service;
            } else if line.contains("pub fn FormApp(") {
                bundle = Bundle::Form;
            }
            if line.contains("</ParentRoute>") {
                parent = None;
            }
            let Some(start) = line.find("path!(\"") else {
                continue;
            };
            let rest = &line[start + 7..];
            let pattern = &rest[..rest.find('"').unwrap_or(rest.len())];
            if line.contains("<ParentRoute") {
                parent = Some(pattern.to_string());
                continue;
            }
            let full = match (&parent, pattern) {
                (Some(p), "") => p.clone(),
                (Some(p), child) => format!("{p}/{child}"),
                (None, p) => p.to_string(),
            };
            out.push((bundle, full));
        }
        out
    }

    /// Paths matching `pattern`, parameters filled with samples (an optional one both ways).
    fn samples(pattern: &str) -> Vec<String> {
        let mut paths = vec![String::new()];
        for segment in pattern.split('/').filter(|s| !s.is_empty()) {
            let value = match segment {
                ":code" => Some("000.00.00.H99-251127-0001"),
                s if s.starts_with(':') => Some("abc123"),
                s => Some(s),
            };
            if segment.ends_with('?') {
                let with: Vec<String> = paths.iter().map(|p| format!("{p}/who")).collect();
                paths.extend(with);
            } else if let Some(v) = value {
                paths.iter_mut().for_each(|p| *p = format!("{p}/{v}"));
            }
        }
        paths
            .into_iter()
            .map(|p| if p.is_empty() { "/".into() } else { p })
            .collect()
    }

    /// Whether the router's `pattern` matches `path` (`:x` any segment, `:x?` may be absent).
    fn matches(pattern: &str, path: &str) -> bool {
        let p: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
        let s: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let optional_last = p.last().is_some_and(|l| l.ends_with('?'));
        (p.len() == s.len() || (optional_last && p.len() == s.len() + 1))
            && p.iter().zip(&s).all(|(p, s)| p.starts_with(':') || p == s)
    }

    #[test]
    fn every_router_pattern_is_a_page_of_its_bundle() {
        let all = patterns();
        assert!(all.len() >= 15, "{all:?}");
        for (bundle, pattern) in &all {
            for path in samples(pattern) {
                let route = AppRoute::parse(&path)
                    .unwrap_or_else(|| panic!("{pattern} ({path}) is not in AppRoute"));
                let ok = match bundle {
                    // The whole portal (sent for staff pages) draws every page but the
                    // gallery's: a staff member going on to a public page stays in it.
                    Bundle::Staff => route.bundle() != Bundle::Gallery,
                    b => route.bundle() == *b,
                };
                assert!(
                    ok,
                    "{pattern} is routed by {bundle:?}, AppRoute says {route:?}"
                );
            }
        }
    }

    #[test]
    fn every_page_the_builders_make_is_routed_by_its_bundle() {
        let all = patterns();
        let pages = [
            routes::HOME.to_string(),
            routes::ACCESSIBILITY.into(),
            routes::INTEGRATED_SERVICES.into(),
            routes::SOURCES.into(),
            routes::STATISTICS.into(),
            routes::GALLERY.into(),
            "/gallery/large-form".into(),
            routes::MY_DOSSIERS.into(),
            "/feedback".into(),
            routes::LOOKUP.into(),
            routes::STAFF.into(),
            routes::service("abc123"),
            routes::apply("abc123"),
            routes::apply_step("abc123", "check"),
            routes::dossier("000.00.00.H99-251127-0001"),
            routes::staff_draft("abc123"),
            routes::staff_preview("abc123"),
            format!(
                "{}{}",
                routes::staff_preview("abc123"),
                routes::apply("abc123")
            ),
        ];
        for page in pages {
            let route = AppRoute::parse(&page);
            let bundle = route.map(AppRoute::bundle);
            let routed = match bundle {
                // The bundles of one page have no router: the service page's draws
                // the service of the `AppRoute::Service` it reads from the address
                // (`ServiceApp`), the form's the form and step it reads there
                // (`FormApp`); the catalogue's and the statistics' draw their page.
                Some(Bundle::Service) => matches!(route, Some(AppRoute::Service { .. })),
                Some(Bundle::Form) => crate::pages::apply::form_at(&page).is_some(),
                Some(Bundle::Catalogue) => route == Some(AppRoute::Catalogue),
                Some(Bundle::Citizen) => super::CitizenPage::at(&page).is_some(),
                Some(Bundle::Statistics) => route == Some(AppRoute::Statistics),
                _ => all
                    .iter()
                    .any(|(b, p)| Some(*b) == bundle && matches(p, &page)),
            };
            assert!(routed, "{page}: no route of the {bundle:?} bundle draws it");
        }
    }

    #[test]
    fn the_citizen_bundle_reads_its_pages_from_the_address() {
        use super::CitizenPage;
        assert_eq!(
            CitizenPage::at(&routes::dossier("000.00.00.H99-251127-0001")),
            Some(CitizenPage::Dossier("000.00.00.H99-251127-0001".into()))
        );
        assert_eq!(
            CitizenPage::at("/dossiers/a%2Bb"),
            Some(CitizenPage::Dossier("a+b".into()))
        );
        assert_eq!(CitizenPage::at(routes::LOOKUP), Some(CitizenPage::Lookup));
        for other in ["/", "/statistics", "/services/abc123", "/staff", "/nowhere"] {
            assert_eq!(CitizenPage::at(other), None, "{other}");
        }
    }

    #[test]
    fn the_form_bundle_draws_a_form_then_the_dossier_s_page_and_my_dossiers() {
        use super::FormBundlePage;
        for form in [
            routes::apply("abc123"),
            routes::apply_step("abc123", "applicant"),
        ] {
            assert_eq!(
                FormBundlePage::at(&form),
                Some(FormBundlePage::Form),
                "{form}"
            );
        }
        assert_eq!(
            FormBundlePage::at("/dossiers/a%2Bb"),
            Some(FormBundlePage::Dossier("a+b".into()))
        );
        assert_eq!(
            FormBundlePage::at(routes::MY_DOSSIERS),
            Some(FormBundlePage::MyDossiers)
        );
        // Every other page is loaded from the server, a staff preview's form too.
        for other in [
            "/",
            "/lookup",
            "/services/abc123",
            "/staff/preview/d1/services/abc123/apply",
            "/nowhere",
        ] {
            assert_eq!(FormBundlePage::at(other), None, "{other}");
        }
    }
}
