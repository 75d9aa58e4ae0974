//! Who is signed in, read from `GET /api/v1/session` (the browser never sees a token: the
//! session is an HttpOnly cookie). Shared through context; refreshed after sign-out.

use leptos::prelude::*;
use portal_core::form::Identity;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct User {
    pub full_name: String,
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SessionInfo {
    pub signed_in: bool,
    #[serde(default)]
    pub expired: bool,
    #[serde(default)]
    pub user: Option<User>,
    #[serde(default)]
    pub prefill: Option<Identity>,
}

impl SessionInfo {
    pub fn is_staff(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.kind == "staff")
    }

    /// Whom the signed-in person files as: an organisation's representative for it, anyone
    /// else as a citizen. `None` when signed out.
    pub fn applicant(&self) -> Option<portal_core::Audience> {
        let user = self.user.as_ref()?;
        Some(if user.kind == "business" {
            portal_core::Audience::Business
        } else {
            portal_core::Audience::Citizen
        })
    }
}

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
