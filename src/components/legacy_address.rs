//! "I only have an old address": finds the commune that a ward, district and province
//! written before 1 July 2025 (on an ID card, a land certificate) belongs to now, and
//! hands the choice to the address picker. The matching itself is the server's, with the
//! rules of `portal_core::admin_units::Legacy`.

use leptos::prelude::*;
use portal_core::admin_units::{Commune, LegacyMatch, LegacyQuery, LegacyResult, Province};
use wasm_bindgen::JsCast;

use crate::api::{self, ApiError};
use crate::i18n::{fill, text, use_i18n, Key};
use crate::split::Part;

fn focus(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// One labelled text input with its hint and, when `error` holds a message, the error.
#[component]
fn TextField(
    id: String,
    label: Key,
    hint: Key,
    value: RwSignal<String>,
    #[prop(optional)] error: Option<(RwSignal<bool>, Key)>,
    on_enter: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let invalid = move || error.is_some_and(|(e, _)| e.get());
    let described = {
        let (h, e) = (hint_id.clone(), error_id.clone());
        move || {
            if invalid() {
                format!("{h} {e}")
            } else {
                h.clone()
            }
        }
    };
    view! {
        <div class="field" class:field--error=invalid>
            <label class="label" for=id.clone()>{move || i18n.t(label)}</label>
            <p class="hint" id=hint_id>{move || i18n.t(hint)}</p>
            {move || error.filter(|(e, _)| e.get()).map(|(_, msg)| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{i18n.t(Key::ErrorPrefix)}</span>
                    {i18n.t(msg)}
                </p>
            })}
            <input
                id=id
                class="input"
                class:input--error=invalid
                type="text"
                autocomplete="off"
                spellcheck="false"
                aria-describedby=described
                aria-invalid=move || invalid().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        on_enter.run(());
                    }
                }
            />
        </div>
    }
}

/// A disclosure under the address picker. Its inside is drawn when first opened: in the
/// form's bundle its code is a chunk of its own, fetched then (most people never open it).
#[component]
pub fn LegacyAddress(
    /// Prefix of the element ids, unique on the page.
    #[prop(into)]
    id: String,
    /// Called with the new province and commune the user chose.
    on_pick: Callback<(Province, Commune)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::components::intern::intern(&id);
    // Once opened, the inside stays (closing keeps what was typed).
    let opened = RwSignal::new(false);
    let on_toggle = move |e: web_sys::Event| {
        let open = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|d| d.has_attribute("open"));
        if open {
            opened.set(true);
        }
    };
    view! {
        <details class="legacy-address" on:toggle=on_toggle>
            <summary class="legacy-address__toggle">{move || i18n.t(Key::LegacyToggle)}</summary>
            {move || opened.get().then(|| view! { <Part load=move || legacy_address_body(id, on_pick)/> })}
        </details>
    }
}

crate::split_off! { "split-form", legacy_address, preload_legacy_address;
    fn legacy_address_body(id: &'static str, on_pick: Callback<(Province, Commune)>) -> AnyView {
        view! { <LegacyAddressBody id on_pick/> }.into_any()
    }
}

