//! Server-side sessions. The cookie holds a random 256-bit token; the database holds only
//! its SHA-256, the subject and the expiry, so a copy of the database cannot be used to
//! sign in. A session ends after an idle period or an absolute lifetime, whichever
//! comes first; an ended session is reported as `session_expired` (not as "not signed
//! in") so the web app can say why and keep the user's draft.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::{AuthError, Identity};
use crate::api::ApiError;
use crate::db::DbError;
use crate::{clock, random, AppState};

pub const COOKIE_NAME: &str = "portal_session";

/// Sliding expiry is written at most this often, so reads do not all become writes.
const TOUCH_EVERY_SECS: i64 = 60;

/// Ended sessions are kept this long (to answer `session_expired`), then deleted.
const KEEP_ENDED_SECS: i64 = 7 * 24 * 3600;

pub fn token_hash(token: &str) -> String {
    random::hex(&Sha256::digest(token.as_bytes()))
}

/// The session token sent by the browser, if any. A value that is not of our shape is
/// returned as is and simply matches no session.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value.trim().to_string())
}

/// `Set-Cookie` for a new session: HttpOnly so scripts never see it, SameSite=Lax so
/// cross-site POSTs do not carry it, Secure whenever the portal is served over HTTPS.
/// No Max-Age: the browser forgets it when closed; the server ends it earlier.
pub fn session_cookie(token: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Lax{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("portal_session=; Path=/; Max-Age=0"))
}

/// `Set-Cookie` that removes the session cookie.
pub fn clearing_cookie(secure: bool) -> HeaderValue {
    if secure {
        HeaderValue::from_static(
            "portal_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure",
        )
    } else {
        HeaderValue::from_static("portal_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
    }
}

/// Starts a session for `subject` under `token` (which goes into the cookie); returns
/// when it will expire if unused.
pub fn create(
    conn: &Connection,
    token: &str,
    subject: &str,
    now: i64,
    idle_secs: i64,
    max_secs: i64,
) -> Result<i64, DbError> {
    let absolute = now + max_secs;
    let expires = (now + idle_secs).min(absolute);
    conn.execute(
        "INSERT INTO sessions (token_hash, subject, created_at, last_seen, expires_at, absolute_expires_at)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5)",
        params![token_hash(token), subject, now, expires, absolute],
    )?;
    Ok(expires)
}

/// The state of the session a token names.
#[derive(Debug, PartialEq)]
pub enum Lookup {
    Active {
        subject: String,
        expires_at: i64,
    },
    /// Unknown, signed out or timed out: all mean "sign in again".
    Ended,
}

/// Finds the session and extends its idle expiry.
pub fn resolve(
    conn: &Connection,
    token: &str,
    now: i64,
    idle_secs: i64,
) -> Result<Lookup, DbError> {
    let row = conn
        .query_row(
            "SELECT subject, last_seen, expires_at, absolute_expires_at, ended_at
             FROM sessions WHERE token_hash = ?1",
            params![token_hash(token)],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                ))
            },
        )
        .optional()?;
    let Some((subject, last_seen, expires_at, absolute, ended_at)) = row else {
        return Ok(Lookup::Ended);
    };
    if ended_at.is_some() || expires_at <= now {
        return Ok(Lookup::Ended);
    }
    if now - last_seen < TOUCH_EVERY_SECS {
        return Ok(Lookup::Active {
            subject,
            expires_at,
        });
    }
    let expires_at = (now + idle_secs).min(absolute);
    conn.execute(
        "UPDATE sessions SET last_seen = ?2, expires_at = ?3 WHERE token_hash = ?1",
        params![token_hash(token), now, expires_at],
    )?;
    Ok(Lookup::Active {
        subject,
        expires_at,
    })
}

/// Ends the session a token names (sign-out). Ending an unknown session is not an error.
pub fn end(conn: &Connection, token: &str, now: i64) -> Result<(), DbError> {
    conn.execute(
        "UPDATE sessions SET ended_at = ?2 WHERE token_hash = ?1 AND ended_at IS NULL",
        params![token_hash(token), now],
    )?;
    Ok(())
}

/// Deletes sessions and sign-in requests that can no longer matter.
pub fn sweep_sessions(conn: &Connection, now: i64) -> Result<(), DbError> {
    conn.execute(
        "DELETE FROM sessions WHERE expires_at < ?1 OR ended_at < ?1",
        params![now - KEEP_ENDED_SECS],
    )?;
    conn.execute(
        "DELETE FROM sign_in_requests WHERE expires_at < ?1",
        params![now],
    )?;
    Ok(())
}

/// Who the request is from, as far as the cookie tells.
pub enum Current {
    /// No session cookie at all.
    Anonymous,
    /// A cookie for a session that has ended.
    Expired,
    Active {
        identity: Arc<Identity>,
        expires_at: i64,
    },
}

