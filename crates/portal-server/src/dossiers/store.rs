//! Dossiers in the database: the dossier row, one row per linked procedure with its own
//! status, and an append-only list of events that is the status timeline.

use portal_core::validators::Date;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::status::{self, Status};
use crate::db::{Conn, DbError};

pub use portal_api::{EventKind, PaymentStatus};

/// Who caused an event. Staff are recorded by subject but shown as "the agency".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Applicant,
    Staff(String),
    Payment,
    /// An agency's system, by id (its status events, the portal's deliveries to it).
    Agency(String),
}

impl Actor {
    pub(super) fn to_db(&self) -> String {
        match self {
            Actor::Applicant => "applicant".into(),
            Actor::Staff(s) => format!("staff:{s}"),
            Actor::Payment => "payment".into(),
            Actor::Agency(system) => format!("agency:{system}"),
        }
    }

    fn from_db(s: &str) -> Actor {
        if let Some(system) = s.strip_prefix("agency:") {
            return Actor::Agency(system.to_string());
        }
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

/// The agency a dossier was routed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routed {
    pub system: String,
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
}

impl From<&portal_core::admin_units::routing::Receiving> for Routed {
    fn from(r: &portal_core::admin_units::routing::Receiving) -> Routed {
        Routed {
            system: r.system.clone(),
            code: r.code.clone(),
            name_vi: r.name.vi.clone(),
            name_en: r.name.en.clone(),
        }
    }
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
    /// Where it was routed; `None` for dossiers filed before routing, or for a service
    /// whose form names no place.
    pub agency: Option<Routed>,
    /// The sequence of the last agency event applied.
    pub agency_sequence: i64,
    /// Where to collect a result that is not a document.
    pub result_note: Option<String>,
    /// The result document (attachment id and name).
    pub result_document: Option<(String, String)>,
    /// The applicant's rating, once given.
    pub rating: Option<Rating>,
    pub procedures: Vec<Procedure>,
    pub events: Vec<Event>,
}

/// How the applicant rated the handling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    pub value: portal_api::Satisfaction,
    pub comment: Option<String>,
    /// Seconds since the Unix epoch.
    pub at: i64,
}

/// Records the rating; `false` when the dossier already has one (a conditional update:
/// of two at once, on either engine, exactly one finds the column empty).
pub async fn rate(conn: &mut Conn, dossier_id: i64, r: &Rating) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE dossiers SET rating = $1, rating_comment = $2, rated_at = $3
         WHERE id = $4 AND rating IS NULL",
    )
    .bind(r.value.as_str())
    .bind(r.comment.as_deref())
    .bind(r.at)
    .bind(dossier_id)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let on = Date::today_in_vietnam(r.at.saturating_mul(1000));
    crate::statistics::cells::rated(conn, dossier_id, on, r.value).await?;
    Ok(true)
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
    pub agency: Option<&'a Routed>,
    pub now: i64,
    /// For the statistics: the day it is due (none when the service's processing time
    /// is not bounded in working days) and the province it was filed in.
    pub due_on: Option<&'a str>,
    pub province: Option<&'a str>,
    /// Received at a one-stop centre's counter rather than filed online.
    pub at_centre: bool,
    /// Generated for a demonstration or a benchmark (`portal-server generate`), never by
    /// a person: the statistics say so when they count one.
    pub generated: bool,
    /// Other filings are on their way at the same time: the statistics count it in a
    /// spare row of its cell, so that they need not wait for one another's commits.
    pub among_others: bool,
}

/// The dossier's row as [`insert`] writes it, with its 23 values as [`bind_dossier`]
/// binds them (`$1` to `$23`): written once for the filing on either engine
/// (`super::filing` puts it first in one statement on PostgreSQL). A macro, so that
/// `concat!` can build whole statements around it at compile time.
macro_rules! insert_dossier {
    () => {
        "INSERT INTO dossiers (code, owner, applicant_kind, applicant_id_number, applicant_name,
             applicant_tax_code, lookup_secret, service_id, catalogue_version, answers_json,
             status, fee_amount, payment_status, created_at, updated_at,
             agency_system, agency_code, agency_name_vi, agency_name_en,
             received_on, due_on, province, channel, generated)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14,
             $15, $16, $17, $18, $19, $20, $21, $22, $23)"
    };
}
pub(super) use insert_dossier;

