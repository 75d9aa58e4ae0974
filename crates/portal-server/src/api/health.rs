//! Readiness (`/healthz`: the process answers and the database can be queried) and
//! liveness (`/livez`: the process answers).

use axum::extract::State;
use axum::Json;
use portal_api::health::{CatalogueHealth, DatabaseHealth, Health};

use super::ApiError;
use crate::AppState;

#[utoipa::path(
    get,
    path = "/healthz",
    operation_id = "health",
    summary = "Liveness and database readiness",
    responses(
        (status = 200, description = "The server and its database answer", body = portal_api::health::Health),
        (status = 503, description = "The database does not answer (database_unavailable), with Retry-After", body = portal_api::ErrorBody),
    ),
)]
pub async fn healthz(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let schema = state.db.schema_version().await.map_err(|e| {
        tracing::warn!("health check: database: {e}");
        ApiError::DatabaseUnavailable
    })?;
    Ok(Json(Health {
        status: "ok".into(),
        database: DatabaseHealth {
            schema_version: schema,
            engine: match state.db.engine() {
                crate::db::Engine::Sqlite => "sqlite",
                crate::db::Engine::Postgres => "postgres",
            }
            .into(),
        },
        catalog: CatalogueHealth {
            version: state.catalogue.current().version.clone(),
        },
    }))
}

#[utoipa::path(
    get,
    path = "/livez",
    operation_id = "liveness",
    summary = "Liveness: the process answers (the database is not asked)",
    responses(
        (status = 200, description = "The process answers", body = String, content_type = "text/plain"),
    ),
)]
pub async fn livez() -> &'static str {
    "ok"
}

/// This module's routes.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use portal_api::paths::template as t;
    table
        .get(t::HEALTH, axum::routing::get(healthz))
        .get(t::LIVENESS, axum::routing::get(livez))
}
