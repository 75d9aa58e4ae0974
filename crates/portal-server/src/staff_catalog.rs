//! Staff preview and publishing of catalogue changes. Staff upload a draft catalogue (a
//! JSON object of file path to text, bounded before parsing); the server lints it with
//! the shared linter, diffs it against what is published, serves it to the preview
//! pages through the same shapes as the public catalogue, checks preview submissions
//! with the form engine (nothing is ever stored as a dossier), and publishes it only if
//! it lints clean, keeping every version so a publish can be rolled back.
//!
//! On restart: a staff publication wins while the files in `catalog/` are the ones it
//! was published over; once the files change (a new deployment), the files win and the
//! publication history continues from them.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_catalog::{lint, Catalogue, Diagnostic, LintReport, Severity, SourceFile};
use portal_core::catalogue_diff::diff;
use portal_core::form::{IndexedForm, ValidationContext};
use portal_core::Lang;
use sqlx::Row;

use crate::api::body::read_json;
use crate::api::ApiError;
use crate::db::{now_rfc3339, Conn, DbError};
use crate::identity::{SameOrigin, StaffRole, StaffUser};

/// Who may read drafts and the publication history: whoever makes them and whoever
/// must review them before publishing.
const REVIEWERS: [StaffRole; 2] = [StaffRole::CatalogueEditor, StaffRole::CataloguePublisher];
use crate::published::{Published, ServiceView};
use crate::AppState;

/// Largest draft upload: the linter's total limit plus room for JSON escaping.
pub const MAX_DRAFT_BODY: usize = portal_catalog::MAX_TOTAL_BYTES + 8 * 1024 * 1024;
/// Drafts kept parsed in memory; older ones are re-read from the database.
const CACHE: usize = 8;

/// Why a staff catalogue action failed.
#[derive(Debug, thiserror::Error)]
pub enum StaffCatalogError {
    #[error("there is no draft catalogue with this id")]
    DraftNotFound,
    #[error("the draft catalogue has {0} error(s); fix them before previewing or publishing")]
    DraftHasErrors(usize),
    #[error("there is no earlier published version to go back to")]
    NoPreviousVersion,
    #[error("the service {0:?} has no online form")]
    NoForm(String),
    #[error("you drafted this catalogue: another publisher must check and publish it")]
    SamePersonDraftedIt,
}

impl crate::api::error::ErrorCode for StaffCatalogError {
    fn code(&self) -> &'static str {
        match self {
            StaffCatalogError::DraftNotFound => "draft_not_found",
            StaffCatalogError::DraftHasErrors(_) => "draft_has_errors",
            StaffCatalogError::NoPreviousVersion => "no_previous_version",
            StaffCatalogError::NoForm(_) => "service_has_no_form",
            StaffCatalogError::SamePersonDraftedIt => "four_eyes_required",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            StaffCatalogError::DraftNotFound => StatusCode::NOT_FOUND,
            StaffCatalogError::DraftHasErrors(_) | StaffCatalogError::NoPreviousVersion => {
                StatusCode::CONFLICT
            }
            StaffCatalogError::NoForm(_) => StatusCode::UNPROCESSABLE_ENTITY,
            StaffCatalogError::SamePersonDraftedIt => StatusCode::FORBIDDEN,
        }
    }
}

/// A draft read and linted once, shared by the preview requests that follow.
pub struct DraftEntry {
    pub report: LintReport,
    /// The draft as the catalogue the preview pages read, when it lints clean.
    pub published: Option<Published>,
}

/// Recently used drafts, parsed.
#[derive(Default)]
pub struct DraftCache(Mutex<Vec<(String, Arc<DraftEntry>)>>);

impl DraftCache {
    fn get(&self, id: &str) -> Option<Arc<DraftEntry>> {
        let guard = self.0.lock().unwrap_or_else(|p| p.into_inner());
        guard.iter().find(|(k, _)| k == id).map(|(_, v)| v.clone())
    }

