//! Server-side sessions. The cookie holds a random 256-bit token; the database holds only
//! its SHA-256, the person the identity provider vouched for (as JSON) and the expiry,
//! so a copy of the database cannot be used to sign in. Whether the person is staff is
//! not stored: the staff directory is asked on every request. A session ends after an idle period or an absolute lifetime, whichever
//! comes first; an ended session is reported as `session_expired` (not as "not signed
//! in") so the web app can say why and keep the user's draft.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use sha2::{Digest, Sha256};
use sqlx::Row;

use portal_api::session::{StaffMembership, StaffRole};

use super::{AuthError, Identity};
use crate::api::ApiError;
use crate::db::{Conn, DbError};
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

/// Who a new session is for, and how sure the identity provider was.
pub struct NewSession<'a> {
    pub identity: &'a Identity,
    pub assurance_level: u8,
}

/// Starts a session under `token` (which goes into the cookie); returns when it will
/// expire if unused.
pub async fn create(
    conn: &mut Conn,
    token: &str,
    who: &NewSession<'_>,
    now: i64,
    idle_secs: i64,
    max_secs: i64,
) -> Result<i64, DbError> {
    let absolute = now + max_secs;
    let expires = (now + idle_secs).min(absolute);
    let identity = serde_json::to_string(who.identity).map_err(|e| DbError::Data(e.to_string()))?;
    sqlx::query(
        "INSERT INTO sessions (token_hash, subject, created_at, last_seen, expires_at,
                               absolute_expires_at, identity_json, assurance_level)
         VALUES ($1, $2, $3, $3, $4, $5, $6, $7)",
    )
    .bind(token_hash(token))
    .bind(&who.identity.subject)
    .bind(now)
    .bind(expires)
    .bind(absolute)
    .bind(identity)
    .bind(i64::from(who.assurance_level))
    .execute(conn)
    .await?;
    Ok(expires)
}

/// The state of the session a token names.
#[derive(Debug, PartialEq)]
pub enum Lookup {
    Active {
        identity: Box<Identity>,
        assurance_level: u8,
        expires_at: i64,
    },
    /// Unknown, signed out or timed out: all mean "sign in again".
    Ended,
}

/// Moves the session's idle expiry on, if nobody did since it was last seen at `seen`:
/// a compare-and-set on `last_seen`. Requests of one session that all find the touch due
/// at once (a page's parallel requests; the load benchmark's 32 connections) then write
/// it once: on PostgreSQL the others wait for that one commit and find `last_seen`
/// changed, instead of each writing and committing the row in turn behind the other's
/// row lock. Returns whether this call wrote it.
async fn touch(
    conn: &mut Conn,
    token: &str,
    seen: i64,
    now: i64,
    expires_at: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE sessions SET last_seen = $2, expires_at = $3
         WHERE token_hash = $1 AND last_seen = $4",
    )
    .bind(token_hash(token))
    .bind(now)
    .bind(expires_at)
    .bind(seen)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Finds the session and extends its idle expiry.
pub async fn resolve(
    conn: &mut Conn,
    token: &str,
    now: i64,
    idle_secs: i64,
) -> Result<Lookup, DbError> {
    let row = sqlx::query(
        "SELECT identity_json, last_seen, expires_at, absolute_expires_at, ended_at,
                assurance_level
         FROM sessions WHERE token_hash = $1",
    )
    .bind(token_hash(token))
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(Lookup::Ended);
    };
    let identity: String = row.try_get(0)?;
    let last_seen: i64 = row.try_get(1)?;
    let expires_at: i64 = row.try_get(2)?;
    let absolute: i64 = row.try_get(3)?;
    let ended_at: Option<i64> = row.try_get(4)?;
    let assurance_level = u8::try_from(row.try_get::<i64, _>(5)?).unwrap_or(1);
    if ended_at.is_some() || expires_at <= now {
        return Ok(Lookup::Ended);
    }
    // A session from before identities were kept with it cannot act: sign in again.
    let Ok(identity) = serde_json::from_str::<Identity>(&identity) else {
        return Ok(Lookup::Ended);
    };
    let identity = Box::new(identity);
    if now - last_seen < TOUCH_EVERY_SECS {
        return Ok(Lookup::Active {
            identity,
            assurance_level,
            expires_at,
        });
    }
    let expires_at = (now + idle_secs).min(absolute);
    touch(conn, token, last_seen, now, expires_at).await?;
    Ok(Lookup::Active {
        identity,
        assurance_level,
        expires_at,
    })
}

