//! The staff part of the contract: draft catalogues (upload, findings and diff, test
//! submissions in preview, publish) and published versions (rollback).

use std::collections::BTreeMap;

use portal_core::catalogue_diff::CatalogueDiff;
use portal_core::form::{Answers, Quote};
use serde::{Deserialize, Serialize};

/// One finding of the catalogue lint, as the staff pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Finding {
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
    /// The same, in Vietnamese.
    #[serde(default)]
    pub message_vi: String,
}

impl Finding {
    /// The message in `lang` (English when a finding from an older server has none).
    pub fn message_in(&self, lang: portal_core::Lang) -> &str {
        match lang {
            portal_core::Lang::Vi if !self.message_vi.is_empty() => &self.message_vi,
            _ => &self.message,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == "error"
    }

    /// `services/x.toml:12`, or just the file when the line is unknown.
    pub fn location(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{l}", self.file),
            None => self.file.clone(),
        }
    }
}

/// What staff see of a draft: its findings and what it would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftReport {
    pub id: String,
    pub version: String,
    pub published_version: String,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<Finding>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub diff: CatalogueDiff,
}

impl DraftReport {
    /// Errors first, then warnings, each in file order.
    pub fn sorted_findings(&self) -> Vec<Finding> {
        let mut f = self.diagnostics.clone();
        f.sort_by(|a, b| (!a.is_error(), &a.file, a.line).cmp(&(!b.is_error(), &b.file, b.line)));
        f
    }
}

/// The body of `POST /api/v1/staff/drafts`: path inside the catalogue to the file's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewDraft {
    pub files: BTreeMap<String, String>,
}

/// The body of `POST /api/v1/staff/drafts/{id}/submissions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PreviewSubmission {
    pub service_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
}

/// A problem with a preview submission's answers, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreviewProblem {
    pub path: String,
    pub message_vi: String,
    pub message_en: String,
}

/// What a real submission would have given; nothing is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreviewResult {
    pub sandbox: bool,
    pub accepted: bool,
    pub problems: Vec<PreviewProblem>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub quote: Quote,
}

/// One published version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionEntry {
    pub version: String,
    pub action: String,
    pub published_by: String,
    pub published_at: String,
    /// Who uploaded the draft that was published (always another person than the
    /// publisher); absent for rollbacks and the deployed version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Versions {
    pub current: String,
    pub versions: Vec<VersionEntry>,
}

/// Where a delivery to an agency's system stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Waiting for its next attempt.
    Pending,
    /// The agency's system acknowledged it.
    Delivered,
    /// Given up after the longest age; staff may send it again.
    Dead,
}

impl DeliveryState {
    pub const ALL: [DeliveryState; 3] = [
        DeliveryState::Pending,
        DeliveryState::Delivered,
        DeliveryState::Dead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Dead => "dead",
        }
    }

    pub fn parse(s: &str) -> Option<DeliveryState> {
        DeliveryState::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// One delivery of a dossier (or of added documents) to an agency's system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryEntry {
    pub id: i64,
    pub delivery_id: String,
    pub dossier_code: String,
    pub system: String,
    pub kind: crate::agency::DeliveryKind,
    pub state: DeliveryState,
    pub attempts: i64,
    pub created_at: String,
    /// When it is tried next (pending only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_attempt_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<String>,
    /// What went wrong last time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
}

/// `GET /api/v1/staff/deliveries`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryList {
    pub deliveries: Vec<DeliveryEntry>,
    /// How many are in each state, over all of them.
    pub pending: i64,
    pub dead: i64,
}
