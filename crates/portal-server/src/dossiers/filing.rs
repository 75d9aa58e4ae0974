//! The rows one online filing writes, on either engine: the dossier, its procedures and
//! `submitted` event, its count in the statistics, the stored answer to its
//! Idempotency-Key, the delivery owed to its agency, and the end of its unfinished copy.
//!
//! SQLite runs them one statement after another on its one connection, inside the
//! caller's transaction. PostgreSQL runs them as **one statement** (data-modifying
//! `WITH` clauses): one round trip instead of eight, and atomic by itself, so a filing
//! whose number was reserved beforehand and that claims no files needs no `BEGIN` and
//! `COMMIT` either (three round trips in all with the session and the key's check). On
//! the benchmark machine the round trips, not the SQL, were most of the cost: each one
//! wakes the server and a database process.
//!
//! What the one statement relies on: its clauses see the same snapshot and run as one
//! command, so each reads the dossier's id from the first clause's `RETURNING`; the
//! foreign keys are checked at the statement's end, when the dossier exists; and it
//! takes the same locks in the same order as the sequence (the statistics cell's row and
//! the key's unique index entry until the commit). A concurrent filing of the same key
//! waits on that entry and then fails with a unique violation, as in the sequence.

use sqlx::Row;

use super::store::{self, bind_dossier, insert_dossier, NewDossier};
use crate::db::{Conn, DbError, Engine};
use crate::statistics::cells::{self, add_to_cell, insert_cell};

/// Everything a filing writes besides the files it claims.
pub struct Filing<'a> {
    pub dossier: &'a NewDossier<'a>,
    /// The key, the fingerprint of its body and the receipt answered to it (201).
    pub key: &'a str,
    pub fingerprint: &'a str,
    pub receipt: &'a str,
    /// The delivery owed to the agency it was routed to, if it was.
    pub delivery_id: &'a str,
}

/// Writes the filing's rows and returns the dossier's id.
pub async fn write(conn: &mut Conn, engine: Engine, f: &Filing<'_>) -> Result<i64, DbError> {
    match engine {
        Engine::Sqlite => one_by_one(conn, f).await,
        Engine::Postgres => in_one_statement(conn, f).await,
    }
}

async fn one_by_one(conn: &mut Conn, f: &Filing<'_>) -> Result<i64, DbError> {
    let d = f.dossier;
    let id = store::insert(conn, d).await?;
    // The key before the files (which the caller claims next): a concurrent filing of
    // the same key waits here and then fails, so files found taken were taken by
    // another submission.
    super::idempotency::remember(
        conn,
        d.owner,
        f.key,
        f.fingerprint,
        201,
        f.receipt,
        id,
        d.now,
    )
    .await?;
    // Its delivery to the agency is owed from the moment it exists: the worker sends it
    // once this commits, never if it does not.
    if let Some(routed) = d.agency {
        let owed = crate::agencies::outbox::Owed {
            delivery_id: f.delivery_id,
            dossier_id: id,
            system: &routed.system,
            kind: portal_api::agency::DeliveryKind::Dossier,
            files: &[],
            note: None,
        };
        crate::agencies::outbox::enqueue(conn, &owed, d.now.saturating_mul(1000)).await?;
    }
    // The application is filed: its unfinished copy kept for other devices goes.
    crate::drafts::store::forget(conn, d.owner, d.service_id).await?;
    Ok(id)
}

/// The same rows as [`one_by_one`], in one statement. `$1` to `$23` are the dossier's
/// values (`store::bind_dossier`; `$2` its owner, `$8` its service, `$11` the status
/// `received`, `$14` the time, `$15` the agency's system); then the procedures (a JSON
/// array), the event's seven values, the cell's month, ten counts and spare rows, the
/// key's three, and the delivery's id, kind and time.
const IN_ONE_STATEMENT: &str = concat!(
    "WITH d AS (",
    insert_dossier!(),
    " RETURNING id, province, service_id, generated),
    procedures AS (
        INSERT INTO dossier_procedures (dossier_id, position, service_id, status, updated_at)
        SELECT d.id, t.position - 1, t.service_id, $11, $14
        FROM d, json_array_elements_text($24::json) WITH ORDINALITY AS t(service_id, position)),
    submitted AS (
        INSERT INTO dossier_events (dossier_id, at, event, procedure, status, reason, actor,
            due, due_working_days)
        SELECT d.id, $14, $25, $26, $27, $28, $29, $30, $31 FROM d),
    counted AS (",
    insert_cell!(),
    "
        SELECT $32, COALESCE(d.province, ''), d.service_id,
            $33, $34, $35, $36, $37, $38, $39, $40, $41, $42,
            CASE WHEN d.generated <> 0 THEN $33 + $34 ELSE 0 END,
            CASE WHEN $43 > 0 THEN 1 + d.id % $43 ELSE 0 END
        FROM d",
    add_to_cell!(),
    "),
    answered AS (
        INSERT INTO idempotency_keys (owner, key, fingerprint, status, response, dossier_id,
            created_at)
        SELECT $2, $44, $45, 201, $46, d.id, $14 FROM d),
    owed AS (
        INSERT INTO outbox (delivery_id, dossier_id, system, kind, files_json, note,
            created_ms, next_ms, state)
        SELECT $47, d.id, $15, $48, '[]', NULL, $49, $49, 'pending' FROM d
        WHERE $15 IS NOT NULL),
    unfinished AS (DELETE FROM form_drafts WHERE owner = $2 AND service = $8)
    SELECT id FROM d"
);

async fn in_one_statement(conn: &mut Conn, f: &Filing<'_>) -> Result<i64, DbError> {
    let d = f.dossier;
    let counts = cells::on_filing(d.at_centre);
    let procedures = serde_json::to_string(d.procedures)
        .map_err(|e| DbError::Data(format!("procedures: {e}")))?;
    let n = cells::count;
    let e = store::submitted_event(d.now);
    let row = bind_dossier(sqlx::query(IN_ONE_STATEMENT), d)
        .bind(procedures)
        // The event, as `store::add_event` binds it.
        .bind(e.kind.as_str())
        .bind(e.procedure)
        .bind(e.status.map(|s| s.as_str()))
        .bind(e.reason)
        .bind(e.actor.to_db())
        .bind(e.due.map(|d| d.date.iso()))
        .bind(e.due.map(|d| i64::from(d.working_days)))
        // The count, as `cells::add` binds it.
        .bind(cells::month_of(store::received_on(d)))
        .bind(n(counts.received_online))
        .bind(n(counts.received_at_centre))
        .bind(n(counts.decided))
        .bind(n(counts.decided_on_time))
        .bind(n(counts.decided_late))
        .bind(n(counts.fee_due))
        .bind(n(counts.paid_online))
        .bind(n(counts.satisfied))
        .bind(n(counts.neutral))
        .bind(n(counts.not_satisfied))
        .bind(cells::spare_rows(d.among_others))
        .bind(f.key)
        .bind(f.fingerprint)
        .bind(f.receipt)
        .bind(f.delivery_id)
        .bind(crate::agencies::outbox::kind_str(
            portal_api::agency::DeliveryKind::Dossier,
        ))
        .bind(d.now.saturating_mul(1000))
        .fetch_one(conn)
        .await?;
    Ok(row.try_get(0)?)
}
