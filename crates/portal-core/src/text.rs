//! Bilingual text: every citizen-facing string in the catalogue exists in Vietnamese and English.

use serde::{Deserialize, Serialize};

/// The two languages of the portal. Vietnamese comes first and is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// BCP 47 tag, used for `<html lang>` and for persisting the choice.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses a stored or requested language tag; anything unknown is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" => Some(Lang::Vi),
            "en" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, for the header's switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

/// A string in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to Vietnamese (the authoritative language) when
    /// the English translation is missing, so a page never shows an empty heading.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.trim().is_empty() => &self.en,
            _ => &self.vi,
        }
    }

    /// Which languages are missing (empty after trimming).
    pub fn missing(&self) -> Vec<Lang> {
        let mut out = Vec::new();
        if self.vi.trim().is_empty() {
            out.push(Lang::Vi);
        }
        if self.en.trim().is_empty() {
            out.push(Lang::En);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_falls_back_to_vietnamese() {
        let t = Text::new("Đăng ký khai sinh", "");
        assert_eq!(t.get(Lang::En), "Đăng ký khai sinh");
        assert_eq!(t.missing(), vec![Lang::En]);
    }

    #[test]
    fn tags_round_trip_and_unknown_is_none() {
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag(" EN-GB "), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::Vi.other(), Lang::En);
    }
}
