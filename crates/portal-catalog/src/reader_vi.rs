//! The Vietnamese for what the TOML reader says about a file it cannot read: a syntax
//! error, or a value of the wrong shape for the catalogue's types. The reader (toml,
//! serde and the schema's own checks) speaks English and staff pages speak both, so the
//! usual wordings are translated here with their keys, names and values kept as they
//! are. Any other wording is said in Vietnamese with the reader's own words quoted as a
//! technical detail, so no detail is lost.

/// The Vietnamese for a message of the TOML reader (see the module notes).
pub(crate) fn reader_message_vi(en: &str) -> String {
    let lines: Vec<&str> = en
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let translated: Option<Vec<String>> = lines.iter().map(|l| line_vi(l)).collect();
    match translated {
        Some(t) if !t.is_empty() => t.join("; "),
        _ if lines.is_empty() => "tệp không đọc được tại vị trí được chỉ ra".to_string(),
        _ => format!(
            "tệp không đọc được tại vị trí được chỉ ra (chi tiết kỹ thuật của trình đọc TOML: “{}”)",
            lines.join(" ")
        ),
    }
}

/// The condition shape rule of `portal_core::form::condition`, as the reader reports it.
const CONDITION_SHAPE: &str = "a condition is either `field` with exactly one test";

fn line_vi(l: &str) -> Option<String> {
    if let Some(name) = l.strip_prefix("missing field ") {
        return Some(format!("thiếu trường bắt buộc {name}"));
    }
    if let Some(name) = l.strip_prefix("duplicate field ") {
        return Some(format!("trường {name} được khai báo hai lần"));
    }
    if let Some(rest) = l.strip_prefix("unknown field ") {
        let (name, allowed) = rest.split_once(", ")?;
        return Some(match allowed {
            "there are no fields" => {
                format!("trường {name} không được phép: phần này không có trường nào")
            }
            _ => format!(
                "phần này không có trường {name}; các trường được phép: {}",
                expected_names(allowed)?
            ),
        });
    }
    if let Some(rest) = l.strip_prefix("unknown variant ") {
        let (value, allowed) = rest.split_once(", ")?;
        return Some(match allowed {
            "there are no variants" => format!("giá trị {value} không được chấp nhận"),
            _ => format!(
                "giá trị {value} không được chấp nhận; các giá trị được phép: {}",
                expected_names(allowed)?
            ),
        });
    }
    if let Some(rest) = l.strip_prefix("invalid type: ") {
        let (got, want) = rest.rsplit_once(", expected ")?;
        return Some(format!(
            "giá trị sai kiểu: đang là {}, cần {}",
            unexpected_vi(got)?,
            expected_vi(want)?
        ));
    }
    if let Some(rest) = l.strip_prefix("invalid value: ") {
        let (got, want) = rest.rsplit_once(", expected ")?;
        return Some(format!(
            "giá trị không hợp lệ: đang là {}, cần {}",
            unexpected_vi(got)?,
            expected_vi(want)?
        ));
    }
    if let Some(rest) = l.strip_prefix("invalid length ") {
        let (len, want) = rest.split_once(", expected ")?;
        return Some(format!(
            "số phần tử {len} không hợp lệ, cần {}",
            expected_vi(want)?
        ));
    }
    if let Some(name) = l.strip_prefix("data did not match any variant of untagged enum ") {
        return Some(format!(
            "giá trị không khớp với dạng nào được chấp nhận của `{name}`"
        ));
    }
    if let Some(rest) = l.strip_prefix("duplicate key ") {
        return Some(match rest.split_once(" in ") {
            Some((key, "document root")) => {
                format!("khóa {key} được khai báo hai lần ở cấp ngoài cùng của tệp")
            }
            Some((key, table)) => format!(
                "khóa {key} được khai báo hai lần trong bảng {}",
                table.strip_prefix("table ")?
            ),
            None => format!("khóa {rest} được khai báo hai lần"),
        });
    }
    if let Some(rest) = l.strip_prefix("dotted key ") {
        let (key, kind) = rest.split_once(" attempted to extend non-table type ")?;
        return Some(format!(
            "khóa có dấu chấm {key} không mở rộng được một giá trị không phải là bảng {kind}"
        ));
    }
    if let Some(rest) = l.strip_prefix("unexpected keys in table: ") {
        let (keys, allowed) = rest.split_once(", available keys: ")?;
        return Some(format!(
            "bảng có khóa không được phép: {keys}; các khóa được phép: {allowed}"
        ));
    }
    let fixed = match l {
        "value is out of range" => "giá trị nằm ngoài khoảng cho phép",
        "recursion limit exceeded" => "dữ liệu lồng nhau quá nhiều cấp",
        "wanted string or table" => "giá trị phải là một chuỗi hoặc một bảng",
        "wanted exactly 1 element, found 0 elements" => "cần đúng 1 phần tử nhưng có 0 phần tử",
        "wanted exactly 1 element, more than 1 element" => {
            "cần đúng 1 phần tử nhưng có nhiều hơn 1 phần tử"
        }
        "expected table with exactly 1 entry, found empty table" => {
            "cần một bảng có đúng 1 mục nhưng bảng đang trống"
        }
        "expected empty table" => "cần một bảng trống",
        "expected empty array" => "cần một mảng trống",
        _ => "",
    };
    if !fixed.is_empty() {
        return Some(fixed.into());
    }
    if let Some(label) = l.strip_prefix("invalid ") {
        return Some(format!("{} không hợp lệ", label_vi(label)?));
    }
    if let Some(list) = l.strip_prefix("expected ") {
        let items: Option<Vec<&str>> = list.split(", ").map(token_vi).collect();
        return Some(format!("cần {}", items?.join(", ")));
    }
    if l.starts_with(CONDITION_SHAPE) {
        return Some(
            "một điều kiện hoặc là `field` kèm đúng một phép thử (equals, one_of, answered, \
             less_than, at_most, greater_than, at_least, age_under, age_at_least), hoặc là đúng một \
             trong `all`, `any`, \
             `not`"
                .into(),
        );
    }
    if let Some(value) = l.strip_suffix(" is not a real date written as yyyy-mm-dd") {
        return Some(format!(
            "{value} không phải là một ngày có thật viết theo dạng yyyy-mm-dd"
        ));
    }
    None
}

