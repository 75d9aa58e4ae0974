//! The public service-delivery figures (issue #19): `GET /api/v1/statistics` and its
//! tables as CSV or JSON (`portal_api::statistics`), for anyone, without signing in.
//!
//! Added up in the database ([`query`]) from cells kept as dossiers are filed, decided
//! and rated ([`cells`]), assembled and suppressed by the pure rules
//! ([`report`], `portal_core::statistics`), and cached per query for [`FRESH_FOR`]: the
//! page says when its figures were computed ("as of").

pub mod cells;
pub mod query;
pub mod report;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use portal_api::statistics::{BadFilter, Filters, Format, Place, Report, ServiceName, Table};
use portal_core::statistics::{to_csv, Period, ShownCounts};
use portal_core::validators::Date;

use crate::api::error::ErrorCode;
use crate::api::ApiError;
use crate::{clock, AppState};

/// How long a computed report is served before it is computed again.
pub const FRESH_FOR: Duration = Duration::from_secs(60);
/// Reports kept at most (each a few tens of kilobytes).
const CACHE_CAP: usize = 512;
/// The first year with figures: the national portal opened in December 2019.
const FIRST_YEAR: i32 = 2019;

#[derive(Debug, thiserror::Error)]
pub enum StatisticsError {
    #[error("the filters are not understood: {0}")]
    BadFilter(String),
    #[error("there are no figures for that period: from {FIRST_YEAR} up to the current one")]
    PeriodOutOfRange,
    #[error("the tables are months, provinces and services, as .csv or .json")]
    NoSuchTable,
}

impl ErrorCode for StatisticsError {
    fn code(&self) -> &'static str {
        match self {
            StatisticsError::BadFilter(_) => "bad_statistics_filter",
            StatisticsError::PeriodOutOfRange => "statistics_period_out_of_range",
            StatisticsError::NoSuchTable => "statistics_table_not_found",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            StatisticsError::NoSuchTable => StatusCode::NOT_FOUND,
            _ => StatusCode::BAD_REQUEST,
        }
    }
}

/// Reports computed lately, by query and day.
#[derive(Default)]
pub struct Cache {
    reports: Mutex<HashMap<String, (Instant, Arc<Report>)>>,
}

impl Cache {
    fn get(&self, key: &str) -> Option<Arc<Report>> {
        let reports = self.reports.lock().unwrap_or_else(|p| p.into_inner());
        reports
            .get(key)
            .filter(|(at, _)| at.elapsed() < FRESH_FOR)
            .map(|(_, r)| r.clone())
    }

    fn put(&self, key: String, report: Arc<Report>) {
        let mut reports = self.reports.lock().unwrap_or_else(|p| p.into_inner());
        if reports.len() >= CACHE_CAP {
            reports.retain(|_, (at, _)| at.elapsed() < FRESH_FOR);
            if reports.len() >= CACHE_CAP {
                reports.clear();
            }
        }
        reports.insert(key, (Instant::now(), report));
    }
}

/// The filters of a request's query, checked against what exists.
fn filters(state: &AppState, query: Option<&str>, today: Date) -> Result<Filters, ApiError> {
    let current = Period::Month {
        year: today.year(),
        month: today.month(),
    };
    let pairs: Vec<(String, String)> = query
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect()
        })
        .unwrap_or_default();
    let f = Filters::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), current)
        .map_err(|BadFilter(why)| StatisticsError::BadFilter(why))?;
    if f.period.calendar_year() < FIRST_YEAR || f.period.first_day() > today {
        return Err(StatisticsError::PeriodOutOfRange.into());
    }
    if let Some(code) = &f.province {
        let units = state
            .admin_units
            .as_deref()
            .ok_or(ApiError::AdminUnitsUnavailable)?;
        if units.units.province(code).is_none() {
            return Err(ApiError::ProvinceNotFound(code.clone()));
        }
    }
    if let Some(id) = &f.service {
        let catalogue = state.catalogue.current();
        if !catalogue.services().iter().any(|s| s.id.0 == *id) {
            return Err(ApiError::ServiceNotFound(id.clone()));
        }
    }
    Ok(f)
}

