//! Following a dossier: the signed-in user's list, one dossier with its status timeline,
//! a public lookup by code plus the applicant's ID number or the lookup secret, and the
//! staff endpoints that move dossiers along.
//!
//! Codes have a guessable shape, so a code alone reveals nothing: a wrong code and a
//! wrong credential get the same answer. A client address that made too many wrong
//! attempts is refused every lookup for a while; a code or ID number that many wrong
//! attempts aimed at refuses further wrong ones, but always serves the right credential,
//! so nobody can lock an owner out of their own dossier.

pub(crate) mod staff;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::api::error::RequestError;
use crate::api::ApiError;
use crate::attachments;
use crate::client::ClientAddr;
use crate::dossiers::{store, view, DossierError};
use crate::identity::{OptionalUser, SignedIn, StaffRole};
use crate::{clock, random, AppState};
pub use staff::{staff_list, staff_move};

/// Wrong lookups allowed per client address within [`LOOKUP_WINDOW_SECS`]; past them the
/// address is refused even a right credential, or a 200 among the refusals would still
/// tell a guesser when it guessed right.
pub const MAX_LOOKUP_FAILURES: i64 = 10;
/// Wrong lookups on one code, or with one ID number, from all addresses, past which
/// further wrong ones are refused (a right one is always served).
pub const MAX_TARGET_FAILURES: i64 = 10;
pub const LOOKUP_WINDOW_SECS: i64 = 3600;

/// Most dossiers returned by a list.
pub const LIST_LIMIT: i64 = 200;

pub use portal_api::DossierList;

/// `GET /api/v1/dossiers`: the signed-in user's dossiers, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/dossiers",
    operation_id = "listMyDossiers",
    tag = "tracking",
    summary = "The signed-in user's dossiers, newest first (at most 200)",
    responses(
        (status = 200, description = "The dossiers", body = portal_api::DossierList),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn list_mine(
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
) -> Result<Json<DossierList>, ApiError> {
    let owner = user.subject.clone();
    let dossiers =
        store::list(&mut *state.db.conn().await?, Some(&owner), None, LIST_LIMIT).await?;
    let catalogue = state.catalogue.current();
    Ok(Json(DossierList {
        dossiers: dossiers
            .iter()
            .map(|d| view::summary(d, &catalogue))
            .collect(),
    }))
}

#[derive(Deserialize, Default)]
pub struct LookupQuery {
    id_number: Option<String>,
    secret: Option<String>,
}

type Found = portal_api::DossierView<serde_json::Value>;

/// `GET /api/v1/dossiers/{code}`: everything for the applicant and staff; status and
/// timeline for anyone with the code and the applicant's ID number or lookup secret.
#[utoipa::path(
    get,
    path = "/api/v1/dossiers/{code}",
    operation_id = "getDossier",
    tag = "tracking",
    summary = "One dossier: everything for its applicant and for staff; status and timeline for anyone with the code and the applicant's ID number or the lookup secret",
    description = "A wrong code and a wrong credential get the same 404. A client address that made 10 wrong attempts in an hour is refused every lookup (429 lookup_locked with Retry-After); after 10 wrong attempts in an hour on one code, or with one ID number across codes, from any addresses, further wrong attempts on it are refused the same way, but the right credential is still served.",
    params(
        ("code" = String, Path, description = "The dossier code, agency code-YYMMDD-NNNN; case does not matter", max_length = 40),
        ("id_number" = Option<String>, Query, description = "The applicant's 12-digit ID number"),
        ("secret" = Option<String>, Query, description = "The lookup secret from the receipt; case, spaces and hyphens do not matter"),
    ),
    responses(
        (status = 200, description = "The dossier (FullDossier for the applicant and staff, PublicDossier otherwise)", body = portal_api::DossierView),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 429, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn get_dossier(
    OptionalUser(user): OptionalUser,
    client: ClientAddr,
    State(state): State<AppState>,
    Path(code): Path<String>,
    query: Result<Query<LookupQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|e| RequestError::BadQuery(e.body_text()))?;
    let id_number = query
        .id_number
        .map(|s| s.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .filter(|s| !s.is_empty());
    let secret = query
        .secret
        .map(|s| random::normalize_secret(&s))
        .filter(|s| !s.is_empty());
    let has_credential = id_number.is_some() || secret.is_some();
    let Some(code) = portal_api::ids::normalize_dossier_code(&code) else {
        return Err(if has_credential || user.is_some() {
            DossierError::NotFound
        } else {
            DossierError::LookupCredentialsRequired
        }
        .into());
    };
    let now = clock::now();
    let found: Result<Result<Found, DossierError>, crate::db::DbError> = async {
        let mut c = state.db.conn().await?;
        let dossier = store::by_code(&mut c, &code).await?;
        if let (Some(d), Some(u)) = (&dossier, &user) {
            if d.owner == u.subject || u.has_role(StaffRole::DossierOfficer) {
                let files = attachments::store::for_dossier(&mut c, d.id).await?;
                return Ok(Ok(Found::Full(view::full(d, &files, d.owner == u.subject))));
            }
        }
        if !has_credential {
            return Ok(Err(DossierError::LookupCredentialsRequired));
        }
        let since = now - LOOKUP_WINDOW_SECS;
        let locked = DossierError::LookupLocked {
            retry_after: LOOKUP_WINDOW_SECS as u64,
        };
        let client = client.key();
        if store::lookup_failures(&mut c, &client, since).await? >= MAX_LOOKUP_FAILURES {
            return Ok(Err(locked));
        }
        let matches = dossier.as_ref().is_some_and(|d| {
            let by_id = id_number
                .as_deref()
                .is_some_and(|n| random::same_secret(n, &d.applicant_id_number));
            let by_secret = secret.as_deref().is_some_and(|s| {
                random::same_secret(s, &random::normalize_secret(&d.lookup_secret))
            });
            by_id || by_secret
        });
        if let Some(d) = dossier.filter(|_| matches) {
            return Ok(Ok(Found::Public(view::public(&d))));
        }
        // Guessing codes for a known ID number is limited as much as guessing
        // credentials for a known code. ID numbers are kept as digests only.
        let mut targets = vec![code.clone()];
        if let Some(n) = &id_number {
            targets.push(format!("id:{}", random::hex(&Sha256::digest(n.as_bytes()))));
        }
        let mut under_attack = false;
        for target in &targets {
            under_attack |=
                store::lookup_failures(&mut c, target, since).await? >= MAX_TARGET_FAILURES;
        }
        for target in targets.iter().chain([&client]) {
            store::record_lookup_failure(&mut c, target, now, since).await?;
        }
        Ok(Err(if under_attack {
            locked
        } else {
            DossierError::NotFound
        }))
    }
    .await;
    let found = found??;
    Ok(Json(found).into_response())
}

/// This module's routes: a person's dossiers, one dossier, and the staff's view.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use crate::api::private;
    use axum::routing::{get, post};
    use portal_api::paths::template as t;
    table
        .get(t::DOSSIERS, private(get(list_mine)))
        .get(t::DOSSIER, private(get(get_dossier)))
        .get(t::STAFF_DOSSIERS, private(get(staff_list)))
        .post(t::STAFF_DOSSIER_STATUS, private(post(staff_move)))
}
