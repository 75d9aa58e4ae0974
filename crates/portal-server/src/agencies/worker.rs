//! The delivery worker: takes due deliveries from the outbox, sends each to its agency
//! system signed, and records the outcome. A 2xx answer carrying the delivery's id is an
//! acknowledgement; anything else (refused, 5xx, timeout, garbage, no such system
//! configured) is retried with exponential backoff and full jitter, until the delivery
//! is older than the longest age, when it is given up for staff to see and send again.
//!
//! Every instance runs one; on PostgreSQL their claims skip each other's rows
//! ([`super::outbox::claim`]).

use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use portal_api::agency::{DeliveredFile, Delivery, DeliveryAck, DeliveryKind, ReceivingAgency};
use tokio::sync::Notify;

use super::outbox::{self, Record};
use crate::attachments;
use crate::db::DbError;
use crate::dossiers::store::{self, Actor, Event, EventKind};
use crate::{clock, AppState};

/// How a worker paces itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    /// The first retry waits about this long; each next one twice as long.
    pub first_backoff: Duration,
    /// No retry waits longer than this.
    pub max_backoff: Duration,
    /// A delivery not acknowledged by this age is given up.
    pub max_age: Duration,
    /// How long one attempt may take.
    pub timeout: Duration,
    /// How long a claimed delivery is this worker's alone.
    pub lease: Duration,
    /// Deliveries sent at once.
    pub batch: i64,
}

impl Default for Pace {
    fn default() -> Pace {
        Pace {
            first_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(300),
            max_age: Duration::from_secs(3 * 24 * 3600),
            timeout: Duration::from_secs(10),
            lease: Duration::from_secs(60),
            batch: 64,
        }
    }
}

/// The wait before attempt `attempts + 1`: `first · 2^(attempts-1)`, capped, with full
/// jitter in its upper half (`jitter` in 0..=1), so a thousand deliveries failing
/// together do not come back together.
pub fn backoff(pace: &Pace, attempts: i64, jitter: f64) -> Duration {
    let exp = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(u32::MAX)
        .min(30);
    let full = pace
        .first_backoff
        .saturating_mul(1u32 << exp)
        .min(pace.max_backoff);
    full.mul_f64(0.5 + 0.5 * jitter.clamp(0.0, 1.0))
}

fn jitter() -> f64 {
    let mut b = [0u8; 2];
    let _ = getrandom::fill(&mut b);
    f64::from(u16::from_le_bytes(b)) / f64::from(u16::MAX)
}

