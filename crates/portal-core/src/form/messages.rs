//! The message catalogue for answer errors, in Vietnamese and English. Browser and server
//! render errors here and nowhere else, so a citizen reads the same words whichever side
//! caught the problem. Messages follow GOV.UK: say what is wrong and how to fix it, in
//! plain words, without blaming ("Enter…", "… must be …").

use crate::case;
use crate::form::error::{Ask, DatePart, FieldError, ValidationError};
use crate::form::index::IndexedForm;
use crate::form::path::Part;
use crate::form::schema::FieldKind;
use crate::text::Lang;
use crate::validators::file::type_name;
use crate::validators::Sex;

impl Part {
    /// The label of a part of a person or address block, as used in messages.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Part::FullName, Lang::Vi) => "Họ, chữ đệm và tên",
            (Part::FullName, Lang::En) => "Full name",
            (Part::BirthDate, Lang::Vi) => "Ngày sinh",
            (Part::BirthDate, Lang::En) => "Date of birth",
            (Part::Sex, Lang::Vi) => "Giới tính",
            (Part::Sex, Lang::En) => "Sex",
            (Part::IdNumber, Lang::Vi) => "Số định danh cá nhân",
            (Part::IdNumber, Lang::En) => "Personal ID number",
            (Part::Province, Lang::Vi) => "Tỉnh, thành phố",
            (Part::Province, Lang::En) => "Province or city",
            (Part::Commune, Lang::Vi) => "Xã, phường, đặc khu",
            (Part::Commune, Lang::En) => "Commune or ward",
            (Part::Street, Lang::Vi) => "Số nhà, đường, thôn, tổ dân phố",
            (Part::Street, Lang::En) => "House number and street",
        }
    }
}

/// `Họ và tên` → `họ và tên`, but `CCCD number` and `Email` stay readable: only a
/// capital followed by a lower-case letter is lowered.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.clone().next()) {
        (Some(first), Some(second)) if case::is_upper(first) && case::is_lower(second) => {
            std::iter::once(case::to_lower(first))
                .chain(chars)
                .collect()
        }
        _ => s.to_string(),
    }
}

/// Thousands grouped the way each language writes them: `1.500.000`, `1,500,000`.
pub fn number(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `5 MB`, `1,5 MB` / `1.5 MB`, `300 KB`.
fn size(bytes: u64, lang: Lang) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    let (whole, tenth, unit) = if bytes >= MB {
        (bytes / MB, (bytes % MB) * 10 / MB, "MB")
    } else {
        (bytes.div_ceil(KB), 0, "KB")
    };
    let mark = if lang == Lang::Vi { ',' } else { '.' };
    if tenth == 0 {
        format!("{whole} {unit}")
    } else {
        format!("{whole}{mark}{tenth} {unit}")
    }
}

fn list(items: &[String], lang: Lang) -> String {
    let names: Vec<&str> = items.iter().map(|m| type_name(m)).collect();
    let or = if lang == Lang::Vi { " hoặc " } else { " or " };
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{}{or}{last}", rest.join(", ")),
    }
}

fn plural(n: u32, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The imperative verbs a label may already start with, which the "required" message must
/// not repeat ("Chọn chọn …", "Select choose …").
pub const VERBS: [&str; 12] = [
    "chọn",
    "nhập",
    "tải lên",
    "mô tả",
    "ghi",
    "khai",
    "select",
    "enter",
    "upload",
    "choose",
    "describe",
    "give",
];

fn starts_with_verb(what: &str) -> bool {
    let lower = case::lowercase(what);
    VERBS.iter().any(|v| {
        lower
            .strip_prefix(v)
            .is_some_and(|rest| rest.starts_with(' '))
    })
}

fn sex_word(sex: Sex, lang: Lang) -> &'static str {
    match (sex, lang) {
        (Sex::Male, Lang::Vi) => "nam",
        (Sex::Female, Lang::Vi) => "nữ",
        (Sex::Male, Lang::En) => "male",
        (Sex::Female, Lang::En) => "female",
    }
}

