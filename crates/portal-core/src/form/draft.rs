//! Drafts: answers saved as the citizen goes, tied to the catalogue version and form
//! fingerprint they were started on. When the published form has changed, [`migrate`]
//! carries over every answer that still fits and reports the rest, so nothing is
//! silently lost and nothing stale is silently submitted.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::catalogue::ServiceId;
use crate::form::answers::{Answer, Answers};
use crate::form::context::ValidationContext;
use crate::form::error::{FieldError, ValidationError};
use crate::form::fingerprint::fingerprint;
use crate::form::index::IndexedForm;
use crate::form::path::FieldPath;
use crate::form::schema::{Field, FieldKind};

/// A saved, unfinished application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub service: ServiceId,
    /// The catalogue version the form was read from.
    pub catalogue_version: String,
    /// [`fingerprint`] of that form.
    pub form_fingerprint: String,
    pub answers: Answers,
    /// Steps the citizen has continued from, in order (for the task list and for
    /// knowing which new questions they have not seen).
    #[serde(default)]
    pub completed_steps: Vec<String>,
    /// When it was saved, Unix milliseconds (the caller's clock).
    pub saved_at: i64,
    /// When each top-level question was last changed, Unix milliseconds: what [`merge`]
    /// compares when the same application was edited on two devices. A question listed
    /// here without an answer was cleared at that time. Drafts saved before this was
    /// kept count every answer as changed at `saved_at`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub changed_at: BTreeMap<String, i64>,
}

impl Draft {
    pub fn new(
        service: ServiceId,
        catalogue_version: impl Into<String>,
        form: &IndexedForm,
        saved_at: i64,
    ) -> Draft {
        Draft {
            service,
            catalogue_version: catalogue_version.into(),
            form_fingerprint: fingerprint(form.form()),
            answers: Answers::new(),
            completed_steps: Vec::new(),
            saved_at,
            changed_at: BTreeMap::new(),
        }
    }

    /// When the question `id` was last changed here (its answer set or cleared).
    pub fn changed(&self, id: &str) -> Option<i64> {
        self.changed_at
            .get(id)
            .copied()
            .or_else(|| self.answers.get(id).map(|_| self.saved_at))
    }

    /// Whether the draft was started on this very form (labels aside).
    pub fn fits(&self, form: &IndexedForm) -> bool {
        self.form_fingerprint == fingerprint(form.form())
    }

    /// Records that the citizen continued from `step`.
    pub fn complete_step(&mut self, step: &str) {
        if !self.completed_steps.iter().any(|s| s == step) {
            self.completed_steps.push(step.to_string());
        }
    }
}

/// Most questions a draft may record change times for: more than any form asks.
pub const MAX_CHANGE_TIMES: usize = 5_000;

/// Brings together two copies of the same application edited apart (on two devices, or
/// on a device and the server): per question, the answer changed last wins, a question
/// cleared last stays cleared, and a tie keeps `mine`. Steps completed on either count as
/// completed. The result keeps the form and catalogue version of the copy saved last, so
/// the caller migrates it onto the published form as it does any draft.
///
/// Returns the merged draft and the questions whose answer now comes from `theirs` and
/// differs from `mine`, so the person can be told what changed under them.
pub fn merge(mine: &Draft, theirs: &Draft) -> (Draft, Vec<String>) {
    let newer = if theirs.saved_at > mine.saved_at {
        theirs
    } else {
        mine
    };
    let mut out = Draft {
        service: mine.service.clone(),
        catalogue_version: newer.catalogue_version.clone(),
        form_fingerprint: newer.form_fingerprint.clone(),
        answers: Answers::new(),
        completed_steps: newer.completed_steps.clone(),
        saved_at: mine.saved_at.max(theirs.saved_at),
        changed_at: BTreeMap::new(),
    };
    for step in mine.completed_steps.iter().chain(&theirs.completed_steps) {
        out.complete_step(step);
    }
    let questions: BTreeSet<&String> = [mine, theirs]
        .iter()
        .flat_map(|d| d.answers.iter().map(|(k, _)| k).chain(d.changed_at.keys()))
        .collect();
    let mut taken = Vec::new();
    for id in questions {
        let (a, b) = (mine.changed(id), theirs.changed(id));
        let from_theirs = b.is_some() && (a.is_none() || b > a);
        let winner = if from_theirs { theirs } else { mine };
        if let Some(answer) = winner.answers.get(id) {
            out.answers.set(id.clone(), answer.clone());
        }
        if let Some(t) = winner.changed(id) {
            out.changed_at.insert(id.clone(), t);
        }
        if from_theirs && mine.answers.get(id) != theirs.answers.get(id) {
            taken.push(id.clone());
        }
    }
    (out, taken)
}

/// Why an answer could not be carried over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DropReason {
    /// The question is no longer asked.
    Removed,
    /// The question now takes a different kind of answer.
    TypeChanged,
    /// The option chosen is no longer offered.
    OptionRemoved,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DroppedAnswer {
    pub path: FieldPath,
    pub reason: DropReason,
    /// The answer as it was, so the page can show what was removed.
    pub previous: Answer,
}

