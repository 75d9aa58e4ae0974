//! The served form must match what openapi.json documents: every key the server sends
//! for a form, a step, a field, an option or a fee line is a documented property.

mod common;

use serde_json::Value;

fn schema(doc: &Value, name: &str) -> Vec<String> {
    doc["components"]["schemas"][name]["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("schema {name} has properties"))
        .keys()
        .cloned()
        .collect()
}

fn check(obj: &Value, documented: &[String], what: &str, missing: &mut Vec<String>) {
    for key in obj.as_object().into_iter().flat_map(|o| o.keys()) {
        if !documented.contains(key) {
            missing.push(format!("{what}.{key}"));
        }
    }
}

#[tokio::test]
async fn the_served_form_only_uses_documented_keys() {
    let text =
        std::fs::read_to_string(common::repo_root().join("crates/portal-server/openapi.json"))
            .expect("openapi.json is readable");
    let doc: Value = serde_json::from_str(&text).expect("openapi.json is JSON");
    let s = common::start().await;
    let service: Value = s
        .client
        .get(format!("{}/api/v1/services/birth-registration", s.base))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let form = &service["form"];
    assert!(
        form.is_object(),
        "birth registration is served with its form"
    );
    let mut missing = Vec::new();
    check(form, &schema(&doc, "Form"), "Form", &mut missing);
    let (steps, fields, options, fees) = (
        schema(&doc, "Step"),
        schema(&doc, "Field"),
        schema(&doc, "ChoiceOption"),
        schema(&doc, "FeeItem"),
    );
    let mut count = 0;
    let mut stack: Vec<&Value> = Vec::new();
    for step in form["steps"].as_array().expect("steps") {
        check(step, &steps, "Step", &mut missing);
        stack.extend(step["fields"].as_array().expect("fields"));
    }
    while let Some(field) = stack.pop() {
        count += 1;
        check(field, &fields, "Field", &mut missing);
        for o in field["options"].as_array().into_iter().flatten() {
            check(o, &options, "ChoiceOption", &mut missing);
        }
        stack.extend(field["fields"].as_array().into_iter().flatten());
    }
    for fee in form["fees"].as_array().expect("fees") {
        check(fee, &fees, "FeeItem", &mut missing);
    }
    assert!(count >= 30, "{count} fields");
    assert!(missing.is_empty(), "undocumented keys: {missing:?}");
}
