//! The server's check of a submitted dossier: one call, [`validate`], given the service
//! and what was submitted. It accepts exactly what the shared form engine accepts: who may
//! apply (checked first, with the rule the service page applies before the form starts),
//! the answers validated by the engine the browser ran (stored as the engine returns them:
//! normalised, only shown questions, locked prefill from the identity, addresses against
//! the real administrative units), the files the validated answers name, the bundle's
//! procedures chosen by its answers, and the fee computed from those answers. The client
//! names no fee and no required document.
//!
//! Problems are collected, not stopped at, so the applicant can fix them all at once; each
//! names the question it is about (`answers.<path>`) and reads in the applicant's language.

use portal_core::form::submission::{attachment_ids, chosen_procedures};
use portal_core::form::{
    charge, AdminUnits, Answer, Answers, Charge, FieldError, IndexedForm, ValidationContext,
};
use portal_core::validators::Date;
use portal_core::Lang;
use std::collections::{BTreeSet, HashSet};

use portal_core::{Audience, SelectionError, Service, ServiceId, ServiceKind};
use serde_json::{Map, Value};

use super::store::PaymentStatus;
use crate::attachments::{limits, AttachmentRecord, FileType};
use crate::identity::Identity;

/// Largest answers object, serialised.
pub const MAX_ANSWERS_BYTES: usize = 256 * 1024;
/// Deepest nesting of the answers.
pub const MAX_ANSWERS_DEPTH: usize = 16;
/// Longest free-text note or reason.
pub const MAX_NOTE_CHARS: usize = 2000;

/// Whom the applicant files as: the shared [`Audience`] (`citizen` or `business`).
pub type ApplicantKind = Audience;

/// The body of `POST /api/v1/dossiers`, its answers read as raw JSON so that each
/// malformed answer is named rather than the whole body refused.
pub type Submission = portal_api::Submission<Value>;

pub use portal_api::Problem;

/// A problem worded in both languages, kept in `lang`.
fn said(path: impl Into<String>, code: &str, lang: Lang, vi: String, en: String) -> Problem {
    Problem::new(path, code, if lang == Lang::En { en } else { vi })
}

/// A submission that passed, reduced to what is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Valid {
    pub procedures: Vec<String>,
    pub fee_amount: Option<i64>,
    pub payment: PaymentStatus,
    pub attachments: Vec<String>,
    pub answers_json: String,
    /// Where it is filed, from the form's place question (`None` without one).
    pub place: Option<portal_core::form::Place>,
}

/// What validation needs besides the submission: the day, the applicant's language and
/// the real administrative units (absent only when the server runs without them).
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub today: Date,
    pub lang: Lang,
    pub units: Option<&'a dyn AdminUnits>,
}

