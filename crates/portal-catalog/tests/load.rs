//! Loading real and broken catalogues.

mod common;

use common::{codes, file, refused_with, repo_catalog, topics, Svc};
use portal_catalog::{load_dir, Catalogue, LoadError, SourceFile, TOPICS_FILE};

#[test]
fn the_published_catalogue_loads_clean() {
    let c = load_dir(&repo_catalog()).expect("catalog/ loads");
    assert!(c.services.len() >= 25);
    assert_eq!(c.version.len(), 16);
    assert!(c.service("birth-registration").is_some());
    let index = c.index();
    assert_eq!(index.services.len(), c.services.len());
    assert_eq!(index.topics, c.topics);
    assert!(!index.topics.is_empty());
}

#[test]
fn version_changes_with_content_only() {
    let x = Svc::new("x");
    let a = common::build(std::slice::from_ref(&x)).unwrap();
    let b = common::build(std::slice::from_ref(&x)).unwrap();
    let changed = x.toml().replace("Dịch vụ x\"", "Khai sinh\"");
    let c = Catalogue::from_files(&[topics(&["family"]), file("x.toml", &changed)]).unwrap();
    assert_eq!(a.version, b.version);
    assert_ne!(a.version, c.version);
    // The taxonomy is part of the content too.
    let mut renamed = topics(&["family"]);
    renamed.text = renamed.text.replace("Topic family", "Family");
    let d = Catalogue::from_files(&[renamed, x.file()]).unwrap();
    assert_ne!(a.version, d.version);
}

#[test]
fn syntax_errors_name_the_file_and_line() {
    let err = Catalogue::from_files(&[topics(&[]), file("x.toml", "id = \"x\"\n\n[name\nvi = 1")])
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("services/x.toml:3"), "{text}");
    assert_eq!(codes(Err(err)), vec!["syntax"]);
}

#[test]
fn id_must_match_the_file_name() {
    let err = Catalogue::from_files(&[
        topics(&["family"]),
        file("other.toml", &Svc::new("x").toml()),
    ]);
    // "family" is not reported unused: the unreadable file may be the one using it.
    refused_with(err, &["id-file-mismatch"]);
}

#[test]
fn missing_english_and_bad_codes_are_reported() {
    let text = Svc::new("x")
        .top("procedure_codes = [\"1001193\"]")
        .toml()
        .replace("en = \"Service x\"", "en = \"  \"");
    let c = codes(Catalogue::from_files(&[
        topics(&["family"]),
        file("x.toml", &text),
    ]));
    assert!(c.contains(&"missing-text"), "{c:?}");
    assert!(c.contains(&"procedure-code-shape"), "{c:?}");
}

#[test]
fn fee_cases_need_both_languages() {
    let fees = "[fees]\nkind = \"rules\"\n[[fees.rules]]\nonline = 50000\nconfidence = \"needs-check\"\nbasis = \"Luật Hộ tịch 60/2014/QH13\"\n[fees.rules.case]\nvi = \"Cấp mới\"\nen = \"\"\n";
    refused_with(
        common::build(&[Svc::new("x").fees(fees)]),
        &["missing-text"],
    );
    let fixed = fees.replace("en = \"\"", "en = \"First issue\"");
    refused_with(common::build(&[Svc::new("x").fees(&fixed)]), &[]);
}

#[test]
fn bundles_must_name_existing_procedures() {
    let bundle = Svc::new("b").kind("kind = \"bundle\"\nprocedures = [\"a\", \"ghost\"]");
    refused_with(
        common::build(&[Svc::new("a"), bundle]),
        &["bundle-missing-procedure"],
    );
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let big = "#".repeat(300 * 1024);
    let err = Catalogue::from_files(&[topics(&[]), file("x.toml", &big)]);
    refused_with(err, &["file-too-large"]);
    let big_topics = SourceFile {
        name: TOPICS_FILE.into(),
        text: big,
    };
    refused_with(Catalogue::from_files(&[big_topics]), &["file-too-large"]);
}

#[test]
fn a_catalogue_folder_without_topics_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("services")).unwrap();
    std::fs::write(dir.path().join("services/x.toml"), Svc::new("x").toml()).unwrap();
    match load_dir(dir.path()) {
        Err(LoadError::Invalid(d)) => {
            let c: Vec<_> = d.iter().map(|d| d.code).collect();
            assert_eq!(c, vec!["no-topics-file"]);
            assert!(d[0].to_string().contains("topics.toml"), "{}", d[0]);
        }
        other => panic!("expected the missing taxonomy to be reported, got {other:?}"),
    }
    std::fs::write(dir.path().join(TOPICS_FILE), topics(&["family"]).text).unwrap();
    let c = load_dir(dir.path()).expect("loads once topics.toml exists");
    assert_eq!(c.topics.len(), 1);
}
