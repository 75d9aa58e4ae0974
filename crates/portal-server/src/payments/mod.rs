//! Paying a dossier's fee through the sandbox payment provider, which stands in for the
//! national payment platform (PayGov). The applicant starts a payment for an unpaid
//! dossier and is sent to the provider's page; there they choose success, failure or
//! cancel; the provider notifies the portal through the signed callback, and sends the
//! browser back. Only the callback changes the dossier, so a browser that never comes
//! back still leaves the dossier right. A failed or cancelled payment can be retried.

pub(crate) mod provider;
mod signature;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_api::{paths, routes};
use sqlx::Row;

use crate::api::body::{read_bytes, read_optional_json};
use crate::api::error::{ErrorCode, RequestError};
use crate::api::ApiError;
use crate::db::{Conn, DbError};
use crate::dossiers::store::{self as dossier_store, Actor, Event, EventKind, PaymentStatus};
use crate::dossiers::DossierError;
use crate::identity::{SameOrigin, SignedIn};
use crate::{clock, html, random, AppState};
pub use provider::{provider_page, provider_submit};
pub use signature::SigningKey;

/// The header carrying the callback's signature: `sha256=<hex HMAC of the body>`.
pub const SIGNATURE_HEADER: &str = "x-sandbox-signature";

/// Why a payment request was refused.
#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("no payment has this id")]
    NotFound,
    #[error("this dossier has no fee to pay")]
    NoFeeDue,
    #[error("the fee of this dossier is already paid")]
    AlreadyPaid,
    #[error("the agency has not yet set the fee of this dossier")]
    FeeNotAssessed,
    #[error("the callback's signature is missing or wrong")]
    BadSignature,
    #[error("the callback does not match the payment (dossier or amount)")]
    Mismatch,
    #[error("this payment has already ended with another outcome")]
    AlreadyCompleted,
    #[error("paying online is not available on this portal yet; pay at the agency")]
    Unavailable,
}

impl ErrorCode for PaymentError {
    fn code(&self) -> &'static str {
        match self {
            PaymentError::NotFound => "payment_not_found",
            PaymentError::NoFeeDue => "no_fee_due",
            PaymentError::AlreadyPaid => "already_paid",
            PaymentError::FeeNotAssessed => "fee_not_assessed",
            PaymentError::BadSignature => "bad_signature",
            PaymentError::Mismatch => "payment_mismatch",
            PaymentError::AlreadyCompleted => "payment_already_completed",
            PaymentError::Unavailable => "payment_unavailable",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            PaymentError::NotFound => StatusCode::NOT_FOUND,
            PaymentError::NoFeeDue
            | PaymentError::AlreadyPaid
            | PaymentError::FeeNotAssessed
            | PaymentError::AlreadyCompleted => StatusCode::CONFLICT,
            PaymentError::BadSignature => StatusCode::UNAUTHORIZED,
            PaymentError::Mismatch => StatusCode::UNPROCESSABLE_ENTITY,
            PaymentError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

/// The attempt's state once the provider reported `outcome`.
fn attempt_status(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Success => "succeeded",
        Outcome::Failure => "failed",
        Outcome::Cancel => "cancelled",
    }
}

/// The payment that settled a dossier's fee: its id (the transaction reference), amount
/// and when the provider confirmed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Settled {
    pub id: String,
    pub amount: i64,
    pub completed_at: i64,
}

pub async fn settled(conn: &mut Conn, dossier_id: i64) -> Result<Option<Settled>, DbError> {
    let row = sqlx::query(
        "SELECT id, amount, completed_at FROM payments
         WHERE dossier_id = $1 AND status = 'succeeded'
         ORDER BY completed_at DESC LIMIT 1",
    )
    .bind(dossier_id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(Settled {
            id: r.try_get(0)?,
            amount: r.try_get(1)?,
            completed_at: r.try_get::<Option<i64>, _>(2)?.unwrap_or_default(),
        })
    })
    .transpose()
}

/// A payment attempt.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub id: String,
    pub dossier_id: i64,
    pub dossier_code: String,
    /// The dossier's owner: the only person a payment link works for.
    pub owner: String,
    pub amount: i64,
    /// `pending`, `succeeded`, `failed` or `cancelled`.
    pub status: String,
    pub return_to: String,
}

pub async fn attempt(conn: &mut Conn, id: &str) -> Result<Option<Attempt>, DbError> {
    let row = sqlx::query(
        "SELECT p.id, p.dossier_id, d.code, p.amount, p.status, p.return_to, d.owner
         FROM payments p JOIN dossiers d ON d.id = p.dossier_id WHERE p.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(Attempt {
            id: r.try_get(0)?,
            dossier_id: r.try_get(1)?,
            dossier_code: r.try_get(2)?,
            amount: r.try_get(3)?,
            status: r.try_get(4)?,
            return_to: r.try_get(5)?,
            owner: r.try_get(6)?,
        })
    })
    .transpose()
}

