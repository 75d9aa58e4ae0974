//! The status enums of the wire: a dossier's (and each linked procedure's) status, its
//! payment status, what a timeline entry records and who did it. Each is a snake_case
//! string in JSON.

use serde::{Deserialize, Serialize};

/// The life of a dossier. A bundle tracks each linked procedure's status; the dossier's
/// own status is derived from them ([`DossierStatus::overall`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DossierStatus {
    /// Đã tiếp nhận: submitted and received by the agency.
    Received,
    /// Đang xử lý.
    InProcessing,
    /// Yêu cầu bổ sung: the applicant must add documents (a reason is given).
    AdditionalDocumentsRequested,
    /// Approved; the result is being prepared.
    Approved,
    /// Từ chối (a reason is given). Final.
    Rejected,
    /// Đã có kết quả. Final.
    ResultReady,
}

impl DossierStatus {
    pub const ALL: [DossierStatus; 6] = [
        DossierStatus::Received,
        DossierStatus::InProcessing,
        DossierStatus::AdditionalDocumentsRequested,
        DossierStatus::Approved,
        DossierStatus::Rejected,
        DossierStatus::ResultReady,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DossierStatus::Received => "received",
            DossierStatus::InProcessing => "in_processing",
            DossierStatus::AdditionalDocumentsRequested => "additional_documents_requested",
            DossierStatus::Approved => "approved",
            DossierStatus::Rejected => "rejected",
            DossierStatus::ResultReady => "result_ready",
        }
    }

    pub fn parse(s: &str) -> Option<DossierStatus> {
        DossierStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether an agency's status event may take a procedure from `self` to `to`. The
    /// agency decides: it may ask for documents or refuse as soon as it has the dossier,
    /// decide without a separate approval, and ask again; nothing leaves a final status.
    /// Moving to the status a procedure already has is allowed (and changes nothing).
    pub fn agency_may_move_to(self, to: DossierStatus) -> bool {
        use DossierStatus::*;
        if self == to {
            return !self.is_final();
        }
        match to {
            Received | Approved => false,
            InProcessing => matches!(self, Received | AdditionalDocumentsRequested),
            AdditionalDocumentsRequested => matches!(self, Received | InProcessing),
            ResultReady => matches!(self, Received | InProcessing | Approved),
            Rejected => !self.is_final(),
        }
    }

    /// Whether staff may move a procedure from `self` to `to`.
    pub fn can_move_to(self, to: DossierStatus) -> bool {
        use DossierStatus::*;
        matches!(
            (self, to),
            (Received, InProcessing)
                | (Received, Rejected)
                | (InProcessing, AdditionalDocumentsRequested)
                | (InProcessing, Approved)
                | (InProcessing, Rejected)
                | (AdditionalDocumentsRequested, InProcessing)
                | (AdditionalDocumentsRequested, Rejected)
                | (Approved, ResultReady)
        )
    }

    /// Moving to this status must say why, so the applicant can act on it.
    pub fn needs_reason(self) -> bool {
        matches!(
            self,
            DossierStatus::AdditionalDocumentsRequested | DossierStatus::Rejected
        )
    }

    /// The agency has decided (approved, with or without the result yet, or refused):
    /// from here the applicant may rate the handling.
    pub fn is_decided(self) -> bool {
        matches!(
            self,
            DossierStatus::Approved | DossierStatus::Rejected | DossierStatus::ResultReady
        )
    }

    pub fn is_final(self) -> bool {
        matches!(self, DossierStatus::Rejected | DossierStatus::ResultReady)
    }

    /// The dossier's status from its procedures' statuses: documents requested anywhere
    /// wins (the applicant must act); otherwise the least advanced state that still
    /// describes the whole.
    pub fn overall(procedures: &[DossierStatus]) -> DossierStatus {
        use DossierStatus::*;
        if procedures.is_empty() {
            return Received;
        }
        if procedures.contains(&AdditionalDocumentsRequested) {
            return AdditionalDocumentsRequested;
        }
        if procedures.iter().all(|s| *s == Received) {
            return Received;
        }
        if procedures.iter().all(|s| s.is_final()) {
            return if procedures.contains(&ResultReady) {
                ResultReady
            } else {
                Rejected
            };
        }
        if procedures
            .iter()
            .all(|s| matches!(s, Approved | ResultReady | Rejected))
        {
            return Approved;
        }
        InProcessing
    }
}

/// Whether and how the dossier's fee has been paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    /// The service is free.
    NotRequired,
    Unpaid,
    Paid,
    /// The fee depends on the case and the agency will say how much.
    AwaitingAssessment,
}

