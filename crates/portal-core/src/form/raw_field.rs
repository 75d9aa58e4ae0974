//! How a [`Field`] is read: one flat table (its common keys, `type`, and every option
//! key any type has), then the options of its type. The same files and JSON as a
//! derived reader with `#[serde(flatten)]` and an internally tagged [`FieldKind`], but
//! read in one pass without buffering each field (that reader was the largest piece of
//! code in the form's browser bundle). Keys that belong to another type are read and
//! dropped here; the catalogue loader reports them, as it reports any key that does not
//! come back when the form is written out again.

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use crate::form::condition::Condition;
use crate::form::schema::*;
use crate::text::Text;
use crate::validators::Date;

/// The `type` of a question, as written in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Tag {
    Text,
    LongText,
    Number,
    Date,
    Choice,
    MultipleChoice,
    YesNo,
    Email,
    Phone,
    PersonalId,
    TaxCode,
    Address,
    Person,
    Attachment,
    Group,
    Declaration,
}

/// `min` or `max`: a whole number (numbers, groups) or a `yyyy-mm-dd` date (dates),
/// taken as written and checked against the type once it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Bound {
    Int(i64),
    Text(String),
}

impl<'de> Deserialize<'de> for Bound {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct BoundVisitor;
        impl Visitor<'_> for BoundVisitor {
            type Value = Bound;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number or a date written yyyy-mm-dd")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Bound, E> {
                Ok(Bound::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Bound, E> {
                i64::try_from(v)
                    .map(Bound::Int)
                    .map_err(|_| E::custom("number too large"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Bound, E> {
                Ok(Bound::Text(v.to_string()))
            }
        }
        d.deserialize_any(BoundVisitor)
    }
}

impl Bound {
    fn int(self, key: &str) -> Result<i64, String> {
        match self {
            Bound::Int(n) => Ok(n),
            Bound::Text(s) => Err(format!(
                "invalid type: string {s:?} for `{key}`, expected a whole number"
            )),
        }
    }

    fn count(self, key: &str) -> Result<u32, String> {
        let n = self.int(key)?;
        u32::try_from(n).map_err(|_| format!("invalid value: {n} for `{key}`, expected u32"))
    }

    fn date(self, key: &str) -> Result<Date, String> {
        match self {
            Bound::Text(s) => Date::parse_iso(&s)
                .ok_or_else(|| format!("{s:?} is not a real date written as yyyy-mm-dd")),
            Bound::Int(n) => Err(format!(
                "invalid type: integer `{n}` for `{key}`, expected a date written yyyy-mm-dd"
            )),
        }
    }
}

fn yes() -> bool {
    true
}

/// Every key a question may have, whatever its type.
#[derive(Deserialize)]
pub(crate) struct RawField {
    id: FieldId,
    label: Text,
    #[serde(default)]
    error_label: Option<Text>,
    #[serde(default)]
    hint: Option<Text>,
    #[serde(default = "yes")]
    required: bool,
    #[serde(default)]
    shown_if: Option<Condition>,
    #[serde(default)]
    prefill: Option<Prefill>,
    #[serde(default)]
    copy: Option<CopyFrom>,
    #[serde(rename = "type")]
    tag: Tag,
    // Text and long text.
    #[serde(default)]
    min_length: u32,
    #[serde(default)]
    max_length: Option<u32>,
    // Number, date and group.
    #[serde(default)]
    min: Option<Bound>,
    #[serde(default)]
    max: Option<Bound>,
    // Number.
    #[serde(default)]
    decimals: u8,
    #[serde(default)]
    unit: Option<Text>,
    // Date.
    #[serde(default)]
    not_future: bool,
    #[serde(default)]
    not_past: bool,
    // Choice and multiple choice.
    #[serde(default)]
    options: Vec<ChoiceOption>,
    #[serde(default)]
    min_selected: u32,
    #[serde(default)]
    max_selected: Option<u32>,
    // Phone, tax code.
    #[serde(default)]
    mobile_only: bool,
    #[serde(default)]
    allow_personal_id: bool,
    // Address and person.
    #[serde(default)]
    street: Presence,
    #[serde(default)]
    birth_date: Presence,
    #[serde(default)]
    sex: Presence,
    #[serde(default)]
    id_number: Presence,
    // Attachment.
    #[serde(default)]
    accept: Option<Vec<String>>,
    #[serde(default)]
    max_bytes: Option<u64>,
    #[serde(default)]
    max_files: Option<u32>,
    // Group.
    #[serde(default)]
    item_label: Option<Text>,
    #[serde(default)]
    fields: Option<Vec<Field>>,
}

impl TryFrom<RawField> for Field {
    type Error = String;

    fn try_from(r: RawField) -> Result<Field, String> {
        let text = || TextOptions {
            min_length: r.min_length,
            max_length: r.max_length,
        };
        let kind = match r.tag {
            Tag::Text => FieldKind::Text(text()),
            Tag::LongText => FieldKind::LongText(text()),
            Tag::Number => FieldKind::Number(NumberOptions {
                min: r.min.map(|b| b.int("min")).transpose()?,
                max: r.max.map(|b| b.int("max")).transpose()?,
                decimals: r.decimals,
                unit: r.unit,
            }),
            Tag::Date => FieldKind::Date(DateOptions {
                min: r.min.map(|b| b.date("min")).transpose()?,
                max: r.max.map(|b| b.date("max")).transpose()?,
                not_future: r.not_future,
                not_past: r.not_past,
            }),
            Tag::Choice => FieldKind::Choice(ChoiceOptions { options: r.options }),
            Tag::MultipleChoice => FieldKind::MultipleChoice(MultipleChoiceOptions {
                options: r.options,
                min_selected: r.min_selected,
                max_selected: r.max_selected,
            }),
            Tag::YesNo => FieldKind::YesNo,
            Tag::Email => FieldKind::Email,
            Tag::Phone => FieldKind::Phone(PhoneOptions {
                mobile_only: r.mobile_only,
            }),
            Tag::PersonalId => FieldKind::PersonalId,
            Tag::TaxCode => FieldKind::TaxCode(TaxCodeOptions {
                allow_personal_id: r.allow_personal_id,
            }),
            Tag::Address => FieldKind::Address(AddressOptions { street: r.street }),
            Tag::Person => FieldKind::Person(PersonOptions {
                birth_date: r.birth_date,
                sex: r.sex,
                id_number: r.id_number,
            }),
            Tag::Attachment => {
                let default = AttachmentOptions::default();
                FieldKind::Attachment(AttachmentOptions {
                    accept: r.accept.unwrap_or(default.accept),
                    max_bytes: r.max_bytes.unwrap_or(default.max_bytes),
                    max_files: r.max_files.unwrap_or(default.max_files),
                })
            }
            Tag::Group => FieldKind::Group(GroupOptions {
                item_label: r.item_label.ok_or("missing field `item_label`")?,
                min: r.min.map(|b| b.count("min")).transpose()?.unwrap_or(0),
                max: r.max.clone().ok_or("missing field `max`")?.count("max")?,
                fields: r.fields.clone().ok_or("missing field `fields`")?,
            }),
            Tag::Declaration => FieldKind::Declaration,
        };
        Ok(Field {
            id: r.id,
            label: r.label,
            error_label: r.error_label,
            hint: r.hint,
            required: r.required,
            shown_if: r.shown_if,
            prefill: r.prefill,
            copy: r.copy,
            kind,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::form::examples::gallery;

    fn read(v: serde_json::Value) -> Result<Field, String> {
        serde_json::from_value(v).map_err(|e| e.to_string())
    }

    fn base(kind: &str) -> serde_json::Value {
        json!({ "id": "q", "label": { "vi": "Câu hỏi", "en": "Question" }, "type": kind })
    }

    fn with(kind: &str, extra: serde_json::Value) -> serde_json::Value {
        let mut v = base(kind);
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        v
    }

    #[test]
    fn every_gallery_question_reads_back_as_written() {
        for example in gallery() {
            let json = serde_json::to_value(&example.field).unwrap();
            assert_eq!(read(json.clone()), Ok(example.field.clone()), "{json}");
        }
    }

    #[test]
    fn options_left_out_take_their_defaults() {
        let f = read(base("attachment")).unwrap();
        assert!(f.required);
        assert_eq!(f.kind, FieldKind::Attachment(AttachmentOptions::default()));
        assert_eq!(
            read(base("person")).unwrap().kind,
            FieldKind::Person(PersonOptions::default())
        );
        assert_eq!(
            read(base("long-text")).unwrap().kind,
            FieldKind::LongText(TextOptions::default())
        );
        assert_eq!(
            read(base("declaration")).unwrap().kind,
            FieldKind::Declaration
        );
    }

    #[test]
    fn min_and_max_are_read_as_the_type_needs() {
        let number = read(with(
            "number",
            json!({ "min": -5, "max": 10, "decimals": 1 }),
        ));
        assert_eq!(
            number.unwrap().kind,
            FieldKind::Number(NumberOptions {
                min: Some(-5),
                max: Some(10),
                decimals: 1,
                unit: None
            })
        );
        let date = read(with(
            "date",
            json!({ "min": "2020-02-29", "not_future": true }),
        ));
        assert_eq!(
            date.unwrap().kind,
            FieldKind::Date(DateOptions {
                min: Date::parse_iso("2020-02-29"),
                max: None,
                not_future: true,
                not_past: false
            })
        );
        let group = json!({ "item_label": { "vi": "người", "en": "person" }, "max": 3,
            "fields": [base("text")] });
        let FieldKind::Group(g) = read(with("group", group)).unwrap().kind else {
            panic!("group")
        };
        assert_eq!((g.min, g.max, g.fields.len()), (0, 3, 1));
    }

    #[test]
    fn a_key_of_the_wrong_shape_or_a_missing_one_is_refused() {
        let no_date = read(with("date", json!({ "min": "2021-02-29" }))).unwrap_err();
        assert!(no_date.contains("not a real date"), "{no_date}");
        let int_date = read(with("date", json!({ "max": 2020 }))).unwrap_err();
        assert!(int_date.contains("expected a date"), "{int_date}");
        let text_number = read(with("number", json!({ "min": "ten" }))).unwrap_err();
        assert!(
            text_number.contains("expected a whole number"),
            "{text_number}"
        );
        let negative = json!({ "item_label": { "vi": "a", "en": "a" }, "max": -1, "fields": [] });
        let negative = read(with("group", negative)).unwrap_err();
        assert!(negative.contains("expected u32"), "{negative}");
        let no_max = json!({ "item_label": { "vi": "a", "en": "a" }, "fields": [] });
        let no_max = read(with("group", no_max)).unwrap_err();
        assert!(no_max.contains("missing field `max`"), "{no_max}");
        let unknown = read(base("colour")).unwrap_err();
        assert!(unknown.contains("unknown variant `colour`"), "{unknown}");
        let untyped = read(json!({ "id": "q", "label": { "vi": "a", "en": "a" } })).unwrap_err();
        assert!(untyped.contains("missing field `type`"), "{untyped}");
    }

    #[test]
    fn a_key_of_another_type_is_dropped_and_so_does_not_come_back() {
        let f = read(with("text", json!({ "mobile_only": true }))).unwrap();
        let written = serde_json::to_value(&f).unwrap();
        assert!(written.get("mobile_only").is_none(), "{written}");
    }
}
