//! Questions typed as text: short and long text, number, date, email, phone, personal
//! number and tax code. The text is kept exactly as typed; the engine normalises it.

use leptos::prelude::*;
use portal_core::form::{Answer, Field, FieldKind};

use super::shell::{described_by, errors_at, Binding, FieldShell};
use crate::form::{FormState, Locks};
use crate::i18n::Key;

/// Input attributes for a kind: (type, inputmode, autocomplete, width class, format hint).
fn attrs(
    kind: &FieldKind,
) -> (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<Key>,
) {
    match kind {
        FieldKind::Number(_) => ("text", "decimal", "off", "input--w10", None),
        FieldKind::Date(_) => ("text", "numeric", "off", "input--w10", Some(Key::HintDate)),
        FieldKind::Email => ("email", "email", "email", "", None),
        FieldKind::Phone(_) => ("tel", "tel", "tel", "input--w20", Some(Key::HintPhone)),
        FieldKind::PersonalId => (
            "text",
            "numeric",
            "off",
            "input--w20",
            Some(Key::HintPersonalId),
        ),
        FieldKind::TaxCode(o) if o.allow_personal_id => (
            "text",
            "numeric",
            "off",
            "input--w20",
            Some(Key::HintTaxCodeOrId),
        ),
        FieldKind::TaxCode(_) => (
            "text",
            "numeric",
            "off",
            "input--w20",
            Some(Key::HintTaxCode),
        ),
        _ => ("text", "text", "off", "", None),
    }
}

pub fn text_of(a: Option<Answer>) -> String {
    match a {
        Some(Answer::Text(s)) => s,
        _ => String::new(),
    }
}

/// A text box (or text area) bound to `binding`.
#[component]
pub fn TextControl(
    state: FormState,
    field: Field,
    binding: Binding,
    #[prop(into, default = Signal::from(false))] read_only: Signal<bool>,
) -> impl IntoView {
    let (ty, mode, auto, width, default_hint) = attrs(&field.kind);
    let dom_id = binding.dom_id();
    let describedby = described_by(&state, &field, &binding, default_hint.is_some());
    let st = state.clone();
    let path = binding.path.clone();
    let invalid = Memo::new(move |_| !errors_at(&st, &path).is_empty());
    let invalid = move || invalid.get();
    let get = binding.get.clone();
    let value = move || text_of(get());
    let set = binding.set.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        set((!v.is_empty()).then_some(Answer::Text(v)));
    };
    let spell = matches!(field.kind, FieldKind::Text(_) | FieldKind::LongText(_));
    if matches!(field.kind, FieldKind::LongText(_)) {
        view! {
            <textarea
                id=dom_id
                class=move || if invalid() { "textarea input--error" } else { "textarea" }
                rows="5"
                aria-describedby=describedby
                aria-invalid=move || invalid().then_some("true")
                readonly=move || read_only.get()
                prop:value=value
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=dom_id
                class=move || format!("input {width}{}", if invalid() { " input--error" } else { "" })
                type=ty
                inputmode=mode
                autocomplete=auto
                spellcheck=if spell { "true" } else { "false" }
                aria-describedby=describedby
                aria-invalid=move || invalid().then_some("true")
                readonly=move || read_only.get()
                prop:value=value
                on:input=on_input
            />
        }
        .into_any()
    }
}

#[component]
pub fn TextField(state: FormState, field: Field) -> impl IntoView {
    let Some(binding) = Binding::top(&state, field.id.as_str()) else {
        return ().into_any();
    };
    let default_hint = attrs(&field.kind).4;
    let Locks { locked, read_only } = state.lock_signals(field.id.as_str());
    view! {
        <FieldShell state=state.clone() field=field.clone() binding=binding.clone() default_hint=default_hint>
            <TextControl state field binding read_only/>
            {move || locked.get().then(|| view! { <p class="prefilled">{crate::i18n::use_i18n().t(Key::PrefilledLocked)}</p> })}
        </FieldShell>
    }
    .into_any()
}
