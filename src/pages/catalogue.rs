//! `/`: the catalogue of online public services, with search and filters kept in the URL.

use crate::components::Title;
use leptos::prelude::*;
use portal_core::search_query::SearchQuery;

use crate::address::{use_address, Go};
use crate::api;
use crate::components::catalogue::{searchable, Catalogue, Searchable};
use crate::components::ErrorState;
use crate::fetched::Fetched;
use crate::i18n::{use_i18n, Key};

/// Pause in typing after which the query is written to the URL.
const URL_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = Fetched::new(|| searchable(api::catalogue()));
    let retry = Callback::new(move |_| catalogue.refetch());
    view! {
        <Title text=move || i18n.t(Key::CatalogueTitle)/>
        <h1>{move || i18n.t(Key::CatalogueTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::CatalogueIntro)}</p>
        <p class="lookup-link"><a href="/lookup">{move || i18n.t(Key::LookupTitle)}</a></p>
        {move || match catalogue.get() {
            None => view! { <crate::components::Loading/> }.into_any(),
            Some(Ok(catalogue)) => view! { <UrlCatalogue catalogue/> }.into_any(),
            Some(Err(_)) => view! {
                <ErrorState title=Key::LoadErrorTitle body=Key::LoadErrorBody on_retry=retry/>
            }
            .into_any(),
        }}
    }
}

/// The catalogue's search kept in the page's URL: a shared link or back and forward give
/// the same results.
#[component]
fn UrlCatalogue(catalogue: Searchable) -> impl IntoView {
    let address = use_address();
    let from_url = move || {
        let pairs = address.query(&["q", "topic", "audience", "level", "list", "province"]);
        SearchQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    };
    let query = RwSignal::new(from_url());
    // Back/forward and shared links: the URL wins.
    Effect::new(move |_| {
        let q = from_url();
        if q != query.get_untracked() {
            query.set(q);
        }
    });
    // Typing filters at once but writes the URL only after a pause: a history update on
    // every keystroke costs more than the search itself. Filters write it at once.
    let generation = StoredValue::new(0u64);
    let on_change = Callback::new(move |(q, typing): (SearchQuery, bool)| {
        let path = api::href(&q.to_path());
        generation.update_value(|g| *g += 1);
        let go = move |replace| {
            address.go(
                &path,
                Go {
                    replace,
                    scroll: false,
                },
            )
        };
        if typing {
            let mine = generation.get_value();
            set_timeout(
                move || {
                    // Skipped if the page was left meanwhile (the value is then disposed).
                    if generation.try_get_value() == Some(mine) {
                        go(true);
                    }
                },
                URL_DELAY,
            );
        } else {
            go(false);
        }
    });
    view! { <Catalogue catalogue query on_change/> }
}
