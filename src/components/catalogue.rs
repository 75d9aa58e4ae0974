//! The catalogue's search: search box, filters and results over a loaded catalogue. The
//! portal's `/` keeps the query in the page's URL (`pages::catalogue`); an embedding
//! site's `<dvc-service-search>` keeps it in the element (`embed`).

use std::sync::Arc;

use leptos::prelude::*;
use portal_core::search::Index;
use portal_core::search_query::SearchQuery;
use portal_core::{Audience, CatalogueIndex, Level, ServiceSummary, Topic, TopicKind};

use crate::api::{self, ApiError};
use crate::components::ready::mark_ready;
use crate::components::{labels, ErrorState, Later, ServiceList};
use crate::fetched::Fetched;
use crate::i18n::{fill, use_i18n, Key};

/// How many results are rendered at first and per "show more".
const PAGE: usize = 50;

/// A catalogue read, with its search index.
#[derive(Clone)]
pub struct Searchable {
    pub catalogue: Arc<CatalogueIndex>,
    pub search: Arc<Index>,
}

/// Reads the catalogue (`read`, e.g. `api::catalogue()`) and builds its search index, each
/// in a task of its own, and the page's drawing in the next: reading, indexing and drawing
/// the catalogue's search in one task blocked the page for over 50 ms at 4x CPU.
pub async fn searchable(
    read: impl std::future::Future<Output = Result<CatalogueIndex, ApiError>>,
) -> Result<Searchable, ApiError> {
    let catalogue = read.await?;
    crate::tasks::next_task().await;
    let search = Arc::new(Index::build(&catalogue.services));
    crate::tasks::next_task().await;
    Ok(Searchable {
        catalogue: Arc::new(catalogue),
        search,
    })
}

