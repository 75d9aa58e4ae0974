//! Engine tests across modules: conditions and visibility, pruning, whole-step and
//! submission validation, locked prefill, fee quotes, draft migration and the lint.

use super::examples::{context, field};
use super::*;
use crate::text::{Lang, Text};
use crate::validators::{Date, Sex};

fn t(s: &str) -> Text {
    Text::new(s, s)
}

fn id(s: &str) -> FieldId {
    FieldId(s.into())
}

fn opts(values: &[&str]) -> Vec<ChoiceOption> {
    values
        .iter()
        .map(|v| ChoiceOption {
            value: (*v).into(),
            label: t(v),
            hint: None,
        })
        .collect()
}

fn step(sid: &str, fields: Vec<Field>) -> Step {
    Step {
        id: sid.into(),
        title: t(sid),
        intro: None,
        shown_if: None,
        fields,
    }
}

fn when(mut f: Field, c: Condition) -> Field {
    f.shown_if = Some(c);
    f
}

fn eq(f: &str, v: Scalar) -> Condition {
    Condition::Equals {
        field: id(f),
        value: v,
    }
}

fn text_field(fid: &str) -> Field {
    field(fid, t(fid), FieldKind::Text(TextOptions::default()))
}

fn txt(s: &str) -> Answer {
    Answer::Text(s.into())
}

/// A small application: who applies, whether by post, how many copies, a family.
fn sample() -> IndexedForm {
    let relation = field(
        "relation",
        t("relation"),
        FieldKind::Choice(ChoiceOptions {
            options: opts(&["mother", "father", "relative"]),
        }),
    );
    let authorisation = when(
        field(
            "authorisation",
            t("authorisation"),
            FieldKind::Attachment(AttachmentOptions::default()),
        ),
        eq("relation", Scalar::Text("relative".into())),
    );
    let by_post = field("by_post", t("by post"), FieldKind::YesNo);
    let post_address = when(
        field(
            "post_address",
            t("post address"),
            FieldKind::Address(AddressOptions::default()),
        ),
        eq("by_post", Scalar::Bool(true)),
    );
    let copies = field(
        "copies",
        t("copies"),
        FieldKind::Number(NumberOptions {
            min: Some(0),
            max: Some(10),
            ..NumberOptions::default()
        }),
    );
    let birth = field(
        "birth",
        t("birth"),
        FieldKind::Date(DateOptions {
            not_future: true,
            ..DateOptions::default()
        }),
    );
    let late_reason = when(
        field(
            "late_reason",
            t("late reason"),
            FieldKind::LongText(TextOptions::default()),
        ),
        Condition::Compare {
            field: id("birth"),
            op: Compare::LessThan,
            value: Scalar::Text("2026-04-16".into()),
        },
    );
    let members = field(
        "members",
        t("members"),
        FieldKind::Group(GroupOptions {
            item_label: t("member"),
            min: 0,
            max: 5,
            fields: vec![
                field(
                    "m_kind",
                    t("kind"),
                    FieldKind::Choice(ChoiceOptions {
                        options: opts(&["child", "adult"]),
                    }),
                ),
                when(
                    text_field("m_school"),
                    eq("m_kind", Scalar::Text("child".into())),
                ),
                when(
                    text_field("m_note"),
                    Condition::All(vec![
                        eq("by_post", Scalar::Bool(true)),
                        eq("m_kind", Scalar::Text("adult".into())),
                    ]),
                ),
            ],
        }),
    );
    let mut extra = step("extra", vec![text_field("extra_note")]);
    extra.shown_if = Some(Condition::Any(vec![
        Condition::Compare {
            field: id("copies"),
            op: Compare::AtLeast,
            value: Scalar::Int(3),
        },
        Condition::Compare {
            field: id("members"),
            op: Compare::GreaterThan,
            value: Scalar::Int(2),
        },
    ]));
    let mut members = members;
    members.required = false;
    let mut declaration = field("declaration", t("declaration"), FieldKind::Declaration);
    declaration.shown_if = None;
    IndexedForm::new(Form {
        subject: None,
        place: None,
        steps: vec![
            step("applicant", vec![relation, authorisation]),
            step("delivery", vec![by_post, post_address, copies]),
            step("child", vec![birth, late_reason, members]),
            extra,
            step("confirm", vec![declaration]),
        ],
        fees: vec![
            FeeItem {
                from: None,
                until: None,
                id: "copies".into(),
                label: t("certified copies"),
                in_person: 8_000,
                online: None,
                per: Some(id("copies")),
                applies_if: None,
                exemptions: vec![],
            },
            FeeItem {
                from: None,
                until: None,
                id: "post".into(),
                label: t("postage"),
                in_person: 30_000,
                online: Some(25_000),
                per: None,
                applies_if: Some(eq("by_post", Scalar::Bool(true))),
                exemptions: vec![Exemption {
                    when: Condition::Compare {
                        field: id("members"),
                        op: Compare::AtLeast,
                        value: Scalar::Int(3),
                    },
                    reason: t("large family"),
                }],
            },
            FeeItem {
                from: None,
                until: None,
                id: "per_member".into(),
                label: t("per member"),
                in_person: 1_000,
                online: Some(500),
                per: Some(id("members")),
                applies_if: None,
                exemptions: vec![],
            },
        ],
    })
}

