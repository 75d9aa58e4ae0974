//! The embedded SQLite database: opened and migrated on start. Access goes through a
//! mutex-guarded connection on a blocking thread, which is ample for a reference server.

use std::path::Path;
use std::sync::{Arc, Mutex};

use portal_catalog::Catalogue;
use rusqlite::{params, Connection};

/// Ordered migrations; the index + 1 is the schema version stored in `user_version`.
const MIGRATIONS: &[&str] = &[
    // 1: every catalogue version the server has served, so a publish can be rolled back
    // and a draft can say which version it was started on.
    "CREATE TABLE catalog_versions (
        version      TEXT PRIMARY KEY,
        first_served TEXT NOT NULL,
        services     INTEGER NOT NULL,
        index_json   TEXT NOT NULL
    );",
    // 2: sign-in requests and sessions.
    crate::identity::MIGRATION,
    // 3: dossiers, their procedures, timelines, codes and idempotency keys.
    crate::dossiers::MIGRATION,
    // 4: attachments (their files sit in `attachments/` beside the database).
    crate::attachments::MIGRATION,
    // 5: payment attempts and the payment callback key.
    crate::payments::MIGRATION,
    // 6: draft catalogues staff preview, and every publication (for rollback).
    crate::staff_catalog::MIGRATION,
    // 7: the deadline of each request for additional documents.
    crate::dossiers::MIGRATION_DEADLINES,
    // 8: sessions keep the person the identity provider vouched for.
    crate::identity::MIGRATION_IDENTITY_IN_SESSION,
    // 9: who drafted each publication (four-eyes).
    crate::staff_catalog::MIGRATION_DRAFTED_BY,
];

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot create the data folder {path}: {source}")]
    Folder {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the database is newer (schema {found}) than this server understands ({known})")]
    TooNew { found: i64, known: i64 },
    #[error("the database worker stopped unexpectedly")]
    Worker,
    #[error("stored data could not be encoded or read: {0}")]
    Data(String),
}

#[derive(Clone)]
pub struct Database {
    conn: Arc<Mutex<Connection>>,
}

impl Database {
    /// Opens (creating the file and its folder if needed) and migrates.
    pub fn open(path: &Path) -> Result<Database, DbError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| DbError::Folder {
                path: parent.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&conn)?;
        Ok(Database {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` with the connection on a blocking thread.
    pub async fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, DbError> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let guard = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&guard)
        })
        .await
        .map_err(|_| DbError::Worker)?
    }

    /// Runs `f` with the connection on the current thread (start-up work, before the
    /// server accepts requests).
    pub fn with_now<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let guard = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        f(&guard)
    }

    /// Remembers a catalogue version the first time it is served.
    pub fn record_catalogue(&self, catalogue: &Catalogue) -> Result<(), DbError> {
        let index = serde_json::to_string(&catalogue.index()).unwrap_or_default();
        let now = now_rfc3339();
        let guard = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        guard.execute(
            "INSERT OR IGNORE INTO catalog_versions (version, first_served, services, index_json)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                catalogue.version,
                now,
                catalogue.services.len() as i64,
                index
            ],
        )?;
        Ok(())
    }

    /// The schema version, for the health check.
    pub async fn schema_version(&self) -> Result<i64, DbError> {
        self.with(|c| Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?))
            .await
    }
}

fn migrate(conn: &Connection) -> Result<(), DbError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if current > known {
        return Err(DbError::TooNew {
            found: current,
            known,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_a_new_file_and_reopens_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/portal.sqlite3");
        drop(Database::open(&path).unwrap());
        let db = Database::open(&path).unwrap();
        let v: i64 = db
            .conn
            .lock()
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len() as i64);
    }

    #[test]
    fn refuses_a_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.sqlite3");
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        drop(c);
        assert!(matches!(
            Database::open(&path),
            Err(DbError::TooNew { found: 99, .. })
        ));
    }
}
