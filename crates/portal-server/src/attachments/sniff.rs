//! What a file really is, from its first bytes ("magic numbers"), never from its name or
//! the type the browser claims. Which types are accepted, and how they are recognised,
//! is the shared rule [`portal_core::validators::sniff_mime`] (the browser runs the same
//! code); this module adds, for refused files, a name for what they are instead, so the
//! person understands the refusal ("this is a Windows program", not "invalid file"),
//! and a check that an accepted file is not cut short.

use portal_core::validators::file::{self as shared, sniff_mime};
use serde::Serialize;

/// A file type dossiers accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileType {
    Pdf,
    Jpeg,
    Png,
}

impl FileType {
    pub const ALL: [FileType; 3] = [FileType::Pdf, FileType::Jpeg, FileType::Png];

    pub fn media_type(self) -> &'static str {
        match self {
            FileType::Pdf => shared::PDF,
            FileType::Jpeg => shared::JPEG,
            FileType::Png => shared::PNG,
        }
    }

    /// File-name extensions people use for this type, lower case.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileType::Pdf => &["pdf"],
            FileType::Jpeg => &["jpg", "jpeg", "jpe", "jfif"],
            FileType::Png => &["png"],
        }
    }

    pub fn from_media_type(s: &str) -> Option<FileType> {
        FileType::ALL.into_iter().find(|t| t.media_type() == s)
    }

    /// The type a file name's extension suggests, if it is one of ours.
    pub fn from_name(name: &str) -> Option<FileType> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        FileType::ALL
            .into_iter()
            .find(|t| t.extensions().contains(&ext.as_str()))
    }

    /// Whether the end of the file looks like the end of a complete file of this type,
    /// which catches uploads cut short. JPEG is not checked: cameras often append data
    /// after the end-of-image marker.
    pub fn tail_is_complete(self, tail: &[u8]) -> bool {
        match self {
            FileType::Pdf => tail.windows(5).any(|w| w == b"%%EOF"),
            FileType::Png => tail.windows(4).any(|w| w == b"IEND"),
            FileType::Jpeg => true,
        }
    }
}

/// Bytes needed from the start of a file to tell its type (and to name refused ones).
pub const HEAD_LEN: usize = 16;
const _: () = assert!(HEAD_LEN >= shared::SNIFF_BYTES);

/// Bytes kept from the end of a file for [`FileType::tail_is_complete`].
pub const TAIL_LEN: usize = 1024;

/// What the first bytes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    Accepted(FileType),
    /// A type we refuse, with a stable slug for the client.
    Refused(&'static str),
}

/// Reads the type from the first [`HEAD_LEN`] bytes (fewer if the file is shorter).
pub fn detect(head: &[u8]) -> Detected {
    if let Some(accepted) = sniff_mime(head).and_then(FileType::from_media_type) {
        return Detected::Accepted(accepted);
    }
    let starts = |magic: &[u8]| head.starts_with(magic);
    let refused = if starts(b"MZ") {
        "windows-executable"
    } else if starts(&[0x7F, b'E', b'L', b'F']) {
        "linux-executable"
    } else if starts(&[0xCF, 0xFA, 0xED, 0xFE])
        || starts(&[0xCE, 0xFA, 0xED, 0xFE])
        || starts(&[0xCA, 0xFE, 0xBA, 0xBE])
    {
        "mac-executable"
    } else if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        "zip-or-office-document"
    } else if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        "old-office-document"
    } else if starts(b"Rar!")
        || starts(&[b'7', b'z', 0xBC, 0xAF, 0x27, 0x1C])
        || starts(&[0x1F, 0x8B])
    {
        "compressed-archive"
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        "gif-image"
    } else if starts(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        "webp-image"
    } else if head.get(4..8) == Some(b"ftyp") {
        // ISO media: HEIC/HEIF photos from phones, or video.
        match head.get(8..12) {
            Some(b"heic") | Some(b"heix") | Some(b"mif1") | Some(b"msf1") | Some(b"hevc") => {
                "heic-image"
            }
            _ => "video",
        }
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        "tiff-image"
    } else if starts(b"BM") {
        "bmp-image"
    } else if starts(b"#!") {
        "script"
    } else if looks_like_markup(head) {
        "web-page-or-svg"
    } else {
        "unknown"
    };
    Detected::Refused(refused)
}

fn looks_like_markup(head: &[u8]) -> bool {
    let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    head.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'<')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_types_by_content() {
        assert_eq!(
            detect(b"%PDF-1.7\n%\xE2\xE3"),
            Detected::Accepted(FileType::Pdf)
        );
        assert_eq!(
            detect(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F']),
            Detected::Accepted(FileType::Jpeg)
        );
        assert_eq!(
            detect(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Detected::Accepted(FileType::Png)
        );
    }

    #[test]
    fn refused_types_are_named() {
        for (bytes, slug) in [
            (&b"MZ\x90\0\x03\0\0\0\x04\0\0\0"[..], "windows-executable"),
            (b"\x7fELF\x02\x01\x01", "linux-executable"),
            (b"PK\x03\x04\x14\0\x06\0", "zip-or-office-document"),
            (b"GIF89a\x01\0", "gif-image"),
            (b"RIFF\0\0\0\0WEBPVP8 ", "webp-image"),
            (b"\0\0\0\x18ftypheic\0\0", "heic-image"),
            (b"\0\0\0\x18ftypmp42\0\0", "video"),
            (b"  <svg xmlns=", "web-page-or-svg"),
            (b"\xEF\xBB\xBF<!doctype html>", "web-page-or-svg"),
            (b"#!/bin/sh\nrm -rf", "script"),
            (b"hello world", "unknown"),
            (b"", "unknown"),
            (b"%PD", "unknown"),
        ] {
            assert_eq!(detect(bytes), Detected::Refused(slug), "{bytes:?}");
        }
    }

    #[test]
    fn every_shared_type_is_known_here() {
        for mime in shared::SUPPORTED_TYPES {
            assert!(FileType::from_media_type(mime).is_some(), "{mime}");
        }
        assert_eq!(FileType::ALL.len(), shared::SUPPORTED_TYPES.len());
    }

    #[test]
    fn names_and_tails() {
        assert_eq!(
            FileType::from_name("Giấy chứng sinh.PDF"),
            Some(FileType::Pdf)
        );
        assert_eq!(FileType::from_name("anh.jpeg"), Some(FileType::Jpeg));
        assert_eq!(FileType::from_name("scan"), None);
        assert_eq!(FileType::from_name("setup.exe"), None);
        assert!(FileType::Pdf.tail_is_complete(b"...\n%%EOF\n"));
        assert!(!FileType::Pdf.tail_is_complete(b"...stream\nxx"));
        assert!(FileType::Png.tail_is_complete(b"\0\0\0\0IEND\xaeB`\x82"));
        assert!(!FileType::Png.tail_is_complete(b"IDAT...."));
        assert_eq!(FileType::from_media_type("image/png"), Some(FileType::Png));
    }
}
