//! The officer's pages: server-rendered HTML with no script, Vietnamese by default and
//! English with `?lang=en`. Actions are plain forms that post and redirect back; a post
//! from another origin is refused.

mod actions;
mod answers;
mod dossier;
mod inbox;
pub mod texts;

use axum::extract::{Query, Request};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::{html, Markup, DOCTYPE};
use portal_core::Lang;
use serde::Deserialize;

use crate::AppState;
use texts::{texts, Texts};

/// The query every page reads: `lang=en`, and after an action the event it sent.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub sent: Option<String>,
}

impl PageQuery {
    pub fn lang(&self) -> Lang {
        self.lang
            .as_deref()
            .and_then(Lang::from_tag)
            .unwrap_or_default()
    }
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(inbox::inbox))
        .route("/dossiers/{code}", get(dossier::dossier))
        .route("/dossiers/{code}/files/{file}", get(dossier::file))
        .route("/static/sandbox.css", get(stylesheet))
        .route("/healthz", get(|| async { "ok" }))
        .merge(actions::router().layer(middleware::from_fn(same_origin)))
}

/// `path` in `lang`: only English is named in the query (Vietnamese is the default).
pub fn link(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => path.to_string(),
        Lang::En => format!("{path}?lang=en"),
    }
}

/// A dossier's page, its code percent-encoded.
pub fn dossier_path(code: &str) -> String {
    format!("/dossiers/{}", portal_api::paths::encode(code))
}

/// A whole page: `title` (after "Lỗi: " / "Error: " when `error`), the sandbox banner, a
/// link to the same page (`path`) in the other language, and `body` in `<main>`.
pub fn page(
    t: &Texts,
    status: StatusCode,
    title: &str,
    error: bool,
    path: &str,
    body: Markup,
) -> Response {
    let other = t.lang.other();
    let other_name = match other {
        Lang::Vi => "Tiếng Việt",
        Lang::En => "English",
    };
    let markup = html! {
        (DOCTYPE)
        html lang=(t.lang.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title {
                    @if error { (t.error_prefix) }
                    (title) " – " (t.site_name)
                }
                link rel="stylesheet" href="/static/sandbox.css";
            }
            body {
                a.skip-link href="#main" { (t.skip_link) }
                div.banner {
                    p {
                        strong.banner-tag {
                            span lang="vi" { "Hệ thống thử nghiệm" } " / " span lang="en" { "Sandbox" }
                        }
                        " " (t.banner_text)
                    }
                }
                header.site-header {
                    a.site-name href=(link("/", t.lang)) { (t.site_name) }
                    nav aria-label=(t.lang_nav) {
                        a href=(link(path, other)) lang=(other.tag()) hreflang=(other.tag()) { (other_name) }
                    }
                }
                main #main tabindex="-1" { (body) }
            }
        }
    };
    let mut response = (status, markup.into_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    protect(headers);
    response
}

/// Headers for every page: no script at all, forms only to this origin, not framed.
fn protect(headers: &mut HeaderMap) {
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
             frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// A page that only says what went wrong.
pub fn message_page(
    t: &Texts,
    status: StatusCode,
    title: &str,
    text: &str,
    path: &str,
) -> Response {
    page(
        t,
        status,
        title,
        true,
        path,
        html! {
            h1 { (title) }
            p { (text) }
            p { a href=(link("/", t.lang)) { (t.back_to_inbox) } }
        },
    )
}

pub fn not_found(lang: Lang, path: &str) -> Response {
    let t = texts(lang);
    message_page(
        t,
        StatusCode::NOT_FOUND,
        t.not_found_title,
        t.not_found_text,
        path,
    )
}

/// The database failed: the officer can only try again.
pub fn trouble(lang: Lang, path: &str, e: &dyn std::fmt::Display) -> Response {
    tracing::error!("page {path}: {e}");
    let t = texts(lang);
    message_page(
        t,
        StatusCode::SERVICE_UNAVAILABLE,
        t.trouble_title,
        t.trouble_text,
        path,
    )
}

/// The fallback for any other address.
pub async fn fallback(Query(q): Query<PageQuery>, request: Request) -> Response {
    not_found(q.lang(), request.uri().path())
}

/// Whether a request's `Origin` names this server (the `Host` it was sent to). A request
/// without `Origin` (not from a browser form) passes; `null` does not.
pub fn is_same_origin(headers: &HeaderMap, authority: Option<&str>) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let Some(host) = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or(authority)
    else {
        return false;
    };
    let origin = origin.to_str().unwrap_or("");
    origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .is_some_and(|o| o.eq_ignore_ascii_case(host))
}

