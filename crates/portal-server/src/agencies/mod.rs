//! Handing each dossier to the agency system that decides it, and taking its decisions
//! back.
//!
//! - [`route`]: which agency receives a dossier (`portal_core::admin_units::routing`);
//! - [`directory`]: where each agency system is and its key (deployment configuration);
//! - [`outbox`]: deliveries written in the same transaction as what they deliver;
//! - [`worker`]: sends them, signed, retried with backoff, until acknowledged or too old;
//! - [`events`]: the agencies' signed status events, applied once and in order;
//! - [`staff`]: the deliveries portal staff see, and sending a given-up one again.

pub mod directory;
pub mod events;
pub mod outbox;
pub mod staff;
pub mod worker;

use portal_core::admin_units::routing::{self, Receiving};
use portal_core::catalogue::Level;
use portal_core::form::Place;
use portal_core::Service;

pub use directory::Directory;

/// The agency receiving a dossier of `service` filed at `place`; `None` when it cannot
/// be routed (a service whose form names no place, a place the units do not know): it
/// is then kept without a delivery, as before routing existed.
pub fn route(
    service: &Service,
    place: Option<&Place>,
    units: Option<&portal_core::admin_units::AdminUnits>,
) -> Option<Receiving> {
    if service.agency.level == Level::Ministry {
        let m = service.agency.ministry.as_ref()?;
        return Some(routing::ministry(&m.id, &m.name));
    }
    let (place, units) = (place?, units?);
    let province = units.province(&place.province)?;
    let commune = match &place.commune {
        Some(code) => match units.commune(code) {
            Some((p, c)) if p.code == province.code => Some(c),
            _ => return None,
        },
        None => None,
    };
    routing::receiving_centre(service.agency.level, province, commune)
}

/// This module's routes: the agencies' events and the staff's view of deliveries.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use crate::api::private;
    use axum::routing::{get, post};
    use portal_api::paths::template as t;
    table
        .post(t::AGENCY_EVENTS, private(post(events::receive)))
        .get(t::STAFF_DELIVERIES, private(get(staff::list)))
        .post(t::STAFF_DELIVERY_RETRY, private(post(staff::retry)))
}
