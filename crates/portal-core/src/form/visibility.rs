//! Which steps and fields are shown for the answers so far, and the pruning of answers
//! to hidden questions (they are never submitted). A condition reads an earlier answer
//! only if that earlier question is itself shown, so hiding a question also "unanswers"
//! it for everything after. Each question's visibility is computed at most once per call.

use std::cmp::Ordering;

use crate::form::answers::{Answer, Answers};
use crate::form::condition::{Condition, Scalar};
use crate::form::index::{IndexedForm, Loc};
use crate::form::path::FieldPath;
use crate::form::schema::{Field, FieldId, FieldKind, Step};
use crate::validators::{parse_date, parse_number, Date, Decimal};

/// One evaluation over one set of answers, optionally inside one item of a group.
pub(crate) struct Scope<'a> {
    form: &'a IndexedForm,
    answers: &'a Answers,
    /// The day age conditions are judged on; `None` where no rule may read an age (the
    /// catalogue checks allow age conditions in fee rules only), and then none holds.
    today: Option<Date>,
    item: Option<(Loc, &'a Answers)>,
    /// What was found so far: by step, by reading position, by member's position.
    steps: Memo,
    fields: Memo,
    members: Memo,
}

/// Visibility found so far, by index (a step's, or a question's reading position): a
/// list rather than a map, as the indices are small and dense.
#[derive(Default)]
struct Memo(Vec<Option<bool>>);

impl Memo {
    fn get(&self, i: usize) -> Option<bool> {
        self.0.get(i).copied().flatten()
    }

    fn set(&mut self, i: usize, visible: bool) {
        if self.0.len() <= i {
            self.0.resize(i + 1, None);
        }
        self.0[i] = Some(visible);
    }

    fn clear(&mut self) {
        self.0.clear();
    }
}

impl<'a> Scope<'a> {
    pub fn new(form: &'a IndexedForm, answers: &'a Answers) -> Self {
        Scope {
            form,
            answers,
            today: None,
            item: None,
            steps: Memo::default(),
            fields: Memo::default(),
            members: Memo::default(),
        }
    }

    /// The same, with age conditions judged on `today`.
    pub fn on(form: &'a IndexedForm, answers: &'a Answers, today: Date) -> Self {
        Scope {
            today: Some(today),
            ..Scope::new(form, answers)
        }
    }

    /// Moves into one item of a group (top-level results stay cached).
    pub fn enter_item(&mut self, group: Loc, item: &'a Answers) {
        self.item = Some((group, item));
        self.members.clear();
    }

    pub fn step_visible(&mut self, step: usize) -> bool {
        if let Some(v) = self.steps.get(step) {
            return v;
        }
        let v = match self.form.form().steps.get(step) {
            Some(Step {
                shown_if: Some(c), ..
            }) => self.eval(c, self.form.step_start(step)),
            Some(_) => true,
            None => false,
        };
        self.steps.set(step, v);
        v
    }

    /// Visibility of a top-level field, or of a member in the current item.
    pub fn visible(&mut self, loc: Loc) -> bool {
        let memo = if loc.child.is_some() {
            &self.members
        } else {
            &self.fields
        };
        if let Some(v) = memo.get(loc.pos) {
            return v;
        }
        let v = match loc.child {
            None => {
                self.step_visible(loc.step) && self.own_condition(self.form.field_at(loc), loc.pos)
            }
            Some(_) => match self.item {
                Some((group, _)) if loc.is_member_of(&group) => {
                    self.visible(group) && self.own_condition(self.form.field_at(loc), loc.pos)
                }
                _ => false,
            },
        };
        if loc.child.is_some() {
            self.members.set(loc.pos, v);
        } else {
            self.fields.set(loc.pos, v);
        }
        v
    }

    fn own_condition(&mut self, field: &Field, pos: usize) -> bool {
        match &field.shown_if {
            Some(c) => self.eval(c, pos),
            None => true,
        }
    }

