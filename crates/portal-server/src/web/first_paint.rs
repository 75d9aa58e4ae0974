//! What the app's page carries before the wasm runs, filled in per request from the
//! published catalogue: the page's own heading (a service page shows the service's name
//! and summary, a form step its title and intro, not "Loading…"), and the API response
//! the page is about to ask for, as a JSON data block the app takes instead of a second
//! round trip (`api::preloaded`). A data block is never executed, so the page still runs
//! with no inline script. The entry pages with the markers replaced here are made by
//! `scripts/entry-html.mjs`.

use portal_api::routes::{AppRoute, Bundle};
use portal_api::{paths, routes};
use portal_core::form::Step;
use portal_core::Service;

use crate::html::escape;
use crate::published::Published;

/// What an app route shows first.
enum Route<'a> {
    Catalogue,
    /// The question gallery, a bundle of its own.
    Gallery,
    /// The public statistics, a bundle of their own; the figures depend on the query, so
    /// nothing is filled in.
    Statistics,
    Service(&'a Service),
    /// A service page for a service the catalogue does not have: its bundle says so.
    MissingService,
    /// A step of a service's form, and where its back link goes.
    FormStep(&'a Service, &'a Step, String),
    Other,
}

fn route<'a>(path: &str, published: &'a Published) -> Route<'a> {
    let Some(route) = AppRoute::parse(path) else {
        return Route::Other;
    };
    match route.bundle() {
        Bundle::Gallery => return Route::Gallery,
        Bundle::Statistics => return Route::Statistics,
        Bundle::Catalogue | Bundle::Service | Bundle::Form | Bundle::Citizen | Bundle::Staff => {}
    }
    match route {
        AppRoute::Catalogue => Route::Catalogue,
        AppRoute::Service { id } => published
            .service(id)
            .map_or(Route::MissingService, Route::Service),
        AppRoute::Apply { id, step } => published
            .service(id)
            .and_then(|service| form_step(service, step))
            .unwrap_or(Route::Other),
        _ => Route::Other,
    }
}

/// `/apply` opens the first step (a new application; one with a draft goes on where it
/// stopped once the app runs), `/apply/{step}` that step. Steps shown only for some
/// answers are left to the app, which knows the answers.
fn form_step<'a>(service: &'a Service, step: Option<&str>) -> Option<Route<'a>> {
    let steps = &service.form.as_ref()?.steps;
    let index = match step {
        None => 0,
        Some(id) => steps.iter().position(|s| s.id == id)?,
    };
    let here = steps.get(index).filter(|s| s.shown_if.is_none())?;
    let back = match index.checked_sub(1).map(|i| &steps[i]) {
        Some(previous) => routes::apply_step(&service.id.0, &previous.id),
        None => routes::service(&service.id.0),
    };
    Some(Route::FormStep(service, here, back))
}

/// Which built page `path` gets: `catalogue.html` for `/`, `statistics.html` for
/// `/statistics`, `gallery.html` for the gallery, `service.html` for a service's page
/// (whose bundle says when the catalogue has no such service), `form.html` for a step
/// of a published service's form (`apply.html`, the same bundle without a first paint, for
/// check-your-answers and the steps only some answers show), `index.html` (the whole portal) for a
/// staff page, else `citizen.html` (the citizen's pages without the staff ones, which
/// also shows the not-found page).
pub fn page_for(path: &str, published: &Published) -> &'static str {
    match route(path, published) {
        Route::Catalogue => "catalogue.html",
        Route::Gallery => "gallery.html",
        Route::Statistics => "statistics.html",
        Route::Service(_) | Route::MissingService => "service.html",
        Route::FormStep(..) => "form.html",
        Route::Other => match AppRoute::parse(path).map(AppRoute::bundle) {
            Some(Bundle::Staff) => "index.html",
            // Check-your-answers, a step shown only for some answers: the form's bundle,
            // without a first paint of the step.
            Some(Bundle::Form) => "apply.html",
            _ => "citizen.html",
        },
    }
}

/// `page` (the built HTML chosen by [`page_for`]) for `path`, with what the published
/// catalogue knows about it.
pub fn fill(page: &str, path: &str, published: &Published) -> String {
    match route(path, published) {
        Route::Catalogue => with_preload(
            page,
            paths::CATALOGUE,
            &published.version,
            &published.index_json,
        ),
        Route::Service(service) => {
            // The same heading and lead as pages/service.rs renders.
            let heading = format!(
                "<h1>{}</h1>\n    <p class=\"lead\">{}</p>",
                escape(&service.name.vi),
                escape(&service.summary.vi)
            );
            let page = substitute(page, &[("%SERVICE_HEADING%", &heading)]);
            with_overview(&page, service, published)
        }
        // No heading to show before the app says the service was not found.
        Route::MissingService => substitute(page, &[("%SERVICE_HEADING%", "")]),
        Route::FormStep(service, step, back) => {
            let intro = step
                .intro
                .as_ref()
                .map(|t| format!("<p class=\"lead\">{}</p>", escape(&t.vi)));
            let page = substitute(
                page,
                &[
                    ("%BACK%", &escape(&back)),
                    ("%SERVICE_NAME%", &escape(&service.name.vi)),
                    ("%STEP_TITLE%", &escape(&step.title.vi)),
                    ("%STEP_INTRO%", &intro.unwrap_or_default()),
                ],
            );
            with_service(&page, service, published)
        }
        Route::Gallery | Route::Statistics | Route::Other => page.to_string(),
    }
}

