//! Submitting dossiers: `POST /api/v1/dossiers` turns a checked submission into a dossier
//! with a code, exactly once per Idempotency-Key, and `POST .../documents` adds the
//! documents an agency asked for to the same dossier.

pub mod code;
pub mod filing;
pub mod idempotency;
pub mod numbers;
pub mod rating;
pub mod status;
pub mod store;
pub mod validate;
pub mod view;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_api::ids::normalize_dossier_code;
use portal_api::{paths, ErrorDetails};
use serde_json::Value;

use crate::api::body::read_json;
use crate::api::error::ErrorCode;
use crate::api::ApiError;
use crate::attachments;
use crate::identity::{SameOrigin, SignedIn};
use crate::{clock, random, AppState};
use status::Status;
use store::{Actor, Event, EventKind};
pub use validate::Problem;

/// Largest request body for a submission.
pub const MAX_SUBMISSION_BYTES: usize = 512 * 1024;

/// Why a dossier request was refused.
#[derive(Debug, thiserror::Error)]
pub enum DossierError {
    #[error("send an Idempotency-Key header so that retries cannot create a second dossier")]
    IdempotencyKeyMissing,
    #[error("the Idempotency-Key must be 1 to 128 visible ASCII characters")]
    BadIdempotencyKey,
    #[error("this Idempotency-Key was already used for a different submission")]
    IdempotencyKeyReused,
    #[error("the dossier cannot be accepted as it is ({} problem(s))", .0.len())]
    Invalid(Vec<Problem>),
    #[error("no dossier matches this code and these details")]
    NotFound,
    #[error("give the applicant's ID number or the dossier's lookup secret, or sign in as the applicant")]
    LookupCredentialsRequired,
    #[error(
        "too many wrong attempts from this address, or for this code or ID number; try again later"
    )]
    LookupLocked { retry_after: u64 },
    #[error("a dossier cannot go from {from:?} to {to:?}")]
    InvalidTransition { from: Status, to: Status },
    #[error("say why: the applicant sees the reason")]
    ReasonRequired,
    #[error("the fee has not been paid yet")]
    PaymentOutstanding,
    #[error("this dossier has no linked procedure {0:?}")]
    ProcedureNotInDossier(String),
    #[error("the agency has not asked for additional documents")]
    NotAwaitingDocuments,
    #[error("an attachment changed while the dossier was being saved; try again")]
    AttachmentsChanged,
    #[error("the dossier can be rated once the agency has decided it")]
    NotDecided,
    #[error("this dossier has already been rated")]
    AlreadyRated,
}

impl ErrorCode for DossierError {
    fn code(&self) -> &'static str {
        match self {
            DossierError::IdempotencyKeyMissing => "idempotency_key_missing",
            DossierError::BadIdempotencyKey => "bad_idempotency_key",
            DossierError::IdempotencyKeyReused => "idempotency_key_reused",
            DossierError::Invalid(_) => "invalid_dossier",
            DossierError::NotFound => "dossier_not_found",
            DossierError::LookupCredentialsRequired => "lookup_credentials_required",
            DossierError::LookupLocked { .. } => "lookup_locked",
            DossierError::InvalidTransition { .. } => "invalid_transition",
            DossierError::ReasonRequired => "reason_required",
            DossierError::PaymentOutstanding => "payment_outstanding",
            DossierError::ProcedureNotInDossier(_) => "procedure_not_in_dossier",
            DossierError::NotAwaitingDocuments => "not_awaiting_documents",
            DossierError::AttachmentsChanged => "attachments_changed",
            DossierError::NotDecided => "not_decided",
            DossierError::AlreadyRated => "already_rated",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            DossierError::IdempotencyKeyMissing
            | DossierError::BadIdempotencyKey
            | DossierError::LookupCredentialsRequired => StatusCode::BAD_REQUEST,
            DossierError::IdempotencyKeyReused
            | DossierError::InvalidTransition { .. }
            | DossierError::PaymentOutstanding
            | DossierError::NotAwaitingDocuments
            | DossierError::AttachmentsChanged
            | DossierError::NotDecided
            | DossierError::AlreadyRated => StatusCode::CONFLICT,
            DossierError::Invalid(_)
            | DossierError::ReasonRequired
            | DossierError::ProcedureNotInDossier(_) => StatusCode::UNPROCESSABLE_ENTITY,
            DossierError::NotFound => StatusCode::NOT_FOUND,
            DossierError::LookupLocked { .. } => StatusCode::TOO_MANY_REQUESTS,
        }
    }

    fn details(&self) -> Option<ErrorDetails> {
        match self {
            DossierError::Invalid(problems) => Some(ErrorDetails {
                problems: Some(problems.clone()),
                ..ErrorDetails::default()
            }),
            DossierError::InvalidTransition { from, to } => Some(ErrorDetails {
                from: Some(*from),
                to: Some(*to),
                ..ErrorDetails::default()
            }),
            DossierError::LookupLocked { retry_after } => Some(ErrorDetails {
                retry_after: Some(*retry_after),
                ..ErrorDetails::default()
            }),
            _ => None,
        }
    }

    fn retry_after(&self) -> Option<u64> {
        match self {
            DossierError::LookupLocked { retry_after } => Some(*retry_after),
            _ => None,
        }
    }
}

