//! Validation of one field, one step (on Continue, GOV.UK: never on blur) or a whole
//! submission (on the server, with the same code). Hidden questions are not validated
//! and their answers are not submitted. A valid answer comes back normalised: the phone
//! in national form, the tax code with its hyphen, the date as `dd/mm/yyyy`.

use crate::case;
use crate::form::answers::{AddressAnswer, Answer, Answers, FileAnswer, PersonAnswer};
use crate::form::context::ValidationContext;
use crate::form::error::{Ask, FieldError, ValidationError};
use crate::form::index::{IndexedForm, Loc};
use crate::form::path::{FieldPath, Part};
use crate::form::schema::{
    AddressOptions, AttachmentOptions, ChoiceOption, Field, FieldKind, GroupOptions, PersonOptions,
    Presence, LONG_TEXT_MAX, TEXT_MAX,
};
use crate::form::visibility::Scope;
use crate::validators::file::check_file;
use crate::validators::{
    check_date, check_holder, check_number, check_text, parse_date, parse_email, parse_personal_id,
    parse_phone, parse_tax_code, Date, DateLimits, Holder, NumberLimits, TextLimits,
};

/// Longest name in a person block.
pub const NAME_MAX: u32 = 100;
/// Longest house number and street.
pub const STREET_MAX: u32 = 200;
/// Earliest date of birth accepted in a person block.
pub const EARLIEST_BIRTH: (i32, u8, u8) = (1900, 1, 1);

type Outcome = Result<Option<Answer>, Vec<ValidationError>>;

impl IndexedForm {
    /// Validates one top-level question. `Ok(None)`: hidden, or optional and blank.
    pub fn validate_field(
        &self,
        answers: &Answers,
        field_id: &str,
        ctx: &ValidationContext,
    ) -> Result<Option<Answer>, Vec<ValidationError>> {
        let Some(loc) = self.loc(field_id).filter(|l| l.child.is_none()) else {
            return Ok(None);
        };
        let mut scope = Scope::new(self, answers);
        if !scope.visible(loc) {
            return Ok(None);
        }
        self.check_top(&mut scope, loc, answers, ctx)
    }

    /// Validates the shown questions of one step, in order, for the error summary.
    pub fn validate_step(
        &self,
        answers: &Answers,
        step_id: &str,
        ctx: &ValidationContext,
    ) -> Vec<ValidationError> {
        let Some(s) = self.step_index(step_id) else {
            return Vec::new();
        };
        let mut scope = Scope::new(self, answers);
        let mut errors = Vec::new();
        if !scope.step_visible(s) {
            return errors;
        }
        for field in &self.form().steps[s].fields {
            let Some(loc) = self.loc(field.id.as_str()) else {
                continue;
            };
            if scope.visible(loc) {
                if let Err(mut e) = self.check_top(&mut scope, loc, answers, ctx) {
                    errors.append(&mut e);
                }
            }
        }
        errors
    }

