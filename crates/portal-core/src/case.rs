//! Letter case for the portal's texts and what people type: Vietnamese, English and the
//! other Latin, Greek and Cyrillic letters of names, without Unicode's case tables.
//! `char::to_lowercase` and `to_uppercase` bring about 25 KB of tables into every
//! bundle that calls them (measured in a form step's wasm on 2026-12-06), for scripts
//! the portal's labels and answers never need changed. A letter outside the blocks
//! below keeps its case: it is left as typed, the same on every side of a comparison.

/// The blocks handled, each as (first, last, how its capitals and small letters pair).
#[derive(Clone, Copy)]
enum Pairing {
    /// Capital at `c`, small letter at `c + offset`.
    Offset(u32),
    /// Capitals and small letters alternate, from a capital at `first`.
    Alternating,
}

const BLOCKS: [(u32, u32, Pairing); 12] = [
    // Latin-1: À..Þ and à..þ, except × and ÷.
    (0x00C0, 0x00DE, Pairing::Offset(0x20)),
    // Latin Extended-A: Ā ā .. ķ, then Ĺ ĺ .. ň, then Ŋ ŋ .. ŷ, then Ź ź .. ž.
    (0x0100, 0x0137, Pairing::Alternating),
    (0x0139, 0x0148, Pairing::Alternating),
    (0x014A, 0x0177, Pairing::Alternating),
    (0x0179, 0x017E, Pairing::Alternating),
    // Vietnamese's Ơ ơ and Ư ư (Latin Extended-B).
    (0x01A0, 0x01A1, Pairing::Alternating),
    (0x01AF, 0x01B0, Pairing::Alternating),
    // Greek: Α..Ω and α..ω (no capital at U+03A2).
    (0x0391, 0x03AB, Pairing::Offset(0x20)),
    // Cyrillic: Ѐ..Џ and ѐ..џ, А..Я and а..я.
    (0x0400, 0x040F, Pairing::Offset(0x50)),
    (0x0410, 0x042F, Pairing::Offset(0x20)),
    // Latin Extended Additional: Ḁ ḁ .. ẕ, then Vietnamese's Ạ ạ .. Ỹ ỹ and the rest.
    (0x1E00, 0x1E95, Pairing::Alternating),
    (0x1EA0, 0x1EFF, Pairing::Alternating),
];

/// Code points in the blocks that are no letter or have no pair in them.
fn unpaired(c: u32) -> bool {
    // İ and ı pair with ASCII's i and I in Unicode, by Turkish's rules.
    matches!(c, 0x00D7 | 0x00F7 | 0x0130 | 0x0131 | 0x03A2 | 0x03C2)
}

/// The letter `c` pairs with in the other case: its small letter when `to_small` and it
/// is a capital, its capital when not and it is a small letter; else `c` itself.
fn other_case(c: char, to_small: bool) -> char {
    if c.is_ascii() {
        return if to_small {
            c.to_ascii_lowercase()
        } else {
            c.to_ascii_uppercase()
        };
    }
    let n = c as u32;
    // Ÿ and ÿ are the one pair across blocks.
    match (n, to_small) {
        (0x0178, true) => return 'ÿ',
        (0x00FF, false) => return 'Ÿ',
        _ if unpaired(n) => return c,
        _ => {}
    }
    BLOCKS
        .iter()
        .find_map(|&(first, last, pairing)| match pairing {
            Pairing::Offset(d) if to_small => (first..=last).contains(&n).then(|| n + d),
            Pairing::Offset(d) => (first + d..=last + d).contains(&n).then(|| n - d),
            Pairing::Alternating => {
                let capital = n % 2 == first % 2;
                ((first..=last).contains(&n) && capital == to_small).then(|| {
                    if to_small {
                        n + 1
                    } else {
                        n - 1
                    }
                })
            }
        })
        .and_then(char::from_u32)
        .unwrap_or(c)
}

/// The small letter of `c`, or `c` itself.
pub fn to_lower(c: char) -> char {
    other_case(c, true)
}

/// The capital of `c`, or `c` itself.
pub fn to_upper(c: char) -> char {
    other_case(c, false)
}

/// Whether `c` is a capital with a small letter.
pub fn is_upper(c: char) -> bool {
    to_lower(c) != c
}

/// Whether `c` is a small letter with a capital.
pub fn is_lower(c: char) -> bool {
    to_upper(c) != c
}

/// `s` in small letters.
pub fn lowercase(s: &str) -> String {
    s.chars().map(to_lower).collect()
}

/// `s` with its first letter a capital: `họ và tên` → `Họ và tên`.
pub fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => std::iter::once(to_upper(first)).chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code point of the handled blocks maps as Unicode's tables map it, where
    /// they map it to one letter of these blocks.
    #[test]
    fn agrees_with_unicode_in_the_handled_blocks() {
        let mut checked = 0;
        for (first, last, pairing) in &BLOCKS {
            let smalls = match pairing {
                Pairing::Offset(d) => Some(*first + d..=*last + d),
                Pairing::Alternating => None,
            };
            for n in (*first..=*last).chain(smalls.into_iter().flatten()) {
                let Some(c) = char::from_u32(n) else { continue };
                let mut lower = c.to_lowercase();
                if let (Some(l), None) = (lower.next(), lower.next()) {
                    assert_eq!(to_lower(c), l, "to_lower U+{n:04X}");
                }
                let mut upper = c.to_uppercase();
                if let (Some(u), None) = (upper.next(), upper.next()) {
                    if u != c && to_upper(c) != u {
                        // Final sigma and dotless i pair outside the blocks.
                        assert_eq!(to_upper(c), c, "to_upper U+{n:04X} gave another letter");
                        assert!(matches!(n, 0x03C2 | 0x0131), "to_upper U+{n:04X}");
                    } else {
                        assert_eq!(to_upper(c), u, "to_upper U+{n:04X}");
                    }
                }
                checked += 1;
            }
        }
        assert!(checked > 550, "{checked}");
    }

    #[test]
    fn every_vietnamese_letter_round_trips() {
        let smalls = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
        for c in smalls.chars() {
            let capital = to_upper(c);
            assert_ne!(capital, c, "{c} has a capital");
            assert_eq!(capital.to_string(), c.to_uppercase().to_string());
            assert_eq!(to_lower(capital), c);
            assert!(is_upper(capital) && is_lower(c) && !is_upper(c) && !is_lower(capital));
        }
    }

    #[test]
    fn other_characters_keep_their_case() {
        for c in ['1', ' ', '×', '÷', '日', 'ß', '-', 'ς'] {
            assert_eq!(to_lower(c), c);
            assert!(!is_upper(c), "{c}");
        }
        assert_eq!(to_lower('Ÿ'), 'ÿ');
        assert_eq!(to_upper('ÿ'), 'Ÿ');
    }

    #[test]
    fn strings() {
        assert_eq!(lowercase("ĐĂNG KÝ Thường Trú"), "đăng ký thường trú");
        assert_eq!(upper_first("ủy ban"), "Ủy ban");
        assert_eq!(upper_first(""), "");
        assert_eq!(lowercase("Ивана Ελένη"), "ивана ελένη");
    }
}
