//! A dossier as the API returns it (the contract's PublicDossier, plus what only the
//! applicant sees), and the plain functions the confirmation and tracking pages show it
//! with: labels for statuses and events, what the citizen must do next, the deadline for
//! additional documents. Components only render these.

use portal_core::validators::Date;
use serde::Deserialize;

use crate::i18n::Key;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ProcedureState {
    pub service_id: String,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Payment {
    pub status: String,
    #[serde(default)]
    pub amount: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DocumentsRequested {
    pub reason: String,
    pub at: String,
    #[serde(default)]
    pub procedures: Vec<String>,
    /// The last day to add the documents, as the server fixed it when the agency asked.
    #[serde(default)]
    pub due: Option<Date>,
    /// The working days from the request `due` was counted with.
    #[serde(default)]
    pub working_days: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TimelineEntry {
    pub at: String,
    pub event: String,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub procedure: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// One dossier: `lookup_secret` only for its applicant.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Dossier {
    pub code: String,
    pub service_id: String,
    pub status: String,
    #[serde(default)]
    pub procedures: Vec<ProcedureState>,
    pub payment: Payment,
    #[serde(default)]
    pub documents_requested: Option<DocumentsRequested>,
    #[serde(default)]
    pub timeline: Vec<TimelineEntry>,
    #[serde(default)]
    pub lookup_secret: Option<String>,
    pub created_at: String,
}

/// A row of "my dossiers".
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DossierSummary {
    pub code: String,
    pub service_id: String,
    pub status: String,
    pub payment: Payment,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DossierList {
    pub dossiers: Vec<DossierSummary>,
}

pub fn status_key(status: &str) -> Key {
    match status {
        "in_processing" => Key::StatusInProcessing,
        "additional_documents_requested" => Key::StatusDocumentsRequested,
        "approved" => Key::StatusApproved,
        "rejected" => Key::StatusRejected,
        "result_ready" => Key::StatusResultReady,
        _ => Key::StatusReceived,
    }
}

pub fn payment_key(status: &str) -> Key {
    match status {
        "paid" => Key::PaymentPaid,
        "unpaid" => Key::PaymentUnpaid,
        "awaiting_assessment" => Key::PaymentAwaiting,
        _ => Key::PaymentNotRequired,
    }
}

/// What a timeline entry says happened.
pub fn event_key(entry: &TimelineEntry) -> Key {
    match (entry.event.as_str(), entry.status.as_deref()) {
        ("status_changed", Some(s)) => status_key(s),
        ("payment_succeeded", _) => Key::PaymentPaid,
        ("payment_failed", _) => Key::PaymentFailedEvent,
        ("payment_cancelled", _) => Key::PaymentCancelledEvent,
        ("documents_added", _) => Key::DocumentsAdded,
        _ => Key::EventSubmitted,
    }
}

/// The status tag's modifier: the citizen must act, it ended badly, or it ended well.
pub fn status_tone(status: &str) -> &'static str {
    match status {
        "additional_documents_requested" => "tag--action",
        "rejected" => "tag--bad",
        "approved" | "result_ready" => "tag--good",
        _ => "tag--status",
    }
}

impl Dossier {
    /// Whether the applicant can pay now (a fee is due and not paid).
    pub fn can_pay(&self) -> bool {
        self.payment.status == "unpaid" && self.status != "rejected"
    }

    /// The reason of the last rejection, for the top of the page.
    pub fn rejection_reason(&self) -> Option<&str> {
        if self.status != "rejected" {
            return None;
        }
        self.timeline
            .iter()
            .rev()
            .find(|e| e.status.as_deref() == Some("rejected"))
            .and_then(|e| e.reason.as_deref())
    }

    /// The last payment attempt failed or was cancelled and the fee is still due.
    pub fn last_payment_failed(&self) -> bool {
        self.payment.status == "unpaid"
            && self
                .timeline
                .iter()
                .rev()
                .find(|e| e.event.starts_with("payment_"))
                .is_some_and(|e| e.event != "payment_succeeded")
    }

    /// Per-procedure statuses are worth showing only for a bundle.
    pub fn is_bundle(&self) -> bool {
        self.procedures.len() > 1
    }
}

/// Milliseconds since the epoch of an RFC 3339 time, by the browser's parser.
pub fn parse_time(at: &str) -> Option<f64> {
    let ms = js_sys::Date::parse(at);
    (!ms.is_nan()).then_some(ms)
}

/// "27/11/2026 08:05" in the device's time zone; the raw text when unreadable.
pub fn format_time(at: &str) -> String {
    let Some(ms) = parse_time(at) else {
        return at.to_string();
    };
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
    pub fn new(
        service: &portal_core::Service,
        index: Option<&portal_core::CatalogueIndex>,
    ) -> Self {
        let procedure_names = index.map(ServiceNames::from_index).unwrap_or_default();
        ServiceFacts {
            name: service.name.clone(),
            agency: service.agency.name.clone(),
            processing_time: service.processing_time.text.clone(),
            procedure_names,
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
