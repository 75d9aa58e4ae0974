//! Who is signed in, read from `GET /api/v1/session` (the browser never sees a token: the
//! session is an HttpOnly cookie). Shared through context; refreshed after sign-out.
//!
//! Two contexts: the header's (`Header`: signed in or not, and the name), which every page
//! has, and the forms' part (`Session`: the person's facts for forms), which only the
//! bundles with forms provide. The catalogue's and the statistics' bundles read the
//! header's part alone (`provide_header`), so they carry no code for the rest.

use leptos::prelude::*;

pub use portal_api::session::{FormSession, Identity as User, SessionHeader};

/// The forms' part of the session.
#[derive(Clone, Copy)]
pub struct Session {
    /// `None` while asking or when the session could not be read (treated as signed out).
    pub info: RwSignal<Option<FormSession>>,
    /// Whether the asking is over, answered or failed: until then, who is signed in is
    /// not known.
    pub settled: RwSignal<bool>,
}

impl Session {
    /// A session known already (a page that was given it, a test).
    pub fn known(info: Option<FormSession>) -> Session {
        Session {
            info: RwSignal::new(info),
            settled: RwSignal::new(true),
        }
    }
}

/// What the header shows: `None` while loading or when the session could not be read.
#[derive(Clone, Copy)]
pub struct Header(pub RwSignal<Option<SessionHeader>>);

pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_else(|| Session::known(None))
}

pub fn use_header() -> Header {
    use_context::<Header>().unwrap_or(Header(RwSignal::new(None)))
}

/// Provides both contexts and loads the forms' part of the session (bundles with forms).
pub fn provide_session() {
    let s = Session {
        info: RwSignal::new(None),
        settled: RwSignal::new(false),
    };
    let header = Header(RwSignal::new(None));
    provide_context(s);
    provide_context(header);
    leptos::task::spawn_local(async move {
        if let Ok(info) = crate::api::session().await {
            header.0.set(Some(SessionHeader::from(&info)));
            s.info.set(Some(info));
        }
        s.settled.set(true);
    });
}

/// Provides the header's context alone and loads only its part of the session.
pub fn provide_header() {
    let header = Header(RwSignal::new(None));
    provide_context(header);
    leptos::task::spawn_local(async move {
        if let Ok(info) = crate::api::session_header().await {
            header.0.set(Some(info));
        }
    });
}
