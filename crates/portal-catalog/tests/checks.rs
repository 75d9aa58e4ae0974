//! Each check on the catalogue, shown refusing a small catalogue and accepting the same
//! catalogue once the one fact it is about is put right.

mod common;

use common::{build, refused_with, topics, Svc};
use portal_catalog::{Catalogue, TOPICS_FILE};

// Directive 24 item numbers.

#[test]
fn directive24_items_run_from_1_to_25() {
    for bad in [0, 26, 255] {
        let s = Svc::new("a").top(&format!("directive24_item = {bad}"));
        refused_with(build(&[s]), &["directive24-item-range"]);
    }
    for good in [1, 25] {
        let s = Svc::new("a").top(&format!("directive24_item = {good}"));
        refused_with(build(&[s]), &[]);
    }
}

#[test]
fn a_directive24_item_belongs_to_one_service() {
    let a = Svc::new("a").top("directive24_item = 3");
    let b = Svc::new("b").top("directive24_item = 3");
    refused_with(build(&[a.clone(), b]), &["directive24-duplicate-item"]);
    let b = Svc::new("b").top("directive24_item = 4");
    let c = Svc::new("c"); // outside the list: no item at all
    refused_with(build(&[a, b, c]), &[]);
}

#[test]
fn one_legal_text_has_one_date_of_issue() {
    let a = Svc::new("a");
    let b = Svc::new("b");
    let mut files = vec![topics(&["family"]), a.file(), b.file()];
    refused_with(Catalogue::from_files(&files), &[]);
    files[2] = common::file("b.toml", &b.toml().replace("2014-11-20", "2014-11-21"));
    refused_with(
        Catalogue::from_files(&files),
        &["legal-source-date-conflict"],
    );
}

// Bundles: required and optional linked procedures.

fn bundle(kind: &str) -> Vec<Svc> {
    vec![
        Svc::new("death"),
        Svc::new("residence"),
        Svc::new("funeral"),
        Svc::new("survivor"),
        Svc::new("b").kind(kind),
    ]
}

const DEATH_BUNDLE: &str = r#"kind = "bundle"
procedures = ["death", "residence", "funeral", "survivor"]
[[kind.optional]]
id = "funeral"
[[kind.optional]]
id = "survivor"
requires = ["funeral"]"#;

#[test]
fn a_bundle_with_optional_procedures_loads_and_offers_its_choices() {
    let c = build(&bundle(DEATH_BUNDLE)).expect("valid bundle");
    let b = c.service("b").unwrap();
    let sizes: Vec<usize> = b.kind.choices().iter().map(Vec::len).collect();
    assert_eq!(sizes, vec![2, 3, 4]);
}

#[test]
fn a_bundle_always_files_two_procedures() {
    let kind = r#"kind = "bundle"
procedures = ["death", "funeral"]
[[kind.optional]]
id = "funeral""#;
    refused_with(build(&bundle(kind)), &["bundle-too-small"]);
    refused_with(
        build(&bundle(
            "kind = \"bundle\"\nprocedures = [\"death\", \"funeral\"]",
        )),
        &[],
    );
}

#[test]
fn a_bundle_names_each_procedure_once() {
    refused_with(
        build(&bundle(
            "kind = \"bundle\"\nprocedures = [\"death\", \"residence\", \"death\"]",
        )),
        &["bundle-duplicate-procedure"],
    );
}

#[test]
fn a_bundle_links_procedures_not_bundles() {
    let mut services = bundle("kind = \"bundle\"\nprocedures = [\"death\", \"residence\"]");
    services.push(Svc::new("outer").kind("kind = \"bundle\"\nprocedures = [\"b\", \"funeral\"]"));
    refused_with(build(&services), &["bundle-links-bundle"]);
}

#[test]
fn optional_procedures_are_among_the_linked_ones() {
    let kind = r#"kind = "bundle"
procedures = ["death", "residence"]
[[kind.optional]]
id = "funeral""#;
    refused_with(build(&bundle(kind)), &["bundle-optional-not-linked"]);
}

#[test]
fn an_optional_procedure_requires_only_other_optional_ones() {
    // Requiring an always-filed procedure, or itself, says nothing: a data mistake.
    for requires in ["death", "survivor"] {
        let kind = DEATH_BUNDLE.replace(
            "requires = [\"funeral\"]",
            &format!("requires = [\"{requires}\"]"),
        );
        refused_with(build(&bundle(&kind)), &["bundle-requires-not-optional"]);
    }
    let kind = DEATH_BUNDLE.replace("requires = [\"funeral\"]", "requires = [\"ghost\"]");
    refused_with(build(&bundle(&kind)), &["bundle-requires-not-optional"]);
}

#[test]
fn a_bundle_offers_a_bounded_number_of_options() {
    let mut services = vec![Svc::new("p0"), Svc::new("p1")];
    let mut ids = vec!["\"p0\"".to_string(), "\"p1\"".to_string()];
    let mut optional = String::new();
    for i in 0..9 {
        services.push(Svc::new(&format!("o{i}")));
        ids.push(format!("\"o{i}\""));
        optional.push_str(&format!("[[kind.optional]]\nid = \"o{i}\"\n"));
    }
    let kind = format!(
        "kind = \"bundle\"\nprocedures = [{}]\n{optional}",
        ids.join(", ")
    );
    let mut too_many = services.clone();
    too_many.push(Svc::new("b").kind(&kind));
    refused_with(build(&too_many), &["bundle-too-many-options"]);

    let eight = kind.replace("[[kind.optional]]\nid = \"o8\"\n", "");
    services.push(Svc::new("b").kind(&eight));
    refused_with(build(&services), &[]);
}

// Confirmed facts name their source.

