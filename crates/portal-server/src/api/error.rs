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
}

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::NoRoute => "no_route",
            ApiError::BadServiceId(_) => "bad_service_id",
            ApiError::ServiceNotFound(_) => "service_not_found",
            ApiError::Internal => "internal",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::NoRoute | ApiError::ServiceNotFound(_) => StatusCode::NOT_FOUND,
            ApiError::BadServiceId(_) => StatusCode::BAD_REQUEST,
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
