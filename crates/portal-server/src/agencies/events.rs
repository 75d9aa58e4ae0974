//! `POST /api/v1/agency/events`: an agency system tells the portal what happened to a
//! dossier it received. The message is signed with that system's key
//! (`agency_link`); the event is applied once (by its id, per system), in order (by its
//! sequence, per dossier: an older one arriving late is recorded but not applied), and
//! only to a dossier routed to that system. Anything refused changes nothing.
//!
//! Concurrency: the event's id row and the dossier's changes commit together; the
//! dossier's row is locked first (`store::lock`), so two events for one dossier, through
//! two instances, are judged one after the other against what the first left.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use base64::Engine as _;
use portal_api::agency::{AgencyEvent, AgencyEventKind, EventOutcome, EventReply};
use portal_core::validators::Date;
use sha2::{Digest, Sha256};

use crate::api::body::read_bytes;
use crate::api::error::{ErrorCode, RequestError};
use crate::api::ApiError;
use crate::attachments::{self, sniff, AttachmentRecord};
use crate::db::DbError;
use crate::dossiers::status::Status;
use crate::dossiers::store::{self, Actor, Deadline, Event, EventKind};
use crate::{clock, random, AppState};

/// The largest event body: a result document of [`MAX_RESULT_BYTES`] in base64, and room.
pub const MAX_EVENT_BYTES: usize = 8 * 1024 * 1024;
/// The largest result document.
pub const MAX_RESULT_BYTES: usize = 5 * 1024 * 1024;
/// The longest text in an event (a reason, a document's name, a note).
const MAX_TEXT_CHARS: usize = 2000;

