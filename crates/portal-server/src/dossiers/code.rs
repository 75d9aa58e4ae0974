//! Dossier codes (mã hồ sơ) in the shape of domain.md §4.3: the receiving agency's code,
//! the date in Vietnam and a 4-digit daily counter, `000.00.00.H99-250701-0001`. The
//! counter lives in the database, so codes are unique per agency and day even across
//! restarts and instances; moved inside the submission's transaction ([`next`]) it is
//! gap-free too, which a busy instance trades for speed ([`super::numbers`]).
//!
//! The reference server receives every dossier as one sandbox agency. The real agency
//! code (QCVN 102:2016) comes with the choice of receiving agency, which the form will
//! carry; [`SANDBOX_AGENCY`] is where that choice plugs in.

use sqlx::Row;

use crate::clock;
use crate::db::{Conn, DbError};

/// The sandbox agency's code, shaped like a QCVN 102:2016 code.
pub const SANDBOX_AGENCY: &str = "000.00.00.H99";

pub fn format(agency: &str, yymmdd: &str, sequence: i64) -> String {
    format!("{agency}-{yymmdd}-{sequence:04}")
}

/// The next code for `agency` on the day of `now` (Vietnam time).
pub async fn next(conn: &mut Conn, agency: &str, now: i64) -> Result<String, DbError> {
    next_on(conn, agency, &clock::vietnam_yymmdd(now)).await
}

/// The next code for `agency` on `day` (`yymmdd`).
pub async fn next_on(conn: &mut Conn, agency: &str, day: &str) -> Result<String, DbError> {
    // The upsert takes the counter row's lock until the transaction ends, so two
    // instances never get the same number, and a filing rolled back gives its back.
    let sequence: i64 = sqlx::query(
        "INSERT INTO dossier_counters (agency, day, last) VALUES ($1, $2, 1)
         ON CONFLICT (agency, day) DO UPDATE SET last = dossier_counters.last + 1
         RETURNING last",
    )
    .bind(agency)
    .bind(day)
    .fetch_one(conn)
    .await?
    .try_get(0)?;
    Ok(format(agency, day, sequence))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn codes_count_per_agency_and_day() {
        let db = crate::db::memory().await;
        let mut c = db.conn().await.unwrap();
        let c = &mut *c;
        let t = 1_751_304_600; // 2025-07-01 00:30 in Vietnam
        assert_eq!(
            next(c, SANDBOX_AGENCY, t).await.unwrap(),
            "000.00.00.H99-250701-0001"
        );
        assert_eq!(
            next(c, SANDBOX_AGENCY, t + 60).await.unwrap(),
            "000.00.00.H99-250701-0002"
        );
        assert_eq!(next(c, "X", t).await.unwrap(), "X-250701-0001");
        assert_eq!(
            next(c, SANDBOX_AGENCY, t + 86_400).await.unwrap(),
            "000.00.00.H99-250702-0001"
        );
        assert_eq!(format("A", "250701", 12_345), "A-250701-12345");
    }
}
