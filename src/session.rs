//! Who is signed in, read from `GET /api/v1/session` (the browser never sees a token: the
//! session is an HttpOnly cookie). Shared through context; refreshed after sign-out.

use leptos::prelude::*;

pub use portal_api::session::{Identity as User, SessionInfo};

/// `None` while loading or when the session could not be read (treated as signed out).
#[derive(Clone, Copy)]
pub struct Session(pub RwSignal<Option<SessionInfo>>);

pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or(Session(RwSignal::new(None)))
}

/// Provides the session context and loads it.
pub fn provide_session() {
    let s = Session(RwSignal::new(None));
    provide_context(s);
    leptos::task::spawn_local(async move {
        if let Ok(info) = crate::api::session().await {
            s.0.set(Some(info));
        }
    });
}
