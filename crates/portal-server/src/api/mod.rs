//! The API routes. Every route is registered through [`RouteTable`], which records its
//! method and path so a test can hold the table against `openapi.json`.

mod admin_units;
mod catalogue;
pub mod error;
mod health;

use axum::http::Method;
use axum::routing::{on, MethodFilter, MethodRouter};
use axum::Router;
use tower_http::compression::CompressionLayer;

use crate::AppState;
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

/// All API routes of the contract.
pub fn routes() -> RouteTable {
    use axum::routing::get;
    RouteTable::new()
        .get("/healthz", get(health::healthz))
        .get("/api/v1/catalog", get(catalogue::index))
        .get("/api/v1/services/{id}", get(catalogue::service))
        .get("/api/v1/admin-units/provinces", get(admin_units::provinces))
        .get(
            "/api/v1/admin-units/provinces/{code}/communes",
            get(admin_units::communes),
        )
        .get("/api/v1/admin-units/legacy", get(admin_units::legacy))
}
