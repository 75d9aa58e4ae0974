//! What a person needs before starting a form (GOV.UK's start page): roughly how long it
//! takes, and which documents to have scanned or photographed, from the form itself, so
//! the service page never says something the form does not ask.

use serde::{Deserialize, Serialize};

use super::schema::{Field, FieldKind, Form};
use crate::text::Text;

/// Seconds a question takes to answer, on average, on a phone.
const SECONDS_PER_QUESTION: u32 = 20;
/// Seconds an upload takes: finding the file or taking the photo, and sending it.
const SECONDS_PER_UPLOAD: u32 = 90;

/// A document the form asks to upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upload {
    pub label: Text,
    /// Asked of everyone and required (otherwise only in some cases, or optional).
    pub always: bool,
}

/// What the service page says before Start (sent with the service's overview).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preparation {
    /// Questions on the longest path (every question counted once; a repeating group's
    /// questions once per item, as for one item).
    pub questions: usize,
    pub uploads: Vec<Upload>,
    /// About how many minutes filling it in takes, at least 1.
    pub minutes: u32,
}

impl Form {
    pub fn preparation(&self) -> Preparation {
        let mut questions = 0usize;
        let mut uploads = Vec::new();
        for step in &self.steps {
            for field in &step.fields {
                let conditional = step.shown_if.is_some() || field.shown_if.is_some();
                match &field.kind {
                    FieldKind::Group(g) => {
                        for member in &g.fields {
                            count(member, false, &mut questions, &mut uploads);
                        }
                    }
                    _ => count(field, !conditional, &mut questions, &mut uploads),
                }
            }
        }
        let seconds =
            questions as u32 * SECONDS_PER_QUESTION + uploads.len() as u32 * SECONDS_PER_UPLOAD;
        Preparation {
            questions,
            uploads,
            minutes: seconds.div_ceil(60).max(1),
        }
    }
}

fn count(field: &Field, asked_of_all: bool, questions: &mut usize, uploads: &mut Vec<Upload>) {
    match &field.kind {
        // Ticking the declaration is not a question to prepare for.
        FieldKind::Declaration => {}
        FieldKind::Attachment(_) => {
            *questions += 1;
            uploads.push(Upload {
                label: field.label.clone(),
                always: asked_of_all && field.required && field.shown_if.is_none(),
            });
        }
        _ => *questions += 1,
    }
}

#[cfg(test)]
mod tests {
    use super::super::examples::field;
    use super::super::schema::{AttachmentOptions, GroupOptions, Step, TextOptions};
    use super::*;
    use crate::form::condition::Condition;

    fn t(s: &str) -> Text {
        Text::new(s, s)
    }

    #[test]
    fn time_and_documents_come_from_the_form() {
        let text = |id: &str| field(id, t(id), FieldKind::Text(TextOptions::default()));
        let file = |id: &str| {
            field(
                id,
                t(id),
                FieldKind::Attachment(AttachmentOptions::default()),
            )
        };
        let mut optional = file("photo");
        optional.required = false;
        let mut later = file("proof");
        later.shown_if = Some(Condition::Answered {
            field: crate::form::FieldId("a".into()),
            answered: true,
        });
        let group = field(
            "members",
            t("members"),
            FieldKind::Group(GroupOptions {
                item_label: t("member"),
                min: 1,
                max: 5,
                fields: vec![text("name"), file("id_copy")],
            }),
        );
        let form = Form {
            steps: vec![Step {
                id: "s".into(),
                title: t("s"),
                intro: None,
                shown_if: None,
                fields: vec![
                    text("a"),
                    file("birth_notice"),
                    optional,
                    later,
                    group,
                    field("declaration", t("d"), FieldKind::Declaration),
                ],
            }],
            fees: vec![],
            subject: None,
            place: None,
        };
        let p = form.preparation();
        assert_eq!(
            p.questions, 6,
            "a, 3 files, name and id_copy; not the declaration"
        );
        let always: Vec<(&str, bool)> = p
            .uploads
            .iter()
            .map(|u| (u.label.vi.as_str(), u.always))
            .collect();
        assert_eq!(
            always,
            [
                ("birth_notice", true),
                ("photo", false),
                ("proof", false),
                ("id_copy", false)
            ]
        );
        // 6 questions x 20 s + 4 uploads x 90 s = 480 s.
        assert_eq!(p.minutes, 8);
        let empty = Form {
            steps: vec![],
            fees: vec![],
            subject: None,
            place: None,
        };
        assert_eq!(empty.preparation().minutes, 1);
    }
}
