//! The server's check of a submitted dossier: one call, [`validate`], given the service
//! and what was submitted. It re-checks everything the server can judge by itself (the
//! service exists and is open to this applicant, the linked procedures chosen make a
//! valid selection of the bundle (the shared rule), the fee case exists, the answers are a bounded JSON object, and every
//! attachment exists, is the applicant's, is not in another dossier and keeps to the
//! limits), then hands the answers to the shared form rules ([`form_rules`]).
//!
//! Problems are collected, not stopped at, so the applicant can fix them all at once.

use portal_core::form::{Answer, Answers, IndexedForm, ValidationContext};
use portal_core::validators::Date;
use portal_core::Lang;
use std::collections::HashSet;

use portal_core::{Audience, Fees, SelectionError, Service, ServiceId, ServiceKind};
use serde::{Deserialize, Serialize};
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

/// Whom the applicant files as.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ApplicantKind {
    #[default]
    Citizen,
    /// On behalf of the organisation the signed-in person represents.
    Business,
}

impl ApplicantKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicantKind::Citizen => "citizen",
            ApplicantKind::Business => "business",
        }
    }
}

/// The body of `POST /api/v1/dossiers`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    pub service_id: String,
    #[serde(default)]
    pub applicant: ApplicantKind,
    pub answers: Value,
    #[serde(default)]
    pub attachments: Vec<String>,
    /// For a bundle: the optional linked procedures chosen (required ones are always
    /// filed; listing them too is allowed).
    #[serde(default)]
    pub procedures: Option<Vec<String>>,
    /// Which of the service's fee rules applies (index), when it has several.
    #[serde(default)]
    pub fee_case: Option<usize>,
}

/// One thing wrong with a submission, located by a path into the request body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub code: &'static str,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            code,
            message: message.into(),
        }
    }
}

/// A submission that passed, reduced to what is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Valid {
    pub procedures: Vec<String>,
    pub fee_amount: Option<i64>,
    pub payment: PaymentStatus,
    pub attachments: Vec<String>,
    pub answers_json: String,
}

/// Checks a submission. `service` is `None` when no service has the submitted id;
/// `found` holds the stored rows of the attachments the submission names (those that
/// exist, whoever owns them).
pub fn validate(
    service: Option<&Service>,
    applicant: &Identity,
    submission: &Submission,
    found: &[AttachmentRecord],
) -> Result<Valid, Vec<Problem>> {
    let mut problems = Vec::new();
    let Some(service) = service else {
        return Err(vec![Problem::new(
            "service_id",
            "unknown_service",
            format!(
                "no service has the id {:?}",
                truncate(&submission.service_id)
            ),
        )]);
    };
    let answers = check_answers(&submission.answers, &mut problems);
    check_applicant(service, applicant, submission.applicant, &mut problems);
    let procedures = check_procedures(service, submission.procedures.as_deref(), &mut problems);
    let fee = check_fee(&service.fees, submission.fee_case, &mut problems);
    problems.extend(check_attachments(
        &submission.attachments,
        found,
        &applicant.subject,
        &[],
        "attachments",
    ));
    let needs_upload = service.documents.iter().any(|d| d.required && !d.in_vneid);
    if needs_upload && submission.attachments.is_empty() {
        problems.push(Problem::new(
            "attachments",
            "attachments_required",
            "this service needs at least one uploaded document",
        ));
    }
    if let Some(answers) = answers {
        problems.extend(form_rules(
            service,
            answers,
            applicant,
            &submission.attachments,
            found,
        ));
    }
    match (problems.is_empty(), fee) {
        (true, Some((fee_amount, payment))) => Ok(Valid {
            procedures,
            fee_amount,
            payment,
            attachments: submission.attachments.clone(),
            answers_json: submission.answers.to_string(),
        }),
        _ => Err(problems),
    }
}

