//! The database: SQLite (embedded, the default: a file path) or PostgreSQL (a
//! `postgres://` URL), behind one pool of sqlx's `Any` driver. Every query in the server
//! is written once, in SQL both engines read the same way (`$1` parameters, `ON CONFLICT`,
//! `RETURNING`); the schema's DDL differs, in `migrations/sqlite` and
//! `migrations/postgres`, run by sqlx's migrator at start. One write is also shaped per
//! engine: the online filing, the hot path, is one statement on PostgreSQL (SQLite has no
//! `INSERT` inside `WITH`), built from the same pieces as SQLite's sequence
//! (`dossiers::filing`, with a test that both write the same rows).
//!
//! Concurrency, per engine:
//! - SQLite: the pool holds one connection, so statements and transactions run one at a
//!   time in this process, as the mutex-guarded connection did before; one process owns
//!   the file.
//! - PostgreSQL: many instances share the database; transactions run at READ COMMITTED
//!   (the default), and each write that must not race says what it relies on: a unique
//!   key (idempotency keys, dossier codes), a row lock taken by `UPDATE … RETURNING` or
//!   `INSERT … ON CONFLICT DO UPDATE` (dossier counters, in the filing or in a block's own
//!   short transaction: `dossiers::numbers`; statistics cells), or a conditional `UPDATE`
//!   whose row count tells who won (payments, claims of attachments). A row every filing
//!   locks is held until its commit is on disk, so filings queue on it: shared rows are
//!   spread or taken outside the filing when filings come together.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use portal_catalog::Catalogue;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, Executor, Row};

pub use sqlx::AnyConnection as Conn;

/// A transaction on either engine.
pub type Tx = sqlx::Transaction<'static, Any>;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// How long a request waits for a free connection before it is answered 503.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// A PostgreSQL connection idle longer than this is pinged before it is handed out. sqlx
/// pings on every acquire by default: a round trip more for each of a submission's three
/// acquires (session, key, transaction), while a connection just returned is known alive.
const PING_AFTER_IDLE: Duration = Duration::from_secs(1);

/// Where a write runs: in a transaction, or on a plain connection for a write that is
/// one statement (atomic by itself, committed when it ends). Either is used as a
/// [`Conn`]; [`Writing::finish`] commits the transaction.
pub enum Writing {
    Transaction(Tx),
    Statement(PoolConnection<Any>),
}

impl Writing {
    /// Commits the transaction (a statement has committed already). Dropped without
    /// this, a transaction rolls back.
    pub async fn finish(self) -> Result<(), DbError> {
        match self {
            Writing::Transaction(tx) => Ok(tx.commit().await?),
            Writing::Statement(_) => Ok(()),
        }
    }
}

impl std::ops::Deref for Writing {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        match self {
            Writing::Transaction(tx) => tx,
            Writing::Statement(c) => c,
        }
    }
}

impl std::ops::DerefMut for Writing {
    fn deref_mut(&mut self) -> &mut Conn {
        match self {
            Writing::Transaction(tx) => &mut *tx,
            Writing::Statement(c) => &mut *c,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot create the data folder {path}: {source}")]
    Folder {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Sql(#[from] sqlx::Error),
    #[error("migrating the schema: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("the database is newer (schema {found}) than this server understands ({known})")]
    TooNew { found: i64, known: i64 },
    #[error("stored data could not be encoded or read: {0}")]
    Data(String),
}

impl DbError {
    /// The database cannot be reached or is overloaded right now (as opposed to a bug
    /// or bad data): the request may succeed if retried later, so it gets 503.
    pub fn is_unavailable(&self) -> bool {
        match self {
            DbError::Sql(e) => is_unavailable(e),
            _ => false,
        }
    }

    /// A unique key refused the write: another request stored the same thing first.
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, DbError::Sql(sqlx::Error::Database(d)) if d.is_unique_violation())
    }
}

fn is_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::Protocol(_) => true,
        // PostgreSQL's "the server is shutting down / starting / too many clients"
        // (classes 57P and 53) and a serialization failure under load (40001, 40P01).
        sqlx::Error::Database(d) => d.code().is_some_and(|c| {
            c.starts_with("57P") || c.starts_with("53") || c == "40001" || c == "40P01"
        }),
        _ => false,
    }
}

#[derive(Clone)]
pub struct Database {
    pool: AnyPool,
    engine: Engine,
}

/// Where the database is: a `postgres://` (or `postgresql://`) URL, else a SQLite file
/// path (a `sqlite:` URL is accepted too).
pub fn engine_of(location: &str) -> Engine {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        Engine::Postgres
    } else {
        Engine::Sqlite
    }
}