const CONFIRMED_FEE: &str = r#"[fees]
kind = "rules"
[[fees.rules]]
in_person = 20000
online = 10000
confidence = "confirmed"
BASIS
[fees.rules.case]
vi = "Đăng ký"
en = "Registration"
"#;

#[test]
fn a_confirmed_fee_names_its_legal_basis() {
    let without = CONFIRMED_FEE.replace("BASIS", "");
    refused_with(
        build(&[Svc::new("a").fees(&without)]),
        &["confirmed-without-source"],
    );
    let with = CONFIRMED_FEE.replace("BASIS", "basis = \"Luật Hộ tịch 60/2014/QH13\"");
    refused_with(build(&[Svc::new("a").fees(&with)]), &[]);
}

#[test]
fn a_confirmed_free_service_names_its_legal_basis() {
    let without = "[fees]\nkind = \"free\"\nconfidence = \"confirmed\"\n";
    refused_with(
        build(&[Svc::new("a").fees(without)]),
        &["confirmed-without-source"],
    );
    let with = format!("{without}basis = \"Luật Hộ tịch 60/2014/QH13\"\n");
    refused_with(build(&[Svc::new("a").fees(&with)]), &[]);
}

#[test]
fn a_confirmed_processing_time_names_its_legal_basis() {
    refused_with(
        build(&[Svc::new("a").time("working_days = 1\nconfidence = \"confirmed\"")]),
        &["confirmed-without-source"],
    );
    refused_with(
        build(&[Svc::new("a").time(
            "working_days = 1\nconfidence = \"confirmed\"\nbasis = \"Luật Hộ tịch 60/2014/QH13\"",
        )]),
        &[],
    );
}

#[test]
fn a_basis_must_be_one_of_the_services_legal_bases() {
    // Even on a fact still to be checked, a named basis must exist.
    let fee = CONFIRMED_FEE
        .replace("confidence = \"confirmed\"", "confidence = \"needs-check\"")
        .replace("BASIS", "basis = \"Thông tư 75/2022/TT-BTC\"");
    refused_with(build(&[Svc::new("a").fees(&fee)]), &["unknown-basis"]);
    let confirmed = CONFIRMED_FEE.replace("BASIS", "basis = \"Thông tư 75/2022/TT-BTC\"");
    refused_with(build(&[Svc::new("a").fees(&confirmed)]), &["unknown-basis"]);
}

// The topic taxonomy.

#[test]
fn services_name_only_defined_topics() {
    let files = [
        topics(&["family"]),
        Svc::new("a").topics(&["family", "famly"]).file(),
    ];
    refused_with(Catalogue::from_files(&files), &["unknown-topic"]);
}

#[test]
fn every_topic_is_used() {
    let files = [topics(&["family", "tax"]), Svc::new("a").file()];
    let err = Catalogue::from_files(&files).unwrap_err();
    assert!(err.to_string().contains("\"tax\""), "{err}");
    refused_with(Err(err), &["unused-topic"]);
    let files = [
        topics(&["family", "tax"]),
        Svc::new("a").file(),
        Svc::new("b").topics(&["tax"]).file(),
    ];
    refused_with(Catalogue::from_files(&files), &[]);
}

#[test]
fn topics_are_defined_once_with_a_url_safe_id() {
    let mut t = topics(&["family", "family"]);
    refused_with(
        Catalogue::from_files(&[t.clone(), Svc::new("a").file()]),
        &["duplicate-topic"],
    );
    t = topics(&["Gia đình"]);
    let files = [t, Svc::new("a").topics(&["Gia đình"]).file()];
    refused_with(Catalogue::from_files(&files), &["topic-id-shape"]);
}

#[test]
fn topic_names_need_both_languages() {
    let mut t = topics(&["family"]);
    t.text = t.text.replace("en = \"Topic family\"", "en = \"\"");
    refused_with(
        Catalogue::from_files(&[t, Svc::new("a").file()]),
        &["missing-text"],
    );
}

#[test]
fn a_broken_taxonomy_is_reported_with_its_line() {
    let t = portal_catalog::SourceFile {
        name: TOPICS_FILE.into(),
        text: "[[topics]]\nid = \"family\"\nkind = \"hobby\"\n".into(),
    };
    let err = Catalogue::from_files(&[t, Svc::new("a").file()]).unwrap_err();
    assert!(err.to_string().contains("topics.toml:3"), "{err}");
    refused_with(Err(err), &["syntax"]);
}

#[test]
fn the_index_carries_the_taxonomy_in_file_order() {
    let files = [
        topics(&["tax", "family"]),
        Svc::new("a").topics(&["family", "tax"]).file(),
    ];
    let c = Catalogue::from_files(&files).unwrap();
    let ids: Vec<_> = c.index().topics.iter().map(|t| t.id.clone()).collect();
    assert_eq!(ids, vec!["tax", "family"]);
}

// Routing: every dossier reaches the agency that receives it.

#[test]
fn a_ministry_procedure_names_its_ministry_and_only_it_does() {
    let s = Svc::new("a");
    let with = |level: &str, ministry: &str| {
        let toml = s
            .toml()
            .replace("level = \"commune\"", &format!("level = \"{level}\""))
            + ministry;
        Catalogue::from_files(&[topics(&["family"]), common::file("a.toml", &toml)])
    };
    const MOET: &str = "\n[agency.ministry]\nid = \"moet\"\nname = { vi = \"Bộ Giáo dục và Đào tạo\", en = \"Ministry of Education and Training\" }\n";
    refused_with(with("ministry", ""), &["routing-ministry"]);
    refused_with(with("ministry", MOET), &[]);
    refused_with(
        with("ministry", &MOET.replace("moet", "Bộ GD")),
        &["routing-ministry"],
    );
    refused_with(with("province", MOET), &["routing-ministry"]);
}