impl FieldError {
    /// The message shown next to the question and in the error summary. `label` is the
    /// question's label in `lang` (or the part's label); an empty label gets a generic
    /// wording.
    pub fn message(&self, lang: Lang, label: &str) -> String {
        use FieldError::*;
        let vi = lang == Lang::Vi;
        let label = label.trim();
        // A label still phrased as a question cannot be the object of "Chọn …" or the
        // subject of "… phải …": such questions carry an `error_label` in the catalogue,
        // and the generic wording below is only a fallback.
        let question = label.ends_with('?');
        let it = if label.is_empty() || question {
            if vi {
                "Câu trả lời".to_string()
            } else {
                "The answer".to_string()
            }
        } else {
            case::upper_first(label)
        };
        let what = lower_first(label);
        let pick = |v: String, e: String| if vi { v } else { e };
        match self {
            Required { ask } if question && *ask != Ask::Confirm => pick(
                format!("Trả lời câu hỏi “{label}”"),
                format!("Answer the question “{label}”"),
            ),
            Required { ask } => match ask {
                Ask::Enter if what.is_empty() => {
                    pick("Nhập câu trả lời".into(), "Enter an answer".into())
                }
                Ask::Select if what.is_empty() => {
                    pick("Chọn một lựa chọn".into(), "Select an option".into())
                }
                Ask::Upload if what.is_empty() => {
                    pick("Tải lên một tệp".into(), "Upload a file".into())
                }
                // A label that is already an instruction ("Chọn hai môn thi") is the
                // message as it stands: no second verb in front of it.
                Ask::Enter | Ask::Select | Ask::Upload if starts_with_verb(&what) => {
                    case::upper_first(&what)
                }
                Ask::Enter => pick(format!("Nhập {what}"), format!("Enter {what}")),
                Ask::Select => pick(format!("Chọn {what}"), format!("Select {what}")),
                Ask::Upload => pick(format!("Tải lên {what}"), format!("Upload {what}")),
                Ask::YesOrNo if what.is_empty() => pick(
                    "Chọn Có hoặc Không".into(),
                    "Select yes or no".into(),
                ),
                // GOV.UK: "Select yes if …", the condition being the question's
                // `error_label`.
                Ask::YesOrNo => pick(format!("Chọn Có nếu {what}"), format!("Select yes if {what}")),
                Ask::Confirm => pick(
                    "Đánh dấu vào ô xác nhận để cam đoan thông tin đã khai là đúng".into(),
                    "Tick the box to confirm that the information you gave is true".into(),
                ),
            },
            WrongAnswerType => pick(
                format!("{it} không đúng dạng. Hãy trả lời lại câu hỏi này"),
                format!("{it} is not in the expected form. Answer this question again"),
            ),
            PrefillChanged => pick(
                format!("{it} được lấy từ tài khoản định danh điện tử VNeID và không sửa được ở đây. Nếu thông tin sai, hãy đề nghị công an cấp xã cập nhật cơ sở dữ liệu dân cư"),
                format!("{it} comes from your VNeID record and cannot be changed here. If it is wrong, ask the commune police to update the population database"),
            ),
            TextTooShort { min } => pick(
                format!("{it} phải có ít nhất {min} ký tự"),
                format!("{it} must be {min} characters or more"),
            ),
            TextTooLong { max } => pick(
                format!("{it} không được dài quá {max} ký tự"),
                format!("{it} must be {max} characters or fewer"),
            ),
            TextInvalidCharacters => pick(
                format!("{it} chứa ký tự điều khiển hoặc ký tự ẩn. Hãy xóa và gõ lại"),
                format!("{it} contains hidden or control characters. Delete them and type it again"),
            ),
            NotANumber => pick(
                format!("{it} phải là một số, ví dụ 12 hoặc 1.500.000"),
                format!("{it} must be a number, like 12 or 1,500,000"),
            ),
            NotAWholeNumber => pick(
                format!("{it} phải là số nguyên, không có phần thập phân"),
                format!("{it} must be a whole number"),
            ),
            TooManyDecimals { max } => pick(
                format!("{it} chỉ được có tối đa {max} chữ số sau dấu phẩy"),
                format!("{it} must have {max} decimal places or fewer"),
            ),
            NumberTooSmall { min } => pick(
                format!("{it} phải bằng hoặc lớn hơn {}", number(*min, lang)),
                format!("{it} must be {} or more", number(*min, lang)),
            ),
            NumberTooLarge { max } => pick(
                format!("{it} phải bằng hoặc nhỏ hơn {}", number(*max, lang)),
                format!("{it} must be {} or less", number(*max, lang)),
            ),
            DateFormat => pick(
                format!("{it} phải là một ngày theo dạng ngày/tháng/năm, ví dụ 27/03/2007"),
                format!("{it} must be a date written as day/month/year, like 27/03/2007"),
            ),
            DateMissingPart { part } => {
                let (pv, pe) = match part {
                    DatePart::Day => ("ngày", "day"),
                    DatePart::Month => ("tháng", "month"),
                    DatePart::Year => ("năm", "year"),
                };
                pick(
                    format!("{it} phải có {pv}, viết theo dạng ngày/tháng/năm, ví dụ 27/03/2007"),
                    format!("{it} must include a {pe}, written as day/month/year, like 27/03/2007"),
                )
            }
            DateYearDigits => pick(
                "Năm phải có 4 chữ số, ví dụ 2007".into(),
                "Year must include 4 numbers, like 2007".into(),
            ),
            DateNotReal => pick(
                format!("{it} phải là ngày có thật. Kiểm tra lại ngày và tháng"),
                format!("{it} must be a real date. Check the day and the month"),
            ),
            DateInFuture => pick(
                format!("{it} phải là hôm nay hoặc một ngày trong quá khứ"),
                format!("{it} must be today or in the past"),
            ),
            DateInPast => pick(
                format!("{it} phải là hôm nay hoặc một ngày trong tương lai"),
                format!("{it} must be today or in the future"),
            ),
            DateTooEarly { min } => pick(
                format!("{it} phải là ngày {min} hoặc sau đó"),
                format!("{it} must be the same as or after {min}"),
            ),
            DateTooLate { max } => pick(
                format!("{it} phải là ngày {max} hoặc trước đó"),
                format!("{it} must be the same as or before {max}"),
            ),
            ChoiceUnknown => pick(
                "Chọn một trong các lựa chọn có trong danh sách".into(),
                "Select one of the options listed".into(),
            ),
            TooFewSelected { min } => pick(
                format!("Chọn ít nhất {min} lựa chọn"),
                format!("Select at least {min} {}", plural(*min, "option", "options")),
            ),
            TooManySelected { max } => pick(
                format!("Chọn nhiều nhất {max} lựa chọn"),
                format!("Select {max} {} or fewer", plural(*max, "option", "options")),
            ),
            EmailFormat => pick(
                "Nhập địa chỉ email đúng định dạng, ví dụ ten@example.com".into(),
                "Enter an email address in the correct format, like name@example.com".into(),
            ),
            PhoneCharacters => pick(
                "Số điện thoại chỉ gồm chữ số, có thể có dấu cách hoặc +84 ở đầu, ví dụ 0912 345 678".into(),
                "A phone number can only include numbers, spaces and +84 at the start, like 0912 345 678".into(),
            ),
            PhoneLength { digits } => pick(
                format!("Nhập số điện thoại di động gồm 10 chữ số, bắt đầu bằng 0, ví dụ 0912 345 678 (bạn đã nhập {digits} chữ số)"),
                format!("Enter a mobile number of 10 digits starting with 0, like 0912 345 678 (you entered {digits})"),
            ),
            PhonePrefix => pick(
                "Nhập số điện thoại Việt Nam: số di động bắt đầu bằng 03, 05, 07, 08 hoặc 09, số cố định bắt đầu bằng 02".into(),
                "Enter a Vietnamese phone number: mobiles start with 03, 05, 07, 08 or 09, landlines with 02".into(),
            ),
            PhoneNotMobile => pick(
                "Nhập số điện thoại di động để nhận tin nhắn, ví dụ 0912 345 678".into(),
                "Enter a mobile number that can receive text messages, like 0912 345 678".into(),
            ),
            PersonalIdCharacters => pick(
                "Số định danh cá nhân chỉ gồm chữ số, ví dụ 001203004567".into(),
                "A personal ID number can only include numbers, like 001203004567".into(),
            ),
            PersonalIdLength { digits } => pick(
                format!("Nhập số định danh cá nhân gồm 12 chữ số (bạn đã nhập {digits} chữ số)"),
                format!("Enter a personal ID number of 12 digits (you entered {digits})"),
            ),
            PersonalIdLegacyCard => pick(
                "Số chứng minh nhân dân 9 chữ số không còn được dùng. Nhập số định danh cá nhân 12 chữ số in trên thẻ căn cước hoặc trong ứng dụng VNeID".into(),
                "The old 9-digit ID card number is no longer used. Enter the 12-digit personal ID number on your identity card or in the VNeID app".into(),
            ),
            PersonalIdProvince { prefix } => pick(
                format!("3 chữ số đầu ({prefix}) không phải là mã tỉnh nơi đăng ký khai sinh. Kiểm tra lại số in trên thẻ căn cước"),
                format!("The first 3 digits ({prefix}) are not a province code. Check the number printed on the identity card"),
            ),
            PersonalIdFutureBirthYear { year } => pick(
                format!("Chữ số thứ 4 đến thứ 6 cho năm sinh {year}, là năm trong tương lai. Kiểm tra lại số định danh cá nhân"),
                format!("Digits 4 to 6 give a birth year of {year}, which is in the future. Check the personal ID number"),
            ),
            PersonalIdBirthYearMismatch { in_number, declared } => pick(
                format!("Số định danh cá nhân cho năm sinh {in_number}, khác với ngày sinh đã khai (năm {declared}). Kiểm tra lại số định danh hoặc ngày sinh"),
                format!("The personal ID number gives a birth year of {in_number}, but the date of birth is in {declared}. Check the ID number or the date of birth"),
            ),
            PersonalIdSexMismatch { in_number } => pick(
                format!("Chữ số thứ 4 của số định danh cá nhân là của người giới tính {}, khác với giới tính đã khai. Kiểm tra lại số định danh hoặc giới tính", sex_word(*in_number, lang)),
                format!("The 4th digit of the personal ID number is for a {} person, which differs from the sex given. Check the ID number or the sex", sex_word(*in_number, lang)),
            ),
            TaxCodeCharacters => pick(
                "Mã số thuế chỉ gồm chữ số và dấu gạch ngang, ví dụ 0100109106 hoặc 0100109106-001".into(),
                "A tax code can only include numbers and a hyphen, like 0100109106 or 0100109106-001".into(),
            ),
            TaxCodeLength { digits, personal_id_allowed } => match personal_id_allowed {
                true => pick(
                    format!("Nhập mã số thuế gồm 10 hoặc 13 chữ số, hoặc số định danh cá nhân 12 chữ số (bạn đã nhập {digits} chữ số)"),
                    format!("Enter a tax code of 10 or 13 digits, or a 12-digit personal ID number (you entered {digits})"),
                ),
                false => pick(
                    format!("Nhập mã số thuế gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc (bạn đã nhập {digits} chữ số)"),
                    format!("Enter a tax code of 10 digits, or 13 digits for a branch (you entered {digits})"),
                ),
            },
            TaxCodeCheckDigit => pick(
                "Mã số thuế không đúng: chữ số thứ 10 không khớp với 9 chữ số đầu. Kiểm tra lại từng chữ số".into(),
                "This tax code is not valid: the 10th digit does not match the first 9. Check each digit".into(),
            ),
            TaxCodeBranch => pick(
                "3 chữ số cuối của mã số thuế đơn vị phụ thuộc phải từ 001 đến 999".into(),
                "The last 3 digits of a branch tax code must be from 001 to 999".into(),
            ),
            TaxCodePersonalIdNotAllowed => pick(
                "Nhập mã số thuế của tổ chức gồm 10 hoặc 13 chữ số. Số định danh cá nhân không dùng được cho câu hỏi này".into(),
                "Enter the organisation's tax code of 10 or 13 digits. A personal ID number cannot be used here".into(),
            ),
            ProvinceUnknown => pick(
                "Chọn tỉnh, thành phố trong danh sách".into(),
                "Select a province or city from the list".into(),
            ),
            CommuneUnknown => pick(
                "Chọn xã, phường, đặc khu thuộc tỉnh, thành phố đã chọn".into(),
                "Select a commune or ward of the province or city you chose".into(),
            ),
            FileType { accepted } => pick(
                format!("Tệp đã chọn phải là {}", list(accepted, lang)),
                format!("The selected file must be a {}", list(accepted, lang)),
            ),
            FileTooLarge { max_bytes } => pick(
                format!("Tệp đã chọn phải nhỏ hơn {}", size(*max_bytes, lang)),
                format!("The selected file must be smaller than {}", size(*max_bytes, lang)),
            ),
            FileEmpty => pick(
                "Tệp đã chọn không có nội dung. Chọn lại tệp".into(),
                "The selected file is empty. Choose the file again".into(),
            ),
            FileName => pick(
                "Tên tệp không hợp lệ. Đổi tên tệp (không quá 255 ký tự, không có dấu / hoặc \\) rồi tải lên lại".into(),
                "The file name is not valid. Rename the file (255 characters or fewer, no / or \\) and upload it again".into(),
            ),
            TooManyFiles { max } => pick(
                format!("Chỉ tải lên tối đa {max} tệp"),
                format!("Upload {max} {} or fewer", plural(*max, "file", "files")),
            ),
            TooFewItems { min } => pick(
                format!("Thêm ít nhất {min} {what}"),
                match min {
                    1 => format!("Add at least one {what}"),
                    _ => format!("Add at least {min} entries, one for each {what}"),
                },
            ),
            TooManyItems { max } => pick(
                format!("Chỉ thêm tối đa {max} {what}"),
                format!(
                    "Add {max} {} or fewer, one for each {what}",
                    plural(*max, "entry", "entries")
                ),
            ),
            DuplicatePerson { first } => pick(
                format!("Người này đã có ở mục {first}. Mỗi người chỉ khai một lần"),
                format!("This person is already in entry {first}. List each person once"),
            ),
        }
    }
}

