//! The staff part of the contract: who is signed in, draft catalogues (upload, findings
//! and diff, test submissions in preview, publish) and published versions (rollback).
//! Every state-changing call carries `X-Portal-Request: 1`.

use std::collections::BTreeMap;

use portal_api::ids::is_draft_id;
use portal_api::paths;
use portal_core::form::Answers;
use serde::Serialize;

use super::{get_json, read_response, ApiError};

pub use portal_api::staff::{
    DraftReport, Finding, NewDraft, PreviewProblem, PreviewResult, PreviewSubmission,
    VersionEntry as Version, Versions,
};

pub use portal_api::session::StaffRole;

/// Who is signed in, as far as the staff area cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Viewer {
    SignedOut,
    Citizen,
    /// Staff, with the roles the staff directory gives them.
    Staff {
        name: String,
        roles: Vec<StaffRole>,
    },
}

impl Viewer {
    /// Whether the catalogue pages are for them: editors make drafts, publishers
    /// check and publish them.
    pub fn handles_dossiers(&self) -> bool {
        matches!(self, Viewer::Staff { roles, .. } if roles.contains(&StaffRole::DossierOfficer))
    }

    pub fn works_on_catalogue(&self) -> bool {
        matches!(self, Viewer::Staff { roles, .. }
            if roles.contains(&StaffRole::CatalogueEditor)
                || roles.contains(&StaffRole::CataloguePublisher))
    }
}

pub async fn viewer() -> Result<Viewer, ApiError> {
    // The whole session: the staff roles are in it.
    let body: portal_api::session::SessionInfo = get_json(paths::SESSION).await?;
    Ok(match (body.signed_in, body.user, body.staff) {
        (true, Some(u), Some(staff)) => Viewer::Staff {
            name: u.full_name,
            roles: staff.roles,
        },
        (true, _, _) => Viewer::Citizen,
        (false, _, _) => Viewer::SignedOut,
    })
}

fn bad_draft() -> ApiError {
    ApiError::Server {
        status: 404,
        code: "draft_not_found".into(),
    }
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

/// Uploads a draft catalogue: path inside the catalogue to the file's text.
pub async fn upload_draft(files: &BTreeMap<String, String>) -> Result<DraftReport, ApiError> {
    let body = NewDraft {
        files: files.clone(),
    };
    post(paths::STAFF_DRAFTS, Some(&body)).await
}

pub async fn draft(id: &str) -> Result<DraftReport, ApiError> {
    if !is_draft_id(id) {
        return Err(bad_draft());
    }
    get_json(&paths::staff_draft(id)).await
}

pub async fn publish(id: &str) -> Result<Versions, ApiError> {
    if !is_draft_id(id) {
        return Err(bad_draft());
    }
    post::<(), _>(&paths::staff_draft_publish(id), None).await
}

pub use portal_api::staff::{DeliveryEntry, DeliveryList, DeliveryState};

/// The deliveries given up, and how many wait.
pub async fn dead_deliveries() -> Result<DeliveryList, ApiError> {
    get_json(&paths::with_query(
        paths::STAFF_DELIVERIES,
        &[("state", DeliveryState::Dead.as_str())],
    ))
    .await
}

/// Sends a given-up delivery again (the server answers 204).
pub async fn retry_delivery(id: i64) -> Result<(), ApiError> {
    let res = gloo_net::http::Request::post(&paths::staff_delivery_retry(id))
        .header("Accept", "application/json")
        .header("X-Portal-Request", "1")
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    if res.status() == 204 {
        return Ok(());
    }
    read_response::<serde::de::IgnoredAny>(res)
        .await
        .map(|_| ())
}

pub async fn versions() -> Result<Versions, ApiError> {
    get_json(paths::STAFF_VERSIONS).await
}

pub async fn rollback() -> Result<Versions, ApiError> {
    post::<(), _>(paths::STAFF_ROLLBACK, None).await
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
    let body = PreviewSubmission {
        service_id: service_id.to_string(),
        answers: answers.clone(),
    };
    post(&paths::staff_draft_submissions(draft), Some(&body)).await
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

pub async fn feedback() -> Result<portal_api::feedback::FeedbackList, ApiError> {
    get_json(paths::STAFF_FEEDBACK).await
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