    /// The answer to `id` as seen from reading position `from`: only earlier questions
    /// that are shown count.
    fn answer_of(&mut self, id: &str, from: usize) -> Option<(&'a Field, &'a Answer)> {
        let loc = self.form.loc(id)?;
        if loc.pos >= from || !self.visible(loc) {
            return None;
        }
        let source = match loc.child {
            None => self.answers,
            Some(_) => self.item?.1,
        };
        let form: &'a IndexedForm = self.form;
        Some((form.field_at(loc), source.get(id)?))
    }

    pub fn eval(&mut self, c: &Condition, from: usize) -> bool {
        match c {
            Condition::Equals { field, value } => self
                .answer_of(field.as_str(), from)
                .is_some_and(|(f, a)| equals(&f.kind, a, value)),
            Condition::OneOf { field, values } => self
                .answer_of(field.as_str(), from)
                .is_some_and(|(f, a)| values.iter().any(|v| equals(&f.kind, a, v))),
            Condition::Answered { field, answered } => {
                let is = self
                    .answer_of(field.as_str(), from)
                    .is_some_and(|(_, a)| a.is_answered());
                is == *answered
            }
            Condition::Compare { field, op, value } => self
                .answer_of(field.as_str(), from)
                .and_then(|(f, a)| order(&f.kind, a, value))
                .is_some_and(|ord| op.holds(ord)),
            Condition::Age { field, test, years } => {
                let Some(today) = self.today else {
                    return false;
                };
                self.answer_of(field.as_str(), from)
                    .and_then(|(_, a)| birth_date(a))
                    .is_some_and(|born| {
                        born <= today && test.holds(born.years_until(today), *years)
                    })
            }
            Condition::All(cs) => cs.iter().all(|c| self.eval(c, from)),
            Condition::Any(cs) => cs.iter().any(|c| self.eval(c, from)),
            Condition::Not(c) => !self.eval(c, from),
        }
    }
}

fn number_of(s: &Scalar) -> Option<Decimal> {
    match s {
        Scalar::Int(n) => Some(Decimal::from_int(*n)),
        Scalar::Text(t) => parse_number(t).ok(),
        Scalar::Bool(_) => None,
    }
}

fn date_of(s: &Scalar) -> Option<Date> {
    match s {
        Scalar::Text(t) => Date::parse_iso(t).or_else(|| parse_date(t).ok()),
        _ => None,
    }
}

/// The date an age is counted from: a date question's answer or a person's birth date.
fn birth_date(a: &Answer) -> Option<Date> {
    match a {
        Answer::Text(s) => parse_date(s).ok(),
        Answer::Person(p) => parse_date(&p.birth_date).ok(),
        _ => None,
    }
}

fn count_of(a: &Answer) -> Option<i64> {
    let n = match a {
        Answer::Group(items) => items.len(),
        Answer::Choices(v) => v.len(),
        Answer::Files(v) => v.len(),
        _ => return None,
    };
    i64::try_from(n).ok()
}

/// `answer == value`, read according to the question's type.
fn equals(kind: &FieldKind, answer: &Answer, value: &Scalar) -> bool {
    match (answer, value) {
        (Answer::Choice(a), Scalar::Text(v)) => a == v,
        (Answer::Choices(a), Scalar::Text(v)) => a.iter().any(|x| x == v),
        (Answer::YesNo(a), Scalar::Bool(v)) => a == v,
        (Answer::Text(_), _) | (Answer::Group(_) | Answer::Choices(_), Scalar::Int(_)) => {
            order(kind, answer, value) == Some(Ordering::Equal)
        }
        _ => false,
    }
}

/// How `answer` compares with `value`, if they are comparable for the question's type.
fn order(kind: &FieldKind, answer: &Answer, value: &Scalar) -> Option<Ordering> {
    match (kind, answer) {
        (FieldKind::Number(_), Answer::Text(s)) => {
            Some(parse_number(s).ok()?.cmp(&number_of(value)?))
        }
        (FieldKind::Date(_), Answer::Text(s)) => Some(parse_date(s).ok()?.cmp(&date_of(value)?)),
        (_, Answer::Text(s)) => match value {
            Scalar::Text(v) => Some(s.trim().cmp(v.trim())),
            _ => None,
        },
        (_, a) => match value {
            Scalar::Int(n) => Some(count_of(a)?.cmp(n)),
            _ => None,
        },
    }
}

