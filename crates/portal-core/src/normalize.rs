//! Text normalisation for matching what people type against catalogue text: lower case,
//! Vietnamese tone marks and vowel marks removed (`đ` → `d`), punctuation to spaces.
//! Works on precomposed (NFC) and decomposed (NFD) input alike, so "Đăng ký",
//! "dang ky" and "ĐĂNG KÝ" all fold to `dang ky`.

/// Base letter of a Latin letter with Vietnamese (or common Western) marks, in either
/// case: `Ắ` and `ắ` are `a`.
fn base(c: char) -> Option<char> {
    const GROUPS: [(&str, char); 9] = [
        ("àáảãạăằắẳẵặâầấẩẫậäåāÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÄÅĀ", 'a'),
        ("èéẻẽẹêềếểễệëēÈÉẺẼẸÊỀẾỂỄỆËĒ", 'e'),
        ("ìíỉĩịïīÌÍỈĨỊÏĪ", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợöøÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÖØ", 'o'),
        ("ùúủũụưừứửữựüūÙÚỦŨỤƯỪỨỬỮỰÜŪ", 'u'),
        ("ỳýỷỹỵÿỲÝỶỸỴŸ", 'y'),
        ("đðĐÐ", 'd'),
        ("çÇ", 'c'),
        ("ñÑ", 'n'),
    ];
    GROUPS
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|(_, b)| *b)
}

/// Combining diacritical marks (decomposed input, e.g. from some Android keyboards).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Folds `s` for matching: lower case, no marks, words separated by single spaces.
/// Letters are lowered by the table above and ASCII's rule, not by Unicode's case
/// tables: the portal's texts and what people type are Vietnamese and English, and the
/// tables would be 11 KB of every bundle that searches. Another script's capitals stay
/// as they are, on both sides of a match alike.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_combining(c) {
            continue;
        }
        let c = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            base(c).unwrap_or(c)
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// The words of `s` after folding.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_marked_capital_folds_as_its_small_letter() {
        let smalls =
            "àáảãạăằắẳẵặâầấẩẫậäåāèéẻẽẹêềếểễệëēìíỉĩịïīòóỏõọôồốổỗộơờớởỡợöøùúủũụưừứửữựüūỳýỷỹỵđðçñ";
        for c in smalls.chars() {
            let capital: String = c.to_uppercase().collect();
            assert_eq!(fold(&capital), fold(&c.to_string()), "{capital}");
            assert!(fold(&capital).is_ascii(), "{capital}");
        }
        assert_eq!(fold("ÿ"), "y");
    }

    #[test]
    fn folds_vietnamese_marks_and_case() {
        assert_eq!(fold("Đăng ký KHAI SINH"), "dang ky khai sinh");
        assert_eq!(fold("dang ky khai sinh"), "dang ky khai sinh");
        assert_eq!(fold("Hộ chiếu phổ thông"), "ho chieu pho thong");
        assert_eq!(fold("Ủy ban nhân dân"), "uy ban nhan dan");
        assert_eq!(fold("Thừa Thiên Huế"), "thua thien hue");
        assert_eq!(fold("ỨNG DỤNG"), "ung dung");
    }

    #[test]
    fn decomposed_input_folds_like_precomposed() {
        // "Hòa" typed as H o + combining grave + a, and "Hoà" with the mark on the a.
        assert_eq!(fold("Ho\u{0300}a"), "hoa");
        assert_eq!(fold("Hoa\u{0300}"), "hoa");
        assert_eq!(fold("Hòa"), fold("Hoà"));
        assert_eq!(fold("Thủy"), fold("Thuỷ"));
    }

    #[test]
    fn punctuation_and_spaces_collapse() {
        assert_eq!(fold("  CCCD/CMND -- (căn cước)  "), "cccd cmnd can cuoc");
        assert_eq!(fold("1.001193"), "1 001193");
        assert_eq!(fold(""), "");
        assert_eq!(fold("!!!"), "");
        assert_eq!(
            words("Đăng  ký, thường trú"),
            vec!["dang", "ky", "thuong", "tru"]
        );
    }

    #[test]
    fn other_scripts_pass_through() {
        assert_eq!(fold("Zürich café"), "zurich cafe");
        assert_eq!(fold("日本"), "日本");
    }
}
