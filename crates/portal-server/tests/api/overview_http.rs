//! A service without its form (`/api/v1/services/{id}/overview`), what the service page
//! reads: every other fact of the service as `/api/v1/services/{id}` has it, and what the
//! form asks of the person before Start, computed from the form by the shared code. And
//! what a form's page reads (`/api/v1/services/{id}/form`): the service's form and what
//! filing it depends on, as the whole service has them.

use crate::common;
use crate::common::portal::error_code;
use portal_api::catalogue::{ServiceForm, ServiceOutline, ServiceOverview};
use portal_api::paths;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn every_service_s_overview_is_the_service_without_its_form() {
    let s = common::start().await;
    let index: Value = s.get(paths::CATALOGUE).await.json().await.unwrap();
    let ids: Vec<String> = index["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.len() >= 29, "{}", ids.len());
    let (mut with_form, mut bundles, mut optional) = (0, 0, 0);
    for id in &ids {
        let full: Value = s.get(&paths::service(id)).await.json().await.unwrap();
        let r = s.get(&paths::service_overview(id)).await;
        assert_eq!(r.status(), StatusCode::OK, "{id}");
        let mut overview: Value = r.json().await.unwrap();
        let typed: ServiceOverview = serde_json::from_value(overview.clone()).unwrap();
        // A dossier's pages read the same answer as their projection, skipping the rest.
        let outline: ServiceOutline = serde_json::from_str(&overview.to_string()).unwrap();
        assert_eq!(outline, ServiceOutline::from(&typed), "{id}");
        let service: portal_core::Service = serde_json::from_value(full.clone()).unwrap();
        // A form's page reads the same answer as its projection, skipping the rest.
        let form: ServiceForm = serde_json::from_str(&full.to_string()).unwrap();
        assert_eq!(form, ServiceForm::from(&service), "{id}");
        // What the page says before Start is the form's own preparation.
        assert_eq!(
            typed.preparation,
            service.form.as_ref().map(|f| f.preparation()),
            "{id}"
        );
        with_form += usize::from(typed.preparation.is_some());
        // A bundle's procedures, each with its name in the index and marked when the
        // applicant may leave it out.
        let procedures: Vec<(String, Value, bool)> = typed
            .procedures
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    serde_json::to_value(&p.name).unwrap(),
                    p.optional,
                )
            })
            .collect();
        let name_in_index = |id: &str| {
            index["services"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["id"] == id)
                .map(|s| s["name"].clone())
                .unwrap_or_else(|| panic!("{id} is not in the index"))
        };
        let expected_procedures: Vec<(String, Value, bool)> = match &service.kind {
            portal_core::ServiceKind::Procedure => Vec::new(),
            portal_core::ServiceKind::Bundle {
                procedures,
                optional,
            } => procedures
                .iter()
                .map(|p| {
                    let optional = optional.iter().any(|o| &o.id == p);
                    (p.0.clone(), name_in_index(&p.0), optional)
                })
                .collect(),
        };
        assert_eq!(procedures, expected_procedures, "{id}");
        bundles += usize::from(!procedures.is_empty());
        optional += procedures.iter().filter(|(_, _, o)| *o).count();
        let map = overview.as_object_mut().unwrap();
        map.remove("preparation");
        map.remove("procedures");
        let mut expected = full.clone();
        let expected_map = expected.as_object_mut().unwrap();
        // Search words and topics are the catalogue page's, the form the form page's.
        for key in ["form", "topics", "keywords", "kind"] {
            expected_map.remove(key);
        }
        assert_eq!(overview, expected, "{id}");
    }
    assert!(with_form >= 25, "{with_form}");
    // The birth and death bundles, the death bundle's allowances optional.
    assert!(bundles >= 2 && optional >= 1, "{bundles} {optional}");
}

#[tokio::test]
async fn every_service_s_form_answer_is_what_the_whole_service_says_of_its_form() {
    let s = common::start().await;
    let index: Value = s.get(paths::CATALOGUE).await.json().await.unwrap();
    let ids: Vec<&str> = index["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(ids.len() >= 29, "{}", ids.len());
    let mut with_form = 0;
    for id in ids {
        let full: portal_core::Service = s.get(&paths::service(id)).await.json().await.unwrap();
        let r = s.get(&paths::service_form(id)).await;
        assert_eq!(r.status(), StatusCode::OK, "{id}");
        let text = r.text().await.unwrap();
        let form: ServiceForm = serde_json::from_str(&text).unwrap();
        assert_eq!(form, ServiceForm::from(&full), "{id}");
        with_form += usize::from(form.form.is_some());
        // Nothing only the service page shows.
        let raw: Value = serde_json::from_str(&text).unwrap();
        for key in [
            "summary",
            "agency",
            "documents",
            "legal_basis",
            "processing_time",
            "keywords",
        ] {
            assert!(raw.get(key).is_none(), "{id}: {key}");
        }
    }
    assert!(with_form >= 25, "{with_form}");
    // Smaller than the whole service: the largest form's page is sent less.
    let whole = s
        .get(&paths::service("permanent-residence-registration"))
        .await;
    let whole = whole.bytes().await.unwrap().len();
    let form = s
        .get(&paths::service_form("permanent-residence-registration"))
        .await;
    let form = form.bytes().await.unwrap().len();
    assert!(form < whole, "{form} {whole}");
}

/// Both projections (the service page's and the form page's) are cached by catalogue
/// version, as the whole service is, and refuse what it refuses with the same codes.
#[tokio::test]
async fn projections_are_cached_by_catalogue_version_and_errors_have_their_codes() {
    let s = common::start().await;
    let service_etag = s.get(&paths::service("birth-registration")).await.headers()["etag"]
        .to_str()
        .unwrap()
        .to_string();
    let projections: [fn(&str) -> String; 2] = [paths::service_overview, paths::service_form];
    for projection in projections {
        let path = projection("birth-registration");
        let first = s.get(&path).await;
        let etag = first.headers()["etag"].to_str().unwrap().to_string();
        assert_eq!(first.headers()["cache-control"], "no-cache", "{path}");
        let again = s
            .client
            .get(format!("{}{path}", s.base))
            .header("If-None-Match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert_eq!(
            etag, service_etag,
            "{path}: both name the catalogue version"
        );
        assert_eq!(
            error_code(s.get(&projection("no-such-service")).await).await,
            (StatusCode::NOT_FOUND, "service_not_found".into()),
            "{path}"
        );
        let bad = projection("x").replace("/x/", "/Not_An_Id/");
        assert_eq!(
            error_code(s.get(&bad).await).await,
            (StatusCode::BAD_REQUEST, "bad_service_id".into()),
            "{bad}"
        );
    }
}
