//! The sandbox payment provider's page: it shows the dossier and the amount and offers
//! the three outcomes a real provider can end with. Choosing one makes the provider
//! send its signed notification to the portal (through the same verification as the
//! HTTP callback) and send the browser back to the portal.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use portal_core::format_vnd;
use serde::Deserialize;

use super::{attempt, receive, Notification, Outcome, PaymentError};
use crate::api::ApiError;
use crate::html::{self, bilingual, escape};
use crate::identity::{FormOrigin, OptionalUser};
use crate::AppState;

fn not_found_page() -> Response {
    html::problem_page(
        StatusCode::NOT_FOUND,
        ("Không tìm thấy giao dịch", "Payment not found"),
        (
            "Liên kết thanh toán không đúng hoặc đã cũ. Hãy bắt đầu thanh toán lại từ hồ sơ.",
            "The payment link is wrong or old. Start the payment again from the dossier.",
        ),
        ("/", "Về trang chủ", "Go to the home page"),
    )
}

fn failed_page() -> Response {
    html::problem_page(
        StatusCode::INTERNAL_SERVER_ERROR,
        (
            "Không ghi nhận được kết quả",
            "The outcome could not be recorded",
        ),
        (
            "Chưa có khoản tiền nào bị trừ. Hãy thử lại sau ít phút.",
            "Nothing has been charged. Please try again in a few minutes.",
        ),
        ("/", "Về trang chủ", "Go to the home page"),
    )
}

fn ended_page(return_to: &str) -> Response {
    html::problem_page(
        StatusCode::CONFLICT,
        ("Giao dịch đã kết thúc", "This payment has ended"),
        (
            "Giao dịch này đã có kết quả. Quay lại hồ sơ để xem hoặc thanh toán lại.",
            "This payment already has an outcome. Go back to the dossier to see it or pay again.",
        ),
        (return_to, "Quay lại hồ sơ", "Back to the dossier"),
    )
}

fn sign_in_page(id: &str) -> Response {
    let back = portal_api::paths::sign_in(&portal_api::paths::sandbox_pay(id));
    html::problem_page(
        StatusCode::UNAUTHORIZED,
        ("Hãy đăng nhập để thanh toán", "Sign in to pay"),
        (
            "Chỉ người nộp hồ sơ mới thanh toán được lệ phí của hồ sơ, sau khi đăng nhập.",
            "Only the person who filed the dossier can pay its fee, once signed in.",
        ),
        (&back, "Đăng nhập", "Sign in"),
    )
}

/// What the sandbox provider may show to this person: nothing when the sandbox is
/// off; for anyone but the dossier's owner, the same page as for an unknown link, so
/// a link that travels (a shared screen, a forwarded message) reveals nothing.
async fn find_for(
    state: &AppState,
    id: &str,
    user: &Option<crate::identity::User>,
) -> Result<super::Attempt, Response> {
    if !state.config.sandbox_payments || !portal_api::ids::is_payment_id(id) {
        return Err(not_found_page());
    }
    let Some(user) = user else {
        return Err(sign_in_page(id));
    };
    let found = async { attempt(&mut *state.db.conn().await?, id).await };
    match found.await {
        Ok(Some(a)) if a.owner == user.subject => Ok(a),
        _ => Err(not_found_page()),
    }
}

