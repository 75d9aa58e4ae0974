//! `catalog-tool check <dir>`: lint a catalogue folder; prints one line per finding
//! (`error[code] file:line (path): message`) and exits 1 if any is an error, 2 if the
//! folder cannot be read. `catalog-tool diff <old-dir> <new-dir>`: the semantic diff as
//! JSON. `catalog-tool cases <dir> <identity.json> <citizen|business>`: for each service
//! open to that applicant, the first answers the shared generator makes for its form (the
//! default journey), as JSON, for end-to-end tests that fill every form through the page
//! as that signed-in person (the identity is the session's `prefill`). `catalog-tool fees
//! <dir>`: the Markdown table of every fee rule of every service and form with its source
//! and mark (committed as `catalog/fee-rules.md`). Staff put `cargo run -p catalog-tool --
//! check catalog/` in their own CI.

use std::path::Path;
use std::process::ExitCode;

use portal_catalog::{lint, read_dir, Severity};

const USAGE: &str = "usage: catalog-tool check <catalog-dir>\n       catalog-tool diff <old-dir> <new-dir>\n       catalog-tool cases <catalog-dir> <identity.json> <citizen|business>\n       catalog-tool fees <catalog-dir>";

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
        ["fees", dir] => fees(Path::new(dir)),
        ["cases", dir, identity, applicant] => {
            cases(Path::new(dir), Path::new(identity), applicant)
        }
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

fn fees(dir: &Path) -> ExitCode {
    match portal_catalog::load_dir(dir) {
        Ok(c) => {
            print!("{}", portal_catalog::fee_rules_markdown(&c));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
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

fn cases(dir: &Path, identity: &Path, applicant: &str) -> ExitCode {
    use portal_core::form::{valid_cases, Identity, IndexedForm, Places};
    use portal_core::validators::Date;
    let Some(applicant) = portal_core::Audience::from_slug(applicant) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let identity: Identity = match std::fs::read_to_string(identity)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{}: {e}", identity.display());
            return ExitCode::from(2);
        }
    };
    let catalogue = match portal_catalog::load_dir(dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    let today = Date::today_in_vietnam(now);
    let places = Places::sandbox();
    let mut out = Vec::new();
    for service in catalogue.services.iter().filter(|s| s.open_to(applicant)) {
        let Some(form) = service.form.clone() else {
            continue;
        };
        let form = IndexedForm::new(form);
        if let Some(case) = valid_cases(&form, Some(&identity), &places, today)
            .cases
            .into_iter()
            .next()
        {
            out.push(serde_json::json!({
                "service_id": service.id.0,
                "label": case.label,
                "answers": case.answers,
            }));
        }
    }
    match serde_json::to_string(&out) {
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
