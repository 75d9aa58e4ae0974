//! Cross-origin reads for the embeddable elements (`<dvc-service-search>`, `<dvc-service>`):
//! the public catalogue routes registered with [`super::RouteTable::embed_get`] answer
//! the sites named in `--embed-origins`, and nobody else; every other route stays
//! same-origin.
//!
//! Written here rather than with tower-http's `CorsLayer`, which adds
//! `Access-Control-Allow-Methods`, `-Max-Age` and `-Expose-Headers` whatever the origin
//! and answers a preflight 200: an origin not configured must get no CORS header at all.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The origins allowed, exactly as browsers send them in `Origin`.
#[derive(Debug, Clone, Default)]
pub struct EmbedOrigins(Arc<[HeaderValue]>);

impl EmbedOrigins {
    /// From the configuration's origins, already validated (`config::parse_embed_origin`).
    pub fn new(origins: &[String]) -> EmbedOrigins {
        EmbedOrigins(
            origins
                .iter()
                .filter_map(|o| HeaderValue::from_str(o).ok())
                .collect(),
        )
    }

    /// The request's `Origin` when it is one of ours.
    fn allowed<'a>(&self, headers: &'a HeaderMap) -> Option<&'a HeaderValue> {
        let origin = headers.get(header::ORIGIN)?;
        self.0.iter().any(|o| o == origin).then_some(origin)
    }
}

/// How long a browser may reuse a preflight's answer (Chromium keeps it 2 hours at most).
const PREFLIGHT_MAX_AGE: &str = "7200";

/// The middleware. Responses vary by `Origin` whoever asks, so a shared cache never hands
/// one site's answer (or the portal's own, without CORS) to another. No
/// `Access-Control-Allow-Credentials`, ever: a host page's script must never send the
/// portal's session cookie, and these routes are public, so nothing personal can be read
/// from another origin even if a site in the list is compromised.
pub async fn layer(State(origins): State<EmbedOrigins>, req: Request, next: Next) -> Response {
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let read = matches!(*req.method(), Method::GET | Method::HEAD);
    let origin = origins
        .allowed(req.headers())
        .filter(|_| preflight || read)
        .cloned();
    let mut res = match (&origin, preflight) {
        (Some(_), true) => {
            let mut res = StatusCode::NO_CONTENT.into_response();
            let h = res.headers_mut();
            h.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("GET"),
            );
            // The browser's own revalidation of a cached answer.
            h.insert(
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static("if-none-match"),
            );
            h.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static(PREFLIGHT_MAX_AGE),
            );
            res
        }
        _ => next.run(req).await,
    };
    let h = res.headers_mut();
    h.append(header::VARY, HeaderValue::from_static("origin"));
    if let Some(origin) = origin {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        if !preflight {
            // The catalogue's version, which the element sends back as If-None-Match.
            h.insert(
                header::ACCESS_CONTROL_EXPOSE_HEADERS,
                HeaderValue::from_static("etag"),
            );
        }
    }
    res
}
