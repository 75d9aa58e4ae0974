//! JSON request bodies read with a size limit and turned into our error type, so a bad
//! body gets `bad_request_body` / `body_too_large` in the usual error shape rather than
//! a framework's plain-text rejection.

use axum::body::Body;
use http_body_util::BodyExt;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::RequestError;

/// Reads at most `max_bytes` of body.
pub async fn read_bytes(body: Body, max_bytes: usize) -> Result<Vec<u8>, RequestError> {
    let mut body = body;
    let mut out = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| RequestError::Incomplete)?;
        if let Ok(chunk) = frame.into_data() {
            if out.len() + chunk.len() > max_bytes {
                return Err(RequestError::BodyTooLarge { max_bytes });
            }
            out.extend_from_slice(&chunk);
        }
    }
    Ok(out)
}

/// Reads a JSON body: the typed value and the generic JSON it came from.
pub async fn read_json<T: DeserializeOwned>(
    body: Body,
    max_bytes: usize,
) -> Result<(T, Value), RequestError> {
    let bytes = read_bytes(body, max_bytes).await?;
    let value: Value =
        serde_json::from_slice(&bytes).map_err(|e| RequestError::BadBody(e.to_string()))?;
    let typed = T::deserialize(&value).map_err(|e| RequestError::BadBody(e.to_string()))?;
    Ok((typed, value))
}

/// Like [`read_json`], but an empty body gives `T::default()`.
pub async fn read_optional_json<T: DeserializeOwned + Default>(
    body: Body,
    max_bytes: usize,
) -> Result<T, RequestError> {
    let bytes = read_bytes(body, max_bytes).await?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(&bytes).map_err(|e| RequestError::BadBody(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_core::form::{Answer, Answers};

    /// The browser's reader of answers wants `type` before `value`, as every writer puts
    /// it; bodies sent to the server are read through a sorted map first, so another
    /// client may write the keys in any order.
    #[tokio::test]
    async fn answers_are_read_whatever_the_order_of_their_keys() {
        let body = Body::from(r#"{"phone":{"value":"0912345678","type":"text"}}"#);
        let (answers, _): (Answers, _) = read_json(body, 1024).await.unwrap();
        assert_eq!(
            answers,
            Answers::new().with("phone", Answer::Text("0912345678".into()))
        );
    }
}