#[derive(Debug, thiserror::Error)]
pub enum AgencyError {
    #[error("the event is not signed by a known agency system: {0}")]
    Signature(agency_link::SignatureError),
    #[error("no dossier with this code was delivered to this agency system")]
    UnknownDossier,
    #[error("the event cannot be applied: {0}")]
    InvalidEvent(String),
    #[error("the dossier is {from}; this event cannot follow it")]
    InvalidTransition { from: &'static str },
    #[error("no delivery has this id")]
    DeliveryNotFound,
    #[error("this delivery is not given up, so it cannot be sent again")]
    DeliveryNotDead,
}

impl ErrorCode for AgencyError {
    fn code(&self) -> &'static str {
        match self {
            AgencyError::Signature(e) => match e {
                agency_link::SignatureError::Expired => "agency_signature_expired",
                agency_link::SignatureError::UnknownSystem(_) => "agency_system_unknown",
                _ => "agency_signature_invalid",
            },
            AgencyError::UnknownDossier => "agency_dossier_unknown",
            AgencyError::InvalidEvent(_) => "agency_event_invalid",
            AgencyError::InvalidTransition { .. } => "agency_event_out_of_turn",
            AgencyError::DeliveryNotFound => "delivery_not_found",
            AgencyError::DeliveryNotDead => "delivery_not_dead",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            AgencyError::Signature(_) => StatusCode::UNAUTHORIZED,
            AgencyError::UnknownDossier | AgencyError::DeliveryNotFound => StatusCode::NOT_FOUND,
            AgencyError::InvalidEvent(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AgencyError::InvalidTransition { .. } | AgencyError::DeliveryNotDead => {
                StatusCode::CONFLICT
            }
        }
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn invalid(m: impl Into<String>) -> ApiError {
    AgencyError::InvalidEvent(m.into()).into()
}

fn text(what: &str, s: &str) -> Result<String, ApiError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(invalid(format!("{what} is empty")));
    }
    if s.chars().count() > MAX_TEXT_CHARS {
        return Err(invalid(format!(
            "{what} is longer than {MAX_TEXT_CHARS} characters"
        )));
    }
    Ok(s.to_string())
}

/// What an event does to the dossier, judged before anything is written.
struct Change {
    to: Option<Status>,
    timeline: EventKind,
    reason: Option<String>,
    due: Option<Deadline>,
    result: Option<(AttachmentRecord, Vec<u8>)>,
    pickup_note: Option<String>,
}

fn judge(kind: &AgencyEventKind, now: i64) -> Result<Change, ApiError> {
    let plain = |to: Option<Status>, timeline, reason| Change {
        to,
        timeline,
        reason,
        due: None,
        result: None,
        pickup_note: None,
    };
    Ok(match kind {
        AgencyEventKind::Received => plain(None, EventKind::AgencyReceived, None),
        AgencyEventKind::Processing => {
            plain(Some(Status::InProcessing), EventKind::StatusChanged, None)
        }
        AgencyEventKind::Refused { reason } => plain(
            Some(Status::Rejected),
            EventKind::StatusChanged,
            Some(text("the reason", reason)?),
        ),
        AgencyEventKind::DocumentsRequested {
            documents,
            deadline,
            note,
        } => {
            if documents.is_empty() || documents.len() > 50 {
                return Err(invalid("a request names 1 to 50 documents"));
            }
            let mut lines = documents
                .iter()
                .map(|d| text("a document's name", d))
                .collect::<Result<Vec<_>, _>>()?;
            if let Some(n) = note.as_deref().filter(|n| !n.trim().is_empty()) {
                lines.push(text("the note", n)?);
            }
            let date = Date::parse_iso(deadline.trim())
                .ok_or_else(|| invalid("the deadline is not a date YYYY-MM-DD"))?;
            let today = Date::today_in_vietnam(now.saturating_mul(1000));
            if date < today {
                return Err(invalid("the deadline is in the past"));
            }
            Change {
                to: Some(Status::AdditionalDocumentsRequested),
                timeline: EventKind::StatusChanged,
                reason: Some(lines.join("\n")),
                due: Some(Deadline {
                    date,
                    working_days: portal_core::dossier::working_days_between(today, date),
                }),
                result: None,
                pickup_note: None,
            }
        }
        AgencyEventKind::ResultReady {
            result,
            pickup_note,
        } => {
            let pickup_note = match pickup_note.as_deref().map(str::trim) {
                Some(n) if !n.is_empty() => Some(text("the pick-up note", n)?),
                _ => None,
            };
            let result = match result {
                None => None,
                Some(doc) => {
                    let bytes = base64::engine::general_purpose::STANDARD
                        .decode(doc.data_base64.as_bytes())
                        .map_err(|_| invalid("the result document is not base64"))?;
                    if bytes.is_empty() || bytes.len() > MAX_RESULT_BYTES {
                        return Err(invalid(format!(
                            "the result document is empty or larger than {MAX_RESULT_BYTES} bytes"
                        )));
                    }
                    let sniff::Detected::Accepted(kind) = sniff::detect(&bytes) else {
                        return Err(invalid("the result document is not a PDF, JPEG or PNG"));
                    };
                    let name = text("the result document's name", &doc.name)?;
                    let id = random::id(portal_api::ids::ATTACHMENT_PREFIX)
                        .map_err(|_| ApiError::Internal)?;
                    Some((
                        AttachmentRecord {
                            id,
                            owner: String::new(),
                            name,
                            media_type: kind.media_type().to_string(),
                            size: bytes.len() as i64,
                            sha256: random::hex(&Sha256::digest(&bytes)),
                            created_at: now,
                            dossier_id: None,
                            dossier_code: None,
                            supplement: false,
                            from_agency: true,
                        },
                        bytes,
                    ))
                }
            };
            if result.is_none() && pickup_note.is_none() {
                return Err(invalid(
                    "a result gives a document, a pick-up note, or both",
                ));
            }
            Change {
                to: Some(Status::ResultReady),
                timeline: EventKind::StatusChanged,
                reason: pickup_note.clone(),
                due: None,
                result,
                pickup_note,
            }
        }
    })
}

fn kind_name(kind: &AgencyEventKind) -> &'static str {
    match kind {
        AgencyEventKind::Received => "received",
        AgencyEventKind::DocumentsRequested { .. } => "documents_requested",
        AgencyEventKind::Processing => "processing",
        AgencyEventKind::ResultReady { .. } => "result_ready",
        AgencyEventKind::Refused { .. } => "refused",
    }
}

