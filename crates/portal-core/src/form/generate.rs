//! Answers generated for every branch of a form, valid and invalid: proof that a citizen
//! can finish every journey, and that browser and server refuse the same mistakes with
//! the same question and code. Deterministic (counters, no randomness), so a failure
//! names a case that can be replayed.
//!
//! Valid cases start from one default journey and change one thing at a time: each value
//! of every question a condition reads (on a journey where that question is shown), and
//! the number of items of every repeating group. Invalid cases break one shown question
//! of a valid case and say which path and error code validation must report.

use std::collections::{BTreeMap, BTreeSet};

use crate::form::answers::{AddressAnswer, Answer, Answers, FileAnswer, PersonAnswer};
use crate::form::condition::{Condition, Scalar};
use crate::form::index::IndexedForm;
use crate::form::path::{FieldPath, Part};
use crate::form::prefill::Identity;
use crate::form::schema::{
    AttachmentOptions, DateOptions, FeeItem, Field, FieldKind, GroupOptions, MultipleChoiceOptions,
    NumberOptions, PersonOptions, Presence, TextOptions, LONG_TEXT_MAX, TEXT_MAX,
};
use crate::validators::file::{JPEG, PDF, PNG};
use crate::validators::personal_id::BIRTH_PROVINCE_CODES;
use crate::validators::tax_code::check_digit;
use crate::validators::{parse_number, Date, Sex};

/// Real places for address answers: a commune of a province, and a commune of another
/// province (for the "commune not in this province" mistake).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    pub province: String,
    pub commune: String,
    pub other_province: String,
    pub other_commune: String,
}

impl Places {
    /// Ba Đình (Hà Nội, where the sandbox citizens live) and Sài Gòn (TP Hồ Chí Minh):
    /// real communes of two provinces, for tests and the end-to-end cases.
    pub fn sandbox() -> Places {
        Places {
            province: "01".into(),
            commune: "00004".into(),
            other_province: "79".into(),
            other_commune: "26740".into(),
        }
    }
}

/// A set of answers that must be accepted, and the branch it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// E.g. `default journey`, `request_kind=lost`, `members: 3 items`.
    pub label: String,
    pub answers: Answers,
}

/// A branch the generator could not take, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub branch: String,
    pub reason: SkipReason,
}

/// Why a branch was not generated. Only [`SkipReason::Locked`] is expected of a sound
/// form; the others point at a question no citizen can answer as the form intends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// The question is prefilled from the identity and locked, so it has one value.
    Locked,
    /// The question is not shown on any generated journey.
    NeverShown,
    /// The question's own limits admit no answer (e.g. a date range that is empty).
    NoValidAnswer,
}

/// The valid cases of a form, and the branches that could not be generated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Generated {
    pub cases: Vec<Case>,
    pub skipped: Vec<Skipped>,
}

/// A set of answers that must be refused with (at least) this error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidCase {
    /// The valid case it breaks and what was broken.
    pub label: String,
    pub answers: Answers,
    pub path: FieldPath,
    /// The [`crate::form::FieldError::code`] expected at `path`.
    pub code: &'static str,
}

/// Valid answers for every branch of `form`, as a citizen with `identity` would send
/// them (locked prefilled questions take the identity's value). `today` is the date
/// validation will use.
pub fn valid_cases(
    form: &IndexedForm,
    identity: Option<&Identity>,
    places: &Places,
    today: Date,
) -> Generated {
    Gen {
        form,
        identity,
        places,
        today,
    }
    .valid()
}

/// Invalid variants of the valid cases: each shown question left blank (when required)
/// or answered wrongly in the ways its type can be, once per path and code. Address
/// mistakes assume validation checks communes against the real administrative units.
pub fn invalid_cases(
    form: &IndexedForm,
    identity: Option<&Identity>,
    places: &Places,
    today: Date,
) -> Vec<InvalidCase> {
    let g = Gen {
        form,
        identity,
        places,
        today,
    };
    let valid = g.valid();
    g.invalid(&valid.cases)
}

/// The answers with every uploaded file id replaced by `map(id)`: generated cases use
/// placeholders (`file-1`, `file-2`…) that a test swaps for the ids of real uploads.
/// The ids a case uses are [`crate::form::submission::attachment_ids`].
pub fn with_file_ids(answers: &Answers, map: impl Fn(&str) -> String) -> Answers {
    fn walk(a: &Answers, map: &dyn Fn(&str) -> String) -> Answers {
        let mut out = Answers::new();
        for (id, answer) in a.iter() {
            let replaced = match answer {
                Answer::Files(files) => Answer::Files(
                    files
                        .iter()
                        .map(|f| FileAnswer {
                            id: map(&f.id),
                            ..f.clone()
                        })
                        .collect(),
                ),
                Answer::Group(items) => Answer::Group(items.iter().map(|i| walk(i, map)).collect()),
                other => other.clone(),
            };
            out.set(id.clone(), replaced);
        }
        out
    }
    walk(answers, &map)
}

/// What a journey does differently from the default one.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pick {
    Blank,
    Give(Answer),
    Items(usize),
}

#[derive(Debug, Clone, Default)]
struct Plan {
    labels: Vec<String>,
    /// Top-level questions and group members (ids are unique in a form); a member's
    /// pick applies in every item.
    picks: BTreeMap<String, Pick>,
    /// Branches whose answers turned out identical to this plan's.
    aliases: Vec<String>,
}

