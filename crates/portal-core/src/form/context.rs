//! What validation needs from outside the form: today's date (the crate has no clock),
//! the signed-in identity (to enforce locked prefill) and the administrative units (to
//! check that a commune belongs to its province). Browser and server build the same
//! context from their own sources.

use crate::form::prefill::Identity;
use crate::validators::Date;

/// The post-2025 administrative units: 34 provinces and their communes.
pub trait AdminUnits {
    /// Whether `code` (2 digits, e.g. `01`) is a current province.
    fn has_province(&self, code: &str) -> bool;
    /// Whether `commune` (5 digits) is a current commune of `province`.
    fn has_commune(&self, province: &str, commune: &str) -> bool;
}

/// Inputs to validation besides the answers.
#[derive(Clone, Copy)]
pub struct ValidationContext<'a> {
    /// Today in Vietnam ([`Date::in_vietnam_at`]).
    pub today: Date,
    /// Without it, locked prefilled answers cannot be checked against their source.
    pub identity: Option<&'a Identity>,
    /// Without it, addresses are checked for shape only (2- and 5-digit codes).
    pub units: Option<&'a dyn AdminUnits>,
}

impl<'a> ValidationContext<'a> {
    pub fn new(today: Date) -> Self {
        ValidationContext {
            today,
            identity: None,
            units: None,
        }
    }

    pub fn with_identity(mut self, identity: &'a Identity) -> Self {
        self.identity = Some(identity);
        self
    }

    pub fn with_units(mut self, units: &'a dyn AdminUnits) -> Self {
        self.units = Some(units);
        self
    }
}

impl std::fmt::Debug for ValidationContext<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ValidationContext")
            .field("today", &self.today)
            .field("identity", &self.identity.is_some())
            .field("units", &self.units.is_some())
            .finish()
    }
}
