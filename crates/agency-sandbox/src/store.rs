//! The sandbox's SQLite database: dossiers as delivered (kept once per delivery id), their
//! files, and the events sent back with the portal's last answer to each. One connection,
//! so every transaction runs alone.

use std::path::Path;
use std::time::Duration;

use portal_api::agency::{AgencyEvent, AgencyEventKind, Delivery, DeliveryKind, EventOutcome};
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use sqlx::{Row, SqliteConnection};

static MIGRATIONS: Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the folder {path}: {source}")]
    Folder {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("migrating the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data could not be read or written: {0}")]
    Data(#[from] serde_json::Error),
}

/// Where an event stands with the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type, serde::Serialize, serde::Deserialize)]
#[sqlx(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum SendState {
    /// Not taken yet: the background loop sends it (again).
    Pending,
    /// The portal answered with an [`EventOutcome`].
    Answered,
    /// The portal refused it for good (a 4xx): sent again only when the officer asks.
    Refused,
}

/// What the portal's answer to one try was, as recorded.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub state: SendState,
    pub outcome: Option<EventOutcome>,
    /// In words, for the officer's page.
    pub answer: String,
}

/// What [`Store::record_delivery`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// False for a delivery id already stored: only its repeat count changed.
    pub first_time: bool,
    /// The `received` event queued because this delivery brought a new dossier.
    pub received_event: Option<String>,
}

/// A dossier's own details, as its first delivery described it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DossierRow {
    pub code: String,
    pub system: String,
    pub service_id: String,
    pub service_name_vi: String,
    /// JSON array; see [`DossierRow::procedures`].
    pub procedures: String,
    pub agency_code: String,
    pub agency_name_vi: String,
    pub agency_name_en: String,
    pub submitted_at: String,
    pub applicant_name: String,
    pub applicant_id_number: String,
    pub answers: Option<String>,
    pub received_at: String,
}

impl DossierRow {
    pub fn procedures(&self) -> Vec<String> {
        serde_json::from_str(&self.procedures).unwrap_or_default()
    }

    /// The answers' JSON as delivered.
    pub fn answers(&self) -> Option<serde_json::Value> {
        self.answers
            .as_deref()
            .and_then(|a| serde_json::from_str(a).ok())
    }
}

/// One line of the inbox.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InboxRow {
    pub code: String,
    pub service_name_vi: String,
    pub applicant_name: String,
    pub agency_name_vi: String,
    pub agency_name_en: String,
    pub received_at: String,
    /// The latest event's type (`received`, `processing`, ...).
    pub last_event: Option<String>,
    pub last_event_at: Option<String>,
    /// When the applicant last added documents.
    pub last_documents_at: Option<String>,
    /// Distinct deliveries.
    pub deliveries: i64,
    /// Deliveries received, repeats included.
    pub times_received: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeliveryRow {
    pub delivery_id: String,
    pub system: String,
    pub kind: String,
    pub note: Option<String>,
    pub received_at: String,
    pub times_received: i64,
    pub last_received_at: String,
    pub files: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FileRow {
    pub id: String,
    pub delivery_id: String,
    pub field: String,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventRow {
    pub event_id: String,
    pub sequence: i64,
    pub kind: String,
    pub at: String,
    pub body: String,
    pub state: SendState,
    pub outcome: Option<String>,
    pub answer: Option<String>,
    pub attempts: i64,
    pub last_attempt_at: Option<String>,
}

impl EventRow {
    /// The event as sent.
    pub fn event(&self) -> Option<AgencyEvent> {
        serde_json::from_str(&self.body).ok()
    }

    pub fn outcome(&self) -> Option<EventOutcome> {
        self.outcome.as_deref().and_then(outcome_from_text)
    }
}

/// A downloaded file's bytes.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredFile {
    pub name: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// An event to send: its body exactly as stored, and the system whose key signs it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Outgoing {
    pub event_id: String,
    pub dossier_code: String,
    pub system: String,
    pub body: String,
}

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

pub fn outcome_text(o: EventOutcome) -> &'static str {
    match o {
        EventOutcome::Applied => "applied",
        EventOutcome::Duplicate => "duplicate",
        EventOutcome::Stale => "stale",
    }
}

fn outcome_from_text(s: &str) -> Option<EventOutcome> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// The `type` an event's JSON carries.
pub fn kind_name(kind: &AgencyEventKind) -> &'static str {
    match kind {
        AgencyEventKind::Received => "received",
        AgencyEventKind::DocumentsRequested { .. } => "documents_requested",
        AgencyEventKind::Processing => "processing",
        AgencyEventKind::ResultReady { .. } => "result_ready",
        AgencyEventKind::Refused { .. } => "refused",
    }
}