/// `one of `a`, `b``, `` `a` or `b` ``, `` `a` ``: the names, kept as written.
fn expected_names(s: &str) -> Option<String> {
    let s = s.strip_prefix("expected ")?;
    let s = s.strip_prefix("one of ").unwrap_or(s);
    s.starts_with('`').then(|| s.replace("` or `", "` hoặc `"))
}

/// What serde found (`serde::de::Unexpected`), in Vietnamese.
fn unexpected_vi(s: &str) -> Option<String> {
    let with_value = [
        ("boolean ", "giá trị đúng/sai"),
        ("integer ", "số nguyên"),
        ("floating point ", "số thực"),
        ("character ", "ký tự"),
        ("string ", "chuỗi"),
    ];
    for (en, vi) in with_value {
        if let Some(value) = s.strip_prefix(en) {
            return Some(format!("{vi} {value}"));
        }
    }
    Some(
        match s {
            "sequence" => "một mảng",
            "map" => "một bảng",
            "byte array" => "một mảng byte",
            "unit value" => "một giá trị rỗng",
            "Option value" => "một giá trị tùy chọn",
            "enum" => "một giá trị liệt kê",
            _ => return None,
        }
        .to_string(),
    )
}

/// What serde wanted (a type's `expecting`), in Vietnamese; type names kept.
fn expected_vi(s: &str) -> Option<String> {
    let integers = [
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
    ];
    if integers.contains(&s) {
        return Some(format!("một số nguyên (`{s}`)"));
    }
    for prefix in [
        "struct ",
        "tuple struct ",
        "internally tagged enum ",
        "adjacently tagged enum ",
    ] {
        if let Some(name) = s.strip_prefix(prefix) {
            return Some(format!("một bảng dạng `{name}`"));
        }
    }
    if let Some(name) = s.strip_prefix("enum ") {
        return Some(format!("một giá trị của `{name}`"));
    }
    Some(
        match s {
            "a string" | "a borrowed string" => "một chuỗi",
            "a boolean" => "`true` hoặc `false`",
            "f32" | "f64" => "một số",
            "a sequence" => "một mảng",
            "a map" => "một bảng",
            "a character" => "một ký tự",
            _ => return None,
        }
        .to_string(),
    )
}

