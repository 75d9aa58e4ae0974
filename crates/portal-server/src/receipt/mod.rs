//! The receipt a person keeps: `GET /api/v1/dossiers/{code}/receipt` gives a PDF with
//! the dossier code (and its QR code for the counter), the procedure, the agency that
//! decides it, the applicant, when it was filed, the date the result is expected
//! ("ngày hẹn trả"), the fee and whether it is paid, and the lookup code. Only the
//! applicant and dossier officers may download it, like the dossier itself.

mod pdf;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use portal_api::PaymentStatus;
use portal_core::format_vnd;
use portal_core::validators::Date;

use crate::api::ApiError;
use crate::dossiers::store::{self, Dossier};
use crate::dossiers::DossierError;
use crate::identity::{SignedIn, StaffRole};
use crate::payments::Settled;
use crate::AppState;

pub use pdf::{render, ReceiptPage};

const SECONDS_PER_DAY: i64 = 86_400;
const VIETNAM_OFFSET: i64 = 7 * 3600;

/// `dd/mm/yyyy hh:mm` in Vietnam's time.
fn vietnam_time(unix_secs: i64) -> String {
    let local = unix_secs + VIETNAM_OFFSET;
    let day = Date::in_vietnam_at(unix_secs * 1000).unwrap_or(Date::FIRST);
    let minutes = local.rem_euclid(SECONDS_PER_DAY) / 60;
    format!(
        "{:02}/{:02}/{:04} {:02}:{:02}",
        day.day(),
        day.month(),
        day.year(),
        minutes / 60,
        minutes % 60
    )
}

