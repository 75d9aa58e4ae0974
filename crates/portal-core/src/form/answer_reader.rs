//! How an [`Answer`] is read: `{"type": <shape>, "value": <value>}` in one pass, the
//! shape first, as every writer of answers puts it (serde writes the keys in that order;
//! PostgreSQL's `jsonb` and sorted maps order `type` before `value` too). serde's own
//! reader for such an enum also accepts the value first, and to do so buffers it and
//! carries a second copy of every shape's reader: it was the largest reader in the form's
//! browser bundle. A value before its shape is refused with a message saying so. (The
//! server reads request bodies through `serde_json::Value`, whose maps are sorted, so a
//! client of the API may still write the two keys in either order.)

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use crate::form::answers::{AddressAnswer, Answer, Answers, FileAnswer, PersonAnswer};

/// The `type` of an answer.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Shape {
    Text,
    Choice,
    Choices,
    YesNo,
    Address,
    Person,
    Files,
    Group,
}

/// The keys of an answer; any other is read and dropped.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Key {
    Type,
    Value,
    #[serde(other)]
    Other,
}

impl<'de> DeserializeSeed<'de> for Shape {
    type Value = Answer;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Answer, D::Error> {
        Ok(match self {
            Shape::Text => Answer::Text(String::deserialize(d)?),
            Shape::Choice => Answer::Choice(String::deserialize(d)?),
            Shape::Choices => Answer::Choices(Vec::deserialize(d)?),
            Shape::YesNo => Answer::YesNo(bool::deserialize(d)?),
            Shape::Address => Answer::Address(AddressAnswer::deserialize(d)?),
            Shape::Person => Answer::Person(PersonAnswer::deserialize(d)?),
            Shape::Files => Answer::Files(Vec::<FileAnswer>::deserialize(d)?),
            Shape::Group => Answer::Group(Vec::<Answers>::deserialize(d)?),
        })
    }
}

struct AnswerVisitor;

impl<'de> Visitor<'de> for AnswerVisitor {
    type Value = Answer;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an answer: {\"type\": …, \"value\": …}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answer, A::Error> {
        let mut shape = None;
        let mut answer = None;
        while let Some(key) = map.next_key()? {
            match key {
                Key::Type if shape.is_some() => return Err(de::Error::duplicate_field("type")),
                Key::Type => shape = Some(map.next_value::<Shape>()?),
                Key::Value if answer.is_some() => return Err(de::Error::duplicate_field("value")),
                Key::Value => {
                    let shape = shape.ok_or_else(|| {
                        de::Error::custom("an answer's `type` must come before its `value`")
                    })?;
                    answer = Some(map.next_value_seed(shape)?);
                }
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match (shape, answer) {
            (_, Some(answer)) => Ok(answer),
            (None, None) => Err(de::Error::missing_field("type")),
            (Some(_), None) => Err(de::Error::missing_field("value")),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(AnswerVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validators::Sex;

    fn read(json: &str) -> Result<Answer, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn every_shape_reads_back_as_written() {
        let answers = [
            Answer::Text("Nguyễn An".into()),
            Answer::Choice("relative".into()),
            Answer::Choices(vec!["a".into(), "b".into()]),
            Answer::YesNo(false),
            Answer::Address(AddressAnswer {
                province: "01".into(),
                commune: "00004".into(),
                street: "1 Tràng Tiền".into(),
            }),
            Answer::Person(PersonAnswer {
                full_name: "Lê Bình".into(),
                birth_date: "01/02/2003".into(),
                sex: Some(Sex::Female),
                id_number: "001203000001".into(),
            }),
            Answer::Files(vec![FileAnswer {
                id: "u1".into(),
                name: "giay-to.pdf".into(),
                mime: "application/pdf".into(),
                bytes: 1234,
            }]),
            Answer::Group(vec![
                Answers::new().with("ok", Answer::YesNo(true)),
                Answers::new(),
            ]),
        ];
        for a in answers {
            let json = serde_json::to_string(&a).unwrap();
            assert!(json.starts_with(r#"{"type":"#), "{json}");
            assert_eq!(read(&json).unwrap(), a, "{json}");
        }
    }

    #[test]
    fn other_keys_are_dropped() {
        assert_eq!(
            read(r#"{"type":"text","note":{"a":[1]},"value":"x","at":3}"#).unwrap(),
            Answer::Text("x".into())
        );
    }

    #[test]
    fn what_is_refused_is_named() {
        let cases = [
            (r#"{"value":"x","type":"text"}"#, "`type` must come before"),
            (r#"{"type":"text"}"#, "missing field `value`"),
            (r#"{"value":"x"}"#, "`type` must come before"),
            (r#"{}"#, "missing field `type`"),
            (
                r#"{"type":"colour","value":"x"}"#,
                "unknown variant `colour`",
            ),
            (r#"{"type":"yes-no","value":"yes"}"#, "invalid type: string"),
            (
                r#"{"type":"text","type":"text","value":"x"}"#,
                "duplicate field `type`",
            ),
            (
                r#"{"type":"text","value":"x","value":"y"}"#,
                "duplicate field `value`",
            ),
            (r#"["text","x"]"#, "invalid type: sequence"),
        ];
        for (json, want) in cases {
            let err = read(json).unwrap_err();
            assert!(err.contains(want), "{json}: {err}");
        }
    }
}