/// The report for `f`, from the cache or computed.
async fn report_for(state: &AppState, f: &Filters, today: Date) -> Result<Arc<Report>, ApiError> {
    let key = format!("{} {}", f.report_url(), today.iso());
    if let Some(r) = state.statistics.get(&key) {
        return Ok(r);
    }
    let report = Arc::new(compute(state, f, today).await?);
    state.statistics.put(key, report.clone());
    Ok(report)
}

async fn compute(state: &AppState, f: &Filters, today: Date) -> Result<Report, ApiError> {
    let provinces: Vec<Place> = state
        .admin_units
        .as_deref()
        .map(|u| {
            u.units
                .provinces()
                .iter()
                .map(|p| Place {
                    code: p.code.clone(),
                    name: p.name.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let services: Vec<ServiceName> = state
        .catalogue
        .current()
        .services()
        .iter()
        .map(|s| ServiceName {
            id: s.id.0.clone(),
            title: s.name.clone(),
        })
        .collect();
    let last = report::up_to(&f.period, today);
    let month = |p: &Period| cells::month_of(p.first_day());
    let months = f.period.months();
    let (first_month, last_month) = (
        month(months.first().unwrap_or(&f.period)),
        cells::month_of(last),
    );
    let series = f.period.series();
    let series_from = month(series.first().unwrap_or(&f.period));
    let service = f.service.as_deref();
    // One connection for the four reads (SQLite has only one; they are short). Every
    // service is read: the services table lists them all whatever the filters.
    let mut c = state.db.conn().await?;
    let flows = query::flows(&mut c, &first_month, &last_month, None).await?;
    let open = query::still_open(&mut c, &last_month, None).await?;
    let overdue = query::overdue(&mut c, &last.iso(), None).await?;
    let series = query::series(
        &mut c,
        &series_from,
        &last_month,
        f.province.as_deref(),
        service,
    )
    .await?;
    drop(c);
    Ok(report::assemble(report::Inputs {
        filters: f,
        today,
        as_of: clock::rfc3339(clock::now()),
        provinces: &provinces,
        services: &services,
        flows,
        open,
        overdue,
        series,
    }))
}

fn cached_for_a_minute(content_type: &'static str, body: impl Into<axum::body::Body>) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=60"),
            ),
        ],
        body.into(),
    )
        .into_response()
}

/// `GET /api/v1/statistics`
#[utoipa::path(
    get,
    path = "/api/v1/statistics",
    operation_id = "getStatistics",
    tag = "statistics",
    summary = "The public service-delivery figures for a period, the country or a province, every service or one; counts of 1 to 4 dossiers are \"< 5\"",
    params(
        ("period" = Option<String>, Query, description = "2026, 2026-q4 or 2026-11; the current month when absent"),
        ("province" = Option<String>, Query, description = "A province's two-digit code; the whole country when absent"),
        ("service" = Option<String>, Query, description = "A service's id; every service when absent"),
        ("sort" = Option<String>, Query, description = "The provinces' ranking: on-time (default), online, paid-online, satisfaction, received-online"),
        ("order" = Option<String>, Query, description = "desc (default) or asc"),
    ),
    responses(
        (status = 200, description = "The figures", body = portal_api::statistics::Report),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 503, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn get_report(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let today = clock::today();
    let f = filters(&state, query.as_deref(), today)?;
    let r = report_for(&state, &f, today).await?;
    let body = serde_json::to_vec(&*r).map_err(|_| ApiError::Internal)?;
    Ok(cached_for_a_minute("application/json", body))
}

/// `GET /api/v1/statistics/{file}`
#[utoipa::path(
    get,
    path = "/api/v1/statistics/{file}",
    operation_id = "getStatisticsTable",
    tag = "statistics",
    summary = "One table of the figures as CSV or JSON, with the same numbers as the report",
    params(
        ("file" = String, Path, description = "months.csv, provinces.csv, services.csv, or the same with .json"),
        ("period" = Option<String>, Query, description = "As for the report"),
        ("province" = Option<String>, Query, description = "As for the report"),
        ("service" = Option<String>, Query, description = "As for the report"),
        ("sort" = Option<String>, Query, description = "As for the report"),
        ("order" = Option<String>, Query, description = "As for the report"),
    ),
    responses(
        (status = 200, description = "The table (text/csv or application/json)"),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 503, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn get_table(
    State(state): State<AppState>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let (table, format) = Table::from_file_name(&file).ok_or(StatisticsError::NoSuchTable)?;
    let today = clock::today();
    let f = filters(&state, query.as_deref(), today)?;
    let r = report_for(&state, &f, today).await?;
    let body = match format {
        Format::Csv => table_csv(&r, table).into_bytes(),
        Format::Json => table_json(&r, table).map_err(|_| ApiError::Internal)?,
    };
    let name = format!(
        "statistics-{}-{}-{}",
        f.period.slug(),
        f.province.as_deref().unwrap_or("vn"),
        table.file_name(format)
    );
    let mut response = cached_for_a_minute(format.media_type(), body);
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

fn table_json(r: &Report, table: Table) -> serde_json::Result<Vec<u8>> {
    match table {
        Table::Months => serde_json::to_vec(&r.months),
        Table::Provinces => serde_json::to_vec(&r.provinces),
        Table::Services => serde_json::to_vec(&r.services),
    }
}

/// A table as CSV: the JSON's fields as columns, counts as numbers or `< 5`, shares in
/// percent with a dot.
pub fn table_csv(r: &Report, table: Table) -> String {
    let share =
        |s: Option<portal_core::statistics::Share>| s.map(|s| s.to_string()).unwrap_or_default();
    match table {
        Table::Months => {
            let header = [
                "month",
                "received_online",
                "received_at_centre",
                "decided",
                "decided_on_time",
                "decided_late",
                "online_share",
                "on_time_share",
            ];
            let rows: Vec<Vec<String>> = r
                .months
                .iter()
                .map(|m| {
                    vec![
                        m.month.slug(),
                        m.received_online.to_string(),
                        m.received_at_centre.to_string(),
                        m.decided.to_string(),
                        m.decided_on_time.to_string(),
                        m.decided_late.to_string(),
                        share(m.online_share),
                        share(m.on_time_share),
                    ]
                })
                .collect();
            to_csv(&header, &rows)
        }
        Table::Provinces => {
            let mut header = vec!["place", "code", "name"];
            header.extend(ShownCounts::CSV_HEADER);
            let rows: Vec<Vec<String>> = r
                .provinces
                .iter()
                .map(|p| {
                    let mut row = vec![
                        p.place.map(|n| n.to_string()).unwrap_or_default(),
                        p.code.clone(),
                        p.name.clone(),
                    ];
                    row.extend(p.counts.csv_cells());
                    row
                })
                .collect();
            to_csv(&header, &rows)
        }
        Table::Services => {
            let mut header = vec!["id", "title_vi", "title_en"];
            header.extend(ShownCounts::CSV_HEADER);
            header.extend(["provinces_reaching", "provinces_below"]);
            let rows: Vec<Vec<String>> = r
                .services
                .iter()
                .map(|s| {
                    let mut row = vec![s.id.clone(), s.title.vi.clone(), s.title.en.clone()];
                    row.extend(s.counts.csv_cells());
                    row.push(s.provinces_reaching.to_string());
                    row.push(s.provinces_below.join(" "));
                    row
                })
                .collect();
            to_csv(&header, &rows)
        }
    }
}

pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use axum::routing::get;
    use portal_api::statistics as s;
    table
        .get(s::REPORT, get(get_report))
        .get(s::TABLE, get(get_table))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossiers::status::Status;
    use crate::dossiers::store::{self, NewDossier};
    use portal_api::PaymentStatus;

    /// Noon in Vietnam on a day, as Unix seconds.
    fn noon(d: Date) -> i64 {
        d.days_since_epoch() * 86_400 + 5 * 3600
    }

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    async fn file(
        c: &mut crate::db::Conn,
        n: u32,
        on: Date,
        due: Option<Date>,
        province: &str,
    ) -> i64 {
        let code = format!("T-{n:04}");
        let procedures = ["birth-registration".to_string()];
        let due = due.map(|d| d.iso());
        store::insert(
            c,
            &NewDossier {
                code: &code,
                owner: "generated",
                applicant_kind: "citizen",
                applicant_id_number: "001085012345",
                applicant_name: "Thử",
                applicant_tax_code: None,
                lookup_secret: "ABCD-EFGH",
                service_id: "birth-registration",
                catalogue_version: "v1",
                answers_json: "{}",
                procedures: &procedures,
                fee_amount: None,
                payment_status: PaymentStatus::NotRequired,
                agency: None,
                now: noon(on),
                due_on: due.as_deref(),
                province: Some(province),
                at_centre: n.is_multiple_of(4),
                generated: true,
                // Some counted in spare rows of their cell, as busy filings are: the
                // figures must not change.
                among_others: n.is_multiple_of(3),
            },
        )
        .await
        .unwrap()
    }

    async fn decide(c: &mut crate::db::Conn, id: i64, on: Date) {
        store::set_procedure_statuses(
            c,
            id,
            &[("birth-registration".to_string(), Status::Approved)],
            noon(on),
        )
        .await
        .unwrap();
    }

    #[tokio::test]
    async fn the_queries_count_what_the_filing_and_decisions_wrote() {
        let db = crate::db::memory().await;
        let mut c = db.conn().await.unwrap();
        // November 2026: due Friday 27th. Four decided on time, two on Monday 30th (one
        // working day late), three never decided; one filed in December.
        let (received, due) = (d(2026, 11, 23), d(2026, 11, 27));
        let mut ids = Vec::new();
        for n in 1..=9 {
            ids.push(file(&mut c, n, received, Some(due), "01").await);
        }
        for id in &ids[..4] {
            decide(&mut c, *id, d(2026, 11, 27)).await;
        }
        for id in &ids[4..6] {
            decide(&mut c, *id, d(2026, 11, 30)).await;
        }
        file(&mut c, 10, d(2026, 12, 1), Some(d(2026, 12, 4)), "79").await;
        // Deciding again does not count twice.
        decide(&mut c, ids[0], d(2026, 12, 2)).await;

        let flows = query::flows(&mut c, "2026-11", "2026-11", None)
            .await
            .unwrap();
        assert_eq!(flows.len(), 1);
        let nov = flows[0].counts;
        // Dossiers 4 and 8 came through the centre.
        assert_eq!((nov.received_online, nov.received_at_centre), (7, 2));
        assert_eq!(
            (nov.decided, nov.decided_on_time, nov.decided_late),
            (6, 4, 2)
        );
        assert_eq!(flows[0].generated, 9);

        let open_nov = query::still_open(&mut c, "2026-11", None).await.unwrap();
        assert_eq!(open_nov[0].counts.still_open, 3);
        // On the due date nothing is overdue yet; the next day the six undecided are
        // (the two decided late on the 30th still were on the 28th).
        let overdue =
            |rows: Vec<query::CellCounts>| rows.iter().map(|r| r.counts.overdue_open).sum::<u64>();
        assert_eq!(
            overdue(query::overdue(&mut c, "2026-11-27", None).await.unwrap()),
            0
        );
        assert_eq!(
            overdue(query::overdue(&mut c, "2026-11-28", None).await.unwrap()),
            5
        );
        assert_eq!(
            overdue(query::overdue(&mut c, "2026-11-30", None).await.unwrap()),
            3
        );
        // In December: still three open from November, plus the new one (not yet due).
        assert_eq!(
            overdue(query::overdue(&mut c, "2026-12-04", None).await.unwrap()),
            3
        );
        let open_dec: u64 = query::still_open(&mut c, "2026-12", None)
            .await
            .unwrap()
            .iter()
            .map(|r| r.counts.still_open)
            .sum();
        assert_eq!(open_dec, 4);
        assert_eq!(
            overdue(
                query::overdue(&mut c, "2026-12-05", Some("other"))
                    .await
                    .unwrap()
            ),
            0
        );
        let series = query::series(&mut c, "2026-01", "2026-12", Some("79"), None)
            .await
            .unwrap();
        assert_eq!(series.len(), 1);
        assert_eq!(series[0].0, "2026-12");
        assert_eq!(series[0].1.received_online, 1);
    }
}
