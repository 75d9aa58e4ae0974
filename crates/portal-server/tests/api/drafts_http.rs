//! Unfinished applications kept on the server: saved from one device and continued on
//! another, merged question by question when both changed, listed, deleted, forgotten
//! when the dossier is filed, private to their owner, and sealed at rest.

use crate::common::forms::valid_body;
use crate::common::portal::{error_code, sign_in, User, CITIZEN, CITIZEN_B};
use crate::common::{self, count, db_conn};
use reqwest::StatusCode;
use serde_json::{json, Value};

const SERVICE: &str = "birth-registration";

/// Text answers as the engine writes them (`{"type": "text", "value": …}`).
fn draft(saved_at: i64, answers: Value, changed_at: Value, steps: &[&str]) -> Value {
    let answers: serde_json::Map<String, Value> = answers
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), json!({"type": "text", "value": v})))
        .collect();
    json!({
        "service": SERVICE,
        "catalogue_version": "v",
        "form_fingerprint": "f",
        "answers": answers,
        "completed_steps": steps,
        "saved_at": saved_at,
        "changed_at": changed_at,
    })
}

async fn put(user: &User, service: &str, body: &Value) -> reqwest::Response {
    user.client
        .put(format!("{}/api/v1/drafts/{service}", user.base))
        .header("cookie", &user.cookie)
        .header("x-portal-request", "1")
        .json(body)
        .send()
        .await
        .expect("put")
}

async fn put_ok(user: &User, body: &Value) -> Value {
    let r = put(user, SERVICE, body).await;
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert_eq!(status, StatusCode::OK, "{v}");
    v
}

#[tokio::test]
async fn a_draft_saved_on_the_phone_is_continued_on_the_laptop_and_merged() {
    let s = common::start().await;
    // Two devices: two sign-ins of the same person, two session cookies.
    let phone = sign_in(&s.base, CITIZEN).await;
    let laptop = sign_in(&s.base, CITIZEN).await;

    let (status, none) = laptop.get_json("/api/v1/drafts/birth-registration").await;
    assert_eq!((status, none), (StatusCode::OK, json!({"draft": null})));

    let saved = put_ok(
        &phone,
        &draft(
            1_000,
            json!({"child_name": "Nguyễn Văn An", "place": "Huế"}),
            json!({"child_name": 900, "place": 950}),
            &["child"],
        ),
    )
    .await;
    assert_eq!(saved["from_elsewhere"], json!([]));

    // The laptop reads it back, whole.
    let (status, got) = laptop.get_json("/api/v1/drafts/birth-registration").await;
    assert_eq!(status, StatusCode::OK, "{got}");
    assert_eq!(
        got["draft"]["answers"]["child_name"]["value"],
        "Nguyễn Văn An"
    );
    assert_eq!(got["draft"]["completed_steps"], json!(["child"]));

    // Both change it apart: the laptop changes the place later than the phone did, the
    // phone changed the name later than the laptop's stale copy.
    let merged = put_ok(
        &laptop,
        &draft(
            1_500,
            json!({"child_name": "Nguyễn Văn Bình", "place": "Hà Nội"}),
            json!({"child_name": 400, "place": 1_400}),
            &["child", "mother"],
        ),
    )
    .await;
    assert_eq!(
        merged["draft"]["answers"]["child_name"]["value"],
        "Nguyễn Văn An"
    );
    assert_eq!(merged["draft"]["answers"]["place"]["value"], "Hà Nội");
    assert_eq!(
        merged["from_elsewhere"],
        json!(["child_name"]),
        "the laptop is told"
    );
    assert_eq!(
        merged["draft"]["completed_steps"],
        json!(["child", "mother"])
    );

    // The list shows it once, with its counts and time.
    let (status, list) = phone.get_json("/api/v1/drafts").await;
    assert_eq!(status, StatusCode::OK);
    let drafts = list["drafts"].as_array().unwrap();
    assert_eq!(drafts.len(), 1, "{list}");
    assert_eq!(drafts[0]["service"], SERVICE);
    assert_eq!(drafts[0]["answered"], 2);
    assert_eq!(drafts[0]["steps_completed"], 2);
    assert_eq!(drafts[0]["saved_at_ms"], 1_500);

    // Deleting from one device deletes it for all; deleting again is not an error.
    let r = phone
        .delete("/api/v1/drafts/birth-registration")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = laptop
        .delete("/api/v1/drafts/birth-registration")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let (_, list) = laptop.get_json("/api/v1/drafts").await;
    assert_eq!(list["drafts"], json!([]));
}

