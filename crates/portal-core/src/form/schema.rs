//! The form schema: a form is steps of fields, declared as data in
//! `catalog/forms/<service-id>.toml`. Every field type has one options struct, named
//! `<Type>Options`, so adding a type means adding one variant and one struct.
//!
//! Settings with defaults are always serialised (only absent `Option`s are skipped): the
//! catalogue loader re-serialises a parsed form and reports any key of the file that did
//! not come back, which catches typos that serde would otherwise ignore.

use serde::{Deserialize, Serialize};

use crate::form::condition::Condition;
use crate::form::prefill::PrefillSource;
use crate::text::Text;
use crate::validators::file::{JPEG, PDF, PNG};
use crate::validators::Date;

/// Whether `s` can name a step, field, option value or fee item: a lowercase ASCII
/// letter, then lowercase letters, digits and underscores; at most 64 characters.
pub fn is_valid_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_lowercase()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_')
}

/// Identifier of a field, unique in its form (group members included).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldId(pub String);

impl FieldId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for FieldId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for FieldId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A service's form: the steps the citizen goes through, and how its fee is computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Form {
    pub steps: Vec<Step>,
    /// Fee lines computed from the answers (see [`crate::form::fee`]).
    #[serde(default)]
    pub fees: Vec<FeeItem>,
    /// The question whose answer names whom a dossier is for (the child of a birth
    /// registration, the deceased of a death registration): lists of dossiers show it,
    /// so two dossiers of one service are told apart. A person or a one-line text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<FieldId>,
    /// The question whose answer is where the dossier is filed: an address (province and
    /// commune) or a choice of province (values `p` and the province code). The receiving
    /// agency is found from it (`admin_units::routing`). Asked on every path, outside
    /// any group; a ministry's procedure has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<FieldId>,
}

/// Where a dossier is filed, from the answer to the form's `place` question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Two digits.
    pub province: String,
    /// Five digits, when the question is an address.
    pub commune: Option<String>,
}

impl Form {
    /// The name `subject` answers with, if the form has one and it was answered.
    pub fn subject_name(&self, answers: &crate::form::Answers) -> Option<String> {
        let name = match answers.get(self.subject.as_ref()?.as_str())? {
            crate::form::Answer::Person(p) => p.full_name.trim(),
            crate::form::Answer::Text(t) => t.trim(),
            _ => return None,
        };
        (!name.is_empty()).then(|| name.to_string())
    }

    /// Where the dossier is filed, if the form has a `place` question and it was answered
    /// with something shaped like a place (the server has validated it against the
    /// administrative units before asking).
    pub fn place_of(&self, answers: &crate::form::Answers) -> Option<Place> {
        use crate::admin_units::{is_commune_code, is_province_code};
        match answers.get(self.place.as_ref()?.as_str())? {
            crate::form::Answer::Address(a) if is_province_code(&a.province) => Some(Place {
                province: a.province.clone(),
                commune: is_commune_code(&a.commune).then(|| a.commune.clone()),
            }),
            crate::form::Answer::Choice(c) => {
                let code = c.strip_prefix('p')?;
                is_province_code(code).then(|| Place {
                    province: code.to_string(),
                    commune: None,
                })
            }
            _ => None,
        }
    }
}

/// One page of questions (GOV.UK: one thing per page where it helps).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// The whole step is skipped unless this holds on earlier answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_if: Option<Condition>,
    pub fields: Vec<Field>,
}

/// One question. Read through [`crate::form::raw_field`] (one flat table), written with
/// its type's options beside the common keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "crate::form::raw_field::RawField")]
pub struct Field {
    pub id: FieldId,
    pub label: Text,
    /// How error messages name the question when its label does not read after "Nhập" /
    /// "Chọn" ("Enter" / "Select"): a label that is a question or starts with a verb. For a
    /// yes/no question, the condition of "Chọn Có nếu …" / "Select yes if …".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_label: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Questions are required unless marked optional (GOV.UK: mark the optional ones).
    pub required: bool,
    /// Asked only when this holds on earlier answers; otherwise its answer is dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_if: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefill: Option<Prefill>,
    /// Filled from an earlier answer when the question is first shown unanswered and
    /// `when` holds (the applicant is the mother: the mother's details are the
    /// applicant's); the person can still change it (WCAG 2.2, 3.3.7 redundant entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<CopyFrom>,
    #[serde(flatten)]
    pub kind: FieldKind,
}

