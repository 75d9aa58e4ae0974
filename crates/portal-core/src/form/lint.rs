//! Checks on a form that the types cannot express: unique ids, conditions that look only
//! back at questions that exist and can match, choices with options, limits in range.
//! The catalogue loader turns each problem into a diagnostic; staff preview shows them.

use std::collections::BTreeSet;

use crate::form::condition::{Condition, Scalar};
use crate::form::index::{IndexedForm, Loc};
use crate::form::prefill::PrefillSource;
use crate::form::reach;
use crate::form::schema::{
    is_valid_id, ChoiceOptions, Field, FieldKind, MultipleChoiceOptions, Presence,
};
use crate::text::Text;
use crate::validators::file::{MAX_FILES, MAX_FILE_BYTES, SUPPORTED_TYPES};
use crate::validators::{parse_number, Date};

/// Most items a repeating group may allow (GOV.UK Forms uses the same bound).
pub const MAX_GROUP_ITEMS: u32 = 50;
/// Deepest nesting of `all` / `any` / `not`.
pub const MAX_CONDITION_DEPTH: usize = 8;
/// Longest text limit a question may set.
pub const MAX_TEXT_LIMIT: u32 = 10_000;
/// Most decimal places a number question may allow.
pub const MAX_DECIMALS: u8 = 6;

/// One problem in a form, located by a path like `steps[1].fields[2].shown_if`, said in
/// both languages of the staff pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormProblem {
    /// Stable code staff can search for, e.g. `forward-reference`.
    pub code: &'static str,
    pub path: String,
    /// The English text (what the CLI prints).
    pub message: String,
    /// The same finding in Vietnamese, with the same ids, keys and numbers.
    pub message_vi: String,
}

/// Codes of problems that do not stop a catalogue from being published: the form works,
/// but staff should look. Every other code is an error.
pub const WARNING_CODES: &[&str] = &["fee-gap", "unreachable-field"];

impl FormProblem {
    /// Whether the problem is only a warning (see [`WARNING_CODES`]).
    pub fn is_warning(&self) -> bool {
        WARNING_CODES.contains(&self.code)
    }
}

struct Linter<'a> {
    form: &'a IndexedForm,
    out: Vec<FormProblem>,
    /// The field whose own condition is being checked, to catch self-reference.
    current: Option<String>,
    /// Whether the conditions being checked are fee rules', the only ones that may read an
    /// age (only a quote is made for a given day).
    in_fee_rules: bool,
}

