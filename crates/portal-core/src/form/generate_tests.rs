//! The answer generator on small forms written here: each condition is taken both ways,
//! groups keep to their limits, every valid case is accepted and every invalid one is
//! refused where and how the generator says.

use crate::form::answers::{Answer, Answers};
use crate::form::condition::{Compare, Condition, Scalar};
use crate::form::examples::{context, field, gallery, today};
use crate::form::generate::{
    invalid_cases, valid_cases, with_file_ids, Case, InvalidCase, Places, SkipReason,
};
use crate::form::index::IndexedForm;
use crate::form::path::{FieldPath, Part};
use crate::form::prefill::{Identity, PrefillSource};
use crate::form::schema::{
    AttachmentOptions, ChoiceOption, ChoiceOptions, DateOptions, Field, FieldId, FieldKind, Form,
    GroupOptions, NumberOptions, PersonOptions, Prefill, Step, TextOptions,
};
use crate::form::submission::attachment_ids;
use crate::form::ValidationContext;
use crate::text::Text;
use crate::validators::{Date, Sex};

/// Units known to [`crate::form::examples::ExampleUnits`].
fn places() -> Places {
    Places {
        province: "01".into(),
        commune: "00004".into(),
        other_province: "79".into(),
        other_commune: "26734".into(),
    }
}

fn t(s: &str) -> Text {
    Text::new(s, s)
}

fn when(mut f: Field, c: Condition) -> Field {
    f.shown_if = Some(c);
    f
}

fn equals(id: &str, value: Scalar) -> Condition {
    Condition::Equals {
        field: FieldId(id.into()),
        value,
    }
}

fn one_step(fields: Vec<Field>) -> IndexedForm {
    IndexedForm::new(Form {
        subject: None,
        place: None,
        steps: vec![Step {
            id: "s".into(),
            title: t("s"),
            intro: None,
            shown_if: None,
            fields,
        }],
        fees: vec![],
    })
}

fn text(id: &str) -> Field {
    field(id, t(id), FieldKind::Text(TextOptions::default()))
}

fn attachment(id: &str) -> Field {
    field(
        id,
        t(id),
        FieldKind::Attachment(AttachmentOptions::default()),
    )
}

fn declaration() -> Field {
    field("declaration", t("declaration"), FieldKind::Declaration)
}

fn assert_all_accepted(form: &IndexedForm, cases: &[Case], ctx: &ValidationContext) {
    assert!(!cases.is_empty());
    for c in cases {
        if let Err(e) = form.validate_submission(&c.answers, ctx) {
            panic!("[{}] refused: {e:#?}", c.label);
        }
    }
}

fn assert_all_refused(form: &IndexedForm, cases: &[InvalidCase], ctx: &ValidationContext) {
    assert!(!cases.is_empty());
    for c in cases {
        let errors = form
            .validate_submission(&c.answers, ctx)
            .expect_err(&c.label);
        assert!(
            errors
                .iter()
                .any(|e| e.path == c.path && e.error.code() == c.code),
            "[{}] expected {} {}, got {errors:#?}",
            c.label,
            c.path,
            c.code
        );
    }
}

fn shown(form: &IndexedForm, cases: &[Case], path: &FieldPath) -> Vec<bool> {
    cases
        .iter()
        .map(|c| form.is_visible(&c.answers, path))
        .collect()
}

#[test]
fn each_condition_is_taken_both_ways() {
    let kind = field(
        "kind",
        t("kind"),
        FieldKind::Choice(ChoiceOptions {
            options: ["a", "b", "c"]
                .map(|v| ChoiceOption {
                    value: v.into(),
                    label: t(v),
                    hint: None,
                })
                .to_vec(),
        }),
    );
    let count = field(
        "count",
        t("count"),
        FieldKind::Number(NumberOptions {
            min: Some(0),
            max: Some(10),
            ..NumberOptions::default()
        }),
    );
    let form = one_step(vec![
        field("has_other", t("has_other"), FieldKind::YesNo),
        when(text("other"), equals("has_other", Scalar::Bool(true))),
        kind,
        when(
            field(
                "when",
                t("when"),
                FieldKind::Date(DateOptions {
                    not_future: true,
                    ..DateOptions::default()
                }),
            ),
            equals("kind", Scalar::Text("b".into())),
        ),
        count,
        when(
            text("extra"),
            Condition::Compare {
                field: FieldId("count".into()),
                op: Compare::AtLeast,
                value: Scalar::Int(3),
            },
        ),
        declaration(),
    ]);
    let generated = valid_cases(&form, None, &places(), today());
    assert!(generated.skipped.is_empty(), "{:?}", generated.skipped);
    let cases = &generated.cases;
    assert_all_accepted(&form, cases, &context());
    for guarded in ["other", "when", "extra"] {
        let seen = shown(&form, cases, &FieldPath::field(guarded));
        assert!(seen.contains(&true) && seen.contains(&false), "{guarded}");
    }
    // Both sides of `count >= 3`, and the threshold itself.
    for n in ["2", "3", "4"] {
        assert!(
            cases.iter().any(|c| c.answers.text("count") == Some(n)),
            "count={n}"
        );
    }
    let labels: Vec<&str> = cases.iter().map(|c| c.label.as_str()).collect();
    assert!(labels.contains(&"kind=b"), "{labels:?}");
    assert!(labels.contains(&"has_other=false"), "{labels:?}");
    // No two cases send the same answers.
    for (i, a) in cases.iter().enumerate() {
        assert!(cases[i + 1..].iter().all(|b| b.answers != a.answers));
    }
}