/// Result of a submission transaction.
enum Submitted {
    Created(String),
    Replayed(u16, String),
}

fn dossier_location(code: &str) -> HeaderValue {
    HeaderValue::from_str(&paths::dossier(code))
        .unwrap_or(HeaderValue::from_static(paths::DOSSIERS))
}

/// `POST /api/v1/dossiers`: read the body, replay a known key, judge the submission with
/// the shared rules (outside the database lock: it is the slow part), then file it.
#[utoipa::path(
    post,
    path = "/api/v1/dossiers",
    operation_id = "submitDossier",
    tag = "dossiers",
    summary = "Submits a dossier. Exactly one dossier per Idempotency-Key: a retry with the same key and body gets the same receipt",
    description = "Re-validated on the server. The receipt carries the dossier code and the lookup secret. A replay answers with the stored receipt and `Idempotent-Replayed: true`; the same key with a different body is refused (idempotency_key_reused).",
    params(
        ("X-Portal-Request" = String, Header, description = "Any non-empty value. Marks a state-changing call as coming from the portal's own pages: a cross-site page cannot send it without a CORS preflight, which this server never approves. A request without it, or whose Origin / Sec-Fetch-Site names another site, gets 403 cross_site_request"),
        ("Idempotency-Key" = String, Header, description = "Chosen by the client for this submission (e.g. the draft's id) and resent on every retry; 1 to 128 visible ASCII characters", max_length = 128),
    ),
    request_body(content = portal_api::Submission),
    responses(
        (status = 201, description = "The dossier was created (or this is the replay of its creation)", body = portal_api::Receipt, headers(("Location" = String), ("Idempotent-Replayed" = String))),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 413, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 422, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn submit(
    _origin: SameOrigin,
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let key = idempotency::key_from(&headers)?;
    let (submission, raw): (validate::Submission, Value) =
        read_json(body, MAX_SUBMISSION_BYTES).await?;
    let fingerprint = idempotency::fingerprint(&raw);
    let catalogue = state.catalogue.current();
    let service = catalogue.service(&submission.service_id).cloned();
    let catalogue_version = catalogue.version.clone();

    // 1. A retry of a filed submission is answered as it was; else read the files named.
    let (subject, k, fp, ids) = (
        user.subject.clone(),
        key.clone(),
        fingerprint.clone(),
        submission.attachments.clone(),
    );
    let seen: Result<_, crate::db::DbError> = async {
        let mut c = state.db.conn().await?;
        // The files first, then the key: a concurrent filing of the same key that
        // claimed the files had committed its key too, so it is seen here and this is
        // answered as a replay, not refused for files "already in a dossier".
        let files = attachments::store::get_many(&mut c, &ids).await?;
        Ok(match idempotency::find(&mut c, &subject, &k).await? {
            Some(stored) => Err(replay(stored, &fp)),
            None => Ok(files),
        })
    }
    .await;
    let seen = seen?;
    let found = match seen {
        Err(answer) => return respond(answer?),
        Ok(found) => found,
    };

    // 2. The shared rules, with the real administrative units and today in Vietnam.
    let cx = validate::Context {
        today: clock::today(),
        lang: crate::api::request_lang(&headers),
        units: state
            .admin_units
            .as_deref()
            .map(|u| &u.units as &dyn portal_core::form::AdminUnits),
    };
    let valid = validate::validate(service.as_ref(), &user, &submission, &found, cx)
        .map_err(DossierError::Invalid)?;

    // 3. File it, exactly once per key.
    let secret = random::typable_secret().map_err(|e| {
        tracing::error!("submit: {e}");
        ApiError::Internal
    })?;
    let now = clock::now();
    // Where it goes: the receiving agency for the place the applicant chose.
    let routed = service
        .as_ref()
        .and_then(|s| {
            crate::agencies::route(
                s,
                valid.place.as_ref(),
                state.admin_units.as_deref().map(|u| &u.units),
            )
        })
        .map(|r| store::Routed::from(&r));
    let delivery_id = random::id("dlv_").map_err(|e| {
        tracing::error!("submit: {e}");
        ApiError::Internal
    })?;
    // Due by the service's processing time, counted as the receipt counts it.
    let due_on = service
        .as_ref()
        .and_then(|s| s.processing_time.working_days)
        .map(|days| portal_core::statistics::due_date(clock::today(), days).iso());
    let filing = Filing {
        due_on: due_on.as_deref(),
        routed: routed.as_ref(),
        delivery_id: &delivery_id,
        user: &user,
        submission: &submission,
        valid: &valid,
        key: &key,
        fingerprint: &fingerprint,
        catalogue_version: &catalogue_version,
        secret: &secret,
        now,
    };
    let outcome = match file_once(&state, &filing).await {
        // Another request filed the same key between our check and our write: its
        // transaction won the key, ours rolled back; answer with its receipt.
        Err(e) if e.is_unique_violation() => {
            let mut c = state.db.conn().await?;
            match idempotency::find(&mut c, &user.subject, &key).await? {
                Some(stored) => replay(stored, &fingerprint),
                None => file_once(&state, &filing).await?,
            }
        }
        other => other?,
    };
    let outcome = outcome?;
    if matches!(outcome, Submitted::Created(_)) && routed.is_some() {
        state.delivery_wake.notify_one();
    }
    respond(outcome)
}

/// What one submission files, once judged valid.
struct Filing<'a> {
    due_on: Option<&'a str>,
    routed: Option<&'a store::Routed>,
    delivery_id: &'a str,
    user: &'a crate::identity::User,
    submission: &'a validate::Submission,
    valid: &'a validate::Valid,
    key: &'a str,
    fingerprint: &'a str,
    catalogue_version: &'a str,
    secret: &'a str,
    now: i64,
}

