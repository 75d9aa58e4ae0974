//! What can be wrong with an answer, as data: the validators' errors. Each variant
//! carries what its message needs (a limit, what was typed), so the browser and the server
//! render the same words from [`crate::form::messages`] in either language. They live with
//! the validators that raise them; the form engine locates them (`form::ValidationError`).

use serde::{Deserialize, Serialize};

use crate::validators::{Date, Sex};

/// The verb a "required" message uses, which depends on the kind of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ask {
    /// Typed answers: "Enter your date of birth".
    Enter,
    /// Options and pickers: "Select the province".
    Select,
    /// Yes/no questions: "Select yes or no".
    YesOrNo,
    /// Attachments: "Upload the birth notice".
    Upload,
    /// The declaration checkbox.
    Confirm,
}

/// One problem with one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum FieldError {
    /// A required question was left blank.
    Required {
        ask: Ask,
    },
    /// The answer has the wrong shape for the question (only a faulty or hostile client
    /// sends this, e.g. a list for a date).
    WrongAnswerType,
    /// The value came from the signed-in identity and the form does not allow changing it.
    PrefillChanged,

    TextTooShort {
        min: u32,
    },
    TextTooLong {
        max: u32,
    },
    /// Control or direction-override characters that no real answer contains.
    TextInvalidCharacters,

    NotANumber,
    NotAWholeNumber,
    TooManyDecimals {
        max: u8,
    },
    NumberTooSmall {
        min: i64,
    },
    NumberTooLarge {
        max: i64,
    },

    DateFormat,
    DateMissingPart {
        part: DatePart,
    },
    DateYearDigits,
    DateNotReal,
    DateInFuture,
    DateInPast,
    DateTooEarly {
        min: Date,
    },
    DateTooLate {
        max: Date,
    },

    ChoiceUnknown,
    TooFewSelected {
        min: u32,
    },
    TooManySelected {
        max: u32,
    },

    EmailFormat,

    PhoneCharacters,
    PhoneLength {
        digits: u32,
    },
    PhonePrefix,
    PhoneNotMobile,

    PersonalIdCharacters,
    PersonalIdLength {
        digits: u32,
    },
    /// A 9-digit number from the old identity card (CMND), no longer accepted.
    PersonalIdLegacyCard,
    PersonalIdProvince {
        prefix: String,
    },
    PersonalIdFutureBirthYear {
        year: i32,
    },
    PersonalIdBirthYearMismatch {
        in_number: i32,
        declared: i32,
    },
    PersonalIdSexMismatch {
        in_number: Sex,
    },

    TaxCodeCharacters,
    TaxCodeLength {
        digits: u32,
        personal_id_allowed: bool,
    },
    TaxCodeCheckDigit,
    TaxCodeBranch,
    TaxCodePersonalIdNotAllowed,

    ProvinceUnknown,
    CommuneUnknown,

    FileType {
        accepted: Vec<String>,
    },
    FileTooLarge {
        max_bytes: u64,
    },
    FileEmpty,
    FileName,
    TooManyFiles {
        max: u32,
    },

    TooFewItems {
        min: u32,
    },
    TooManyItems {
        max: u32,
    },
    /// A repeating group lists the same person twice (same personal ID number, or the
    /// same name and date of birth); `first` is the 1-based item already naming them.
    DuplicatePerson {
        first: u32,
    },
}

impl FieldError {
    /// The stable code of the error, the same string as its serde tag (`"required"`,
    /// `"tax-code-check-digit"`): what tests and clients compare, whatever the message.
    pub fn code(&self) -> &'static str {
        use FieldError::*;
        match self {
            Required { .. } => "required",
            WrongAnswerType => "wrong-answer-type",
            PrefillChanged => "prefill-changed",
            TextTooShort { .. } => "text-too-short",
            TextTooLong { .. } => "text-too-long",
            TextInvalidCharacters => "text-invalid-characters",
            NotANumber => "not-a-number",
            NotAWholeNumber => "not-a-whole-number",
            TooManyDecimals { .. } => "too-many-decimals",
            NumberTooSmall { .. } => "number-too-small",
            NumberTooLarge { .. } => "number-too-large",
            DateFormat => "date-format",
            DateMissingPart { .. } => "date-missing-part",
            DateYearDigits => "date-year-digits",
            DateNotReal => "date-not-real",
            DateInFuture => "date-in-future",
            DateInPast => "date-in-past",
            DateTooEarly { .. } => "date-too-early",
            DateTooLate { .. } => "date-too-late",
            ChoiceUnknown => "choice-unknown",
            TooFewSelected { .. } => "too-few-selected",
            TooManySelected { .. } => "too-many-selected",
            EmailFormat => "email-format",
            PhoneCharacters => "phone-characters",
            PhoneLength { .. } => "phone-length",
            PhonePrefix => "phone-prefix",
            PhoneNotMobile => "phone-not-mobile",
            PersonalIdCharacters => "personal-id-characters",
            PersonalIdLength { .. } => "personal-id-length",
            PersonalIdLegacyCard => "personal-id-legacy-card",
            PersonalIdProvince { .. } => "personal-id-province",
            PersonalIdFutureBirthYear { .. } => "personal-id-future-birth-year",
            PersonalIdBirthYearMismatch { .. } => "personal-id-birth-year-mismatch",
            PersonalIdSexMismatch { .. } => "personal-id-sex-mismatch",
            TaxCodeCharacters => "tax-code-characters",
            TaxCodeLength { .. } => "tax-code-length",
            TaxCodeCheckDigit => "tax-code-check-digit",
            TaxCodeBranch => "tax-code-branch",
            TaxCodePersonalIdNotAllowed => "tax-code-personal-id-not-allowed",
            ProvinceUnknown => "province-unknown",
            CommuneUnknown => "commune-unknown",
            FileType { .. } => "file-type",
            FileTooLarge { .. } => "file-too-large",
            FileEmpty => "file-empty",
            FileName => "file-name",
            TooManyFiles { .. } => "too-many-files",
            TooFewItems { .. } => "too-few-items",
            TooManyItems { .. } => "too-many-items",
            DuplicatePerson { .. } => "duplicate-person",
        }
    }
}

/// The part of a date that is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DatePart {
    Day,
    Month,
    Year,
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_code_is_the_serde_tag() {
        for e in crate::form::examples::all_errors() {
            let json = serde_json::to_value(&e).expect("serialises");
            assert_eq!(json["code"], e.code(), "{e:?}");
        }
    }
}
