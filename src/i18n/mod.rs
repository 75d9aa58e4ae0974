//! The portal's UI text. Every piece of it is a [`Key`] holding its Vietnamese and
//! English text (`texts.rs`), so a missing translation is a compile error rather than a
//! blank label.

mod texts;

use leptos::prelude::*;
pub use portal_core::Lang;

/// A piece of UI text in both languages; the texts are the constants in `texts.rs`
/// (`Key::PortalName`, ...).
/// One pointer, so passing a text around costs no more than an enum would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(&'static Texts);

#[derive(Debug, PartialEq, Eq)]
pub struct Texts {
    vi: &'static str,
    en: &'static str,
}

impl Key {
    /// The text in `lang`.
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.0.vi,
            Lang::En => self.0.en,
        }
    }
}

/// Text of `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    key.get(lang)
}

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// Reactive lookup: re-runs when the language changes.
    pub fn t(&self, key: Key) -> &'static str {
        text(self.lang.get(), key)
    }
}

/// The language chosen by the app's root (panics only if the root forgot to provide it,
/// which every test and the app do).
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// `count` services, with the number formatted for the language.
pub fn service_count(lang: Lang, count: usize) -> String {
    text(lang, Key::CatalogueCount).replace("{n}", &count.to_string())
}
