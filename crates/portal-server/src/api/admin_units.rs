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

fn send(headers: &HeaderMap, c: &Cached) -> Response {
    cached_json_for(headers, &c.etag, c.body.clone(), CACHE)
}

pub async fn provinces(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    Ok(send(&headers, &units(&state)?.provinces))
}

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
