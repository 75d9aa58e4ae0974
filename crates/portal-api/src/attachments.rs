//! Attachments on the wire: an uploaded file as the API shows it, and the upload limits.

use serde::{Deserialize, Serialize};

/// What the API shows of an uploaded file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    pub id: String,
    pub name: String,
    /// The type sniffed from the content, never taken from the name.
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub created_at: String,
    /// The dossier it was filed with; `null` while pending.
    pub dossier_code: Option<String>,
    /// Added as an additional document after the dossier was submitted.
    pub supplement: bool,
    /// A result document the agency sent, not a file the applicant gave.
    #[serde(default)]
    pub from_agency: bool,
}

/// One accepted file type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptedType {
    pub media_type: String,
    pub extensions: Vec<String>,
}

/// `GET /api/v1/attachments/limits`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachmentLimits {
    pub max_file_bytes: u64,
    pub max_per_dossier: u64,
    pub max_dossier_bytes: u64,
    pub max_pending_per_user: u64,
    pub accepted: Vec<AcceptedType>,
}
