//! The API over real HTTP: catalogue reads, caching, errors, and the web app fallback.

use crate::common;

use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn health_reports_database_and_catalogue() {
    let s = common::start().await;
    let r = s.get("/healthz").await;
    assert_eq!(r.status(), StatusCode::OK);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert!(body["database"]["schema_version"].as_i64().unwrap() >= 1);
    if common::postgres().is_none() {
        assert!(
            s.dir.path().join("data/portal.sqlite3").exists(),
            "database file created"
        );
    }
}

#[tokio::test]
async fn catalogue_lists_services_and_revalidates_by_etag() {
    let s = common::start().await;
    let url = format!("{}/api/v1/catalog", s.base);
    let r = s.client.get(&url).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let etag = r.headers()["etag"].to_str().unwrap().to_string();
    assert!(etag.starts_with('"') && etag.ends_with('"'));
    let index: portal_core::CatalogueIndex = r.json().await.unwrap();
    assert!(index.services.len() >= 5);
    assert!(index
        .services
        .iter()
        .any(|x| x.id.as_str() == "birth-registration"));
    assert_eq!(format!("\"{}\"", index.version), etag);

    let r = s
        .client
        .get(&url)
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_MODIFIED);
    assert!(r.bytes().await.unwrap().is_empty());

    let r = s
        .client
        .get(&url)
        .header("If-None-Match", "\"stale\"")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn service_details_and_errors() {
    let s = common::start().await;
    let r = s
        .client
        .get(format!(
            "{}/api/v1/services/permanent-residence-registration",
            s.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let svc: portal_core::Service = r.json().await.unwrap();
    assert_eq!(svc.name.vi, "Đăng ký thường trú");
    assert!(!svc.legal_basis.is_empty());

    for (path, status, code) in [
        ("/api/v1/services/no-such-service", 404, "service_not_found"),
        (
            "/api/v1/services/..%2F..%2Fetc%2Fpasswd",
            400,
            "bad_service_id",
        ),
        ("/api/v1/services/%3Cscript%3E", 400, "bad_service_id"),
        ("/api/v1/nothing-here", 404, "no_route"),
        ("/api/v2/catalog", 404, "no_route"),
    ] {
        let r = s.get(path).await;
        assert_eq!(r.status().as_u16(), status, "{path}");
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["error"]["code"], code, "{path}");
        assert!(body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }

    let long = "a".repeat(5000);
    let r = s.get(&format!("/api/v1/services/{long}")).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn web_app_routes_fall_back_to_the_shell() {
    let s = common::start().await;
    let page = |path: &'static str| async {
        let r = s.get(path).await;
        (r.status().as_u16(), r.text().await.unwrap())
    };
    for (path, status) in [
        ("/", 200),
        ("/services/birth-registration", 200),
        ("/services/no-such-service", 404),
        ("/some/unknown/page", 404),
    ] {
        let (got, html) = page(path).await;
        assert_eq!(got, status, "{path}");
        assert!(html.contains("<title>shell</title>"), "{path}");
    }
    // Once the catalogue's own page is built, `/` (with or without a query) gets it and
    // every other route still gets the whole portal.
    std::fs::write(
        s.dir.path().join("dist/catalogue.html"),
        "<!doctype html><title>catalogue</title>",
    )
    .unwrap();
    for (path, title) in [
        ("/", "catalogue"),
        ("/?q=khai+sinh&audience=citizen", "catalogue"),
        ("/services/birth-registration", "shell"),
        ("/staff/preview/abc123", "shell"),
        ("/accessibility", "shell"),
    ] {
        let (got, html) = page(path).await;
        assert_eq!(got, 200, "{path}");
        assert!(
            html.contains(&format!("<title>{title}</title>")),
            "{path}: {html}"
        );
    }
    // The public statistics have their own page too, whatever the filters.
    std::fs::write(
        s.dir.path().join("dist/statistics.html"),
        "<!doctype html><title>statistics</title>",
    )
    .unwrap();
    for (path, title) in [
        ("/statistics", "statistics"),
        (
            "/statistics?period=2026-q4&province=01&sort=online",
            "statistics",
        ),
        ("/", "catalogue"),
        ("/sources", "shell"),
    ] {
        let (got, html) = page(path).await;
        assert_eq!(got, 200, "{path}");
        assert!(
            html.contains(&format!("<title>{title}</title>")),
            "{path}: {html}"
        );
    }
    // The citizen's pages have theirs, without the staff pages: every public page but
    // the catalogue and the statistics, and the not-found page; staff pages (previews
    // included) still get the whole portal.
    std::fs::write(
        s.dir.path().join("dist/citizen.html"),
        "<!doctype html><title>citizen</title>",
    )
    .unwrap();
    for (path, status, title) in [
        ("/services/birth-registration", 200, "citizen"),
        ("/services/birth-registration/apply/check", 200, "citizen"),
        ("/dossiers/000.00.00.H99-251127-0001", 200, "citizen"),
        ("/lookup", 200, "citizen"),
        ("/sources", 200, "citizen"),
        ("/some/unknown/page", 404, "citizen"),
        ("/services/no-such-service", 404, "citizen"),
        ("/staff", 200, "shell"),
        (
            "/staff/preview/abc123/services/birth-registration",
            200,
            "shell",
        ),
        ("/statistics", 200, "statistics"),
        ("/", 200, "catalogue"),
    ] {
        let (got, html) = page(path).await;
        assert_eq!(got, status, "{path}");
        assert!(
            html.contains(&format!("<title>{title}</title>")),
            "{path}: {html}"
        );
    }
    let r = s.get("/app-0123456789abcdef_bg.wasm").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    let r = s.get("/missing.js").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_broken_catalogue_stops_the_server_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("services")).unwrap();
    std::fs::write(
        dir.path().join("services/broken.toml"),
        "id = \"broken\"\nname = [",
    )
    .unwrap();
    let config = portal_server::Config {
        catalog_dir: dir.path().to_path_buf(),
        db: dir.path().join("db.sqlite3").display().to_string(),
        ..Default::default()
    };
    let err = portal_server::prepare(config).await.err().expect("refused");
    let msg = err.to_string();
    assert!(msg.contains("services/broken.toml"), "{msg}");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let s = common::start().await;
    for path in [
        "/",
        "/services/birth-registration",
        "/api/v1/catalog",
        "/api/v1/nothing",
        "/app-0123456789abcdef_bg.wasm",
        "/healthz",
    ] {
        let r = s.get(path).await;
        let h = r.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{path}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(
            h["referrer-policy"], "strict-origin-when-cross-origin",
            "{path}"
        );
        assert!(
            h["permissions-policy"]
                .to_str()
                .unwrap()
                .contains("camera=()"),
            "{path}"
        );
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
    }
}

#[tokio::test]
async fn pages_carry_their_heading_and_the_data_they_need() {
    let s = common::start().await;
    let page = "<!doctype html><html><head><title>shell</title></head><body><main>\
                <p class=\"loading\" role=\"status\">Đang tải…</p></main></body></html>";
    let dist = s.dir.path().join("dist");
    std::fs::write(dist.join("index.html"), page).unwrap();
    // What scripts/entry-html.mjs makes of it for a service.
    let service_page = page.replace(
        "<p class=\"loading\"",
        "%SERVICE_HEADING%<p class=\"loading\"",
    );
    std::fs::write(dist.join("service.html"), service_page).unwrap();
    let form_page = page.replace(
        "<p class=\"loading\"",
        "<a href=\"%BACK%\">back</a><p>%SERVICE_NAME%</p><h1>%STEP_TITLE%</h1>%STEP_INTRO%<p class=\"loading\"",
    );
    std::fs::write(dist.join("form.html"), form_page).unwrap();
    let s = &s;
    let get = |path: String| async move { s.get(&path).await.text().await.unwrap() };
    let service: Value = s
        .get("/api/v1/services/birth-registration")
        .await
        .json()
        .await
        .unwrap();
    let answer = s.get("/api/v1/services/birth-registration/overview").await;
    let etag = answer.headers()["etag"].to_str().unwrap().to_string();
    let api = answer.text().await.unwrap();
    let html = get("/services/birth-registration".into()).await;
    // The service's own heading and summary come before the app, above the status line.
    let overview: Value = serde_json::from_str(&api).unwrap();
    let heading = format!("<h1>{}</h1>", overview["name"]["vi"].as_str().unwrap());
    assert!(html.contains(&heading), "{html}");
    assert!(!html.contains("%SERVICE_"), "{html}");
    // The data block holds exactly what the API answers (the service without its form,
    // which its page reads), and the catalogue version its ETag names.
    let version = etag.trim_matches('"');
    let block = html
        .split(&format!("<script type=\"application/json\" id=\"preload\" data-url=\"/api/v1/services/birth-registration/overview\" data-version=\"{version}\">"))
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("a preload block");
    assert_eq!(serde_json::from_str::<Value>(block).unwrap(), overview);
    assert!(overview.get("form").is_none() && overview["preparation"].is_object());
    // `/` (here without its own page built) carries the catalogue; other routes nothing.
    assert!(get("/".into())
        .await
        .contains("data-url=\"/api/v1/catalog\""));
    // A form step: its title; `/apply` is the first step, whose back link is the service.
    let form = service["form"]["steps"].as_array().unwrap();
    let title = |i: usize| format!("<h1>{}</h1>", form[i]["title"]["vi"].as_str().unwrap());
    let html = get("/services/birth-registration/apply".into()).await;
    assert!(html.contains(&title(0)), "{html}");
    assert!(html.contains("<a href=\"/services/birth-registration\">back</a>"));
    // Its data block holds what the form's page asks for (the service's form, fees and
    // applicants, without what only the service page shows), as the API answers it.
    let form_api = s
        .get("/api/v1/services/birth-registration/form")
        .await
        .text()
        .await
        .unwrap();
    let block = html
        .split(&format!("<script type=\"application/json\" id=\"preload\" data-url=\"/api/v1/services/birth-registration/form\" data-version=\"{version}\">"))
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("a form step's preload block");
    let preloaded: Value = serde_json::from_str(block).unwrap();
    assert_eq!(preloaded, serde_json::from_str::<Value>(&form_api).unwrap());
    assert_eq!(preloaded["form"], service["form"]);
    assert!(preloaded.get("legal_basis").is_none() && preloaded.get("documents").is_none());
    let second = form[1]["id"].as_str().unwrap();
    let html = get(format!("/services/birth-registration/apply/{second}")).await;
    assert!(html.contains(&title(1)), "{html}");
    let first = form[0]["id"].as_str().unwrap();
    assert!(html.contains(&format!(
        "<a href=\"/services/birth-registration/apply/{first}\">"
    )));
    assert!(!html.contains('%'), "{html}");
    for path in [
        "/services/birth-registration/apply/check",
        "/services/birth-registration/apply/no-such-step",
        "/dossiers",
        "/services/no-such-service",
    ] {
        let html = get(path.to_string()).await;
        assert!(!html.contains("id=\"preload\""), "{path}");
        assert!(!html.contains("<h1>"), "{path}");
    }
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it() {
    let s = common::start().await;
    let page = format!(
        "<!doctype html><html><head><title>shell</title></head><body>{}</body></html>",
        "<p>Cổng Dịch vụ công Quốc gia</p>".repeat(200)
    );
    std::fs::write(s.dir.path().join("dist/index.html"), &page).unwrap();
    let url = format!("{}/services/birth-registration", s.base);
    let plain = s.client.get(&url).send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    let plain = plain.bytes().await.unwrap();
    let r = s
        .client
        .get(&url)
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-encoding"], "br");
    assert_eq!(r.headers()["vary"], "accept-encoding");
    let body = r.bytes().await.unwrap();
    assert!(
        body.len() < plain.len() / 3,
        "{} of {}",
        body.len(),
        plain.len()
    );
    let decoded = |body: &[u8]| {
        let mut read = Vec::new();
        brotli_decompressor::BrotliDecompress(&mut &body[..], &mut read).unwrap();
        read
    };
    assert_eq!(decoded(&body), plain);
    // Made once more in the background at brotli's best, then the same bytes for every
    // browser.
    let get = |accept: &'static str| {
        let request = s.client.get(&url).header("accept-encoding", accept);
        async move { request.send().await.unwrap() }
    };
    let best = asset_dictionary::compress(&plain).unwrap();
    let mut again = Vec::new();
    for _ in 0..100 {
        let r = get("gzip, deflate, br, zstd").await;
        assert_eq!(r.headers()["content-encoding"], "br");
        again = r.bytes().await.unwrap().to_vec();
        assert_eq!(decoded(&again), plain);
        if again == best {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(again == best, "the page was not kept at brotli's best");
    assert!(best.len() <= body.len(), "{} of {}", best.len(), body.len());
    assert_eq!(get("br").await.bytes().await.unwrap(), best);
    // A browser without brotli (or refusing it) gets what it takes.
    for accept in ["gzip", "gzip, br;q=0"] {
        let r = get(accept).await;
        assert_eq!(r.headers()["content-encoding"], "gzip", "{accept}");
    }
}

#[tokio::test]
async fn every_answer_names_its_request_and_an_error_quotes_it() {
    let s = common::start().await;
    let ok = s.get("/healthz").await;
    let first = ok.headers()["x-request-id"].to_str().unwrap().to_string();
    assert!(first.starts_with("req_"), "{first}");
    let r = s.get("/api/v1/services/no-such-service").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let header = r.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_ne!(header, first, "a new id per request");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["request_id"], header.as_str());
}
