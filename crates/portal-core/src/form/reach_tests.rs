//! The lint rules built on reachability: cyclic conditions, steps and questions that can
//! never be shown, and fee lines that leave a case uncovered. Each rule has a failing
//! and a passing example.

use super::examples::field;
use super::*;
use crate::text::Text;

fn t(s: &str) -> Text {
    Text::new(s, s)
}

fn yes_no(id: &str) -> Field {
    field(id, t(id), FieldKind::YesNo)
}

fn text(id: &str) -> Field {
    field(id, t(id), FieldKind::Text(TextOptions::default()))
}

fn is(f: &str, v: bool) -> Condition {
    Condition::Equals {
        field: FieldId(f.into()),
        value: Scalar::Bool(v),
    }
}

fn form(steps: Vec<Step>, fees: Vec<FeeItem>) -> IndexedForm {
    IndexedForm::new(Form {
        steps,
        fees,
        subject: None,
        place: None,
    })
}

fn step(id: &str, shown_if: Option<Condition>, fields: Vec<Field>) -> Step {
    Step {
        id: id.into(),
        title: t(id),
        intro: None,
        shown_if,
        fields,
    }
}

fn fee(id: &str, applies_if: Option<Condition>) -> FeeItem {
    FeeItem {
        from: None,
        until: None,
        id: id.into(),
        label: t(id),
        in_person: 10,
        online: None,
        per: None,
        applies_if,
        exemptions: vec![],
    }
}

fn codes(f: &IndexedForm) -> Vec<&'static str> {
    let problems = lint(f);
    for p in &problems {
        super::tests::assert_said_in_both(p.code, &p.message, &p.message_vi);
    }
    problems.iter().map(|p| p.code).collect()
}

#[test]
fn cyclic_condition() {
    let mut own = text("a");
    own.shown_if = Some(Condition::Answered {
        field: FieldId("a".into()),
        answered: true,
    });
    let bad = form(vec![step("s", None, vec![own])], vec![]);
    assert_eq!(codes(&bad), vec!["cyclic-condition"]);
    let mut other = text("b");
    other.shown_if = Some(Condition::Answered {
        field: FieldId("a".into()),
        answered: true,
    });
    let good = form(vec![step("s", None, vec![text("a"), other])], vec![]);
    assert!(codes(&good).is_empty());
}

#[test]
fn unreachable_step() {
    let never = Condition::All(vec![is("paper", true), is("paper", false)]);
    let bad = form(
        vec![
            step("s1", None, vec![yes_no("paper")]),
            step("s2", Some(never), vec![text("x")]),
        ],
        vec![],
    );
    assert_eq!(codes(&bad), vec!["unreachable-step"]);
    let good = form(
        vec![
            step("s1", None, vec![yes_no("paper")]),
            step("s2", Some(is("paper", true)), vec![text("x")]),
        ],
        vec![],
    );
    assert!(codes(&good).is_empty());
    // A condition on free text cannot be enumerated: no alarm either way.
    let unknown = form(
        vec![
            step("s1", None, vec![text("name")]),
            step(
                "s2",
                Some(Condition::Answered {
                    field: FieldId("name".into()),
                    answered: true,
                }),
                vec![text("x")],
            ),
        ],
        vec![],
    );
    assert!(codes(&unknown).is_empty());
}

#[test]
fn unreachable_field() {
    let mut hidden = text("x");
    hidden.shown_if = Some(Condition::Not(Box::new(Condition::Any(vec![
        is("paper", true),
        is("paper", false),
        Condition::Answered {
            field: FieldId("paper".into()),
            answered: false,
        },
    ]))));
    let bad = form(vec![step("s", None, vec![yes_no("paper"), hidden])], vec![]);
    let problems = lint(&bad);
    assert_eq!(codes(&bad), vec!["unreachable-field"]);
    assert!(problems[0].is_warning());
    let mut shown = text("x");
    shown.shown_if = Some(is("paper", false));
    let good = form(vec![step("s", None, vec![yes_no("paper"), shown])], vec![]);
    assert!(codes(&good).is_empty());
}

#[test]
fn fee_gap() {
    let fields = || vec![step("s", None, vec![yes_no("paper")])];
    let bad = form(fields(), vec![fee("copy", Some(is("paper", true)))]);
    let problems = lint(&bad);
    assert_eq!(codes(&bad), vec!["fee-gap"]);
    assert!(problems[0].is_warning());
    assert!(
        problems[0].message.contains("paper = false"),
        "{problems:?}"
    );
    assert!(
        problems[0].message_vi.contains("khi paper = false"),
        "{problems:?}"
    );
    let covered = form(
        fields(),
        vec![
            fee("copy", Some(is("paper", true))),
            fee("base", Some(Condition::Not(Box::new(is("paper", true))))),
        ],
    );
    assert!(codes(&covered).is_empty());
    let unconditional = form(fields(), vec![fee("base", None)]);
    assert!(codes(&unconditional).is_empty());
}

#[test]
fn enumeration_is_bounded() {
    // Twenty yes/no questions are 3^20 combinations: the check gives up (unknown)
    // rather than running for minutes.
    let fields: Vec<Field> = (0..20).map(|i| yes_no(&format!("q{i}"))).collect();
    let all = Condition::All((0..20).map(|i| is(&format!("q{i}"), true)).collect());
    let f = form(
        vec![
            step("s1", None, fields),
            step("s2", Some(all), vec![text("x")]),
        ],
        vec![],
    );
    let start = std::time::Instant::now();
    assert_eq!(reach::step_reachable(&f, "s2"), None);
    assert!(start.elapsed().as_secs() < 2);
}
