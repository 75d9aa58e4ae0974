//! `portal-server`: runs the reference API and serves the web app.

use std::process::ExitCode;

use portal_server::{config::Config, prepare, run};

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("copy-db") {
        return copy_db(&args[2..]).await;
    }
    if args.get(1).map(String::as_str) == Some("generate") {
        return generate(&args[2..]).await;
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

/// `portal-server generate --db <URL> --dossiers <N> [--months <M>] [--seed <S>]
/// [--catalog <dir>]`: files generated dossiers for demonstrations and benchmarks of the
/// public figures (`portal_server::generate`).
async fn generate(args: &[String]) -> ExitCode {
    const USAGE: &str = "usage: portal-server generate --db <sqlite file or postgres:// URL> --dossiers <N> [--months <M, default 24>] [--seed <S>] [--catalog <dir, default catalog>]";
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let number = |flag: &str, default: u64| match value(flag) {
        None => Some(default),
        Some(v) => v.replace('_', "").parse::<u64>().ok(),
    };
    let (Some(db), Some(dossiers), Some(months), Some(seed)) = (
        value("--db"),
        number("--dossiers", 0),
        number("--months", 24),
        number("--seed", 2026),
    ) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if dossiers == 0 || months == 0 || months > 120 {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let catalog = std::path::PathBuf::from(value("--catalog").unwrap_or_else(|| "catalog".into()));
    let options = portal_server::generate::Options {
        dossiers,
        months: months as u32,
        seed,
        today: portal_server::clock::today(),
    };
    match portal_server::generate::generate(&db, &catalog, &options).await {
        Ok(g) => {
            println!(
                "generated {} dossiers ({} decided, {} of them late; {} rated) in {:.1} s: {:.0} dossiers/s",
                g.dossiers,
                g.decided,
                g.late,
                g.rated,
                g.seconds,
                g.dossiers as f64 / g.seconds.max(0.001)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("portal-server generate: {e}");
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
