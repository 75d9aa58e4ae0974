//! Defence against cross-site requests. The session cookie is SameSite=Lax, which keeps
//! it off cross-site POSTs in current browsers; on top of that every state-changing
//! request must show it comes from the portal's own pages:
//! - API calls carry the `X-Portal-Request` header, which a cross-site page can only send
//!   after a CORS preflight this server never approves;
//! - when the browser says where the request comes from (`Origin`, `Sec-Fetch-Site`),
//!   that must be this site.
//!
//! HTML forms (sign-in, sandbox payment) cannot set headers, so they get the second
//! check only, plus their own one-time state.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::api::error::RequestError;
use crate::api::ApiError;
use crate::{html, AppState, Config};

/// The header the web app sends on every state-changing API call.
pub const PORTAL_REQUEST_HEADER: &str = "x-portal-request";

/// The origin browsers use for this server: the configured public origin, or the
/// scheme (from `X-Forwarded-Proto`, else `http`) and the `Host` of the request.
pub fn expected_origin(headers: &HeaderMap, config: &Config) -> Option<String> {
    if let Some(origin) = &config.public_origin {
        return Some(origin.clone());
    }
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let scheme = if forwarded_https(headers) {
        "https"
    } else {
        "http"
    };
    Some(format!("{scheme}://{host}"))
}

fn forwarded_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
}

/// Whether browsers reach this server over HTTPS, so cookies must be `Secure`.
pub fn is_https(headers: &HeaderMap, config: &Config) -> bool {
    match &config.public_origin {
        Some(origin) => origin.starts_with("https://"),
        None => forwarded_https(headers),
    }
}

/// Whether what the browser says about the request's origin is consistent with this
/// site. Clients that say nothing (non-browser tools) pass this check.
pub fn origin_is_ours(headers: &HeaderMap, config: &Config) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        let site = site.to_str().unwrap_or_default();
        if site != "same-origin" && site != "none" {
            return false;
        }
    }
    match headers.get(header::ORIGIN) {
        None => true,
        Some(origin) => {
            let origin = origin.to_str().unwrap_or_default();
            expected_origin(headers, config).is_some_and(|e| e.eq_ignore_ascii_case(origin))
        }
    }
}

/// Guard for state-changing API routes; put it first among a handler's extractors.
pub struct SameOrigin;

impl FromRequestParts<AppState> for SameOrigin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let marked = parts
            .headers
            .get(PORTAL_REQUEST_HEADER)
            .is_some_and(|v| !v.is_empty());
        if marked && origin_is_ours(&parts.headers, &state.config) {
            Ok(SameOrigin)
        } else {
            Err(RequestError::CrossSite.into())
        }
    }
}

/// Guard for the HTML form posts; refuses with a page rather than JSON.
pub struct FormOrigin;

impl FromRequestParts<AppState> for FormOrigin {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        if origin_is_ours(&parts.headers, &state.config) {
            Ok(FormOrigin)
        } else {
            Err(html::problem_page(
                StatusCode::FORBIDDEN,
                ("Yêu cầu bị từ chối", "Request refused"),
                (
                    "Biểu mẫu này chỉ được gửi từ chính trang của cổng.",
                    "This form can only be sent from the portal's own page.",
                ),
                ("/", "Về trang chủ", "Go to the home page"),
            )
            .into_response())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn origin_checks() {
        let c = Config::default();
        let host = ("host", "127.0.0.1:8080");
        assert!(origin_is_ours(&headers(&[host]), &c));
        assert!(origin_is_ours(
            &headers(&[host, ("origin", "http://127.0.0.1:8080")]),
            &c
        ));
        assert!(!origin_is_ours(
            &headers(&[host, ("origin", "https://evil.example")]),
            &c
        ));
        assert!(!origin_is_ours(&headers(&[host, ("origin", "null")]), &c));
        assert!(!origin_is_ours(
            &headers(&[host, ("sec-fetch-site", "cross-site")]),
            &c
        ));
        assert!(!origin_is_ours(
            &headers(&[host, ("sec-fetch-site", "same-site")]),
            &c
        ));
        assert!(origin_is_ours(
            &headers(&[host, ("sec-fetch-site", "same-origin")]),
            &c
        ));
        let behind_proxy = headers(&[host, ("x-forwarded-proto", "https")]);
        assert!(is_https(&behind_proxy, &c));
        assert_eq!(
            expected_origin(&behind_proxy, &c).as_deref(),
            Some("https://127.0.0.1:8080")
        );
        let configured = Config {
            public_origin: Some("https://portal.example".into()),
            ..Config::default()
        };
        assert!(is_https(&headers(&[host]), &configured));
        assert!(origin_is_ours(
            &headers(&[host, ("origin", "https://portal.example")]),
            &configured
        ));
        assert!(!origin_is_ours(
            &headers(&[host, ("origin", "http://127.0.0.1:8080")]),
            &configured
        ));
    }
}
