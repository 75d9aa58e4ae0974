//! A signed-in person's unfinished applications, kept on the server as well as on the
//! device so they can be continued on another phone or computer: `GET /api/v1/drafts`
//! lists them, `PUT /api/v1/drafts/{service}` saves one (merged with the copy already
//! kept, question by question, the answer changed last winning), `GET` reads one back and
//! `DELETE` forgets it. Filing the dossier forgets the draft too.

use portal_core::form::Draft;
use serde::{Deserialize, Serialize};

/// Largest draft body accepted, in bytes (answers only: files are uploaded apart).
pub const MAX_DRAFT_BYTES: usize = 512 * 1024;
/// Most unfinished applications one person keeps on the server.
pub const MAX_DRAFTS_PER_PERSON: i64 = 100;

/// One unfinished application, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftSummary {
    /// The service (or bundle) id.
    pub service: String,
    /// When it was last saved, from any device (RFC 3339).
    pub saved_at: String,
    /// The same, Unix milliseconds (for comparing with the device's copy).
    pub saved_at_ms: i64,
    /// How many questions have an answer.
    pub answered: usize,
    /// How many steps the person has continued from.
    pub steps_completed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftList {
    /// Newest first.
    pub drafts: Vec<DraftSummary>,
}

/// The draft as the server now keeps it, after merging what was sent with what it had.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavedDraft {
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub draft: Draft,
    /// Questions whose answer now comes from another device's copy and differs from the
    /// one sent (the page tells the person and shows the newer answer).
    pub from_elsewhere: Vec<String>,
}