/// What a migration did, for a "this form has changed" notice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationReport {
    /// The questions changed since the draft was saved (labels aside).
    pub form_changed: bool,
    /// Top-level questions whose answers were carried over.
    pub kept: Vec<String>,
    pub dropped: Vec<DroppedAnswer>,
    /// Required questions on steps already completed that now have no answer: new
    /// questions, or ones whose answer was dropped. The citizen must go back to them.
    pub newly_required: Vec<FieldPath>,
    /// Answers carried over that the changed rules no longer accept.
    pub now_invalid: Vec<ValidationError>,
}

impl MigrationReport {
    /// Whether the citizen must be told and sent back to some step.
    pub fn needs_attention(&self) -> bool {
        !self.dropped.is_empty() || !self.newly_required.is_empty() || !self.now_invalid.is_empty()
    }
}

/// Moves a draft onto the published form and catalogue version.
pub fn migrate(
    draft: &Draft,
    form: &IndexedForm,
    catalogue_version: &str,
    ctx: &ValidationContext,
) -> (Draft, MigrationReport) {
    let mut next = draft.clone();
    next.catalogue_version = catalogue_version.to_string();
    let mut report = MigrationReport::default();
    if draft.fits(form) {
        report.kept = draft.answers.iter().map(|(k, _)| k.clone()).collect();
        return (next, report);
    }
    report.form_changed = true;
    next.form_fingerprint = fingerprint(form.form());
    next.answers = Answers::new();
    for (id, answer) in draft.answers.iter() {
        let top = form.field(id).filter(|_| form.group_of(id).is_none());
        let path = FieldPath::field(id.as_str());
        let Some(field) = top else {
            report
                .dropped
                .push(dropped(path, DropReason::Removed, answer));
            continue;
        };
        match carry(form, field, answer, &path, &mut report) {
            Some(kept) => {
                next.answers.set(id.clone(), kept);
                report.kept.push(id.clone());
            }
            None => continue,
        }
    }
    next.completed_steps
        .retain(|s| form.step_index(s).is_some());
    for step in &next.completed_steps {
        for e in form.validate_step(&next.answers, step, ctx) {
            let unanswered = !has_answer(&next.answers, &e.path);
            match e.error {
                FieldError::Required { .. } | FieldError::TooFewItems { .. } if unanswered => {
                    let question = FieldPath {
                        part: None,
                        ..e.path
                    };
                    if !report.newly_required.contains(&question) {
                        report.newly_required.push(question);
                    }
                }
                _ => report.now_invalid.push(e),
            }
        }
    }
    (next, report)
}

fn dropped(path: FieldPath, reason: DropReason, answer: &Answer) -> DroppedAnswer {
    DroppedAnswer {
        path,
        reason,
        previous: answer.clone(),
    }
}

/// Whether the question at the path (a whole block, when the path names a part) holds
/// an answered value.
fn has_answer(answers: &Answers, path: &FieldPath) -> bool {
    let top = answers.get(&path.field);
    let leaf = match (&path.item, top) {
        (None, a) => a,
        (Some((i, child)), Some(Answer::Group(items))) => {
            items.get(*i).and_then(|item| item.get(child))
        }
        _ => None,
    };
    leaf.is_some_and(Answer::is_answered)
}

/// Whether an answer has the shape a question takes.
pub(crate) fn fits(kind: &FieldKind, answer: &Answer) -> bool {
    match answer {
        Answer::Text(_) => kind.is_typed(),
        Answer::Choice(_) => matches!(kind, FieldKind::Choice(_)),
        Answer::Choices(_) => matches!(kind, FieldKind::MultipleChoice(_)),
        Answer::YesNo(_) => matches!(kind, FieldKind::YesNo | FieldKind::Declaration),
        Answer::Address(_) => matches!(kind, FieldKind::Address(_)),
        Answer::Person(_) => matches!(kind, FieldKind::Person(_)),
        Answer::Files(_) => matches!(kind, FieldKind::Attachment(_)),
        Answer::Group(_) => matches!(kind, FieldKind::Group(_)),
    }
}

