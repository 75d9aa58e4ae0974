//! What the embeddable elements read from other sites' pages: a service's card for a
//! province, the public catalogue routes answering the configured sites' origins (and no
//! other origin, and nothing personal), and the elements' own versioned files.

use crate::common;
use crate::common::portal::error_code;
use portal_api::catalogue::ServiceCard;
use portal_api::paths::{self, template as t};
use portal_api::routes::{EMBED_MAJOR, EMBED_VERSION};
use reqwest::{Response, StatusCode};
use serde_json::Value;

/// A site allowed to embed, and one that is not.
const HOST: &str = "https://dichvucong.hochiminhcity.gov.vn";
const STRANGER: &str = "https://evil.example";

/// A server connected to Hồ Chí Minh City's system only, which `HOST` may embed.
async fn connected_to_79() -> common::TestServer {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("agencies.toml");
    std::fs::write(
        &file,
        "[systems.\"province-79\"]\nendpoint = \"https://tthc-79.example.invalid/portal\"\nkey_env = \"PORTAL_TEST_EMBED_KEY_79\"\n",
    )
    .unwrap();
    // A variable only these tests read.
    std::env::set_var("PORTAL_TEST_EMBED_KEY_79", "cd".repeat(32));
    // The file is read at start; the directory may go afterwards.
    common::start_with(|c| {
        c.agencies = Some(file.clone());
        c.embed_origins = vec![HOST.to_string(), "http://127.0.0.1:8123".to_string()];
    })
    .await
}

async fn card(s: &common::TestServer, id: &str, province: Option<&str>) -> (Value, ServiceCard) {
    let r = s.get(&paths::service_card(id, province)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["cache-control"], "public, max-age=300");
    let raw: Value = r.json().await.unwrap();
    let typed = serde_json::from_value(raw.clone()).expect("a ServiceCard");
    (raw, typed)
}

#[tokio::test]
async fn a_service_s_card_names_the_province_s_agency_and_whether_it_is_online_there() {
    let s = connected_to_79().await;
    let (_, hcm) = card(&s, "birth-registration", Some("79")).await;
    assert_eq!(hcm.id, "birth-registration");
    assert_eq!(hcm.name.vi, "Đăng ký khai sinh");
    assert_eq!(hcm.level, portal_core::Level::Commune);
    assert_eq!(
        hcm.agency.vi,
        "Ủy ban nhân dân cấp xã, thành phố Hồ Chí Minh"
    );
    assert_eq!(
        hcm.agency.en,
        "Commune People's Committee, Thành phố Hồ Chí Minh"
    );
    let province = hcm.province.expect("the province asked for");
    assert_eq!(
        (province.code.as_str(), province.name.as_str()),
        ("79", "Thành phố Hồ Chí Minh")
    );
    assert_eq!(hcm.available, Some(true));
    assert!(hcm.has_form);

    // The card and the availability list apply one rule.
    let listed: Value = s
        .get(&paths::availability("79"))
        .await
        .json()
        .await
        .unwrap();
    assert!(listed["services"]
        .as_array()
        .unwrap()
        .contains(&Value::from("birth-registration")));

    // Hà Nội's system is not configured: the same service is not online for its people.
    let (_, hanoi) = card(&s, "birth-registration", Some("01")).await;
    assert_eq!(hanoi.agency.vi, "Ủy ban nhân dân cấp xã, thành phố Hà Nội");
    assert_eq!(hanoi.available, Some(false));

    // A ministry's procedure is received by the ministry, wherever one lives; its system
    // is not connected here.
    let (_, exam) = card(&s, "school-exam-university-admission", Some("79")).await;
    assert_eq!(exam.level, portal_core::Level::Ministry);
    let catalogue: Value = s
        .get(&paths::service("school-exam-university-admission"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(exam.agency.vi, catalogue["agency"]["name"]["vi"]);
    assert_eq!(exam.available, Some(false));

    // Without a province: the catalogue's agency, and neither province nor availability.
    let (raw, plain) = card(&s, "birth-registration", None).await;
    assert_eq!(plain.agency.vi, "Ủy ban nhân dân cấp xã");
    assert!(raw.get("province").is_none() && raw.get("available").is_none());
    assert_eq!(plain.fees, catalogue_fees(&s).await);
}

/// The fees the service's own page shows, which the card repeats.
async fn catalogue_fees(s: &common::TestServer) -> portal_core::Fees {
    let service: Value = s
        .get(&paths::service("birth-registration"))
        .await
        .json()
        .await
        .unwrap();
    serde_json::from_value(service["fees"].clone()).unwrap()
}

#[tokio::test]
async fn a_card_s_errors_have_the_neighbours_codes() {
    let s = common::start().await;
    for (path, status, code) in [
        (
            paths::service_card("no-such-service", Some("79")),
            StatusCode::NOT_FOUND,
            "service_not_found",
        ),
        (
            "/api/v1/services/Not_An_Id/card".to_string(),
            StatusCode::BAD_REQUEST,
            "bad_service_id",
        ),
        (
            paths::service_card("birth-registration", Some("7x")),
            StatusCode::BAD_REQUEST,
            "bad_province_code",
        ),
        (
            paths::service_card("birth-registration", Some("079")),
            StatusCode::BAD_REQUEST,
            "bad_province_code",
        ),
        (
            "/api/v1/services/birth-registration/card?province=".to_string(),
            StatusCode::BAD_REQUEST,
            "bad_province_code",
        ),
        (
            paths::service_card("birth-registration", Some("99")),
            StatusCode::NOT_FOUND,
            "province_not_found",
        ),
    ] {
        assert_eq!(
            error_code(s.get(&path).await).await,
            (status, code.to_string()),
            "{path}"
        );
    }
}

/// A `GET` of `path` from a page of `origin`.
async fn get_from(s: &common::TestServer, origin: &str, path: &str) -> Response {
    s.client
        .get(format!("{}{path}", s.base))
        .header("origin", origin)
        .send()
        .await
        .unwrap()
}

/// A browser's preflight from `origin` before a `GET` of `path` with If-None-Match.
async fn preflight(s: &common::TestServer, origin: &str, path: &str) -> Response {
    s.client
        .request(reqwest::Method::OPTIONS, format!("{}{path}", s.base))
        .header("origin", origin)
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "if-none-match")
        .send()
        .await
        .unwrap()
}

/// The response's CORS headers, by name.
fn cors_headers(r: &Response) -> Vec<String> {
    r.headers()
        .keys()
        .map(|k| k.as_str().to_string())
        .filter(|k| k.starts_with("access-control-"))
        .collect()
}

fn header<'a>(r: &'a Response, name: &str) -> &'a str {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or_default()
}