/// `GET /sandbox/pay/{payment_id}`.
#[utoipa::path(
    get,
    path = "/sandbox/pay/{payment_id}",
    operation_id = "sandboxPaymentPage",
    tag = "payments",
    summary = "Sandbox payment provider: a bilingual HTML page with the amount and three outcomes (success, failure, cancel)",
    params(
        ("payment_id" = String, Path, pattern = "^pay_[0-9a-f]{32}$"),
    ),
    responses(
        (status = 200, description = "The payment page", body = String, content_type = "text/html"),
        (status = 401, description = "Not signed in: a page with a sign-in link back here", body = String, content_type = "text/html"),
        (status = 404, description = "Unknown payment, someone else's, or the sandbox provider is off", body = String, content_type = "text/html"),
        (status = 409, description = "The payment has already ended", body = String, content_type = "text/html"),
    ),
)]
pub async fn provider_page(
    OptionalUser(user): OptionalUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Response {
    let a = match find_for(&state, &id, &user).await {
        Ok(a) => a,
        Err(page) => return page,
    };
    if a.status != "pending" {
        return ended_page(&a.return_to);
    }
    let body = format!(
        "<h1>{title}</h1>\n<p>{intro}</p>\n<dl>\n<dt>{dossier}</dt><dd>{code}</dd>\n\
         <dt>{amount_label}</dt><dd>{amount}</dd>\n</dl>\n\
         <form method=\"post\" action=\"/sandbox/pay/{id}\">\n<fieldset>\n<legend>{legend}</legend>\n\
         <button type=\"submit\" name=\"outcome\" value=\"success\">{success}</button>\n\
         <button type=\"submit\" name=\"outcome\" value=\"failure\">{failure}</button>\n\
         <button type=\"submit\" name=\"outcome\" value=\"cancel\">{cancel}</button>\n\
         </fieldset>\n</form>",
        title = bilingual("Cổng thanh toán thử nghiệm", "Sandbox payment provider"),
        intro = bilingual(
            "Đây là môi trường thử nghiệm thay cho nền tảng thanh toán; không có tiền thật.",
            "This sandbox stands in for the payment platform; no real money moves.",
        ),
        dossier = bilingual("Mã hồ sơ", "Dossier code"),
        code = escape(&a.dossier_code),
        amount_label = bilingual("Số tiền", "Amount"),
        amount = escape(&format_vnd(u64::try_from(a.amount).unwrap_or(0), portal_core::Lang::Vi)),
        id = escape(&a.id),
        legend = bilingual("Chọn kết quả thanh toán", "Choose the payment's outcome"),
        success = bilingual("Thanh toán thành công", "Pay: success"),
        failure = bilingual("Thanh toán thất bại", "Pay: failure"),
        cancel = bilingual("Hủy thanh toán", "Cancel the payment"),
    );
    html::page(
        StatusCode::OK,
        "Thanh toán thử nghiệm",
        "Sandbox payment",
        false,
        &body,
    )
}

/// The sandbox provider's form: how the payment ends.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct OutcomeForm {
    outcome: Outcome,
}

/// `POST /sandbox/pay/{payment_id}`.
#[utoipa::path(
    post,
    path = "/sandbox/pay/{payment_id}",
    operation_id = "sandboxPaymentOutcome",
    tag = "payments",
    summary = "Chooses the outcome: the provider notifies the portal (signed callback) and sends the browser back",
    params(
        ("payment_id" = String, Path, pattern = "^pay_[0-9a-f]{32}$"),
    ),
    request_body(content = crate::payments::provider::OutcomeForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 303, description = "Back to the return_to path with ?payment=<outcome>", headers(("Location" = String))),
        (status = 401, description = "Not signed in", body = String, content_type = "text/html"),
        (status = 403, description = "Cross-site form post", body = String, content_type = "text/html"),
        (status = 404, description = "Unknown payment, someone else's, or the sandbox provider is off", body = String, content_type = "text/html"),
    ),
)]
pub async fn provider_submit(
    _origin: FormOrigin,
    OptionalUser(user): OptionalUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Result<Form<OutcomeForm>, FormRejection>,
) -> Response {
    let a = match find_for(&state, &id, &user).await {
        Ok(a) => a,
        Err(page) => return page,
    };
    if a.status != "pending" {
        return ended_page(&a.return_to);
    }
    let Ok(Form(form)) = form else {
        return provider_page(OptionalUser(user), State(state), Path(id)).await;
    };
    let notification = Notification {
        payment_id: a.id.clone(),
        dossier_code: a.dossier_code.clone(),
        amount: a.amount,
        outcome: form.outcome,
    };
    // Delivered the way the provider would deliver it over HTTP: a signed body that
    // goes through the callback's verification.
    let body = serde_json::to_vec(&notification).unwrap_or_default();
    let signature = state.payment_key.sign(&body);
    match receive(&state, &body, &signature).await {
        Ok(_) => {}
        // Another tab finished this attempt a moment ago.
        Err(ApiError::Payment(PaymentError::AlreadyCompleted)) => return ended_page(&a.return_to),
        Err(e) => {
            tracing::error!("sandbox payment {}: {e}", a.id);
            return failed_page();
        }
    }
    let sep = if a.return_to.contains('?') { '&' } else { '?' };
    let location = format!("{}{sep}payment={}", a.return_to, form.outcome.as_str());
    (
        StatusCode::SEE_OTHER,
        [
            (
                header::LOCATION,
                HeaderValue::from_str(&location).unwrap_or(HeaderValue::from_static("/")),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
    )
        .into_response()
}