fn delivery_kind_name(kind: DeliveryKind) -> &'static str {
    match kind {
        DeliveryKind::Dossier => "dossier",
        DeliveryKind::Documents => "documents",
    }
}

impl Store {
    /// Opens (creating it and its folder if need be) and migrates the database at `path`.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Folder {
                path: parent.display().to_string(),
                source,
            })?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options)
            .await?;
        MIGRATIONS.run(&pool).await?;
        Ok(Store { pool })
    }

    /// Stores a verified delivery whose files' bytes are `data` (in the order of
    /// `delivery.files`), once per delivery id. A `dossier` delivery that brings a new
    /// dossier also queues its `received` event under `received_event_id`, in the same
    /// transaction, so the event cannot be lost between the two. Documents for a dossier
    /// this sandbox never saw (its database was reset) start a dossier from what the
    /// delivery says, with no answers and no automatic event.
    pub async fn record_delivery(
        &self,
        system: &str,
        delivery: &Delivery,
        data: &[Vec<u8>],
        received_event_id: &str,
    ) -> Result<Recorded, StoreError> {
        let now = crate::clock::now_stamp();
        let mut tx = self.pool.begin().await?;
        let repeat = sqlx::query(
            "UPDATE deliveries SET times_received = times_received + 1, last_received_at = ?
             WHERE delivery_id = ?",
        )
        .bind(&now)
        .bind(&delivery.delivery_id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        if repeat {
            tx.commit().await?;
            return Ok(Recorded {
                first_time: false,
                received_event: None,
            });
        }
        let new_dossier = sqlx::query(
            "INSERT INTO dossiers (code, system, service_id, service_name_vi, procedures,
                 agency_code, agency_name_vi, agency_name_en, submitted_at, applicant_name,
                 applicant_id_number, answers, received_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (code) DO NOTHING",
        )
        .bind(&delivery.dossier_code)
        .bind(system)
        .bind(&delivery.service_id)
        .bind(&delivery.service_name_vi)
        .bind(serde_json::to_string(&delivery.procedures)?)
        .bind(&delivery.agency.code)
        .bind(&delivery.agency.name_vi)
        .bind(&delivery.agency.name_en)
        .bind(&delivery.submitted_at)
        .bind(&delivery.applicant_name)
        .bind(&delivery.applicant_id_number)
        .bind(
            delivery
                .answers
                .as_ref()
                .map(serde_json::to_string)
                .transpose()?,
        )
        .bind(&now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        sqlx::query(
            "INSERT INTO deliveries (delivery_id, dossier_code, system, kind, note, received_at,
                 last_received_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&delivery.delivery_id)
        .bind(&delivery.dossier_code)
        .bind(system)
        .bind(delivery_kind_name(delivery.kind))
        .bind(&delivery.note)
        .bind(&now)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        for (file, bytes) in delivery.files.iter().zip(data) {
            // A file the dossier already has (the same id sent again) keeps its first copy.
            sqlx::query(
                "INSERT INTO files (dossier_code, id, delivery_id, field, name, content_type,
                     size, sha256, data)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (dossier_code, id) DO NOTHING",
            )
            .bind(&delivery.dossier_code)
            .bind(&file.id)
            .bind(&delivery.delivery_id)
            .bind(&file.field)
            .bind(&file.name)
            .bind(&file.content_type)
            .bind(bytes.len() as i64)
            .bind(&file.sha256)
            .bind(bytes.as_slice())
            .execute(&mut *tx)
            .await?;
        }
        // Only a new dossier is acknowledged with `received`: documents added later are
        // the answer to the agency's own request.
        let received_event = if new_dossier && delivery.kind == DeliveryKind::Dossier {
            insert_event(
                &mut tx,
                &delivery.dossier_code,
                received_event_id,
                AgencyEventKind::Received,
            )
            .await?;
            Some(received_event_id.to_string())
        } else {
            None
        };
        tx.commit().await?;
        Ok(Recorded {
            first_time: true,
            received_event,
        })
    }

    /// Queues an event for the dossier `code` under `event_id`, with the dossier's next
    /// sequence number; `None` when there is no such dossier.
    pub async fn add_event(
        &self,
        code: &str,
        event_id: &str,
        kind: AgencyEventKind,
    ) -> Result<Option<AgencyEvent>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let event = insert_event(&mut tx, code, event_id, kind).await?;
        tx.commit().await?;
        Ok(event)
    }

    /// Every event not yet taken, by dossier and then in sequence order.
    pub async fn events_to_send(&self) -> Result<Vec<Outgoing>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT event_id, dossier_code, system, body FROM events
             WHERE state = 'pending' ORDER BY dossier_code, sequence",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn record_attempt(&self, event_id: &str, a: &Attempt) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE events SET state = ?, outcome = ?, answer = ?, attempts = attempts + 1,
                 last_attempt_at = ?
             WHERE event_id = ?",
        )
        .bind(a.state)
        .bind(a.outcome.map(outcome_text))
        .bind(&a.answer)
        .bind(crate::clock::now_stamp())
        .bind(event_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Puts an event of dossier `code` back in the queue; false when there is no such event.
    pub async fn send_again(&self, code: &str, event_id: &str) -> Result<bool, StoreError> {
        Ok(sqlx::query(
            "UPDATE events SET state = 'pending' WHERE dossier_code = ? AND event_id = ?",
        )
        .bind(code)
        .bind(event_id)
        .execute(&self.pool)
        .await?
        .rows_affected()
            > 0)
    }

    /// Every dossier, newest first.
    pub async fn inbox(&self) -> Result<Vec<InboxRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT d.code, d.service_name_vi, d.applicant_name, d.agency_name_vi,
                 d.agency_name_en, d.received_at,
                 (SELECT kind FROM events e WHERE e.dossier_code = d.code
                     ORDER BY sequence DESC LIMIT 1) AS last_event,
                 (SELECT MAX(at) FROM events e WHERE e.dossier_code = d.code) AS last_event_at,
                 (SELECT MAX(received_at) FROM deliveries x
                     WHERE x.dossier_code = d.code AND x.kind = 'documents') AS last_documents_at,
                 (SELECT COUNT(*) FROM deliveries x WHERE x.dossier_code = d.code) AS deliveries,
                 (SELECT COALESCE(SUM(times_received), 0) FROM deliveries x
                     WHERE x.dossier_code = d.code) AS times_received
             FROM dossiers d ORDER BY d.received_at DESC, d.code DESC",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn dossier(&self, code: &str) -> Result<Option<DossierRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT code, system, service_id, service_name_vi, procedures, agency_code,
                 agency_name_vi, agency_name_en, submitted_at, applicant_name,
                 applicant_id_number, answers, received_at
             FROM dossiers WHERE code = ?",
        )
        .bind(code)
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn dossier_codes(&self) -> Result<Vec<(String, String)>, StoreError> {
        Ok(
            sqlx::query_as("SELECT code, system FROM dossiers ORDER BY received_at, code")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// The dossier's deliveries, oldest first.
    pub async fn deliveries(&self, code: &str) -> Result<Vec<DeliveryRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT x.delivery_id, x.system, x.kind, x.note, x.received_at, x.times_received,
                 x.last_received_at,
                 (SELECT COUNT(*) FROM files f WHERE f.delivery_id = x.delivery_id) AS files
             FROM deliveries x WHERE x.dossier_code = ? ORDER BY x.received_at, x.delivery_id",
        )
        .bind(code)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The dossier's files (without their bytes), in the order they arrived.
    pub async fn files(&self, code: &str) -> Result<Vec<FileRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, delivery_id, field, name, content_type, size, sha256
             FROM files WHERE dossier_code = ? ORDER BY rowid",
        )
        .bind(code)
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn file(&self, code: &str, id: &str) -> Result<Option<StoredFile>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT name, content_type, data FROM files WHERE dossier_code = ? AND id = ?",
        )
        .bind(code)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The dossier's events in sequence order.
    pub async fn events(&self, code: &str) -> Result<Vec<EventRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT event_id, sequence, kind, at, body, state, outcome, answer, attempts,
                 last_attempt_at
             FROM events WHERE dossier_code = ? ORDER BY sequence",
        )
        .bind(code)
        .fetch_all(&self.pool)
        .await?)
    }
}

/// Inserts an event with the dossier's next sequence number (taken and advanced in the
/// same statement); `None` when the dossier does not exist.
async fn insert_event(
    conn: &mut SqliteConnection,
    code: &str,
    event_id: &str,
    kind: AgencyEventKind,
) -> Result<Option<AgencyEvent>, StoreError> {
    let Some(row) = sqlx::query(
        "UPDATE dossiers SET next_sequence = next_sequence + 1 WHERE code = ?
         RETURNING next_sequence - 1 AS sequence, system",
    )
    .bind(code)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let sequence: i64 = row.try_get("sequence")?;
    let system: String = row.try_get("system")?;
    let event = AgencyEvent {
        event_id: event_id.to_string(),
        dossier_code: code.to_string(),
        sequence: sequence.unsigned_abs(),
        at: crate::clock::now_stamp(),
        kind,
    };
    sqlx::query(
        "INSERT INTO events (event_id, dossier_code, system, sequence, kind, at, body)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&event.event_id)
    .bind(code)
    .bind(&system)
    .bind(sequence)
    .bind(kind_name(&event.kind))
    .bind(&event.at)
    .bind(serde_json::to_string(&event)?)
    .execute(&mut *conn)
    .await?;
    Ok(Some(event))
}
