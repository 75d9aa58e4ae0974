//! Form files: `catalog/forms/<service-id>.toml`, one per service that has an online form.
//! Each is parsed into the shared form schema, checked for keys the schema does not know
//! (a typo like `requried` would otherwise be silently ignored), linted by the engine's
//! own rules and attached to its service.

use std::path::Path;

use portal_core::form::{lint, Form, IndexedForm};
use portal_core::Service;

use crate::check::{Diagnostic, Severity};
use crate::load::{line_of, MAX_FILE_BYTES};
use crate::reader_vi::reader_message_vi;
use crate::SourceFile;

/// The folder of form files, relative to the catalogue root, and their name prefix.
pub const FORMS_DIR: &str = "forms";

/// Whether a catalogue file is a form file (by its relative name).
pub fn is_form_file(name: &str) -> bool {
    name.starts_with("forms/")
}

/// The service id a form file belongs to: its file stem.
pub fn form_service_id(name: &str) -> &str {
    Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
}

/// Parses one form file, reporting unknown keys as errors.
pub fn parse_form(file: &SourceFile) -> Result<Form, Vec<Diagnostic>> {
    if file.text.len() > MAX_FILE_BYTES {
        return Err(vec![Diagnostic::error(
            "file-too-large",
            &file.name,
            "",
            format!(
                "the file is {} bytes; a form file may be at most {} bytes",
                file.text.len(),
                MAX_FILE_BYTES
            ),
            format!(
                "tệp có dung lượng {} byte; mỗi tệp biểu mẫu chỉ được tối đa {} byte",
                file.text.len(),
                MAX_FILE_BYTES
            ),
        )]);
    }
    let syntax = |e: toml::de::Error| {
        let mut d = Diagnostic::error(
            "syntax",
            &file.name,
            "",
            e.message(),
            reader_message_vi(e.message()),
        );
        d.line = e.span().map(|s| line_of(&file.text, s.start));
        vec![d]
    };
    let form: Form = toml::from_str(&file.text).map_err(syntax)?;
    let written: toml::Value = toml::from_str(&file.text).map_err(syntax)?;
    let mut unknown = Vec::new();
    match toml::Value::try_from(&form) {
        Ok(understood) => unknown_keys(&written, &understood, String::new(), &mut unknown),
        Err(e) => {
            let mut d = Diagnostic::error(
                "unchecked-keys",
                &file.name,
                "",
                format!("the form could not be re-read to check its keys: {e}"),
                format!(
                    "không đọc lại được biểu mẫu để kiểm tra các khóa: {}",
                    reader_message_vi(&e.to_string())
                ),
            );
            d.severity = Severity::Warning;
            return Err(vec![d]);
        }
    }
    if unknown.is_empty() {
        return Ok(form);
    }
    Err(unknown
        .into_iter()
        .map(|path| {
            let key = path.rsplit('.').next().unwrap_or_default().to_string();
            Diagnostic::error(
                "unknown-key",
                &file.name,
                &path,
                format!("{key:?} is not a setting of this part of a form (check the spelling and the field's type)"),
                format!("{key:?} không phải là thiết lập của phần này trong biểu mẫu (hãy kiểm tra chính tả và kiểu của trường)"),
            )
        })
        .collect())
}

/// Paths of keys present in `written` but absent from `understood` (what the schema
/// kept when it read the file). Every schema field that can be written is serialised
/// back, so only unknown keys differ.
fn unknown_keys(
    written: &toml::Value,
    understood: &toml::Value,
    path: String,
    out: &mut Vec<String>,
) {
    match (written, understood) {
        (toml::Value::Table(w), toml::Value::Table(u)) => {
            for (k, v) in w {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match u.get(k) {
                    Some(uv) => unknown_keys(v, uv, p, out),
                    None => out.push(p),
                }
            }
        }
        (toml::Value::Array(w), toml::Value::Array(u)) => {
            for (i, (wv, uv)) in w.iter().zip(u).enumerate() {
                unknown_keys(wv, uv, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// Checks the forms and attaches each to its service. `forms` are (file name, form).
pub fn attach_forms(
    services: &mut [(String, Service)],
    forms: Vec<(String, Form)>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (file, form) in forms {
        let id = form_service_id(&file).to_string();
        let Some((service_file, service)) = services.iter_mut().find(|(_, s)| s.id.as_str() == id)
        else {
            out.push(Diagnostic::error(
                "form-without-service",
                &file,
                "",
                format!(
                    "there is no service {id:?} for this form; name the file after a service id"
                ),
                format!(
                    "không có dịch vụ {id:?} cho biểu mẫu này; hãy đặt tên tệp theo mã của một dịch vụ"
                ),
            ));
            continue;
        };
        if service.form.is_some() {
            out.push(Diagnostic::error(
                "form-twice",
                &file,
                "",
                format!(
                    "{service_file} already declares a form; keep forms only under {FORMS_DIR}/"
                ),
                format!(
                    "{service_file} đã khai báo một biểu mẫu; chỉ đặt biểu mẫu trong thư mục {FORMS_DIR}/"
                ),
            ));
            continue;
        }
        let indexed = IndexedForm::new(form);
        for p in lint(&indexed) {
            let warning = p.is_warning();
            let mut d = Diagnostic::error(p.code, &file, &p.path, p.message, p.message_vi);
            if warning {
                d.severity = Severity::Warning;
            }
            out.push(d);
        }
        service.form = Some(indexed.into_form());
    }
    out
}