fn path(s: &str) -> FieldPath {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

fn item(kind: &str, school: Option<&str>, note: Option<&str>) -> Answers {
    let mut a = Answers::new().with("m_kind", Answer::Choice(kind.into()));
    if let Some(s) = school {
        a.set("m_school", txt(s));
    }
    if let Some(n) = note {
        a.set("m_note", txt(n));
    }
    a
}

#[test]
fn the_sample_form_is_lint_clean() {
    assert_eq!(lint(&sample()), vec![]);
}

#[test]
fn fields_show_when_earlier_answers_match() {
    let f = sample();
    let mut a = Answers::new();
    assert!(!f.is_visible(&a, &path("authorisation")));
    a.set("relation", Answer::Choice("relative".into()));
    assert!(f.is_visible(&a, &path("authorisation")));
    a.set("relation", Answer::Choice("mother".into()));
    assert!(!f.is_visible(&a, &path("authorisation")));

    assert!(!f.is_visible(&a, &path("post_address")));
    a.set("by_post", Answer::YesNo(true));
    assert!(f.is_visible(&a, &path("post_address")));

    // Date comparison: born before 16/04/2026 (60 days before the examples' today).
    assert!(!f.is_visible(&a, &path("late_reason")));
    a.set("birth", txt("1/4/2026"));
    assert!(f.is_visible(&a, &path("late_reason")));
    a.set("birth", txt("20/04/2026"));
    assert!(!f.is_visible(&a, &path("late_reason")));
    a.set("birth", txt("not a date"));
    assert!(!f.is_visible(&a, &path("late_reason")));
    assert!(!f.is_visible(&a, &path("nonexistent")));
}

#[test]
fn steps_show_on_numeric_and_count_comparisons() {
    let f = sample();
    let ids = |a: &Answers| {
        f.visible_steps(a)
            .iter()
            .map(|s| s.id.clone())
            .collect::<Vec<_>>()
    };
    let mut a = Answers::new();
    assert_eq!(ids(&a), ["applicant", "delivery", "child", "confirm"]);
    a.set("copies", txt("2"));
    assert!(!f.is_step_visible(&a, "extra"));
    a.set("copies", txt("3"));
    assert!(f.is_step_visible(&a, "extra"));
    assert!(f.is_visible(&a, &path("extra_note")));
    a.set("copies", txt("0"));
    a.set(
        "members",
        Answer::Group(vec![
            item("adult", None, None),
            item("adult", None, None),
            item("adult", None, None),
        ]),
    );
    assert_eq!(
        ids(&a),
        ["applicant", "delivery", "child", "extra", "confirm"]
    );
    assert_eq!(
        f.visible_fields(&a, "extra")
            .iter()
            .map(|x| x.id.as_str())
            .collect::<Vec<_>>(),
        ["extra_note"]
    );
    a.set("members", Answer::Group(vec![]));
    assert!(f.visible_fields(&a, "extra").is_empty());
}

#[test]
fn group_members_read_their_own_item_and_earlier_answers() {
    let f = sample();
    let a = Answers::new().with("by_post", Answer::YesNo(true)).with(
        "members",
        Answer::Group(vec![item("child", None, None), item("adult", None, None)]),
    );
    assert!(f.is_visible(&a, &path("members[0].m_school")));
    assert!(!f.is_visible(&a, &path("members[1].m_school")));
    assert!(!f.is_visible(&a, &path("members[0].m_note")));
    assert!(f.is_visible(&a, &path("members[1].m_note")));
    // Items that do not exist and members of another group are not shown.
    assert!(!f.is_visible(&a, &path("members[2].m_school")));
    assert!(!f.is_visible(&a, &path("relation[0].m_school")));
    let no_post = a.clone().with("by_post", Answer::YesNo(false));
    assert!(!f.is_visible(&no_post, &path("members[1].m_note")));
}

#[test]
fn a_hidden_answer_decides_nothing() {
    // c is shown when b = "x"; b is shown when a = yes. With a = no, b's stale "x" must
    // not show c.
    let f = IndexedForm::new(Form {
        subject: None,
        place: None,
        steps: vec![step(
            "s",
            vec![
                field("a", t("a"), FieldKind::YesNo),
                when(text_field("b"), eq("a", Scalar::Bool(true))),
                when(text_field("c"), eq("b", Scalar::Text("x".into()))),
                when(
                    text_field("d"),
                    Condition::Not(Box::new(Condition::Answered {
                        field: id("b"),
                        answered: true,
                    })),
                ),
            ],
        )],
        fees: vec![],
    });
    let mut a = Answers::new()
        .with("a", Answer::YesNo(true))
        .with("b", txt(" x "))
        .with("c", txt("kept"));
    assert!(f.is_visible(&a, &path("c")));
    assert!(!f.is_visible(&a, &path("d")));
    a.set("a", Answer::YesNo(false));
    assert!(!f.is_visible(&a, &path("b")));
    assert!(!f.is_visible(&a, &path("c")));
    assert!(f.is_visible(&a, &path("d")));
    assert_eq!(f.prune(&a), Answers::new().with("a", Answer::YesNo(false)));
    let shown: Vec<&str> = f.visible_field_ids(&a).iter().map(|x| x.as_str()).collect();
    assert_eq!(shown, ["a", "d"]);
    assert_eq!(f.dependents("a"), &[id("b")]);
    let affected: Vec<&str> = f.affected_by("a").iter().map(|x| x.as_str()).collect();
    assert_eq!(affected.len(), 3);
    for x in ["b", "c", "d"] {
        assert!(affected.contains(&x), "{x}");
    }
}

#[test]
fn conditions_never_look_forward_even_in_unchecked_forms() {
    // The lint refuses this form; the engine must still terminate and treat the later
    // (or own) answer as absent.
    let f = IndexedForm::new(Form {
        subject: None,
        place: None,
        steps: vec![step(
            "s",
            vec![
                when(text_field("a"), eq("b", Scalar::Text("x".into()))),
                when(text_field("b"), eq("a", Scalar::Text("x".into()))),
                when(text_field("c"), eq("c", Scalar::Text("x".into()))),
            ],
        )],
        fees: vec![],
    });
    let a = Answers::new()
        .with("a", txt("x"))
        .with("b", txt("x"))
        .with("c", txt("x"));
    assert!(!f.is_visible(&a, &path("a")));
    assert!(!f.is_visible(&a, &path("b")));
    assert!(!f.is_visible(&a, &path("c")));
    let codes: Vec<&str> = lint(&f).iter().map(|p| p.code).collect();
    // a reads the later b, c reads itself (a cycle); b reading a is allowed (a is
    // just hidden).
    assert_eq!(codes, ["forward-reference", "cyclic-condition"]);
}

#[test]
fn each_field_is_evaluated_once_per_call() {
    // Every field reads the two before it: without memoising, visibility of the last one
    // would take 2^80 evaluations and this test would never finish.
    let n = 80;
    let mut fields = vec![text_field("f0"), text_field("f1")];
    for i in 2..n {
        fields.push(when(
            text_field(&format!("f{i}")),
            Condition::Any(vec![
                Condition::Answered {
                    field: id(&format!("f{}", i - 1)),
                    answered: false,
                },
                Condition::Answered {
                    field: id(&format!("f{}", i - 2)),
                    answered: false,
                },
            ]),
        ));
    }
    let f = IndexedForm::new(Form {
        subject: None,
        place: None,
        steps: vec![step("s", fields)],
        fees: vec![],
    });
    let a = Answers::new();
    assert!(f.is_visible(&a, &path(&format!("f{}", n - 1))));
    assert_eq!(f.validate_step(&a, "s", &context()).len(), n);
}

#[test]
fn prune_drops_hidden_unknown_and_blank_answers() {
    let f = sample();
    let a = Answers::new()
        .with("relation", Answer::Choice("mother".into()))
        .with("authorisation", Answer::Files(vec![]))
        .with("by_post", Answer::YesNo(false))
        .with("post_address", Answer::Address(AddressAnswer::default()))
        .with("copies", txt("  "))
        .with("ghost", txt("boo"))
        .with(
            "members",
            Answer::Group(vec![
                item("child", Some("A"), Some("hidden note")),
                item("adult", Some("hidden school"), None),
            ]),
        );
    let pruned = f.prune(&a);
    assert_eq!(
        pruned,
        Answers::new()
            .with("relation", Answer::Choice("mother".into()))
            .with("by_post", Answer::YesNo(false))
            .with(
                "members",
                Answer::Group(vec![
                    item("child", Some("A"), None),
                    item("adult", None, None)
                ])
            )
    );
}

fn complete() -> Answers {
    Answers::new()
        .with("relation", Answer::Choice("mother".into()))
        .with("by_post", Answer::YesNo(false))
        .with("copies", txt("2"))
        .with("birth", txt("1/6/2026"))
        .with("declaration", Answer::YesNo(true))
}

#[test]
fn a_submission_is_validated_and_normalised() {
    let f = sample();
    let ctx = context();
    let ok = f.validate_submission(
        &complete().with("post_address", Answer::Address(AddressAnswer::default())),
        &ctx,
    );
    assert_eq!(
        ok,
        Ok(Answers::new()
            .with("relation", Answer::Choice("mother".into()))
            .with("by_post", Answer::YesNo(false))
            .with("copies", txt("2"))
            .with("birth", txt("01/06/2026"))
            .with("declaration", Answer::YesNo(true)))
    );
    let bad = complete()
        .with("relation", Answer::Choice("relative".into()))
        .with("by_post", Answer::YesNo(true))
        .with("copies", txt("11"))
        .with("declaration", Answer::YesNo(false));
    let errors = f.validate_submission(&bad, &ctx).unwrap_err();
    let got: Vec<(String, FieldError)> = errors
        .iter()
        .map(|e| (e.path.to_string(), e.error.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "authorisation".into(),
                FieldError::Required { ask: Ask::Upload }
            ),
            (
                "post_address.province".into(),
                FieldError::Required { ask: Ask::Select }
            ),
            (
                "post_address.commune".into(),
                FieldError::Required { ask: Ask::Select }
            ),
            (
                "post_address.street".into(),
                FieldError::Required { ask: Ask::Enter }
            ),
            ("copies".into(), FieldError::NumberTooLarge { max: 10 }),
            (
                "extra_note".into(),
                FieldError::Required { ask: Ask::Enter }
            ),
            (
                "declaration".into(),
                FieldError::Required { ask: Ask::Confirm }
            ),
        ]
    );
    // One step at a time, as on Continue.
    assert_eq!(f.validate_step(&bad, "delivery", &ctx).len(), 4);
    assert!(f.validate_step(&complete(), "extra", &ctx).is_empty());
    assert!(f.validate_step(&bad, "nope", &ctx).is_empty());
    // Messages name the question or the part, in both languages.
    assert_eq!(errors[1].message(&f, Lang::Vi), "Chọn tỉnh, thành phố");
    assert_eq!(errors[1].message(&f, Lang::En), "Select province or city");
    assert_eq!(errors[4].message(&f, Lang::En), "Copies must be 10 or less");
}

