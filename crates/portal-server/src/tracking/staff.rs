//! What portal staff do with dossiers: list them and move them along the timeline. Every
//! move is checked against the status rules, needs a reason where the applicant must be
//! told why, and waits for the fee to be paid before processing starts.

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::Json;
use serde::Deserialize;

use super::{DossierList, LIST_LIMIT};
use crate::api::body::read_json;
use crate::api::error::RequestError;
use crate::api::ApiError;
use crate::attachments;
use crate::dossiers::status::Status;
use crate::dossiers::store::{self, Actor, Deadline, Event, EventKind, PaymentStatus};
use crate::dossiers::validate::MAX_NOTE_CHARS;
use crate::dossiers::{view, DossierError, Problem};
use crate::identity::{SameOrigin, StaffRole, StaffUser};
use crate::{clock, AppState};

#[derive(Deserialize, Default)]
pub struct StaffListQuery {
    status: Option<Status>,
}

/// `GET /api/v1/staff/dossiers?status=`: every applicant's dossiers, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/staff/dossiers",
    operation_id = "staffListDossiers",
    tag = "staff",
    summary = "Staff only: every applicant's dossiers, newest first (at most 200), optionally in one status",
    params(
        ("status" = Option<portal_api::DossierStatus>, Query),
    ),
    responses(
        (status = 200, description = "The dossiers", body = portal_api::DossierList),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn staff_list(
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
    query: Result<Query<StaffListQuery>, QueryRejection>,
) -> Result<Json<DossierList>, ApiError> {
    staff.require(StaffRole::DossierOfficer)?;
    let Query(query) = query.map_err(|e| RequestError::BadQuery(e.body_text()))?;
    let dossiers =
        store::list(&mut *state.db.conn().await?, None, query.status, LIST_LIMIT).await?;
    let catalogue = state.catalogue.current();
    Ok(Json(DossierList {
        dossiers: dossiers
            .iter()
            .map(|d| view::summary(d, &catalogue))
            .collect(),
    }))
}

/// The body of `POST /api/v1/staff/dossiers/{code}/status`.
pub use portal_api::StatusMove as Move;

/// `POST /api/v1/staff/dossiers/{code}/status`.
#[utoipa::path(
    post,
    path = "/api/v1/staff/dossiers/{code}/status",
    operation_id = "staffMoveDossier",
    tag = "staff",
    summary = "Staff only: moves a dossier (or one linked procedure of a bundle) to its next status",
    description = "Moves: received → in_processing | rejected; in_processing → additional_documents_requested | approved | rejected; additional_documents_requested → in_processing | rejected; approved → result_ready. additional_documents_requested and rejected need a reason. Processing cannot start while the fee is unpaid.",
    params(
        ("X-Portal-Request" = String, Header, description = "Any non-empty value. Marks a state-changing call as coming from the portal's own pages: a cross-site page cannot send it without a CORS preflight, which this server never approves. A request without it, or whose Origin / Sec-Fetch-Site names another site, gets 403 cross_site_request"),
        ("code" = String, Path, description = "The dossier code, agency code-YYMMDD-NNNN; case does not matter", max_length = 40),
    ),
    request_body(content = portal_api::StatusMove),
    responses(
        (status = 200, description = "The updated dossier", body = portal_api::FullDossier),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 422, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn staff_move(
    _origin: SameOrigin,
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
    Path(code): Path<String>,
    body: Body,
) -> Result<Json<view::FullView>, ApiError> {
    staff.require(StaffRole::DossierOfficer)?;
    let code = portal_api::ids::normalize_dossier_code(&code).ok_or(DossierError::NotFound)?;
    let (request, _): (Move, _) = read_json(body, 16 * 1024).await?;
    let to = request.status;
    let reason = request
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string);
    if to.needs_reason() && reason.is_none() {
        return Err(DossierError::ReasonRequired.into());
    }
    if reason
        .as_ref()
        .is_some_and(|r| r.chars().count() > MAX_NOTE_CHARS)
    {
        return Err(DossierError::Invalid(vec![Problem::new(
            "reason",
            "reason_too_long",
            format!("the reason may be at most {MAX_NOTE_CHARS} characters"),
        )])
        .into());
    }
    let now = clock::now();
    let actor = Actor::Staff(staff.subject.clone());
    let moved: Result<Result<view::FullView, DossierError>, crate::db::DbError> = async {
        let mut tx = state.db.begin().await?;
        let Some(found) = store::by_code(&mut tx, &code).await? else {
            return Ok(Err(DossierError::NotFound));
        };
        // Two officers (or instances) moving one dossier at once take turns, each
        // judging the transition from what the other left.
        store::lock(&mut tx, found.id).await?;
        let Some(dossier) = store::by_id(&mut tx, found.id).await? else {
            return Ok(Err(DossierError::NotFound));
        };
        let targets: Vec<_> = match &request.procedure {
            Some(p) => {
                let Some(found) = dossier.procedures.iter().find(|x| x.service_id == *p) else {
                    return Ok(Err(DossierError::ProcedureNotInDossier(
                        p.chars().take(80).collect(),
                    )));
                };
                vec![found.clone()]
            }
            None => dossier.procedures.clone(),
        };
        if let Some(stuck) = targets.iter().find(|p| !p.status.can_move_to(to)) {
            return Ok(Err(DossierError::InvalidTransition {
                from: stuck.status,
                to,
            }));
        }
        let starts_work =
            to == Status::InProcessing && targets.iter().any(|p| p.status == Status::Received);
        if starts_work && dossier.payment_status == PaymentStatus::Unpaid {
            return Ok(Err(DossierError::PaymentOutstanding));
        }
        let changes: Vec<(String, Status)> =
            targets.iter().map(|p| (p.service_id.clone(), to)).collect();
        store::set_procedure_statuses(&mut tx, dossier.id, &changes, now).await?;
        let whole = request.procedure.is_none() || dossier.procedures.len() == 1;
        store::add_event(
            &mut tx,
            dossier.id,
            &Event {
                at: now,
                kind: EventKind::StatusChanged,
                procedure: if whole {
                    None
                } else {
                    request.procedure.clone()
                },
                status: Some(to),
                reason,
                actor,
                due: if to == Status::AdditionalDocumentsRequested {
                    Deadline::for_request_at(now)
                } else {
                    None
                },
            },
        )
        .await?;
        let (Some(updated), files) = (
            store::by_id(&mut tx, dossier.id).await?,
            attachments::store::for_dossier(&mut tx, dossier.id).await?,
        ) else {
            return Ok(Err(DossierError::NotFound));
        };
        tx.commit().await?;
        Ok(Ok(view::full(&updated, &files, false)))
    }
    .await;
    let moved = moved??;
    Ok(Json(moved))
}
