//! What portal staff see of deliveries to the agencies, and sending a given-up one again.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::Json;
use portal_api::staff::{DeliveryEntry, DeliveryList, DeliveryState};
use serde::Deserialize;

use super::events::AgencyError;
use super::outbox;
use crate::api::error::RequestError;
use crate::api::ApiError;
use crate::identity::{SameOrigin, StaffRole, StaffUser};
use crate::{clock, AppState};

/// The longest list.
const LIMIT: i64 = 200;

#[derive(Deserialize, Default)]
pub struct ListQuery {
    state: Option<DeliveryState>,
}

fn time(ms: i64) -> String {
    clock::rfc3339(ms.div_euclid(1000))
}

fn entry(l: outbox::Listed) -> DeliveryEntry {
    DeliveryEntry {
        id: l.record.id,
        delivery_id: l.record.delivery_id,
        dossier_code: l.dossier_code,
        system: l.record.system,
        kind: l.record.kind,
        state: l.state,
        attempts: l.record.attempts,
        created_at: time(l.record.created_ms),
        next_attempt_at: (l.state == DeliveryState::Pending).then(|| time(l.next_ms)),
        delivered_at: l.delivered_ms.map(time),
        last_error: l.last_error,
    }
}

/// `GET /api/v1/staff/deliveries?state=`.
#[utoipa::path(
    get,
    path = "/api/v1/staff/deliveries",
    operation_id = "staffListDeliveries",
    tag = "staff",
    summary = "Staff only: deliveries to the agencies' systems, newest first (at most 200), optionally in one state",
    params(("state" = Option<portal_api::staff::DeliveryState>, Query)),
    responses(
        (status = 200, description = "The deliveries", body = portal_api::staff::DeliveryList),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn list(
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Json<DeliveryList>, ApiError> {
    staff.require(StaffRole::DossierOfficer)?;
    let Query(query) = query.map_err(|e| RequestError::BadQuery(e.body_text()))?;
    let mut c = state.db.conn().await?;
    let rows = outbox::list(&mut c, query.state, LIMIT).await?;
    let (pending, dead) = outbox::counts(&mut c).await?;
    Ok(Json(DeliveryList {
        deliveries: rows.into_iter().map(entry).collect(),
        pending,
        dead,
    }))
}

/// `POST /api/v1/staff/deliveries/{id}/retry`.
#[utoipa::path(
    post,
    path = "/api/v1/staff/deliveries/{id}/retry",
    operation_id = "staffRetryDelivery",
    tag = "staff",
    summary = "Staff only: sends a given-up delivery again, now, with its age counted afresh",
    params(
        ("X-Portal-Request" = String, Header, description = "Any non-empty value (see staffMoveDossier)"),
        ("id" = i64, Path, description = "The delivery's number in the list"),
    ),
    responses(
        (status = 204, description = "Due again"),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn retry(
    _origin: SameOrigin,
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<axum::http::StatusCode, ApiError> {
    staff.require(StaffRole::DossierOfficer)?;
    let id: i64 = id.parse().map_err(|_| AgencyError::DeliveryNotFound)?;
    let mut c = state.db.conn().await?;
    if outbox::revive(&mut c, id, clock::now_ms()).await? {
        state.delivery_wake.notify_one();
        return Ok(axum::http::StatusCode::NO_CONTENT);
    }
    Err(if outbox::state_of(&mut c, id).await?.is_some() {
        AgencyError::DeliveryNotDead
    } else {
        AgencyError::DeliveryNotFound
    }
    .into())
}
