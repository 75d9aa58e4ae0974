//! Prefill from the signed-in identity (VNeID and the national population database):
//! which facts a field may take, and the answers they give. Prefilled answers are locked
//! unless the field says otherwise, and the server enforces the lock with the same code.

use serde::{Deserialize, Serialize};

use crate::form::answers::{AddressAnswer, Answer, Answers, PersonAnswer};
use crate::form::index::IndexedForm;
use crate::form::schema::{FieldKind, Prefill};
use crate::validators::{Date, Sex};

/// A fact of the signed-in identity a field can be prefilled from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PrefillSource {
    FullName,
    BirthDate,
    Sex,
    PersonalId,
    /// Name, date of birth, sex and personal number together, for a person block.
    Person,
    PermanentAddress,
    CurrentAddress,
    Phone,
    Email,
    BusinessTaxCode,
    BusinessName,
}

impl PrefillSource {
    /// Whether a field of this kind can hold this fact.
    pub fn fits(self, kind: &FieldKind) -> bool {
        use PrefillSource::*;
        match self {
            FullName | BusinessName => matches!(kind, FieldKind::Text(_)),
            BirthDate => matches!(kind, FieldKind::Date(_)),
            Sex => matches!(kind, FieldKind::Choice(_)),
            PersonalId => matches!(kind, FieldKind::PersonalId | FieldKind::TaxCode(_)),
            Person => matches!(kind, FieldKind::Person(_)),
            PermanentAddress | CurrentAddress => matches!(kind, FieldKind::Address(_)),
            Phone => matches!(kind, FieldKind::Phone(_)),
            Email => matches!(kind, FieldKind::Email),
            BusinessTaxCode => matches!(kind, FieldKind::TaxCode(_)),
        }
    }
}

/// What the identity provider tells the portal about the signed-in person (and the
/// business they act for). Every fact is optional: records are incomplete.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    #[serde(default)]
    pub full_name: Option<String>,
    #[serde(default)]
    pub birth_date: Option<Date>,
    #[serde(default)]
    pub sex: Option<Sex>,
    #[serde(default)]
    pub personal_id: Option<String>,
    #[serde(default)]
    pub permanent_address: Option<AddressAnswer>,
    #[serde(default)]
    pub current_address: Option<AddressAnswer>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub business_tax_code: Option<String>,
    #[serde(default)]
    pub business_name: Option<String>,
}

/// Option values a sex question must offer to be prefilled: `male` and `female`.
pub fn sex_value(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "male",
        Sex::Female => "female",
    }
}

impl Identity {
    /// The answer this identity gives for `source`, if it holds that fact.
    pub fn answer(&self, source: PrefillSource) -> Option<Answer> {
        use PrefillSource::*;
        let text = |s: &Option<String>| s.as_ref().map(|s| Answer::Text(s.clone()));
        match source {
            FullName => text(&self.full_name),
            BirthDate => self.birth_date.map(|d| Answer::Text(d.to_string())),
            Sex => self.sex.map(|s| Answer::Choice(sex_value(s).to_string())),
            PersonalId => text(&self.personal_id),
            Person => {
                let p = PersonAnswer {
                    full_name: self.full_name.clone().unwrap_or_default(),
                    birth_date: self.birth_date.map(|d| d.to_string()).unwrap_or_default(),
                    sex: self.sex,
                    id_number: self.personal_id.clone().unwrap_or_default(),
                };
                (!p.is_blank()).then_some(Answer::Person(p))
            }
            PermanentAddress => self.permanent_address.clone().map(Answer::Address),
            CurrentAddress => self.current_address.clone().map(Answer::Address),
            Phone => text(&self.phone),
            Email => text(&self.email),
            BusinessTaxCode => text(&self.business_tax_code),
            BusinessName => text(&self.business_name),
        }
    }
}