impl Plan {
    fn label(&self) -> String {
        let own = if self.labels.is_empty() {
            "default journey".to_string()
        } else {
            self.labels.join(", ")
        };
        if self.aliases.is_empty() {
            own
        } else {
            format!("{own} (also {})", self.aliases.join(", "))
        }
    }
}

/// Counters that keep generated values distinct within one set of answers.
#[derive(Default)]
struct Serials {
    files: usize,
    people: usize,
    codes: usize,
}

/// How a condition tests a question, reduced to what picks its values.
enum Test {
    Is(Scalar),
    Answered,
    /// An age in years: tried as the date of birth that turns it today.
    Age(u32),
}

/// The tests `c` makes, added to `out` by the question each reads.
fn condition_tests(c: &Condition, out: &mut BTreeMap<String, Vec<Test>>) {
    let mut add = |f: &str, t: Test| out.entry(f.to_string()).or_default().push(t);
    match c {
        Condition::Equals { field, value } => add(field.as_str(), Test::Is(value.clone())),
        Condition::OneOf { field, values } => {
            for v in values {
                add(field.as_str(), Test::Is(v.clone()));
            }
        }
        Condition::Answered { field, .. } => add(field.as_str(), Test::Answered),
        Condition::Compare { field, value, .. } => add(field.as_str(), Test::Is(value.clone())),
        Condition::Age { field, years, .. } => add(field.as_str(), Test::Age(*years)),
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| condition_tests(c, out)),
        Condition::Not(c) => condition_tests(c, out),
    }
}

struct Gen<'a> {
    form: &'a IndexedForm,
    identity: Option<&'a Identity>,
    places: &'a Places,
    today: Date,
}