/// Said at the top of every page while sandbox stand-ins (test identities, pretend
/// payments) are on; the web app keeps it when it replaces the first paint. Both
/// languages at once: it is there before any language choice is known.
const SANDBOX_BANNER: &str = "<div id=\"sandbox-banner\" class=\"sandbox-banner\" role=\"note\"><div class=\"container\"><p>\
<strong class=\"tag tag--sandbox\">Thử nghiệm</strong> Đây là môi trường thử nghiệm: danh tính và thanh toán đều là giả, \
hồ sơ không được gửi tới cơ quan nào. <span lang=\"en\">This is a sandbox: identities and payments are pretend, \
and no dossier reaches any agency.</span></p></div></div>";

/// The built `page` with the sandbox banner first in its body.
pub fn with_sandbox_banner(page: &str) -> String {
    match page.split_once("<body>") {
        Some((head, body)) => format!("{head}<body>\n{SANDBOX_BANNER}{body}"),
        None => page.to_string(),
    }
}

/// `page` with the first occurrence of each marker replaced by its value, in one scan:
/// what was substituted is never searched again, so catalogue text that happens to
/// contain a marker is shown as written.
fn substitute(page: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(page.len());
    let mut left = values.to_vec();
    let mut rest = page;
    // The earliest of the markers not yet replaced, in what is left of the page.
    while let Some((at, i)) = left
        .iter()
        .enumerate()
        .filter_map(|(i, (marker, _))| rest.find(marker).map(|at| (at, i)))
        .min()
    {
        let (marker, value) = left.remove(i);
        out.push_str(&rest[..at]);
        out.push_str(value);
        rest = &rest[at + marker.len()..];
    }
    out.push_str(rest);
    out
}

/// The service page's data: the service without its form, as its page asks for it.
fn with_overview(page: &str, service: &Service, published: &Published) -> String {
    match published.overview_json(service.id.as_str()) {
        Some(json) => with_preload(
            page,
            &paths::service_overview(&service.id.0),
            &published.version,
            &json,
        ),
        None => page.to_string(),
    }
}

/// A form step's data: what the form's page asks for of its service.
fn with_service(page: &str, service: &Service, published: &Published) -> String {
    match published.form_json(service.id.as_str()) {
        Some(json) => with_preload(
            page,
            &paths::service_form(&service.id.0),
            &published.version,
            &json,
        ),
        None => page.to_string(),
    }
}

/// Adds `json` (the body `url` answers) as a data block at the end of `<head>`, with the
/// catalogue version it belongs to (what the answer's `ETag` says).
fn with_preload(page: &str, url: &str, version: &str, json: &[u8]) -> String {
    let Ok(json) = std::str::from_utf8(json) else {
        return page.to_string();
    };
    // In JSON, `<` only occurs inside strings, where `\u003c` means the same: the block
    // can never be closed early (`</script>`) by text from the catalogue.
    let block = format!(
        "<script type=\"application/json\" id=\"preload\" data-url=\"{}\" data-version=\"{}\">{}</script>\n</head>",
        escape(url),
        escape(version),
        json.replace('<', "\\u003c")
    );
    page.replacen("</head>", &block, 1)
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_sandbox_banner_comes_first_in_the_body_in_both_languages() {
        let page = "<html><head><title>x</title></head><body><main>m</main></body></html>";
        let out = with_sandbox_banner(page);
        let body = out.split_once("<body>").unwrap().1;
        assert!(body.trim_start().starts_with("<div id=\"sandbox-banner\""));
        assert!(out.contains("môi trường thử nghiệm") && out.contains("This is a sandbox"));
        assert_eq!(out.matches("id=\"sandbox-banner\"").count(), 1);
        assert_eq!(with_sandbox_banner("no body here"), "no body here");
    }
    use super::*;

    #[test]
    fn text_cannot_close_the_data_block() {
        let page = "<html><head><title>x</title></head><body></body></html>";
        let out = with_preload(
            page,
            paths::CATALOGUE,
            "c5ccca9c39813964",
            br#"{"name":"</script><script>alert(1)</script>"}"#,
        );
        assert_eq!(out.matches("</script>").count(), 1);
        assert!(out.contains(r#"\u003c/script>\u003cscript>alert(1)\u003c/script>"#));
        assert!(out.contains(r#"data-url="/api/v1/catalog" data-version="c5ccca9c39813964""#));
    }

    #[test]
    fn substituted_text_is_never_read_as_a_marker() {
        let page = "<h1>%A%</h1><p>%B%</p><p>%A%</p>";
        assert_eq!(
            substitute(page, &[("%A%", "x %B% y"), ("%B%", "b")]),
            "<h1>x %B% y</h1><p>b</p><p>%A%</p>"
        );
        assert_eq!(
            substitute("%B%%A%", &[("%A%", "a"), ("%B%", "%A%")]),
            "%A%a"
        );
        assert_eq!(substitute("no markers", &[("%A%", "a")]), "no markers");
    }

    #[test]
    fn a_page_without_a_head_is_left_alone() {
        assert_eq!(with_preload("<p>x</p>", "/a", "v", b"{}"), "<p>x</p>");
    }
}
