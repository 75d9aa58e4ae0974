//! `POST /api/v1/dossiers/{code}/rating`: the applicant rates how their dossier was
//! handled, once, after the agency's decision (satisfied, neutral or not satisfied, with
//! an optional comment that stays with the applicant and staff). The statistics count
//! the ratings; no comment ever leaves in a figure.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use portal_api::dossiers::MAX_RATING_COMMENT_CHARS;
use portal_api::ids::normalize_dossier_code;
use portal_api::{GivenRating, NewRating};

use super::{store, DossierError};
use crate::api::body::read_json;
use crate::api::error::RequestError;
use crate::api::ApiError;
use crate::identity::{SameOrigin, SignedIn};
use crate::{clock, AppState};

#[utoipa::path(
    post,
    path = "/api/v1/dossiers/{code}/rating",
    operation_id = "rateDossier",
    tag = "tracking",
    summary = "The applicant rates how a decided dossier was handled, once",
    params(("code" = String, Path, description = "The dossier code")),
    request_body = portal_api::NewRating,
    responses(
        (status = 201, description = "Recorded", body = portal_api::GivenRating),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn rate(
    _origin: SameOrigin,
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
    Path(code): Path<String>,
    body: Body,
) -> Result<(StatusCode, Json<GivenRating>), ApiError> {
    let code = normalize_dossier_code(&code).ok_or(DossierError::NotFound)?;
    let (new, _): (NewRating, _) = read_json(body, 16 * 1024).await?;
    let comment = new
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string);
    if comment
        .as_ref()
        .is_some_and(|c| c.chars().count() > MAX_RATING_COMMENT_CHARS)
    {
        return Err(RequestError::BadBody(format!(
            "the comment may be at most {MAX_RATING_COMMENT_CHARS} characters"
        ))
        .into());
    }
    let mut c = state.db.conn().await?;
    // Another person's dossier is answered as an unknown one.
    let dossier = store::by_code(&mut c, &code)
        .await?
        .filter(|d| d.owner == user.subject)
        .ok_or(DossierError::NotFound)?;
    if !dossier.status.is_decided() {
        return Err(DossierError::NotDecided.into());
    }
    let rating = store::Rating {
        value: new.rating,
        comment,
        at: clock::now(),
    };
    // The rating and its count in the statistics, together.
    drop(c);
    let mut tx = state.db.begin().await?;
    if !store::rate(&mut tx, dossier.id, &rating).await? {
        return Err(DossierError::AlreadyRated.into());
    }
    tx.commit().await.map_err(crate::db::DbError::from)?;
    Ok((
        StatusCode::CREATED,
        Json(GivenRating {
            rating: rating.value,
            comment: rating.comment,
            rated_at: clock::rfc3339(rating.at),
        }),
    ))
}
