//! Security headers on every response. The app runs under a strict Content-Security-Policy:
//! scripts only from this origin (plus compiling our own wasm), no inline script or style,
//! no framing, no plugins. `scripts/build-web` moves trunk's inline loader into a file so
//! the policy needs no exception. Behind an https public origin, browsers are also told
//! to use https only (HSTS), so a later plain-http link cannot strip the session.

use axum::http::{header, HeaderName, HeaderValue};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::Config;

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; \
img-src 'self' data: blob:; \
connect-src 'self'; \
font-src 'self'; \
object-src 'none'; \
base-uri 'none'; \
form-action 'self'; \
frame-ancestors 'none'";

pub const PERMISSIONS_POLICY: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/// One year, with subdomains: the value for a portal that is https for good.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

/// The layers that add the headers (each only if the handler did not set it). HSTS only
/// when the configured public origin is https: over plain http browsers ignore it, and
/// without a configured origin the server cannot know that https is always there.
pub fn layers(config: &Config) -> Vec<SetResponseHeaderLayer<HeaderValue>> {
    let h = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    let https = config
        .public_origin
        .as_deref()
        .is_some_and(|o| o.starts_with("https://"));
    let mut layers = vec![
        h(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        h(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        h(header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        h(
            HeaderName::from_static("permissions-policy"),
            PERMISSIONS_POLICY,
        ),
        h(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        h(header::X_FRAME_OPTIONS, "DENY"),
    ];
    if https {
        layers.push(h(
            header::STRICT_TRANSPORT_SECURITY,
            STRICT_TRANSPORT_SECURITY,
        ));
    }
    layers
}
