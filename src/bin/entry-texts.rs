//! Prints, as JSON, the Vietnamese texts the entry pages carry before the app runs
//! (`scripts/entry-html.mjs` puts them in the HTML): the same constants the pages render,
//! read by the compiler rather than pulled out of the source. A native tool of the build;
//! it has no use in the browser.

use portal_web::i18n::{Key, Lang};

fn main() {
    let texts: [(&str, Key); 8] = [
        ("CatalogueTitle", Key::CatalogueTitle),
        ("CatalogueIntro", Key::CatalogueIntro),
        ("LookupTitle", Key::LookupTitle),
        ("Breadcrumbs", Key::Breadcrumbs),
        ("Home", Key::Home),
        ("Back", Key::Back),
        ("StatisticsTitle", Key::StatisticsTitle),
        ("StatisticsIntro", Key::StatisticsIntro),
    ];
    let map: serde_json::Map<String, serde_json::Value> = texts
        .into_iter()
        .map(|(name, key)| (name.to_string(), key.get(Lang::Vi).into()))
        .collect();
    println!("{}", serde_json::Value::Object(map));
}
