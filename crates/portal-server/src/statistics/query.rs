//! The aggregates behind a report, the same SQL on both engines. Flows (received,
//! decided, rated) add up the month cells (`statistics_cells`); what is still open at
//! the end of a period adds up every month before it; what is overdue then is counted
//! from the dossiers, through the partial index of those open or decided late
//! (`dossiers_overdue`), a small part of all dossiers.

use portal_core::statistics::Counts;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::db::{Conn, DbError};

/// One cell's counts, for a province (`""` when the dossier named none) and a service.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CellCounts {
    pub province: String,
    pub service: String,
    pub counts: Counts,
    /// Generated dossiers among those received.
    pub generated: u64,
}

const SUMS: &str = "CAST(SUM(received_online) AS BIGINT), CAST(SUM(received_at_centre) AS BIGINT),
    CAST(SUM(decided) AS BIGINT), CAST(SUM(decided_on_time) AS BIGINT),
    CAST(SUM(decided_late) AS BIGINT), CAST(SUM(fee_due) AS BIGINT),
    CAST(SUM(paid_online) AS BIGINT), CAST(SUM(satisfied) AS BIGINT),
    CAST(SUM(neutral) AS BIGINT), CAST(SUM(not_satisfied) AS BIGINT),
    CAST(SUM(generated) AS BIGINT)";

/// A count summed in SQL (NULL when no row was summed; never negative for data the
/// code wrote).
fn count_at(row: &AnyRow, i: usize) -> Result<u64, DbError> {
    let v: Option<i64> = row.try_get(i)?;
    Ok(v.unwrap_or(0).max(0) as u64)
}

/// The cell of a row whose first two columns are the province and the service.
fn cell(row: &AnyRow, counts: Counts, generated: u64) -> Result<CellCounts, DbError> {
    Ok(CellCounts {
        province: row.try_get(0)?,
        service: row.try_get(1)?,
        counts,
        generated,
    })
}

/// The [`SUMS`] columns of a row, from column `from`: the counts and the generated.
fn sums(row: &AnyRow, from: usize) -> Result<(Counts, u64), DbError> {
    let n = |i: usize| count_at(row, from + i);
    Ok((
        Counts {
            received_online: n(0)?,
            received_at_centre: n(1)?,
            decided: n(2)?,
            decided_on_time: n(3)?,
            decided_late: n(4)?,
            fee_due: n(5)?,
            paid_online: n(6)?,
            satisfied: n(7)?,
            neutral: n(8)?,
            not_satisfied: n(9)?,
            ..Counts::default()
        },
        n(10)?,
    ))
}

/// What happened in the months `from..=to` (`yyyy-mm`), by province and service; one
/// service only when `service` is given.
pub async fn flows(
    conn: &mut Conn,
    from: &str,
    to: &str,
    service: Option<&str>,
) -> Result<Vec<CellCounts>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT province, service_id, {SUMS} FROM statistics_cells
         WHERE month >= $1 AND month <= $2 AND ($3 = '' OR service_id = $3)
         GROUP BY province, service_id"
    ))
    .bind(from)
    .bind(to)
    .bind(service.unwrap_or(""))
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            let (counts, generated) = sums(r, 2)?;
            cell(r, counts, generated)
        })
        .collect()
}

/// Month by month over `from..=to`, for one province and one service if given.
pub async fn series(
    conn: &mut Conn,
    from: &str,
    to: &str,
    province: Option<&str>,
    service: Option<&str>,
) -> Result<Vec<(String, Counts)>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT month, {SUMS} FROM statistics_cells
         WHERE month >= $1 AND month <= $2 AND ($3 = '' OR province = $3)
             AND ($4 = '' OR service_id = $4)
         GROUP BY month ORDER BY month"
    ))
    .bind(from)
    .bind(to)
    .bind(province.unwrap_or(""))
    .bind(service.unwrap_or(""))
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get(0)?, sums(r, 1)?.0)))
        .collect()
}

/// Dossiers received and not decided by the end of month `to` (or today, in the
/// current month), by province and service: everything received up to then, less
/// everything decided up to then (each decision belongs to a dossier received before
/// it). Generated ones are counted in `generated`.
pub async fn still_open(
    conn: &mut Conn,
    to: &str,
    service: Option<&str>,
) -> Result<Vec<CellCounts>, DbError> {
    let rows = sqlx::query(
        "SELECT province, service_id,
             CAST(SUM(received_online + received_at_centre - decided) AS BIGINT),
             CAST(SUM(generated) AS BIGINT)
         FROM statistics_cells WHERE month <= $1 AND ($2 = '' OR service_id = $2)
         GROUP BY province, service_id",
    )
    .bind(to)
    .bind(service.unwrap_or(""))
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            let open = Counts {
                still_open: count_at(r, 2)?,
                ..Counts::default()
            };
            cell(r, open, count_at(r, 3)?)
        })
        .collect()
}

/// Dossiers past their due date and not decided at the end of day `end` (yyyy-mm-dd):
/// due before it, and undecided or decided after it. Read from the partial index of
/// dossiers open or decided late (`dossiers_overdue`, keyed by the day decided) as two
/// short ranges, the open ones and those decided after `end`; each `WHERE` repeats the
/// index's condition so both engines use it.
pub async fn overdue(
    conn: &mut Conn,
    end: &str,
    service: Option<&str>,
) -> Result<Vec<CellCounts>, DbError> {
    const OPEN_OR_LATE: &str = "due_on IS NOT NULL AND (decided_on IS NULL OR decided_on > due_on)";
    let rows = sqlx::query(&format!(
        "SELECT p, s, count(*) FROM (
             SELECT COALESCE(province, '') AS p, service_id AS s FROM dossiers
             WHERE {OPEN_OR_LATE} AND decided_on IS NULL AND due_on < $1
                 AND ($2 = '' OR service_id = $2)
             UNION ALL
             SELECT COALESCE(province, '') AS p, service_id AS s FROM dossiers
             WHERE {OPEN_OR_LATE} AND decided_on > $1 AND due_on < $1
                 AND ($2 = '' OR service_id = $2)
         ) AS overdue GROUP BY p, s"
    ))
    .bind(end)
    .bind(service.unwrap_or(""))
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            let overdue = Counts {
                overdue_open: count_at(r, 2)?,
                ..Counts::default()
            };
            cell(r, overdue, 0)
        })
        .collect()
}
