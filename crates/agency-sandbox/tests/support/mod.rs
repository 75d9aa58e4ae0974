//! What the tests share: a sandbox on a random port, a stand-in for the portal's events
//! endpoint that checks signatures as the portal does, and signed deliveries.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use agency_link::{SIGNATURE_HEADER, SYSTEM_HEADER, TIMESTAMP_HEADER};
use agency_sandbox::config::Config;
use agency_sandbox::readout::Readout;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use base64::Engine as _;
use portal_api::agency::{
    AgencyEvent, DeliveredFile, Delivery, DeliveryKind, EventOutcome, EventReply, ReceivingAgency,
};
use portal_api::paths::template;
use sha2::{Digest, Sha256};

pub const SECRET: [u8; 32] = [7; 32];
pub const SYSTEM: &str = "province-79";

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// Waits up to 10 s for `check` to hold.
pub async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..200 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("waited 10 s for: {what}");
}

/// One event the stand-in portal took, with the system that signed it.
#[derive(Debug, Clone)]
pub struct Got {
    pub system: String,
    pub event: AgencyEvent,
}

#[derive(Clone, Default)]
pub struct PortalState {
    /// Every signed event posted, repeats included.
    pub posts: Arc<Mutex<Vec<Got>>>,
    /// Posts whose signature did not verify.
    pub unsigned: Arc<Mutex<usize>>,
    /// Answer every event with this status (and an error body) instead of taking it.
    pub refuse_with: Arc<Mutex<Option<u16>>>,
}

impl PortalState {
    pub fn posts(&self) -> Vec<Got> {
        self.posts.lock().unwrap().clone()
    }

    /// Distinct events taken, in arrival order.
    pub fn taken(&self) -> Vec<Got> {
        let mut seen = Vec::<Got>::new();
        for g in self.posts() {
            if !seen.iter().any(|s| s.event.event_id == g.event.event_id) {
                seen.push(g);
            }
        }
        seen
    }

    pub fn refuse_with(&self, status: Option<u16>) {
        *self.refuse_with.lock().unwrap() = status;
    }
}

async fn portal_events(State(s): State<PortalState>, headers: HeaderMap, body: Bytes) -> Response {
    let h = |n: &str| headers.get(n).and_then(|v| v.to_str().ok());
    let system = h(SYSTEM_HEADER).unwrap_or("").to_string();
    let key = agency_link::derive_key(&SECRET, &system);
    if let Err(e) =
        agency_link::verify(&key, h(TIMESTAMP_HEADER), h(SIGNATURE_HEADER), &body, now())
    {
        *s.unsigned.lock().unwrap() += 1;
        return (StatusCode::UNAUTHORIZED, e.code().to_string()).into_response();
    }
    let Ok(event) = serde_json::from_slice::<AgencyEvent>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    if let Some(status) = *s.refuse_with.lock().unwrap() {
        let body =
            serde_json::json!({"error": {"code": "invalid_transition", "message": "not now"}});
        return (StatusCode::from_u16(status).unwrap(), Json(body)).into_response();
    }
    let mut posts = s.posts.lock().unwrap();
    let duplicate = posts.iter().any(|g| g.event.event_id == event.event_id);
    let reply = EventReply {
        event_id: event.event_id.clone(),
        outcome: if duplicate {
            EventOutcome::Duplicate
        } else {
            EventOutcome::Applied
        },
    };
    posts.push(Got { system, event });
    Json(reply).into_response()
}

/// Serves the stand-in portal on `listener`.
pub async fn portal_on(listener: tokio::net::TcpListener) -> PortalState {
    let state = PortalState::default();
    let app = Router::new()
        .route(template::AGENCY_EVENTS, post(portal_events))
        .with_state(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    state
}

pub async fn portal() -> (String, PortalState) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    (url, portal_on(listener).await)
}

/// A free port nothing listens on (yet).
pub async fn free_port() -> SocketAddr {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    l.local_addr().unwrap()
}