/// Runs until the task is dropped: delivers what is due, then waits to be woken (a
/// dossier filed in this process) or half a second (one filed through another instance,
/// or a retry falling due).
pub async fn run(state: AppState, wake: Arc<Notify>) {
    if state.agencies.is_empty() {
        // Nowhere to send: deliveries wait in the outbox for a restart with agencies
        // configured, and nothing polls the database meanwhile.
        return;
    }
    let pace = state.config.delivery;
    loop {
        let now = clock::now_ms();
        let claimed = async {
            let mut c = state.db.conn().await?;
            outbox::claim(
                &mut c,
                state.db.engine(),
                now,
                pace.lease.as_millis() as i64,
                pace.batch,
            )
            .await
        }
        .await;
        match claimed {
            Ok(batch) if !batch.is_empty() => deliver_batch(&state, batch).await,
            Ok(_) => {
                let _ = tokio::time::timeout(Duration::from_millis(500), wake.notified()).await;
            }
            Err(e) => {
                tracing::warn!("delivery worker: the outbox cannot be read: {e}");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

/// One attempt at each delivery of a batch: their payloads read on one connection, sent
/// all at once, and their outcomes recorded in one transaction (one commit for the batch,
/// not one per delivery: the database is shared with the submissions).
async fn deliver_batch(state: &AppState, batch: Vec<Record>) {
    let payloads = match read_payloads(state, &batch).await {
        Ok(p) => p,
        Err(e) => {
            // The leases run out and the batch is claimed again.
            tracing::warn!("delivery worker: the dossiers cannot be read: {e}");
            tokio::time::sleep(Duration::from_secs(1)).await;
            return;
        }
    };
    let mut sends = tokio::task::JoinSet::new();
    for (record, payload) in batch.into_iter().zip(payloads) {
        let state = state.clone();
        sends.spawn(async move {
            let outcome = match payload {
                Some(delivery) => attempt(&state, &record, &delivery).await,
                None => Err("the dossier is gone".to_string()),
            };
            (record, outcome)
        });
    }
    let mut outcomes = Vec::new();
    while let Some(done) = sends.join_next().await {
        if let Ok(o) = done {
            outcomes.push(o);
        }
    }
    if let Err(e) = record_outcomes(state, &outcomes).await {
        // The leases run out and these are sent again; the agency keeps one copy each.
        tracing::warn!("delivery worker: outcomes could not be recorded: {e}");
    }
}

async fn read_payloads(
    state: &AppState,
    batch: &[Record],
) -> Result<Vec<Option<Delivery>>, DbError> {
    let mut c = state.db.conn().await?;
    let mut out = Vec::with_capacity(batch.len());
    for record in batch {
        out.push(payload(state, &mut c, record).await?);
    }
    Ok(out)
}

async fn record_outcomes(
    state: &AppState,
    outcomes: &[(Record, Result<(), String>)],
) -> Result<(), DbError> {
    let pace = state.config.delivery;
    let now = clock::now_ms();
    let mut tx = state.db.begin().await?;
    for (record, outcome) in outcomes {
        match outcome {
            Ok(()) => {
                if outbox::delivered(&mut tx, record.id, now).await? {
                    store::add_event(
                        &mut tx,
                        record.dossier_id,
                        &Event {
                            at: now.div_euclid(1000),
                            kind: EventKind::Delivered,
                            procedure: None,
                            status: None,
                            reason: None,
                            actor: Actor::Agency(record.system.clone()),
                            due: None,
                        },
                    )
                    .await?;
                }
            }
            Err(error) if now - record.created_ms >= pace.max_age.as_millis() as i64 => {
                tracing::warn!(
                    "delivery {} to {} given up after {} attempts: {error}",
                    record.delivery_id,
                    record.system,
                    record.attempts
                );
                outbox::give_up(&mut tx, record.id, error).await?;
            }
            Err(error) => {
                let wait = backoff(&pace, record.attempts, jitter());
                tracing::info!(
                    "delivery {} to {} failed (attempt {}): {error}; again in {:.1} s",
                    record.delivery_id,
                    record.system,
                    record.attempts,
                    wait.as_secs_f64()
                );
                outbox::retry_later(&mut tx, record.id, error, now + wait.as_millis() as i64)
                    .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Sends the delivery once; `Err` says why it did not count as delivered.
async fn attempt(state: &AppState, record: &Record, delivery: &Delivery) -> Result<(), String> {
    let system = state.agencies.get(&record.system).ok_or_else(|| {
        format!(
            "no endpoint is configured for agency system {}",
            record.system
        )
    })?;
    let body = serde_json::to_vec(delivery).map_err(|e| e.to_string())?;
    let mut request = state
        .http
        .post(&system.delivery_url)
        .timeout(state.config.delivery.timeout)
        .header("content-type", "application/json");
    for (name, value) in agency_link::headers(&system.id, &system.key, clock::now(), &body) {
        request = request.header(name, value);
    }
    let response = request
        .body(body)
        .send()
        .await
        .map_err(|e| format!("not reached: {e}"))?;
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|e| format!("{status}, the answer broke off: {e}"))?;
    if !status.is_success() {
        return Err(format!(
            "answered {status}: {}",
            text.chars().take(200).collect::<String>()
        ));
    }
    match serde_json::from_str::<DeliveryAck>(&text) {
        Ok(ack) if ack.delivery_id == record.delivery_id => Ok(()),
        Ok(ack) => Err(format!(
            "acknowledged another delivery ({})",
            ack.delivery_id
        )),
        Err(_) => Err(format!(
            "answered {status} without an acknowledgement: {}",
            text.chars().take(200).collect::<String>()
        )),
    }
}

/// What is sent: the dossier as filed with its files, or the documents added.
async fn payload(
    state: &AppState,
    c: &mut crate::db::Conn,
    record: &Record,
) -> Result<Option<Delivery>, DbError> {
    let Some(d) = store::by_id_without_timeline(c, record.dossier_id).await? else {
        return Ok(None);
    };
    let Some(agency) = d.agency.clone() else {
        return Ok(None);
    };
    let records = match record.kind {
        DeliveryKind::Dossier => attachments::store::for_dossier(c, d.id)
            .await?
            .into_iter()
            .filter(|a| !a.supplement && !a.from_agency)
            .collect(),
        DeliveryKind::Documents => attachments::store::get_many(c, &record.files).await?,
    };
    let answers: Option<serde_json::Value> = match record.kind {
        DeliveryKind::Dossier => serde_json::from_str(&d.answers_json).ok(),
        DeliveryKind::Documents => None,
    };
    let field_of = |id: &str| -> String {
        answers
            .as_ref()
            .and_then(|a| find_field(a, id, ""))
            .unwrap_or_default()
    };
    let mut files = Vec::with_capacity(records.len());
    for a in &records {
        let bytes = attachments::store::bytes(c, &a.id)
            .await?
            .unwrap_or_default();
        files.push(DeliveredFile {
            id: a.id.clone(),
            field: field_of(&a.id),
            name: a.name.clone(),
            content_type: a.media_type.clone(),
            size: a.size as u64,
            sha256: a.sha256.clone(),
            data_base64: base64::engine::general_purpose::STANDARD.encode(&bytes),
        });
    }
    let service_name = state
        .catalogue
        .current()
        .service(&d.service_id)
        .map(|s| s.name.vi.clone())
        .unwrap_or_else(|| d.service_id.clone());
    Ok(Some(Delivery {
        delivery_id: record.delivery_id.clone(),
        kind: record.kind,
        dossier_code: d.code.clone(),
        service_id: d.service_id.clone(),
        service_name_vi: service_name,
        procedures: d.procedures.iter().map(|p| p.service_id.clone()).collect(),
        agency: ReceivingAgency {
            system: agency.system,
            code: agency.code,
            name_vi: agency.name_vi,
            name_en: agency.name_en,
        },
        submitted_at: clock::rfc3339(d.created_at),
        applicant_name: d.applicant_name.clone(),
        applicant_id_number: d.applicant_id_number.clone(),
        answers,
        note: record.note.clone(),
        files,
    }))
}

/// The answer path holding attachment `id` (`birth_certificate`, `children[1].photo`).
fn find_field(v: &serde_json::Value, id: &str, at: &str) -> Option<String> {
    match v {
        serde_json::Value::String(s) if s == id => Some(at.to_string()),
        serde_json::Value::Object(m) => m.iter().find_map(|(k, v)| {
            let path = if at.is_empty() {
                k.clone()
            } else {
                format!("{at}.{k}")
            };
            find_field(v, id, &path)
        }),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| find_field(v, id, &format!("{at}[{i}]"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap_with_jitter_in_the_upper_half() {
        let pace = Pace {
            first_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(60),
            ..Pace::default()
        };
        assert_eq!(backoff(&pace, 1, 1.0), Duration::from_secs(1));
        assert_eq!(backoff(&pace, 4, 1.0), Duration::from_secs(8));
        assert_eq!(backoff(&pace, 4, 0.0), Duration::from_secs(4));
        assert_eq!(backoff(&pace, 40, 1.0), Duration::from_secs(60));
        assert_eq!(backoff(&pace, i64::MAX, 0.5), Duration::from_secs(45));
    }

    #[test]
    fn files_are_named_by_the_question_they_answer() {
        let answers = serde_json::json!({
            "birth_certificate": "att_1",
            "children": [{"photo": "att_2"}, {"photo": "att_3"}],
        });
        assert_eq!(
            find_field(&answers, "att_1", "").as_deref(),
            Some("birth_certificate")
        );
        assert_eq!(
            find_field(&answers, "att_3", "").as_deref(),
            Some("children[1].photo")
        );
        assert_eq!(find_field(&answers, "att_9", ""), None);
    }
}
