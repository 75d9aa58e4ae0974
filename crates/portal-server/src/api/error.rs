//! API errors: each has a stable code clients can act on, an HTTP status and a message.
//! The web app shows its own translated text keyed by the code; the message is for
//! developers and logs.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_api::{ErrorBody, ErrorDetail, ErrorDetails};

use crate::agencies::events::AgencyError;
use crate::attachments::{AttachmentError, FileType};
use crate::dossiers::status::Status;
use crate::dossiers::DossierError;
use crate::identity::AuthError;
use crate::payments::PaymentError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("there is no API route at this address")]
    NoRoute,
    #[error("{0:?} is not a valid service id")]
    BadServiceId(String),
    #[error("no service has the id {0:?}")]
    ServiceNotFound(String),
    #[error("the server could not complete the request")]
    Internal,
    #[error("{0:?} is not a province code (two digits, e.g. 01)")]
    BadProvinceCode(String),
    #[error("no province has the code {0:?}")]
    ProvinceNotFound(String),
    #[error("the old address query is not usable: {0}")]
    BadLegacyQuery(String),
    #[error("the administrative units are not installed on this server")]
    AdminUnitsUnavailable,
    #[error("the database does not answer right now; nothing was changed, try again shortly")]
    DatabaseUnavailable,
    #[error(transparent)]
    Request(#[from] RequestError),
    #[error(transparent)]
    Auth(#[from] AuthError),
    #[error(transparent)]
    Attachment(#[from] AttachmentError),
    #[error(transparent)]
    Dossier(#[from] DossierError),
    #[error(transparent)]
    Payment(#[from] PaymentError),
    #[error(transparent)]
    Draft(#[from] crate::drafts::DraftError),
    #[error(transparent)]
    Feedback(#[from] crate::feedback::FeedbackError),
    #[error(transparent)]
    StaffCatalog(#[from] crate::staff_catalog::StaffCatalogError),
    #[error(transparent)]
    Agency(#[from] crate::agencies::events::AgencyError),
    #[error(transparent)]
    Statistics(#[from] crate::statistics::StatisticsError),
}

/// What a module error tells the client: a stable code, an HTTP status and, where the
/// client can act on them, structured details (limits, field problems).
pub trait ErrorCode: std::error::Error {
    fn code(&self) -> &'static str;
    fn status(&self) -> StatusCode;
    fn details(&self) -> Option<ErrorDetails> {
        None
    }
    /// Seconds after which retrying may succeed (sent as `Retry-After`).
    fn retry_after(&self) -> Option<u64> {
        None
    }
}

/// A request the server cannot read: the body, a header or a query parameter.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("the request body is not valid JSON for this operation: {0}")]
    BadBody(String),
    #[error("the request body is larger than {max_bytes} bytes")]
    BodyTooLarge { max_bytes: usize },
    #[error("the query parameters are not valid: {0}")]
    BadQuery(String),
    #[error("this change must come from the portal itself (same origin, with the X-Portal-Request header)")]
    CrossSite,
    #[error("the request could not be read completely")]
    Incomplete,
}

impl ErrorCode for RequestError {
    fn code(&self) -> &'static str {
        match self {
            RequestError::BadBody(_) => "bad_request_body",
            RequestError::BodyTooLarge { .. } => "body_too_large",
            RequestError::BadQuery(_) => "bad_query",
            RequestError::CrossSite => "cross_site_request",
            RequestError::Incomplete => "incomplete_request",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            RequestError::BadBody(_) | RequestError::BadQuery(_) | RequestError::Incomplete => {
                StatusCode::BAD_REQUEST
            }
            RequestError::BodyTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            RequestError::CrossSite => StatusCode::FORBIDDEN,
        }
    }

    fn details(&self) -> Option<ErrorDetails> {
        match self {
            RequestError::BodyTooLarge { max_bytes } => Some(ErrorDetails {
                max_bytes: Some(*max_bytes as u64),
                ..ErrorDetails::default()
            }),
            _ => None,
        }
    }
}

impl From<crate::db::DbError> for ApiError {
    fn from(e: crate::db::DbError) -> Self {
        if e.is_unavailable() {
            // The transaction did not commit: the client may send the same request
            // again (with the same Idempotency-Key for a submission).
            tracing::warn!("database unavailable: {e}");
            return ApiError::DatabaseUnavailable;
        }
        tracing::error!("database: {e}");
        ApiError::Internal
    }
}

/// Seconds a client is asked to wait before retrying when the database is away.
pub const DATABASE_RETRY_AFTER: u64 = 5;

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::NoRoute => "no_route",
            ApiError::BadServiceId(_) => "bad_service_id",
            ApiError::ServiceNotFound(_) => "service_not_found",
            ApiError::Internal => "internal",
            ApiError::Request(e) => e.code(),
            ApiError::Auth(e) => e.code(),
            ApiError::Attachment(e) => e.code(),
            ApiError::Dossier(e) => e.code(),
            ApiError::Payment(e) => e.code(),
            ApiError::Draft(e) => e.code(),
            ApiError::Feedback(e) => e.code(),
            ApiError::StaffCatalog(e) => e.code(),
            ApiError::Agency(e) => e.code(),
            ApiError::Statistics(e) => e.code(),
            ApiError::BadProvinceCode(_) => "bad_province_code",
            ApiError::ProvinceNotFound(_) => "province_not_found",
            ApiError::BadLegacyQuery(_) => "bad_legacy_query",
            ApiError::AdminUnitsUnavailable => "admin_units_unavailable",
            ApiError::DatabaseUnavailable => "database_unavailable",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::NoRoute | ApiError::ServiceNotFound(_) | ApiError::ProvinceNotFound(_) => {
                StatusCode::NOT_FOUND
            }
            ApiError::BadServiceId(_)
            | ApiError::BadProvinceCode(_)
            | ApiError::BadLegacyQuery(_) => StatusCode::BAD_REQUEST,
            ApiError::AdminUnitsUnavailable | ApiError::DatabaseUnavailable => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::Request(e) => e.status(),
            ApiError::Auth(e) => e.status(),
            ApiError::Attachment(e) => e.status(),
            ApiError::Dossier(e) => e.status(),
            ApiError::Payment(e) => e.status(),
            ApiError::Draft(e) => e.status(),
            ApiError::Feedback(e) => e.status(),
            ApiError::StaffCatalog(e) => e.status(),
            ApiError::Agency(e) => e.status(),
            ApiError::Statistics(e) => e.status(),
        }
    }

    fn inner(&self) -> Option<&dyn ErrorCode> {
        match self {
            ApiError::Request(e) => Some(e),
            ApiError::Auth(e) => Some(e),
            ApiError::Attachment(e) => Some(e),
            ApiError::Dossier(e) => Some(e),
            ApiError::Payment(e) => Some(e),
            ApiError::Draft(e) => Some(e),
            ApiError::Feedback(e) => Some(e),
            ApiError::StaffCatalog(e) => Some(e),
            ApiError::Agency(e) => Some(e),
            ApiError::Statistics(e) => Some(e),
            _ => None,
        }
    }

    pub fn details(&self) -> Option<ErrorDetails> {
        self.inner().and_then(|e| e.details())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let retry_after = match self {
            ApiError::DatabaseUnavailable => Some(DATABASE_RETRY_AFTER),
            _ => self.inner().and_then(|e| e.retry_after()),
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code().to_string(),
                message: self.to_string(),
                details: self.details(),
                request_id: crate::request_id::current(),
            },
        };
        let mut res = (self.status(), Json(body)).into_response();
        if let Some(secs) = retry_after {
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        res
    }
}

/// One of every error the API can answer with: the document lists their codes.
pub fn every_error() -> Vec<ApiError> {
    vec![
        ApiError::NoRoute,
        ApiError::BadServiceId(String::new()),
        ApiError::ServiceNotFound(String::new()),
        ApiError::Internal,
        ApiError::BadProvinceCode(String::new()),
        ApiError::ProvinceNotFound(String::new()),
        ApiError::BadLegacyQuery(String::new()),
        ApiError::AdminUnitsUnavailable,
        ApiError::DatabaseUnavailable,
        RequestError::BadBody(String::new()).into(),
        RequestError::BodyTooLarge { max_bytes: 1 }.into(),
        RequestError::BadQuery(String::new()).into(),
        RequestError::CrossSite.into(),
        RequestError::Incomplete.into(),
        AuthError::NotSignedIn.into(),
        AuthError::SessionExpired.into(),
        AuthError::StaffOnly.into(),
        AttachmentError::NotFound.into(),
        AttachmentError::FileTooLarge { max_bytes: 1 }.into(),
        AttachmentError::Empty.into(),
        AttachmentError::UnsupportedType {
            detected: "unknown",
        }
        .into(),
        AttachmentError::TypeMismatch {
            named: FileType::Pdf,
            detected: FileType::Png,
        }
        .into(),
        AttachmentError::Damaged(FileType::Pdf).into(),
        AttachmentError::BadName.into(),
        AttachmentError::BadUploadFormat.into(),
        AttachmentError::TooManyPending { max: 1 }.into(),
        AttachmentError::QuotaExceeded {
            max_files: 1,
            max_bytes: 1,
            used_files: 1,
            used_bytes: 1,
        }
        .into(),
        AttachmentError::InUse.into(),
        DossierError::IdempotencyKeyMissing.into(),
        DossierError::BadIdempotencyKey.into(),
        DossierError::IdempotencyKeyReused.into(),
        DossierError::Invalid(vec![]).into(),
        DossierError::NotFound.into(),
        DossierError::LookupCredentialsRequired.into(),
        DossierError::LookupLocked { retry_after: 1 }.into(),
        DossierError::InvalidTransition {
            from: Status::Received,
            to: Status::Approved,
        }
        .into(),
        DossierError::ReasonRequired.into(),
        DossierError::PaymentOutstanding.into(),
        DossierError::ProcedureNotInDossier(String::new()).into(),
        DossierError::NotAwaitingDocuments.into(),
        DossierError::AttachmentsChanged.into(),
        DossierError::NotDecided.into(),
        DossierError::AlreadyRated.into(),
        PaymentError::NotFound.into(),
        PaymentError::NoFeeDue.into(),
        PaymentError::AlreadyPaid.into(),
        PaymentError::FeeNotAssessed.into(),
        PaymentError::BadSignature.into(),
        PaymentError::Mismatch.into(),
        PaymentError::AlreadyCompleted.into(),
        crate::drafts::DraftError::TooMany.into(),
        crate::feedback::FeedbackError::Invalid(vec![]).into(),
        crate::feedback::FeedbackError::TooMany.into(),
        crate::drafts::DraftError::OtherService(String::new()).into(),
        crate::staff_catalog::StaffCatalogError::DraftNotFound.into(),
        crate::staff_catalog::StaffCatalogError::DraftHasErrors(1).into(),
        crate::staff_catalog::StaffCatalogError::NoPreviousVersion.into(),
        crate::staff_catalog::StaffCatalogError::NoForm("x".into()).into(),
        AgencyError::Signature(agency_link::SignatureError::Mismatch).into(),
        AgencyError::Signature(agency_link::SignatureError::Expired).into(),
        AgencyError::Signature(agency_link::SignatureError::UnknownSystem(String::new())).into(),
        AgencyError::UnknownDossier.into(),
        AgencyError::InvalidEvent(String::new()).into(),
        AgencyError::InvalidTransition { from: "received" }.into(),
        AgencyError::DeliveryNotFound.into(),
        AgencyError::DeliveryNotDead.into(),
        crate::statistics::StatisticsError::BadFilter(String::new()).into(),
        crate::statistics::StatisticsError::PeriodOutOfRange.into(),
        crate::statistics::StatisticsError::NoSuchTable.into(),
    ]
}

impl ApiError {
    /// A service id from a request's path, refused as `bad_service_id` (at most its first
    /// 80 characters repeated) unless it has the catalogue's shape.
    pub fn check_service_id(id: &str) -> Result<(), ApiError> {
        if portal_core::ServiceId::is_valid(id) {
            Ok(())
        } else {
            Err(ApiError::BadServiceId(id.chars().take(80).collect()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_code_is_in_the_contract_and_unique() {
        use serde_json::Value;
        let doc: Value = serde_json::from_str(include_str!("../../openapi.json")).unwrap();
        let documented: Vec<&str> = doc["components"]["schemas"]["ErrorDetail"]["properties"]
            ["code"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let mut seen = std::collections::HashSet::new();
        for e in every_error() {
            assert!(
                documented.contains(&e.code()),
                "{} is not in openapi.json",
                e.code()
            );
            assert!(seen.insert(e.code()), "{} is used twice", e.code());
            assert!(!e.to_string().is_empty());
            assert!(e.status().is_client_error() || e.status().is_server_error());
        }
        assert_eq!(
            seen.len(),
            documented.len(),
            "openapi.json lists codes never used"
        );
    }

    #[test]
    fn lockouts_say_when_to_retry() {
        let res = ApiError::from(DossierError::LookupLocked { retry_after: 60 }).into_response();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.headers()[header::RETRY_AFTER], "60");
    }
}
