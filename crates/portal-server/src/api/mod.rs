//! The API routes. Every route is registered through [`RouteTable`], which records its
//! method and path so a test can hold the table against `openapi.json`.

mod admin_units;
pub mod body;
mod catalogue;
pub mod cors;
pub mod error;
mod health;
pub mod openapi;

use axum::http::{header, HeaderValue, Method};
use axum::routing::{on, MethodFilter, MethodRouter};
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::{
    attachments, dossiers, drafts, feedback, identity, payments, receipt, staff_catalog, tracking,
    AppState,
};
pub use error::ApiError;

/// A router that remembers what it routes.
pub struct RouteTable {
    router: Router<AppState>,
    /// The routes other sites may read (see [`cors`]).
    embed: Router<AppState>,
    entries: Vec<(Method, &'static str)>,
}

impl RouteTable {
    pub(crate) fn new() -> Self {
        RouteTable {
            router: Router::new(),
            embed: Router::new(),
            entries: Vec::new(),
        }
    }

    /// A public read the embeddable elements make from the sites of `--embed-origins`:
    /// it answers their cross-origin requests and preflights.
    pub(crate) fn embed_get(mut self, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.entries.push((Method::GET, path));
        self.embed = self.embed.route(path, handler);
        self
    }

    fn add(mut self, method: Method, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.entries.push((method, path));
        self.router = self.router.route(path, handler);
        self
    }

    pub(crate) fn get(self, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::GET, path, handler)
    }

    pub(crate) fn post(self, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::POST, path, handler)
    }

    pub(crate) fn put(self, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::PUT, path, handler)
    }

    pub(crate) fn delete(self, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::DELETE, path, handler)
    }

    /// The (method, path) pairs served, in OpenAPI path syntax.
    pub fn entries(&self) -> &[(Method, &'static str)] {
        &self.entries
    }

    /// The router, with JSON errors for unknown API paths, cross-origin reads for the
    /// `embed_origins` on the embed's routes, and compressed responses.
    pub fn into_router(self, embed_origins: &[String]) -> Router<AppState> {
        let cors = axum::middleware::from_fn_with_state(
            cors::EmbedOrigins::new(embed_origins),
            cors::layer,
        );
        self.router
            .merge(self.embed.layer(cors))
            .route(
                "/api/{*rest}",
                on(
                    MethodFilter::GET
                        .or(MethodFilter::POST)
                        .or(MethodFilter::PUT)
                        .or(MethodFilter::DELETE)
                        .or(MethodFilter::PATCH),
                    no_route,
                ),
            )
            .layer(CompressionLayer::new())
    }
}

async fn no_route() -> ApiError {
    ApiError::NoRoute
}

/// Responses about a person (session, dossiers, files) are never stored by caches.
pub(crate) fn private(route: MethodRouter<AppState>) -> MethodRouter<AppState> {
    route.layer(SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    ))
}

/// All API routes of the contract: each module adds its own.
pub fn routes() -> RouteTable {
    let table = RouteTable::new();
    let table = health::routes(table);
    let table = catalogue::routes(table);
    let table = identity::routes(table);
    let table = attachments::routes(table);
    let table = dossiers::routes(table);
    let table = drafts::routes(table);
    let table = feedback::routes(table);
    let table = tracking::routes(table);
    let table = payments::routes(table);
    let table = receipt::routes(table);
    let table = staff_catalog::routes(table);
    let table = crate::agencies::routes(table);
    let table = crate::statistics::routes(table);
    admin_units::routes(table)
}

/// The language a person reads refusals in: English when the request's Accept-Language
/// puts English first (the web app sends the language chosen on the page), else Vietnamese.
pub fn request_lang(headers: &axum::http::HeaderMap) -> portal_core::Lang {
    let first = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(|t| t.trim().to_ascii_lowercase());
    match first {
        Some(t) if t == "en" || t.starts_with("en-") || t.starts_with("en;") => {
            portal_core::Lang::En
        }
        _ => portal_core::Lang::Vi,
    }
}
