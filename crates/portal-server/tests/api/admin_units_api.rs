//! Administrative units over real HTTP: provinces, one province's communes, the old
//! address conversion, caching headers and JSON errors for bad input.

use crate::common;

use portal_core::admin_units::{LegacyResult, ProvinceCommunes};
use reqwest::StatusCode;
use serde_json::Value;

async fn get(s: &common::TestServer, path: &str) -> reqwest::Response {
    s.client
        .get(format!("{}{path}", s.base))
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn provinces_are_listed_cacheable_and_revalidated() {
    let s = common::start().await;
    let r = get(&s, "/api/v1/admin-units/provinces").await;
    assert_eq!(r.status(), StatusCode::OK);
    let etag = r.headers()["etag"].to_str().expect("etag").to_string();
    assert!(etag.starts_with("\"au-") && etag.ends_with('"'), "{etag}");
    let cache = r.headers()["cache-control"]
        .to_str()
        .expect("cc")
        .to_string();
    assert!(
        cache.contains("max-age=604800") && cache.contains("public"),
        "{cache}"
    );
    let body: Value = r.json().await.expect("json");
    let provinces = body["provinces"].as_array().expect("array");
    assert_eq!(provinces.len(), 34);
    assert!(body["version"].as_str().is_some_and(|v| v.len() == 16));
    let hanoi = provinces
        .iter()
        .find(|p| p["code"] == "01")
        .expect("code 01 with its leading zero");
    assert_eq!(hanoi["name"], "Hà Nội");
    assert_eq!(hanoi["kind"], "tp");
    assert_eq!(hanoi["communes"], 126);

    let r = s
        .client
        .get(format!("{}/api/v1/admin-units/provinces", s.base))
        .header("If-None-Match", &etag)
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), StatusCode::NOT_MODIFIED);
    assert!(r.bytes().await.expect("body").is_empty());
}

#[tokio::test]
async fn one_province_communes_load_on_their_own() {
    let s = common::start().await;
    let r = get(&s, "/api/v1/admin-units/provinces/79/communes").await;
    assert_eq!(r.status(), StatusCode::OK);
    let etag = r.headers()["etag"].to_str().expect("etag").to_string();
    let body: ProvinceCommunes = r.json().await.expect("json");
    assert_eq!(body.province.full_name(), "Thành phố Hồ Chí Minh");
    assert_eq!(body.communes.len(), 168);
    assert!(body
        .communes
        .iter()
        .any(|c| c.full_name() == "Đặc khu Côn Đảo"));
    let other = get(&s, "/api/v1/admin-units/provinces/01/communes").await;
    let other_etag = other.headers()["etag"].to_str().expect("etag").to_string();
    assert_ne!(etag, other_etag, "each province has its own ETag");
    let body: ProvinceCommunes = other.json().await.expect("json");
    assert_eq!(body.communes.len(), 126);
    assert!(body
        .communes
        .iter()
        .any(|c| c.code == "00004" && c.full_name() == "Phường Ba Đình"));

    // Compressed on the wire for browsers that accept it.
    let r = s
        .client
        .get(format!(
            "{}/api/v1/admin-units/provinces/79/communes",
            s.base
        ))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .expect("request");
    assert_eq!(
        r.headers()
            .get("content-encoding")
            .and_then(|v| v.to_str().ok()),
        Some("gzip")
    );
}

