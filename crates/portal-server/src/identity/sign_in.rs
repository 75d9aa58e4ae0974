//! Where sign-in starts, the built-in sandbox sign-in page, and the session endpoints.
//! The web app sends the browser to `/auth/sign-in?return_to=<path>`. With an OpenID
//! provider configured, that is a redirect to the provider (see `callback`); with the
//! sandbox turned on instead, the person picks a test identity on a page of this
//! server, and the browser comes back to `<path>` with a session cookie. A one-time `state` ties the form to the
//! page the server rendered, which also stops another site from signing people in.
//! The state is signed rather than stored, so an anonymous visit to the page writes
//! nothing; only a used state is kept, until it expires. Attempts are throttled per
//! client.

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Query, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_api::session::SessionInfo;
use serde::Deserialize;

use super::same_origin::{is_https, FormOrigin, SameOrigin};
use super::session::{self, clearing_cookie, cookie_token, session_cookie, Current};
use super::{Identity, IdentityKind};
use crate::api::ApiError;
use crate::client::{ClientAddr, Throttle};
use crate::html::{self, bilingual, escape};
use crate::{clock, random, AppState};

/// How long the sign-in page stays usable.
const SIGN_IN_STATE_SECS: i64 = 10 * 60;

/// Longest `return_to` carried through the sign-in page.
const MAX_RETURN_TO: usize = 1024;

/// The throttle of [`sign_in_form`]: the configured attempts per client and minute,
/// more than a person makes, few enough that a flood cannot fill the session table.
pub fn sign_in_throttle(config: &crate::Config) -> Throttle {
    Throttle::new(config.sign_in_limit, std::time::Duration::from_secs(60))
}

/// The assurance level the sandbox stands in for (VNeID level 2).
const ASSURANCE_LEVEL: u8 = 2;

#[derive(Deserialize)]
pub struct SignInQuery {
    return_to: Option<String>,
}

/// The sandbox sign-in page's form: its one-time state and the identity chosen.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct SignInForm {
    state: String,
    identity: Option<String>,
}

fn sign_in_expired_page() -> Response {
    html::problem_page(
        StatusCode::BAD_REQUEST,
        ("Trang đăng nhập đã hết hạn", "The sign-in page has expired"),
        (
            "Vì an toàn, trang đăng nhập chỉ dùng được một lần và trong 10 phút. Hãy bắt đầu lại.",
            "For safety the sign-in page works once and for 10 minutes. Please start again.",
        ),
        ("/auth/sign-in", "Đăng nhập lại", "Sign in again"),
    )
}

pub(crate) fn too_many_attempts_page(retry_after: u64) -> Response {
    let mut page = html::problem_page(
        StatusCode::TOO_MANY_REQUESTS,
        ("Quá nhiều lần đăng nhập", "Too many sign-in attempts"),
        (
            "Có quá nhiều lần đăng nhập từ địa chỉ của bạn. Hãy đợi một phút rồi thử lại.",
            "There were too many sign-in attempts from your address. Wait a minute and try again.",
        ),
        ("/auth/sign-in", "Thử lại", "Try again"),
    );
    if let Ok(v) = HeaderValue::from_str(&retry_after.to_string()) {
        page.headers_mut().insert(header::RETRY_AFTER, v);
    }
    page
}

/// What a sign-in page's state carries: a one-time nonce, when it expires and where the
/// browser goes back to, signed with the server's key.
struct PendingSignIn {
    nonce: String,
    expires_at: i64,
    return_to: String,
}

impl PendingSignIn {
    fn signed_part(&self) -> String {
        format!(
            "{}.{}.{}",
            self.expires_at,
            self.nonce,
            random::hex(self.return_to.as_bytes())
        )
    }

    fn encode(&self, state: &AppState) -> String {
        let body = self.signed_part();
        let signature = state.sign_in_key.sign(body.as_bytes());
        let mac = signature.strip_prefix("sha256=").unwrap_or_default();
        format!("{body}.{mac}")
    }

