//! `POST /systems/{system}/dossiers`: the portal's deliveries. A delivery is taken only
//! when signed with that system's key, and stored once per delivery id; the answer is a
//! `DeliveryAck`, or a JSON refusal the portal can log.

use agency_link::{SignatureError, SIGNATURE_HEADER, SYSTEM_HEADER, TIMESTAMP_HEADER};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use base64::Engine as _;
use portal_api::agency::{Delivery, DeliveryAck};
use portal_api::paths::template;
use sha2::{Digest, Sha256};

use crate::{json_error, AppState};

/// The largest delivery body taken: 64 MiB.
pub const MAX_DELIVERY_BYTES: usize = 64 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new().route(
        &format!("/systems/{{system}}{}", template::AGENCY_DELIVERY),
        post(deliver),
    )
}

/// A system id as the portal's configuration names them (`province-79`, `ministry-moet`).
pub fn is_system_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn refused(e: SignatureError) -> Response {
    json_error(StatusCode::UNAUTHORIZED, e.code(), e.to_string())
}

fn too_large() -> Response {
    json_error(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body_too_large",
        format!("a delivery may be at most {MAX_DELIVERY_BYTES} bytes"),
    )
}

fn is_length_limit(e: &axum::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if c.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        cause = c.source();
    }
    false
}

async fn deliver(
    State(app): State<AppState>,
    Path(system): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if let Some(fault) = app.faults.delivery_fault().await {
        return fault;
    }
    if !is_system_id(&system) {
        return json_error(
            StatusCode::NOT_FOUND,
            "unknown_system",
            "no agency system has that id",
        );
    }
    // The signature is checked with the key of the system in the path; a message signed
    // for another system has no key here.
    match header(&headers, SYSTEM_HEADER) {
        None => return refused(SignatureError::Missing),
        Some(s) if s != system => return refused(SignatureError::UnknownSystem(s.to_string())),
        Some(_) => {}
    }
    let declared = header(&headers, header::CONTENT_LENGTH.as_str())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    if declared > MAX_DELIVERY_BYTES as u64 {
        return too_large();
    }
    let bytes = match axum::body::to_bytes(body, MAX_DELIVERY_BYTES).await {
        Ok(b) => b,
        Err(e) if is_length_limit(&e) => return too_large(),
        Err(e) => {
            return json_error(
                StatusCode::BAD_REQUEST,
                "unreadable_body",
                format!("the body could not be read: {e}"),
            )
        }
    };
    let key = agency_link::derive_key(&app.secret, &system);
    if let Err(e) = agency_link::verify(
        &key,
        header(&headers, TIMESTAMP_HEADER),
        header(&headers, SIGNATURE_HEADER),
        &bytes,
        crate::clock::unix_now(),
    ) {
        return refused(e);
    }
    let delivery: Delivery = match serde_json::from_slice(&bytes) {
        Ok(d) => d,
        Err(e) => {
            return json_error(
                StatusCode::BAD_REQUEST,
                "invalid_delivery",
                format!("the body is not a delivery: {e}"),
            )
        }
    };
    let data = match check(&system, &delivery) {
        Ok(d) => d,
        Err(e) => return json_error(StatusCode::BAD_REQUEST, e.code(), e.to_string()),
    };
    let Ok(event_id) = crate::random_id() else {
        return json_error(
            StatusCode::SERVICE_UNAVAILABLE,
            "random_unavailable",
            "the system random source failed; send it again",
        );
    };
    match app
        .store
        .record_delivery(&system, &delivery, &data, &event_id)
        .await
    {
        Ok(recorded) => {
            if recorded.received_event.is_some() {
                app.outbox.wake();
            }
            tracing::info!(
                delivery = %delivery.delivery_id,
                dossier = %delivery.dossier_code,
                first_time = recorded.first_time,
                "delivery"
            );
            Json(DeliveryAck {
                delivery_id: delivery.delivery_id,
                first_time: recorded.first_time,
            })
            .into_response()
        }
        Err(e) => {
            tracing::error!("storing delivery {}: {e}", delivery.delivery_id);
            json_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage_unavailable",
                "the delivery could not be stored; send it again",
            )
        }
    }
}

