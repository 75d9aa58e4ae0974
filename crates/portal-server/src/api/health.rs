//! Liveness and readiness: the process answers and the database can be queried.

use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use super::ApiError;
use crate::AppState;

pub async fn healthz(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let schema = state.db.schema_version().await.map_err(|e| {
        tracing::error!("health check: database: {e}");
        ApiError::Internal
    })?;
    Ok(Json(json!({
        "status": "ok",
        "database": { "schema_version": schema },
        "catalog": { "version": state.catalogue.current().version },
    })))
}
