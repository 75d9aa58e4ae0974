//! The client of the portal API: the contract crate `portal-api` gives every body and path.
//! The app talks to nothing else.

use leptos::prelude::use_context;
use portal_api::catalogue::ServiceForm;
use portal_core::admin_units::{
    is_province_code, LegacyQuery, LegacyResult, Province, ProvinceCommunes,
};
use portal_core::CatalogueIndex;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Deserialize;

pub use portal_api::drafts::SavedDraft;
use portal_api::paths;
pub use portal_api::payments::PaymentStarted;
pub use portal_api::{AddDocuments, ErrorBody, Problem, Receipt};

pub mod staff;

/// Where the public pages read the catalogue from: what citizens see, or a staff draft
/// being previewed under `/staff/preview/{draft}`. Provided as a context by the preview
/// layout; links made through [`href`] keep the preview prefix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ApiSource {
    #[default]
    Published,
    Draft(String),
}

impl ApiSource {
    /// The source a path belongs to: `/staff/preview/{draft}/...` is the draft's.
    pub fn from_path(path: &str) -> ApiSource {
        let mut parts = path.trim_start_matches('/').split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("staff"), Some("preview"), Some(id)) if !id.is_empty() => {
                ApiSource::Draft(id.to_string())
            }
            _ => ApiSource::Published,
        }
    }

    /// `path` (an app path starting with `/`) as seen from this source.
    pub fn href(&self, path: &str) -> String {
        match self {
            ApiSource::Published => path.to_string(),
            ApiSource::Draft(id) => {
                let base = portal_api::routes::staff_preview(id);
                let rest = path.strip_prefix('/').unwrap_or(path);
                if rest.is_empty() || rest.starts_with('?') || rest.starts_with('#') {
                    base + rest
                } else {
                    base + "/" + rest
                }
            }
        }
    }

    pub fn draft(&self) -> Option<&str> {
        match self {
            ApiSource::Published => None,
            ApiSource::Draft(id) => Some(id),
        }
    }
}

/// The current source: the context when there is a reactive owner, else the page's URL
/// (for window listeners, which run outside any owner).
pub fn source() -> ApiSource {
    use_context::<ApiSource>().unwrap_or_else(|| {
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        ApiSource::from_path(&path)
    })
}

/// An app link that stays inside the preview when in it, and leads to the portal's
/// own origin from an embedding site's page.
pub fn href(path: &str) -> String {
    let path = source().href(path);
    match PORTAL_ORIGIN.get() {
        Some(origin) => format!("{origin}{path}"),
        None => path,
    }
}

/// The portal's origin when the app runs inside another site's page (`embed`): its
/// requests and links go there. Unset on the portal's own pages, whose paths are
/// relative.
static PORTAL_ORIGIN: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Sets the portal's origin for an embedding element (once; later calls keep the first,
/// since one script serves every element of a page from one origin).
pub fn set_portal_origin(origin: &str) {
    let _ = PORTAL_ORIGIN.set(origin.trim_end_matches('/').to_string());
}

/// Whether the app runs inside another site's page.
pub fn is_embedded() -> bool {
    PORTAL_ORIGIN.get().is_some()
}

/// `url` (an API path) where the browser must send it.
fn absolute(url: &str) -> std::borrow::Cow<'_, str> {
    match PORTAL_ORIGIN.get() {
        Some(origin) if url.starts_with('/') => format!("{origin}{url}").into(),
        _ => url.into(),
    }
}

/// Why a request failed, in terms the UI can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, DNS, connection refused, aborted.
    Network,
    /// The server answered with an error; `code` is the contract's stable error code.
    Server { status: u16, code: String },
    /// The answer was not what the contract promises.
    Malformed,
}

impl ApiError {
    /// A short word for what failed: the contract's error code, `network` or `malformed`
    /// (what an embedding element tells its host).
    pub fn code(&self) -> String {
        match self {
            ApiError::Network => "network".into(),
            ApiError::Server { code, .. } => code.clone(),
            ApiError::Malformed => "malformed".into(),
        }
    }

    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            ApiError::Server { status: 404, .. } | ApiError::Server { status: 400, .. }
        )
    }
}

async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    get_versioned_json(url).await.map(|(value, _)| value)
}

