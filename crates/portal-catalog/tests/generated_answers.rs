//! Every published form, on every branch the generator finds, for every kind of applicant
//! the service admits: the generated valid answers are accepted by `validate_submission`
//! with the real administrative units, and each generated mistake is refused at the
//! question and with the code the generator expects.

mod common;

use portal_catalog::load_dir;
use portal_core::admin_units::{parse_communes, parse_provinces, AdminUnits};
use portal_core::form::examples::today;
use portal_core::form::{
    invalid_cases, valid_cases, with_file_ids, AddressAnswer, Case, FieldPath, Identity,
    IndexedForm, Places, SkipReason, ValidationContext,
};
use portal_core::validators::{Date, Sex};
use portal_core::Audience;

fn units() -> AdminUnits {
    let dir = common::repo_catalog().join("admin-units");
    let read =
        |rel: &str| std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let provinces = parse_provinces(&read("provinces.tsv")).expect("provinces parse");
    let lists: Vec<_> = provinces
        .iter()
        .map(|p| {
            let text = read(&format!("communes/{}.tsv", p.code));
            let list = parse_communes(&text).unwrap_or_else(|e| panic!("{}: {e}", p.code));
            (p.code.clone(), list)
        })
        .collect();
    AdminUnits::new(provinces, lists).expect("admin units agree")
}

/// Like the sandbox citizen `sandbox-citizen-an` (crates/portal-server/sandbox-identities.toml).
fn citizen() -> Identity {
    Identity {
        full_name: Some("Nguyễn Văn An".into()),
        birth_date: Date::new(1985, 3, 14),
        sex: Some(Sex::Male),
        personal_id: Some("001085012345".into()),
        permanent_address: Some(AddressAnswer {
            province: "01".into(),
            commune: "00004".into(),
            street: "Số 12, ngõ 34 phố Thử Nghiệm".into(),
        }),
        current_address: None,
        phone: Some("0912000101".into()),
        email: Some("nguyen.van.an@sandbox.example".into()),
        business_tax_code: None,
        business_name: None,
    }
}

/// Like the sandbox representative of a company, `sandbox-business-dung`.
fn business() -> Identity {
    Identity {
        full_name: Some("Phạm Quốc Dũng".into()),
        birth_date: Date::new(1978, 1, 20),
        sex: Some(Sex::Male),
        personal_id: Some("080078009876".into()),
        permanent_address: Some(AddressAnswer {
            province: "48".into(),
            commune: "20242".into(),
            street: "Số 21 đường Thử Nghiệm".into(),
        }),
        current_address: None,
        phone: Some("0903000404".into()),
        email: Some("pham.quoc.dung@sandbox.example".into()),
        business_tax_code: Some("0109876532".into()),
        business_name: Some("Công ty TNHH Dữ Liệu Mẫu (thử nghiệm)".into()),
    }
}

/// The conditions of the form that the cases do not take both ways: steps and questions
/// never shown or never hidden, fee lines never or always charged or waived.
fn one_way_conditions(form: &IndexedForm, cases: &[Case]) -> Vec<String> {
    let mut out = Vec::new();
    let mut both = |what: String, seen: Vec<bool>| {
        if !(seen.contains(&true) && seen.contains(&false)) {
            let side = if seen.contains(&true) {
                "true"
            } else {
                "false"
            };
            out.push(format!("{what} always {side}"));
        }
    };
    for step in &form.form().steps {
        if step.shown_if.is_some() {
            let seen = cases
                .iter()
                .map(|c| form.is_step_visible(&c.answers, &step.id))
                .collect();
            both(format!("step {}", step.id), seen);
        }
        for f in &step.fields {
            if f.shown_if.is_some() {
                let seen = cases
                    .iter()
                    .map(|c| form.is_visible(&c.answers, &FieldPath::field(f.id.as_str())))
                    .collect();
                both(format!("question {}", f.id), seen);
            }
            if let portal_core::form::FieldKind::Group(g) = &f.kind {
                for m in g.fields.iter().filter(|m| m.shown_if.is_some()) {
                    let path = FieldPath::item(f.id.as_str(), 0, m.id.as_str());
                    let seen = cases
                        .iter()
                        .filter(|c| form.is_visible(&c.answers, &FieldPath::field(f.id.as_str())))
                        .map(|c| form.is_visible(&c.answers, &path))
                        .collect();
                    both(format!("question {}.{}", f.id, m.id), seen);
                }
            }
        }
    }
    for fee in &form.form().fees {
        // A line whose amount is in force on other days (a temporary rate, or the
        // schedule after it) is tried on a day it is.
        let day = match (fee.in_force_on(today()), fee.from, fee.until) {
            (false, Some(from), _) if from > today() => from,
            (false, _, Some(until)) => until,
            _ => today(),
        };
        let quotes: Vec<_> = cases.iter().map(|c| form.quote(&c.answers, day)).collect();
        let line = |q: &portal_core::form::Quote| q.lines.iter().find(|l| l.id == fee.id).cloned();
        if fee.applies_if.is_some() {
            both(
                format!("fee {} applies", fee.id),
                quotes.iter().map(|q| line(q).is_some()).collect(),
            );
        }
        if !fee.exemptions.is_empty() {
            both(
                format!("fee {} waived", fee.id),
                quotes
                    .iter()
                    .filter_map(|q| line(q).map(|l| l.exemption.is_some()))
                    .collect(),
            );
        }
    }
    out
}

