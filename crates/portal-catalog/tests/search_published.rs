//! Searching the published catalogue as people type: the words around what they need
//! ("làm … cho con", "how do I …") do not stop the service being found first.

mod common;

use portal_core::search::{Filter, Index};

fn first(query: &str) -> String {
    let catalogue = portal_catalog::load_dir(&common::repo_catalog()).expect("catalog");
    let summaries = catalogue.index().services;
    let out = Index::build(&summaries).search(query, &Filter::default());
    out.hits
        .first()
        .map(|&i| summaries[i].id.0.clone())
        .unwrap_or_default()
}

#[test]
fn questions_people_type_find_their_service_first() {
    for (query, id) in [
        ("lam ho chieu cho con", "ordinary-passport"),
        ("làm hộ chiếu cho con", "ordinary-passport"),
        ("lam can cuoc cho con", "id-card-reissue"),
        ("how do I get a passport", "ordinary-passport"),
        ("ly lich tu phap", "judicial-record-certificate"),
    ] {
        assert_eq!(first(query), id, "{query:?}");
    }
}