pub async fn current(headers: &HeaderMap, state: &AppState) -> Result<Current, ApiError> {
    let Some(token) = cookie_token(headers) else {
        return Ok(Current::Anonymous);
    };
    if token.is_empty() {
        return Ok(Current::Anonymous);
    }
    let idle = state.config.session_idle.as_secs() as i64;
    let now = clock::now();
    let lookup = state
        .db
        .with(move |c| resolve(c, &token, now, idle))
        .await?;
    Ok(match lookup {
        Lookup::Ended => Current::Expired,
        // A subject no longer in the identity file cannot act any more.
        Lookup::Active {
            subject,
            expires_at,
        } => match state.identities.get(&subject) {
            Some(identity) => Current::Active {
                identity,
                expires_at,
            },
            None => Current::Expired,
        },
    })
}

/// The signed-in user; refuses with `not_signed_in` or `session_expired`.
pub struct SignedIn(pub Arc<Identity>);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match current(&parts.headers, state).await? {
            Current::Active { identity, .. } => Ok(SignedIn(identity)),
            Current::Anonymous => Err(AuthError::NotSignedIn.into()),
            Current::Expired => Err(AuthError::SessionExpired.into()),
        }
    }
}

/// The signed-in user if there is one; never refuses (for public lookups).
pub struct OptionalUser(pub Option<Arc<Identity>>);

impl FromRequestParts<AppState> for OptionalUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        Ok(OptionalUser(match current(&parts.headers, state).await? {
            Current::Active { identity, .. } => Some(identity),
            _ => None,
        }))
    }
}

/// A signed-in member of portal staff; refuses everyone else with `staff_only`.
pub struct StaffUser(pub Arc<Identity>);

impl FromRequestParts<AppState> for StaffUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let SignedIn(identity) = SignedIn::from_request_parts(parts, state).await?;
        if identity.is_staff() {
            Ok(StaffUser(identity))
        } else {
            Err(AuthError::StaffOnly.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(super::super::MIGRATION).unwrap();
        c
    }

    #[test]
    fn sessions_slide_then_end() {
        let c = db();
        let t = "a".repeat(64);
        let exp = create(&c, &t, "s", 1000, 600, 3600).unwrap();
        assert_eq!(exp, 1600);
        assert_eq!(
            resolve(&c, &t, 1010, 600).unwrap(),
            Lookup::Active {
                subject: "s".into(),
                expires_at: 1600
            }
        );
        // Touched after a minute: the idle window moves.
        assert_eq!(
            resolve(&c, &t, 1500, 600).unwrap(),
            Lookup::Active {
                subject: "s".into(),
                expires_at: 2100
            }
        );
        assert_eq!(
            resolve(&c, &t, 4000, 600).unwrap(),
            Lookup::Ended,
            "idle too long"
        );
        // However active, never beyond the absolute lifetime.
        let t2 = "b".repeat(64);
        create(&c, &t2, "s", 1000, 600, 700).unwrap();
        assert_eq!(
            resolve(&c, &t2, 1599, 600).unwrap(),
            Lookup::Active {
                subject: "s".into(),
                expires_at: 1700
            }
        );
        assert_eq!(resolve(&c, &t2, 1700, 600).unwrap(), Lookup::Ended);
        assert_eq!(resolve(&c, "unknown", 1000, 600).unwrap(), Lookup::Ended);
    }

    #[test]
    fn sign_out_ends_the_session_and_the_database_never_holds_the_token() {
        let c = db();
        let t = "c".repeat(64);
        create(&c, &t, "s", 1000, 600, 3600).unwrap();
        let stored: String = c
            .query_row("SELECT token_hash FROM sessions", [], |r| r.get(0))
            .unwrap();
        assert_ne!(stored, t);
        end(&c, &t, 1001).unwrap();
        assert_eq!(resolve(&c, &t, 1002, 600).unwrap(), Lookup::Ended);
        sweep_sessions(&c, 1001 + KEEP_ENDED_SECS + 1).unwrap();
        let n: i64 = c
            .query_row("SELECT COUNT(*) FROM sessions", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn reads_the_cookie_among_others() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; portal_session=tok; b=2"),
        );
        assert_eq!(cookie_token(&h).as_deref(), Some("tok"));
        let mut h = HeaderMap::new();
        h.append(header::COOKIE, HeaderValue::from_static("other=1"));
        h.append(header::COOKIE, HeaderValue::from_static("portal_session=x"));
        assert_eq!(cookie_token(&h).as_deref(), Some("x"));
        assert_eq!(cookie_token(&HeaderMap::new()), None);
        let v = session_cookie("tok", true);
        let v = v.to_str().unwrap();
        assert!(v.contains("HttpOnly") && v.contains("SameSite=Lax") && v.ends_with("Secure"));
        assert!(!session_cookie("tok", false)
            .to_str()
            .unwrap()
            .contains("Secure"));
    }
}
