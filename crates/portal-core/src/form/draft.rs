//! Drafts: answers saved as the citizen goes, tied to the catalogue version and form
//! fingerprint they were started on. When the published form has changed, [`migrate`]
//! carries over every answer that still fits and reports the rest, so nothing is
//! silently lost and nothing stale is silently submitted.

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
        }
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