/// `POST /api/v1/agency/events`.
#[utoipa::path(
    post,
    path = "/api/v1/agency/events",
    operation_id = "agencyEvent",
    tag = "agency",
    summary = "Agency systems only: a status event for a dossier delivered to them, signed",
    description = "Signed with the agency system's key: headers x-dvc-system, x-dvc-timestamp (Unix seconds, within 300 s of the portal's clock) and x-dvc-signature (v1= and the hex HMAC-SHA256 of the timestamp, a full stop and the body). Applied once per event_id and in order of sequence per dossier: an event older than one applied answers 200 with outcome stale and changes nothing.",
    request_body(content = portal_api::agency::AgencyEvent),
    responses(
        (status = 200, description = "Applied, or seen before (duplicate), or older than one applied (stale)", body = portal_api::agency::EventReply),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 413, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 422, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 503, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn receive(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<EventReply>, ApiError> {
    let bytes = read_bytes(body, MAX_EVENT_BYTES).await?;
    let system_id = header(&headers, agency_link::SYSTEM_HEADER).unwrap_or_default();
    let system = state.agencies.get(system_id).ok_or_else(|| {
        AgencyError::Signature(agency_link::SignatureError::UnknownSystem(
            system_id.chars().take(40).collect(),
        ))
    })?;
    let now = clock::now();
    agency_link::verify(
        &system.key,
        header(&headers, agency_link::TIMESTAMP_HEADER),
        header(&headers, agency_link::SIGNATURE_HEADER),
        &bytes,
        now,
    )
    .map_err(AgencyError::Signature)?;
    let event: AgencyEvent =
        serde_json::from_slice(&bytes).map_err(|e| RequestError::BadBody(e.to_string()))?;
    if event.event_id.is_empty() || event.event_id.len() > 100 {
        return Err(invalid("the event id is 1 to 100 characters"));
    }
    if event.sequence == 0 || event.sequence > i64::MAX as u64 {
        return Err(invalid("the sequence starts at 1"));
    }
    let code = portal_api::ids::normalize_dossier_code(&event.dossier_code)
        .ok_or(AgencyError::UnknownDossier)?;
    let change = judge(&event.kind, now)?;
    let outcome = apply(&state, &system.id, &event, &code, change, now).await??;
    Ok(Json(EventReply {
        event_id: event.event_id,
        outcome,
    }))
}

async fn apply(
    state: &AppState,
    system: &str,
    event: &AgencyEvent,
    code: &str,
    change: Change,
    now: i64,
) -> Result<Result<EventOutcome, ApiError>, DbError> {
    let mut tx = state.db.begin().await?;
    let Some(found) = store::by_code(&mut tx, code).await? else {
        return Ok(Err(AgencyError::UnknownDossier.into()));
    };
    // Only the system the dossier went to may speak for it; to any other the dossier
    // does not exist.
    if found.agency.as_ref().map(|a| a.system.as_str()) != Some(system) {
        return Ok(Err(AgencyError::UnknownDossier.into()));
    }
    store::lock(&mut tx, found.id).await?;
    let seen = sqlx::query("SELECT 1 FROM agency_events WHERE system = $1 AND event_id = $2")
        .bind(system)
        .bind(&event.event_id)
        .fetch_optional(&mut *tx)
        .await?;
    if seen.is_some() {
        return Ok(Ok(EventOutcome::Duplicate));
    }
    let Some(dossier) = store::by_id(&mut tx, found.id).await? else {
        return Ok(Err(AgencyError::UnknownDossier.into()));
    };
    let sequence = event.sequence as i64;
    let outcome = if sequence <= dossier.agency_sequence {
        EventOutcome::Stale
    } else {
        if let Some(to) = change.to {
            if let Some(stuck) = dossier
                .procedures
                .iter()
                .find(|p| !p.status.agency_may_move_to(to))
            {
                return Ok(Err(AgencyError::InvalidTransition {
                    from: stuck.status.as_str(),
                }
                .into()));
            }
            let changes: Vec<(String, Status)> = dossier
                .procedures
                .iter()
                .map(|p| (p.service_id.clone(), to))
                .collect();
            store::set_procedure_statuses(&mut tx, dossier.id, &changes, now).await?;
        }
        if let Some((mut record, bytes)) = change.result {
            record.owner = dossier.owner.clone();
            attachments::store::insert_result(&mut tx, &record, dossier.id, &bytes).await?;
            sqlx::query(
                "UPDATE dossiers SET result_document_id = $1, result_document_name = $2 WHERE id = $3",
            )
            .bind(&record.id)
            .bind(&record.name)
            .bind(dossier.id)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(note) = &change.pickup_note {
            sqlx::query("UPDATE dossiers SET result_note = $1 WHERE id = $2")
                .bind(note)
                .bind(dossier.id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("UPDATE dossiers SET agency_sequence = $1, updated_at = $2 WHERE id = $3")
            .bind(sequence)
            .bind(now)
            .bind(dossier.id)
            .execute(&mut *tx)
            .await?;
        store::add_event(
            &mut tx,
            dossier.id,
            &Event {
                at: now,
                kind: change.timeline,
                procedure: None,
                status: change.to,
                reason: change.reason,
                actor: Actor::Agency(system.to_string()),
                due: change.due,
            },
        )
        .await?;
        EventOutcome::Applied
    };
    sqlx::query(
        "INSERT INTO agency_events (system, event_id, dossier_id, sequence, kind, outcome, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(system)
    .bind(&event.event_id)
    .bind(dossier.id)
    .bind(sequence)
    .bind(kind_name(&event.kind))
    .bind(match outcome {
        EventOutcome::Applied => "applied",
        EventOutcome::Duplicate => "duplicate",
        EventOutcome::Stale => "stale",
    })
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(outcome))
}
