//! `/sources`: the legal texts the published catalogue relies on, newest first, each with
//! its date and the services that cite it, so that staff see what to re-check when a law
//! or circular changes. The list is the server's, built from the catalogue's data.

use crate::components::Title;
use crate::fetched::Fetched;
use leptos::prelude::*;
use portal_api::catalogue::LegalSource;
use portal_core::validators::date::Date;
use portal_core::{Confidence, LegalRole};

use crate::api;
use crate::i18n::{use_i18n, Key};

fn role(r: LegalRole) -> Key {
    match r {
        LegalRole::Law => Key::RoleLaw,
        LegalRole::Procedure => Key::RoleProcedure,
        LegalRole::Fee => Key::RoleFee,
        LegalRole::Programme => Key::RoleProgramme,
    }
}

#[component]
pub fn SourcesPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Fetched::new(api::legal_sources);
    let retry = Callback::new(move |_| data.refetch());
    view! {
        <Title text=move || i18n.t(Key::SourcesTitle)/>
        <nav class="breadcrumbs" aria-label=move || i18n.t(Key::Breadcrumbs)>
            <ol>
                <li><a href=api::href("/")>{move || i18n.t(Key::Home)}</a></li>
            </ol>
        </nav>
        <h1>{move || i18n.t(Key::SourcesTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::SourcesIntro)}</p>
        {move || match data.get() {
            None => view! { <crate::components::Loading/> }.into_any(),
            Some(Ok(list)) => {
                let n = list.sources.len();
                view! {
                    <p class="hint">{move || crate::i18n::fill::sources_count(i18n.lang.get(), n)}</p>
                    {list.sources.into_iter().map(|s| view! { <Source source=s/> }).collect_view()}
                }
                .into_any()
            }
            Some(Err(_)) => view! { <crate::components::LoadFailed on_retry=retry/> }.into_any(),
        }}
    }
}

#[component]
fn Source(source: LegalSource) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |k| i18n.t(k);
    let issued = source
        .issued
        .as_deref()
        .and_then(Date::parse_iso)
        .map(crate::tracking::format_date);
    let checking = source.confidence == Confidence::NeedsCheck;
    let instrument = source.instrument.clone();
    view! {
        <section class="legal-source">
            <h2>{source.instrument.clone()}</h2>
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt>{move || t(Key::SourceIssued)}</dt>
                    <dd>{match issued {
                        Some(d) => d.into_any(),
                        None => view! { {move || t(Key::SourceUndated)} }.into_any(),
                    }}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{move || t(Key::SourceStatus)}</dt>
                    <dd>{move || t(if checking { Key::SourceChecking } else { Key::SourceConfirmed })}</dd>
                </div>
            </dl>
            <p><a href=source.source.clone() rel="noopener noreferrer" class="source-link">{move || t(Key::Source)}<span class="visually-hidden">": "{instrument.clone()}</span></a></p>
            <h3>{move || t(Key::SourceUsedBy)}</h3>
            <ul class="list list--bullet">
                {source.uses.into_iter().map(|u| {
                    let href = api::href(&portal_api::routes::service(&u.service));
                    let name = u.service_name.clone();
                    let title = u.title.clone();
                    view! {
                        <li>
                            <a href=href>{move || name.get(i18n.lang.get()).to_string()}</a>
                            {u.role.map(|r| view! { " " <span class="tag">{move || t(role(r))}</span> })}
                            <br/><span class="hint">{move || title.get(i18n.lang.get()).to_string()}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