#[test]
fn group_errors_are_located_in_their_item() {
    let f = sample();
    let a = complete().with(
        "members",
        Answer::Group(vec![
            item("child", Some("Trường A"), None),
            item("child", None, None),
        ]),
    );
    let errors = f.validate_step(&a, "child", &context());
    assert_eq!(
        errors,
        vec![ValidationError::new(
            path("members[1].m_school"),
            FieldError::Required { ask: Ask::Enter }
        )]
    );
    assert_eq!(errors[0].path.dom_id(), "f-members-1-m_school");
    assert_eq!(errors[0].message(&f, Lang::En), "Enter m_school");
    let too_many = complete().with("members", Answer::Group(vec![item("adult", None, None); 6]));
    let errors = f.validate_step(&too_many, "child", &context());
    assert_eq!(errors[0].error, FieldError::TooManyItems { max: 5 });
    assert_eq!(
        errors[0].message(&f, Lang::En),
        "Add 5 entries or fewer, one for each member"
    );
}

#[test]
fn wrong_shapes_from_a_hostile_client_are_errors_not_panics() {
    let f = sample();
    let ctx = context();
    let a = Answers::new()
        .with("relation", txt("mother"))
        .with("by_post", txt("yes"))
        .with("post_address", Answer::YesNo(true))
        .with("copies", Answer::Choices(vec!["1".into()]))
        .with("birth", Answer::Group(vec![]))
        .with("members", txt("many"))
        .with("declaration", txt("true"));
    let errors = f.validate_submission(&a, &ctx).unwrap_err();
    assert!(
        errors.iter().all(|e| matches!(
            e.error,
            FieldError::WrongAnswerType | FieldError::Required { .. }
        )),
        "{errors:?}"
    );
    assert_eq!(
        errors
            .iter()
            .filter(|e| e.error == FieldError::WrongAnswerType)
            .count(),
        5
    );
}

fn identity() -> Identity {
    Identity {
        full_name: Some("Trần Thị Mai".into()),
        birth_date: Date::new(1990, 5, 12),
        sex: Some(Sex::Female),
        personal_id: Some("001190012345".into()),
        phone: Some("0912345678".into()),
        ..Identity::default()
    }
}

fn prefilled_form() -> IndexedForm {
    let mut name = text_field("name");
    name.prefill = Some(Prefill {
        source: PrefillSource::FullName,
        editable: false,
    });
    let mut phone = field(
        "phone",
        t("phone"),
        FieldKind::Phone(PhoneOptions::default()),
    );
    phone.prefill = Some(Prefill {
        source: PrefillSource::Phone,
        editable: true,
    });
    let mut me = field("me", t("me"), FieldKind::Person(PersonOptions::default()));
    me.prefill = Some(Prefill {
        source: PrefillSource::Person,
        editable: false,
    });
    let mut email = field("email", t("email"), FieldKind::Email);
    email.prefill = Some(Prefill {
        source: PrefillSource::Email,
        editable: false,
    });
    IndexedForm::new(Form {
        subject: None,
        place: None,
        steps: vec![step("s", vec![name, phone, me, email])],
        fees: vec![],
    })
}