impl Gen<'_> {
    fn valid(&self) -> Generated {
        let mut plans: Vec<(Plan, Answers)> = Vec::new();
        let default = Plan::default();
        let answers = self.build(&default);
        plans.push((default, answers));
        let mut skipped = Vec::new();
        let tests = self.tests();
        for (_, field) in self.form.form().walk() {
            let id = field.id.as_str();
            let mut variants = match tests.get(id) {
                Some(t) => self.variants(field, t),
                None => Vec::new(),
            };
            if let FieldKind::Group(g) = &field.kind {
                variants.extend(group_counts(field, g).into_iter().map(|n| {
                    let s = if n == 1 { "" } else { "s" };
                    (format!("{id}: {n} item{s}"), Pick::Items(n))
                }));
            }
            if variants.is_empty() {
                continue;
            }
            if self.locked(field).is_some() {
                for (label, _) in variants {
                    skipped.push(Skipped {
                        branch: label,
                        reason: SkipReason::Locked,
                    });
                }
                continue;
            }
            let Some(base) = plans.iter().position(|(_, a)| self.shown(a, id)) else {
                for (label, _) in variants {
                    skipped.push(Skipped {
                        branch: label,
                        reason: SkipReason::NeverShown,
                    });
                }
                continue;
            };
            self.add_variants(&mut plans, base, id, variants);
        }
        // A fee line's exemptions are tried where the line is charged: the questions they
        // read are varied again on the first case that charges the line (a line charged
        // only on a branch would otherwise meet those questions' defaults only).
        for fee in &self.form.form().fees {
            if fee.applies_if.is_none() || fee.exemptions.is_empty() {
                continue;
            }
            let charged = |a: &Answers| {
                self.form
                    .quote(a, self.today)
                    .lines
                    .iter()
                    .any(|l| l.id == fee.id)
            };
            let Some(base) = plans.iter().position(|(_, a)| charged(a)) else {
                continue;
            };
            let mut tests = BTreeMap::new();
            for e in &fee.exemptions {
                condition_tests(&e.when, &mut tests);
            }
            for (id, tests) in &tests {
                let Some((_, field)) = self.form.form().walk().find(|(_, f)| f.id.as_str() == id)
                else {
                    continue;
                };
                if self.locked(field).is_some() || !self.shown(&plans[base].1, id) {
                    continue;
                }
                let variants = self
                    .variants(field, tests)
                    .into_iter()
                    .map(|(label, pick)| (format!("{label} where {} is charged", fee.id), pick))
                    .collect();
                self.add_variants(&mut plans, base, id, variants);
            }
            self.add_unwaived(&mut plans, base, fee, &tests);
        }
        for (_, field) in self.form.form().walk() {
            if self
                .default_answer(field, &mut Serials::default())
                .is_none()
                && self.locked(field).is_none()
                && !matches!(field.kind, FieldKind::Group(_))
            {
                skipped.push(Skipped {
                    branch: field.id.0.clone(),
                    reason: SkipReason::NoValidAnswer,
                });
            }
        }
        Generated {
            cases: plans
                .into_iter()
                .map(|(p, answers)| Case {
                    label: p.label(),
                    answers,
                })
                .collect(),
            skipped,
        }
    }

    /// Each variant as a new case built on `plans[base]`; one giving the same answers as
    /// a case already made is recorded as a branch that case takes too.
    fn add_variants(
        &self,
        plans: &mut Vec<(Plan, Answers)>,
        base: usize,
        id: &str,
        variants: Vec<(String, Pick)>,
    ) {
        for (label, pick) in variants {
            let mut plan = plans[base].0.clone();
            plan.aliases.clear();
            plan.labels.push(label);
            plan.picks.insert(id.to_string(), pick);
            let answers = self.build(&plan);
            match plans.iter_mut().find(|(_, a)| *a == answers) {
                Some((same, _)) => same.aliases.push(plan.labels.pop().unwrap_or_default()),
                None => plans.push((plan, answers)),
            }
        }
    }

    /// When every case charging `fee` also waives it (the questions of two exemptions both
    /// default to an exempting answer), one case more that charges it in full: starting
    /// from `plans[base]`, the exemptions' questions are changed one at a time, each to
    /// the value that keeps the line charged and moves the first exemption met furthest
    /// down the list, until none is met.
    fn add_unwaived(
        &self,
        plans: &mut Vec<(Plan, Answers)>,
        base: usize,
        fee: &FeeItem,
        tests: &BTreeMap<String, Vec<Test>>,
    ) {
        // None: not charged; the index of the first exemption met; MAX: charged in full.
        let rank = |a: &Answers| {
            let line = self
                .form
                .quote(a, self.today)
                .lines
                .into_iter()
                .find(|l| l.id == fee.id)?;
            Some(match line.exemption {
                None => usize::MAX,
                Some(why) => fee
                    .exemptions
                    .iter()
                    .position(|e| e.reason == why)
                    .unwrap_or(0),
            })
        };
        if plans.iter().any(|(_, a)| rank(a) == Some(usize::MAX)) {
            return;
        }
        let mut plan = plans[base].0.clone();
        plan.aliases.clear();
        let mut best = rank(&plans[base].1);
        for _ in 0..tests.len() {
            let mut moved = false;
            for (id, tests) in tests {
                let Some((_, field)) = self.form.form().walk().find(|(_, f)| f.id.as_str() == id)
                else {
                    continue;
                };
                if self.locked(field).is_some() {
                    continue;
                }
                let mut chosen = None;
                for (label, pick) in self.variants(field, tests) {
                    let mut next = plan.clone();
                    next.picks.insert(id.clone(), pick);
                    let r = rank(&self.build(&next));
                    if r.is_some() && r > best {
                        next.labels.push(label);
                        chosen = Some(next);
                        best = r;
                    }
                }
                if let Some(next) = chosen {
                    plan = next;
                    moved = true;
                }
            }
            if best == Some(usize::MAX) || !moved {
                break;
            }
        }
        if best != Some(usize::MAX) {
            return;
        }
        plan.labels.push(format!("{} charged in full", fee.id));
        let answers = self.build(&plan);
        if !plans.iter().any(|(_, a)| *a == answers) {
            plans.push((plan, answers));
        }
    }

    /// Every test any condition makes, by the question it reads.
    fn tests(&self) -> BTreeMap<String, Vec<Test>> {
        let leaves = condition_tests;
        let form = self.form.form();
        let mut out = BTreeMap::new();
        let steps = form.steps.iter().filter_map(|s| s.shown_if.as_ref());
        let fields = form.walk().filter_map(|(_, f)| f.shown_if.as_ref());
        let fees = form.fees.iter().flat_map(|f| {
            f.applies_if
                .iter()
                .chain(f.exemptions.iter().map(|e| &e.when))
        });
        for c in steps.chain(fields).chain(fees) {
            leaves(c, &mut out);
        }
        out
    }

    /// The values of `field` that take each side of the tests made on it.
    fn variants(&self, field: &Field, tests: &[Test]) -> Vec<(String, Pick)> {
        let id = field.id.as_str();
        let mut out: Vec<(String, Pick)> = Vec::new();
        // An age becomes the date of birth that reaches it today (28 February for 29).
        let born_years_ago = |years: u32| {
            let year = self.today.year() - i32::try_from(years).ok()?;
            Date::new(year, self.today.month(), self.today.day())
                .or_else(|| Date::new(year, self.today.month(), 28))
        };
        let literals: Vec<Scalar> = tests
            .iter()
            .filter_map(|t| match t {
                Test::Is(s) => Some(s.clone()),
                Test::Answered => None,
                Test::Age(years) => born_years_ago(*years).map(|d| Scalar::Text(d.iso())),
            })
            .collect();
        let literals = || literals.iter();
        match &field.kind {
            FieldKind::Choice(o) => {
                for opt in &o.options {
                    out.push((
                        format!("{id}={}", opt.value),
                        Pick::Give(Answer::Choice(opt.value.clone())),
                    ));
                }
            }
            FieldKind::MultipleChoice(o) => {
                let (lo, hi) = selection_range(o);
                for i in 0..o.options.len() {
                    let picked = rotate(o, i, lo.max(1));
                    if !picked.is_empty() {
                        out.push((
                            format!("{id}={}", picked.join("+")),
                            Pick::Give(Answer::Choices(picked)),
                        ));
                    }
                }
                for n in int_neighbours(literals(), lo.max(1) as i64, hi as i64) {
                    let picked = rotate(o, 0, n as usize);
                    out.push((
                        format!("{id}: {n} selected"),
                        Pick::Give(Answer::Choices(picked)),
                    ));
                }
            }
            FieldKind::YesNo => {
                for b in [true, false] {
                    out.push((format!("{id}={b}"), Pick::Give(Answer::YesNo(b))));
                }
            }
            FieldKind::Number(o) => {
                let (lo, hi) = number_range(o);
                for n in int_neighbours(literals(), lo, hi) {
                    out.push((format!("{id}={n}"), Pick::Give(Answer::Text(n.to_string()))));
                }
            }
            FieldKind::Date(o) => {
                if let Some((lo, hi)) = date_range(o, self.today) {
                    let mut seen = BTreeSet::new();
                    for s in literals() {
                        let Scalar::Text(t) = s else { continue };
                        let Some(d) = Date::parse_iso(t) else {
                            continue;
                        };
                        for delta in [-1, 0, 1] {
                            let x = clamp_date(add_days(d, delta), lo, hi);
                            if seen.insert(x) {
                                out.push((
                                    format!("{id}={}", x.iso()),
                                    Pick::Give(Answer::Text(x.to_string())),
                                ));
                            }
                        }
                    }
                }
            }
            FieldKind::Group(g) => {
                let lo = if field.required { g.min.max(1) } else { g.min };
                for n in int_neighbours(literals(), i64::from(lo), i64::from(g.max)) {
                    out.push((format!("{id}: {n} items"), Pick::Items(n as usize)));
                }
            }
            FieldKind::Text(_) | FieldKind::LongText(_) => {
                for s in literals() {
                    if let Scalar::Text(t) = s {
                        out.push((format!("{id}={t}"), Pick::Give(Answer::Text(t.clone()))));
                    }
                }
            }
            _ => {}
        }
        if !field.required && !matches!(field.kind, FieldKind::Group(_)) {
            out.push((format!("{id} unanswered"), Pick::Blank));
            if matches!(field.kind, FieldKind::Declaration) {
                out.push((format!("{id}=false"), Pick::Give(Answer::YesNo(false))));
            }
        }
        out
    }

    /// Whether the question `id` (top-level, or a member in the first item) is shown.
    fn shown(&self, answers: &Answers, id: &str) -> bool {
        match self.form.group_of(id) {
            None => self.form.is_visible(answers, &FieldPath::field(id)),
            Some(g) => self
                .form
                .is_visible(answers, &FieldPath::item(g.id.as_str(), 0, id)),
        }
    }

    /// The identity's answer to a locked prefilled top-level question.
    fn locked(&self, field: &Field) -> Option<Answer> {
        let p = field.prefill.as_ref().filter(|p| !p.editable)?;
        self.form
            .group_of(field.id.as_str())
            .is_none()
            .then_some(())?;
        self.identity?.answer(p.source)
    }

    /// The answers of one journey, built in reading order so each question is answered
    /// only if the engine shows it given the answers before it.
    fn build(&self, plan: &Plan) -> Answers {
        let mut serials = Serials::default();
        let mut answers = Answers::new();
        for step in &self.form.form().steps {
            for field in &step.fields {
                let id = field.id.as_str();
                if !self.form.is_visible(&answers, &FieldPath::field(id)) {
                    continue;
                }
                if let Some(a) = self.locked(field) {
                    answers.set(id, a);
                    continue;
                }
                let pick = plan.picks.get(id);
                match (pick, &field.kind) {
                    (Some(Pick::Blank), _) => {}
                    (Some(Pick::Give(a)), _) => {
                        answers.set(id, a.clone());
                    }
                    (_, FieldKind::Group(g)) => {
                        let n = match pick {
                            Some(Pick::Items(n)) => *n,
                            _ => default_items(g),
                        };
                        self.build_group(plan, field, g, n, &mut answers, &mut serials);
                    }
                    _ => {
                        let prefilled = field
                            .prefill
                            .as_ref()
                            .and_then(|p| self.identity?.answer(p.source));
                        if let Some(a) =
                            prefilled.or_else(|| self.default_answer(field, &mut serials))
                        {
                            answers.set(id, a);
                        }
                    }
                }
            }
        }
        answers
    }

    fn build_group(
        &self,
        plan: &Plan,
        field: &Field,
        g: &GroupOptions,
        n: usize,
        answers: &mut Answers,
        serials: &mut Serials,
    ) {
        let id = field.id.as_str();
        let mut items: Vec<Answers> = Vec::with_capacity(n);
        for i in 0..n {
            items.push(Answers::new());
            for m in &g.fields {
                // Visibility inside an item reads the item's earlier answers.
                answers.set(id, Answer::Group(items.clone()));
                let path = FieldPath::item(id, i, m.id.as_str());
                if !self.form.is_visible(answers, &path) {
                    continue;
                }
                let a = match plan.picks.get(m.id.as_str()) {
                    Some(Pick::Blank) => None,
                    Some(Pick::Give(a)) => Some(a.clone()),
                    _ => self.default_answer(m, serials),
                };
                if let (Some(a), Some(item)) = (a, items.last_mut()) {
                    item.set(m.id.0.clone(), a);
                }
            }
        }
        answers.set(id, Answer::Group(items));
    }

    /// A valid answer to a question of any type but a group, or `None` when the
    /// question's limits admit none.
    fn default_answer(&self, field: &Field, serials: &mut Serials) -> Option<Answer> {
        let text = |s: String| Some(Answer::Text(s));
        match &field.kind {
            FieldKind::Text(o) => text(some_text(o, TEXT_MAX)?),
            FieldKind::LongText(o) => text(some_text(o, LONG_TEXT_MAX)?),
            FieldKind::Number(o) => {
                let (lo, hi) = number_range(o);
                (lo <= hi).then(|| Answer::Text(1.clamp(lo, hi).to_string()))
            }
            FieldKind::Date(o) => {
                let (lo, hi) = date_range(o, self.today)?;
                let wanted = if o.not_future {
                    add_days(self.today, -365)
                } else if o.not_past {
                    add_days(self.today, 30)
                } else {
                    add_days(self.today, -30)
                };
                text(clamp_date(wanted, lo, hi).to_string())
            }
            FieldKind::Choice(o) => o.options.first().map(|x| Answer::Choice(x.value.clone())),
            FieldKind::MultipleChoice(o) => {
                let (lo, hi) = selection_range(o);
                (lo <= hi).then(|| Answer::Choices(rotate(o, 0, lo.max(1))))
            }
            FieldKind::YesNo | FieldKind::Declaration => Some(Answer::YesNo(true)),
            FieldKind::Email => text("nguoi.nop@example.vn".into()),
            FieldKind::Phone(_) => text("0912345678".into()),
            FieldKind::PersonalId => {
                serials.people += 1;
                text(personal_id(1990, Sex::Male, serials.people))
            }
            FieldKind::TaxCode(_) => {
                serials.codes += 1;
                text(tax_code(serials.codes))
            }
            FieldKind::Address(o) => Some(Answer::Address(AddressAnswer {
                province: self.places.province.clone(),
                commune: self.places.commune.clone(),
                street: street(o.street),
            })),
            FieldKind::Person(o) => {
                serials.people += 1;
                Some(Answer::Person(person(o, serials.people)))
            }
            FieldKind::Attachment(o) => {
                serials.files += 1;
                Some(Answer::Files(vec![file(o, serials.files)]))
            }
            FieldKind::Group(_) => None,
        }
    }

    fn invalid(&self, cases: &[Case]) -> Vec<InvalidCase> {
        let mut seen: BTreeSet<(String, &'static str)> = BTreeSet::new();
        let mut out = Vec::new();
        for case in cases {
            for step in &self.form.form().steps {
                for field in &step.fields {
                    let id = field.id.as_str();
                    if !self.form.is_visible(&case.answers, &FieldPath::field(id)) {
                        continue;
                    }
                    let given = case.answers.get(id);
                    let breaks = match self.locked(field) {
                        Some(source) => changed_prefill(field, &source, self.places),
                        None => self.breaks(field, given),
                    };
                    for b in breaks {
                        let mut answers = case.answers.clone();
                        match b.answer {
                            Some(a) => answers.set(id, a),
                            None => answers.remove(id),
                        };
                        let path = part_path(FieldPath::field(id), b.part);
                        push_new(&mut out, &mut seen, case, b.what, answers, path, b.code);
                    }
                    let (FieldKind::Group(g), Some(Answer::Group(items))) = (&field.kind, given)
                    else {
                        continue;
                    };
                    let Some(first) = items.first() else { continue };
                    for m in &g.fields {
                        let mid = m.id.as_str();
                        let mpath = FieldPath::item(id, 0, mid);
                        if !self.form.is_visible(&case.answers, &mpath) {
                            continue;
                        }
                        for b in self.breaks(m, first.get(mid)) {
                            let mut item = first.clone();
                            match b.answer {
                                Some(a) => item.set(mid, a),
                                None => item.remove(mid),
                            };
                            let mut new_items = items.clone();
                            new_items[0] = item;
                            let answers = case.answers.clone().with(id, Answer::Group(new_items));
                            let path = part_path(mpath.clone(), b.part);
                            push_new(&mut out, &mut seen, case, b.what, answers, path, b.code);
                        }
                    }
                }
            }
        }
        out
    }

    /// The ways to get an unlocked question wrong, given its valid answer.
    fn breaks(&self, field: &Field, given: Option<&Answer>) -> Vec<Break> {
        let mut out = Vec::new();
        let id = field.id.as_str();
        let mut add = |what: String, answer: Option<Answer>, part: Option<Part>, code| {
            out.push(Break {
                what,
                answer,
                part,
                code,
            })
        };
        let text = |s: String| Some(Answer::Text(s));
        if field.required {
            let (part, code) = match &field.kind {
                FieldKind::Person(_) => (Some(Part::FullName), "required"),
                FieldKind::Address(_) => (Some(Part::Province), "required"),
                FieldKind::Group(_) => (None, "too-few-items"),
                _ => (None, "required"),
            };
            add(format!("{id} left blank"), None, part, code);
        }
        match &field.kind {
            FieldKind::Text(o) | FieldKind::LongText(o) => {
                let max = o.max_length.unwrap_or(match field.kind {
                    FieldKind::LongText(_) => LONG_TEXT_MAX,
                    _ => TEXT_MAX,
                });
                add(
                    format!("{id} with a right-to-left override"),
                    text("Nội dung\u{202E}cba".into()),
                    None,
                    "text-invalid-characters",
                );
                add(
                    format!("{id} too long"),
                    text("a".repeat(max as usize + 1)),
                    None,
                    "text-too-long",
                );
                if o.min_length > 1 {
                    add(
                        format!("{id} too short"),
                        text("a".into()),
                        None,
                        "text-too-short",
                    );
                }
            }
            FieldKind::Number(o) => {
                add(
                    format!("{id} not a number"),
                    text("12abc".into()),
                    None,
                    "not-a-number",
                );
                if let Some(max) = o.max.and_then(|m| m.checked_add(1)) {
                    add(
                        format!("{id} above its maximum"),
                        text(max.to_string()),
                        None,
                        "number-too-large",
                    );
                }
                if let Some(min) = o.min.and_then(|m| m.checked_sub(1)) {
                    add(
                        format!("{id} below its minimum"),
                        text(min.to_string()),
                        None,
                        "number-too-small",
                    );
                }
                if o.decimals == 0 {
                    add(
                        format!("{id} with decimals"),
                        text("1,5".into()),
                        None,
                        "not-a-whole-number",
                    );
                }
            }
            FieldKind::Date(o) => {
                add(
                    format!("{id} not a real date"),
                    text("31/02/2024".into()),
                    None,
                    "date-not-real",
                );
                if o.not_future {
                    add(
                        format!("{id} in the future"),
                        text(add_days(self.today, 1).to_string()),
                        None,
                        "date-in-future",
                    );
                } else if o.not_past {
                    add(
                        format!("{id} in the past"),
                        text(add_days(self.today, -1).to_string()),
                        None,
                        "date-in-past",
                    );
                } else if let Some(min) = o.min {
                    add(
                        format!("{id} before its earliest date"),
                        text(add_days(min, -1).to_string()),
                        None,
                        "date-too-early",
                    );
                }
            }
            FieldKind::Choice(_) => add(
                format!("{id} with an unknown option"),
                Some(Answer::Choice("khong_co".into())),
                None,
                "choice-unknown",
            ),
            FieldKind::MultipleChoice(o) => {
                add(
                    format!("{id} with an unknown option"),
                    Some(Answer::Choices(vec!["khong_co".into()])),
                    None,
                    "choice-unknown",
                );
                if let Some(max) = o.max_selected.filter(|m| (*m as usize) < o.options.len()) {
                    add(
                        format!("{id} with too many options"),
                        Some(Answer::Choices(rotate(o, 0, max as usize + 1))),
                        None,
                        "too-many-selected",
                    );
                }
                if o.min_selected > 1 {
                    add(
                        format!("{id} with too few options"),
                        Some(Answer::Choices(rotate(o, 0, 1))),
                        None,
                        "too-few-selected",
                    );
                }
            }
            FieldKind::Declaration if field.required => add(
                format!("{id} not ticked"),
                Some(Answer::YesNo(false)),
                None,
                "required",
            ),
            FieldKind::Email => add(
                format!("{id} without @"),
                text("nguoi.nop.example.vn".into()),
                None,
                "email-format",
            ),
            FieldKind::Phone(_) => add(
                format!("{id} with letters"),
                text("0912abc678".into()),
                None,
                "phone-characters",
            ),
            FieldKind::PersonalId => add(
                format!("{id} with an unknown province code"),
                text("003090012345".into()),
                None,
                "personal-id-province",
            ),
            FieldKind::TaxCode(_) => {
                if let Some(Answer::Text(code)) = given {
                    if let Some(wrong) = wrong_check_digit(code) {
                        add(
                            format!("{id} with a wrong check digit"),
                            text(wrong),
                            None,
                            "tax-code-check-digit",
                        );
                    }
                }
            }
            FieldKind::Address(_) => {
                if let Some(Answer::Address(a)) = given {
                    add(
                        format!("{id} with a commune of another province"),
                        Some(Answer::Address(AddressAnswer {
                            province: self.places.province.clone(),
                            commune: self.places.other_commune.clone(),
                            ..a.clone()
                        })),
                        Some(Part::Commune),
                        "commune-unknown",
                    );
                    add(
                        format!("{id} in an unknown province"),
                        Some(Answer::Address(AddressAnswer {
                            province: "99".into(),
                            ..a.clone()
                        })),
                        Some(Part::Province),
                        "province-unknown",
                    );
                }
            }
            FieldKind::Person(o) => {
                if let Some(Answer::Person(p)) = given {
                    if o.birth_date != Presence::Omitted {
                        let future = add_days(self.today, 1).to_string();
                        add(
                            format!("{id} born in the future"),
                            Some(Answer::Person(PersonAnswer {
                                birth_date: future,
                                // The number must not disagree first.
                                id_number: String::new(),
                                ..p.clone()
                            })),
                            Some(Part::BirthDate),
                            "date-in-future",
                        );
                    }
                    if o.id_number != Presence::Omitted && o.birth_date != Presence::Omitted {
                        if let Ok(born) = crate::validators::parse_date(&p.birth_date) {
                            let sex = p.sex.unwrap_or(Sex::Male);
                            add(
                                format!("{id} with a number of another birth year"),
                                Some(Answer::Person(PersonAnswer {
                                    id_number: personal_id(born.year() - 1, sex, 999),
                                    ..p.clone()
                                })),
                                Some(Part::IdNumber),
                                "personal-id-birth-year-mismatch",
                            );
                        }
                    }
                }
            }
            FieldKind::Attachment(o) => {
                if let Some(Answer::Files(files)) = given {
                    if let Some(f) = files.first() {
                        add(
                            format!("{id} of a type not accepted"),
                            Some(Answer::Files(vec![FileAnswer {
                                mime: "text/plain".into(),
                                ..f.clone()
                            }])),
                            None,
                            "file-type",
                        );
                        add(
                            format!("{id} too large"),
                            Some(Answer::Files(vec![FileAnswer {
                                bytes: o.max_bytes + 1,
                                ..f.clone()
                            }])),
                            None,
                            "file-too-large",
                        );
                        let many: Vec<FileAnswer> = (0..=o.max_files as usize)
                            .map(|i| FileAnswer {
                                id: format!("{}-{i}", f.id),
                                ..f.clone()
                            })
                            .collect();
                        add(
                            format!("{id} with too many files"),
                            Some(Answer::Files(many)),
                            None,
                            "too-many-files",
                        );
                    }
                }
            }
            FieldKind::Group(g) => {
                if let Some(Answer::Group(items)) = given {
                    if let Some(item) = items.first() {
                        add(
                            format!("{id} with too many items"),
                            Some(Answer::Group(vec![item.clone(); g.max as usize + 1])),
                            None,
                            "too-many-items",
                        );
                        if g.min > 1 {
                            add(
                                format!("{id} with too few items"),
                                Some(Answer::Group(vec![item.clone(); g.min as usize - 1])),
                                None,
                                "too-few-items",
                            );
                        }
                    }
                }
            }
            FieldKind::YesNo | FieldKind::Declaration => {}
        }
        out
    }
}

