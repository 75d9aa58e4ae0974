//! The life of a dossier: the statuses of the timeline and the moves staff may
//! make between them. A bundle tracks each linked procedure's status; the dossier's own
//! status is derived from them so a single-procedure dossier and a bundle read alike.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
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

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Received,
        Status::InProcessing,
        Status::AdditionalDocumentsRequested,
        Status::Approved,
        Status::Rejected,
        Status::ResultReady,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::InProcessing => "in_processing",
            Status::AdditionalDocumentsRequested => "additional_documents_requested",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
            Status::ResultReady => "result_ready",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether staff may move a procedure from `self` to `to`.
    pub fn can_move_to(self, to: Status) -> bool {
        use Status::*;
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
            Status::AdditionalDocumentsRequested | Status::Rejected
        )
    }

    pub fn is_final(self) -> bool {
        matches!(self, Status::Rejected | Status::ResultReady)
    }
}

/// The dossier's status from its procedures' statuses: documents requested anywhere
/// wins (the applicant must act); otherwise the least advanced state that still
/// describes the whole.
pub fn overall(procedures: &[Status]) -> Status {
    use Status::*;
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

#[cfg(test)]
mod tests {
    use super::Status::*;
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        assert_eq!(Status::parse("done"), None);
    }

    #[test]
    fn moves() {
        assert!(Received.can_move_to(InProcessing));
        assert!(InProcessing.can_move_to(AdditionalDocumentsRequested));
        assert!(AdditionalDocumentsRequested.can_move_to(InProcessing));
        assert!(Approved.can_move_to(ResultReady));
        assert!(!Received.can_move_to(Approved), "must be processed first");
        assert!(!Received.can_move_to(Received));
        for s in Status::ALL {
            assert!(!Rejected.can_move_to(s) && !ResultReady.can_move_to(s));
        }
        assert!(Rejected.needs_reason() && AdditionalDocumentsRequested.needs_reason());
        assert!(!Approved.needs_reason());
    }

    #[test]
    fn bundle_status() {
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
