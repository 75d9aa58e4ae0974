//! Catalogue reads: the index of services, one service's details and the legal texts they
//! cite, all cacheable and revalidated by ETag so repeat visits on mobile data cost a 304.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::ApiError;
use crate::published::ServiceView;
use crate::AppState;

#[utoipa::path(
    get,
    path = "/api/v1/catalog",
    operation_id = "getCatalog",
    summary = "The published catalogue: its version and a summary of every service",
    params(
        ("If-None-Match" = Option<String>, Header),
    ),
    responses(
        (status = 200, description = "The catalogue index", body = ref("#/components/schemas/CatalogueIndex"), headers(("ETag" = String, description = "The catalogue version, quoted"))),
        (status = 304, description = "The client's copy (If-None-Match) is current"),
    ),
)]
pub async fn index(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let c = state.catalogue.current();
    cached_json(&headers, &c.etag, c.index_json.clone())
}

#[utoipa::path(
    get,
    path = "/api/v1/catalog/sources",
    operation_id = "getCatalogSources",
    summary = "The legal texts the published catalogue relies on, each with its date and the services that cite it",
    params(
        ("If-None-Match" = Option<String>, Header),
    ),
    responses(
        (status = 200, description = "The legal texts, newest first", body = portal_api::catalogue::LegalSources, headers(("ETag" = String, description = "The catalogue version, quoted"))),
        (status = 304, description = "The client's copy (If-None-Match) is current"),
    ),
)]
pub async fn sources(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let c = state.catalogue.current();
    cached_json(&headers, &c.etag, c.sources_json.clone())
}