/// Every `Vary` value of a response, lower case.
fn varies(r: &Response) -> Vec<String> {
    r.headers()
        .get_all("vary")
        .iter()
        .flat_map(|v| v.to_str().unwrap().split(','))
        .map(|v| v.trim().to_ascii_lowercase())
        .collect()
}

#[tokio::test]
async fn the_embed_s_reads_answer_the_configured_sites_only() {
    let s = connected_to_79().await;
    let card_79 = paths::service_card("birth-registration", Some("79"));
    let embed_reads = [
        t::CATALOGUE.to_string(),
        t::CATALOGUE_AVAILABILITY_ALL.to_string(),
        paths::availability("79"),
        card_79.clone(),
    ];
    for path in &embed_reads {
        let r = get_from(&s, HOST, path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&r, "access-control-allow-origin"), HOST, "{path}");
        assert_eq!(header(&r, "access-control-expose-headers"), "etag");
        assert!(varies(&r).contains(&"origin".to_string()), "{path}");
        assert!(
            r.headers()
                .get("access-control-allow-credentials")
                .is_none(),
            "{path}: never credentials"
        );

        // Another site, a look-alike, or no Origin: no CORS header at all, but the
        // answer still varies by Origin for shared caches.
        for other in [
            STRANGER,
            "https://dichvucong.hochiminhcity.gov.vn.evil.example",
        ] {
            let r = get_from(&s, other, path).await;
            assert_eq!(r.status(), StatusCode::OK);
            assert!(cors_headers(&r).is_empty(), "{other} {path}: {r:?}");
            assert!(varies(&r).contains(&"origin".to_string()), "{path}");
        }
        let r = s.get(path).await;
        assert!(cors_headers(&r).is_empty(), "{path}");
    }
    // The second configured site is answered too.
    let r = get_from(&s, "http://127.0.0.1:8123", t::CATALOGUE).await;
    assert_eq!(
        header(&r, "access-control-allow-origin"),
        "http://127.0.0.1:8123"
    );

    // The catalogue revalidated from a host page: a 304 a script may read.
    let r = get_from(&s, HOST, t::CATALOGUE).await;
    let etag = header(&r, "etag").to_string();
    let r = s
        .client
        .get(format!("{}{}", s.base, t::CATALOGUE))
        .header("origin", HOST)
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header(&r, "access-control-allow-origin"), HOST);

    // The preflight a conditional request from a host page needs.
    for path in &embed_reads {
        let r = preflight(&s, HOST, path).await;
        assert_eq!(r.status(), StatusCode::NO_CONTENT, "{path}");
        assert_eq!(header(&r, "access-control-allow-origin"), HOST);
        assert_eq!(header(&r, "access-control-allow-methods"), "GET");
        assert_eq!(header(&r, "access-control-allow-headers"), "if-none-match");
        assert!(!header(&r, "access-control-max-age").is_empty());
        assert!(r
            .headers()
            .get("access-control-allow-credentials")
            .is_none());
        let r = preflight(&s, STRANGER, path).await;
        assert!(cors_headers(&r).is_empty(), "{path}: {r:?}");
        assert_ne!(r.status(), StatusCode::NO_CONTENT);
    }
    // Writes are not the embed's: a configured site's POST is not allowed cross-origin.
    let r = s
        .client
        .post(format!("{}{}", s.base, t::CATALOGUE))
        .header("origin", HOST)
        .send()
        .await
        .unwrap();
    assert!(cors_headers(&r).is_empty(), "{r:?}");
}

