//! The `form_drafts` table: one sealed row per person and service.

use portal_api::drafts::DraftSummary;
use sqlx::Row;

use crate::clock;
use crate::db::{Conn, DbError, Engine};

/// What a row holds besides its key.
pub struct Stored {
    pub sealed: String,
    pub saved_at_ms: i64,
    pub answered: i64,
    pub steps_completed: i64,
}

/// The person's drafts, newest first (the list needs no answer, so nothing is opened).
pub async fn list(conn: &mut Conn, owner: &str, limit: i64) -> Result<Vec<DraftSummary>, DbError> {
    let rows = sqlx::query(
        "SELECT service, saved_at_ms, answered, steps_completed FROM form_drafts
         WHERE owner = $1 ORDER BY saved_at_ms DESC, service LIMIT $2",
    )
    .bind(owner)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            let ms: i64 = r.try_get(1)?;
            Ok(DraftSummary {
                service: r.try_get(0)?,
                saved_at: clock::rfc3339(ms.div_euclid(1000)),
                saved_at_ms: ms,
                answered: r.try_get::<i64, _>(2)?.max(0) as usize,
                steps_completed: r.try_get::<i64, _>(3)?.max(0) as usize,
            })
        })
        .collect()
}

/// One sealed draft. With `lock` on PostgreSQL the row stays locked until the
/// transaction ends, so two saves of the same draft merge one after the other rather
/// than the second overwriting the first (READ COMMITTED alone would let both read the
/// same old copy). SQLite has one writer and needs no lock.
pub async fn get(
    conn: &mut Conn,
    engine: Engine,
    owner: &str,
    service: &str,
    lock: bool,
) -> Result<Option<String>, DbError> {
    let lock = match (engine, lock) {
        (Engine::Postgres, true) => " FOR UPDATE",
        _ => "",
    };
    let row = sqlx::query(&format!(
        "SELECT sealed FROM form_drafts WHERE owner = $1 AND service = $2{lock}"
    ))
    .bind(owner)
    .bind(service)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| r.try_get(0)).transpose()?)
}

pub async fn count(conn: &mut Conn, owner: &str) -> Result<i64, DbError> {
    Ok(
        sqlx::query("SELECT COUNT(*) FROM form_drafts WHERE owner = $1")
            .bind(owner)
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?,
    )
}

/// Inserts a new row; `false` when another request inserted it first (the caller reads
/// that one and merges).
pub async fn insert(
    conn: &mut Conn,
    owner: &str,
    service: &str,
    r: &Stored,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "INSERT INTO form_drafts (owner, service, sealed, saved_at_ms, answered, steps_completed)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (owner, service) DO NOTHING",
    )
    .bind(owner)
    .bind(service)
    .bind(&r.sealed)
    .bind(r.saved_at_ms)
    .bind(r.answered)
    .bind(r.steps_completed)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn update(
    conn: &mut Conn,
    owner: &str,
    service: &str,
    r: &Stored,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE form_drafts SET sealed = $3, saved_at_ms = $4, answered = $5, steps_completed = $6
         WHERE owner = $1 AND service = $2",
    )
    .bind(owner)
    .bind(service)
    .bind(&r.sealed)
    .bind(r.saved_at_ms)
    .bind(r.answered)
    .bind(r.steps_completed)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Forgets a draft; `true` if there was one. Filing the dossier calls this in its own
/// transaction, so a filed application leaves no draft behind.
pub async fn forget(conn: &mut Conn, owner: &str, service: &str) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM form_drafts WHERE owner = $1 AND service = $2")
        .bind(owner)
        .bind(service)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() > 0)
}
