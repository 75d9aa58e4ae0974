//! `portal-server`: runs the reference API and serves the web app.

use std::process::ExitCode;

use portal_server::{config::Config, prepare, run};

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let config =
        match Config::from_env_and_args(|k| std::env::var(k).ok(), std::env::args().skip(1)) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("portal-server: {e}");
                return ExitCode::from(2);
            }
        };
    let state = match prepare(config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("portal-server: {e}");
            return ExitCode::FAILURE;
        }
    };
    match run(state).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("portal-server: {e}");
            ExitCode::FAILURE
        }
    }
}
