//! Reachability: whether a step can ever be shown, and whether the fee lines cover every
//! case, found by playing the form's own visibility and fee rules over every combination
//! of the answers that matter. Only questions with a few possible answers (choices,
//! yes/no, declarations) are enumerated; when a rule reads anything else the answer is
//! "unknown" and no problem is reported, so these checks never raise a false alarm.

use std::collections::BTreeSet;

use crate::form::answers::{Answer, Answers};
use crate::form::condition::Condition;
use crate::form::index::IndexedForm;
use crate::form::schema::FieldKind;

/// Most answer combinations tried before giving up (the result is then unknown).
pub const MAX_COMBINATIONS: usize = 4096;

/// The possible answers of a question, `None` meaning unanswered.
fn domain(kind: &FieldKind) -> Option<Vec<Option<Answer>>> {
    let mut out = vec![None];
    match kind {
        FieldKind::Choice(o) => out.extend(
            o.options
                .iter()
                .map(|x| Some(Answer::Choice(x.value.clone()))),
        ),
        FieldKind::YesNo | FieldKind::Declaration => {
            out.push(Some(Answer::YesNo(true)));
            out.push(Some(Answer::YesNo(false)));
        }
        FieldKind::MultipleChoice(o) if o.options.len() <= 6 => {
            for mask in 1u32..(1 << o.options.len()) {
                let picked = o
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, x)| x.value.clone())
                    .collect();
                out.push(Some(Answer::Choices(picked)));
            }
        }
        _ => return None,
    }
    Some(out)
}

/// The fields the conditions read, plus every field their visibility depends on.
fn closure<'a>(form: &'a IndexedForm, conditions: &[&'a Condition]) -> Option<Vec<String>> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<String> = conditions
        .iter()
        .flat_map(|c| c.fields())
        .map(|f| f.0.clone())
        .collect();
    while let Some(id) = todo.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        // Unknown fields and group members are reported by the linter; stay silent here.
        if form.group_of(&id).is_some() {
            return None;
        }
        let field = form.field(&id)?;
        if let Some(c) = &field.shown_if {
            todo.extend(c.fields().into_iter().map(|f| f.0.clone()));
        }
        if let Some(c) = form
            .step_of(&id)
            .and_then(|s| form.step(s))
            .and_then(|s| s.shown_if.as_ref())
        {
            todo.extend(c.fields().into_iter().map(|f| f.0.clone()));
        }
    }
    Some(seen.into_iter().collect())
}

/// Calls `visit` with every combination of answers to the fields the conditions
/// depend on, until it returns `true`. `None` when the combinations cannot be listed.
fn search(
    form: &IndexedForm,
    conditions: &[&Condition],
    mut visit: impl FnMut(&Answers) -> bool,
) -> Option<bool> {
    let ids = closure(form, conditions)?;
    let mut domains = Vec::with_capacity(ids.len());
    let mut total: usize = 1;
    for id in &ids {
        let d = domain(&form.field(id)?.kind)?;
        total = total
            .checked_mul(d.len())
            .filter(|t| *t <= MAX_COMBINATIONS)?;
        domains.push(d);
    }
    let mut counter = vec![0usize; ids.len()];
    for _ in 0..total {
        let mut answers = Answers::new();
        for ((id, d), i) in ids.iter().zip(&domains).zip(&counter) {
            if let Some(a) = &d[*i] {
                answers.set(id.clone(), a.clone());
            }
        }
        if visit(&answers) {
            return Some(true);
        }
        for (c, d) in counter.iter_mut().zip(&domains) {
            *c += 1;
            if *c < d.len() {
                break;
            }
            *c = 0;
        }
    }
    Some(false)
}

/// Whether the step can ever be shown: `Some(false)` when no combination of answers
/// shows it, `None` when that cannot be decided by enumeration.
pub fn step_reachable(form: &IndexedForm, step_id: &str) -> Option<bool> {
    let step = form.step(step_id)?;
    let Some(c) = &step.shown_if else {
        return Some(true);
    };
    search(form, &[c], |a| form.is_step_visible(a, step_id))
}

/// A combination of answers for which no fee line applies although the form has fee
/// lines that all depend on conditions: the citizen would be quoted nothing. `None`
/// when every case is covered or when that cannot be decided.
pub fn uncovered_fee_case(form: &IndexedForm) -> Option<Answers> {
    let fees = &form.form().fees;
    if fees.is_empty() || fees.iter().any(|f| f.applies_if.is_none()) {
        return None;
    }
    let conditions: Vec<&Condition> = fees.iter().filter_map(|f| f.applies_if.as_ref()).collect();
    let inputs = closure(form, &conditions)?;
    let mut gap = None;
    search(form, &conditions, |answers| {
        // A case where a shown, required question is left blank can never be submitted,
        // so it needs no fee line.
        let unsubmittable = inputs.iter().any(|id| {
            answers.get(id).is_none()
                && form.field(id).is_some_and(|f| f.required)
                && form.is_visible(answers, &crate::form::path::FieldPath::field(id.as_str()))
        });
        if unsubmittable {
            return false;
        }
        let mut scope = crate::form::visibility::Scope::new(form, answers);
        let covered = conditions.iter().any(|c| scope.eval(c, usize::MAX));
        if !covered {
            gap = Some(answers.clone());
        }
        !covered
    })?;
    gap
}

/// Whether a top-level question can ever be shown, as [`step_reachable`].
pub fn field_reachable(form: &IndexedForm, field_id: &str) -> Option<bool> {
    if form.group_of(field_id).is_some() {
        return None;
    }
    let field = form.field(field_id)?;
    let Some(c) = &field.shown_if else {
        return Some(true);
    };
    let path = crate::form::path::FieldPath::field(field_id);
    search(form, &[c], |a| form.is_visible(a, &path))
}
