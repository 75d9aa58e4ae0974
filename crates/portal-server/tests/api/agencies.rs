//! Handing dossiers to the agencies and taking their decisions back, over real HTTP: the
//! portal's delivery worker against a small agency endpoint started here (answering as
//! each test needs: acknowledging, failing, hanging, talking nonsense), and the agencies'
//! signed events against the portal. The whole loop with the agency sandbox binary is in
//! `agency_loop.rs` and the browser test.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use base64::Engine as _;
use portal_api::agency::{Delivery, DeliveryAck};
use serde_json::{json, Value};

use crate::common;
use crate::common::forms::valid_body;
use crate::common::portal::{error_code, pdf, sign_in, CITIZEN, CITIZEN_B, STAFF};

pub const SECRET: &str = "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";

/// How the agency endpoint answers its next delivery.
#[derive(Clone, Copy, Debug)]
pub enum Answer {
    Ack,
    Fail500,
    Garbage,
    Hang,
}

#[derive(Default)]
pub struct Agency {
    /// Answers to give, in order; then acknowledge.
    pub script: Mutex<Vec<Answer>>,
    /// Every delivery received with a valid signature, acknowledged or not.
    pub received: Mutex<Vec<(String, Delivery)>>,
    /// Requests refused for their signature.
    pub bad_signatures: Mutex<u32>,
    /// How long each answer takes.
    pub delay: Mutex<Duration>,
}

