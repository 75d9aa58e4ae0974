//! The published forms under `catalog/forms/`: every service has one, each lints clean
//! and can be completed, identity answers are locked while contact details stay
//! editable, the death bundle's questions and attachments follow the procedures chosen,
//! business services ask for a tax code, and fee quotes carry only the amounts the
//! service files state.

mod common;

use portal_catalog::{load_dir, Catalogue};
use portal_core::admin_units::parse_provinces;
use portal_core::form::examples::{context, today};
use portal_core::form::{
    AddressAnswer, Answer, Answers, Field, FieldKind, FieldPath, FileAnswer, IndexedForm,
    PersonAnswer, PrefillSource, Quote,
};
use portal_core::validators::Sex;
use portal_core::{Audience, FeeRule, Fees, Service, ServiceId, ServiceKind};

fn catalogue() -> Catalogue {
    load_dir(&common::repo_catalog()).expect("catalog/ loads")
}

fn form_of(c: &Catalogue, id: &str) -> IndexedForm {
    let s = c.service(id).unwrap_or_else(|| panic!("no service {id}"));
    IndexedForm::new(s.form.clone().unwrap_or_else(|| panic!("{id} has no form")))
}

/// Every field of the form, group members included.
fn fields(form: &IndexedForm) -> Vec<&Field> {
    form.form().walk().map(|(_, f)| f).collect()
}

/// Which of two plausible journeys to take through a form: the first option of every
/// choice and "yes" everywhere, or the last option and "no".
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Path {
    First,
    Last,
}

/// A plausible answer to `field`, valid for its type and settings.
fn plausible(field: &Field, path: Path) -> Option<Answer> {
    let text = |s: &str| Some(Answer::Text(s.to_string()));
    let pick = |n: usize| if path == Path::First { 0 } else { n - 1 };
    match &field.kind {
        FieldKind::Text(o) | FieldKind::LongText(o) => {
            let mut s = String::from("Nội dung trả lời");
            while (s.chars().count() as u32) < o.min_length {
                s.push('0');
            }
            let max = o.max_length.unwrap_or(200) as usize;
            Some(Answer::Text(s.chars().take(max).collect()))
        }
        FieldKind::Number(o) => {
            let n = match path {
                Path::First => o.min.unwrap_or(1),
                Path::Last => o.max.unwrap_or(o.min.unwrap_or(1)),
            };
            text(&n.to_string())
        }
        FieldKind::Date(o) => {
            let d = if let Some(min) = o.min {
                min
            } else if o.not_past {
                today()
            } else {
                portal_core::validators::Date::new(2026, 6, 1)?
            };
            let d = match o.max {
                Some(max) if d > max => max,
                _ => d,
            };
            text(&d.to_string())
        }
        FieldKind::Choice(o) => Some(Answer::Choice(
            o.options[pick(o.options.len())].value.clone(),
        )),
        FieldKind::MultipleChoice(o) => {
            let n = (o.min_selected.max(1) as usize).min(o.options.len());
            let chosen: Vec<String> = match path {
                Path::First => o.options.iter().take(n).map(|x| x.value.clone()).collect(),
                Path::Last => o
                    .options
                    .iter()
                    .rev()
                    .take(n)
                    .map(|x| x.value.clone())
                    .collect(),
            };
            Some(Answer::Choices(chosen))
        }
        FieldKind::YesNo => Some(Answer::YesNo(path == Path::First)),
        FieldKind::Declaration => Some(Answer::YesNo(true)),
        FieldKind::Email => text("an.nguyen@example.vn"),
        FieldKind::Phone(_) => text("0912345678"),
        FieldKind::PersonalId => text("001093054321"),
        FieldKind::TaxCode(_) => text("0100109106"),
        FieldKind::Address(_) => Some(Answer::Address(AddressAnswer {
            province: "01".into(),
            commune: "00004".into(),
            street: "12 phố Đội Cấn".into(),
        })),
        FieldKind::Person(_) => Some(Answer::Person(PersonAnswer {
            full_name: "Nguyễn Văn Bình".into(),
            birth_date: "03/01/1993".into(),
            sex: Some(Sex::Male),
            id_number: "001093054321".into(),
        })),
        FieldKind::Attachment(o) => Some(Answer::Files(vec![FileAnswer {
            id: format!("up-{}", field.id),
            name: format!("{}.pdf", field.id),
            mime: o.accept[0].clone(),
            bytes: 200_000,
        }])),
        FieldKind::Group(g) => {
            let item = g
                .fields
                .iter()
                .fold(Answers::new(), |a, m| match plausible(m, path) {
                    Some(v) => a.with(m.id.0.clone(), v),
                    None => a,
                });
            // Each item a different person: a group refuses the same person twice.
            let items = (0..g.min.max(1))
                .map(|i| {
                    let mut item = item.clone();
                    for a in item.0.values_mut() {
                        if let Answer::Person(p) = a {
                            p.id_number = format!("00109305432{}", i % 10);
                        }
                    }
                    item
                })
                .collect();
            Some(Answer::Group(items))
        }
    }
}

