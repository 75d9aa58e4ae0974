//! `agency-sandbox`: runs the reference agency system.

use std::process::ExitCode;

use agency_sandbox::config::{Config, ConfigError, SECRET_ENV};

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_args(std::env::args_os(), std::env::var(SECRET_ENV).ok()) {
        Ok(c) => c,
        // clap prints help, the version and its own errors, with its exit codes.
        Err(ConfigError::Options(e)) => e.exit(),
        Err(e) => {
            eprintln!("agency-sandbox: {e}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let sandbox = match agency_sandbox::build(&config).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("agency-sandbox: {}: {e}", config.db.display());
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(config.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("agency-sandbox: cannot listen on {}: {e}", config.listen);
            return ExitCode::FAILURE;
        }
    };
    let addr = listener.local_addr().unwrap_or(config.listen);
    println!("agency sandbox listening on http://{addr}");
    println!("events go to {}", config.portal);
    match agency_sandbox::serve(listener, sandbox.router.clone()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("agency-sandbox: {e}");
            ExitCode::FAILURE
        }
    }
}