async fn receive(
    State(agency): State<Arc<Agency>>,
    Path(system): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> axum::response::Response {
    let h = |n: &str| headers.get(n).and_then(|v| v.to_str().ok());
    let key = agency_link::derive_key(&common::portal::unhex(SECRET), &system);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    if h(agency_link::SYSTEM_HEADER) != Some(system.as_str())
        || agency_link::verify(
            &key,
            h(agency_link::TIMESTAMP_HEADER),
            h(agency_link::SIGNATURE_HEADER),
            &body,
            now,
        )
        .is_err()
    {
        *agency.bad_signatures.lock().unwrap() += 1;
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let delay = *agency.delay.lock().unwrap();
    tokio::time::sleep(delay).await;
    let delivery: Delivery = serde_json::from_slice(&body).expect("a delivery");
    let id = delivery.delivery_id.clone();
    agency.received.lock().unwrap().push((system, delivery));
    let next = {
        let mut s = agency.script.lock().unwrap();
        if s.is_empty() {
            Answer::Ack
        } else {
            s.remove(0)
        }
    };
    match next {
        Answer::Ack => axum::Json(DeliveryAck {
            delivery_id: id,
            first_time: true,
        })
        .into_response(),
        Answer::Fail500 => {
            (StatusCode::INTERNAL_SERVER_ERROR, "down for maintenance").into_response()
        }
        Answer::Garbage => (StatusCode::OK, "<html>OK</html>").into_response(),
        Answer::Hang => {
            tokio::time::sleep(Duration::from_secs(5)).await;
            StatusCode::OK.into_response()
        }
    }
}

/// Starts the agency endpoint; its URL stands in for every agency system.
pub async fn start_agency(script: Vec<Answer>) -> (String, Arc<Agency>) {
    let agency = Arc::new(Agency {
        script: Mutex::new(script),
        ..Agency::default()
    });
    let app = axum::Router::new()
        .route("/systems/{system}/dossiers", axum::routing::post(receive))
        .with_state(agency.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, agency)
}

/// A portal delivering to `agency_url` with quick retries.
pub async fn start_portal(agency_url: &str) -> common::TestServer {
    let url = agency_url.to_string();
    common::start_with(move |c| {
        c.agency_sandbox = Some(url);
        c.agency_sandbox_secret = Some(SECRET.into());
        c.delivery.first_backoff = Duration::from_millis(100);
        c.delivery.max_backoff = Duration::from_millis(300);
        c.delivery.timeout = Duration::from_millis(700);
    })
    .await
}

/// Waits until `check` holds, for at most `secs` seconds.
pub async fn eventually(secs: u64, what: &str, mut check: impl AsyncFnMut() -> bool) {
    let until = std::time::Instant::now() + Duration::from_secs(secs);
    while std::time::Instant::now() < until {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what}: not within {secs} s");
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// Posts an event as agency system `system`, signed at `at` with `key`.
pub async fn send_event_signed(
    base: &str,
    system: &str,
    key: &[u8],
    at: i64,
    body: &Value,
) -> reqwest::Response {
    let bytes = serde_json::to_vec(body).unwrap();
    let mut r = reqwest::Client::new()
        .post(format!("{base}/api/v1/agency/events"))
        .header("content-type", "application/json");
    for (name, value) in agency_link::headers(system, key, at, &bytes) {
        r = r.header(name, value);
    }
    r.body(bytes).send().await.expect("the portal answers")
}

pub async fn send_event(base: &str, system: &str, body: &Value) -> reqwest::Response {
    let key = agency_link::derive_key(&common::portal::unhex(SECRET), system);
    send_event_signed(base, system, &key, now(), body).await
}

fn event(id: &str, code: &str, sequence: u64, kind: Value) -> Value {
    let mut e = json!({
        "event_id": id,
        "dossier_code": code,
        "sequence": sequence,
        "at": "2026-12-04T10:00:00+07:00",
    });
    e.as_object_mut()
        .unwrap()
        .extend(kind.as_object().unwrap().clone());
    e
}

#[tokio::test]
async fn a_birth_registration_goes_to_its_communes_centre_signed_once_with_its_files() {
    let (url, agency) = start_agency(vec![]).await;
    let s = start_portal(&url).await;
    let citizen = sign_in(&s.base, CITIZEN).await;
    let body = valid_body(&citizen, "birth-registration").await;
    let receipt = citizen.submit_ok("agency-1", &body).await;
    let code = receipt["code"].as_str().unwrap().to_string();
    // Routed from the form's place question (Places::sandbox: phường Ba Đình, Hà Nội).
    assert_eq!(receipt["agency"]["code"], "H01.X00004");
    assert_eq!(
        receipt["agency"]["vi"],
        "Trung tâm Phục vụ hành chính công phường Ba Đình, thành phố Hà Nội"
    );
    eventually(10, "the dossier reaches the agency", async || {
        !agency.received.lock().unwrap().is_empty()
    })
    .await;
    eventually(5, "the portal records the acknowledgement", async || {
        common::count(
            &s.db,
            "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'",
        )
        .await
            == 1
    })
    .await;
    let (system, d) = agency.received.lock().unwrap()[0].clone();
    assert_eq!(system, "province-01");
    assert_eq!(d.dossier_code, code);
    assert_eq!(d.agency.code, "H01.X00004");
    assert_eq!(d.applicant_id_number, common::portal::CITIZEN_ID_NUMBER);
    assert!(d.answers.is_some());
    let files: Vec<&str> = body["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        d.files.len(),
        files.len(),
        "every file goes with the dossier"
    );
    for f in &d.files {
        assert!(files.contains(&f.id.as_str()));
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&f.data_base64)
            .unwrap();
        assert_eq!(bytes.len() as u64, f.size);
        assert!(!f.field.is_empty(), "each file names its question");
    }
    // The applicant's timeline says it was handed over; My dossiers names the agency.
    let (_, full) = citizen.get_json(&format!("/api/v1/dossiers/{code}")).await;
    let events: Vec<&str> = full["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["submitted", "delivered"]);
    let (_, mine) = citizen.get_json("/api/v1/dossiers").await;
    assert_eq!(mine["dossiers"][0]["agency"]["code"], "H01.X00004");
    // Once, and nothing else was sent.
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(agency.received.lock().unwrap().len(), 1);
    assert_eq!(*agency.bad_signatures.lock().unwrap(), 0);
}

#[tokio::test]
async fn an_agency_failing_hanging_or_talking_nonsense_gets_it_again_until_it_acknowledges() {
    let (url, agency) = start_agency(vec![Answer::Fail500, Answer::Garbage, Answer::Hang]).await;
    let s = start_portal(&url).await;
    let citizen = sign_in(&s.base, CITIZEN).await;
    let body = valid_body(&citizen, "death-registration").await;
    citizen.submit_ok("agency-2", &body).await;
    eventually(20, "delivered after three bad answers", async || {
        common::count(
            &s.db,
            "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'",
        )
        .await
            == 1
    })
    .await;
    let received = agency.received.lock().unwrap().clone();
    assert_eq!(received.len(), 4, "500, garbage, a hang, then acknowledged");
    assert!(
        received
            .iter()
            .all(|(_, d)| d.delivery_id == received[0].1.delivery_id),
        "the same delivery each time"
    );
    assert_eq!(common::count(&s.db, "SELECT attempts FROM outbox").await, 4);
    // One "delivered" in the timeline, however many attempts.
    assert_eq!(
        common::count(
            &s.db,
            "SELECT COUNT(*) FROM dossier_events WHERE event = 'delivered'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn a_delivery_too_old_is_given_up_and_staff_send_it_again() {
    let (url, agency) = start_agency(vec![Answer::Fail500; 1000]).await;
    let url2 = url.clone();
    let s = common::start_with(move |c| {
        c.agency_sandbox = Some(url2);
        c.agency_sandbox_secret = Some(SECRET.into());
        c.delivery.first_backoff = Duration::from_millis(100);
        c.delivery.max_backoff = Duration::from_millis(200);
        c.delivery.max_age = Duration::from_secs(1);
    })
    .await;
    let citizen = sign_in(&s.base, CITIZEN).await;
    let body = valid_body(&citizen, "death-registration").await;
    let receipt = citizen.submit_ok("agency-3", &body).await;
    eventually(10, "given up", async || {
        common::count(&s.db, "SELECT COUNT(*) FROM outbox WHERE state = 'dead'").await == 1
    })
    .await;
    let staff = sign_in(&s.base, STAFF).await;
    let (status, list) = staff.get_json("/api/v1/staff/deliveries?state=dead").await;
    assert_eq!(status, 200);
    assert_eq!(list["dead"], 1);
    let dead = &list["deliveries"][0];
    assert_eq!(dead["dossier_code"], receipt["code"]);
    assert!(
        dead["last_error"].as_str().unwrap().contains("500"),
        "{dead}"
    );
    // A citizen sees none of it.
    assert_eq!(
        citizen
            .get("/api/v1/staff/deliveries")
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    // The agency is back; staff send it again.
    agency.script.lock().unwrap().clear();
    let id = dead["id"].as_i64().unwrap();
    let r = staff
        .post(&format!("/api/v1/staff/deliveries/{id}/retry"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    eventually(10, "delivered after the retry", async || {
        common::count(
            &s.db,
            "SELECT COUNT(*) FROM outbox WHERE state = 'delivered'",
        )
        .await
            == 1
    })
    .await;
    let r = staff
        .post(&format!("/api/v1/staff/deliveries/{id}/retry"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (reqwest::StatusCode::CONFLICT, "delivery_not_dead".into())
    );
    let r = staff
        .post("/api/v1/staff/deliveries/999999/retry")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (reqwest::StatusCode::NOT_FOUND, "delivery_not_found".into())
    );
}

#[tokio::test]
async fn the_agencys_events_are_signed_applied_once_and_in_order() {
    let (url, _agency) = start_agency(vec![]).await;
    let s = start_portal(&url).await;
    let citizen = sign_in(&s.base, CITIZEN).await;
    let body = valid_body(&citizen, "birth-registration").await;
    let code = citizen.submit_ok("agency-4", &body).await["code"]
        .as_str()
        .unwrap()
        .to_string();
    let sys = "province-01";
    let status = async |c: &common::portal::User| {
        c.get_json(&format!("/api/v1/dossiers/{code}")).await.1["status"].clone()
    };

    // Refused, nothing changed: a forged signature, another system's key, an old
    // timestamp, an unknown system, an unknown dossier, another system's dossier.
    let received = event("e1", &code, 1, json!({"type": "received"}));
    let wrong_key = agency_link::derive_key(b"not the secret", sys);
    let r = send_event_signed(&s.base, sys, &wrong_key, now(), &received).await;
    assert_eq!(
        error_code(r).await,
        (
            reqwest::StatusCode::UNAUTHORIZED,
            "agency_signature_invalid".into()
        )
    );
    let other = agency_link::derive_key(&common::portal::unhex(SECRET), "province-79");
    let r = send_event_signed(&s.base, sys, &other, now(), &received).await;
    assert_eq!(error_code(r).await.0, reqwest::StatusCode::UNAUTHORIZED);
    let key = agency_link::derive_key(&common::portal::unhex(SECRET), sys);
    let r = send_event_signed(&s.base, sys, &key, now() - 3600, &received).await;
    assert_eq!(
        error_code(r).await,
        (
            reqwest::StatusCode::UNAUTHORIZED,
            "agency_signature_expired".into()
        )
    );
    let r = send_event_signed(&s.base, "somewhere", &key, now(), &received).await;
    assert_eq!(
        error_code(r).await,
        (
            reqwest::StatusCode::UNAUTHORIZED,
            "agency_system_unknown".into()
        )
    );
    let r = send_event(
        &s.base,
        sys,
        &event(
            "e1",
            "000.00.00.H99-991231-9999",
            1,
            json!({"type": "received"}),
        ),
    )
    .await;
    assert_eq!(
        error_code(r).await,
        (
            reqwest::StatusCode::NOT_FOUND,
            "agency_dossier_unknown".into()
        )
    );
    let r = send_event(&s.base, "province-79", &received).await;
    assert_eq!(
        error_code(r).await,
        (
            reqwest::StatusCode::NOT_FOUND,
            "agency_dossier_unknown".into()
        ),
        "another province's system cannot touch it"
    );
    let r = send_event(&s.base, sys, &json!({"event_id": "x"})).await;
    assert_eq!(error_code(r).await.0, reqwest::StatusCode::BAD_REQUEST);
    let huge = "x".repeat(9 * 1024 * 1024);
    let r = send_event(&s.base, sys, &json!({"event_id": huge})).await;
    assert_eq!(
        error_code(r).await.0,
        reqwest::StatusCode::PAYLOAD_TOO_LARGE
    );
    assert_eq!(
        common::count(&s.db, "SELECT COUNT(*) FROM agency_events").await,
        0
    );
    assert_eq!(status(&citizen).await, "received");

    // Applied once: the same event again is a duplicate.
    let r = send_event(&s.base, sys, &received).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["outcome"], "applied");
    let r = send_event(&s.base, sys, &received).await;
    assert_eq!(r.json::<Value>().await.unwrap()["outcome"], "duplicate");

    // In order: 3 (documents requested) arrives before 2 (processing); 2 is stale.
    let deadline = "2099-01-15";
    let r = send_event(&s.base, sys, &event("e3", &code, 3, json!({
        "type": "documents_requested", "documents": ["Bản chụp giấy chứng sinh rõ nét"], "deadline": deadline,
    }))).await;
    assert_eq!(r.json::<Value>().await.unwrap()["outcome"], "applied");
    let r = send_event(
        &s.base,
        sys,
        &event("e2", &code, 2, json!({"type": "processing"})),
    )
    .await;
    assert_eq!(r.json::<Value>().await.unwrap()["outcome"], "stale");
    let (_, full) = citizen.get_json(&format!("/api/v1/dossiers/{code}")).await;
    assert_eq!(full["status"], "additional_documents_requested");
    assert_eq!(full["documents_requested"]["due"], deadline);
    assert!(full["documents_requested"]["reason"]
        .as_str()
        .unwrap()
        .contains("giấy chứng sinh"));

    // A bad event is refused with nothing recorded: a deadline in the past.
    let r = send_event(
        &s.base,
        sys,
        &event(
            "e4",
            &code,
            4,
            json!({
                "type": "documents_requested", "documents": ["x"], "deadline": "2001-01-01",
            }),
        ),
    )
    .await;
    assert_eq!(
        error_code(r).await,
        (
            reqwest::StatusCode::UNPROCESSABLE_ENTITY,
            "agency_event_invalid".into()
        )
    );

    // The citizen adds the documents; they go to the agency the same way.
    let extra = citizen.upload_ok("giay-chung-sinh.pdf", pdf(3000)).await;
    let r = citizen
        .post(&format!("/api/v1/dossiers/{code}/documents"))
        .json(&json!({"attachments": [extra], "note": "Bản rõ hơn"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    eventually(10, "the documents reach the agency", async || {
        common::count(
            &s.db,
            "SELECT COUNT(*) FROM outbox WHERE kind = 'documents' AND state = 'delivered'",
        )
        .await
            == 1
    })
    .await;

    // The result: a document only the applicant can download.
    let result = base64::engine::general_purpose::STANDARD.encode(pdf(4000));
    let r = send_event(&s.base, sys, &event("e5", &code, 5, json!({
        "type": "result_ready",
        "result": {"name": "Trich-luc-khai-sinh.pdf", "content_type": "application/pdf", "data_base64": result},
        "pickup_note": "Bản giấy nhận tại Trung tâm Phục vụ hành chính công phường Ba Đình",
    }))).await;
    assert_eq!(r.json::<Value>().await.unwrap()["outcome"], "applied");
    let (_, full) = citizen.get_json(&format!("/api/v1/dossiers/{code}")).await;
    assert_eq!(full["status"], "result_ready");
    let doc = full["result"]["document"].as_str().unwrap().to_string();
    assert_eq!(full["result"]["document_name"], "Trich-luc-khai-sinh.pdf");
    assert!(full["result"]["pickup_note"]
        .as_str()
        .unwrap()
        .contains("Ba Đình"));
    let r = citizen
        .get(&format!("/api/v1/attachments/{doc}/content"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().await.unwrap().len(), 4000);
    let stranger = sign_in(&s.base, CITIZEN_B).await;
    let r = stranger
        .get(&format!("/api/v1/attachments/{doc}/content"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404, "another person cannot download the result");
    // Nothing leaves a final status.
    let r = send_event(
        &s.base,
        sys,
        &event("e6", &code, 6, json!({"type": "refused", "reason": "Sai"})),
    )
    .await;
    assert_eq!(
        error_code(r).await,
        (
            reqwest::StatusCode::CONFLICT,
            "agency_event_out_of_turn".into()
        )
    );
    assert_eq!(status(&citizen).await, "result_ready");
    let kinds: Vec<String> = full["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap().to_string())
        .collect();
    assert!(kinds.contains(&"agency_received".to_string()), "{kinds:?}");
    assert!(full["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["by"] != "staff"));
}
