//! Attachments (thành phần hồ sơ): uploaded one by one before submission, each checked
//! for size and for its real type (magic bytes, not the name), stored, and given an id
//! that the dossier then lists. Only the uploader sees an attachment; staff see those
//! that are part of a dossier.

pub mod sniff;
pub mod store;

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use http_body_util::BodyExt;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use portal_core::validators::clean::is_invisible;

use crate::api::error::{ErrorCode, RequestError};
use crate::api::ApiError;
use crate::identity::{SameOrigin, SignedIn};
use crate::{clock, random, AppState};
use portal_api::attachments::{AcceptedType, AttachmentLimits};
use portal_api::ErrorDetails;
pub use sniff::{detect, Detected, FileType};
pub use store::{AttachmentRecord, AttachmentView};

/// The limits every attachment and dossier keeps to; served to the web app so it can
/// check a file before uploading it.
pub mod limits {
    use portal_core::validators::file as shared;

    /// Largest single file: the most any form question may accept. A question's own,
    /// lower limit is checked with the form at submission.
    pub const MAX_FILE_BYTES: u64 = shared::MAX_FILE_BYTES;
    /// Most files in one dossier, additional documents included.
    pub const MAX_PER_DOSSIER: usize = 20;
    /// Largest total size of one dossier's files.
    pub const MAX_DOSSIER_BYTES: u64 = 50 * 1024 * 1024;
    /// Most uploaded files waiting to be submitted, per person.
    pub const MAX_PENDING_PER_USER: i64 = 50;
    /// Longest file name kept, in characters.
    pub const MAX_NAME_CHARS: usize = shared::MAX_NAME_CHARS;
}

/// Why an upload or an attachment request was refused.
#[derive(Debug, thiserror::Error)]
pub enum AttachmentError {
    #[error("no attachment of yours has this id")]
    NotFound,
    #[error("the file is larger than the limit of {max_bytes} bytes")]
    FileTooLarge { max_bytes: u64 },
    #[error("the file is empty")]
    Empty,
    #[error("the file is not a PDF, JPEG or PNG (it looks like: {detected})")]
    UnsupportedType { detected: &'static str },
    #[error("the file is named as a {named:?} file but its content is {detected:?}")]
    TypeMismatch { named: FileType, detected: FileType },
    #[error("the {0:?} file is incomplete or damaged; upload it again or scan it again")]
    Damaged(FileType),
    #[error("give the file's name in the `name` query parameter (at most 255 characters, no control, invisible or text-direction characters)")]
    BadName,
    #[error("send the file's bytes as the request body, not as a multipart form")]
    BadUploadFormat,
    #[error("you have {max} files waiting to be submitted; submit or delete some first")]
    TooManyPending { max: i64 },
    #[error("you may keep at most {max_files} files and {max_bytes} bytes of attachments, pending and submitted together (you have {used_files} files, {used_bytes} bytes); this file would go past that")]
    QuotaExceeded {
        max_files: i64,
        max_bytes: i64,
        used_files: i64,
        used_bytes: i64,
    },
    #[error("the attachment is part of a submitted dossier and cannot be deleted")]
    InUse,
}

impl ErrorCode for AttachmentError {
    fn code(&self) -> &'static str {
        match self {
            AttachmentError::NotFound => "attachment_not_found",
            AttachmentError::FileTooLarge { .. } => "file_too_large",
            AttachmentError::Empty => "empty_file",
            AttachmentError::UnsupportedType { .. } => "unsupported_file_type",
            AttachmentError::TypeMismatch { .. } => "file_type_mismatch",
            AttachmentError::Damaged(_) => "damaged_file",
            AttachmentError::BadName => "bad_file_name",
            AttachmentError::BadUploadFormat => "bad_upload_format",
            AttachmentError::TooManyPending { .. } => "too_many_pending_attachments",
            AttachmentError::QuotaExceeded { .. } => "attachment_quota_exceeded",
            AttachmentError::InUse => "attachment_in_use",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            AttachmentError::NotFound => StatusCode::NOT_FOUND,
            AttachmentError::FileTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AttachmentError::UnsupportedType { .. } | AttachmentError::TypeMismatch { .. } => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
            AttachmentError::Damaged(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AttachmentError::Empty
            | AttachmentError::BadName
            | AttachmentError::BadUploadFormat => StatusCode::BAD_REQUEST,
            AttachmentError::TooManyPending { .. }
            | AttachmentError::QuotaExceeded { .. }
            | AttachmentError::InUse => StatusCode::CONFLICT,
        }
    }

