//! One module per route.

pub mod apply;
pub mod catalogue;
pub mod not_found;
pub mod service;
