//! How a dossier is shown: to anyone holding its code and a lookup credential (status
//! and timeline only), to its applicant and to staff (everything), and in lists.

use portal_api::{
    AgencyName, Applicant, DocumentsRequest, DossierResult, DossierSummary, FullDossier, Payment,
    ProcedureState, PublicDossier, Receipt, TimelineActor, TimelineEntry,
};
use serde_json::Value;

use super::status::Status;
use super::store::{Actor, Deadline, Dossier, EventKind};
use crate::attachments::AttachmentRecord;
use crate::clock;
use crate::published::Published;

/// What the applicant and staff see; the answers as stored.
pub type FullView = FullDossier<Value>;

fn procedures(d: &Dossier) -> Vec<ProcedureState> {
    d.procedures
        .iter()
        .map(|p| ProcedureState {
            service_id: p.service_id.clone(),
            status: p.status,
        })
        .collect()
}

pub fn payment(d: &Dossier) -> Payment {
    Payment {
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

/// The agency the dossier was routed to.
pub fn agency(d: &Dossier) -> Option<AgencyName> {
    d.agency.as_ref().map(|a| AgencyName {
        code: a.code.clone(),
        vi: a.name_vi.clone(),
        en: a.name_en.clone(),
    })
}

fn result(d: &Dossier) -> Option<DossierResult> {
    if d.result_document.is_none() && d.result_note.is_none() {
        return None;
    }
    Some(DossierResult {
        document: d.result_document.as_ref().map(|(id, _)| id.clone()),
        document_name: d.result_document.as_ref().map(|(_, name)| name.clone()),
        pickup_note: d.result_note.clone(),
    })
}

pub fn public(d: &Dossier) -> PublicDossier {
    PublicDossier {
        code: d.code.clone(),
        service_id: d.service_id.clone(),
        agency: agency(d),
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
                    Actor::Applicant => TimelineActor::Applicant,
                    Actor::Staff(_) | Actor::Agency(_) => TimelineActor::Agency,
                    Actor::Payment => TimelineActor::Payment,
                },
            })
            .collect(),
        result: result(d),
        created_at: clock::rfc3339(d.created_at),
        updated_at: clock::rfc3339(d.updated_at),
    }
}

pub fn full(d: &Dossier, attachments: &[AttachmentRecord], for_applicant: bool) -> FullView {
    FullDossier {
        public: public(d),
        applicant: Applicant {
            kind: d.applicant_kind.clone(),
            full_name: d.applicant_name.clone(),
            id_number: d.applicant_id_number.clone(),
            tax_code: d.applicant_tax_code.clone(),
        },
        catalogue_version: d.catalogue_version.clone(),
        answers: serde_json::from_str(&d.answers_json).unwrap_or(Value::Null),
        attachments: attachments.iter().map(AttachmentRecord::view).collect(),
        lookup_secret: for_applicant.then(|| d.lookup_secret.clone()),
        rating: d.rating.as_ref().map(|r| portal_api::GivenRating {
            rating: r.value,
            comment: r.comment.clone(),
            rated_at: crate::clock::rfc3339(r.at),
        }),
    }
}

/// One line of a list; `catalogue` tells which answer names whom the dossier is for.
pub fn summary(d: &Dossier, catalogue: &Published) -> DossierSummary {
    let subject = catalogue
        .service(&d.service_id)
        .and_then(|s| s.form.as_ref())
        .and_then(|form| {
            let answers = serde_json::from_str(&d.answers_json).ok()?;
            form.subject_name(&answers)
        });
    DossierSummary {
        code: d.code.clone(),
        service_id: d.service_id.clone(),
        agency: agency(d),
        subject,
        status: d.status,
        procedures: procedures(d),
        payment: payment(d),
        catalogue_version: d.catalogue_version.clone(),
        created_at: clock::rfc3339(d.created_at),
        updated_at: clock::rfc3339(d.updated_at),
    }
}

pub fn receipt(d: &Dossier, attachments: &[String]) -> Receipt {
    Receipt {
        code: d.code.clone(),
        status: d.status,
        service_id: d.service_id.clone(),
        agency: agency(d),
        procedures: procedures(d),
        payment: payment(d),
        attachments: attachments.to_vec(),
        lookup_secret: d.lookup_secret.clone(),
        created_at: clock::rfc3339(d.created_at),
    }
}
