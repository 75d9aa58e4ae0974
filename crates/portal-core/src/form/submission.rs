//! What a submission carries besides the answers, derived from them the same way in the
//! browser and on the server: the uploaded files it lists, and for a bundle the optional
//! linked procedures chosen. A bundle form asks "include X?" as a yes/no question named
//! `include_<procedure id with underscores>` (catalog/forms/README.md).

use crate::catalogue::{ServiceId, ServiceKind};
use crate::form::answers::{Answer, Answers};

/// Ids of every uploaded file the answers name (group items included), in order.
pub fn attachment_ids(answers: &Answers) -> Vec<String> {
    fn walk(a: &Answers, out: &mut Vec<String>) {
        for (_, answer) in a.iter() {
            match answer {
                Answer::Files(files) => out.extend(files.iter().map(|f| f.id.clone())),
                Answer::Group(items) => items.iter().for_each(|i| walk(i, out)),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(answers, &mut out);
    out.dedup();
    out
}

/// The yes/no question that chooses an optional linked procedure.
pub fn include_question(procedure: &ServiceId) -> String {
    format!("include_{}", procedure.0.replace('-', "_"))
}

/// For a bundle: the optional procedures the answers choose (required ones are implied).
/// `None` for a single procedure.
pub fn chosen_procedures(kind: &ServiceKind, answers: &Answers) -> Option<Vec<ServiceId>> {
    let ServiceKind::Bundle { optional, .. } = kind else {
        return None;
    };
    Some(
        optional
            .iter()
            .filter(|o| {
                matches!(
                    answers.get(&include_question(&o.id)),
                    Some(Answer::YesNo(true))
                )
            })
            .map(|o| o.id.clone())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::OptionalProcedure;
    use crate::form::answers::FileAnswer;

    fn file(id: &str) -> FileAnswer {
        FileAnswer {
            id: id.into(),
            name: "a.pdf".into(),
            mime: "application/pdf".into(),
            bytes: 1,
        }
    }

    #[test]
    fn files_are_collected_from_questions_and_groups() {
        let item = Answers::new().with("proof", Answer::Files(vec![file("att_2")]));
        let a = Answers::new()
            .with("notice", Answer::Files(vec![file("att_1")]))
            .with("members", Answer::Group(vec![item]))
            .with("name", Answer::Text("x".into()));
        // Answers are kept in key order: "members" before "notice".
        assert_eq!(
            attachment_ids(&a),
            vec!["att_2".to_string(), "att_1".to_string()]
        );
        assert!(attachment_ids(&Answers::new()).is_empty());
    }

    #[test]
    fn bundle_choices_follow_the_include_questions() {
        let id = |s: &str| ServiceId(s.into());
        let kind = ServiceKind::Bundle {
            procedures: vec![
                id("death-registration"),
                id("funeral-allowance"),
                id("survivor-benefit"),
            ],
            optional: vec![
                OptionalProcedure {
                    id: id("funeral-allowance"),
                    requires: vec![],
                },
                OptionalProcedure {
                    id: id("survivor-benefit"),
                    requires: vec![id("funeral-allowance")],
                },
            ],
        };
        assert_eq!(
            include_question(&id("funeral-allowance")),
            "include_funeral_allowance"
        );
        let none = Answers::new().with("include_funeral_allowance", Answer::YesNo(false));
        assert_eq!(chosen_procedures(&kind, &none), Some(vec![]));
        let both = Answers::new()
            .with("include_funeral_allowance", Answer::YesNo(true))
            .with("include_survivor_benefit", Answer::YesNo(true));
        assert_eq!(
            chosen_procedures(&kind, &both),
            Some(vec![id("funeral-allowance"), id("survivor-benefit")])
        );
        assert_eq!(chosen_procedures(&ServiceKind::Procedure, &both), None);
    }
}
