//! Examples for every field type: a question and a list of inputs, valid and invalid,
//! each with the normalised answer or the errors it must give. One list feeds the unit
//! tests here, the gallery page and its browser and accessibility tests (govuk-frontend
//! does the same with its examples files). Also the generated large form used to measure
//! per-keystroke cost.

use crate::form::answers::{AddressAnswer, Answer, Answers, FileAnswer, PersonAnswer};
use crate::form::condition::{Condition, Scalar};
use crate::form::context::{AdminUnits, ValidationContext};
use crate::form::error::{Ask, DatePart, FieldError, ValidationError};
use crate::form::path::{FieldPath, Part};
use crate::form::schema::{
    AddressOptions, AttachmentOptions, ChoiceOption, ChoiceOptions, DateOptions, Field, FieldId,
    FieldKind, Form, GroupOptions, MultipleChoiceOptions, NumberOptions, PersonOptions,
    PhoneOptions, Prefill, Step, TaxCodeOptions, TextOptions,
};
use crate::text::Text;
use crate::validators::file::{JPEG, PDF, PNG};
use crate::validators::{Date, Sex};

/// The fixed "today" of the examples, so they never go stale.
pub fn today() -> Date {
    Date::new(2026, 6, 15).unwrap_or_else(|| unreachable!("15 June 2026 is a real date"))
}

/// A few real units (Hà Nội: Ba Đình, Hoàn Kiếm; TP HCM: one ward), enough for the
/// examples to show a commune that is not in the chosen province.
pub struct ExampleUnits;

impl AdminUnits for ExampleUnits {
    fn has_province(&self, code: &str) -> bool {
        matches!(code, "01" | "79")
    }

    fn has_commune(&self, province: &str, commune: &str) -> bool {
        matches!(
            (province, commune),
            ("01", "00004") | ("01", "00070") | ("79", "26734")
        )
    }
}

static UNITS: ExampleUnits = ExampleUnits;

/// The context the examples are validated in: [`today`] and [`ExampleUnits`].
pub fn context() -> ValidationContext<'static> {
    ValidationContext::new(today()).with_units(&UNITS)
}

/// What an example input must give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Accepted, normalised to this (`None`: an optional question left blank).
    Valid(Option<Answer>),
    /// Refused with exactly these errors, in this order.
    Invalid(Vec<ValidationError>),
}

/// One input to a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// What the example shows, in English (for test names and the gallery's headings).
    pub title: &'static str,
    pub answer: Option<Answer>,
    pub expect: Expect,
}

/// A question and its examples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldExamples {
    pub field: Field,
    pub examples: Vec<Example>,
}

impl FieldExamples {
    /// A one-step form holding just this question, to validate or render it alone.
    pub fn form(&self) -> Form {
        Form {
            subject: None,
            place: None,
            steps: vec![Step {
                id: "example".into(),
                title: self.field.label.clone(),
                intro: None,
                shown_if: None,
                fields: vec![self.field.clone()],
            }],
            fees: Vec::new(),
        }
    }
}

fn t(vi: &str, en: &str) -> Text {
    Text::new(vi, en)
}

/// A required question with no hint, condition or prefill.
pub fn field(id: &str, label: Text, kind: FieldKind) -> Field {
    Field {
        id: FieldId(id.into()),
        label,
        error_label: None,
        hint: None,
        required: true,
        shown_if: None,
        prefill: None,
        copy: None,
        kind,
    }
}

/// One step, `applicant`: a name the signed-in person's record fills and locks (`name`),
/// and a phone and an email it fills but leaves editable (`phone`, `email`). For prefill's
/// tests, in the engine and in the browser.
pub fn prefilled_applicant_form() -> Form {
    use crate::form::prefill::PrefillSource;
    let prefilled = |id: &str, label: Text, kind: FieldKind, source, editable| Field {
        prefill: Some(Prefill { source, editable }),
        ..field(id, label, kind)
    };
    Form {
        subject: None,
        place: None,
        steps: vec![Step {
            id: "applicant".into(),
            title: t("Người nộp hồ sơ", "Applicant"),
            intro: None,
            shown_if: None,
            fields: vec![
                prefilled(
                    "name",
                    t("Họ và tên", "Full name"),
                    FieldKind::Text(TextOptions::default()),
                    PrefillSource::FullName,
                    false,
                ),
                prefilled(
                    "phone",
                    t("Số điện thoại", "Phone"),
                    FieldKind::Phone(PhoneOptions::default()),
                    PrefillSource::Phone,
                    true,
                ),
                prefilled(
                    "email",
                    t("Thư điện tử", "Email"),
                    FieldKind::Email,
                    PrefillSource::Email,
                    true,
                ),
            ],
        }],
        fees: Vec::new(),
    }
}

fn optional(mut f: Field) -> Field {
    f.required = false;
    f
}

fn options(values: &[(&str, &str, &str)]) -> Vec<ChoiceOption> {
    values
        .iter()
        .map(|(v, vi, en)| ChoiceOption {
            value: (*v).into(),
            label: t(vi, en),
            hint: None,
        })
        .collect()
}

fn text(s: &str) -> Option<Answer> {
    Some(Answer::Text(s.into()))
}

