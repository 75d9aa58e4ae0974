//! The list of 25 integrated online services of Directive 24/CT-TTg as the catalogue
//! holds it: the services in the directive's order, and the procedures that are filed
//! only as part of one of its bundles (the funeral allowance in the death bundle, ...).

use crate::{Service, ServiceId, ServiceKind, ServiceSummary};

/// A procedure that is not on the list itself but is filed inside listed bundles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundlePart {
    pub procedure: ServiceId,
    /// The listed bundles that file it, in item order.
    pub bundles: Vec<ServiceId>,
}

/// The catalogue's services of the list, by item number (a catalogue the lint passed has
/// each item once; a repeated item keeps both, in catalogue order).
pub fn items(services: &[ServiceSummary]) -> Vec<&ServiceSummary> {
    let mut listed: Vec<&ServiceSummary> = services
        .iter()
        .filter(|s| s.directive24_item.is_some())
        .collect();
    listed.sort_by_key(|s| s.directive24_item);
    listed
}

/// A bundle as [`bundle_parts`] reads it: its item on the list and the procedures it
/// files (the summary does not name them; the service and its overview do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedBundle {
    pub id: ServiceId,
    pub item: Option<u8>,
    pub procedures: Vec<ServiceId>,
}

impl From<&Service> for ListedBundle {
    fn from(s: &Service) -> ListedBundle {
        let procedures = match &s.kind {
            ServiceKind::Bundle { procedures, .. } => procedures.clone(),
            ServiceKind::Procedure => Vec::new(),
        };
        ListedBundle {
            id: s.id.clone(),
            item: s.directive24_item,
            procedures,
        }
    }
}

/// The procedures that listed bundles file but that have no item of their own, in the
/// order of the bundles' items and of the procedures within each bundle. A bundle outside
/// the list is ignored.
pub fn bundle_parts(services: &[ServiceSummary], bundles: &[ListedBundle]) -> Vec<BundlePart> {
    let listed = |id: &ServiceId| {
        services
            .iter()
            .any(|s| &s.id == id && s.directive24_item.is_some())
    };
    let mut bundles: Vec<&ListedBundle> = bundles.iter().filter(|b| b.item.is_some()).collect();
    bundles.sort_by_key(|b| b.item);
    let mut parts: Vec<BundlePart> = Vec::new();
    for bundle in bundles {
        for p in bundle.procedures.iter().filter(|p| !listed(p)) {
            match parts.iter_mut().find(|part| &part.procedure == p) {
                Some(part) => part.bundles.push(bundle.id.clone()),
                None => parts.push(BundlePart {
                    procedure: p.clone(),
                    bundles: vec![bundle.id.clone()],
                }),
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Agency, Audience, Confidence, Fees, Level, OnlineLevel, ProcessingTime, Text};

    fn id(s: &str) -> ServiceId {
        ServiceId(s.into())
    }

    fn service(name: &str, item: Option<u8>, kind: ServiceKind) -> Service {
        Service {
            id: id(name),
            kind,
            directive24_item: item,
            name: Text::new(name, name),
            summary: Text::new("", ""),
            procedure_codes: vec![],
            procedure_codes_confidence: None,
            agency: Agency {
                name: Text::new("", ""),
                level: Level::Commune,
                ministry: None,
            },
            audiences: vec![Audience::Citizen],
            online_level: OnlineLevel::FullProcess,
            fees: Fees::Free {
                note: None,
                confidence: Confidence::NeedsCheck,
                basis: None,
            },
            processing_time: ProcessingTime {
                working_days: None,
                text: Text::new("", ""),
                confidence: Confidence::NeedsCheck,
                basis: None,
            },
            documents: vec![],
            eligibility: vec![],
            legal_basis: vec![],
            topics: vec![],
            keywords: vec![],
            form: None,
        }
    }

    fn bundle(name: &str, item: Option<u8>, procedures: &[&str]) -> Service {
        service(
            name,
            item,
            ServiceKind::Bundle {
                procedures: procedures.iter().map(|p| id(p)).collect(),
                optional: vec![],
            },
        )
    }

    fn catalogue(all: &[Service]) -> Vec<ServiceSummary> {
        all.iter().map(ServiceSummary::from).collect()
    }

    #[test]
    fn items_come_in_the_directives_order_without_the_others() {
        let all = [
            service("c", Some(3), ServiceKind::Procedure),
            service("x", None, ServiceKind::Procedure),
            service("a", Some(1), ServiceKind::Procedure),
        ];
        let summaries = catalogue(&all);
        let got: Vec<&str> = items(&summaries).iter().map(|s| s.id.as_str()).collect();
        assert_eq!(got, ["a", "c"]);
    }

    #[test]
    fn bundle_parts_are_the_unlisted_procedures_of_listed_bundles() {
        let all = [
            service("birth", Some(14), ServiceKind::Procedure),
            service("residence", Some(3), ServiceKind::Procedure),
            service("card", None, ServiceKind::Procedure),
            service("deletion", None, ServiceKind::Procedure),
            bundle("death-bundle", Some(18), &["deletion", "card"]),
            bundle("birth-bundle", Some(17), &["birth", "residence", "card"]),
            bundle("other-bundle", None, &["birth", "unlisted"]),
        ];
        let summaries = catalogue(&all);
        let bundles: Vec<ListedBundle> = all
            .iter()
            .filter(|s| matches!(s.kind, ServiceKind::Bundle { .. }))
            .map(ListedBundle::from)
            .collect();
        assert_eq!(
            bundle_parts(&summaries, &bundles),
            vec![
                BundlePart {
                    procedure: id("card"),
                    bundles: vec![id("birth-bundle"), id("death-bundle")],
                },
                BundlePart {
                    procedure: id("deletion"),
                    bundles: vec![id("death-bundle")],
                },
            ]
        );
        assert!(bundle_parts(&summaries, &[]).is_empty());
    }
}