/// Plausible answers to every question of the form, shown or not.
fn complete(form: &IndexedForm, path: Path) -> Answers {
    let mut answers = Answers::new();
    for step in &form.form().steps {
        for f in &step.fields {
            if let Some(a) = plausible(f, path) {
                answers.set(f.id.0.clone(), a);
            }
        }
    }
    answers
}

#[test]
fn every_service_has_a_form() {
    let c = catalogue();
    let missing: Vec<&str> = c
        .services
        .iter()
        .filter(|s| s.form.is_none())
        .map(|s| s.id.as_str())
        .collect();
    assert!(missing.is_empty(), "services without a form: {missing:?}");
}

/// Each form's opening comment says which official declaration it follows, and whether
/// that was checked ("Declaration: ..."), or why there is none: what staff compare it
/// with when the declaration changes.
#[test]
fn every_form_names_the_declaration_it_follows() {
    for s in &catalogue().services {
        let path = common::repo_catalog().join(format!("forms/{}.toml", s.id));
        let text = std::fs::read_to_string(&path).expect("the form file reads");
        let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
        let named = header
            .iter()
            .position(|l| l.starts_with("# Declaration: "))
            .unwrap_or_else(|| panic!("{}: no '# Declaration:' line in the header", s.id));
        let said = header[named..].join(" ");
        assert!(
            said.starts_with("# Declaration: none")
                || said.contains("being verified")
                || said.contains("confirmed"),
            "{}: say whether the declaration was checked, or why there is none",
            s.id
        );
    }
}

#[test]
fn every_form_lints_clean_and_ends_with_the_declaration() {
    for s in &catalogue().services {
        let form = IndexedForm::new(s.form.clone().expect("a form"));
        let problems: Vec<_> = portal_core::form::lint(&form)
            .into_iter()
            // Accepted: no amount is published for amending a passport (never invented).
            .filter(|p| !(s.id.as_str() == "ordinary-passport" && p.code == "fee-gap"))
            .collect();
        assert!(problems.is_empty(), "{}: {problems:#?}", s.id);
        let last = form.form().steps.last().expect("a step");
        let field = last.fields.last().expect("a field");
        assert!(
            matches!(field.kind, FieldKind::Declaration) && last.shown_if.is_none(),
            "{}: the last question is the declaration, always shown",
            s.id
        );
        let declarations = fields(&form)
            .iter()
            .filter(|f| matches!(f.kind, FieldKind::Declaration))
            .count();
        assert_eq!(declarations, 1, "{}", s.id);
    }
}

#[test]
fn every_form_can_be_completed_on_two_journeys() {
    let ctx = context();
    for s in &catalogue().services {
        let form = IndexedForm::new(s.form.clone().expect("a form"));
        for path in [Path::First, Path::Last] {
            let answers = complete(&form, path);
            if let Err(e) = form.validate_submission(&answers, &ctx) {
                panic!("{} ({path:?}): {e:#?}", s.id);
            }
        }
    }
}

