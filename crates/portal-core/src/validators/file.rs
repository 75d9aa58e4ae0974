//! Attachments: which types a question accepts, how big a file may be, and the type a
//! file really has, judged from its first bytes rather than its name (a renamed `.exe`
//! is not a PDF). Browser and server both sniff with [`sniff_mime`] and check with
//! [`check_file`], so a file refused in one is refused in the other.

use crate::validators::error::FieldError;

pub const PDF: &str = "application/pdf";
pub const JPEG: &str = "image/jpeg";
pub const PNG: &str = "image/png";

/// The types a form may accept: those that can be recognised from their content.
pub const SUPPORTED_TYPES: [&str; 3] = [PDF, JPEG, PNG];

/// The largest file any question may accept (20 MiB), and the most files per question.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
pub const MAX_FILES: u32 = 20;

/// How many leading bytes [`sniff_mime`] needs.
pub const SNIFF_BYTES: usize = 8;

/// The type of a file from its first bytes, if it is one the portal supports.
pub fn sniff_mime(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(b"%PDF-") {
        Some(PDF)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(JPEG)
    } else if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(PNG)
    } else {
        None
    }
}

/// The short name people know a type by, for messages ("PDF, JPG").
pub fn type_name(mime: &str) -> &str {
    match mime {
        PDF => "PDF",
        JPEG => "JPG",
        PNG => "PNG",
        other => other,
    }
}

/// Longest file name kept; longer names are refused rather than cut.
pub const MAX_NAME_CHARS: usize = 255;

/// Checks one file's name, type (as sniffed) and size against a question's limits.
pub fn check_file(
    name: &str,
    mime: &str,
    bytes: u64,
    accepted: &[String],
    max_bytes: u64,
) -> Result<(), FieldError> {
    let name_ok = !name.trim().is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && !name
            .chars()
            .any(|c| c.is_control() || matches!(c, '/' | '\\'));
    if !name_ok {
        return Err(FieldError::FileName);
    }
    if !accepted.iter().any(|a| a == mime) {
        return Err(FieldError::FileType {
            accepted: accepted.to_vec(),
        });
    }
    if bytes == 0 {
        return Err(FieldError::FileEmpty);
    }
    if bytes > max_bytes {
        return Err(FieldError::FileTooLarge { max_bytes });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepted() -> Vec<String> {
        vec![PDF.to_string(), JPEG.to_string()]
    }

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff_mime(b"%PDF-1.7\n"), Some(PDF));
        assert_eq!(sniff_mime(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]), Some(JPEG));
        assert_eq!(
            sniff_mime(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0]),
            Some(PNG)
        );
        assert_eq!(sniff_mime(b"MZ\x90\x00"), None);
        assert_eq!(sniff_mime(b"%PD"), None);
        assert_eq!(sniff_mime(b""), None);
    }

    #[test]
    fn checks_type_size_and_name() {
        assert_eq!(
            check_file("giay-chung-sinh.pdf", PDF, 1000, &accepted(), 5_000_000),
            Ok(())
        );
        assert_eq!(
            check_file("anh.png", PNG, 1000, &accepted(), 5_000_000),
            Err(FieldError::FileType {
                accepted: accepted()
            })
        );
        assert_eq!(
            check_file("a.pdf", PDF, 0, &accepted(), 5_000_000),
            Err(FieldError::FileEmpty)
        );
        assert_eq!(
            check_file("a.pdf", PDF, 5_000_001, &accepted(), 5_000_000),
            Err(FieldError::FileTooLarge {
                max_bytes: 5_000_000
            })
        );
        assert_eq!(
            check_file("a.pdf", PDF, 5_000_000, &accepted(), 5_000_000),
            Ok(())
        );
        for bad in ["", "  ", "../../etc/passwd", "a\u{0000}.pdf", "a\\b.pdf"] {
            assert_eq!(
                check_file(bad, PDF, 10, &accepted(), 100),
                Err(FieldError::FileName),
                "{bad:?}"
            );
        }
        let long = format!("{}.pdf", "a".repeat(300));
        assert_eq!(
            check_file(&long, PDF, 10, &accepted(), 100),
            Err(FieldError::FileName)
        );
    }
}