pub use portal_api::payments::{
    Notification, NotificationReceived, Outcome, PaymentStarted, StartPayment,
};

fn started(a: &Attempt) -> PaymentStarted {
    PaymentStarted {
        payment_id: a.id.clone(),
        dossier_code: a.dossier_code.clone(),
        amount: a.amount,
        status: a.status.clone(),
        pay_url: paths::sandbox_pay(&a.id),
    }
}

/// `POST /api/v1/dossiers/{code}/payments`: starts (or resumes) paying the fee.
#[utoipa::path(
    post,
    path = "/api/v1/dossiers/{code}/payments",
    operation_id = "startPayment",
    tag = "payments",
    summary = "Starts paying an unpaid dossier's fee (or resumes the pending attempt); send the browser to pay_url",
    params(
        ("X-Portal-Request" = String, Header, description = "Any non-empty value. Marks a state-changing call as coming from the portal's own pages: a cross-site page cannot send it without a CORS preflight, which this server never approves. A request without it, or whose Origin / Sec-Fetch-Site names another site, gets 403 cross_site_request"),
        ("code" = String, Path, description = "The dossier code, agency code-YYMMDD-NNNN; case does not matter", max_length = 40),
    ),
    request_body(content = portal_api::payments::StartPayment),
    responses(
        (status = 200, description = "The pending attempt, resumed", body = portal_api::payments::PaymentStarted),
        (status = 201, description = "A new attempt", body = portal_api::payments::PaymentStarted),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 503, description = "Paying online is not available on this portal (payment_unavailable)", body = portal_api::ErrorBody),
    ),
)]
pub async fn start_payment(
    _origin: SameOrigin,
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
    Path(code): Path<String>,
    body: Body,
) -> Result<Response, ApiError> {
    // The sandbox provider is the only one this server has.
    if !state.config.sandbox_payments {
        return Err(PaymentError::Unavailable.into());
    }
    let code = portal_api::ids::normalize_dossier_code(&code).ok_or(DossierError::NotFound)?;
    let request: StartPayment = read_optional_json(body, 4096).await?;
    let return_to = match request.return_to {
        Some(p) if html::is_local_path(&p) => p,
        Some(_) => {
            return Err(RequestError::BadBody(
                "return_to must be a path on this site, such as /dossiers/CODE".into(),
            )
            .into())
        }
        None => routes::dossier(&code),
    };
    let new_id = random::id("pay_").map_err(|e| {
        tracing::error!("payment: {e}");
        ApiError::Internal
    })?;
    let now = clock::now();
    let result: Result<Result<(StatusCode, PaymentStarted), ApiError>, DbError> = async {
        let mut tx = state.db.begin().await?;
        let dossier = dossier_store::by_code(&mut tx, &code).await?;
        let Some(d) = dossier.filter(|d| d.owner == user.subject) else {
            return Ok(Err(ApiError::from(DossierError::NotFound)));
        };
        // Held until commit: two instances starting a payment for one dossier at once
        // take turns, so the second finds the first's pending attempt.
        dossier_store::lock(&mut tx, d.id).await?;
        let d = dossier_store::by_id(&mut tx, d.id).await?.unwrap_or(d);
        let amount = match (d.payment_status, d.fee_amount) {
            (PaymentStatus::Paid, _) => return Ok(Err(PaymentError::AlreadyPaid.into())),
            (PaymentStatus::NotRequired, _) => return Ok(Err(PaymentError::NoFeeDue.into())),
            (PaymentStatus::AwaitingAssessment, _) | (_, None) => {
                return Ok(Err(PaymentError::FeeNotAssessed.into()))
            }
            (PaymentStatus::Unpaid, Some(a)) => a,
        };
        let pending: Option<String> = sqlx::query(
            "SELECT id FROM payments WHERE dossier_id = $1 AND status = 'pending'
             ORDER BY created_at DESC LIMIT 1",
        )
        .bind(d.id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get(0))
        .transpose()?;
        if let Some(id) = pending {
            if let Some(a) = attempt(&mut tx, &id).await? {
                return Ok(Ok((StatusCode::OK, started(&a))));
            }
        }
        sqlx::query(
            "INSERT INTO payments (id, dossier_id, amount, status, return_to, created_at)
             VALUES ($1, $2, $3, 'pending', $4, $5)",
        )
        .bind(&new_id)
        .bind(d.id)
        .bind(amount)
        .bind(&return_to)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let Some(a) = attempt(&mut tx, &new_id).await? else {
            return Ok(Err(PaymentError::NotFound.into()));
        };
        tx.commit().await?;
        Ok(Ok((StatusCode::CREATED, started(&a))))
    }
    .await;
    let result = result??;
    Ok((result.0, Json(result.1)).into_response())
}

