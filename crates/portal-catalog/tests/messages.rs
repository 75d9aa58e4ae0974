//! The error messages of every published question, rendered in both languages: each
//! reads as one instruction or statement about the question, without a doubled verb
//! ("Chọn chọn hai môn thi"), a question quoted as an object ("Chọn bạn là gì của
//! trẻ?"), or a yes/no choice that does not say what it is about ("Chọn Có hoặc Không").

mod common;

use portal_catalog::load_dir;
use portal_core::form::validate::ask_for;
use portal_core::form::{FieldError, FieldKind, FieldPath, IndexedForm, ValidationError};
use portal_core::Lang;

/// Imperative verbs a message may start with: two in a row is a label used as an object
/// when it is already an instruction.
const VERBS: [&str; 14] = [
    "chọn",
    "nhập",
    "tải lên",
    "mô tả",
    "ghi",
    "khai",
    "thêm",
    "select",
    "enter",
    "upload",
    "choose",
    "describe",
    "give",
    "add",
];

/// The errors each kind of question can show, beyond "required", whose wording uses the
/// question's label.
fn errors_of(kind: &FieldKind) -> Vec<FieldError> {
    let required = match kind {
        FieldKind::Group(g) => FieldError::TooFewItems { min: g.min.max(1) },
        other => FieldError::Required {
            ask: ask_for(other),
        },
    };
    let mut errors = vec![required];
    match kind {
        FieldKind::Text(_) | FieldKind::LongText(_) => {
            errors.push(FieldError::TextTooLong { max: 200 });
        }
        FieldKind::Number(_) => errors.push(FieldError::NumberTooSmall { min: 1 }),
        FieldKind::Date(_) => errors.push(FieldError::DateNotReal),
        FieldKind::Group(g) => errors.push(FieldError::TooManyItems { max: g.max }),
        _ => {}
    }
    errors
}

/// What reads badly in `message`, if anything.
fn problem(message: &str, lang: Lang) -> Option<&'static str> {
    let lower = message.to_lowercase();
    for first in VERBS {
        for second in VERBS {
            if lower.starts_with(&format!("{first} {second} ")) {
                return Some("two verbs in a row");
            }
        }
    }
    if message.contains('?') {
        return Some("a question inside the message");
    }
    if lower.contains("có hoặc không") || lower.contains("yes or no") {
        return Some("a yes/no choice that does not name the question");
    }
    let yes_if = match lang {
        Lang::Vi => "Chọn Có nếu ",
        Lang::En => "Select yes if ",
    };
    if let Some(condition) = message.strip_prefix(yes_if) {
        // The condition continues the sentence: "Chọn Có nếu bạn …", not "… nếu Bạn …".
        let mut chars = condition.chars();
        if chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(char::is_lowercase)
        {
            return Some("a condition starting with a capital");
        }
    }
    if message.trim() != message || message.contains("  ") || message.ends_with('.') {
        return Some("stray spaces or a full stop (GOV.UK messages have none)");
    }
    None
}

#[test]
fn every_published_question_has_messages_that_read_naturally() {
    let catalogue = load_dir(&common::repo_catalog()).expect("catalog/ loads");
    let mut bad = Vec::new();
    let mut count = 0;
    for service in &catalogue.services {
        let Some(form) = &service.form else { continue };
        let form = IndexedForm::new(form.clone());
        for (_, field) in form.form().walk() {
            for error in errors_of(&field.kind) {
                let e = ValidationError::new(FieldPath::field(field.id.as_str()), error);
                for lang in [Lang::Vi, Lang::En] {
                    let message = e.message(&form, lang);
                    count += 1;
                    if let Some(why) = problem(&message, lang) {
                        bad.push(format!("{}/{}: {why}: {message:?}", service.id, field.id));
                    }
                }
            }
        }
    }
    assert!(count > 500, "only {count} messages rendered");
    assert!(
        bad.is_empty(),
        "{} messages read badly (give the question an `error_label`):\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_check_catches_the_wordings_it_is_about() {
    for (message, lang) in [
        ("Chọn chọn hai môn thi", Lang::Vi),
        ("Select choose two subjects", Lang::En),
        ("Chọn bạn là gì của trẻ?", Lang::Vi),
        ("Chọn Có hoặc Không", Lang::Vi),
        ("Select yes or no", Lang::En),
        ("Chọn Có nếu Bạn còn giữ thẻ", Lang::Vi),
    ] {
        assert!(problem(message, lang).is_some(), "{message}");
    }
    for (message, lang) in [
        ("Chọn quan hệ của bạn với trẻ", Lang::Vi),
        ("Chọn Có nếu cha mẹ của trẻ đã đăng ký kết hôn", Lang::Vi),
        ("Select yes if the child's parents are married", Lang::En),
        ("Enter your ethnic group", Lang::En),
    ] {
        assert_eq!(problem(message, lang), None, "{message}");
    }
}