/// The URL of a SQLite file path, creating its folder.
fn sqlite_url(location: &str) -> Result<String, DbError> {
    if location.starts_with("sqlite:") {
        return Ok(location.to_string());
    }
    let path = Path::new(location);
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| DbError::Folder {
            path: parent.display().to_string(),
            source,
        })?;
    }
    Ok(format!("sqlite://{}?mode=rwc", location))
}

impl Database {
    /// Connects (creating a SQLite file and its folder if needed) and migrates. A
    /// PostgreSQL server that does not answer is an error here, not a retry loop: the
    /// service manager restarts the process.
    pub async fn open(location: &str) -> Result<Database, DbError> {
        sqlx::any::install_default_drivers();
        let engine = engine_of(location);
        let url = match engine {
            Engine::Sqlite => sqlite_url(location)?,
            Engine::Postgres => location.to_string(),
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = match engine {
            // One connection: one writer at a time, as SQLite wants, with no busy waits.
            Engine::Sqlite => {
                AnyPoolOptions::new()
                    .max_connections(1)
                    .min_connections(1)
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    // A file does not hang up: no ping before each use.
                    .test_before_acquire(false)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            // synchronous = FULL: each dossier is on disk before its
                            // receipt goes out (NORMAL is faster but can lose the last
                            // receipts on a power cut; bench/RESULTS.md measured both).
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;
                             PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
            Engine::Postgres => {
                AnyPoolOptions::new()
                    .max_connections(pool_size())
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    .test_before_acquire(false)
                    .before_acquire(|conn, meta| {
                        Box::pin(async move {
                            if meta.idle_for > PING_AFTER_IDLE {
                                sqlx::Connection::ping(conn).await?;
                            }
                            Ok(true)
                        })
                    })
                    .connect_with(options)
                    .await?
            }
        };
        let db = Database { pool, engine };
        db.migrate().await?;
        Ok(db)
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// A connection from the pool.
    pub async fn conn(&self) -> Result<PoolConnection<Any>, DbError> {
        Ok(self.pool.acquire().await?)
    }

    /// A transaction (READ COMMITTED on PostgreSQL; on SQLite the only connection).
    pub async fn begin(&self) -> Result<Tx, DbError> {
        Ok(self.pool.begin().await?)
    }

    async fn migrate(&self) -> Result<(), DbError> {
        let migrator = match self.engine {
            Engine::Sqlite => &SQLITE_MIGRATIONS,
            Engine::Postgres => &POSTGRES_MIGRATIONS,
        };
        let mut conn = self.conn().await?;
        if self.engine == Engine::Sqlite {
            adopt_legacy_schema(&mut conn, migrator).await?;
        }
        let known = migrator.iter().map(|m| m.version).max().unwrap_or(0);
        let found = applied_version(&mut conn).await?;
        if found > known {
            return Err(DbError::TooNew { found, known });
        }
        drop(conn);
        // On PostgreSQL the migrator takes an advisory lock, so instances starting
        // together migrate one after the other.
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// Remembers a catalogue version the first time it is served.
    pub async fn record_catalogue(&self, catalogue: &Catalogue) -> Result<(), DbError> {
        let index = serde_json::to_string(&catalogue.index()).unwrap_or_default();
        sqlx::query(
            "INSERT INTO catalog_versions (version, first_served, services, index_json)
             VALUES ($1, $2, $3, $4) ON CONFLICT (version) DO NOTHING",
        )
        .bind(&catalogue.version)
        .bind(now_rfc3339())
        .bind(catalogue.services.len() as i64)
        .bind(index)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The schema version, for the health check; an error if the database does not
    /// answer.
    pub async fn schema_version(&self) -> Result<i64, DbError> {
        let mut conn = self.conn().await?;
        applied_version(&mut conn).await
    }
}

/// Connections per instance on PostgreSQL (`PORTAL_DB_POOL`, default 16): instances ×
/// pool must stay under the server's `max_connections`.
fn pool_size() -> u32 {
    std::env::var("PORTAL_DB_POOL")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(16)
}

/// The highest migration applied (0 on an empty database).
async fn applied_version(conn: &mut Conn) -> Result<i64, DbError> {
    let exists = match sqlx::query("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
        .fetch_one(&mut *conn)
        .await
    {
        Ok(row) => row.try_get::<Option<i64>, _>(0)?,
        // No table yet: nothing applied.
        Err(sqlx::Error::Database(_)) => None,
        Err(e) => return Err(e.into()),
    };
    Ok(exists.unwrap_or(0))
}

/// A SQLite file made by the server before it used sqlx's migrator counts its schema in
/// `PRAGMA user_version` (the same first nine migrations, applied by hand): record
/// those as applied, with the migrator's checksums, so the migrator goes on from there.
async fn adopt_legacy_schema(conn: &mut Conn, migrator: &Migrator) -> Result<(), DbError> {
    let legacy: i64 = sqlx::query("PRAGMA user_version")
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)?;
    if legacy == 0 {
        return Ok(());
    }
    let has_table: i64 = sqlx::query(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(&mut *conn)
    .await?
    .try_get(0)?;
    if has_table > 0 {
        return Ok(());
    }
    let known = migrator.iter().count() as i64;
    if legacy > known {
        return Err(DbError::TooNew {
            found: legacy,
            known,
        });
    }
    use sqlx::migrate::Migrate;
    conn.ensure_migrations_table().await?;
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    for m in migrator.iter().filter(|m| m.version <= legacy) {
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
             VALUES ($1, $2, TRUE, $3, 0)",
        )
        .bind(m.version)
        .bind(m.description.to_string())
        .bind(m.checksum.to_vec())
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("PRAGMA user_version = 0")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    tracing::info!("adopted the schema of an older server (version {legacy})");
    Ok(())
}

/// The secret kept under `name`, made `fresh` by whichever instance asks first: every
/// instance on one database then signs and verifies with the same key.
pub async fn shared_secret(conn: &mut Conn, name: &str, fresh: &str) -> Result<String, DbError> {
    sqlx::query(
        "INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
    )
    .bind(name)
    .bind(fresh)
    .execute(&mut *conn)
    .await?;
    Ok(
        sqlx::query("SELECT value FROM server_secrets WHERE name = $1")
            .bind(name)
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?,
    )
}

/// One connection to the database at `location` (a SQLite path or a PostgreSQL URL),
/// outside any pool: for tools and tests that look at a server's database.
pub async fn connect_one(location: &str) -> Result<Conn, DbError> {
    sqlx::any::install_default_drivers();
    let url = match engine_of(location) {
        Engine::Sqlite => sqlite_url(location)?,
        Engine::Postgres => location.to_string(),
    };
    Ok(<Conn as sqlx::Connection>::connect(&url).await?)
}

pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// A fresh in-memory SQLite database with the whole schema, for unit tests.
#[cfg(test)]
pub async fn memory() -> Database {
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .min_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect("sqlite::memory:")
        .await
        .expect("in-memory SQLite");
    let db = Database {
        pool,
        engine: Engine::Sqlite,
    };
    db.migrate().await.expect("migrations");
    db
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn migrates_a_new_file_and_reopens_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/portal.sqlite3");
        let path = path.to_str().unwrap();
        let db = Database::open(path).await.unwrap();
        db.pool.close().await;
        let db = Database::open(path).await.unwrap();
        let known = SQLITE_MIGRATIONS.iter().count() as i64;
        assert_eq!(db.schema_version().await.unwrap(), known);
        assert_eq!(
            POSTGRES_MIGRATIONS.iter().count() as i64,
            known,
            "both engines have the same migrations"
        );
    }

    #[tokio::test]
    async fn refuses_a_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.sqlite3");
        let path = path.to_str().unwrap();
        let db = Database::open(path).await.unwrap();
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
             VALUES (99, 'from the future', TRUE, x'00', 0)",
        )
        .execute(db.pool())
        .await
        .unwrap();
        db.pool.close().await;
        assert!(matches!(
            Database::open(path).await,
            Err(DbError::TooNew { found: 99, .. })
        ));
    }

    #[tokio::test]
    async fn adopts_a_file_migrated_by_hand_before_sqlx() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite3");
        let path = path.to_str().unwrap();
        {
            // What an older server left: the first nine migrations and user_version 9.
            sqlx::any::install_default_drivers();
            let mut c = connect_one(path).await.unwrap();
            for m in SQLITE_MIGRATIONS.iter().filter(|m| m.version <= 9) {
                c.execute(&*m.sql).await.unwrap();
            }
            c.execute(
                "INSERT INTO server_secrets (name, value) VALUES ('kept', 'yes');
                       PRAGMA user_version = 9;",
            )
            .await
            .unwrap();
            sqlx::Connection::close(c).await.unwrap();
        }
        let db = Database::open(path).await.unwrap();
        let known = SQLITE_MIGRATIONS.iter().count() as i64;
        assert_eq!(db.schema_version().await.unwrap(), known);
        let kept: String = sqlx::query("SELECT value FROM server_secrets WHERE name = 'kept'")
            .fetch_one(db.pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(kept, "yes");
    }
}
