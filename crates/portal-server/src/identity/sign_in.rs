//! The sandbox identity provider's pages and the session endpoints. Sign-in works like
//! the VNeID redirect it stands in for: the web app sends the browser to
//! `/auth/sign-in?return_to=<path>`, the person picks a test identity, and the browser
//! comes back to `<path>` with a session cookie. A one-time `state` ties the form to the
//! page the server rendered, which also stops another site from signing people in.

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;
use serde_json::json;

use super::same_origin::{is_https, FormOrigin, SameOrigin};
use super::session::{self, clearing_cookie, cookie_token, session_cookie, Current};
use super::{Identity, IdentityKind};
use crate::api::ApiError;
use crate::html::{self, bilingual, escape};
use crate::{clock, random, AppState};

/// How long the sign-in page stays usable.
const SIGN_IN_STATE_SECS: i64 = 10 * 60;

/// The assurance level the sandbox stands in for (VNeID level 2).
const ASSURANCE_LEVEL: u8 = 2;

#[derive(Deserialize)]
pub struct SignInQuery {
    return_to: Option<String>,
}

#[derive(Deserialize)]
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

/// `GET /auth/sign-in`: the list of test identities.
pub async fn sign_in_page(
    State(state): State<AppState>,
    query: Result<Query<SignInQuery>, QueryRejection>,
) -> Response {
    let return_to = query
        .ok()
        .and_then(|Query(q)| q.return_to)
        .filter(|p| html::is_local_path(p))
        .unwrap_or_else(|| "/".to_string());
    let Ok(token) = random::token() else {
        return internal_page();
    };
    let now = clock::now();
    let (t, r) = (token.clone(), return_to.clone());
    let stored = state
        .db
        .with(move |c| {
            session::sweep_sessions(c, now)?;
            c.execute(
                "INSERT INTO sign_in_requests (state, return_to, expires_at) VALUES (?1, ?2, ?3)",
                params![t, r, now + SIGN_IN_STATE_SECS],
            )?;
            Ok(())
        })
        .await;
    match stored {
        Ok(()) => render(&state, &token, &return_to, false),
        Err(e) => {
            tracing::error!("sign-in page: {e}");
            internal_page()
        }
    }
}

fn kind_label(i: &Identity) -> String {
    match (&i.kind, &i.business) {
        (IdentityKind::Citizen, _) => bilingual("Công dân", "Citizen"),
        (IdentityKind::Staff, _) => bilingual("Cán bộ cổng dịch vụ công", "Portal staff"),
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
            kind_label(i),
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
        cancel = bilingual("Huỷ và quay lại", "Cancel and go back"),
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
pub async fn sign_in_form(
    _origin: FormOrigin,
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<SignInForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return sign_in_expired_page();
    };
    if form.state.len() != 64 {
        return sign_in_expired_page();
    }
    let now = clock::now();
    let chosen = form
        .identity
        .as_deref()
        .and_then(|s| state.identities.get(s));
    let Some(identity) = chosen else {
        // Show the form again with the error, keeping the same one-time state.
        let st = form.state.clone();
        let pending = state
            .db
            .with(move |c| {
                Ok(c.query_row(
                    "SELECT return_to FROM sign_in_requests WHERE state = ?1 AND expires_at > ?2",
                    params![st, now],
                    |r| r.get::<_, String>(0),
                )
                .optional()?)
            })
            .await;
        return match pending {
            Ok(Some(return_to)) => render(&state, &form.state, &return_to, true),
            Ok(None) => sign_in_expired_page(),
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
    let (st, tok, subject) = (form.state, token.clone(), identity.subject.clone());
    let outcome = state
        .db
        .with(move |c| {
            let tx = c.unchecked_transaction()?;
            let return_to: Option<String> = tx
                .query_row(
                    "SELECT return_to FROM sign_in_requests WHERE state = ?1 AND expires_at > ?2",
                    params![st, now],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(return_to) = return_to else {
                return Ok(None);
            };
            tx.execute("DELETE FROM sign_in_requests WHERE state = ?1", params![st])?;
            if let Some(prev) = previous {
                session::end(&tx, &prev, now)?;
            }
            session::create(&tx, &tok, &subject, now, idle, max)?;
            tx.commit()?;
            Ok(Some(return_to))
        })
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
pub async fn session_info(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let secure = is_https(&headers, &state.config);
    Ok(match session::current(&headers, &state).await? {
        Current::Active {
            identity,
            expires_at,
        } => Json(json!({
            "signed_in": true,
            "user": &*identity,
            "prefill": identity.prefill(),
            "assurance_level": ASSURANCE_LEVEL,
            "expires_at": clock::rfc3339(expires_at),
        }))
        .into_response(),
        Current::Anonymous => Json(json!({
            "signed_in": false,
            "expired": false,
            "sign_in_url": "/auth/sign-in",
        }))
        .into_response(),
        Current::Expired => (
            [(header::SET_COOKIE, clearing_cookie(secure))],
            Json(json!({
                "signed_in": false,
                "expired": true,
                "sign_in_url": "/auth/sign-in",
            })),
        )
            .into_response(),
    })
}

/// `DELETE /api/v1/session`: signs out. Succeeds even without a session, so a retried
/// sign-out is harmless.
pub async fn end_session(
    _origin: SameOrigin,
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = cookie_token(&headers) {
        let now = clock::now();
        state.db.with(move |c| session::end(c, &token, now)).await?;
    }
    Ok((
        StatusCode::NO_CONTENT,
        [(
            header::SET_COOKIE,
            clearing_cookie(is_https(&headers, &state.config)),
        )],
    )
        .into_response())
}
