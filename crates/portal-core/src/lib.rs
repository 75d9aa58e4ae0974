//! The portal's domain model, shared by the browser app and the reference server.
//!
//! This crate is pure: no I/O, no web or server dependencies, so every rule written here
//! runs identically in the WebAssembly bundle and on the server.

pub mod admin_units;
pub mod bundle;
pub mod calendar;
pub mod case;
pub mod catalogue;
pub mod catalogue_diff;
mod catalogue_raw;
pub mod directive24;
pub mod dossier;
pub mod form;
pub mod normalize;
pub mod search;
pub mod search_query;
pub mod sorted;
pub mod statistics;
pub mod text;
pub mod validators;

pub use bundle::{SelectionError, MAX_OPTIONAL_PROCEDURES};
pub use catalogue::*;
pub use text::{Lang, Text};