/// Where a question's answer may be copied from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CopyFrom {
    /// An earlier question of the same type, outside any group.
    pub from: FieldId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
}

/// Where a prefilled answer comes from, and whether the citizen may change it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefill {
    pub source: PrefillSource,
    /// Data from the national population database is locked unless the law lets the
    /// citizen correct it here (e.g. a contact phone number).
    #[serde(default)]
    pub editable: bool,
}

/// The type of a question with its options. Tagged by `type` in catalogue files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum FieldKind {
    /// One line of text.
    Text(TextOptions),
    /// Several lines of text.
    LongText(TextOptions),
    Number(NumberOptions),
    /// A date written `dd/mm/yyyy`.
    Date(DateOptions),
    /// One option (radios, or a select when there are many).
    Choice(ChoiceOptions),
    /// Any number of options (checkboxes).
    MultipleChoice(MultipleChoiceOptions),
    YesNo,
    Email,
    /// A Vietnamese phone number.
    Phone(PhoneOptions),
    /// The 12-digit personal identification number.
    PersonalId,
    TaxCode(TaxCodeOptions),
    /// Province, then commune (post-2025 units), then street.
    Address(AddressOptions),
    /// Name, date of birth, sex and personal number of one person.
    Person(PersonOptions),
    Attachment(AttachmentOptions),
    /// A repeating group of fields, e.g. family members.
    Group(GroupOptions),
    /// The "I declare…" checkbox that must be ticked.
    Declaration,
}

impl FieldKind {
    /// The tag used in catalogue files, for messages about a field.
    pub fn tag(&self) -> &'static str {
        match self {
            FieldKind::Text(_) => "text",
            FieldKind::LongText(_) => "long-text",
            FieldKind::Number(_) => "number",
            FieldKind::Date(_) => "date",
            FieldKind::Choice(_) => "choice",
            FieldKind::MultipleChoice(_) => "multiple-choice",
            FieldKind::YesNo => "yes-no",
            FieldKind::Email => "email",
            FieldKind::Phone(_) => "phone",
            FieldKind::PersonalId => "personal-id",
            FieldKind::TaxCode(_) => "tax-code",
            FieldKind::Address(_) => "address",
            FieldKind::Person(_) => "person",
            FieldKind::Attachment(_) => "attachment",
            FieldKind::Group(_) => "group",
            FieldKind::Declaration => "declaration",
        }
    }

    /// Whether the answer is typed as text (and so kept as typed until validated).
    pub fn is_typed(&self) -> bool {
        matches!(
            self,
            FieldKind::Text(_)
                | FieldKind::LongText(_)
                | FieldKind::Number(_)
                | FieldKind::Date(_)
                | FieldKind::Email
                | FieldKind::Phone(_)
                | FieldKind::PersonalId
                | FieldKind::TaxCode(_)
        )
    }
}

/// Default longest answers: one line, and several lines.
pub const TEXT_MAX: u32 = 200;
pub const LONG_TEXT_MAX: u32 = 2000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextOptions {
    #[serde(default)]
    pub min_length: u32,
    /// Defaults to [`TEXT_MAX`] or [`LONG_TEXT_MAX`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Digits allowed after the decimal mark; 0 for whole numbers.
    #[serde(default)]
    pub decimals: u8,
    /// Shown after the input, e.g. "m²".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Date>,
    /// Today or earlier (dates of birth, events that happened).
    #[serde(default)]
    pub not_future: bool,
    /// Today or later (appointments).
    #[serde(default)]
    pub not_past: bool,
}