fn group(id: &str, required: bool, min: u32, max: u32, fields: Vec<Field>) -> Field {
    let mut g = field(
        id,
        t(id),
        FieldKind::Group(GroupOptions {
            item_label: t("item"),
            min,
            max,
            fields,
        }),
    );
    g.required = required;
    g
}

fn counts(cases: &[Case], id: &str) -> Vec<usize> {
    let mut out: Vec<usize> = cases
        .iter()
        .filter_map(|c| match c.answers.get(id) {
            Some(Answer::Group(items)) => Some(items.len()),
            _ => None,
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[test]
fn groups_keep_to_their_limits_and_members_branch_inside_items() {
    let form = one_step(vec![
        group("members", true, 1, 2, vec![text("member_name")]),
        group(
            "pets",
            false,
            0,
            5,
            vec![
                text("pet_name"),
                field("vaccinated", t("vaccinated"), FieldKind::YesNo),
                when(
                    attachment("proof"),
                    equals("vaccinated", Scalar::Bool(true)),
                ),
            ],
        ),
        declaration(),
    ]);
    let cases = valid_cases(&form, None, &places(), today()).cases;
    assert_all_accepted(&form, &cases, &context());
    assert_eq!(counts(&cases, "members"), [1, 2]);
    assert_eq!(counts(&cases, "pets"), [0, 1, 3]);
    let proof = shown(&form, &cases, &FieldPath::item("pets", 0, "proof"));
    assert!(proof.contains(&true) && proof.contains(&false));
    // Files are numbered across the whole case, so ids never repeat within one.
    for c in &cases {
        let mut ids = attachment_ids(&c.answers);
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "[{}]", c.label);
    }
    let invalid = invalid_cases(&form, None, &places(), today());
    assert_all_refused(&form, &invalid, &context());
    let has =
        |path: FieldPath, code: &str| invalid.iter().any(|c| c.path == path && c.code == code);
    assert!(has(FieldPath::field("members"), "too-few-items"));
    assert!(has(FieldPath::field("members"), "too-many-items"));
    assert!(has(FieldPath::item("pets", 0, "proof"), "file-type"));
}

#[test]
fn every_field_type_of_the_gallery_is_broken_as_expected() {
    let mut fields: Vec<Field> = gallery().into_iter().map(|g| g.field).collect();
    fields.push(declaration());
    let form = one_step(fields);
    let ctx = context();
    let cases = valid_cases(&form, None, &places(), today()).cases;
    assert_all_accepted(&form, &cases, &ctx);
    let invalid = invalid_cases(&form, None, &places(), today());
    assert_all_refused(&form, &invalid, &ctx);
    let codes: Vec<&str> = invalid.iter().map(|c| c.code).collect();
    for code in [
        "required",
        "text-invalid-characters",
        "personal-id-province",
        "tax-code-check-digit",
        "phone-characters",
        "commune-unknown",
        "choice-unknown",
        "date-in-future",
        "personal-id-birth-year-mismatch",
    ] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
}

#[test]
fn locked_prefill_takes_the_identity_and_a_change_is_refused() {
    let mut applicant = field(
        "applicant",
        t("applicant"),
        FieldKind::Person(PersonOptions::default()),
    );
    applicant.prefill = Some(Prefill {
        source: PrefillSource::Person,
        editable: false,
    });
    let form = one_step(vec![applicant, declaration()]);
    let identity = Identity {
        full_name: Some("Nguyễn Văn An".into()),
        birth_date: Date::new(1985, 3, 14),
        sex: Some(Sex::Male),
        personal_id: Some("001085012345".into()),
        ..Identity::default()
    };
    let ctx = context().with_identity(&identity);
    let generated = valid_cases(&form, Some(&identity), &places(), today());
    assert_all_accepted(&form, &generated.cases, &ctx);
    assert_eq!(
        generated.cases[0].answers.get("applicant"),
        identity.answer(PrefillSource::Person).as_ref()
    );
    let invalid = invalid_cases(&form, Some(&identity), &places(), today());
    assert_all_refused(&form, &invalid, &ctx);
    assert!(invalid.iter().any(|c| c.code == "prefill-changed"
        && c.path == FieldPath::field("applicant").with_part(Part::FullName)));
    // Locked, the applicant cannot be left blank: the identity answers for them.
    assert!(!invalid
        .iter()
        .any(|c| c.path.field == "applicant" && c.code == "required"));
}

#[test]
fn a_branch_no_journey_reaches_is_reported() {
    // `late` is shown only once `missing`, a question the form does not have, is answered.
    let form = one_step(vec![
        when(
            field("late", t("late"), FieldKind::YesNo),
            Condition::Answered {
                field: FieldId("missing".into()),
                answered: true,
            },
        ),
        when(text("after"), equals("late", Scalar::Bool(true))),
        declaration(),
    ]);
    let generated = valid_cases(&form, None, &places(), today());
    assert!(generated
        .skipped
        .iter()
        .any(|s| s.branch == "late=true" && s.reason == SkipReason::NeverShown));
}

#[test]
fn placeholder_file_ids_are_swapped() {
    let form = one_step(vec![attachment("a"), attachment("b"), declaration()]);
    let case = &valid_cases(&form, None, &places(), today()).cases[0];
    assert_eq!(attachment_ids(&case.answers), ["file-1", "file-2"]);
    let real = with_file_ids(&case.answers, |id| id.replace("file", "upload"));
    assert_eq!(attachment_ids(&real), ["upload-1", "upload-2"]);
    assert_eq!(
        with_file_ids(&Answers::new(), |id| id.to_string()),
        Answers::new()
    );
}

/// A line charged only on one branch has its exemption tried both ways on that branch,
/// even though the exempting answer is the default everywhere else.
#[test]
fn an_exemption_is_tried_both_ways_where_its_line_is_charged() {
    use crate::form::schema::{Exemption, FeeItem};
    let choice = |id: &str, values: [&str; 2]| {
        field(
            id,
            t(id),
            FieldKind::Choice(ChoiceOptions {
                options: values
                    .map(|v| ChoiceOption {
                        value: v.into(),
                        label: t(v),
                        hint: None,
                    })
                    .to_vec(),
            }),
        )
    };
    let line = |id: &str, reason: &str| FeeItem {
        from: None,
        until: None,
        id: id.into(),
        label: t(id),
        in_person: 50_000,
        online: None,
        per: None,
        applies_if: Some(equals("reason", Scalar::Text(reason.into()))),
        exemptions: vec![Exemption {
            when: equals("category", Scalar::Text("exempt".into())),
            reason: t("exempt"),
        }],
    };
    let form = IndexedForm::new(Form {
        subject: None,
        place: None,
        steps: vec![Step {
            id: "s".into(),
            title: t("s"),
            intro: None,
            shown_if: None,
            fields: vec![
                choice("reason", ["expired", "lost"]),
                // The exempting answer comes first, so it is every case's default.
                choice("category", ["exempt", "none"]),
                declaration(),
            ],
        }],
        fees: vec![line("exchange", "expired"), line("reissue", "lost")],
    });
    let cases = valid_cases(&form, None, &places(), today()).cases;
    for id in ["exchange", "reissue"] {
        let waived: Vec<bool> = cases
            .iter()
            .filter_map(|c| {
                let quote = form.quote(&c.answers, today());
                let line = quote.lines.iter().find(|l| l.id == id)?;
                Some(line.exemption.is_some())
            })
            .collect();
        assert!(
            waived.contains(&true) && waived.contains(&false),
            "{id}: {waived:?}"
        );
    }
}

/// Two exemptions whose questions both default to an exempting answer: one case still
/// charges the line in full, with both questions changed together.
#[test]
fn a_line_waived_by_two_defaults_is_also_charged_in_full() {
    use crate::form::schema::{Exemption, FeeItem};
    let choice = |id: &str, values: [&str; 2]| {
        field(
            id,
            t(id),
            FieldKind::Choice(ChoiceOptions {
                options: values
                    .map(|v| ChoiceOption {
                        value: v.into(),
                        label: t(v),
                        hint: None,
                    })
                    .to_vec(),
            }),
        )
    };
    let form = IndexedForm::new(Form {
        subject: None,
        place: None,
        steps: vec![Step {
            id: "s".into(),
            title: t("s"),
            intro: None,
            shown_if: None,
            fields: vec![
                choice("reason", ["changed", "lost"]),
                choice("reorganised", ["yes", "no"]),
                choice("category", ["exempt", "none"]),
                declaration(),
            ],
        }],
        fees: vec![FeeItem {
            from: None,
            until: None,
            id: "exchange".into(),
            label: t("exchange"),
            in_person: 50_000,
            online: None,
            per: None,
            applies_if: Some(equals("reason", Scalar::Text("changed".into()))),
            exemptions: vec![
                Exemption {
                    when: equals("reorganised", Scalar::Text("yes".into())),
                    reason: t("reorganised"),
                },
                Exemption {
                    when: equals("category", Scalar::Text("exempt".into())),
                    reason: t("exempt"),
                },
            ],
        }],
    });
    let cases = valid_cases(&form, None, &places(), today()).cases;
    let waived: Vec<Option<bool>> = cases
        .iter()
        .map(|c| {
            let quote = form.quote(&c.answers, today());
            let line = quote.lines.iter().find(|l| l.id == "exchange")?;
            Some(line.exemption.is_some())
        })
        .collect();
    assert!(waived.contains(&Some(true)), "{waived:?}");
    assert!(waived.contains(&Some(false)), "{waived:?}");
    let full = cases
        .iter()
        .find(|c| c.label.contains("exchange charged in full"))
        .expect("a case charging the line in full");
    assert_eq!(form.quote(&full.answers, today()).total_online, 50_000);
}
