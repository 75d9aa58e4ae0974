//! The one entry point staff tools, the server and CI use to check a catalogue: every
//! rule (schema, ids, topics, bundles, sources, forms, fees, safety of text, size) over
//! a set of files, each finding with a stable code, a severity, the file, the line and
//! the field path. A catalogue with any error cannot be loaded or published.

use std::collections::HashMap;

use portal_core::{Fees, Service, Topic};

use crate::check::{check, check_markup, check_routing, check_topics, Diagnostic, Severity};
use crate::forms::{attach_forms, is_form_file, parse_form, FORMS_DIR};
use crate::load::{content_version, parse_service, parse_topics, Catalogue, LoadError};
use crate::locate::line_of_path;
use crate::{SourceFile, TOPICS_FILE};

/// Most files a catalogue may have: ten times today's national list of online
/// services, so a real catalogue fits and a hostile upload is refused before parsing.
pub const MAX_FILES: usize = 20_000;
/// Most bytes all files together may hold.
pub const MAX_TOTAL_BYTES: usize = 32 * 1024 * 1024;

/// What the linter found, with what it could read.
#[derive(Debug, Clone)]
pub struct LintReport {
    pub diagnostics: Vec<Diagnostic>,
    /// The services that could be read, forms attached, in id order (also when there
    /// are errors, so a diff can still be shown).
    pub services: Vec<Service>,
    pub topics: Vec<Topic>,
    /// The content version of the files.
    pub version: String,
}

impl LintReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// The catalogue, refused if any diagnostic is an error.
    pub fn into_catalogue(self) -> Result<Catalogue, LoadError> {
        if self.has_errors() {
            return Err(LoadError::Invalid(self.diagnostics));
        }
        Ok(Catalogue {
            version: self.version,
            topics: self.topics,
            services: self.services,
        })
    }
}

/// Lints a catalogue given as files: `topics.toml`, `services/<id>.toml`,
/// `forms/<id>.toml`.
pub fn lint(files: &[SourceFile]) -> LintReport {
    let version = content_version(files);
    let empty = |d: Diagnostic| LintReport {
        diagnostics: vec![d],
        services: Vec::new(),
        topics: Vec::new(),
        version: version.clone(),
    };
    if files.len() > MAX_FILES {
        return empty(Diagnostic::error(
            "too-many-files",
            "",
            "",
            format!(
                "the catalogue has {} files; at most {MAX_FILES} are accepted",
                files.len()
            ),
            format!(
                "danh mục có {} tệp; chỉ nhận tối đa {MAX_FILES} tệp",
                files.len()
            ),
        ));
    }
    let total: usize = files.iter().map(|f| f.text.len()).sum();
    if total > MAX_TOTAL_BYTES {
        return empty(Diagnostic::error(
            "catalogue-too-large",
            "",
            "",
            format!("the catalogue is {total} bytes; at most {MAX_TOTAL_BYTES} are accepted"),
            format!("danh mục có dung lượng {total} byte; chỉ nhận tối đa {MAX_TOTAL_BYTES} byte"),
        ));
    }
    let mut services = Vec::with_capacity(files.len());
    let mut forms = Vec::new();
    let mut topics = None;
    let mut diagnostics = Vec::new();
    let mut unreadable_services = false;
    for file in files {
        if file.name == TOPICS_FILE {
            match parse_topics(file) {
                Ok(t) => topics = Some(t),
                Err(d) => diagnostics.push(d),
            }
            continue;
        }
        if is_form_file(&file.name) {
            match parse_form(file) {
                Ok(form) => forms.push((file.name.clone(), form)),
                Err(d) => diagnostics.extend(d),
            }
            continue;
        }
        if !(file.name.starts_with("services/") && file.name.ends_with(".toml")) {
            let mut d = Diagnostic::error(
                "unexpected-file",
                &file.name,
                "",
                "this file is not part of a catalogue and was ignored: services go in services/<id>.toml, forms in forms/<id>.toml",
                "tệp này không thuộc danh mục nên đã bị bỏ qua: tệp dịch vụ đặt tại services/<id>.toml, tệp biểu mẫu đặt tại forms/<id>.toml (<id> là mã dịch vụ)",
            );
            d.severity = Severity::Warning;
            diagnostics.push(d);
            continue;
        }
        match parse_service(file) {
            Ok(service) => services.push((file.name.clone(), service)),
            Err(d) => {
                unreadable_services = true;
                diagnostics.push(d)
            }
        }
    }
    diagnostics.extend(check(&services));
    diagnostics.extend(check_fees(&services));
    diagnostics.extend(attach_forms(&mut services, forms));
    diagnostics.extend(check_routing(&services));
    diagnostics.extend(check_form_fees(&services));
    diagnostics.extend(check_markup(&services));
    match &topics {
        Some(topics) => diagnostics.extend(
            check_topics(TOPICS_FILE, topics, &services)
                .into_iter()
                // A topic may well be used by the file that could not be read: saying
                // it is unused would send staff after the wrong problem.
                .filter(|d| !(unreadable_services && d.code == "unused-topic")),
        ),
        // A taxonomy that failed to parse is already reported above.
        None if !diagnostics.iter().any(|d| d.file == TOPICS_FILE) => {
            diagnostics.push(Diagnostic::error(
                "no-topics-file",
                TOPICS_FILE,
                "",
                "the catalogue needs a topics.toml listing the topics services are tagged with",
                "danh mục cần có tệp topics.toml liệt kê các chủ đề được gắn cho dịch vụ",
            ))
        }
        None => {}
    }
    add_lines(files, &mut diagnostics);
    let mut services: Vec<Service> = services.into_iter().map(|(_, s)| s).collect();
    services.sort_by(|a, b| a.id.cmp(&b.id));
    LintReport {
        diagnostics,
        services,
        topics: topics.unwrap_or_default(),
        version,
    }
}