/// Checks a submission. `service` is `None` when no service has the submitted id;
/// `found` holds the stored rows of the attachments the submission names (those that
/// exist, whoever owns them).
pub fn validate(
    service: Option<&Service>,
    applicant: &Identity,
    submission: &Submission,
    found: &[AttachmentRecord],
    cx: Context,
) -> Result<Valid, Vec<Problem>> {
    let lang = cx.lang;
    let Some(service) = service else {
        let id = truncate(&submission.service_id);
        return Err(vec![said(
            "service_id",
            "unknown_service",
            lang,
            format!("Không có dịch vụ nào có mã {id:?}"),
            format!("No service has the id {id:?}"),
        )]);
    };
    // Who may apply is decided before anything else: the answers of someone who may not
    // file this service are not worth judging.
    let applicant_problems = check_applicant(service, applicant, submission.applicant, lang);
    if !applicant_problems.is_empty() {
        return Err(applicant_problems);
    }
    let mut problems = Vec::new();
    let answers = check_answers(&submission.answers, lang, &mut problems);
    let mut listed = check_attachments(
        &submission.attachments,
        found,
        &applicant.subject,
        &[],
        "attachments",
        lang,
    );
    let Some(answers) = answers else {
        problems.append(&mut listed);
        return Err(problems);
    };
    let Some(form) = service.form.clone().map(IndexedForm::new) else {
        // A service without a form (test fixtures; the catalogue lint wants a form for
        // every published service): the answers are kept as a bounded object.
        problems.append(&mut listed);
        let procedures = check_procedures(
            service,
            submission.procedures.as_deref(),
            lang,
            &mut problems,
        );
        if !problems.is_empty() {
            return Err(problems);
        }
        let (fee_amount, payment) = payment_of(charge(&service.fees, None, cx.today));
        return Ok(Valid {
            procedures,
            fee_amount,
            payment,
            attachments: submission.attachments.clone(),
            answers_json: Value::Object(answers.clone()).to_string(),
            place: None,
        });
    };
    let Some(validated) = form_rules(&form, answers, applicant, found, cx, &mut problems) else {
        // Problems with listed files are reported at the question holding them.
        problems.extend(relocate(listed, submission, answers));
        return Err(problems);
    };
    problems.extend(relocate(listed, submission, answers));
    let named = attachment_ids(&validated);
    check_listed_match(&submission.attachments, &named, lang, &mut problems);
    let procedures = match chosen_procedures(&service.kind, &validated) {
        Some(chosen) => {
            let chosen: Vec<String> = chosen.into_iter().map(|p| p.0).collect();
            if let Some(sent) = &submission.procedures {
                let a: BTreeSet<&String> = sent.iter().filter(|p| **p != service.id.0).collect();
                let b: BTreeSet<&String> = chosen.iter().collect();
                if !a.iter().all(|p| b.contains(p) || is_required(service, p))
                    || !b.iter().all(|p| a.contains(p))
                {
                    problems.push(said(
                        "procedures",
                        "procedures_mismatch",
                        lang,
                        "Các thủ tục liên thông đã chọn không khớp với câu trả lời; hãy kiểm tra lại câu trả lời.".into(),
                        "The linked procedures listed do not match the answers; check your answers again.".into(),
                    ));
                }
            }
            check_procedures(service, Some(&chosen), lang, &mut problems)
        }
        None => check_procedures(
            service,
            submission.procedures.as_deref(),
            lang,
            &mut problems,
        ),
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let (fee_amount, payment) =
        payment_of(charge(&service.fees, Some((&form, &validated)), cx.today));
    Ok(Valid {
        procedures,
        fee_amount,
        payment,
        attachments: named,
        answers_json: serde_json::to_string(&validated).unwrap_or_default(),
        place: service.form.as_ref().and_then(|f| f.place_of(&validated)),
    })
}

fn is_required(service: &Service, id: &str) -> bool {
    match &service.kind {
        ServiceKind::Bundle {
            procedures,
            optional,
        } => procedures.iter().any(|p| p.0 == id) && !optional.iter().any(|o| o.id.0 == id),
        ServiceKind::Procedure => false,
    }
}

/// What the dossier records for a charge.
fn payment_of(c: Charge) -> (Option<i64>, PaymentStatus) {
    match c {
        Charge::Free => (Some(0), PaymentStatus::NotRequired),
        Charge::Due(n) => (
            Some(i64::try_from(n).unwrap_or(i64::MAX)),
            PaymentStatus::Unpaid,
        ),
        Charge::Assessed => (None, PaymentStatus::AwaitingAssessment),
    }
}

/// Every file answer in the answers, group items included.
fn files_mut(answers: &mut Answers, f: &mut impl FnMut(&mut portal_core::form::FileAnswer)) {
    for (_, answer) in answers.0.iter_mut() {
        match answer {
            Answer::Files(files) => files.iter_mut().for_each(&mut *f),
            Answer::Group(items) => items.iter_mut().for_each(|i| files_mut(i, f)),
            _ => {}
        }
    }
}

/// The shared form rules of the form engine (`portal_core::form`): the very code the
/// browser ran, re-run here on what was submitted. File answers are judged by what the
/// server stored (sniffed type and real size), never by what the client claims. Returns
/// the answers the engine accepted, as it returns them.
fn form_rules(
    form: &IndexedForm,
    answers: &Map<String, Value>,
    applicant: &Identity,
    found: &[AttachmentRecord],
    cx: Context,
    problems: &mut Vec<Problem>,
) -> Option<Answers> {
    let mut answers: Answers = match serde_json::from_value(Value::Object(answers.clone())) {
        Ok(a) => a,
        Err(e) => {
            let why = truncate(&e.to_string());
            problems.push(said(
                "answers",
                "answers_malformed",
                cx.lang,
                format!("Câu trả lời không đúng dạng của biểu mẫu: {why}"),
                format!("The answers do not have the shape of form answers: {why}"),
            ));
            return None;
        }
    };
    files_mut(&mut answers, &mut |f| {
        match found
            .iter()
            .find(|r| r.id == f.id && r.owner == applicant.subject)
        {
            Some(rec) => {
                f.mime = rec.media_type.clone();
                f.bytes = u64::try_from(rec.size).unwrap_or(0);
                f.name = rec.name.clone();
            }
            // Not an upload of this person's: judged as an empty, typeless file, which the
            // engine refuses, and reported again by the attachment checks.
            None => {
                f.mime.clear();
                f.bytes = 0;
            }
        }
    });
    let identity = applicant.prefill();
    let mut ctx = ValidationContext::new(cx.today).with_identity(&identity);
    if let Some(units) = cx.units {
        ctx = ctx.with_units(units);
    }
    match form.validate_submission(&answers, &ctx) {
        Ok(valid) => Some(valid),
        Err(errors) => {
            for e in errors {
                problems.push(Problem {
                    path: format!("answers.{}", e.path),
                    code: field_code(&e.error),
                    message: e.message(form, cx.lang),
                    error: Some(e.error),
                });
            }
            None
        }
    }
}

/// The engine's stable code for an error (its serialised tag, e.g. `required`).
pub fn field_code(e: &FieldError) -> String {
    e.code().to_string()
}

/// Problems found with `attachments[i]` are moved to the question whose answer holds
/// that file, so the browser can link to it.
fn relocate(
    problems: Vec<Problem>,
    submission: &Submission,
    answers: &Map<String, Value>,
) -> Vec<Problem> {
    let parsed: Option<Answers> = serde_json::from_value(Value::Object(answers.clone())).ok();
    problems
        .into_iter()
        .map(|mut p| {
            let index = p
                .path
                .strip_prefix("attachments[")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|i| i.parse::<usize>().ok());
            if let (Some(i), Some(a)) = (index, parsed.as_ref()) {
                if let Some(at) = submission
                    .attachments
                    .get(i)
                    .and_then(|id| path_of_file(a, id))
                {
                    p.path = format!("answers.{at}");
                }
            }
            p
        })
        .collect()
}