#[test]
fn the_places_are_real_and_in_different_provinces() {
    use portal_core::form::AdminUnits as _;
    let (u, p) = (units(), Places::sandbox());
    assert!(u.has_commune(&p.province, &p.commune));
    assert!(u.has_commune(&p.other_province, &p.other_commune));
    assert!(!u.has_commune(&p.province, &p.other_commune));
}

#[test]
fn every_generated_case_is_judged_as_the_generator_says() {
    let catalogue = load_dir(&common::repo_catalog()).expect("catalog/ loads");
    let units = units();
    let places = Places::sandbox();
    let (citizen, business) = (citizen(), business());
    let child = Identity {
        birth_date: Date::new(2012, 9, 2),
        // The century and sex digit 2: a man born in the 2000s.
        personal_id: Some("001212012345".into()),
        ..citizen.clone()
    };
    let older = Identity {
        birth_date: Date::new(1950, 5, 19),
        personal_id: Some("001050012345".into()),
        ..citizen.clone()
    };
    let mut failures: Vec<String> = Vec::new();
    let mut unreachable: Vec<String> = Vec::new();
    let (mut total_valid, mut total_invalid) = (0, 0);
    for s in &catalogue.services {
        let Some(form) = s.form.clone() else { continue };
        let form = IndexedForm::new(form);
        for audience in &s.audiences {
            // A citizen is also tried as a child and as an older person: some fee
            // exemptions go by the applicant's age, which the identity fixes.
            let identities: Vec<&Identity> = match audience {
                Audience::Citizen => vec![&citizen, &child, &older],
                Audience::Business => vec![&business],
            };
            let mut taken: Vec<Case> = Vec::new();
            for identity in identities {
                let ctx = ValidationContext::new(today())
                    .with_identity(identity)
                    .with_units(&units);
                let generated = valid_cases(&form, Some(identity), &places, today());
                for skip in &generated.skipped {
                    if skip.reason == SkipReason::Locked {
                        eprintln!(
                            "{} ({audience:?}): {} fixed by the identity",
                            s.id, skip.branch
                        );
                    } else {
                        unreachable.push(format!(
                            "{} ({audience:?}): {} — {:?}",
                            s.id, skip.branch, skip.reason
                        ));
                    }
                }
                for case in &generated.cases {
                    // SHOW_CASES=1 lists the branches taken, to see what a form's cases cover.
                    if std::env::var_os("SHOW_CASES").is_some() {
                        eprintln!("  {} ({audience:?}): {}", s.id, case.label);
                    }
                    if let Err(errors) = form.validate_submission(&case.answers, &ctx) {
                        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                        failures.push(format!(
                            "{} ({audience:?}) valid [{}] refused: {errors:?}",
                            s.id, case.label
                        ));
                    }
                }
                let invalid = invalid_cases(&form, Some(identity), &places, today());
                for case in &invalid {
                    let found = match form.validate_submission(&case.answers, &ctx) {
                        Ok(_) => vec!["accepted".to_string()],
                        Err(errors) => {
                            if errors
                                .iter()
                                .any(|e| e.path == case.path && e.error.code() == case.code)
                            {
                                continue;
                            }
                            errors
                                .iter()
                                .map(|e| format!("{} {}", e.path, e.error.code()))
                                .collect()
                        }
                    };
                    failures.push(format!(
                        "{} ({audience:?}) invalid [{}] expected {} {}, got {found:?}",
                        s.id, case.label, case.path, case.code
                    ));
                }
                eprintln!(
                    "{:<40} {:<8} {:>4} valid {:>4} invalid",
                    s.id.as_str(),
                    format!("{audience:?}"),
                    generated.cases.len(),
                    invalid.len()
                );
                total_valid += generated.cases.len();
                total_invalid += invalid.len();
                taken.extend(generated.cases);
            }
            for c in one_way_conditions(&form, &taken) {
                unreachable.push(format!("{} ({audience:?}): {c}", s.id));
            }
        }
    }
    eprintln!("total: {total_valid} valid, {total_invalid} invalid");
    assert!(
        unreachable.is_empty(),
        "branches no generated journey takes (a question or fee line no citizen can reach \
         as the form intends):\n{}",
        unreachable.join("\n")
    );
    assert!(
        failures.is_empty(),
        "{} cases judged otherwise:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn placeholder_file_ids_can_be_swapped_for_real_uploads() {
    let catalogue = load_dir(&common::repo_catalog()).expect("catalog/ loads");
    let s = catalogue.service("birth-registration").expect("birth form");
    let form = IndexedForm::new(s.form.clone().expect("a form"));
    let identity = citizen();
    let generated = valid_cases(&form, Some(&identity), &Places::sandbox(), today());
    let case = generated.cases.first().expect("a case");
    let ids = portal_core::form::submission::attachment_ids(&case.answers);
    assert!(!ids.is_empty(), "the birth form asks for a document");
    assert!(ids.iter().all(|id| id.starts_with("file-")));
    let real = with_file_ids(&case.answers, |id| format!("upload-{id}"));
    let real_ids = portal_core::form::submission::attachment_ids(&real);
    assert_eq!(
        real_ids,
        ids.iter()
            .map(|id| format!("upload-{id}"))
            .collect::<Vec<_>>()
    );
}
