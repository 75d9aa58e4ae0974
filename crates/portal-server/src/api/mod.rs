//! The API routes. Every route is registered through [`RouteTable`], which records its
//! method and path so a test can hold the table against `openapi.json`.

mod admin_units;
pub mod body;
mod catalogue;
pub mod error;
mod health;
pub mod openapi;

use axum::http::{header, HeaderValue, Method};
use axum::routing::{on, MethodFilter, MethodRouter};
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::{attachments, dossiers, identity, payments, staff_catalog, tracking, AppState};
pub use error::ApiError;

/// A router that remembers what it routes.
pub struct RouteTable {
    router: Router<AppState>,
    entries: Vec<(Method, &'static str)>,
}

impl RouteTable {
    fn new() -> Self {
        RouteTable {
            router: Router::new(),
            entries: Vec::new(),
        }
    }

    fn add(mut self, method: Method, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.entries.push((method, path));
        self.router = self.router.route(path, handler);
        self
    }

    fn get(self, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::GET, path, handler)
    }

    fn post(self, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::POST, path, handler)
    }

    fn delete(self, path: &'static str, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::DELETE, path, handler)
    }

    /// The (method, path) pairs served, in OpenAPI path syntax.
    pub fn entries(&self) -> &[(Method, &'static str)] {
        &self.entries
    }

    /// The router, with JSON errors for unknown API paths and compressed responses.
    pub fn into_router(self) -> Router<AppState> {
        self.router
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
fn private(route: MethodRouter<AppState>) -> MethodRouter<AppState> {
    route.layer(SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    ))
}

/// All API routes of the contract.
pub fn routes() -> RouteTable {
    use axum::routing::{delete, get, post};
    use portal_api::paths::template as t;
    RouteTable::new()
        .get(t::HEALTH, get(health::healthz))
        .get(t::CATALOGUE, get(catalogue::index))
        .get(t::SERVICE, get(catalogue::service))
        // Identity: the sandbox provider's pages and the session.
        .get(t::SIGN_IN, get(identity::sign_in_page))
        .post(t::SIGN_IN, post(identity::sign_in_form))
        .get(t::SESSION, private(get(identity::session_info)))
        .delete(t::SESSION, private(delete(identity::end_session)))
        // Attachments.
        .get(t::ATTACHMENT_LIMITS, get(attachments::get_limits))
        .post(t::ATTACHMENTS, private(post(attachments::upload)))
        .get(t::ATTACHMENT, private(get(attachments::get_attachment)))
        .delete(
            t::ATTACHMENT,
            private(delete(attachments::delete_attachment)),
        )
        .get(
            t::ATTACHMENT_CONTENT,
            private(get(attachments::get_content)),
        )
        // Dossiers and tracking.
        .post(t::DOSSIERS, private(post(dossiers::submit)))
        .get(t::DOSSIERS, private(get(tracking::list_mine)))
        .get(t::DOSSIER, private(get(tracking::get_dossier)))
        .post(t::DOSSIER_DOCUMENTS, private(post(dossiers::add_documents)))
        // Payments.
        .post(t::DOSSIER_PAYMENTS, private(post(payments::start_payment)))
        .post(t::PAYMENT_CALLBACK, private(post(payments::callback)))
        .get(t::SANDBOX_PAY, get(payments::provider_page))
        .post(t::SANDBOX_PAY, post(payments::provider_submit))
        // Staff.
        .get(t::STAFF_DOSSIERS, private(get(tracking::staff_list)))
        .post(t::STAFF_DOSSIER_STATUS, private(post(tracking::staff_move)))
        // Staff: draft catalogues, preview, publishing.
        .post(t::STAFF_DRAFTS, private(post(staff_catalog::create_draft)))
        .get(t::STAFF_DRAFT, private(get(staff_catalog::get_draft)))
        .get(
            t::STAFF_DRAFT_CATALOGUE,
            private(get(staff_catalog::draft_catalog)),
        )
        .get(
            t::STAFF_DRAFT_SERVICE,
            private(get(staff_catalog::draft_service)),
        )
        .post(
            t::STAFF_DRAFT_SUBMISSIONS,
            private(post(staff_catalog::preview_submit)),
        )
        .post(
            t::STAFF_DRAFT_PUBLISH,
            private(post(staff_catalog::publish)),
        )
        .get(t::STAFF_VERSIONS, private(get(staff_catalog::versions)))
        .post(t::STAFF_ROLLBACK, private(post(staff_catalog::rollback)))
        .get(t::PROVINCES, get(admin_units::provinces))
        .get(t::COMMUNES, get(admin_units::communes))
        .get(t::LEGACY_ADDRESS, get(admin_units::legacy))
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
