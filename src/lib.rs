//! The National Public Service Portal web app (Leptos, client-side rendered).
//!
//! Components render state and forward events; rules live in `portal-core`.

/// The heap allocator in the browser: talc, smaller in the bundle than the standard
/// library's dlmalloc (measured in `scripts/size-report`'s notes).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod address;
pub mod api;
pub mod app;
pub mod components;
pub mod embed;
pub mod fetched;
pub mod form;
pub mod i18n;
pub mod json;
pub mod pages;
pub mod prefs;
pub mod session;
pub mod split;
pub mod tasks;
pub mod tracking;
