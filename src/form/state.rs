//! The answers of one application while it is being filled in. Each top-level question
//! has its own signal, so typing into one field of a 300-field form re-renders only that
//! field; conditions are re-evaluated only when a question they read changes.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use portal_api::catalogue::ServiceForm;
use portal_core::form::{
    Answer, Answers, Condition, Draft, Field, FieldKind, FieldPath, Form, Identity, IndexedForm,
    MigrationReport, Step, ValidationContext, ValidationError,
};
use portal_core::sorted::{self, Table};
use portal_core::validators::Date;
use portal_core::{Lang, ServiceId, ServiceKind, Text};

use super::drafts;
use super::error_summary::Problem;

/// How long after the last change the draft is written (it is also written when the page
/// is hidden or closed).
const SAVE_DELAY: Duration = Duration::from_millis(150);

#[derive(Clone)]
pub struct FormState {
    pub service_id: ServiceId,
    pub service_name: Text,
    /// Single procedure or bundle (a bundle's submission names its chosen procedures).
    pub service_kind: Option<ServiceKind>,
    /// The service's fee rules (a submission says which case applies when there are several).
    pub service_fees: Option<portal_core::Fees>,
    /// Whether drafts are written to the device (not for the gallery's examples).
    persist: bool,
    pub form: Arc<IndexedForm>,
    pub catalogue_version: Arc<String>,
    /// Each question's answer, by its id (a sorted list: see `portal_core::sorted`).
    values: Arc<Table<RwSignal<Option<Answer>>>>,
    /// Top-level questions some condition reads: visibility depends on these only.
    condition_inputs: Arc<Vec<String>>,
    /// Errors of the last "Continue", in page order.
    pub errors: RwSignal<Vec<ValidationError>>,
    pub completed_steps: RwSignal<Vec<String>>,
    /// When the draft was last written (Unix ms), for "saved at".
    pub saved_at: RwSignal<Option<i64>>,
    /// Set when a saved draft was started on an older version of the form.
    pub migration: RwSignal<Option<MigrationReport>>,
    save_pending: StoredValue<bool>,
    /// When each question last changed (see `Draft::changed_at`), and the answers as
    /// last saved, which tell what changed since.
    pub(super) changed_at: StoredValue<BTreeMap<String, i64>>,
    /// Saving has stopped for good (the person is signing out).
    stopped: StoredValue<bool>,
    /// The person answered something on this page (not the prefill from their record).
    pub(super) touched: StoredValue<bool>,
    pub(super) last_saved: StoredValue<Answers>,
    /// The server's copy of the draft, for a signed-in person (see `super::sync`).
    pub(super) sync: super::sync::Sync,
    /// Questions whose answer just came from the person's other device, to tell them.
    pub from_elsewhere: RwSignal<Vec<String>>,
    /// The whole draft was taken from the account (nothing was on this device).
    pub continued_from_account: RwSignal<bool>,
    /// When the server last confirmed it keeps the draft (Unix ms).
    pub server_saved_at: RwSignal<Option<i64>>,
    /// The signed-in person, for prefill and locked answers.
    pub identity: RwSignal<Option<Identity>>,
    /// Who is signed in is not known yet (`await_identity`): the questions a record would
    /// fill and lock are not open to typing meanwhile, or what was typed there would be
    /// replaced when the record came.
    identity_pending: RwSignal<bool>,
    /// A fixed "today" (the examples' date) instead of the device clock.
    today: Option<Date>,
}

impl FormState {
    /// A fresh state for `service`, restoring (and if needed migrating) its saved draft.
    pub fn new(service: &ServiceForm, form: IndexedForm, catalogue_version: String) -> FormState {
        let mut state = FormState::build(
            service.id.clone(),
            service.name.clone(),
            form,
            catalogue_version,
            true,
        );
        state.service_kind = Some(service.kind.clone());
        state.service_fees = Some(service.fees.clone());
        state
    }

    /// A state that is never saved and judges dates against the examples' fixed day, for
    /// the gallery, the browser tests and the benchmark form.
    pub fn ephemeral(form: IndexedForm) -> FormState {
        let mut state = FormState::unsaved(form);
        state.today = Some(portal_core::form::examples::today());
        state
    }