fn dmy(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

fn money(amount: i64) -> String {
    // The receipt is Vietnamese first: đồng grouped the Vietnamese way.
    format_vnd(u64::try_from(amount).unwrap_or(0), portal_core::Lang::Vi)
}

/// The fee line, in both languages.
fn fee_line(d: &Dossier) -> String {
    match (d.payment_status, d.fee_amount) {
        (PaymentStatus::NotRequired, _) => "Không thu phí / No fee".into(),
        (PaymentStatus::Paid, Some(a)) => format!("{} — đã thanh toán / paid", money(a)),
        (PaymentStatus::Unpaid, Some(a)) => {
            format!("{} — chưa thanh toán / not paid yet", money(a))
        }
        (PaymentStatus::AwaitingAssessment, _) => {
            "Cơ quan sẽ xác định / The agency will assess it".into()
        }
        (_, None) => "—".into(),
    }
}

/// The receipt's words for a dossier of `service`, filed as `d`, whose fee `paid`
/// settled if it did (the payment's e-receipt lines).
pub fn page_for(
    d: &Dossier,
    service: Option<&portal_core::Service>,
    paid: Option<&Settled>,
) -> ReceiptPage {
    let filed = Date::in_vietnam_at(d.created_at * 1000).unwrap_or(Date::FIRST);
    let mut rows = vec![(
        "Thủ tục / Procedure".to_string(),
        match service {
            Some(s) => format!("{} ({})", s.name.vi, s.name.en),
            None => d.service_id.clone(),
        },
    )];
    if let Some(a) = &d.agency {
        rows.push((
            "Nơi tiếp nhận / Received by".into(),
            format!("{} ({})", a.name_vi, a.name_en),
        ));
    }
    if let Some(s) = service {
        rows.push((
            "Cơ quan giải quyết / Deciding agency".into(),
            format!("{} ({})", s.agency.name.vi, s.agency.name.en),
        ));
    }
    let mut applicant = format!(
        "{}, số định danh / ID {}",
        d.applicant_name, d.applicant_id_number
    );
    if let Some(t) = &d.applicant_tax_code {
        applicant.push_str(&format!(", mã số thuế / tax code {t}"));
    }
    rows.push(("Người nộp / Applicant".into(), applicant));
    rows.push((
        "Ngày nộp / Filed on".into(),
        format!(
            "{} (giờ Việt Nam / Vietnam time)",
            vietnam_time(d.created_at)
        ),
    ));
    let due = service.and_then(|s| s.processing_time.working_days);
    rows.push((
        "Ngày hẹn trả kết quả / Result expected on".into(),
        match (due, service) {
            (Some(days), _) => format!(
                "{} ({} ngày làm việc / working days)",
                dmy(filed.add_working_days(days)),
                days
            ),
            (None, Some(s)) => format!(
                "{} / {}",
                s.processing_time.text.vi, s.processing_time.text.en
            ),
            (None, None) => "—".into(),
        },
    ));
    rows.push(("Lệ phí / Fee".into(), fee_line(d)));
    if let Some(p) = paid {
        rows.push((
            "Biên lai thanh toán / Payment e-receipt".into(),
            format!(
                "{}, {} (giờ Việt Nam / Vietnam time), mã giao dịch / transaction {}",
                money(p.amount),
                vietnam_time(p.completed_at),
                p.id
            ),
        ));
    }
    rows.push((
        "Mã tra cứu / Lookup code".into(),
        format!(
            "{} (cùng mã hồ sơ, để tra cứu tại / with the dossier code, to look it up at /lookup)",
            d.lookup_secret
        ),
    ));
    let mut notes = vec![
        "Ngày hẹn trả là dự kiến, tính bằng ngày làm việc từ sau ngày nộp, không tính thứ Bảy, \
         Chủ nhật và ngày nghỉ lễ, Tết; cơ quan giải quyết có thể hẹn lại khi cần bổ sung hồ \
         sơ. / The result date is an estimate counted in working days from the day after \
         filing, skipping weekends and public holidays; the agency may set a new date if it \
         asks for more documents."
            .to_string(),
    ];
    if service.is_some_and(|s| s.processing_time.confidence != portal_core::Confidence::Confirmed) {
        notes.push(
            "Thời hạn giải quyết của thủ tục này đang được kiểm tra lại với văn bản pháp luật. / \
             This procedure's processing time is being checked against the law."
                .into(),
        );
    }
    ReceiptPage {
        title: "BIÊN NHẬN HỒ SƠ / DOSSIER RECEIPT".into(),
        code: d.code.clone(),
        rows,
        notes,
    }
}

/// `GET /api/v1/dossiers/{code}/receipt`.
#[utoipa::path(
    get,
    path = "/api/v1/dossiers/{code}/receipt",
    operation_id = "getReceipt",
    tag = "dossiers",
    summary = "The dossier's receipt as a PDF (applicant and dossier officers only)",
    description = "An A4 PDF in Vietnamese and English: the dossier code and its QR code, the procedure, the deciding agency, the applicant, when it was filed (Vietnam time), the expected result date (working days from the catalogue, weekends and public holidays skipped), the fee and whether it is paid, and the lookup code. The font (DejaVu Sans) is embedded, so the text can be copied and searched.",
    params(
        ("code" = String, Path, description = "The dossier code; case does not matter", max_length = 40),
    ),
    responses(
        (status = 200, description = "The receipt", body = Vec<u8>, content_type = "application/pdf"),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "No such dossier, or not the signed-in person's", body = portal_api::ErrorBody),
    ),
)]
pub async fn get_receipt(
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, ApiError> {
    let code = portal_api::ids::normalize_dossier_code(&code).ok_or(DossierError::NotFound)?;
    let found: Result<_, crate::db::DbError> = async {
        let mut c = state.db.conn().await?;
        let Some(d) = store::by_code(&mut c, &code).await? else {
            return Ok(None);
        };
        let paid = crate::payments::settled(&mut c, d.id).await?;
        Ok(Some((d, paid)))
    }
    .await;
    let found = found?;
    let (d, paid) = match found {
        Some((d, paid)) if d.owner == user.subject || user.has_role(StaffRole::DossierOfficer) => {
            (d, paid)
        }
        _ => return Err(DossierError::NotFound.into()),
    };
    let published = state.catalogue.current();
    let page = page_for(&d, published.service(&d.service_id), paid.as_ref());
    let bytes = tokio::task::spawn_blocking(move || render(&page))
        .await
        .map_err(|_| ApiError::Internal)?
        .map_err(|e| {
            tracing::error!("{e}");
            ApiError::Internal
        })?;
    let disposition = format!("inline; filename=\"bien-nhan-{}.pdf\"", d.code);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("inline")),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// This module's route.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use crate::api::private;
    use axum::routing::get;
    use portal_api::paths::template as t;
    table.get(t::DOSSIER_RECEIPT, private(get(get_receipt)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_vietnam_s() {
        // 2026-12-03T17:30:00Z is 00:30 on 4 December in Vietnam.
        assert_eq!(vietnam_time(1_796_319_000), "04/12/2026 00:30");
    }
}
