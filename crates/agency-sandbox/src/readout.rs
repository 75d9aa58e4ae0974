//! `GET /api/dossiers`: what the sandbox received and sent, as JSON, for tests to check
//! (a dossier delivered once, its repeats counted, its events and the portal's answers).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use portal_api::agency::EventOutcome;
use serde::{Deserialize, Serialize};

use crate::store::{SendState, Store, StoreError};
use crate::{json_error, AppState};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Readout {
    /// Oldest first.
    pub dossiers: Vec<ReadoutDossier>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadoutDossier {
    pub code: String,
    pub system: String,
    /// Every delivery taken for it, repeats included.
    pub deliveries_received: u64,
    /// Distinct delivery ids, in the order they first arrived.
    pub delivery_ids: Vec<String>,
    pub files: u64,
    /// In sequence order.
    pub events: Vec<ReadoutEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadoutEvent {
    pub event_id: String,
    pub sequence: u64,
    #[serde(rename = "type")]
    pub kind: String,
    pub at: String,
    pub state: SendState,
    /// The portal's outcome, once it took the event.
    pub outcome: Option<EventOutcome>,
    /// The last answer in words (an HTTP error, "portal unreachable: …").
    pub answer: Option<String>,
    pub attempts: u64,
}

pub fn router() -> Router<AppState> {
    Router::new().route("/api/dossiers", get(readout))
}

async fn readout(State(app): State<AppState>) -> Response {
    match read(&app.store).await {
        Ok(r) => Json(r).into_response(),
        Err(e) => json_error(
            StatusCode::SERVICE_UNAVAILABLE,
            "storage_unavailable",
            e.to_string(),
        ),
    }
}

pub async fn read(store: &Store) -> Result<Readout, StoreError> {
    let mut dossiers = Vec::new();
    for (code, system) in store.dossier_codes().await? {
        let deliveries = store.deliveries(&code).await?;
        let files = store.files(&code).await?;
        let events = store.events(&code).await?;
        dossiers.push(ReadoutDossier {
            deliveries_received: deliveries
                .iter()
                .map(|d| d.times_received.unsigned_abs())
                .sum(),
            delivery_ids: deliveries.into_iter().map(|d| d.delivery_id).collect(),
            files: files.len() as u64,
            events: events
                .into_iter()
                .map(|e| ReadoutEvent {
                    outcome: e.outcome(),
                    event_id: e.event_id,
                    sequence: e.sequence.unsigned_abs(),
                    kind: e.kind,
                    at: e.at,
                    state: e.state,
                    answer: e.answer,
                    attempts: e.attempts.unsigned_abs(),
                })
                .collect(),
            code,
            system,
        });
    }
    Ok(Readout { dossiers })
}
