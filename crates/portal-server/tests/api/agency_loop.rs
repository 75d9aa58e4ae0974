//! Delivery to the agency sandbox (the reference agency system, real HTTP, its own
//! SQLite) from the portal run as a separate process: an agency away for 30 seconds
//! gets each dossier once when it is back, and a portal killed with SIGKILL while
//! dossiers wait to be delivered delivers them, once each, when it starts again.

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::agencies::SECRET;
use crate::common;
use crate::common::forms::valid_body;
use crate::common::portal::sign_in;
use crate::common::process::Server;

/// Starts the agency sandbox on `addr`, sending its events to `portal`.
async fn start_sandbox(addr: SocketAddr, db: &Path, portal: &str) -> agency_sandbox::Sandbox {
    let config = agency_sandbox::config::Config {
        listen: addr,
        db: db.to_path_buf(),
        portal: portal.to_string(),
        secret: common::portal::unhex(SECRET),
        allow_faults: false,
        retry_every: Duration::from_millis(500),
    };
    let sandbox = agency_sandbox::build(&config)
        .await
        .expect("the sandbox starts");
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .expect("the sandbox's port");
    let router = sandbox.router.clone();
    tokio::spawn(async move { axum::serve(listener, router).await });
    sandbox
}

/// A free loopback address (bound then released).
async fn free_addr() -> SocketAddr {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    l.local_addr().unwrap()
}

fn portal(db: &str, dir: &Path, agency: SocketAddr) -> Server {
    let url = format!("http://{agency}");
    Server::start_with(
        db,
        &common::repo_root().join("catalog"),
        dir,
        &["--agency-sandbox", &url, "--delivery-max-backoff", "2"],
        &[("PORTAL_AGENCY_SANDBOX_SECRET", SECRET)],
    )
}

/// The sandbox's read-out: for each dossier code, (deliveries received, distinct ids).
async fn received(agency: SocketAddr) -> Vec<(String, u64, usize)> {
    let Ok(r) = reqwest::get(format!("http://{agency}/api/dossiers")).await else {
        return vec![];
    };
    let v: Value = r.json().await.unwrap_or_default();
    v["dossiers"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| {
                    (
                        d["code"].as_str().unwrap_or_default().to_string(),
                        d["deliveries_received"].as_u64().unwrap_or(0),
                        d["delivery_ids"].as_array().map_or(0, Vec::len),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Each dossier of `codes` reached the agency in exactly one delivery.
async fn each_received_once(agency: SocketAddr, codes: &[String]) {
    let got = received(agency).await;
    for code in codes {
        let (_, deliveries, ids) = got
            .iter()
            .find(|(c, ..)| c == code)
            .cloned()
            .expect("received");
        assert_eq!((deliveries, ids), (1, 1), "{code} received once");
    }
}

async fn file(base: &str, n: usize) -> Vec<String> {
    let citizen = sign_in(base, common::portal::CITIZEN).await;
    let mut codes = Vec::new();
    for i in 0..n {
        let body = valid_body(&citizen, "death-registration").await;
        let receipt = citizen.submit_ok(&format!("loop-{i}"), &body).await;
        codes.push(receipt["code"].as_str().unwrap().to_string());
    }
    codes
}

#[tokio::test]
async fn an_agency_away_for_30_seconds_gets_each_dossier_once_when_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::fresh_database(dir.path()).await;
    let agency = free_addr().await;
    let server = portal(&db, dir.path(), agency);
    let codes = file(&server.base, 3).await;
    // Nobody answers at the agency's address for 30 seconds.
    tokio::time::sleep(Duration::from_secs(30)).await;
    let attempts = common::count(&db, "SELECT CAST(MIN(attempts) AS BIGINT) FROM outbox").await;
    assert!(
        attempts >= 3,
        "retried while the agency was away ({attempts} attempts)"
    );
    assert_eq!(
        common::count(&db, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'").await,
        3
    );
    let _sandbox = start_sandbox(agency, &dir.path().join("agency.sqlite3"), &server.base).await;
    crate::agencies::eventually(15, "all three delivered", async || {
        common::count(&db, "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'").await == 3
    })
    .await;
    each_received_once(agency, &codes).await;
    // The sandbox's automatic "received" comes back to the portal.
    crate::agencies::eventually(
        10,
        "the agency's acknowledgements are applied",
        async || {
            common::count(
                &db,
                "SELECT COUNT(*) FROM dossier_events WHERE event = 'agency_received'",
            )
            .await
                == 3
        },
    )
    .await;
}

#[tokio::test]
async fn a_portal_killed_with_deliveries_owed_delivers_them_once_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::fresh_database(dir.path()).await;
    let agency = free_addr().await;
    let server = portal(&db, dir.path(), agency);
    let codes = file(&server.base, 4).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    server.kill();
    assert_eq!(
        common::count(&db, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'").await,
        4
    );
    // The agency comes up while the portal is down; the portal comes back on the same
    // database and delivers what it owed.
    let server = portal(&db, dir.path(), agency);
    let _sandbox = start_sandbox(agency, &dir.path().join("agency.sqlite3"), &server.base).await;
    crate::agencies::eventually(15, "delivered after the restart", async || {
        common::count(&db, "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'").await == 4
    })
    .await;
    each_received_once(agency, &codes).await;
}
