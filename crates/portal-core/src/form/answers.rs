//! Answers: what the citizen gave, keyed by field id. Typed questions keep the text as
//! typed (GOV.UK: show people what they entered), and validation returns the normalised
//! value the server stores. Repeating groups hold one set of answers per item.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::validators::Sex;

/// One answer, written `{"type": <shape>, "value": <value>}` (read by [`crate::form::answer_reader`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Answer {
    /// Text, number, date, email, phone, personal number, tax code: as typed.
    Text(String),
    /// The value of the chosen option.
    Choice(String),
    /// The values of the chosen options.
    Choices(Vec<String>),
    /// Yes/no, and the ticked declaration.
    YesNo(bool),
    Address(AddressAnswer),
    Person(PersonAnswer),
    Files(Vec<FileAnswer>),
    /// The items of a repeating group, in order.
    Group(Vec<Answers>),
}

impl Answer {
    /// Whether the question counts as answered: blank text, nothing selected, no files
    /// and no items all count as unanswered.
    pub fn is_answered(&self) -> bool {
        match self {
            Answer::Text(s) | Answer::Choice(s) => !s.trim().is_empty(),
            Answer::Choices(v) => !v.is_empty(),
            Answer::YesNo(_) => true,
            Answer::Address(a) => !a.is_blank(),
            Answer::Person(p) => !p.is_blank(),
            Answer::Files(f) => !f.is_empty(),
            Answer::Group(items) => !items.is_empty(),
        }
    }

    /// The shape name, for migration reports.
    pub fn shape(&self) -> &'static str {
        match self {
            Answer::Text(_) => "text",
            Answer::Choice(_) => "choice",
            Answer::Choices(_) => "choices",
            Answer::YesNo(_) => "yes-no",
            Answer::Address(_) => "address",
            Answer::Person(_) => "person",
            Answer::Files(_) => "files",
            Answer::Group(_) => "group",
        }
    }
}

/// An address after the 2025 reform: province and commune codes (NSO, as strings with
/// leading zeros), then the house number and street.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressAnswer {
    #[serde(default)]
    pub province: String,
    #[serde(default)]
    pub commune: String,
    #[serde(default)]
    pub street: String,
}

impl AddressAnswer {
    pub fn is_blank(&self) -> bool {
        self.province.trim().is_empty()
            && self.commune.trim().is_empty()
            && self.street.trim().is_empty()
    }
}

/// One person's identity block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonAnswer {
    #[serde(default)]
    pub full_name: String,
    /// As typed, `dd/mm/yyyy`.
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub sex: Option<Sex>,
    #[serde(default)]
    pub id_number: String,
}

impl PersonAnswer {
    pub fn is_blank(&self) -> bool {
        self.full_name.trim().is_empty()
            && self.birth_date.trim().is_empty()
            && self.sex.is_none()
            && self.id_number.trim().is_empty()
    }
}

/// An uploaded file, as the upload endpoint described it. `mime` is the type sniffed
/// from the content ([`crate::validators::sniff_mime`]), never taken from the name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileAnswer {
    /// The upload's reference on the server.
    pub id: String,
    pub name: String,
    pub mime: String,
    pub bytes: u64,
}

/// The answers to a form (or to one item of a repeating group), keyed by field id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    pub fn new() -> Answers {
        Answers::default()
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id)
    }

    /// Sets an answer; returns the previous one.
    pub fn set(&mut self, id: impl Into<String>, answer: Answer) -> Option<Answer> {
        self.0.insert(id.into(), answer)
    }

    pub fn remove(&mut self, id: &str) -> Option<Answer> {
        self.0.remove(id)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Answer)> {
        self.0.iter()
    }

    /// Builder-style [`Answers::set`], handy in tests and examples.
    pub fn with(mut self, id: impl Into<String>, answer: Answer) -> Answers {
        self.set(id, answer);
        self
    }

    /// The text answer of `id`, if it is a text answer.
    pub fn text(&self, id: &str) -> Option<&str> {
        match self.get(id) {
            Some(Answer::Text(s)) => Some(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answered_means_something_was_given() {
        assert!(!Answer::Text("  ".into()).is_answered());
        assert!(Answer::Text("a".into()).is_answered());
        assert!(Answer::YesNo(false).is_answered());
        assert!(!Answer::Choices(vec![]).is_answered());
        assert!(!Answer::Address(AddressAnswer::default()).is_answered());
        assert!(Answer::Person(PersonAnswer {
            sex: Some(Sex::Female),
            ..PersonAnswer::default()
        })
        .is_answered());
        assert!(!Answer::Group(vec![]).is_answered());
        assert!(Answer::Group(vec![Answers::new()]).is_answered());
    }

    #[test]
    fn wire_format() {
        let a = Answers::new().with("name", Answer::Text("An".into())).with(
            "kids",
            Answer::Group(vec![Answers::new().with("ok", Answer::YesNo(true))]),
        );
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            r#"{"kids":{"type":"group","value":[{"ok":{"type":"yes-no","value":true}}]},"name":{"type":"text","value":"An"}}"#
        );
        assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), a);
    }
}
