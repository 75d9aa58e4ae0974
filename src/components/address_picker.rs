//! Choosing a place after the 2025 reform: a province, then one of its communes. The 34
//! provinces come first; a province's communes (up to 168) are fetched only when it is
//! chosen and narrowed by typing, with or without diacritics, into a native `<select>`,
//! which works with every keyboard, screen reader and phone picker. Below, a helper finds
//! the new commune from an address written before 1 July 2025.

use crate::fetched::Fetched;
use leptos::prelude::*;
use portal_core::admin_units::{search_communes, Commune, Province};

use crate::api;
use crate::components::{ErrorState, LegacyAddress};
use crate::i18n::{fill, use_i18n, Key};

/// What the picker has chosen so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressChoice {
    pub province: Option<Province>,
    pub commune: Option<Commune>,
}

impl AddressChoice {
    /// "Phường Ba Đình, Thành phố Hà Nội", once both are chosen.
    pub fn place_name(&self) -> Option<String> {
        let (p, c) = (self.province.as_ref()?, self.commune.as_ref()?);
        Some(format!("{}, {}", c.full_name(), p.full_name()))
    }
}

#[component]
pub fn AddressPicker(
    /// Prefix of the element ids, unique on the page.
    #[prop(into)]
    id: String,
    /// The question the fieldset answers, e.g. "Where you live".
    #[prop(into)]
    legend: Signal<String>,
    /// The chosen province and commune: the parent reads it, and may preset it.
    choice: RwSignal<AddressChoice>,
    /// Shown but not open to change (an address the person's record fills and locks).
    #[prop(into, default = Signal::from(false))]
    read_only: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::components::intern::intern(&id);
    let provinces = Fetched::new(api::provinces);
    let retry_provinces = Callback::new(move |_| provinces.refetch());
    let province_code =
        Memo::new(move |_| choice.with(|c| c.province.as_ref().map(|p| p.code.clone())));
    let filter = RwSignal::new(String::new());

    let choose_province = move |list: &[Province], code: String| {
        filter.set(String::new());
        choice.set(AddressChoice {
            province: list.iter().find(|p| p.code == code).cloned(),
            commune: None,
        });
    };
    let on_legacy_pick = Callback::new(move |(province, commune): (Province, Commune)| {
        filter.set(String::new());
        choice.set(AddressChoice {
            province: Some(province),
            commune: Some(commune),
        });
    });

    view! {
        <div class="address-picker">
            <fieldset class="address-picker__fieldset" disabled=move || read_only.get()>
                <legend class="address-picker__legend">{move || legend.get()}</legend>
                {move || match provinces.get() {
                    None => view! { <crate::components::Loading/> }.into_any(),
                    Some(Err(_)) => view! {
                        <ErrorState title=Key::AddressLoadError body=Key::LoadErrorBody on_retry=retry_provinces/>
                    }
                    .into_any(),
                    Some(Ok(list)) => {
                        let list = StoredValue::new(list);
                        view! {
                            <div class="field">
                                <label class="label" for=format!("{id}-province")>{move || i18n.t(Key::AddressProvince)}</label>
                                <select
                                    id=format!("{id}-province")
                                    class="select address-picker__select"
                                    on:change=move |ev| list.with_value(|l| choose_province(l, event_target_value(&ev)))
                                >
                                    <option value="" selected=move || province_code.with(Option::is_none)>
                                        {move || i18n.t(Key::AddressChooseProvince)}
                                    </option>
                                    {list.with_value(|l| l.iter().map(|p| {
                                        let code = p.code.clone();
                                        view! {
                                            <option
                                                value=p.code.clone()
                                                selected=move || province_code.with(|c| c.as_deref() == Some(code.as_str()))
                                            >
                                                {p.name.clone()}
                                            </option>
                                        }
                                    }).collect_view())}
                                </select>
                            </div>
                        }
                        .into_any()
                    }
                }}
                {move || province_code.get().map(|code| view! { <CommuneField id code choice filter/> })}
            </fieldset>
            {move || (!read_only.get()).then(|| view! { <LegacyAddress id=id on_pick=on_legacy_pick/> })}
        </div>
    }
}

