//! Signed-in people's unfinished applications, kept on the server so they can be
//! continued on another device (`/api/v1/drafts`). The device saves as the person types
//! and sends its copy here now and then; the server merges it with the copy it keeps,
//! question by question (`portal_core::form::merge`: the answer changed last wins), and
//! answers with the merged draft and the questions that came from elsewhere. Anonymous
//! drafts never leave the device. The answers are sealed at rest (`seal`).

pub mod seal;
pub mod store;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use portal_api::drafts::{
    DraftList, KeptDraft, SavedDraft, MAX_DRAFTS_PER_PERSON, MAX_DRAFT_BYTES,
};
use portal_core::form::{merge, Draft, MAX_CHANGE_TIMES};

use crate::api::body::read_json;
use crate::api::error::ErrorCode;
use crate::api::ApiError;
use crate::db::DbError;
use crate::identity::{SameOrigin, SignedIn};
use crate::AppState;
pub use seal::Seal;

#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("at most {MAX_DRAFTS_PER_PERSON} unfinished applications are kept; send or delete one first")]
    TooMany,
    #[error("the draft is for {0:?}, not the service in the address")]
    OtherService(String),
    #[error("the draft records more than {MAX_CHANGE_TIMES} questions")]
    TooManyQuestions,
}

impl ErrorCode for DraftError {
    fn code(&self) -> &'static str {
        match self {
            DraftError::TooMany => "too_many_drafts",
            DraftError::OtherService(_) | DraftError::TooManyQuestions => "bad_draft",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            DraftError::TooMany => StatusCode::CONFLICT,
            DraftError::OtherService(_) | DraftError::TooManyQuestions => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
        }
    }
}

fn known_service(state: &AppState, service: &str) -> Result<(), ApiError> {
    if !portal_core::ServiceId::is_valid(service) {
        return Err(ApiError::BadServiceId(service.to_string()));
    }
    if state.catalogue.current().service(service).is_none() {
        return Err(ApiError::ServiceNotFound(service.to_string()));
    }
    Ok(())
}

/// A stored draft that will not open is a server fault (a changed secret), not the
/// person's: logged, and answered 500.
fn opened(state: &AppState, owner: &str, service: &str, sealed: &str) -> Result<Draft, ApiError> {
    let plain = state
        .drafts_seal
        .open(owner, service, sealed)
        .map_err(|e| {
            tracing::error!("draft of {service}: {e}");
            ApiError::Internal
        })?;
    serde_json::from_slice(&plain).map_err(|e| {
        tracing::error!("draft of {service}: {e}");
        ApiError::Internal
    })
}

fn sealed(state: &AppState, owner: &str, d: &Draft) -> Result<store::Stored, ApiError> {
    let json = serde_json::to_vec(d).map_err(|_| ApiError::Internal)?;
    let sealed = state
        .drafts_seal
        .seal(owner, d.service.as_str(), &json)
        .map_err(|e| {
            tracing::error!("sealing a draft: {e}");
            ApiError::Internal
        })?;
    Ok(store::Stored {
        sealed,
        saved_at_ms: d.saved_at,
        answered: d.answers.iter().filter(|(_, a)| a.is_answered()).count() as i64,
        steps_completed: d.completed_steps.len() as i64,
    })
}

