//! The officer's actions, each a plain form post: check the fields, queue the event, try
//! to send it at once, and redirect back to the dossier, where the portal's answer shows.
//! A form with problems is shown again with what was typed and the errors beside it.

use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use base64::Engine as _;
use portal_api::agency::{AgencyEventKind, ResultDocument};
use portal_core::Lang;
use serde::Deserialize;

use super::dossier::{render, FieldError, Forms, MAX_RESULT_BYTES};
use super::texts::texts;
use super::{dossier_path, message_page, not_found, trouble, PageQuery};
use crate::AppState;

/// The longest text a field takes, in characters.
const MAX_TEXT: usize = 2000;
/// The approve form's whole body: past the result's limit, so a file somewhat too large
/// still gets its message beside the field.
const MAX_APPROVE_BODY: usize = 32 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/dossiers/{code}/request-documents",
            post(request_documents),
        )
        .route("/dossiers/{code}/processing", post(processing))
        .route(
            "/dossiers/{code}/approve",
            post(approve).layer(DefaultBodyLimit::max(MAX_APPROVE_BODY)),
        )
        .route("/dossiers/{code}/refuse", post(refuse))
        .route(
            "/dossiers/{code}/events/{event}/send-again",
            post(send_again),
        )
}

#[derive(Debug, Default, Deserialize)]
struct RequestDocumentsForm {
    #[serde(default)]
    documents: String,
    #[serde(default)]
    deadline: String,
    #[serde(default)]
    note: String,
}

#[derive(Debug, Default, Deserialize)]
struct RefuseForm {
    #[serde(default)]
    reason: String,
}

/// Blank is `None`; too long is an error on `field`.
fn optional_text(
    value: &str,
    field: &'static str,
    errors: &mut Vec<FieldError>,
    too_long: &'static str,
) -> Option<String> {
    let v = value.trim();
    if v.chars().count() > MAX_TEXT {
        errors.push(FieldError {
            field,
            message: too_long,
        });
    }
    (!v.is_empty()).then(|| v.to_string())
}

async fn request_documents(
    State(app): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<PageQuery>,
    Form(form): Form<RequestDocumentsForm>,
) -> Response {
    let lang = q.lang();
    let t = texts(lang);
    let mut errors = Vec::new();
    let documents: Vec<String> = form
        .documents
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if documents.is_empty() {
        errors.push(FieldError {
            field: "documents",
            message: t.err_documents,
        });
    } else if form.documents.chars().count() > MAX_TEXT {
        errors.push(FieldError {
            field: "documents",
            message: t.err_too_long,
        });
    }
    match crate::clock::parse_day(&form.deadline) {
        None => errors.push(FieldError {
            field: "deadline",
            message: t.err_deadline_format,
        }),
        Some(d) if d < crate::clock::today() => errors.push(FieldError {
            field: "deadline",
            message: t.err_deadline_past,
        }),
        Some(_) => {}
    }
    let note = optional_text(&form.note, "note", &mut errors, t.err_too_long);
    if !errors.is_empty() {
        let forms = Forms {
            documents: form.documents,
            deadline: form.deadline,
            note: form.note,
            errors,
            ..Forms::default()
        };
        return render(&app, &code, lang, None, &forms).await;
    }
    let deadline = form.deadline.trim().to_string();
    send(
        &app,
        &code,
        lang,
        AgencyEventKind::DocumentsRequested {
            documents,
            deadline,
            note,
        },
    )
    .await
}

async fn processing(
    State(app): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<PageQuery>,
) -> Response {
    send(&app, &code, q.lang(), AgencyEventKind::Processing).await
}

async fn refuse(
    State(app): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<PageQuery>,
    Form(form): Form<RefuseForm>,
) -> Response {
    let lang = q.lang();
    let t = texts(lang);
    let mut errors = Vec::new();
    let reason = optional_text(&form.reason, "reason", &mut errors, t.err_too_long);
    if reason.is_none() {
        errors.push(FieldError {
            field: "reason",
            message: t.err_reason,
        });
    }
    match reason {
        Some(reason) if errors.is_empty() => {
            send(&app, &code, lang, AgencyEventKind::Refused { reason }).await
        }
        _ => {
            let forms = Forms {
                reason: form.reason,
                errors,
                ..Forms::default()
            };
            render(&app, &code, lang, None, &forms).await
        }
    }
}

/// The chosen result document.
struct Upload {
    name: String,
    content_type: String,
    data: Vec<u8>,
}

/// What the approve form sent; `too_large` when the file passed [`MAX_RESULT_BYTES`].
#[derive(Default)]
struct ApproveForm {
    upload: Option<Upload>,
    too_large: bool,
    pickup_note: String,
}

