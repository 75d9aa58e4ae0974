//! Several server instances on one PostgreSQL database, as a deployment behind a load
//! balancer runs them: whatever one instance stores, another serves. These need the
//! test PostgreSQL server (`PORTAL_TEST_POSTGRES`, which `scripts/test` sets); without
//! it they say so and pass, unless `PORTAL_REQUIRE_POSTGRES` is set (as `scripts/test`
//! does), which makes a missing server a failure.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{json, Value};
use sqlx::Row;

use crate::common::portal::{pdf, sign_in, submission, User, CITIZEN, STAFF};
use crate::common::process::Server;
use crate::common::{self, TestServer};

const PUBLISHER: &str = "sandbox-staff-khanh";

/// The PostgreSQL server, or `None` (with a note) when the tests run without one.
fn postgres_or_skip(test: &str) -> Option<String> {
    match common::postgres() {
        Some(url) => Some(url),
        None if std::env::var_os("PORTAL_REQUIRE_POSTGRES").is_some() => {
            panic!("{test}: PORTAL_REQUIRE_POSTGRES is set but PORTAL_TEST_POSTGRES is not")
        }
        None => {
            eprintln!("{test}: skipped, no PostgreSQL (set PORTAL_TEST_POSTGRES)");
            None
        }
    }
}

/// Two in-process instances (separate pools, caches and catalogue followers) on one
/// new database.
async fn two_instances(catalog: &std::path::Path) -> (TestServer, TestServer) {
    let dir = tempfile::tempdir().unwrap();
    let db = common::fresh_database(dir.path()).await;
    let start = |db: String| {
        let catalog = catalog.to_path_buf();
        common::start_with(move |c| {
            c.db = db;
            c.catalog_dir = catalog;
            c.payment_secret = Some(PAYMENT_SECRET.into());
        })
    };
    let a = start(db.clone()).await;
    let b = start(db).await;
    (a, b)
}

