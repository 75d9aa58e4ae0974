//! A signed-in person's unfinished applications, kept on the server as well as on the
//! device so they can be continued on another phone or computer: `GET /api/v1/drafts`
//! lists them, `PUT /api/v1/drafts/{service}` saves one (merged with the copy already
//! kept, question by question, the answer changed last winning), `GET` reads one back (or
//! `null`) and
//! `DELETE` forgets it. Filing the dossier forgets the draft too.

use portal_core::form::Draft;
use serde::{Deserialize, Serialize};

/// Largest draft body accepted, in bytes (answers only: files are uploaded apart).
pub const MAX_DRAFT_BYTES: usize = 512 * 1024;
/// Most unfinished applications one person keeps on the server.
pub const MAX_DRAFTS_PER_PERSON: i64 = 100;

/// One unfinished application, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftSummary {
    /// The service (or bundle) id.
    pub service: String,
    /// When it was last saved, from any device (RFC 3339).
    pub saved_at: String,
    /// The same, Unix milliseconds (for comparing with the device's copy).
    pub saved_at_ms: i64,
    /// How many questions have an answer.
    pub answered: usize,
    /// How many steps the person has continued from.
    pub steps_completed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftList {
    /// Newest first.
    pub drafts: Vec<DraftSummary>,
}

/// The copy the server keeps of one draft, or none (`null`: nothing saved yet, which is
/// the usual answer on a first visit, so it is not an error).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeptDraft {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub draft: Option<Draft>,
}

/// The draft as the server now keeps it, after merging what was sent with what it had.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavedDraft {
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub draft: Draft,
    /// Questions whose answer now comes from another device's copy and differs from the
    /// one sent (the page tells the person and shows the newer answer).
    pub from_elsewhere: Vec<String>,
}

impl DraftSummary {
    /// The summary of a draft as a device keeps it.
    pub fn of(draft: &Draft) -> DraftSummary {
        DraftSummary {
            service: draft.service.0.clone(),
            saved_at: String::new(),
            saved_at_ms: draft.saved_at,
            answered: draft
                .answers
                .iter()
                .filter(|(_, a)| a.is_answered())
                .count(),
            steps_completed: draft.completed_steps.len(),
        }
    }
}

/// Where an unfinished application is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptOn {
    /// Only on this device (signed out when it was typed, or not yet sent).
    ThisDevice,
    /// Only in the account (typed on another device).
    Account,
    Both,
}

/// One line of "Unfinished applications": the newer of the device's and the account's
/// copies, and where it is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished {
    pub summary: DraftSummary,
    pub kept_on: KeptOn,
}

/// The device's drafts and the account's, one line per service, newest first.
pub fn unfinished(device: &[DraftSummary], account: &[DraftSummary]) -> Vec<Unfinished> {
    let mut out: Vec<Unfinished> = Vec::new();
    for (list, kept_on) in [(device, KeptOn::ThisDevice), (account, KeptOn::Account)] {
        for d in list {
            match out.iter_mut().find(|u| u.summary.service == d.service) {
                Some(u) => {
                    u.kept_on = KeptOn::Both;
                    if d.saved_at_ms > u.summary.saved_at_ms {
                        u.summary = d.clone();
                    }
                }
                None => out.push(Unfinished {
                    summary: d.clone(),
                    kept_on,
                }),
            }
        }
    }
    out.sort_by(|a, b| {
        (b.summary.saved_at_ms, &a.summary.service)
            .cmp(&(a.summary.saved_at_ms, &b.summary.service))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(service: &str, at: i64, answered: usize) -> DraftSummary {
        DraftSummary {
            service: service.into(),
            saved_at: String::new(),
            saved_at_ms: at,
            answered,
            steps_completed: 0,
        }
    }

    #[test]
    fn one_line_per_service_the_newer_copy_newest_first() {
        let device = [s("birth-registration", 50, 3), s("passport", 10, 1)];
        let account = [
            s("birth-registration", 80, 5),
            s("marriage-registration", 30, 2),
        ];
        let got = unfinished(&device, &account);
        let lines: Vec<(&str, i64, usize, KeptOn)> = got
            .iter()
            .map(|u| {
                (
                    u.summary.service.as_str(),
                    u.summary.saved_at_ms,
                    u.summary.answered,
                    u.kept_on,
                )
            })
            .collect();
        assert_eq!(
            lines,
            vec![
                ("birth-registration", 80, 5, KeptOn::Both),
                ("marriage-registration", 30, 2, KeptOn::Account),
                ("passport", 10, 1, KeptOn::ThisDevice),
            ]
        );
        assert!(unfinished(&[], &[]).is_empty());
    }
}