/// Files the dossier, all or nothing: the code, the dossier, the stored answer to the
/// key and its files. A concurrent filing of the same key (a retry that got past the
/// check before this one committed) makes the key's insert fail with a unique
/// violation, and the caller answers with the winner's receipt.
///
/// In a transaction, unless PostgreSQL can do it all in its one statement
/// ([`filing`]): when the number was reserved beforehand and there are no files to
/// claim (claiming checks each file and may have to undo the filing).
async fn file_once(
    state: &AppState,
    f: &Filing<'_>,
) -> Result<Result<Submitted, DossierError>, crate::db::DbError> {
    let engine = state.db.engine();
    let mut number = state
        .dossier_numbers
        .ticket(&state.db, code::SANDBOX_AGENCY, f.now)
        .await?;
    let one_statement = engine == crate::db::Engine::Postgres
        && f.valid.attachments.is_empty()
        && number.reserved_code().is_some();
    let mut conn = if one_statement {
        crate::db::Writing::Statement(state.db.conn().await?)
    } else {
        crate::db::Writing::Transaction(state.db.begin().await?)
    };
    let code = number.code(&mut conn).await?;
    let business = match f.submission.applicant {
        validate::ApplicantKind::Business => f.user.business.as_ref(),
        validate::ApplicantKind::Citizen => None,
    };
    let new = store::NewDossier {
        code: &code,
        owner: &f.user.subject,
        applicant_kind: f.submission.applicant.slug(),
        applicant_id_number: &f.user.id_number,
        applicant_name: business.map_or(&f.user.full_name, |b| &b.name),
        applicant_tax_code: business.map(|b| b.tax_code.as_str()),
        lookup_secret: f.secret,
        service_id: &f.submission.service_id,
        catalogue_version: f.catalogue_version,
        answers_json: &f.valid.answers_json,
        procedures: &f.valid.procedures,
        fee_amount: f.valid.fee_amount,
        payment_status: f.valid.payment,
        agency: f.routed,
        now: f.now,
        due_on: f.due_on,
        province: f.valid.place.as_ref().map(|p| p.province.as_str()),
        at_centre: false,
        generated: false,
        among_others: number.among_others(),
    };
    // The receipt is made from what is written, not read back; it does not show the
    // dossier's id, which the database gives (a test holds it so).
    let receipt = serde_json::to_string(&view::receipt(
        &store::as_inserted(0, &new),
        &f.valid.attachments,
    ))
    .unwrap_or_default();
    if one_statement {
        // Once sent, the statement may commit even if its answer is lost.
        number.committing();
    }
    let rows = filing::Filing {
        dossier: &new,
        key: f.key,
        fingerprint: f.fingerprint,
        receipt: &receipt,
        delivery_id: f.delivery_id,
    };
    let id = filing::write(&mut conn, engine, &rows).await?;
    let moved = attachments::store::claim(
        &mut conn,
        &f.valid.attachments,
        &f.user.subject,
        id,
        false,
        f.now,
    )
    .await?;
    if moved != f.valid.attachments.len() {
        return Ok(Err(DossierError::AttachmentsChanged));
    }
    number.committing();
    conn.finish().await?;
    Ok(Ok(Submitted::Created(receipt)))
}