    fn put(&self, id: String, entry: Arc<DraftEntry>) {
        let mut guard = self.0.lock().unwrap_or_else(|p| p.into_inner());
        guard.retain(|(k, _)| k != &id);
        guard.insert(0, (id, entry));
        guard.truncate(CACHE);
    }
}

fn entry(files: &[SourceFile]) -> DraftEntry {
    let report = lint(files);
    let published = (!report.has_errors()).then(|| {
        Published::new(Catalogue {
            version: report.version.clone(),
            topics: report.topics.clone(),
            services: report.services.clone(),
        })
    });
    DraftEntry { report, published }
}

fn to_files(map: &BTreeMap<String, String>) -> Vec<SourceFile> {
    map.iter()
        .map(|(name, text)| SourceFile {
            name: name
                .trim_start_matches("./")
                .trim_start_matches("catalog/")
                .to_string(),
            text: text.clone(),
        })
        .collect()
}

fn files_json(files: &[SourceFile]) -> String {
    let map: BTreeMap<&str, &str> = files
        .iter()
        .map(|f| (f.name.as_str(), f.text.as_str()))
        .collect();
    serde_json::to_string(&map).unwrap_or_default()
}

fn parse_files_json(json: &str) -> Vec<SourceFile> {
    serde_json::from_str::<BTreeMap<String, String>>(json)
        .map(|m| to_files(&m))
        .unwrap_or_default()
}

pub use portal_api::staff::{
    DraftReport, Finding, NewDraft, PreviewProblem, PreviewResult, PreviewSubmission, VersionEntry,
    Versions,
};

/// A lint finding as the staff pages show it.
fn finding(d: &Diagnostic) -> Finding {
    {
        Finding {
            code: d.code.to_string(),
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            }
            .to_string(),
            file: d.file.clone(),
            line: d.line,
            path: d.path.clone(),
            message: d.message.clone(),
            message_vi: d.message_vi.clone(),
        }
    }
}

fn report_of(id: &str, e: &DraftEntry, live: &Published) -> DraftReport {
    let errors = e.report.errors();
    DraftReport {
        id: id.to_string(),
        version: e.report.version.clone(),
        published_version: live.version.clone(),
        errors,
        warnings: e.report.diagnostics.len() - errors,
        diagnostics: e.report.diagnostics.iter().map(finding).collect(),
        diff: diff(&live.services(), &e.report.services),
    }
}

