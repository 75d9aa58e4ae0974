//! API errors: each has a stable code clients can act on, an HTTP status and a message.
//! The web app shows its own translated text keyed by the code; the message is for
//! developers and logs.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("there is no API route at this address")]
    NoRoute,
    #[error("{0:?} is not a valid service id")]
    BadServiceId(String),
    #[error("no service has the id {0:?}")]
    ServiceNotFound(String),
    #[error("the server could not complete the request")]
    Internal,
    #[error("{0:?} is not a province code (two digits, e.g. 01)")]
    BadProvinceCode(String),
    #[error("no province has the code {0:?}")]
    ProvinceNotFound(String),
    #[error("the old address query is not usable: {0}")]
    BadLegacyQuery(String),
    #[error("the administrative units are not installed on this server")]
    AdminUnitsUnavailable,
}

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::NoRoute => "no_route",
            ApiError::BadServiceId(_) => "bad_service_id",
            ApiError::ServiceNotFound(_) => "service_not_found",
            ApiError::Internal => "internal",
            ApiError::BadProvinceCode(_) => "bad_province_code",
            ApiError::ProvinceNotFound(_) => "province_not_found",
            ApiError::BadLegacyQuery(_) => "bad_legacy_query",
            ApiError::AdminUnitsUnavailable => "admin_units_unavailable",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::NoRoute | ApiError::ServiceNotFound(_) | ApiError::ProvinceNotFound(_) => {
                StatusCode::NOT_FOUND
            }
            ApiError::BadServiceId(_)
            | ApiError::BadProvinceCode(_)
            | ApiError::BadLegacyQuery(_) => StatusCode::BAD_REQUEST,
            ApiError::AdminUnitsUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

#[derive(Serialize)]
struct Body<'a> {
    error: Detail<'a>,
}

#[derive(Serialize)]
struct Detail<'a> {
    code: &'a str,
    message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body {
            error: Detail {
                code: self.code(),
                message: self.to_string(),
            },
        };
        (self.status(), Json(body)).into_response()
    }
}