    fn details(&self) -> Option<ErrorDetails> {
        let accepted = || {
            FileType::ALL
                .iter()
                .map(|t| t.media_type().to_string())
                .collect()
        };
        match self {
            AttachmentError::FileTooLarge { max_bytes } => Some(ErrorDetails {
                max_bytes: Some(*max_bytes),
                ..ErrorDetails::default()
            }),
            AttachmentError::UnsupportedType { detected } => Some(ErrorDetails {
                detected: Some(detected.to_string()),
                accepted: Some(accepted()),
                ..ErrorDetails::default()
            }),
            AttachmentError::TypeMismatch { named, detected } => Some(ErrorDetails {
                named: Some(named.media_type().to_string()),
                detected: Some(detected.media_type().to_string()),
                ..ErrorDetails::default()
            }),
            AttachmentError::Damaged(t) => Some(ErrorDetails {
                detected: Some(t.media_type().to_string()),
                ..ErrorDetails::default()
            }),
            AttachmentError::TooManyPending { max } => Some(ErrorDetails {
                max_pending: Some(*max as u64),
                ..ErrorDetails::default()
            }),
            AttachmentError::QuotaExceeded {
                max_files,
                max_bytes,
                used_files,
                used_bytes,
            } => Some(ErrorDetails {
                max_files: Some(*max_files as u64),
                max_bytes: Some(*max_bytes as u64),
                used_files: Some(*used_files as u64),
                used_bytes: Some(*used_bytes as u64),
                ..ErrorDetails::default()
            }),
            _ => None,
        }
    }
}

/// `GET /api/v1/attachments/limits`.
#[utoipa::path(
    get,
    path = "/api/v1/attachments/limits",
    operation_id = "getAttachmentLimits",
    tag = "attachments",
    summary = "The limits every upload and dossier keeps to, for checking a file before uploading it",
    responses(
        (status = 200, description = "The limits", body = portal_api::attachments::AttachmentLimits),
    ),
)]
pub async fn get_limits() -> Json<AttachmentLimits> {
    let accepted = FileType::ALL
        .iter()
        .map(|t| AcceptedType {
            media_type: t.media_type().to_string(),
            extensions: t.extensions().iter().map(|e| e.to_string()).collect(),
        })
        .collect();
    Json(AttachmentLimits {
        max_file_bytes: limits::MAX_FILE_BYTES,
        max_per_dossier: limits::MAX_PER_DOSSIER as u64,
        max_dossier_bytes: limits::MAX_DOSSIER_BYTES,
        max_pending_per_user: limits::MAX_PENDING_PER_USER as u64,
        accepted,
    })
}

#[derive(Deserialize)]
pub struct UploadQuery {
    name: Option<String>,
}

/// The last path component of the name the browser gave, trimmed, if acceptable. Names
/// with invisible or text-direction characters are refused, not cleaned: they exist to
/// make a name read differently from what it is (`hoadon\u{202E}fdp.exe.pdf` shows as
/// `hoadonexe.pdf`), and the sender should know the portal would not keep it as sent.
fn clean_name(raw: Option<&str>) -> Option<String> {
    let raw = raw?;
    let last = raw.rsplit(['/', '\\']).next().unwrap_or(raw).trim();
    let ok = !last.is_empty()
        && last != "."
        && last != ".."
        && last.chars().count() <= limits::MAX_NAME_CHARS
        && !last.chars().any(|c| c.is_control() || is_invisible(c));
    ok.then(|| last.to_string())
}