#[tokio::test]
async fn drafts_are_their_owners_only_and_sealed_at_rest() {
    let s = common::start().await;
    let owner = sign_in(&s.base, CITIZEN).await;
    let other = sign_in(&s.base, CITIZEN_B).await;
    put_ok(
        &owner,
        &draft(10, json!({"child_name": "Trần Thị Mai"}), json!({}), &[]),
    )
    .await;

    // Another person sees nothing of it, and their save is their own draft.
    let (_, none) = other.get_json("/api/v1/drafts/birth-registration").await;
    assert_eq!(none, json!({"draft": null}));
    let (_, list) = other.get_json("/api/v1/drafts").await;
    assert_eq!(list["drafts"], json!([]));
    let theirs = put_ok(
        &other,
        &draft(20, json!({"child_name": "Lê Văn Tư"}), json!({}), &[]),
    )
    .await;
    assert_eq!(theirs["from_elsewhere"], json!([]));
    let (_, mine) = owner.get_json("/api/v1/drafts/birth-registration").await;
    assert_eq!(
        mine["draft"]["answers"]["child_name"]["value"],
        "Trần Thị Mai"
    );

    // Signed out: 401, never someone's draft.
    let r = s.get("/api/v1/drafts").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    // At rest: the rows hold no answer, and a row moved onto another owner does not open.
    use sqlx::Row;
    let mut c = db_conn(&s.db).await;
    let rows = sqlx::query("SELECT owner, sealed FROM form_drafts ORDER BY owner")
        .fetch_all(&mut c)
        .await
        .unwrap();
    assert_eq!(rows.len(), 2);
    for r in &rows {
        let sealed: String = r.get(1);
        assert!(sealed.starts_with("v1."), "{sealed}");
        assert!(!sealed.contains("child_name"), "{sealed}");
    }
    let owners_row: String = rows
        .iter()
        .find(|r| r.get::<String, _>(0) == owner.subject)
        .map(|r| r.get(1))
        .unwrap();
    sqlx::query("UPDATE form_drafts SET sealed = $1 WHERE owner = $2")
        .bind(&owners_row)
        .bind(&other.subject)
        .execute(&mut c)
        .await
        .unwrap();
    let (status, body) = other.get_json("/api/v1/drafts/birth-registration").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{body}");
    assert!(!body.to_string().contains("Mai"));
}

#[tokio::test]
async fn refusals_and_filing_forgets_the_draft() {
    let s = common::start().await;
    let user = sign_in(&s.base, CITIZEN).await;
    // A forged request without the portal's header, another service in the body, an
    // unknown service, a malformed body.
    let r = user
        .client
        .put(format!("{}/api/v1/drafts/{SERVICE}", s.base))
        .header("cookie", &user.cookie)
        .json(&draft(1, json!({}), json!({}), &[]))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "cross_site_request".into())
    );
    let mut other = draft(1, json!({}), json!({}), &[]);
    other["service"] = json!("marriage-registration");
    let r = put(&user, SERVICE, &other).await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "bad_draft".into())
    );
    let mut unknown = draft(1, json!({}), json!({}), &[]);
    unknown["service"] = json!("no-such-service");
    let r = put(&user, "no-such-service", &unknown).await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::NOT_FOUND, "service_not_found".into())
    );
    let r = put(&user, SERVICE, &json!({"answers": 3})).await;
    assert_eq!(error_code(r).await.1, "bad_request_body");
    let r = put(
        &user,
        SERVICE,
        &json!({"service": SERVICE, "answers": {"a": "bare"}}),
    )
    .await;
    assert_eq!(error_code(r).await.1, "bad_request_body");
    let big = json!({"x": "a".repeat(600 * 1024)});
    let r = put(&user, SERVICE, &draft(1, big, json!({}), &[])).await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::PAYLOAD_TOO_LARGE, "body_too_large".into())
    );
    assert_eq!(count(&s.db, "SELECT COUNT(*) FROM form_drafts").await, 0);

    // Filing the dossier forgets its draft, in the same transaction.
    put_ok(
        &user,
        &draft(5, json!({"child_name": "An"}), json!({}), &[]),
    )
    .await;
    let body = valid_body(&user, SERVICE).await;
    user.submit_ok("draft-then-file", &body).await;
    let (_, none) = user.get_json("/api/v1/drafts/birth-registration").await;
    assert_eq!(none, json!({"draft": null}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn saves_at_once_from_many_devices_lose_no_answer() {
    let s = common::start().await;
    let mut devices = Vec::new();
    for _ in 0..8 {
        devices.push(sign_in(&s.base, CITIZEN).await);
    }
    // Each device answers a question of its own and sends at the same moment; every
    // save merges with the one before it (a row lock on PostgreSQL), none overwrites.
    let mut saves = tokio::task::JoinSet::new();
    for (i, d) in devices.iter().enumerate() {
        let q = format!("q{i}");
        let body = draft(
            100 + i as i64,
            json!({ q.clone(): format!("answer {i}") }),
            json!({ q: 50 + i as i64 }),
            &[],
        );
        let d = d.clone();
        saves.spawn(async move { put_ok(&d, &body).await });
    }
    saves.join_all().await;
    let (_, got) = devices[0]
        .get_json("/api/v1/drafts/birth-registration")
        .await;
    for i in 0..8 {
        assert_eq!(
            got["draft"]["answers"][format!("q{i}")]["value"],
            format!("answer {i}"),
            "{got}"
        );
    }
    assert_eq!(count(&s.db, "SELECT COUNT(*) FROM form_drafts").await, 1);
}

#[tokio::test]
async fn signing_out_makes_the_device_forget_its_drafts() {
    let s = common::start().await;
    let user = sign_in(&s.base, CITIZEN).await;
    put_ok(
        &user,
        &draft(5, json!({"child_name": "An"}), json!({}), &[]),
    )
    .await;
    let r = user
        .client
        .post(format!("{}/auth/sign-out", s.base))
        .header("cookie", &user.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["clear-site-data"], "\"storage\"");
    // The account keeps its copy for the next sign-in.
    let again = sign_in(&s.base, CITIZEN).await;
    let (_, kept) = again.get_json("/api/v1/drafts/birth-registration").await;
    assert_eq!(kept["draft"]["answers"]["child_name"]["value"], "An");
    // Signed out already: nothing to forget, nobody's draft wiped.
    let r = again
        .client
        .post(format!("{}/auth/sign-out", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(r.headers().get("clear-site-data").is_none());
}
