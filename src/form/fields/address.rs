//! An address question: province and commune through the shared `AddressPicker` (with
//! its old-address helper), then the house number and street. Stored as codes.

use leptos::prelude::*;
use portal_core::form::{AddressAnswer, Answer, Field, FieldKind, Part, Presence};

use super::shell::{errors_at, Binding};
use crate::api;
use crate::components::{AddressChoice, AddressPicker};
use crate::form::{FormState, Locks};
use crate::i18n::{use_i18n, Key};

fn address_of(a: Option<Answer>) -> AddressAnswer {
    match a {
        Some(Answer::Address(a)) => a,
        _ => AddressAnswer::default(),
    }
}

/// Resolves saved codes back to the province and commune (after a reload, from a draft).
pub(crate) async fn choice_for(a: AddressAnswer) -> AddressChoice {
    let mut choice = AddressChoice::default();
    if a.province.is_empty() {
        return choice;
    }
    if let Ok(list) = api::provinces().await {
        choice.province = list.into_iter().find(|p| p.code == a.province);
    }
    if choice.province.is_some() && !a.commune.is_empty() {
        if let Ok(pc) = api::communes(&a.province).await {
            choice.commune = pc.communes.into_iter().find(|c| c.code == a.commune);
        }
    }
    choice
}

#[component]
pub fn AddressField(state: FormState, field: Field) -> impl IntoView {
    let i18n = use_i18n();
    let Some(binding) = Binding::top(&state, field.id.as_str()) else {
        return ().into_any();
    };
    let FieldKind::Address(opts) = field.kind.clone() else {
        return ().into_any();
    };
    let dom_id = binding.dom_id();
    // The person's record may fill and lock the address (the server refuses any other at
    // Send); it is closed until who is signed in is known.
    let Locks { locked, read_only } = state.lock_signals(field.id.as_str());
    let get = binding.get.clone();
    let set = binding.set.clone();
    let choice = RwSignal::new(AddressChoice::default());
    let codes_of = |c: &AddressChoice| {
        (
            c.province
                .as_ref()
                .map(|p| p.code.clone())
                .unwrap_or_default(),
            c.commune
                .as_ref()
                .map(|c| c.code.clone())
                .unwrap_or_default(),
        )
    };
    // The answer drives the picker: a restored draft, a prefill from the identity, or a
    // deleted draft all show up in it (resolved from codes to names).
    {
        let get = get.clone();
        Effect::new(move |_| {
            let a = address_of(get());
            let wanted = (a.province.clone(), a.commune.clone());
            if choice.with_untracked(|c| codes_of(c)) == wanted {
                return;
            }
            if a.province.is_empty() {
                choice.set(AddressChoice::default());
                return;
            }
            leptos::task::spawn_local(async move {
                let c = choice_for(a).await;
                // The question may be gone by the time the names arrive.
                choice.try_set(c);
            });
        });
    }
    // The picker drives the answer when the citizen changes it.
    {
        let get = get.clone();
        let set = set.clone();
        Effect::new(move |first_run_done: Option<()>| {
            let (province, commune) = choice.with(|c| codes_of(c));
            // The first run only subscribes: the picker starts empty and must not blank
            // an answer it has not yet been given.
            if first_run_done.is_none() {
                return;
            }
            let current = untrack(|| address_of(get()));
            if (current.province.as_str(), current.commune.as_str())
                == (province.as_str(), commune.as_str())
            {
                return;
            }
            let mut a = current;
            a.province = province;
            a.commune = commune;
            set((!a.is_blank()).then_some(Answer::Address(a)));
        });
    }
    let st = state.clone();
    let path = binding.path.clone();
    let messages = Memo::new(move |_| {
        let lang = i18n.lang.get();
        errors_at(&st, &path)
            .iter()
            .map(|e| e.message(&st.form, lang))
            .collect::<Vec<_>>()
    });
    let label = field.label.clone();
    let optional = !field.required;
    let legend = Signal::derive(move || {
        let mut s = label.get(i18n.lang.get()).to_string();
        if optional {
            s.push(' ');
            s.push_str(i18n.t(Key::OptionalSuffix));
        }
        s
    });
    let hint = field.hint.clone();
    let street_id = binding.path.clone().with_part(Part::Street).dom_id();
    let street = (opts.street != Presence::Omitted).then(|| {
        let get = get.clone();
        let get2 = get.clone();
        let set = set.clone();
        view! {
            <div class="field">
                <label class="label" for=street_id.clone()>{move || i18n.t(Key::PartStreet)}</label>
                <input id=street_id class="input" type="text" autocomplete="street-address"
                    readonly=move || read_only.get()
                    prop:value=move || address_of(get2()).street
                    on:input=move |ev| {
                        let mut a = address_of(get());
                        a.street = event_target_value(&ev);
                        set((!a.is_blank()).then_some(Answer::Address(a)));
                    }/>
            </div>
        }
    });
    let error_id = format!("{dom_id}-error");
    view! {
        <div class=move || if messages.with(Vec::is_empty) { "field" } else { "field field--error" }>
            {hint.map(|h| view! { <p class="hint">{move || h.get(i18n.lang.get()).to_string()}</p> })}
            {move || messages.get().into_iter().map(|m| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">{i18n.t(Key::ErrorPrefix)}</span>{m}</p>
            }).collect_view()}
            <AddressPicker id=dom_id legend choice read_only/>
            {street}
            {move || locked.get().then(|| view! { <p class="prefilled">{i18n.t(Key::PrefilledLocked)}</p> })}
        </div>
    }
    .into_any()
}
