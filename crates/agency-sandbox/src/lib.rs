//! A reference agency system for development and tests. It plays every agency system
//! with one secret (each system's key derived from it), stores the portal's signed
//! deliveries once each, shows them to an officer on plain HTML pages, and sends the
//! officer's decisions back to the portal as signed status events that survive the
//! portal being down. Everything on the wire is `portal_api::agency`, signed as
//! `agency_link` says.

pub mod clock;
pub mod config;
pub mod events;
pub mod faults;
pub mod pages;
pub mod readout;
pub mod receive;
pub mod store;

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use portal_api::{ErrorBody, ErrorDetail};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use config::Config;
use events::Outbox;
use faults::Faults;
use store::Store;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// The secret every system's key is derived from.
    pub secret: Arc<[u8]>,
    pub outbox: Arc<Outbox>,
    pub faults: Arc<Faults>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Store(#[from] store::StoreError),
    #[error("cannot make the HTTP client for the portal: {0}")]
    Client(#[from] reqwest::Error),
}

/// A sandbox ready to serve: its routes, and the loop that sends unsent events (running
/// until the runtime stops or the sandbox is dropped).
pub struct Sandbox {
    pub router: Router,
    pub state: AppState,
    retry_loop: JoinHandle<()>,
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.retry_loop.abort();
    }
}

/// Opens the database and starts the retry loop; call inside a Tokio runtime.
pub async fn build(config: &Config) -> Result<Sandbox, StartError> {
    let store = Store::open(&config.db).await?;
    let secret: Arc<[u8]> = Arc::from(config.secret.as_slice());
    let outbox = Arc::new(Outbox::new(store.clone(), secret.clone(), &config.portal)?);
    let state = AppState {
        store,
        secret,
        outbox: outbox.clone(),
        faults: Arc::new(Faults::default()),
    };
    let router = router(state.clone(), config.allow_faults);
    let retry_loop = tokio::spawn(outbox.run(config.retry_every));
    Ok(Sandbox {
        router,
        state,
        retry_loop,
    })
}

/// Every route; `POST /control/fault` only when `allow_faults`.
pub fn router(state: AppState, allow_faults: bool) -> Router {
    let mut app = Router::new()
        .merge(receive::router())
        .merge(readout::router())
        .merge(pages::router());
    if allow_faults {
        app = app.merge(faults::router());
    }
    app.fallback(pages::fallback).with_state(state)
}

/// Serves `router` on `listener` until Ctrl-C or SIGTERM.
pub async fn serve(listener: TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

/// A JSON refusal in the portal's error shape: `{"error":{"code","message"}}`.
pub(crate) fn json_error(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    let body: ErrorBody = ErrorBody {
        error: ErrorDetail {
            code: code.to_string(),
            message: message.into(),
            details: None,
            request_id: None,
        },
    };
    (status, Json(body)).into_response()
}

/// 128 random bits as 32 lowercase hex digits: an event id.
pub(crate) fn random_id() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(hex::encode(bytes))
}
