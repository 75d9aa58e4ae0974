//! `/embed`: for provinces' and ministries' web teams: choose an element, province and
//! language, see it live, copy the snippet, and read the attributes, events, the lines a
//! Content-Security-Policy needs and the versions.

use crate::components::Title;
use crate::fetched::Fetched;
use leptos::prelude::*;
use portal_api::routes::{EMBED_MAJOR, EMBED_VERSION};

use crate::api;
use crate::embed::snippet::{csp_lines, script_url, snippet, Choice, Element, ROOM_CSS};
use crate::i18n::{use_i18n, Key};

/// The portal's origin, as the page was reached.
fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// Loads the elements' script into this page once, for the preview.
fn load_script() {
    let doc = document();
    if doc
        .query_selector("script[data-dvc-embed]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let (Ok(script), Ok(Some(head))) = (doc.create_element("script"), doc.query_selector("head"))
    else {
        return;
    };
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("data-dvc-embed", "");
    let _ = script.set_attribute("src", &script_url("", EMBED_VERSION));
    let _ = head.append_child(&script);
}

#[component]
pub fn EmbedPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move |k| i18n.t(k);
    let provinces = Fetched::new(api::availability);
    let catalogue = Fetched::new(api::catalogue);
    let element = RwSignal::new(Element::Search);
    let province = RwSignal::new(Some("79".to_string()));
    let lang = RwSignal::new("vi");
    let service = RwSignal::new("birth-registration".to_string());
    let choice = Memo::new(move |_| Choice {
        element: element.get(),
        province: province.get(),
        lang: lang.get(),
        service: service.get(),
    });
    let code = move || snippet(&origin(), EMBED_MAJOR, &choice.get());
    Effect::new(move |_| load_script());

    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = code();
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(
                window().navigator().clipboard().write_text(&text),
            )
            .await
            .is_ok();
            copied.set(Some(done));
        });
    };
    Effect::new(move |_| {
        choice.track();
        copied.set(None);
    });

    view! {
        <Title text=move || t(Key::EmbedTitle)/>
        <h1>{move || t(Key::EmbedTitle)}</h1>
        <p class="lead">{move || t(Key::EmbedIntro)}</p>

        <h2>{move || t(Key::EmbedChooseTitle)}</h2>
        <div class="filters__row">
            <div class="field">
                <label class="label" for="embed-element">{move || t(Key::EmbedElement)}</label>
                <select id="embed-element" class="select" on:change=move |ev| {
                    element.set(if event_target_value(&ev) == "card" { Element::Card } else { Element::Search });
                }>
                    <option value="search" selected=move || element.get() == Element::Search>{move || t(Key::EmbedElementSearch)}</option>
                    <option value="card" selected=move || element.get() == Element::Card>{move || t(Key::EmbedElementCard)}</option>
                </select>
            </div>
            <div class="field">
                <label class="label" for="embed-province">{move || t(Key::EmbedProvince)}</label>
                <select id="embed-province" class="select" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    province.set(portal_core::admin_units::is_province_code(&v).then_some(v));
                }>
                    <option value="" selected=move || province.with(Option::is_none)>{move || t(Key::FilterAny)}</option>
                    {move || provinces.get().and_then(Result::ok).map(|m| m.provinces).unwrap_or_default().into_iter().map(|p| {
                        let code = p.code.clone();
                        view! {
                            <option value=p.code selected=move || province.with(|v| v.as_deref() == Some(code.as_str()))>{p.name}</option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="label" for="embed-lang">{move || t(Key::EmbedLanguage)}</label>
                <select id="embed-lang" class="select" on:change=move |ev| {
                    lang.set(if event_target_value(&ev) == "en" { "en" } else { "vi" });
                }>
                    <option value="vi" selected=move || lang.get() == "vi">"Tiếng Việt"</option>
                    <option value="en" selected=move || lang.get() == "en">"English"</option>
                </select>
            </div>
            <Show when=move || element.get() == Element::Card>
                <div class="field">
                    <label class="label" for="embed-service">{move || t(Key::EmbedService)}</label>
                    <select id="embed-service" class="select" on:change=move |ev| service.set(event_target_value(&ev))>
                        {move || catalogue.get().and_then(Result::ok).map(|c| c.services).unwrap_or_default().into_iter().map(|s| {
                            let id = s.id.0.clone();
                            view! {
                                <option value=s.id.0.clone() selected=move || service.with(|v| *v == id)>
                                    {move || s.name.get(i18n.lang.get()).to_string()}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
            </Show>
        </div>

        <h2>{move || t(Key::EmbedSnippetTitle)}</h2>
        <p class="hint">{move || t(Key::EmbedSnippetHint)}</p>
        <pre class="embed-code" tabindex="0"><code id="embed-snippet">{code}</code></pre>
        <p>
            <button type="button" class="button button--secondary" on:click=copy>{move || t(Key::EmbedCopy)}</button>
            " "<span role="status">{move || match copied.get() {
                Some(true) => t(Key::EmbedCopied),
                Some(false) => t(Key::EmbedCopyFailed),
                None => "",
            }}</span>
        </p>

        <p>{move || t(Key::EmbedRoomHint)}</p>
        <pre class="embed-code" tabindex="0"><code id="embed-room">{ROOM_CSS}</code></pre>

        <h2>{move || t(Key::EmbedPreviewTitle)}</h2>
        <div class="embed-preview">
            {move || match element.get() {
                Element::Search => view! {
                    <dvc-service-search province=move || province.get() lang=move || lang.get()></dvc-service-search>
                }
                .into_any(),
                Element::Card => view! {
                    <dvc-service service=move || service.get() province=move || province.get() lang=move || lang.get()></dvc-service>
                }
                .into_any(),
            }}
        </div>

        <h2>{move || t(Key::EmbedAttributesTitle)}</h2>
        <p>{move || t(Key::EmbedAttributesIntro)}</p>
        <table class="table">
            <thead><tr>
                <th scope="col">{move || t(Key::EmbedColumnName)}</th>
                <th scope="col">{move || t(Key::EmbedColumnElement)}</th>
                <th scope="col">{move || t(Key::EmbedColumnMeaning)}</th>
            </tr></thead>
            <tbody>
                {[
                    ("province", None, Key::EmbedAttrProvince),
                    ("lang", None, Key::EmbedAttrLang),
                    ("audience", Some(Element::Search), Key::EmbedAttrAudience),
                    ("topic", Some(Element::Search), Key::EmbedAttrTopic),
                    ("q", Some(Element::Search), Key::EmbedAttrQuery),
                    ("service", Some(Element::Card), Key::EmbedAttrService),
                ].into_iter().map(|(name, on, meaning)| view! {
                    <tr>
                        <th scope="row"><code>{name}</code></th>
                        <td>{move || on.map(|e| e.tag()).unwrap_or_else(|| t(Key::EmbedBothElements))}</td>
                        <td>{move || t(meaning)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>

        <h2>{move || t(Key::EmbedEventsTitle)}</h2>
        <p>{move || t(Key::EmbedEventsIntro)}</p>
        <table class="table">
            <thead><tr>
                <th scope="col">{move || t(Key::EmbedColumnName)}</th>
                <th scope="col">{move || t(Key::EmbedColumnDetail)}</th>
                <th scope="col">{move || t(Key::EmbedColumnMeaning)}</th>
            </tr></thead>
            <tbody>
                {[
                    ("dvc-ready", "services | service", Key::EmbedEventReady),
                    ("dvc-service-select", "service, url", Key::EmbedEventSelect),
                    ("dvc-apply", "service, url, province", Key::EmbedEventApply),
                    ("dvc-error", "message", Key::EmbedEventError),
                    ("loaded", "", Key::EmbedLoadedAttribute),
                ].into_iter().map(|(name, detail, meaning)| view! {
                    <tr>
                        <th scope="row"><code>{name}</code></th>
                        <td><code>{detail}</code></td>
                        <td>{move || t(meaning)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>

        <h2>{move || t(Key::EmbedSecurityTitle)}</h2>
        <p>{move || t(Key::EmbedSecurityCsp)}</p>
        <pre class="embed-code" tabindex="0"><code id="embed-csp">{csp_lines(&origin())}</code></pre>
        <p>{move || t(Key::EmbedSecurityOrigins)}</p>

        <h2>{move || t(Key::EmbedVersionsTitle)}</h2>
        <ul class="list list--bullet">
            <li><code>{script_url(&origin(), EMBED_MAJOR)}</code>": "{move || t(Key::EmbedVersionsFollow)}</li>
            <li><code>{script_url(&origin(), EMBED_VERSION)}</code>": "{move || t(Key::EmbedVersionsPin)}</li>
        </ul>
        <h3>{move || t(Key::EmbedChangelogTitle)}</h3>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt>"1.0.0 (2026-12-04)"</dt>
                <dd>{move || t(Key::EmbedChangelog100)}</dd>
            </div>
        </dl>
    }
}
