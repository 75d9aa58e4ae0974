//! `portal-server copy-db --from <SQLite file> --to <postgres URL>`: moves a SQLite
//! deployment's data to PostgreSQL. The source is opened as the server would open it
//! (migrated to the current schema, attachment files kept beside it moved in); the
//! target must be a new, empty database, which is migrated and then filled in one
//! transaction, so a failed copy leaves it empty. Rows keep their ids; PostgreSQL's
//! identity counters are moved past them.

use sqlx::any::AnyRow;
use sqlx::Row;

use crate::db::{Database, DbError, Engine};

/// Each table, in an order that satisfies the foreign keys, with its columns and their
/// kinds: `i` integer, `t` text, `b` bytes.
const TABLES: &[(&str, &str)] = &[
    (
        "catalog_versions",
        "version:t first_served:t services:i index_json:t",
    ),
    ("sign_in_requests", "state:t return_to:t expires_at:i"),
    (
        "sessions",
        "token_hash:t subject:t created_at:i last_seen:i expires_at:i absolute_expires_at:i \
         ended_at:i identity_json:t assurance_level:i",
    ),
    (
        "dossiers",
        "id:i code:t owner:t applicant_kind:t applicant_id_number:t applicant_name:t \
         applicant_tax_code:t lookup_secret:t service_id:t catalogue_version:t answers_json:t \
         status:t fee_amount:i payment_status:t created_at:i updated_at:i",
    ),
    (
        "dossier_procedures",
        "dossier_id:i position:i service_id:t status:t updated_at:i",
    ),
    (
        "dossier_events",
        "id:i dossier_id:i at:i event:t procedure:t status:t reason:t actor:t due:t \
         due_working_days:i",
    ),
    ("dossier_counters", "agency:t day:t last:i"),
    (
        "idempotency_keys",
        "owner:t key:t fingerprint:t status:i response:t dossier_id:i created_at:i",
    ),
    ("lookup_failures", "target:t at:i"),
    (
        // In upload order: PostgreSQL numbers them again in the order they arrive.
        "attachments",
        "id:t owner:t name:t media_type:t size:i sha256:t created_at:i dossier_id:i \
         attached_at:i supplement:i",
    ),
    ("attachment_bytes", "id:t bytes:b"),
    (
        "payments",
        "id:t dossier_id:i amount:i status:t return_to:t created_at:i completed_at:i",
    ),
    ("server_secrets", "name:t value:t"),
    (
        "catalog_drafts",
        "id:t created_by:t created_at:t version:t files_json:t",
    ),
    (
        "catalog_publications",
        "seq:i version:t files_json:t disk_version:t action:t published_by:t published_at:t \
         drafted_by:t",
    ),
];

/// Identity columns whose counters must continue after the copied rows.
const COUNTERS: &[(&str, &str)] = &[
    ("dossiers", "id"),
    ("dossier_events", "id"),
    ("catalog_publications", "seq"),
];

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("{0}")]
    Db(#[from] DbError),
    #[error("{0}")]
    Sql(#[from] sqlx::Error),
    #[error("--from must be a SQLite file and --to a postgres:// URL")]
    Engines,
    #[error(
        "the target database already holds data ({0} rows in {1}); copy into a new, empty database"
    )]
    NotEmpty(i64, &'static str),
}

/// Rows copied per table.
pub type Copied = Vec<(&'static str, u64)>;

pub async fn copy(from: &str, to: &str) -> Result<Copied, CopyError> {
    if crate::db::engine_of(from) != Engine::Sqlite || crate::db::engine_of(to) != Engine::Postgres
    {
        return Err(CopyError::Engines);
    }
    let source = Database::open(from).await?;
    {
        let mut c = source.conn().await?;
        crate::attachments::store::import_files(&mut c, std::path::Path::new(from)).await?;
    }
    let target = Database::open(to).await?;
    let mut tx = target.begin().await?;
    for (table, _) in TABLES {
        let n: i64 = sqlx::query(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        if n > 0 {
            return Err(CopyError::NotEmpty(n, table));
        }
    }
    let mut copied = Vec::new();
    for (table, spec) in TABLES {
        let columns: Vec<(&str, char)> = spec
            .split_whitespace()
            .map(|c| {
                let (name, kind) = c.split_once(':').unwrap_or((c, "t"));
                (name, kind.chars().next().unwrap_or('t'))
            })
            .collect();
        let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
        let list = names.join(", ");
        let order = if *table == "attachments" {
            " ORDER BY rowid"
        } else {
            ""
        };
        let rows = sqlx::query(&format!("SELECT {list} FROM {table}{order}"))
            .fetch_all(source.pool())
            .await?;
        let params: Vec<String> = (1..=names.len()).map(|i| format!("${i}")).collect();
        let insert = format!(
            "INSERT INTO {table} ({list}) VALUES ({})",
            params.join(", ")
        );
        for row in &rows {
            let mut q = sqlx::query(&insert);
            for (i, (_, kind)) in columns.iter().enumerate() {
                q = bind(q, row, i, *kind)?;
            }
            q.execute(&mut *tx).await?;
        }
        copied.push((*table, rows.len() as u64));
    }
    for (table, column) in COUNTERS {
        sqlx::query(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', '{column}'),
                           COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
        ))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(copied)
}

fn bind<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    row: &AnyRow,
    i: usize,
    kind: char,
) -> Result<sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>, sqlx::Error> {
    Ok(match kind {
        'i' => q.bind(row.try_get::<Option<i64>, _>(i)?),
        'b' => q.bind(row.try_get::<Option<Vec<u8>>, _>(i)?),
        _ => q.bind(row.try_get::<Option<String>, _>(i)?),
    })
}