/// Reads the body into the temporary file, hashing it and keeping its head and tail.
struct Received {
    size: u64,
    sha256: String,
    bytes: Vec<u8>,
}

impl Received {
    /// The first bytes, where file types put their magic numbers.
    fn head(&self) -> &[u8] {
        &self.bytes[..self.bytes.len().min(sniff::HEAD_LEN)]
    }

    /// The last bytes, where PDF and PNG files say they end.
    fn tail(&self) -> &[u8] {
        &self.bytes[self.bytes.len().saturating_sub(sniff::TAIL_LEN)..]
    }
}

enum ReceiveError {
    TooLarge,
    Body,
}

async fn receive(body: &mut Body) -> Result<Received, ReceiveError> {
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    let mut bytes = Vec::new();
    let mut too_large = false;
    // Past the limit the rest is read and dropped (up to twice the limit), so the client
    // gets the 413 answer instead of a reset connection.
    let drain_limit = limits::MAX_FILE_BYTES * 2;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| ReceiveError::Body)?;
        let Ok(chunk) = frame.into_data() else {
            continue;
        };
        size += chunk.len() as u64;
        if size > limits::MAX_FILE_BYTES {
            too_large = true;
            bytes = Vec::new();
            if size > drain_limit {
                break;
            }
            continue;
        }
        hasher.update(&chunk);
        bytes.extend_from_slice(&chunk);
    }
    if too_large {
        return Err(ReceiveError::TooLarge);
    }
    Ok(Received {
        size,
        sha256: random::hex(&hasher.finalize()),
        bytes,
    })
}

