//! `/dossiers/{code}`: one dossier as delivered, its deliveries, the events sent with the
//! portal's answers, and the officer's four actions as forms. The forms keep what was
//! typed and show each error beside its field.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use portal_api::agency::{AgencyEventKind, EventOutcome};
use portal_core::Lang;

use super::answers::answers;
use super::texts::{texts, Texts};
use super::{dossier_path, link, not_found, page, trouble, PageQuery};
use crate::clock::readable;
use crate::store::{EventRow, SendState};
use crate::AppState;

/// The result document's size limit.
pub const MAX_RESULT_BYTES: usize = 5 * 1024 * 1024;

/// A problem with one field: its element id and the message shown beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

/// What the action forms show: the values typed (after a refused submission) and the
/// errors; empty for a fresh page.
#[derive(Debug, Clone, Default)]
pub struct Forms {
    pub documents: String,
    pub deadline: String,
    pub note: String,
    pub pickup_note: String,
    pub reason: String,
    pub errors: Vec<FieldError>,
}

impl Forms {
    fn error(&self, field: &str) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message)
    }
}

pub async fn dossier(
    State(app): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<PageQuery>,
) -> Response {
    render(&app, &code, q.lang(), q.sent.as_deref(), &Forms::default()).await
}

/// The dossier's page; 400 when `forms` carries errors.
pub async fn render(
    app: &AppState,
    code: &str,
    lang: Lang,
    sent: Option<&str>,
    forms: &Forms,
) -> Response {
    let t = texts(lang);
    let path = dossier_path(code);
    let loaded = async {
        let Some(d) = app.store.dossier(code).await? else {
            return Ok(None);
        };
        let deliveries = app.store.deliveries(code).await?;
        let files = app.store.files(code).await?;
        let events = app.store.events(code).await?;
        Ok::<_, crate::store::StoreError>(Some((d, deliveries, files, events)))
    }
    .await;
    let (d, deliveries, files, events) = match loaded {
        Ok(Some(x)) => x,
        Ok(None) => return not_found(lang, &path),
        Err(e) => return trouble(lang, &path, &e),
    };
    let file_href = |id: &str| {
        link(
            &format!("{path}/files/{}", portal_api::paths::encode(id)),
            lang,
        )
    };
    let agency_name = match lang {
        Lang::En if !d.agency_name_en.trim().is_empty() => &d.agency_name_en,
        _ => &d.agency_name_vi,
    };
    let sent_event = sent.and_then(|id| events.iter().find(|e| e.event_id == id));
    let title = format!("{} {}", t.dossier_title, d.code);
    let body = html! {
        p { a href=(link("/", lang)) { (t.back_to_inbox) } }
        @if !forms.errors.is_empty() {
            div.error-summary role="alert" aria-labelledby="error-summary-title" {
                h2 #error-summary-title { (t.error_summary) }
                ul {
                    @for e in &forms.errors {
                        li { a href={ "#" (e.field) } { (e.message) } }
                    }
                }
            }
        }
        h1 { (title) }
        @if let Some(e) = sent_event {
            div.notice role="status" {
                p {
                    (t.sent_notice) " " (e.sequence) " (" (event_name(t, &e.kind)) "). "
                    (t.portal_answer) ": " (send_state(t, e))
                }
            }
        }
        h2 { (t.details_heading) }
        dl.summary {
            dt { (t.service) }
            dd { (d.service_name_vi) " " span.mono { "(" (d.service_id) ")" } }
            dt { (t.procedures) }
            dd {
                @let procedures = d.procedures();
                @if procedures.is_empty() { "–" }
                @for (i, p) in procedures.iter().enumerate() {
                    @if i > 0 { ", " }
                    span.mono { (p) }
                }
            }
            dt { (t.agency) }
            dd { (agency_name) " " span.mono { "(" (d.agency_code) ")" } }
            dt { (t.system) }
            dd.mono { (d.system) }
            dt { (t.applicant) }
            dd { (d.applicant_name) }
            dt { (t.id_number) }
            dd.mono { (d.applicant_id_number) }
            dt { (t.submitted_at) }
            dd { (readable(&d.submitted_at)) }
            dt { (t.received_at) }
            dd { (readable(&d.received_at)) }
        }

        h2 { (t.answers_heading) }
        @match d.answers() {
            Some(a) => (answers(t, &a, &files, &file_href)),
            None => p { (t.no_answers) },
        }

        h2 #files { (t.files_heading) }
        @if files.is_empty() {
            p { (t.no_files) }
        } @else {
            div.table-scroll role="region" aria-labelledby="files" tabindex="0" {
                table {
                    thead { tr {
                        th scope="col" { (t.col_file) }
                        th scope="col" { (t.col_question) }
                        th scope="col" { (t.col_type) }
                        th scope="col" { (t.col_size) }
                        th scope="col" { "SHA-256" }
                        th scope="col" { (t.col_delivery) }
                    } }
                    tbody {
                        @for f in &files {
                            tr {
                                td { a href=(file_href(&f.id)) download=(f.name) { (f.name) } }
                                td.mono { (f.field) }
                                td.mono { (f.content_type) }
                                td { (t.size(f.size)) }
                                td.mono { (f.sha256.get(..16).unwrap_or(&f.sha256)) "…" }
                                td.mono { (f.delivery_id) }
                            }
                        }
                    }
                }
            }
        }

        h2 #deliveries { (t.deliveries_heading) }
        div.table-scroll role="region" aria-labelledby="deliveries" tabindex="0" {
            table {
                thead { tr {
                    th scope="col" { (t.col_delivery_id) }
                    th scope="col" { (t.col_kind) }
                    th scope="col" { (t.col_received) }
                    th scope="col" { (t.col_times) }
                    th scope="col" { (t.col_files) }
                    th scope="col" { (t.col_note) }
                } }
                tbody {
                    @for x in &deliveries {
                        tr {
                            td.mono { (x.delivery_id) }
                            td { @if x.kind == "documents" { (t.kind_documents) } @else { (t.kind_dossier) } }
                            td { (readable(&x.received_at)) }
                            td { (x.times_received) }
                            td { (x.files) }
                            td { (x.note.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
        }

        h2 #events { (t.events_heading) }
        @if events.is_empty() {
            p { (t.no_events) }
        } @else {
            div.table-scroll role="region" aria-labelledby="events" tabindex="0" {
                table {
                    thead { tr {
                        th scope="col" { (t.col_sequence) }
                        th scope="col" { (t.col_event) }
                        th scope="col" { (t.col_at) }
                        th scope="col" { (t.col_answer) }
                        th scope="col" { (t.col_attempts) }
                        th scope="col" { span.visually-hidden { (t.send_again) } }
                    } }
                    tbody {
                        @for e in &events {
                            tr {
                                td { (e.sequence) }
                                td { (event_summary(t, e)) }
                                td { (readable(&e.at)) }
                                td { (send_state(t, e)) }
                                td { (e.attempts) }
                                td {
                                    form method="post" action=(link(&format!("{path}/events/{}/send-again", portal_api::paths::encode(&e.event_id)), lang)) {
                                        button.secondary type="submit" {
                                            (t.send_again)
                                            span.visually-hidden { " " (t.event_word) " " (e.sequence) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        h2 { (t.actions_heading) }
        p { (t.actions_intro) }
        (actions(t, &path, lang, forms))
    };
    let status = if forms.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    page(t, status, &title, !forms.errors.is_empty(), &path, body)
}

fn event_name(t: &Texts, kind: &str) -> &'static str {
    match kind {
        "received" => t.state_received,
        "documents_requested" => t.request_heading,
        "processing" => t.state_processing,
        "result_ready" => t.approve_heading,
        "refused" => t.refuse_heading,
        _ => "?",
    }
}

/// The event's name and what it carried.
fn event_summary(t: &Texts, e: &EventRow) -> Markup {
    let detail = match e.event().map(|ev| ev.kind) {
        Some(AgencyEventKind::DocumentsRequested {
            documents,
            deadline,
            note,
        }) => {
            let mut s = format!("{} ({} {deadline})", documents.join("; "), t.deadline_word);
            if let Some(n) = note {
                s.push_str(" – ");
                s.push_str(&n);
            }
            Some(s)
        }
        Some(AgencyEventKind::ResultReady {
            result,
            pickup_note,
        }) => Some(
            [
                result.map(|r| format!("{}: {}", t.result_word, r.name)),
                pickup_note,
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" – "),
        ),
        Some(AgencyEventKind::Refused { reason }) => Some(reason),
        _ => None,
    };
    html! {
        strong { (event_name(t, &e.kind)) }
        @if let Some(d) = detail { br; (d) }
    }
}

/// Where the event stands with the portal, in words, with the portal's own answer.
fn send_state(t: &Texts, e: &EventRow) -> Markup {
    let (class, words) = match (e.state, e.outcome()) {
        (SendState::Answered, Some(EventOutcome::Applied)) => ("tag", t.applied),
        (SendState::Answered, Some(EventOutcome::Duplicate)) => ("tag", t.duplicate),
        (SendState::Answered, Some(EventOutcome::Stale)) => ("tag wait", t.stale),
        (SendState::Refused, _) => ("tag bad", t.refused_by_portal),
        _ => ("tag wait", t.pending),
    };
    html! {
        span class=(class) { (words) }
        @if let Some(answer) = e.answer.as_deref().filter(|_| e.state != SendState::Answered) {
            br; span.mono { (answer) }
        }
    }
}

/// A labelled field's wrapper, hint and error, around `control`.
fn field(
    t: &Texts,
    id: &str,
    label: &str,
    hint: Option<&str>,
    error: Option<&str>,
    control: Markup,
) -> Markup {
    html! {
        div class=(if error.is_some() { "field field-error" } else { "field" }) {
            label for=(id) { (label) }
            @if let Some(h) = hint { p.hint id={ (id) "-hint" } { (h) } }
            @if let Some(e) = error {
                p.error-message id={ (id) "-error" } {
                    span.visually-hidden { (t.error_prefix) } (e)
                }
            }
            (control)
        }
    }
}

/// The ids an input is described by: its hint and its error, when shown.
fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn actions(t: &Texts, path: &str, lang: Lang, f: &Forms) -> Markup {
    let deadline = if f.deadline.is_empty() {
        crate::clock::day(crate::clock::today() + time::Duration::days(7))
    } else {
        f.deadline.clone()
    };
    let today = crate::clock::day(crate::clock::today());
    let e = |id| f.error(id);
    html! {
        section.action aria-labelledby="request-heading" {
            h3 #request-heading { (t.request_heading) }
            form method="post" action=(link(&format!("{path}/request-documents"), lang)) novalidate {
                (field(t, "documents", t.documents_label, Some(t.documents_hint), e("documents"), html! {
                    textarea #documents name="documents" rows="4"
                        aria-describedby=[described_by("documents", true, e("documents").is_some())]
                        aria-invalid=[e("documents").map(|_| "true")] { (f.documents) }
                }))
                (field(t, "deadline", t.deadline_label, Some(t.deadline_hint), e("deadline"), html! {
                    input #deadline type="date" name="deadline" value=(deadline) min=(today)
                        aria-describedby=[described_by("deadline", true, e("deadline").is_some())]
                        aria-invalid=[e("deadline").map(|_| "true")];
                }))
                (field(t, "note", t.note_label, None, e("note"), html! {
                    textarea #note name="note" rows="3"
                        aria-describedby=[described_by("note", false, e("note").is_some())]
                        aria-invalid=[e("note").map(|_| "true")] { (f.note) }
                }))
                button type="submit" { (t.request_submit) }
            }
        }
        section.action aria-labelledby="processing-heading" {
            h3 #processing-heading { (t.processing_heading) }
            p { (t.processing_text) }
            form method="post" action=(link(&format!("{path}/processing"), lang)) {
                button type="submit" { (t.processing_submit) }
            }
        }
        section.action aria-labelledby="approve-heading" {
            h3 #approve-heading { (t.approve_heading) }
            form method="post" action=(link(&format!("{path}/approve"), lang)) enctype="multipart/form-data" novalidate {
                (field(t, "result", t.result_label, Some(t.result_hint), e("result"), html! {
                    input #result type="file" name="result"
                        aria-describedby=[described_by("result", true, e("result").is_some())]
                        aria-invalid=[e("result").map(|_| "true")];
                }))
                (field(t, "pickup_note", t.pickup_label, Some(t.pickup_hint), e("pickup_note"), html! {
                    textarea #pickup_note name="pickup_note" rows="3"
                        aria-describedby=[described_by("pickup_note", true, e("pickup_note").is_some())]
                        aria-invalid=[e("pickup_note").map(|_| "true")] { (f.pickup_note) }
                }))
                button type="submit" { (t.approve_submit) }
            }
        }
        section.action aria-labelledby="refuse-heading" {
            h3 #refuse-heading { (t.refuse_heading) }
            form method="post" action=(link(&format!("{path}/refuse"), lang)) novalidate {
                (field(t, "reason", t.reason_label, None, e("reason"), html! {
                    textarea #reason name="reason" rows="3"
                        aria-describedby=[described_by("reason", false, e("reason").is_some())]
                        aria-invalid=[e("reason").map(|_| "true")] { (f.reason) }
                }))
                button.warning type="submit" { (t.refuse_submit) }
            }
        }
    }
}

/// `/dossiers/{code}/files/{file}`: a delivered file, always as a download (never shown
/// in the sandbox's own origin).
pub async fn file(
    State(app): State<AppState>,
    Path((code, id)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> Response {
    let path = format!(
        "{}/files/{}",
        dossier_path(&code),
        portal_api::paths::encode(&id)
    );
    match app.store.file(&code, &id).await {
        Ok(Some(f)) => {
            let content_type = HeaderValue::from_str(&f.content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream"));
            let disposition = format!(
                "attachment; filename=\"{}\"; filename*=UTF-8''{}",
                ascii_name(&f.name),
                portal_api::paths::encode(&f.name)
            );
            let mut response = ([(header::CONTENT_TYPE, content_type)], f.data).into_response();
            let headers = response.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&disposition) {
                headers.insert(header::CONTENT_DISPOSITION, v);
            }
            headers.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            headers.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; sandbox"),
            );
            response
        }
        Ok(None) => not_found(q.lang(), &path),
        Err(e) => trouble(q.lang(), &path, &e),
    }
}

/// A file name for the plain `filename=` parameter: ASCII without quotes or controls.
fn ascii_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