impl IndexedForm {
    /// Whether the step is shown for these answers.
    pub fn is_step_visible(&self, answers: &Answers, step_id: &str) -> bool {
        self.step_index(step_id)
            .is_some_and(|s| Scope::new(self, answers).step_visible(s))
    }

    /// The steps shown for these answers, in order: the journey the citizen takes.
    pub fn visible_steps(&self, answers: &Answers) -> Vec<&Step> {
        let mut scope = Scope::new(self, answers);
        self.form()
            .steps
            .iter()
            .enumerate()
            .filter(|(i, _)| scope.step_visible(*i))
            .map(|(_, s)| s)
            .collect()
    }

    /// Whether the question at `path` is shown (for a group member: in that item).
    /// Unknown paths and items that do not exist are not shown.
    pub fn is_visible(&self, answers: &Answers, path: &FieldPath) -> bool {
        let Some(loc) = self.loc(&path.field) else {
            return false;
        };
        if loc.child.is_some() {
            return false;
        }
        let mut scope = Scope::new(self, answers);
        match &path.item {
            None => scope.visible(loc),
            Some((index, child)) => {
                let Some(child_loc) = self.loc(child).filter(|c| c.is_member_of(&loc)) else {
                    return false;
                };
                let Some(Answer::Group(items)) = answers.get(&path.field) else {
                    return false;
                };
                let Some(item) = items.get(*index) else {
                    return false;
                };
                scope.enter_item(loc, item);
                scope.visible(child_loc)
            }
        }
    }

    /// Every shown top-level question, in reading order, computed in one pass: what a
    /// renderer needs after each edit, and what the check-answers page plays back.
    pub fn visible_field_ids(&self, answers: &Answers) -> Vec<&FieldId> {
        let mut scope = Scope::new(self, answers);
        self.form()
            .steps
            .iter()
            .flat_map(|s| s.fields.iter())
            .filter(|f| self.loc(f.id.as_str()).is_some_and(|l| scope.visible(l)))
            .map(|f| &f.id)
            .collect()
    }

    /// The questions of a step shown for these answers (none if the step is hidden).
    pub fn visible_fields(&self, answers: &Answers, step_id: &str) -> Vec<&Field> {
        let Some(s) = self.step_index(step_id) else {
            return Vec::new();
        };
        let mut scope = Scope::new(self, answers);
        self.form().steps[s]
            .fields
            .iter()
            .filter(|f| self.loc(f.id.as_str()).is_some_and(|l| scope.visible(l)))
            .collect()
    }

    /// The answers that would be submitted: answers to hidden or unknown questions, and
    /// blank answers, removed, inside group items too.
    pub fn prune(&self, answers: &Answers) -> Answers {
        let mut scope = Scope::new(self, answers);
        let mut out = Answers::new();
        for step in &self.form().steps {
            for field in &step.fields {
                let Some(loc) = self.loc(field.id.as_str()) else {
                    continue;
                };
                let Some(answer) = answers.get(field.id.as_str()) else {
                    continue;
                };
                if loc.child.is_some() || !scope.visible(loc) || !answer.is_answered() {
                    continue;
                }
                let kept = match (&field.kind, answer) {
                    (FieldKind::Group(g), Answer::Group(items)) => {
                        let mut pruned = Vec::with_capacity(items.len());
                        for item in items {
                            scope.enter_item(loc, item);
                            let mut kept_item = Answers::new();
                            for member in &g.fields {
                                let Some(a) = item.get(member.id.as_str()) else {
                                    continue;
                                };
                                let visible = self
                                    .loc(member.id.as_str())
                                    .is_some_and(|l| scope.visible(l));
                                if visible && a.is_answered() {
                                    kept_item.set(member.id.0.clone(), a.clone());
                                }
                            }
                            pruned.push(kept_item);
                        }
                        Answer::Group(pruned)
                    }
                    _ => answer.clone(),
                };
                out.set(field.id.0.clone(), kept);
            }
        }
        out
    }
}
