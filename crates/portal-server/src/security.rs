//! Security headers on every response. The app runs under a strict Content-Security-Policy:
//! scripts only from this origin (plus compiling our own wasm), no inline script or style,
//! no framing, no plugins. `scripts/build-web` moves trunk's inline loader into a file so
//! the policy needs no exception. Behind an https public origin, browsers are also told
//! to use https only (HSTS), so a later plain-http link cannot strip the session.

use axum::http::{header, HeaderName, HeaderValue};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::Config;

/// The policy of a portal without an identity provider of its own; see
/// [`content_security_policy`].
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

/// The policy for this configuration: with an OpenID provider, forms may also end at
/// its origin, since Chromium applies `form-action` to a form's redirects and signing
/// out ends at the provider's end-session page.
pub fn content_security_policy(config: &Config) -> String {
    match config.oidc_issuer.as_deref().and_then(origin_of) {
        Some(origin) => CONTENT_SECURITY_POLICY.replace(
            "form-action 'self';",
            &format!("form-action 'self' {origin};"),
        ),
        None => CONTENT_SECURITY_POLICY.to_string(),
    }
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next()?;
    (!host.is_empty() && !host.contains(['\'', ';', ' ', '"']))
        .then(|| format!("{scheme}://{host}"))
}

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
    let csp = HeaderValue::from_str(&content_security_policy(config))
        .unwrap_or(HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    let mut layers = vec![
        SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, csp),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_may_end_at_the_identity_provider_only() {
        let plain = Config::default();
        assert_eq!(content_security_policy(&plain), CONTENT_SECURITY_POLICY);
        let with = Config {
            oidc_issuer: Some("https://vneid.example/oidc".into()),
            ..Config::default()
        };
        let csp = content_security_policy(&with);
        assert!(
            csp.contains("form-action 'self' https://vneid.example;"),
            "{csp}"
        );
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert_eq!(
            origin_of("http://127.0.0.1:9/x").as_deref(),
            Some("http://127.0.0.1:9")
        );
        assert_eq!(origin_of("no-scheme"), None);
    }
}