    /// Validates everything that will be submitted and returns the answers to submit:
    /// only shown questions, normalised, locked prefill taken from the identity.
    pub fn validate_submission(
        &self,
        answers: &Answers,
        ctx: &ValidationContext,
    ) -> Result<Answers, Vec<ValidationError>> {
        let mut scope = Scope::new(self, answers);
        let mut errors = Vec::new();
        let mut out = Answers::new();
        for step in &self.form().steps {
            for field in &step.fields {
                let Some(loc) = self.loc(field.id.as_str()) else {
                    continue;
                };
                if !scope.visible(loc) {
                    continue;
                }
                match self.check_top(&mut scope, loc, answers, ctx) {
                    Ok(Some(a)) => {
                        out.set(field.id.0.clone(), a);
                    }
                    Ok(None) => {}
                    Err(mut e) => errors.append(&mut e),
                }
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }

    fn check_top<'a>(
        &'a self,
        scope: &mut Scope<'a>,
        loc: Loc,
        answers: &'a Answers,
        ctx: &ValidationContext,
    ) -> Outcome {
        let field = self.field_at(loc);
        let path = FieldPath::field(field.id.as_str());
        let given = answers.get(field.id.as_str());
        let locked = field
            .prefill
            .as_ref()
            .filter(|p| !p.editable)
            .and_then(|p| ctx.identity.and_then(|id| id.answer(p.source)));
        if let Some(source) = locked {
            return check_locked(field, given, &source, &path, ctx);
        }
        match (&field.kind, given) {
            (FieldKind::Group(g), Some(Answer::Group(items))) => {
                self.check_group(scope, loc, field, g, items, ctx)
            }
            _ => check(field, given, &path, ctx),
        }
    }

    fn check_group<'a>(
        &'a self,
        scope: &mut Scope<'a>,
        loc: Loc,
        field: &Field,
        g: &GroupOptions,
        items: &'a [Answers],
        ctx: &ValidationContext,
    ) -> Outcome {
        let path = FieldPath::field(field.id.as_str());
        let count = u32::try_from(items.len()).unwrap_or(u32::MAX);
        if count == 0 {
            return required_or_none(field, &path, Ask::Enter);
        }
        if count < g.min {
            return Err(vec![ValidationError::new(
                path,
                FieldError::TooFewItems { min: g.min },
            )]);
        }
        if count > g.max {
            return Err(vec![ValidationError::new(
                path,
                FieldError::TooManyItems { max: g.max },
            )]);
        }
        let mut errors = Vec::new();
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            scope.enter_item(loc, item);
            let mut kept = Answers::new();
            for member in &g.fields {
                let Some(mloc) = self.loc(member.id.as_str()) else {
                    continue;
                };
                if !scope.visible(mloc) {
                    continue;
                }
                let mpath = FieldPath::item(field.id.as_str(), i, member.id.as_str());
                match check(member, item.get(member.id.as_str()), &mpath, ctx) {
                    Ok(Some(a)) => {
                        kept.set(member.id.0.clone(), a);
                    }
                    Ok(None) => {}
                    Err(mut e) => errors.append(&mut e),
                }
            }
            out.push(kept);
        }
        errors.extend(duplicate_people(field, g, &out));
        if errors.is_empty() {
            Ok(Some(Answer::Group(out)))
        } else {
            Err(errors)
        }
    }
}

/// The same person in two items of a group, found by the person questions of its items:
/// the same personal ID number, or, without one, the same name and date of birth. Each
/// repeat is refused at its own item, naming the first.
fn duplicate_people(field: &Field, g: &GroupOptions, items: &[Answers]) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    for member in g
        .fields
        .iter()
        .filter(|m| matches!(m.kind, FieldKind::Person(_)))
    {
        let mut seen: Vec<(String, usize)> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Some(Answer::Person(p)) = item.get(member.id.as_str()) else {
                continue;
            };
            let id = p.id_number.trim();
            let key = if !id.is_empty() {
                format!("id:{id}")
            } else if !p.full_name.trim().is_empty() {
                format!(
                    "name:{}|{}",
                    case::lowercase(p.full_name.trim()),
                    p.birth_date.trim()
                )
            } else {
                continue;
            };
            match seen.iter().find(|(k, _)| *k == key) {
                Some((_, first)) => errors.push(ValidationError::new(
                    FieldPath::item(field.id.as_str(), i, member.id.as_str()),
                    FieldError::DuplicatePerson {
                        first: u32::try_from(first + 1).unwrap_or(u32::MAX),
                    },
                )),
                None => seen.push((key, i)),
            }
        }
    }
    errors
}

/// The verb of the "required" message for a question type.
pub fn ask_for(kind: &FieldKind) -> Ask {
    match kind {
        FieldKind::Choice(_) | FieldKind::MultipleChoice(_) | FieldKind::Address(_) => Ask::Select,
        FieldKind::YesNo => Ask::YesOrNo,
        FieldKind::Attachment(_) => Ask::Upload,
        FieldKind::Declaration => Ask::Confirm,
        _ => Ask::Enter,
    }
}

fn one(path: &FieldPath, error: FieldError) -> Vec<ValidationError> {
    vec![ValidationError::new(path.clone(), error)]
}

fn required_or_none(field: &Field, path: &FieldPath, ask: Ask) -> Outcome {
    if !field.required {
        return Ok(None);
    }
    Err(match &field.kind {
        FieldKind::Group(g) => one(path, FieldError::TooFewItems { min: g.min.max(1) }),
        _ => one(path, FieldError::Required { ask }),
    })
}

