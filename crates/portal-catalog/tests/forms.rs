//! Form files: the published birth-registration form, and broken forms reported with
//! their file, path and a stable code.

mod common;

use common::repo_catalog;
use portal_catalog::{load_dir, Catalogue, LoadError, SourceFile};
use portal_core::form::examples::context;
use portal_core::form::{
    AddressAnswer, Answer, Answers, FieldError, FieldPath, FileAnswer, Identity, IndexedForm,
    PersonAnswer, ValidationError,
};
use portal_core::validators::{Date, Sex};
use portal_core::Lang;

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo_catalog().join(rel)).expect("catalogue file is readable")
}

fn service_file() -> SourceFile {
    SourceFile {
        name: "services/birth-registration.toml".into(),
        text: read("services/birth-registration.toml"),
    }
}

/// The taxonomy the birth-registration service needs.
fn topics() -> SourceFile {
    common::topics(&["family", "birth"])
}

fn form_file(text: &str) -> SourceFile {
    SourceFile {
        name: "forms/birth-registration.toml".into(),
        text: text.into(),
    }
}

fn published_form_text() -> String {
    read("forms/birth-registration.toml")
}

/// Diagnostics as (code, path) pairs.
fn problems(files: &[SourceFile]) -> Vec<(String, String)> {
    match Catalogue::from_files(files) {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid(d)) => d
            .iter()
            .map(|d| (d.code.to_string(), d.path.clone()))
            .collect(),
        Err(other) => panic!("unexpected {other}"),
    }
}

fn birth_form() -> IndexedForm {
    let c = load_dir(&repo_catalog()).expect("catalog/ loads");
    let s = c.service("birth-registration").expect("birth registration");
    IndexedForm::new(s.form.clone().expect("birth registration has a form"))
}

fn file(name: &str, mime: &str) -> Answer {
    Answer::Files(vec![FileAnswer {
        id: format!("up-{name}"),
        name: name.into(),
        mime: mime.into(),
        bytes: 350_000,
    }])
}

fn addr(p: &str, c: &str, street: &str) -> Answer {
    Answer::Address(AddressAnswer {
        province: p.into(),
        commune: c.into(),
        street: street.into(),
    })
}

fn mother() -> Identity {
    Identity {
        full_name: Some("Trần Thị Mai".into()),
        birth_date: Date::new(1995, 8, 20),
        sex: Some(Sex::Female),
        personal_id: Some("001195012345".into()),
        permanent_address: Some(AddressAnswer {
            province: "01".into(),
            commune: "00004".into(),
            street: "12 phố Đội Cấn".into(),
        }),
        phone: Some("0912345678".into()),
        ..Identity::default()
    }
}

/// What a mother filing online for her married couple's newborn sends.
fn a_real_application() -> Answers {
    let t = |s: &str| Answer::Text(s.into());
    let c = |s: &str| Answer::Choice(s.into());
    Answers::new()
        .with("agency_commune", addr("01", "00004", ""))
        .with("relationship", c("mother"))
        .with("phone", t("0912 345 678"))
        .with("child_name", t("Nguyễn Minh An"))
        .with("child_birth_date", t("2/6/2026"))
        .with("child_sex", c("male"))
        .with("child_ethnicity", t("Kinh"))
        .with("child_nationality", t("Việt Nam"))
        .with("birth_place_kind", c("health_facility"))
        .with("birth_facility", t("Bệnh viện Phụ sản Hà Nội"))
        .with("birth_place", addr("01", "00070", ""))
        .with(
            "mother",
            Answer::Person(PersonAnswer {
                full_name: "Trần Thị Mai".into(),
                birth_date: "20/08/1995".into(),
                sex: None,
                id_number: "001195012345".into(),
            }),
        )
        .with("mother_ethnicity", t("Kinh"))
        .with("mother_nationality", t("Việt Nam"))
        .with("mother_residence", addr("01", "00004", "12 phố Đội Cấn"))
        .with("father_declared", Answer::YesNo(true))
        .with(
            "father",
            Answer::Person(PersonAnswer {
                full_name: "Nguyễn Văn Bình".into(),
                birth_date: "03/01/1993".into(),
                sex: None,
                id_number: "001093054321".into(),
            }),
        )
        .with("father_ethnicity", t("Kinh"))
        .with("father_nationality", t("Việt Nam"))
        .with("father_residence", addr("01", "00004", "12 phố Đội Cấn"))
        .with(
            "birth_notice",
            file("giay-chung-sinh.pdf", "application/pdf"),
        )
        .with("parents_married", Answer::YesNo(true))
        .with("marriage_in_database", Answer::YesNo(true))
        .with("paper_delivery", c("post"))
        .with("post_address", addr("01", "00004", "12 phố Đội Cấn"))
        .with("extract_copies", t("2"))
        .with("declaration", Answer::YesNo(true))
}

