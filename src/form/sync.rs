//! The server's copy of a signed-in person's draft, so the application can be continued
//! on another device. The device stays the first place answers are written (it works
//! offline and on a bad network); every few seconds of typing, and at each Continue, the
//! device's copy is sent, and the server answers with the copy merged with what another
//! device sent meanwhile (the answer changed last wins, question by question). Answers
//! that came from elsewhere are put into the form and named to the person. Anonymous
//! drafts and staff previews never leave the device.

use std::time::Duration;

use leptos::prelude::*;
use portal_core::form::{Answers, Draft};

use super::state::FormState;
use crate::api;

/// How long after the last change the draft goes to the server (longer than the
/// device's own save delay: one request per pause in typing, not per key).
const PUSH_DELAY: Duration = Duration::from_secs(2);

#[derive(Clone, Copy)]
pub struct Sync {
    /// Signed in, on a real form: the server keeps a copy.
    on: StoredValue<bool>,
    /// A send is scheduled.
    scheduled: StoredValue<bool>,
    /// A send is on its way; another change meanwhile is sent when it returns.
    in_flight: StoredValue<bool>,
    again: StoredValue<bool>,
    /// The answers and steps the account holds, as far as this device knows: a copy
    /// equal to it is not sent again (as after taking the account's merged copy).
    on_server: StoredValue<Option<(Answers, Vec<String>)>>,
}

/// What a copy holds that the account keeps.
fn content(draft: &Draft) -> (Answers, Vec<String>) {
    (draft.answers.clone(), draft.completed_steps.clone())
}

impl Sync {
    pub fn new() -> Sync {
        Sync {
            on: StoredValue::new(false),
            scheduled: StoredValue::new(false),
            in_flight: StoredValue::new(false),
            again: StoredValue::new(false),
            on_server: StoredValue::new(None),
        }
    }
}

impl Default for Sync {
    fn default() -> Self {
        Sync::new()
    }
}

impl FormState {
    /// Called once the person is known to be signed in: from now on the draft is kept on
    /// the server too. What this device had then (`had_answers`) is sent (and merged);
    /// when it had nothing, the server's copy, if any, is continued here.
    pub(super) fn keep_on_server_here(&self, had_answers: bool) {
        if !self.persists() || api::source().draft().is_some() {
            return;
        }
        if self.sync.on.get_value() {
            return;
        }
        self.sync.on.set_value(true);
        if had_answers {
            self.push_now_here();
            return;
        }
        let me = self.clone();
        leptos::task::spawn_local(async move {
            if let Ok(Some(kept)) = api::my_draft(me.service_id.as_str()).await {
                // Typed something meanwhile (the prefill from the person's record does
                // not count): merge rather than overwrite.
                if me.touched.try_get_value().unwrap_or(true) {
                    me.push_now_here();
                    return;
                }
                let at = kept.saved_at;
                me.sync.on_server.set_value(Some(content(&kept)));
                me.adopt(kept, None);
                me.save_local();
                me.server_saved_at.try_set(Some(at));
                me.continued_from_account.try_set(true);
            }
        });
    }

    /// Schedules a send to the server (after [`PUSH_DELAY`] without changes).
    pub(super) fn schedule_push(&self) {
        if !self.sync.on.try_get_value().unwrap_or(false)
            || self.sync.scheduled.try_get_value().unwrap_or(true)
        {
            return;
        }
        self.sync.scheduled.set_value(true);
        let me = self.clone();
        set_timeout(
            move || {
                if me.sync.scheduled.try_set_value(false).is_some() {
                    return;
                }
                me.push_now_here();
            },
            PUSH_DELAY,
        );
    }

    /// Sends the draft now (at each Continue, and when the delay runs out).
    pub(super) fn push_now_here(&self) {
        if !self.sync.on.try_get_value().unwrap_or(false) || self.saving_stopped() {
            return;
        }
        if self.sync.in_flight.get_value() {
            self.sync.again.set_value(true);
            return;
        }
        let Some(draft) = self.current_draft() else {
            return;
        };
        if self
            .sync
            .on_server
            .with_value(|known| known.as_ref() == Some(&content(&draft)))
        {
            return;
        }
        self.sync.in_flight.set_value(true);
        let me = self.clone();
        leptos::task::spawn_local(async move {
            let sent = api::save_my_draft(&draft).await;
            if me.sync.in_flight.try_set_value(false).is_some() {
                return; // the page is gone
            }
            if let Ok(saved) = sent {
                me.server_saved_at.set(Some(saved.draft.saved_at));
                me.sync.on_server.set_value(Some(content(&saved.draft)));
                if !saved.from_elsewhere.is_empty() {
                    let ids = saved.from_elsewhere.clone();
                    me.adopt(saved.draft, Some(&ids));
                    me.save_local();
                    me.from_elsewhere.update(|v| {
                        for id in ids {
                            if !v.contains(&id) {
                                v.push(id);
                            }
                        }
                    });
                }
            }
            // A failed send is tried again at the next change or Continue; the device
            // keeps the draft meanwhile and the status line says where it is saved.
            if me.sync.again.try_get_value() == Some(true) {
                me.sync.again.set_value(false);
                me.push_now_here();
            }
        });
    }

    /// Forgets the server's copy (the person deleted the draft, or filed it).
    pub(super) fn forget_on_server_here(&self) {
        if !self.sync.on.get_value() {
            return;
        }
        self.sync.on_server.set_value(None);
        let service = self.service_id.to_string();
        leptos::task::spawn_local(async move {
            let _ = api::delete_my_draft(&service).await;
        });
    }
}