/// A part of TOML syntax the parser names (`StrContext::Label` of toml_edit).
fn label_vi(s: &str) -> Option<&'static str> {
    Some(match s {
        "array" => "mảng",
        "basic string" | "string" => "chuỗi",
        "literal string" => "chuỗi nguyên văn",
        "multiline basic string" => "chuỗi nhiều dòng",
        "multiline literal string" => "chuỗi nguyên văn nhiều dòng",
        "escape sequence" => "ký tự thoát (escape)",
        "unicode 4-digit hex code" | "unicode 8-digit hex code" => "mã Unicode",
        "integer" => "số nguyên",
        "binary integer" => "số nguyên hệ nhị phân",
        "octal integer" => "số nguyên hệ bát phân",
        "hexadecimal integer" => "số nguyên hệ thập lục phân",
        "floating-point number" => "số thực",
        "date-time" => "ngày giờ",
        "time" => "giờ",
        "time offset" => "múi giờ",
        "inline table" => "bảng viết trên một dòng",
        "key" => "khóa",
        "table header" => "tiêu đề bảng",
        _ => return None,
    })
}

/// One thing the parser expected: a literal (kept) or a description.
fn token_vi(s: &str) -> Option<&str> {
    if s.starts_with('`') || s.starts_with('\'') {
        return Some(s);
    }
    Some(match s {
        "newline" => "xuống dòng",
        "digit" => "chữ số",
        "leading digit" => "chữ số đầu tiên",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::reader_message_vi;

    /// The reader's message for `text` read as `T`.
    fn message<T: serde::de::DeserializeOwned>(text: &str) -> String {
        match toml::from_str::<T>(text) {
            Ok(_) => panic!("{text:?} was read"),
            Err(e) => e.message().to_string(),
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Probe {
        id: String,
        #[serde(default)]
        count: u32,
        #[serde(default)]
        level: Option<portal_core::Level>,
    }

    #[test]
    fn the_usual_reader_messages_are_said_in_vietnamese() {
        let probe_cases = [
            ("count = 1", "thiếu trường bắt buộc `id`"),
            (
                "id = \"a\"\nnmae = 1",
                "phần này không có trường `nmae`; các trường được phép: `id`, `count`, `level`",
            ),
            (
                "id = \"a\"\ncount = \"x\"",
                "giá trị sai kiểu: đang là chuỗi \"x\", cần một số nguyên (`u32`)",
            ),
            (
                "id = 7",
                "giá trị sai kiểu: đang là số nguyên `7`, cần một chuỗi",
            ),
            (
                "id = \"a\"\nlevel = \"city\"",
                "giá trị `city` không được chấp nhận",
            ),
            (
                "id = \"a\"\nid = \"b\"",
                "khóa `id` được khai báo hai lần ở cấp ngoài cùng của tệp",
            ),
            ("[id", "tiêu đề bảng không hợp lệ; cần `.`, `]`"),
            ("id = \"a", "chuỗi không hợp lệ"),
        ];
        let form = |extra: &str| {
            format!(
                "[[steps]]\nid = \"s\"\ntitle = {{ vi = \"a\", en = \"a\" }}\n\
                 [[steps.fields]]\nid = \"d\"\ntype = \"date\"\n\
                 label = {{ vi = \"a\", en = \"a\" }}\n{extra}"
            )
        };
        let form_cases = [
            (
                form("min = \"2020-13-45\""),
                "\"2020-13-45\" không phải là một ngày có thật",
            ),
            (
                form("shown_if = { field = \"d\", all = [] }"),
                "một điều kiện hoặc là `field`",
            ),
        ];
        let form_messages = form_cases
            .iter()
            .map(|(text, start)| (message::<portal_core::form::Form>(text), *start));
        let probe_messages = probe_cases
            .iter()
            .map(|(text, start)| (message::<Probe>(text), *start));
        for (en, start) in probe_messages.chain(form_messages) {
            let vi = reader_message_vi(&en);
            assert!(vi.starts_with(start), "{en:?} gave {vi:?}");
            assert!(!vi.contains("trình đọc TOML"), "{en:?} gave {vi:?}");
        }
    }

    #[test]
    fn an_unknown_wording_keeps_the_readers_words_quoted() {
        let vi = reader_message_vi("something new\nexpected a miracle");
        assert_eq!(
            vi,
            "tệp không đọc được tại vị trí được chỉ ra (chi tiết kỹ thuật của trình đọc TOML: \
             “something new expected a miracle”)"
        );
        assert_eq!(
            reader_message_vi(""),
            "tệp không đọc được tại vị trí được chỉ ra"
        );
    }
}
