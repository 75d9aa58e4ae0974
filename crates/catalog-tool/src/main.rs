//! `catalog-tool check <dir>`: lint a catalogue folder; prints one line per finding
//! (`error[code] file:line (path): message`) and exits 1 if any is an error, 2 if the
//! folder cannot be read. `catalog-tool diff <old-dir> <new-dir>`: the semantic diff as
//! JSON. Staff put `cargo run -p catalog-tool -- check catalog/` in their own CI.

use std::path::Path;
use std::process::ExitCode;

use portal_catalog::{lint, read_dir, Severity};

const USAGE: &str =
    "usage: catalog-tool check <catalog-dir>\n       catalog-tool diff <old-dir> <new-dir>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", dir] => check(Path::new(dir)),
        ["diff", old, new] => diff(Path::new(old), Path::new(new)),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check(dir: &Path) -> ExitCode {
    let files = match read_dir(dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let report = lint(&files);
    for d in &report.diagnostics {
        println!("{d}");
    }
    let errors = report.errors();
    let warnings = report.diagnostics.len() - errors;
    println!(
        "{} services checked: {errors} error(s), {warnings} warning(s)",
        report.services.len()
    );
    if report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn diff(old: &Path, new: &Path) -> ExitCode {
    let (old, new) = match (read_dir(old), read_dir(new)) {
        (Ok(o), Ok(n)) => (lint(&o), lint(&n)),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let d = portal_core::catalogue_diff::diff(&old.services, &new.services);
    match serde_json::to_string_pretty(&d) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