/// Validates one answer against its question (groups excepted: see `check_group`).
fn check(
    field: &Field,
    given: Option<&Answer>,
    path: &FieldPath,
    ctx: &ValidationContext,
) -> Outcome {
    let kind = &field.kind;
    let answered = given.is_some_and(Answer::is_answered);
    // Blank composite blocks are reported part by part, so each input gets its message.
    let blank_composite = matches!(kind, FieldKind::Person(_) | FieldKind::Address(_));
    let report_parts = blank_composite && field.required;
    if !answered && !report_parts {
        return required_or_none(field, path, ask_for(kind));
    }
    let err = |e: FieldError| Err(one(path, e));
    let text = |a| as_text(a, path);
    let typed = |r: Result<String, FieldError>| match r {
        Ok(s) => Ok(Some(Answer::Text(s))),
        Err(e) => err(e),
    };
    let today = Some(ctx.today);
    match kind {
        FieldKind::Text(o) | FieldKind::LongText(o) => {
            let multiline = matches!(kind, FieldKind::LongText(_));
            let default_max = if multiline { LONG_TEXT_MAX } else { TEXT_MAX };
            let limits = TextLimits {
                min_length: o.min_length,
                max_length: o.max_length.unwrap_or(default_max),
                multiline,
            };
            typed(check_text(text(given)?, &limits))
        }
        FieldKind::Number(o) => {
            let limits = NumberLimits {
                min: o.min,
                max: o.max,
                decimals: o.decimals,
            };
            typed(check_number(text(given)?, &limits).map(|n| n.canonical()))
        }
        FieldKind::Date(o) => {
            let limits = DateLimits {
                min: o.min,
                max: o.max,
                not_future: o.not_future,
                not_past: o.not_past,
            };
            typed(
                parse_date(text(given)?)
                    .and_then(|d| check_date(d, &limits, today).map(|_| d.to_string())),
            )
        }
        FieldKind::Email => typed(parse_email(text(given)?)),
        FieldKind::Phone(o) => {
            typed(parse_phone(text(given)?, o.mobile_only).map(|p| p.national().to_string()))
        }
        FieldKind::PersonalId => {
            typed(parse_personal_id(text(given)?, today).map(|p| p.as_str().to_string()))
        }
        FieldKind::TaxCode(o) => {
            typed(parse_tax_code(text(given)?, o.allow_personal_id, today).map(|t| t.canonical()))
        }
        FieldKind::Choice(o) => match given {
            Some(Answer::Choice(v)) if has_option(&o.options, v) => {
                Ok(Some(Answer::Choice(v.clone())))
            }
            Some(Answer::Choice(_)) => err(FieldError::ChoiceUnknown),
            _ => err(FieldError::WrongAnswerType),
        },
        FieldKind::MultipleChoice(o) => {
            let Some(Answer::Choices(vs)) = given else {
                return err(FieldError::WrongAnswerType);
            };
            // Kept in the order the options are listed, once each.
            let chosen: Vec<String> = o
                .options
                .iter()
                .filter(|opt| vs.contains(&opt.value))
                .map(|opt| opt.value.clone())
                .collect();
            if vs.iter().any(|v| !has_option(&o.options, v)) {
                return err(FieldError::ChoiceUnknown);
            }
            let n = u32::try_from(chosen.len()).unwrap_or(u32::MAX);
            if n < o.min_selected {
                return err(FieldError::TooFewSelected {
                    min: o.min_selected,
                });
            }
            if let Some(max) = o.max_selected.filter(|m| n > *m) {
                return err(FieldError::TooManySelected { max });
            }
            Ok(Some(Answer::Choices(chosen)))
        }
        FieldKind::YesNo => match given {
            Some(Answer::YesNo(b)) => Ok(Some(Answer::YesNo(*b))),
            _ => err(FieldError::WrongAnswerType),
        },
        FieldKind::Declaration => match given {
            Some(Answer::YesNo(true)) => Ok(Some(Answer::YesNo(true))),
            Some(Answer::YesNo(false)) if field.required => {
                err(FieldError::Required { ask: Ask::Confirm })
            }
            Some(Answer::YesNo(false)) => Ok(None),
            _ => err(FieldError::WrongAnswerType),
        },
        FieldKind::Address(o) => match given {
            Some(Answer::Address(a)) => check_address(a, o, path, ctx),
            None => check_address(&AddressAnswer::default(), o, path, ctx),
            _ => err(FieldError::WrongAnswerType),
        },
        FieldKind::Person(o) => match given {
            Some(Answer::Person(p)) => check_person(p, o, path, ctx),
            None => check_person(&PersonAnswer::default(), o, path, ctx),
            _ => err(FieldError::WrongAnswerType),
        },
        FieldKind::Attachment(o) => match given {
            Some(Answer::Files(files)) => check_files(files, o, path),
            _ => err(FieldError::WrongAnswerType),
        },
        // A group reaches here only with an answer of the wrong shape.
        FieldKind::Group(_) => err(FieldError::WrongAnswerType),
    }
}

