//! Reusable pieces of the interface. Each renders state it is given and forwards events;
//! none holds business rules.

pub mod error_state;
pub mod labels;
pub mod service_list;
pub mod shell;

pub use error_state::ErrorState;
pub use service_list::ServiceList;
pub use shell::Shell;
