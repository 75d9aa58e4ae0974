//! The National Public Service Portal web app (Leptos, client-side rendered).
//!
//! Components render state and forward events; rules live in `portal-core`.

pub mod address;
pub mod api;
pub mod app;
pub mod components;
pub mod embed;
pub mod form;
pub mod i18n;
pub mod pages;
pub mod prefs;
pub mod session;
pub mod tasks;
pub mod tracking;