/// One way to break a question: its new answer (`None`: removed), where the error
/// lands (a part of a composite answer) and its code.
struct Break {
    what: String,
    answer: Option<Answer>,
    part: Option<Part>,
    code: &'static str,
}

/// A different answer to a locked question: the server must refuse it.
fn changed_prefill(field: &Field, source: &Answer, places: &Places) -> Vec<Break> {
    let id = field.id.as_str();
    let (answer, part) = match (source, &field.kind) {
        (Answer::Person(p), _) => (
            Answer::Person(PersonAnswer {
                full_name: format!("{} Khác", p.full_name),
                ..p.clone()
            }),
            Some(Part::FullName),
        ),
        (Answer::Address(a), _) => (
            Answer::Address(AddressAnswer {
                province: places.other_province.clone(),
                commune: places.other_commune.clone(),
                ..a.clone()
            }),
            None,
        ),
        (Answer::Choice(v), FieldKind::Choice(o)) => {
            let Some(other) = o.options.iter().find(|x| x.value != *v) else {
                return Vec::new();
            };
            (Answer::Choice(other.value.clone()), None)
        }
        (Answer::Text(_), FieldKind::Date(_)) => (Answer::Text("01/01/2000".into()), None),
        (Answer::Text(_), FieldKind::PersonalId) => {
            (Answer::Text(personal_id(1970, Sex::Female, 4242)), None)
        }
        (Answer::Text(_), FieldKind::TaxCode(_)) => (Answer::Text(tax_code(4242)), None),
        (Answer::Text(s), _) => (Answer::Text(format!("{s} khác")), None),
        _ => return Vec::new(),
    };
    if *source == answer {
        return Vec::new();
    }
    vec![Break {
        what: format!("{id} changed from the identity's value"),
        answer: Some(answer),
        part,
        code: "prefill-changed",
    }]
}