impl Linter<'_> {
    /// Records a problem, said in English (`en`) and in Vietnamese (`vi`).
    fn push(
        &mut self,
        code: &'static str,
        path: &str,
        en: impl Into<String>,
        vi: impl Into<String>,
    ) {
        self.out.push(FormProblem {
            code,
            path: path.to_string(),
            message: en.into(),
            message_vi: vi.into(),
        });
    }

    fn text(&mut self, path: &str, text: &Text) {
        for lang in text.missing() {
            let (en, vi) = match lang {
                crate::text::Lang::Vi => ("Vietnamese", "tiếng Việt"),
                crate::text::Lang::En => ("English", "tiếng Anh"),
            };
            self.push(
                "missing-text",
                path,
                format!("the {en} text is empty"),
                format!("nội dung {vi} đang để trống"),
            );
        }
    }

    /// Checks an id; `what` names its kind in English and in Vietnamese.
    fn id(&mut self, path: &str, id: &str, seen: &mut BTreeSet<String>, what: (&str, &str)) {
        let (what, what_vi) = what;
        if !is_valid_id(id) {
            self.push(
                "bad-id",
                path,
                format!(
                    "{id:?} is not a valid {what} id: start with a lowercase letter, then \
                     lowercase letters, digits or underscores (at most 64)"
                ),
                format!(
                    "{id:?} không phải là mã {what_vi} hợp lệ: mã bắt đầu bằng một chữ cái \
                     thường không dấu, tiếp theo là chữ cái thường không dấu, chữ số hoặc dấu \
                     gạch dưới (tối đa 64 ký tự)"
                ),
            );
        }
        if !seen.insert(id.to_string()) {
            self.push(
                "duplicate-id",
                path,
                format!("the {what} id {id:?} is used twice"),
                format!("mã {what_vi} {id:?} được dùng hai lần"),
            );
        }
    }

    /// Checks a condition read from position `from`, inside `group` for group members.
    fn condition(&mut self, path: &str, c: &Condition, from: usize, group: Option<Loc>) {
        if c.depth() > MAX_CONDITION_DEPTH {
            self.push(
                "condition-too-deep",
                path,
                format!("conditions may nest at most {MAX_CONDITION_DEPTH} levels"),
                format!("điều kiện chỉ được lồng nhau tối đa {MAX_CONDITION_DEPTH} cấp"),
            );
            return;
        }
        self.condition_node(path, c, from, group);
    }

    fn condition_node(&mut self, path: &str, c: &Condition, from: usize, group: Option<Loc>) {
        let (field, test) = match c {
            Condition::All(cs) | Condition::Any(cs) => {
                if cs.is_empty() {
                    self.push(
                        "empty-condition",
                        path,
                        "`all` and `any` need at least one condition",
                        "`all` và `any` cần có ít nhất một điều kiện",
                    );
                }
                for c in cs {
                    self.condition_node(path, c, from, group);
                }
                return;
            }
            Condition::Not(c) => return self.condition_node(path, c, from, group),
            Condition::Equals { field, value } => {
                (field, Test::Values(std::slice::from_ref(value)))
            }
            Condition::OneOf { field, values } => {
                if values.is_empty() {
                    self.push(
                        "empty-condition",
                        path,
                        "`one_of` needs at least one value",
                        "`one_of` cần có ít nhất một giá trị",
                    );
                }
                (field, Test::Values(values))
            }
            Condition::Answered { field, .. } => (field, Test::Answered),
            Condition::Compare { field, value, .. } => (field, Test::Compare(value)),
            Condition::Age { field, .. } => {
                if !self.in_fee_rules {
                    self.push(
                        "age-outside-fee-rules",
                        path,
                        "an age condition (age_under, age_at_least) may only decide a fee line or its exemptions",
                        "điều kiện theo tuổi (age_under, age_at_least) chỉ dùng được cho dòng phí hoặc trường hợp miễn phí",
                    );
                    return;
                }
                (field, Test::Age)
            }
        };
        let Some(loc) = self.form.loc(field.as_str()) else {
            self.push(
                "unknown-field",
                path,
                format!(
                    "the condition reads {:?}, which is not a field of this form",
                    field.0
                ),
                format!(
                    "điều kiện đọc {:?}, nhưng biểu mẫu này không có trường đó",
                    field.0
                ),
            );
            return;
        };
        if self.current.as_deref() == Some(field.as_str()) {
            self.push(
                "cyclic-condition",
                path,
                format!(
                    "the condition of {:?} reads its own answer, so it can never be decided",
                    field.0
                ),
                format!(
                    "điều kiện của {:?} đọc chính câu trả lời của trường đó nên không bao giờ xác định được",
                    field.0
                ),
            );
            return;
        }
        if loc.pos >= from {
            self.push(
                "forward-reference",
                path,
                format!("the condition reads {:?}, which is not asked before this point; conditions may only look at earlier answers", field.0),
                format!("điều kiện đọc {:?}, nhưng câu hỏi đó không được hỏi trước vị trí này; điều kiện chỉ được dựa vào các câu trả lời trước đó", field.0),
            );
            return;
        }
        if loc.child.is_some() && !group.is_some_and(|g| loc.is_member_of(&g)) {
            self.push(
                "group-member-reference",
                path,
                format!("the condition reads {:?}, a field of a repeating group; only fields of the same group item can read it", field.0),
                format!("điều kiện đọc {:?}, là trường thuộc một nhóm lặp; chỉ các trường trong cùng một mục của nhóm đó mới được đọc trường này", field.0),
            );
            return;
        }
        let target = self.form.field_at(loc);
        if let Some((problem, problem_vi)) = test.mismatch(target) {
            self.push(
                "condition-type",
                path,
                format!("{:?} ({}): {problem}", field.0, target.kind.tag()),
                format!("{:?} (kiểu `{}`): {problem_vi}", field.0, target.kind.tag()),
            );
        }
    }

    fn field(
        &mut self,
        path: &str,
        field: &Field,
        group: Option<Loc>,
        seen: &mut BTreeSet<String>,
    ) {
        self.id(
            &format!("{path}.id"),
            field.id.as_str(),
            seen,
            ("field", "trường"),
        );
        self.text(&format!("{path}.label"), &field.label);
        if let Some(h) = &field.hint {
            self.text(&format!("{path}.hint"), h);
        }
        let Some(loc) = self.form.loc(field.id.as_str()) else {
            return;
        };
        if let Some(c) = &field.shown_if {
            self.current = Some(field.id.0.clone());
            let before = self.out.len();
            self.condition(&format!("{path}.shown_if"), c, loc.pos, group);
            self.current = None;
            if self.out.len() == before
                && reach::field_reachable(self.form, field.id.as_str()) == Some(false)
            {
                self.push(
                    "unreachable-field",
                    &format!("{path}.shown_if"),
                    "no combination of answers shows this question: its condition can never hold",
                    "không có cách trả lời nào làm câu hỏi này hiện ra: điều kiện hiển thị của câu hỏi không bao giờ được thỏa mãn",
                );
            }
        }
        if let Some(p) = &field.prefill {
            if !p.source.fits(&field.kind) {
                self.push(
                    "prefill-mismatch",
                    &format!("{path}.prefill"),
                    format!(
                        "a {} field cannot be prefilled from {:?}",
                        field.kind.tag(),
                        p.source
                    ),
                    format!(
                        "trường kiểu `{}` không thể được điền sẵn từ {:?}",
                        field.kind.tag(),
                        p.source
                    ),
                );
            }
            if group.is_some() {
                self.push(
                    "prefill-mismatch",
                    &format!("{path}.prefill"),
                    "fields of a repeating group cannot be prefilled",
                    "các trường trong nhóm lặp không thể được điền sẵn",
                );
            }
            if let (PrefillSource::Sex, FieldKind::Choice(o)) = (p.source, &field.kind) {
                let values: Vec<&str> = o.options.iter().map(|o| o.value.as_str()).collect();
                if !(values.contains(&"male") && values.contains(&"female")) {
                    self.push(
                        "prefill-mismatch",
                        &format!("{path}.prefill"),
                        "a sex question prefilled from the identity needs the options `male` and `female`",
                        "câu hỏi giới tính được điền sẵn từ thông tin định danh cần có hai lựa chọn `male` và `female`",
                    );
                }
            }
        }
        self.kind(path, field, group, seen);
    }

    fn kind(&mut self, path: &str, field: &Field, group: Option<Loc>, seen: &mut BTreeSet<String>) {
        let limits = |s: &mut Self, en: String, vi: String| s.push("bad-limits", path, en, vi);
        match &field.kind {
            FieldKind::Text(o) | FieldKind::LongText(o) => {
                if let Some(max) = o.max_length {
                    if max == 0 || max > MAX_TEXT_LIMIT {
                        limits(
                            self,
                            format!("max_length must be from 1 to {MAX_TEXT_LIMIT}"),
                            format!("`max_length` phải từ 1 đến {MAX_TEXT_LIMIT}"),
                        );
                    } else if o.min_length > max {
                        limits(
                            self,
                            "min_length is more than max_length".into(),
                            "`min_length` lớn hơn `max_length`".into(),
                        );
                    }
                }
            }
            FieldKind::Number(o) => {
                if let (Some(min), Some(max)) = (o.min, o.max) {
                    if min > max {
                        limits(
                            self,
                            "min is more than max".into(),
                            "`min` lớn hơn `max`".into(),
                        );
                    }
                }
                if o.decimals > MAX_DECIMALS {
                    limits(
                        self,
                        format!("decimals must be at most {MAX_DECIMALS}"),
                        format!("`decimals` không được lớn hơn {MAX_DECIMALS}"),
                    );
                }
                if let Some(u) = &o.unit {
                    self.text(&format!("{path}.unit"), u);
                }
            }
            FieldKind::Date(o) => {
                if let (Some(min), Some(max)) = (o.min, o.max) {
                    if min > max {
                        limits(
                            self,
                            "min is after max".into(),
                            "ngày `min` muộn hơn ngày `max`".into(),
                        );
                    }
                }
            }
            FieldKind::Choice(o) => self.options(path, &o.options),
            FieldKind::MultipleChoice(o) => {
                self.options(path, &o.options);
                let n = o.options.len() as u64;
                if u64::from(o.min_selected) > n {
                    limits(
                        self,
                        "min_selected is more than the number of options".into(),
                        "`min_selected` lớn hơn số lựa chọn của câu hỏi".into(),
                    );
                }
                if let Some(max) = o.max_selected {
                    if max == 0 || max < o.min_selected {
                        limits(
                            self,
                            "max_selected must be at least 1 and at least min_selected".into(),
                            "`max_selected` phải từ 1 trở lên và không nhỏ hơn `min_selected`"
                                .into(),
                        );
                    }
                }
            }
            FieldKind::Person(o) => {
                if o.id_number == Presence::Omitted
                    && o.birth_date == Presence::Omitted
                    && o.sex == Presence::Omitted
                {
                    limits(
                        self,
                        "a person block asks at least one of birth_date, sex, id_number".into(),
                        "khối thông tin cá nhân phải hỏi ít nhất một trong các mục `birth_date`, `sex`, `id_number`".into(),
                    );
                }
            }
            FieldKind::Attachment(o) => {
                let msg = |s: &mut Self, en: String, vi: String| {
                    s.push("attachment-limits", path, en, vi)
                };
                if o.accept.is_empty() {
                    msg(
                        self,
                        "accept lists no file types".into(),
                        "`accept` chưa liệt kê loại tệp nào".into(),
                    );
                }
                for t in &o.accept {
                    if !SUPPORTED_TYPES.contains(&t.as_str()) {
                        msg(
                            self,
                            format!(
                                "{t:?} cannot be accepted: the portal recognises only {}",
                                SUPPORTED_TYPES.join(", ")
                            ),
                            format!(
                                "không thể nhận loại tệp {t:?}: Cổng chỉ nhận các loại tệp {}",
                                SUPPORTED_TYPES.join(", ")
                            ),
                        );
                    }
                }
                if o.max_bytes == 0 || o.max_bytes > MAX_FILE_BYTES {
                    msg(
                        self,
                        format!("max_bytes must be from 1 to {MAX_FILE_BYTES} (20 MiB)"),
                        format!("`max_bytes` phải từ 1 đến {MAX_FILE_BYTES} (20 MiB)"),
                    );
                }
                if o.max_files == 0 || o.max_files > MAX_FILES {
                    msg(
                        self,
                        format!("max_files must be from 1 to {MAX_FILES}"),
                        format!("`max_files` phải từ 1 đến {MAX_FILES}"),
                    );
                }
            }
            FieldKind::Group(g) => {
                self.text(&format!("{path}.item_label"), &g.item_label);
                if group.is_some() {
                    self.push(
                        "nested-group",
                        path,
                        "a repeating group cannot contain another group",
                        "nhóm lặp không được chứa một nhóm khác",
                    );
                    return;
                }
                if g.max == 0 || g.max > MAX_GROUP_ITEMS || g.min > g.max {
                    self.push(
                        "group-bounds",
                        path,
                        format!("a group needs 0 <= min <= max and 1 <= max <= {MAX_GROUP_ITEMS}"),
                        format!("nhóm cần thỏa mãn 0 <= `min` <= `max` và 1 <= `max` <= {MAX_GROUP_ITEMS}"),
                    );
                }
                if g.fields.is_empty() {
                    self.push(
                        "empty-group",
                        path,
                        "a group has at least one field",
                        "nhóm phải có ít nhất một trường",
                    );
                }
                let Some(loc) = self.form.loc(field.id.as_str()) else {
                    return;
                };
                for (i, member) in g.fields.iter().enumerate() {
                    self.field(&format!("{path}.fields[{i}]"), member, Some(loc), seen);
                }
            }
            FieldKind::YesNo
            | FieldKind::Email
            | FieldKind::Phone(_)
            | FieldKind::PersonalId
            | FieldKind::TaxCode(_)
            | FieldKind::Address(_)
            | FieldKind::Declaration => {}
        }
    }

    fn options(&mut self, path: &str, options: &[crate::form::schema::ChoiceOption]) {
        if options.is_empty() {
            self.push(
                "no-options",
                path,
                "a choice question lists at least one option",
                "câu hỏi lựa chọn phải có ít nhất một lựa chọn",
            );
        }
        let mut seen = BTreeSet::new();
        for (i, o) in options.iter().enumerate() {
            let p = format!("{path}.options[{i}]");
            self.id(
                &format!("{p}.value"),
                &o.value,
                &mut seen,
                ("option", "lựa chọn"),
            );
            self.text(&format!("{p}.label"), &o.label);
        }
    }
}