/// Ends the session a token names (sign-out). Ending an unknown session is not an error.
pub async fn end(conn: &mut Conn, token: &str, now: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL")
        .bind(token_hash(token))
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes sessions and sign-in requests that can no longer matter.
pub async fn sweep_sessions(conn: &mut Conn, now: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE expires_at < $1 OR ended_at < $1")
        .bind(now - KEEP_ENDED_SECS)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM sign_in_requests WHERE expires_at < $1")
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Who the request is from, as far as the cookie tells.
pub enum Current {
    /// No session cookie at all.
    Anonymous,
    /// A cookie for a session that has ended.
    Expired,
    Active {
        user: User,
        assurance_level: u8,
        expires_at: i64,
    },
}

/// A signed-in person, with their place in the staff directory if they have one.
#[derive(Debug, Clone)]
pub struct User {
    pub identity: Arc<Identity>,
    pub staff: Option<StaffMembership>,
}

impl std::ops::Deref for User {
    type Target = Identity;
    fn deref(&self) -> &Identity {
        &self.identity
    }
}

impl User {
    /// Whether the staff directory gives this person `role`.
    pub fn has_role(&self, role: StaffRole) -> bool {
        self.staff.as_ref().is_some_and(|s| s.has(role))
    }

    /// Refuses with `staff_role_required` unless the person holds one of `roles`.
    pub fn require_any(&self, roles: &[StaffRole]) -> Result<(), AuthError> {
        match roles.iter().find(|r| self.has_role(**r)) {
            Some(_) => Ok(()),
            None => Err(AuthError::RoleRequired(roles[0])),
        }
    }

    /// Refuses with `staff_role_required` unless the person holds `role`.
    pub fn require(&self, role: StaffRole) -> Result<(), AuthError> {
        if self.has_role(role) {
            Ok(())
        } else {
            Err(AuthError::RoleRequired(role))
        }
    }
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
    let mut c = state.db.conn().await?;
    let lookup = resolve(&mut c, &token, now, idle).await?;
    drop(c);
    Ok(match lookup {
        Lookup::Ended => Current::Expired,
        Lookup::Active {
            identity,
            assurance_level,
            expires_at,
        } => {
            let staff = state.staff.get(&identity.subject).cloned();
            Current::Active {
                user: User {
                    identity: Arc::from(identity),
                    staff,
                },
                assurance_level,
                expires_at,
            }
        }
    })
}

/// The signed-in user; refuses with `not_signed_in` or `session_expired`.
pub struct SignedIn(pub User);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match current(&parts.headers, state).await? {
            Current::Active { user, .. } => Ok(SignedIn(user)),
            Current::Anonymous => Err(AuthError::NotSignedIn.into()),
            Current::Expired => Err(AuthError::SessionExpired.into()),
        }
    }
}

/// The signed-in user if there is one; never refuses (for public lookups).
pub struct OptionalUser(pub Option<User>);

impl FromRequestParts<AppState> for OptionalUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        Ok(OptionalUser(match current(&parts.headers, state).await? {
            Current::Active { user, .. } => Some(user),
            _ => None,
        }))
    }
}

/// A signed-in member of portal staff, whatever their roles; refuses everyone else with
/// `staff_only`. Each handler then checks the role it needs with [`User::require`].
pub struct StaffUser(pub User);