/// `POST /api/v1/attachments?name=<file name>` with the file's bytes as the body.
#[utoipa::path(
    post,
    path = "/api/v1/attachments",
    operation_id = "uploadAttachment",
    tag = "attachments",
    summary = "Uploads one file (its bytes are the body). The type is read from the content (magic bytes), never from the name",
    description = "Accepted: PDF, JPEG, PNG up to max_file_bytes. A name whose extension names another accepted type than the content is refused (file_type_mismatch); PDF and PNG files cut short are refused (damaged_file).",
    params(
        ("X-Portal-Request" = String, Header, description = "Any non-empty value. Marks a state-changing call as coming from the portal's own pages: a cross-site page cannot send it without a CORS preflight, which this server never approves. A request without it, or whose Origin / Sec-Fetch-Site names another site, gets 403 cross_site_request"),
        ("name" = String, Query, description = "The file's name as the person knows it", max_length = 255),
    ),
    request_body(content(([u8] = "application/octet-stream"), ([u8] = "application/pdf"), ([u8] = "image/jpeg"), ([u8] = "image/png"))),
    responses(
        (status = 201, description = "Stored", body = portal_api::attachments::Attachment, headers(("Location" = String))),
        (status = 400, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 413, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 415, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 422, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn upload(
    origin: Result<SameOrigin, ApiError>,
    signed_in: Result<SignedIn, ApiError>,
    State(state): State<AppState>,
    query: Result<Query<UploadQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let mut body = body;
    let answer = match (origin, signed_in) {
        (Ok(_), Ok(SignedIn(user))) => receive_upload(user, state, query, headers, &mut body).await,
        (Err(refused), _) | (_, Err(refused)) => Err(refused),
    };
    if answer.is_err() {
        drain(&mut body).await;
    }
    answer
}

/// Reads and drops the rest of a refused upload's body (up to twice the file limit)
/// before the answer goes out. Closing the connection on an unread body would make a
/// proxy in front, still sending it, lose the answer and show the person a 502 instead
/// of "sign in again" or "file too large".
async fn drain(body: &mut Body) {
    let mut read: u64 = 0;
    while let Some(Ok(frame)) = body.frame().await {
        if let Ok(chunk) = frame.into_data() {
            read += chunk.len() as u64;
            if read > limits::MAX_FILE_BYTES * 2 {
                break;
            }
        }
    }
}

async fn receive_upload(
    user: crate::identity::User,
    state: AppState,
    query: Result<Query<UploadQuery>, QueryRejection>,
    headers: HeaderMap,
    body: &mut Body,
) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|e| RequestError::BadQuery(e.body_text()))?;
    let name = clean_name(query.name.as_deref()).ok_or(AttachmentError::BadName)?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if content_type.starts_with("multipart/") {
        return Err(AttachmentError::BadUploadFormat.into());
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits::MAX_FILE_BYTES * 2) {
        return Err(AttachmentError::FileTooLarge {
            max_bytes: limits::MAX_FILE_BYTES,
        }
        .into());
    }
    let owner = user.subject.clone();
    let (pending, usage) = {
        let mut c = state.db.conn().await?;
        (
            store::pending_count(&mut c, &owner).await?,
            store::usage(&mut c, &owner).await?,
        )
    };
    if pending >= limits::MAX_PENDING_PER_USER {
        return Err(AttachmentError::TooManyPending {
            max: limits::MAX_PENDING_PER_USER,
        }
        .into());
    }
    let quota = Quota::of(&state);
    quota.check(usage, declared.map_or(1, |n| n as i64))?;

    let id = random::id("att_").map_err(|e| {
        tracing::error!("upload: {e}");
        ApiError::Internal
    })?;
    let received = receive(body).await.map_err(|e| -> ApiError {
        match e {
            ReceiveError::TooLarge => AttachmentError::FileTooLarge {
                max_bytes: limits::MAX_FILE_BYTES,
            }
            .into(),
            ReceiveError::Body => RequestError::Incomplete.into(),
        }
    })?;
    let file_type = check_content(&name, &received)?;
    let record = AttachmentRecord {
        id: id.clone(),
        owner,
        name,
        media_type: file_type.media_type().to_string(),
        size: received.size as i64,
        sha256: received.sha256.clone(),
        created_at: clock::now(),
        dossier_id: None,
        dossier_code: None,
        supplement: false,
        from_agency: false,
    };
    let inserted: Result<Result<(), AttachmentError>, crate::db::DbError> = async {
        let mut tx = state.db.begin().await?;
        // Counted again with the row written: on PostgreSQL two uploads at once through
        // two instances could each see room for one more, so the limits are soft by at
        // most the number of instances; one process on SQLite counts exactly.
        if store::pending_count(&mut tx, &record.owner).await? >= limits::MAX_PENDING_PER_USER {
            return Ok(Err(AttachmentError::TooManyPending {
                max: limits::MAX_PENDING_PER_USER,
            }));
        }
        if let Err(e) = quota.check(store::usage(&mut tx, &record.owner).await?, record.size) {
            return Ok(Err(e));
        }
        store::insert(&mut tx, &record, &received.bytes).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }
    .await;
    inserted??;
    let location = HeaderValue::from_str(&portal_api::paths::attachment(&id))
        .unwrap_or(HeaderValue::from_static(portal_api::paths::ATTACHMENTS));
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(record.view()),
    )
        .into_response())
}

/// How much one person may keep over all their attachments, pending and submitted:
/// pending files are capped on their own, but submitted ones would otherwise pile up
/// without end.
#[derive(Debug, Clone, Copy)]
struct Quota {
    max_files: i64,
    max_bytes: i64,
}

impl Quota {
    fn of(state: &AppState) -> Quota {
        Quota {
            max_files: state.config.quota_files,
            max_bytes: state.config.quota_bytes,
        }
    }

    /// Whether one more file of `size` bytes fits beside `(files, bytes)` already kept.
    fn check(&self, (files, bytes): (i64, i64), size: i64) -> Result<(), AttachmentError> {
        if files < self.max_files && bytes.saturating_add(size) <= self.max_bytes {
            return Ok(());
        }
        Err(AttachmentError::QuotaExceeded {
            max_files: self.max_files,
            max_bytes: self.max_bytes,
            used_files: files,
            used_bytes: bytes,
        })
    }
}