/// Applies a verified notification; returns the dossier's payment status after it.
/// A repeated notification with the same outcome changes nothing.
async fn apply(state: &AppState, n: Notification) -> Result<PaymentStatus, ApiError> {
    if !portal_api::ids::is_payment_id(&n.payment_id) {
        return Err(PaymentError::NotFound.into());
    }
    let now = clock::now();
    let status: Result<Result<PaymentStatus, PaymentError>, DbError> = async {
        let mut tx = state.db.begin().await?;
        let Some(a) = attempt(&mut tx, &n.payment_id).await? else {
            return Ok(Err(PaymentError::NotFound));
        };
        if a.dossier_code != n.dossier_code || a.amount != n.amount {
            return Ok(Err(PaymentError::Mismatch));
        }
        // Only a pending attempt completes, and only once: on PostgreSQL a second
        // notification applied at the same moment waits on this row's lock, then finds
        // it no longer pending (READ COMMITTED re-checks the condition) and changes
        // nothing.
        let completed = sqlx::query(
            "UPDATE payments SET status = $2, completed_at = $3
             WHERE id = $1 AND status = 'pending'",
        )
        .bind(&a.id)
        .bind(attempt_status(n.outcome))
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        let current = dossier_store::by_id(&mut tx, a.dossier_id)
            .await?
            .map(|d| d.payment_status)
            .unwrap_or(PaymentStatus::Unpaid);
        if !completed {
            let now_status = attempt(&mut tx, &a.id)
                .await?
                .map(|a| a.status)
                .unwrap_or_default();
            return Ok(if now_status == attempt_status(n.outcome) {
                Ok(current)
            } else {
                Err(PaymentError::AlreadyCompleted)
            });
        }
        let (kind, after) = match n.outcome {
            Outcome::Success => (EventKind::PaymentSucceeded, PaymentStatus::Paid),
            Outcome::Failure => (EventKind::PaymentFailed, current),
            Outcome::Cancel => (EventKind::PaymentCancelled, current),
        };
        dossier_store::set_payment_status(&mut tx, a.dossier_id, after, now).await?;
        dossier_store::add_event(
            &mut tx,
            a.dossier_id,
            &Event {
                at: now,
                kind,
                procedure: None,
                status: None,
                reason: None,
                actor: Actor::Payment,
                due: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(after))
    }
    .await;
    let status = status??;
    Ok(status)
}

/// Verifies, reads and applies a provider notification: the one way into [`apply`],
/// used by the HTTP callback and by the in-process sandbox provider alike.
pub async fn receive(
    state: &AppState,
    body: &[u8],
    signature: &str,
) -> Result<(Notification, PaymentStatus), ApiError> {
    if !state.payment_key.verify(body, signature) {
        return Err(PaymentError::BadSignature.into());
    }
    let n: Notification =
        serde_json::from_slice(body).map_err(|e| RequestError::BadBody(e.to_string()))?;
    let status = apply(state, n.clone()).await?;
    Ok((n, status))
}

/// `POST /api/v1/payments/callback`: the provider's notification, authenticated by its
/// HMAC signature rather than by a session (it comes from the provider, not a browser).
#[utoipa::path(
    post,
    path = "/api/v1/payments/callback",
    operation_id = "paymentCallback",
    tag = "payments",
    summary = "The payment provider's notification of an attempt's outcome, signed with HMAC-SHA256; the only way a dossier becomes paid",
    params(
        ("X-Sandbox-Signature" = String, Header, description = "sha256=<hex HMAC-SHA256 of the body>"),
    ),
    request_body(content = portal_api::payments::Notification),
    responses(
        (status = 200, description = "Applied (a repeat of the same outcome changes nothing)", body = portal_api::payments::NotificationReceived),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 422, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<NotificationReceived>, ApiError> {
    let bytes = read_bytes(body, 4096).await?;
    let signature = headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .ok_or(PaymentError::BadSignature)?;
    let (n, status) = receive(&state, &bytes, signature).await?;
    Ok(Json(NotificationReceived {
        payment_id: n.payment_id,
        outcome: n.outcome,
        payment_status: status,
    }))
}

/// Loads the callback key: the configured one, else the one kept in the database, else
/// `fresh` (a new random key), which is then kept.
pub async fn load_key(
    conn: &mut Conn,
    configured: Option<&str>,
    fresh: &str,
) -> Result<SigningKey, DbError> {
    if let Some(k) = configured {
        return Ok(SigningKey::new(k.as_bytes()));
    }
    crate::db::shared_secret(conn, "payment_callback_key", fresh)
        .await
        .map(|k| SigningKey::new(k.as_bytes()))
}

/// This module's routes: starting a payment, the provider's callback and its sandbox page.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use crate::api::private;
    use axum::routing::{get, post};
    use portal_api::paths::template as t;
    table
        .post(t::DOSSIER_PAYMENTS, private(post(start_payment)))
        .post(t::PAYMENT_CALLBACK, private(post(callback)))
        .get(t::SANDBOX_PAY, get(provider_page))
        .post(t::SANDBOX_PAY, post(provider_submit))
}