#[test]
fn locked_prefill_comes_from_the_identity() {
    let f = prefilled_form();
    assert!(lint(&f).is_empty(), "{:?}", lint(&f));
    let who = identity();
    let ctx = context().with_identity(&who);
    // Nothing sent for locked fields: the identity's values are used. The email is not
    // in the identity, so the citizen answers it.
    let a = Answers::new()
        .with("phone", txt("+84 98 765 4321"))
        .with("email", txt("mai@example.vn"));
    let out = f.validate_submission(&a, &ctx).unwrap();
    assert_eq!(out.text("name"), Some("Trần Thị Mai"));
    assert_eq!(
        out.text("phone"),
        Some("0987654321"),
        "editable: the citizen's value"
    );
    assert_eq!(out.text("email"), Some("mai@example.vn"));
    let Some(Answer::Person(p)) = out.get("me") else {
        panic!("person answer")
    };
    assert_eq!(
        (p.birth_date.as_str(), p.id_number.as_str()),
        ("12/05/1990", "001190012345")
    );

    // Sending the same values, even formatted differently, is fine.
    let same = a.clone().with("name", txt(" Trần Thị Mai ")).with(
        "me",
        Answer::Person(PersonAnswer {
            full_name: "Trần Thị Mai".into(),
            birth_date: "12/5/1990".into(),
            sex: Some(Sex::Female),
            id_number: "001 190 012 345".into(),
        }),
    );
    assert!(f.validate_submission(&same, &ctx).is_ok());

    // A tampered request is refused, part by part for a person.
    let tampered = same.clone().with("name", txt("Someone Else")).with(
        "me",
        Answer::Person(PersonAnswer {
            full_name: "Trần Thị Mai".into(),
            birth_date: "12/05/1991".into(),
            sex: Some(Sex::Female),
            id_number: "001191012345".into(),
        }),
    );
    let errors = f.validate_submission(&tampered, &ctx).unwrap_err();
    let paths: Vec<String> = errors.iter().map(|e| e.path.to_string()).collect();
    assert_eq!(paths, ["name", "me.birth_date", "me.id_number"]);
    assert!(errors.iter().all(|e| e.error == FieldError::PrefillChanged));
    assert!(errors[0].message(&f, Lang::En).contains("VNeID"));

    // Without an identity (signed out), the fields are ordinary questions.
    let plain = f.validate_submission(&tampered, &context());
    assert!(plain.is_ok(), "{plain:?}");
}

#[test]
fn a_partial_identity_locks_only_what_it_holds() {
    let f = prefilled_form();
    let who = Identity {
        sex: None,
        ..identity()
    };
    let ctx = context().with_identity(&who);
    let a = Answers::new()
        .with("phone", txt("0912345678"))
        .with("email", txt("a@b.vn"))
        .with(
            "me",
            Answer::Person(PersonAnswer {
                sex: Some(Sex::Female),
                ..PersonAnswer::default()
            }),
        );
    let out = f.validate_submission(&a, &ctx).unwrap();
    let Some(Answer::Person(p)) = out.get("me") else {
        panic!("person answer")
    };
    assert_eq!(
        (p.full_name.as_str(), p.sex),
        ("Trần Thị Mai", Some(Sex::Female))
    );
    // The missing sex must still be given, and must agree with the ID number.
    let male = a.clone().with(
        "me",
        Answer::Person(PersonAnswer {
            sex: Some(Sex::Male),
            ..PersonAnswer::default()
        }),
    );
    let errors = f.validate_submission(&male, &ctx).unwrap_err();
    assert_eq!(
        errors,
        vec![ValidationError::new(
            path("me.id_number"),
            FieldError::PersonalIdSexMismatch {
                in_number: Sex::Female
            }
        )]
    );
}

/// The quote on the examples' day.
fn quote(f: &IndexedForm, answers: &Answers) -> fee::Quote {
    f.quote(answers, crate::form::examples::today())
}

#[test]
fn fee_quote_counts_units_applies_conditions_and_exemptions() {
    let f = sample();
    let free = quote(&f, &complete().with("copies", txt("0")));
    assert!(free.is_free());
    assert!(free.lines.is_empty());

    let q = quote(
        &f,
        &complete()
            .with("copies", txt("3"))
            .with("by_post", Answer::YesNo(true)),
    );
    let lines: Vec<(&str, u64, u64, u64)> = q
        .lines
        .iter()
        .map(|l| (l.id.as_str(), l.units, l.online, l.in_person))
        .collect();
    assert_eq!(
        lines,
        [("copies", 3, 24_000, 24_000), ("post", 1, 25_000, 30_000)]
    );
    assert_eq!((q.total_online, q.total_in_person), (49_000, 54_000));

    let family = complete()
        .with("by_post", Answer::YesNo(true))
        .with("members", Answer::Group(vec![item("adult", None, None); 3]));
    let q = quote(&f, &family);
    let post = q.lines.iter().find(|l| l.id == "post").unwrap();
    assert_eq!(
        (post.online, post.exemption.as_ref().map(|e| e.en.as_str())),
        (0, Some("large family"))
    );
    let members = q.lines.iter().find(|l| l.id == "per_member").unwrap();
    assert_eq!(
        (members.units, members.online, members.in_person),
        (3, 1_500, 3_000)
    );
    assert_eq!(q.total_online, 2 * 8_000 + 1_500);

    // Hostile counts are bounded; invalid numbers count nothing.
    let huge = quote(&f, &complete().with("copies", txt("999999999999")));
    assert_eq!(huge.lines[0].units, fee::MAX_UNITS);
    let junk = quote(&f, &complete().with("copies", txt("2,5")));
    assert!(junk.lines.is_empty());
}

#[test]
fn a_hidden_unit_field_counts_nothing() {
    let mut form = sample().into_form();
    form.fees[0].per = Some(id("extra_note"));
    form.steps[3].fields.push(field(
        "extra_copies",
        t("extra copies"),
        FieldKind::Number(NumberOptions::default()),
    ));
    form.fees[0].per = Some(id("extra_copies"));
    let f = IndexedForm::new(form);
    let a = complete()
        .with("copies", txt("0"))
        .with("extra_copies", txt("4"));
    assert!(quote(&f, &a).lines.is_empty(), "the extra step is hidden");
    let a = a.with("copies", txt("3"));
    assert_eq!(quote(&f, &a).lines[0].units, 4);
}