/// Fee tables that leave a case without a price or an explanation.
fn check_fees(services: &[(String, Service)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (file, s) in services {
        let Fees::Rules { rules } = &s.fees else {
            continue;
        };
        if rules.is_empty() {
            out.push(Diagnostic::error(
                "fee-rules-empty",
                file,
                "fees.rules",
                "the fee table lists no case: add the cases and their amounts, or mark the service free",
                "bảng phí chưa có trường hợp thu nào: hãy thêm các trường hợp và mức thu, hoặc đánh dấu dịch vụ là miễn phí",
            ));
        }
        for (i, r) in rules.iter().enumerate() {
            if r.in_person.is_none() && r.online.is_none() && r.note.is_none() {
                out.push(Diagnostic::error(
                    "fee-rule-undefined",
                    file,
                    &format!("fees.rules[{i}]"),
                    "this case has no amount and no note: citizens could not tell what they pay",
                    "trường hợp này không có mức thu và không có ghi chú: người dân sẽ không biết mình phải nộp bao nhiêu",
                ));
            }
        }
    }
    out
}

/// A form's fee line charges only an amount its service file states, in a rule that names
/// its source and mark (a bundle's lines may use the rules of the procedures it files):
/// the form can never invent a fee the catalogue does not source.
fn check_form_fees(services: &[(String, Service)]) -> Vec<Diagnostic> {
    let all: Vec<&Service> = services.iter().map(|(_, s)| s).collect();
    let mut out = Vec::new();
    for (_, s) in services {
        let Some(form) = &s.form else { continue };
        let rules = crate::fee_table::rules_for_form(&all, s);
        let file = format!("{FORMS_DIR}/{}.toml", s.id.as_str());
        for (i, item) in form.fees.iter().enumerate() {
            let online = item.online.unwrap_or(item.in_person);
            let sourced = rules.iter().any(|r| crate::fee_table::rule_states(r, item));
            if !sourced {
                out.push(Diagnostic::error(
                    "form-fee-unsourced",
                    &file,
                    &format!("fees[{i}]"),
                    format!(
                        "fee line {:?} charges {} in person and {online} online, which no fee rule of the service file states: add the rule, with its basis and mark, to services/{}.toml",
                        item.id,
                        item.in_person,
                        s.id.as_str()
                    ),
                    format!(
                        "dòng phí {:?} thu {} đồng khi nộp trực tiếp và {online} đồng khi nộp trực tuyến, nhưng không có trường hợp thu phí nào trong tệp dịch vụ nêu mức này: hãy thêm trường hợp đó vào services/{}.toml, kèm căn cứ (`basis`) và mức độ xác nhận (`confidence`)",
                        item.id,
                        item.in_person,
                        s.id.as_str()
                    ),
                ));
            }
        }
    }
    out
}

/// Fills in the line of every diagnostic that has a path but no line yet.
fn add_lines(files: &[SourceFile], diagnostics: &mut [Diagnostic]) {
    let texts: HashMap<&str, &str> = files
        .iter()
        .map(|f| (f.name.as_str(), f.text.as_str()))
        .collect();
    for d in diagnostics.iter_mut() {
        if d.line.is_some() || d.path.is_empty() {
            continue;
        }
        if let Some(text) = texts.get(d.file.as_str()) {
            d.line = line_of_path(text, &d.path);
        }
    }
}
