//! Reliability over real HTTP on loopback:
//! - the built server binary is killed (SIGKILL) in the middle of submissions and
//!   uploads, restarted on the same database, and the client retries: every submission
//!   ends as exactly one dossier with all its attachments, and no half-received file
//!   is kept (on either engine: a SQLite file, or PostgreSQL when the tests run on it);
//! - many clients submit at once (bounded): no dossier lost or duplicated, every
//!   response well-formed.

use crate::common;
use crate::common::process::Server;

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::common::portal::{
    pdf, sign_in, submission, User, BUSINESS, CITIZEN, CITIZEN_B, CITIZEN_C, STAFF,
};
use reqwest::StatusCode;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Sends a request's head and the first `sent` bytes of its body on a raw connection,
/// leaving the server waiting for the rest.
fn partial_request(addr: &str, head: &str, body: &[u8], sent: usize) -> TcpStream {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.write_all(head.as_bytes()).expect("head");
    stream.write_all(&body[..sent]).expect("part of the body");
    stream.flush().expect("flush");
    stream
}

fn submit_head(user: &User, addr: &str, key: &str, len: usize) -> String {
    format!(
        "POST /api/v1/dossiers HTTP/1.1\r\nHost: {addr}\r\nCookie: {}\r\nX-Portal-Request: 1\r\n\
         Idempotency-Key: {key}\r\nContent-Type: application/json\r\nContent-Length: {len}\r\n\r\n",
        user.cookie
    )
}

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Checks that the dossier made from `key` exists once and holds exactly `files`.
async fn assert_one_dossier(user: &User, code: &str, files: &[(String, Vec<u8>)]) {
    let (status, d) = user.get_json(&format!("/api/v1/dossiers/{code}")).await;
    assert_eq!(status, StatusCode::OK);
    let held: Vec<&Value> = d["attachments"]
        .as_array()
        .expect("attachments")
        .iter()
        .collect();
    assert_eq!(held.len(), files.len(), "{d}");
    for (id, bytes) in files {
        let a = held
            .iter()
            .find(|a| a["id"] == id.as_str())
            .expect("attachment kept");
        assert_eq!(a["sha256"], sha(bytes));
        let r = user
            .get(&format!("/api/v1/attachments/{id}/content"))
            .send()
            .await
            .expect("content");
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.bytes().await.expect("bytes").as_ref(), bytes.as_slice());
    }
}

