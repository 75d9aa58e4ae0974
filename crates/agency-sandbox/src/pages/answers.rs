//! The delivered answers as a readable list of question id and value. Answers in the
//! form engine's shape are shown by kind (yes/no, address, person, files, repeating
//! groups); anything else is shown as its JSON, so nothing delivered is hidden.

use maud::{html, Markup};
use portal_core::form::answers::{Answer, Answers};
use portal_core::validators::Sex;

use super::texts::Texts;
use crate::store::FileRow;

/// `answers` as a description list; `file_href` links a delivered file by id.
pub fn answers(
    t: &Texts,
    answers: &serde_json::Value,
    files: &[FileRow],
    file_href: &dyn Fn(&str) -> String,
) -> Markup {
    match serde_json::from_value::<Answers>(answers.clone()) {
        Ok(a) => typed(t, &a, files, file_href, "summary"),
        Err(_) => untyped(answers),
    }
}

fn typed(
    t: &Texts,
    answers: &Answers,
    files: &[FileRow],
    file_href: &dyn Fn(&str) -> String,
    class: &str,
) -> Markup {
    html! {
        dl class=(class) {
            @for (id, answer) in &answers.0 {
                dt.mono { (id) }
                dd { (one(t, answer, files, file_href)) }
            }
        }
    }
}

fn one(
    t: &Texts,
    answer: &Answer,
    files: &[FileRow],
    file_href: &dyn Fn(&str) -> String,
) -> Markup {
    match answer {
        Answer::Text(s) | Answer::Choice(s) => html! { (s) },
        Answer::Choices(v) => html! { (v.join(", ")) },
        Answer::YesNo(b) => html! { (if *b { t.yes } else { t.no }) },
        Answer::Address(a) => html! {
            dl.nested {
                dt { (t.street) } dd { (a.street) }
                dt { (t.commune_code) } dd.mono { (a.commune) }
                dt { (t.province_code) } dd.mono { (a.province) }
            }
        },
        Answer::Person(p) => html! {
            dl.nested {
                dt { (t.full_name) } dd { (p.full_name) }
                dt { (t.birth_date) } dd { (p.birth_date) }
                dt { (t.sex) }
                dd {
                    @match p.sex {
                        Some(Sex::Male) => (t.male),
                        Some(Sex::Female) => (t.female),
                        None => "–",
                    }
                }
                dt { (t.id_number) } dd.mono { (p.id_number) }
            }
        },
        Answer::Files(list) => html! {
            ul {
                @for f in list {
                    li {
                        @if files.iter().any(|d| d.id == f.id) {
                            a href=(file_href(&f.id)) { (f.name) }
                        } @else {
                            (f.name)
                        }
                        " (" (t.size(f.bytes as i64)) ")"
                    }
                }
            }
        },
        Answer::Group(items) => html! {
            ol {
                @for item in items {
                    li { (typed(t, item, files, file_href, "nested")) }
                }
            }
        },
    }
}

/// Answers in a shape this sandbox does not know: each top-level key and its JSON.
fn untyped(answers: &serde_json::Value) -> Markup {
    match answers.as_object() {
        Some(map) => html! {
            dl.summary {
                @for (id, value) in map {
                    dt.mono { (id) }
                    dd.mono {
                        @match value.as_str() {
                            Some(s) => (s),
                            None => (value.to_string()),
                        }
                    }
                }
            }
        },
        None => html! { pre.mono { (answers.to_string()) } },
    }
}
