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
        // What the e2e search test types: a part comes before the bundle whose name or
        // agency mentions it.
        ("dang ky khai sinh", "birth-registration"),
        ("khai sinh", "birth-registration"),
        ("ho chieu", "ordinary-passport"),
        ("tam tru", "temporary-residence-registration"),
        ("thuong tru", "permanent-residence-registration"),
        ("khai tu", "death-registration"),
        ("ket hon", "marriage-registration"),
        ("cap lai can cuoc", "id-card-reissue"),
        ("bang lai xe", "driving-licence-renewal"),
        ("tro cap that nghiep", "unemployment-benefit"),
        ("dang ky thue", "household-individual-tax-registration"),
        ("phat nguoi", "camera-traffic-fine-payment"),
    ] {
        assert_eq!(first(query), id, "{query:?}");
    }
}

/// An agency's name finds its services, typed without diacritics: every hit of "bao hiem
/// xa hoi" is filed with the social security agency, and "cong an" lists police services
/// among its first results.
#[test]
fn an_agency_s_name_finds_its_services() {
    let catalogue = portal_catalog::load_dir(&common::repo_catalog()).expect("catalog");
    let summaries = catalogue.index().services;
    let index = Index::build(&summaries);
    let agencies = |query: &str| -> Vec<String> {
        index
            .search(query, &Filter::default())
            .hits
            .iter()
            .map(|&i| summaries[i].agency.vi.clone())
            .collect()
    };
    let social = agencies("bao hiem xa hoi");
    assert!(social.len() >= 2, "{social:?}");
    assert!(
        social.iter().take(2).all(|a| a.contains("Bảo hiểm xã hội")),
        "{social:?}"
    );
    let police = agencies("cong an");
    assert!(police.len() >= 5, "{police:?}");
    assert!(
        police.iter().take(5).all(|a| a.contains("Công an")),
        "{police:?}"
    );
}