    /// A state that is never saved, judged like a real form (today by the device clock,
    /// the units loaded): a small form of the page's own, such as documents an agency
    /// asked for.
    pub fn unsaved(form: IndexedForm) -> FormState {
        FormState::build(
            ServiceId("example".into()),
            Text::default(),
            form,
            String::new(),
            false,
        )
    }

    /// An unsaved state for a page's own one-page form: `fields` on the step `step`.
    pub fn one_page(step: &str, title: Text, fields: Vec<Field>) -> FormState {
        FormState::unsaved(IndexedForm::new(Form {
            subject: None,
            place: None,
            steps: vec![Step {
                id: step.into(),
                title,
                intro: None,
                shown_if: None,
                fields,
            }],
            fees: Vec::new(),
        }))
    }

    fn build(
        service_id: ServiceId,
        service_name: Text,
        form: IndexedForm,
        catalogue_version: String,
        persist: bool,
    ) -> FormState {
        let form = Arc::new(form);
        let mut values = Table::new();
        for step in &form.form().steps {
            for f in &step.fields {
                sorted::entry(&mut values, &f.id.0, || RwSignal::new(None));
            }
        }
        FormState {
            service_id,
            service_name,
            service_kind: None,
            service_fees: None,
            persist,
            catalogue_version: Arc::new(catalogue_version),
            condition_inputs: Arc::new(condition_inputs(&form)),
            form,
            values: Arc::new(values),
            errors: RwSignal::new(Vec::new()),
            completed_steps: RwSignal::new(Vec::new()),
            saved_at: RwSignal::new(None),
            migration: RwSignal::new(None),
            save_pending: StoredValue::new(false),
            changed_at: StoredValue::new(BTreeMap::new()),
            touched: StoredValue::new(false),
            stopped: StoredValue::new(false),
            last_saved: StoredValue::new(Answers::new()),
            sync: super::sync::Sync::new(),
            from_elsewhere: RwSignal::new(Vec::new()),
            continued_from_account: RwSignal::new(false),
            server_saved_at: RwSignal::new(None),
            identity: RwSignal::new(None),
            identity_pending: RwSignal::new(false),
            today: None,
        }
    }

    /// Whether this device keeps a draft of this form, to be taken in (`restore_draft`)
    /// before a step is drawn.
    pub fn kept_on_device(&self) -> bool {
        self.persist && drafts::exists(&self.service_id)
    }

    pub fn signal(&self, field: &str) -> Option<RwSignal<Option<Answer>>> {
        sorted::get(&self.values, field).copied()
    }

    /// Sets an answer and schedules the draft to be saved.
    pub fn set(&self, field: &str, answer: Option<Answer>) {
        if let Some(s) = sorted::get(&self.values, field) {
            s.set(answer);
            self.touched.set_value(true);
            self.schedule_save();
        }
    }

    /// All answers now, without subscribing.
    pub fn snapshot(&self) -> Answers {
        let mut a = Answers::new();
        for (id, s) in self.values.iter() {
            if let Some(v) = s.get_untracked() {
                a.set(id.clone(), v);
            }
        }
        a
    }

    /// The answers conditions read, subscribing to them (for visibility memos).
    fn condition_answers(&self) -> Answers {
        let mut a = Answers::new();
        for id in self.condition_inputs.iter() {
            if let Some(v) = sorted::get(&self.values, id).and_then(|s| s.get()) {
                a.set(id.clone(), v);
            }
        }
        a
    }

    /// Whether a top-level question is shown; reactive, cheap when it has no condition.
    pub fn is_visible(&self, field: &str) -> bool {
        let has_condition = self.form.field(field).is_some_and(|f| f.shown_if.is_some())
            || self
                .form
                .step_of(field)
                .and_then(|s| self.form.step(s))
                .is_some_and(|s| s.shown_if.is_some());
        if !has_condition {
            return true;
        }
        self.form
            .is_visible(&self.condition_answers(), &FieldPath::field(field))
    }

    /// Whether a group item's question is shown, given that item's answers.
    pub fn is_item_visible(&self, group: &str, index: usize, child: &str) -> bool {
        let Some(f) = self.form.field(child) else {
            return false;
        };
        if f.shown_if.is_none() {
            return true;
        }
        let mut a = self.condition_answers();
        if let Some(v) = sorted::get(&self.values, group).and_then(|s| s.get()) {
            a.set(group, v);
        }
        self.form
            .is_visible(&a, &FieldPath::item(group, index, child))
    }