#[test]
fn the_birth_registration_form_is_published_with_its_service() {
    let form = birth_form();
    let steps: Vec<&str> = form.form().steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        steps,
        [
            "agency",
            "applicant",
            "child",
            "mother",
            "father",
            "documents",
            "result",
            "declaration"
        ]
    );
    assert!(form.len() >= 30, "{} fields", form.len());
    assert!(portal_core::form::lint(&form).is_empty());
}

#[test]
fn a_real_application_is_accepted_and_priced() {
    let form = birth_form();
    let who = mother();
    let ctx = context().with_identity(&who);
    let submitted = form
        .validate_submission(&a_real_application(), &ctx)
        .unwrap_or_else(|e| panic!("{e:#?}"));
    // Locked prefill came from VNeID; the phone was normalised; hidden questions
    // (marriage certificate, authorisation) are not submitted.
    let Some(Answer::Person(applicant)) = submitted.get("applicant") else {
        panic!("the applicant block is filled from the identity")
    };
    assert_eq!(applicant.id_number, "001195012345");
    assert_eq!(submitted.text("phone"), Some("0912345678"));
    assert_eq!(submitted.text("child_birth_date"), Some("02/06/2026"));
    assert!(submitted.get("marriage_certificate").is_none());
    assert!(submitted.get("authorisation").is_none());
    let quote = form.quote(&submitted, portal_core::form::examples::today());
    assert_eq!(
        (quote.total_online, quote.total_in_person),
        (16_000, 16_000)
    );
}

#[test]
fn the_form_asks_for_what_the_case_needs() {
    let form = birth_form();
    let who = mother();
    let ctx = context().with_identity(&who);
    // A grandmother filing, parents not married in Vietnam: authorisation and marriage
    // certificate are now asked for, and are missing.
    let a = a_real_application()
        .with("relationship", Answer::Choice("grandparent".into()))
        .with("marriage_in_database", Answer::YesNo(false));
    let errors = form.validate_step(&a, "documents", &ctx);
    let paths: Vec<String> = errors.iter().map(|e| e.path.to_string()).collect();
    assert_eq!(paths, ["marriage_certificate", "authorisation"]);
    assert_eq!(
        errors[1].message(&form, Lang::Vi),
        "Tải lên văn bản ủy quyền"
    );
    // No father declared: his questions and the marriage questions disappear.
    let single = a_real_application().with("father_declared", Answer::YesNo(false));
    assert!(!form.is_visible(&single, &FieldPath::field("father")));
    assert!(!form.is_visible(&single, &FieldPath::field("parents_married")));
    let pruned = form.prune(&single);
    assert!(pruned.get("father").is_none() && pruned.get("parents_married").is_none());
    // A child born tomorrow, and an ID number that contradicts the father's birth year.
    let wrong = a_real_application()
        .with("child_birth_date", Answer::Text("16/06/2026".into()))
        .with(
            "father",
            Answer::Person(PersonAnswer {
                full_name: "Nguyễn Văn Bình".into(),
                birth_date: "03/01/1993".into(),
                sex: None,
                id_number: "001094054321".into(),
            }),
        );
    let errors = form.validate_submission(&wrong, &ctx).unwrap_err();
    assert_eq!(
        errors,
        vec![
            ValidationError::new(
                FieldPath::field("child_birth_date"),
                FieldError::DateInFuture
            ),
            ValidationError::new(
                "father.id_number".parse().unwrap(),
                FieldError::PersonalIdBirthYearMismatch {
                    in_number: 1994,
                    declared: 1993
                }
            ),
        ]
    );
}

