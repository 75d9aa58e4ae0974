//! Feedback on the portal (`POST /api/v1/feedback`, see `portal_api::feedback`): judged
//! by the same form rules the browser showed, kept without the sender's identity, at most
//! [`MAX_PER_HOUR`] messages an hour from one network address (counted in the database,
//! so the limit holds across instances), and read by dossier officers
//! (`GET /api/v1/staff/feedback`).

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use portal_api::feedback::{FeedbackEntry, FeedbackList, NewFeedback, MAX_PER_HOUR};
use portal_api::{ErrorDetails, Problem};
use portal_core::form::IndexedForm;
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::api::body::read_json;
use crate::api::error::ErrorCode;
use crate::api::ApiError;
use crate::client::ClientAddr;
use crate::db::DbError;
use crate::identity::{OptionalUser, SameOrigin, StaffRole, StaffUser};
use crate::{clock, AppState};

/// Largest body read.
const MAX_BODY: usize = 16 * 1024;
/// Most messages a staff list returns.
const LIST_LIMIT: i64 = 200;
const HOUR: i64 = 3600;

#[derive(Debug, thiserror::Error)]
pub enum FeedbackError {
    #[error("the feedback has problems to fix")]
    Invalid(Vec<Problem>),
    #[error("too many messages from this address in the last hour; try again later")]
    TooMany,
}

impl ErrorCode for FeedbackError {
    fn code(&self) -> &'static str {
        match self {
            FeedbackError::Invalid(_) => "invalid_feedback",
            FeedbackError::TooMany => "feedback_limit",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            FeedbackError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            FeedbackError::TooMany => StatusCode::TOO_MANY_REQUESTS,
        }
    }

    fn details(&self) -> Option<ErrorDetails> {
        match self {
            FeedbackError::Invalid(problems) => Some(ErrorDetails {
                problems: Some(problems.clone()),
                ..ErrorDetails::default()
            }),
            FeedbackError::TooMany => None,
        }
    }

    fn retry_after(&self) -> Option<u64> {
        matches!(self, FeedbackError::TooMany).then_some(HOUR as u64)
    }
}

/// The address, hashed: enough to count messages, not to say who sent them.
fn client_hash(client: &ClientAddr) -> String {
    let digest = Sha256::digest(format!("portal feedback\0{}", client.key()).as_bytes());
    crate::random::hex(&digest[..16])
}

/// `POST /api/v1/feedback`
#[utoipa::path(
    post,
    path = "/api/v1/feedback",
    operation_id = "sendFeedback",
    tag = "feedback",
    summary = "Feedback on a page of the portal (signed in or not)",
    request_body = portal_api::feedback::NewFeedback,
    responses(
        (status = 204, description = "Kept"),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 413, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 422, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 429, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn send(
    _origin: SameOrigin,
    OptionalUser(user): OptionalUser,
    client: ClientAddr,
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<impl IntoResponse, ApiError> {
    let (new, _): (NewFeedback, _) = read_json(body, MAX_BODY).await?;
    let errors = new.check(clock::today());
    if !errors.is_empty() {
        let form = IndexedForm::new(portal_api::feedback::form());
        let lang = crate::api::request_lang(&headers);
        let problems = errors
            .iter()
            .map(|e| Problem {
                path: e.path.to_string(),
                code: e.error.code().to_string(),
                message: e.message(&form, lang),
                error: Some(e.error.clone()),
            })
            .collect();
        return Err(FeedbackError::Invalid(problems).into());
    }
    let hash = client_hash(&client);
    let now = clock::now();
    let mut c = state.db.conn().await?;
    let recent: i64 =
        sqlx::query("SELECT COUNT(*) FROM feedback WHERE client_hash = $1 AND received_at > $2")
            .bind(&hash)
            .bind(now - HOUR)
            .fetch_one(&mut *c)
            .await
            .map_err(DbError::from)?
            .try_get(0)
            .map_err(DbError::from)?;
    if recent >= MAX_PER_HOUR {
        return Err(FeedbackError::TooMany.into());
    }
    let email = new
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    sqlx::query(
        "INSERT INTO feedback (received_at, page, message, email, signed_in, client_hash)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(now)
    .bind(new.page_path())
    .bind(new.message.trim())
    .bind(email)
    .bind(i64::from(user.is_some()))
    .bind(&hash)
    .execute(&mut *c)
    .await
    .map_err(DbError::from)?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/v1/staff/feedback`
#[utoipa::path(
    get,
    path = "/api/v1/staff/feedback",
    operation_id = "staffListFeedback",
    tag = "staff",
    summary = "Feedback received, newest first (at most 200; dossier officers)",
    responses(
        (status = 200, description = "The messages", body = portal_api::feedback::FeedbackList),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn staff_list(
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
) -> Result<Json<FeedbackList>, ApiError> {
    staff.require(StaffRole::DossierOfficer)?;
    let mut c = state.db.conn().await?;
    let rows = sqlx::query(
        "SELECT id, received_at, page, message, email, signed_in FROM feedback
         ORDER BY received_at DESC, id DESC LIMIT $1",
    )
    .bind(LIST_LIMIT)
    .fetch_all(&mut *c)
    .await
    .map_err(DbError::from)?;
    let feedback = rows
        .iter()
        .map(|r| {
            Ok(FeedbackEntry {
                id: r.try_get(0)?,
                received_at: clock::rfc3339(r.try_get(1)?),
                page: r.try_get(2)?,
                message: r.try_get(3)?,
                email: r.try_get(4)?,
                signed_in: r.try_get::<i64, _>(5)? != 0,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()
        .map_err(DbError::from)?;
    Ok(Json(FeedbackList { feedback }))
}

/// This module's routes.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use crate::api::private;
    use axum::routing::{get, post};
    use portal_api::paths::template as t;
    table
        .post(t::FEEDBACK, private(post(send)))
        .get(t::STAFF_FEEDBACK, private(get(staff_list)))
}
