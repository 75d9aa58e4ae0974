//! Finds the line of a field path such as `steps[1].fields[2].shown_if` in a TOML file,
//! so every diagnostic can say where to look. The deepest part of the path that exists
//! in the file is used (a missing key is reported at its table).

use toml_edit::{ImDocument, Item, Table, Value};

use crate::load::line_of;

/// One part of a path: a key, or a key followed by an index.
fn parts(path: &str) -> Vec<(&str, Option<usize>)> {
    path.split('.')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('[') {
            Some((key, rest)) => (key, rest.trim_end_matches(']').parse().ok()),
            None => (p, None),
        })
        .collect()
}

/// Where the node is, as we walk.
enum Node<'a> {
    Table(&'a Table),
    Inline(&'a toml_edit::InlineTable),
    Other,
}

fn node_of_item(item: &Item) -> Node<'_> {
    match item {
        Item::Table(t) => Node::Table(t),
        Item::Value(v) => node_of_value(v),
        _ => Node::Other,
    }
}

fn node_of_value(v: &Value) -> Node<'_> {
    match v {
        Value::InlineTable(t) => Node::Inline(t),
        _ => Node::Other,
    }
}

/// The 1-based line where `path` (or its deepest existing part) is written in `text`.
pub fn line_of_path(text: &str, path: &str) -> Option<usize> {
    let doc = ImDocument::parse(text).ok()?;
    let mut node = Node::Table(doc.as_table());
    let mut best = None;
    for (key, index) in parts(path) {
        let found = match node {
            Node::Table(t) => t.get_key_value(key),
            Node::Inline(t) => t.get_key_value(key),
            Node::Other => None,
        };
        let Some((k, item)) = found else { break };
        if let Some(span) = k.span().or_else(|| item.span()) {
            best = Some(span.start);
        }
        node = match (index, item) {
            (None, item) => node_of_item(item),
            (Some(i), Item::ArrayOfTables(a)) => match a.get(i) {
                Some(t) => {
                    if let Some(span) = t.span() {
                        best = Some(span.start);
                    }
                    Node::Table(t)
                }
                None => break,
            },
            (Some(i), Item::Value(Value::Array(a))) => match a.get(i) {
                Some(v) => {
                    if let Some(span) = v.span() {
                        best = Some(span.start);
                    }
                    node_of_value(v)
                }
                None => break,
            },
            _ => break,
        };
    }
    best.map(|offset| line_of(text, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: &str = "[[steps]]\nid = \"a\"\n\n[[steps.fields]]\nid = \"x\"\ntype = \"text\"\n\n[[steps]]\nid = \"b\"\n\n[[steps.fields]]\nid = \"y\"\nshown_if = { field = \"x\", equals = \"1\" }\n[steps.fields.label]\nvi = \"\"\n";

    #[test]
    fn finds_nested_paths() {
        assert_eq!(line_of_path(FORM, "steps[1].fields[0].shown_if"), Some(13));
        assert_eq!(
            line_of_path(FORM, "steps[1].fields[0].shown_if.field"),
            Some(13)
        );
        assert_eq!(line_of_path(FORM, "steps[0].fields[0].type"), Some(6));
        assert_eq!(line_of_path(FORM, "steps[1].fields[0].label.vi"), Some(15));
        assert_eq!(line_of_path(FORM, "steps[1].id"), Some(9));
    }

    #[test]
    fn falls_back_to_the_deepest_part_found() {
        assert_eq!(line_of_path(FORM, "steps[1].fields[0].hint"), Some(11));
        assert_eq!(line_of_path(FORM, "nothing"), None);
        assert_eq!(line_of_path("not toml = = =", "a"), None);
    }
}