/// Why a well-formed, signed delivery is still refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryProblem {
    #[error("{0} is empty")]
    Empty(&'static str),
    #[error("the delivery is for agency system {named} but was sent to {path}")]
    SystemMismatch { named: String, path: String },
    #[error("file {0}: data_base64 is not base64")]
    NotBase64(String),
    #[error("file {0}: its bytes do not match its size and sha256")]
    FileMismatch(String),
    #[error("file {0} appears twice")]
    DuplicateFile(String),
}

impl DeliveryProblem {
    pub fn code(&self) -> &'static str {
        match self {
            DeliveryProblem::Empty(_) => "invalid_delivery",
            DeliveryProblem::SystemMismatch { .. } => "system_mismatch",
            DeliveryProblem::NotBase64(_) => "invalid_file",
            DeliveryProblem::FileMismatch(_) => "file_mismatch",
            DeliveryProblem::DuplicateFile(_) => "duplicate_file",
        }
    }
}

/// Checks what the types cannot, and returns each file's bytes.
pub fn check(system: &str, d: &Delivery) -> Result<Vec<Vec<u8>>, DeliveryProblem> {
    for (name, value) in [
        ("delivery_id", &d.delivery_id),
        ("dossier_code", &d.dossier_code),
    ] {
        if value.trim().is_empty() {
            return Err(DeliveryProblem::Empty(name));
        }
    }
    if d.agency.system != system {
        return Err(DeliveryProblem::SystemMismatch {
            named: d.agency.system.clone(),
            path: system.to_string(),
        });
    }
    let mut seen = std::collections::HashSet::new();
    d.files
        .iter()
        .map(|f| {
            if !seen.insert(f.id.as_str()) {
                return Err(DeliveryProblem::DuplicateFile(f.id.clone()));
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(f.data_base64.as_bytes())
                .map_err(|_| DeliveryProblem::NotBase64(f.id.clone()))?;
            let digest = hex::encode(Sha256::digest(&bytes));
            if bytes.len() as u64 != f.size || !digest.eq_ignore_ascii_case(f.sha256.trim()) {
                return Err(DeliveryProblem::FileMismatch(f.id.clone()));
            }
            Ok(bytes)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_api::agency::{DeliveredFile, DeliveryKind, ReceivingAgency};

    fn delivery(files: Vec<DeliveredFile>) -> Delivery {
        Delivery {
            delivery_id: "d1".into(),
            kind: DeliveryKind::Dossier,
            dossier_code: "X-1".into(),
            service_id: "s".into(),
            service_name_vi: "Dịch vụ".into(),
            procedures: vec![],
            agency: ReceivingAgency {
                system: "province-79".into(),
                code: "79".into(),
                name_vi: "a".into(),
                name_en: "a".into(),
            },
            submitted_at: "2026-01-01T00:00:00+07:00".into(),
            applicant_name: "A".into(),
            applicant_id_number: "079123456789".into(),
            answers: None,
            note: None,
            files,
        }
    }

    fn file(id: &str, bytes: &[u8]) -> DeliveredFile {
        DeliveredFile {
            id: id.into(),
            field: "q".into(),
            name: "a.pdf".into(),
            content_type: "application/pdf".into(),
            size: bytes.len() as u64,
            sha256: hex::encode(Sha256::digest(bytes)),
            data_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }

    #[test]
    fn files_must_match_their_size_and_hash() {
        assert_eq!(
            check("province-79", &delivery(vec![file("f1", b"abc")])).unwrap(),
            vec![b"abc".to_vec()]
        );
        let mut wrong = file("f1", b"abc");
        wrong.sha256 = hex::encode(Sha256::digest(b"abd"));
        assert_eq!(
            check("province-79", &delivery(vec![wrong])),
            Err(DeliveryProblem::FileMismatch("f1".into()))
        );
        let mut bad = file("f1", b"abc");
        bad.data_base64 = "***".into();
        assert_eq!(
            check("province-79", &delivery(vec![bad]))
                .unwrap_err()
                .code(),
            "invalid_file"
        );
        assert_eq!(
            check(
                "province-79",
                &delivery(vec![file("f1", b"a"), file("f1", b"a")])
            )
            .unwrap_err()
            .code(),
            "duplicate_file"
        );
    }

    #[test]
    fn a_delivery_for_another_system_is_refused() {
        assert_eq!(
            check("province-01", &delivery(vec![])).unwrap_err().code(),
            "system_mismatch"
        );
        assert!(is_system_id("ministry-moet") && !is_system_id("../x") && !is_system_id(""));
    }
}
