//! The client of the portal API (the contract in `crates/portal-server/openapi.json`).
//! The app talks to nothing else.

use portal_core::admin_units::{
    is_province_code, LegacyQuery, LegacyResult, Province, ProvinceCommunes,
};
use portal_core::{CatalogueIndex, Service};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Why a request failed, in terms the UI can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, DNS, connection refused, aborted.
    Network,
    /// The server answered with an error; `code` is the contract's stable error code.
    Server { status: u16, code: String },
    /// The answer was not what the contract promises.
    Malformed,
}

impl ApiError {
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            ApiError::Server { status: 404, .. } | ApiError::Server { status: 400, .. }
        )
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    code: String,
}

async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    send_json(gloo_net::http::Request::get(url)).await
}

async fn send_json<T: DeserializeOwned>(
    req: gloo_net::http::RequestBuilder,
) -> Result<T, ApiError> {
    let res = req
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    let status = res.status();
    let body = res.text().await.map_err(|_| ApiError::Network)?;
    if !(200..300).contains(&status) {
        let code = serde_json::from_str::<ErrorBody>(&body)
            .map(|b| b.error.code)
            .unwrap_or_else(|_| "unknown".into());
        return Err(ApiError::Server { status, code });
    }
    serde_json::from_str(&body).map_err(|_| ApiError::Malformed)
}

pub async fn catalogue() -> Result<CatalogueIndex, ApiError> {
    get_json("/api/v1/catalog").await
}

pub async fn service(id: &str) -> Result<Service, ApiError> {
    if !portal_core::ServiceId::is_valid(id) {
        return Err(ApiError::Server {
            status: 400,
            code: "bad_service_id".into(),
        });
    }
    get_json(&format!("/api/v1/services/{id}")).await
}

#[derive(Deserialize)]
struct ProvinceList {
    provinces: Vec<Province>,
}

/// The 34 provinces, alphabetical.
pub async fn provinces() -> Result<Vec<Province>, ApiError> {
    get_json::<ProvinceList>("/api/v1/admin-units/provinces")
        .await
        .map(|l| l.provinces)
}

/// One province's communes, loaded only when the province is chosen.
pub async fn communes(province: &str) -> Result<ProvinceCommunes, ApiError> {
    if !is_province_code(province) {
        return Err(ApiError::Server {
            status: 400,
            code: "bad_province_code".into(),
        });
    }
    get_json(&format!(
        "/api/v1/admin-units/provinces/{province}/communes"
    ))
    .await
}

/// The communes a pre-2025 address now belongs to.
pub async fn legacy(q: &LegacyQuery) -> Result<LegacyResult, ApiError> {
    let params = [
        ("ward", q.ward.as_str()),
        ("district", q.district.as_str()),
        ("province", q.province.as_str()),
    ];
    send_json(gloo_net::http::Request::get("/api/v1/admin-units/legacy").query(params)).await
}