/// The type of a received file, or why it is refused.
fn check_content(name: &str, r: &Received) -> Result<FileType, AttachmentError> {
    if r.size == 0 {
        return Err(AttachmentError::Empty);
    }
    let detected = match detect(r.head()) {
        Detected::Accepted(t) => t,
        Detected::Refused(detected) => return Err(AttachmentError::UnsupportedType { detected }),
    };
    if let Some(named) = FileType::from_name(name) {
        if named != detected {
            return Err(AttachmentError::TypeMismatch { named, detected });
        }
    }
    if !detected.tail_is_complete(r.tail()) {
        return Err(AttachmentError::Damaged(detected));
    }
    Ok(detected)
}

/// An attachment the user may see: their own, or (for staff) one in a dossier.
async fn visible(
    state: &AppState,
    user: &crate::identity::User,
    id: String,
) -> Result<AttachmentRecord, ApiError> {
    if !portal_api::ids::is_attachment_id(&id) {
        return Err(AttachmentError::NotFound.into());
    }
    let found = store::get(&mut *state.db.conn().await?, &id).await?;
    match found {
        Some(a)
            if a.owner == user.subject
                || (user.has_role(crate::identity::StaffRole::DossierOfficer)
                    && a.dossier_id.is_some()) =>
        {
            Ok(a)
        }
        _ => Err(AttachmentError::NotFound.into()),
    }
}