fn as_text<'a>(a: Option<&'a Answer>, path: &FieldPath) -> Result<&'a str, Vec<ValidationError>> {
    match a {
        Some(Answer::Text(s)) => Ok(s.as_str()),
        _ => Err(one(path, FieldError::WrongAnswerType)),
    }
}

fn has_option(options: &[ChoiceOption], value: &str) -> bool {
    options.iter().any(|o| o.value == value)
}

fn check_files(files: &[FileAnswer], o: &AttachmentOptions, path: &FieldPath) -> Outcome {
    let n = u32::try_from(files.len()).unwrap_or(u32::MAX);
    if n > o.max_files {
        return Err(one(path, FieldError::TooManyFiles { max: o.max_files }));
    }
    for f in files {
        if let Err(e) = check_file(&f.name, &f.mime, f.bytes, &o.accept, o.max_bytes) {
            return Err(one(path, e));
        }
    }
    Ok(Some(Answer::Files(files.to_vec())))
}

/// Collects part errors while normalising a composite answer.
struct Parts<'p> {
    path: &'p FieldPath,
    errors: Vec<ValidationError>,
}

impl Parts<'_> {
    fn fail(&mut self, part: Part, error: FieldError) {
        self.errors.push(ValidationError::new(
            self.path.clone().with_part(part),
            error,
        ));
    }

    /// A required part left blank gets `Required`; an optional blank part is fine.
    fn blank(&mut self, part: Part, presence: Presence, ask: Ask) {
        if presence == Presence::Required {
            self.fail(part, FieldError::Required { ask });
        }
    }
}

fn check_address(
    a: &AddressAnswer,
    o: &AddressOptions,
    path: &FieldPath,
    ctx: &ValidationContext,
) -> Outcome {
    let mut parts = Parts {
        path,
        errors: Vec::new(),
    };
    let province = a.province.trim();
    let commune = a.commune.trim();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let province_ok = if province.is_empty() {
        parts.blank(Part::Province, Presence::Required, Ask::Select);
        false
    } else if !digits(province, 2) || ctx.units.is_some_and(|u| !u.has_province(province)) {
        parts.fail(Part::Province, FieldError::ProvinceUnknown);
        false
    } else {
        true
    };
    if commune.is_empty() {
        parts.blank(Part::Commune, Presence::Required, Ask::Select);
    } else if !digits(commune, 5)
        || (province_ok && ctx.units.is_some_and(|u| !u.has_commune(province, commune)))
    {
        parts.fail(Part::Commune, FieldError::CommuneUnknown);
    }
    let mut street = String::new();
    if o.street != Presence::Omitted {
        let limits = TextLimits {
            min_length: 0,
            max_length: STREET_MAX,
            multiline: false,
        };
        match check_text(&a.street, &limits) {
            Ok(s) if s.is_empty() => parts.blank(Part::Street, o.street, Ask::Enter),
            Ok(s) => street = s,
            Err(e) => parts.fail(Part::Street, e),
        }
    }
    if !parts.errors.is_empty() {
        return Err(parts.errors);
    }
    Ok(Some(Answer::Address(AddressAnswer {
        province: province.to_string(),
        commune: commune.to_string(),
        street,
    })))
}