fn part_path(path: FieldPath, part: Option<Part>) -> FieldPath {
    match part {
        Some(p) => path.with_part(p),
        None => path,
    }
}

fn push_new(
    out: &mut Vec<InvalidCase>,
    seen: &mut BTreeSet<(String, &'static str)>,
    case: &Case,
    what: String,
    answers: Answers,
    path: FieldPath,
    code: &'static str,
) {
    if seen.insert((path.to_string(), code)) {
        out.push(InvalidCase {
            label: format!("{} / {what}", case.label),
            answers,
            path,
            code,
        });
    }
}

/// Items in the default journey: one, or the least the group needs.
fn default_items(g: &GroupOptions) -> usize {
    g.min.max(1).min(g.max) as usize
}

/// Item counts to try: empty (when allowed), one (or the minimum) and many.
fn group_counts(field: &Field, g: &GroupOptions) -> Vec<usize> {
    let mut out = Vec::new();
    if g.min == 0 && !field.required {
        out.push(0);
    }
    let one = g.min.max(1);
    let many = g.max.min(3).max(one);
    for n in [one, many] {
        if n <= g.max && !out.contains(&(n as usize)) {
            out.push(n as usize);
        }
    }
    out
}

/// The whole numbers next to every literal a condition compares with, within limits.
fn int_neighbours<'a>(literals: impl Iterator<Item = &'a Scalar>, lo: i64, hi: i64) -> Vec<i64> {
    let mut out = Vec::new();
    for s in literals {
        let n = match s {
            Scalar::Int(n) => *n,
            Scalar::Text(t) => match parse_number(t) {
                Ok(d) => d.trunc(),
                Err(_) => continue,
            },
            Scalar::Bool(_) => continue,
        };
        for x in [n.saturating_sub(1), n, n.saturating_add(1)] {
            let x = x.clamp(lo, hi.max(lo));
            if lo <= hi && !out.contains(&x) {
                out.push(x);
            }
        }
    }
    out
}

