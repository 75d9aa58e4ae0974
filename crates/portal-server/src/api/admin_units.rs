//! Administrative units: the 34 provinces, one province's communes, and the conversion
//! of a pre-2025 address. The data changes only with a new release of the files, so
//! responses may be cached for a week and are revalidated by ETag.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use portal_core::admin_units::{is_commune_code, is_province_code, LegacyQuery};
use serde::Deserialize;

use super::catalogue::cached_json_for;
use super::ApiError;
use crate::admin_units::{Cached, PublishedUnits};
use crate::AppState;

/// A week: the files change with a release, and the ETag catches that.
const CACHE: &str = "public, max-age=604800";
/// Longest name accepted in a legacy query; real names are far shorter.
const MAX_NAME: usize = 100;

fn units(state: &AppState) -> Result<&PublishedUnits, ApiError> {
    state
        .admin_units
        .as_deref()
        .ok_or(ApiError::AdminUnitsUnavailable)
}

/// The province `code` names: the code checked (`bad_province_code`), then looked up
/// (`province_not_found`).
pub(super) fn province<'a>(
    state: &'a AppState,
    code: &str,
) -> Result<&'a portal_core::admin_units::Province, ApiError> {
    if !is_province_code(code) {
        return Err(ApiError::BadProvinceCode(code.chars().take(20).collect()));
    }
    units(state)?
        .units
        .province(code)
        .ok_or_else(|| ApiError::ProvinceNotFound(code.to_string()))
}

fn send(headers: &HeaderMap, c: &Cached) -> Response {
    cached_json_for(headers, &c.etag, c.body.clone(), CACHE)
}

#[utoipa::path(
    get,
    path = "/api/v1/admin-units/provinces",
    operation_id = "listProvinces",
    summary = "The 34 provinces and centrally-run cities since 1 July 2025, in alphabetical order",
    params(
        ("If-None-Match" = Option<String>, Header),
    ),
    responses(
        (status = 200, description = "The provinces, with the version of the administrative-unit data", body = ref("#/components/schemas/ProvinceList"), headers(("ETag" = String), ("Cache-Control" = String, description = "public, max-age=604800"))),
        (status = 304, description = "The client's copy is current"),
        (status = 503, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn provinces(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    Ok(send(&headers, &units(&state)?.provinces))
}

#[utoipa::path(
    get,
    path = "/api/v1/admin-units/provinces/{code}/communes",
    operation_id = "listCommunes",
    summary = "One province with all its communes (xã, phường, đặc khu), in alphabetical order of name; loaded lazily, one province at a time",
    params(
        ("code" = String, Path, description = "Province code with its leading zero, e.g. 01", pattern = "^[0-9]{2}$"),
        ("If-None-Match" = Option<String>, Header),
    ),
    responses(
        (status = 200, description = "The province and its communes", body = ref("#/components/schemas/ProvinceCommunes"), headers(("ETag" = String), ("Cache-Control" = String))),
        (status = 304, description = "The client's copy is current"),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 503, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn communes(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if !is_province_code(&code) {
        return Err(ApiError::BadProvinceCode(code.chars().take(20).collect()));
    }
    let cached = units(&state)?
        .communes(&code)
        .ok_or(ApiError::ProvinceNotFound(code))?;
    Ok(send(&headers, cached))
}

#[derive(Deserialize)]
pub struct LegacyParams {
    code: Option<String>,
    ward: Option<String>,
    district: Option<String>,
    province: Option<String>,
}

fn field(name: &'static str, value: Option<String>) -> Result<String, ApiError> {
    let v = value.unwrap_or_default();
    if v.chars().count() > MAX_NAME {
        return Err(ApiError::BadLegacyQuery(format!(
            "{name} is longer than {MAX_NAME} characters"
        )));
    }
    Ok(v.trim().to_string())
}

#[utoipa::path(
    get,
    path = "/api/v1/admin-units/legacy",
    operation_id = "convertLegacyAddress",
    summary = "The commune(s) an address from before 1 July 2025 now belongs to",
    description = "Give either `code` (a pre-2025 ward code) or `ward` and `province` (and `district` if known). Names match with or without diacritics and kind words (P., Q., TP). Old province codes are never used: 15, 24, 44, 52, 80, 82 and 91 now name other provinces. Several matches are possible (similar names, a split ward); none is an empty list, not an error.",
    params(
        ("code" = Option<String>, Query, pattern = "^[0-9]{5}$"),
        ("ward" = Option<String>, Query, description = "Old ward, commune or township, e.g. Phường Trúc Bạch", max_length = 100),
        ("district" = Option<String>, Query, description = "Old district, e.g. Quận Ba Đình", max_length = 100),
        ("province" = Option<String>, Query, description = "Old province, e.g. Thành phố Hà Nội", max_length = 100),
        ("If-None-Match" = Option<String>, Header),
    ),
    responses(
        (status = 200, description = "The matching old wards, exact spellings first, each with the communes it became", body = ref("#/components/schemas/LegacyResult"), headers(("ETag" = String), ("Cache-Control" = String))),
        (status = 304, description = "The client's copy is current"),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 503, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn legacy(
    State(state): State<AppState>,
    params: Result<Query<LegacyParams>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Query(p) = params.map_err(|e| ApiError::BadLegacyQuery(e.body_text()))?;
    let data = units(&state)?;
    let code = field("code", p.code)?;
    let wards = if !code.is_empty() {
        if !is_commune_code(&code) {
            return Err(ApiError::BadLegacyQuery(
                "code must be the 5 digits of a pre-2025 ward code".into(),
            ));
        }
        data.legacy.by_code(&code).into_iter().collect()
    } else {
        let query = LegacyQuery {
            ward: field("ward", p.ward)?,
            district: field("district", p.district)?,
            province: field("province", p.province)?,
        };
        if query.ward.is_empty() || query.province.is_empty() {
            return Err(ApiError::BadLegacyQuery(
                "give the old ward and province (and the district if known), or an old ward code"
                    .into(),
            ));
        }
        data.legacy.find(&query)
    };
    let result = data.legacy.resolve(&data.units, &wards);
    Ok(send(&headers, &Cached::of(&result)))
}

/// This module's routes.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use axum::routing::get;
    use portal_api::paths::template as t;
    table
        .get(t::PROVINCES, get(provinces))
        .get(t::COMMUNES, get(communes))
        .get(t::LEGACY_ADDRESS, get(legacy))
}