pub struct Running {
    pub base: String,
    pub client: reqwest::Client,
    pub sandbox: agency_sandbox::Sandbox,
    _dir: tempfile::TempDir,
}

/// A sandbox on a random port, sending events to `portal`, retrying every 200 ms.
pub async fn sandbox(portal: &str, allow_faults: bool) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        listen: "127.0.0.1:0".parse().unwrap(),
        db: dir.path().join("sandbox.sqlite3"),
        portal: portal.to_string(),
        secret: SECRET.to_vec(),
        allow_faults,
        retry_every: Duration::from_millis(200),
    };
    let sandbox = agency_sandbox::build(&config).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = sandbox.router.clone();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    Running {
        base,
        client,
        sandbox,
        _dir: dir,
    }
}

pub fn file(id: &str, bytes: &[u8]) -> DeliveredFile {
    DeliveredFile {
        id: id.into(),
        field: "giay_to".into(),
        name: format!("{id}.pdf"),
        content_type: "application/pdf".into(),
        size: bytes.len() as u64,
        sha256: hex::encode(Sha256::digest(bytes)),
        data_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
    }
}

pub fn delivery(id: &str, code: &str) -> Delivery {
    Delivery {
        delivery_id: id.into(),
        kind: DeliveryKind::Dossier,
        dossier_code: code.into(),
        service_id: "dang-ky-khai-sinh".into(),
        service_name_vi: "Đăng ký khai sinh".into(),
        procedures: vec!["1.001193".into()],
        agency: ReceivingAgency {
            system: SYSTEM.into(),
            code: "79-26734".into(),
            name_vi: "UBND phường Sài Gòn".into(),
            name_en: "Sai Gon Ward People's Committee".into(),
        },
        submitted_at: "2026-12-04T10:00:00+07:00".into(),
        applicant_name: "Nguyễn Văn An".into(),
        applicant_id_number: "079090001234".into(),
        answers: Some(serde_json::json!({
            "ho_ten_tre": {"type": "text", "value": "Nguyễn Thị Bình"},
            "gioi_tinh": {"type": "choice", "value": "nu"},
            "cam_ket": {"type": "yes-no", "value": true},
            "giay_chung_sinh": {"type": "files", "value": [
                {"id": "att_1", "name": "att_1.pdf", "mime": "application/pdf", "bytes": 9}
            ]}
        })),
        note: None,
        files: vec![file("att_1", b"%PDF-1.7\n")],
    }
}

impl Running {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Posts `body` to `/systems/{path_system}/dossiers` signed by `header_system` with
    /// `key`, at `timestamp`.
    pub async fn post_signed(
        &self,
        path_system: &str,
        header_system: &str,
        key: &[u8],
        timestamp: i64,
        body: Vec<u8>,
    ) -> reqwest::Response {
        let mut req = self
            .client
            .post(self.url(&format!(
                "/systems/{path_system}{}",
                template::AGENCY_DELIVERY
            )))
            .header("content-type", "application/json");
        for (name, value) in agency_link::headers(header_system, key, timestamp, &body) {
            req = req.header(name, value);
        }
        req.body(body).send().await.unwrap()
    }

    /// Delivers `d` as the portal does.
    pub async fn deliver(&self, d: &Delivery) -> reqwest::Response {
        let key = agency_link::derive_key(&SECRET, &d.agency.system);
        let body = serde_json::to_vec(d).unwrap();
        self.post_signed(&d.agency.system, &d.agency.system, &key, now(), body)
            .await
    }

    pub async fn readout(&self) -> Readout {
        self.client
            .get(self.url("/api/dossiers"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let r = self.client.get(self.url(path)).send().await.unwrap();
        (
            StatusCode::from_u16(r.status().as_u16()).unwrap(),
            r.text().await.unwrap(),
        )
    }

    /// Posts a form as a browser on this origin does.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("origin", &self.base)
            .form(fields)
            .send()
            .await
            .unwrap()
    }
}