/// The answer to `url` and the catalogue version it belongs to, when known (the preload
/// block's `data-version`, or the answer's `ETag`).
async fn get_versioned_json<T: DeserializeOwned>(
    url: &str,
) -> Result<(T, Option<String>), ApiError> {
    let preloaded = preloaded_in_a_task_of_its_own(url)
        .await
        .and_then(|block| Some((crate::json::from_str(&block.body).ok()?, block.version)));
    let read = match preloaded {
        Some(read) => read,
        None => {
            let (body, version) = get_text(url).await?;
            (parse(&body)?, version)
        }
    };
    // What was read is drawn in a task apart from the reading.
    crate::tasks::next_task().await;
    Ok(read)
}

/// The block the server put in the page for `url`, if any, in the task after the one that
/// asks. A page that starts with one reads it (up to 25 KB of JSON for a form) in a task
/// apart from the one that draws the page around it, and draws what it read in the next
/// (`get_versioned_json`), so that none of the three blocks the browser long: the
/// catalogue's swap of its first paint, reading and drawing were one task of 23 ms on this
/// machine, over 90 ms at Lighthouse's 4x CPU. Not generic, so compiled once.
async fn preloaded_in_a_task_of_its_own(url: &str) -> Option<Preloaded> {
    // A host page's own blocks are never read (nor removed) as the portal's.
    let block = (!is_embedded()).then(|| preloaded(url)).flatten()?;
    crate::tasks::next_task().await;
    Some(block)
}

/// The body of a successful answer to `GET url`, and the catalogue version of its
/// `ETag`. Not generic, as nothing about fetching depends on what is read: each type a
/// bundle reads adds only its reader, not another copy of the request.
async fn get_text(url: &str) -> Result<(String, Option<String>), ApiError> {
    let res = send(gloo_net::http::Request::get(&absolute(url))).await?;
    let version = res
        .headers()
        .get("ETag")
        .map(|tag| tag.trim_start_matches("W/").trim_matches('"').to_string());
    Ok((read_text(res).await?, version))
}

/// Data the server put in the page for one request (see [`preloaded`]).
#[derive(Debug, PartialEq)]
pub struct Preloaded {
    pub body: String,
    /// The catalogue version the data belongs to.
    pub version: Option<String>,
}

/// The body of `url` when the server put it in the page (a `<script type=
/// "application/json" id="preload">` data block, see the server's `web/first_paint.rs`),
/// saving the first request a round trip. Taken once: later reads ask the server.
pub fn preloaded(url: &str) -> Option<Preloaded> {
    let block = leptos::prelude::document().get_element_by_id("preload")?;
    if block.get_attribute("data-url").as_deref() != Some(url) {
        return None;
    }
    block.remove();
    Some(Preloaded {
        body: block.text_content()?,
        version: block.get_attribute("data-version"),
    })
}

async fn send_json<T: DeserializeOwned>(
    req: gloo_net::http::RequestBuilder,
) -> Result<T, ApiError> {
    read_response(send(req).await?).await
}

/// A successful answer read as `T` (see [`read_text`]).
async fn read_response<T: DeserializeOwned>(res: gloo_net::http::Response) -> Result<T, ApiError> {
    parse(&read_text(res).await?)
}

/// Sends a request for JSON; no answer at all is a network error.
async fn send(req: gloo_net::http::RequestBuilder) -> Result<gloo_net::http::Response, ApiError> {
    req.header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ApiError::Network)
}

/// A successful answer's body; a refusal is an error with the code its body gives.
async fn read_text(res: gloo_net::http::Response) -> Result<String, ApiError> {
    let status = res.status();
    let body = res.text().await.map_err(|_| ApiError::Network)?;
    if !(200..300).contains(&status) {
        let code = refusal_code(&body);
        return Err(ApiError::Server { status, code });
    }
    Ok(body)
}

/// The error code a refusal's body gives (`unknown` when it gives none).
fn refusal_code(body: &str) -> String {
    crate::json::from_str::<ErrorBody<IgnoredAny>>(body)
        .map(|b| b.error.code)
        .unwrap_or_else(|_| "unknown".into())
}

/// The catalogue index of the current [`source`] (read when called, not when awaited).
pub fn catalogue() -> impl std::future::Future<Output = Result<CatalogueIndex, ApiError>> {
    let url = match source() {
        ApiSource::Published => paths::CATALOGUE.to_string(),
        ApiSource::Draft(d) => paths::staff_draft_catalogue(&d),
    };
    async move { get_json(&url).await }
}

/// One service of the current [`source`] without its form: what its page shows.
pub fn service_overview(
    id: &str,
) -> impl std::future::Future<Output = Result<portal_api::catalogue::ServiceOverview, ApiError>> {
    overview(id)
}

