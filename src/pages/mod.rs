//! One module per route.

pub mod accessibility;
pub mod apply;
pub mod catalogue;
pub mod dossier;
pub mod embed;
pub mod feedback;
pub mod gallery;
pub mod integrated_services;
pub mod not_found;
pub mod service;
pub mod sources;
pub mod staff;
pub mod staff_deliveries;
pub mod staff_draft;
pub mod staff_feedback;
pub mod staff_preview;
pub mod statistics;
pub mod submit;
pub mod unfinished;
