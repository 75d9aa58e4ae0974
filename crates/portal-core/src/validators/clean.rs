//! Input clean-up the GOV.UK way: people paste codes with spaces, hyphens, dots and
//! invisible characters, and the portal accepts them rather than making them retype.

/// Characters that never carry meaning in typed input: zero-width spaces and joiners,
/// the byte-order mark, soft hyphens and bidirectional controls (which can also disguise
/// what a value really contains).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Whether `c` is a separator people type inside codes and numbers: any kind of space,
/// hyphen or dash, or a dot.
fn is_code_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—' | '.' | '_')
}

/// Removes separators and invisible characters and turns full-width digits (from some
/// Asian keyboards) into ASCII, leaving what should be only the digits of a code.
pub fn compact_code(input: &str) -> String {
    input
        .chars()
        .filter(|c| !is_code_separator(*c) && !is_invisible(*c))
        .map(ascii_digit)
        .collect()
}

/// Maps a full-width digit to its ASCII form; any other character is returned unchanged.
pub fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        _ => c,
    }
}

/// Whether `s` is non-empty and made only of ASCII digits.
pub fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The number of ASCII digits in `s`, reported back to people who typed too few or too
/// many ("you entered 11").
pub fn count_digits(s: &str) -> usize {
    s.bytes().filter(u8::is_ascii_digit).count()
}

/// Trims the ends and drops invisible characters, keeping everything else as typed.
pub fn tidy(input: &str) -> String {
    input
        .trim()
        .chars()
        .filter(|c| !is_invisible(*c))
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_strips_separators_and_invisible_characters() {
        assert_eq!(compact_code(" 001 203-004.567 "), "001203004567");
        assert_eq!(compact_code("0100109106\u{200B}-001"), "0100109106001");
        assert_eq!(compact_code("０１２"), "012");
        assert_eq!(compact_code("12\u{00A0}34"), "1234");
        assert_eq!(compact_code("12a4"), "12a4");
    }

    #[test]
    fn digits_helpers() {
        assert!(all_digits("0123"));
        assert!(!all_digits(""));
        assert!(!all_digits("12a"));
        assert_eq!(count_digits("+84 912"), 5);
    }

    #[test]
    fn tidy_keeps_inner_text() {
        assert_eq!(tidy("  Nguyễn\u{200B} Văn A \u{FEFF}"), "Nguyễn Văn A");
        assert_eq!(tidy("\u{202E}abc"), "abc");
    }
}