    /// The state's content, if this server signed it and it has not expired.
    fn decode(token: &str, state: &AppState, now: i64) -> Option<PendingSignIn> {
        let (body, mac) = token.rsplit_once('.')?;
        if !state
            .sign_in_key
            .verify(body.as_bytes(), &format!("sha256={mac}"))
        {
            return None;
        }
        let mut parts = body.splitn(3, '.');
        let expires_at: i64 = parts.next()?.parse().ok()?;
        let nonce = parts.next()?.to_string();
        let return_to = String::from_utf8(random::unhex(parts.next()?)?).ok()?;
        (expires_at > now).then_some(PendingSignIn {
            nonce,
            expires_at,
            return_to,
        })
    }
}

fn sign_in_unavailable_page() -> Response {
    html::problem_page(
        StatusCode::SERVICE_UNAVAILABLE,
        ("Chưa đăng nhập được", "Sign-in is not available"),
        (
            "Cổng chưa được kết nối với hệ thống định danh. Bạn vẫn xem được thông tin dịch vụ công.",
            "The portal is not connected to the identity platform yet. You can still read about services.",
        ),
        ("/", "Về trang chủ", "Go to the home page"),
    )
}

fn sandbox_off_page() -> Response {
    html::problem_page(
        StatusCode::NOT_FOUND,
        ("Không tìm thấy trang", "Page not found"),
        (
            "Đăng nhập thử nghiệm không được bật trên cổng này.",
            "The sandbox sign-in is not turned on in this portal.",
        ),
        ("/auth/sign-in", "Đăng nhập", "Sign in"),
    )
}

fn internal_page() -> Response {
    html::problem_page(
        StatusCode::INTERNAL_SERVER_ERROR,
        ("Máy chủ gặp sự cố", "The server had a problem"),
        (
            "Không thể hoàn tất việc đăng nhập. Hãy thử lại sau ít phút.",
            "Sign-in could not be completed. Please try again in a few minutes.",
        ),
        ("/auth/sign-in", "Thử lại", "Try again"),
    )
}

/// `GET /auth/sign-in`: off to the identity provider, or the list of test identities.
#[utoipa::path(
    get,
    path = "/auth/sign-in",
    operation_id = "signInPage",
    tag = "identity",
    summary = "Where sign-in starts: a redirect to the OpenID provider, or (sandbox only) a page listing test identities",
    description = "The web app sends the browser here to sign in. With an OpenID provider configured: 303 to its authorization endpoint (code flow, PKCE S256, state and nonce) with a short-lived `portal_sign_in` cookie (HttpOnly, Path=/auth). With the built-in sandbox turned on instead: a bilingual page carrying a one-time state valid for 10 minutes, no script, no inline style. With neither: 503.",
    params(
        ("return_to" = Option<String>, Query, description = "A path on this site to come back to; anything else becomes /", max_length = 2000),
    ),
    responses(
        (status = 200, description = "The sandbox sign-in page", body = String, content_type = "text/html"),
        (status = 303, description = "Off to the OpenID provider", headers(("Location" = String), ("Set-Cookie" = String))),
        (status = 500, description = "A page explaining the failure", body = String, content_type = "text/html"),
        (status = 503, description = "No way to sign in is configured", body = String, content_type = "text/html"),
    ),
)]
pub async fn sign_in_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<SignInQuery>, QueryRejection>,
) -> Response {
    let return_to = query
        .ok()
        .and_then(|Query(q)| q.return_to)
        .filter(|p| html::is_local_path(p) && p.len() <= MAX_RETURN_TO)
        .unwrap_or_else(|| "/".to_string());
    if let Some(rp) = &state.relying_party {
        return super::callback::start(rp, &state, &headers, return_to);
    }
    if !state.config.sandbox_sign_in {
        return sign_in_unavailable_page();
    }
    let Ok(nonce) = random::token() else {
        return internal_page();
    };
    let pending = PendingSignIn {
        nonce,
        expires_at: clock::now() + SIGN_IN_STATE_SECS,
        return_to,
    };
    render(&state, &pending.encode(&state), &pending.return_to, false)
}

fn kind_label(state: &AppState, i: &Identity) -> String {
    if state.staff.get(&i.subject).is_some() {
        return bilingual("Cán bộ cổng dịch vụ công", "Portal staff");
    }
    match (&i.kind, &i.business) {
        (IdentityKind::Citizen, _) => bilingual("Công dân", "Citizen"),
        (IdentityKind::Business, Some(b)) => format!(
            "{}, {} ({}: {})",
            bilingual("Người đại diện doanh nghiệp", "Business representative"),
            escape(&b.name),
            bilingual("mã số thuế", "tax code"),
            escape(&b.tax_code)
        ),
        (IdentityKind::Business, None) => {
            bilingual("Người đại diện doanh nghiệp", "Business representative")
        }
    }
}

