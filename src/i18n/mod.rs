//! The portal's UI text. Every piece of it is a [`Key`] holding its Vietnamese and
//! English text (`texts.rs`), so a missing translation is a compile error rather than a
//! blank label.

pub mod fill;
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

    /// Both languages as the form engine's [`portal_core::Text`], for the labels and
    /// hints of a page's own small form.
    pub fn to_text(self) -> portal_core::Text {
        portal_core::Text::new(self.0.vi, self.0.en)
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

/// `n` with the language's thousands separator: `1.234` in Vietnamese, `1,234` in English.
pub fn number(lang: Lang, n: usize) -> String {
    portal_core::form::messages::number(i64::try_from(n).unwrap_or(i64::MAX), lang)
}

/// The catalogue checked against the source: every text is used, none is empty, and no
/// placeholder is filled by string replacement. Native only: it reads `src/`.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::path::{Path, PathBuf};

    fn sources(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("src/ entry").path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source is UTF-8");
                out.push((path, text));
            }
        }
    }

    fn src() -> Vec<(PathBuf, String)> {
        let mut out = Vec::new();
        sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
        out
    }

    /// The quoted strings of the `vi:`, `en:`, `one(..):` and `other:` lines of a
    /// catalogue file (its texts hold no ASCII double quote).
    fn texts_of(file: &str) -> Vec<&str> {
        file.lines()
            .map(str::trim)
            .filter(|l| {
                ["vi:", "en:", "one(", "other:"]
                    .iter()
                    .any(|t| l.starts_with(t))
            })
            .flat_map(|l| l.split('"').skip(1).step_by(2))
            .collect()
    }

    #[test]
    fn every_text_is_used_and_none_is_empty() {
        let files = src();
        let catalogue = include_str!("texts.rs");
        let fills = include_str!("fill.rs");
        let keys: Vec<&str> = catalogue
            .lines()
            .filter_map(|l| l.trim().strip_prefix("pub const ")?.split_once(':'))
            .map(|(name, _)| name)
            .collect();
        assert!(keys.len() > 100, "{} keys found", keys.len());
        let macro_body = fills.split_once("fill_texts! {").map_or("", |(_, b)| b);
        let filled: Vec<&str> = macro_body
            .lines()
            .filter(|l| l.starts_with("    ") && !l.starts_with("     "))
            .filter_map(|l| l.trim().split_once('(').map(|(name, _)| name))
            .filter(|name| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            })
            .collect();
        assert!(
            filled.len() > 20,
            "{} texts with placeholders found",
            filled.len()
        );
        let used = |needle: &str| {
            files.iter().any(|(path, text)| {
                !path.ends_with("i18n/texts.rs")
                    && !path.ends_with("i18n/fill.rs")
                    && text.contains(needle)
            })
        };
        let unused: Vec<String> = keys
            .iter()
            .filter(|k| !used(&format!("Key::{k}")))
            .map(|k| format!("Key::{k}"))
            .chain(
                filled
                    .iter()
                    .filter(|f| !used(&format!("fill::{f}(")))
                    .map(|f| format!("fill::{f}")),
            )
            .collect();
        assert!(unused.is_empty(), "texts never used: {unused:?}");

        let all_texts: Vec<&str> = texts_of(catalogue)
            .into_iter()
            .chain(texts_of(fills))
            .collect();
        assert!(all_texts.len() >= 2 * (keys.len() + filled.len()));
        let empty = all_texts.iter().filter(|t| t.trim().is_empty()).count();
        assert_eq!(empty, 0, "empty texts in texts.rs or fill.rs");
        let placeholders: Vec<&str> = texts_of(catalogue)
            .into_iter()
            .filter(|t| t.contains('{'))
            .collect();
        assert!(
            placeholders.is_empty(),
            "texts with placeholders belong in fill.rs, where they are checked: {placeholders:?}"
        );
    }

    /// One spelling of khóa, hủy and xóa (the tone mark placed as in the legal texts and
    /// the official unit names the catalogue quotes: Ủy ban, Thanh Hóa) in every text a
    /// citizen reads: the app's, the form engine's messages and the catalogue's files.
    #[test]
    fn khoa_huy_xoa_are_spelt_one_way() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = src();
        sources(&root.join("crates/portal-core/src"), &mut files);
        for dir in ["catalog/services", "catalog/forms"] {
            for entry in std::fs::read_dir(root.join(dir)).expect("catalogue dir") {
                let path = entry.expect("entry").path();
                let text = std::fs::read_to_string(&path).expect("UTF-8");
                files.push((path, text));
            }
        }
        let other = ["khoá", "Khoá", "huỷ", "Huỷ", "xoá", "Xoá"];
        // As a word: "Thuỷ" (a place name's spelling) holds "huỷ".
        let has_word = |text: &str, w: &str| {
            text.match_indices(w).any(|(i, _)| {
                !text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
            })
        };
        let found: Vec<String> = files
            .iter()
            .flat_map(|(path, text)| {
                other
                    .iter()
                    .filter(|w| has_word(text, w))
                    .map(move |w| format!("{}: {w}", path.display()))
            })
            // This test names them.
            .filter(|f| !f.contains("i18n/mod.rs"))
            .collect();
        assert!(found.is_empty(), "write khóa, hủy, xóa: {found:?}");
    }

    /// The bundles are built without Debug formatting (scripts/env.sh,
    /// `-Zfmt-debug=none`): in the browser `{:?}` writes nothing, so no text the app
    /// shows may come from it. Tests (each file's `#[cfg(test)]` part, at its end) and
    /// the native build tools may use it.
    #[test]
    fn no_text_is_formatted_with_debug() {
        let found: Vec<String> = src()
            .iter()
            .filter(|(path, _)| !path.ends_with("bin/entry-texts.rs"))
            .flat_map(|(path, text)| {
                let tests = ["#[cfg(test)]", "#[cfg(all(test"]
                    .iter()
                    .filter_map(|mark| text.find(mark))
                    .min();
                let app = &text[..tests.unwrap_or(text.len())];
                app.lines()
                    .enumerate()
                    .filter(|(_, l)| l.contains(":?}") || l.contains(":#?}") || l.contains("dbg!("))
                    .map(move |(i, _)| format!("{}:{}", path.display(), i + 1))
            })
            .collect();
        assert!(found.is_empty(), "Debug formatting in the app: {found:?}");
    }

    #[test]
    fn no_placeholder_is_filled_by_string_replacement() {
        let found: Vec<String> = src()
            .iter()
            .flat_map(|(path, text)| {
                text.lines()
                    .enumerate()
                    .filter(|(_, l)| l.contains("replace(\"{"))
                    .map(move |(i, _)| format!("{}:{}", path.display(), i + 1))
            })
            .collect();
        assert!(
            found.is_empty(),
            "fill a text with i18n::fill instead: {found:?}"
        );
    }

    #[test]
    fn numbers_use_the_language_separator() {
        use super::{number, Lang};
        assert_eq!(number(Lang::Vi, 1_234_567), "1.234.567");
        assert_eq!(number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(number(Lang::En, 999), "999");
    }
}