async fn read_approve_form(mut multipart: Multipart) -> Result<ApproveForm, StatusCode> {
    let mut form = ApproveForm::default();
    while let Some(mut field) = multipart.next_field().await.map_err(|e| e.status())? {
        match field.name() {
            Some("result") => {
                let name = field.file_name().map(clean_file_name).unwrap_or_default();
                let content_type = field
                    .content_type()
                    .filter(|c| is_media_type(c))
                    .unwrap_or("application/octet-stream")
                    .to_string();
                let mut data = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|e| e.status())? {
                    if data.len() + chunk.len() > MAX_RESULT_BYTES {
                        form.too_large = true;
                        data.clear();
                        // The rest of the field is skipped by the next `next_field`.
                        break;
                    }
                    data.extend_from_slice(&chunk);
                }
                // A file input left empty still sends a part, with no name and no bytes.
                let left_empty = name.is_empty() && data.is_empty();
                if !form.too_large && !left_empty {
                    form.upload = Some(Upload {
                        name: if name.is_empty() {
                            "result".into()
                        } else {
                            name
                        },
                        content_type,
                        data,
                    });
                }
            }
            Some("pickup_note") => {
                form.pickup_note = field.text().await.map_err(|e| e.status())?;
            }
            _ => {}
        }
    }
    Ok(form)
}

async fn approve(
    State(app): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<PageQuery>,
    multipart: Multipart,
) -> Response {
    let lang = q.lang();
    let t = texts(lang);
    let form = match read_approve_form(multipart).await {
        Ok(f) => f,
        Err(status) if status == StatusCode::PAYLOAD_TOO_LARGE => {
            return message_page(
                t,
                status,
                t.too_large_title,
                t.too_large_text,
                &dossier_path(&code),
            )
        }
        Err(status) => return status.into_response(),
    };
    let mut errors = Vec::new();
    if form.too_large {
        errors.push(FieldError {
            field: "result",
            message: t.err_result_too_large,
        });
    } else if form.upload.as_ref().is_some_and(|u| u.data.is_empty()) {
        errors.push(FieldError {
            field: "result",
            message: t.err_result_empty,
        });
    }
    let pickup_note = optional_text(
        &form.pickup_note,
        "pickup_note",
        &mut errors,
        t.err_too_long,
    );
    if errors.is_empty() && form.upload.is_none() && pickup_note.is_none() {
        errors.push(FieldError {
            field: "result",
            message: t.err_result_missing,
        });
    }
    if !errors.is_empty() {
        let forms = Forms {
            pickup_note: form.pickup_note,
            errors,
            ..Forms::default()
        };
        return render(&app, &code, lang, None, &forms).await;
    }
    let result = form.upload.map(|u| ResultDocument {
        name: u.name,
        content_type: u.content_type,
        data_base64: base64::engine::general_purpose::STANDARD.encode(&u.data),
    });
    send(
        &app,
        &code,
        lang,
        AgencyEventKind::ResultReady {
            result,
            pickup_note,
        },
    )
    .await
}

async fn send_again(
    State(app): State<AppState>,
    Path((code, event_id)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> Response {
    let lang = q.lang();
    match app.store.send_again(&code, &event_id).await {
        Ok(true) => {
            app.outbox.send_pending().await;
            back(&code, lang, &event_id)
        }
        Ok(false) => not_found(lang, &dossier_path(&code)),
        Err(e) => trouble(lang, &dossier_path(&code), &e),
    }
}

/// Queues the event, tries to send it now, and goes back to the dossier.
async fn send(app: &AppState, code: &str, lang: Lang, kind: AgencyEventKind) -> Response {
    let path = dossier_path(code);
    let Ok(event_id) = crate::random_id() else {
        return trouble(lang, &path, &"the system random source failed");
    };
    match app.store.add_event(code, &event_id, kind).await {
        Ok(Some(_)) => {
            app.outbox.send_pending().await;
            back(code, lang, &event_id)
        }
        Ok(None) => not_found(lang, &path),
        Err(e) => trouble(lang, &path, &e),
    }
}

/// 303 to the dossier, naming the event just sent.
fn back(code: &str, lang: Lang, event_id: &str) -> Response {
    let lang_param = match lang {
        Lang::Vi => "",
        Lang::En => "lang=en&",
    };
    Redirect::to(&format!(
        "{}?{lang_param}sent={}#events",
        dossier_path(code),
        portal_api::paths::encode(event_id)
    ))
    .into_response()
}

/// The last segment of a browser-sent file name, without control characters.
fn clean_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    last.chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect::<String>()
        .trim()
        .to_string()
}

/// `type/subtype` with an optional parameter, in header-safe characters.
fn is_media_type(s: &str) -> bool {
    let essence = s.split(';').next().unwrap_or("").trim();
    let mut parts = essence.split('/');
    let ok = |p: Option<&str>| {
        p.is_some_and(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
        })
    };
    ok(parts.next()) && ok(parts.next()) && parts.next().is_none() && s.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_and_types_from_a_browser_are_cleaned() {
        assert_eq!(clean_file_name("C:\\Users\\a\\kết quả.pdf"), "kết quả.pdf");
        assert_eq!(clean_file_name("../../x\u{0}.pdf"), "x.pdf");
        assert!(is_media_type("application/pdf"));
        assert!(is_media_type("text/plain; charset=utf-8"));
        assert!(!is_media_type("pdf"));
        assert!(!is_media_type("a/b/c"));
    }
}
