//! Answers written out for the check-your-answers page.

use portal_core::form::{AddressAnswer, Answer, Field, FieldKind};
use portal_core::validators::Sex;
use portal_core::Lang;

use crate::i18n::{text, Key};

/// The answer as the citizen should read it back; `None` when not answered.
pub fn answer_text(field: &Field, answer: Option<&Answer>, lang: Lang) -> Option<String> {
    let answer = answer.filter(|a| a.is_answered())?;
    let option_label = |value: &str| -> String {
        let options = match &field.kind {
            FieldKind::Choice(o) => &o.options,
            FieldKind::MultipleChoice(o) => &o.options,
            _ => return value.to_string(),
        };
        options
            .iter()
            .find(|o| o.value == value)
            .map(|o| o.label.get(lang).to_string())
            .unwrap_or_else(|| value.to_string())
    };
    Some(match answer {
        Answer::Text(s) => s.trim().to_string(),
        Answer::Choice(v) => option_label(v),
        Answer::Choices(vs) => vs
            .iter()
            .map(|v| option_label(v))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::YesNo(b) => match (&field.kind, b) {
            (FieldKind::Declaration, true) => text(lang, Key::Declared).to_string(),
            (_, true) => text(lang, Key::Yes).to_string(),
            (_, false) => text(lang, Key::No).to_string(),
        },
        Answer::Address(a) => address_text(a, None),
        Answer::Person(p) => {
            let sex = p.sex.map(|s| match s {
                Sex::Male => text(lang, Key::SexMale),
                Sex::Female => text(lang, Key::SexFemale),
            });
            [
                Some(p.full_name.trim()),
                Some(p.birth_date.trim()),
                sex,
                Some(p.id_number.trim()),
            ]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
        }
        Answer::Files(files) => files
            .iter()
            .map(|f| f.name.clone())
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Group(items) => format!(
            "{} × {}",
            items.len(),
            match &field.kind {
                FieldKind::Group(g) => g.item_label.get(lang).to_string(),
                _ => String::new(),
            }
        ),
    })
}

/// An address written out: the street, then the commune and province by name (`place`,
/// once their names are known), or by their codes until then.
pub fn address_text(a: &AddressAnswer, place: Option<&str>) -> String {
    let codes = [a.commune.trim(), a.province.trim()];
    let place: Vec<&str> = match place {
        Some(p) => vec![p],
        None => codes.to_vec(),
    };
    std::iter::once(a.street.trim())
        .chain(place)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The answer as lines for the check page: one line, or one per item of a repeating
/// group ("Người lưu trú 1: Nguyễn Văn Nam, 01/01/1993, Nam; Vợ hoặc chồng"), so each
/// item's answers can be checked. Empty when not answered.
pub fn answer_lines(field: &Field, answer: Option<&Answer>, lang: Lang) -> Vec<String> {
    match (&field.kind, answer) {
        (FieldKind::Group(g), Some(Answer::Group(items))) if !items.is_empty() => {
            let label = portal_core::case::upper_first(g.item_label.get(lang));
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let answers = g
                        .fields
                        .iter()
                        .filter_map(|m| answer_text(m, item.get(m.id.as_str()), lang))
                        .collect::<Vec<_>>();
                    format!("{label} {}: {}", i + 1, answers.join("; "))
                })
                .collect()
        }
        _ => answer_text(field, answer, lang).into_iter().collect(),
    }
}
