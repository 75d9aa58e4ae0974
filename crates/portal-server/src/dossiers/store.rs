//! Dossiers in the database: the dossier row, one row per linked procedure with its own
//! status, and an append-only list of events that is the status timeline.

use portal_core::validators::Date;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::status::{self, Status};
use crate::db::DbError;

pub use portal_api::{EventKind, PaymentStatus};

/// Who caused an event. Staff are recorded by subject but shown as "the agency".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Applicant,
    Staff(String),
    Payment,
}

impl Actor {
    fn to_db(&self) -> String {
        match self {
            Actor::Applicant => "applicant".into(),
            Actor::Staff(s) => format!("staff:{s}"),
            Actor::Payment => "payment".into(),
        }
    }

    fn from_db(s: &str) -> Actor {
        match s.strip_prefix("staff:") {
            Some(subject) => Actor::Staff(subject.to_string()),
            None if s == "payment" => Actor::Payment,
            None => Actor::Applicant,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Event {
    pub at: i64,
    pub kind: EventKind,
    pub procedure: Option<String>,
    pub status: Option<Status>,
    pub reason: Option<String>,
    pub actor: Actor,
    /// For a request for additional documents: the last day to add them, fixed when the
    /// agency asked. `None` for every other event, and for requests stored before the
    /// deadline was (the view then counts it from the request's time).
    pub due: Option<Deadline>,
}

/// The last day to add requested documents, and the working days it was counted with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub date: Date,
    pub working_days: u32,
}

impl Deadline {
    /// The deadline of a request for documents made at `at` (Unix seconds): the shared
    /// rule, [`portal_core::dossier::supplement_deadline`], counted in Vietnam.
    pub fn for_request_at(at: i64) -> Option<Deadline> {
        portal_core::dossier::supplement_deadline(at.saturating_mul(1000)).map(|date| Deadline {
            date,
            working_days: portal_core::dossier::SUPPLEMENT_WORKING_DAYS,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure {
    pub service_id: String,
    pub status: Status,
}

/// A dossier with its procedures and timeline.
#[derive(Debug, Clone)]
pub struct Dossier {
    pub id: i64,
    pub code: String,
    pub owner: String,
    pub applicant_kind: String,
    pub applicant_id_number: String,
    pub applicant_name: String,
    pub applicant_tax_code: Option<String>,
    pub lookup_secret: String,
    pub service_id: String,
    pub catalogue_version: String,
    pub answers_json: String,
    pub status: Status,
    pub fee_amount: Option<i64>,
    pub payment_status: PaymentStatus,
    pub created_at: i64,
    pub updated_at: i64,
    pub procedures: Vec<Procedure>,
    pub events: Vec<Event>,
}

/// A new dossier, as validated.
pub struct NewDossier<'a> {
    pub code: &'a str,
    pub owner: &'a str,
    pub applicant_kind: &'a str,
    pub applicant_id_number: &'a str,
    pub applicant_name: &'a str,
    pub applicant_tax_code: Option<&'a str>,
    pub lookup_secret: &'a str,
    pub service_id: &'a str,
    pub catalogue_version: &'a str,
    pub answers_json: &'a str,
    pub procedures: &'a [String],
    pub fee_amount: Option<i64>,
    pub payment_status: PaymentStatus,
    pub now: i64,
}

/// Inserts the dossier, its procedures (all `received`) and the `submitted` event.
pub fn insert(conn: &Connection, d: &NewDossier<'_>) -> Result<i64, DbError> {
    conn.execute(
        "INSERT INTO dossiers (code, owner, applicant_kind, applicant_id_number, applicant_name,
             applicant_tax_code, lookup_secret, service_id, catalogue_version, answers_json,
             status, fee_amount, payment_status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
        params![
            d.code,
            d.owner,
            d.applicant_kind,
            d.applicant_id_number,
            d.applicant_name,
            d.applicant_tax_code,
            d.lookup_secret,
            d.service_id,
            d.catalogue_version,
            d.answers_json,
            Status::Received.as_str(),
            d.fee_amount,
            d.payment_status.as_str(),
            d.now,
        ],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare_cached(
        "INSERT INTO dossier_procedures (dossier_id, position, service_id, status, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, p) in d.procedures.iter().enumerate() {
        stmt.execute(params![id, i as i64, p, Status::Received.as_str(), d.now])?;
    }
    add_event(
        conn,
        id,
        &Event {
            at: d.now,
            kind: EventKind::Submitted,
            procedure: None,
            status: Some(Status::Received),
            reason: None,
            actor: Actor::Applicant,
            due: None,
        },
    )?;
    Ok(id)
}

pub fn add_event(conn: &Connection, dossier_id: i64, e: &Event) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO dossier_events (dossier_id, at, event, procedure, status, reason, actor,
             due, due_working_days)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            dossier_id,
            e.at,
            e.kind.as_str(),
            e.procedure,
            e.status.map(Status::as_str),
            e.reason,
            e.actor.to_db(),
            e.due.map(|d| d.date.iso()),
            e.due.map(|d| d.working_days),
        ],
    )?;
    Ok(())
}

/// Sets some procedures' statuses and recomputes the dossier's.
pub fn set_procedure_statuses(
    conn: &Connection,
    dossier_id: i64,
    changes: &[(String, Status)],
    now: i64,
) -> Result<Status, DbError> {
    let mut stmt = conn.prepare_cached(
        "UPDATE dossier_procedures SET status = ?3, updated_at = ?4
         WHERE dossier_id = ?1 AND service_id = ?2",
    )?;
    for (service_id, s) in changes {
        stmt.execute(params![dossier_id, service_id, s.as_str(), now])?;
    }
    let statuses: Vec<Status> = procedures(conn, dossier_id)?
        .into_iter()
        .map(|p| p.status)
        .collect();
    let overall = status::overall(&statuses);
    conn.execute(
        "UPDATE dossiers SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![dossier_id, overall.as_str(), now],
    )?;
    Ok(overall)
}

pub fn set_payment_status(
    conn: &Connection,
    dossier_id: i64,
    payment: PaymentStatus,
    now: i64,
) -> Result<(), DbError> {
    conn.execute(
        "UPDATE dossiers SET payment_status = ?2, updated_at = ?3 WHERE id = ?1",
        params![dossier_id, payment.as_str(), now],
    )?;
    Ok(())
}

fn bad_value(what: &str) -> DbError {
    DbError::Sqlite(rusqlite::Error::InvalidColumnType(
        0,
        what.to_string(),
        rusqlite::types::Type::Text,
    ))
}

fn procedures(conn: &Connection, dossier_id: i64) -> Result<Vec<Procedure>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT service_id, status FROM dossier_procedures WHERE dossier_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map(params![dossier_id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (service_id, s) = row?;
        let status = Status::parse(&s).ok_or_else(|| bad_value("procedure status"))?;
        out.push(Procedure { service_id, status });
    }
    Ok(out)
}

fn events(conn: &Connection, dossier_id: i64) -> Result<Vec<Event>, DbError> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, event, procedure, status, reason, actor, due, due_working_days
         FROM dossier_events WHERE dossier_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map(params![dossier_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, Option<u32>>(7)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (at, kind, procedure, s, reason, actor, due, due_days) = row?;
        let due = match (due, due_days) {
            (Some(d), Some(working_days)) => Some(Deadline {
                date: Date::parse_iso(&d).ok_or_else(|| bad_value("event deadline"))?,
                working_days,
            }),
            _ => None,
        };
        out.push(Event {
            at,
            kind: EventKind::parse(&kind).ok_or_else(|| bad_value("event"))?,
            procedure,
            status: match s {
                Some(s) => Some(Status::parse(&s).ok_or_else(|| bad_value("event status"))?),
                None => None,
            },
            reason,
            actor: Actor::from_db(&actor),
            due,
        });
    }
    Ok(out)
}

const SELECT: &str = "SELECT id, code, owner, applicant_kind, applicant_id_number, applicant_name,
        applicant_tax_code, lookup_secret, service_id, catalogue_version, answers_json, status,
        fee_amount, payment_status, created_at, updated_at
     FROM dossiers";

type Head = (Dossier, String, String);

fn head(r: &Row<'_>) -> rusqlite::Result<Head> {
    Ok((
        Dossier {
            id: r.get(0)?,
            code: r.get(1)?,
            owner: r.get(2)?,
            applicant_kind: r.get(3)?,
            applicant_id_number: r.get(4)?,
            applicant_name: r.get(5)?,
            applicant_tax_code: r.get(6)?,
            lookup_secret: r.get(7)?,
            service_id: r.get(8)?,
            catalogue_version: r.get(9)?,
            answers_json: r.get(10)?,
            status: Status::Received,
            fee_amount: r.get(12)?,
            payment_status: PaymentStatus::NotRequired,
            created_at: r.get(14)?,
            updated_at: r.get(15)?,
            procedures: Vec::new(),
            events: Vec::new(),
        },
        r.get(11)?,
        r.get(13)?,
    ))
}

fn finish(
    conn: &Connection,
    (mut d, status, payment): Head,
    full: bool,
) -> Result<Dossier, DbError> {
    d.status = Status::parse(&status).ok_or_else(|| bad_value("dossier status"))?;
    d.payment_status = PaymentStatus::parse(&payment).ok_or_else(|| bad_value("payment status"))?;
    d.procedures = procedures(conn, d.id)?;
    if full {
        d.events = events(conn, d.id)?;
    }
    Ok(d)
}

/// The dossier with this code, with its procedures and timeline.
pub fn by_code(conn: &Connection, code: &str) -> Result<Option<Dossier>, DbError> {
    let found = conn
        .query_row(&format!("{SELECT} WHERE code = ?1"), params![code], head)
        .optional()?;
    found.map(|h| finish(conn, h, true)).transpose()
}

pub fn by_id(conn: &Connection, id: i64) -> Result<Option<Dossier>, DbError> {
    let found = conn
        .query_row(&format!("{SELECT} WHERE id = ?1"), params![id], head)
        .optional()?;
    found.map(|h| finish(conn, h, true)).transpose()
}

/// Dossiers newest first, optionally only `owner`'s and only in `status`; without their
/// timelines.
pub fn list(
    conn: &Connection,
    owner: Option<&str>,
    status: Option<Status>,
    limit: i64,
) -> Result<Vec<Dossier>, DbError> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE (?1 IS NULL OR owner = ?1) AND (?2 IS NULL OR status = ?2)
         ORDER BY created_at DESC, id DESC LIMIT ?3"
    ))?;
    let heads = stmt
        .query_map(params![owner, status.map(Status::as_str), limit], head)?
        .collect::<Result<Vec<_>, _>>()?;
    heads.into_iter().map(|h| finish(conn, h, false)).collect()
}

/// Failed public lookups aimed at `target` (a code, or a digest of an ID number) since
/// `since`.
pub fn lookup_failures(conn: &Connection, target: &str, since: i64) -> Result<i64, DbError> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM lookup_failures WHERE target = ?1 AND at >= ?2",
        params![target, since],
        |r| r.get(0),
    )?)
}

/// Records a failed lookup aimed at `target`, and forgets those older than
/// `forget_before`.
pub fn record_lookup_failure(
    conn: &Connection,
    target: &str,
    now: i64,
    forget_before: i64,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO lookup_failures (target, at) VALUES (?1, ?2)",
        params![target, now],
    )?;
    conn.execute(
        "DELETE FROM lookup_failures WHERE at < ?1",
        params![forget_before],
    )?;
    Ok(())
}
