//! Validators: one format per file. Each reads what a person typed, forgiving the usual
//! variations (spaces, hyphens, `+84`, `d/m/yyyy`), and returns either the normalised
//! value or a [`FieldError`] (`error.rs`) that says how to fix the input.

pub mod clean;
pub mod date;
pub mod email;
pub mod error;
pub mod file;
pub mod number;
pub mod personal_id;
pub mod phone;
pub mod tax_code;
pub mod text;

pub use date::{check_date, parse_date, Date, DateLimits};
pub use email::parse_email;
pub use error::{Ask, DatePart, FieldError};
pub use file::{check_file, sniff_mime};
pub use number::{check_number, parse_number, Decimal, NumberLimits};
pub use personal_id::{check_holder, parse_personal_id, Holder, PersonalId, Sex};
pub use phone::{parse_phone, Carrier, Line, Phone};
pub use tax_code::{parse_tax_code, TaxCode};
pub use text::{check_text, TextLimits};
