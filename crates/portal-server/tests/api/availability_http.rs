//! Which services people of a province can file online: those whose receiving system
//! the deployment is connected to (the province's for local procedures, the ministry's
//! for the others).

use crate::common;
use crate::common::portal::error_code;
use reqwest::StatusCode;
use serde_json::Value;

async fn available(s: &common::TestServer, province: &str) -> Vec<String> {
    let r = s
        .get(&format!("/api/v1/catalog/availability/{province}"))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["province"], province);
    body["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_province_sees_the_services_its_systems_receive() {
    // Connected to Hồ Chí Minh City's system only.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("agencies.toml");
    std::fs::write(
        &file,
        "[systems.\"province-79\"]\nendpoint = \"https://tthc-79.example.invalid/portal\"\nkey_env = \"PORTAL_TEST_AVAILABILITY_KEY_79\"\n",
    )
    .unwrap();
    // A variable only this test reads.
    std::env::set_var("PORTAL_TEST_AVAILABILITY_KEY_79", "ab".repeat(32));
    let s = common::start_with(|c| c.agencies = Some(file.clone())).await;
    let hcm = available(&s, "79").await;
    assert!(hcm.contains(&"birth-registration".to_string()), "{hcm:?}");
    assert!(hcm.contains(&"marriage-registration".to_string()));
    // The school exam is the ministry's, whose system is not connected.
    assert!(!hcm.iter().any(|id| id.contains("exam")), "{hcm:?}");
    assert!(
        available(&s, "01").await.is_empty(),
        "Hà Nội is not connected"
    );

    // Every province at once, with its name, says the same.
    let map: Value = s
        .get("/api/v1/catalog/availability")
        .await
        .json()
        .await
        .unwrap();
    let provinces = map["provinces"].as_array().unwrap();
    assert_eq!(provinces.len(), 34);
    let of = |code: &str| {
        provinces
            .iter()
            .find(|p| p["code"] == code)
            .unwrap_or_else(|| panic!("{code} missing"))
    };
    assert_eq!(of("79")["name"], "Thành phố Hồ Chí Minh");
    assert_eq!(of("79")["services"], serde_json::json!(hcm));
    assert_eq!(of("01")["services"], serde_json::json!([]));

    let r = s.get("/api/v1/catalog/availability/7x").await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::BAD_REQUEST, "bad_province_code".into())
    );
    let r = s.get("/api/v1/catalog/availability/99").await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::NOT_FOUND, "province_not_found".into())
    );

    // The agency sandbox stands in for every system: everything, everywhere.
    let all = common::start_with(|c| {
        c.agency_sandbox = Some("http://127.0.0.1:9".into());
        c.agency_sandbox_secret = Some("ab".repeat(32));
    })
    .await;
    let (_, index) = (
        0,
        all.get("/api/v1/catalog")
            .await
            .json::<Value>()
            .await
            .unwrap(),
    );
    let every = index["services"].as_array().unwrap().len();
    assert_eq!(available(&all, "01").await.len(), every);
    assert_eq!(available(&all, "79").await.len(), every);
}
