//! The portal API's contract, written once: every request, response and error body, the
//! status enums, the shapes of ids and the paths of the API and of the app's own pages.
//! The reference server serialises these types, the browser deserialises them and the
//! OpenAPI document is generated from them (feature `openapi`), so a field added is one
//! edit here.
//!
//! It depends on serde and the pure domain crate only, and compiles to WebAssembly.

pub mod agency;
pub mod attachments;
pub mod catalogue;
pub mod dossiers;
pub mod drafts;
pub mod error;
pub mod feedback;
pub mod health;
pub mod ids;
pub mod paths;
pub mod payments;
pub mod routes;
pub mod session;
pub mod staff;
pub mod statistics;
pub mod status;

pub use dossiers::{
    AddDocuments, AgencyName, Applicant, DocumentsRequest, DossierList, DossierResult,
    DossierSummary, DossierView, FullDossier, GivenRating, NewRating, Payment, Problem,
    ProcedureState, PublicDossier, Receipt, Satisfaction, StatusMove, Submission, TimelineEntry,
};
pub use error::{ErrorBody, ErrorDetail, ErrorDetails};
pub use status::{DossierStatus, EventKind, PaymentStatus, TimelineActor};
