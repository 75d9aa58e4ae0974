//! `portal-server`: runs the reference API and serves the web app.

use std::process::ExitCode;

use portal_server::{config::Config, prepare, run};

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("copy-db") {
        return copy_db(&args[2..]).await;
    }
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

/// `portal-server copy-db --from <SQLite file> --to <postgres URL>`.
async fn copy_db(args: &[String]) -> ExitCode {
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let (Some(from), Some(to)) = (value("--from"), value("--to")) else {
        eprintln!("usage: portal-server copy-db --from <SQLite file> --to <postgres:// URL>");
        return ExitCode::from(2);
    };
    match portal_server::copy_db::copy(&from, &to).await {
        Ok(copied) => {
            for (table, rows) in copied {
                println!("{table}: {rows} row(s)");
            }
            println!("copied {from} into the PostgreSQL database");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("portal-server copy-db: {e}");
            ExitCode::FAILURE
        }
    }
}