/// The path of the answer that holds file `id`.
fn path_of_file(answers: &Answers, id: &str) -> Option<String> {
    for (key, answer) in answers.iter() {
        match answer {
            Answer::Files(files) if files.iter().any(|f| f.id == id) => return Some(key.clone()),
            Answer::Group(items) => {
                for (i, item) in items.iter().enumerate() {
                    if let Some(child) = path_of_file(item, id) {
                        return Some(format!("{key}[{i}].{child}"));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// The files listed must be exactly those the accepted answers name: a file listed for a
/// question not shown, or an answer's file left off the list, is refused.
fn check_listed_match(
    listed: &[String],
    named: &[String],
    lang: Lang,
    problems: &mut Vec<Problem>,
) {
    for (i, id) in listed.iter().enumerate() {
        if !named.contains(id) {
            problems.push(said(
                format!("attachments[{i}]"),
                "attachment_not_in_answers",
                lang,
                "Tệp này không thuộc câu trả lời nào được nộp; hãy tải lên lại ở câu hỏi cần nó.".into(),
                "This file is not part of any answer being filed; upload it again at the question that asks for it.".into(),
            ));
        }
    }
    for id in named {
        if !listed.contains(id) {
            problems.push(said(
                "attachments",
                "attachment_not_listed",
                lang,
                format!(
                    "Tệp {:?} trong câu trả lời không có trong danh sách tệp nộp kèm",
                    truncate(id)
                ),
                format!(
                    "The file {:?} in the answers is not among the submitted attachments",
                    truncate(id)
                ),
            ));
        }
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(80).collect()
}

fn depth(v: &Value) -> usize {
    match v {
        Value::Object(m) => 1 + m.values().map(depth).max().unwrap_or(0),
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

fn check_answers<'a>(
    answers: &'a Value,
    lang: Lang,
    problems: &mut Vec<Problem>,
) -> Option<&'a Map<String, Value>> {
    let Value::Object(map) = answers else {
        problems.push(said(
            "answers",
            "answers_not_object",
            lang,
            "Câu trả lời phải là một đối tượng JSON từ mã câu hỏi đến giá trị".into(),
            "The answers must be a JSON object of field names to values".into(),
        ));
        return None;
    };
    if answers.to_string().len() > MAX_ANSWERS_BYTES {
        problems.push(said(
            "answers",
            "answers_too_large",
            lang,
            format!("Câu trả lời chỉ được dài tối đa {MAX_ANSWERS_BYTES} byte"),
            format!("The answers may be at most {MAX_ANSWERS_BYTES} bytes"),
        ));
        return None;
    }
    if depth(answers) > MAX_ANSWERS_DEPTH {
        problems.push(said(
            "answers",
            "answers_too_deep",
            lang,
            format!("Câu trả lời chỉ được lồng nhau tối đa {MAX_ANSWERS_DEPTH} cấp"),
            format!("The answers may nest at most {MAX_ANSWERS_DEPTH} levels"),
        ));
        return None;
    }
    Some(map)
}

/// Who files: the shared rule ([`Service::open_to`]), and a business only for someone
/// who represents one.
fn check_applicant(
    service: &Service,
    applicant: &Identity,
    kind: ApplicantKind,
    lang: Lang,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if kind == Audience::Business && applicant.business.is_none() {
        problems.push(said(
            "applicant",
            "not_a_business_representative",
            lang,
            "Tài khoản đang đăng nhập không đại diện cho tổ chức, doanh nghiệp nào".into(),
            "The signed-in account does not represent an organisation or business".into(),
        ));
    }
    if !service.open_to(kind) {
        problems.push(match kind {
            Audience::Citizen => said(
                "applicant",
                "applicant_not_allowed",
                lang,
                "Dịch vụ này chỉ dành cho tổ chức, doanh nghiệp: hãy đăng nhập bằng tài khoản định danh của tổ chức".into(),
                "This service is for organisations and businesses only: sign in with the organisation's e-ID account".into(),
            ),
            Audience::Business => said(
                "applicant",
                "applicant_not_allowed",
                lang,
                "Dịch vụ này chỉ dành cho công dân: hãy đăng nhập bằng tài khoản định danh cá nhân".into(),
                "This service is for citizens only: sign in with your personal e-ID account".into(),
            ),
        });
    }
    problems
}

fn check_procedures(
    service: &Service,
    chosen: Option<&[String]>,
    lang: Lang,
    problems: &mut Vec<Problem>,
) -> Vec<String> {
    let not_a_bundle = || {
        said(
            "procedures",
            "procedures_not_allowed",
            lang,
            "Chỉ hồ sơ liên thông mới chọn thủ tục kèm theo".into(),
            "Only a bundle links procedures".into(),
        )
    };
    if let ServiceKind::Procedure = service.kind {
        let own = vec![service.id.0.clone()];
        if chosen.is_some_and(|c| !c.is_empty() && c != own.as_slice()) {
            problems.push(not_a_bundle());
        }
        return own;
    }
    // The shared rule of the catalogue model, the one the form offers choices with.
    let chosen = chosen.unwrap_or_default();
    let ids: Vec<ServiceId> = chosen.iter().map(|p| ServiceId(p.clone())).collect();
    match service.kind.selection(&ids) {
        Ok(set) if set.is_empty() => {
            problems.push(said(
                "procedures",
                "no_procedures",
                lang,
                "Chọn ít nhất một thủ tục liên thông".into(),
                "Choose at least one linked procedure".into(),
            ));
            Vec::new()
        }
        // Stored in the bundle's order, whatever order they were sent in.
        Ok(set) => set.into_iter().map(|p| p.0).collect(),
        Err(SelectionError::NotInBundle(id)) => {
            let i = chosen.iter().position(|p| *p == id.0).unwrap_or(0);
            let id = truncate(&id.0);
            problems.push(said(
                format!("procedures[{i}]"),
                "unknown_procedure",
                lang,
                format!("{id:?} không phải là thủ tục của hồ sơ liên thông này"),
                format!("{id:?} is not a procedure of this bundle"),
            ));
            Vec::new()
        }
        Err(e @ SelectionError::MissingRequirement { .. }) => {
            problems.push(Problem::new(
                "procedures",
                "procedure_requirement_missing",
                e.to_string(),
            ));
            Vec::new()
        }
        Err(SelectionError::NotABundle) => {
            problems.push(not_a_bundle());
            Vec::new()
        }
    }
}

/// Checks the attachments `requested` for a dossier that already holds `already`.
/// `found` are the stored rows for the requested ids.
pub fn check_attachments(
    requested: &[String],
    found: &[AttachmentRecord],
    owner: &str,
    already: &[AttachmentRecord],
    path: &str,
    lang: Lang,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut bytes: i64 = already.iter().map(|a| a.size).sum();
    for (i, id) in requested.iter().enumerate() {
        let at = format!("{path}[{i}]");
        if !seen.insert(id.as_str()) {
            problems.push(said(
                at,
                "duplicate_attachment",
                lang,
                "Tệp này được nộp hai lần".into(),
                "This file is listed twice".into(),
            ));
            continue;
        }
        // Someone else's attachment is reported exactly like a missing one.
        let Some(a) = found.iter().find(|a| a.id == *id && a.owner == owner) else {
            problems.push(said(
                at,
                "attachment_not_found",
                lang,
                "Không tìm thấy tệp bạn đã tải lên; hãy tải lên lại".into(),
                "No uploaded file of yours has this id; upload it again".into(),
            ));
            continue;
        };
        if a.dossier_id.is_some() {
            problems.push(said(
                at,
                "attachment_in_use",
                lang,
                "Tệp này đã thuộc một hồ sơ đã nộp; hãy tải lên lại".into(),
                "This file is already part of a submitted dossier; upload it again".into(),
            ));
            continue;
        }
        if FileType::from_media_type(&a.media_type).is_none() {
            problems.push(said(
                at,
                "unsupported_file_type",
                lang,
                "Tệp phải là PDF, JPG hoặc PNG".into(),
                "The file must be a PDF, JPG or PNG".into(),
            ));
        }
        bytes += a.size;
    }
    if already.len() + seen.len() > limits::MAX_PER_DOSSIER {
        let n = limits::MAX_PER_DOSSIER;
        problems.push(said(
            path,
            "too_many_attachments",
            lang,
            format!("Một hồ sơ có tối đa {n} tệp"),
            format!("A dossier may hold at most {n} files"),
        ));
    }
    if bytes > limits::MAX_DOSSIER_BYTES as i64 {
        let mb = limits::MAX_DOSSIER_BYTES / (1024 * 1024);
        problems.push(said(
            path,
            "attachments_too_large",
            lang,
            format!("Tổng dung lượng các tệp của một hồ sơ tối đa {mb} MB"),
            format!("A dossier's files may total at most {mb} MB"),
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::Directory;
    use serde_json::json;

    // Built from JSON, as the catalogue files are, so that fields added to the model
    // later (with defaults) do not break these tests.
    fn service(kind: Value, fees: Value) -> Service {
        let t = json!({"vi": "x", "en": "x"});
        serde_json::from_value(json!({
            "id": "svc", "kind": kind, "name": t, "summary": t,
            "agency": {"name": t, "level": "commune"},
            "audiences": ["citizen"], "online_level": "full-process", "fees": fees,
            "processing_time": {"text": t, "confidence": "confirmed"},
            "documents": [{"name": t}], "legal_basis": [],
        }))
        .unwrap()
    }

    fn procedure() -> Value {
        json!({"kind": "procedure"})
    }

    fn free() -> Value {
        json!({"kind": "free", "confidence": "confirmed"})
    }

    fn rules(online: &[Option<u64>]) -> Value {
        let rules: Vec<Value> = online
            .iter()
            .map(
                |o| json!({"case": {"vi": "c", "en": "c"}, "online": o, "confidence": "confirmed"}),
            )
            .collect();
        json!({"kind": "rules", "rules": rules})
    }

    fn attachment(id: &str, owner: &str, size: i64) -> AttachmentRecord {
        AttachmentRecord {
            id: id.into(),
            owner: owner.into(),
            name: "a.pdf".into(),
            media_type: "application/pdf".into(),
            size,
            sha256: String::new(),
            created_at: 0,
            dossier_id: None,
            dossier_code: None,
            supplement: false,
            from_agency: false,
        }
    }

    fn submission(body: Value) -> Submission {
        serde_json::from_value(body).unwrap()
    }

    fn codes(r: Result<Valid, Vec<Problem>>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.code)
            .collect()
    }

    fn cx() -> Context<'static> {
        Context {
            today: Date::today_in_vietnam(1_751_302_800_000),
            lang: Lang::Vi,
            units: None,
        }
    }

    fn citizen() -> std::sync::Arc<Identity> {
        Directory::sandbox()
            .unwrap()
            .get("sandbox-citizen-an")
            .unwrap()
    }

    #[test]
    fn a_complete_submission_passes() {
        let s = service(procedure(), free());
        let who = citizen();
        let sub =
            submission(json!({"service_id": "svc", "answers": {"a": 1}, "attachments": ["att_1"]}));
        let found = [attachment("att_1", &who.subject, 10)];
        let v = validate(Some(&s), &who, &sub, &found, cx()).unwrap();
        assert_eq!(v.procedures, vec!["svc".to_string()]);
        assert_eq!(v.payment, PaymentStatus::NotRequired);
        assert_eq!(v.answers_json, r#"{"a":1}"#);
    }

    #[test]
    fn every_problem_is_reported() {
        let s = service(procedure(), free());
        let who = citizen();
        let mut taken = attachment("att_2", &who.subject, 10);
        taken.dossier_id = Some(1);
        let found = [attachment("att_other", "someone-else", 10), taken];
        let sub = submission(json!({
            "service_id": "svc", "answers": [1],
            "attachments": ["att_other", "att_2", "att_2", "att_missing"],
            "procedures": ["x"]
        }));
        let got = codes(validate(Some(&s), &who, &sub, &found, cx()));
        for expected in [
            "answers_not_object",
            "attachment_not_found",
            "attachment_in_use",
            "duplicate_attachment",
        ] {
            assert!(
                got.iter().any(|c| c == expected),
                "{expected} missing from {got:?}"
            );
        }
        assert_eq!(
            codes(validate(None, &who, &sub, &found, cx())),
            vec!["unknown_service"]
        );
        // Who may apply is judged first, and alone.
        let business =
            submission(json!({"service_id": "svc", "applicant": "business", "answers": {}}));
        assert_eq!(
            codes(validate(Some(&s), &who, &business, &[], cx())),
            vec!["not_a_business_representative", "applicant_not_allowed"]
        );
        // Nothing is required of a service without a form: no rule of the server's own.
        let empty = submission(json!({"service_id": "svc", "answers": {}}));
        assert!(validate(Some(&s), &who, &empty, &[], cx()).is_ok());
    }

    #[test]
    fn refusals_read_in_the_applicants_language() {
        let who = citizen();
        let sub = submission(json!({"service_id": "nope", "answers": {}}));
        let en = Context {
            lang: Lang::En,
            ..cx()
        };
        let vi = validate(None, &who, &sub, &[], cx()).unwrap_err();
        let en = validate(None, &who, &sub, &[], en).unwrap_err();
        assert!(vi[0].message.starts_with("Không có dịch vụ"), "{vi:?}");
        assert!(en[0].message.starts_with("No service"), "{en:?}");
    }

    #[test]
    fn answers_are_bounded() {
        let s = service(procedure(), free());
        let who = citizen();
        let found = [attachment("att_1", &who.subject, 10)];
        let big = "x".repeat(MAX_ANSWERS_BYTES);
        let sub = submission(
            json!({"service_id": "svc", "answers": {"a": big}, "attachments": ["att_1"]}),
        );
        assert_eq!(
            codes(validate(Some(&s), &who, &sub, &found, cx())),
            vec!["answers_too_large"]
        );
        let mut deep = json!(1);
        for _ in 0..20 {
            deep = json!({ "d": deep });
        }
        let sub =
            submission(json!({"service_id": "svc", "answers": deep, "attachments": ["att_1"]}));
        assert_eq!(
            codes(validate(Some(&s), &who, &sub, &found, cx())),
            vec!["answers_too_deep"]
        );
    }

    #[test]
    fn without_a_form_only_a_single_fixed_fee_is_charged() {
        let who = citizen();
        let sub = submission(json!({"service_id": "svc", "answers": {}}));
        let charged = |fees: Value| {
            let v = validate(Some(&service(procedure(), fees)), &who, &sub, &[], cx()).unwrap();
            (v.fee_amount, v.payment)
        };
        assert_eq!(
            charged(rules(&[Some(10_000)])),
            (Some(10_000), PaymentStatus::Unpaid)
        );
        assert_eq!(
            charged(rules(&[Some(200_000), Some(400_000)])),
            (None, PaymentStatus::AwaitingAssessment)
        );
        assert_eq!(charged(free()), (Some(0), PaymentStatus::NotRequired));
        // The client names no fee case: the field is not part of the contract.
        let forged: Result<Submission, _> =
            serde_json::from_value(json!({"service_id": "svc", "answers": {}, "fee_case": 0}));
        assert!(forged.is_err());
    }

    #[test]
    fn bundles_choose_their_linked_procedures() {
        let who = citizen();
        let found = [attachment("att_1", &who.subject, 10)];
        let kind = json!({
            "kind": "bundle", "procedures": ["a", "b", "c"],
            "optional": [{"id": "b"}, {"id": "c", "requires": ["b"]}]
        });
        let s = service(kind, free());
        let sub = |p: Value| {
            submission(
                json!({"service_id": "svc", "answers": {}, "attachments": ["att_1"], "procedures": p}),
            )
        };
        let chosen =
            |p: Value| validate(Some(&s), &who, &sub(p), &found, cx()).map(|v| v.procedures);
        assert_eq!(
            chosen(json!(null)).unwrap(),
            vec!["a"],
            "the required ones only"
        );
        assert_eq!(
            chosen(json!(["c", "b"])).unwrap(),
            vec!["a", "b", "c"],
            "in the bundle's order"
        );
        assert_eq!(chosen(json!(["a", "b"])).unwrap(), vec!["a", "b"]);
        assert_eq!(
            codes(validate(Some(&s), &who, &sub(json!(["c"])), &found, cx())),
            vec!["procedure_requirement_missing"]
        );
        assert_eq!(
            codes(validate(
                Some(&s),
                &who,
                &sub(json!(["b", "z"])),
                &found,
                cx()
            )),
            vec!["unknown_procedure"]
        );
        let all_optional = service(
            json!({"kind": "bundle", "procedures": ["a", "b"], "optional": [{"id": "a"}, {"id": "b"}]}),
            free(),
        );
        assert_eq!(
            codes(validate(
                Some(&all_optional),
                &who,
                &sub(json!([])),
                &found,
                cx()
            )),
            vec!["no_procedures"]
        );
    }

    #[test]
    fn dossier_limits_count_what_is_already_there() {
        let already: Vec<_> = (0..limits::MAX_PER_DOSSIER)
            .map(|i| attachment(&format!("old{i}"), "me", 1))
            .collect();
        let found = [attachment("new", "me", 1)];
        let got = check_attachments(
            &["new".into()],
            &found,
            "me",
            &already,
            "attachments",
            Lang::Vi,
        );
        assert_eq!(got[0].code, "too_many_attachments");
        let big = [attachment("big", "me", limits::MAX_DOSSIER_BYTES as i64)];
        let got = check_attachments(
            &["big".into()],
            &big,
            "me",
            &already[..1],
            "attachments",
            Lang::Vi,
        );
        assert_eq!(got[0].code, "attachments_too_large");
    }
}