/// The stored answer to a key seen before, if the body is the same one.
fn replay(stored: idempotency::Stored, fingerprint: &str) -> Result<Submitted, DossierError> {
    if stored.fingerprint == fingerprint {
        Ok(Submitted::Replayed(stored.status, stored.response))
    } else {
        Err(DossierError::IdempotencyKeyReused)
    }
}

fn respond(outcome: Submitted) -> Result<Response, ApiError> {
    let (status, body, replayed) = match outcome {
        Submitted::Created(body) => (StatusCode::CREATED, body, false),
        Submitted::Replayed(status, body) => (
            StatusCode::from_u16(status).unwrap_or(StatusCode::CREATED),
            body,
            true,
        ),
    };
    let code = serde_json::from_str::<Value>(&body)
        .ok()
        .and_then(|v| v["code"].as_str().map(str::to_string))
        .unwrap_or_default();
    let mut res = (
        status,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::LOCATION, dossier_location(&code)),
        ],
        body,
    )
        .into_response();
    if replayed {
        res.headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(res)
}

pub use portal_api::AddDocuments;

/// `POST /api/v1/dossiers/{code}/documents`: the applicant adds the documents the agency
/// asked for; the procedures waiting for them go back to processing. Sending the same
/// documents again after success answers with the dossier as it is (a safe retry).
#[utoipa::path(
    post,
    path = "/api/v1/dossiers/{code}/documents",
    operation_id = "addDocuments",
    tag = "dossiers",
    summary = "The applicant adds the documents the agency asked for to the same dossier; the procedures waiting for them go back to processing",
    description = "Sending the same documents again after success answers 200 with the dossier as it is.",
    params(
        ("X-Portal-Request" = String, Header, description = "Any non-empty value. Marks a state-changing call as coming from the portal's own pages: a cross-site page cannot send it without a CORS preflight, which this server never approves. A request without it, or whose Origin / Sec-Fetch-Site names another site, gets 403 cross_site_request"),
        ("code" = String, Path, description = "The dossier code, agency code-YYMMDD-NNNN; case does not matter", max_length = 40),
    ),
    request_body(content = portal_api::AddDocuments),
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
pub async fn add_documents(
    _origin: SameOrigin,
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<view::FullView>, ApiError> {
    let lang = crate::api::request_lang(&headers);
    let code = normalize_dossier_code(&code).ok_or(DossierError::NotFound)?;
    let (request, _): (AddDocuments, Value) = read_json(body, 64 * 1024).await?;
    let note = request
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    if note
        .as_ref()
        .is_some_and(|n| n.chars().count() > validate::MAX_NOTE_CHARS)
    {
        return Err(DossierError::Invalid(vec![Problem::new(
            "note",
            "note_too_long",
            format!(
                "the note may be at most {} characters",
                validate::MAX_NOTE_CHARS
            ),
        )])
        .into());
    }
    let now = clock::now();
    let delivery_id = random::id("dlv_").map_err(|_| ApiError::Internal)?;
    let result: Result<Result<view::FullView, DossierError>, crate::db::DbError> = async {
        let mut tx = state.db.begin().await?;
        let Some(dossier) = store::by_code(&mut tx, &code).await? else {
            return Ok(Err(DossierError::NotFound));
        };
        if dossier.owner != user.subject {
            return Ok(Err(DossierError::NotFound));
        }
        // Two instances adding documents at once take turns on the dossier's row.
        store::lock(&mut tx, dossier.id).await?;
        let Some(dossier) = store::by_id(&mut tx, dossier.id).await? else {
            return Ok(Err(DossierError::NotFound));
        };
        let already = attachments::store::for_dossier(&mut tx, dossier.id).await?;
        let all_there = !request.attachments.is_empty()
            && request
                .attachments
                .iter()
                .all(|id| already.iter().any(|a| a.id == *id && a.supplement));
        if all_there {
            return Ok(Ok(view::full(&dossier, &already, true)));
        }
        let waiting: Vec<(String, Status)> = dossier
            .procedures
            .iter()
            .filter(|p| p.status == Status::AdditionalDocumentsRequested)
            .map(|p| (p.service_id.clone(), Status::InProcessing))
            .collect();
        if waiting.is_empty() {
            return Ok(Err(DossierError::NotAwaitingDocuments));
        }
        let mut problems = Vec::new();
        if request.attachments.is_empty() {
            problems.push(Problem::new(
                "attachments",
                "attachments_required",
                "add at least one document",
            ));
        }
        let found = attachments::store::get_many(&mut tx, &request.attachments).await?;
        problems.extend(validate::check_attachments(
            &request.attachments,
            &found,
            &user.subject,
            &already,
            "attachments",
            lang,
        ));
        if !problems.is_empty() {
            return Ok(Err(DossierError::Invalid(problems)));
        }
        let moved = attachments::store::claim(
            &mut tx,
            &request.attachments,
            &user.subject,
            dossier.id,
            true,
            now,
        )
        .await?;
        if moved != request.attachments.len() {
            return Ok(Err(DossierError::AttachmentsChanged));
        }
        store::set_procedure_statuses(&mut tx, dossier.id, &waiting, now).await?;
        store::add_event(
            &mut tx,
            dossier.id,
            &Event {
                at: now,
                kind: EventKind::DocumentsAdded,
                procedure: None,
                status: Some(Status::InProcessing),
                reason: note.clone(),
                actor: Actor::Applicant,
                due: None,
            },
        )
        .await?;
        // The documents go to the agency the dossier went to, the same way.
        if let Some(agency) = &dossier.agency {
            let owed = crate::agencies::outbox::Owed {
                delivery_id: &delivery_id,
                dossier_id: dossier.id,
                system: &agency.system,
                kind: portal_api::agency::DeliveryKind::Documents,
                files: &request.attachments,
                note: note.as_deref(),
            };
            crate::agencies::outbox::enqueue(&mut tx, &owed, clock::now_ms()).await?;
        }
        let (Some(dossier), files) = (
            store::by_id(&mut tx, dossier.id).await?,
            attachments::store::for_dossier(&mut tx, dossier.id).await?,
        ) else {
            return Ok(Err(DossierError::NotFound));
        };
        tx.commit().await?;
        Ok(Ok(view::full(&dossier, &files, true)))
    }
    .await;
    let result = result??;
    state.delivery_wake.notify_one();
    Ok(Json(result))
}

/// This module's routes: filing a dossier and adding requested documents.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use crate::api::private;
    use axum::routing::post;
    use portal_api::paths::template as t;
    table
        .post(t::DOSSIERS, private(post(submit)))
        .post(t::DOSSIER_DOCUMENTS, private(post(add_documents)))
        .post(t::DOSSIER_RATING, private(post(rating::rate)))
}