#[test]
fn unknown_keys_are_reported_where_they_are() {
    let text = published_form_text().replacen(
        "id = \"agency_commune\"\n",
        "id = \"agency_commune\"\nrequried = false\n",
        1,
    );
    assert_eq!(
        problems(&[topics(), service_file(), form_file(&text)]),
        [(
            "unknown-key".to_string(),
            "steps[0].fields[0].requried".to_string()
        )]
    );
    let text = published_form_text().replacen("max_files = 2", "max_file = 2", 1);
    let found = problems(&[topics(), service_file(), form_file(&text)]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "unknown-key");
    assert!(found[0].1.ends_with(".max_file"), "{found:?}");
}

#[test]
fn broken_forms_are_diagnosed() {
    let cases = [
        (
            "shown_if = { field = \"birth_place_kind\", equals = \"health_facility\" }",
            "shown_if = { field = \"no_such_field\", equals = \"health_facility\" }",
            "unknown-field",
        ),
        (
            "shown_if = { field = \"birth_place_kind\", equals = \"health_facility\" }",
            "shown_if = { field = \"hometown\", answered = true }",
            "forward-reference",
        ),
        (
            "shown_if = { field = \"birth_place_kind\", equals = \"health_facility\" }",
            "shown_if = { field = \"birth_place_kind\", equals = \"hospital\" }",
            "condition-type",
        ),
        ("max_bytes = 5242880", "max_bytes = 104857600", "attachment-limits"),
        (
            "options = [\n  { value = \"male\", label = { vi = \"Nam\", en = \"Male\" } },\n  { value = \"female\", label = { vi = \"Nữ\", en = \"Female\" } },\n]",
            "options = []",
            "no-options",
        ),
        ("per = \"extract_copies\"", "per = \"child_name\"", "fee-per"),
    ];
    for (from, to, code) in cases {
        let text = published_form_text();
        assert!(text.contains(from), "{from}");
        let text = text.replacen(from, to, 1);
        let found = problems(&[topics(), service_file(), form_file(&text)]);
        assert!(found.iter().any(|(c, _)| c == code), "{code}: {found:?}");
    }
}

#[test]
fn type_errors_and_orphans_name_the_file() {
    let text = published_form_text().replacen("type = \"yes-no\"", "type = \"maybe\"", 1);
    let err = Catalogue::from_files(&[topics(), service_file(), form_file(&text)]).unwrap_err();
    let rendered = err.to_string();
    assert!(
        rendered.contains("forms/birth-registration.toml:"),
        "{rendered}"
    );
    assert!(rendered.contains("syntax"), "{rendered}");
    let orphan = SourceFile {
        name: "forms/no-such-service.toml".into(),
        text: published_form_text(),
    };
    assert_eq!(
        problems(&[topics(), service_file(), orphan]),
        [("form-without-service".to_string(), String::new())]
    );
}

#[test]
fn the_version_covers_forms_and_the_json_carries_them() {
    let a = Catalogue::from_files(&[topics(), service_file(), form_file(&published_form_text())])
        .unwrap();
    let changed = published_form_text().replacen("max = 10", "max = 5", 1);
    let b = Catalogue::from_files(&[topics(), service_file(), form_file(&changed)]).unwrap();
    assert_ne!(a.version, b.version);
    let s = a.service("birth-registration").unwrap();
    let json = serde_json::to_string(s).unwrap();
    let back: portal_core::Service = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, s);
    assert!(json.contains("\"form\":{\"steps\":["));
    // Services without a form have no `form` key at all.
    let bare = Catalogue::from_files(&[topics(), service_file()]).unwrap();
    let json = serde_json::to_string(bare.service("birth-registration").unwrap()).unwrap();
    assert!(!json.contains("\"form\""));
}
