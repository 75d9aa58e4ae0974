//! Choices: radios for one answer (a select when the list is long), checkboxes for
//! several, yes/no, and the declaration checkbox.

use leptos::prelude::*;
use portal_core::form::{Answer, ChoiceOption, Field, FieldKind};

use super::shell::{Binding, FieldShell};
use crate::form::FormState;
use crate::i18n::{use_i18n, Key};

/// Above this many options a select is easier on a phone than a column of radios.
const RADIO_LIMIT: usize = 12;

fn options_of(field: &Field) -> Vec<ChoiceOption> {
    match &field.kind {
        FieldKind::Choice(o) => o.options.clone(),
        FieldKind::MultipleChoice(o) => o.options.clone(),
        _ => Vec::new(),
    }
}

#[component]
pub fn RadiosControl(field: Field, binding: Binding) -> impl IntoView {
    let i18n = use_i18n();
    let dom_id = binding.dom_id();
    let yes_no = matches!(field.kind, FieldKind::YesNo);
    // (value, label key or text) pairs; yes/no store a bool.
    let options: Vec<(String, Option<Key>, Option<ChoiceOption>)> = if yes_no {
        vec![
            ("yes".into(), Some(Key::Yes), None),
            ("no".into(), Some(Key::No), None),
        ]
    } else {
        options_of(&field)
            .into_iter()
            .map(|o| (o.value.clone(), None, Some(o)))
            .collect()
    };
    let get = binding.get.clone();
    let current = move || match get() {
        Some(Answer::Choice(v)) => Some(v),
        Some(Answer::YesNo(b)) => Some(if b {
            "yes".to_string()
        } else {
            "no".to_string()
        }),
        _ => None,
    };
    let current = Memo::new(move |_| current());
    let to_answer = move |v: String| -> Option<Answer> {
        if yes_no {
            Some(Answer::YesNo(v == "yes"))
        } else if v.is_empty() {
            None
        } else {
            Some(Answer::Choice(v))
        }
    };
    let set = binding.set.clone();
    let name = dom_id.clone();
    if options.len() > RADIO_LIMIT {
        let set = set.clone();
        return view! {
            <select id=dom_id class="select" on:change=move |ev| set(to_answer(event_target_value(&ev)))>
                <option value="" selected=move || current.with(Option::is_none)>{move || i18n.t(Key::ChooseOne)}</option>
                {options.into_iter().map(|(value, _, o)| {
                    let v = value.clone();
                    let label = o.map(|o| o.label).unwrap_or_default();
                    view! { <option value=value selected=move || current.with(|c| c.as_deref() == Some(v.as_str()))>{move || label.get(i18n.lang.get()).to_string()}</option> }
                }).collect_view()}
            </select>
        }
        .into_any();
    }
    let inline = yes_no;
    view! {
        <div class=if inline { "radios radios--inline" } else { "radios" }>
            {options.into_iter().enumerate().map(|(i, (value, key, o))| {
                let id = if i == 0 { dom_id.clone() } else { format!("{dom_id}-{i}") };
                let v = value.clone();
                let v2 = value.clone();
                let set = set.clone();
                let hint = o.as_ref().and_then(|o| o.hint.clone());
                let hint_id = format!("{id}-hint");
                let label = o.map(|o| o.label);
                view! {
                    <div class="radios__item">
                        <input class="radios__input" type="radio" id=id.clone() name=name.clone() value=value
                            aria-describedby=hint.is_some().then(|| hint_id.clone())
                            prop:checked=move || current.with(|c| c.as_deref() == Some(v.as_str()))
                            on:change=move |_| set(to_answer(v2.clone()))/>
                        <label class="radios__label" for=id>
                            {move || match (&key, &label) {
                                (Some(k), _) => i18n.t(*k).to_string(),
                                (None, Some(l)) => l.get(i18n.lang.get()).to_string(),
                                _ => String::new(),
                            }}
                        </label>
                        {hint.map(|h| view! { <div class="hint radios__hint" id=hint_id>{move || h.get(i18n.lang.get()).to_string()}</div> })}
                    </div>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}

#[component]
pub fn Radios(state: FormState, field: Field) -> impl IntoView {
    let Some(binding) = Binding::top(&state, field.id.as_str()) else {
        return ().into_any();
    };
    let long = options_of(&field).len() > RADIO_LIMIT;
    view! {
        <FieldShell state field=field.clone() binding=binding.clone() fieldset=!long>
            <RadiosControl field binding/>
        </FieldShell>
    }
    .into_any()
}

#[component]
pub fn CheckboxesControl(field: Field, binding: Binding) -> impl IntoView {
    let i18n = use_i18n();
    let dom_id = binding.dom_id();
    let get = binding.get.clone();
    let chosen = Memo::new(move |_| match get() {
        Some(Answer::Choices(v)) => v,
        _ => Vec::new(),
    });
    let set = binding.set.clone();
    view! {
        <div class="checkboxes">
            {options_of(&field).into_iter().enumerate().map(|(i, o)| {
                let id = if i == 0 { dom_id.clone() } else { format!("{dom_id}-{i}") };
                let v = o.value.clone();
                let v2 = o.value.clone();
                let set = set.clone();
                let label = o.label.clone();
                let hint_id = format!("{id}-hint");
                view! {
                    <div class="checkboxes__item">
                        <input class="checkboxes__input" type="checkbox" id=id.clone() value=o.value.clone()
                            aria-describedby=o.hint.is_some().then(|| hint_id.clone())
                            prop:checked=move || chosen.with(|c| c.contains(&v))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let mut next = chosen.get_untracked();
                                next.retain(|x| x != &v2);
                                if on {
                                    next.push(v2.clone());
                                }
                                set((!next.is_empty()).then_some(Answer::Choices(next)));
                            }/>
                        <label class="checkboxes__label" for=id>{move || label.get(i18n.lang.get()).to_string()}</label>
                        {o.hint.map(|h| view! { <div class="hint checkboxes__hint" id=hint_id>{move || h.get(i18n.lang.get()).to_string()}</div> })}
                    </div>
                }
            }).collect_view()}
        </div>
    }
}

#[component]
pub fn Checkboxes(state: FormState, field: Field) -> impl IntoView {
    let Some(binding) = Binding::top(&state, field.id.as_str()) else {
        return ().into_any();
    };
    view! {
        <FieldShell state field=field.clone() binding=binding.clone() fieldset=true>
            <CheckboxesControl field binding/>
        </FieldShell>
    }
    .into_any()
}

/// "I declare that…": one checkbox that must be ticked; its label is the declaration.
#[component]
pub fn Declaration(state: FormState, field: Field) -> impl IntoView {
    let i18n = use_i18n();
    let Some(binding) = Binding::top(&state, field.id.as_str()) else {
        return ().into_any();
    };
    let dom_id = binding.dom_id();
    let get = binding.get.clone();
    let set = binding.set.clone();
    let st = state.clone();
    let path = binding.path.clone();
    let messages = Memo::new(move |_| super::shell::error_text(&st, &path));
    let label = field.label.clone();
    let error_id = format!("{dom_id}-error");
    view! {
        <div class=move || if messages.with(Vec::is_empty) { "field declaration" } else { "field field--error declaration" }>
            {move || messages.get().into_iter().map(|m| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">{i18n.t(Key::ErrorPrefix)}</span>{m}</p>
            }).collect_view()}
            <div class="checkboxes__item">
                <input class="checkboxes__input" type="checkbox" id=dom_id.clone()
                    aria-describedby=move || (!messages.with(Vec::is_empty)).then(|| format!("{}-error", binding.dom_id()))
                    prop:checked=move || matches!(get(), Some(Answer::YesNo(true)))
                    on:change=move |ev| set(event_target_checked(&ev).then_some(Answer::YesNo(true)))/>
                <label class="checkboxes__label" for=dom_id>{move || label.get(i18n.lang.get()).to_string()}</label>
            </div>
        </div>
    }
    .into_any()
}