fn render(state: &AppState, token: &str, return_to: &str, error: bool) -> Response {
    let mut options = String::new();
    for (n, i) in state.identities.all().iter().enumerate() {
        options.push_str(&format!(
            "<div class=\"identity\">\n<input type=\"radio\" id=\"identity-{n}\" name=\"identity\" value=\"{}\">\n\
             <label for=\"identity-{n}\"><strong>{}</strong>, {}, {} {}</label>\n</div>\n",
            escape(&i.subject),
            escape(&i.full_name),
            kind_label(state, i),
            bilingual("số định danh", "ID number"),
            escape(&i.id_number),
        ));
    }
    let (summary, described, error_line) = if error {
        (
            format!(
                "<div role=\"alert\" aria-labelledby=\"error-title\">\n<h2 id=\"error-title\">{}</h2>\n\
                 <ul><li><a href=\"#identity-0\">{}</a></li></ul>\n</div>\n",
                bilingual("Có lỗi cần sửa", "There is a problem"),
                bilingual("Hãy chọn một danh tính", "Choose an identity"),
            ),
            "identity-hint identity-error",
            format!(
                "<p id=\"identity-error\"><strong>{}</strong> {}</p>\n",
                bilingual("Lỗi:", "Error:"),
                bilingual("Hãy chọn một danh tính", "Choose an identity"),
            ),
        )
    } else {
        (String::new(), "identity-hint", String::new())
    };
    let body =
        format!(
        "<h1>{title}</h1>\n\
         <p>{intro}</p>\n\
         {summary}\
         <form method=\"post\" action=\"/auth/sign-in\">\n\
         <input type=\"hidden\" name=\"state\" value=\"{token}\">\n\
         <fieldset aria-describedby=\"{described}\">\n\
         <legend><h2>{legend}</h2></legend>\n\
         <p id=\"identity-hint\">{hint}</p>\n\
         {error_line}\
         {options}\
         </fieldset>\n\
         <button type=\"submit\">{submit}</button>\n\
         </form>\n\
         <p><a href=\"{back}\">{cancel}</a></p>",
        title = bilingual("Đăng nhập bằng danh tính thử nghiệm", "Sign in with a test identity"),
        intro = bilingual(
            "Đây là môi trường thử nghiệm thay cho VNeID mức 2. Mọi danh tính dưới đây đều là giả.",
            "This is a sandbox standing in for VNeID level 2. Every identity below is invented.",
        ),
        legend = bilingual("Chọn danh tính", "Choose an identity"),
        hint = bilingual(
            "Thông tin của danh tính được dùng để điền sẵn biểu mẫu.",
            "The identity's details are used to prefill forms.",
        ),
        submit = bilingual("Đăng nhập", "Sign in"),
        cancel = bilingual("Hủy và quay lại", "Cancel and go back"),
        token = escape(token),
        back = escape(return_to),
    );
    html::page(
        if error {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::OK
        },
        "Đăng nhập thử nghiệm",
        "Sandbox sign-in",
        error,
        &body,
    )
}

