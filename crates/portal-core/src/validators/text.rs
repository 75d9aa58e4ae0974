//! Free text: length limits in characters (not bytes, so Vietnamese letters count once)
//! and a refusal of control and direction-override characters, which no real answer
//! contains and which can disguise what was submitted.

use super::clean::is_invisible;
use crate::validators::error::FieldError;

/// Limits of a text question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLimits {
    pub min_length: u32,
    pub max_length: u32,
    /// Line breaks allowed (long text).
    pub multiline: bool,
}

/// Checks typed text and returns it trimmed, with zero-width characters and Windows line
/// endings removed.
pub fn check_text(input: &str, limits: &TextLimits) -> Result<String, FieldError> {
    let mut out = String::with_capacity(input.len());
    for c in input.trim().chars() {
        match c {
            '\r' => {}
            '\n' | '\t' if limits.multiline => out.push(c),
            '\t' => out.push(' '),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                return Err(FieldError::TextInvalidCharacters)
            }
            c if is_invisible(c) => {}
            c if c.is_control() => return Err(FieldError::TextInvalidCharacters),
            c => out.push(c),
        }
    }
    let out = out.trim().to_string();
    let len = u32::try_from(out.chars().count()).unwrap_or(u32::MAX);
    if len < limits.min_length {
        return Err(FieldError::TextTooShort {
            min: limits.min_length,
        });
    }
    if len > limits.max_length {
        return Err(FieldError::TextTooLong {
            max: limits.max_length,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHORT: TextLimits = TextLimits {
        min_length: 2,
        max_length: 10,
        multiline: false,
    };

    #[test]
    fn counts_characters_not_bytes() {
        // 10 letters, 25 bytes in UTF-8.
        assert_eq!(
            check_text("Nguyễn Văn", &SHORT).as_deref(),
            Ok("Nguyễn Văn")
        );
        assert_eq!(
            check_text("Nguyễn Văn A", &SHORT),
            Err(FieldError::TextTooLong { max: 10 })
        );
        assert_eq!(
            check_text(" A ", &SHORT),
            Err(FieldError::TextTooShort { min: 2 })
        );
    }

    #[test]
    fn cleans_and_refuses_hidden_characters() {
        assert_eq!(check_text(" An\u{200B}h ", &SHORT).as_deref(), Ok("Anh"));
        assert_eq!(check_text("a\tb", &SHORT).as_deref(), Ok("a b"));
        assert_eq!(
            check_text("ab\u{202E}cd", &SHORT),
            Err(FieldError::TextInvalidCharacters)
        );
        assert_eq!(
            check_text("a\u{0007}b", &SHORT),
            Err(FieldError::TextInvalidCharacters)
        );
        assert_eq!(
            check_text("a\nb", &SHORT),
            Err(FieldError::TextInvalidCharacters)
        );
        let long = TextLimits {
            multiline: true,
            ..SHORT
        };
        assert_eq!(check_text("a\r\nb", &long).as_deref(), Ok("a\nb"));
    }
}
