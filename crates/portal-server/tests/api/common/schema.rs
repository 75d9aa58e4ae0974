//! A checker of JSON values against the schemas of the committed OpenAPI document, for
//! tests that hold what the server really sends against what the contract says: every
//! required property is there, and no property is sent that the document does not
//! describe.
//!
//! It understands the subset of JSON Schema the document uses: `$ref`, `type` (one or a
//! list), `properties`, `required`, `items`, `oneOf`, `allOf`, `const`, `enum`,
//! `minimum`, `maximum`.

use serde_json::Value;

pub fn openapi() -> Value {
    let text =
        std::fs::read_to_string(super::repo_root().join("crates/portal-server/openapi.json"))
            .expect("openapi.json is readable");
    serde_json::from_str(&text).expect("openapi.json is JSON")
}

pub fn schema<'a>(doc: &'a Value, name: &str) -> &'a Value {
    let s = &doc["components"]["schemas"][name];
    assert!(!s.is_null(), "no schema {name}");
    s
}

/// One object schema made of the parts of an `allOf`: their properties and required
/// lists together, so a property documented in any part is documented.
fn merge_all_of(doc: &Value, parts: &[Value]) -> Value {
    let mut properties = serde_json::Map::new();
    let mut required = Vec::new();
    for part in parts {
        let mut part = part;
        while let Some(r) = part["$ref"].as_str() {
            part = self::schema(doc, r.trim_start_matches("#/components/schemas/"));
        }
        let part = match part["allOf"].as_array() {
            Some(inner) => merge_all_of(doc, inner),
            None => part.clone(),
        };
        if let Some(p) = part["properties"].as_object() {
            properties.extend(p.clone());
        }
        required.extend(part["required"].as_array().cloned().unwrap_or_default());
    }
    serde_json::json!({ "type": "object", "properties": properties, "required": required })
}

fn type_matches(ty: &str, value: &Value) -> bool {
    match ty {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        _ => true,
    }
}

/// Appends to `errors` every way `value` breaks `schema`.
pub fn check(doc: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.trim_start_matches("#/components/schemas/");
        return check(doc, self::schema(doc, name), value, at, errors);
    }
    if let Some(parts) = schema["allOf"].as_array() {
        return check(doc, &merge_all_of(doc, parts), value, at, errors);
    }
    if let Some(types) = schema["type"].as_array() {
        if !types
            .iter()
            .any(|t| type_matches(t.as_str().unwrap_or_default(), value))
        {
            errors.push(format!("{at}: {value} is not of any type {types:?}"));
            return;
        }
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
    let wrong_type = ty.is_some_and(|t| !type_matches(t, value));
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

pub fn errors_of(doc: &Value, name: &str, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(doc, schema(doc, name), value, name, &mut errors);
    errors
}