/// `GET /api/v1/drafts`: the signed-in person's unfinished applications, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/drafts",
    operation_id = "listMyDrafts",
    tag = "drafts",
    summary = "The signed-in person's unfinished applications, newest first",
    responses(
        (status = 200, description = "The drafts", body = portal_api::drafts::DraftList),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn list_mine(
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
) -> Result<Json<DraftList>, ApiError> {
    let mut c = state.db.conn().await?;
    let drafts = store::list(&mut c, &user.subject, MAX_DRAFTS_PER_PERSON).await?;
    Ok(Json(DraftList { drafts }))
}

/// `GET /api/v1/drafts/{service}`: one draft as kept, or `null`.
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{service}",
    operation_id = "getMyDraft",
    tag = "drafts",
    summary = "One of the signed-in person's unfinished applications (draft is null when none is kept)",
    params(("service" = String, Path, description = "The service id")),
    responses(
        (status = 200, description = "The draft, or null", body = portal_api::drafts::KeptDraft),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn get_mine(
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
    Path(service): Path<String>,
) -> Result<Json<KeptDraft>, ApiError> {
    let mut c = state.db.conn().await?;
    let found = store::get(&mut c, state.db.engine(), &user.subject, &service, false).await?;
    let draft = match found {
        Some(sealed) => Some(opened(&state, &user.subject, &service, &sealed)?),
        None => None,
    };
    Ok(Json(KeptDraft { draft }))
}

/// `PUT /api/v1/drafts/{service}`: saves the device's copy, merged with the one kept.
#[utoipa::path(
    put,
    path = "/api/v1/drafts/{service}",
    operation_id = "saveMyDraft",
    tag = "drafts",
    summary = "Saves an unfinished application, merged question by question with the copy kept (the answer changed last wins)",
    params(("service" = String, Path, description = "The service id")),
    request_body(content = Object, description = "The draft (portal_core::form::Draft), at most 512 KiB"),
    responses(
        (status = 200, description = "The draft as now kept, and the questions whose answer came from another device", body = portal_api::drafts::SavedDraft),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 413, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 422, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn save_mine(
    _origin: SameOrigin,
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
    Path(service): Path<String>,
    body: Body,
) -> Result<Json<SavedDraft>, ApiError> {
    known_service(&state, &service)?;
    let (sent, _): (Draft, _) = read_json(body, MAX_DRAFT_BYTES).await?;
    if sent.service.as_str() != service {
        return Err(DraftError::OtherService(sent.service.0).into());
    }
    if sent.changed_at.len() > MAX_CHANGE_TIMES || sent.answers.len() > MAX_CHANGE_TIMES {
        return Err(DraftError::TooManyQuestions.into());
    }
    let owner = user.subject.as_str();
    // Twice at most: a first save of this draft can meet another instance's first save
    // of it; the one that lost the insert reads the winner's row and merges with it.
    for _ in 0..2 {
        let mut tx = state.db.begin().await?;
        let kept = store::get(&mut tx, state.db.engine(), owner, &service, true).await?;
        let (draft, from_elsewhere) = match &kept {
            Some(k) => merge(&sent, &opened(&state, owner, &service, k)?),
            None => (sent.clone(), Vec::new()),
        };
        let row = sealed(&state, owner, &draft)?;
        if kept.is_some() {
            store::update(&mut tx, owner, &service, &row).await?;
        } else {
            if store::count(&mut tx, owner).await? >= MAX_DRAFTS_PER_PERSON {
                return Err(DraftError::TooMany.into());
            }
            if !store::insert(&mut tx, owner, &service, &row).await? {
                continue;
            }
        }
        tx.commit().await.map_err(DbError::from)?;
        return Ok(Json(SavedDraft {
            draft,
            from_elsewhere,
        }));
    }
    Err(DbError::Data("a draft kept changing while it was saved".into()).into())
}

/// `DELETE /api/v1/drafts/{service}`: forgets a draft (204 also when there was none, so
/// deleting twice, from two devices, is not an error).
#[utoipa::path(
    delete,
    path = "/api/v1/drafts/{service}",
    operation_id = "deleteMyDraft",
    tag = "drafts",
    summary = "Forgets one of the signed-in person's unfinished applications",
    params(("service" = String, Path, description = "The service id")),
    responses(
        (status = 204, description = "Forgotten (or there was none)"),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn delete_mine(
    _origin: SameOrigin,
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
    Path(service): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let mut c = state.db.conn().await?;
    store::forget(&mut c, &user.subject, &service).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// This module's routes.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use crate::api::private;
    use axum::routing::{delete, get, put};
    use portal_api::paths::template as t;
    table
        .get(t::DRAFTS, private(get(list_mine)))
        .get(t::DRAFT, private(get(get_mine)))
        .put(t::DRAFT, private(put(save_mine)))
        .delete(t::DRAFT, private(delete(delete_mine)))
}
