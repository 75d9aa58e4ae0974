//! Preferences kept on the device: the chosen language survives reloads and visits.

use portal_core::Lang;

const LANG_KEY: &str = "portal.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved language, or Vietnamese.
pub fn saved_lang() -> Lang {
    storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// Saves the language and applies it to `<html lang>` for screen readers. Storage can be
/// unavailable (private mode, quota): the choice then lasts for the visit only.
pub fn apply_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.tag());
    }
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}