    /// The ids of the steps shown for the current answers, in order; reactive.
    pub fn visible_steps(&self) -> Vec<String> {
        let answers = self.condition_answers();
        self.form
            .visible_steps(&answers)
            .into_iter()
            .map(|s| s.id.clone())
            .collect()
    }

    /// Validation context: today in Vietnam by the device clock (the examples' fixed
    /// date for example forms, so their verdicts never drift).
    pub fn context(&self) -> ValidationContext<'static> {
        if self.today.is_some() {
            return portal_core::form::examples::context();
        }
        ValidationContext::new(today()).with_units(&crate::form::known_units::KNOWN_UNITS)
    }

    /// Validates one step; records and returns its errors.
    pub fn validate_step(&self, step: &str) -> Vec<ValidationError> {
        let errors = self
            .form
            .validate_step(&self.snapshot(), step, &self.context());
        self.errors.set(errors.clone());
        errors
    }

    pub fn complete_step(&self, step: &str) {
        self.completed_steps.update(|c| {
            if !c.iter().any(|s| s == step) {
                c.push(step.to_string());
            }
        });
        self.schedule_save();
    }

    /// The recorded errors as the error summary lists them, in `lang`; reactive.
    pub fn problems(&self, lang: Lang) -> Vec<Problem> {
        self.errors.with(|errors| {
            errors
                .iter()
                .map(|e| Problem {
                    target: e.path.dom_id(),
                    message: e.message(&self.form, lang),
                })
                .collect()
        })
    }

    /// Errors for one question (any part or item of it).
    pub fn errors_for(&self, field: &str) -> Vec<ValidationError> {
        self.errors.with(|e| {
            e.iter()
                .filter(|e| e.path.field == field)
                .cloned()
                .collect()
        })
    }

    // --- drafts ------------------------------------------------------------------------

    fn schedule_save(&self) {
        if self.save_pending.try_get_value().unwrap_or(true) {
            return;
        }
        self.save_pending.try_set_value(true);
        let me = self.clone();
        set_timeout(
            move || {
                // The page may have been left meanwhile (it saved on its way out).
                if me.save_pending.try_set_value(false).is_some() {
                    return;
                }
                me.save_now();
            },
            SAVE_DELAY,
        );
    }

    /// Writes the draft now (also called when the page is hidden), and sends it to the
    /// server soon when the person is signed in.
    pub fn save_now(&self) {
        self.draft_job(DraftJob::Save);
    }

    /// Called once the person is known to be signed in: from now on the draft is kept on
    /// the server too (see `super::sync`).
    pub fn keep_on_server(&self) {
        // Whether this device has answers is told now, before the prefill from the
        // person's record (which would make an untouched form look started) comes in.
        self.draft_job(DraftJob::KeepOnServer {
            had_answers: self.has_answers(),
        });
    }

    /// Sends the draft to the server now, when it keeps one (at each Continue).
    pub fn push_now(&self) {
        self.draft_job(DraftJob::PushNow);
    }

    /// Runs `job` in the drafts' chunk: at once when the chunk is here, as it usually is
    /// (it is fetched while the first step is read; so a save when the page is hidden
    /// happens before the page goes), else as soon as it has come. A chunk that could not
    /// be fetched is asked for again by the next job, and the status line goes on saying
    /// the draft is not saved.
    fn draft_job(&self, job: DraftJob) {
        let run = run_draft_job(self.clone(), job);
        crate::split::at_once_or_later(async move {
            let _ = run.await;
        });
    }

    fn save_here(&self) {
        if self.save_local() {
            self.schedule_push();
        }
    }

    /// Writes the draft on the device; `false` when there is nothing to write.
    pub(super) fn save_local(&self) -> bool {
        if !self.persist || self.stopped.try_get_value().unwrap_or(true) {
            return false;
        }
        let Some(draft) = self.current_draft() else {
            return false;
        };
        if drafts::save(&draft) {
            self.saved_at.try_set(Some(draft.saved_at));
        }
        true
    }

    pub(super) fn persists(&self) -> bool {
        self.persist
    }

    /// Writes nothing more, on the device or to the account (the person is signing out).
    pub fn stop_saving(&self) {
        self.stopped.set_value(true);
    }

    pub(super) fn saving_stopped(&self) -> bool {
        self.stopped.try_get_value().unwrap_or(true)
    }

    /// The draft as it stands, each question changed since the last save stamped now;
    /// `None` when nothing is answered (a new or just-submitted application: nothing to
    /// keep) or the page's state is gone (it was saved when leaving).
    pub(super) fn current_draft(&self) -> Option<Draft> {
        let answers = self.try_snapshot()?;
        let now = now_ms();
        let mut draft = Draft::new(
            self.service_id.clone(),
            self.catalogue_version.as_str(),
            &self.form,
            now,
        );
        let before = self.last_saved.try_get_value()?;
        let mut changed = self.changed_at.try_get_value()?;
        let ids: BTreeSet<&String> = answers.0.keys().chain(before.0.keys()).collect();
        for id in ids {
            if answers.get(id) != before.get(id) {
                changed.insert(id.clone(), now);
            }
        }
        self.changed_at.try_set_value(changed.clone());
        self.last_saved.try_set_value(answers.clone());
        draft.answers = answers;
        draft.changed_at = changed;
        draft.completed_steps = self.completed_steps.try_get_untracked().unwrap_or_default();
        if draft.answers.is_empty() && draft.completed_steps.is_empty() {
            return None;
        }
        Some(draft)
    }

    /// All answers now, or `None` once the page's signals are disposed.
    fn try_snapshot(&self) -> Option<Answers> {
        let mut a = Answers::new();
        for (id, s) in self.values.iter() {
            if let Some(v) = s.try_get_untracked()? {
                a.set(id.clone(), v);
            }
        }
        Some(a)
    }

    fn restore(&self) {
        if let Some(draft) = drafts::load(&self.service_id) {
            self.adopt(draft, None);
        }
    }

    /// Takes a saved draft in, moved onto the published form. With `only`, just those
    /// questions' answers are taken (the ones another device changed last); else all.
    pub(super) fn adopt(&self, draft: Draft, only: Option<&[String]>) {
        let (draft, report) = portal_core::form::migrate(
            &draft,
            &self.form,
            &self.catalogue_version,
            &self.context(),
        );
        match only {
            None => {
                for (id, answer) in draft.answers.iter() {
                    if let Some(s) = sorted::get(&self.values, id.as_str()) {
                        s.set(Some(answer.clone()));
                    }
                }
                self.completed_steps.set(draft.completed_steps.clone());
                self.saved_at.set(Some(draft.saved_at));
            }
            Some(ids) => {
                for id in ids {
                    if let Some(s) = sorted::get(&self.values, id.as_str()) {
                        s.set(draft.answers.get(id).cloned());
                    }
                }
                self.completed_steps.update(|done| {
                    for step in &draft.completed_steps {
                        if !done.contains(step) {
                            done.push(step.clone());
                        }
                    }
                });
            }
        }
        self.changed_at.set_value(draft.changed_at.clone());
        self.last_saved.set_value(self.snapshot());
        if report.needs_attention() {
            self.migration.set(Some(report));
        }
    }

    /// Forgets the draft and every answer.
    pub fn discard(&self) {
        drafts::remove(&self.service_id);
        drafts::remove_pending(self.service_id.as_str());
        self.draft_job(DraftJob::Forget);
        self.changed_at.set_value(BTreeMap::new());
        self.last_saved.set_value(Answers::new());
        self.from_elsewhere.set(Vec::new());
        self.continued_from_account.set(false);
        self.server_saved_at.set(None);
        for (_, s) in self.values.iter() {
            s.set(None);
        }
        self.completed_steps.set(Vec::new());
        self.errors.set(Vec::new());
        self.saved_at.set(None);
        self.migration.set(None);
    }

    /// Records the signed-in person and fills the questions their record answers, where
    /// the citizen has not answered yet (locked ones are always taken from the record).
    fn apply_identity(&self, identity: Identity) {
        let filled = self.form.apply_prefill(&self.snapshot(), &identity);
        for (id, answer) in filled.iter() {
            if let Some(s) = sorted::get(&self.values, id.as_str()) {
                let locked = self.form.is_locked(id, Some(&identity));
                if locked || s.with_untracked(Option::is_none) {
                    s.set(Some(answer.clone()));
                }
            }
        }
        self.identity.set(Some(identity));
    }

    /// Whether a prefilled answer is locked for the signed-in person.
    pub fn is_locked(&self, field: &str) -> bool {
        self.identity
            .with_untracked(|i| self.form.is_locked(field, i.as_ref()))
    }

    /// Whether the question's answer is locked for the signed-in person, and whether it is
    /// closed to typing (locked, or one a record may lock while who is signed in is not
    /// known yet), both following sign-in: the identity arrives after the page is drawn.
    pub fn lock_signals(&self, field: &str) -> Locks {
        let (identity, form, id) = (self.identity, self.form.clone(), field.to_string());
        let locked = Signal::derive(move || identity.with(|i| form.is_locked(&id, i.as_ref())));
        let (pending, may_lock) = (self.identity_pending, self.form.may_lock(field));
        Locks {
            locked,
            read_only: Signal::derive(move || locked.get() || (may_lock && pending.get())),
        }
    }

    /// Closes the questions a record may lock until `settle_identity`: the page asks who
    /// is signed in as it draws the form.
    pub fn await_identity(&self) {
        self.identity_pending.set(true);
    }

    /// Who is signed in is known: their record (if any) fills and locks its answers, then
    /// the questions it did not lock open.
    pub fn settle_identity(&self, identity: Option<Identity>) {
        if let Some(identity) = identity {
            self.apply_identity(identity);
        }
        self.identity_pending.set(false);
    }

    /// Whether anything has been answered yet (to offer "continue" rather than "start").
    pub fn has_answers(&self) -> bool {
        self.values
            .iter()
            .any(|(_, s)| s.with_untracked(Option::is_some))
    }
}