/// The answer as it can be carried onto `field`, recording what is dropped.
fn carry(
    form: &IndexedForm,
    field: &Field,
    answer: &Answer,
    path: &FieldPath,
    report: &mut MigrationReport,
) -> Option<Answer> {
    if !fits(&field.kind, answer) {
        report
            .dropped
            .push(dropped(path.clone(), DropReason::TypeChanged, answer));
        return None;
    }
    match (&field.kind, answer) {
        (FieldKind::Choice(o), Answer::Choice(v)) if !o.options.iter().any(|x| &x.value == v) => {
            report
                .dropped
                .push(dropped(path.clone(), DropReason::OptionRemoved, answer));
            None
        }
        (FieldKind::MultipleChoice(o), Answer::Choices(vs)) => {
            let still: Vec<String> = vs
                .iter()
                .filter(|v| o.options.iter().any(|x| &x.value == *v))
                .cloned()
                .collect();
            if still.len() != vs.len() {
                let gone = vs.iter().filter(|v| !still.contains(v)).cloned().collect();
                report.dropped.push(dropped(
                    path.clone(),
                    DropReason::OptionRemoved,
                    &Answer::Choices(gone),
                ));
            }
            Some(Answer::Choices(still))
        }
        (FieldKind::Group(g), Answer::Group(items)) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let mut kept = Answers::new();
                for (id, a) in item.iter() {
                    let member_path = FieldPath::item(path.field.as_str(), i, id.as_str());
                    let member = g.fields.iter().find(|m| m.id.as_str() == id);
                    let Some(member) = member.filter(|_| form.field(id).is_some()) else {
                        report
                            .dropped
                            .push(dropped(member_path, DropReason::Removed, a));
                        continue;
                    };
                    if let Some(a) = carry(form, member, a, &member_path, report) {
                        kept.set(id.clone(), a);
                    }
                }
                out.push(kept);
            }
            Some(Answer::Group(out))
        }
        _ => Some(answer.clone()),
    }
}

#[cfg(test)]
mod merge_tests {
    use super::*;

    fn draft(saved_at: i64, steps: &[&str], answers: &[(&str, &str, i64)]) -> Draft {
        let mut d = Draft {
            service: ServiceId("birth-registration".into()),
            catalogue_version: format!("v{saved_at}"),
            form_fingerprint: format!("f{saved_at}"),
            answers: Answers::new(),
            completed_steps: steps.iter().map(|s| s.to_string()).collect(),
            saved_at,
            changed_at: BTreeMap::new(),
        };
        for (id, value, at) in answers {
            if !value.is_empty() {
                d.answers.set(*id, Answer::Text(value.to_string()));
            }
            d.changed_at.insert(id.to_string(), *at);
        }
        d
    }

    fn text(d: &Draft, id: &str) -> Option<String> {
        match d.answers.get(id) {
            Some(Answer::Text(s)) => Some(s.clone()),
            None => None,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn the_answer_changed_last_wins_question_by_question() {
        let phone = draft(100, &["child"], &[("name", "An", 10), ("place", "Huế", 90)]);
        let laptop = draft(
            80,
            &["child", "mother"],
            &[("name", "Bình", 50), ("place", "Hà Nội", 20)],
        );
        let (merged, taken) = merge(&phone, &laptop);
        assert_eq!(text(&merged, "name").as_deref(), Some("Bình"));
        assert_eq!(text(&merged, "place").as_deref(), Some("Huế"));
        assert_eq!(taken, vec!["name".to_string()]);
        assert_eq!(merged.completed_steps, vec!["child", "mother"]);
        assert_eq!(merged.saved_at, 100);
        // The form of the copy saved last, for migration.
        assert_eq!(merged.form_fingerprint, "f100");
        assert_eq!(merged.changed_at["name"], 50);
        // The other way round gives the same answers, and names what came across.
        let (back, taken) = merge(&laptop, &phone);
        assert_eq!(back.answers, merged.answers);
        assert_eq!(taken, vec!["place".to_string()]);
    }

    #[test]
    fn a_question_cleared_last_stays_cleared() {
        let a = draft(100, &[], &[("phone", "", 70)]);
        let b = draft(60, &[], &[("phone", "0912345678", 40)]);
        let (merged, taken) = merge(&a, &b);
        assert_eq!(text(&merged, "phone"), None);
        assert!(taken.is_empty());
        let (merged, taken) = merge(&b, &a);
        assert_eq!(text(&merged, "phone"), None);
        assert_eq!(
            taken,
            vec!["phone".to_string()],
            "the person is told the answer went"
        );
    }

    #[test]
    fn a_tie_keeps_mine_and_the_same_answer_is_not_reported() {
        let a = draft(10, &[], &[("x", "1", 5), ("y", "same", 3)]);
        let b = draft(10, &[], &[("x", "2", 5), ("y", "same", 9)]);
        let (merged, taken) = merge(&a, &b);
        assert_eq!(text(&merged, "x").as_deref(), Some("1"));
        assert!(taken.is_empty(), "{taken:?}");
    }

    #[test]
    fn drafts_saved_before_change_times_count_their_saving_time() {
        let mut old = draft(500, &[], &[]);
        old.answers.set("name", Answer::Text("Old".into()));
        let new = draft(400, &[], &[("name", "New", 450), ("email", "a@b.vn", 450)]);
        let (merged, taken) = merge(&new, &old);
        assert_eq!(text(&merged, "name").as_deref(), Some("Old"));
        assert_eq!(text(&merged, "email").as_deref(), Some("a@b.vn"));
        assert_eq!(taken, vec!["name".to_string()]);
        // And a draft without change times still reads.
        let json = serde_json::to_string(&old).unwrap();
        assert!(!json.contains("changed_at"));
        let back: Draft = serde_json::from_str(&json).unwrap();
        assert_eq!(back, old);
    }
}