/// What a dossier's pages and the list of the 25 read of a service of the current
/// [`source`]: its name, agency, time and a bundle's procedures (its overview, read as
/// this projection). Read once in a page's life: the dossier's page after Send finds the
/// outline Check answers had read while the person checked (see
/// [`read_outline_when_drawn`]), so the confirmation waits for one answer less.
pub fn service_outline(
    id: &str,
) -> impl std::future::Future<Output = Result<portal_api::catalogue::ServiceOutline, ApiError>> {
    let url = overview_url(id);
    async move {
        let url = url?;
        let known = OUTLINES.with_borrow(|read| {
            read.iter()
                .find(|(at, _)| *at == url)
                .map(|(_, outline)| outline.clone())
        });
        if let Some(outline) = known {
            return Ok(outline);
        }
        let outline: portal_api::catalogue::ServiceOutline = get_json(&url).await?;
        OUTLINES.with_borrow_mut(|read| read.push((url, outline.clone())));
        Ok(outline)
    }
}

thread_local! {
    /// The outlines read in this page's life, with their address (a draft's apart): a
    /// few (the list of the 25 reads the most), so a list, without a hasher's code.
    static OUTLINES: std::cell::RefCell<Vec<(String, portal_api::catalogue::ServiceOutline)>> =
        Default::default();
}

/// Reads the service's outline once the page is drawn and usable, for the page that
/// comes next (the dossier's, after Send); a failure is not kept: that page reads it then.
pub fn read_outline_when_drawn(id: &str) {
    let read = service_outline(id);
    leptos::task::spawn_local(async move {
        crate::tasks::after_page_drawn().await;
        let _ = read.await;
    });
}

/// A service's overview of the current [`source`], read as `T` (the whole overview or a
/// projection of it).
fn overview<T: DeserializeOwned>(
    id: &str,
) -> impl std::future::Future<Output = Result<T, ApiError>> {
    let url = overview_url(id);
    async move { get_json(&url?).await }
}

/// The address of a service's overview in the current [`source`] (read when called).
fn overview_url(id: &str) -> Result<String, ApiError> {
    if !portal_core::ServiceId::is_valid(id) {
        return Err(ApiError::Server {
            status: 400,
            code: "bad_service_id".into(),
        });
    }
    Ok(match source() {
        ApiSource::Published => paths::service_overview(id),
        ApiSource::Draft(d) => paths::staff_draft_service_overview(&d, id),
    })
}

/// What a form's page reads of a service of the current [`source`] (its form, fee
/// rules, applicants and kind, without what only the service page shows), and the
/// catalogue version it was read from (what a form's draft records).
pub fn service_form(
    id: &str,
) -> impl std::future::Future<Output = Result<(ServiceForm, String), ApiError>> {
    versioned(id, paths::service_form, paths::staff_draft_service_form)
}

/// What the current [`source`] answers about service `id` at `published(id)` (or, for a
/// staff draft, `draft(draft, id)`), read as `T`, and the catalogue version it was read
/// from: the page's data block or the answer's `ETag` (a staff draft's answers carry the
/// draft's), never a second request.
fn versioned<T: DeserializeOwned>(
    id: &str,
    published: fn(&str) -> String,
    draft: fn(&str, &str) -> String,
) -> impl std::future::Future<Output = Result<(T, String), ApiError>> {
    let valid = portal_core::ServiceId::is_valid(id);
    let url = match source() {
        ApiSource::Published => published(id),
        ApiSource::Draft(d) => draft(&d, id),
    };
    async move {
        if !valid {
            return Err(ApiError::Server {
                status: 400,
                code: "bad_service_id".into(),
            });
        }
        let (service, version) = get_versioned_json(&url).await?;
        Ok((service, version.unwrap_or_default()))
    }
}

/// The public statistics' report at `url` (`Filters::report_url`).
pub async fn statistics(url: &str) -> Result<portal_api::statistics::Report, ApiError> {
    get_json(url).await
}

/// The legal texts the published catalogue relies on, with the services citing each.
pub async fn legal_sources() -> Result<portal_api::catalogue::LegalSources, ApiError> {
    get_json(paths::CATALOGUE_SOURCES).await
}

#[derive(Deserialize)]
struct ProvinceList {
    provinces: Vec<Province>,
}

/// The 34 provinces, alphabetical.
pub async fn provinces() -> Result<Vec<Province>, ApiError> {
    let list = get_json::<ProvinceList>(paths::PROVINCES)
        .await
        .map(|l| l.provinces)?;
    crate::form::known_units::learn_provinces(list.iter().map(|p| p.code.as_str()));
    Ok(list)
}

