//! The staff part of the contract: who is signed in, draft catalogues (upload, findings
//! and diff, test submissions in preview, publish) and published versions (rollback).
//! Every state-changing call carries `X-Portal-Request: 1`.

use std::collections::BTreeMap;

use portal_core::catalogue_diff::CatalogueDiff;
use portal_core::form::{Answers, Quote};
use serde::{Deserialize, Serialize};

use super::{get_json, read_response, ApiError};

/// Who is signed in, as far as the staff area cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Viewer {
    SignedOut,
    Citizen,
    Staff { name: String },
}

#[derive(Deserialize)]
struct SessionBody {
    signed_in: bool,
    #[serde(default)]
    user: Option<SessionUser>,
}

#[derive(Deserialize)]
struct SessionUser {
    kind: String,
    #[serde(default)]
    full_name: String,
}

pub async fn viewer() -> Result<Viewer, ApiError> {
    let body: SessionBody = get_json("/api/v1/session").await?;
    Ok(match (body.signed_in, body.user) {
        (true, Some(u)) if u.kind == "staff" => Viewer::Staff { name: u.full_name },
        (true, _) => Viewer::Citizen,
        (false, _) => Viewer::SignedOut,
    })
}

/// A draft id as the contract allows it (it is put into URLs).
pub fn is_draft_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn bad_draft() -> ApiError {
    ApiError::Server {
        status: 404,
        code: "draft_not_found".into(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Finding {
    pub code: String,
    pub severity: String,
    pub file: String,
    #[serde(default)]
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

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DraftReport {
    pub id: String,
    pub version: String,
    pub published_version: String,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<Finding>,
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

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Version {
    pub version: String,
    pub action: String,
    pub published_by: String,
    pub published_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Versions {
    pub current: String,
    pub versions: Vec<Version>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PreviewProblem {
    pub path: String,
    pub message_vi: String,
    pub message_en: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PreviewResult {
    pub sandbox: bool,
    pub accepted: bool,
    pub problems: Vec<PreviewProblem>,
    pub quote: Quote,
}

async fn post<B: Serialize, T: serde::de::DeserializeOwned>(
    url: &str,
    body: Option<&B>,
) -> Result<T, ApiError> {
    let req = gloo_net::http::Request::post(url)
        .header("Accept", "application/json")
        .header("X-Portal-Request", "1");
    let req = match body {
        Some(b) => req.json(b).map_err(|_| ApiError::Malformed)?,
        None => req.build().map_err(|_| ApiError::Malformed)?,
    };
    let res = req.send().await.map_err(|_| ApiError::Network)?;
    read_response(res).await
}

#[derive(Serialize)]
struct DraftUpload<'a> {
    files: &'a BTreeMap<String, String>,
}

/// Uploads a draft catalogue: path inside the catalogue to the file's text.
pub async fn upload_draft(files: &BTreeMap<String, String>) -> Result<DraftReport, ApiError> {
    post("/api/v1/staff/drafts", Some(&DraftUpload { files })).await
}

pub async fn draft(id: &str) -> Result<DraftReport, ApiError> {
    if !is_draft_id(id) {
        return Err(bad_draft());
    }
    get_json(&format!("/api/v1/staff/drafts/{id}")).await
}

pub async fn publish(id: &str) -> Result<Versions, ApiError> {
    if !is_draft_id(id) {
        return Err(bad_draft());
    }
    post::<(), _>(&format!("/api/v1/staff/drafts/{id}/publish"), None).await
}

pub async fn versions() -> Result<Versions, ApiError> {
    get_json("/api/v1/staff/catalog/versions").await
}

pub async fn rollback() -> Result<Versions, ApiError> {
    post::<(), _>("/api/v1/staff/catalog/rollback", None).await
}

#[derive(Serialize)]
struct PreviewSubmission<'a> {
    service_id: &'a str,
    answers: &'a Answers,
}

/// A test submission: checked exactly as a real one, never stored.
pub async fn test_submission(
    draft: &str,
    service_id: &str,
    answers: &Answers,
) -> Result<PreviewResult, ApiError> {
    if !is_draft_id(draft) {
        return Err(bad_draft());
    }
    post(
        &format!("/api/v1/staff/drafts/{draft}/submissions"),
        Some(&PreviewSubmission {
            service_id,
            answers,
        }),
    )
    .await
}

/// Where an uploaded file goes in the catalogue, from its path relative to the chosen
/// folder (or its bare name) and, for a bare name, its text. `None` for files that are
/// not part of a draft (administrative units, notes).
pub fn catalogue_path(relative: &str, text: &str) -> Option<String> {
    let parts: Vec<&str> = relative
        .split(['/', '\\'])
        .filter(|p| !p.is_empty())
        .collect();
    let name = *parts.last()?;
    if !name.ends_with(".toml") {
        return None;
    }
    if name == "topics.toml" {
        return Some(name.to_string());
    }
    match parts.len().checked_sub(2).map(|i| parts[i]) {
        Some(dir @ ("services" | "forms")) => Some(format!("{dir}/{name}")),
        Some(_) => None,
        None => {
            // A bare file: a form has steps, a service does not.
            let is_form = text
                .lines()
                .any(|l| l.trim_start().starts_with("[[steps]]"));
            Some(format!(
                "{}/{name}",
                if is_form { "forms" } else { "services" }
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_a_chosen_folder_and_of_bare_files() {
        assert_eq!(
            catalogue_path("catalog/services/a.toml", ""),
            Some("services/a.toml".into())
        );
        assert_eq!(
            catalogue_path("x/forms/a.toml", ""),
            Some("forms/a.toml".into())
        );
        assert_eq!(
            catalogue_path("catalog/topics.toml", ""),
            Some("topics.toml".into())
        );
        assert_eq!(
            catalogue_path("catalog/admin-units/communes/01.tsv", ""),
            None
        );
        assert_eq!(catalogue_path("catalog/forms/README.md", ""), None);
        assert_eq!(catalogue_path("catalog/other/a.toml", ""), None);
        assert_eq!(
            catalogue_path("a.toml", "id = \"a\""),
            Some("services/a.toml".into())
        );
        assert_eq!(
            catalogue_path("a.toml", "[[steps]]\nid = \"x\""),
            Some("forms/a.toml".into())
        );
    }

    #[test]
    fn preview_links_keep_the_prefix() {
        use crate::api::ApiSource;
        let d = ApiSource::Draft("abc".into());
        assert_eq!(d.href("/"), "/staff/preview/abc");
        assert_eq!(d.href("/?q=x"), "/staff/preview/abc?q=x");
        assert_eq!(d.href("/services/a"), "/staff/preview/abc/services/a");
        assert_eq!(ApiSource::Published.href("/services/a"), "/services/a");
        assert_eq!(ApiSource::from_path("/staff/preview/abc/services/a"), d);
        assert_eq!(
            ApiSource::from_path("/staff/drafts/abc"),
            ApiSource::Published
        );
    }
}
