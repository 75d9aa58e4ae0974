//! Which daily number a filing gets, without making every filing of an agency wait for
//! the one before it. Taking the number inside the filing's transaction ([`code::next`])
//! keeps the day's numbers gap-free, but on PostgreSQL the counter's row stays locked
//! until that transaction's commit is on disk, so filings of one agency and day then go
//! one commit (one WAL flush) at a time: about 500 a second on the benchmark machine.
//!
//! So an instance takes the number in the transaction while it has one filing at a time
//! (gap-free, as before), and while others of its filings are on their way it hands out
//! numbers from a block it reserved in a short transaction of its own: the counter then
//! moves once per block. Numbers stay unique (a reserved block is committed before any
//! of it is used, and `dossiers.code` is unique besides); a number reserved but unused
//! when the instance stops is skipped, and two busy instances interleave their blocks.
//! SQLite's one connection files one at a time anyway: there it is always taken in the
//! transaction.

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;

use sqlx::Row;

use super::code;
use crate::clock;
use crate::db::{Conn, Database, DbError, Engine};

/// Numbers reserved at once when filings queue for them.
const BLOCK: i64 = 16;

/// This instance's filings in progress and spare reserved numbers, per agency and day.
#[derive(Default)]
pub struct Numbers {
    /// Whether blocks are reserved when filings queue (on PostgreSQL only).
    reserves: bool,
    slots: Mutex<HashMap<(String, String), Slot>>,
}

#[derive(Default)]
struct Slot {
    filing: usize,
    spare: BTreeSet<i64>,
}

/// One filing's claim on a number; give it back (drop it) when the filing ends.
pub struct Ticket<'a> {
    numbers: &'a Numbers,
    agency: String,
    day: String,
    reserved: Option<i64>,
    among_others: bool,
    committing: bool,
}

impl Numbers {
    pub fn new(engine: Engine) -> Numbers {
        Numbers {
            reserves: engine == Engine::Postgres,
            ..Numbers::default()
        }
    }

    fn with_slot<T>(&self, key: &(String, String), f: impl FnOnce(&mut Slot) -> T) -> T {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        f(slots.entry(key.clone()).or_default())
    }

    /// A ticket for a filing to `agency` at `now`, before its transaction begins (the
    /// reservation needs a connection of its own).
    pub async fn ticket(
        &self,
        db: &Database,
        agency: &str,
        now: i64,
    ) -> Result<Ticket<'_>, DbError> {
        let day = clock::vietnam_yymmdd(now);
        let key = (agency.to_string(), day.clone());
        let (spare, others_filing) = {
            let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
            // Yesterday's spare numbers are of no use any more.
            slots.retain(|(_, d), s| *d == day || s.filing > 0);
            let slot = slots.entry(key.clone()).or_default();
            slot.filing += 1;
            (slot.spare.pop_first(), slot.filing > 1)
        };
        let mut ticket = Ticket {
            numbers: self,
            agency: key.0,
            day: key.1,
            reserved: spare,
            among_others: others_filing,
            committing: false,
        };
        if ticket.reserved.is_none() && others_filing && self.reserves {
            let last = reserve(&mut *db.conn().await?, agency, &ticket.day).await?;
            ticket.reserved = Some(last - BLOCK + 1);
            let key = (ticket.agency.clone(), ticket.day.clone());
            self.with_slot(&key, |s| s.spare.extend(last - BLOCK + 2..=last));
        }
        Ok(ticket)
    }
}

/// Moves the counter on by a block, in a transaction of its own (the connection is
/// outside any): the upsert locks the counter's row only until this commits, and returns
/// the block's last number.
async fn reserve(conn: &mut Conn, agency: &str, day: &str) -> Result<i64, DbError> {
    Ok(sqlx::query(
        "INSERT INTO dossier_counters (agency, day, last) VALUES ($1, $2, $3)
         ON CONFLICT (agency, day) DO UPDATE SET last = dossier_counters.last + $3
         RETURNING last",
    )
    .bind(agency)
    .bind(day)
    .bind(BLOCK)
    .fetch_one(conn)
    .await?
    .try_get(0)?)
}

impl Ticket<'_> {
    /// The dossier's code, inside the filing's transaction.
    pub async fn code(&self, tx: &mut Conn) -> Result<String, DbError> {
        match self.reserved_code() {
            Some(code) => Ok(code),
            None => code::next_on(tx, &self.agency, &self.day).await,
        }
    }

    /// The dossier's code when it needs no transaction: a reserved number.
    pub fn reserved_code(&self) -> Option<String> {
        self.reserved
            .map(|n| code::format(&self.agency, &self.day, n))
    }

    /// Whether other filings of this instance, to the same agency, were on their way
    /// when this one started.
    pub fn among_others(&self) -> bool {
        self.among_others
    }

    /// Call just before committing: from then on the number may be in use even if the
    /// commit reports an error, so it is never handed out again.
    pub fn committing(&mut self) {
        self.committing = true;
    }
}

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        let key = (
            std::mem::take(&mut self.agency),
            std::mem::take(&mut self.day),
        );
        let unused = self.reserved.filter(|_| !self.committing);
        self.numbers.with_slot(&key, |s| {
            s.filing = s.filing.saturating_sub(1);
            // A filing that rolled back leaves its reserved number for the next one.
            s.spare.extend(unused);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn numbers_are_unique_whether_taken_in_the_filing_or_reserved() {
        let db = crate::db::memory().await;
        let numbers = Numbers {
            reserves: true,
            ..Numbers::default()
        };
        let t = 1_751_304_600; // 2025-07-01 in Vietnam
        let code = |n: i64| code::format("A", "250701", n);

        // Alone, a filing takes the next number in its own transaction.
        let mut first = numbers.ticket(&db, "A", t).await.unwrap();
        let mut tx = db.begin().await.unwrap();
        assert_eq!(first.code(&mut tx).await.unwrap(), code(1));
        first.committing();
        tx.commit().await.unwrap();

        // While it is still on its way, the next ones share a reserved block.
        let mut second = numbers.ticket(&db, "A", t).await.unwrap();
        let mut tx = db.begin().await.unwrap();
        assert_eq!(second.code(&mut tx).await.unwrap(), code(2));
        second.committing();
        tx.commit().await.unwrap();
        let third = numbers.ticket(&db, "A", t).await.unwrap();
        let mut c = db.conn().await.unwrap();
        assert_eq!(third.code(&mut c).await.unwrap(), code(3));
        // A filing that did not commit gives its number to the next one.
        drop(third);
        let again = numbers.ticket(&db, "A", t).await.unwrap();
        assert_eq!(again.code(&mut c).await.unwrap(), code(3));
        drop((first, second, again));

        // The counter is past the block, so a filing taking its number in the
        // transaction (here, another instance's) cannot collide with it.
        assert_eq!(
            code::next(&mut c, "A", t).await.unwrap(),
            code(1 + BLOCK + 1)
        );
        // Alone again, this instance uses its spare numbers first.
        let alone = numbers.ticket(&db, "A", t).await.unwrap();
        assert_eq!(alone.code(&mut c).await.unwrap(), code(3));
    }
}
