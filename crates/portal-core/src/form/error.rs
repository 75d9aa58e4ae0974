//! A validator's error located in the form: which answer (down to the part of a person or
//! address block, or the item of a repeating group) and what is wrong with it. The errors
//! themselves live with the validators (`validators::error`).

use serde::{Deserialize, Serialize};

use crate::form::path::FieldPath;
pub use crate::validators::error::{Ask, DatePart, FieldError};

/// A problem located in the form: which answer (down to the part of a person or
/// address block, or the item of a repeating group) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationError {
    pub path: FieldPath,
    pub error: FieldError,
}

impl ValidationError {
    pub fn new(path: FieldPath, error: FieldError) -> Self {
        ValidationError { path, error }
    }
}

impl std::fmt::Display for ValidationError {
    /// A stable, language-neutral rendering for logs; people see [`FieldError::message`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {:?}", self.path, self.error)
    }
}
