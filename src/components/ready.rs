//! The moment a page becomes usable, as a performance mark (`portal-ready`): the page is
//! drawn by the app and its first control answers (a service's Start button, a form
//! step's questions, the catalogue's list). The benchmark reads it (bench/ready.mjs) for
//! "ready to use" on a slow phone, beside the first paint, which comes before the wasm.

use leptos::prelude::*;

/// The mark's name.
pub const READY_MARK: &str = "portal-ready";

/// Sets the `portal-ready` mark once the view it is placed in has been drawn, only the
/// first time in this page load (later pages of the same bundle are not "ready" again).
#[component]
pub fn Ready() -> impl IntoView {
    Effect::new(|_| mark_ready());
}

/// Sets the `portal-ready` mark, the first time only (for a view that knows itself when
/// it is drawn, without a component of its own).
pub fn mark_ready() {
    thread_local!(static MARKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if MARKED.with(|m| m.replace(true)) {
        return;
    }
    if let Some(performance) = window().performance() {
        let _ = performance.mark(READY_MARK);
    }
}