fn number_range(o: &NumberOptions) -> (i64, i64) {
    (o.min.unwrap_or(0), o.max.unwrap_or(1_000_000))
}

fn selection_range(o: &MultipleChoiceOptions) -> (usize, usize) {
    let len = o.options.len();
    let hi = o.max_selected.map_or(len, |m| (m as usize).min(len));
    (o.min_selected as usize, hi)
}

/// `n` options starting from the `start`-th, wrapping round, in the form's order.
fn rotate(o: &MultipleChoiceOptions, start: usize, n: usize) -> Vec<String> {
    let len = o.options.len();
    let mut picked: Vec<usize> = (0..n.min(len)).map(|k| (start + k) % len).collect();
    picked.sort_unstable();
    picked
        .into_iter()
        .map(|i| o.options[i].value.clone())
        .collect()
}

/// The dates a date question accepts, as `(earliest, latest)`; `None` when none.
fn date_range(o: &DateOptions, today: Date) -> Option<(Date, Date)> {
    let mut lo = o.min.or(Date::new(1900, 1, 1))?;
    let mut hi = o.max.or(Date::new(2100, 12, 31))?;
    if o.not_past {
        lo = lo.max(today);
    }
    if o.not_future {
        hi = hi.min(today);
    }
    (lo <= hi).then_some((lo, hi))
}