/// Search box, filters and results over a loaded catalogue.
///
/// `query` is the search shown; the person's changes are written to it and passed to
/// `on_change` with whether they were typing (the page writes the URL then). With
/// `province_fixed`, the province is the host's choice and its filter is not offered.
#[component]
pub fn Catalogue(
    catalogue: Searchable,
    query: RwSignal<SearchQuery>,
    #[prop(optional)] on_change: Option<Callback<(SearchQuery, bool)>>,
    #[prop(optional)] province_fixed: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let Searchable {
        catalogue: index,
        search,
    } = catalogue;
    let search = StoredValue::new(search);
    let topics = StoredValue::new(index.topics.clone());
    let services = StoredValue::new(index);
    let limit = RwSignal::new(PAGE);
    let update = move |q: SearchQuery, typing: bool| {
        limit.set(PAGE);
        query.set(q.clone());
        if let Some(f) = on_change {
            f.run((q, typing));
        }
    };
    let update = StoredValue::new(update);

    // The province filter: every province with the services its people can file online
    // here, which the server knows (its agency systems); choosing one needs no request.
    let availability = Fetched::new(api::availability);
    let retry_available = Callback::new(move |_| availability.refetch());
    let province = Memo::new(move |_| query.with(|q| q.filter.province.clone()));
    // While the list comes, or when it could not, nothing is listed for a province.
    let waiting = move || province.with(Option::is_some) && availability.get().is_none();
    let failed =
        move || province.with(Option::is_some) && matches!(availability.get(), Some(Err(_)));
    let outcome = Memo::new(move |_| {
        let mut o = query.with(|q| search.with_value(|s| s.search(&q.text, &q.filter)));
        if let Some(code) = province.get() {
            let list = availability.get().and_then(Result::ok).and_then(|map| {
                map.provinces
                    .into_iter()
                    .find(|p| p.code == code)
                    .map(|p| p.services)
            });
            match list {
                Some(list) => services.with_value(|c| o.keep_available(&c.services, &list)),
                None => o = Default::default(),
            }
        }
        o
    });
    let pick = move |idx: &[usize], n: usize| -> Vec<ServiceSummary> {
        services.with_value(|c| idx.iter().take(n).map(|&i| c.services[i].clone()).collect())
    };
    let shown = Signal::derive(move || outcome.with(|o| pick(&o.hits, limit.get())));
    let closest = Signal::derive(move || outcome.with(|o| pick(&o.closest, o.closest.len())));
    let total = move || outcome.with(|o| o.hits.len());
    // While a query is typed and no filter is set, the life-event chips and the filters
    // fold, so the first result is on a phone's first screen. A Memo, so folding follows
    // the query's state, not each keystroke (filters opened stay open while typing).
    let folded = Memo::new(move |_| {
        query.with(|q| !q.text.trim().is_empty() && q.filter == Default::default())
    });

    // A key's own frame shows the letter typed; the results follow in a task after that
    // paint, so typing stays as quick as on a one-field page (the key's event to its
    // paint). Keys typed before that task coalesce into one search of the box's value
    // then, which a late update can never set back. Searching (Enter) takes that task
    // back and applies what was typed at once (nothing, if the results are up to date).
    let apply_typed = move |text: String| {
        let mut q = query.get_untracked();
        q.text = text;
        update.with_value(|u| u(q, true));
    };
    let search_box = NodeRef::<leptos::html::Input>::new();
    let results_count = NodeRef::<leptos::html::P>::new();
    let apply_box = move || {
        if let Some(input) = search_box.try_get_untracked().flatten() {
            apply_typed(input.value());
        }
    };
    let after_paint = StoredValue::new_local(crate::tasks::EachPaint::new(apply_box));
    let on_input = move |_| after_paint.with_value(|work| work.ask());
    // Searching moves focus to the count, which says what was found.
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if after_paint.with_value(|work| work.cancel()) {
            apply_box();
        }
        if let Some(count) = results_count.get_untracked() {
            let _ = count.focus();
        }
    };
    let set_audience = move |ev: leptos::ev::Event| {
        let mut q = query.get_untracked();
        q.filter.audience = Audience::from_slug(&event_target_value(&ev));
        update.with_value(|u| u(q, false));
    };
    let set_level = move |ev: leptos::ev::Event| {
        let mut q = query.get_untracked();
        q.filter.level = Level::from_slug(&event_target_value(&ev));
        update.with_value(|u| u(q, false));
    };
    let set_topic = move |ev: leptos::ev::Event| {
        let mut q = query.get_untracked();
        let v = event_target_value(&ev);
        q.filter.topic = topics
            .with_value(|t| t.iter().any(|t| t.id == v))
            .then_some(v);
        update.with_value(|u| u(q, false));
    };
    let set_province = move |ev: leptos::ev::Event| {
        let mut q = query.get_untracked();
        let v = event_target_value(&ev);
        q.filter.province = portal_core::admin_units::is_province_code(&v).then_some(v);
        update.with_value(|u| u(q, false));
    };
    let set_directive24 = move |ev: leptos::ev::Event| {
        let mut q = query.get_untracked();
        q.filter.directive24 = event_target_checked(&ev);
        update.with_value(|u| u(q, false));
    };
    // A new search keeps only what the host fixed (an embedding site's province).
    let fresh = move || {
        let mut q = SearchQuery::default();
        if province_fixed {
            q.filter.province = query.with_untracked(|q| q.filter.province.clone());
        }
        q
    };
    let clear = move |_| update.with_value(|u| u(fresh(), false));
    let topic_options = move |kind: TopicKind| {
        topics.with_value(|t| {
            t.iter()
                .filter(|t| t.kind == kind)
                .cloned()
                .collect::<Vec<Topic>>()
        })
    };
    // A life event's chip is a link (it can be opened apart or shared) that, clicked,
    // searches here.
    let life_event_link = move |t: Topic| {
        let chosen = move || {
            let mut q = fresh();
            q.filter.topic = Some(t.id.clone());
            q
        };
        let href = api::href(&chosen().to_path());
        let on_click = move |ev: leptos::ev::MouseEvent| {
            if !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
                ev.prevent_default();
                update.with_value(|u| u(chosen(), false));
            }
        };
        let name = t.name.clone();
        view! { <li><a href=href class="chip" on:click=on_click>{move || name.get(i18n.lang.get()).to_string()}</a></li> }
    };

    view! {
        <form class="search" role="search" on:submit=on_submit>
            <label class="label label--large" for="catalogue-search">{move || i18n.t(Key::SearchLabel)}</label>
            <p class="hint" id="catalogue-search-hint">{move || i18n.t(Key::SearchHint)}</p>
            <div class="search__row">
                <input
                    id="catalogue-search"
                    class="input search__input"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="catalogue-search-hint"
                    prop:value=move || query.with(|q| q.text.clone())
                    node_ref=search_box
                    on:input=on_input
                />
                <button type="submit" class="button search__button">{move || i18n.t(Key::SearchButton)}</button>
            </div>
        </form>
        <details class="filters" prop:open=move || !folded.get()>
            <summary class="filters__toggle">{move || i18n.t(Key::FiltersLegend)}</summary>
            <nav class="life-events" aria-labelledby="life-events-title">
                <h2 id="life-events-title" class="life-events__title">{move || i18n.t(Key::LifeEvents)}</h2>
                <ul class="chips">
                    {topic_options(TopicKind::LifeEvent).into_iter().map(life_event_link).collect_view()}
                </ul>
            </nav>
            <fieldset>
                <legend class="visually-hidden">{move || i18n.t(Key::FiltersLegend)}</legend>
                <div class="filters__row">
                    <div class="field">
                        <label class="label" for="filter-topic">{move || i18n.t(Key::FilterTopic)}</label>
                        <select id="filter-topic" class="select" on:change=set_topic>
                            <option value="" selected=move || query.with(|q| q.filter.topic.is_none())>{move || i18n.t(Key::FilterAny)}</option>
                            {[(TopicKind::LifeEvent, Key::LifeEvents), (TopicKind::Subject, Key::Subjects)].into_iter().map(|(kind, label)| view! {
                                <optgroup label=move || i18n.t(label)>
                                    {topic_options(kind).into_iter().map(|t| {
                                        let id = t.id.clone();
                                        let value = t.id.clone();
                                        view! {
                                            <option value=value selected=move || query.with(|q| q.filter.topic.as_deref() == Some(id.as_str()))>
                                                {move || t.name.get(i18n.lang.get()).to_string()}
                                            </option>
                                        }
                                    }).collect_view()}
                                </optgroup>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label class="label" for="filter-audience">{move || i18n.t(Key::Audience)}</label>
                        <select id="filter-audience" class="select" on:change=set_audience>
                            <option value="" selected=move || query.with(|q| q.filter.audience.is_none())>{move || i18n.t(Key::FilterAny)}</option>
                            {Audience::ALL.into_iter().map(|a| view! {
                                <option value=a.slug() selected=move || query.with(|q| q.filter.audience == Some(a))>
                                    {move || i18n.t(labels::audience(a))}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                    {(!province_fixed).then(|| view! {
                    <div class="field">
                        <label class="label" for="filter-province">{move || i18n.t(Key::FilterProvince)}</label>
                        <select id="filter-province" class="select" on:change=set_province>
                            <option value="" selected=move || query.with(|q| q.filter.province.is_none())>{move || i18n.t(Key::FilterAny)}</option>
                            {move || availability.get().and_then(Result::ok).map(|map| map.provinces).unwrap_or_default().into_iter().map(|p| {
                                let code = p.code.clone();
                                view! {
                                    <option value=p.code selected=move || query.with(|q| q.filter.province.as_deref() == Some(code.as_str()))>
                                        {p.name}
                                    </option>
                                }
                            }).collect_view()}
                        </select>
                    </div>
                    })}
                    <div class="field">
                        <label class="label" for="filter-level">{move || i18n.t(Key::Level)}</label>
                        <select id="filter-level" class="select" on:change=set_level>
                            <option value="" selected=move || query.with(|q| q.filter.level.is_none())>{move || i18n.t(Key::FilterAny)}</option>
                            {Level::ALL.into_iter().map(|l| view! {
                                <option value=l.slug() selected=move || query.with(|q| q.filter.level == Some(l))>
                                    {move || i18n.t(labels::level(l))}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="checkboxes__item">
                    <input
                        id="filter-directive24"
                        class="checkboxes__input"
                        type="checkbox"
                        aria-describedby="filter-directive24-hint"
                        prop:checked=move || query.with(|q| q.filter.directive24)
                        on:change=set_directive24
                    />
                    <label class="checkboxes__label" for="filter-directive24">{move || i18n.t(Key::FilterDirective24)}</label>
                    <p class="hint checkboxes__hint" id="filter-directive24-hint">{move || i18n.t(Key::Directive24Explained)}</p>
                    <p class="checkboxes__hint"><a href=api::href(portal_api::routes::INTEGRATED_SERVICES)>{move || i18n.t(Key::Directive24ListLink)}</a></p>
                </div>
            </fieldset>
        </details>

        // The results in the task after the search box and the filters: two shorter
        // tasks instead of one long one when the page opens (below them, nothing moves).
        <Later>
        <p id="results-count" class="service-list__count" tabindex="-1" role="status" node_ref=results_count>
            {move || if waiting() {
                i18n.t(Key::Loading).to_string()
            } else {
                // Usable once the list (or why it is empty) is drawn, with this count.
                mark_ready();
                fill::catalogue_count(i18n.lang.get(), total())
            }}
        </p>
        <Show when=failed>
            <ErrorState title=Key::AvailabilityErrorTitle body=Key::LoadErrorBody on_retry=retry_available/>
        </Show>
        <Show when=move || total() == 0 && !waiting() && !failed()>
            <div class="no-results">
                <p>{move || query.with(|q| if q.text.trim().is_empty() {
                    i18n.t(Key::NoResultsFiltered).to_string()
                } else {
                    fill::no_results(i18n.lang.get(), q.text.trim())
                })}</p>
                <p>{move || i18n.t(Key::NoResultsTips)}</p>
                <Show when=move || !closest.with(Vec::is_empty)>
                    <p class="no-results__closest">{move || i18n.t(Key::ClosestIntro)}</p>
                    <ServiceList services=closest/>
                </Show>
                <p><button type="button" class="button button--secondary" on:click=clear>{move || i18n.t(Key::ClearSearch)}</button></p>
            </div>
        </Show>
        <ServiceList services=shown/>
        <Show when=move || { total() > limit.get() }>
            <button type="button" class="button button--secondary" on:click=move |_| limit.update(|l| *l += PAGE)>
                {move || format!("{} ({})", i18n.t(Key::ShowMore), total() - limit.get())}
            </button>
        </Show>
        </Later>
    }
}
