//! The outbox: one row per delivery owed to an agency system, written in the transaction
//! that makes it owed (the dossier filed, the documents added), so a dossier is never
//! filed without its delivery nor delivered without being filed.
//!
//! A worker claims due rows by setting a lease: until `lease_ms` passes no other worker
//! takes the row. On PostgreSQL the claim selects with `FOR UPDATE SKIP LOCKED`, so two
//! instances' workers claiming at the same moment skip each other's rows instead of
//! waiting or taking the same one; with SQLite there is one process and one writer. A
//! worker that dies mid-delivery leaves its lease to run out, and the row is sent again:
//! the agency keeps the first copy by its delivery id, so it is delivered once.

use portal_api::agency::DeliveryKind;
use portal_api::staff::DeliveryState;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::db::{Conn, DbError, Engine};

/// A delivery owed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: i64,
    pub delivery_id: String,
    pub dossier_id: i64,
    pub system: String,
    pub kind: DeliveryKind,
    /// For documents: the attachments added.
    pub files: Vec<String>,
    pub note: Option<String>,
    pub created_ms: i64,
    /// Attempts so far, this one included once claimed.
    pub attempts: i64,
}

/// A row as staff see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub record: Record,
    pub dossier_code: String,
    pub state: DeliveryState,
    pub next_ms: i64,
    pub delivered_ms: Option<i64>,
    pub last_error: Option<String>,
}

pub(crate) fn kind_str(k: DeliveryKind) -> &'static str {
    match k {
        DeliveryKind::Dossier => "dossier",
        DeliveryKind::Documents => "documents",
    }
}

fn kind_of(s: &str) -> Result<DeliveryKind, DbError> {
    match s {
        "dossier" => Ok(DeliveryKind::Dossier),
        "documents" => Ok(DeliveryKind::Documents),
        _ => Err(DbError::Data(format!(
            "a stored delivery kind {s:?} is not known"
        ))),
    }
}

/// A delivery about to be owed.
pub struct Owed<'a> {
    pub delivery_id: &'a str,
    pub dossier_id: i64,
    pub system: &'a str,
    pub kind: DeliveryKind,
    /// For documents: the attachments added.
    pub files: &'a [String],
    pub note: Option<&'a str>,
}

/// Records a delivery owed, due now (call inside the transaction that makes it owed).
pub async fn enqueue(conn: &mut Conn, owed: &Owed<'_>, now_ms: i64) -> Result<(), DbError> {
    let Owed {
        delivery_id,
        dossier_id,
        system,
        kind,
        files,
        note,
    } = *owed;
    sqlx::query(
        "INSERT INTO outbox (delivery_id, dossier_id, system, kind, files_json, note,
             created_ms, next_ms, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 'pending')",
    )
    .bind(delivery_id)
    .bind(dossier_id)
    .bind(system)
    .bind(kind_str(kind))
    .bind(serde_json::to_string(files).unwrap_or_else(|_| "[]".into()))
    .bind(note)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

const COLUMNS: &str =
    "id, delivery_id, dossier_id, system, kind, files_json, note, created_ms, attempts";

fn record(r: &AnyRow) -> Result<Record, DbError> {
    let kind: String = r.try_get(4)?;
    let files: String = r.try_get(5)?;
    Ok(Record {
        id: r.try_get(0)?,
        delivery_id: r.try_get(1)?,
        dossier_id: r.try_get(2)?,
        system: r.try_get(3)?,
        kind: kind_of(&kind)?,
        files: serde_json::from_str(&files)
            .map_err(|_| DbError::Data("a stored delivery's files are not a list".into()))?,
        note: r.try_get(6)?,
        created_ms: r.try_get(7)?,
        attempts: r.try_get(8)?,
    })
}

/// Claims up to `limit` due deliveries for `lease_ms` from now, oldest due first.
pub async fn claim(
    conn: &mut Conn,
    engine: Engine,
    now_ms: i64,
    lease_ms: i64,
    limit: i64,
) -> Result<Vec<Record>, DbError> {
    // PostgreSQL: rows another worker is claiming right now are skipped, not waited for
    // (each claim is one statement, so its row locks last only as long as it does).
    let lock = match engine {
        Engine::Postgres => " FOR UPDATE SKIP LOCKED",
        Engine::Sqlite => "",
    };
    let rows = sqlx::query(&format!(
        "UPDATE outbox SET lease_ms = $1, attempts = attempts + 1
         WHERE id IN (SELECT id FROM outbox
                      WHERE state = 'pending' AND next_ms <= $2 AND lease_ms <= $2
                      ORDER BY next_ms LIMIT $3{lock})
         RETURNING {COLUMNS}"
    ))
    .bind(now_ms + lease_ms)
    .bind(now_ms)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    let mut out = rows.iter().map(record).collect::<Result<Vec<_>, _>>()?;
    out.sort_by_key(|r| r.id);
    Ok(out)
}