fn add_days(d: Date, days: i64) -> Date {
    Date::from_days_since_epoch(d.days_since_epoch() + days).unwrap_or(d)
}

fn clamp_date(d: Date, lo: Date, hi: Date) -> Date {
    d.clamp(lo, hi)
}

/// A text between the question's length limits; `None` when they admit none.
fn some_text(o: &TextOptions, default_max: u32) -> Option<String> {
    const BASE: &str = "Nội dung trả lời";
    let max = o.max_length.unwrap_or(default_max) as usize;
    let min = o.min_length as usize;
    if min > max || max == 0 {
        return None;
    }
    let mut s = if BASE.chars().count() <= max {
        BASE.to_string()
    } else {
        String::new()
    };
    while s.chars().count() < min.max(1) {
        s.push('a');
    }
    Some(s)
}

fn street(p: Presence) -> String {
    match p {
        Presence::Omitted => String::new(),
        _ => "Số 1 đường Thử Nghiệm".into(),
    }
}

/// A structurally valid personal number for someone born in `year` (1900–2099) of
/// `sex`, with its birth-registration province and serial taken from `serial`.
fn personal_id(year: i32, sex: Sex, serial: usize) -> String {
    let province = BIRTH_PROVINCE_CODES[serial % BIRTH_PROVINCE_CODES.len()];
    let century = (year.clamp(1900, 2099) - 1900) / 100;
    let g = century * 2 + i32::from(sex == Sex::Female);
    format!(
        "0{province:02}{g}{:02}{:06}",
        year.rem_euclid(100),
        serial % 1_000_000
    )
}

