//! The contract between the portal and the agencies' systems, both ways, written once:
//! what the portal delivers (a dossier, or documents added to one) and the status events
//! an agency system sends back. The portal server and the agency sandbox both use these
//! types; messages are signed as `agency-link` describes.
//!
//! Delivery: `POST {system endpoint}/dossiers` with a [`Delivery`]; the agency answers
//! 2xx once it has stored it (then the portal never sends it again), anything else and
//! the portal retries. A delivery may arrive twice (after a crash or a lost answer): the
//! agency keeps the first by [`Delivery::delivery_id`].
//!
//! Events: `POST /api/v1/agency/events` on the portal with an [`AgencyEvent`]; the portal
//! answers [`EventOutcome`].

use serde::{Deserialize, Serialize};

/// What one delivery carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryKind {
    /// A new dossier.
    Dossier,
    /// Documents the applicant added after the agency asked for them.
    Documents,
}

/// The agency that receives a dossier: a Public Administration Service Centre or a
/// ministry, and the system that serves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceivingAgency {
    /// The agency system's id (`province-79`, `ministry-moet`).
    pub system: String,
    /// The receiving agency's own code: the system and the administrative unit.
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
}

/// A file delivered with a dossier, its bytes in base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveredFile {
    pub id: String,
    /// The question it answers.
    pub field: String,
    pub name: String,
    pub content_type: String,
    pub size: u64,
    /// Lowercase hex SHA-256 of the bytes.
    pub sha256: String,
    pub data_base64: String,
}

/// `POST {endpoint}/dossiers`: one dossier, or documents added to one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Delivery {
    /// Unique per delivery; the same delivery sent again carries the same id.
    pub delivery_id: String,
    pub kind: DeliveryKind,
    pub dossier_code: String,
    pub service_id: String,
    pub service_name_vi: String,
    /// The linked procedures (one for a single service).
    pub procedures: Vec<String>,
    pub agency: ReceivingAgency,
    /// RFC 3339, when the dossier was submitted.
    pub submitted_at: String,
    pub applicant_name: String,
    /// The applicant's personal ID number (12 digits).
    pub applicant_id_number: String,
    /// The answers as validated and stored (a [`Dossier`](crate::dossiers) form's JSON);
    /// absent for [`DeliveryKind::Documents`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub answers: Option<serde_json::Value>,
    /// The applicant's note with added documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub files: Vec<DeliveredFile>,
}

/// The agency's answer to a delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryAck {
    pub delivery_id: String,
    /// False when the agency had it already (a repeat); either way, delivered.
    pub first_time: bool,
}

/// A result document sent with [`AgencyEventKind::ResultReady`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultDocument {
    pub name: String,
    pub content_type: String,
    pub data_base64: String,
}

/// What happened at the agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AgencyEventKind {
    /// The agency's system has the dossier and an officer will check it.
    Received,
    /// The applicant must add documents by `deadline` (`YYYY-MM-DD`, Vietnam).
    DocumentsRequested {
        documents: Vec<String>,
        deadline: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// An officer is processing it.
    Processing,
    /// Decided: a result document to download, or a note saying where to collect it.
    ResultReady {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        result: Option<ResultDocument>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pickup_note: Option<String>,
    },
    /// Refused, with the reason.
    Refused { reason: String },
}

/// `POST /api/v1/agency/events`: one status event for one dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgencyEvent {
    /// Unique per agency system; an event sent again with the same id changes nothing.
    pub event_id: String,
    pub dossier_code: String,
    /// Increasing per dossier: an event older than one already applied is not applied.
    pub sequence: u64,
    /// RFC 3339, when it happened at the agency.
    pub at: String,
    #[serde(flatten)]
    pub kind: AgencyEventKind,
}

/// What the portal did with an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventOutcome {
    /// Applied now.
    Applied,
    /// Applied before, under the same event id: nothing changed.
    Duplicate,
    /// Older than an event already applied to the dossier: recorded, not applied.
    Stale,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventReply {
    pub event_id: String,
    pub outcome: EventOutcome,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_read_as_the_agency_writes_them() {
        let e: AgencyEvent = serde_json::from_str(
            r#"{"event_id":"e1","dossier_code":"X-1","sequence":2,"at":"2026-12-04T10:00:00+07:00",
                "type":"documents_requested","documents":["Giấy chứng sinh"],"deadline":"2026-12-15"}"#,
        )
        .unwrap();
        assert_eq!(
            e.kind,
            AgencyEventKind::DocumentsRequested {
                documents: vec!["Giấy chứng sinh".into()],
                deadline: "2026-12-15".into(),
                note: None
            }
        );
        let back: AgencyEvent = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
        assert_eq!(back, e);
        assert!(serde_json::from_str::<AgencyEvent>(
            r#"{"event_id":"e1","dossier_code":"X-1","sequence":2,"at":"x","type":"approve"}"#
        )
        .is_err());
    }
}