/// The shared form rules of the form engine (`portal_core::form`): the very code the
/// browser ran, re-run here on what was submitted. File answers are judged by what the
/// server stored (sniffed type and real size), never by what the client claims, and each
/// must be one of the submission's listed attachments.
fn form_rules(
    service: &Service,
    answers: &Map<String, Value>,
    applicant: &Identity,
    listed: &[String],
    found: &[AttachmentRecord],
) -> Vec<Problem> {
    let Some(form) = service.form.clone() else {
        return Vec::new();
    };
    let mut answers: Answers = match serde_json::from_value(Value::Object(answers.clone())) {
        Ok(a) => a,
        Err(e) => {
            return vec![Problem::new(
                "answers",
                "answers_malformed",
                format!(
                    "the answers do not have the shape of form answers: {}",
                    truncate(&e.to_string())
                ),
            )]
        }
    };
    let mut problems = Vec::new();
    for (id, answer) in answers.0.iter_mut() {
        let Answer::Files(files) = answer else {
            continue;
        };
        for f in files.iter_mut() {
            if !listed.iter().any(|l| l == &f.id) {
                problems.push(Problem::new(
                    format!("answers.{id}"),
                    "attachment_not_listed",
                    format!(
                        "the file {:?} is not among the submitted attachments",
                        truncate(&f.id)
                    ),
                ));
            }
            if let Some(rec) = found.iter().find(|r| r.id == f.id) {
                f.mime = rec.media_type.clone();
                f.bytes = u64::try_from(rec.size).unwrap_or(0);
                f.name = rec.name.clone();
            }
        }
    }
    let form = IndexedForm::new(form);
    let identity = applicant.prefill();
    let today = Date::in_vietnam_at(crate::clock::now() * 1000)
        .unwrap_or_else(portal_core::form::examples::today);
    let ctx = ValidationContext::new(today).with_identity(&identity);
    if let Err(errors) = form.validate_submission(&answers, &ctx) {
        for e in errors {
            problems.push(Problem::new(
                format!("answers.{}", e.path),
                "invalid_answer",
                e.message(&form, Lang::Vi),
            ));
        }
    }
    problems
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
    problems: &mut Vec<Problem>,
) -> Option<&'a Map<String, Value>> {
    let Value::Object(map) = answers else {
        problems.push(Problem::new(
            "answers",
            "answers_not_object",
            "the answers must be a JSON object of field names to values",
        ));
        return None;
    };
    if answers.to_string().len() > MAX_ANSWERS_BYTES {
        problems.push(Problem::new(
            "answers",
            "answers_too_large",
            format!("the answers may be at most {MAX_ANSWERS_BYTES} bytes"),
        ));
        return None;
    }
    if depth(answers) > MAX_ANSWERS_DEPTH {
        problems.push(Problem::new(
            "answers",
            "answers_too_deep",
            format!("the answers may nest at most {MAX_ANSWERS_DEPTH} levels"),
        ));
        return None;
    }
    Some(map)
}

fn check_applicant(
    service: &Service,
    applicant: &Identity,
    kind: ApplicantKind,
    problems: &mut Vec<Problem>,
) {
    let audience = match kind {
        ApplicantKind::Citizen => Audience::Citizen,
        ApplicantKind::Business => Audience::Business,
    };
    if kind == ApplicantKind::Business && applicant.business.is_none() {
        problems.push(Problem::new(
            "applicant",
            "not_a_business_representative",
            "the signed-in person does not represent a business",
        ));
    }
    if !service.audiences.contains(&audience) {
        problems.push(Problem::new(
            "applicant",
            "applicant_not_allowed",
            format!("this service is not open to a {} applicant", kind.as_str()),
        ));
    }
}