#[utoipa::path(
    get,
    path = "/api/v1/services/{id}",
    operation_id = "getService",
    summary = "One service with its documents, fees, processing time and legal basis",
    params(
        ("id" = String, Path, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 80),
        ("If-None-Match" = Option<String>, Header),
    ),
    responses(
        (status = 200, description = "The service", body = ref("#/components/schemas/Service")),
        (status = 304, description = "The client's copy is current"),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn service(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    service_answer(&state, id, &headers, ServiceView::Whole)
}

/// One service's answer from the published catalogue, with its ETag.
fn service_answer(
    state: &AppState,
    id: String,
    headers: &HeaderMap,
    view: ServiceView,
) -> Result<Response, ApiError> {
    let c = state.catalogue.current();
    let body = c.service_answer(id, view)?;
    Ok(cached_json(headers, &c.etag, body))
}

#[utoipa::path(
    get,
    path = "/api/v1/services/{id}/overview",
    operation_id = "getServiceOverview",
    summary = "One service without its form: what the service page shows, with how long the form takes and which files to have ready",
    params(
        ("id" = String, Path, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 80),
        ("If-None-Match" = Option<String>, Header),
    ),
    responses(
        (status = 200, description = "The service without its form", body = portal_api::catalogue::ServiceOverview),
        (status = 304, description = "The client's copy is current"),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn overview(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    service_answer(&state, id, &headers, ServiceView::Overview)
}

#[utoipa::path(
    get,
    path = "/api/v1/services/{id}/form",
    operation_id = "getServiceForm",
    summary = "What a service's form page reads of one service: who may file it, its fee rules, whether it is a bundle, and its form",
    params(
        ("id" = String, Path, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 80),
        ("If-None-Match" = Option<String>, Header),
    ),
    responses(
        (status = 200, description = "The service's form and what filing it depends on", body = portal_api::catalogue::ServiceForm),
        (status = 304, description = "The client's copy is current"),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn form(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    service_answer(&state, id, &headers, ServiceView::Form)
}

/// A JSON body with an ETag; `304 Not Modified` when the client already has it.
fn cached_json(headers: &HeaderMap, etag: &str, body: Bytes) -> Response {
    cached_json_for(headers, etag, body, "no-cache")
}

/// [`cached_json`] with the given `Cache-Control`, for data that changes rarely.
pub(super) fn cached_json_for(
    headers: &HeaderMap,
    etag: &str,
    body: Bytes,
    cache_control: &'static str,
) -> Response {
    let etag_value = HeaderValue::from_str(etag).unwrap_or(HeaderValue::from_static("\"0\""));
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let common = [
        (header::ETAG, etag_value),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static(cache_control),
        ),
    ];
    if matches {
        return (StatusCode::NOT_MODIFIED, common).into_response();
    }
    (
        common,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

/// `GET /api/v1/catalog/availability/{province}`
#[utoipa::path(
    get,
    path = "/api/v1/catalog/availability/{province}",
    operation_id = "getAvailability",
    summary = "The services people of a province can file online here: those whose receiving system (the province's, or the ministry's) the portal is connected to",
    params(
        ("province" = String, Path, description = "Province code with its leading zero, e.g. 79", pattern = "^[0-9]{2}$"),
    ),
    responses(
        (status = 200, description = "The services available", body = portal_api::catalogue::Availability),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 503, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn availability(
    State(state): State<AppState>,
    Path(province): Path<String>,
) -> Result<Response, ApiError> {
    super::admin_units::province(&state, &province)?;
    let services = available_in(&state, &province);
    let body = portal_api::catalogue::Availability { province, services };
    Ok(short_lived(body))
}

/// `GET /api/v1/catalog/availability`
#[utoipa::path(
    get,
    path = "/api/v1/catalog/availability",
    operation_id = "getAvailabilityMap",
    summary = "Every province with its name and the services its people can file online here (the catalogue page's province filter)",
    responses(
        (status = 200, description = "The provinces and their services", body = portal_api::catalogue::AvailabilityMap),
        (status = 503, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn availability_map(State(state): State<AppState>) -> Result<Response, ApiError> {
    let units = state
        .admin_units
        .as_deref()
        .ok_or(ApiError::AdminUnitsUnavailable)?;
    let provinces = units
        .units
        .provinces()
        .iter()
        .map(|p| portal_api::catalogue::ProvinceAvailability {
            code: p.code.clone(),
            name: p.full_name(),
            services: available_in(&state, &p.code),
        })
        .collect();
    Ok(short_lived(portal_api::catalogue::AvailabilityMap {
        provinces,
    }))
}

/// The services of the published catalogue that `province`'s people can file online
/// here (see [`is_available`]).
fn available_in(state: &AppState, province: &str) -> Vec<String> {
    state
        .catalogue
        .current()
        .services()
        .iter()
        .filter(|s| is_available(state, s, province))
        .map(|s| s.id.0.clone())
        .collect()
}

/// Whether `province`'s people can file `service` online here: the portal is connected
/// to its receiving system. The one rule of the availability answers and the card.
fn is_available(state: &AppState, service: &portal_core::Service, province: &str) -> bool {
    portal_core::admin_units::routing::system_for(service, province)
        .is_some_and(|system| state.agencies.get(&system).is_some())
}

/// The query of [`card`].
#[derive(Debug, serde::Deserialize)]
pub struct CardQuery {
    province: Option<String>,
}

/// `GET /api/v1/services/{id}/card?province=79`
#[utoipa::path(
    get,
    path = "/api/v1/services/{id}/card",
    operation_id = "getServiceCard",
    summary = "A service's card for a province's or a ministry's own site: what it is, its fees and time, the agency receiving it for that province and whether that province's people can file it online here",
    params(
        ("id" = String, Path, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 80),
        ("province" = Option<String>, Query, description = "Province code with its leading zero, e.g. 79; without it the agency is named as in the catalogue and `province`, `available` are absent", pattern = "^[0-9]{2}$"),
    ),
    responses(
        (status = 200, description = "The card", body = portal_api::catalogue::ServiceCard),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 503, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn card(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<CardQuery>,
) -> Result<Response, ApiError> {
    ApiError::check_service_id(&id)?;
    let published = state.catalogue.current();
    let service = published
        .service(&id)
        .ok_or_else(|| ApiError::ServiceNotFound(id.clone()))?;
    let (agency, province, available) = match query.province {
        None => (service.agency.name.clone(), None, None),
        Some(code) => {
            let province = super::admin_units::province(&state, &code)?;
            (
                portal_core::admin_units::province_agency(&service.agency, province),
                Some(portal_api::catalogue::CardProvince {
                    name: province.full_name(),
                    code,
                }),
                Some(is_available(&state, service, &province.code)),
            )
        }
    };
    Ok(short_lived(portal_api::catalogue::ServiceCard {
        id: service.id.0.clone(),
        name: service.name.clone(),
        summary: service.summary.clone(),
        level: service.agency.level,
        online_level: service.online_level,
        agency,
        province,
        available,
        has_form: service.form.is_some(),
        fees: service.fees.clone(),
        processing_time: service.processing_time.clone(),
    }))
}

/// An availability answer or a card: it changes with the deployment's agency systems
/// and the published catalogue, so it is cached briefly.
fn short_lived(body: impl serde::Serialize) -> Response {
    (
        [(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=300"),
        )],
        axum::Json(body),
    )
        .into_response()
}

/// This module's routes.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use axum::routing::get;
    use portal_api::paths::template as t;
    table
        .embed_get(t::CATALOGUE, get(index))
        .embed_get(t::CATALOGUE_AVAILABILITY, get(availability))
        .embed_get(t::CATALOGUE_AVAILABILITY_ALL, get(availability_map))
        .get(t::CATALOGUE_SOURCES, get(sources))
        .get(t::SERVICE, get(service))
        .get(t::SERVICE_OVERVIEW, get(overview))
        .get(t::SERVICE_FORM, get(form))
        .embed_get(t::SERVICE_CARD, get(card))
}
