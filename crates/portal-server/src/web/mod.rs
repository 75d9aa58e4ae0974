//! Serves the built web app: hashed assets with long-lived caching (pre-compressed
//! `.br` / `.gz` siblings are used when present), and the app's page for every app route
//! so that deep links and reloads work: `catalogue.html` (the catalogue's own small
//! bundle) for `/`, `statistics.html` (the statistics' own) for `/statistics`,
//! `citizen.html` (the citizen's pages, with `service.html` and `form.html` its first
//! paints) for the other public pages, `index.html` (the whole portal) for staff pages
//! (see `first_paint::page_for`). Paths that are not
//! app routes still get the app (which shows its not-found page) but with a 404 status.
//! The embeddable elements' files have their own versioned paths (see [`embed_file`]).
//! A bundle's wasm may also come compressed against another the browser already holds
//! (see `dictionary`). Pages are compressed once each, at brotli's best (see `page_cache`).

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower::ServiceExt;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::ServeDir;

use portal_api::routes::{AppRoute, EMBED_MAJOR, EMBED_VERSION};

use crate::{AppState, Config};

mod dictionary;
mod first_paint;
mod page_cache;

pub fn routes(_config: &Config) -> Router<AppState> {
    // The pages are made per request (first_paint): one already compressed at brotli's
    // best (page_cache) passes through untouched, as built assets, which come
    // pre-compressed, do; the rest are compressed here.
    Router::new()
        .route("/embed/{version}/{*file}", axum::routing::get(embed_file))
        .fallback(serve)
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(9)))
}

async fn serve(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    // Dossier codes contain dots (000.00.00.H99-…): those paths are app routes.
    if looks_like_asset(&path) && !path.starts_with("/dossiers/") {
        let dist = &state.config.dist_dir;
        if let Some(mut res) = dictionary::variant(dist, &path, req.headers()).await {
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
            return res;
        }
        let dir = ServeDir::new(dist).precompressed_br().precompressed_gzip();
        let mut res = match dir.oneshot(req).await {
            Ok(r) => r.map(Body::new),
            Err(never) => match never {},
        };
        if res.status().is_success() {
            dictionary::annotate(path.trim_start_matches('/'), res.headers_mut());
            let cache = if is_hashed(&path) {
                IMMUTABLE
            } else {
                "public, max-age=3600"
            };
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        }
        return res;
    }
    let status = if is_app_route(&path, &state) {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let accepts_br = req
        .headers()
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| asset_dictionary::accepts(v, "br"));
    match read_page(&state, &path).await {
        Ok(html) => match accepts_br.then(|| page_cache::brotli(&html)).flatten() {
            Some(br) => page_response(status, br, Some("br")),
            None => page_response(status, html.into(), None),
        },
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "The web app has not been built. Run scripts/portal from the repository root.\n\
             Ung dung web chua duoc xay dung. Hay chay scripts/portal.\n",
        )
            .into_response(),
    }
}

/// A page's answer: `body` as it is, or already encoded as `encoding` (which the
/// compression layer then leaves alone); either way it varies with what the browser
/// accepts.
fn page_response(status: StatusCode, body: Bytes, encoding: Option<&'static str>) -> Response {
    let mut res = (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response();
    if let Some(encoding) = encoding {
        let h = res.headers_mut();
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

/// A file of the embeddable elements, from `dist/embed/<EMBED_VERSION>/`: under
/// `/embed/<EMBED_VERSION>/` for hosts that pin it (kept a day), and under
/// `/embed/<EMBED_MAJOR>/`, which follows the newest compatible release (kept five
/// minutes). Other versions are not served. Other sites' pages load these as module
/// scripts and fetch the wasm, so any origin may read them (`*`: public code, and never
/// with credentials) and no-cors loads may embed them (CORP).
async fn embed_file(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path();
    let Some((version, file)) = path
        .strip_prefix("/embed/")
        .and_then(|rest| rest.split_once('/'))
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let cache = match version {
        EMBED_VERSION => "public, max-age=86400",
        EMBED_MAJOR => "public, max-age=300",
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let Ok(uri) = format!("/{file}").parse::<Uri>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (mut parts, body) = req.into_parts();
    parts.uri = uri;
    let dir = ServeDir::new(state.config.dist_dir.join("embed").join(EMBED_VERSION))
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip();
    let mut res = match dir.oneshot(Request::from_parts(parts, body)).await {
        Ok(r) => r.map(Body::new),
        Err(never) => match never {},
    };
    let h = res.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("cross-origin"),
    );
    if res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    res
}

/// The page for an app route, with its first paint filled in from the published
/// catalogue (see `first_paint`).
async fn read_page(state: &AppState, path: &str) -> std::io::Result<String> {
    let dist = &state.config.dist_dir;
    let published = state.catalogue.current();
    let chosen = first_paint::page_for(path, &published);
    // Built without some entry pages (tests, an older build): a service's or a form
    // step's page falls back to the citizen's, any page at last to the whole portal's.
    let fallbacks: &[&str] = match chosen {
        "service.html" | "form.html" | "apply.html" => &["citizen.html", "index.html"],
        _ => &["index.html"],
    };
    let mut page = tokio::fs::read_to_string(dist.join(chosen)).await;
    for fallback in fallbacks {
        if page.is_err() {
            page = tokio::fs::read_to_string(dist.join(fallback)).await;
        }
    }
    let page = page?;
    let page = if state.config.sandbox() {
        first_paint::with_sandbox_banner(&page)
    } else {
        page
    };
    Ok(first_paint::fill(&page, path, &published))
}

/// How long a built file whose name holds its hash is kept: it never changes.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A request for a file (its last segment has an extension) rather than an app route.
fn looks_like_asset(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

/// Trunk names built assets `name-<hex hash>.ext` (`asset_dictionary::split_hash`); those
/// never change and cache forever.
fn is_hashed(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let stem = file.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    asset_dictionary::split_hash(stem).is_some()
}

/// Whether `path` is a page of the web app (the contract's one list of routes), so that
/// the server answers 404 for everything else; a public service page needs the service.
fn is_app_route(path: &str, state: &AppState) -> bool {
    match AppRoute::parse(path) {
        None => false,
        Some(route) => route
            .service()
            .is_none_or(|id| state.catalogue.current().has_service(id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_detection() {
        assert!(looks_like_asset("/portal-web-0123456789abcdef_bg.wasm"));
        assert!(looks_like_asset("/favicon.svg"));
        assert!(!looks_like_asset("/services/birth-registration"));
        assert!(!looks_like_asset("/"));
    }

    #[test]
    fn hashed_names() {
        assert!(is_hashed("/portal-web-3c1e9a8b7d6f5e4a_bg.wasm"));
        assert!(is_hashed("/style-3c1e9a8b7d6f5e4a.css"));
        assert!(!is_hashed("/favicon.svg"));
        assert!(
            is_hashed("/portal-3c6041cff1acd81.css"),
            "a hash that began with 0"
        );
        assert!(!is_hashed("/style-abc.css"));
    }
}
