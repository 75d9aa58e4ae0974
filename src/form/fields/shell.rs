//! What every question shares: its label (or legend), hint, "(optional)" and error
//! messages, with the ids that tie them to the input for screen readers.

use std::sync::Arc;

use leptos::prelude::*;
use portal_core::form::{Answer, Field, FieldPath, ValidationError};

use crate::form::FormState;
use crate::i18n::{use_i18n, Key};

/// Where one question's answer is read and written: a top-level signal, or one member
/// of one item of a repeating group.
#[derive(Clone)]
pub struct Binding {
    pub path: FieldPath,
    pub get: Arc<dyn Fn() -> Option<Answer> + Send + Sync>,
    pub set: Arc<dyn Fn(Option<Answer>) + Send + Sync>,
}

impl Binding {
    pub fn top(state: &FormState, field: &str) -> Option<Binding> {
        let signal = state.signal(field)?;
        let state = state.clone();
        let id = field.to_string();
        Some(Binding {
            path: FieldPath::field(field),
            get: Arc::new(move || signal.get()),
            set: Arc::new(move |a| state.set(&id, a)),
        })
    }

    pub fn dom_id(&self) -> String {
        self.path.dom_id()
    }
}

/// The errors recorded for exactly this question (its parts included).
pub fn errors_at(state: &FormState, path: &FieldPath) -> Vec<ValidationError> {
    state.errors.with(|e| {
        e.iter()
            .filter(|e| e.path.field == path.field && e.path.item == path.item)
            .cloned()
            .collect()
    })
}

/// Messages for `path` in the current language; reactive.
pub fn error_text(state: &FormState, path: &FieldPath) -> Vec<String> {
    let lang = use_i18n().lang.get();
    errors_at(state, path)
        .iter()
        .map(|e| e.message(&state.form, lang))
        .collect()
}

/// Label or legend, hint and errors around a control. `fieldset` for radios, checkboxes
/// and blocks of several inputs; a `<label for>` otherwise.
#[component]
pub fn FieldShell(
    state: FormState,
    field: Field,
    binding: Binding,
    #[prop(default = false)] fieldset: bool,
    /// Extra hint when the question has none (formats to type).
    #[prop(default = None)]
    default_hint: Option<Key>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let dom_id = binding.dom_id();
    let hint_id = format!("{dom_id}-hint");
    let error_id = format!("{dom_id}-error");
    let path = binding.path.clone();
    let st = state.clone();
    let messages = Memo::new(move |_| error_text(&st, &path));
    let has_error = move || !messages.with(Vec::is_empty);
    let label = field.label.clone();
    let hint = field.hint.clone();
    let has_hint = hint.is_some() || default_hint.is_some();
    let optional = !field.required;
    let title = move || {
        let mut s = label.get(i18n.lang.get()).to_string();
        if optional {
            s.push(' ');
            s.push_str(i18n.t(Key::OptionalSuffix));
        }
        s
    };
    let hint_view = has_hint.then(|| {
        let hint = hint.clone();
        view! {
            <div class="hint" id=hint_id.clone()>
                {move || hint.as_ref().map(|h| h.get(i18n.lang.get()).to_string())
                    .or_else(|| default_hint.map(|k| i18n.t(k).to_string()))}
            </div>
        }
    });
    let errors_view = move || {
        messages
            .get()
            .into_iter()
            .map(|m| {
                view! {
                    <p class="error-message" id=error_id.clone()>
                        <span class="visually-hidden">{i18n.t(Key::ErrorPrefix)}</span>{m}
                    </p>
                }
            })
            .collect_view()
    };
    let describedby = {
        let hint_id = format!("{}-hint", binding.dom_id());
        let error_id = format!("{}-error", binding.dom_id());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if has_error() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let class = move || {
        if has_error() {
            "field field--error"
        } else {
            "field"
        }
    };
    if fieldset {
        view! {
            <div class=class>
                <fieldset class="fieldset" id=format!("{dom_id}-fieldset") aria-describedby=describedby>
                    <legend class="fieldset__legend">{title}</legend>
                    {hint_view}
                    {errors_view}
                    {children()}
                </fieldset>
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class=class>
                <label class="label" for=dom_id.clone()>{title}</label>
                {hint_view}
                {errors_view}
                {children()}
            </div>
        }
        .into_any()
    }
}

/// `aria-describedby` for an input inside a shell: its hint and error ids.
pub fn described_by(
    state: &FormState,
    field: &Field,
    binding: &Binding,
    default_hint: bool,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let dom_id = binding.dom_id();
    let has_hint = field.hint.is_some() || default_hint;
    let st = state.clone();
    let path = binding.path.clone();
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{dom_id}-hint"));
        }
        if !errors_at(&st, &path).is_empty() {
            ids.push(format!("{dom_id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}