#[test]
fn identity_is_locked_and_contact_details_are_editable() {
    for s in &catalogue().services {
        let form = IndexedForm::new(s.form.clone().expect("a form"));
        let mut applicant = false;
        for f in fields(&form) {
            let Some(p) = &f.prefill else { continue };
            match p.source {
                PrefillSource::Phone | PrefillSource::Email => {
                    assert!(p.editable, "{}: {} is a contact detail", s.id, f.id)
                }
                PrefillSource::Person
                | PrefillSource::FullName
                | PrefillSource::BirthDate
                | PrefillSource::Sex => {
                    assert!(!p.editable, "{}: {} comes from VNeID", s.id, f.id);
                    applicant |= f.shown_if.is_none() && p.source == PrefillSource::Person;
                }
                _ => {}
            }
        }
        assert!(
            applicant,
            "{}: the applicant block is prefilled from VNeID",
            s.id
        );
    }
}

#[test]
fn documents_held_in_vneid_are_not_uploaded() {
    for s in &catalogue().services {
        let in_vneid: Vec<&str> = s
            .documents
            .iter()
            .filter(|d| d.in_vneid)
            .map(|d| d.name.vi.as_str())
            .collect();
        if in_vneid.is_empty() {
            continue;
        }
        let form = IndexedForm::new(s.form.clone().expect("a form"));
        for f in fields(&form) {
            if matches!(f.kind, FieldKind::Attachment(_)) {
                assert!(
                    !in_vneid.contains(&f.label.vi.as_str()),
                    "{}: {} is held in VNeID",
                    s.id,
                    f.id
                );
            }
        }
        let says_so = form.form().steps.iter().any(|step| {
            let intro = step.intro.iter().map(|t| t.vi.as_str());
            let hints = step
                .fields
                .iter()
                .flat_map(|f| f.hint.iter().map(|t| t.vi.as_str()));
            intro
                .chain(hints)
                .any(|t| t.contains("VNeID") && t.contains("không cần tải lên"))
        });
        assert!(
            says_so,
            "{}: a hint says what need not be uploaded because it is in VNeID",
            s.id
        );
    }
}

/// The optional procedures of a bundle the answers choose: each is chosen by a shown
/// yes-no question `include_<id with underscores>` answered yes.
fn chosen(form: &IndexedForm, kind: &ServiceKind, answers: &Answers) -> Vec<ServiceId> {
    let ServiceKind::Bundle { optional, .. } = kind else {
        return Vec::new();
    };
    optional
        .iter()
        .filter(|o| {
            let field = format!("include_{}", o.id.as_str().replace('-', "_"));
            form.is_visible(answers, &FieldPath::field(&field))
                && answers.get(&field) == Some(&Answer::YesNo(true))
        })
        .map(|o| o.id.clone())
        .collect()
}

