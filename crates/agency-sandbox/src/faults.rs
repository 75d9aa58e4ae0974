//! Deliberate failures for tests of the portal's delivery retries, switched by
//! `POST /control/fault`, a route that exists only with `--allow-faults`. In a fault mode
//! a delivery is answered badly and nothing is stored.

use std::sync::Mutex;
use std::time::Duration;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use crate::{json_error, AppState};

/// How long a delivery hangs in [`FaultMode::Timeout`].
pub const HANG: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FaultMode {
    /// Deliveries are handled normally.
    #[default]
    #[serde(rename = "none")]
    None,
    /// Deliveries are answered 500.
    #[serde(rename = "error500")]
    Error500,
    /// Deliveries get no answer for [`HANG`].
    #[serde(rename = "timeout")]
    Timeout,
    /// Deliveries are answered 200 with a body that is not a `DeliveryAck`.
    #[serde(rename = "garbage")]
    Garbage,
}

/// `POST /control/fault`'s body and answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultSetting {
    pub mode: FaultMode,
}

#[derive(Debug, Default)]
pub struct Faults {
    mode: Mutex<FaultMode>,
}

impl Faults {
    pub fn mode(&self) -> FaultMode {
        *self.mode.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn set(&self, mode: FaultMode) {
        *self.mode.lock().unwrap_or_else(|p| p.into_inner()) = mode;
    }

    /// The bad answer a delivery gets in the current mode; `None` to handle it.
    pub async fn delivery_fault(&self) -> Option<Response> {
        match self.mode() {
            FaultMode::None => None,
            FaultMode::Error500 => Some(json_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "fault_error500",
                "the sandbox was told to fail deliveries",
            )),
            FaultMode::Timeout => {
                tokio::time::sleep(HANG).await;
                Some(json_error(
                    StatusCode::GATEWAY_TIMEOUT,
                    "fault_timeout",
                    "the sandbox was told to hang deliveries",
                ))
            }
            FaultMode::Garbage => Some(
                (
                    StatusCode::OK,
                    [(header::CONTENT_TYPE, "application/json")],
                    r#"{"accepted":true}"#,
                )
                    .into_response(),
            ),
        }
    }
}

pub fn router() -> Router<AppState> {
    Router::new().route("/control/fault", post(set_fault))
}

async fn set_fault(
    State(app): State<AppState>,
    Json(setting): Json<FaultSetting>,
) -> Json<FaultSetting> {
    app.faults.set(setting.mode);
    tracing::warn!("delivery fault mode: {:?}", setting.mode);
    Json(setting)
}