fn ok(title: &'static str, answer: Option<Answer>, normalised: Option<Answer>) -> Example {
    Example {
        title,
        answer,
        expect: Expect::Valid(normalised),
    }
}

/// A typed input accepted and normalised to `out`.
fn typed_ok(title: &'static str, input: &str, out: &str) -> Example {
    ok(title, text(input), text(out))
}

fn bad_at(
    title: &'static str,
    answer: Option<Answer>,
    errors: Vec<(FieldPath, FieldError)>,
) -> Example {
    Example {
        title,
        answer,
        expect: Expect::Invalid(
            errors
                .into_iter()
                .map(|(p, e)| ValidationError::new(p, e))
                .collect(),
        ),
    }
}

/// Builds examples refused with one error on the question itself.
struct Refused(&'static str);

impl Refused {
    fn answer(&self, title: &'static str, answer: Option<Answer>, error: FieldError) -> Example {
        bad_at(title, answer, vec![(FieldPath::field(self.0), error)])
    }

    fn typed(&self, title: &'static str, input: &str, error: FieldError) -> Example {
        self.answer(title, text(input), error)
    }
}

fn file(name: &str, mime: &str, bytes: u64) -> FileAnswer {
    FileAnswer {
        id: format!("upload-{name}"),
        name: name.into(),
        mime: mime.into(),
        bytes,
    }
}

fn person(name: &str, birth: &str, sex: Option<Sex>, id: &str) -> Answer {
    Answer::Person(PersonAnswer {
        full_name: name.into(),
        birth_date: birth.into(),
        sex,
        id_number: id.into(),
    })
}

fn address(p: &str, c: &str, street: &str) -> Answer {
    Answer::Address(AddressAnswer {
        province: p.into(),
        commune: c.into(),
        street: street.into(),
    })
}

/// Every field type with its examples.
pub fn gallery() -> Vec<FieldExamples> {
    vec![
        text_examples(),
        long_text_examples(),
        number_examples(),
        decimal_examples(),
        date_examples(),
        choice_examples(),
        multiple_choice_examples(),
        yes_no_examples(),
        email_examples(),
        phone_examples(),
        personal_id_examples(),
        tax_code_examples(),
        business_tax_code_examples(),
        address_examples(),
        person_examples(),
        attachment_examples(),
        group_examples(),
        declaration_examples(),
    ]
}

fn text_examples() -> FieldExamples {
    let r = Refused("full_name");
    FieldExamples {
        field: field(
            "full_name",
            t("Họ và tên", "Full name"),
            FieldKind::Text(TextOptions {
                min_length: 2,
                max_length: Some(50),
            }),
        ),
        examples: vec![
            typed_ok("a Vietnamese name", "Nguyễn Văn An", "Nguyễn Văn An"),
            typed_ok(
                "spaces around are trimmed",
                "  Trần Thị Bích  ",
                "Trần Thị Bích",
            ),
            typed_ok(
                "zero-width characters are dropped",
                "Lê\u{200B} Hoa",
                "Lê Hoa",
            ),
            r.answer("left blank", None, FieldError::Required { ask: Ask::Enter }),
            r.typed(
                "only spaces",
                "   ",
                FieldError::Required { ask: Ask::Enter },
            ),
            r.typed("too short", "A", FieldError::TextTooShort { min: 2 }),
            r.typed(
                "too long",
                &"a".repeat(51),
                FieldError::TextTooLong { max: 50 },
            ),
            r.typed(
                "a direction override hiding the real text",
                "An\u{202E}h",
                FieldError::TextInvalidCharacters,
            ),
            r.answer(
                "an answer of the wrong shape",
                Some(Answer::Choice("x".into())),
                FieldError::WrongAnswerType,
            ),
        ],
    }
}

fn long_text_examples() -> FieldExamples {
    let r = Refused("reason");
    FieldExamples {
        field: optional(field(
            "reason",
            t("Lý do đăng ký muộn", "Reason for registering late"),
            FieldKind::LongText(TextOptions::default()),
        )),
        examples: vec![
            typed_ok("several lines", "Dòng 1\r\nDòng 2", "Dòng 1\nDòng 2"),
            ok("optional and left blank", None, None),
            ok("optional and only spaces", text("  "), None),
            r.typed(
                "longer than 2,000 characters",
                &"x".repeat(2001),
                FieldError::TextTooLong { max: 2000 },
            ),
        ],
    }
}

fn number_examples() -> FieldExamples {
    let r = Refused("copies");
    FieldExamples {
        field: field(
            "copies",
            t("Số bản sao trích lục", "Number of certified copies"),
            FieldKind::Number(NumberOptions {
                min: Some(0),
                max: Some(10),
                decimals: 0,
                unit: Some(t("bản", "copies")),
            }),
        ),
        examples: vec![
            typed_ok("a whole number", "3", "3"),
            typed_ok("zero", "0", "0"),
            typed_ok("with spaces", " 2 ", "2"),
            r.typed("in words", "ba", FieldError::NotANumber),
            r.typed("with a decimal part", "2,5", FieldError::NotAWholeNumber),
            r.typed(
                "above the maximum",
                "11",
                FieldError::NumberTooLarge { max: 10 },
            ),
            r.typed(
                "below the minimum",
                "-1",
                FieldError::NumberTooSmall { min: 0 },
            ),
            r.typed("with a letter", "3a", FieldError::NotANumber),
        ],
    }
}

fn decimal_examples() -> FieldExamples {
    let r = Refused("area");
    FieldExamples {
        field: field(
            "area",
            t("Diện tích", "Area"),
            FieldKind::Number(NumberOptions {
                min: Some(0),
                max: Some(1_000_000),
                decimals: 2,
                unit: Some(t("m²", "m²")),
            }),
        ),
        examples: vec![
            typed_ok("a decimal comma", "72,5", "72.5"),
            typed_ok("a decimal point", "72.25", "72.25"),
            typed_ok("Vietnamese thousands", "1.250,75", "1250.75"),
            r.typed(
                "three decimal places",
                "72,555",
                FieldError::TooManyDecimals { max: 2 },
            ),
            r.typed(
                "above the maximum",
                "1.000.001",
                FieldError::NumberTooLarge { max: 1_000_000 },
            ),
        ],
    }
}

fn date_examples() -> FieldExamples {
    let r = Refused("birth_date");
    FieldExamples {
        field: field(
            "birth_date",
            t("Ngày sinh của trẻ", "Child's date of birth"),
            FieldKind::Date(DateOptions {
                min: Date::new(1900, 1, 1),
                max: None,
                not_future: true,
                not_past: false,
            }),
        ),
        examples: vec![
            typed_ok("dd/mm/yyyy", "27/03/2007", "27/03/2007"),
            typed_ok("d/m/yyyy", "1/6/2026", "01/06/2026"),
            typed_ok("with hyphens, today", "15-06-2026", "15/06/2026"),
            typed_ok("with dots", "29.02.2024", "29/02/2024"),
            r.typed("30 February", "30/02/2024", FieldError::DateNotReal),
            r.typed(
                "29 February in a common year",
                "29/02/2023",
                FieldError::DateNotReal,
            ),
            r.typed("tomorrow", "16/06/2026", FieldError::DateInFuture),
            r.typed("a two-digit year", "27/03/07", FieldError::DateYearDigits),
            r.typed(
                "no year",
                "27/03",
                FieldError::DateMissingPart {
                    part: DatePart::Year,
                },
            ),
            r.typed("in words", "hôm qua", FieldError::DateFormat),
            r.typed(
                "before the earliest date",
                "31/12/1899",
                FieldError::DateTooEarly {
                    min: Date::new(1900, 1, 1).unwrap_or_else(|| unreachable!()),
                },
            ),
            r.answer("left blank", None, FieldError::Required { ask: Ask::Enter }),
        ],
    }
}

fn relationship_options() -> Vec<ChoiceOption> {
    options(&[
        ("mother", "Mẹ", "Mother"),
        ("father", "Cha", "Father"),
        ("grandparent", "Ông, bà", "Grandparent"),
        ("relative", "Người thân thích khác", "Other relative"),
    ])
}

fn choice_examples() -> FieldExamples {
    let r = Refused("relationship");
    FieldExamples {
        field: field(
            "relationship",
            t("Quan hệ với trẻ", "Relationship to the child"),
            FieldKind::Choice(ChoiceOptions {
                options: relationship_options(),
            }),
        ),
        examples: vec![
            ok(
                "an option",
                Some(Answer::Choice("mother".into())),
                Some(Answer::Choice("mother".into())),
            ),
            r.answer(
                "not an option",
                Some(Answer::Choice("uncle".into())),
                FieldError::ChoiceUnknown,
            ),
            r.answer(
                "nothing chosen",
                None,
                FieldError::Required { ask: Ask::Select },
            ),
            r.answer(
                "blank choice",
                Some(Answer::Choice(String::new())),
                FieldError::Required { ask: Ask::Select },
            ),
        ],
    }
}

fn multiple_choice_examples() -> FieldExamples {
    let r = Refused("delivery_copies");
    let choices = |v: &[&str]| Some(Answer::Choices(v.iter().map(|s| s.to_string()).collect()));
    FieldExamples {
        field: field(
            "delivery_copies",
            t("Bạn muốn nhận những bản nào", "Which copies do you want"),
            FieldKind::MultipleChoice(MultipleChoiceOptions {
                options: options(&[
                    ("electronic", "Bản điện tử", "Electronic copy"),
                    ("paper", "Bản giấy", "Paper copy"),
                    ("extract", "Bản sao trích lục", "Certified extract"),
                ]),
                min_selected: 1,
                max_selected: Some(2),
            }),
        ),
        examples: vec![
            ok(
                "two options",
                choices(&["electronic", "extract"]),
                choices(&["electronic", "extract"]),
            ),
            ok(
                "kept in the listed order",
                choices(&["extract", "paper"]),
                choices(&["paper", "extract"]),
            ),
            r.answer(
                "nothing ticked",
                choices(&[]),
                FieldError::Required { ask: Ask::Select },
            ),
            r.answer(
                "too many",
                choices(&["electronic", "paper", "extract"]),
                FieldError::TooManySelected { max: 2 },
            ),
            r.answer(
                "not an option",
                choices(&["fax"]),
                FieldError::ChoiceUnknown,
            ),
        ],
    }
}

fn yes_no_examples() -> FieldExamples {
    let r = Refused("parents_married");
    FieldExamples {
        field: field(
            "parents_married",
            t(
                "Cha mẹ của trẻ đã đăng ký kết hôn chưa?",
                "Are the child's parents married?",
            ),
            FieldKind::YesNo,
        ),
        examples: vec![
            ok("no", Some(Answer::YesNo(false)), Some(Answer::YesNo(false))),
            ok("yes", Some(Answer::YesNo(true)), Some(Answer::YesNo(true))),
            r.answer(
                "not answered",
                None,
                FieldError::Required { ask: Ask::YesOrNo },
            ),
            r.answer(
                "the word yes as text",
                text("yes"),
                FieldError::WrongAnswerType,
            ),
        ],
    }
}

fn email_examples() -> FieldExamples {
    let r = Refused("email");
    FieldExamples {
        field: optional(field(
            "email",
            t("Email", "Email address"),
            FieldKind::Email,
        )),
        examples: vec![
            typed_ok("an address", "ten@example.com", "ten@example.com"),
            typed_ok("domain in capitals", " An@Example.VN ", "An@example.vn"),
            ok("optional and left blank", None, None),
            r.typed(
                "no dot in the domain",
                "ten@example",
                FieldError::EmailFormat,
            ),
            r.typed("no @", "ten.example.com", FieldError::EmailFormat),
            r.typed(
                "a space inside",
                "ten @example.com",
                FieldError::EmailFormat,
            ),
        ],
    }
}

fn phone_examples() -> FieldExamples {
    let r = Refused("phone");
    FieldExamples {
        field: field(
            "phone",
            t("Số điện thoại di động", "Mobile phone number"),
            FieldKind::Phone(PhoneOptions { mobile_only: true }),
        ),
        examples: vec![
            typed_ok("with spaces", "0912 345 678", "0912345678"),
            typed_ok("international", "+84 912 345 678", "0912345678"),
            typed_ok("with dots", "098.765.4321", "0987654321"),
            typed_ok(
                "an unknown range is still valid",
                "0301234567",
                "0301234567",
            ),
            r.typed(
                "one digit short",
                "091234567",
                FieldError::PhoneLength { digits: 9 },
            ),
            r.typed("not a mobile range", "0123456789", FieldError::PhonePrefix),
            r.typed("a landline", "024 3825 3535", FieldError::PhoneNotMobile),
            r.typed("with letters", "0912-abc-678", FieldError::PhoneCharacters),
        ],
    }
}

fn personal_id_examples() -> FieldExamples {
    let r = Refused("personal_id");
    FieldExamples {
        field: field(
            "personal_id",
            t("Số định danh cá nhân", "Personal ID number"),
            FieldKind::PersonalId,
        ),
        examples: vec![
            typed_ok("grouped with spaces", "001 203 004 567", "001203004567"),
            typed_ok(
                "a province merged in 2025 (Bình Dương, 074)",
                "074099123456",
                "074099123456",
            ),
            r.typed(
                "11 digits",
                "00120300456",
                FieldError::PersonalIdLength { digits: 11 },
            ),
            r.typed(
                "an old 9-digit card",
                "012345678",
                FieldError::PersonalIdLegacyCard,
            ),
            r.typed(
                "not a province code",
                "003203004567",
                FieldError::PersonalIdProvince {
                    prefix: "003".into(),
                },
            ),
            r.typed(
                "born next year",
                "001227123456",
                FieldError::PersonalIdFutureBirthYear { year: 2027 },
            ),
            r.typed(
                "letter O for zero",
                "00120300456O",
                FieldError::PersonalIdCharacters,
            ),
        ],
    }
}

fn tax_code_examples() -> FieldExamples {
    let r = Refused("tax_code");
    FieldExamples {
        field: field(
            "tax_code",
            t("Mã số thuế", "Tax code"),
            FieldKind::TaxCode(TaxCodeOptions {
                allow_personal_id: true,
            }),
        ),
        examples: vec![
            typed_ok("10 digits", "0100109106", "0100109106"),
            typed_ok(
                "a branch with its hyphen",
                "0100109106-001",
                "0100109106-001",
            ),
            typed_ok(
                "a branch without the hyphen",
                "0100112437 001",
                "0100112437-001",
            ),
            typed_ok("a personal number", "001203004567", "001203004567"),
            r.typed(
                "wrong check digit",
                "0100109107",
                FieldError::TaxCodeCheckDigit,
            ),
            r.typed("branch 000", "0100109106-000", FieldError::TaxCodeBranch),
            r.typed(
                "9 digits",
                "010010910",
                FieldError::TaxCodeLength {
                    digits: 9,
                    personal_id_allowed: true,
                },
            ),
        ],
    }
}

fn business_tax_code_examples() -> FieldExamples {
    let r = Refused("business_tax_code");
    FieldExamples {
        field: field(
            "business_tax_code",
            t("Mã số thuế doanh nghiệp", "Company tax code"),
            FieldKind::TaxCode(TaxCodeOptions::default()),
        ),
        examples: vec![
            typed_ok("an enterprise code", "0100112437", "0100112437"),
            r.typed(
                "a personal number",
                "001203004567",
                FieldError::TaxCodePersonalIdNotAllowed,
            ),
            r.typed("letters", "01001O9106", FieldError::TaxCodeCharacters),
        ],
    }
}

fn address_examples() -> FieldExamples {
    let at = |p| FieldPath::field("residence").with_part(p);
    FieldExamples {
        field: field(
            "residence",
            t("Nơi thường trú", "Permanent address"),
            FieldKind::Address(AddressOptions::default()),
        ),
        examples: vec![
            ok(
                "a full address",
                Some(address("01", "00004", " 12 phố Huế ")),
                Some(address("01", "00004", "12 phố Huế")),
            ),
            bad_at(
                "left blank",
                None,
                vec![
                    (
                        at(Part::Province),
                        FieldError::Required { ask: Ask::Select },
                    ),
                    (at(Part::Commune), FieldError::Required { ask: Ask::Select }),
                    (at(Part::Street), FieldError::Required { ask: Ask::Enter }),
                ],
            ),
            bad_at(
                "a commune of another province, no street",
                Some(address("01", "26734", "")),
                vec![
                    (at(Part::Commune), FieldError::CommuneUnknown),
                    (at(Part::Street), FieldError::Required { ask: Ask::Enter }),
                ],
            ),
            bad_at(
                "a province that no longer exists",
                Some(address("74", "25747", "1 đường 30/4")),
                vec![(at(Part::Province), FieldError::ProvinceUnknown)],
            ),
        ],
    }
}

fn person_examples() -> FieldExamples {
    let at = |p| FieldPath::field("mother").with_part(p);
    FieldExamples {
        field: field(
            "mother",
            t("Người mẹ", "Mother"),
            FieldKind::Person(PersonOptions::default()),
        ),
        examples: vec![
            ok(
                "consistent details",
                Some(person(
                    " Trần Thị Mai ",
                    "12/5/1990",
                    Some(Sex::Female),
                    "001 190 012 345",
                )),
                Some(person(
                    "Trần Thị Mai",
                    "12/05/1990",
                    Some(Sex::Female),
                    "001190012345",
                )),
            ),
            bad_at(
                "the number gives another birth year",
                Some(person(
                    "Trần Thị Mai",
                    "12/05/1990",
                    Some(Sex::Female),
                    "001185012345",
                )),
                vec![(
                    at(Part::IdNumber),
                    FieldError::PersonalIdBirthYearMismatch {
                        in_number: 1985,
                        declared: 1990,
                    },
                )],
            ),
            bad_at(
                "the number gives the other sex",
                Some(person(
                    "Trần Văn Nam",
                    "12/05/1990",
                    Some(Sex::Male),
                    "001190012345",
                )),
                vec![(
                    at(Part::IdNumber),
                    FieldError::PersonalIdSexMismatch {
                        in_number: Sex::Female,
                    },
                )],
            ),
            bad_at(
                "left blank",
                None,
                vec![
                    (at(Part::FullName), FieldError::Required { ask: Ask::Enter }),
                    (
                        at(Part::BirthDate),
                        FieldError::Required { ask: Ask::Enter },
                    ),
                    (at(Part::Sex), FieldError::Required { ask: Ask::Select }),
                    (at(Part::IdNumber), FieldError::Required { ask: Ask::Enter }),
                ],
            ),
            bad_at(
                "born in the future",
                Some(person(
                    "Trần Thị Mai",
                    "01/01/2027",
                    Some(Sex::Female),
                    "001190012345",
                )),
                vec![(at(Part::BirthDate), FieldError::DateInFuture)],
            ),
        ],
    }
}

fn attachment_examples() -> FieldExamples {
    let r = Refused("birth_notice");
    let files = |f: Vec<FileAnswer>| Some(Answer::Files(f));
    let accept = vec![PDF.to_string(), JPEG.to_string()];
    let max = 5 * 1024 * 1024;
    FieldExamples {
        field: field(
            "birth_notice",
            t("Giấy chứng sinh", "Birth notice"),
            FieldKind::Attachment(AttachmentOptions {
                accept: accept.clone(),
                max_bytes: max,
                max_files: 2,
            }),
        ),
        examples: vec![
            ok(
                "a PDF scan",
                files(vec![file("giay-chung-sinh.pdf", PDF, 200_000)]),
                files(vec![file("giay-chung-sinh.pdf", PDF, 200_000)]),
            ),
            r.answer(
                "nothing uploaded",
                files(vec![]),
                FieldError::Required { ask: Ask::Upload },
            ),
            r.answer(
                "a PNG",
                files(vec![file("anh.png", PNG, 1000)]),
                FieldError::FileType { accepted: accept },
            ),
            r.answer(
                "too large",
                files(vec![file("scan.pdf", PDF, max + 1)]),
                FieldError::FileTooLarge { max_bytes: max },
            ),
            r.answer(
                "empty",
                files(vec![file("scan.pdf", PDF, 0)]),
                FieldError::FileEmpty,
            ),
            r.answer(
                "three files",
                files(vec![
                    file("a.pdf", PDF, 1),
                    file("b.pdf", PDF, 1),
                    file("c.pdf", PDF, 1),
                ]),
                FieldError::TooManyFiles { max: 2 },
            ),
            r.answer(
                "a path as name",
                files(vec![file("../x.pdf", PDF, 1)]),
                FieldError::FileName,
            ),
        ],
    }
}

fn group_examples() -> FieldExamples {
    let member = |name: &str, relation: &str, birth: &str, school: Option<&str>| {
        let mut a = Answers::new()
            .with("member_name", Answer::Text(name.into()))
            .with("member_relation", Answer::Choice(relation.into()))
            .with("member_birth", Answer::Text(birth.into()));
        if let Some(s) = school {
            a.set("member_school", Answer::Text(s.into()));
        }
        a
    };
    let group = |items: Vec<Answers>| Some(Answer::Group(items));
    let r = Refused("members");
    let mut school = field(
        "member_school",
        t("Trường đang học", "School"),
        FieldKind::Text(TextOptions::default()),
    );
    school.shown_if = Some(Condition::Equals {
        field: FieldId("member_relation".into()),
        value: Scalar::Text("child".into()),
    });
    FieldExamples {
        field: field(
            "members",
            t("Thành viên hộ gia đình", "Household members"),
            FieldKind::Group(GroupOptions {
                item_label: t("thành viên", "member"),
                min: 1,
                max: 3,
                fields: vec![
                    field(
                        "member_name",
                        t("Họ và tên", "Full name"),
                        FieldKind::Text(TextOptions::default()),
                    ),
                    field(
                        "member_relation",
                        t(
                            "Quan hệ với chủ hộ",
                            "Relationship to the head of household",
                        ),
                        FieldKind::Choice(ChoiceOptions {
                            options: options(&[
                                ("spouse", "Vợ, chồng", "Spouse"),
                                ("child", "Con", "Child"),
                                ("parent", "Cha, mẹ", "Parent"),
                            ]),
                        }),
                    ),
                    field(
                        "member_birth",
                        t("Ngày sinh", "Date of birth"),
                        FieldKind::Date(DateOptions {
                            not_future: true,
                            ..DateOptions::default()
                        }),
                    ),
                    school,
                ],
            }),
        ),
        examples: vec![
            ok(
                "a child with a school",
                group(vec![member(
                    "Lê Văn C",
                    "child",
                    "2/9/2015",
                    Some("Tiểu học Ba Đình"),
                )]),
                group(vec![member(
                    "Lê Văn C",
                    "child",
                    "02/09/2015",
                    Some("Tiểu học Ba Đình"),
                )]),
            ),
            ok(
                "a spouse: the hidden school answer is dropped",
                group(vec![member("Lê Thị D", "spouse", "01/01/1988", Some("x"))]),
                group(vec![member("Lê Thị D", "spouse", "01/01/1988", None)]),
            ),
            r.answer(
                "no members",
                group(vec![]),
                FieldError::TooFewItems { min: 1 },
            ),
            r.answer(
                "four members",
                group(vec![
                    member("A", "child", "01/01/2010", Some("s")),
                    member("B", "child", "01/01/2011", Some("s")),
                    member("C", "child", "01/01/2012", Some("s")),
                    member("D", "child", "01/01/2013", Some("s")),
                ]),
                FieldError::TooManyItems { max: 3 },
            ),
            bad_at(
                "the second member's date does not exist",
                group(vec![
                    member("A", "spouse", "01/01/1990", None),
                    member("B", "child", "31/04/2016", None),
                ]),
                vec![
                    (
                        FieldPath::item("members", 1, "member_birth"),
                        FieldError::DateNotReal,
                    ),
                    (
                        FieldPath::item("members", 1, "member_school"),
                        FieldError::Required { ask: Ask::Enter },
                    ),
                ],
            ),
        ],
    }
}

fn declaration_examples() -> FieldExamples {
    let r = Refused("declaration");
    let confirm = FieldError::Required { ask: Ask::Confirm };
    FieldExamples {
        field: field(
            "declaration",
            t(
                "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời cam đoan của mình",
                "I declare that the information I have given is true, and I am legally responsible for this declaration",
            ),
            FieldKind::Declaration,
        ),
        examples: vec![
            ok("ticked", Some(Answer::YesNo(true)), Some(Answer::YesNo(true))),
            r.answer("not ticked", Some(Answer::YesNo(false)), confirm.clone()),
            r.answer("missing", None, confirm),
        ],
    }
}

/// One instance of every error, for message tests and the message gallery. The match in
/// `variant` makes a new error variant a compile error until it is listed here too.
pub fn all_errors() -> Vec<FieldError> {
    use FieldError::*;
    let day = Date::new(2020, 1, 1).unwrap_or_else(|| unreachable!());
    let list = vec![
        Required { ask: Ask::Enter },
        Required { ask: Ask::Select },
        Required { ask: Ask::YesOrNo },
        Required { ask: Ask::Upload },
        Required { ask: Ask::Confirm },
        WrongAnswerType,
        PrefillChanged,
        TextTooShort { min: 2 },
        TextTooLong { max: 50 },
        TextInvalidCharacters,
        NotANumber,
        NotAWholeNumber,
        TooManyDecimals { max: 2 },
        NumberTooSmall { min: 1 },
        NumberTooLarge { max: 10 },
        DateFormat,
        DateMissingPart {
            part: DatePart::Day,
        },
        DateMissingPart {
            part: DatePart::Month,
        },
        DateMissingPart {
            part: DatePart::Year,
        },
        DateYearDigits,
        DateNotReal,
        DateInFuture,
        DateInPast,
        DateTooEarly { min: day },
        DateTooLate { max: day },
        ChoiceUnknown,
        TooFewSelected { min: 2 },
        TooManySelected { max: 1 },
        EmailFormat,
        PhoneCharacters,
        PhoneLength { digits: 9 },
        PhonePrefix,
        PhoneNotMobile,
        PersonalIdCharacters,
        PersonalIdLength { digits: 11 },
        PersonalIdLegacyCard,
        PersonalIdProvince {
            prefix: "003".into(),
        },
        PersonalIdFutureBirthYear { year: 2100 },
        PersonalIdBirthYearMismatch {
            in_number: 1985,
            declared: 1990,
        },
        PersonalIdSexMismatch {
            in_number: Sex::Male,
        },
        TaxCodeCharacters,
        TaxCodeLength {
            digits: 9,
            personal_id_allowed: false,
        },
        TaxCodeLength {
            digits: 11,
            personal_id_allowed: true,
        },
        TaxCodeCheckDigit,
        TaxCodeBranch,
        TaxCodePersonalIdNotAllowed,
        ProvinceUnknown,
        CommuneUnknown,
        FileType {
            accepted: vec![PDF.into(), JPEG.into()],
        },
        FileTooLarge {
            max_bytes: 5 * 1024 * 1024,
        },
        FileEmpty,
        FileName,
        TooManyFiles { max: 2 },
        TooFewItems { min: 1 },
        TooManyItems { max: 3 },
        DuplicatePerson { first: 1 },
    ];
    debug_assert!((0..VARIANTS).all(|i| list.iter().any(|e| variant(e) == i)));
    list
}

const VARIANTS: usize = 49;

/// A number per variant; exhaustive, so adding a variant fails to compile here.
fn variant(e: &FieldError) -> usize {
    use FieldError::*;
    match e {
        Required { .. } => 0,
        WrongAnswerType => 1,
        PrefillChanged => 2,
        TextTooShort { .. } => 3,
        TextTooLong { .. } => 4,
        TextInvalidCharacters => 5,
        NotANumber => 6,
        NotAWholeNumber => 7,
        TooManyDecimals { .. } => 8,
        NumberTooSmall { .. } => 9,
        NumberTooLarge { .. } => 10,
        DateFormat => 11,
        DateMissingPart { .. } => 12,
        DateYearDigits => 13,
        DateNotReal => 14,
        DateInFuture => 15,
        DateInPast => 16,
        DateTooEarly { .. } => 17,
        DateTooLate { .. } => 18,
        ChoiceUnknown => 19,
        TooFewSelected { .. } => 20,
        TooManySelected { .. } => 21,
        EmailFormat => 22,
        PhoneCharacters => 23,
        PhoneLength { .. } => 24,
        PhonePrefix => 25,
        PhoneNotMobile => 26,
        PersonalIdCharacters => 27,
        PersonalIdLength { .. } => 28,
        PersonalIdLegacyCard => 29,
        PersonalIdProvince { .. } => 30,
        PersonalIdFutureBirthYear { .. } => 31,
        PersonalIdBirthYearMismatch { .. } => 32,
        PersonalIdSexMismatch { .. } => 33,
        TaxCodeCharacters => 34,
        TaxCodeLength { .. } => 35,
        TaxCodeCheckDigit => 36,
        TaxCodeBranch => 37,
        TaxCodePersonalIdNotAllowed => 38,
        ProvinceUnknown => 39,
        CommuneUnknown => 40,
        FileType { .. } => 41,
        FileTooLarge { .. } => 42,
        FileEmpty => 43,
        FileName => 44,
        TooManyFiles { .. } => 45,
        TooFewItems { .. } => 46,
        TooManyItems { .. } => 47,
        DuplicatePerson { .. } => 48,
        // Keep VARIANTS equal to the number of arms.
    }
}

/// A generated form of `n` questions, ten per step, mixing the typed field kinds; every
/// tenth question from the sixth on is shown only when the yes/no question just before
/// it is answered yes. For measuring per-keystroke cost on a 300-field form.
pub fn large_form(n: usize) -> Form {
    let mut steps: Vec<Step> = Vec::new();
    for i in 0..n {
        if i % 10 == 0 {
            steps.push(Step {
                id: format!("s{}", i / 10),
                title: t(
                    &format!("Bước {}", i / 10 + 1),
                    &format!("Step {}", i / 10 + 1),
                ),
                intro: None,
                shown_if: None,
                fields: Vec::new(),
            });
        }
        let id = format!("f{i}");
        let label = t(
            &format!("Câu hỏi {}", i + 1),
            &format!("Question {}", i + 1),
        );
        let kind = match i % 10 {
            0 => FieldKind::Text(TextOptions::default()),
            1 => FieldKind::Number(NumberOptions {
                min: Some(0),
                max: Some(1000),
                ..NumberOptions::default()
            }),
            2 => FieldKind::Date(DateOptions {
                not_future: true,
                ..DateOptions::default()
            }),
            3 => FieldKind::Choice(ChoiceOptions {
                options: relationship_options(),
            }),
            4 => FieldKind::YesNo,
            5 => FieldKind::Email,
            6 => FieldKind::Phone(PhoneOptions::default()),
            7 => FieldKind::PersonalId,
            8 => FieldKind::TaxCode(TaxCodeOptions {
                allow_personal_id: true,
            }),
            _ => FieldKind::LongText(TextOptions::default()),
        };
        let mut f = field(&id, label, kind);
        if i % 10 == 5 && i > 0 {
            f.shown_if = Some(Condition::Equals {
                field: FieldId(format!("f{}", i - 1)),
                value: Scalar::Bool(true),
            });
        }
        if let Some(step) = steps.last_mut() {
            step.fields.push(f);
        }
    }
    Form {
        subject: None,
        place: None,
        steps,
        fees: Vec::new(),
    }
}

/// Valid answers to every question of [`large_form`] (all conditional ones shown).
pub fn large_answers(n: usize) -> Answers {
    let mut a = Answers::new();
    for i in 0..n {
        let answer = match i % 10 {
            0 => Answer::Text(format!("Trả lời {i}")),
            1 => Answer::Text((i % 1000).to_string()),
            2 => Answer::Text("27/03/2007".into()),
            3 => Answer::Choice("mother".into()),
            4 => Answer::YesNo(true),
            5 => Answer::Text(format!("nguoi{i}@example.vn")),
            6 => Answer::Text("0912 345 678".into()),
            7 => Answer::Text("001203004567".into()),
            8 => Answer::Text("0100109106".into()),
            _ => Answer::Text("Dòng một\nDòng hai".into()),
        };
        a.set(format!("f{i}"), answer);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::index::IndexedForm;
    use crate::form::lint::lint;

    #[test]
    fn every_example_gives_what_it_promises() {
        let ctx = context();
        let mut count = 0;
        for g in gallery() {
            let form = IndexedForm::new(g.form());
            assert!(lint(&form).is_empty(), "{}: {:?}", g.field.id, lint(&form));
            for ex in &g.examples {
                let mut answers = Answers::new();
                if let Some(a) = &ex.answer {
                    answers.set(g.field.id.as_str(), a.clone());
                }
                let got = form.validate_field(&answers, g.field.id.as_str(), &ctx);
                let want = match &ex.expect {
                    Expect::Valid(a) => Ok(a.clone()),
                    Expect::Invalid(e) => Err(e.clone()),
                };
                assert_eq!(got, want, "{} / {}", g.field.id, ex.title);
                // The step gives the same errors as the field alone.
                let step_errors = form.validate_step(&answers, "example", &ctx);
                assert_eq!(
                    step_errors,
                    want.err().unwrap_or_default(),
                    "{} / {}",
                    g.field.id,
                    ex.title
                );
                count += 1;
            }
        }
        assert!(count >= 90, "{count} examples");
    }

    #[test]
    fn every_field_type_has_valid_and_invalid_examples() {
        let gallery = gallery();
        let tags: std::collections::BTreeSet<&str> =
            gallery.iter().map(|g| g.field.kind.tag()).collect();
        for tag in [
            "text",
            "long-text",
            "number",
            "date",
            "choice",
            "multiple-choice",
            "yes-no",
            "email",
            "phone",
            "personal-id",
            "tax-code",
            "address",
            "person",
            "attachment",
            "group",
            "declaration",
        ] {
            assert!(tags.contains(tag), "no examples for {tag}");
        }
        for g in &gallery {
            assert!(
                g.examples
                    .iter()
                    .any(|e| matches!(e.expect, Expect::Valid(Some(_)))),
                "{}",
                g.field.id
            );
            assert!(
                g.examples
                    .iter()
                    .any(|e| matches!(e.expect, Expect::Invalid(_))),
                "{}",
                g.field.id
            );
        }
    }

    #[test]
    fn every_error_variant_is_listed() {
        let listed: std::collections::BTreeSet<usize> = all_errors().iter().map(variant).collect();
        assert_eq!(listed.len(), VARIANTS);
        assert_eq!(listed, (0..VARIANTS).collect());
    }

    #[test]
    fn the_large_form_is_clean_and_its_answers_valid() {
        let form = IndexedForm::new(large_form(300));
        assert_eq!(form.len(), 300);
        assert_eq!(form.form().steps.len(), 30);
        assert!(lint(&form).is_empty(), "{:?}", lint(&form));
        let answers = large_answers(300);
        let submitted = form.validate_submission(&answers, &context());
        assert_eq!(submitted.map(|a| a.len()), Ok(300));
    }
}