/// Marks a delivery acknowledged; false if it was not pending (delivered already, or
/// given up meanwhile): the caller then records nothing more.
pub async fn delivered(conn: &mut Conn, id: i64, now_ms: i64) -> Result<bool, DbError> {
    Ok(sqlx::query(
        "UPDATE outbox SET state = 'delivered', delivered_ms = $1, last_error = NULL
         WHERE id = $2 AND state = 'pending'",
    )
    .bind(now_ms)
    .bind(id)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Schedules another attempt at `next_ms` after a failure.
pub async fn retry_later(
    conn: &mut Conn,
    id: i64,
    error: &str,
    next_ms: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE outbox SET next_ms = $1, lease_ms = 0, last_error = $2
         WHERE id = $3 AND state = 'pending'",
    )
    .bind(next_ms)
    .bind(truncate(error))
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Gives up on a delivery: it waits in the dead-letter list for staff.
pub async fn give_up(conn: &mut Conn, id: i64, error: &str) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE outbox SET state = 'dead', lease_ms = 0, last_error = $1
         WHERE id = $2 AND state = 'pending'",
    )
    .bind(truncate(error))
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Staff send a given-up delivery again: due now, its age counted afresh. False if it
/// was not given up.
pub async fn revive(conn: &mut Conn, id: i64, now_ms: i64) -> Result<bool, DbError> {
    Ok(sqlx::query(
        "UPDATE outbox SET state = 'pending', next_ms = $1, lease_ms = 0, created_ms = $1,
             attempts = 0
         WHERE id = $2 AND state = 'dead'",
    )
    .bind(now_ms)
    .bind(id)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// The state of delivery `id`, if there is one.
pub async fn state_of(conn: &mut Conn, id: i64) -> Result<Option<DeliveryState>, DbError> {
    let row = sqlx::query("SELECT state FROM outbox WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(match row {
        Some(r) => DeliveryState::parse(&r.try_get::<String, _>(0)?),
        None => None,
    })
}

fn truncate(error: &str) -> String {
    error.chars().take(500).collect()
}

/// Deliveries in `state` (all when `None`), newest first, at most `limit`.
pub async fn list(
    conn: &mut Conn,
    state: Option<DeliveryState>,
    limit: i64,
) -> Result<Vec<Listed>, DbError> {
    let rows = sqlx::query(
        "SELECT o.id, o.delivery_id, o.dossier_id, o.system, o.kind, o.files_json, o.note,
             o.created_ms, o.attempts, d.code, o.state, o.next_ms, o.delivered_ms, o.last_error
         FROM outbox o JOIN dossiers d ON d.id = o.dossier_id
         WHERE (CAST($1 AS TEXT) IS NULL OR o.state = CAST($1 AS TEXT))
         ORDER BY o.id DESC LIMIT $2",
    )
    .bind(state.map(|s| s.as_str()))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            let state: String = r.try_get(10)?;
            Ok(Listed {
                record: record(r)?,
                dossier_code: r.try_get(9)?,
                state: DeliveryState::parse(&state)
                    .ok_or_else(|| DbError::Data("a stored delivery state is not known".into()))?,
                next_ms: r.try_get(11)?,
                delivered_ms: r.try_get(12)?,
                last_error: r.try_get(13)?,
            })
        })
        .collect()
}

/// How many deliveries are pending and how many given up.
pub async fn counts(conn: &mut Conn) -> Result<(i64, i64), DbError> {
    let r = sqlx::query(
        // Cast so that PostgreSQL answers BIGINT (not NUMERIC) like SQLite.
        "SELECT CAST(COALESCE(SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), 0) AS BIGINT),
                CAST(COALESCE(SUM(CASE WHEN state = 'dead' THEN 1 ELSE 0 END), 0) AS BIGINT)
         FROM outbox",
    )
    .fetch_one(conn)
    .await?;
    Ok((r.try_get(0)?, r.try_get(1)?))
}