fn draft_on(form: &IndexedForm, answers: Answers, completed: &[&str]) -> Draft {
    let mut d = Draft::new(crate::ServiceId("x".into()), "v1", form, 1_700_000_000_000);
    d.answers = answers;
    for s in completed {
        d.complete_step(s);
    }
    d
}

#[test]
fn a_draft_on_the_same_form_is_kept_whole() {
    let f = sample();
    let d = draft_on(&f, complete(), &["applicant"]);
    // Relabelling is not a change of the questions.
    let mut relabelled = f.form().clone();
    relabelled.steps[0].fields[0].label = Text::new("Quan hệ", "Relationship");
    relabelled.steps[0].title = Text::new("Người nộp", "Applicant");
    let relabelled = IndexedForm::new(relabelled);
    assert!(d.fits(&relabelled));
    let (next, report) = migrate(&d, &relabelled, "v2", &context());
    assert!(!report.form_changed && !report.needs_attention());
    assert_eq!(next.catalogue_version, "v2");
    assert_eq!(next.answers, d.answers);
    assert_eq!(report.kept.len(), 5);
}

#[test]
fn a_changed_form_migrates_and_reports() {
    let f = sample();
    let answers = complete()
        .with("relation", Answer::Choice("relative".into()))
        .with("extra_note", txt("a note that is rather long"))
        .with(
            "members",
            Answer::Group(vec![item("child", Some("Trường A"), Some("n"))]),
        );
    let d = draft_on(
        &f,
        answers,
        &["applicant", "delivery", "child", "extra", "gone"],
    );

    let mut changed = f.form().clone();
    // applicant: "relative" is no longer offered, and a new required question appears.
    changed.steps[0].fields[0].kind = FieldKind::Choice(ChoiceOptions {
        options: opts(&["mother", "father", "guardian"]),
    });
    changed.steps[0].fields.push(field(
        "phone",
        t("phone"),
        FieldKind::Phone(PhoneOptions::default()),
    ));
    // delivery: copies becomes a yes/no question.
    changed.steps[1].fields[2].kind = FieldKind::YesNo;
    // extra: its note now allows only 10 characters; it is always shown.
    changed.steps[3].shown_if = None;
    changed.steps[3].fields[0].kind = FieldKind::Text(TextOptions {
        min_length: 0,
        max_length: Some(10),
    });
    // members: the note member is removed.
    if let FieldKind::Group(g) = &mut changed.steps[2].fields[2].kind {
        g.fields.pop();
    }
    let changed = IndexedForm::new(changed);
    assert!(!d.fits(&changed));
    let (next, report) = migrate(&d, &changed, "v2", &context());
    assert!(report.form_changed && report.needs_attention());
    let dropped: Vec<(String, DropReason)> = report
        .dropped
        .iter()
        .map(|x| (x.path.to_string(), x.reason))
        .collect();
    assert_eq!(
        dropped,
        [
            ("copies".to_string(), DropReason::TypeChanged),
            ("members[0].m_note".to_string(), DropReason::Removed),
            ("relation".to_string(), DropReason::OptionRemoved),
        ]
    );
    assert_eq!(
        report.kept,
        ["birth", "by_post", "declaration", "extra_note", "members"]
    );
    let newly: Vec<String> = report
        .newly_required
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(newly, ["relation", "phone", "copies"]);
    assert_eq!(
        report.now_invalid,
        vec![ValidationError::new(
            path("extra_note"),
            FieldError::TextTooLong { max: 10 }
        )]
    );
    assert_eq!(
        next.completed_steps,
        ["applicant", "delivery", "child", "extra"]
    );
    assert_eq!(next.form_fingerprint, fingerprint(changed.form()));
    assert!(next.fits(&changed));
    assert_eq!(
        next.answers.get("members"),
        Some(&Answer::Group(vec![item("child", Some("Trường A"), None)]))
    );
}

#[test]
fn fingerprints_follow_the_questions_not_the_words() {
    let a = sample();
    let fp = fingerprint(a.form());
    assert_eq!(fp.len(), 16);
    assert_eq!(fp, fingerprint(&a.form().clone()));
    let mut b = a.form().clone();
    b.steps[1].fields[0].label = t("Do you want it posted?");
    b.fees.clear();
    assert_eq!(fingerprint(&b), fp);
    let mut c = a.form().clone();
    c.steps[1].fields[0].required = false;
    assert_ne!(fingerprint(&c), fp);
    let mut d = a.form().clone();
    d.steps[0].fields.swap(0, 1);
    assert_ne!(fingerprint(&d), fp);
}

#[test]
fn forms_travel_as_json_unchanged() {
    let f = sample();
    let json = serde_json::to_string(f.form()).unwrap();
    let back: Form = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, f.form());
    let e = ValidationError::new(
        path("mother.id_number"),
        FieldError::PersonalIdLength { digits: 11 },
    );
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(
        json,
        r#"{"path":"mother.id_number","error":{"code":"personal-id-length","digits":11}}"#
    );
    assert_eq!(serde_json::from_str::<ValidationError>(&json).unwrap(), e);
    assert!(serde_json::from_str::<ValidationError>(
        r#"{"path":"a[x]","error":{"code":"date-format"}}"#
    )
    .is_err());
}

/// A form with a problem of each kind the lint looks for.
fn broken_form() -> Form {
    let group_in_group = field(
        "inner",
        t("inner"),
        FieldKind::Group(GroupOptions {
            item_label: t("x"),
            min: 0,
            max: 2,
            fields: vec![text_field("deep")],
        }),
    );
    let outer = field(
        "outer",
        t("outer"),
        FieldKind::Group(GroupOptions {
            item_label: t("x"),
            min: 3,
            max: 2,
            fields: vec![text_field("member"), group_in_group],
        }),
    );
    let mut bad_prefill = field("when", t("when"), FieldKind::Date(DateOptions::default()));
    bad_prefill.prefill = Some(Prefill {
        source: PrefillSource::FullName,
        editable: false,
    });
    Form {
        subject: None,
        place: None,
        steps: vec![
            step(
                "s1",
                vec![
                    field(
                        "choice",
                        Text::new("Chọn", ""),
                        FieldKind::Choice(ChoiceOptions::default()),
                    ),
                    field(
                        "file",
                        t("file"),
                        FieldKind::Attachment(AttachmentOptions {
                            accept: vec!["application/x-msdownload".into()],
                            max_bytes: 0,
                            max_files: 100,
                        }),
                    ),
                    when(text_field("reads_ghost"), eq("ghost", Scalar::Bool(true))),
                    outer,
                    when(
                        text_field("reads_member"),
                        eq("member", Scalar::Text("x".into())),
                    ),
                    when(text_field("bad_value"), eq("choice", Scalar::Bool(true))),
                    text_field("Bad-Id"),
                    text_field("reads_ghost"),
                    bad_prefill,
                ],
            ),
            step("s2", vec![]),
        ],
        fees: vec![FeeItem {
            from: None,
            until: None,
            id: "fee".into(),
            label: t("fee"),
            in_person: 10,
            online: Some(20),
            per: Some(id("reads_member")),
            applies_if: None,
            exemptions: vec![],
        }],
    }
}