fn check_procedures(
    service: &Service,
    chosen: Option<&[String]>,
    problems: &mut Vec<Problem>,
) -> Vec<String> {
    if let ServiceKind::Procedure = service.kind {
        let own = vec![service.id.0.clone()];
        if chosen.is_some_and(|c| !c.is_empty() && c != own.as_slice()) {
            problems.push(Problem::new(
                "procedures",
                "procedures_not_allowed",
                "only a bundle links procedures",
            ));
        }
        return own;
    }
    // The shared rule of the catalogue model, the one the form offers choices with.
    let chosen = chosen.unwrap_or_default();
    let ids: Vec<ServiceId> = chosen.iter().map(|p| ServiceId(p.clone())).collect();
    match service.kind.selection(&ids) {
        Ok(set) if set.is_empty() => {
            problems.push(Problem::new(
                "procedures",
                "no_procedures",
                "choose at least one linked procedure",
            ));
            Vec::new()
        }
        // Stored in the bundle's order, whatever order they were sent in.
        Ok(set) => set.into_iter().map(|p| p.0).collect(),
        Err(SelectionError::NotInBundle(id)) => {
            let i = chosen.iter().position(|p| *p == id.0).unwrap_or(0);
            problems.push(Problem::new(
                format!("procedures[{i}]"),
                "unknown_procedure",
                format!("{:?} is not a procedure of this bundle", truncate(&id.0)),
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
            problems.push(Problem::new(
                "procedures",
                "procedures_not_allowed",
                "only a bundle links procedures",
            ));
            Vec::new()
        }
    }
}

fn check_fee(
    fees: &Fees,
    case: Option<usize>,
    problems: &mut Vec<Problem>,
) -> Option<(Option<i64>, PaymentStatus)> {
    let rules = match fees {
        Fees::Free { .. } => {
            if case.is_some() {
                problems.push(Problem::new(
                    "fee_case",
                    "unknown_fee_case",
                    "this service is free and has no fee cases",
                ));
                return None;
            }
            return Some((None, PaymentStatus::NotRequired));
        }
        Fees::Rules { rules } => rules,
    };
    let index = match (case, rules.len()) {
        (_, 0) => return Some((None, PaymentStatus::AwaitingAssessment)),
        (None, 1) => 0,
        (None, _) => {
            problems.push(Problem::new(
                "fee_case",
                "fee_case_required",
                "this service has several fee cases; say which applies",
            ));
            return None;
        }
        (Some(i), n) if i >= n => {
            problems.push(Problem::new(
                "fee_case",
                "unknown_fee_case",
                format!("the fee case must be between 0 and {}", n - 1),
            ));
            return None;
        }
        (Some(i), _) => i,
    };
    let amount = rules[index].online.or(rules[index].in_person);
    Some(match amount {
        None => (None, PaymentStatus::AwaitingAssessment),
        Some(0) => (Some(0), PaymentStatus::NotRequired),
        Some(n) => (
            Some(i64::try_from(n).unwrap_or(i64::MAX)),
            PaymentStatus::Unpaid,
        ),
    })
}

/// Checks the attachments `requested` for a dossier that already holds `already`.
/// `found` are the stored rows for the requested ids.
pub fn check_attachments(
    requested: &[String],
    found: &[AttachmentRecord],
    owner: &str,
    already: &[AttachmentRecord],
    path: &str,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut bytes: i64 = already.iter().map(|a| a.size).sum();
    for (i, id) in requested.iter().enumerate() {
        let at = format!("{path}[{i}]");
        if !seen.insert(id.as_str()) {
            problems.push(Problem::new(
                at,
                "duplicate_attachment",
                "this file is listed twice",
            ));
            continue;
        }
        // Someone else's attachment is reported exactly like a missing one.
        let Some(a) = found.iter().find(|a| a.id == *id && a.owner == owner) else {
            problems.push(Problem::new(
                at,
                "attachment_not_found",
                "no uploaded file of yours has this id; upload it again",
            ));
            continue;
        };
        if a.dossier_id.is_some() {
            problems.push(Problem::new(
                at,
                "attachment_in_use",
                "this file is already part of a submitted dossier",
            ));
            continue;
        }
        if FileType::from_media_type(&a.media_type).is_none() {
            problems.push(Problem::new(
                at,
                "unsupported_file_type",
                "this file is not a PDF, JPEG or PNG",
            ));
        }
        bytes += a.size;
    }
    if already.len() + seen.len() > limits::MAX_PER_DOSSIER {
        problems.push(Problem::new(
            path,
            "too_many_attachments",
            format!(
                "a dossier may hold at most {} files",
                limits::MAX_PER_DOSSIER
            ),
        ));
    }
    if bytes > limits::MAX_DOSSIER_BYTES as i64 {
        problems.push(Problem::new(
            path,
            "attachments_too_large",
            format!(
                "a dossier's files may total at most {} bytes",
                limits::MAX_DOSSIER_BYTES
            ),
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
        }
    }

    fn submission(body: Value) -> Submission {
        serde_json::from_value(body).unwrap()
    }

    fn codes(r: Result<Valid, Vec<Problem>>) -> Vec<&'static str> {
        r.err().unwrap_or_default().iter().map(|p| p.code).collect()
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
        let v = validate(Some(&s), &who, &sub, &found).unwrap();
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
            "service_id": "svc", "applicant": "business", "answers": [1],
            "attachments": ["att_other", "att_2", "att_2", "att_missing"],
            "procedures": ["x"], "fee_case": 0
        }));
        let got = codes(validate(Some(&s), &who, &sub, &found));
        for expected in [
            "answers_not_object",
            "not_a_business_representative",
            "applicant_not_allowed",
            "procedures_not_allowed",
            "unknown_fee_case",
            "attachment_not_found",
            "attachment_in_use",
            "duplicate_attachment",
        ] {
            assert!(got.contains(&expected), "{expected} missing from {got:?}");
        }
        assert_eq!(
            codes(validate(None, &who, &sub, &found)),
            vec!["unknown_service"]
        );
        let empty = submission(json!({"service_id": "svc", "answers": {}}));
        assert_eq!(
            codes(validate(Some(&s), &who, &empty, &[])),
            vec!["attachments_required"]
        );
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
            codes(validate(Some(&s), &who, &sub, &found)),
            vec!["answers_too_large"]
        );
        let mut deep = json!(1);
        for _ in 0..20 {
            deep = json!({ "d": deep });
        }
        let sub =
            submission(json!({"service_id": "svc", "answers": deep, "attachments": ["att_1"]}));
        assert_eq!(
            codes(validate(Some(&s), &who, &sub, &found)),
            vec!["answers_too_deep"]
        );
    }

    #[test]
    fn fees_and_cases() {
        let who = citizen();
        let found = [attachment("att_1", &who.subject, 10)];
        let s = service(procedure(), rules(&[Some(200_000), None]));
        let sub = |case: Value| {
            submission(
                json!({"service_id": "svc", "answers": {}, "attachments": ["att_1"], "fee_case": case}),
            )
        };
        let v = validate(Some(&s), &who, &sub(json!(0)), &found).unwrap();
        assert_eq!(
            (v.fee_amount, v.payment),
            (Some(200_000), PaymentStatus::Unpaid)
        );
        let v = validate(Some(&s), &who, &sub(json!(1)), &found).unwrap();
        assert_eq!(v.payment, PaymentStatus::AwaitingAssessment);
        assert_eq!(
            codes(validate(Some(&s), &who, &sub(json!(null)), &found)),
            vec!["fee_case_required"]
        );
        assert_eq!(
            codes(validate(Some(&s), &who, &sub(json!(2)), &found)),
            vec!["unknown_fee_case"]
        );
        let one = service(procedure(), rules(&[Some(10_000)]));
        let v = validate(Some(&one), &who, &sub(json!(null)), &found).unwrap();
        assert_eq!(v.fee_amount, Some(10_000));
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
        let chosen = |p: Value| validate(Some(&s), &who, &sub(p), &found).map(|v| v.procedures);
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
            codes(validate(Some(&s), &who, &sub(json!(["c"])), &found)),
            vec!["procedure_requirement_missing"]
        );
        assert_eq!(
            codes(validate(Some(&s), &who, &sub(json!(["b", "z"])), &found)),
            vec!["unknown_procedure"]
        );
        let all_optional = service(
            json!({"kind": "bundle", "procedures": ["a", "b"], "optional": [{"id": "a"}, {"id": "b"}]}),
            free(),
        );
        assert_eq!(
            codes(validate(Some(&all_optional), &who, &sub(json!([])), &found)),
            vec!["no_procedures"]
        );
    }

    #[test]
    fn dossier_limits_count_what_is_already_there() {
        let already: Vec<_> = (0..limits::MAX_PER_DOSSIER)
            .map(|i| attachment(&format!("old{i}"), "me", 1))
            .collect();
        let found = [attachment("new", "me", 1)];
        let got = check_attachments(&["new".into()], &found, "me", &already, "attachments");
        assert_eq!(got[0].code, "too_many_attachments");
        let big = [attachment("big", "me", limits::MAX_DOSSIER_BYTES as i64)];
        let got = check_attachments(&["big".into()], &big, "me", &already[..1], "attachments");
        assert_eq!(got[0].code, "attachments_too_large");
    }
}
