//! Signing in through the OpenID provider: `GET /auth/sign-in` sends the browser to the
//! provider, `GET /auth/callback` takes it back. What must survive the trip (the state,
//! the nonce, the PKCE verifier, the page to return to) travels in a short-lived,
//! signed, HttpOnly cookie scoped to `/auth`, so starting a sign-in writes nothing on the
//! server; a state that came back is remembered until it expires, so each works once.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::oidc::RelyingParty;
use super::same_origin::is_https;
use super::session::{self, cookie_token, session_cookie, NewSession};
use crate::client::ClientAddr;
use crate::html;
use crate::payments::SigningKey;
use crate::{clock, random, AppState};

/// The cookie carrying a sign-in in progress.
const PENDING_COOKIE: &str = "portal_sign_in";

/// How long a person may take at the provider.
const PENDING_SECS: i64 = 10 * 60;

/// A sign-in in progress, as the cookie carries it.
#[derive(Debug, PartialEq)]
struct Pending {
    expires_at: i64,
    state: String,
    nonce: String,
    verifier: String,
    return_to: String,
}

impl Pending {
    fn body(&self) -> String {
        // Every part but the last is URL-safe base64 or digits, never a dot.
        format!(
            "{}.{}.{}.{}.{}",
            self.expires_at,
            self.state,
            self.nonce,
            self.verifier,
            random::hex(self.return_to.as_bytes())
        )
    }

    fn encode(&self, key: &SigningKey) -> String {
        let body = self.body();
        let mac = key.sign(body.as_bytes());
        format!("{body}.{}", mac.strip_prefix("sha256=").unwrap_or_default())
    }

    fn decode(value: &str, key: &SigningKey, now: i64) -> Option<Pending> {
        let (body, mac) = value.rsplit_once('.')?;
        if !key.verify(body.as_bytes(), &format!("sha256={mac}")) {
            return None;
        }
        let mut parts = body.split('.');
        let pending = Pending {
            expires_at: parts.next()?.parse().ok()?,
            state: parts.next()?.to_string(),
            nonce: parts.next()?.to_string(),
            verifier: parts.next()?.to_string(),
            return_to: String::from_utf8(random::unhex(parts.next()?)?).ok()?,
        };
        (parts.next().is_none() && pending.expires_at > now).then_some(pending)
    }
}

fn pending_cookie(value: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{PENDING_COOKIE}={value}; Path=/auth; HttpOnly; SameSite=Lax; Max-Age={PENDING_SECS}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("portal_sign_in=; Path=/auth; Max-Age=0"))
}

fn clearing_pending_cookie() -> HeaderValue {
    HeaderValue::from_static("portal_sign_in=; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=0")
}

fn read_pending_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == PENDING_COOKIE)
        .map(|(_, value)| value.trim().to_string())
}

/// The person's language for the provider's pages, from the browser's preference.
fn ui_locale(headers: &HeaderMap) -> &'static str {
    match crate::api::request_lang(headers) {
        portal_core::Lang::En => "en vi",
        portal_core::Lang::Vi => "vi en",
    }
}