impl PaymentStatus {
    pub const ALL: [PaymentStatus; 4] = [
        PaymentStatus::NotRequired,
        PaymentStatus::Unpaid,
        PaymentStatus::Paid,
        PaymentStatus::AwaitingAssessment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::NotRequired => "not_required",
            PaymentStatus::Unpaid => "unpaid",
            PaymentStatus::Paid => "paid",
            PaymentStatus::AwaitingAssessment => "awaiting_assessment",
        }
    }

    pub fn parse(s: &str) -> Option<PaymentStatus> {
        PaymentStatus::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// What happened, on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Submitted,
    StatusChanged,
    DocumentsAdded,
    PaymentSucceeded,
    PaymentFailed,
    PaymentCancelled,
    /// The portal handed the dossier (or added documents) to the agency's system.
    Delivered,
    /// The agency's system confirmed it has the dossier.
    AgencyReceived,
}

impl EventKind {
    pub const ALL: [EventKind; 8] = [
        EventKind::Submitted,
        EventKind::StatusChanged,
        EventKind::DocumentsAdded,
        EventKind::PaymentSucceeded,
        EventKind::PaymentFailed,
        EventKind::PaymentCancelled,
        EventKind::Delivered,
        EventKind::AgencyReceived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Submitted => "submitted",
            EventKind::StatusChanged => "status_changed",
            EventKind::DocumentsAdded => "documents_added",
            EventKind::PaymentSucceeded => "payment_succeeded",
            EventKind::PaymentFailed => "payment_failed",
            EventKind::PaymentCancelled => "payment_cancelled",
            EventKind::Delivered => "delivered",
            EventKind::AgencyReceived => "agency_received",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// A payment attempt's outcome.
    pub fn is_payment(self) -> bool {
        matches!(
            self,
            EventKind::PaymentSucceeded | EventKind::PaymentFailed | EventKind::PaymentCancelled
        )
    }
}

/// Who made a timeline entry: staff show as the agency, never by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimelineActor {
    Applicant,
    Agency,
    Payment,
}

#[cfg(test)]
mod tests {
    use super::DossierStatus::*;
    use super::*;

    #[test]
    fn agencies_decide_but_nothing_leaves_a_final_status() {
        assert!(Received.agency_may_move_to(AdditionalDocumentsRequested));
        assert!(Received.agency_may_move_to(Rejected));
        assert!(Received.agency_may_move_to(ResultReady));
        assert!(AdditionalDocumentsRequested.agency_may_move_to(InProcessing));
        assert!(
            InProcessing.agency_may_move_to(InProcessing),
            "a repeat changes nothing"
        );
        assert!(
            !AdditionalDocumentsRequested.agency_may_move_to(ResultReady),
            "documents first"
        );
        for f in [Rejected, ResultReady] {
            for to in DossierStatus::ALL {
                assert!(!f.agency_may_move_to(to), "{f:?} -> {to:?}");
            }
        }
        assert!(!InProcessing.agency_may_move_to(Received));
    }

    #[test]
    fn names_round_trip() {
        for s in DossierStatus::ALL {
            assert_eq!(DossierStatus::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        for p in PaymentStatus::ALL {
            assert_eq!(PaymentStatus::parse(p.as_str()), Some(p));
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.as_str())
            );
        }
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        assert_eq!(DossierStatus::parse("done"), None);
    }

    #[test]
    fn moves() {
        assert!(Received.can_move_to(InProcessing));
        assert!(InProcessing.can_move_to(AdditionalDocumentsRequested));
        assert!(AdditionalDocumentsRequested.can_move_to(InProcessing));
        assert!(Approved.can_move_to(ResultReady));
        assert!(!Received.can_move_to(Approved), "must be processed first");
        assert!(!Received.can_move_to(Received));
        for s in DossierStatus::ALL {
            assert!(!Rejected.can_move_to(s) && !ResultReady.can_move_to(s));
        }
        assert!(Rejected.needs_reason() && AdditionalDocumentsRequested.needs_reason());
        assert!(!Approved.needs_reason());
    }

    #[test]
    fn bundle_status() {
        let overall = DossierStatus::overall;
        assert_eq!(overall(&[]), Received);
        assert_eq!(overall(&[Received, Received]), Received);
        assert_eq!(overall(&[InProcessing, Received]), InProcessing);
        assert_eq!(
            overall(&[ResultReady, AdditionalDocumentsRequested]),
            AdditionalDocumentsRequested
        );
        assert_eq!(overall(&[Approved, ResultReady]), Approved);
        assert_eq!(overall(&[ResultReady, Rejected]), ResultReady);
        assert_eq!(overall(&[Rejected, Rejected]), Rejected);
        assert_eq!(overall(&[Rejected, InProcessing]), InProcessing);
        assert_eq!(overall(&[ResultReady]), ResultReady);
    }
}
