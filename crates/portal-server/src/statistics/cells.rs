//! The statistics' cells (`statistics_cells`): one row per month, province and service,
//! added to in the same transaction as the filing, first decision or rating it counts,
//! so the figures can never disagree with the dossiers.
//!
//! Concurrency: the add is one `INSERT … ON CONFLICT DO UPDATE … = x + excluded.x`, which
//! both engines apply atomically per row; on PostgreSQL it takes the row's lock until the
//! transaction ends, so two adds to the same row take turns for that long and neither
//! count is lost (READ COMMITTED is enough: the update re-reads the row it locked). A
//! filing made while others are on their way adds to one of the cell's [`SPARE_ROWS`]
//! instead (by dossier id), so filings of one busy cell rarely wait for each other's
//! commits; every read sums a cell's rows, and a quiet cell stays one row.

use portal_core::statistics::{decision, Counts};
use portal_core::validators::Date;
use sqlx::Row;

use crate::db::{Conn, DbError};

/// Rows a cell may spread over besides its first, for filings that come together.
const SPARE_ROWS: i64 = 15;

/// The cell's columns, as every add writes them (a macro, for `concat!`: the filing on
/// PostgreSQL adds in the same statement as it inserts the dossier, `dossiers::filing`).
macro_rules! insert_cell {
    () => {
        "INSERT INTO statistics_cells (month, province, service_id, received_online,
             received_at_centre, decided, decided_on_time, decided_late, fee_due, paid_online,
             satisfied, neutral, not_satisfied, generated, shard)"
    };
}
pub(crate) use insert_cell;

/// How an add meets the row already there: each count grows by the added one.
macro_rules! add_to_cell {
    () => {
        "
         ON CONFLICT (month, province, service_id, shard) DO UPDATE SET
             received_online = statistics_cells.received_online + excluded.received_online,
             received_at_centre = statistics_cells.received_at_centre + excluded.received_at_centre,
             decided = statistics_cells.decided + excluded.decided,
             decided_on_time = statistics_cells.decided_on_time + excluded.decided_on_time,
             decided_late = statistics_cells.decided_late + excluded.decided_late,
             fee_due = statistics_cells.fee_due + excluded.fee_due,
             paid_online = statistics_cells.paid_online + excluded.paid_online,
             satisfied = statistics_cells.satisfied + excluded.satisfied,
             neutral = statistics_cells.neutral + excluded.neutral,
             not_satisfied = statistics_cells.not_satisfied + excluded.not_satisfied,
             generated = statistics_cells.generated + excluded.generated"
    };
}
pub(crate) use add_to_cell;

/// Adds `c` to the cell of `month` (`yyyy-mm`) and the dossier's province and service:
/// to its first row, or to a spare one when `spread` (`shard` 1 to [`SPARE_ROWS`]).
/// `generated` counts the dossier as generated data when `c` receives it.
pub async fn add(
    conn: &mut Conn,
    dossier_id: i64,
    month: &str,
    c: &Counts,
    spread: bool,
) -> Result<(), DbError> {
    let n = count;
    sqlx::query(concat!(
        insert_cell!(),
        "
         SELECT $2, COALESCE(province, ''), service_id, $3, $4, $5, $6, $7, $8, $9, $10, $11,
             $12, CASE WHEN generated <> 0 THEN $3 + $4 ELSE 0 END,
             CASE WHEN $13 > 0 THEN 1 + id % $13 ELSE 0 END
         FROM dossiers WHERE id = $1
         ",
        add_to_cell!()
    ))
    .bind(dossier_id)
    .bind(month)
    .bind(n(c.received_online))
    .bind(n(c.received_at_centre))
    .bind(n(c.decided))
    .bind(n(c.decided_on_time))
    .bind(n(c.decided_late))
    .bind(n(c.fee_due))
    .bind(n(c.paid_online))
    .bind(n(c.satisfied))
    .bind(n(c.neutral))
    .bind(n(c.not_satisfied))
    .bind(spare_rows(spread))
    .execute(conn)
    .await?;
    Ok(())
}

/// `2026-11` of a date.
pub fn month_of(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// Counts a dossier just filed on `received`, online or at the centre; `spread` when
/// other filings are on their way at the same time.
pub async fn filed(
    conn: &mut Conn,
    dossier_id: i64,
    received: Date,
    at_centre: bool,
    spread: bool,
) -> Result<(), DbError> {
    add(
        conn,
        dossier_id,
        &month_of(received),
        &on_filing(at_centre),
        spread,
    )
    .await
}

/// What a filing adds to its cell: one dossier received, online or at the centre.
pub fn on_filing(at_centre: bool) -> Counts {
    Counts {
        received_online: u64::from(!at_centre),
        received_at_centre: u64::from(at_centre),
        ..Counts::default()
    }
}

/// The spare rows an add may use: [`SPARE_ROWS`] when `spread`, else none (its first).
pub fn spare_rows(spread: bool) -> i64 {
    if spread {
        SPARE_ROWS
    } else {
        0
    }
}

/// A count as the database stores it.
pub fn count(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Counts a dossier's first decision, made on `decided`: on time or late against the
/// due date stored at filing (`portal_core::statistics::decision`).
pub async fn decided(conn: &mut Conn, dossier_id: i64, decided: Date) -> Result<(), DbError> {
    let row = sqlx::query("SELECT due_on, payment_status FROM dossiers WHERE id = $1")
        .bind(dossier_id)
        .fetch_one(&mut *conn)
        .await?;
    let due: Option<String> = row.try_get(0)?;
    let payment: String = row.try_get(1)?;
    let due = due.as_deref().and_then(Date::parse_iso);
    let fee_due = payment != portal_api::PaymentStatus::NotRequired.as_str();
    let paid = payment == portal_api::PaymentStatus::Paid.as_str();
    add(
        conn,
        dossier_id,
        &month_of(decided),
        &decision(due, decided, fee_due, paid),
        false,
    )
    .await
}

/// Counts a rating given on `on`.
pub async fn rated(
    conn: &mut Conn,
    dossier_id: i64,
    on: Date,
    value: portal_api::Satisfaction,
) -> Result<(), DbError> {
    use portal_api::Satisfaction as S;
    let c = Counts {
        satisfied: u64::from(value == S::Satisfied),
        neutral: u64::from(value == S::Neutral),
        not_satisfied: u64::from(value == S::NotSatisfied),
        ..Counts::default()
    };
    add(conn, dossier_id, &month_of(on), &c, false).await
}
