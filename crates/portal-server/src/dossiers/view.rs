//! How a dossier is shown: to anyone holding its code and a lookup credential (status
//! and timeline only), to its applicant and to staff (everything), and in lists.

use serde::Serialize;
use serde_json::Value;

use super::status::Status;
use super::store::{Actor, Deadline, Dossier, EventKind, PaymentStatus};
use crate::attachments::{AttachmentRecord, AttachmentView};
use crate::clock;
use portal_core::validators::Date;

#[derive(Debug, Serialize)]
pub struct ProcedureView {
    pub service_id: String,
    pub status: Status,
}

#[derive(Debug, Serialize)]
pub struct PaymentView {
    pub status: PaymentStatus,
    /// In đồng; absent while the fee is free or not yet assessed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct TimelineEntry {
    pub at: String,
    pub event: EventKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The linked procedure concerned, for a bundle; absent when it is the whole dossier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `applicant`, `agency` or `payment`.
    pub by: &'static str,
}

/// The open request for additional documents, shown first on the tracking page.
#[derive(Debug, Serialize)]
pub struct DocumentsRequest {
    pub reason: String,
    pub at: String,
    pub procedures: Vec<String>,
    /// The last day to add the documents (a date in Vietnam, `YYYY-MM-DD`), fixed when
    /// the agency asked; absent only if it cannot be counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// The working days from the request that `due` was counted with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_days: Option<u32>,
}

/// What a lookup by code and credential shows.
#[derive(Debug, Serialize)]
pub struct PublicView {
    pub code: String,
    pub service_id: String,
    pub status: Status,
    pub procedures: Vec<ProcedureView>,
    pub payment: PaymentView,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents_requested: Option<DocumentsRequest>,
    pub timeline: Vec<TimelineEntry>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Serialize)]
pub struct ApplicantView {
    pub kind: String,
    pub full_name: String,
    pub id_number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_code: Option<String>,
}

/// What the applicant and staff see.
#[derive(Debug, Serialize)]
pub struct FullView {
    #[serde(flatten)]
    pub public: PublicView,
    pub applicant: ApplicantView,
    pub catalogue_version: String,
    pub answers: Value,
    pub attachments: Vec<AttachmentView>,
    /// Only for the applicant: what they give to let someone else look it up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lookup_secret: Option<String>,
}

/// One line of a list of dossiers.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub code: String,
    pub service_id: String,
    pub status: Status,
    pub procedures: Vec<ProcedureView>,
    pub payment: PaymentView,
    pub created_at: String,
    pub updated_at: String,
}

/// The answer to a successful submission: the receipt.
#[derive(Debug, Serialize)]
pub struct Receipt {
    pub code: String,
    pub status: Status,
    pub service_id: String,
    pub procedures: Vec<ProcedureView>,
    pub payment: PaymentView,
    pub attachments: Vec<String>,
    pub lookup_secret: String,
    pub created_at: String,
}

fn procedures(d: &Dossier) -> Vec<ProcedureView> {
    d.procedures
        .iter()
        .map(|p| ProcedureView {
            service_id: p.service_id.clone(),
            status: p.status,
        })
        .collect()
}

pub fn payment(d: &Dossier) -> PaymentView {
    PaymentView {
        status: d.payment_status,
        amount: d.fee_amount.filter(|a| *a > 0),
    }
}

fn documents_requested(d: &Dossier) -> Option<DocumentsRequest> {
    let waiting: Vec<String> = d
        .procedures
        .iter()
        .filter(|p| p.status == Status::AdditionalDocumentsRequested)
        .map(|p| p.service_id.clone())
        .collect();
    if waiting.is_empty() {
        return None;
    }
    let last = d.events.iter().rev().find(|e| {
        e.kind == EventKind::StatusChanged && e.status == Some(Status::AdditionalDocumentsRequested)
    })?;
    // Requests stored before deadlines were kept get theirs counted from their time.
    let due = last.due.or_else(|| Deadline::for_request_at(last.at));
    Some(DocumentsRequest {
        reason: last.reason.clone().unwrap_or_default(),
        at: clock::rfc3339(last.at),
        procedures: waiting,
        due: due.map(|d| d.date),
        working_days: due.map(|d| d.working_days),
    })
}

pub fn public(d: &Dossier) -> PublicView {
    PublicView {
        code: d.code.clone(),
        service_id: d.service_id.clone(),
        status: d.status,
        procedures: procedures(d),
        payment: payment(d),
        documents_requested: documents_requested(d),
        timeline: d
            .events
            .iter()
            .map(|e| TimelineEntry {
                at: clock::rfc3339(e.at),
                event: e.kind,
                status: e.status,
                procedure: e.procedure.clone(),
                reason: e.reason.clone(),
                by: match e.actor {
                    Actor::Applicant => "applicant",
                    Actor::Staff(_) => "agency",
                    Actor::Payment => "payment",
                },
            })
            .collect(),
        created_at: clock::rfc3339(d.created_at),
        updated_at: clock::rfc3339(d.updated_at),
    }
}

pub fn full(d: &Dossier, attachments: &[AttachmentRecord], for_applicant: bool) -> FullView {
    FullView {
        public: public(d),
        applicant: ApplicantView {
            kind: d.applicant_kind.clone(),
            full_name: d.applicant_name.clone(),
            id_number: d.applicant_id_number.clone(),
            tax_code: d.applicant_tax_code.clone(),
        },
        catalogue_version: d.catalogue_version.clone(),
        answers: serde_json::from_str(&d.answers_json).unwrap_or(Value::Null),
        attachments: attachments.iter().map(AttachmentView::from).collect(),
        lookup_secret: for_applicant.then(|| d.lookup_secret.clone()),
    }
}

pub fn summary(d: &Dossier) -> Summary {
    Summary {
        code: d.code.clone(),
        service_id: d.service_id.clone(),
        status: d.status,
        procedures: procedures(d),
        payment: payment(d),
        created_at: clock::rfc3339(d.created_at),
        updated_at: clock::rfc3339(d.updated_at),
    }
}

pub fn receipt(d: &Dossier, attachments: &[String]) -> Receipt {
    Receipt {
        code: d.code.clone(),
        status: d.status,
        service_id: d.service_id.clone(),
        procedures: procedures(d),
        payment: payment(d),
        attachments: attachments.to_vec(),
        lookup_secret: d.lookup_secret.clone(),
        created_at: clock::rfc3339(d.created_at),
    }
}
