//! The life of a dossier: the contract's statuses and the moves staff may make between
//! them (see [`portal_api::DossierStatus`]).

pub use portal_api::DossierStatus as Status;

/// The dossier's status from its procedures' statuses.
pub fn overall(procedures: &[Status]) -> Status {
    Status::overall(procedures)
}
