//! Loading real and broken catalogues.

use std::path::PathBuf;

use portal_catalog::{load_dir, Catalogue, LoadError, SourceFile};

fn repo_catalog() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../catalog")
}

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile {
        name: format!("services/{name}"),
        text: text.to_string(),
    }
}

fn valid(id: &str) -> String {
    std::fs::read_to_string(repo_catalog().join("services/birth-registration.toml"))
        .unwrap()
        .replace("id = \"birth-registration\"", &format!("id = \"{id}\""))
}

fn codes(err: LoadError) -> Vec<&'static str> {
    match err {
        LoadError::Invalid(d) => d.iter().map(|d| d.code).collect(),
        other => panic!("unexpected {other}"),
    }
}

#[test]
fn the_published_catalogue_loads_clean() {
    let c = load_dir(&repo_catalog()).expect("catalog/ loads");
    assert!(c.services.len() >= 5);
    assert_eq!(c.version.len(), 16);
    assert!(c.service("birth-registration").is_some());
    let index = c.index();
    assert_eq!(index.services.len(), c.services.len());
}

#[test]
fn version_changes_with_content_only() {
    let a = Catalogue::from_files(&[file("x.toml", &valid("x"))]).unwrap();
    let b = Catalogue::from_files(&[file("x.toml", &valid("x"))]).unwrap();
    let changed = valid("x").replace("Đăng ký khai sinh\"", "Khai sinh\"");
    let c = Catalogue::from_files(&[file("x.toml", &changed)]).unwrap();
    assert_eq!(a.version, b.version);
    assert_ne!(a.version, c.version);
}

#[test]
fn syntax_errors_name_the_file_and_line() {
    let err = Catalogue::from_files(&[file("x.toml", "id = \"x\"\n\n[name\nvi = 1")]).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("services/x.toml:3"), "{text}");
    assert_eq!(codes(err), vec!["syntax"]);
}

#[test]
fn id_must_match_the_file_name() {
    let err = Catalogue::from_files(&[file("other.toml", &valid("x"))]).unwrap_err();
    assert_eq!(codes(err), vec!["id-file-mismatch"]);
}

#[test]
fn missing_english_and_bad_codes_are_reported() {
    let text = valid("x")
        .replace("en = \"Birth registration\"", "en = \"  \"")
        .replace("\"1.001193\"", "\"1001193\"");
    let err = Catalogue::from_files(&[file("x.toml", &text)]).unwrap_err();
    let c = codes(err);
    assert!(c.contains(&"missing-text"), "{c:?}");
    assert!(c.contains(&"procedure-code-shape"), "{c:?}");
}

#[test]
fn bundles_must_name_existing_procedures() {
    let bundle = valid("b").replace(
        "[kind]\nkind = \"procedure\"",
        "[kind]\nkind = \"bundle\"\nprocedures = [\"a\", \"ghost\"]",
    );
    let err =
        Catalogue::from_files(&[file("a.toml", &valid("a")), file("b.toml", &bundle)]).unwrap_err();
    assert_eq!(codes(err), vec!["bundle-missing-procedure"]);
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let big = "#".repeat(300 * 1024);
    let err = Catalogue::from_files(&[file("x.toml", &big)]).unwrap_err();
    assert_eq!(codes(err), vec!["file-too-large"]);
}