impl ValidationError {
    /// The message, labelled with the question (or part) it is about.
    pub fn message(&self, form: &IndexedForm, lang: Lang) -> String {
        self.error.message(lang, &self.label(form, lang))
    }

    /// The label the message refers to: the part's, the group item's for group counts,
    /// or the question's `error_label` if it has one (for a yes/no question, only in the
    /// "required" message, where it is the condition of "Chọn Có nếu …"), else its label.
    pub fn label(&self, form: &IndexedForm, lang: Lang) -> String {
        if let Some(part) = self.path.part {
            return part.label(lang).to_string();
        }
        let Some(field) = form.field(self.path.leaf()) else {
            return String::new();
        };
        match (&field.kind, &self.error) {
            (
                FieldKind::Group(g),
                FieldError::TooFewItems { .. } | FieldError::TooManyItems { .. },
            ) => g.item_label.get(lang).to_string(),
            (FieldKind::YesNo, e) if !matches!(e, FieldError::Required { .. }) => {
                field.label.get(lang).to_string()
            }
            _ => field
                .error_label
                .as_ref()
                .unwrap_or(&field.label)
                .get(lang)
                .to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validators::Date;

    #[test]
    fn required_messages_use_the_label() {
        let e = FieldError::Required { ask: Ask::Enter };
        assert_eq!(e.message(Lang::Vi, "Ngày sinh"), "Nhập ngày sinh");
        assert_eq!(e.message(Lang::En, "Date of birth"), "Enter date of birth");
        assert_eq!(e.message(Lang::En, "CCCD number"), "Enter CCCD number");
        assert_eq!(e.message(Lang::En, ""), "Enter an answer");
        let s = FieldError::Required { ask: Ask::Select };
        assert_eq!(
            s.message(Lang::Vi, "Tỉnh, thành phố"),
            "Chọn tỉnh, thành phố"
        );
        assert_eq!(
            FieldError::Required { ask: Ask::YesOrNo }
                .message(Lang::Vi, "cha mẹ của trẻ đã đăng ký kết hôn"),
            "Chọn Có nếu cha mẹ của trẻ đã đăng ký kết hôn"
        );
        assert_eq!(
            FieldError::Required { ask: Ask::YesOrNo }.message(Lang::En, "you paid online"),
            "Select yes if you paid online"
        );
    }

    #[test]
    fn a_label_is_never_given_a_second_verb() {
        let s = FieldError::Required { ask: Ask::Select };
        assert_eq!(s.message(Lang::Vi, "Chọn hai môn thi"), "Chọn hai môn thi");
        assert_eq!(
            s.message(Lang::En, "Choose two subjects"),
            "Choose two subjects"
        );
        assert_eq!(
            FieldError::Required { ask: Ask::Enter }.message(Lang::En, "Describe the reason"),
            "Describe the reason"
        );
        // "Chọn lọc" is not the verb "chọn" followed by an object.
        assert_eq!(s.message(Lang::Vi, "Chọn lọc"), "Chọn lọc");
        assert_eq!(s.message(Lang::Vi, "Loại xe"), "Chọn loại xe");
    }

    #[test]
    fn a_question_label_without_an_error_label_is_quoted_not_used_as_an_object() {
        let s = FieldError::Required { ask: Ask::Select };
        assert_eq!(
            s.message(Lang::Vi, "Bạn là gì của trẻ?"),
            "Trả lời câu hỏi “Bạn là gì của trẻ?”"
        );
        assert_eq!(
            FieldError::NumberTooSmall { min: 1 }.message(Lang::Vi, "Lần thứ mấy?"),
            "Câu trả lời phải bằng hoặc lớn hơn 1"
        );
    }

    #[test]
    fn parameters_are_formatted_per_language() {
        let e = FieldError::NumberTooLarge { max: 1_500_000 };
        assert_eq!(
            e.message(Lang::Vi, "Số tiền"),
            "Số tiền phải bằng hoặc nhỏ hơn 1.500.000"
        );
        assert_eq!(
            e.message(Lang::En, "Amount"),
            "Amount must be 1,500,000 or less"
        );
        let min = Date::new(2020, 1, 1).unwrap();
        assert_eq!(
            FieldError::DateTooEarly { min }.message(Lang::En, "Date of birth"),
            "Date of birth must be the same as or after 01/01/2020"
        );
        let f = FieldError::FileType {
            accepted: vec![
                "application/pdf".into(),
                "image/jpeg".into(),
                "image/png".into(),
            ],
        };
        assert_eq!(
            f.message(Lang::Vi, ""),
            "Tệp đã chọn phải là PDF, JPG hoặc PNG"
        );
        assert_eq!(
            f.message(Lang::En, ""),
            "The selected file must be a PDF, JPG or PNG"
        );
        let big = FieldError::FileTooLarge {
            max_bytes: 5 * 1024 * 1024,
        };
        assert_eq!(
            big.message(Lang::En, ""),
            "The selected file must be smaller than 5 MB"
        );
        let odd = FieldError::FileTooLarge {
            max_bytes: 3 * 1024 * 1024 / 2,
        };
        assert_eq!(odd.message(Lang::Vi, ""), "Tệp đã chọn phải nhỏ hơn 1,5 MB");
        assert_eq!(number(-1234, Lang::En), "-1,234");
        assert_eq!(size(300 * 1024, Lang::En), "300 KB");
    }

    #[test]
    fn the_personal_id_length_message_says_how_to_fix_it() {
        let e = FieldError::PersonalIdLength { digits: 11 };
        assert_eq!(
            e.message(Lang::Vi, "Số định danh cá nhân"),
            "Nhập số định danh cá nhân gồm 12 chữ số (bạn đã nhập 11 chữ số)"
        );
    }

    #[test]
    fn every_error_has_a_message_in_both_languages() {
        for e in crate::form::examples::all_errors() {
            for lang in [Lang::Vi, Lang::En] {
                let m = e.message(lang, "Nhãn");
                assert!(m.len() > 10, "{e:?} {lang:?}: {m:?}");
                assert!(!m.contains("{"), "{e:?}: unformatted {m:?}");
            }
            assert_ne!(e.message(Lang::Vi, "x"), e.message(Lang::En, "x"), "{e:?}");
        }
    }
}