/// The communes of the chosen province: a filter box and the select it narrows.
#[component]
fn CommuneField(
    id: &'static str,
    code: String,
    choice: RwSignal<AddressChoice>,
    filter: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let communes = Fetched::new(move || {
        let code = code.clone();
        async move { api::communes(&code).await }
    });
    let retry = Callback::new(move |_| communes.refetch());
    let chosen_code =
        Memo::new(move |_| choice.with(|c| c.commune.as_ref().map(|c| c.code.clone())));
    view! {
        {move || match communes.get() {
            None => view! { <crate::components::Loading/> }.into_any(),
            Some(Err(_)) => view! {
                <ErrorState title=Key::AddressLoadError body=Key::LoadErrorBody on_retry=retry/>
            }
            .into_any(),
            Some(Ok(loaded)) => {
                let all = StoredValue::new(loaded.communes);
                // The chosen commune stays in the list while it is filtered out, so the
                // select never shows something other than the choice.
                let shown = Memo::new(move |_| {
                    all.with_value(|all| {
                        let mut hits: Vec<Commune> = filter.with(|q| search_communes(all, q)).into_iter().cloned().collect();
                        if let Some(chosen) = chosen_code.get() {
                            if !hits.iter().any(|c| c.code == chosen) {
                                if let Some(c) = all.iter().find(|c| c.code == chosen) {
                                    hits.insert(0, c.clone());
                                }
                            }
                        }
                        hits
                    })
                });
                let matches = move || filter.with(|q| all.with_value(|all| search_communes(all, q).len()));
                let count = move || {
                    let lang = i18n.lang.get();
                    let q = filter.get();
                    let n = matches();
                    if q.trim().is_empty() {
                        fill::address_count(lang, n)
                    } else if n == 0 {
                        fill::address_no_match(lang, q.trim())
                    } else {
                        fill::address_matches(lang, n)
                    }
                };
                let on_commune = move |ev| {
                    let code = event_target_value(&ev);
                    let commune = all.with_value(|all| all.iter().find(|c| c.code == code).cloned());
                    choice.update(|c| c.commune = commune);
                };
                view! {
                    <div class="field">
                        <label class="label" for=format!("{id}-filter")>{move || i18n.t(Key::AddressFilter)}</label>
                        <p class="hint" id=format!("{id}-filter-hint")>{move || i18n.t(Key::AddressFilterHint)}</p>
                        <input
                            id=format!("{id}-filter")
                            class="input address-picker__filter"
                            type="search"
                            autocomplete="off"
                            spellcheck="false"
                            aria-describedby=format!("{id}-filter-hint {id}-count")
                            aria-controls=format!("{id}-commune")
                            prop:value=move || filter.get()
                            on:input=move |ev| filter.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field">
                        <label class="label" for=format!("{id}-commune")>{move || i18n.t(Key::AddressCommune)}</label>
                        <select id=format!("{id}-commune") class="select address-picker__select" on:change=on_commune>
                            <option value="" selected=move || chosen_code.with(Option::is_none)>
                                {move || i18n.t(Key::AddressChooseCommune)}
                            </option>
                            <For each=move || shown.get() key=|c| c.code.clone() let:c>
                                {
                                    let code = c.code.clone();
                                    view! {
                                        <option
                                            value=c.code.clone()
                                            selected=move || chosen_code.with(|x| x.as_deref() == Some(code.as_str()))
                                        >
                                            {c.full_name()}
                                        </option>
                                    }
                                }
                            </For>
                        </select>
                        <p id=format!("{id}-count") class="address-picker__count" role="status">{count}</p>
                    </div>
                }
                .into_any()
            }
        }}
    }
}
