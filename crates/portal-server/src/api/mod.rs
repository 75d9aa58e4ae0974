//! The API routes. Every route is registered through [`RouteTable`], which records its
//! method and path so a test can hold the table against `openapi.json`.

mod admin_units;
pub mod body;
mod catalogue;
pub mod error;
mod health;

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
    RouteTable::new()
        .get("/healthz", get(health::healthz))
        .get("/api/v1/catalog", get(catalogue::index))
        .get("/api/v1/services/{id}", get(catalogue::service))
        // Identity: the sandbox provider's pages and the session.
        .get("/auth/sign-in", get(identity::sign_in_page))
        .post("/auth/sign-in", post(identity::sign_in_form))
        .get("/api/v1/session", private(get(identity::session_info)))
        .delete("/api/v1/session", private(delete(identity::end_session)))
        // Attachments.
        .get("/api/v1/attachments/limits", get(attachments::get_limits))
        .post("/api/v1/attachments", private(post(attachments::upload)))
        .get(
            "/api/v1/attachments/{id}",
            private(get(attachments::get_attachment)),
        )
        .delete(
            "/api/v1/attachments/{id}",
            private(delete(attachments::delete_attachment)),
        )
        .get(
            "/api/v1/attachments/{id}/content",
            private(get(attachments::get_content)),
        )
        // Dossiers and tracking.
        .post("/api/v1/dossiers", private(post(dossiers::submit)))
        .get("/api/v1/dossiers", private(get(tracking::list_mine)))
        .get(
            "/api/v1/dossiers/{code}",
            private(get(tracking::get_dossier)),
        )
        .post(
            "/api/v1/dossiers/{code}/documents",
            private(post(dossiers::add_documents)),
        )
        // Payments.
        .post(
            "/api/v1/dossiers/{code}/payments",
            private(post(payments::start_payment)),
        )
        .post(
            "/api/v1/payments/callback",
            private(post(payments::callback)),
        )
        .get("/sandbox/pay/{payment_id}", get(payments::provider_page))
        .post("/sandbox/pay/{payment_id}", post(payments::provider_submit))
        // Staff.
        .get("/api/v1/staff/dossiers", private(get(tracking::staff_list)))
        .post(
            "/api/v1/staff/dossiers/{code}/status",
            private(post(tracking::staff_move)),
        )
        // Staff: draft catalogues, preview, publishing.
        .post(
            "/api/v1/staff/drafts",
            private(post(staff_catalog::create_draft)),
        )
        .get(
            "/api/v1/staff/drafts/{id}",
            private(get(staff_catalog::get_draft)),
        )
        .get(
            "/api/v1/staff/drafts/{id}/catalog",
            private(get(staff_catalog::draft_catalog)),
        )
        .get(
            "/api/v1/staff/drafts/{id}/services/{service}",
            private(get(staff_catalog::draft_service)),
        )
        .post(
            "/api/v1/staff/drafts/{id}/submissions",
            private(post(staff_catalog::preview_submit)),
        )
        .post(
            "/api/v1/staff/drafts/{id}/publish",
            private(post(staff_catalog::publish)),
        )
        .get(
            "/api/v1/staff/catalog/versions",
            private(get(staff_catalog::versions)),
        )
        .post(
            "/api/v1/staff/catalog/rollback",
            private(post(staff_catalog::rollback)),
        )
        .get("/api/v1/admin-units/provinces", get(admin_units::provinces))
        .get(
            "/api/v1/admin-units/provinces/{code}/communes",
            get(admin_units::communes),
        )
        .get("/api/v1/admin-units/legacy", get(admin_units::legacy))
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