/// What a condition does with its field, to check it suits the field's type.
enum Test<'a> {
    Values(&'a [Scalar]),
    Answered,
    Compare(&'a Scalar),
    Age,
}

impl Test<'_> {
    /// Why the test cannot suit the field, in English and in Vietnamese.
    fn mismatch(&self, f: &Field) -> Option<(String, String)> {
        let k = &f.kind;
        let not_a_number = |s: &str| {
            parse_number(s).is_err().then(|| {
                (
                    format!("{s:?} is not a number"),
                    format!("{s:?} không phải là số"),
                )
            })
        };
        let not_a_date = |s: &str| {
            Date::parse_iso(s).is_none().then(|| {
                (
                    format!("{s:?} is not a date written yyyy-mm-dd"),
                    format!("{s:?} không phải là ngày viết theo dạng yyyy-mm-dd"),
                )
            })
        };
        match self {
            Test::Answered => None,
            Test::Age => (!matches!(k, FieldKind::Date(_) | FieldKind::Person(_))).then(|| {
                (
                    "an age is counted from a date question or a person's date of birth".into(),
                    "tuổi chỉ tính được từ câu hỏi ngày tháng hoặc ngày sinh của một người".into(),
                )
            }),
            Test::Values(values) => values.iter().find_map(|v| match (k, v) {
                (FieldKind::Choice(ChoiceOptions { options, .. }), Scalar::Text(s))
                | (FieldKind::MultipleChoice(MultipleChoiceOptions { options, .. }), Scalar::Text(s)) => {
                    (!options.iter().any(|x| &x.value == s)).then(|| {
                        (
                            format!("{s:?} is not one of its options"),
                            format!("{s:?} không phải là một lựa chọn của câu hỏi này"),
                        )
                    })
                }
                (FieldKind::YesNo | FieldKind::Declaration, Scalar::Bool(_)) => None,
                (FieldKind::Number(_), Scalar::Int(_)) => None,
                (FieldKind::Number(_), Scalar::Text(s)) => not_a_number(s),
                (FieldKind::Date(_), Scalar::Text(s)) => not_a_date(s),
                (FieldKind::Group(_), Scalar::Int(_)) => None,
                (_, Scalar::Text(_)) if k.is_typed() => None,
                _ => Some((
                    "this value can never match an answer of this type".into(),
                    "giá trị này không bao giờ khớp với câu trả lời thuộc kiểu này".into(),
                )),
            }),
            Test::Compare(v) => match (k, v) {
                (FieldKind::Number(_), Scalar::Int(_)) => None,
                (FieldKind::Number(_), Scalar::Text(s)) => not_a_number(s),
                (FieldKind::Date(_), Scalar::Text(s)) => not_a_date(s),
                (FieldKind::Group(_) | FieldKind::MultipleChoice(_) | FieldKind::Attachment(_), Scalar::Int(_)) => None,
                _ => Some((
                    "comparisons work on numbers, dates (yyyy-mm-dd) and counts of items, choices or files".into(),
                    "phép so sánh chỉ dùng được với số, ngày (yyyy-mm-dd) và số lượng mục, lựa chọn hoặc tệp".into(),
                )),
            },
        }
    }
}

