//! Answers written out for the check-your-answers page.

use portal_core::form::{Answer, Field, FieldKind};
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
        Answer::Address(a) => [a.street.trim(), a.commune.trim(), a.province.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
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
