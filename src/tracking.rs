//! A dossier as the API returns it (the contract's `DossierView`), and the plain functions
//! the confirmation and tracking pages show it with: labels for statuses and events, the
//! deadline for additional documents. Components only render these.

use portal_api::{DossierStatus, EventKind, PaymentStatus, PublicDossier};
use portal_core::validators::Date;

use crate::i18n::Key;

pub use portal_api::{
    DocumentsRequest as DocumentsRequested, DossierList, DossierSummary, TimelineEntry,
};

/// A dossier as the API shows it to its applicant (everything) or to a lookup (status
/// and timeline); the pages never read the answers, so they are skipped unread.
pub type Dossier = portal_api::DossierView<serde::de::IgnoredAny>;

pub fn status_key(status: DossierStatus) -> Key {
    match status {
        DossierStatus::Received => Key::StatusReceived,
        DossierStatus::InProcessing => Key::StatusInProcessing,
        DossierStatus::AdditionalDocumentsRequested => Key::StatusDocumentsRequested,
        DossierStatus::Approved => Key::StatusApproved,
        DossierStatus::Rejected => Key::StatusRejected,
        DossierStatus::ResultReady => Key::StatusResultReady,
    }
}

pub fn payment_key(status: PaymentStatus) -> Key {
    match status {
        PaymentStatus::Paid => Key::PaymentPaid,
        PaymentStatus::Unpaid => Key::PaymentUnpaid,
        PaymentStatus::AwaitingAssessment => Key::PaymentAwaiting,
        PaymentStatus::NotRequired => Key::PaymentNotRequired,
    }
}

/// What a timeline entry says happened.
pub fn event_key(entry: &TimelineEntry) -> Key {
    match (entry.event, entry.status) {
        (EventKind::StatusChanged, Some(s)) => status_key(s),
        (EventKind::PaymentSucceeded, _) => Key::PaymentPaid,
        (EventKind::PaymentFailed, _) => Key::PaymentFailedEvent,
        (EventKind::PaymentCancelled, _) => Key::PaymentCancelledEvent,
        (EventKind::DocumentsAdded, _) => Key::DocumentsAdded,
        (EventKind::Delivered, _) => Key::EventDelivered,
        (EventKind::AgencyReceived, _) => Key::EventAgencyReceived,
        _ => Key::EventSubmitted,
    }
}

/// The status tag's modifier: the citizen must act, it ended badly, or it ended well.
pub fn status_tone(status: DossierStatus) -> &'static str {
    match status {
        DossierStatus::AdditionalDocumentsRequested => "tag--action",
        DossierStatus::Rejected => "tag--bad",
        DossierStatus::Approved | DossierStatus::ResultReady => "tag--good",
        _ => "tag--status",
    }
}

/// What the top of the tracking page is about: what the person must do now, or else
/// where the dossier stands. The most pressing comes first: a final refusal, documents
/// the agency waits for, a failed payment, a fee due, then the result, the approval,
/// and waiting for the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Now {
    Rejected,
    AddDocuments,
    PayAgain,
    Pay,
    ResultReady,
    Approved,
    Wait(DossierStatus),
}

impl Now {
    pub fn of(d: &PublicDossier) -> Now {
        match d.status {
            DossierStatus::Rejected => Now::Rejected,
            _ if d.documents_requested.is_some() => Now::AddDocuments,
            DossierStatus::AdditionalDocumentsRequested => Now::AddDocuments,
            _ if d.can_pay() && d.last_payment_failed() => Now::PayAgain,
            _ if d.can_pay() => Now::Pay,
            DossierStatus::ResultReady => Now::ResultReady,
            DossierStatus::Approved => Now::Approved,
            s => Now::Wait(s),
        }
    }

    /// The colour of the panel and notices: act, ended badly, went well, or wait.
    pub fn tone(self) -> &'static str {
        match self {
            Now::AddDocuments | Now::PayAgain | Now::Pay => "action",
            Now::Rejected => "bad",
            Now::ResultReady | Now::Approved => "good",
            Now::Wait(_) => "status",
        }
    }

    /// The tracking panel's heading.
    pub fn title(self) -> Key {
        match self {
            Now::Rejected => Key::NowRejected,
            Now::AddDocuments => Key::StatusDocumentsRequested,
            Now::PayAgain => Key::NowPayAgain,
            Now::Pay => Key::PaymentUnpaid,
            Now::ResultReady => Key::NowResultReady,
            Now::Approved => Key::NowApproved,
            Now::Wait(s) => status_key(s),
        }
    }
}

/// What the agency does next, said under "What happens next" while it still has to
/// decide; `None` once it has (the notice at the top says what happened).
pub fn next_body(status: DossierStatus) -> Option<Key> {
    match status {
        DossierStatus::Received | DossierStatus::InProcessing => Some(Key::WhatHappensNextBody),
        DossierStatus::AdditionalDocumentsRequested => Some(Key::NextAfterDocuments),
        DossierStatus::Approved | DossierStatus::ResultReady | DossierStatus::Rejected => None,
    }
}

