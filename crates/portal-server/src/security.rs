//! Security headers on every response. The app runs under a strict Content-Security-Policy:
//! scripts only from this origin (plus compiling our own wasm), no inline script or style,
//! no framing, no plugins. `scripts/build-web` moves trunk's inline loader into a file so
//! the policy needs no exception.

use axum::http::{header, HeaderName, HeaderValue};
use tower_http::set_header::SetResponseHeaderLayer;

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

/// The layers that add the headers (each only if the handler did not set it).
pub fn layers() -> [SetResponseHeaderLayer<HeaderValue>; 6] {
    let h = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    [
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
    ]
}