/// `POST /auth/sign-in`: checks the one-time state and the chosen identity, starts a
/// session and sends the browser back where it came from.
#[utoipa::path(
    post,
    path = "/auth/sign-in",
    operation_id = "signIn",
    tag = "identity",
    summary = "Signs in as the chosen test identity and redirects back",
    description = "Refused (403 page) when Origin or Sec-Fetch-Site shows another site. Sets the session cookie `portal_session`: HttpOnly, SameSite=Lax, Path=/, Secure when the portal is served over HTTPS; no Max-Age.",
    request_body(content = crate::identity::sign_in::SignInForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 303, description = "Signed in; Location is the return_to path", headers(("Set-Cookie" = String), ("Location" = String))),
        (status = 400, description = "No identity chosen (the form again, with an error summary), or the page expired", body = String, content_type = "text/html"),
        (status = 403, description = "Cross-site form post", body = String, content_type = "text/html"),
        (status = 404, description = "The sandbox sign-in is not turned on", body = String, content_type = "text/html"),
        (status = 429, description = "Too many sign-in attempts from this client; Retry-After says when to try again", body = String, content_type = "text/html"),
    ),
)]
pub async fn sign_in_form(
    _origin: FormOrigin,
    client: ClientAddr,
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<SignInForm>, FormRejection>,
) -> Response {
    if !state.config.sandbox_sign_in || state.relying_party.is_some() {
        return sandbox_off_page();
    }
    if let Err(retry_after) = state.sign_in_throttle.hit(&client.key()) {
        return too_many_attempts_page(retry_after);
    }
    let Ok(Form(form)) = form else {
        return sign_in_expired_page();
    };
    let now = clock::now();
    let Some(pending) = PendingSignIn::decode(&form.state, &state, now) else {
        return sign_in_expired_page();
    };
    let chosen = form
        .identity
        .as_deref()
        .and_then(|s| state.identities.get(s));
    let Some(identity) = chosen else {
        // Show the form again with the error, keeping the same one-time state.
        let nonce = pending.nonce.clone();
        let used: Result<bool, crate::db::DbError> = async {
            Ok(
                sqlx::query("SELECT 1 FROM sign_in_requests WHERE state = $1")
                    .bind(nonce)
                    .fetch_optional(state.db.pool())
                    .await?
                    .is_some(),
            )
        }
        .await;
        return match used {
            Ok(false) => render(&state, &form.state, &pending.return_to, true),
            Ok(true) => sign_in_expired_page(),
            Err(e) => {
                tracing::error!("sign-in: {e}");
                internal_page()
            }
        };
    };
    let Ok(token) = random::token() else {
        return internal_page();
    };
    let previous = cookie_token(&headers);
    let idle = state.config.session_idle.as_secs() as i64;
    let max = state.config.session_max.as_secs() as i64;
    let tok = token.clone();
    let outcome: Result<Option<String>, crate::db::DbError> = async {
        session::sweep_sessions(&mut *state.db.conn().await?, now).await?;
        let mut tx = state.db.begin().await?;
        // Remembering the used nonce until it expires makes the state one-time (its
        // primary key decides between two instances).
        let fresh = sqlx::query(
            "INSERT INTO sign_in_requests (state, return_to, expires_at)
             VALUES ($1, $2, $3) ON CONFLICT (state) DO NOTHING",
        )
        .bind(&pending.nonce)
        .bind(&pending.return_to)
        .bind(pending.expires_at)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !fresh {
            return Ok(None);
        }
        if let Some(prev) = previous {
            session::end(&mut tx, &prev, now).await?;
        }
        let who = session::NewSession {
            identity: &identity,
            assurance_level: ASSURANCE_LEVEL,
        };
        session::create(&mut tx, &tok, &who, now, idle, max).await?;
        tx.commit().await?;
        Ok(Some(pending.return_to))
    }
    .await;
    match outcome {
        Ok(Some(return_to)) => {
            let location =
                HeaderValue::from_str(&return_to).unwrap_or(HeaderValue::from_static("/"));
            (
                StatusCode::SEE_OTHER,
                [
                    (header::LOCATION, location),
                    (
                        header::SET_COOKIE,
                        session_cookie(&token, is_https(&headers, &state.config)),
                    ),
                    (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                ],
            )
                .into_response()
        }
        Ok(None) => sign_in_expired_page(),
        Err(e) => {
            tracing::error!("sign-in: {e}");
            internal_page()
        }
    }
}

/// `GET /api/v1/session`: who is signed in. Always 200, so that an anonymous page load
/// logs no error; `expired` tells a timed-out session from never having signed in.
#[utoipa::path(
    get,
    path = "/api/v1/session",
    operation_id = "getSession",
    tag = "identity",
    summary = "Who is signed in (never a token). Always 200 so that anonymous page loads log no error",
    responses(
        (status = 200, description = "The session, or why there is none; a stale cookie is cleared", body = portal_api::session::SessionInfo),
        (status = 500, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn session_info(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let secure = is_https(&headers, &state.config);
    let sandbox = state.config.sandbox();
    Ok(match session::current(&headers, &state).await? {
        Current::Active {
            user,
            assurance_level,
            expires_at,
        } => Json(SessionInfo::of(
            &user.identity,
            user.staff.clone(),
            assurance_level,
            clock::rfc3339(expires_at),
            sandbox,
        ))
        .into_response(),
        Current::Anonymous => Json(SessionInfo::signed_out(false, sandbox)).into_response(),
        Current::Expired => (
            [(header::SET_COOKIE, clearing_cookie(secure))],
            Json(SessionInfo::signed_out(true, sandbox)),
        )
            .into_response(),
    })
}

/// `DELETE /api/v1/session`: signs out. Succeeds even without a session, so a retried
/// sign-out is harmless.
#[utoipa::path(
    delete,
    path = "/api/v1/session",
    operation_id = "signOut",
    tag = "identity",
    summary = "Signs out: ends the session and clears the cookie. Succeeds without a session too",
    description = "With an OpenID provider, `continue_to` is the provider's end-session address (RP-initiated logout, coming back to /): the browser goes there so that the provider's own session ends too, which matters on a shared computer.",
    params(
        ("X-Portal-Request" = String, Header, description = "Any non-empty value. Marks a state-changing call as coming from the portal's own pages: a cross-site page cannot send it without a CORS preflight, which this server never approves. A request without it, or whose Origin / Sec-Fetch-Site names another site, gets 403 cross_site_request"),
    ),
    responses(
        (status = 200, description = "Signed out", body = portal_api::session::SignedOut, headers(("Set-Cookie" = String))),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn end_session(
    _origin: SameOrigin,
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let mut continue_to = None;
    if let Some(token) = cookie_token(&headers) {
        let now = clock::now();
        session::end(&mut *state.db.conn().await?, &token, now).await?;
        continue_to = state
            .relying_party
            .as_ref()
            .and_then(|rp| rp.sign_out_url());
    }
    Ok((
        [(
            header::SET_COOKIE,
            clearing_cookie(is_https(&headers, &state.config)),
        )],
        Json(portal_api::session::SignedOut { continue_to }),
    )
        .into_response())
}

/// `POST /auth/sign-out`: the header's sign-out button, a plain form. Ends the session,
/// clears the cookie and sends the browser on: to the identity provider's end-session
/// page when there is one (so its session ends too), else home.
#[utoipa::path(
    post,
    path = "/auth/sign-out",
    operation_id = "signOutForm",
    tag = "identity",
    summary = "Signs out from the header's button (a form post) and redirects: to the provider's end-session page, or /",
    responses(
        (status = 303, description = "Signed out", headers(("Set-Cookie" = String), ("Location" = String))),
        (status = 403, description = "Cross-site form post", body = String, content_type = "text/html"),
        (status = 500, description = "A page explaining the failure", body = String, content_type = "text/html"),
    ),
)]
pub async fn sign_out_form(
    _origin: FormOrigin,
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Response {
    let mut location = "/".to_string();
    let signed_in = cookie_token(&headers).is_some();
    if let Some(token) = cookie_token(&headers) {
        let now = clock::now();
        let ended = async { session::end(&mut *state.db.conn().await?, &token, now).await };
        if let Err(e) = ended.await {
            tracing::error!("sign-out: {e}");
            return internal_page();
        }
        if let Some(url) = state
            .relying_party
            .as_ref()
            .and_then(|rp| rp.sign_out_url())
        {
            location = url;
        }
    }
    let mut response = (
        StatusCode::SEE_OTHER,
        [
            (
                header::LOCATION,
                HeaderValue::from_str(&location).unwrap_or(HeaderValue::from_static("/")),
            ),
            (
                header::SET_COOKIE,
                clearing_cookie(is_https(&headers, &state.config)),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
    )
        .into_response();
    // On a shared computer (a commune's kiosk, a library) the next person must not find
    // this one's answers: the browser forgets what the portal kept on the device (drafts,
    // which the account keeps too, and the language chosen). Only when someone was
    // signed in, so a stray sign-out from a signed-out page wipes nobody's draft.
    if signed_in {
        response.headers_mut().insert(
            HeaderName::from_static("clear-site-data"),
            HeaderValue::from_static("\"storage\""),
        );
    }
    response
}
