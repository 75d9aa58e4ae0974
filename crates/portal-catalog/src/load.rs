//! Parsing of catalogue files into the shared model.

use std::path::Path;

use portal_core::{CatalogueIndex, Service, ServiceSummary, Topic};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::check::Diagnostic;
use crate::forms::FORMS_DIR;
use crate::reader_vi::reader_message_vi;

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
        crate::lint::lint(files).into_catalogue()
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
// A diagnostic carries its message in both languages, which takes it past clippy's size
// for an error; it is made at most once per file, so boxing it (here, in parse_topics and
// in parse_toml) would buy nothing.
#[allow(clippy::result_large_err)]
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
            format!(
                "mã là {:?} nhưng tệp lại có tên {:?}; mã và tên tệp phải trùng nhau",
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
#[allow(clippy::result_large_err)]
pub fn parse_topics(file: &SourceFile) -> Result<Vec<Topic>, Diagnostic> {
    parse_toml::<TopicsFile>(file).map(|f| f.topics)
}

/// Parses a catalogue file of bounded size, locating syntax errors by line.
#[allow(clippy::result_large_err)]
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
            format!(
                "tệp có dung lượng {} byte; mỗi tệp của danh mục chỉ được tối đa {} byte",
                file.text.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    toml::from_str(&file.text).map_err(|e| {
        let line = e.span().map(|span| line_of(&file.text, span.start));
        let mut d = Diagnostic::error(
            "syntax",
            &file.name,
            "",
            e.message(),
            reader_message_vi(e.message()),
        );
        d.line = line;
        d
    })
}

/// Reads `dir/topics.toml`, every `*.toml` file of `dir/services` and of `dir/forms`
/// (which may be absent) and builds the catalogue.
pub fn load_dir(dir: &Path) -> Result<Catalogue, LoadError> {
    Catalogue::from_files(&read_dir(dir)?)
}

/// The catalogue files of a folder (as [`load_dir`] reads them), sorted by name, for
/// linting without loading.
pub fn read_dir(dir: &Path) -> Result<Vec<SourceFile>, LoadError> {
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
    Ok(files)
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
    text[..end].bytes().filter(|b| *b == b'\n').count() + 1
}

/// A short hash of all files' names and contents, stable across machines.
pub(crate) fn content_version(files: &[SourceFile]) -> String {
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