/// Binds a new dossier's values to `insert_dossier!`'s `$1` to `$23`.
pub(super) fn bind_dossier<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    d: &'q NewDossier<'q>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    q.bind(d.code)
        .bind(d.owner)
        .bind(d.applicant_kind)
        .bind(d.applicant_id_number)
        .bind(d.applicant_name)
        .bind(d.applicant_tax_code)
        .bind(d.lookup_secret)
        .bind(d.service_id)
        .bind(d.catalogue_version)
        .bind(d.answers_json)
        .bind(Status::Received.as_str())
        .bind(d.fee_amount)
        .bind(d.payment_status.as_str())
        .bind(d.now)
        .bind(d.agency.map(|a| a.system.as_str()))
        .bind(d.agency.map(|a| a.code.as_str()))
        .bind(d.agency.map(|a| a.name_vi.as_str()))
        .bind(d.agency.map(|a| a.name_en.as_str()))
        .bind(received_on(d).iso())
        .bind(d.due_on)
        .bind(d.province)
        .bind(if d.at_centre { "centre" } else { "online" })
        .bind(i64::from(d.generated))
}

/// The day a new dossier is received, in Vietnam.
pub(super) fn received_on(d: &NewDossier<'_>) -> Date {
    Date::today_in_vietnam(d.now.saturating_mul(1000))
}

/// Inserts the dossier, its procedures (all `received`) and the `submitted` event, and
/// counts it in the statistics last (on PostgreSQL that locks a row of a shared cell
/// until the commit: the later, the shorter).
pub async fn insert(conn: &mut Conn, d: &NewDossier<'_>) -> Result<i64, DbError> {
    let received = received_on(d);
    let id: i64 = bind_dossier(sqlx::query(concat!(insert_dossier!(), " RETURNING id")), d)
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)?;
    for (i, p) in d.procedures.iter().enumerate() {
        sqlx::query(
            "INSERT INTO dossier_procedures (dossier_id, position, service_id, status, updated_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(i as i64)
        .bind(p.as_str())
        .bind(Status::Received.as_str())
        .bind(d.now)
        .execute(&mut *conn)
        .await?;
    }
    add_event(conn, id, &submitted_event(d.now)).await?;
    crate::statistics::cells::filed(conn, id, received, d.at_centre, d.among_others).await?;
    Ok(id)
}

/// The dossier [`insert`] wrote, as [`by_id`] would read it back.
pub fn as_inserted(id: i64, d: &NewDossier<'_>) -> Dossier {
    Dossier {
        id,
        code: d.code.to_string(),
        owner: d.owner.to_string(),
        applicant_kind: d.applicant_kind.to_string(),
        applicant_id_number: d.applicant_id_number.to_string(),
        applicant_name: d.applicant_name.to_string(),
        applicant_tax_code: d.applicant_tax_code.map(str::to_string),
        lookup_secret: d.lookup_secret.to_string(),
        service_id: d.service_id.to_string(),
        catalogue_version: d.catalogue_version.to_string(),
        answers_json: d.answers_json.to_string(),
        status: Status::Received,
        fee_amount: d.fee_amount,
        payment_status: d.payment_status,
        created_at: d.now,
        updated_at: d.now,
        agency: d.agency.cloned(),
        agency_sequence: 0,
        result_note: None,
        result_document: None,
        rating: None,
        procedures: d
            .procedures
            .iter()
            .map(|p| Procedure {
                service_id: p.clone(),
                status: Status::Received,
            })
            .collect(),
        events: vec![submitted_event(d.now)],
    }
}

pub(super) fn submitted_event(at: i64) -> Event {
    Event {
        at,
        kind: EventKind::Submitted,
        procedure: None,
        status: Some(Status::Received),
        reason: None,
        actor: Actor::Applicant,
        due: None,
    }
}