impl FromRequestParts<AppState> for StaffUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let SignedIn(user) = SignedIn::from_request_parts(parts, state).await?;
        if user.staff.is_some() {
            Ok(StaffUser(user))
        } else {
            Err(AuthError::StaffOnly.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn db() -> sqlx::pool::PoolConnection<sqlx::Any> {
        crate::db::memory().await.conn().await.unwrap()
    }

    fn person(subject: &str) -> Identity {
        let mut i = (*super::super::Directory::sandbox().unwrap().all()[0]).clone();
        i.subject = subject.into();
        i
    }

    async fn create(
        c: &mut Conn,
        token: &str,
        subject: &str,
        now: i64,
        idle: i64,
        max: i64,
    ) -> Result<i64, DbError> {
        let identity = person(subject);
        let who = NewSession {
            identity: &identity,
            assurance_level: 2,
        };
        super::create(c, token, &who, now, idle, max).await
    }

    fn active(subject: &str, expires_at: i64) -> Lookup {
        Lookup::Active {
            identity: Box::new(person(subject)),
            assurance_level: 2,
            expires_at,
        }
    }

    #[tokio::test]
    async fn sessions_slide_then_end() {
        let mut c = db().await;
        let c = &mut *c;
        let t = "a".repeat(64);
        let exp = create(c, &t, "s", 1000, 600, 3600).await.unwrap();
        assert_eq!(exp, 1600);
        assert_eq!(resolve(c, &t, 1010, 600).await.unwrap(), active("s", 1600));
        // Touched after a minute: the idle window moves.
        assert_eq!(resolve(c, &t, 1500, 600).await.unwrap(), active("s", 2100));
        assert_eq!(
            resolve(c, &t, 4000, 600).await.unwrap(),
            Lookup::Ended,
            "idle too long"
        );
        // However active, never beyond the absolute lifetime.
        let t2 = "b".repeat(64);
        create(c, &t2, "s", 1000, 600, 700).await.unwrap();
        assert_eq!(resolve(c, &t2, 1599, 600).await.unwrap(), active("s", 1700));
        assert_eq!(resolve(c, &t2, 1700, 600).await.unwrap(), Lookup::Ended);
        assert_eq!(
            resolve(c, "unknown", 1000, 600).await.unwrap(),
            Lookup::Ended
        );
    }

    #[tokio::test]
    async fn of_requests_that_find_the_touch_due_together_one_writes_it() {
        let mut c = db().await;
        let c = &mut *c;
        let t = "c".repeat(64);
        create(c, &t, "s", 1000, 600, 3600).await.unwrap();
        // Two requests read the session seen at 1000 and both find the touch due.
        assert!(touch(c, &t, 1000, 1500, 2100).await.unwrap());
        assert!(!touch(c, &t, 1000, 1501, 2101).await.unwrap());
        // The first one's expiry stands, and the next touch is counted from it.
        assert_eq!(resolve(c, &t, 1510, 600).await.unwrap(), active("s", 2100));
        assert_eq!(resolve(c, &t, 1600, 600).await.unwrap(), active("s", 2200));
    }

    #[tokio::test]
    async fn sign_out_ends_the_session_and_the_database_never_holds_the_token() {
        let mut c = db().await;
        let c = &mut *c;
        let t = "c".repeat(64);
        create(c, &t, "s", 1000, 600, 3600).await.unwrap();
        let stored: String = sqlx::query("SELECT token_hash FROM sessions")
            .fetch_one(&mut *c)
            .await
            .unwrap()
            .get(0);
        assert_ne!(stored, t);
        end(c, &t, 1001).await.unwrap();
        assert_eq!(resolve(c, &t, 1002, 600).await.unwrap(), Lookup::Ended);
        sweep_sessions(c, 1001 + KEEP_ENDED_SECS + 1).await.unwrap();
        let n: i64 = sqlx::query("SELECT COUNT(*) FROM sessions")
            .fetch_one(&mut *c)
            .await
            .unwrap()
            .get(0);
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
