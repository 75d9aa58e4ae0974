//! The form engine: forms as data (steps of fields), answers, conditions, validation,
//! fee quotes and drafts. Browser and server run this same code, so the server
//! re-validates a submission exactly as the browser did.
//!
//! Start from an [`IndexedForm`] (built once per form): it answers "is this shown?",
//! "is this valid?" and "what does it cost?" for a set of [`Answers`].

mod answer_reader;
pub mod answers;
pub mod condition;
pub mod context;
pub mod copy;
pub mod draft;
pub mod error;
pub mod examples;
pub mod fee;
pub mod fingerprint;
pub mod generate;
pub mod index;
pub mod lint;
pub mod messages;
pub mod path;
pub mod prefill;
pub mod preparation;
mod raw_field;
pub mod reach;
pub mod schema;
pub mod submission;
pub mod validate;
pub mod visibility;

#[cfg(test)]
mod generate_tests;
#[cfg(test)]
mod reach_tests;
#[cfg(test)]
mod tests;

pub use answers::{AddressAnswer, Answer, Answers, FileAnswer, PersonAnswer};
pub use condition::{AgeTest, Compare, Condition, Scalar};
pub use context::{AdminUnits, ValidationContext};
pub use draft::{
    merge, migrate, Draft, DropReason, DroppedAnswer, MigrationReport, MAX_CHANGE_TIMES,
};
pub use error::{Ask, DatePart, FieldError, ValidationError};
pub use fee::{charge, charge_of, Charge, Quote, QuoteLine};
pub use fingerprint::fingerprint;
pub use generate::{
    invalid_cases, valid_cases, with_file_ids, Case, Generated, InvalidCase, Places, SkipReason,
    Skipped,
};
pub use index::IndexedForm;
pub use lint::{lint, FormProblem};
pub use path::{FieldPath, Part};
pub use prefill::{Identity, PrefillSource};
pub use schema::{
    AddressOptions, AttachmentOptions, ChoiceOption, ChoiceOptions, CopyFrom, DateOptions,
    Exemption, FeeItem, Field, FieldId, FieldKind, Form, GroupOptions, MultipleChoiceOptions,
    NumberOptions, PersonOptions, PhoneOptions, Place, Prefill, Presence, Step, TaxCodeOptions,
    TextOptions,
};