pub async fn add_event(conn: &mut Conn, dossier_id: i64, e: &Event) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO dossier_events (dossier_id, at, event, procedure, status, reason, actor,
             due, due_working_days)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(dossier_id)
    .bind(e.at)
    .bind(e.kind.as_str())
    .bind(e.procedure.as_deref())
    .bind(e.status.map(Status::as_str))
    .bind(e.reason.as_deref())
    .bind(e.actor.to_db())
    .bind(e.due.map(|d| d.date.iso()))
    .bind(e.due.map(|d| i64::from(d.working_days)))
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes the dossier's row lock until the transaction ends (on PostgreSQL; SQLite's one
/// connection already runs transactions one at a time): writes that read the dossier
/// and then decide, such as starting a payment or changing a status, take it first so
/// two instances take turns. Written as a no-op `UPDATE` because `SELECT … FOR UPDATE`
/// is not SQLite.
pub async fn lock(conn: &mut Conn, dossier_id: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE dossiers SET updated_at = updated_at WHERE id = $1")
        .bind(dossier_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Sets some procedures' statuses and recomputes the dossier's.
pub async fn set_procedure_statuses(
    conn: &mut Conn,
    dossier_id: i64,
    changes: &[(String, Status)],
    now: i64,
) -> Result<Status, DbError> {
    for (service_id, s) in changes {
        sqlx::query(
            "UPDATE dossier_procedures SET status = $3, updated_at = $4
             WHERE dossier_id = $1 AND service_id = $2",
        )
        .bind(dossier_id)
        .bind(service_id.as_str())
        .bind(s.as_str())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    let statuses: Vec<Status> = procedures(conn, dossier_id)
        .await?
        .into_iter()
        .map(|p| p.status)
        .collect();
    let overall = status::overall(&statuses);
    sqlx::query("UPDATE dossiers SET status = $2, updated_at = $3 WHERE id = $1")
        .bind(dossier_id)
        .bind(overall.as_str())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    // The day of the first decision, for the statistics' "decided on time" (a dossier
    // later moved again keeps it).
    if overall.is_decided() {
        let today = Date::today_in_vietnam(now.saturating_mul(1000));
        let first =
            sqlx::query("UPDATE dossiers SET decided_on = $2 WHERE id = $1 AND decided_on IS NULL")
                .bind(dossier_id)
                .bind(today.iso())
                .execute(&mut *conn)
                .await?;
        if first.rows_affected() == 1 {
            crate::statistics::cells::decided(conn, dossier_id, today).await?;
        }
    }
    Ok(overall)
}

pub async fn set_payment_status(
    conn: &mut Conn,
    dossier_id: i64,
    payment: PaymentStatus,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query("UPDATE dossiers SET payment_status = $2, updated_at = $3 WHERE id = $1")
        .bind(dossier_id)
        .bind(payment.as_str())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

fn bad_value(what: &str) -> DbError {
    DbError::Data(format!("a stored {what} is not one this server knows"))
}

async fn procedures(conn: &mut Conn, dossier_id: i64) -> Result<Vec<Procedure>, DbError> {
    let rows = sqlx::query(
        "SELECT service_id, status FROM dossier_procedures WHERE dossier_id = $1 ORDER BY position",
    )
    .bind(dossier_id)
    .fetch_all(conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let s: String = r.try_get(1)?;
        let status = Status::parse(&s).ok_or_else(|| bad_value("procedure status"))?;
        out.push(Procedure {
            service_id: r.try_get(0)?,
            status,
        });
    }
    Ok(out)
}

async fn events(conn: &mut Conn, dossier_id: i64) -> Result<Vec<Event>, DbError> {
    let rows = sqlx::query(
        "SELECT at, event, procedure, status, reason, actor, due, due_working_days
         FROM dossier_events WHERE dossier_id = $1 ORDER BY id",
    )
    .bind(dossier_id)
    .fetch_all(conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let kind: String = r.try_get(1)?;
        let s: Option<String> = r.try_get(3)?;
        let actor: String = r.try_get(5)?;
        let due: Option<String> = r.try_get(6)?;
        let due_days: Option<i64> = r.try_get(7)?;
        let due = match (due, due_days) {
            (Some(d), Some(working_days)) => Some(Deadline {
                date: Date::parse_iso(&d).ok_or_else(|| bad_value("event deadline"))?,
                working_days: u32::try_from(working_days)
                    .map_err(|_| bad_value("event deadline"))?,
            }),
            _ => None,
        };
        out.push(Event {
            at: r.try_get(0)?,
            kind: EventKind::parse(&kind).ok_or_else(|| bad_value("event"))?,
            procedure: r.try_get(2)?,
            status: match s {
                Some(s) => Some(Status::parse(&s).ok_or_else(|| bad_value("event status"))?),
                None => None,
            },
            reason: r.try_get(4)?,
            actor: Actor::from_db(&actor),
            due,
        });
    }
    Ok(out)
}

const SELECT: &str = "SELECT id, code, owner, applicant_kind, applicant_id_number, applicant_name,
        applicant_tax_code, lookup_secret, service_id, catalogue_version, answers_json, status,
        fee_amount, payment_status, created_at, updated_at,
        agency_system, agency_code, agency_name_vi, agency_name_en, agency_sequence, result_note,
        result_document_id, result_document_name, rating, rating_comment, rated_at
     FROM dossiers";

fn head(r: &AnyRow) -> Result<Dossier, DbError> {
    let status: String = r.try_get(11)?;
    let payment: String = r.try_get(13)?;
    Ok(Dossier {
        id: r.try_get(0)?,
        code: r.try_get(1)?,
        owner: r.try_get(2)?,
        applicant_kind: r.try_get(3)?,
        applicant_id_number: r.try_get(4)?,
        applicant_name: r.try_get(5)?,
        applicant_tax_code: r.try_get(6)?,
        lookup_secret: r.try_get(7)?,
        service_id: r.try_get(8)?,
        catalogue_version: r.try_get(9)?,
        answers_json: r.try_get(10)?,
        status: Status::parse(&status).ok_or_else(|| bad_value("dossier status"))?,
        fee_amount: r.try_get(12)?,
        payment_status: PaymentStatus::parse(&payment)
            .ok_or_else(|| bad_value("payment status"))?,
        created_at: r.try_get(14)?,
        updated_at: r.try_get(15)?,
        agency: match (
            r.try_get::<Option<String>, _>(16)?,
            r.try_get::<Option<String>, _>(17)?,
        ) {
            (Some(system), Some(code)) => Some(Routed {
                system,
                code,
                name_vi: r.try_get::<Option<String>, _>(18)?.unwrap_or_default(),
                name_en: r.try_get::<Option<String>, _>(19)?.unwrap_or_default(),
            }),
            _ => None,
        },
        agency_sequence: r.try_get(20)?,
        result_note: r.try_get(21)?,
        result_document: match (
            r.try_get::<Option<String>, _>(22)?,
            r.try_get::<Option<String>, _>(23)?,
        ) {
            (Some(id), name) => Some((id, name.unwrap_or_default())),
            _ => None,
        },
        rating: match (
            r.try_get::<Option<String>, _>(24)?,
            r.try_get::<Option<i64>, _>(26)?,
        ) {
            (Some(value), Some(at)) => Some(Rating {
                value: portal_api::Satisfaction::parse(&value)
                    .ok_or_else(|| bad_value("rating"))?,
                comment: r.try_get(25)?,
                at,
            }),
            _ => None,
        },
        procedures: Vec::new(),
        events: Vec::new(),
    })
}

async fn finish(conn: &mut Conn, mut d: Dossier, full: bool) -> Result<Dossier, DbError> {
    d.procedures = procedures(conn, d.id).await?;
    if full {
        d.events = events(conn, d.id).await?;
    }
    Ok(d)
}

/// The dossier with this code, with its procedures and timeline.
pub async fn by_code(conn: &mut Conn, code: &str) -> Result<Option<Dossier>, DbError> {
    let found = sqlx::query(&format!("{SELECT} WHERE code = $1"))
        .bind(code)
        .fetch_optional(&mut *conn)
        .await?;
    match found {
        Some(r) => Ok(Some(finish(conn, head(&r)?, true).await?)),
        None => Ok(None),
    }
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<Dossier>, DbError> {
    by_id_with(conn, id, true).await
}

/// The dossier with its procedures but without its timeline (`events` empty): what a
/// delivery to the agency carries.
pub async fn by_id_without_timeline(conn: &mut Conn, id: i64) -> Result<Option<Dossier>, DbError> {
    by_id_with(conn, id, false).await
}

async fn by_id_with(conn: &mut Conn, id: i64, full: bool) -> Result<Option<Dossier>, DbError> {
    let found = sqlx::query(&format!("{SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    match found {
        Some(r) => Ok(Some(finish(conn, head(&r)?, full).await?)),
        None => Ok(None),
    }
}

/// Dossiers newest first, optionally only `owner`'s and only in `status`; without their
/// timelines.
pub async fn list(
    conn: &mut Conn,
    owner: Option<&str>,
    status: Option<Status>,
    limit: i64,
) -> Result<Vec<Dossier>, DbError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE ($1 IS NULL OR owner = $1) AND ($2 IS NULL OR status = $2)
         ORDER BY created_at DESC, id DESC LIMIT $3"
    ))
    .bind(owner)
    .bind(status.map(Status::as_str))
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(finish(conn, head(&r)?, false).await?);
    }
    Ok(out)
}

/// Failed public lookups aimed at `target` (a code, or a digest of an ID number) since
/// `since`.
pub async fn lookup_failures(conn: &mut Conn, target: &str, since: i64) -> Result<i64, DbError> {
    Ok(
        sqlx::query("SELECT COUNT(*) FROM lookup_failures WHERE target = $1 AND at >= $2")
            .bind(target)
            .bind(since)
            .fetch_one(conn)
            .await?
            .try_get(0)?,
    )
}

/// Records a failed lookup aimed at `target`, and forgets those older than
/// `forget_before`.
pub async fn record_lookup_failure(
    conn: &mut Conn,
    target: &str,
    now: i64,
    forget_before: i64,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO lookup_failures (target, at) VALUES ($1, $2)")
        .bind(target)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM lookup_failures WHERE at < $1")
        .bind(forget_before)
        .execute(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_dossier_as_inserted_is_the_one_read_back() {
        let db = crate::db::memory().await;
        let mut c = db.conn().await.unwrap();
        let procedures = ["birth-registration".to_string(), "residence".to_string()];
        let new = NewDossier {
            code: "X-261204-0001",
            owner: "sandbox-citizen-an",
            applicant_kind: "business",
            applicant_id_number: "001085012345",
            applicant_name: "Công ty Thử",
            applicant_tax_code: Some("0101234567"),
            lookup_secret: "ABCD-EFGH",
            service_id: "birth-bundle",
            catalogue_version: "v1",
            answers_json: "{\"a\":1}",
            procedures: &procedures,
            fee_amount: Some(8000),
            payment_status: PaymentStatus::Unpaid,
            agency: Some(&Routed {
                system: "province-79".into(),
                code: "H79.X26740".into(),
                name_vi: "Trung tâm".into(),
                name_en: "Centre".into(),
            }),
            now: 1_765_000_000,
            due_on: Some("2026-12-10"),
            at_centre: false,
            generated: false,
            among_others: false,
            province: Some("01"),
        };
        let id = insert(&mut c, &new).await.unwrap();
        let read = by_id(&mut c, id).await.unwrap().unwrap();
        // Debug output covers every field, events included.
        assert_eq!(format!("{:?}", as_inserted(id, &new)), format!("{read:?}"));
    }

    #[test]
    fn a_receipt_does_not_show_the_dossier_id() {
        // The filing makes its receipt before the database gives the id.
        let procedures = ["death-registration".to_string()];
        let new = NewDossier {
            code: "X-261204-0002",
            owner: "o",
            applicant_kind: "citizen",
            applicant_id_number: "001085012345",
            applicant_name: "A",
            applicant_tax_code: None,
            lookup_secret: "ABCD-EFGH",
            service_id: "death-registration",
            catalogue_version: "v1",
            answers_json: "{}",
            procedures: &procedures,
            fee_amount: None,
            payment_status: PaymentStatus::NotRequired,
            agency: None,
            now: 1_765_000_000,
            due_on: None,
            at_centre: false,
            generated: false,
            among_others: false,
            province: None,
        };
        let receipt = |id| {
            serde_json::to_string(&super::super::view::receipt(&as_inserted(id, &new), &[]))
                .unwrap()
        };
        assert_eq!(receipt(0), receipt(41));
    }
}