const PAYMENT_SECRET: &str = "multi-instance-callback-secret";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_payment_callback_sent_at_once_to_both_instances_counts_once() {
    if postgres_or_skip("a_payment_callback_sent_at_once").is_none() {
        return;
    }
    let catalog = common::portal::fixture_catalogue();
    let (a, b) = two_instances(catalog.path()).await;
    let user = sign_in(&a.base, CITIZEN).await;
    let file = user.upload_ok("to-khai.pdf", pdf(3000)).await;
    let receipt = user
        .submit_ok("fee-1", &submission("test-fixed-fee", &[file]))
        .await;
    let code = receipt["code"].as_str().unwrap().to_string();
    let r = through(&user, &b.base)
        .post(&format!("/api/v1/dossiers/{code}/payments"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let started: Value = r.json().await.unwrap();
    let body = serde_json::to_vec(&json!({
        "payment_id": started["payment_id"], "dossier_code": code, "amount": 200000,
        "outcome": "success"
    }))
    .unwrap();
    let signature = common::portal::sign_callback(&body, PAYMENT_SECRET);
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..16 {
        let base = if i % 2 == 0 {
            a.base.clone()
        } else {
            b.base.clone()
        };
        let (body, signature) = (body.clone(), signature.clone());
        tasks.spawn(async move {
            let r = common::portal::client()
                .post(format!("{base}/api/v1/payments/callback"))
                .header("content-type", "application/json")
                .header("x-sandbox-signature", signature)
                .body(body)
                .send()
                .await
                .unwrap();
            let status = r.status();
            (status, r.json::<Value>().await.unwrap())
        });
    }
    while let Some(done) = tasks.join_next().await {
        let (status, v) = done.unwrap();
        assert_eq!(status, StatusCode::OK, "{v}");
        assert_eq!(v["payment_status"], "paid");
    }
    let paid_events = "SELECT COUNT(*) FROM dossier_events WHERE event = 'payment_succeeded'";
    assert_eq!(common::count(&a.db, paid_events).await, 1, "counted once");
}

/// The same person, now talking to `base`.
fn through(user: &User, base: &str) -> User {
    User {
        base: base.to_string(),
        ..user.clone()
    }
}

#[tokio::test]
async fn what_one_instance_stores_the_other_serves() {
    if postgres_or_skip("what_one_instance_stores_the_other_serves").is_none() {
        return;
    }
    let catalog = common::portal::fixture_catalogue();
    let (a, b) = two_instances(catalog.path()).await;

    // Signing in starts on A (its page signs the state) and finishes on B.
    let client = common::portal::client();
    let state = common::portal::sign_in_state(&client, &a.base).await;
    let r = client
        .post(format!("{}/auth/sign-in", b.base))
        .form(&[("state", state.as_str()), ("identity", CITIZEN)])
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "B accepts A's sign-in state"
    );
    // The session made through A is good on B, and the other way round.
    let on_a = sign_in(&a.base, CITIZEN).await;
    let on_b = through(&on_a, &b.base);
    let (status, session) = on_b.get_json("/api/v1/session").await;
    assert_eq!(status, StatusCode::OK, "{session}");
    assert_eq!(session["user"]["subject"], CITIZEN, "{session}");

    // A file uploaded through A is read through B, byte for byte, and a dossier filed
    // through B holds it.
    let bytes = pdf(300_000);
    let id = on_a.upload_ok("giay-chung-sinh.pdf", bytes.clone()).await;
    let r = on_b
        .get(&format!("/api/v1/attachments/{id}/content"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.bytes().await.unwrap().as_ref(), bytes.as_slice());
    let receipt = on_b
        .submit_ok("multi-1", &submission("birth-registration", &[id]))
        .await;
    let code = receipt["code"].as_str().unwrap();
    let (status, dossier) = on_a.get_json(&format!("/api/v1/dossiers/{code}")).await;
    assert_eq!(status, StatusCode::OK, "{dossier}");
    assert_eq!(dossier["attachments"].as_array().unwrap().len(), 1);

    // Signing out through B ends the session for A too.
    let r = on_b.delete("/api/v1/session").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let (status, _) = on_a.get_json("/api/v1/dossiers").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_publication_on_one_instance_is_served_by_the_other_within_two_seconds() {
    if postgres_or_skip("a_publication_on_one_instance_is_served_by_the_other").is_none() {
        return;
    }
    let catalog = common::repo_root().join("catalog");
    let (a, b) = two_instances(&catalog).await;
    let version = |s: &TestServer| {
        let url = format!("{}/api/v1/catalog", s.base);
        async move {
            let v: Value = reqwest::get(url).await.unwrap().json().await.unwrap();
            v["version"].as_str().unwrap().to_string()
        }
    };
    let before = version(&b).await;
    assert_eq!(version(&a).await, before);

    let mut files: std::collections::BTreeMap<String, String> = portal_catalog::read_dir(&catalog)
        .unwrap()
        .into_iter()
        .map(|f| (f.name, f.text))
        .collect();
    let service = files
        .get_mut("services/birth-registration.toml")
        .expect("the birth registration file");
    *service = service.replacen(
        "vi = \"Đăng ký khai sinh\"",
        "vi = \"Đăng ký khai sinh (bản mới)\"",
        1,
    );
    let editor = sign_in(&a.base, STAFF).await;
    let r = editor
        .post("/api/v1/staff/drafts")
        .json(&json!({ "files": files }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let draft: Value = r.json().await.unwrap();
    let draft = draft["id"].as_str().unwrap().to_string();
    let publisher = sign_in(&a.base, PUBLISHER).await;
    let r = publisher
        .post(&format!("/api/v1/staff/drafts/{draft}/publish"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let published = version(&a).await;
    assert_ne!(published, before);

    let waited = until_served(&b, &published, &version).await;
    eprintln!("publication served by the other instance after {waited:?}");
    let r = reqwest::get(format!("{}/api/v1/services/birth-registration", b.base))
        .await
        .unwrap();
    let service: Value = r.json().await.unwrap();
    assert_eq!(service["name"]["vi"], "Đăng ký khai sinh (bản mới)");

    // A rollback through B is served by A as quickly.
    let publisher_b = through(&publisher, &b.base);
    let r = publisher_b
        .post("/api/v1/staff/catalog/rollback")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let waited = until_served(&a, &before, &version).await;
    eprintln!("rollback served by the other instance after {waited:?}");
}

/// Polls `server` until it serves catalogue `want`; fails after two seconds.
async fn until_served<F, Fut>(server: &TestServer, want: &str, version: &F) -> Duration
where
    F: Fn(&TestServer) -> Fut,
    Fut: std::future::Future<Output = String>,
{
    let started = Instant::now();
    loop {
        if version(server).await == want {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "the other instance still serves the old catalogue after 2 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_key_sent_32_times_at_once_through_two_instances_files_one_dossier() {
    if postgres_or_skip("one_key_sent_32_times_at_once").is_none() {
        return;
    }
    let catalog = common::portal::fixture_catalogue();
    let (a, b) = two_instances(catalog.path()).await;
    let user = sign_in(&a.base, CITIZEN).await;
    let id = user.upload_ok("to-khai.pdf", pdf(20_000)).await;
    let body = submission("birth-registration", &[id]);
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..32 {
        let who = through(&user, if i % 2 == 0 { &a.base } else { &b.base });
        let body = body.clone();
        tasks.spawn(async move {
            let r = who.submit("double-click-32", &body).await;
            let status = r.status();
            let v: Value = r.json().await.unwrap();
            (status, v)
        });
    }
    let mut codes = HashSet::new();
    while let Some(done) = tasks.join_next().await {
        let (status, v) = done.unwrap();
        assert_eq!(status, StatusCode::CREATED, "{v}");
        codes.insert(v["code"].as_str().unwrap().to_string());
    }
    assert_eq!(codes.len(), 1, "one dossier: {codes:?}");
    assert_eq!(
        common::count(&a.db, "SELECT COUNT(*) FROM dossiers").await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_instance_killed_mid_stream_loses_and_duplicates_nothing() {
    if postgres_or_skip("an_instance_killed_mid_stream").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = common::fresh_database(dir.path()).await;
    let catalog = common::portal::fixture_catalogue();
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>t</title>").unwrap();
    let a = Server::start(&db, catalog.path(), &dist);
    let b = Server::start(&db, catalog.path(), &dist);
    let user = sign_in(&b.base, CITIZEN).await;

    // Eight clients send submissions without pause, alternating between the instances;
    // A is killed (SIGKILL) while they do. A client whose request fails retries the same
    // key through B, as a balancer would send it on. A is killed once 40 dossiers are
    // filed, and no client goes past its 13th before then: on a fast machine the 200
    // could otherwise all be in before the kill (a fixed pause once let them).
    const KILL_AT: i64 = 40;
    const HOLD_AT: usize = 13;
    let (killed_tx, killed) = tokio::sync::watch::channel(false);
    let (a_base, b_base) = (a.base.clone(), b.base.clone());
    let mut tasks = tokio::task::JoinSet::new();
    for client in 0..8 {
        let user = user.clone();
        let (a_base, b_base) = (a_base.clone(), b_base.clone());
        let mut killed = killed.clone();
        tasks.spawn(async move {
            let mut receipts = Vec::new();
            for n in 0..25 {
                if n == HOLD_AT {
                    killed.wait_for(|k| *k).await.unwrap();
                }
                let key = format!("stream-{client}-{n}");
                let body = submission("birth-registration", &[]);
                let first = if n % 2 == 0 { &a_base } else { &b_base };
                // A request to the killed instance fails (connection refused or reset,
                // or no answer): sent again, the same key, through B.
                let sent = through(&user, first)
                    .post("/api/v1/dossiers")
                    .header("idempotency-key", &key)
                    .json(&body)
                    .timeout(Duration::from_secs(10))
                    .send()
                    .await;
                let answer = match sent {
                    Ok(r) if r.status().is_success() => r,
                    _ => through(&user, &b_base).submit(&key, &body).await,
                };
                assert_eq!(answer.status(), StatusCode::CREATED, "{key}");
                let v: Value = answer.json().await.unwrap();
                receipts.push((key, v["code"].as_str().unwrap().to_string()));
            }
            receipts
        });
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while common::count(&db, "SELECT COUNT(*) FROM dossiers").await < KILL_AT {
        assert!(
            std::time::Instant::now() < deadline,
            "{KILL_AT} dossiers in a minute"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    a.kill();
    killed_tx.send(true).unwrap();
    let at_kill = common::count(&db, "SELECT COUNT(*) FROM dossiers").await;
    eprintln!("{at_kill} of 200 dossiers filed when A was killed");
    assert!(
        at_kill > 0 && at_kill < 200,
        "A was killed mid-stream ({at_kill})"
    );
    let mut receipts: HashMap<String, String> = HashMap::new();
    while let Some(done) = tasks.join_next().await {
        for (key, code) in done.unwrap() {
            assert!(receipts.insert(key, code).is_none());
        }
    }
    assert_eq!(receipts.len(), 200);
    // Every receipt is a dossier in the database, and no key made two.
    let mut c = common::db_conn(&db).await;
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT k.key, d.code FROM idempotency_keys k JOIN dossiers d ON d.id = k.dossier_id",
    )
    .fetch_all(&mut c)
    .await
    .unwrap();
    let stored: HashMap<String, String> = rows.into_iter().collect();
    assert_eq!(
        stored, receipts,
        "every receipt is the stored dossier of its key"
    );
    assert_eq!(
        common::count(&db, "SELECT COUNT(*) FROM dossiers").await,
        200
    );
    // Codes from both instances' reserved blocks never collide, and the statistics count
    // each dossier once, however many rows its cell spread over.
    let codes: std::collections::HashSet<&String> = receipts.values().collect();
    assert_eq!(codes.len(), 200, "every dossier has its own code");
    let counted = "SELECT CAST(SUM(received_online) AS BIGINT) FROM statistics_cells";
    assert_eq!(common::count(&db, counted).await, 200);
    drop(b);
}

/// A private cluster of this test's own (it is stopped and started again), from
/// `scripts/postgres`.
struct OwnCluster {
    dir: String,
    url: String,
}

impl OwnCluster {
    fn start() -> OwnCluster {
        let out = std::process::Command::new(common::repo_root().join("scripts/postgres"))
            .arg("start")
            .output()
            .expect("scripts/postgres runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let value = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name))
                .expect("scripts/postgres prints it")
                .to_string()
        };
        OwnCluster {
            dir: value("PG_DIR="),
            url: value("PG_URL="),
        }
    }

    fn run(&self, action: &str) {
        let status = std::process::Command::new(common::repo_root().join("scripts/postgres"))
            .args([action, &self.dir])
            .status()
            .expect("scripts/postgres runs");
        assert!(status.success(), "scripts/postgres {action}");
    }
}

impl Drop for OwnCluster {
    fn drop(&mut self) {
        self.run("stop");
    }
}

#[tokio::test]
async fn postgres_lost_and_back_gives_503_then_exactly_one_dossier() {
    if postgres_or_skip("postgres_lost_and_back").is_none() {
        return;
    }
    // Not there at start: a clear error and a failed exit.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_portal-server"))
        .args([
            "--port",
            "0",
            "--db",
            "postgres://portal@127.0.0.1:1/portal",
        ])
        .arg("--catalog")
        .arg(common::repo_root().join("catalog"))
        .output()
        .expect("the server binary runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the database could not be opened"), "{err}");

    let cluster = OwnCluster::start();
    let catalog = common::portal::fixture_catalogue();
    let (url, path) = (cluster.url.clone(), catalog.path().to_path_buf());
    let s = common::start_with(move |c| {
        c.db = url;
        c.catalog_dir = path;
    })
    .await;
    let user = sign_in(&s.base, CITIZEN).await;
    let body = submission("birth-registration", &[]);
    let (status, _) = user.get_json("/healthz").await;
    assert_eq!(status, StatusCode::OK);

    // Lost while running: 503 with Retry-After, readiness fails, liveness holds, and
    // nothing half-filed.
    cluster.run("pause");
    let r = user.submit("while-down", &body).await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.headers()["retry-after"], "5");
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "database_unavailable");
    let r = reqwest::get(format!("{}/healthz", s.base)).await.unwrap();
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    let r = reqwest::get(format!("{}/livez", s.base)).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    // Back: the same request with the same key files exactly one dossier.
    cluster.run("resume");
    let mut answer = user.submit("while-down", &body).await;
    let started = Instant::now();
    while answer.status() == StatusCode::SERVICE_UNAVAILABLE
        && started.elapsed() < Duration::from_secs(10)
    {
        tokio::time::sleep(Duration::from_millis(200)).await;
        answer = user.submit("while-down", &body).await;
    }
    assert_eq!(answer.status(), StatusCode::CREATED);
    let again = user.submit("while-down", &body).await;
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(
        common::count(&s.db, "SELECT COUNT(*) FROM dossiers").await,
        1
    );
}

#[tokio::test]
async fn copy_db_moves_a_sqlite_deployment_to_postgres() {
    if postgres_or_skip("copy_db_moves_a_sqlite_deployment_to_postgres").is_none() {
        return;
    }
    let catalog = common::portal::fixture_catalogue();
    let dir = tempfile::tempdir().unwrap();
    let sqlite = dir.path().join("old/portal.sqlite3").display().to_string();
    let (db, path) = (sqlite.clone(), catalog.path().to_path_buf());
    let old = common::start_with(move |c| {
        c.db = db;
        c.catalog_dir = path;
    })
    .await;
    let user = sign_in(&old.base, CITIZEN).await;
    let bytes = pdf(50_000);
    let id = user.upload_ok("to-khai.pdf", bytes.clone()).await;
    let first = user
        .submit_ok(
            "copy-1",
            &submission("birth-registration", std::slice::from_ref(&id)),
        )
        .await;
    let code = first["code"].as_str().unwrap().to_string();
    // What the API above does not reach: an agency's hand-off and answer, a rating, an
    // unfinished application, feedback and a month of statistics, written as those features
    // write them.
    later_features(&sqlite, &code).await;

    let postgres = common::fresh_database(dir.path()).await;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_portal-server"))
        .args(["copy-db", "--from", &sqlite, "--to", &postgres])
        .output()
        .expect("copy-db runs");
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(printed.contains("dossiers: 1 row(s)"), "{printed}");
    assert!(printed.contains("attachment_bytes: 1 row(s)"), "{printed}");
    for table in ["outbox", "agency_events", "form_drafts", "feedback"] {
        assert!(printed.contains(&format!("{table}: 1 row(s)")), "{printed}");
    }
    let cells = "SELECT COUNT(*) FROM statistics_cells WHERE month = '2025-03'
                   AND province = '01' AND not_satisfied = 11 AND generated = 12";
    assert_eq!(common::count(&postgres, cells).await, 1);
    // Every column of every table, value for value.
    for (table, spec) in portal_server::copy_db::TABLES {
        assert_eq!(
            table_rows(&postgres, table, spec).await,
            table_rows(&sqlite, table, spec).await,
            "{table} after the copy"
        );
    }
    let filled = common::count(
        &postgres,
        "SELECT COUNT(*) FROM dossiers WHERE agency_system = 'sandbox-agency'
           AND agency_sequence = 3 AND rating = 'satisfied' AND rated_at IS NOT NULL
           AND decided_on = '2025-03-04' AND province = '01' AND received_on IS NOT NULL
           AND channel = 'centre' AND generated = 1",
    )
    .await;
    assert_eq!(filled, 1, "the dossier's later columns were copied");
    // Each identity PostgreSQL numbers rows with continues after the copied ones.
    let mut c = common::db_conn(&postgres).await;
    let identities: HashSet<(String, String)> = sqlx::query(
        "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT)
           FROM information_schema.columns
          WHERE table_schema = current_schema() AND is_identity = 'YES'
            AND identity_generation = 'BY DEFAULT'",
    )
    .fetch_all(&mut c)
    .await
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1)))
    .collect();
    let counters: HashSet<(String, String)> = portal_server::copy_db::COUNTERS
        .iter()
        .map(|(t, c)| (t.to_string(), c.to_string()))
        .collect();
    assert_eq!(identities, counters);
    for (table, column) in portal_server::copy_db::COUNTERS {
        let row = sqlx::query(&format!(
            "SELECT nextval(pg_get_serial_sequence('{table}', '{column}')),
                    CAST(COALESCE((SELECT MAX({column}) FROM {table}), 0) AS BIGINT)"
        ))
        .fetch_one(&mut c)
        .await
        .unwrap();
        let (next, max): (i64, i64) = (row.get(0), row.get(1));
        assert_eq!(next, max + 1, "{table}.{column} continues after the copy");
    }
    drop(c);
    // A second copy into the same database is refused: it is no longer empty.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_portal-server"))
        .args(["copy-db", "--from", &sqlite, "--to", &postgres])
        .output()
        .unwrap();
    assert!(!again.status.success());

    let (db, path) = (postgres.clone(), catalog.path().to_path_buf());
    let new = common::start_with(move |c| {
        c.db = db;
        c.catalog_dir = path;
    })
    .await;
    // The same session cookie, the same dossier, the same file, byte for byte.
    let moved = through(&user, &new.base);
    let (status, dossier) = moved.get_json(&format!("/api/v1/dossiers/{code}")).await;
    assert_eq!(status, StatusCode::OK, "{dossier}");
    assert_eq!(dossier["rating"]["rating"], "satisfied", "{dossier}");
    let r = moved
        .get(&format!("/api/v1/attachments/{id}/content"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.bytes().await.unwrap().as_ref(), bytes.as_slice());
    // The key is remembered, and new dossiers continue the numbering.
    let replay = moved
        .submit("copy-1", &submission("birth-registration", &[id]))
        .await;
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    let second = moved
        .submit_ok("copy-2", &submission("birth-registration", &[]))
        .await;
    let second = second["code"].as_str().unwrap();
    assert_ne!(second, code);
    assert!(second.ends_with("-0002"), "{second} follows {code}");
    drop(old);
}

/// One row in each table, and a value in each column, that migrations 11 to 16 added,
/// for the dossier `code`: an agency's hand-off, its answer and result document, a
/// rating, an unfinished application, feedback and a month of statistics.
async fn later_features(sqlite: &str, code: &str) {
    let mut c = common::db_conn(sqlite).await;
    let row = sqlx::query("SELECT id, owner FROM dossiers WHERE code = $1")
        .bind(code)
        .fetch_one(&mut c)
        .await
        .unwrap();
    let (dossier, owner): (i64, String) = (row.get(0), row.get(1));
    sqlx::query(
        "UPDATE dossiers SET agency_system = 'sandbox-agency', agency_code = 'HS-9',
                agency_name_vi = 'UBND phường', agency_name_en = 'Ward People''s Committee',
                agency_sequence = 3, result_note = 'Nhận tại bộ phận một cửa',
                result_document_id = 'copy-result', result_document_name = 'ket-qua.pdf',
                rating = 'satisfied', rating_comment = 'Nhanh', rated_at = 1741000000,
                due_on = '2025-03-10', decided_on = '2025-03-04', province = '01',
                channel = 'centre', generated = 1
          WHERE id = $1",
    )
    .bind(dossier)
    .execute(&mut c)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO attachments (id, owner, name, media_type, size, sha256, created_at,
                dossier_id, attached_at, supplement, from_agency)
         VALUES ('copy-result', $1, 'ket-qua.pdf', 'application/pdf', 0, '', 1741000000,
                $2, 1741000000, 0, 1)",
    )
    .bind(&owner)
    .bind(dossier)
    .execute(&mut c)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO outbox (delivery_id, dossier_id, system, kind, files_json, note,
                created_ms, next_ms, lease_ms, attempts, state, last_error, delivered_ms)
         VALUES ('copy-delivery', $1, 'sandbox-agency', 'dossier', '[]', 'ghi chú',
                1741000000000, 1741000000000, 0, 2, 'delivered', 'timed out once',
                1741000005000)",
    )
    .bind(dossier)
    .execute(&mut c)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO agency_events (system, event_id, dossier_id, sequence, kind, outcome,
                received_at)
         VALUES ('sandbox-agency', 'event-3', $1, 3, 'status', 'applied', 1741000010)",
    )
    .bind(dossier)
    .execute(&mut c)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO form_drafts (owner, service, sealed, saved_at_ms, answered,
                steps_completed)
         VALUES ($1, 'birth-registration', 'c2VhbGVk', 1741000000123, 7, 2)",
    )
    .bind(&owner)
    .execute(&mut c)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO statistics_cells (month, province, service_id, received_online,
                received_at_centre, decided, decided_on_time, decided_late, fee_due,
                paid_online, satisfied, neutral, not_satisfied, generated)
         VALUES ('2025-03', '01', 'birth-registration', 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12)",
    )
    .execute(&mut c)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO feedback (received_at, page, message, email, signed_in, client_hash)
         VALUES (1741000020, '/tra-cuu', 'Dễ dùng', 'an@example.vn', 1, 'abc123')",
    )
    .execute(&mut c)
    .await
    .unwrap();
}

/// A table's rows on either engine, each value written out, in a fixed order.
async fn table_rows(db: &str, table: &str, spec: &str) -> Vec<Vec<String>> {
    let columns = portal_server::copy_db::columns(spec);
    let list: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
    let mut c = common::db_conn(db).await;
    let rows = sqlx::query(&format!("SELECT {} FROM {table}", list.join(", ")))
        .fetch_all(&mut c)
        .await
        .unwrap();
    let mut out: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            columns
                .iter()
                .enumerate()
                .map(|(i, (_, kind))| match kind {
                    'i' => format!("{:?}", r.get::<Option<i64>, _>(i)),
                    'b' => format!("{:?}", r.get::<Option<Vec<u8>>, _>(i)),
                    _ => format!("{:?}", r.get::<Option<String>, _>(i)),
                })
                .collect()
        })
        .collect();
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_deliver_one_backlog_and_no_record_is_sent_twice() {
    if postgres_or_skip("two_instances_deliver_one_backlog").is_none() {
        return;
    }
    let (url, agency) = crate::agencies::start_agency(vec![]).await;
    // Slow answers keep deliveries in flight while the other instance claims.
    *agency.delay.lock().unwrap() = Duration::from_millis(150);
    let dir = tempfile::tempdir().unwrap();
    let db = common::fresh_database(dir.path()).await;
    let start = |db: String| {
        let url = url.clone();
        common::start_with(move |c| {
            c.db = db;
            c.agency_sandbox = Some(url);
            c.agency_sandbox_secret = Some(crate::agencies::SECRET.into());
            c.delivery.batch = 4;
        })
    };
    let (a, b) = (start(db.clone()).await, start(db.clone()).await);
    let (ua, ub) = (
        sign_in(&a.base, CITIZEN).await,
        sign_in(&b.base, CITIZEN).await,
    );
    let body = crate::common::forms::valid_body(&ua, "death-registration").await;
    // The same answers filed 30 times through both instances (files differ per dossier).
    let mut filed = 0;
    for i in 0..15 {
        for (u, name) in [(&ua, "a"), (&ub, "b")] {
            let mut b = body.clone();
            let text = crate::common::forms::reupload(u, &b).await;
            b = text;
            u.submit_ok(&format!("backlog-{name}-{i}"), &b).await;
            filed += 1;
        }
    }
    crate::agencies::eventually(30, "the backlog is delivered", async || {
        common::count(&db, "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'").await == filed
    })
    .await;
    let received = agency.received.lock().unwrap().clone();
    let ids: HashSet<&str> = received
        .iter()
        .map(|(_, d)| d.delivery_id.as_str())
        .collect();
    assert_eq!(ids.len() as i64, filed, "every delivery arrived");
    assert_eq!(received.len() as i64, filed, "none arrived twice");
    assert_eq!(
        common::count(&db, "SELECT CAST(MAX(attempts) AS BIGINT) FROM outbox").await,
        1
    );
}