/// A question's lock, as `FormState::lock_signals` follows it.
#[derive(Clone, Copy)]
pub struct Locks {
    /// The signed-in person's record fixes the answer (the "prefilled" note shows).
    pub locked: Signal<bool>,
    /// Closed to typing: locked, or possibly locked while the session is not known.
    pub read_only: Signal<bool>,
}

/// What the drafts' chunk is asked to do.
#[derive(Clone, Copy)]
pub enum DraftJob {
    Restore,
    Save,
    KeepOnServer { had_answers: bool },
    PushNow,
    Forget,
}

crate::split_off! { "split-form", drafts, preload_drafts;
    /// Reading, migrating, writing and sending drafts: a chunk of the form's bundle, since
    /// a step is drawn and usable before any draft is read or written. It is fetched while
    /// the first step is read, or at once when this device keeps a draft of the form.
    pub fn run_draft_job(state: FormState, job: DraftJob) -> () {
        match job {
            DraftJob::Restore => state.restore(),
            DraftJob::Save => state.save_here(),
            DraftJob::KeepOnServer { had_answers } => state.keep_on_server_here(had_answers),
            DraftJob::PushNow => state.push_now_here(),
            DraftJob::Forget => state.forget_on_server_here(),
        }
    }
}

/// Takes in the draft this device keeps (`FormState::kept_on_device`), then sets
/// `restored`: the steps are drawn after it, so nothing typed meets a draft arriving.
pub async fn restore_draft(
    state: FormState,
    restored: RwSignal<bool>,
) -> Result<AnyView, crate::split::NotLoaded> {
    run_draft_job(state, DraftJob::Restore).await?;
    // After this part is done drawing (the steps replace it).
    leptos::task::spawn_local(async move {
        restored.try_set(true);
    });
    Ok(().into_any())
}

/// Every top-level question read by a condition anywhere in the form.
fn condition_inputs(form: &IndexedForm) -> Vec<String> {
    fn collect(c: &Condition, out: &mut Vec<String>) {
        for f in c.fields() {
            sorted::insert(out, f.0.clone());
        }
    }
    let mut out = Vec::new();
    for step in &form.form().steps {
        if let Some(c) = &step.shown_if {
            collect(c, &mut out);
        }
        for f in &step.fields {
            if let Some(c) = &f.shown_if {
                collect(c, &mut out);
            }
            if let FieldKind::Group(g) = &f.kind {
                for child in &g.fields {
                    if let Some(c) = &child.shown_if {
                        collect(c, &mut out);
                    }
                }
            }
        }
    }
    // A group member's condition may read a sibling: keep only top-level ids here; the
    // item's own answers are added by `is_item_visible`.
    out.into_iter()
        .filter(|id| form.group_of(id).is_none())
        .collect()
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

pub fn today() -> Date {
    Date::today_in_vietnam(now_ms())
}
