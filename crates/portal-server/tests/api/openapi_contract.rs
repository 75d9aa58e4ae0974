//! The committed OpenAPI document is the generated one, and it and the server's real
//! routes describe the same API: a route missing from either side fails here.

use crate::common;

use std::collections::BTreeSet;

use serde_json::Value;

fn documented() -> BTreeSet<(String, String)> {
    let text =
        std::fs::read_to_string(common::repo_root().join("crates/portal-server/openapi.json"))
            .expect("openapi.json is readable");
    let doc: Value = serde_json::from_str(&text).expect("openapi.json is JSON");
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                out.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    out
}

/// The document is generated from the contract crate (`portal_server::api::openapi`); the
/// committed copy must be that document. `PORTAL_WRITE_OPENAPI=1` rewrites it instead.
#[test]
fn the_committed_document_is_the_generated_one() {
    let path = common::repo_root().join("crates/portal-server/openapi.json");
    let generated = portal_server::api::openapi::json();
    if std::env::var_os("PORTAL_WRITE_OPENAPI").is_some() {
        std::fs::write(&path, &generated).expect("openapi.json is writable");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "crates/portal-server/openapi.json is not the document the contract generates; \
         regenerate it with `PORTAL_WRITE_OPENAPI=1 cargo test -p portal-server openapi`"
    );
}

fn routed() -> BTreeSet<(String, String)> {
    portal_server::api::routes()
        .entries()
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect()
}

#[test]
fn every_route_is_documented_and_every_documented_route_exists() {
    let doc = documented();
    let real = routed();
    let undocumented: Vec<_> = real.difference(&doc).collect();
    let unimplemented: Vec<_> = doc.difference(&real).collect();
    assert!(
        undocumented.is_empty(),
        "routes missing from openapi.json: {undocumented:?}"
    );
    assert!(
        unimplemented.is_empty(),
        "documented routes the server lacks: {unimplemented:?}"
    );
}

/// The route table is what the server really serves: each documented route answers over
/// HTTP with something other than the "no route" error.
#[tokio::test]
async fn documented_routes_answer_over_http() {
    let s = common::start().await;
    for (method, path) in documented() {
        let concrete = path
            .replace("{id}", "birth-registration")
            .replace("{code}", "01");
        let req = s.client.request(
            method.parse().expect("method"),
            format!("{}{concrete}", s.base),
        );
        let r = req.send().await.expect("request");
        let status = r.status();
        let body = r.text().await.unwrap_or_default();
        assert!(
            !body.contains("\"no_route\"") && status != 405,
            "{method} {path} is documented but not routed: {status} {body}"
        );
    }
}