#[test]
fn the_lint_finds_each_kind_of_problem() {
    let problems = lint(&IndexedForm::new(broken_form()));
    let codes: std::collections::BTreeSet<&str> = problems.iter().map(|p| p.code).collect();
    for code in [
        "missing-text",
        "no-options",
        "attachment-limits",
        "unknown-field",
        "group-member-reference",
        "group-bounds",
        "nested-group",
        "condition-type",
        "bad-id",
        "duplicate-id",
        "prefill-mismatch",
        "empty-step",
        "fee-per",
        "fee-online-higher",
    ] {
        assert!(codes.contains(code), "{code} missing from {problems:#?}");
    }
    let attachment: Vec<&FormProblem> = problems
        .iter()
        .filter(|p| p.code == "attachment-limits")
        .collect();
    assert_eq!(attachment.len(), 3, "{attachment:#?}");
    assert!(problems
        .iter()
        .any(|p| p.path == "steps[0].fields[4].shown_if"));
}

#[test]
fn the_subject_names_whom_a_dossier_is_for_and_is_a_name() {
    let mut form = Form {
        steps: vec![step(
            "s",
            vec![
                field("child", t("child"), FieldKind::Text(TextOptions::default())),
                field("n", t("n"), FieldKind::Number(NumberOptions::default())),
            ],
        )],
        fees: vec![],
        subject: Some(id("child")),
        place: None,
    };
    let mut answers = Answers::new();
    assert_eq!(form.subject_name(&answers), None);
    answers.set("child", Answer::Text(" Lê Bảo An ".into()));
    assert_eq!(form.subject_name(&answers).as_deref(), Some("Lê Bảo An"));
    assert!(lint(&IndexedForm::new(form.clone())).is_empty());
    let codes = |form: &Form| -> Vec<&'static str> {
        lint(&IndexedForm::new(form.clone()))
            .iter()
            .map(|p| p.code)
            .collect()
    };
    form.subject = Some(id("n"));
    assert_eq!(codes(&form), vec!["subject-kind"]);
    form.subject = Some(id("nobody"));
    assert_eq!(codes(&form), vec!["unknown-field"]);
}

#[test]
fn a_group_refuses_the_same_person_twice_at_the_repeat() {
    let person = |name: &str, id: &str| {
        Answer::Person(PersonAnswer {
            full_name: name.into(),
            birth_date: "01/02/2015".into(),
            sex: Some(Sex::Female),
            id_number: id.into(),
        })
    };
    let form = IndexedForm::new(Form {
        steps: vec![step(
            "s",
            vec![field(
                "members",
                t("Thành viên"),
                FieldKind::Group(GroupOptions {
                    item_label: Text::new("thành viên", "member"),
                    min: 0,
                    max: 5,
                    fields: vec![field(
                        "member",
                        t("Thành viên"),
                        FieldKind::Person(PersonOptions {
                            id_number: Presence::Optional,
                            ..PersonOptions::default()
                        }),
                    )],
                }),
            )],
        )],
        fees: vec![],
        subject: None,
        place: None,
    });
    let item = |a: Answer| {
        let mut i = Answers::new();
        i.set("member", a);
        i
    };
    let mut answers = Answers::new();
    answers.set(
        "members",
        Answer::Group(vec![
            item(person("Lê Bảo An", "")),
            item(person("Lê Thị Hoa", "")),
            item(person("  lê bảo an ", "")),
        ]),
    );
    let errors = form.validate_submission(&answers, &context()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, FieldPath::item("members", 2, "member"));
    assert_eq!(errors[0].error, FieldError::DuplicatePerson { first: 1 });
    assert_eq!(
        errors[0].error.message(Lang::En, "member"),
        "This person is already in entry 1. List each person once"
    );
    // Different people, or the same name with another date of birth, are kept.
    answers.set(
        "members",
        Answer::Group(vec![
            item(person("Lê Bảo An", "")),
            item(person("Lê Thị Hoa", "")),
        ]),
    );
    assert!(form.validate_submission(&answers, &context()).is_ok());
}

#[test]
fn the_place_is_an_always_asked_address_or_province_and_routes_the_dossier() {
    let mut optional = field(
        "later",
        t("later"),
        FieldKind::Address(AddressOptions::default()),
    );
    optional.required = false;
    let mut form = Form {
        steps: vec![step(
            "s",
            vec![
                field(
                    "where",
                    t("where"),
                    FieldKind::Address(AddressOptions::default()),
                ),
                field(
                    "province",
                    t("province"),
                    FieldKind::Choice(ChoiceOptions {
                        options: opts(&["p01", "p79"]),
                    }),
                ),
                field(
                    "colour",
                    t("colour"),
                    FieldKind::Choice(ChoiceOptions {
                        options: opts(&["red", "p79"]),
                    }),
                ),
                optional,
            ],
        )],
        fees: vec![],
        subject: None,
        place: Some(id("where")),
    };
    let codes = |form: &Form| -> Vec<&'static str> {
        lint(&IndexedForm::new(form.clone()))
            .iter()
            .map(|p| p.code)
            .collect()
    };
    assert!(codes(&form).is_empty());
    let mut answers = Answers::new();
    assert_eq!(form.place_of(&answers), None);
    answers.set(
        "where",
        Answer::Address(AddressAnswer {
            province: "79".into(),
            commune: "26740".into(),
            street: String::new(),
        }),
    );
    assert_eq!(
        form.place_of(&answers),
        Some(Place {
            province: "79".into(),
            commune: Some("26740".into())
        })
    );

    form.place = Some(id("province"));
    assert!(codes(&form).is_empty());
    answers.set("province", Answer::Choice("p01".into()));
    assert_eq!(
        form.place_of(&answers),
        Some(Place {
            province: "01".into(),
            commune: None
        })
    );

    form.place = Some(id("colour"));
    assert_eq!(codes(&form), vec!["place-kind"]);
    form.place = Some(id("later"));
    assert_eq!(codes(&form), vec!["place-not-always-asked"]);
    form.place = Some(id("nowhere"));
    assert_eq!(codes(&form), vec!["unknown-field"]);
}

