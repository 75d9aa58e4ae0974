//! Parsing of catalogue files into the shared model.

use std::path::Path;

use portal_core::{CatalogueIndex, Service, ServiceSummary, Topic};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::check::{check, check_topics, Diagnostic, Severity};
use crate::forms::{attach_forms, is_form_file, parse_form, FORMS_DIR};

/// The name of the taxonomy file, relative to the catalogue folder.
pub const TOPICS_FILE: &str = "topics.toml";

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
    /// The topic taxonomy, in display order.
    pub topics: Vec<Topic>,
    pub services: Vec<Service>,
}

impl Catalogue {
    /// Builds a catalogue from files, refusing it if any diagnostic is an error. The
    /// file named [`TOPICS_FILE`] is the taxonomy, files under `forms/` are forms;
    /// every other file is one service.
    pub fn from_files(files: &[SourceFile]) -> Result<Catalogue, LoadError> {
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
            match parse_service(file) {
                Ok(service) => services.push((file.name.clone(), service)),
                Err(d) => {
                    unreadable_services = true;
                    diagnostics.push(d)
                }
            }
        }
        diagnostics.extend(check(&services));
        diagnostics.extend(attach_forms(&mut services, forms));
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
                ))
            }
            None => {}
        }
        if diagnostics.iter().any(|d| d.severity == Severity::Error) {
            return Err(LoadError::Invalid(diagnostics));
        }
        let mut services: Vec<Service> = services.into_iter().map(|(_, s)| s).collect();
        services.sort_by(|a, b| a.id.cmp(&b.id));
        let version = content_version(files);
        Ok(Catalogue {
            version,
            topics: topics.unwrap_or_default(),
            services,
        })
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id.as_str() == id)
    }

    /// The list the catalogue page needs.
    pub fn index(&self) -> CatalogueIndex {
        CatalogueIndex {
            version: self.version.clone(),
            topics: self.topics.clone(),
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
    let service: Service = parse_toml(file)?;
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

/// The shape of `topics.toml`: a list of `[[topics]]` tables.
#[derive(Deserialize)]
struct TopicsFile {
    #[serde(default)]
    topics: Vec<Topic>,
}

/// Parses the topic taxonomy file.
pub fn parse_topics(file: &SourceFile) -> Result<Vec<Topic>, Diagnostic> {
    parse_toml::<TopicsFile>(file).map(|f| f.topics)
}

/// Parses a catalogue file of bounded size, locating syntax errors by line.
fn parse_toml<T: DeserializeOwned>(file: &SourceFile) -> Result<T, Diagnostic> {
    if file.text.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "file-too-large",
            &file.name,
            "",
            format!(
                "the file is {} bytes; a catalogue file may be at most {} bytes",
                file.text.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    toml::from_str(&file.text).map_err(|e| {
        let line = e.span().map(|span| line_of(&file.text, span.start));
        let mut d = Diagnostic::error("syntax", &file.name, "", e.message().to_string());
        d.line = line;
        d
    })
}

/// Reads `dir/topics.toml`, every `*.toml` file of `dir/services` and of `dir/forms`
/// (which may be absent) and builds the catalogue.
pub fn load_dir(dir: &Path) -> Result<Catalogue, LoadError> {
    let mut files = read_toml_files(dir, "services", true)?;
    files.extend(read_toml_files(dir, FORMS_DIR, false)?);
    let topics_path = dir.join(TOPICS_FILE);
    match std::fs::read_to_string(&topics_path) {
        Ok(text) => files.push(SourceFile {
            name: TOPICS_FILE.to_string(),
            text,
        }),
        // Reported by the checks as a missing taxonomy, with the other problems.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(LoadError::Io {
                path: topics_path.display().to_string(),
                source,
            })
        }
    }
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