/// `POST /api/v1/staff/drafts`: stores and lints a draft catalogue.
#[utoipa::path(
    post,
    path = "/api/v1/staff/drafts",
    operation_id = "staffCreateDraft",
    tag = "staff",
    summary = "Staff only: upload a draft catalogue (file path to text, at most 40 MiB); it is linted and compared with the published catalogue. Stored even with errors so the findings can be shown.",
    params(
        ("X-Portal-Request" = String, Header, description = "Any non-empty value. Marks a state-changing call as coming from the portal's own pages: a cross-site page cannot send it without a CORS preflight, which this server never approves. A request without it, or whose Origin / Sec-Fetch-Site names another site, gets 403 cross_site_request"),
    ),
    request_body(content = portal_api::staff::NewDraft),
    responses(
        (status = 201, description = "The draft's findings and what it would change", body = portal_api::staff::DraftReport),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 413, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn create_draft(
    _origin: SameOrigin,
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
    body: Body,
) -> Result<Response, ApiError> {
    staff.require(StaffRole::CatalogueEditor)?;
    let (request, _): (NewDraft, _) = read_json(body, MAX_DRAFT_BODY).await?;
    let files = to_files(&request.files);
    let id = crate::random::token().map_err(|_| ApiError::Internal)?;
    let id: String = id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(24)
        .collect();
    let parsed = {
        let files = files.clone();
        tokio::task::spawn_blocking(move || entry(&files))
            .await
            .map_err(|_| ApiError::Internal)?
    };
    let json = files_json(&files);
    let (row_id, by, version) = (
        id.clone(),
        staff.subject.clone(),
        parsed.report.version.clone(),
    );
    sqlx::query(
        "INSERT INTO catalog_drafts (id, created_by, created_at, version, files_json)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(row_id)
    .bind(by)
    .bind(now_rfc3339())
    .bind(version)
    .bind(json)
    .execute(state.db.pool())
    .await
    .map_err(DbError::from)?;
    let parsed = Arc::new(parsed);
    state.drafts.put(id.clone(), parsed.clone());
    let report = report_of(&id, &parsed, &state.catalogue.current());
    Ok((StatusCode::CREATED, Json(report)).into_response())
}

/// The draft's files as stored, the one place that reads them from the database.
/// A draft's files (as stored) and who uploaded it.
async fn draft_files_and_author(state: &AppState, id: &str) -> Result<(String, String), ApiError> {
    let found = sqlx::query("SELECT files_json, created_by FROM catalog_drafts WHERE id = $1")
        .bind(id)
        .fetch_optional(state.db.pool())
        .await
        .map_err(DbError::from)?;
    let Some(row) = found else {
        return Err(StaffCatalogError::DraftNotFound.into());
    };
    Ok((
        row.try_get(0).map_err(DbError::from)?,
        row.try_get(1).map_err(DbError::from)?,
    ))
}

async fn load_draft(state: &AppState, id: &str) -> Result<Arc<DraftEntry>, ApiError> {
    if let Some(e) = state.drafts.get(id) {
        return Ok(e);
    }
    if !portal_api::ids::is_draft_id(id) {
        return Err(StaffCatalogError::DraftNotFound.into());
    }
    let (json, _) = draft_files_and_author(state, id).await?;
    let parsed = tokio::task::spawn_blocking(move || entry(&parse_files_json(&json)))
        .await
        .map_err(|_| ApiError::Internal)?;
    let parsed = Arc::new(parsed);
    state.drafts.put(id.to_string(), parsed.clone());
    Ok(parsed)
}

/// `GET /api/v1/staff/drafts/{id}`.
#[utoipa::path(
    get,
    path = "/api/v1/staff/drafts/{id}",
    operation_id = "staffGetDraft",
    tag = "staff",
    summary = "Staff only: a draft's findings and diff",
    params(
        ("id" = String, Path, pattern = "^[A-Za-z0-9]{1,64}$"),
    ),
    responses(
        (status = 200, description = "The draft's findings and what it would change", body = portal_api::staff::DraftReport),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn get_draft(
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DraftReport>, ApiError> {
    staff.require_any(&REVIEWERS)?;
    let e = load_draft(&state, &id).await?;
    Ok(Json(report_of(&id, &e, &state.catalogue.current())))
}

fn previewable(e: &DraftEntry) -> Result<&Published, ApiError> {
    e.published
        .as_ref()
        .ok_or_else(|| StaffCatalogError::DraftHasErrors(e.report.errors()).into())
}

/// `GET /api/v1/staff/drafts/{id}/catalog`: the draft's index, as `/api/v1/catalog`.
#[utoipa::path(
    get,
    path = "/api/v1/staff/drafts/{id}/catalog",
    operation_id = "staffDraftCatalog",
    tag = "staff",
    summary = "Staff only: the draft's catalogue index, as /api/v1/catalog, for preview (409 draft_has_errors while it has errors)",
    params(
        ("id" = String, Path, pattern = "^[A-Za-z0-9]{1,64}$"),
    ),
    responses(
        (status = 200, description = "The draft's index", body = ref("#/components/schemas/CatalogueIndex")),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn draft_catalog(
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    staff.require_any(&REVIEWERS)?;
    let e = load_draft(&state, &id).await?;
    let p = previewable(&e)?;
    Ok(json_bytes(p.index_json.clone()))
}

/// `GET /api/v1/staff/drafts/{id}/services/{service}`, as `/api/v1/services/{id}`.
#[utoipa::path(
    get,
    path = "/api/v1/staff/drafts/{id}/services/{service}",
    operation_id = "staffDraftService",
    tag = "staff",
    summary = "Staff only: one service of the draft, as /api/v1/services/{id}, for preview",
    params(
        ("id" = String, Path, pattern = "^[A-Za-z0-9]{1,64}$"),
        ("service" = String, Path, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 80),
    ),
    responses(
        (status = 200, description = "The service as the draft has it", body = ref("#/components/schemas/Service"), headers(("ETag" = String, description = "The draft catalogue's version, quoted"))),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn draft_service(
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
    Path((id, service)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    draft_service_answer(&staff, &state, &id, service, ServiceView::Whole).await
}

/// One service's answer from a draft's catalogue, for reviewers; the id is checked before
/// the draft is read.
async fn draft_service_answer(
    staff: &crate::identity::User,
    state: &AppState,
    draft: &str,
    service: String,
    view: ServiceView,
) -> Result<Response, ApiError> {
    staff.require_any(&REVIEWERS)?;
    ApiError::check_service_id(&service)?;
    let e = load_draft(state, draft).await?;
    let published = previewable(&e)?;
    let body = published.service_answer(service, view)?;
    // The draft catalogue's version, as the published answers carry theirs: what a
    // previewed form's test draft records, with no second request for the index.
    let etag = HeaderValue::from_str(&published.etag).unwrap_or(HeaderValue::from_static("\"0\""));
    let mut res = json_bytes(body);
    res.headers_mut().insert(axum::http::header::ETAG, etag);
    Ok(res)
}

/// `GET /api/v1/staff/drafts/{id}/services/{service}/overview`, as
/// `/api/v1/services/{id}/overview`.
#[utoipa::path(
    get,
    path = "/api/v1/staff/drafts/{id}/services/{service}/overview",
    operation_id = "staffDraftServiceOverview",
    tag = "staff",
    summary = "Staff only: one service of the draft without its form, as /api/v1/services/{id}/overview, for preview",
    params(
        ("id" = String, Path, pattern = "^[A-Za-z0-9]{1,64}$"),
        ("service" = String, Path, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 80),
    ),
    responses(
        (status = 200, description = "The service as the draft has it, without its form", body = portal_api::catalogue::ServiceOverview, headers(("ETag" = String, description = "The draft catalogue's version, quoted"))),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn draft_service_overview(
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
    Path((id, service)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    draft_service_answer(&staff, &state, &id, service, ServiceView::Overview).await
}

/// `GET /api/v1/staff/drafts/{id}/services/{service}/form`, as
/// `/api/v1/services/{id}/form`.
#[utoipa::path(
    get,
    path = "/api/v1/staff/drafts/{id}/services/{service}/form",
    operation_id = "staffDraftServiceForm",
    tag = "staff",
    summary = "Staff only: what the form page reads of one service of the draft, as /api/v1/services/{id}/form, for preview",
    params(
        ("id" = String, Path, pattern = "^[A-Za-z0-9]{1,64}$"),
        ("service" = String, Path, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 80),
    ),
    responses(
        (status = 200, description = "The service's form as the draft has it", body = portal_api::catalogue::ServiceForm, headers(("ETag" = String, description = "The draft catalogue's version, quoted"))),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn draft_service_form(
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
    Path((id, service)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    draft_service_answer(&staff, &state, &id, service, ServiceView::Form).await
}

fn json_bytes(body: axum::body::Bytes) -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

/// `POST /api/v1/staff/drafts/{id}/submissions`: checks answers against the draft's
/// form with the engine, exactly as a submission would be checked, and stores nothing.
#[utoipa::path(
    post,
    path = "/api/v1/staff/drafts/{id}/submissions",
    operation_id = "staffPreviewSubmit",
    tag = "staff",
    summary = "Staff only: a test submission in preview. The answers are checked with the form engine exactly as a real submission; nothing is stored and no dossier is created.",
    params(
        ("id" = String, Path, pattern = "^[A-Za-z0-9]{1,64}$"),
        ("X-Portal-Request" = String, Header, description = "Any non-empty value. Marks a state-changing call as coming from the portal's own pages: a cross-site page cannot send it without a CORS preflight, which this server never approves. A request without it, or whose Origin / Sec-Fetch-Site names another site, gets 403 cross_site_request"),
    ),
    request_body(content = portal_api::staff::PreviewSubmission),
    responses(
        (status = 200, description = "What a real submission would have given", body = portal_api::staff::PreviewResult),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 413, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 422, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn preview_submit(
    _origin: SameOrigin,
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Body,
) -> Result<Json<PreviewResult>, ApiError> {
    staff.require_any(&REVIEWERS)?;
    let (request, _): (PreviewSubmission, _) = read_json(body, 1024 * 1024).await?;
    let e = load_draft(&state, &id).await?;
    let p = previewable(&e)?;
    let service = p
        .service(&request.service_id)
        .ok_or_else(|| ApiError::ServiceNotFound(request.service_id.chars().take(80).collect()))?;
    let form = service
        .form
        .clone()
        .ok_or_else(|| StaffCatalogError::NoForm(service.id.0.clone()))?;
    let form = IndexedForm::new(form);
    let identity = staff.prefill();
    let today = crate::clock::today();
    let mut ctx = ValidationContext::new(today).with_identity(&identity);
    // The same units a real submission is checked against.
    if let Some(u) = state.admin_units.as_deref() {
        ctx = ctx.with_units(&u.units);
    }
    let quote = form.quote(&request.answers, today);
    let problems = match form.validate_submission(&request.answers, &ctx) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| PreviewProblem {
                path: e.path.to_string(),
                message_vi: e.message(&form, Lang::Vi),
                message_en: e.message(&form, Lang::En),
            })
            .collect(),
    };
    Ok(Json(PreviewResult {
        sandbox: true,
        accepted: problems.is_empty(),
        problems,
        quote,
    }))
}

/// `POST /api/v1/staff/drafts/{id}/publish`: publishes a draft that lints clean.
#[utoipa::path(
    post,
    path = "/api/v1/staff/drafts/{id}/publish",
    operation_id = "staffPublishDraft",
    tag = "staff",
    summary = "Staff only: publish a draft that lints without errors; the previous version is kept for rollback",
    params(
        ("id" = String, Path, pattern = "^[A-Za-z0-9]{1,64}$"),
        ("X-Portal-Request" = String, Header, description = "Any non-empty value. Marks a state-changing call as coming from the portal's own pages: a cross-site page cannot send it without a CORS preflight, which this server never approves. A request without it, or whose Origin / Sec-Fetch-Site names another site, gets 403 cross_site_request"),
    ),
    responses(
        (status = 200, description = "The versions after publishing", body = portal_api::staff::Versions),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn publish(
    _origin: SameOrigin,
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Versions>, ApiError> {
    staff.require(StaffRole::CataloguePublisher)?;
    let e = load_draft(&state, &id).await?;
    if e.report.has_errors() {
        return Err(StaffCatalogError::DraftHasErrors(e.report.errors()).into());
    }
    let (json, drafted_by) = draft_files_and_author(&state, &id).await?;
    if drafted_by == staff.subject {
        return Err(StaffCatalogError::SamePersonDraftedIt.into());
    }
    let catalogue = Catalogue::from_files(&parse_files_json(&json))
        .map_err(|_| StaffCatalogError::DraftHasErrors(1))?;
    let by = Publisher {
        published_by: &staff.subject,
        drafted_by: &drafted_by,
    };
    install(&state, catalogue, json, "publish", by).await?;
    versions_of(&state).await.map(Json)
}

/// `POST /api/v1/staff/catalog/rollback`: goes back to the version published before
/// the current one.
#[utoipa::path(
    post,
    path = "/api/v1/staff/catalog/rollback",
    operation_id = "staffRollback",
    tag = "staff",
    summary = "Staff only: go back to the version published before the current one",
    params(
        ("X-Portal-Request" = String, Header, description = "Any non-empty value. Marks a state-changing call as coming from the portal's own pages: a cross-site page cannot send it without a CORS preflight, which this server never approves. A request without it, or whose Origin / Sec-Fetch-Site names another site, gets 403 cross_site_request"),
    ),
    responses(
        (status = 200, description = "The versions after the rollback", body = portal_api::staff::Versions),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn rollback(
    _origin: SameOrigin,
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
) -> Result<Json<Versions>, ApiError> {
    staff.require(StaffRole::CataloguePublisher)?;
    let disk = state.catalogue.disk.version.clone();
    let previous: Result<Option<String>, DbError> = async {
        let mut c = state.db.conn().await?;
        // This deployment's history, oldest first.
        let rows = sqlx::query(
            "SELECT action, version FROM catalog_publications
             WHERE disk_version = $1 ORDER BY seq",
        )
        .bind(&disk)
        .fetch_all(&mut *c)
        .await?;
        let history = rows
            .iter()
            .map(|r| Ok((r.try_get::<String, _>(0)?, r.try_get::<String, _>(1)?)))
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        let Some(target) = rollback_target(&disk, &history) else {
            return Ok(None);
        };
        Ok(sqlx::query(
            "SELECT files_json FROM catalog_publications WHERE version = $1
             ORDER BY seq DESC LIMIT 1",
        )
        .bind(target)
        .fetch_optional(&mut *c)
        .await?
        .map(|r| r.try_get(0))
        .transpose()?)
    }
    .await;
    let previous = previous?;
    let json = previous.ok_or(StaffCatalogError::NoPreviousVersion)?;
    let catalogue = Catalogue::from_files(&parse_files_json(&json))
        .map_err(|_| StaffCatalogError::NoPreviousVersion)?;
    let by = Publisher {
        published_by: &staff.subject,
        drafted_by: "",
    };
    install(&state, catalogue, json, "rollback", by).await?;
    versions_of(&state).await.map(Json)
}

/// The version a rollback goes to: the one that was served before the current one was
/// published. History is replayed as a stack (a publication pushes, a rollback pops),
/// so rolling back twice goes back twice and never toggles between two versions. The
/// deployed files are the bottom of the stack, whether or not a row records them.
fn rollback_target(deployed: &str, history: &[(String, String)]) -> Option<String> {
    let mut stack = vec![deployed.to_string()];
    for (action, version) in history {
        match action.as_str() {
            "rollback" => {
                stack.pop();
            }
            "deployed" => {}
            _ => stack.push(version.clone()),
        }
    }
    (stack.len() >= 2).then(|| stack[stack.len() - 2].clone())
}

/// `GET /api/v1/staff/catalog/versions`.
#[utoipa::path(
    get,
    path = "/api/v1/staff/catalog/versions",
    operation_id = "staffCatalogVersions",
    tag = "staff",
    summary = "Staff only: the published version and the history of publications (newest first, at most 50)",
    responses(
        (status = 200, description = "The versions", body = portal_api::staff::Versions),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn versions(
    StaffUser(staff): StaffUser,
    State(state): State<AppState>,
) -> Result<Json<Versions>, ApiError> {
    staff.require_any(&REVIEWERS)?;
    versions_of(&state).await.map(Json)
}

async fn versions_of(state: &AppState) -> Result<Versions, ApiError> {
    let current = state.catalogue.current().version.clone();
    let rows = sqlx::query(
        "SELECT version, action, published_by, published_at, drafted_by
         FROM catalog_publications ORDER BY seq DESC LIMIT 50",
    )
    .fetch_all(state.db.pool())
    .await
    .map_err(DbError::from)?;
    let versions = rows
        .iter()
        .map(|r| {
            Ok(VersionEntry {
                version: r.try_get(0)?,
                action: r.try_get(1)?,
                published_by: r.try_get(2)?,
                published_at: r.try_get(3)?,
                drafted_by: Some(r.try_get::<String, _>(4)?).filter(|d| !d.is_empty()),
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()
        .map_err(DbError::from)?;
    Ok(Versions { current, versions })
}

/// Who published (and, for a draft, who drafted it), as the history records them.
#[derive(Clone, Copy)]
struct Publisher<'a> {
    published_by: &'a str,
    drafted_by: &'a str,
}

/// Records the publication (first the deployed version, if history is empty, so it can
/// be rolled back to) and swaps the served catalogue.
async fn install(
    state: &AppState,
    catalogue: Catalogue,
    json: String,
    action: &'static str,
    by: Publisher<'_>,
) -> Result<(), ApiError> {
    let disk = state.catalogue.disk.clone();
    let version = catalogue.version.clone();
    let (published_by, drafted_by) = (by.published_by.to_string(), by.drafted_by.to_string());
    let seq: Result<i64, DbError> = async {
        let mut tx = state.db.begin().await?;
        // The deployed files go first in this deployment's history, so they can be
        // rolled back to. (Two first publications at once through two instances may
        // both record them: the rollback stack ignores "deployed" rows, so a second
        // one changes nothing.)
        let recorded: i64 =
            sqlx::query("SELECT COUNT(*) FROM catalog_publications WHERE disk_version = $1")
                .bind(&disk.version)
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
        if recorded == 0 {
            let nobody = Publisher {
                published_by: "",
                drafted_by: "",
            };
            let (v, files) = (&disk.version, &disk.files_json);
            record(&mut tx, v, files, v, "deployed", nobody).await?;
        }
        let by = Publisher {
            published_by: &published_by,
            drafted_by: &drafted_by,
        };
        let seq = record(&mut tx, &version, &json, &disk.version, action, by).await?;
        tx.commit().await?;
        Ok(seq)
    }
    .await;
    let seq = seq?;
    state.db.record_catalogue(&catalogue).await?;
    state.catalogue.replace(Published::new(catalogue), seq);
    Ok(())
}

/// Adds a row to the publication history; returns its sequence number.
async fn record(
    c: &mut Conn,
    version: &str,
    files_json: &str,
    disk_version: &str,
    action: &str,
    by: Publisher<'_>,
) -> Result<i64, DbError> {
    Ok(sqlx::query(
        "INSERT INTO catalog_publications
         (version, files_json, disk_version, action, published_by, published_at, drafted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq",
    )
    .bind(version)
    .bind(files_json)
    .bind(disk_version)
    .bind(action)
    .bind(by.published_by)
    .bind(now_rfc3339())
    .bind(by.drafted_by)
    .fetch_one(c)
    .await?
    .try_get(0)?)
}

/// The files the server was deployed with, kept so the first publication can record
/// them for rollback.
#[derive(Clone)]
pub struct DiskCatalogue {
    pub version: String,
    pub files_json: String,
}

/// At start: the catalogue to serve, from the files or from the last publication made
/// over these same files (see the module notes), and that publication's number.
pub async fn starting_catalogue(
    c: &mut Conn,
    files: &[SourceFile],
) -> Result<(Catalogue, DiskCatalogue, i64), crate::StartError> {
    let disk = Catalogue::from_files(files)?;
    let disk_info = DiskCatalogue {
        version: disk.version.clone(),
        files_json: files_json(files),
    };
    let (seq, last) = latest_publication(c).await?;
    if let Some(published) = last.and_then(|l| l.over(&disk_info)) {
        return Ok((published, disk_info, seq));
    }
    Ok((disk, disk_info, seq))
}

/// The newest row of the publication history.
struct Publication {
    files_json: String,
    disk_version: String,
}

impl Publication {
    /// The catalogue it published, if it was published over the files `disk`.
    fn over(self, disk: &DiskCatalogue) -> Option<Catalogue> {
        (self.disk_version == disk.version)
            .then(|| Catalogue::from_files(&parse_files_json(&self.files_json)).ok())
            .flatten()
    }
}

/// The newest publication's number (0 if none) and the publication.
async fn latest_publication(c: &mut Conn) -> Result<(i64, Option<Publication>), DbError> {
    let row = sqlx::query(
        "SELECT seq, files_json, disk_version FROM catalog_publications ORDER BY seq DESC LIMIT 1",
    )
    .fetch_optional(c)
    .await?;
    let Some(r) = row else {
        return Ok((0, None));
    };
    Ok((
        r.try_get(0)?,
        Some(Publication {
            files_json: r.try_get(1)?,
            disk_version: r.try_get(2)?,
        }),
    ))
}

/// How often an instance looks for publications made through another instance.
pub const FOLLOW_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// Serves, within [`FOLLOW_EVERY`], what any instance publishes or rolls back: it
/// compares the newest publication number (an indexed `MAX`) with the one it serves and
/// loads the publication only when it changed. Runs until the process ends.
pub async fn follow_publications(state: AppState) {
    let mut ticker = tokio::time::interval(FOLLOW_EVERY);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        if let Err(e) = follow_once(&state).await {
            tracing::warn!("following catalogue publications: {e}");
        }
    }
}

async fn follow_once(state: &AppState) -> Result<(), DbError> {
    let newest: Option<i64> = sqlx::query("SELECT MAX(seq) FROM catalog_publications")
        .fetch_one(state.db.pool())
        .await?
        .try_get(0)?;
    let newest = newest.unwrap_or(0);
    if newest <= state.catalogue.seq() {
        return Ok(());
    }
    let (seq, last) = latest_publication(&mut *state.db.conn().await?).await?;
    let disk = state.catalogue.disk.clone();
    let catalogue = match last {
        Some(p) => tokio::task::spawn_blocking(move || p.over(&disk))
            .await
            .unwrap_or(None),
        None => None,
    };
    match catalogue {
        Some(c) => {
            tracing::info!(
                "serving catalogue {} published through another instance",
                c.version
            );
            state.db.record_catalogue(&c).await?;
            state.catalogue.replace(Published::new(c), seq);
        }
        // Published over other files (an instance of another deployment): not ours.
        None => state.catalogue.skip(seq),
    }
    Ok(())
}

/// This module's routes: draft catalogues, their preview, publishing and rollback.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use crate::api::private;
    use axum::routing::{get, post};
    use portal_api::paths::template as t;
    table
        .post(t::STAFF_DRAFTS, private(post(create_draft)))
        .get(t::STAFF_DRAFT, private(get(get_draft)))
        .get(t::STAFF_DRAFT_CATALOGUE, private(get(draft_catalog)))
        .get(t::STAFF_DRAFT_SERVICE, private(get(draft_service)))
        .get(
            t::STAFF_DRAFT_SERVICE_OVERVIEW,
            private(get(draft_service_overview)),
        )
        .get(
            t::STAFF_DRAFT_SERVICE_FORM,
            private(get(draft_service_form)),
        )
        .post(t::STAFF_DRAFT_SUBMISSIONS, private(post(preview_submit)))
        .post(t::STAFF_DRAFT_PUBLISH, private(post(publish)))
        .get(t::STAFF_VERSIONS, private(get(versions)))
        .post(t::STAFF_ROLLBACK, private(post(rollback)))
}

#[cfg(test)]
mod tests {
    use super::rollback_target;

    #[test]
    fn rollback_walks_back_and_never_toggles() {
        let h = |rows: &[(&str, &str)]| -> Vec<(String, String)> {
            rows.iter()
                .map(|(a, v)| (a.to_string(), v.to_string()))
                .collect()
        };
        assert_eq!(rollback_target("A", &[]), None);
        let one = h(&[("deployed", "A"), ("publish", "B")]);
        assert_eq!(rollback_target("A", &one).as_deref(), Some("A"));
        // Back to A, then nothing earlier: a second rollback does not return to B.
        let back = h(&[("deployed", "A"), ("publish", "B"), ("rollback", "A")]);
        assert_eq!(rollback_target("A", &back), None);
        let two = h(&[
            ("deployed", "A"),
            ("publish", "B"),
            ("publish", "C"),
            ("rollback", "B"),
        ]);
        assert_eq!(rollback_target("A", &two).as_deref(), Some("A"));
        // Published again after a rollback: back to what was served before it.
        let again = h(&[
            ("deployed", "A"),
            ("publish", "B"),
            ("rollback", "A"),
            ("publish", "D"),
        ]);
        assert_eq!(rollback_target("A", &again).as_deref(), Some("A"));
    }
}