#[tokio::test]
async fn bad_province_codes_get_json_errors() {
    let s = common::start().await;
    for (path, status, code) in [
        (
            "/api/v1/admin-units/provinces/1/communes",
            400,
            "bad_province_code",
        ),
        (
            "/api/v1/admin-units/provinces/001/communes",
            400,
            "bad_province_code",
        ),
        (
            "/api/v1/admin-units/provinces/ab/communes",
            400,
            "bad_province_code",
        ),
        (
            "/api/v1/admin-units/provinces/%3Cscript%3E/communes",
            400,
            "bad_province_code",
        ),
        (
            "/api/v1/admin-units/provinces/02/communes",
            404,
            "province_not_found",
        ),
        (
            "/api/v1/admin-units/provinces/99/communes",
            404,
            "province_not_found",
        ),
        ("/api/v1/admin-units/nothing", 404, "no_route"),
    ] {
        let r = get(&s, path).await;
        assert_eq!(r.status().as_u16(), status, "{path}");
        let body: Value = r.json().await.expect("json error");
        assert_eq!(body["error"]["code"], code, "{path}");
        assert!(body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
}

#[tokio::test]
async fn old_addresses_convert_by_name_or_code() {
    let s = common::start().await;
    let r = s
        .client
        .get(format!("{}/api/v1/admin-units/legacy", s.base))
        .query(&[
            ("ward", "Phường Trúc Bạch"),
            ("district", "Quận Ba Đình"),
            ("province", "Thành phố Hà Nội"),
        ])
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["cache-control"]
        .to_str()
        .is_ok_and(|c| c.contains("max-age")));
    let result: LegacyResult = r.json().await.expect("json");
    assert_eq!(result.matches.len(), 1);
    let m = &result.matches[0];
    assert_eq!(m.old.code.as_deref(), Some("00004"));
    assert_eq!(m.new.len(), 1);
    assert_eq!(m.new[0].commune.full_name(), "Phường Ba Đình");
    assert_eq!(m.new[0].province.code, "01");

    // Without diacritics, and by the old code.
    for query in [
        vec![
            ("ward", "quan thanh"),
            ("district", "ba dinh"),
            ("province", "ha noi"),
        ],
        vec![("code", "00013")],
    ] {
        let r = s
            .client
            .get(format!("{}/api/v1/admin-units/legacy", s.base))
            .query(&query)
            .send()
            .await
            .expect("request");
        let result: LegacyResult = r.json().await.expect("json");
        assert_eq!(result.matches.len(), 1, "{query:?}");
        assert_eq!(result.matches[0].old.ward, "Phường Quán Thánh");
        assert_eq!(result.matches[0].new[0].commune.code, "00004");
    }

    // Nothing found is an empty list, not an error.
    let r = get(
        &s,
        "/api/v1/admin-units/legacy?ward=Kh%C3%B4ng%20c%C3%B3&province=H%C3%A0%20N%E1%BB%99i",
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let result: LegacyResult = r.json().await.expect("json");
    assert!(result.matches.is_empty());
    let r = get(&s, "/api/v1/admin-units/legacy?code=99999").await;
    let result: LegacyResult = r.json().await.expect("json");
    assert!(result.matches.is_empty());
}

#[tokio::test]
async fn bad_legacy_queries_get_json_errors() {
    let s = common::start().await;
    let long = "a".repeat(101);
    for path in [
        "/api/v1/admin-units/legacy".to_string(),
        "/api/v1/admin-units/legacy?ward=Tr%C3%BAc%20B%E1%BA%A1ch".to_string(),
        "/api/v1/admin-units/legacy?province=H%C3%A0%20N%E1%BB%99i".to_string(),
        "/api/v1/admin-units/legacy?ward=%20%20&province=%20".to_string(),
        "/api/v1/admin-units/legacy?code=4".to_string(),
        "/api/v1/admin-units/legacy?code=abcde".to_string(),
        format!("/api/v1/admin-units/legacy?ward={long}&province=ha%20noi"),
        "/api/v1/admin-units/legacy?ward=a&ward=b&province=c".to_string(),
    ] {
        let r = get(&s, &path).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{path}");
        let body: Value = r.json().await.expect("json error");
        assert_eq!(body["error"]["code"], "bad_legacy_query", "{path}");
    }
    // Bytes that are not UTF-8 are decoded with replacement characters: no match.
    let r = get(&s, "/api/v1/admin-units/legacy?ward=%FF%FE&province=x").await;
    assert_eq!(r.status(), StatusCode::OK);
    let result: LegacyResult = r.json().await.expect("json");
    assert!(result.matches.is_empty());
}

#[tokio::test]
async fn a_catalogue_without_admin_units_answers_503() {
    let dir = tempfile::tempdir().expect("dir");
    let services = common::repo_root().join("catalog/services");
    std::fs::create_dir_all(dir.path().join("services")).expect("mkdir");
    copy_topics_and_forms(&common::repo_root().join("catalog"), dir.path());
    for entry in std::fs::read_dir(services).expect("services") {
        let entry = entry.expect("entry");
        std::fs::copy(
            entry.path(),
            dir.path().join("services").join(entry.file_name()),
        )
        .expect("copy");
    }
    let catalog = dir.path().to_path_buf();
    let s = common::start_with(move |c| c.catalog_dir = catalog).await;
    let r = get(&s, "/api/v1/admin-units/provinces").await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = r.json().await.expect("json");
    assert_eq!(body["error"]["code"], "admin_units_unavailable");
    // A service's card needs them for a province only.
    let r = get(
        &s,
        &portal_api::paths::service_card("birth-registration", Some("79")),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = r.json().await.expect("json");
    assert_eq!(body["error"]["code"], "admin_units_unavailable");
    let r = get(
        &s,
        &portal_api::paths::service_card("birth-registration", None),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn broken_admin_units_stop_the_server_naming_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    let root = common::repo_root().join("catalog");
    std::fs::create_dir_all(dir.path().join("services")).expect("mkdir");
    copy_topics_and_forms(&root, dir.path());
    for entry in std::fs::read_dir(root.join("services")).expect("services") {
        let entry = entry.expect("entry");
        std::fs::copy(
            entry.path(),
            dir.path().join("services").join(entry.file_name()),
        )
        .expect("copy");
    }
    let units = dir.path().join("admin-units");
    std::fs::create_dir_all(units.join("communes")).expect("mkdir");
    std::fs::copy(
        root.join("admin-units/provinces.tsv"),
        units.join("provinces.tsv"),
    )
    .expect("copy");
    for entry in std::fs::read_dir(root.join("admin-units/communes")).expect("communes") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), units.join("communes").join(entry.file_name())).expect("copy");
    }
    std::fs::write(
        units.join("legacy.tsv"),
        "P\tTỉnh A\nD\tHuyện B\n0004\tXã C\t00004\n",
    )
    .expect("write");
    let config = portal_server::Config {
        catalog_dir: dir.path().to_path_buf(),
        db: dir.path().join("db.sqlite3").display().to_string(),
        ..Default::default()
    };
    let msg = portal_server::prepare(config)
        .await
        .err()
        .expect("refused")
        .to_string();
    assert!(
        msg.contains("legacy.tsv") && msg.contains("line 3"),
        "{msg}"
    );
}

/// Copies the catalogue's topics and forms beside copied services (they are required).
fn copy_topics_and_forms(root: &std::path::Path, to: &std::path::Path) {
    std::fs::copy(root.join("topics.toml"), to.join("topics.toml")).expect("copy topics");
    let forms = root.join("forms");
    if forms.is_dir() {
        std::fs::create_dir_all(to.join("forms")).expect("mkdir forms");
        for entry in std::fs::read_dir(forms).expect("forms") {
            let entry = entry.expect("entry");
            std::fs::copy(entry.path(), to.join("forms").join(entry.file_name()))
                .expect("copy form");
        }
    }
}
