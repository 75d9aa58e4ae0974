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
    pub message: String,
}

impl Finding {
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