/// Every problem found in the form.
pub fn lint(form: &IndexedForm) -> Vec<FormProblem> {
    let mut l = Linter {
        form,
        out: Vec::new(),
        current: None,
        in_fee_rules: false,
    };
    let f = form.form();
    if f.steps.is_empty() {
        l.push(
            "empty-form",
            "steps",
            "a form has at least one step",
            "biểu mẫu phải có ít nhất một bước",
        );
    }
    let mut steps = BTreeSet::new();
    let mut fields = BTreeSet::new();
    for (s, step) in f.steps.iter().enumerate() {
        let path = format!("steps[{s}]");
        l.id(
            &format!("{path}.id"),
            &step.id,
            &mut steps,
            ("step", "bước"),
        );
        l.text(&format!("{path}.title"), &step.title);
        if let Some(i) = &step.intro {
            l.text(&format!("{path}.intro"), i);
        }
        if step.fields.is_empty() {
            l.push(
                "empty-step",
                &path,
                "a step asks at least one question",
                "mỗi bước phải có ít nhất một câu hỏi",
            );
        }
        if let Some(c) = &step.shown_if {
            let before = l.out.len();
            l.condition(&format!("{path}.shown_if"), c, form.step_start(s), None);
            if l.out.len() == before && reach::step_reachable(form, &step.id) == Some(false) {
                l.push(
                    "unreachable-step",
                    &format!("{path}.shown_if"),
                    "no combination of answers shows this step: its condition can never hold",
                    "không có cách trả lời nào làm bước này hiện ra: điều kiện hiển thị của bước không bao giờ được thỏa mãn",
                );
            }
        }
        for (i, field) in step.fields.iter().enumerate() {
            l.field(&format!("{path}.fields[{i}]"), field, None, &mut fields);
        }
    }
    if let Some(subject) = &f.subject {
        match form.loc(subject.as_str()) {
            None => l.push(
                "unknown-field",
                "subject",
                format!("{:?} is not a field of this form", subject.0),
                format!("{:?} không phải là trường của biểu mẫu này", subject.0),
            ),
            Some(loc)
                if loc.child.is_some()
                    || !matches!(
                        form.field_at(loc).kind,
                        FieldKind::Person(_) | FieldKind::Text(_)
                    ) =>
            {
                l.push(
                    "subject-kind",
                    "subject",
                    "the subject is a person or a one-line text, outside any repeating group",
                    "đối tượng của hồ sơ (`subject`) phải là một trường thông tin cá nhân hoặc văn bản một dòng, nằm ngoài mọi nhóm lặp",
                )
            }
            Some(_) => {}
        }
    }
    if let Some(place) = &f.place {
        match form.loc(place.as_str()) {
            None => l.push(
                "unknown-field",
                "place",
                format!("{:?} is not a field of this form", place.0),
                format!("{:?} không phải là trường của biểu mẫu này", place.0),
            ),
            Some(loc) => {
                let field = form.field_at(loc);
                let step = &f.steps[loc.step];
                let kind_ok = match &field.kind {
                    FieldKind::Address(_) => true,
                    FieldKind::Choice(c) => {
                        !c.options.is_empty()
                            && c.options.iter().all(|o| {
                                o.value
                                    .strip_prefix('p')
                                    .is_some_and(crate::admin_units::is_province_code)
                            })
                    }
                    _ => false,
                };
                if !kind_ok {
                    l.push(
                        "place-kind",
                        "place",
                        "the place is an address, or a choice of provinces valued p and the province code",
                        "địa bàn tiếp nhận (`place`) phải là câu hỏi địa chỉ, hoặc câu hỏi chọn tỉnh, thành phố có giá trị là chữ p kèm mã tỉnh",
                    );
                }
                if loc.child.is_some()
                    || !field.required
                    || field.shown_if.is_some()
                    || step.shown_if.is_some()
                {
                    l.push(
                        "place-not-always-asked",
                        "place",
                        "the place is a required question asked on every path, outside any group, so every dossier can be routed",
                        "địa bàn tiếp nhận (`place`) phải là câu hỏi bắt buộc, được hỏi trong mọi trường hợp và nằm ngoài mọi nhóm, để hồ sơ nào cũng được chuyển đến đúng nơi tiếp nhận",
                    );
                }
            }
        }
    }
    for (si, step) in f.steps.iter().enumerate() {
        for (fi, field) in step.fields.iter().enumerate() {
            let Some(copy) = &field.copy else { continue };
            let path = format!("steps[{si}].fields[{fi}].copy");
            match form.loc(copy.from.as_str()) {
                None => l.push(
                    "unknown-field",
                    &format!("{path}.from"),
                    format!("{:?} is not a field of this form", copy.from.0),
                    format!("{:?} không phải là trường của biểu mẫu này", copy.from.0),
                ),
                Some(loc) => {
                    let source = form.field_at(loc);
                    if loc.child.is_some() || loc.step >= si {
                        l.push(
                            "copy-order",
                            &format!("{path}.from"),
                            "an answer is copied from a question of an earlier step, outside any group",
                            "câu trả lời chỉ được sao chép từ một câu hỏi ở bước trước, nằm ngoài mọi nhóm",
                        );
                    }
                    if source.kind.tag() != field.kind.tag() {
                        l.push(
                            "copy-mismatch",
                            &format!("{path}.from"),
                            format!(
                                "a {} question cannot take the answer of a {} question",
                                field.kind.tag(),
                                source.kind.tag()
                            ),
                            format!(
                                "câu hỏi kiểu `{}` không thể nhận câu trả lời của câu hỏi kiểu `{}`",
                                field.kind.tag(),
                                source.kind.tag()
                            ),
                        );
                    }
                }
            }
            if let Some(c) = &copy.when {
                l.condition(&format!("{path}.when"), c, form.step_start(si), None);
            }
        }
    }
    let mut fee_ids = BTreeSet::new();
    l.in_fee_rules = true;
    for (i, item) in f.fees.iter().enumerate() {
        let path = format!("fees[{i}]");
        l.id(
            &format!("{path}.id"),
            &item.id,
            &mut fee_ids,
            ("fee", "dòng phí"),
        );
        l.text(&format!("{path}.label"), &item.label);
        if let Some(c) = &item.applies_if {
            l.condition(&format!("{path}.applies_if"), c, usize::MAX, None);
        }
        for (j, e) in item.exemptions.iter().enumerate() {
            l.condition(
                &format!("{path}.exemptions[{j}].when"),
                &e.when,
                usize::MAX,
                None,
            );
            l.text(&format!("{path}.exemptions[{j}].reason"), &e.reason);
        }
        if let (Some(from), Some(until)) = (item.from, item.until) {
            if from > until {
                l.push(
                    "fee-window",
                    &path,
                    format!("the amount is charged from {from} until {until}, which is never"),
                    format!("mức phí áp dụng từ {from} đến {until}, tức là không bao giờ áp dụng"),
                );
            }
        }
        if let Some(online) = item.online {
            if online > item.in_person {
                l.push(
                    "fee-online-higher",
                    &path,
                    "the online amount is higher than the in-person amount",
                    "mức phí nộp trực tuyến cao hơn mức phí nộp trực tiếp",
                );
            }
        }
        if let Some(per) = &item.per {
            match form.loc(per.as_str()) {
                None => l.push(
                    "unknown-field",
                    &format!("{path}.per"),
                    format!("{:?} is not a field of this form", per.0),
                    format!("{:?} không phải là trường của biểu mẫu này", per.0),
                ),
                Some(loc) if loc.child.is_some() => l.push(
                    "fee-per",
                    &format!("{path}.per"),
                    "a fee cannot count a field inside a repeating group",
                    "phí không thể tính theo một trường nằm trong nhóm lặp",
                ),
                Some(loc) => {
                    let k = &form.field_at(loc).kind;
                    let countable = match k {
                        FieldKind::Number(o) => o.decimals == 0,
                        FieldKind::Group(_) | FieldKind::MultipleChoice(_) => true,
                        _ => false,
                    };
                    if !countable {
                        l.push(
                            "fee-per",
                            &format!("{path}.per"),
                            format!("a fee counts units from a whole-number, multiple-choice or group field, not a {} field", k.tag()),
                            format!("phí chỉ tính theo số đơn vị lấy từ trường số nguyên, trường chọn nhiều hoặc trường nhóm, không tính theo trường kiểu `{}`", k.tag()),
                        );
                    }
                }
            }
        }
    }
    if !l.out.iter().any(|p| !p.is_warning()) {
        if let Some(gap) = reach::uncovered_fee_case(form) {
            let case: Vec<String> = gap
                .iter()
                .map(|(k, v)| format!("{k} = {}", describe(v)))
                .collect();
            let (case, case_vi) = if case.is_empty() {
                (
                    "nothing answered".to_string(),
                    "chưa có câu nào được trả lời".to_string(),
                )
            } else {
                (case.join(", "), case.join(", "))
            };
            l.push(
                "fee-gap",
                "fees",
                format!("no fee line applies when {case}: say what is charged then, or add a line that always applies"),
                format!("không có dòng phí nào áp dụng khi {case_vi}: hãy ghi rõ khi đó thu phí gì, hoặc thêm một dòng phí luôn áp dụng"),
            );
        }
    }
    l.out
}

/// An answer as staff would write it in a condition.
fn describe(a: &crate::form::Answer) -> String {
    use crate::form::Answer;
    match a {
        Answer::Choice(v) | Answer::Text(v) => format!("{v:?}"),
        Answer::YesNo(b) => b.to_string(),
        Answer::Choices(v) => format!("{v:?}"),
        _ => a.shape().to_string(),
    }
}
