//! `catalog/fee-rules.md` is what the catalogue says: regenerate it with
//! `cargo run -p catalog-tool -- fees catalog/ > catalog/fee-rules.md` (or run this test
//! with PORTAL_WRITE_FEE_RULES=1) whenever a fee rule or a form's fee line changes.

mod common;

use portal_catalog::{fee_rules_markdown, load_dir};

#[test]
fn fee_rules_table_is_up_to_date() {
    let dir = common::repo_catalog();
    let table = fee_rules_markdown(&load_dir(&dir).expect("catalog/ loads"));
    let path = dir.join("fee-rules.md");
    if std::env::var_os("PORTAL_WRITE_FEE_RULES").is_some() {
        std::fs::write(&path, &table).expect("write fee-rules.md");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == table,
        "catalog/fee-rules.md is out of date: run `cargo run -p catalog-tool -- fees catalog/ > catalog/fee-rules.md`"
    );
}

#[test]
fn every_rule_and_form_line_is_in_the_table() {
    let c = load_dir(&common::repo_catalog()).expect("catalog/ loads");
    let table = fee_rules_markdown(&c);
    for s in &c.services {
        assert!(
            table.contains(&format!("| `{}` |", s.id.as_str())),
            "{}",
            s.id.as_str()
        );
        for item in s.form.iter().flat_map(|f| &f.fees) {
            assert!(
                table.contains(&item.label.vi),
                "{}: {}",
                s.id.as_str(),
                item.id
            );
        }
    }
    // A form line no service rule states would show no mark; the lint refuses it first.
    assert!(!table.contains("| — |\n"));
}
