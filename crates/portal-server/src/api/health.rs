//! Liveness and readiness: the process answers and the database can be queried.

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
        (status = 500, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn healthz(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let schema = state.db.schema_version().await.map_err(|e| {
        tracing::error!("health check: database: {e}");
        ApiError::Internal
    })?;
    Ok(Json(Health {
        status: "ok".into(),
        database: DatabaseHealth {
            schema_version: schema,
        },
        catalog: CatalogueHealth {
            version: state.catalogue.current().version.clone(),
        },
    }))
}

/// This module's routes.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use portal_api::paths::template as t;
    table.get(t::HEALTH, axum::routing::get(healthz))
}
