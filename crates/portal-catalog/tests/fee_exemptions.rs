//! Every exemption and reduction rule of the published fee lines, computed through the
//! code the form and the server use (`IndexedForm::quote` and `charge`), one test per
//! rule, with the instrument each comes from. Children and older people are exempt by
//! the applicant's date of birth (from VNeID), judged on the day of the quote.

mod common;

use portal_catalog::{load_dir, Catalogue};
use portal_core::form::{charge, Answer, Answers, Charge, FieldKind, IndexedForm, PersonAnswer};
use portal_core::validators::Date;

fn catalogue() -> Catalogue {
    load_dir(&common::repo_catalog()).expect("catalog/ loads")
}

/// The day every quote here is made on.
fn today() -> Date {
    Date::new(2026, 3, 15).expect("date")
}

/// The applicant block as VNeID fills it, born on `born` (`dd/mm/yyyy`).
fn applicant(born: &str) -> Answer {
    Answer::Person(PersonAnswer {
        full_name: "Nguyễn Văn An".into(),
        birth_date: born.into(),
        ..PersonAnswer::default()
    })
}

/// An adult of 36, whom no age exemption reaches.
const ADULT: &str = "20/08/1989";
/// 16 on the day of the quote, so no longer a child.
const SIXTEEN_TODAY: &str = "15/03/2010";
/// 16 tomorrow: still a child.
const SIXTEEN_TOMORROW: &str = "16/03/2010";
/// 17 on the day of the quote.
const SEVENTEEN: &str = "10/01/2009";
/// 18 on the day of the quote.
const EIGHTEEN_TODAY: &str = "15/03/2008";
/// 60 on the day of the quote.
const SIXTY_TODAY: &str = "15/03/1966";
/// 60 tomorrow: not yet an older person.
const SIXTY_TOMORROW: &str = "16/03/1966";

/// The charge at Send for `id` with these answers, and the reason shown on the first
/// waived line.
fn charged(c: &Catalogue, id: &str, answers: &Answers) -> (Charge, Option<String>) {
    charged_on(c, id, answers, today())
}

/// The same, on `day`.
fn charged_on(c: &Catalogue, id: &str, answers: &Answers, day: Date) -> (Charge, Option<String>) {
    let s = c.service(id).expect("service");
    let form = IndexedForm::new(s.form.clone().expect("form"));
    let quote = form.quote(answers, day);
    let reason = quote
        .lines
        .iter()
        .find_map(|l| l.exemption.as_ref().map(|t| t.vi.clone()));
    (charge(&s.fees, Some((&form, answers)), day), reason)
}

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("date")
}

fn record(category: &str, extra_copies: u32) -> Answers {
    record_of(ADULT, category, extra_copies)
}

