//! Reusable pieces of the interface. Each renders state it is given and forwards events;
//! none holds business rules.

pub mod address_picker;
pub mod applicant_gate;
pub mod button_link;
pub mod catalogue;
pub mod chart;
pub mod confirm;
pub mod error_state;
pub mod fees;
pub mod intern;
pub mod labels;
pub mod later;
pub mod legacy_address;
pub mod ready;
pub mod service_list;
pub mod shell;
pub mod title;

pub use address_picker::{AddressChoice, AddressPicker};
pub use applicant_gate::ApplicantGate;
pub use button_link::ButtonLink;
pub use confirm::ConfirmAction;
pub use error_state::{ErrorState, LoadFailed, Loading};
pub use later::{AfterFirstPaint, Later, LaterOnFirstPage};
pub use legacy_address::LegacyAddress;
pub use ready::Ready;
pub use service_list::ServiceList;
pub use shell::Shell;
pub use title::Title;
pub mod staff_gate;
pub use staff_gate::StaffGate;
