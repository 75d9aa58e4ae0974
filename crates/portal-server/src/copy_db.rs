//! `portal-server copy-db --from <SQLite file> --to <postgres URL>`: moves a SQLite
//! deployment's data to PostgreSQL. The source is opened as the server would open it
//! (migrated to the current schema, attachment files kept beside it moved in); the
//! target must be a new, empty database, which is migrated and then filled in one
//! transaction, so a failed copy leaves it empty. Rows keep their ids; PostgreSQL's
//! identity counters are moved past them.

use sqlx::any::AnyRow;
use sqlx::Row;

use crate::db::{Database, DbError, Engine};

/// Every table of the schema, in an order that satisfies the foreign keys, with every
/// column and its kind: `i` integer, `t` text, `b` bytes. A migration that adds a table
/// or a column adds it here too (`tables_cover_the_whole_schema` fails until it does).
pub const TABLES: &[(&str, &str)] = &[
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
         status:t fee_amount:i payment_status:t created_at:i updated_at:i agency_system:t \
         agency_code:t agency_name_vi:t agency_name_en:t agency_sequence:i result_note:t \
         result_document_id:t result_document_name:t rating:t rating_comment:t rated_at:i \
         received_on:t due_on:t decided_on:t province:t channel:t generated:i",
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
         attached_at:i supplement:i from_agency:i",
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
    (
        "outbox",
        "id:i delivery_id:t dossier_id:i system:t kind:t files_json:t note:t created_ms:i \
         next_ms:i lease_ms:i attempts:i state:t last_error:t delivered_ms:i",
    ),
    (
        "agency_events",
        "system:t event_id:t dossier_id:i sequence:i kind:t outcome:t received_at:i",
    ),
    (
        "form_drafts",
        "owner:t service:t sealed:t saved_at_ms:i answered:i steps_completed:i",
    ),
    (
        "feedback",
        "id:i received_at:i page:t message:t email:t signed_in:i client_hash:t",
    ),
    (
        "statistics_cells",
        "month:t province:t service_id:t received_online:i received_at_centre:i decided:i \
         decided_on_time:i decided_late:i fee_due:i paid_online:i satisfied:i neutral:i \
         not_satisfied:i generated:i shard:i",
    ),
];

/// Identity columns whose counters must continue after the copied rows: every integer
/// primary key SQLite numbers itself (a rowid alias), which PostgreSQL numbers with an
/// identity column.
pub const COUNTERS: &[(&str, &str)] = &[
    ("dossiers", "id"),
    ("dossier_events", "id"),
    ("catalog_publications", "seq"),
    ("outbox", "id"),
    ("feedback", "id"),
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
        let columns = columns(spec);
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

/// The columns of a [`TABLES`] entry: each name with its kind.
pub fn columns(spec: &str) -> Vec<(&str, char)> {
    spec.split_whitespace()
        .map(|c| {
            let (name, kind) = c.split_once(':').unwrap_or((c, "t"));
            (name, kind.chars().next().unwrap_or('t'))
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use sqlx::Row;

    use super::{columns, COUNTERS, TABLES};

    /// The schema the migrations leave in SQLite: each table (but sqlx's own and SQLite's
    /// internal ones) with its columns, their declared types and whether each is the
    /// table's whole primary key, and the tables it refers to.
    struct Table {
        columns: Vec<(String, String, bool)>,
        refers_to: BTreeSet<String>,
    }

    async fn migrated_schema() -> BTreeMap<String, Table> {
        let db = crate::db::memory().await;
        let names: Vec<String> = sqlx::query(
            "SELECT name FROM sqlite_master WHERE type = 'table'
               AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_sqlx_migrations'",
        )
        .fetch_all(db.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
        let mut schema = BTreeMap::new();
        for name in names {
            let info = sqlx::query(&format!(
                "SELECT name, type, pk FROM pragma_table_info('{name}')"
            ))
            .fetch_all(db.pool())
            .await
            .unwrap();
            let keys = info.iter().filter(|r| r.get::<i64, _>(2) > 0).count();
            let columns = info
                .iter()
                .map(|r| {
                    let pk: i64 = r.get(2);
                    (r.get(0), r.get::<String, _>(1), pk > 0 && keys == 1)
                })
                .collect();
            let refers_to = sqlx::query(&format!(
                "SELECT \"table\" FROM pragma_foreign_key_list('{name}')"
            ))
            .fetch_all(db.pool())
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
            schema.insert(name, Table { columns, refers_to });
        }
        schema
    }

    /// The kind [`TABLES`] must give a column SQLite declares with this type.
    fn kind_of(declared: &str) -> char {
        let declared = declared.to_ascii_uppercase();
        if declared.contains("INT") {
            'i'
        } else if declared.contains("BLOB") {
            'b'
        } else {
            't'
        }
    }

    #[tokio::test]
    async fn tables_cover_the_whole_schema() {
        let schema = migrated_schema().await;
        assert!(schema.contains_key("dossiers"), "the schema was read");
        let listed: BTreeMap<&str, Vec<(&str, char)>> = TABLES
            .iter()
            .map(|(table, spec)| (*table, columns(spec)))
            .collect();
        assert_eq!(listed.len(), TABLES.len(), "a table listed twice in TABLES");
        for (table, t) in &schema {
            let Some(copied) = listed.get(table.as_str()) else {
                panic!("copy-db does not copy table {table}: add it to TABLES");
            };
            for (column, declared, _) in &t.columns {
                let Some((_, kind)) = copied.iter().find(|(c, _)| c == column) else {
                    panic!("copy-db does not copy column {table}.{column}: add it to TABLES");
                };
                assert_eq!(
                    *kind,
                    kind_of(declared),
                    "{table}.{column} is declared {declared}"
                );
            }
            for (column, _) in copied {
                assert!(
                    t.columns.iter().any(|(c, _, _)| c == column),
                    "TABLES names {table}.{column}, which the schema does not have"
                );
            }
        }
        for table in listed.keys() {
            assert!(
                schema.contains_key(*table),
                "TABLES names table {table}, which the schema does not have"
            );
        }
    }

    #[tokio::test]
    async fn tables_come_after_the_tables_they_refer_to() {
        let schema = migrated_schema().await;
        for (i, (table, _)) in TABLES.iter().enumerate() {
            let Some(t) = schema.get(*table) else {
                continue; // tables_cover_the_whole_schema says so
            };
            for other in &t.refers_to {
                let earlier = TABLES[..i].iter().any(|(name, _)| name == other);
                assert!(
                    earlier || other == table,
                    "{table} refers to {other}, which TABLES copies later"
                );
            }
        }
    }

    #[tokio::test]
    async fn every_numbered_key_has_its_counter_continued() {
        // SQLite numbers an INTEGER PRIMARY KEY itself; PostgreSQL numbers the same
        // column with an identity, whose counter must start after the copied rows.
        let schema = migrated_schema().await;
        let numbered: BTreeSet<(&str, &str)> = schema
            .iter()
            .flat_map(|(table, t)| {
                t.columns
                    .iter()
                    .filter(|(_, declared, key)| *key && declared.eq_ignore_ascii_case("INTEGER"))
                    .map(move |(column, _, _)| (table.as_str(), column.as_str()))
            })
            .collect();
        let counters: BTreeSet<(&str, &str)> = COUNTERS.iter().copied().collect();
        assert_eq!(numbered, counters);
    }
}