fn record_of(born: &str, category: &str, extra_copies: u32) -> Answers {
    Answers::new()
        .with("applicant", applicant(born))
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
fn criminal_record_reduced_case_names_pupils_from_16_and_students() {
    let c = catalogue();
    let s = c.service("judicial-record-certificate").expect("service");
    let form = serde_json::to_string(s.form.as_ref().expect("form")).expect("json");
    // Circular 16/2025/TT-BTC Art. 4 gives the reduced rate to pupils aged 16 or over
    // as well as students (Circular 244/2016/TT-BTC named students only).
    assert!(form.contains("Học sinh từ đủ 16 tuổi, sinh viên"));
    let (due, _) = charged(&c, "judicial-record-certificate", &record("student", 0));
    assert_eq!(due, Charge::Due(100_000));
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

/// The charge and the first waived line's reason for a criminal record request by someone
/// born on `born`.
fn record_by_age(born: &str, category: &str) -> (Charge, Option<String>) {
    let c = catalogue();
    charged(
        &c,
        "judicial-record-certificate",
        &record_of(born, category, 4),
    )
}

/// Exempt when born on `exempt`, charged in full when born on `charged`, whatever the
/// category chosen (with 4 extra copies: 20,000 more).
fn assert_record_by_age(exempt: &str, charged: &str, reason: &str, due: &[(&str, u64)]) {
    for &(category, amount) in due {
        let (free, why) = record_by_age(exempt, category);
        assert_eq!(free, Charge::Free, "{category}");
        assert!(why.is_some_and(|r| r.contains(reason) && r.contains("16/2025/TT-BTC")));
        assert_eq!(
            record_by_age(charged, category).0,
            Charge::Due(amount),
            "{category}"
        );
    }
}

#[test]
fn criminal_record_exempt_for_children_by_their_date_of_birth() {
    // Copies waived too; a pupil under 16 is a child, so the reduced rate does not apply.
    let due = [
        ("standard", 220_000),
        ("student", 120_000),
        ("merit", 120_000),
    ];
    assert_record_by_age(SIXTEEN_TOMORROW, SIXTEEN_TODAY, "Trẻ em", &due);
}

#[test]
fn criminal_record_exempt_for_older_people_by_their_date_of_birth() {
    let due = [("standard", 220_000), ("merit", 120_000)];
    assert_record_by_age(SIXTY_TODAY, SIXTY_TOMORROW, "Người cao tuổi", &due);
}

/// The forms whose fee exemptions by age are decided from the applicant's date of birth
/// no longer ask the person to say they are a child or an older person.
#[test]
fn exemptions_by_age_are_not_asked() {
    let c = catalogue();
    for id in [
        "judicial-record-certificate",
        "id-card-reissue",
        "permanent-residence-registration",
        "temporary-residence-registration",
    ] {
        let form = c.service(id).and_then(|s| s.form.clone()).expect("form");
        let field = form
            .steps
            .iter()
            .flat_map(|s| &s.fields)
            .find(|f| f.id.as_str() == "fee_category")
            .expect("fee_category");
        let FieldKind::Choice(choice) = &field.kind else {
            panic!("{id}: fee_category is a choice")
        };
        assert!(
            !choice
                .options
                .iter()
                .any(|o| o.value == "child" || o.value == "elderly"),
            "{id}"
        );
        assert!(
            field
                .hint
                .as_ref()
                .is_some_and(|h| h.vi.contains("theo ngày sinh")),
            "{id}"
        );
    }
}

#[test]
fn criminal_record_exempt_for_people_with_disabilities() {
    assert_exempt("disability");
}

#[test]
fn criminal_record_exempt_for_poor_and_near_poor_households() {
    assert_exempt("poor_household");
    let c = catalogue();
    let s = c.service("judicial-record-certificate").expect("service");
    let form = serde_json::to_string(s.form.as_ref().expect("form")).expect("json");
    assert!(form.contains("hộ nghèo hoặc hộ cận nghèo"));
}

#[test]
fn criminal_record_exempt_in_especially_disadvantaged_communes() {
    assert_exempt("difficult_commune");
}

/// The quote's (online, in person) totals for `id` with these answers.
fn totals(c: &Catalogue, id: &str, answers: &Answers) -> (u64, u64) {
    let s = c.service(id).expect("service");
    let q = IndexedForm::new(s.form.clone().expect("form")).quote(answers, today());
    (q.total_online, q.total_in_person)
}

#[test]
fn criminal_record_online_pays_the_in_person_amounts_from_2026() {
    // Art. 4(2)(b): the lower online amounts (170,000 and 80,000) ended on 31/12/2025.
    let c = catalogue();
    let id = "judicial-record-certificate";
    assert_eq!(totals(&c, id, &record("standard", 0)), (200_000, 200_000));
    assert_eq!(totals(&c, id, &record("standard", 2)), (210_000, 210_000));
    assert_eq!(totals(&c, id, &record("student", 0)), (100_000, 100_000));
    assert_eq!(totals(&c, id, &record("merit", 1)), (105_000, 105_000));
}

// Circular 37/2023/TT-BTC, Art. 3(2) as amended by Circular 63/2023/TT-BTC, Art. 8.

#[test]
fn driving_licence_online_pays_the_in_person_amount_from_2026() {
    // The online amount of 115,000 ran from 1/12/2023 to 31/12/2025.
    let c = catalogue();
    let id = "driving-licence-renewal";
    assert_eq!(totals(&c, id, &Answers::new()), (135_000, 135_000));
    assert_eq!(charged(&c, id, &Answers::new()).0, Charge::Due(135_000));
}

// Law on Civil Status 2014, Art. 11; Circular 281/2016/TT-BTC (extracts).

#[test]
fn marriage_and_death_registration_are_free_and_extracts_cost_8000_each() {
    let c = catalogue();
    for id in ["marriage-registration", "death-registration"] {
        let none = Answers::new().with("extract_copies", Answer::Text("0".into()));
        assert_eq!(charged(&c, id, &none).0, Charge::Free, "{id}");
        let two = Answers::new().with("extract_copies", Answer::Text("2".into()));
        assert_eq!(charged(&c, id, &two).0, Charge::Due(16_000), "{id}");
    }
}

// Circular 75/2022/TT-BTC, Art. 4: children pay no residence registration fee.

#[test]
fn birth_bundle_charges_nothing_for_the_childs_residence() {
    let c = catalogue();
    assert_eq!(charged(&c, "birth-bundle", &Answers::new()).0, Charge::Free);
}

// Circular 75/2022/TT-BTC, Art. 4 (residence registration fee; the exempt groups as
// lawnet.vn quotes the article), chosen in the residence forms' fee_category.

const RESIDENCE_EXEMPT: [&str; 5] = [
    "disability",
    "merit",
    "poor_household",
    "ethnic_minority",
    "border_island",
];

fn residence(category: &str) -> Answers {
    residence_of(ADULT, category)
}

fn residence_of(born: &str, category: &str) -> Answers {
    Answers::new()
        .with("applicant", applicant(born))
        .with("filing_for", Answer::Choice("household".into()))
        .with("fee_category", Answer::Choice(category.into()))
}

fn assert_residence(id: &str, charged_online: u64) {
    let c = catalogue();
    assert_eq!(
        charged(&c, id, &residence("none")).0,
        Charge::Due(charged_online),
        "{id}: no exemption"
    );
    for category in RESIDENCE_EXEMPT {
        let (due, reason) = charged(&c, id, &residence(category));
        assert_eq!(due, Charge::Free, "{id}: {category}");
        assert!(
            reason.is_some_and(|r| r.contains("75/2022/TT-BTC")),
            "{id}: {category}: the waived line names its circular"
        );
    }
    // Art. 4(4): an orphan of both parents is exempt from 16 until 18, by the date of birth
    // (under 16, as a child); an adult who says so pays.
    for (born, exempt) in [
        (SEVENTEEN, true),
        (SIXTEEN_TODAY, true),
        (EIGHTEEN_TODAY, false),
        (ADULT, false),
    ] {
        let (due, reason) = charged(&c, id, &residence_of(born, "orphan"));
        if exempt {
            assert_eq!(due, Charge::Free, "{id}: orphan born {born}");
            assert!(reason.is_some_and(|r| r.contains("mồ côi")));
        } else {
            assert_eq!(due, Charge::Due(charged_online), "{id}: orphan born {born}");
        }
    }
    for (born, exempt) in [
        (SIXTEEN_TOMORROW, true),
        (SIXTEEN_TODAY, false),
        (SIXTY_TOMORROW, false),
        (SIXTY_TODAY, true),
    ] {
        let (due, reason) = charged(&c, id, &residence_of(born, "none"));
        if exempt {
            assert_eq!(due, Charge::Free, "{id}: born {born}");
            assert!(reason.is_some_and(|r| r.contains("theo ngày sinh")));
        } else {
            assert_eq!(due, Charge::Due(charged_online), "{id}: born {born}");
        }
    }
}

#[test]
fn permanent_residence_exempt_groups_pay_nothing() {
    assert_residence("permanent-residence-registration", 10_000);
}

#[test]
fn temporary_residence_exempt_groups_pay_nothing_when_filing_for_themselves() {
    assert_residence("temporary-residence-registration", 7_000);
}

// The ID card fee (Circular 73/2024/TT-BTC: amounts Art. 4, exemptions Art. 5, as lawnet.vn
// and tintuc.thuvienphapluat.com quote them) and the Law on Identification 2023, Art. 38.

const CARD_EXEMPT: [&str; 5] = [
    "disability",
    "merit",
    "ethnic_minority",
    "border_island",
    "poor_household",
];

fn card(reason: &str, category: &str) -> Answers {
    card_of(ADULT, reason, category)
}

fn card_of(born: &str, reason: &str, category: &str) -> Answers {
    Answers::new()
        .with("applicant", applicant(born))
        .with("reason", Answer::Choice(reason.into()))
        .with("reorganisation_only", Answer::YesNo(false))
        .with("fee_category", Answer::Choice(category.into()))
}

/// Circular 64/2025/TT-BTC, Art. 1 (being verified): half the schedule of Circular
/// 73/2024/TT-BTC, Art. 4, until 31 December 2026; the schedule again from 1 January 2027.
#[test]
fn id_card_exchange_and_reissue_are_charged_half_until_2027_then_the_schedule() {
    let c = catalogue();
    // A damaged card is re-issued under the 2023 law (Art. 24), at the re-issue rate.
    for (reason, due) in [
        ("from_cccd", 30_000),
        ("changed", 50_000),
        ("damaged", 70_000),
        ("lost", 70_000),
    ] {
        let on = |d| charged_on(&c, "id-card-reissue", &card(reason, "none"), d).0;
        assert_eq!(on(day(2026, 1, 1)), Charge::Due(due / 2), "{reason}");
        assert_eq!(on(day(2026, 12, 31)), Charge::Due(due / 2), "{reason}");
        assert_eq!(on(day(2027, 1, 1)), Charge::Due(due), "{reason}");
    }
}

/// The passport's first issue and re-issue: 100,000 and 200,000 until 31 December 2026
/// (Circular 64/2025/TT-BTC, as Resolution 66.22/2026/NQ-CP states it), then the schedule
/// of Circular 25/2021/TT-BTC: 200,000 and 400,000.
#[test]
fn passport_is_charged_half_until_2027_then_the_schedule() {
    let c = catalogue();
    for (kind, due) in [
        ("first", 200_000),
        ("expired", 200_000),
        ("lost", 400_000),
        ("damaged", 400_000),
    ] {
        let answers = Answers::new()
            .with("applicant", applicant(ADULT))
            .with("request_kind", Answer::Choice(kind.into()));
        let on = |d| charged_on(&c, "ordinary-passport", &answers, d).0;
        assert_eq!(on(day(2026, 12, 31)), Charge::Due(due / 2), "{kind}");
        assert_eq!(on(day(2027, 1, 1)), Charge::Due(due), "{kind}");
    }
}

#[test]
fn id_card_renewal_at_the_age_it_expires_is_free() {
    let c = catalogue();
    let (due, why) = charged(&c, "id-card-reissue", &card("expired", "none"));
    assert_eq!(due, Charge::Free);
    assert!(why.is_some_and(|r| r.contains("Điều 38 Luật Căn cước")));
}

#[test]
fn id_card_exchanged_for_the_issuing_offices_error_is_free() {
    let c = catalogue();
    let (due, why) = charged(&c, "id-card-reissue", &card("agency_error", "none"));
    assert_eq!(due, Charge::Free);
    assert!(why.is_some_and(|r| r.contains("in sai")));
}

#[test]
fn id_card_exempt_groups_pay_nothing_to_exchange_or_reissue() {
    let c = catalogue();
    for reason in ["from_cccd", "changed", "damaged", "lost"] {
        for category in CARD_EXEMPT {
            let (due, why) = charged(&c, "id-card-reissue", &card(reason, category));
            assert_eq!(due, Charge::Free, "{reason} {category}");
            assert!(why.is_some_and(|r| r.contains("Điều 5 Thông tư 73/2024/TT-BTC")));
        }
    }
}

#[test]
fn id_card_children_and_older_people_pay_nothing_by_their_date_of_birth() {
    let c = catalogue();
    for reason in ["from_cccd", "changed", "damaged", "lost"] {
        for born in [SIXTEEN_TOMORROW, SIXTY_TODAY] {
            let (due, why) = charged(&c, "id-card-reissue", &card_of(born, reason, "none"));
            assert_eq!(due, Charge::Free, "{reason} born {born}");
            assert!(
                why.is_some_and(|r| r.contains("theo ngày sinh") && r.contains("73/2024/TT-BTC"))
            );
        }
        for born in [SIXTEEN_TODAY, SIXTY_TOMORROW] {
            let (due, _) = charged(&c, "id-card-reissue", &card_of(born, reason, "none"));
            assert!(matches!(due, Charge::Due(_)), "{reason} born {born}");
        }
    }
}

/// Circular 73/2024/TT-BTC Art. 5 no longer names orphans (Circular 59/2019/TT-BTC did):
/// the form does not offer that case.
#[test]
fn id_card_exemptions_are_the_circulars_list_and_no_other() {
    let c = catalogue();
    let s = c.service("id-card-reissue").expect("service");
    let form = serde_json::to_string(s.form.as_ref().expect("form")).expect("json");
    assert!(!form.contains("\"orphan\""));
    let (due, _) = charged(&c, "id-card-reissue", &card("lost", "orphan"));
    assert_eq!(due, Charge::Due(35_000));
}

#[test]
fn id_card_exchanged_only_for_the_reorganisation_of_units_is_free() {
    let c = catalogue();
    let answers = card("changed", "none").with("reorganisation_only", Answer::YesNo(true));
    let (due, why) = charged(&c, "id-card-reissue", &answers);
    assert_eq!(due, Charge::Free);
    assert!(why.is_some_and(|r| r.contains("địa giới")));
}
