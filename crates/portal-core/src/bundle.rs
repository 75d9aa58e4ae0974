//! Which procedures a bundle (liên thông) files for the applicant's choice: the required
//! ones always, plus the optional ones chosen, each only together with the optional
//! procedures it requires. The form offers [`ServiceKind::choices`]; the server re-checks
//! a submitted choice with [`ServiceKind::selection`], so the rule exists once.

use std::fmt;

use crate::catalogue::{ServiceId, ServiceKind};

/// Bundles may offer at most this many optional procedures: the catalogue checks refuse
/// more, and [`ServiceKind::choices`] enumerates only this many (2^n combinations).
pub const MAX_OPTIONAL_PROCEDURES: usize = 8;

/// Why a choice of linked procedures cannot be filed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectionError {
    /// The service is a single procedure, not a bundle.
    NotABundle,
    /// The chosen procedure is not linked by this bundle.
    NotInBundle(ServiceId),
    /// The chosen procedure can only be filed together with another optional one.
    MissingRequirement {
        chosen: ServiceId,
        requires: ServiceId,
    },
}

impl fmt::Display for SelectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectionError::NotABundle => f.write_str("this service does not link procedures"),
            SelectionError::NotInBundle(id) => {
                write!(f, "{id} is not one of the procedures this bundle links")
            }
            SelectionError::MissingRequirement { chosen, requires } => {
                write!(f, "{chosen} can only be chosen together with {requires}")
            }
        }
    }
}

impl std::error::Error for SelectionError {}

impl ServiceKind {
    /// Whether `id` is a procedure the applicant may leave out of this bundle.
    pub fn is_optional(&self, id: &ServiceId) -> bool {
        match self {
            ServiceKind::Bundle { optional, .. } => optional.iter().any(|o| &o.id == id),
            ServiceKind::Procedure => false,
        }
    }

    /// The procedures this bundle always files, in order; empty for a single procedure.
    pub fn required_procedures(&self) -> Vec<&ServiceId> {
        match self {
            ServiceKind::Bundle { procedures, .. } => {
                procedures.iter().filter(|p| !self.is_optional(p)).collect()
            }
            ServiceKind::Procedure => Vec::new(),
        }
    }

    /// The procedures filed when the applicant chooses the optional procedures in
    /// `chosen`, in the bundle's order. Naming a required procedure in `chosen` is
    /// allowed (it is filed anyway); naming one the bundle does not link is not.
    pub fn selection(&self, chosen: &[ServiceId]) -> Result<Vec<ServiceId>, SelectionError> {
        let ServiceKind::Bundle {
            procedures,
            optional,
        } = self
        else {
            return Err(SelectionError::NotABundle);
        };
        for id in chosen {
            if !procedures.contains(id) {
                return Err(SelectionError::NotInBundle(id.clone()));
            }
        }
        for o in optional.iter().filter(|o| chosen.contains(&o.id)) {
            if let Some(missing) = o.requires.iter().find(|r| !chosen.contains(r)) {
                return Err(SelectionError::MissingRequirement {
                    chosen: o.id.clone(),
                    requires: missing.clone(),
                });
            }
        }
        Ok(procedures
            .iter()
            .filter(|p| !self.is_optional(p) || chosen.contains(p))
            .cloned()
            .collect())
    }

    /// Every set of procedures an applicant can file with this bundle, fewest first
    /// (for the death bundle: 2, 3 or 4 procedures). A single procedure has no choices.
    pub fn choices(&self) -> Vec<Vec<ServiceId>> {
        let ServiceKind::Bundle { optional, .. } = self else {
            return Vec::new();
        };
        let options: Vec<&ServiceId> = optional
            .iter()
            .take(MAX_OPTIONAL_PROCEDURES)
            .map(|o| &o.id)
            .collect();
        let mut out: Vec<Vec<ServiceId>> = Vec::new();
        for mask in 0u32..(1u32 << options.len()) {
            let chosen: Vec<ServiceId> = options
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, id)| (*id).clone())
                .collect();
            if let Ok(set) = self.selection(&chosen) {
                if !out.contains(&set) {
                    out.push(set);
                }
            }
        }
        out.sort_by_key(Vec::len);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::OptionalProcedure;

    fn id(s: &str) -> ServiceId {
        ServiceId(s.into())
    }

    fn ids(v: &[&str]) -> Vec<ServiceId> {
        v.iter().map(|s| id(s)).collect()
    }

    /// The shape of the death bundle of Decree 63/2024: two procedures always, the
    /// funeral allowance optional, the survivor benefit only with the funeral allowance.
    fn death_bundle() -> ServiceKind {
        ServiceKind::Bundle {
            procedures: ids(&["death", "residence", "funeral", "survivor"]),
            optional: vec![
                OptionalProcedure {
                    id: id("funeral"),
                    requires: vec![],
                },
                OptionalProcedure {
                    id: id("survivor"),
                    requires: vec![id("funeral")],
                },
            ],
        }
    }

    #[test]
    fn required_procedures_are_always_filed() {
        let b = death_bundle();
        assert_eq!(
            b.required_procedures(),
            vec![&id("death"), &id("residence")]
        );
        assert_eq!(b.selection(&[]).unwrap(), ids(&["death", "residence"]));
        assert!(b.is_optional(&id("funeral")));
        assert!(!b.is_optional(&id("death")));
    }

    #[test]
    fn chosen_procedures_are_added_in_bundle_order() {
        let b = death_bundle();
        assert_eq!(
            b.selection(&ids(&["survivor", "funeral"])).unwrap(),
            ids(&["death", "residence", "funeral", "survivor"])
        );
        // Naming a required procedure changes nothing.
        assert_eq!(
            b.selection(&ids(&["death", "funeral"])).unwrap(),
            ids(&["death", "residence", "funeral"])
        );
    }

    #[test]
    fn a_requirement_must_be_chosen_too() {
        let err = death_bundle().selection(&ids(&["survivor"])).unwrap_err();
        assert_eq!(
            err,
            SelectionError::MissingRequirement {
                chosen: id("survivor"),
                requires: id("funeral"),
            }
        );
        assert!(err.to_string().contains("together with funeral"));
    }

    #[test]
    fn unknown_procedures_and_single_procedures_are_refused() {
        assert_eq!(
            death_bundle().selection(&ids(&["passport"])),
            Err(SelectionError::NotInBundle(id("passport")))
        );
        assert_eq!(
            ServiceKind::Procedure.selection(&[]),
            Err(SelectionError::NotABundle)
        );
        assert!(ServiceKind::Procedure.choices().is_empty());
    }

    #[test]
    fn the_death_bundle_offers_two_three_or_four_procedures() {
        let sizes: Vec<usize> = death_bundle().choices().iter().map(Vec::len).collect();
        assert_eq!(sizes, vec![2, 3, 4]);
    }

    #[test]
    fn an_all_required_bundle_has_one_choice() {
        let b = ServiceKind::Bundle {
            procedures: ids(&["birth", "residence", "insurance"]),
            optional: vec![],
        };
        assert_eq!(b.choices(), vec![ids(&["birth", "residence", "insurance"])]);
    }
}