/// `GET /api/v1/attachments/{id}`.
#[utoipa::path(
    get,
    path = "/api/v1/attachments/{id}",
    operation_id = "getAttachment",
    tag = "attachments",
    summary = "An attachment's details: the uploader's own, or for staff one that is part of a dossier",
    params(
        ("id" = String, Path, pattern = "^att_[0-9a-f]{32}$"),
    ),
    responses(
        (status = 200, description = "The attachment", body = portal_api::attachments::Attachment),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn get_attachment(
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<AttachmentView>, ApiError> {
    let a = visible(&state, &user, id).await?;
    Ok(Json(a.view()))
}

/// `GET /api/v1/attachments/{id}/content`: the file, always as a download and with the
/// type found at upload, so a browser never renders it in the portal's origin.
#[utoipa::path(
    get,
    path = "/api/v1/attachments/{id}/content",
    operation_id = "getAttachmentContent",
    tag = "attachments",
    summary = "The file itself, always as a download with the type found at upload",
    params(
        ("id" = String, Path, pattern = "^att_[0-9a-f]{32}$"),
    ),
    responses(
        (status = 200, description = "The file", content(([u8] = "application/pdf"), ([u8] = "image/jpeg"), ([u8] = "image/png"))),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn get_content(
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let a = visible(&state, &user, id).await?;
    let bytes = store::bytes(&mut *state.db.conn().await?, &a.id)
        .await?
        .ok_or(AttachmentError::NotFound)?;
    let media = FileType::from_media_type(&a.media_type).unwrap_or(FileType::Pdf);
    let disposition = format!(
        "attachment; filename=\"attachment.{}\"; filename*=UTF-8''{}",
        media.extensions()[0],
        percent_encode(&a.name)
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(media.media_type()),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("sandbox; default-src 'none'"),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// RFC 8187 encoding of a file name for `filename*`.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `DELETE /api/v1/attachments/{id}`: removes a file not yet submitted.
#[utoipa::path(
    delete,
    path = "/api/v1/attachments/{id}",
    operation_id = "deleteAttachment",
    tag = "attachments",
    summary = "Deletes an uploaded file that is not yet in a dossier",
    params(
        ("X-Portal-Request" = String, Header, description = "Any non-empty value. Marks a state-changing call as coming from the portal's own pages: a cross-site page cannot send it without a CORS preflight, which this server never approves. A request without it, or whose Origin / Sec-Fetch-Site names another site, gets 403 cross_site_request"),
        ("id" = String, Path, pattern = "^att_[0-9a-f]{32}$"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 403, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 404, description = "An error with a stable code", body = portal_api::ErrorBody),
        (status = 409, description = "An error with a stable code", body = portal_api::ErrorBody),
    ),
)]
pub async fn delete_attachment(
    _origin: SameOrigin,
    SignedIn(user): SignedIn,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if !portal_api::ids::is_attachment_id(&id) {
        return Err(AttachmentError::NotFound.into());
    }
    let owner = user.subject.clone();
    let mut c = state.db.conn().await?;
    match store::get(&mut c, &id).await? {
        Some(a) if a.owner == owner => {
            if a.dossier_id.is_some() {
                return Err(AttachmentError::InUse.into());
            }
            // Between the read and the delete the file may have joined a dossier through
            // another instance: the delete's own condition decides.
            if !store::delete_pending(&mut c, &id, &owner).await? {
                return Err(AttachmentError::InUse.into());
            }
        }
        _ => return Err(AttachmentError::NotFound.into()),
    }
    Ok(StatusCode::NO_CONTENT)
}

/// This module's routes.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use crate::api::private;
    use axum::routing::{delete, get, post};
    use portal_api::paths::template as t;
    table
        .get(t::ATTACHMENT_LIMITS, get(get_limits))
        .post(t::ATTACHMENTS, private(post(upload)))
        .get(t::ATTACHMENT, private(get(get_attachment)))
        .delete(t::ATTACHMENT, private(delete(delete_attachment)))
        .get(t::ATTACHMENT_CONTENT, private(get(get_content)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_cleaned() {
        assert_eq!(
            clean_name(Some("C:\\scans\\giấy khai sinh.pdf")).as_deref(),
            Some("giấy khai sinh.pdf")
        );
        assert_eq!(
            clean_name(Some("../../etc/passwd")).as_deref(),
            Some("passwd")
        );
        assert_eq!(clean_name(Some("  a.png ")).as_deref(), Some("a.png"));
        for bad in [
            None,
            Some(""),
            Some("dir/"),
            Some(".."),
            Some("a\nb.pdf"),
            Some("hoadon\u{202E}fdp.exe.pdf"),
            Some("a\u{200B}.pdf"),
        ] {
            assert_eq!(clean_name(bad), None, "{bad:?}");
        }
        assert_eq!(clean_name(Some(&"a".repeat(256))), None);
        assert!(clean_name(Some(&"a".repeat(255))).is_some());
    }

    #[test]
    fn content_checks() {
        // The first and last bytes of a file, with a middle between them.
        let r = |head: &[u8], tail: &[u8], size| Received {
            size,
            sha256: String::new(),
            bytes: [head, &[b' '; sniff::HEAD_LEN + sniff::TAIL_LEN], tail].concat(),
        };
        assert_eq!(
            check_content("a.pdf", &r(b"%PDF-1.4", b"%%EOF\n", 10)).unwrap(),
            FileType::Pdf
        );
        assert_eq!(
            check_content("scan", &r(&[0xFF, 0xD8, 0xFF, 0xE1], b"", 10)).unwrap(),
            FileType::Jpeg
        );
        assert!(matches!(
            check_content("a.pdf", &r(b"MZ\x90\0", b"", 10)),
            Err(AttachmentError::UnsupportedType {
                detected: "windows-executable"
            })
        ));
        assert!(matches!(
            check_content("a.jpg", &r(b"%PDF-1.4", b"%%EOF", 10)),
            Err(AttachmentError::TypeMismatch { .. })
        ));
        assert!(matches!(
            check_content("a.pdf", &r(b"%PDF-1.4", b"stream", 10)),
            Err(AttachmentError::Damaged(FileType::Pdf))
        ));
        assert!(matches!(
            check_content("a.pdf", &r(b"", b"", 0)),
            Err(AttachmentError::Empty)
        ));
    }

    #[test]
    fn names_are_encoded_for_downloads() {
        assert_eq!(percent_encode("a b.pdf"), "a%20b.pdf");
        assert_eq!(percent_encode("ả\"\r"), "%E1%BA%A3%22%0D");
    }
}
