//! `portal-server`: runs the reference API and serves the web app.

use std::process::ExitCode;

use portal_server::{config::Config, prepare, run};

#[tokio::main]
async fn main() -> ExitCode {
    // Before logging starts, so `--help` and option errors print nothing else.
    let config = Config::from_command_line();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let state = match prepare(config).await {
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