/// The attachment questions shown for these answers, group members included.
fn shown_attachments(form: &IndexedForm, answers: &Answers) -> Vec<String> {
    let mut out = Vec::new();
    for step in &form.form().steps {
        for f in &step.fields {
            match &f.kind {
                FieldKind::Attachment(_)
                    if form.is_visible(answers, &FieldPath::field(&f.id.0)) =>
                {
                    out.push(f.id.0.clone())
                }
                FieldKind::Group(g) if form.is_visible(answers, &FieldPath::field(&f.id.0)) => {
                    let n = match answers.get(&f.id.0) {
                        Some(Answer::Group(items)) => items.len(),
                        _ => 0,
                    };
                    for m in &g.fields {
                        let shown = (0..n).any(|i| {
                            form.is_visible(
                                answers,
                                &FieldPath {
                                    field: f.id.0.clone(),
                                    item: Some((i, m.id.0.clone())),
                                    part: None,
                                },
                            )
                        });
                        if matches!(m.kind, FieldKind::Attachment(_)) && shown {
                            out.push(format!("{}.{}", f.id, m.id));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn the_death_bundle_changes_questions_and_attachments_with_the_procedures_chosen() {
    let c = catalogue();
    let bundle = c.service("death-bundle").expect("death bundle");
    let form = form_of(&c, "death-bundle");
    let ServiceKind::Bundle { optional, .. } = &bundle.kind else {
        panic!("the death bundle is a bundle")
    };
    // Whatever the applicant answers, the form yields a choice the bundle accepts: the
    // survivor benefit is never chosen without the funeral allowance.
    for mask in 0u32..(1 << optional.len()) {
        let mut answers = complete(&form, Path::Last);
        for (i, o) in optional.iter().enumerate() {
            let field = format!("include_{}", o.id.as_str().replace('-', "_"));
            answers.set(field, Answer::YesNo(mask & (1 << i) != 0));
        }
        let picked = chosen(&form, &bundle.kind, &answers);
        assert!(
            bundle.kind.selection(&picked).is_ok(),
            "mask {mask:b} gives {picked:?}"
        );
    }
    // The spouse filing for someone not yet in the databases, choosing 2, 3 and 4
    // procedures: each choice asks more questions and more documents than the last.
    let mut journeys: Vec<(usize, Vec<String>, Vec<String>)> = Vec::new();
    for procedures in bundle.kind.choices() {
        let mut answers =
            complete(&form, Path::Last).with("relationship", Answer::Choice("spouse".into()));
        for o in optional {
            let field = format!("include_{}", o.id.as_str().replace('-', "_"));
            answers.set(field, Answer::YesNo(procedures.contains(&o.id)));
        }
        let picked = chosen(&form, &bundle.kind, &answers);
        assert_eq!(bundle.kind.selection(&picked).unwrap(), procedures);
        let questions: Vec<String> = form
            .visible_field_ids(&answers)
            .into_iter()
            .map(|f| f.0.clone())
            .collect();
        let attachments = shown_attachments(&form, &answers);
        form.validate_submission(&answers, &context())
            .unwrap_or_else(|e| panic!("{} procedures: {e:#?}", procedures.len()));
        journeys.push((procedures.len(), questions, attachments));
    }
    let sizes: Vec<usize> = journeys.iter().map(|j| j.0).collect();
    assert_eq!(sizes, [2, 3, 4]);
    for pair in journeys.windows(2) {
        let (fewer, more) = (&pair[0], &pair[1]);
        for (what, a, b) in [
            ("questions", &fewer.1, &more.1),
            ("attachments", &fewer.2, &more.2),
        ] {
            assert!(
                a.iter().all(|x| b.contains(x)) && b.len() > a.len(),
                "{} procedures ask more {what} than {}: {a:?} then {b:?}",
                more.0,
                fewer.0
            );
        }
    }
    assert_eq!(journeys[0].2, ["death_notice"]);
    assert_eq!(journeys[1].2, ["death_notice", "entitlement_proof"]);
    assert_eq!(
        journeys[2].2,
        [
            "death_notice",
            "entitlement_proof",
            "survivor_relationship_proof"
        ]
    );
}

#[test]
fn the_birth_bundle_asks_for_all_three_procedures() {
    let c = catalogue();
    let form = form_of(&c, "birth-bundle");
    let steps: Vec<&str> = form.form().steps.iter().map(|s| s.id.as_str()).collect();
    for step in ["child", "mother", "father", "residence", "health_insurance"] {
        assert!(steps.contains(&step), "{step} in {steps:?}");
    }
    // The birth bundle's questions include every question of the birth form.
    let birth = form_of(&c, "birth-registration");
    let missing: Vec<&str> = fields(&birth)
        .iter()
        .map(|f| f.id.as_str())
        .filter(|id| form.field(id).is_none() && *id != "extract_copies")
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn business_services_ask_for_a_tax_code() {
    for s in &catalogue().services {
        if !s.audiences.contains(&Audience::Business) {
            continue;
        }
        let form = IndexedForm::new(s.form.clone().expect("a form"));
        let tax_codes: Vec<&Field> = fields(&form)
            .into_iter()
            .filter(|f| matches!(f.kind, FieldKind::TaxCode(_)))
            .collect();
        assert!(!tax_codes.is_empty(), "{} asks for no tax code", s.id);
        // A tax code is asked together with the organisation's name.
        let names = fields(&form)
            .into_iter()
            .filter(|f| matches!(f.kind, FieldKind::Text(_)) && f.id.as_str().ends_with("_name"))
            .count();
        assert!(names > 0, "{} asks for no organisation name", s.id);
        if s.audiences == [Audience::Business] {
            // Filed only by organisations: the code is always asked and comes from the
            // organisation's e-ID, locked.
            assert!(
                tax_codes.iter().any(|f| {
                    f.shown_if.is_none()
                        && f.prefill.as_ref().is_some_and(|p| {
                            p.source == PrefillSource::BusinessTaxCode && !p.editable
                        })
                }),
                "{}: the organisation's tax code is prefilled and locked",
                s.id
            );
        }
    }
}

#[test]
fn the_household_tax_registration_accepts_the_personal_number() {
    let c = catalogue();
    let form = form_of(&c, "household-individual-tax-registration");
    let tax_codes: Vec<&Field> = fields(&form)
        .into_iter()
        .filter(|f| f.id.as_str() == "tax_code")
        .collect();
    assert_eq!(tax_codes.len(), 1);
    assert!(matches!(
        &tax_codes[0].kind,
        FieldKind::TaxCode(o) if o.allow_personal_id
    ));
    // The 12-digit personal number is a valid answer.
    let answers =
        complete(&form, Path::First).with("tax_code", Answer::Text("001093054321".into()));
    let submitted = form
        .validate_submission(&answers, &context())
        .unwrap_or_else(|e| panic!("{e:#?}"));
    if form.is_visible(&answers, &FieldPath::field("tax_code")) {
        assert_eq!(submitted.text("tax_code"), Some("001093054321"));
    }
}

#[test]
fn province_choices_list_the_34_provinces() {
    let text = std::fs::read_to_string(common::repo_catalog().join("admin-units/provinces.tsv"))
        .expect("provinces.tsv");
    let provinces = parse_provinces(&text).expect("provinces parse");
    assert_eq!(provinces.len(), 34);
    let mut seen = 0;
    for s in &catalogue().services {
        let form = IndexedForm::new(s.form.clone().expect("a form"));
        for f in fields(&form) {
            let FieldKind::Choice(o) = &f.kind else {
                continue;
            };
            if !f.id.as_str().ends_with("_province") {
                continue;
            }
            seen += 1;
            let values: Vec<String> = o.options.iter().map(|x| x.value.clone()).collect();
            let want: Vec<String> = provinces.iter().map(|p| format!("p{}", p.code)).collect();
            assert_eq!(values, want, "{}: {}", s.id, f.id);
            for (opt, p) in o.options.iter().zip(&provinces) {
                assert_eq!(opt.label.vi, p.full_name(), "{}: {}", s.id, f.id);
            }
        }
    }
    assert!(seen > 0, "some forms ask for a province");
}

/// The amounts of a rule as a quote would show them: (online, in person).
fn rule_amounts(rule: &FeeRule) -> (Option<u64>, Option<u64>) {
    (rule.online.or(rule.in_person), rule.in_person)
}

/// The fee rules of a service and of the procedures it files.
fn rules_for<'a>(c: &'a Catalogue, s: &'a Service) -> Vec<&'a FeeRule> {
    let mut services = vec![s];
    if let ServiceKind::Bundle { procedures, .. } = &s.kind {
        services.extend(procedures.iter().filter_map(|p| c.service(p.as_str())));
    }
    services
        .into_iter()
        .flat_map(|s| match &s.fees {
            Fees::Rules { rules } => rules.iter().collect(),
            Fees::Free { .. } => Vec::new(),
        })
        .collect()
}

#[test]
fn fee_lines_carry_only_amounts_the_service_files_state() {
    let c = catalogue();
    for s in &c.services {
        let form = s.form.as_ref().expect("a form");
        if matches!(s.fees, Fees::Free { .. }) {
            assert!(form.fees.is_empty(), "{} is free: no fee lines", s.id);
        }
        let rules = rules_for(&c, s);
        for item in &form.fees {
            let line = (
                Some(item.online.unwrap_or(item.in_person)),
                Some(item.in_person),
            );
            assert!(
                rules.iter().any(|r| {
                    let (online, in_person) = rule_amounts(r);
                    online == line.0 && (in_person.is_none() || in_person == line.1)
                }),
                "{}: fee line {} ({line:?}) matches no rule of its service file",
                s.id,
                item.id
            );
        }
    }
}

/// (service, answers that choose a case, the service file's rule for that case by its
/// index, or `None` for a free case), on the examples' day (15 June 2026: the ID card's
/// and the passport's half rates of Circular 64/2025/TT-BTC, their rules 0 to 2 and 0 to
/// 1).
fn fee_cases() -> Vec<(&'static str, Answers, Option<usize>)> {
    let c = |s: &str| Answer::Choice(s.into());
    let yes = Answer::YesNo(true);
    vec![
        ("permanent-residence-registration", Answers::new(), Some(0)),
        ("birth-bundle", Answers::new(), None),
        (
            "temporary-residence-registration",
            Answers::new().with("filing_for", c("household")),
            Some(0),
        ),
        (
            "ordinary-passport",
            Answers::new().with("request_kind", c("first")),
            Some(0),
        ),
        (
            "ordinary-passport",
            Answers::new().with("request_kind", c("lost")),
            Some(1),
        ),
        (
            "ordinary-passport",
            Answers::new()
                .with("applicant_for", c("child"))
                .with("request_kind", c("damaged")),
            Some(1),
        ),
        (
            "id-card-reissue",
            Answers::new()
                .with("reason", c("from_cccd"))
                .with("fee_category", c("none")),
            Some(0),
        ),
        (
            "id-card-reissue",
            Answers::new()
                .with("reason", c("changed"))
                .with("reorganisation_only", Answer::YesNo(false))
                .with("fee_category", c("none")),
            Some(1),
        ),
        (
            "id-card-reissue",
            Answers::new().with("reason", c("damaged")),
            Some(2),
        ),
        (
            "id-card-reissue",
            Answers::new().with("reason", c("lost")),
            Some(2),
        ),
        (
            "id-card-reissue",
            Answers::new().with("reason", c("expired")),
            Some(6),
        ),
        (
            "judicial-record-certificate",
            Answers::new().with("fee_category", c("standard")),
            Some(0),
        ),
        (
            "judicial-record-certificate",
            Answers::new().with("fee_category", c("student")),
            Some(1),
        ),
        ("driving-licence-renewal", Answers::new(), Some(0)),
        (
            "birth-registration",
            Answers::new().with("extract_copies", Answer::Text("0".into())),
            None,
        ),
        (
            "death-bundle",
            Answers::new()
                .with("include_funeral_allowance", yes.clone())
                .with("include_survivor_benefit", yes),
            None,
        ),
        ("death-registration", Answers::new(), None),
        ("marriage-registration", Answers::new(), None),
        (
            "household-individual-tax-registration",
            Answers::new(),
            None,
        ),
    ]
}

#[test]
fn fee_quotes_match_the_service_files() {
    let c = catalogue();
    for (id, answers, rule) in fee_cases() {
        let s = c.service(id).expect("service");
        let form = form_of(&c, id);
        let quote: Quote = form.quote(&answers, today());
        let got = (quote.total_online, quote.total_in_person);
        match rule {
            None => assert!(quote.is_free(), "{id}: {quote:?}"),
            Some(i) => {
                let Fees::Rules { rules } = &s.fees else {
                    panic!("{id} states no amounts")
                };
                let (online, in_person) = rule_amounts(&rules[i]);
                let online = online.expect("the rule states an amount");
                // A bundle's rule may state only the online amount; the in-person one
                // comes from the procedure it files.
                let in_person = in_person.unwrap_or(got.1);
                assert_eq!(got, (online, in_person), "{id}: rule {i}");
            }
        }
    }
    // The permanent residence online amount, spelled out once.
    let q = form_of(&c, "permanent-residence-registration").quote(&Answers::new(), today());
    assert_eq!((q.total_online, q.total_in_person), (10_000, 20_000));
}

#[test]
fn per_person_fees_count_the_people_listed() {
    let c = catalogue();
    let s = c
        .service("temporary-residence-registration")
        .expect("service");
    let Fees::Rules { rules } = &s.fees else {
        panic!("rules")
    };
    let form = form_of(&c, "temporary-residence-registration");
    let person = complete(&form, Path::First);
    let Some(Answer::Group(items)) = person.get("people") else {
        panic!("a list of people")
    };
    let three = Answer::Group(vec![items[0].clone(); 3]);
    let answers = Answers::new()
        .with("filing_for", Answer::Choice("list".into()))
        .with("people", three);
    let q = form.quote(&answers, today());
    let (online, in_person) = rule_amounts(&rules[1]);
    assert_eq!(
        (Some(q.total_online), Some(q.total_in_person)),
        (online.map(|o| o * 3), in_person.map(|p| p * 3))
    );
}