/// The old address's three boxes, the search, and what it found.
#[component]
fn LegacyAddressBody(id: &'static str, on_pick: Callback<(Province, Commune)>) -> impl IntoView {
    let i18n = use_i18n();
    let ward = RwSignal::new(String::new());
    let district = RwSignal::new(String::new());
    let province = RwSignal::new(String::new());
    let ward_missing = RwSignal::new(false);
    let province_missing = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let result: RwSignal<Option<Result<LegacyResult, ApiError>>> = RwSignal::new(None);
    let picked: RwSignal<Option<String>> = RwSignal::new(None);

    // Validate on submit; a second press while a lookup runs does nothing.
    let find = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        let query = LegacyQuery {
            ward: ward.get_untracked().trim().to_string(),
            district: district.get_untracked().trim().to_string(),
            province: province.get_untracked().trim().to_string(),
        };
        ward_missing.set(query.ward.is_empty());
        province_missing.set(query.province.is_empty());
        if query.ward.is_empty() {
            focus(&format!("{id}-old-ward"));
            return;
        }
        if query.province.is_empty() {
            focus(&format!("{id}-old-province"));
            return;
        }
        busy.set(true);
        picked.set(None);
        leptos::task::spawn_local(async move {
            let r = api::legacy(&query).await;
            result.set(Some(r));
            busy.set(false);
        });
    });

    let status = move || {
        let lang = i18n.lang.get();
        if let Some(p) = picked.get() {
            return fill::legacy_chosen(lang, &p);
        }
        if busy.get() {
            return text(lang, Key::Loading).to_string();
        }
        match result.get() {
            None => String::new(),
            Some(Err(_)) => text(lang, Key::LegacyError).to_string(),
            Some(Ok(r)) if r.matches.is_empty() => text(lang, Key::LegacyNone).to_string(),
            Some(Ok(r)) => fill::legacy_found(lang, r.matches.len()),
        }
    };

    let pick = Callback::new(move |(p, c): (Province, Commune)| {
        picked.set(Some(format!("{}, {}", c.full_name(), p.full_name())));
        on_pick.run((p, c));
    });

    view! {
            <div class="legacy-address__body" role="group" aria-labelledby=format!("{id}-legacy-intro")>
                <p id=format!("{id}-legacy-intro")>{move || i18n.t(Key::LegacyIntro)}</p>
                <TextField id=format!("{id}-old-ward") label=Key::LegacyWard hint=Key::LegacyWardHint value=ward
                    error=(ward_missing, Key::LegacyWardMissing) on_enter=find/>
                <TextField id=format!("{id}-old-district") label=Key::LegacyDistrict hint=Key::LegacyDistrictHint value=district
                    on_enter=find/>
                <TextField id=format!("{id}-old-province") label=Key::LegacyProvince hint=Key::LegacyProvinceHint value=province
                    error=(province_missing, Key::LegacyProvinceMissing) on_enter=find/>
                <button type="button" class="button button--secondary" aria-disabled=move || busy.get().then_some("true")
                    on:click=move |_| find.run(())>
                    {move || i18n.t(Key::LegacyFind)}
                </button>
                <p class="legacy-address__status" role="status">{status}</p>
                {move || match result.get() {
                    Some(Ok(r)) if !r.matches.is_empty() => Some(view! {
                        <ul class="legacy-address__matches">
                            {r.matches.into_iter().map(|m| view! { <MatchItem m pick/> }).collect_view()}
                        </ul>
                    }),
                    _ => None,
                }}
            </div>
    }
}

/// An old ward and the commune(s) it became, each with a button to use it.
#[component]
fn MatchItem(m: LegacyMatch, pick: Callback<(Province, Commune)>) -> impl IntoView {
    let i18n = use_i18n();
    let old = format!("{}, {}, {}", m.old.ward, m.old.district, m.old.province);
    let split = m.new.len() > 1;
    view! {
        <li class="legacy-address__match">
            <p class="legacy-address__old">{old}" "{move || i18n.t(Key::LegacyNowIn)}</p>
            {split.then(|| view! { <p class="hint">{move || i18n.t(Key::LegacySplit)}</p> })}
            <ul class="legacy-address__new">
                {m.new.into_iter().map(|n| {
                    let place = format!("{}, {}", n.commune.full_name(), n.province.full_name());
                    let chosen = StoredValue::new((n.province, n.commune));
                    view! {
                        <li>
                            <strong class="legacy-address__place">{place.clone()}</strong>
                            <button type="button" class="button button--secondary legacy-address__use"
                                aria-label={let place = place.clone(); move || format!("{}: {place}", i18n.t(Key::LegacyUse))}
                                on:click=move |_| pick.run(chosen.get_value())>
                                {move || i18n.t(Key::LegacyUse)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}
