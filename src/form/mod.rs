//! The form renderer: turns a service's form (data, see `portal_core::form`) into GOV.UK
//! style question pages. Rules (visibility, validation, fees, draft migration) come from
//! `portal_core::form`; this module only keeps answers in signals, renders them and
//! saves drafts on the device.

pub mod drafts;
pub mod error_summary;
pub mod fields;
pub mod focus;
pub mod format;
pub mod groups;
pub mod known_units;
pub mod state;
pub mod sync;

pub use error_summary::ErrorSummary;
pub use fields::FieldView;
pub use groups::question_groups;
pub use state::{FormState, Locks};
