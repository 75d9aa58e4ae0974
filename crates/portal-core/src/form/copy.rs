//! Answers carried from an earlier question to a later one (`copy` in a form file), so
//! nobody types the same thing twice: when the applicant is the child's mother, the
//! mother's step starts with the applicant's details. Only an unanswered question is
//! filled, once, when its step is shown; the person can change it.

use super::answers::{Answer, Answers, PersonAnswer};
use super::index::IndexedForm;
use super::schema::{FieldId, FieldKind, Presence};
use super::visibility::Scope;

impl IndexedForm {
    /// The answers to put into the unanswered questions of `step` from earlier answers.
    pub fn copies_for_step(&self, answers: &Answers, step: &str) -> Vec<(FieldId, Answer)> {
        let Some(index) = self.step_index(step) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for field in &self.form().steps[index].fields {
            let Some(copy) = &field.copy else { continue };
            if answers
                .get(field.id.as_str())
                .is_some_and(Answer::is_answered)
            {
                continue;
            }
            if let Some(when) = &copy.when {
                if !Scope::new(self, answers).eval(when, self.step_start(index)) {
                    continue;
                }
            }
            let Some(source) = answers.get(copy.from.as_str()).filter(|a| a.is_answered()) else {
                continue;
            };
            if let Some(answer) = adapt(source, &field.kind) {
                out.push((field.id.clone(), answer));
            }
        }
        out
    }
}

/// `source` as an answer to a question of `kind`: the parts the question omits are left
/// out; `None` when the types differ.
fn adapt(source: &Answer, kind: &FieldKind) -> Option<Answer> {
    match (source, kind) {
        (Answer::Person(p), FieldKind::Person(o)) => {
            let keep = |presence: Presence, value: &str| {
                if presence == Presence::Omitted {
                    String::new()
                } else {
                    value.to_string()
                }
            };
            Some(Answer::Person(PersonAnswer {
                full_name: p.full_name.clone(),
                birth_date: keep(o.birth_date, &p.birth_date),
                sex: if o.sex == Presence::Omitted {
                    None
                } else {
                    p.sex
                },
                id_number: keep(o.id_number, &p.id_number),
            }))
        }
        (Answer::Address(a), FieldKind::Address(o)) => {
            let mut a = a.clone();
            if o.street == Presence::Omitted {
                a.street.clear();
            }
            Some(Answer::Address(a))
        }
        (Answer::Person(_) | Answer::Address(_), _) => None,
        (a, k) if super::draft::fits(k, a) => Some(a.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::condition::{Condition, Scalar};
    use super::super::examples::field;
    use super::super::schema::{ChoiceOption, ChoiceOptions, CopyFrom, Form, PersonOptions, Step};
    use super::*;
    use crate::text::Text;
    use crate::validators::Sex;

    fn t(s: &str) -> Text {
        Text::new(s, s)
    }

    fn form() -> IndexedForm {
        let relationship = field(
            "relationship",
            t("relationship"),
            FieldKind::Choice(ChoiceOptions {
                options: ["mother", "father"]
                    .iter()
                    .map(|v| ChoiceOption {
                        value: (*v).into(),
                        label: t(v),
                        hint: None,
                    })
                    .collect(),
            }),
        );
        let mut mother = field(
            "mother",
            t("mother"),
            FieldKind::Person(PersonOptions {
                sex: Presence::Omitted,
                ..PersonOptions::default()
            }),
        );
        mother.copy = Some(CopyFrom {
            from: FieldId("applicant".into()),
            when: Some(Condition::Equals {
                field: FieldId("relationship".into()),
                value: Scalar::Text("mother".into()),
            }),
        });
        let step = |id: &str, fields| Step {
            id: id.into(),
            title: t(id),
            intro: None,
            shown_if: None,
            fields,
        };
        IndexedForm::new(Form {
            steps: vec![
                step(
                    "applicant",
                    vec![
                        field(
                            "applicant",
                            t("applicant"),
                            FieldKind::Person(PersonOptions::default()),
                        ),
                        relationship,
                    ],
                ),
                step("mother", vec![mother]),
            ],
            fees: vec![],
            subject: None,
            place: None,
        })
    }

    fn applicant() -> Answer {
        Answer::Person(PersonAnswer {
            full_name: "Trần Thị Bình".into(),
            birth_date: "02/11/1992".into(),
            sex: Some(Sex::Female),
            id_number: "079192004321".into(),
        })
    }

    #[test]
    fn the_mothers_details_are_the_applicants_when_she_is_the_mother() {
        let f = form();
        assert!(
            crate::form::lint::lint(&f).is_empty(),
            "{:?}",
            crate::form::lint::lint(&f)
        );
        let mut a = Answers::new();
        a.set("applicant", applicant());
        a.set("relationship", Answer::Choice("mother".into()));
        let copies = f.copies_for_step(&a, "mother");
        assert_eq!(
            copies,
            vec![(
                FieldId("mother".into()),
                Answer::Person(PersonAnswer {
                    full_name: "Trần Thị Bình".into(),
                    birth_date: "02/11/1992".into(),
                    sex: None,
                    id_number: "079192004321".into(),
                })
            )],
            "the sex the question omits is left out"
        );
        // Not the mother: nothing copied. Already answered: never overwritten.
        a.set("relationship", Answer::Choice("father".into()));
        assert!(f.copies_for_step(&a, "mother").is_empty());
        a.set("relationship", Answer::Choice("mother".into()));
        a.set(
            "mother",
            Answer::Person(PersonAnswer {
                full_name: "Khác".into(),
                ..PersonAnswer::default()
            }),
        );
        assert!(f.copies_for_step(&a, "mother").is_empty());
    }

    #[test]
    fn the_lint_wants_an_earlier_question_of_the_same_type() {
        let mut form = form().into_form();
        form.steps[1].fields[0].copy.as_mut().unwrap().from = FieldId("relationship".into());
        let codes: Vec<_> = crate::form::lint::lint(&IndexedForm::new(form.clone()))
            .iter()
            .map(|p| p.code)
            .collect();
        assert_eq!(codes, ["copy-mismatch"]);
        form.steps[1].fields[0].copy.as_mut().unwrap().from = FieldId("nobody".into());
        let codes: Vec<_> = crate::form::lint::lint(&IndexedForm::new(form.clone()))
            .iter()
            .map(|p| p.code)
            .collect();
        assert_eq!(codes, ["unknown-field"]);
        // From a later step: the applicant's block moved after the mother's.
        form.steps.swap(0, 1);
        form.steps[0].fields[0].copy.as_mut().unwrap().from = FieldId("applicant".into());
        let codes: Vec<_> = crate::form::lint::lint(&IndexedForm::new(form))
            .iter()
            .map(|p| p.code)
            .collect();
        assert!(codes.contains(&"copy-order"), "{codes:?}");
    }
}
