//! A form with its lookup tables, built once when the form is loaded. Every per-keystroke
//! operation (is this field shown? validate this field) starts from a map lookup and
//! follows only the conditions involved, never a scan of the whole form.

use crate::form::schema::{Field, FieldId, FieldKind, Form, Step};
use crate::sorted::{self, entry, Table};

/// Where a field sits. `pos` is its place in the form's reading order (group members
/// right after their group), which conditions must respect: they only look back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Loc {
    pub step: usize,
    pub index: usize,
    /// The member's index inside its group, for group members.
    pub child: Option<usize>,
    pub pos: usize,
}

impl Loc {
    /// Whether `self` is a member of the group at `group`.
    pub fn is_member_of(&self, group: &Loc) -> bool {
        self.child.is_some() && self.step == group.step && self.index == group.index
    }
}

/// A form ready for the engine. Cheap to query; build it once per form.
///
/// Its tables are lists sorted by id ([`crate::sorted`]), not `BTreeMap`s: as fast for a
/// form's few hundred ids, and much less code in the browser's bundle.
#[derive(Debug, Clone)]
pub struct IndexedForm {
    form: Form,
    locs: Table<Loc>,
    steps: Table<usize>,
    /// Reading position of each step's first field (or of the next field, if empty).
    step_start: Vec<usize>,
    /// Field id → fields whose visibility reads it directly (a step condition counts
    /// for every field of the step), in id order.
    dependents: Table<Vec<FieldId>>,
}

impl IndexedForm {
    pub fn new(form: Form) -> IndexedForm {
        let mut locs = Table::new();
        let mut steps = Table::new();
        let mut step_start = Vec::with_capacity(form.steps.len());
        let mut pos = 0;
        for (s, step) in form.steps.iter().enumerate() {
            entry(&mut steps, &step.id, || s);
            step_start.push(pos);
            for (i, field) in step.fields.iter().enumerate() {
                let loc = Loc {
                    step: s,
                    index: i,
                    child: None,
                    pos,
                };
                // The first of duplicate ids wins; the catalogue check reports the rest.
                entry(&mut locs, &field.id.0, || loc);
                pos += 1;
                if let FieldKind::Group(g) = &field.kind {
                    for (c, child) in g.fields.iter().enumerate() {
                        entry(&mut locs, &child.id.0, || Loc {
                            child: Some(c),
                            pos,
                            ..loc
                        });
                        pos += 1;
                    }
                }
            }
        }
        let mut dependents: Table<Vec<FieldId>> = Table::new();
        for step in &form.steps {
            let step_reads: Vec<&FieldId> = step
                .shown_if
                .as_ref()
                .map(|c| c.fields())
                .unwrap_or_default();
            for field in &step.fields {
                let mut members: Vec<&Field> = vec![field];
                if let FieldKind::Group(g) = &field.kind {
                    members.extend(g.fields.iter());
                }
                for f in members {
                    let own = f.shown_if.as_ref().map(|c| c.fields()).unwrap_or_default();
                    for read in step_reads.iter().chain(own.iter()) {
                        sorted::insert(entry(&mut dependents, &read.0, Vec::new), f.id.clone());
                    }
                }
            }
        }
        IndexedForm {
            form,
            locs,
            steps,
            step_start,
            dependents,
        }
    }

    pub fn form(&self) -> &Form {
        &self.form
    }

    /// Gives the form back, e.g. to serialise it.
    pub fn into_form(self) -> Form {
        self.form
    }

    /// The field with this id (group members included).
    pub fn field(&self, id: &str) -> Option<&Field> {
        sorted::get(&self.locs, id).map(|l| self.field_at(*l))
    }

    /// The index of the step with this id.
    pub fn step_index(&self, id: &str) -> Option<usize> {
        sorted::get(&self.steps, id).copied()
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.step_index(id).map(|i| &self.form.steps[i])
    }

    /// The id of the step a field (or its group) is on.
    pub fn step_of(&self, field: &str) -> Option<&str> {
        sorted::get(&self.locs, field).map(|l| self.form.steps[l.step].id.as_str())
    }

    /// The group a member belongs to, for group members.
    pub fn group_of(&self, field: &str) -> Option<&Field> {
        let loc = sorted::get(&self.locs, field)?;
        loc.child?;
        Some(&self.form.steps[loc.step].fields[loc.index])
    }

    /// Fields whose visibility depends directly on `field`'s answer.
    pub fn dependents(&self, field: &str) -> &[FieldId] {
        sorted::get(&self.dependents, field).map_or(&[], Vec::as_slice)
    }

    /// Every field whose visibility may change when `field`'s answer changes: its
    /// dependents, theirs, and so on. What a renderer re-evaluates after an edit.
    pub fn affected_by(&self, field: &str) -> Vec<&FieldId> {
        let mut seen: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        let mut queue: Vec<&str> = vec![field];
        while let Some(f) = queue.pop() {
            for d in self.dependents(f) {
                if sorted::insert(&mut seen, d.as_str()) {
                    out.push(d);
                    queue.push(d.as_str());
                }
            }
        }
        out
    }

    /// Whether any question asks for a file (group members included), so that the form's
    /// pages fetch the upload control's code ahead of the step that needs it.
    pub fn asks_for_files(&self) -> bool {
        self.locs
            .iter()
            .any(|(_, l)| matches!(self.field_at(*l).kind, FieldKind::Attachment(_)))
    }

    /// Whether any question is a repeating group, so that the form's pages fetch the
    /// group's code ahead of the step that needs it.
    pub fn has_groups(&self) -> bool {
        self.locs
            .iter()
            .any(|(_, l)| matches!(self.field_at(*l).kind, FieldKind::Group(_)))
    }

    /// The number of fields, group members included.
    pub fn len(&self) -> usize {
        self.locs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.locs.is_empty()
    }

    pub(crate) fn loc(&self, id: &str) -> Option<Loc> {
        sorted::get(&self.locs, id).copied()
    }

    pub(crate) fn field_at(&self, loc: Loc) -> &Field {
        let field = &self.form.steps[loc.step].fields[loc.index];
        match (loc.child, &field.kind) {
            (Some(c), FieldKind::Group(g)) => &g.fields[c],
            _ => field,
        }
    }

    pub(crate) fn step_start(&self, step: usize) -> usize {
        self.step_start.get(step).copied().unwrap_or(usize::MAX)
    }
}

impl From<Form> for IndexedForm {
    fn from(form: Form) -> Self {
        IndexedForm::new(form)
    }
}