/// Every province with the services its people can file online here (the catalogue's
/// province filter).
pub async fn availability() -> Result<portal_api::catalogue::AvailabilityMap, ApiError> {
    get_json(paths::CATALOGUE_AVAILABILITY_ALL).await
}

/// A service's card for an embedding site, naming the agency of `province` when given.
pub async fn service_card(
    id: &str,
    province: Option<&str>,
) -> Result<portal_api::catalogue::ServiceCard, ApiError> {
    if !portal_core::ServiceId::is_valid(id) || province.is_some_and(|p| !is_province_code(p)) {
        return Err(ApiError::Server {
            status: 400,
            code: "bad_request".into(),
        });
    }
    get_json(&paths::service_card(id, province)).await
}

/// One province's communes, loaded only when the province is chosen.
pub async fn communes(province: &str) -> Result<ProvinceCommunes, ApiError> {
    if !is_province_code(province) {
        return Err(ApiError::Server {
            status: 400,
            code: "bad_province_code".into(),
        });
    }
    let list: ProvinceCommunes = get_json(&paths::communes(province)).await?;
    crate::form::known_units::learn_communes(
        province,
        list.communes.iter().map(|c| c.code.as_str()),
    );
    Ok(list)
}

/// The communes a pre-2025 address now belongs to.
pub async fn legacy(q: &LegacyQuery) -> Result<LegacyResult, ApiError> {
    let params = [
        ("ward", q.ward.as_str()),
        ("district", q.district.as_str()),
        ("province", q.province.as_str()),
    ];
    send_json(gloo_net::http::Request::get(paths::LEGACY_ADDRESS).query(params)).await
}

/// Follows a sign-in link to the identity provider, returning to the page the user is on
/// now (read at click time, so it is right whatever route rendered the link).
pub fn go_to_sign_in(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_href(&sign_in_url());
    }
}

/// The sandbox identity provider's sign-in page, returning to the current page.
pub fn sign_in_url() -> String {
    let here = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into());
    paths::sign_in(&here)
}

// --- sign-in, dossiers, payments ------------------------------------------------------

/// The forms' part of the session (see `session::provide_session`).
pub async fn session() -> Result<crate::session::FormSession, ApiError> {
    get_json(paths::SESSION).await
}

/// The header's part of the same answer (see `session::provide_header`).
pub async fn session_header() -> Result<crate::session::SessionHeader, ApiError> {
    get_json(paths::SESSION).await
}

/// Sends a state-changing request with the header the server requires of this site's
/// own pages (cross-site requests cannot set it). A refusal keeps its body, for the
/// details some refusals carry (the problems of an invalid dossier).
async fn send_state_change(
    method: &str,
    url: &str,
    body: Option<&str>,
    idempotency_key: Option<&str>,
) -> Result<String, (ApiError, String)> {
    let mut req = match method {
        "DELETE" => gloo_net::http::Request::delete(url),
        "PUT" => gloo_net::http::Request::put(url),
        _ => gloo_net::http::Request::post(url),
    }
    .header("X-Portal-Request", "1")
    .header("Accept", "application/json")
    // Refusals come back in the language the person reads the page in.
    .header("Accept-Language", crate::prefs::saved_lang().tag());
    if let Some(k) = idempotency_key {
        req = req.header("Idempotency-Key", k);
    }
    let res = match body {
        Some(b) => {
            req.header("Content-Type", "application/json")
                .body(b.to_string())
                .map_err(|_| (ApiError::Malformed, String::new()))?
                .send()
                .await
        }
        None => req.send().await,
    }
    .map_err(|_| (ApiError::Network, String::new()))?;
    let status = res.status();
    let text = res
        .text()
        .await
        .map_err(|_| (ApiError::Network, String::new()))?;
    if !(200..300).contains(&status) {
        let code = refusal_code(&text);
        return Err((ApiError::Server { status, code }, text));
    }
    Ok(text)
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    crate::json::from_str(text).map_err(|_| ApiError::Malformed)
}

/// The problems in an `invalid_dossier` refusal's body; empty when there are none.
pub fn problems_of(body: &str) -> Vec<Problem> {
    crate::json::from_str::<ErrorBody>(body)
        .map(|b| b.problems().to_vec())
        .unwrap_or_default()
}

/// What the server says about a submission.
#[derive(Debug, Clone, PartialEq)]
pub enum SubmitError {
    /// Refused as invalid: what to fix.
    Invalid(Vec<Problem>),
    Api(ApiError),
}

