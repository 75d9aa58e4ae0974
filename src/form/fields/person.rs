//! A person block: full name, date of birth, sex and personal number, each asked or not
//! as the question's options say.

use leptos::prelude::*;
use portal_core::form::{Answer, Field, FieldKind, Part, PersonAnswer, Presence};
use portal_core::validators::Sex;

use super::shell::{Binding, FieldShell};
use crate::form::{FormState, Locks};
use crate::i18n::{use_i18n, Key};

fn person_of(a: Option<Answer>) -> PersonAnswer {
    match a {
        Some(Answer::Person(p)) => p,
        _ => PersonAnswer::default(),
    }
}

#[component]
pub fn PersonControl(
    field: Field,
    binding: Binding,
    #[prop(into, default = Signal::from(false))] read_only: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let FieldKind::Person(opts) = &field.kind else {
        return ().into_any();
    };
    let opts = opts.clone();
    let get = binding.get.clone();
    let person = Memo::new(move |_| person_of(get()));
    let update = {
        let set = binding.set.clone();
        move |f: &dyn Fn(&mut PersonAnswer)| {
            let mut p = person.get_untracked();
            f(&mut p);
            set((!p.is_blank()).then_some(Answer::Person(p)));
        }
    };
    let update = std::sync::Arc::new(update);
    let id = |part: Part| binding.path.clone().with_part(part).dom_id();
    let text_part = |part: Part,
                     label: Key,
                     hint: Option<Key>,
                     mode: &'static str,
                     width: &'static str,
                     get: fn(&PersonAnswer) -> String,
                     put: fn(&mut PersonAnswer, String)| {
        let id = id(part);
        let hint_id = format!("{id}-hint");
        let update = update.clone();
        view! {
            <div class="field field--part">
                <label class="label label--part" for=id.clone()>{move || i18n.t(label)}</label>
                {hint.map(|h| view! { <div class="hint" id=hint_id.clone()>{move || i18n.t(h)}</div> })}
                <input id=id class=format!("input {width}") type="text" inputmode=mode autocomplete="off"
                    spellcheck="false" readonly=move || read_only.get()
                    aria-describedby=hint.map(|_| hint_id.clone())
                    prop:value=move || person.with(get)
                    on:input=move |ev| { let v = event_target_value(&ev); update(&|p| put(p, v.clone())); }/>
            </div>
        }
    };
    let name = text_part(
        Part::FullName,
        Key::PartFullName,
        None,
        "text",
        "",
        |p| p.full_name.clone(),
        |p, v| p.full_name = v,
    );
    let birth = (opts.birth_date != Presence::Omitted).then(|| {
        text_part(
            Part::BirthDate,
            Key::PartBirthDate,
            Some(Key::HintDate),
            "numeric",
            "input--w10",
            |p| p.birth_date.clone(),
            |p, v| p.birth_date = v,
        )
    });
    let idn = (opts.id_number != Presence::Omitted).then(|| {
        text_part(
            Part::IdNumber,
            Key::PartIdNumber,
            Some(Key::HintPersonalId),
            "numeric",
            "input--w20",
            |p| p.id_number.clone(),
            |p, v| p.id_number = v,
        )
    });
    let sex = (opts.sex != Presence::Omitted).then(|| {
        let sex_id = id(Part::Sex);
        let name = sex_id.clone();
        let update = update.clone();
        let update2 = update.clone();
        view! {
            <fieldset class="fieldset field field--part">
                <legend class="label label--part">{move || i18n.t(Key::PartSex)}</legend>
                <div class="radios radios--inline">
                    <div class="radios__item">
                        <input class="radios__input" type="radio" id=sex_id.clone() name=name.clone() disabled=move || read_only.get()
                            prop:checked=move || person.with(|p| p.sex == Some(Sex::Male))
                            on:change=move |_| update(&|p| p.sex = Some(Sex::Male))/>
                        <label class="radios__label" for=sex_id.clone()>{move || i18n.t(Key::SexMale)}</label>
                    </div>
                    <div class="radios__item">
                        <input class="radios__input" type="radio" id=format!("{sex_id}-f") name=name disabled=move || read_only.get()
                            prop:checked=move || person.with(|p| p.sex == Some(Sex::Female))
                            on:change=move |_| update2(&|p| p.sex = Some(Sex::Female))/>
                        <label class="radios__label" for=format!("{sex_id}-f")>{move || i18n.t(Key::SexFemale)}</label>
                    </div>
                </div>
            </fieldset>
        }
    });
    view! { <div class="person">{name}{birth}{sex}{idn}</div> }.into_any()
}

#[component]
pub fn PersonBlock(state: FormState, field: Field) -> impl IntoView {
    let Some(binding) = Binding::top(&state, field.id.as_str()) else {
        return ().into_any();
    };
    let Locks { locked, read_only } = state.lock_signals(field.id.as_str());
    view! {
        <FieldShell state field=field.clone() binding=binding.clone() fieldset=true>
            <PersonControl field binding read_only/>
            {move || locked.get().then(|| view! { <p class="prefilled">{crate::i18n::use_i18n().t(Key::PrefilledLocked)}</p> })}
        </FieldShell>
    }
    .into_any()
}