fn check_person(
    p: &PersonAnswer,
    o: &PersonOptions,
    path: &FieldPath,
    ctx: &ValidationContext,
) -> Outcome {
    let mut parts = Parts {
        path,
        errors: Vec::new(),
    };
    let mut out = PersonAnswer::default();
    let name_limits = TextLimits {
        min_length: 0,
        max_length: NAME_MAX,
        multiline: false,
    };
    match check_text(&p.full_name, &name_limits) {
        Ok(s) if s.is_empty() => parts.blank(Part::FullName, Presence::Required, Ask::Enter),
        Ok(s) => out.full_name = s,
        Err(e) => parts.fail(Part::FullName, e),
    }
    let mut birth: Option<Date> = None;
    if o.birth_date != Presence::Omitted {
        let limits = DateLimits {
            min: Date::new(EARLIEST_BIRTH.0, EARLIEST_BIRTH.1, EARLIEST_BIRTH.2),
            not_future: true,
            ..DateLimits::default()
        };
        if p.birth_date.trim().is_empty() {
            parts.blank(Part::BirthDate, o.birth_date, Ask::Enter);
        } else {
            match parse_date(&p.birth_date)
                .and_then(|d| check_date(d, &limits, Some(ctx.today)).map(|_| d))
            {
                Ok(d) => {
                    birth = Some(d);
                    out.birth_date = d.to_string();
                }
                Err(e) => parts.fail(Part::BirthDate, e),
            }
        }
    }
    if o.sex != Presence::Omitted {
        match p.sex {
            Some(s) => out.sex = Some(s),
            None => parts.blank(Part::Sex, o.sex, Ask::Select),
        }
    }
    if o.id_number != Presence::Omitted {
        if p.id_number.trim().is_empty() {
            parts.blank(Part::IdNumber, o.id_number, Ask::Enter);
        } else {
            let holder = Holder {
                birth_year: birth.map(Date::year),
                sex: out.sex,
            };
            match parse_personal_id(&p.id_number, Some(ctx.today))
                .and_then(|id| check_holder(&id, holder).map(|_| id))
            {
                Ok(id) => out.id_number = id.as_str().to_string(),
                Err(e) => parts.fail(Part::IdNumber, e),
            }
        }
    }
    if !parts.errors.is_empty() {
        return Err(parts.errors);
    }
    Ok(Some(Answer::Person(out)))
}

/// A question prefilled from the identity and locked: the identity's value is the
/// answer; a different answer (a tampered request) is refused.
fn check_locked(
    field: &Field,
    given: Option<&Answer>,
    source: &Answer,
    path: &FieldPath,
    ctx: &ValidationContext,
) -> Outcome {
    let given = given.filter(|a| a.is_answered());
    if let Answer::Person(s) = source {
        return match given {
            Some(Answer::Person(g)) => check_locked_person(field, g, s, path, ctx),
            None => check_locked_person(field, &PersonAnswer::default(), s, path, ctx),
            Some(_) => Err(one(path, FieldError::WrongAnswerType)),
        };
    }
    let from_identity = check(field, Some(source), path, ctx)?;
    let Some(given) = given else {
        return Ok(from_identity);
    };
    let normalised = check(field, Some(given), path, ctx).ok().flatten();
    if normalised == from_identity {
        Ok(from_identity)
    } else {
        Err(one(path, FieldError::PrefillChanged))
    }
}

/// A locked person block: the parts the identity holds are locked, the others (say, a
/// missing sex) are the citizen's to give.
fn check_locked_person(
    field: &Field,
    given: &PersonAnswer,
    source: &PersonAnswer,
    path: &FieldPath,
    ctx: &ValidationContext,
) -> Outcome {
    let mut merged = given.clone();
    let mut changed = Vec::new();
    let same_date = |a: &str, b: &str| match (parse_date(a), parse_date(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a.trim() == b.trim(),
    };
    let compact = crate::validators::clean::compact_code;
    if !source.full_name.trim().is_empty() {
        if !given.full_name.trim().is_empty() && given.full_name.trim() != source.full_name.trim() {
            changed.push(Part::FullName);
        }
        merged.full_name = source.full_name.clone();
    }
    if !source.birth_date.trim().is_empty() {
        if !given.birth_date.trim().is_empty() && !same_date(&given.birth_date, &source.birth_date)
        {
            changed.push(Part::BirthDate);
        }
        merged.birth_date = source.birth_date.clone();
    }
    if let Some(sex) = source.sex {
        if given.sex.is_some_and(|g| g != sex) {
            changed.push(Part::Sex);
        }
        merged.sex = Some(sex);
    }
    if !source.id_number.trim().is_empty() {
        if !given.id_number.trim().is_empty()
            && compact(&given.id_number) != compact(&source.id_number)
        {
            changed.push(Part::IdNumber);
        }
        merged.id_number = source.id_number.clone();
    }
    if !changed.is_empty() {
        return Err(changed
            .into_iter()
            .map(|p| ValidationError::new(path.clone().with_part(p), FieldError::PrefillChanged))
            .collect());
    }
    check(field, Some(&Answer::Person(merged)), path, ctx)
}