#[tokio::test]
async fn nothing_personal_or_staff_answers_another_origin() {
    let s = connected_to_79().await;
    let person = common::portal::sign_in(&s.base, common::portal::STAFF).await;
    for path in [
        t::SESSION,
        t::DOSSIERS,
        t::DRAFTS,
        t::ATTACHMENT_LIMITS,
        t::STAFF_DOSSIERS,
        t::STAFF_DELIVERIES,
        t::CATALOGUE_SOURCES,
        "/api/v1/services/birth-registration",
        "/api/v1/admin-units/provinces",
        "/api/v1/no-such-route",
        "/",
        "/healthz",
    ] {
        let r = person
            .get(path)
            .header("origin", HOST)
            .send()
            .await
            .unwrap();
        assert!(cors_headers(&r).is_empty(), "{path}: {r:?}");
        let r = preflight(&s, HOST, path).await;
        assert!(cors_headers(&r).is_empty(), "preflight {path}: {r:?}");
    }
}

#[tokio::test]
async fn without_embedding_sites_nobody_is_answered_cross_origin() {
    let s = common::start().await;
    for origin in [HOST, STRANGER, "null"] {
        let r = get_from(&s, origin, t::CATALOGUE).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(cors_headers(&r).is_empty(), "{origin}");
        let r = preflight(&s, origin, t::CATALOGUE).await;
        assert!(cors_headers(&r).is_empty(), "{origin}");
    }
}

#[tokio::test]
async fn the_embed_s_files_are_served_under_their_version_and_its_major_alias() {
    let s = common::start().await;
    let dist = s.dir.path().join("dist/embed");
    let current = dist.join(EMBED_VERSION);
    std::fs::create_dir_all(&current).unwrap();
    std::fs::write(current.join("dvc-embed.js"), "export const v = 1;\n").unwrap();
    std::fs::write(current.join("dvc-embed.js.br"), b"brotli bytes").unwrap();
    std::fs::write(current.join("portal_embed_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    // An older release's files left on disk are not served.
    let old = dist.join("0.9.0");
    std::fs::create_dir_all(&old).unwrap();
    std::fs::write(old.join("dvc-embed.js"), "old").unwrap();

    let pinned = format!("/embed/{EMBED_VERSION}/dvc-embed.js");
    let alias = format!("/embed/{EMBED_MAJOR}/dvc-embed.js");
    for (path, cache) in [
        (&pinned, "public, max-age=86400"),
        (&alias, "public, max-age=300"),
    ] {
        let r = get_from(&s, STRANGER, path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&r, "access-control-allow-origin"), "*");
        assert!(r
            .headers()
            .get("access-control-allow-credentials")
            .is_none());
        assert_eq!(header(&r, "cross-origin-resource-policy"), "cross-origin");
        assert_eq!(header(&r, "cache-control"), cache, "{path}");
        assert!(
            header(&r, "content-type").contains("javascript"),
            "{path}: {}",
            header(&r, "content-type")
        );
        assert_eq!(r.text().await.unwrap(), "export const v = 1;\n");

        // The pre-compressed sibling, for a browser that takes brotli.
        let r = s
            .client
            .get(format!("{}{path}", s.base))
            .header("accept-encoding", "br")
            .send()
            .await
            .unwrap();
        assert_eq!(header(&r, "content-encoding"), "br", "{path}");
        assert_eq!(header(&r, "access-control-allow-origin"), "*");
        assert_eq!(r.bytes().await.unwrap().as_ref(), b"brotli bytes");
    }
    let r = s
        .get(&format!("/embed/{EMBED_MAJOR}/portal_embed_bg.wasm"))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(header(&r, "content-type"), "application/wasm");

    for missing in [
        "/embed/9.9.9/x.js".to_string(),
        "/embed/0.9.0/dvc-embed.js".to_string(),
        "/embed/2/dvc-embed.js".to_string(),
        format!("/embed/{EMBED_VERSION}/missing.js"),
        format!("/embed/{EMBED_VERSION}/"),
    ] {
        let r = s.get(&missing).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{missing}");
    }
    // Out of the version's folder, as sent (a client library would resolve the dots).
    for escape in [
        format!("/embed/{EMBED_VERSION}/../0.9.0/dvc-embed.js"),
        format!("/embed/{EMBED_VERSION}/%2e%2e/0.9.0/dvc-embed.js"),
        format!("/embed/{EMBED_MAJOR}/..%2f..%2findex.html"),
    ] {
        assert_eq!(raw_status(&s, &escape).await, 404, "{escape}");
    }
}

/// The status of a `GET` of `path` sent byte for byte.
async fn raw_status(s: &common::TestServer, path: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = s.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    answer
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line: {answer}"))
}
