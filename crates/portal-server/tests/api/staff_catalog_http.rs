//! Staff preview and publishing over real HTTP: a draft is linted and diffed, fixed,
//! previewed (a test submission creates no dossier), published only when clean, seen by
//! citizens, rolled back, and kept across a restart; everyone but staff is refused at
//! every step; hostile uploads give findings or clear errors, never a crash.

use crate::common;

use std::collections::BTreeMap;

use crate::common::portal::{error_code, sign_in, User};
use crate::common::{repo_root, start_with, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A catalogue editor (and dossier officer) of the sandbox staff directory.
const STAFF: &str = "sandbox-staff-ha";
/// The sandbox's catalogue publisher.
const PUBLISHER: &str = "sandbox-staff-khanh";
/// A dossier officer only.
const OFFICER: &str = "sandbox-staff-long";
const CITIZEN: &str = "sandbox-citizen-an";

/// The repository's catalogue as upload files.
fn catalogue_files() -> BTreeMap<String, String> {
    portal_catalog::read_dir(&repo_root().join("catalog"))
        .unwrap()
        .into_iter()
        .map(|f| (f.name, f.text))
        .collect()
}

async fn upload(user: &User, files: &BTreeMap<String, String>) -> (StatusCode, Value) {
    let r = user
        .post("/api/v1/staff/drafts")
        .json(&json!({ "files": files }))
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

fn codes(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

async fn server_in(db: &str) -> TestServer {
    let db = db.to_string();
    start_with(move |c| c.db = db).await
}

#[tokio::test]
async fn a_staff_member_fixes_previews_publishes_and_rolls_back() {
    let data = tempfile::tempdir().unwrap();
    let db = common::fresh_database(data.path()).await;
    let server = server_in(&db).await;
    let staff = sign_in(&server.base, STAFF).await;
    let publisher = sign_in(&server.base, PUBLISHER).await;
    let (_, before) = staff.get_json("/api/v1/catalog").await;

    // A changed catalogue with a mistake: a new fee, a new required document, and an
    // English name left empty.
    let mut files = catalogue_files();
    let key = "services/stay-notification.toml".to_string();
    let original = files[&key].clone();
    let broken = original
        .replace("en = \"Notification of stay\"", "en = \"\"")
        .replace("kind = \"free\"\nconfidence = \"needs-check\"\nbasis = \"Thông tư 75/2022/TT-BTC\"\n[fees.note]\nvi = \"Không thu phí, lệ phí.\"\nen = \"No fee is charged.\"",
                 "kind = \"rules\"\n[[fees.rules]]\nonline = 10000\nconfidence = \"needs-check\"\nbasis = \"Thông tư 75/2022/TT-BTC\"\n[fees.rules.case]\nvi = \"Mỗi lần\"\nen = \"Each time\"");
    files.insert(key.clone(), broken);
    let (status, report) = upload(&staff, &files).await;
    assert_eq!(status, StatusCode::CREATED, "{report}");
    assert_eq!(report["errors"], 1, "{report}");
    // The first error (the published catalogue's accepted warnings come along).
    let d = report["diagnostics"]
        .as_array()
        .and_then(|ds| ds.iter().find(|d| d["severity"] == "error"))
        .expect("an error");
    assert_eq!(d["code"], "missing-text");
    assert_eq!(d["file"], "services/stay-notification.toml");
    assert_eq!(d["path"], "name");
    assert!(d["line"].as_u64().is_some());
    let draft = report["id"].as_str().unwrap().to_string();
    // The diff is shown even with errors.
    let changed = &report["diff"]["changed"][0];
    assert_eq!(changed["id"], "stay-notification");
    let kinds: Vec<&str> = changed["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"renamed") && kinds.contains(&"fees-changed"),
        "{kinds:?}"
    );
    // A broken draft can be neither previewed nor published.
    let (s, _) = staff
        .get_json(&format!("/api/v1/staff/drafts/{draft}/catalog"))
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    let r = publisher
        .post(&format!("/api/v1/staff/drafts/{draft}/publish"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::CONFLICT, "draft_has_errors".into())
    );

    // Fixed: previewable, and a test submission is checked but stored nowhere.
    let fixed = files[&key].replace(
        "en = \"\"\n\n[summary]",
        "en = \"Notice of overnight stay\"\n\n[summary]",
    );
    files.insert(key.clone(), fixed);
    let (_, report) = upload(&staff, &files).await;
    assert_eq!(report["errors"], 0, "{report}");
    let draft = report["id"].as_str().unwrap().to_string();
    let (s, index) = staff
        .get_json(&format!("/api/v1/staff/drafts/{draft}/catalog"))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_ne!(index["version"], before["version"]);
    let (_, service) = staff
        .get_json(&format!(
            "/api/v1/staff/drafts/{draft}/services/stay-notification"
        ))
        .await;
    assert_eq!(service["name"]["en"], "Notice of overnight stay");
    // Its ETag is the draft's version, which a previewed form's test draft records.
    let r = staff
        .get(&format!(
            "/api/v1/staff/drafts/{draft}/services/stay-notification"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["etag"]
            .to_str()
            .unwrap()
            .trim_start_matches("W/"),
        format!("\"{}\"", index["version"].as_str().unwrap())
    );
    // The preview's service page reads the draft's service without its form.
    let (s, overview) = staff
        .get_json(&format!(
            "/api/v1/staff/drafts/{draft}/services/stay-notification/overview"
        ))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(overview["name"]["en"], "Notice of overnight stay");
    assert!(overview.get("form").is_none(), "{overview}");
    // Its form pages read what the form needs of the draft's service, with the draft's
    // version.
    let r = staff
        .get(&format!(
            "/api/v1/staff/drafts/{draft}/services/stay-notification/form"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.headers()["etag"]
            .to_str()
            .unwrap()
            .trim_start_matches("W/"),
        format!("\"{}\"", index["version"].as_str().unwrap())
    );
    let form: Value = r.json().await.unwrap();
    assert!(form["form"]["steps"].is_array(), "{form}");
    assert_eq!(form["form"], service["form"]);
    assert!(form.get("documents").is_none(), "{form}");
    let r = staff
        .post(&format!("/api/v1/staff/drafts/{draft}/submissions"))
        .json(&json!({ "service_id": "birth-registration", "answers": {} }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let result: Value = r.json().await.unwrap();
    assert_eq!(result["sandbox"], true);
    assert_eq!(result["accepted"], false);
    assert!(!result["problems"].as_array().unwrap().is_empty());
    let (_, dossiers) = staff.get_json("/api/v1/staff/dossiers").await;
    assert_eq!(
        dossiers["dossiers"].as_array().unwrap().len(),
        0,
        "no dossier from a preview"
    );
    // Citizens still see the old version.
    let (_, public) = staff.get_json("/api/v1/services/stay-notification").await;
    assert_eq!(public["name"]["en"], "Notification of stay");

    // The editor who made it cannot publish it: that takes the publisher role.
    let r = staff
        .post(&format!("/api/v1/staff/drafts/{draft}/publish"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "staff_role_required".into())
    );
    // The publisher reads the draft, then publishes: citizens see it at once.
    let (s, _) = publisher
        .get_json(&format!("/api/v1/staff/drafts/{draft}"))
        .await;
    assert_eq!(s, StatusCode::OK);
    let r = publisher
        .post(&format!("/api/v1/staff/drafts/{draft}/publish"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let versions: Value = r.json().await.unwrap();
    assert_eq!(versions["current"], index["version"]);
    // The history records both people.
    assert_eq!(versions["versions"][0]["published_by"], PUBLISHER);
    assert_eq!(versions["versions"][0]["drafted_by"], STAFF);
    let actions: Vec<&str> = versions["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["publish", "deployed"]);
    let citizen = sign_in(&server.base, CITIZEN).await;
    let (_, public) = citizen.get_json("/api/v1/services/stay-notification").await;
    assert_eq!(public["name"]["en"], "Notice of overnight stay");
    let (_, public_index) = citizen.get_json("/api/v1/catalog").await;
    assert_eq!(public_index["version"], index["version"]);

    // A restart over the same files serves the published version.
    drop(server);
    let server = server_in(&db).await;
    let staff = sign_in(&server.base, STAFF).await;
    let publisher = sign_in(&server.base, PUBLISHER).await;
    let (_, public) = staff.get_json("/api/v1/services/stay-notification").await;
    assert_eq!(public["name"]["en"], "Notice of overnight stay");

    // Rolling back is a publisher's too.
    let r = staff
        .post("/api/v1/staff/catalog/rollback")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "staff_role_required".into())
    );
    let r = publisher
        .post("/api/v1/staff/catalog/rollback")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let (_, public) = staff.get_json("/api/v1/services/stay-notification").await;
    assert_eq!(public["name"]["en"], "Notification of stay");
    let (_, index) = staff.get_json("/api/v1/catalog").await;
    assert_eq!(index["version"], before["version"]);
    // Pressed again: there is nothing before the deployed version, and the change just
    // rolled back does not come back.
    let r = publisher
        .post("/api/v1/staff/catalog/rollback")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::CONFLICT, "no_previous_version".into())
    );
    let (_, public) = staff.get_json("/api/v1/services/stay-notification").await;
    assert_eq!(public["name"]["en"], "Notification of stay");
}

#[tokio::test]
async fn everyone_but_staff_is_refused_at_every_step() {
    let server = common::start().await;
    let staff = sign_in(&server.base, STAFF).await;
    let (_, report) = upload(&staff, &catalogue_files()).await;
    let draft = report["id"].as_str().unwrap().to_string();
    let citizen = sign_in(&server.base, CITIZEN).await;
    let gets = [
        format!("/api/v1/staff/drafts/{draft}"),
        format!("/api/v1/staff/drafts/{draft}/catalog"),
        format!("/api/v1/staff/drafts/{draft}/services/birth-registration"),
        format!("/api/v1/staff/drafts/{draft}/services/birth-registration/overview"),
        format!("/api/v1/staff/drafts/{draft}/services/birth-registration/form"),
        "/api/v1/staff/catalog/versions".to_string(),
    ];
    let posts = [
        "/api/v1/staff/drafts".to_string(),
        format!("/api/v1/staff/drafts/{draft}/submissions"),
        format!("/api/v1/staff/drafts/{draft}/publish"),
        "/api/v1/staff/catalog/rollback".to_string(),
    ];
    for path in &gets {
        let r = citizen.get(path).send().await.unwrap();
        assert_eq!(
            error_code(r).await,
            (StatusCode::FORBIDDEN, "staff_only".into()),
            "{path}"
        );
        let r = server.get(path).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
    for path in &posts {
        let r = citizen.post(path).json(&json!({})).send().await.unwrap();
        assert_eq!(
            error_code(r).await,
            (StatusCode::FORBIDDEN, "staff_only".into()),
            "{path}"
        );
        let r = server
            .client
            .post(format!("{}{path}", server.base))
            .header("x-portal-request", "1")
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
    // A dossier officer is staff, but not for the catalogue.
    let officer = sign_in(&server.base, OFFICER).await;
    for path in &gets {
        let r = officer.get(path).send().await.unwrap();
        assert_eq!(
            error_code(r).await,
            (StatusCode::FORBIDDEN, "staff_role_required".into()),
            "{path}"
        );
    }
    for path in &posts {
        let r = officer.post(path).json(&json!({})).send().await.unwrap();
        assert_eq!(
            error_code(r).await,
            (StatusCode::FORBIDDEN, "staff_role_required".into()),
            "{path}"
        );
    }
    // Nothing was published by the attempts.
    let (_, versions) = staff.get_json("/api/v1/staff/catalog/versions").await;
    assert_eq!(versions["versions"].as_array().unwrap().len(), 0);
}

/// Four-eyes: somebody who holds both catalogue roles still cannot publish their own
/// draft; another publisher can, and the history names both.
#[tokio::test]
async fn nobody_publishes_their_own_draft() {
    let dir = tempfile::tempdir().unwrap();
    let directory = dir.path().join("staff.toml");
    std::fs::write(
        &directory,
        format!(
            "[[staff]]\nsubject = \"{STAFF}\"\nroles = [\"catalogue_editor\", \"catalogue_publisher\"]\n\
             [[staff]]\nsubject = \"{PUBLISHER}\"\nroles = [\"catalogue_publisher\"]\n"
        ),
    )
    .unwrap();
    let server = start_with(move |c| c.staff_directory = Some(directory)).await;
    let both = sign_in(&server.base, STAFF).await;
    let (status, report) = upload(&both, &catalogue_files()).await;
    assert_eq!(status, StatusCode::CREATED, "{report}");
    let draft = report["id"].as_str().unwrap().to_string();
    let r = both
        .post(&format!("/api/v1/staff/drafts/{draft}/publish"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "four_eyes_required".into())
    );
    let (_, versions) = both.get_json("/api/v1/staff/catalog/versions").await;
    assert_eq!(versions["versions"].as_array().unwrap().len(), 0);
    let other = sign_in(&server.base, PUBLISHER).await;
    let r = other
        .post(&format!("/api/v1/staff/drafts/{draft}/publish"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let versions: Value = r.json().await.unwrap();
    assert_eq!(versions["versions"][0]["published_by"], PUBLISHER);
    assert_eq!(versions["versions"][0]["drafted_by"], STAFF);
    // Someone the configured directory does not list is not staff, even if the
    // sandbox directory would have said so.
    let officer = sign_in(&server.base, OFFICER).await;
    let r = officer
        .get("/api/v1/staff/catalog/versions")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "staff_only".into())
    );
}

#[tokio::test]
async fn hostile_drafts_give_findings_or_clear_errors() {
    let server = common::start().await;
    let staff = sign_in(&server.base, STAFF).await;
    // Not JSON at all.
    let r = staff
        .post("/api/v1/staff/drafts")
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(r).await.1, "bad_request_body");
    // Deeply nested JSON.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let r = staff
        .post("/api/v1/staff/drafts")
        .header("content-type", "application/json")
        .body(deep)
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(r).await.1, "bad_request_body");
    // 50 MB.
    let mut files = BTreeMap::new();
    files.insert(
        "services/huge.toml".to_string(),
        "#".repeat(50 * 1024 * 1024),
    );
    let (status, body) = upload(&staff, &files).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    // Invalid TOML, script tags, deep TOML: findings.
    let mut files = catalogue_files();
    files.insert("services/broken.toml".into(), "id = = \"x\"".into());
    let key = "services/stay-notification.toml".to_string();
    let scripted = files[&key].replace(
        "en = \"Notification of stay\"",
        "en = \"<script>alert(1)</script>\"",
    );
    files.insert(key, scripted);
    files.insert(
        "services/deep.toml".into(),
        format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000)),
    );
    let (status, report) = upload(&staff, &files).await;
    assert_eq!(status, StatusCode::CREATED);
    let c = codes(&report);
    assert!(c.iter().filter(|c| *c == "syntax").count() >= 2, "{c:?}");
    assert!(c.contains(&"unsafe-text".to_string()), "{c:?}");
    // Thousands of services.
    let mut files = catalogue_files();
    let template = files["services/stay-notification.toml"].clone();
    for i in 0..2000 {
        let id = format!("generated-{i}");
        files.insert(
            format!("services/{id}.toml"),
            template
                .replace("id = \"stay-notification\"", &format!("id = \"{id}\""))
                .replace("directive24_item = 6\n", ""),
        );
    }
    let (status, report) = upload(&staff, &files).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(report["errors"], 0, "{:?}", &report["diagnostics"][0]);
    assert_eq!(report["diff"]["added"].as_array().unwrap().len(), 2000);
    // The server still answers.
    let (s, _) = staff.get_json("/api/v1/catalog").await;
    assert_eq!(s, StatusCode::OK);
    // Unknown drafts.
    let (s, _) = staff.get_json("/api/v1/staff/drafts/nosuchdraft").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = staff.get_json("/api/v1/staff/drafts/..%2F..").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}
