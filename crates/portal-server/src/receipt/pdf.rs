//! The receipt as a PDF page (A4), set in DejaVu Sans, which has every Vietnamese glyph
//! (see `fonts/SOURCE.md`); the fonts are embedded as subsets with their Unicode maps,
//! so the text can be searched, copied and read aloud. The dossier code is also a QR
//! code, for counter staff to scan.

use std::sync::OnceLock;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// A4 in points.
const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 48.0;

/// What a receipt says, already worded (both languages where the reader may need them).
#[derive(Debug, Clone)]
pub struct ReceiptPage {
    /// e.g. "BIÊN NHẬN HỒ SƠ / DOSSIER RECEIPT".
    pub title: String,
    pub code: String,
    /// Label and value pairs, in order.
    pub rows: Vec<(String, String)>,
    /// Small print at the bottom.
    pub notes: Vec<String>,
}

fn fonts() -> &'static (Font, Font) {
    static FONTS: OnceLock<(Font, Font)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let regular = Font::new(REGULAR.into(), 0).expect("the embedded regular font parses");
        let bold = Font::new(BOLD.into(), 0).expect("the embedded bold font parses");
        (regular, bold)
    })
}

#[derive(Debug, thiserror::Error)]
#[error("the receipt PDF could not be written: {0}")]
pub struct PdfError(String);

/// Roughly how many characters of DejaVu Sans fit in `width` points at `size`.
fn chars_per_line(width: f32, size: f32) -> usize {
    (width / (size * 0.6)).max(10.0) as usize
}

/// Breaks `text` into lines of at most `max` characters, at spaces where it can.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let fits = line.chars().count() + 1 + word.chars().count() <= max;
        if !line.is_empty() && !fits {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > max {
            let cut: String = line.chars().take(max).collect();
            let rest: String = line.chars().skip(max).collect();
            lines.push(cut);
            line = rest;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn text(surface: &mut Surface<'_>, font: &Font, size: f32, x: f32, y: f32, s: &str) {
    surface.draw_text(
        Point::from_xy(x, y),
        font.clone(),
        size,
        s,
        false,
        TextDirection::Auto,
    );
}

fn black() -> Fill {
    Fill {
        paint: rgb::Color::new(0, 0, 0).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// The code as a QR code whose top-right corner is at (`right`, `top`), `module` points
/// per module; returns its size.
fn qr(surface: &mut Surface<'_>, data: &str, right: f32, top: f32, module: f32) -> f32 {
    let Ok(code) = qrcode::QrCode::new(data.as_bytes()) else {
        return 0.0;
    };
    let n = code.width();
    let size = n as f32 * module;
    let left = right - size;
    let mut pb = PathBuilder::new();
    for (i, colour) in code.to_colors().iter().enumerate() {
        if *colour == qrcode::Color::Dark {
            let (x, y) = ((i % n) as f32, (i / n) as f32);
            if let Some(r) = Rect::from_xywh(left + x * module, top + y * module, module, module) {
                pb.push_rect(r);
            }
        }
    }
    if let Some(path) = pb.finish() {
        surface.set_fill(Some(black()));
        surface.draw_path(&path);
    }
    size
}

/// The receipt as PDF bytes.
pub fn render(page: &ReceiptPage) -> Result<Vec<u8>, PdfError> {
    let (regular, bold) = fonts();
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} {}", page.title, page.code))
            .language("vi".into()),
    );
    let settings = PageSettings::from_wh(WIDTH, HEIGHT).ok_or(PdfError("page size".into()))?;
    let mut p = document.start_page_with(settings);
    let mut surface = p.surface();
    let content = WIDTH - 2.0 * MARGIN;

    let qr_size = qr(&mut surface, &page.code, WIDTH - MARGIN, MARGIN, 2.4);
    let mut y = MARGIN + 14.0;
    text(&mut surface, bold, 15.0, MARGIN, y, &page.title);
    y += 26.0;
    text(&mut surface, bold, 13.0, MARGIN, y, &page.code);
    y = y.max(MARGIN + qr_size) + 24.0;

    let label_width = 170.0;
    let value_chars = chars_per_line(content - label_width, 10.5);
    let label_chars = chars_per_line(label_width - 8.0, 9.0);
    for (label, value) in &page.rows {
        let labels = wrap(label, label_chars);
        let values = wrap(value, value_chars);
        for (i, l) in labels.iter().enumerate() {
            text(&mut surface, regular, 9.0, MARGIN, y + i as f32 * 12.0, l);
        }
        for (i, v) in values.iter().enumerate() {
            text(
                &mut surface,
                bold,
                10.5,
                MARGIN + label_width,
                y + i as f32 * 14.0,
                v,
            );
        }
        let lines = (labels.len() as f32 * 12.0).max(values.len() as f32 * 14.0);
        y += lines + 10.0;
    }
    y += 10.0;
    for note in &page.notes {
        for line in wrap(note, chars_per_line(content, 8.5)) {
            text(&mut surface, regular, 8.5, MARGIN, y, &line);
            y += 11.0;
        }
        y += 4.0;
    }
    surface.finish();
    p.finish();
    document.finish().map_err(|e| PdfError(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_the_limit() {
        let t = "Đăng ký thường trú tại nơi ở hợp pháp thuộc quyền sở hữu của mình";
        let lines = wrap(t, 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), t);
        assert_eq!(wrap("", 10), vec![String::new()]);
        assert_eq!(wrap(&"x".repeat(25), 10).len(), 3);
    }

    #[test]
    fn a_receipt_is_a_pdf_whose_text_reads_back() {
        let page = ReceiptPage {
            title: "BIÊN NHẬN HỒ SƠ / DOSSIER RECEIPT".into(),
            code: "000.00.00.H99-261204-0001".into(),
            rows: vec![
                (
                    "Thủ tục / Procedure".into(),
                    "Cấp hộ chiếu phổ thông".into(),
                ),
                ("Người nộp / Applicant".into(), "Trần Thị Bình".into()),
            ],
            notes: vec!["Ngày hẹn trả là dự kiến.".into()],
        };
        let pdf = render(&page).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
        for want in [
            "000.00.00.H99-261204-0001",
            "Cấp hộ chiếu phổ thông",
            "Trần Thị Bình",
            "Ngày hẹn trả",
        ] {
            assert!(text.contains(want), "{want:?} not in {text:?}");
        }
    }
}