/// `GET /auth/sign-in` with a provider: off to the provider.
pub fn start(
    rp: &RelyingParty,
    state: &AppState,
    headers: &HeaderMap,
    return_to: String,
) -> Response {
    let started = rp.start(ui_locale(headers));
    let pending = Pending {
        expires_at: clock::now() + PENDING_SECS,
        state: started.state,
        nonce: started.nonce,
        verifier: started.verifier,
        return_to,
    };
    let Ok(location) = HeaderValue::from_str(&started.url) else {
        return failed_page();
    };
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, location),
            (
                header::SET_COOKIE,
                pending_cookie(
                    &pending.encode(&state.sign_in_key),
                    is_https(headers, &state.config),
                ),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

fn expired_page() -> Response {
    html::problem_page(
        StatusCode::BAD_REQUEST,
        ("Phiên đăng nhập đã hết hạn", "The sign-in has expired"),
        (
            "Vì an toàn, mỗi lần đăng nhập chỉ dùng được một lần và trong 10 phút. Hãy bắt đầu lại.",
            "For safety each sign-in works once and for 10 minutes. Please start again.",
        ),
        ("/auth/sign-in", "Đăng nhập lại", "Sign in again"),
    )
}

fn cancelled_page(return_to: &str) -> Response {
    html::problem_page(
        StatusCode::OK,
        ("Bạn chưa đăng nhập", "You have not signed in"),
        (
            "Việc đăng nhập đã bị hủy hoặc bị từ chối. Bạn vẫn xem được thông tin dịch vụ công; hãy đăng nhập khi cần nộp hồ sơ.",
            "The sign-in was cancelled or refused. You can still read about services; sign in when you need to apply.",
        ),
        (return_to, "Quay lại", "Go back"),
    )
}

fn failed_page() -> Response {
    html::problem_page(
        StatusCode::BAD_GATEWAY,
        (
            "Không đăng nhập được qua VNeID",
            "Signing in through VNeID did not work",
        ),
        (
            "Hệ thống định danh không trả lời hoặc trả lời không hợp lệ. Hãy thử lại sau ít phút.",
            "The identity platform did not answer, or answered with something the portal cannot accept. Please try again in a few minutes.",
        ),
        ("/auth/sign-in", "Thử lại", "Try again"),
    )
}

/// `GET /auth/callback`: checks what came back, signs the person in and sends them to
/// the page they started from.
#[utoipa::path(
    get,
    path = "/auth/callback",
    operation_id = "signInCallback",
    tag = "identity",
    summary = "The OpenID provider sends the browser back here after sign-in (authorization code flow with PKCE)",
    description = "Needs the `portal_sign_in` cookie set by /auth/sign-in, whose state must equal the `state` parameter; each state works once. The code is exchanged at the provider, the ID token's signature, issuer, audience, expiry and nonce are checked, and the person's details are read from the user-info endpoint. Throttled per client like the sandbox sign-in.",
    params(
        ("code" = Option<String>, Query, description = "The authorization code"),
        ("state" = Option<String>, Query, description = "The state sent with the authorization request"),
        ("error" = Option<String>, Query, description = "Set by the provider when the person cancelled or was refused"),
    ),
    responses(
        (status = 303, description = "Signed in; Location is the page the sign-in started from", headers(("Set-Cookie" = String), ("Location" = String))),
        (status = 200, description = "The person cancelled at the provider: a page saying so", body = String, content_type = "text/html"),
        (status = 400, description = "No sign-in in progress, a state that does not match or was used, or it expired", body = String, content_type = "text/html"),
        (status = 404, description = "This server signs in without an OpenID provider", body = String, content_type = "text/html"),
        (status = 429, description = "Too many sign-in attempts from this client", body = String, content_type = "text/html"),
        (status = 502, description = "The provider refused the code or its answer failed the checks", body = String, content_type = "text/html"),
    ),
)]
pub async fn finish(
    client: ClientAddr,
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<CallbackQuery>, QueryRejection>,
) -> Response {
    let Some(rp) = state.relying_party.clone() else {
        return no_provider_page();
    };
    if let Err(retry_after) = state.sign_in_throttle.hit(&client.key()) {
        return super::sign_in::too_many_attempts_page(retry_after);
    }
    let now = clock::now();
    let pending =
        read_pending_cookie(&headers).and_then(|v| Pending::decode(&v, &state.sign_in_key, now));
    let (Some(pending), Ok(Query(query))) = (pending, query) else {
        return with_cleared(expired_page());
    };
    // Compared through their hashes, so the comparison takes the same time whatever
    // matches.
    // A state that does not match leaves the sign-in in progress alone: a page of
    // another site cannot end someone's sign-in by sending them here.
    let returned = query.state.unwrap_or_default();
    if Sha256::digest(returned.as_bytes()) != Sha256::digest(pending.state.as_bytes()) {
        return expired_page();
    }
    if query.error.is_some() {
        return with_cleared(cancelled_page(&pending.return_to));
    }
    let Some(code) = query.code.filter(|c| !c.is_empty() && c.len() <= 2048) else {
        return with_cleared(expired_page());
    };
    // One use per state, across restarts and instances.
    let (used_state, expires_at, return_to) = (
        random::hex(&Sha256::digest(pending.state.as_bytes())),
        pending.expires_at,
        pending.return_to.clone(),
    );
    let first_use: Result<bool, crate::db::DbError> = async {
        let mut c = state.db.conn().await?;
        session::sweep_sessions(&mut c, now).await?;
        // The primary key decides, between instances too.
        Ok(sqlx::query(
            "INSERT INTO sign_in_requests (state, return_to, expires_at)
             VALUES ($1, $2, $3) ON CONFLICT (state) DO NOTHING",
        )
        .bind(used_state)
        .bind(return_to)
        .bind(expires_at)
        .execute(&mut *c)
        .await?
        .rows_affected()
            == 1)
    }
    .await;
    match first_use {
        Ok(true) => {}
        Ok(false) => return with_cleared(expired_page()),
        Err(e) => {
            tracing::error!("sign-in: {e}");
            return with_cleared(failed_page());
        }
    }
    let verified = match rp.finish(&code, &pending.verifier, &pending.nonce).await {
        Ok(v) => v,
        Err(e) => {
            tracing::warn!("sign-in through the identity provider: {e}");
            return with_cleared(failed_page());
        }
    };
    let Ok(token) = random::token() else {
        return with_cleared(failed_page());
    };
    let previous = cookie_token(&headers);
    let idle = state.config.session_idle.as_secs() as i64;
    let max = state.config.session_max.as_secs() as i64;
    let tok = token.clone();
    let created: Result<(), crate::db::DbError> = async {
        let mut tx = state.db.begin().await?;
        if let Some(prev) = previous {
            session::end(&mut tx, &prev, now).await?;
        }
        let who = NewSession {
            identity: &verified.identity,
            assurance_level: verified.assurance_level,
        };
        session::create(&mut tx, &tok, &who, now, idle, max).await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    if let Err(e) = created {
        tracing::error!("sign-in: {e}");
        return with_cleared(failed_page());
    }
    let location =
        HeaderValue::from_str(&pending.return_to).unwrap_or(HeaderValue::from_static("/"));
    let mut response = (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, location),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
    )
        .into_response();
    let h = response.headers_mut();
    h.append(
        header::SET_COOKIE,
        session_cookie(&token, is_https(&headers, &state.config)),
    );
    h.append(header::SET_COOKIE, clearing_pending_cookie());
    response
}

