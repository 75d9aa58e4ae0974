//! The catalogue JSON the server really sends matches the schemas of the committed
//! OpenAPI document: every required property is there, and no property is sent that the
//! document does not describe (a new model field must be documented before it ships).
//!
//! The checker understands the subset of JSON Schema the document uses: `$ref`, `type`,
//! `properties`, `required`, `items`, `oneOf`, `const`, `enum`, `minimum`, `maximum`.

mod common;

use serde_json::Value;

fn openapi() -> Value {
    let text =
        std::fs::read_to_string(common::repo_root().join("crates/portal-server/openapi.json"))
            .expect("openapi.json is readable");
    serde_json::from_str(&text).expect("openapi.json is JSON")
}

fn schema<'a>(doc: &'a Value, name: &str) -> &'a Value {
    let s = &doc["components"]["schemas"][name];
    assert!(!s.is_null(), "no schema {name}");
    s
}

/// Appends to `errors` every way `value` breaks `schema`.
fn check(doc: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.trim_start_matches("#/components/schemas/");
        return check(doc, self::schema(doc, name), value, at, errors);
    }
    if let Some(alternatives) = schema["oneOf"].as_array() {
        let matching = alternatives
            .iter()
            .filter(|alt| {
                let mut e = Vec::new();
                check(doc, alt, value, at, &mut e);
                e.is_empty()
            })
            .count();
        if matching != 1 {
            errors.push(format!(
                "{at}: matches {matching} of the oneOf alternatives"
            ));
        }
        return;
    }
    if let Some(c) = schema.get("const") {
        if value != c {
            errors.push(format!("{at}: {value} is not {c}"));
        }
    }
    if let Some(options) = schema["enum"].as_array() {
        if !options.contains(value) {
            errors.push(format!("{at}: {value} is not one of {options:?}"));
        }
    }
    let ty = schema["type"].as_str();
    let wrong_type = match ty {
        Some("object") => !value.is_object(),
        Some("array") => !value.is_array(),
        Some("string") => !value.is_string(),
        Some("integer") => !(value.is_i64() || value.is_u64()),
        Some("boolean") => !value.is_boolean(),
        _ => false,
    };
    if wrong_type {
        errors.push(format!(
            "{at}: {value} is not of type {}",
            ty.unwrap_or("?")
        ));
        return;
    }
    if let Some(n) = value.as_f64() {
        if schema["minimum"].as_f64().is_some_and(|min| n < min)
            || schema["maximum"].as_f64().is_some_and(|max| n > max)
        {
            errors.push(format!("{at}: {n} is out of range"));
        }
    }
    if let (Some(props), Some(obj)) = (schema["properties"].as_object(), value.as_object()) {
        for req in schema["required"].as_array().into_iter().flatten() {
            let key = req.as_str().unwrap_or_default();
            if !obj.contains_key(key) {
                errors.push(format!("{at}: required property {key:?} is missing"));
            }
        }
        for (key, v) in obj {
            match props.get(key) {
                Some(s) => check(doc, s, v, &format!("{at}.{key}"), errors),
                None => errors.push(format!("{at}: property {key:?} is not documented")),
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), value.as_array()) {
        for (i, v) in arr.iter().enumerate() {
            check(doc, items, v, &format!("{at}[{i}]"), errors);
        }
    }
}

fn errors_of(doc: &Value, name: &str, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(doc, schema(doc, name), value, name, &mut errors);
    errors
}

#[test]
fn the_checker_catches_missing_undocumented_and_mistyped_properties() {
    let doc = openapi();
    let good = serde_json::json!({"id": "birth", "kind": "life-event", "name": {"vi": "Sinh con", "en": "Having a baby"}});
    assert!(errors_of(&doc, "Topic", &good).is_empty());
    let bad = serde_json::json!({"id": "birth", "kind": "hobby", "icon": "x"});
    let e = errors_of(&doc, "Topic", &bad);
    assert_eq!(e.len(), 3, "{e:?}");
    let service_kind = &schema(&doc, "Service")["properties"]["kind"];
    let mut e = Vec::new();
    check(
        &doc,
        service_kind,
        &serde_json::json!({"kind": "bundle"}),
        "kind",
        &mut e,
    );
    assert!(!e.is_empty(), "a bundle without procedures must not pass");
}

#[tokio::test]
async fn served_catalogue_and_services_match_their_schemas() {
    let doc = openapi();
    let s = common::start().await;
    let index: Value = s
        .client
        .get(format!("{}/api/v1/catalog", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let errors = errors_of(&doc, "CatalogueIndex", &index);
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!index["topics"].as_array().unwrap().is_empty());

    for summary in index["services"].as_array().unwrap() {
        let id = summary["id"].as_str().unwrap();
        let service: Value = s
            .client
            .get(format!("{}/api/v1/services/{id}", s.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let errors = errors_of(&doc, "Service", &service);
        assert!(errors.is_empty(), "{id}: {errors:#?}");
    }
}