/// Milliseconds since the epoch of an RFC 3339 time, by the browser's parser.
pub fn parse_time(at: &str) -> Option<f64> {
    let ms = js_sys::Date::parse(at);
    (!ms.is_nan()).then_some(ms)
}

/// "27/11/2026 08:05" in the device's time zone; the raw text when unreadable.
pub fn format_time(at: &str) -> String {
    match parse_time(at) {
        Some(ms) => format_ms(ms),
        None => at.to_string(),
    }
}

/// "27/11/2026 08:05" in the device's time zone, for milliseconds since the epoch.
pub fn format_ms(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

pub fn format_date(d: Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// The catalogue's service names by id: what lists and a bundle's procedures show
/// instead of ids. An id the catalogue does not list (a service since withdrawn, or the
/// catalogue could not be loaded) is shown as it is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceNames(pub Vec<(String, portal_core::Text)>);

impl ServiceNames {
    pub fn from_index(index: &portal_core::CatalogueIndex) -> Self {
        ServiceNames(
            index
                .services
                .iter()
                .map(|s| (s.id.0.clone(), s.name.clone()))
                .collect(),
        )
    }

    /// The name of `id` in `lang`, or `id` when the catalogue does not list it.
    pub fn name(&self, id: &str, lang: portal_core::Lang) -> String {
        self.0
            .iter()
            .find(|(p, _)| p == id)
            .map(|(_, n)| n.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    }
}

/// What the confirmation page says about the service: its name, who handles it, how
/// long it takes, and the names of a bundle's linked procedures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceFacts {
    pub name: portal_core::Text,
    pub agency: portal_core::Text,
    pub processing_time: portal_core::Text,
    pub procedure_names: ServiceNames,
}

impl ServiceFacts {
    pub fn new(service: &portal_api::catalogue::ServiceOutline) -> Self {
        ServiceFacts {
            name: service.name.clone(),
            agency: service.agency.name.clone(),
            processing_time: service.processing_time.text.clone(),
            procedure_names: ServiceNames(
                service
                    .procedures
                    .iter()
                    .map(|p| (p.id.clone(), p.name.clone()))
                    .collect(),
            ),
        }
    }

    /// What the catalogue index alone says of `id` (its name and agency, no processing
    /// time): for a dossier whose service page cannot be loaded, e.g. a service since
    /// withdrawn that the index still lists. `None` when the index does not list it.
    pub fn listed(id: &str, index: &portal_core::CatalogueIndex) -> Option<Self> {
        let summary = index.services.iter().find(|s| s.id.0 == id)?;
        Some(ServiceFacts {
            name: summary.name.clone(),
            agency: summary.agency.clone(),
            processing_time: portal_core::Text::default(),
            procedure_names: ServiceNames::from_index(index),
        })
    }

    /// A linked procedure's name, or its id when the catalogue does not list it.
    pub fn procedure_name(&self, id: &str, lang: portal_core::Lang) -> String {
        self.procedure_names.name(id, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_api::{Payment, TimelineActor};

    fn dossier(status: DossierStatus, payment: PaymentStatus) -> PublicDossier {
        PublicDossier {
            code: "X".into(),
            service_id: "s".into(),
            agency: None,
            status,
            procedures: vec![],
            payment: Payment {
                status: payment,
                amount: Some(7000),
            },
            documents_requested: None,
            timeline: vec![],
            result: None,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn entry(event: EventKind) -> TimelineEntry {
        TimelineEntry {
            at: String::new(),
            event,
            status: None,
            procedure: None,
            reason: None,
            by: TimelineActor::Applicant,
        }
    }

    #[test]
    fn the_top_says_what_to_do_first() {
        use DossierStatus::*;
        use PaymentStatus::*;
        assert_eq!(
            Now::of(&dossier(Received, NotRequired)),
            Now::Wait(Received)
        );
        assert_eq!(Now::of(&dossier(Received, Unpaid)), Now::Pay);
        let mut failed = dossier(InProcessing, Unpaid);
        failed.timeline.push(entry(EventKind::PaymentFailed));
        assert_eq!(Now::of(&failed), Now::PayAgain);
        // Documents first: the deadline runs; a refusal is final and nothing is payable.
        assert_eq!(
            Now::of(&dossier(AdditionalDocumentsRequested, Unpaid)),
            Now::AddDocuments
        );
        assert_eq!(Now::of(&dossier(Rejected, Unpaid)), Now::Rejected);
        assert_eq!(Now::of(&dossier(Approved, Paid)), Now::Approved);
        assert_eq!(
            Now::of(&dossier(ResultReady, NotRequired)),
            Now::ResultReady
        );
        assert_eq!(Now::Rejected.tone(), "bad");
        assert_eq!(Now::Pay.tone(), "action");
        assert_eq!(Now::ResultReady.tone(), "good");
    }

    #[test]
    fn an_approved_dossier_is_not_said_to_be_checked() {
        assert_eq!(next_body(DossierStatus::Approved), None);
        assert_eq!(next_body(DossierStatus::ResultReady), None);
        assert_eq!(
            next_body(DossierStatus::Received),
            Some(Key::WhatHappensNextBody)
        );
    }
}