/// Asserts that a finding is said in Vietnamese too: a sentence of its own (not the
/// English copied, not plain ASCII) that keeps every number and every quoted or
/// backticked value of the English, so staff reading either language fix the same thing.
pub(super) fn assert_said_in_both(code: &str, en: &str, vi: &str) {
    assert!(!vi.trim().is_empty(), "{code}: no Vietnamese for {en:?}");
    assert_ne!(vi, en, "{code}: the Vietnamese is the English");
    assert!(!vi.is_ascii(), "{code}: {vi:?} is not Vietnamese");
    let numbers = en
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty());
    let quoted = ['"', '`']
        .into_iter()
        .flat_map(|q| en.split(q).skip(1).step_by(2));
    for value in numbers.chain(quoted) {
        assert!(
            vi.contains(value),
            "{code}: {value:?} of {en:?} is missing from {vi:?}"
        );
    }
}

/// Forms with the problems [`broken_form`] does not have: limits, conditions that look
/// wrong, subjects, places, copies and fees gone wrong. With it, every message of the lint.
fn more_broken_forms() -> Vec<Form> {
    let form = |steps: Vec<Step>, fees: Vec<FeeItem>| Form {
        steps,
        fees,
        subject: None,
        place: None,
    };
    let kind = |fid: &str, kind: FieldKind| field(fid, t(fid), kind);
    let compare = |f: &str, value: Scalar| Condition::Compare {
        field: id(f),
        op: Compare::AtLeast,
        value,
    };
    let yes = |f: &str, v: bool| eq(f, Scalar::Bool(v));

    // Limits out of range, missing words and prefills that cannot be.
    let mut hinted = text_field("hinted");
    hinted.hint = Some(Text::new("", "hint"));
    let mut sex = kind(
        "sex",
        FieldKind::Choice(ChoiceOptions {
            options: opts(&["m", "f", "f"]),
        }),
    );
    sex.prefill = Some(Prefill {
        source: PrefillSource::Sex,
        editable: false,
    });
    let mut prefilled_member = text_field("member_name");
    prefilled_member.prefill = Some(Prefill {
        source: PrefillSource::FullName,
        editable: false,
    });
    let limits = form(
        vec![
            step(
                "limits",
                vec![
                    kind(
                        "zero_max",
                        FieldKind::Text(TextOptions {
                            max_length: Some(0),
                            ..TextOptions::default()
                        }),
                    ),
                    kind(
                        "min_over_max",
                        FieldKind::LongText(TextOptions {
                            min_length: 9,
                            max_length: Some(3),
                        }),
                    ),
                    kind(
                        "number",
                        FieldKind::Number(NumberOptions {
                            min: Some(5),
                            max: Some(1),
                            decimals: 9,
                            unit: Some(Text::new("kg", "")),
                        }),
                    ),
                    kind(
                        "date",
                        FieldKind::Date(DateOptions {
                            min: Date::parse_iso("2020-01-02"),
                            max: Date::parse_iso("2020-01-01"),
                            ..DateOptions::default()
                        }),
                    ),
                    kind(
                        "many",
                        FieldKind::MultipleChoice(MultipleChoiceOptions {
                            options: opts(&["a"]),
                            min_selected: 3,
                            max_selected: Some(0),
                        }),
                    ),
                    kind(
                        "nobody",
                        FieldKind::Person(PersonOptions {
                            birth_date: Presence::Omitted,
                            sex: Presence::Omitted,
                            id_number: Presence::Omitted,
                        }),
                    ),
                    kind(
                        "nothing_accepted",
                        FieldKind::Attachment(AttachmentOptions {
                            accept: vec![],
                            max_bytes: 1024,
                            max_files: 1,
                        }),
                    ),
                    kind(
                        "no_members",
                        FieldKind::Group(GroupOptions {
                            item_label: t("x"),
                            min: 0,
                            max: 2,
                            fields: vec![],
                        }),
                    ),
                    kind(
                        "members",
                        FieldKind::Group(GroupOptions {
                            item_label: t("x"),
                            min: 0,
                            max: 2,
                            fields: vec![prefilled_member],
                        }),
                    ),
                    hinted,
                    sex,
                ],
            ),
            step("limits", vec![text_field("hinted")]),
        ],
        vec![],
    );

    // Conditions that cannot work.
    let deep = (0..=lint::MAX_CONDITION_DEPTH)
        .fold(yes("paper", true), |c, _| Condition::Not(Box::new(c)));
    let mut never = step("never", vec![text_field("never_asked")]);
    never.shown_if = Some(Condition::All(vec![
        yes("paper", true),
        yes("paper", false),
    ]));
    let conditions = form(
        vec![
            step(
                "asked",
                vec![
                    kind("paper", FieldKind::YesNo),
                    kind("name", FieldKind::Text(TextOptions::default())),
                    kind("count", FieldKind::Number(NumberOptions::default())),
                    kind("day", FieldKind::Date(DateOptions::default())),
                    kind(
                        "colour",
                        FieldKind::Choice(ChoiceOptions {
                            options: opts(&["red"]),
                        }),
                    ),
                ],
            ),
            step(
                "reads",
                vec![
                    when(text_field("too_deep"), deep),
                    when(text_field("empty_all"), Condition::All(vec![])),
                    when(
                        text_field("empty_one_of"),
                        Condition::OneOf {
                            field: id("paper"),
                            values: vec![],
                        },
                    ),
                    when(text_field("own"), yes("own", true)),
                    when(text_field("ahead"), yes("later", true)),
                    when(text_field("text_compared"), compare("name", Scalar::Int(1))),
                    when(
                        text_field("word_as_number"),
                        compare("count", Scalar::Text("many".into())),
                    ),
                    when(
                        text_field("word_as_day"),
                        compare("day", Scalar::Text("soon".into())),
                    ),
                    when(
                        text_field("word_as_number_value"),
                        eq("count", Scalar::Text("ten".into())),
                    ),
                    when(
                        text_field("word_as_day_value"),
                        eq("day", Scalar::Text("31/12/2020".into())),
                    ),
                    when(
                        text_field("no_such_option"),
                        eq("colour", Scalar::Text("blue".into())),
                    ),
                    when(
                        text_field("hidden_always"),
                        Condition::All(vec![yes("paper", true), yes("paper", false)]),
                    ),
                    text_field("later"),
                ],
            ),
            never,
        ],
        vec![],
    );

    // Whom the dossier is for, where it goes, copies and fee lines gone wrong.
    let mut optional_place = kind("where", FieldKind::Address(AddressOptions::default()));
    optional_place.required = false;
    let mut copy_ahead = text_field("copy_ahead");
    copy_ahead.copy = Some(CopyFrom {
        from: id("name"),
        when: None,
    });
    let mut copy_kind = kind("copy_kind", FieldKind::Number(NumberOptions::default()));
    copy_kind.copy = Some(CopyFrom {
        from: id("name"),
        when: Some(yes("ghost", true)),
    });
    let mut copy_ghost = text_field("copy_ghost");
    copy_ghost.copy = Some(CopyFrom {
        from: id("ghost"),
        when: None,
    });
    let fee = |fid: &str, per: &str| FeeItem {
        from: None,
        until: None,
        id: fid.into(),
        label: t(fid),
        in_person: 10,
        online: None,
        per: Some(id(per)),
        applies_if: None,
        exemptions: vec![],
    };
    let mut exempt = fee("fee", "ghost");
    exempt.exemptions = vec![Exemption {
        when: yes("paper", true),
        reason: Text::new("", "reason"),
    }];
    let mut links = form(
        vec![
            step(
                "first",
                vec![
                    kind("paper", FieldKind::YesNo),
                    text_field("name"),
                    copy_ahead,
                    kind(
                        "people",
                        FieldKind::Group(GroupOptions {
                            item_label: t("x"),
                            min: 0,
                            max: 2,
                            fields: vec![text_field("person")],
                        }),
                    ),
                    optional_place,
                ],
            ),
            step("second", vec![copy_kind, copy_ghost]),
        ],
        vec![exempt, fee("fee", "person"), fee("by_name", "name")],
    );
    links.subject = Some(id("paper"));
    links.place = Some(id("where"));
    let mut unknown = form(
        vec![step("only", vec![kind("paper", FieldKind::YesNo)])],
        vec![],
    );
    unknown.subject = Some(id("ghost"));
    unknown.place = Some(id("ghost"));
    let mut wrong_place = form(
        vec![step("only", vec![kind("paper", FieldKind::YesNo)])],
        vec![],
    );
    wrong_place.place = Some(id("paper"));

    // A fee line for some answers only (the form is otherwise right).
    let mut gap = form(
        vec![step("only", vec![kind("paper", FieldKind::YesNo)])],
        vec![],
    );
    gap.fees = vec![FeeItem {
        applies_if: Some(yes("paper", true)),
        per: None,
        ..fee("copy", "paper")
    }];

    // An age read where a form's display depends on it, and from a question that holds
    // no date.
    let age = |f: &str| Condition::Age {
        field: id(f),
        test: AgeTest::Under,
        years: 16,
    };
    let ages = form(
        vec![step(
            "only",
            vec![
                kind("born", FieldKind::Date(DateOptions::default())),
                when(text_field("child_school"), age("born")),
            ],
        )],
        vec![
            FeeItem {
                applies_if: Some(age("child_school")),
                per: None,
                ..fee("by_age", "born")
            },
            FeeItem {
                per: None,
                from: Date::new(2027, 1, 1),
                until: Date::new(2026, 12, 31),
                ..fee("never", "born")
            },
        ],
    );

    vec![
        form(vec![], vec![]),
        limits,
        conditions,
        links,
        unknown,
        wrong_place,
        gap,
        ages,
    ]
}

