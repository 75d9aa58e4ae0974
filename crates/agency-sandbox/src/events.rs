//! The outbox: events are stored first (with their sequence) and then posted, signed, to
//! the portal, one dossier's events in sequence order. An event the portal did not take
//! (unreachable, 5xx, an answer that is not an `EventReply`) stays queued and is sent
//! again by [`Outbox::run`]; a 4xx is the portal's final word and is only sent again on
//! the officer's request.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use portal_api::agency::EventReply;
use portal_api::paths::template;
use portal_api::ErrorBody;
use tokio::sync::{Mutex, Notify};

use crate::store::{Attempt, Outgoing, SendState, Store};

/// Longest wait for the portal's answer to one event.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(10);

pub struct Outbox {
    store: Store,
    secret: Arc<[u8]>,
    url: String,
    client: reqwest::Client,
    wake: Notify,
    /// One sender at a time, so a dossier's events leave in order and none twice at once.
    sending: Mutex<()>,
}

/// The result of one try, and whether the portal could be reached at all.
struct Tried {
    attempt: Attempt,
    unreachable: bool,
}

impl Outbox {
    pub fn new(store: Store, secret: Arc<[u8]>, portal: &str) -> Result<Outbox, reqwest::Error> {
        let client = reqwest::Client::builder()
            .timeout(SEND_TIMEOUT)
            .connect_timeout(Duration::from_secs(3))
            .user_agent(concat!("agency-sandbox/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Outbox {
            store,
            secret,
            url: format!(
                "{}{}",
                portal.trim_end_matches('/'),
                template::AGENCY_EVENTS
            ),
            client,
            wake: Notify::new(),
            sending: Mutex::new(()),
        })
    }

    /// Asks the loop to send now rather than at its next tick.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Sends what is queued, then again every `every` or when woken; forever.
    pub async fn run(self: Arc<Self>, every: Duration) {
        loop {
            self.send_pending().await;
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(every) => {}
            }
        }
    }

    /// Tries every queued event once, each dossier's in sequence order: a dossier whose
    /// event is still not taken sends nothing after it; an unreachable portal ends the round.
    pub async fn send_pending(&self) {
        let _one_sender = self.sending.lock().await;
        let queued = match self.store.events_to_send().await {
            Ok(q) => q,
            Err(e) => {
                tracing::error!("reading the event queue: {e}");
                return;
            }
        };
        let mut held_back: HashSet<String> = HashSet::new();
        for event in queued {
            if held_back.contains(&event.dossier_code) {
                continue;
            }
            let tried = self.send(&event).await;
            if let Err(e) = self
                .store
                .record_attempt(&event.event_id, &tried.attempt)
                .await
            {
                tracing::error!("recording the answer to event {}: {e}", event.event_id);
            }
            if tried.attempt.state == SendState::Pending {
                tracing::warn!(
                    event = %event.event_id,
                    dossier = %event.dossier_code,
                    "event not taken: {}",
                    tried.attempt.answer
                );
                held_back.insert(event.dossier_code.clone());
            }
            if tried.unreachable {
                break;
            }
        }
    }

    async fn send(&self, event: &Outgoing) -> Tried {
        let body = event.body.as_bytes();
        let key = agency_link::derive_key(&self.secret, &event.system);
        let mut request = self
            .client
            .post(&self.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json");
        for (name, value) in
            agency_link::headers(&event.system, &key, crate::clock::unix_now(), body)
        {
            request = request.header(name, value);
        }
        let response = match request.body(event.body.clone()).send().await {
            Ok(r) => r,
            Err(e) => {
                let why = if e.is_timeout() {
                    format!("no answer within {} s", SEND_TIMEOUT.as_secs())
                } else if e.is_connect() {
                    "cannot connect".to_string()
                } else {
                    e.to_string()
                };
                return Tried {
                    attempt: Attempt {
                        state: SendState::Pending,
                        outcome: None,
                        answer: format!("portal unreachable: {why}"),
                    },
                    unreachable: true,
                };
            }
        };
        let status = response.status().as_u16();
        match response.bytes().await {
            Ok(bytes) => Tried {
                attempt: judge(status, &bytes, &event.event_id),
                unreachable: false,
            },
            Err(e) => Tried {
                attempt: Attempt {
                    state: SendState::Pending,
                    outcome: None,
                    answer: format!("HTTP {status}, the answer was cut off: {e}"),
                },
                unreachable: false,
            },
        }
    }
}

/// What the portal's answer (`status`, `body`) to event `event_id` means.
fn judge(status: u16, body: &[u8], event_id: &str) -> Attempt {
    if (200..300).contains(&status) {
        return match serde_json::from_slice::<EventReply>(body) {
            Ok(reply) if reply.event_id == event_id => Attempt {
                state: SendState::Answered,
                outcome: Some(reply.outcome),
                answer: crate::store::outcome_text(reply.outcome).to_string(),
            },
            _ => Attempt {
                state: SendState::Pending,
                outcome: None,
                answer: format!(
                    "HTTP {status}, not an answer to this event: {}",
                    excerpt(body)
                ),
            },
        };
    }
    // Too early, too many, or the portal's own trouble: worth trying again.
    let again = matches!(status, 408 | 425 | 429) || status >= 500;
    let said = match serde_json::from_slice::<ErrorBody<serde::de::IgnoredAny>>(body) {
        Ok(e) => format!("{}: {}", e.error.code, e.error.message),
        Err(_) => excerpt(body),
    };
    Attempt {
        state: if again {
            SendState::Pending
        } else {
            SendState::Refused
        },
        outcome: None,
        answer: format!("HTTP {status} {said}").trim_end().to_string(),
    }
}

/// The start of a body, as text, for the officer's page.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    match text.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_api::agency::EventOutcome;

    #[test]
    fn the_portals_answers_are_judged() {
        let a = judge(200, br#"{"event_id":"e1","outcome":"stale"}"#, "e1");
        assert_eq!(
            (a.state, a.outcome, a.answer.as_str()),
            (SendState::Answered, Some(EventOutcome::Stale), "stale")
        );
        let other = judge(200, br#"{"event_id":"e2","outcome":"applied"}"#, "e1");
        assert_eq!(other.state, SendState::Pending);
        let refused = judge(
            409,
            br#"{"error":{"code":"invalid_transition","message":"no"}}"#,
            "e1",
        );
        assert_eq!(refused.state, SendState::Refused);
        assert_eq!(refused.answer, "HTTP 409 invalid_transition: no");
        assert_eq!(judge(503, b"busy", "e1").state, SendState::Pending);
        assert_eq!(judge(429, b"", "e1").answer, "HTTP 429");
        assert_eq!(excerpt("x".repeat(300).as_bytes()).chars().count(), 201);
    }
}