impl IndexedForm {
    /// The answers with prefill applied: a locked field always takes the identity's
    /// value; an editable one takes it only while the citizen has not answered. Run it
    /// when a draft is opened by a signed-in citizen.
    pub fn apply_prefill(&self, answers: &Answers, identity: &Identity) -> Answers {
        let mut out = answers.clone();
        for step in &self.form().steps {
            for field in &step.fields {
                let Some(p) = &field.prefill else { continue };
                let Some(value) = identity.answer(p.source) else {
                    continue;
                };
                let answered = out.get(field.id.as_str()).is_some_and(Answer::is_answered);
                if !p.editable || !answered {
                    out.set(field.id.0.clone(), value);
                }
            }
        }
        out
    }

    /// Whether the citizen may not change this field: it is prefilled, locked, and the
    /// identity holds the fact. The renderer shows such a value as text, not an input.
    pub fn is_locked(&self, field_id: &str, identity: Option<&Identity>) -> bool {
        self.locked_prefill(field_id)
            .is_some_and(|p| identity.and_then(|i| i.answer(p.source)).is_some())
    }

    /// Whether a signed-in person's record could lock this field: it is prefilled and not
    /// editable. Until who is signed in is known, such a field is not open to typing.
    pub fn may_lock(&self, field_id: &str) -> bool {
        self.locked_prefill(field_id).is_some()
    }

    fn locked_prefill(&self, field_id: &str) -> Option<&Prefill> {
        self.field(field_id)?
            .prefill
            .as_ref()
            .filter(|p| !p.editable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::schema::{PersonOptions, TextOptions};

    #[test]
    fn sources_fit_their_kinds() {
        assert!(PrefillSource::FullName.fits(&FieldKind::Text(TextOptions::default())));
        assert!(!PrefillSource::FullName.fits(&FieldKind::Email));
        assert!(PrefillSource::Person.fits(&FieldKind::Person(PersonOptions::default())));
        assert!(!PrefillSource::Person.fits(&FieldKind::PersonalId));
        assert!(PrefillSource::PersonalId.fits(&FieldKind::PersonalId));
    }

    #[test]
    fn answers_from_an_identity() {
        let id = Identity {
            full_name: Some("Trần Thị B".into()),
            birth_date: Date::new(1990, 5, 1),
            sex: Some(Sex::Female),
            ..Identity::default()
        };
        assert_eq!(
            id.answer(PrefillSource::BirthDate),
            Some(Answer::Text("01/05/1990".into()))
        );
        assert_eq!(
            id.answer(PrefillSource::Sex),
            Some(Answer::Choice("female".into()))
        );
        assert_eq!(id.answer(PrefillSource::Email), None);
        let Some(Answer::Person(p)) = id.answer(PrefillSource::Person) else {
            panic!("a person answer")
        };
        assert_eq!(
            (p.full_name.as_str(), p.id_number.as_str()),
            ("Trần Thị B", "")
        );
        assert_eq!(Identity::default().answer(PrefillSource::Person), None);
    }

    #[test]
    fn prefill_fills_locked_fields_and_blank_editable_ones() {
        let form = IndexedForm::new(crate::form::examples::prefilled_applicant_form());
        let id = Identity {
            full_name: Some("Trần Thị B".into()),
            phone: Some("0912345678".into()),
            ..Identity::default()
        };
        let typed = Answers::new()
            .with("name", Answer::Text("Other".into()))
            .with("phone", Answer::Text("0987654321".into()));
        let out = form.apply_prefill(&typed, &id);
        assert_eq!(
            out.text("name"),
            Some("Trần Thị B"),
            "locked: the identity wins"
        );
        assert_eq!(
            out.text("phone"),
            Some("0987654321"),
            "editable: the citizen's answer stays"
        );
        assert_eq!(
            out.get("email"),
            None,
            "not in the identity: left to the citizen"
        );
        let blank = form.apply_prefill(&Answers::new(), &id);
        assert_eq!(blank.text("phone"), Some("0912345678"));
        assert!(form.is_locked("name", Some(&id)));
        assert!(!form.is_locked("phone", Some(&id)));
        assert!(!form.is_locked("name", None));
        assert!(!form.is_locked("email", Some(&id)));
        // Before anyone is known, only a locked prefill may lock; the editable ones never.
        assert!(form.may_lock("name"));
        assert!(!form.may_lock("phone"));
        assert!(!form.may_lock("email"));
        assert!(!form.may_lock("no-such-field"));
    }
}