fn no_provider_page() -> Response {
    html::problem_page(
        StatusCode::NOT_FOUND,
        ("Không tìm thấy trang", "Page not found"),
        (
            "Cổng này không đăng nhập qua nhà cung cấp định danh.",
            "This portal does not sign in through an identity provider.",
        ),
        ("/", "Về trang chủ", "Go to the home page"),
    )
}

fn with_cleared(mut page: Response) -> Response {
    page.headers_mut()
        .append(header::SET_COOKIE, clearing_pending_cookie());
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pending_cookie_is_signed_and_expires() {
        let key = SigningKey::new(b"test key");
        let p = Pending {
            expires_at: 2_000,
            state: "st-AB_c".into(),
            nonce: "n0nce".into(),
            verifier: "v3rifier-_".into(),
            return_to: "/services/x?a=1.2".into(),
        };
        let v = p.encode(&key);
        assert_eq!(Pending::decode(&v, &key, 1_000), Some(p));
        assert_eq!(Pending::decode(&v, &key, 2_000), None, "expired");
        let forged = v.replacen("st-AB_c", "st-AB_d", 1);
        assert_eq!(Pending::decode(&forged, &key, 1_000), None, "altered");
        assert_eq!(Pending::decode(&v, &SigningKey::new(b"other"), 1_000), None);
        assert_eq!(Pending::decode("1.2.3", &key, 0), None);
    }
}
