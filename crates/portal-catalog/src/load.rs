//! Parsing of catalogue files into the shared model.

use std::path::Path;

use portal_core::{CatalogueIndex, Service, ServiceId, ServiceSummary};
use sha2::{Digest, Sha256};

use crate::check::{check, Diagnostic, Severity};
use crate::forms::{attach_forms, is_form_file, parse_form, FORMS_DIR};

/// Catalogue files larger than this are refused before parsing: no real service needs it,
/// and it bounds the work a hostile file can cause.
pub const MAX_FILE_BYTES: usize = 256 * 1024;

/// One catalogue file: its name (relative, for messages) and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// A checked catalogue, ready to serve.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub version: String,
    pub services: Vec<Service>,
}

impl Catalogue {
    /// Builds a catalogue from files, refusing it if any diagnostic is an error.
    pub fn from_files(files: &[SourceFile]) -> Result<Catalogue, LoadError> {
        let mut services = Vec::with_capacity(files.len());
        let mut forms = Vec::new();
        let mut diagnostics = Vec::new();
        for file in files {
            if is_form_file(&file.name) {
                match parse_form(file) {
                    Ok(form) => forms.push((file.name.clone(), form)),
                    Err(d) => diagnostics.extend(d),
                }
                continue;
            }
            match parse_service(file) {
                Ok(service) => services.push((file.name.clone(), service)),
                Err(d) => diagnostics.push(d),
            }
        }
        diagnostics.extend(check(&services));
        diagnostics.extend(attach_forms(&mut services, forms));
        if diagnostics.iter().any(|d| d.severity == Severity::Error) {
            return Err(LoadError::Invalid(diagnostics));
        }
        let mut services: Vec<Service> = services.into_iter().map(|(_, s)| s).collect();
        services.sort_by(|a, b| a.id.cmp(&b.id));
        let version = content_version(files);
        Ok(Catalogue { version, services })
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id.as_str() == id)
    }

    /// The list the catalogue page needs.
    pub fn index(&self) -> CatalogueIndex {
        CatalogueIndex {
            version: self.version.clone(),
            services: self.services.iter().map(ServiceSummary::from).collect(),
        }
    }
}

/// Why a catalogue could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read the catalogue folder {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the catalogue has {} problem(s):\n{}", .0.len(), render(.0))]
    Invalid(Vec<Diagnostic>),
}

fn render(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| format!("  {d}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parses one service file. The service id must equal the file's stem so that a file
/// can always be found from a URL and vice versa.
pub fn parse_service(file: &SourceFile) -> Result<Service, Diagnostic> {
    if file.text.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "file-too-large",
            &file.name,
            "",
            format!(
                "the file is {} bytes; a service file may be at most {} bytes",
                file.text.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    let service: Service = toml::from_str(&file.text).map_err(|e| {
        let line = e.span().map(|span| line_of(&file.text, span.start));
        let mut d = Diagnostic::error("syntax", &file.name, "", e.message().to_string());
        d.line = line;
        d
    })?;
    let stem = Path::new(&file.name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if service.id.as_str() != stem {
        return Err(Diagnostic::error(
            "id-file-mismatch",
            &file.name,
            "id",
            format!(
                "the id is {:?} but the file is named {:?}; they must match",
                service.id.0, stem
            ),
        ));
    }
    Ok(service)
}

/// Reads every `*.toml` file of `dir/services` and of `dir/forms` (which may be absent)
/// and builds the catalogue.
pub fn load_dir(dir: &Path) -> Result<Catalogue, LoadError> {
    let mut files = read_toml_files(dir, "services", true)?;
    files.extend(read_toml_files(dir, FORMS_DIR, false)?);
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Catalogue::from_files(&files)
}

/// The `*.toml` files of `dir/sub`, named `sub/<file>`.
fn read_toml_files(dir: &Path, sub: &str, required: bool) -> Result<Vec<SourceFile>, LoadError> {
    let folder = dir.join(sub);
    let io = |source| LoadError::Io {
        path: folder.display().to_string(),
        source,
    };
    if !required && !folder.exists() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&folder).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(io)?;
        let name = format!(
            "{sub}/{}",
            path.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
        );
        files.push(SourceFile { name, text });
    }
    Ok(files)
}

/// The 1-based line of a byte offset, for diagnostics.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    // A span may point inside a multi-byte character; count up to the nearest boundary.
    let end = (0..=end)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    text[..end].lines().count().max(1)
}

/// A short hash of all files' names and contents, stable across machines.
fn content_version(files: &[SourceFile]) -> String {
    let mut hasher = Sha256::new();
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    for f in sorted {
        hasher.update(f.name.as_bytes());
        hasher.update([0]);
        hasher.update(f.text.as_bytes());
        hasher.update([0]);
    }
    let digest = hasher.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `id` names a service of `services`.
pub(crate) fn has_id(services: &[(String, Service)], id: &ServiceId) -> bool {
    services.iter().any(|(_, s)| &s.id == id)
}