#[test]
fn every_lint_problem_is_said_in_vietnamese_too() {
    let mut forms = vec![broken_form()];
    forms.extend(more_broken_forms());
    let problems: Vec<FormProblem> = forms
        .into_iter()
        .flat_map(|f| lint(&IndexedForm::new(f)))
        .collect();
    for p in &problems {
        assert_said_in_both(p.code, &p.message, &p.message_vi);
    }
    // Every message the lint has, so a new one cannot go untranslated unnoticed.
    let messages: std::collections::BTreeSet<&str> =
        problems.iter().map(|p| p.message.as_str()).collect();
    let codes: std::collections::BTreeSet<&str> = problems.iter().map(|p| p.code).collect();
    let all_codes = [
        "missing-text",
        "bad-id",
        "duplicate-id",
        "condition-too-deep",
        "empty-condition",
        "unknown-field",
        "cyclic-condition",
        "forward-reference",
        "group-member-reference",
        "condition-type",
        "unreachable-field",
        "prefill-mismatch",
        "bad-limits",
        "attachment-limits",
        "nested-group",
        "group-bounds",
        "empty-group",
        "no-options",
        "empty-form",
        "empty-step",
        "unreachable-step",
        "subject-kind",
        "place-kind",
        "place-not-always-asked",
        "copy-order",
        "copy-mismatch",
        "fee-online-higher",
        "fee-per",
        "fee-gap",
        "age-outside-fee-rules",
        "fee-window",
    ];
    let missing: Vec<&&str> = all_codes.iter().filter(|c| !codes.contains(**c)).collect();
    assert!(missing.is_empty(), "not exercised: {missing:?}");
    // 55 different messages when this test was written: each of them is checked above.
    assert!(
        messages.len() >= 55,
        "{} messages: {messages:#?}",
        messages.len()
    );
    let gap = problems.iter().find(|p| p.code == "fee-gap").unwrap();
    assert_eq!(
        gap.message_vi,
        "không có dòng phí nào áp dụng khi paper = false: hãy ghi rõ khi đó thu phí gì, \
         hoặc thêm một dòng phí luôn áp dụng"
    );
}

#[test]
fn a_form_asks_for_files_when_any_question_or_group_member_does_and_has_groups_when_it_repeats() {
    assert!(sample().asks_for_files());
    let plain = |fields| {
        IndexedForm::new(Form {
            subject: None,
            place: None,
            steps: vec![step("s", fields)],
            fees: vec![],
        })
    };
    assert!(!plain(vec![text_field("a"), field("b", t("b"), FieldKind::YesNo)]).asks_for_files());
    let in_group = field(
        "items",
        t("items"),
        FieldKind::Group(GroupOptions {
            item_label: t("item"),
            min: 0,
            max: 3,
            fields: vec![field(
                "scan",
                t("scan"),
                FieldKind::Attachment(AttachmentOptions::default()),
            )],
        }),
    );
    assert!(plain(vec![text_field("a"), in_group.clone()]).asks_for_files());
    assert!(plain(vec![text_field("a"), in_group]).has_groups());
    assert!(!plain(vec![text_field("a")]).has_groups());
    assert!(sample().has_groups());
}
