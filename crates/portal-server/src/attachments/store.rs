//! Where attachments live: their rows in the `attachments` table and their bytes in
//! `attachment_bytes`, both in the database, so that any server instance reads a file
//! another one received. A file's row and bytes are written in one transaction: a row
//! never points at missing or half-written bytes.
//!
//! Servers before schema 10 kept the bytes in files in `attachments/` beside the SQLite
//! file; [`import_files`] moves those in at start.

use std::path::Path;

use sqlx::any::AnyRow;
use sqlx::Row;

use crate::clock;
use crate::db::{Conn, DbError};

/// An attachment's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentRecord {
    pub id: String,
    pub owner: String,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub created_at: i64,
    /// The dossier it belongs to, once submitted.
    pub dossier_id: Option<i64>,
    pub dossier_code: Option<String>,
    /// Added as an additional document after the dossier was submitted.
    pub supplement: bool,
    /// A result document the agency sent.
    pub from_agency: bool,
}

/// What the API shows of an attachment.
pub use portal_api::attachments::Attachment as AttachmentView;

impl AttachmentRecord {
    pub fn view(&self) -> AttachmentView {
        let a = self;
        AttachmentView {
            id: a.id.clone(),
            name: a.name.clone(),
            media_type: a.media_type.clone(),
            size: a.size,
            sha256: a.sha256.clone(),
            created_at: clock::rfc3339(a.created_at),
            dossier_code: a.dossier_code.clone(),
            supplement: a.supplement,
            from_agency: a.from_agency,
        }
    }
}

const SELECT: &str = "SELECT a.id, a.owner, a.name, a.media_type, a.size, a.sha256, a.created_at,
        a.dossier_id, d.code, a.supplement, a.from_agency
     FROM attachments a LEFT JOIN dossiers d ON d.id = a.dossier_id";

fn record(r: &AnyRow) -> Result<AttachmentRecord, DbError> {
    Ok(AttachmentRecord {
        id: r.try_get(0)?,
        owner: r.try_get(1)?,
        name: r.try_get(2)?,
        media_type: r.try_get(3)?,
        size: r.try_get(4)?,
        sha256: r.try_get(5)?,
        created_at: r.try_get(6)?,
        dossier_id: r.try_get(7)?,
        dossier_code: r.try_get(8)?,
        supplement: r.try_get::<i64, _>(9)? != 0,
        from_agency: r.try_get::<i64, _>(10)? != 0,
    })
}

/// Inserts the row and the bytes (call inside a transaction).
pub async fn insert(conn: &mut Conn, a: &AttachmentRecord, bytes: &[u8]) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO attachments (id, owner, name, media_type, size, sha256, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&a.id)
    .bind(&a.owner)
    .bind(&a.name)
    .bind(&a.media_type)
    .bind(a.size)
    .bind(&a.sha256)
    .bind(a.created_at)
    .execute(&mut *conn)
    .await?;
    sqlx::query("INSERT INTO attachment_bytes (id, bytes) VALUES ($1, $2)")
        .bind(&a.id)
        .bind(bytes.to_vec())
        .execute(conn)
        .await?;
    Ok(())
}

/// Inserts a result document the agency sent, already in its dossier and owned by the
/// dossier's owner, so the applicant downloads it like their own files (call inside the
/// transaction that records the event). It does not count against their quota.
pub async fn insert_result(
    conn: &mut Conn,
    a: &AttachmentRecord,
    dossier_id: i64,
    bytes: &[u8],
) -> Result<(), DbError> {
    insert(conn, a, bytes).await?;
    sqlx::query(
        "UPDATE attachments SET dossier_id = $1, attached_at = $2, from_agency = 1 WHERE id = $3",
    )
    .bind(dossier_id)
    .bind(a.created_at)
    .bind(&a.id)
    .execute(conn)
    .await?;
    Ok(())
}

/// The bytes of an attachment.
pub async fn bytes(conn: &mut Conn, id: &str) -> Result<Option<Vec<u8>>, DbError> {
    let row = sqlx::query("SELECT bytes FROM attachment_bytes WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|r| r.try_get(0)).transpose()?)
}

pub async fn get(conn: &mut Conn, id: &str) -> Result<Option<AttachmentRecord>, DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE a.id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(record).transpose()
}

/// The rows for `ids` that exist, in no particular order.
pub async fn get_many(conn: &mut Conn, ids: &[String]) -> Result<Vec<AttachmentRecord>, DbError> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(a) = get(conn, id).await? {
            out.push(a);
        }
    }
    Ok(out)
}