async fn same_origin(request: Request, next: Next) -> Response {
    if request.method() == Method::POST
        && !is_same_origin(
            request.headers(),
            request.uri().authority().map(|a| a.as_str()),
        )
    {
        let lang = Query::<PageQuery>::try_from_uri(request.uri())
            .map(|q| q.lang())
            .unwrap_or_default();
        let t = texts(lang);
        return message_page(
            t,
            StatusCode::FORBIDDEN,
            t.forbidden_title,
            t.forbidden_text,
            request.uri().path(),
        );
    }
    next.run(request).await
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// Plain, large, high-contrast; a thick yellow-and-black ring on whatever has focus.
const STYLESHEET: &str = r#"
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 1.1875rem; line-height: 1.5; color: #0b0c0c; background: #fff; }
a { color: #1d4ed8; text-decoration-thickness: max(1px, .0625rem); text-underline-offset: .15em; }
a:visited { color: #4c2c92; }
:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
a:focus-visible { background: #ffdd00; color: #0b0c0c; text-decoration: none; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; outline: none; }
main:focus { outline: none; }
.skip-link { position: absolute; left: -9999px; top: 0; padding: .5rem 1rem; background: #ffdd00; color: #0b0c0c; z-index: 10; }
.skip-link:focus { left: 0; }
.banner { background: #7a2e00; color: #fff; padding: .5rem 1rem; }
.banner p { margin: 0; max-width: 60rem; }
.banner-tag { display: inline-block; border: 2px solid #fff; padding: 0 .4rem; margin-right: .5rem; text-transform: uppercase; letter-spacing: .03em; }
.site-header { display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; align-items: center;
  padding: .75rem 1rem; border-bottom: 8px solid #1d4ed8; }
.site-name { font-weight: 700; font-size: 1.25rem; color: #0b0c0c; }
.site-name:visited { color: #0b0c0c; }
main { display: block; padding: 1rem; max-width: 72rem; margin: 0 auto; }
h1 { font-size: 2rem; line-height: 1.2; margin: 1rem 0 1.5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.5rem; margin: 2rem 0 1rem; }
h3 { font-size: 1.25rem; margin: 1.5rem 0 .75rem; }
.lead { font-size: 1.25rem; }
.table-scroll { overflow-x: auto; margin-bottom: 1.5rem; }
table { border-collapse: collapse; width: 100%; }
.table-scroll table { min-width: 44rem; }
caption { text-align: left; font-weight: 700; margin-bottom: .5rem; }
th, td { text-align: left; vertical-align: top; padding: .5rem .75rem .5rem 0; border-bottom: 1px solid #b1b4b6; }
th { font-weight: 700; }
.nowrap { white-space: nowrap; }
td.mono, .mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 1rem; overflow-wrap: anywhere; }
dl.summary { display: grid; grid-template-columns: minmax(8rem, 16rem) 1fr; gap: 0; margin: 0 0 1.5rem; }
dl.summary > dt, dl.summary > dd { padding: .5rem 0; border-bottom: 1px solid #b1b4b6; margin: 0; }
dl.summary > dt { font-weight: 700; padding-right: 1rem; overflow-wrap: anywhere; }
dl.summary > dd { overflow-wrap: anywhere; }
dl.nested { margin: 0; }
dl.nested dt { font-weight: 700; }
dl.nested dd { margin: 0 0 .25rem; }
@media (max-width: 40rem) { dl.summary { grid-template-columns: 1fr; } dl.summary > dt { border-bottom: 0; padding-bottom: 0; } }
.notice { border: 5px solid #00703c; padding: 1rem; margin: 1rem 0; }
.error-summary { border: 5px solid #d4351c; padding: 1rem; margin: 1rem 0; }
.error-summary h2 { margin-top: 0; }
.error-summary a { color: #d4351c; font-weight: 700; }
.action { border: 1px solid #b1b4b6; padding: 0 1rem 1rem; margin-bottom: 1.5rem; }
.field { margin-bottom: 1.25rem; }
.field-error { border-left: 5px solid #d4351c; padding-left: .75rem; }
label { display: block; font-weight: 700; margin-bottom: .25rem; }
.hint { color: #484949; margin: 0 0 .25rem; }
.error-message { color: #d4351c; font-weight: 700; margin: 0 0 .25rem; }
input[type=text], input[type=date], textarea { font: inherit; border: 2px solid #0b0c0c; padding: .35rem; width: 100%; max-width: 36rem; }
input[type=file] { font: inherit; max-width: 100%; }
textarea { min-height: 6rem; }
.field-error input, .field-error textarea { border-color: #d4351c; }
button { font: inherit; font-weight: 600; color: #fff; background: #00703c; border: 0; box-shadow: 0 2px 0 #002d18;
  padding: .5rem 1rem; cursor: pointer; }
button:hover { background: #005a30; }
button.warning { background: #d4351c; box-shadow: 0 2px 0 #55150b; }
button.secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; white-space: nowrap; }
button:focus-visible { background: #ffdd00; color: #0b0c0c; box-shadow: 0 2px 0 #0b0c0c; outline: 3px solid transparent; }
.tag { display: inline-block; padding: .1rem .4rem; background: #e8f1f8; color: #0b0c0c; font-weight: 600; }
.tag.bad { background: #f6d7d2; }
.tag.wait { background: #fff7bf; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); border: 0; white-space: nowrap; }
"#;
