//! Checks on a parsed catalogue that the type system cannot express: shapes of codes,
//! both languages present, unique ids, bundles that name real procedures.

use std::collections::HashSet;
use std::fmt;

use portal_core::{Lang, ProcedureCode, Service, ServiceId, ServiceKind, Text};

use crate::load::has_id;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding, located by file and field path, with a stable code staff can search for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub file: String,
    pub line: Option<usize>,
    pub path: String,
    pub message: String,
}

impl Diagnostic {
    pub fn error(code: &'static str, file: &str, path: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            file: file.to_string(),
            line: None,
            path: path.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}[{}] {}", self.code, self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.path.is_empty() {
            write!(f, " ({})", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Checks parsed services, given with the file each came from.
pub fn check(services: &[(String, Service)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (file, s) in services {
        let err = |code, path: &str, msg: String| Diagnostic::error(code, file, path, msg);
        if !ServiceId::is_valid(s.id.as_str()) {
            out.push(err(
                "id-shape",
                "id",
                format!(
                    "{:?} is not a valid id: use lowercase letters, digits and single hyphens",
                    s.id.0
                ),
            ));
        }
        if !seen.insert(s.id.clone()) {
            out.push(err(
                "duplicate-id",
                "id",
                format!("the id {:?} is used by another file", s.id.0),
            ));
        }
        for (i, code) in s.procedure_codes.iter().enumerate() {
            if !ProcedureCode::is_valid(&code.0) {
                out.push(err(
                    "procedure-code-shape",
                    &format!("procedure_codes[{i}]"),
                    format!("{:?} is not a procedure code of the form 1.001193", code.0),
                ));
            }
        }
        let mut texts: Vec<(String, &Text)> = vec![
            ("name".into(), &s.name),
            ("summary".into(), &s.summary),
            ("agency.name".into(), &s.agency.name),
            ("processing_time.text".into(), &s.processing_time.text),
        ];
        for (i, d) in s.documents.iter().enumerate() {
            texts.push((format!("documents[{i}].name"), &d.name));
        }
        for (i, e) in s.eligibility.iter().enumerate() {
            texts.push((format!("eligibility[{i}]"), e));
        }
        for (i, l) in s.legal_basis.iter().enumerate() {
            texts.push((format!("legal_basis[{i}].title"), &l.title));
        }
        for (path, text) in texts {
            for lang in text.missing() {
                let which = match lang {
                    Lang::Vi => "Vietnamese",
                    Lang::En => "English",
                };
                out.push(err(
                    "missing-text",
                    &path,
                    format!("the {which} text is empty"),
                ));
            }
        }
        if s.audiences.is_empty() {
            out.push(err(
                "no-audience",
                "audiences",
                "say who can apply: citizen, business or both".into(),
            ));
        }
        if s.legal_basis.is_empty() {
            out.push(err(
                "no-legal-basis",
                "legal_basis",
                "name at least one legal instrument and its source".into(),
            ));
        }
        for (i, l) in s.legal_basis.iter().enumerate() {
            if !(l.source.starts_with("https://") || l.source.starts_with("http://")) {
                out.push(err(
                    "source-not-url",
                    &format!("legal_basis[{i}].source"),
                    "the source must be the address of a public page".into(),
                ));
            }
        }
        if let ServiceKind::Bundle { procedures } = &s.kind {
            if procedures.len() < 2 {
                out.push(err(
                    "bundle-too-small",
                    "kind.procedures",
                    "a bundle links at least two procedures".into(),
                ));
            }
            for (i, p) in procedures.iter().enumerate() {
                if !has_id(services, p) {
                    out.push(err(
                        "bundle-missing-procedure",
                        &format!("kind.procedures[{i}]"),
                        format!("the bundle names {:?}, which is not in the catalogue", p.0),
                    ));
                }
            }
        }
    }
    out
}