/// The attachments of a dossier: those submitted with it, then the additional ones, each
/// in upload order.
pub async fn for_dossier(
    conn: &mut Conn,
    dossier_id: i64,
) -> Result<Vec<AttachmentRecord>, DbError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE a.dossier_id = $1 ORDER BY a.supplement, a.attached_at, a.rowid"
    ))
    .bind(dossier_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(record).collect()
}

/// How many of `owner`'s attachments are not yet in a dossier.
pub async fn pending_count(conn: &mut Conn, owner: &str) -> Result<i64, DbError> {
    Ok(
        sqlx::query("SELECT COUNT(*) FROM attachments WHERE owner = $1 AND dossier_id IS NULL")
            .bind(owner)
            .fetch_one(conn)
            .await?
            .try_get(0)?,
    )
}

/// How many attachments `owner` keeps, and their total size, pending and submitted.
pub async fn usage(conn: &mut Conn, owner: &str) -> Result<(i64, i64), DbError> {
    // The sum is cast so that PostgreSQL answers a BIGINT (not NUMERIC) like SQLite.
    let r = sqlx::query(
        "SELECT COUNT(*), CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM attachments
         WHERE owner = $1 AND from_agency = 0",
    )
    .bind(owner)
    .fetch_one(conn)
    .await?;
    Ok((r.try_get(0)?, r.try_get(1)?))
}

/// Puts `owner`'s pending attachments `ids` into a dossier; returns how many moved (all
/// of them unless one was taken or deleted meanwhile: the condition on `dossier_id` is
/// re-checked under the row lock on PostgreSQL, so a file never joins two dossiers).
pub async fn claim(
    conn: &mut Conn,
    ids: &[String],
    owner: &str,
    dossier_id: i64,
    supplement: bool,
    now: i64,
) -> Result<usize, DbError> {
    let mut moved = 0;
    for id in ids {
        moved += sqlx::query(
            "UPDATE attachments SET dossier_id = $1, attached_at = $2, supplement = $3
             WHERE id = $4 AND owner = $5 AND dossier_id IS NULL",
        )
        .bind(dossier_id)
        .bind(now)
        .bind(i64::from(supplement))
        .bind(id.as_str())
        .bind(owner)
        .execute(&mut *conn)
        .await?
        .rows_affected() as usize;
    }
    Ok(moved)
}

/// Deletes a pending attachment (its bytes go with it); returns whether it did.
pub async fn delete_pending(conn: &mut Conn, id: &str, owner: &str) -> Result<bool, DbError> {
    Ok(
        sqlx::query("DELETE FROM attachments WHERE id = $1 AND owner = $2 AND dossier_id IS NULL")
            .bind(id)
            .bind(owner)
            .execute(conn)
            .await?
            .rows_affected()
            == 1,
    )
}

/// Moves the files an older server kept in `attachments/` beside the SQLite file into
/// the database, then removes them (and the folder, once empty). Files without a row
/// (a crash between writing the file and the row) are dropped; rows whose file is
/// missing keep no bytes and answer 404 for their content. Returns (moved, dropped).
pub async fn import_files(conn: &mut Conn, db_file: &Path) -> Result<(usize, usize), DbError> {
    let parent = db_file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let dir = parent.join("attachments");
    if !dir.is_dir() {
        return Ok((0, 0));
    }
    let folder = |source| DbError::Folder {
        path: dir.display().to_string(),
        source,
    };
    let (mut moved, mut dropped) = (0, 0);
    let _ = std::fs::remove_dir_all(dir.join("tmp"));
    for entry in std::fs::read_dir(&dir).map_err(folder)?.flatten() {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let id = entry.file_name().to_string_lossy().to_string();
        let known = get(conn, &id).await?.is_some();
        if known {
            let bytes = std::fs::read(&path).map_err(folder)?;
            sqlx::query(
                "INSERT INTO attachment_bytes (id, bytes) VALUES ($1, $2)
                 ON CONFLICT (id) DO NOTHING",
            )
            .bind(&id)
            .bind(bytes)
            .execute(&mut *conn)
            .await?;
            moved += 1;
        } else {
            dropped += 1;
        }
        std::fs::remove_file(&path).map_err(folder)?;
    }
    let _ = std::fs::remove_dir(&dir);
    Ok((moved, dropped))
}
