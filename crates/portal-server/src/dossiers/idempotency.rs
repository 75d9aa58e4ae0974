//! Exactly one dossier per submission, whatever the network does. The client sends an
//! `Idempotency-Key` it chose for the submission (a draft's id, say) and resends it on
//! every retry. The first request that gets through creates the dossier and stores its
//! response under (user, key) in the same transaction; any later request with that key
//! and the same body gets that response again, and one with a different body is
//! refused. Failed validations are not stored, so a corrected retry is judged afresh.

use axum::http::HeaderMap;
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::DossierError;
use crate::db::{Conn, DbError};
use crate::random;

use portal_api::ids::{is_idempotency_key, IDEMPOTENCY_KEY_HEADER as HEADER};

/// The key of the request, checked for shape.
pub fn key_from(headers: &HeaderMap) -> Result<String, DossierError> {
    let value = headers
        .get(HEADER)
        .ok_or(DossierError::IdempotencyKeyMissing)?;
    let key = value
        .to_str()
        .map_err(|_| DossierError::BadIdempotencyKey)?
        .trim();
    if is_idempotency_key(key) {
        Ok(key.to_string())
    } else {
        Err(DossierError::BadIdempotencyKey)
    }
}

/// A digest of the request body that ignores key order and whitespace.
pub fn fingerprint(body: &Value) -> String {
    let mut canonical = String::new();
    write_canonical(body, &mut canonical);
    random::hex(&Sha256::digest(canonical.as_bytes()))
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<_> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_canonical(&map[k], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// A response stored under a key.
pub struct Stored {
    pub fingerprint: String,
    pub status: u16,
    pub response: String,
}

pub async fn find(conn: &mut Conn, owner: &str, key: &str) -> Result<Option<Stored>, DbError> {
    let row = sqlx::query(
        "SELECT fingerprint, status, response FROM idempotency_keys WHERE owner = $1 AND key = $2",
    )
    .bind(owner)
    .bind(key)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(Stored {
            fingerprint: r.try_get(0)?,
            status: u16::try_from(r.try_get::<i64, _>(1)?).unwrap_or(201),
            response: r.try_get(2)?,
        })
    })
    .transpose()
}

/// Stores the answer to `key`. The primary key (owner, key) is what makes a submission
/// exactly-once between instances: of two transactions filing the same key at once,
/// the second waits here for the first and then fails with a unique violation, which
/// rolls its dossier back (the caller then answers with the first one's receipt).
#[allow(clippy::too_many_arguments)]
pub async fn remember(
    conn: &mut Conn,
    owner: &str,
    key: &str,
    fingerprint: &str,
    status: u16,
    response: &str,
    dossier_id: i64,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO idempotency_keys (owner, key, fingerprint, status, response, dossier_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(owner)
    .bind(key)
    .bind(fingerprint)
    .bind(i64::from(status))
    .bind(response)
    .bind(dossier_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use serde_json::json;

    #[test]
    fn fingerprints_ignore_key_order() {
        let a = json!({"service_id": "x", "answers": {"a": 1, "b": [1, {"y": 2, "x": 1}]}});
        let b: Value = serde_json::from_str(
            r#"{ "answers": {"b": [1, {"x": 1, "y": 2}], "a": 1}, "service_id": "x" }"#,
        )
        .unwrap();
        assert_eq!(fingerprint(&a), fingerprint(&b));
        let c = json!({"service_id": "x", "answers": {"a": 2, "b": [1, {"y": 2, "x": 1}]}});
        assert_ne!(fingerprint(&a), fingerprint(&c));
        assert_ne!(
            fingerprint(&json!(["a", "b"])),
            fingerprint(&json!(["b", "a"]))
        );
    }

    #[test]
    fn keys_are_checked() {
        let with = |v: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(HEADER, HeaderValue::from_static(v));
            key_from(&h)
        };
        assert_eq!(with("draft-7f3a").unwrap(), "draft-7f3a");
        assert!(matches!(with(""), Err(DossierError::BadIdempotencyKey)));
        assert!(matches!(with("a b"), Err(DossierError::BadIdempotencyKey)));
        assert!(matches!(
            key_from(&HeaderMap::new()),
            Err(DossierError::IdempotencyKeyMissing)
        ));
        let long: &'static str = Box::leak("k".repeat(129).into_boxed_str());
        assert!(matches!(with(long), Err(DossierError::BadIdempotencyKey)));
    }
}
