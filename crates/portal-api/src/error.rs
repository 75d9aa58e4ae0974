//! The error body every refusal carries: a stable code clients act on, a message for
//! developers and logs, and, where the client can act on them, typed details.

use serde::{Deserialize, Serialize};

use crate::dossiers::Problem;
use crate::status::DossierStatus;

/// `{"error": {...}}`. `D` is how the details are read: a client that needs only the
/// code reads them as `serde::de::IgnoredAny`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(bound = ""))]
pub struct ErrorBody<D = ErrorDetails> {
    #[cfg_attr(feature = "openapi", schema(value_type = ErrorDetail))]
    pub error: ErrorDetail<D>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(bound = ""))]
pub struct ErrorDetail<D = ErrorDetails> {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<ErrorDetails>))]
    pub details: Option<D>,
    /// The request's id, as in the `X-Request-Id` header and the server's log lines:
    /// what a person quotes to the help desk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// What some refusals add; each field belongs to the codes named beside it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetails {
    /// `invalid_dossier`: what to fix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problems: Option<Vec<Problem>>,
    /// `invalid_transition`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<DossierStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<DossierStatus>,
    /// `lookup_locked`: seconds until a retry may succeed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// `body_too_large`, `file_too_large`, `dossier_quota_exceeded`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_bytes: Option<u64>,
    /// `dossier_quota_exceeded`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_files: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_files: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_bytes: Option<u64>,
    /// `too_many_pending`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_pending: Option<u64>,
    /// The media types of a refused file: what its content is, and what its name says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detected: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub named: Option<String>,
    /// `unsupported_type`: the media types accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<Vec<String>>,
}

impl ErrorBody {
    /// The problems of an `invalid_dossier` refusal; empty when there are none.
    pub fn problems(&self) -> &[Problem] {
        self.error
            .details
            .as_ref()
            .and_then(|d| d.problems.as_deref())
            .unwrap_or_default()
    }
}