/// Submits a dossier: `body` is the JSON sent, `key` its idempotency key (the same on
/// every retry of this attempt).
pub async fn submit_dossier(body: &str, key: &str) -> Result<Receipt, SubmitError> {
    match send_state_change("POST", paths::DOSSIERS, Some(body), Some(key)).await {
        Ok(text) => parse(&text).map_err(SubmitError::Api),
        Err((ApiError::Server { status: 422, code }, text)) => {
            let problems = problems_of(&text);
            if problems.is_empty() {
                Err(SubmitError::Api(ApiError::Server { status: 422, code }))
            } else {
                Err(SubmitError::Invalid(problems))
            }
        }
        Err((e, _)) => Err(SubmitError::Api(e)),
    }
}

/// A dossier: the applicant's own (signed in), or with lookup credentials (ID number,
/// lookup secret), one of which may be empty.
pub async fn dossier(
    code: &str,
    credentials: Option<(&str, &str)>,
) -> Result<crate::tracking::Dossier, ApiError> {
    let url = match credentials {
        Some((id, secret)) => paths::dossier_lookup(code, id, secret),
        None => paths::dossier(code),
    };
    get_json(&url).await
}

pub async fn my_dossiers() -> Result<crate::tracking::DossierList, ApiError> {
    get_json(paths::DOSSIERS).await
}

// --- unfinished applications kept on the server (signed in) ---------------------------

pub async fn my_drafts() -> Result<portal_api::drafts::DraftList, ApiError> {
    get_json(paths::DRAFTS).await
}

/// The copy the server keeps; `None` when it keeps none.
pub async fn my_draft(service: &str) -> Result<Option<portal_core::form::Draft>, ApiError> {
    get_json::<portal_api::drafts::KeptDraft>(&paths::draft(service))
        .await
        .map(|k| k.draft)
}

/// Sends the device's copy; the answer is the copy merged with the server's.
pub async fn save_my_draft(draft: &portal_core::form::Draft) -> Result<SavedDraft, ApiError> {
    let body = serde_json::to_string(draft).map_err(|_| ApiError::Malformed)?;
    let text = send_state_change(
        "PUT",
        &paths::draft(draft.service.as_str()),
        Some(&body),
        None,
    )
    .await
    .map_err(|(e, _)| e)?;
    parse(&text)
}

pub async fn delete_my_draft(service: &str) -> Result<(), ApiError> {
    send_state_change("DELETE", &paths::draft(service), None, None)
        .await
        .map(|_| ())
        .map_err(|(e, _)| e)
}

/// Starts (or resumes) paying the dossier's fee; the browser is then sent to `pay_url`,
/// which returns to the tracking page.
pub async fn start_payment(code: &str) -> Result<PaymentStarted, ApiError> {
    let text = send_state_change("POST", &paths::dossier_payments(code), Some("{}"), None)
        .await
        .map_err(|(e, _)| e)?;
    parse(&text)
}

pub async fn add_documents(code: &str, attachments: &[String]) -> Result<(), ApiError> {
    let body = AddDocuments {
        attachments: attachments.to_vec(),
        note: None,
    };
    let body = serde_json::to_string(&body).map_err(|_| ApiError::Malformed)?;
    send_state_change("POST", &paths::dossier_documents(code), Some(&body), None)
        .await
        .map(|_| ())
        .map_err(|(e, _)| e)
}

/// Rates how a decided dossier was handled (once).
pub async fn rate_dossier(
    code: &str,
    rating: &portal_api::NewRating,
) -> Result<portal_api::GivenRating, ApiError> {
    let body = serde_json::to_string(rating).map_err(|_| ApiError::Malformed)?;
    let text = send_state_change("POST", &paths::dossier_rating(code), Some(&body), None)
        .await
        .map_err(|(e, _)| e)?;
    parse(&text)
}

// --- feedback ------------------------------------------------------------------------

/// Sends feedback; a refusal's problems come back for the error summary.
pub async fn send_feedback(
    feedback: &portal_api::feedback::NewFeedback,
) -> Result<(), SubmitError> {
    let body =
        serde_json::to_string(feedback).map_err(|_| SubmitError::Api(ApiError::Malformed))?;
    match send_state_change("POST", paths::FEEDBACK, Some(&body), None).await {
        Ok(_) => Ok(()),
        Err((ApiError::Server { status: 422, code }, text)) => {
            let problems = problems_of(&text);
            if problems.is_empty() {
                Err(SubmitError::Api(ApiError::Server { status: 422, code }))
            } else {
                Err(SubmitError::Invalid(problems))
            }
        }
        Err((e, _)) => Err(SubmitError::Api(e)),
    }
}
