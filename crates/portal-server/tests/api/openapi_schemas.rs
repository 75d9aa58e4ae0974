//! The catalogue JSON the server really sends matches the schemas of the committed
//! OpenAPI document: every required property is there, and no property is sent that the
//! document does not describe (a new model field must be documented before it ships).
//!
//! The checker is in `common/schema.rs`.

use crate::common;

use crate::common::schema::{check, errors_of, openapi, schema};
use serde_json::Value;

#[test]
fn the_checker_catches_missing_undocumented_and_mistyped_properties() {
    let doc = openapi();
    let good = serde_json::json!({"id": "birth", "kind": "life-event", "name": {"vi": "Sinh con", "en": "Having a baby"}});
    assert!(errors_of(&doc, "Topic", &good).is_empty());
    let bad = serde_json::json!({"id": "birth", "kind": "hobby", "icon": "x"});
    let e = errors_of(&doc, "Topic", &bad);
    assert_eq!(e.len(), 3, "{e:?}");
    let service_kind = &schema(&doc, "Service")["properties"]["kind"];
    let mut e = Vec::new();
    check(
        &doc,
        service_kind,
        &serde_json::json!({"kind": "bundle"}),
        "kind",
        &mut e,
    );
    assert!(!e.is_empty(), "a bundle without procedures must not pass");
}

#[tokio::test]
async fn served_catalogue_and_services_match_their_schemas() {
    let doc = openapi();
    let s = common::start().await;
    let index: Value = s.get("/api/v1/catalog").await.json().await.unwrap();
    let errors = errors_of(&doc, "CatalogueIndex", &index);
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!index["topics"].as_array().unwrap().is_empty());

    for summary in index["services"].as_array().unwrap() {
        let id = summary["id"].as_str().unwrap();
        let service: Value = s
            .get(&format!("/api/v1/services/{id}"))
            .await
            .json()
            .await
            .unwrap();
        let errors = errors_of(&doc, "Service", &service);
        assert!(errors.is_empty(), "{id}: {errors:#?}");
    }
}

#[tokio::test]
async fn served_legal_sources_match_their_schema_and_name_every_citing_service() {
    let doc = openapi();
    let s = common::start().await;
    let sources: Value = s.get("/api/v1/catalog/sources").await.json().await.unwrap();
    let errors = errors_of(&doc, "LegalSources", &sources);
    assert!(errors.is_empty(), "{errors:#?}");
    let list = sources["sources"].as_array().unwrap();
    let index: Value = s.get("/api/v1/catalog").await.json().await.unwrap();
    assert_eq!(sources["catalogue_version"], index["version"]);
    for summary in index["services"].as_array().unwrap() {
        let id = summary["id"].as_str().unwrap();
        let service: Value = s
            .get(&format!("/api/v1/services/{id}"))
            .await
            .json()
            .await
            .unwrap();
        for basis in service["legal_basis"].as_array().unwrap() {
            let instrument = basis["instrument"].as_str().unwrap();
            let entries: Vec<&Value> = list
                .iter()
                .filter(|l| l["instrument"] == instrument)
                .collect();
            assert_eq!(entries.len(), 1, "{instrument} listed once");
            assert!(
                entries[0]["uses"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|u| u["service"] == id),
                "{instrument} names {id}"
            );
        }
    }
}
