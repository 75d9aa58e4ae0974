//! Every exemption and reduction rule of the published fee lines, computed through the
//! code the form and the server use (`IndexedForm::quote` and `charge`), one test per
//! rule, with the instrument each comes from.

mod common;

use portal_catalog::{load_dir, Catalogue};
use portal_core::form::{charge, Answer, Answers, Charge, IndexedForm};

fn catalogue() -> Catalogue {
    load_dir(&common::repo_catalog()).expect("catalog/ loads")
}

/// The charge at Send for `id` with these answers, and the reason shown on the first
/// waived line.
fn charged(c: &Catalogue, id: &str, answers: &Answers) -> (Charge, Option<String>) {
    let s = c.service(id).expect("service");
    let form = IndexedForm::new(s.form.clone().expect("form"));
    let quote = form.quote(answers);
    let reason = quote
        .lines
        .iter()
        .find_map(|l| l.exemption.as_ref().map(|t| t.vi.clone()));
    (charge(&s.fees, Some((&form, answers))), reason)
}

fn record(category: &str, extra_copies: u32) -> Answers {
    Answers::new()
        .with("fee_category", Answer::Choice(category.into()))
        .with("extra_copies", Answer::Text(extra_copies.to_string()))
}

// Circular 16/2025/TT-BTC (criminal record certificate).

#[test]
fn criminal_record_standard_fee_includes_two_copies() {
    let c = catalogue();
    let (due, _) = charged(&c, "judicial-record-certificate", &record("standard", 0));
    assert_eq!(due, Charge::Due(200_000));
}

#[test]
fn criminal_record_charges_5000_per_copy_from_the_third() {
    let c = catalogue();
    let (due, _) = charged(&c, "judicial-record-certificate", &record("standard", 3));
    assert_eq!(due, Charge::Due(215_000));
}

#[test]
fn criminal_record_reduced_for_university_students() {
    let c = catalogue();
    let (due, _) = charged(&c, "judicial-record-certificate", &record("student", 1));
    assert_eq!(due, Charge::Due(105_000));
}

#[test]
fn criminal_record_reduced_for_people_with_merit() {
    let c = catalogue();
    let (due, _) = charged(&c, "judicial-record-certificate", &record("merit", 0));
    assert_eq!(due, Charge::Due(100_000));
}

#[test]
fn criminal_record_has_no_reduced_case_for_school_pupils() {
    let c = catalogue();
    let s = c.service("judicial-record-certificate").expect("service");
    let form = serde_json::to_string(s.form.as_ref().expect("form")).expect("json");
    // The reduced case is "Sinh viên"; the old wording "Học sinh, sinh viên" gave it to
    // school pupils as well.
    assert!(form.contains("\"value\":\"student\""));
    assert!(!form.contains("Học sinh, sinh viên"));
}

fn assert_exempt(category: &str) {
    let c = catalogue();
    let (due, reason) = charged(&c, "judicial-record-certificate", &record(category, 4));
    assert_eq!(due, Charge::Free, "{category}: copies are waived too");
    assert!(
        reason.is_some_and(|r| r.contains("16/2025/TT-BTC")),
        "{category}: the waived line names its circular"
    );
}

#[test]
fn criminal_record_exempt_for_children() {
    assert_exempt("child");
}

#[test]
fn criminal_record_exempt_for_older_people() {
    assert_exempt("elderly");
}

#[test]
fn criminal_record_exempt_for_people_with_disabilities() {
    assert_exempt("disability");
}

#[test]
fn criminal_record_exempt_for_poor_households() {
    assert_exempt("poor_household");
}

#[test]
fn criminal_record_exempt_in_especially_disadvantaged_communes() {
    assert_exempt("difficult_commune");
}

// Law on Civil Status 2014, Art. 11; Circular 281/2016/TT-BTC (extracts).

#[test]
fn marriage_registration_is_free_and_extracts_cost_8000_each() {
    let c = catalogue();
    let none = Answers::new().with("extract_copies", Answer::Text("0".into()));
    assert_eq!(charged(&c, "marriage-registration", &none).0, Charge::Free);
    let two = Answers::new().with("extract_copies", Answer::Text("2".into()));
    assert_eq!(
        charged(&c, "marriage-registration", &two).0,
        Charge::Due(16_000)
    );
}

// Circular 75/2022/TT-BTC, Art. 4: children pay no residence registration fee.

#[test]
fn birth_bundle_charges_nothing_for_the_childs_residence() {
    let c = catalogue();
    assert_eq!(charged(&c, "birth-bundle", &Answers::new()).0, Charge::Free);
}
