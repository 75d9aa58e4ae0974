//! Drafts on the device (localStorage), one per service. A draft carries the catalogue
//! version and form fingerprint it was started on, so a changed form is detected and the
//! answers migrated rather than silently misapplied. Beside it waits the submission the
//! citizen sent, until the server has answered it (see `crate::pages::submit`).

use portal_core::dossier::PendingSubmission;
use portal_core::form::Draft;
use portal_core::ServiceId;

/// Answers typed in a staff preview are kept apart from the person's real drafts.
fn key(service: &ServiceId) -> String {
    match crate::api::source().draft() {
        None => format!("portal.draft.{service}"),
        Some(d) => format!("portal.preview.{d}.{service}"),
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Saves; `false` when storage is unavailable or full (the caller keeps the answers in
/// memory and says the draft is not saved).
pub fn save(draft: &Draft) -> bool {
    let Ok(json) = serde_json::to_string(draft) else {
        return false;
    };
    storage().is_some_and(|s| s.set_item(&key(&draft.service), &json).is_ok())
}

/// The saved draft, if any and readable; an unreadable one is left in place untouched.
pub fn load(service: &ServiceId) -> Option<Draft> {
    let json = storage()?.get_item(&key(service)).ok()??;
    crate::json::from_str(&json).ok()
}

/// Whether a draft of `service` is kept, without reading it.
pub fn exists(service: &ServiceId) -> bool {
    storage().is_some_and(|s| s.get_item(&key(service)).ok().flatten().is_some())
}

/// The keys of the real (not preview) drafts kept on this device.
fn device_keys(s: &web_sys::Storage) -> impl Iterator<Item = String> + '_ {
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with("portal.draft."))
}

/// Every real (not preview) draft kept on this device, for "Unfinished applications".
pub fn on_device() -> Vec<Draft> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    device_keys(&s)
        .filter_map(|k| s.get_item(&k).ok().flatten())
        .filter_map(|json| crate::json::from_str::<Draft>(&json).ok())
        .collect()
}

/// Whether this device keeps any real draft, without reading one.
pub fn any_on_device() -> bool {
    storage().is_some_and(|s| device_keys(&s).next().is_some())
}

pub fn remove(service: &ServiceId) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&key(service));
    }
}

fn pending_key(service: &str) -> String {
    format!("portal.submit.{service}")
}

/// The submission of this service waiting for the server's answer, if any.
pub fn load_pending(service: &str) -> Option<PendingSubmission> {
    let json = storage()?.get_item(&pending_key(service)).ok()??;
    crate::json::from_str(&json).ok()
}

pub fn save_pending(service: &str, p: &PendingSubmission) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(p)) {
        let _ = s.set_item(&pending_key(service), &json);
    }
}

pub fn remove_pending(service: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&pending_key(service));
    }
}