#[tokio::test]
async fn killed_mid_submission_then_restarted_leaves_exactly_one_dossier() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::fresh_database(dir.path()).await;
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>shell</title>",
    )
    .unwrap();
    let catalog_dir = common::portal::fixture_catalogue();
    let catalog = catalog_dir.path().to_path_buf();

    let server = Server::start(&db, &catalog, &dist);
    let mut user = sign_in(&server.base, CITIZEN).await;
    let mut files = Vec::new();
    for i in 0..2 {
        let bytes = pdf(40_000 + i * 1000);
        let id = user
            .upload_ok(&format!("scan-{i}.pdf"), bytes.clone())
            .await;
        files.push((id, bytes));
    }
    let ids: Vec<String> = files.iter().map(|(id, _)| id.clone()).collect();
    let body = serde_json::to_vec(&submission("birth-registration", &ids)).unwrap();

    // 1. Killed while the submission's body and another upload are still arriving.
    let _submitting = partial_request(
        &server.addr,
        &submit_head(&user, &server.addr, "draft-kill-1", body.len()),
        &body,
        body.len() / 2,
    );
    let upload = pdf(1_000_000);
    let _uploading = partial_request(
        &server.addr,
        &format!(
            "POST /api/v1/attachments?name=half.pdf HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\n\
             X-Portal-Request: 1\r\nContent-Length: {}\r\n\r\n",
            server.addr,
            user.cookie,
            upload.len()
        ),
        &upload,
        300_000,
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.kill();

    let server = Server::start(&db, &catalog, &dist);
    user.base = server.base.clone();
    assert_eq!(
        common::count(&db, "SELECT COUNT(*) FROM attachments").await,
        2,
        "only the two complete uploads were kept"
    );
    assert_eq!(
        common::count(&db, "SELECT COUNT(*) FROM attachment_bytes").await,
        2
    );
    let (_, list) = user.get_json("/api/v1/dossiers").await;
    assert_eq!(
        list["dossiers"].as_array().unwrap().len(),
        0,
        "nothing half-created"
    );
    // The session survived the restart; the retry creates the dossier.
    let r = user
        .submit("draft-kill-1", &serde_json::from_slice(&body).unwrap())
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    assert!(r.headers().get("idempotent-replayed").is_none());
    let receipt: Value = r.json().await.unwrap();
    let first_code = receipt["code"].as_str().unwrap().to_string();
    let r = user
        .submit("draft-kill-1", &serde_json::from_slice(&body).unwrap())
        .await;
    assert_eq!(r.headers()["idempotent-replayed"], "true");
    assert_one_dossier(&user, &first_code, &files).await;

    // 2. Killed right after whole submissions were sent, at varying moments: whether
    //    the server committed or not, the retry ends with exactly one dossier.
    let mut server = server;
    let mut expected = vec![(first_code, files)];
    let mut committed_before_kill = 0;
    for round in 0..6u64 {
        let bytes = pdf(20_000 + round as usize);
        let id = user.upload_ok("round.pdf", bytes.clone()).await;
        let key = format!("draft-kill-round-{round}");
        let body = serde_json::to_vec(&submission("birth-registration", std::slice::from_ref(&id)))
            .unwrap();
        let _sent = partial_request(
            &server.addr,
            &submit_head(&user, &server.addr, &key, body.len()),
            &body,
            body.len(),
        );
        tokio::time::sleep(Duration::from_millis(round * 4)).await;
        server.kill();
        server = Server::start(&db, &catalog, &dist);
        user.base = server.base.clone();
        let r = user
            .submit(&key, &serde_json::from_slice(&body).unwrap())
            .await;
        assert_eq!(r.status(), StatusCode::CREATED, "round {round}");
        if r.headers().get("idempotent-replayed").is_some() {
            committed_before_kill += 1;
        }
        let receipt: Value = r.json().await.unwrap();
        expected.push((
            receipt["code"].as_str().unwrap().to_string(),
            vec![(id, bytes)],
        ));
    }

    eprintln!("{committed_before_kill} of 6 killed submissions had been committed; the rest were retried afresh");
    let (_, list) = user.get_json("/api/v1/dossiers").await;
    let codes: HashSet<String> = list["dossiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        codes.len(),
        expected.len(),
        "one dossier per submission, no more"
    );
    for (code, files) in &expected {
        assert!(codes.contains(code));
        assert_one_dossier(&user, code, files).await;
    }
    server.kill();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_clients_submitting_at_once_lose_and_duplicate_nothing() {
    const CLIENTS: usize = 50;
    const PER_CLIENT: usize = 4;
    // Fifty people signing in at once, all from loopback, so from one address.
    let s = common::portal::start_with_fixtures(|c| c.sign_in_limit = 1000).await;
    let people = [CITIZEN, CITIZEN_B, CITIZEN_C, BUSINESS];
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for client in 0..CLIENTS {
        let base = s.base.clone();
        let subject = people[client % people.len()];
        tasks.spawn(async move {
            let user = sign_in(&base, subject).await;
            let mut codes = Vec::new();
            for n in 0..PER_CLIENT {
                let r = user
                    .upload(&format!("c{client}-{n}.pdf"), pdf(5_000 + n))
                    .await;
                assert_eq!(r.status(), StatusCode::CREATED);
                let a: Value = r.json().await.expect("upload answer is JSON");
                let id = a["id"].as_str().expect("id").to_string();
                let key = format!("load-{client}-{n}");
                let body = submission("birth-registration", &[id]);
                // Every other submission is double-clicked.
                let answers = if n % 2 == 0 {
                    let (a, b) = tokio::join!(user.submit(&key, &body), user.submit(&key, &body));
                    vec![a, b]
                } else {
                    vec![user.submit(&key, &body).await]
                };
                let mut seen = HashSet::new();
                for r in answers {
                    let status = r.status();
                    let text = r.text().await.expect("body");
                    let v: Value = serde_json::from_str(&text)
                        .unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
                    assert_eq!(status, StatusCode::CREATED, "{v}");
                    seen.insert(v["code"].as_str().expect("code").to_string());
                }
                assert_eq!(seen.len(), 1, "a double click gives one dossier");
                codes.extend(seen);
            }
            (subject, codes)
        });
    }
    let mut by_person: HashMap<&str, Vec<String>> = HashMap::new();
    while let Some(done) = tasks.join_next().await {
        let (subject, codes) = done.expect("client task");
        by_person.entry(subject).or_default().extend(codes);
    }
    let elapsed = started.elapsed();
    let all: HashSet<&String> = by_person.values().flatten().collect();
    assert_eq!(
        all.len(),
        CLIENTS * PER_CLIENT,
        "every submission is a distinct dossier"
    );

    // What the server holds is exactly what the clients were told.
    for (subject, codes) in &by_person {
        let user = sign_in(&s.base, subject).await;
        let (_, list) = user.get_json("/api/v1/dossiers").await;
        let held: HashSet<String> = list["dossiers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect();
        let told: HashSet<String> = codes.iter().cloned().collect();
        assert_eq!(held, told, "{subject}");
    }
    let staff = sign_in(&s.base, STAFF).await;
    let (_, list) = staff.get_json("/api/v1/staff/dossiers").await;
    assert_eq!(
        list["dossiers"].as_array().unwrap().len(),
        CLIENTS * PER_CLIENT
    );
    let sequences: HashSet<&str> = list["dossiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().rsplit('-').next().unwrap())
        .collect();
    assert_eq!(sequences.len(), CLIENTS * PER_CLIENT, "codes never collide");
    eprintln!(
        "{} submissions from {CLIENTS} clients in {:.2?}",
        CLIENTS * PER_CLIENT,
        elapsed
    );
    assert!(elapsed < Duration::from_secs(120), "took {elapsed:?}");
}