/// One option of a choice question. `value` is what is stored and what conditions test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub value: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOptions {
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MultipleChoiceOptions {
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    /// At least this many when answered (a required question needs at least one).
    #[serde(default)]
    pub min_selected: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_selected: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneOptions {
    /// Refuse landlines, e.g. where the agency sends SMS notices.
    #[serde(default)]
    pub mobile_only: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxCodeOptions {
    /// Accept the 12-digit personal number (individuals and household businesses since
    /// 1 July 2025).
    #[serde(default)]
    pub allow_personal_id: bool,
}

/// Whether a part of a composite question is asked, and whether it must be answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Presence {
    #[default]
    Required,
    Optional,
    Omitted,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressOptions {
    /// House number and street; omitted when only the commune matters (e.g. the
    /// receiving agency).
    #[serde(default)]
    pub street: Presence,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonOptions {
    #[serde(default)]
    pub birth_date: Presence,
    #[serde(default)]
    pub sex: Presence,
    /// Omitted for a newborn, who gets a number only once the birth is registered.
    #[serde(default)]
    pub id_number: Presence,
}

/// Limits on uploaded files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentOptions {
    /// MIME types, among [`crate::validators::file::SUPPORTED_TYPES`].
    #[serde(default = "default_accept")]
    pub accept: Vec<String>,
    /// Largest size of one file, in bytes.
    #[serde(default = "default_max_bytes")]
    pub max_bytes: u64,
    #[serde(default = "one")]
    pub max_files: u32,
}

impl Default for AttachmentOptions {
    fn default() -> Self {
        AttachmentOptions {
            accept: default_accept(),
            max_bytes: default_max_bytes(),
            max_files: 1,
        }
    }
}

fn default_accept() -> Vec<String> {
    [PDF, JPEG, PNG].map(String::from).to_vec()
}

fn default_max_bytes() -> u64 {
    5 * 1024 * 1024
}

fn one() -> u32 {
    1
}

/// A repeating group: the same fields answered once per item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupOptions {
    /// What one item is called, e.g. "family member".
    pub item_label: Text,
    #[serde(default)]
    pub min: u32,
    pub max: u32,
    pub fields: Vec<Field>,
}

/// One fee line: an amount, optionally per unit counted from an answer, applying only in
/// some cases and waived in others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeItem {
    pub id: String,
    pub label: Text,
    /// Amount per unit in đồng when filed in person.
    pub in_person: u64,
    /// Amount per unit when filed online, where lower; defaults to the in-person amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online: Option<u64>,
    /// A number, multiple-choice or group field whose answer counts the units; one unit
    /// when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<FieldId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Condition>,
    #[serde(default)]
    pub exemptions: Vec<Exemption>,
    /// The first day the amount is charged (a circular's date of effect); always when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// The last day the amount is charged (a temporary rate's end); always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

impl FeeItem {
    /// Whether the amount is in force on `day`.
    pub fn in_force_on(&self, day: Date) -> bool {
        self.from.is_none_or(|from| from <= day) && self.until.is_none_or(|until| day <= until)
    }
}

/// A case in which a fee line is waived, with the reason shown to the citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exemption {
    pub when: Condition,
    pub reason: Text,
}

impl Form {
    /// Every field in order, group members right after their group, with the step index.
    pub fn walk(&self) -> impl Iterator<Item = (usize, &Field)> {
        self.steps.iter().enumerate().flat_map(|(s, step)| {
            step.fields.iter().flat_map(move |f| {
                let children: &[Field] = match &f.kind {
                    FieldKind::Group(g) => &g.fields,
                    _ => &[],
                };
                std::iter::once((s, f)).chain(children.iter().map(move |c| (s, c)))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_shape() {
        for ok in ["a", "child_name", "f299", "mother_id_2"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "1a", "_a", "A", "a-b", "a b", "tên", &"a".repeat(65)] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
