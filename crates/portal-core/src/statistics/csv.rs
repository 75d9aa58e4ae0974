//! CSV (RFC 4180) for the downloads, with formulas defused.

/// A table as CSV (RFC 4180): the header, then one line per row, every line ending in
/// CRLF. A field containing a comma, a double quote, a CR or an LF is put in double
/// quotes, with the quotes inside doubled. A field starting with `=`, `+`, `-`, `@`, a
/// tab or a CR gets a leading apostrophe first, so a spreadsheet opening the file shows
/// it as text instead of running it as a formula (CSV injection); the figures here are
/// never negative, so no number is touched.
///
/// The text is UTF-8 without a byte-order mark; whoever serves it decides on one.
pub fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    csv_line(&mut out, header.iter().copied());
    for row in rows {
        csv_line(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn csv_line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, cell);
    }
    out.push_str("\r\n");
}

fn csv_field(out: &mut String, cell: &str) {
    let defused = starts_like_a_formula(cell);
    let quoted = cell.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if defused {
        out.push('\'');
    }
    if quoted {
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// Whether a spreadsheet could read the cell as a formula.
fn starts_like_a_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_cell(cell: &str) -> String {
        let csv = to_csv(&["h"], &[vec![cell.to_string()]]);
        csv.strip_prefix("h\r\n")
            .and_then(|rest| rest.strip_suffix("\r\n"))
            .expect("one line after the header")
            .to_string()
    }

    #[test]
    fn csv_lines_end_in_crlf() {
        let csv = to_csv(
            &["province", "received"],
            &[
                vec!["Hà Nội".into(), "120".into()],
                vec!["Cao Bằng".into(), "< 5".into()],
            ],
        );
        assert_eq!(csv, "province,received\r\nHà Nội,120\r\nCao Bằng,< 5\r\n");
        assert_eq!(to_csv(&["a"], &[]), "a\r\n");
        assert_eq!(
            to_csv(&["a", "b"], &[vec!["".into(), "".into()]]),
            "a,b\r\n,\r\n"
        );
    }

    #[test]
    fn csv_quotes_a_field_with_a_comma() {
        assert_eq!(one_cell("Huế, Thừa Thiên"), "\"Huế, Thừa Thiên\"");
    }

    #[test]
    fn csv_doubles_quotes_inside_a_quoted_field() {
        assert_eq!(
            one_cell("the \"one-stop\" centre"),
            "\"the \"\"one-stop\"\" centre\""
        );
        assert_eq!(one_cell("\""), "\"\"\"\"");
    }

    #[test]
    fn csv_quotes_a_field_with_a_line_break() {
        assert_eq!(one_cell("a\nb"), "\"a\nb\"");
        assert_eq!(one_cell("a\r\nb"), "\"a\r\nb\"");
        assert_eq!(one_cell("a\rb"), "\"a\rb\"");
    }

    #[test]
    fn csv_leaves_plain_fields_alone() {
        for plain in [
            "0",
            "1234",
            "87.35",
            "< 5",
            "Đắk Lắk",
            "2026-q4",
            "a b",
            "x=1",
            "a-b",
        ] {
            assert_eq!(one_cell(plain), plain);
        }
    }

    #[test]
    fn csv_defuses_a_field_starting_with_equals() {
        assert_eq!(one_cell("=1+1"), "'=1+1");
        assert_eq!(
            one_cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
    }

    #[test]
    fn csv_defuses_a_field_starting_with_plus() {
        assert_eq!(one_cell("+84 912"), "'+84 912");
    }

    #[test]
    fn csv_defuses_a_field_starting_with_minus() {
        assert_eq!(one_cell("-2+3"), "'-2+3");
    }

    #[test]
    fn csv_defuses_a_field_starting_with_at() {
        assert_eq!(one_cell("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn csv_defuses_a_field_starting_with_a_tab() {
        assert_eq!(one_cell("\t=1"), "'\t=1");
    }

    #[test]
    fn csv_defuses_a_field_starting_with_a_carriage_return() {
        assert_eq!(one_cell("\r=1"), "\"'\r=1\"");
    }

    #[test]
    fn csv_defuses_and_quotes_a_formula_with_a_comma() {
        assert_eq!(one_cell("=SUM(1,2)"), "\"'=SUM(1,2)\"");
    }

    #[test]
    fn csv_defuses_the_header_too() {
        assert_eq!(to_csv(&["=x", "ok"], &[]), "'=x,ok\r\n");
    }
}
