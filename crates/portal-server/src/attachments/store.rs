//! Where attachments live: the bytes in files under `attachments/` beside the database,
//! everything else in the `attachments` table. A file is written under `tmp/`, flushed
//! to disk and renamed into place before its row is inserted, so a crash leaves at most
//! an orphan file, which the next start removes; a row never points at a missing or
//! half-written file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::clock;
use crate::db::DbError;

/// The attachment folder of a database file.
#[derive(Debug, Clone)]
pub struct Files {
    dir: PathBuf,
}

impl Files {
    /// `attachments/` next to the database file.
    pub fn beside(db_path: &Path) -> Files {
        let parent = db_path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        Files {
            dir: parent.join("attachments"),
        }
    }

    pub fn path(&self, id: &str) -> PathBuf {
        self.dir.join(id)
    }

    pub fn temp_path(&self, id: &str) -> PathBuf {
        self.dir.join("tmp").join(format!("{id}.part"))
    }

    /// Creates the folders and removes what a crash may have left: partial uploads and
    /// files whose row was never written.
    pub fn prepare(&self, conn: &Connection) -> Result<usize, DbError> {
        let folder = |source| DbError::Folder {
            path: self.dir.display().to_string(),
            source,
        };
        std::fs::create_dir_all(self.dir.join("tmp")).map_err(folder)?;
        let mut known = HashSet::new();
        let mut stmt = conn.prepare("SELECT id FROM attachments")?;
        for id in stmt.query_map([], |r| r.get::<_, String>(0))? {
            known.insert(id?);
        }
        let mut removed = 0;
        for dir in [self.dir.join("tmp"), self.dir.clone()] {
            let entries = std::fs::read_dir(&dir).map_err(folder)?;
            for entry in entries.flatten() {
                let path = entry.path();
                let name = entry.file_name().to_string_lossy().to_string();
                let orphan = path.is_file() && (dir.ends_with("tmp") || !known.contains(&name));
                if orphan && std::fs::remove_file(&path).is_ok() {
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }
}

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
        }
    }
}

const SELECT: &str = "SELECT a.id, a.owner, a.name, a.media_type, a.size, a.sha256, a.created_at,
        a.dossier_id, d.code, a.supplement
     FROM attachments a LEFT JOIN dossiers d ON d.id = a.dossier_id";

fn record(r: &Row<'_>) -> rusqlite::Result<AttachmentRecord> {
    Ok(AttachmentRecord {
        id: r.get(0)?,
        owner: r.get(1)?,
        name: r.get(2)?,
        media_type: r.get(3)?,
        size: r.get(4)?,
        sha256: r.get(5)?,
        created_at: r.get(6)?,
        dossier_id: r.get(7)?,
        dossier_code: r.get(8)?,
        supplement: r.get(9)?,
    })
}

pub fn insert(conn: &Connection, a: &AttachmentRecord) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO attachments (id, owner, name, media_type, size, sha256, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            a.id,
            a.owner,
            a.name,
            a.media_type,
            a.size,
            a.sha256,
            a.created_at
        ],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<AttachmentRecord>, DbError> {
    Ok(conn
        .query_row(&format!("{SELECT} WHERE a.id = ?1"), params![id], record)
        .optional()?)
}

/// The rows for `ids` that exist, in no particular order.
pub fn get_many(conn: &Connection, ids: &[String]) -> Result<Vec<AttachmentRecord>, DbError> {
    let mut out = Vec::with_capacity(ids.len());
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE a.id = ?1"))?;
    for id in ids {
        if let Some(a) = stmt.query_row(params![id], record).optional()? {
            out.push(a);
        }
    }
    Ok(out)
}

/// The attachments of a dossier: those submitted with it, then the additional ones, each
/// in upload order.
pub fn for_dossier(conn: &Connection, dossier_id: i64) -> Result<Vec<AttachmentRecord>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE a.dossier_id = ?1 ORDER BY a.supplement, a.attached_at, a.rowid"
    ))?;
    let rows = stmt.query_map(params![dossier_id], record)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How many of `owner`'s attachments are not yet in a dossier.
pub fn pending_count(conn: &Connection, owner: &str) -> Result<i64, DbError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM attachments WHERE owner = ?1 AND dossier_id IS NULL",
        params![owner],
        |r| r.get(0),
    )?)
}

/// How many attachments `owner` keeps, and their total size, pending and submitted.
pub fn usage(conn: &Connection, owner: &str) -> Result<(i64, i64), DbError> {
    Ok(conn.query_row(
        "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM attachments WHERE owner = ?1",
        params![owner],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Puts `owner`'s pending attachments `ids` into a dossier; returns how many moved (all
/// of them unless one was taken or deleted meanwhile).
pub fn claim(
    conn: &Connection,
    ids: &[String],
    owner: &str,
    dossier_id: i64,
    supplement: bool,
    now: i64,
) -> Result<usize, DbError> {
    let mut stmt = conn.prepare_cached(
        "UPDATE attachments SET dossier_id = ?1, attached_at = ?2, supplement = ?3
         WHERE id = ?4 AND owner = ?5 AND dossier_id IS NULL",
    )?;
    let mut moved = 0;
    for id in ids {
        moved += stmt.execute(params![dossier_id, now, supplement, id, owner])?;
    }
    Ok(moved)
}

/// Deletes a pending attachment's row; returns whether it did.
pub fn delete_pending(conn: &Connection, id: &str, owner: &str) -> Result<bool, DbError> {
    Ok(conn.execute(
        "DELETE FROM attachments WHERE id = ?1 AND owner = ?2 AND dossier_id IS NULL",
        params![id, owner],
    )? == 1)
}