/// A 10-digit tax code with a correct check digit, distinct for each `serial`.
fn tax_code(serial: usize) -> String {
    let mut n = 1_000_000 + serial * 97;
    loop {
        let first9 = format!("01{:07}", n % 10_000_000);
        let mut digits = [0u8; 9];
        digits.copy_from_slice(first9.as_bytes());
        if let Some(d) = check_digit(&digits) {
            return format!("{first9}{d}");
        }
        n += 1;
    }
}

/// The same tax code with its check digit changed.
fn wrong_check_digit(code: &str) -> Option<String> {
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 10 {
        return None;
    }
    let last = digits.as_bytes()[9] - b'0';
    Some(format!("{}{}", &digits[..9], (last + 1) % 10))
}

const NAMES: [&str; 4] = [
    "Nguyễn Văn Bình",
    "Trần Thị Hoa",
    "Lê Quang Minh",
    "Phạm Thị Lan",
];

fn person(o: &PersonOptions, serial: usize) -> PersonAnswer {
    let year = 1990 - (serial % 20) as i32;
    let sex = if serial % 2 == 1 {
        Sex::Male
    } else {
        Sex::Female
    };
    let born = Date::new(year, 5, 17)
        .map(|d| d.to_string())
        .unwrap_or_default();
    PersonAnswer {
        full_name: NAMES[serial % NAMES.len()].to_string(),
        birth_date: if o.birth_date == Presence::Omitted {
            String::new()
        } else {
            born
        },
        sex: (o.sex != Presence::Omitted).then_some(sex),
        id_number: if o.id_number == Presence::Omitted {
            String::new()
        } else {
            personal_id(year, sex, serial)
        },
    }
}

fn file(o: &AttachmentOptions, serial: usize) -> FileAnswer {
    let mime = [PDF, JPEG, PNG]
        .into_iter()
        .find(|m| o.accept.iter().any(|a| a == m))
        .or_else(|| o.accept.first().map(String::as_str))
        .unwrap_or(PDF);
    let ext = match mime {
        JPEG => "jpg",
        PNG => "png",
        _ => "pdf",
    };
    FileAnswer {
        id: format!("file-{serial}"),
        name: format!("tai-lieu-{serial}.{ext}"),
        mime: mime.to_string(),
        bytes: 120_000.min(o.max_bytes),
    }
}
