//! The reference server of the portal API: the contract in `openapi.json`, implemented
//! over real HTTP on an embedded SQLite database (one process) or on PostgreSQL (as many
//! identical instances as a deployment needs, all state in the database). It also
//! serves the built web app so one process is the portal.

pub mod admin_units;
pub mod agencies;
pub mod api;
pub mod attachments;
pub mod client;
pub mod clock;
pub mod config;
pub mod copy_db;
pub mod db;
pub mod dossiers;
pub mod drafts;
pub mod feedback;
pub mod generate;
pub mod html;
pub mod identity;
pub mod payments;
pub mod published;
pub mod random;
pub mod receipt;
pub mod request_id;
pub mod security;
pub mod staff_catalog;
pub mod statistics;
pub mod tracking;
pub mod web;

use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt;
use tower_http::timeout::RequestBodyTimeoutLayer;

pub use config::Config;
use db::Database;
use published::{LiveCatalogue, Published};

/// Everything a request handler may need, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Database,
    /// The published catalogue, swapped whole on publish and rollback.
    pub catalogue: Arc<LiveCatalogue>,
    /// Draft catalogues staff are previewing, parsed.
    pub drafts: Arc<staff_catalog::DraftCache>,
    /// Seals people's unfinished applications at rest.
    pub drafts_seal: Arc<drafts::Seal>,
    pub config: Arc<Config>,
    /// The built-in sandbox sign-in's test identities.
    pub identities: Arc<identity::Directory>,
    /// Who is staff, with which roles.
    pub staff: Arc<identity::StaffDirectory>,
    /// The OpenID provider people sign in with, when one is configured.
    pub relying_party: Option<Arc<identity::oidc::RelyingParty>>,
    /// Key of the payment provider's callback signatures.
    pub payment_key: Arc<payments::SigningKey>,
    /// Provinces, communes and the pre-2025 mapping; `None` when the catalogue folder
    /// has no `admin-units/` (those routes then answer 503).
    pub admin_units: Option<Arc<admin_units::PublishedUnits>>,
    /// Signs the sign-in page's state, which the server then need not store until the
    /// form comes back; kept in the database, the same for every instance.
    pub sign_in_key: Arc<payments::SigningKey>,
    /// Sign-in attempts per client.
    pub sign_in_throttle: Arc<client::Throttle>,
    /// The agencies' systems: where deliveries go, and the keys of their events.
    pub agencies: Arc<agencies::Directory>,
    /// Wakes this instance's delivery worker when a delivery is owed.
    pub delivery_wake: Arc<tokio::sync::Notify>,
    /// The daily numbers of dossier codes this instance is handing out.
    pub dossier_numbers: Arc<dossiers::numbers::Numbers>,
    /// The HTTP client deliveries go out through.
    pub http: reqwest::Client,
    /// The public figures computed lately.
    pub statistics: Arc<statistics::Cache>,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("the catalogue could not be loaded: {0}")]
    Catalogue(#[from] portal_catalog::LoadError),
    #[error("the administrative units could not be loaded: {0}")]
    AdminUnits(#[from] admin_units::AdminUnitsError),
    #[error("the database could not be opened: {0}")]
    Database(#[from] db::DbError),
    #[error("{0}")]
    Identities(#[from] identity::IdentityFileError),
    #[error("{0}")]
    Staff(#[from] identity::StaffFileError),
    #[error("{0}")]
    IdentityProvider(#[from] identity::oidc::OidcError),
    #[error("{0}")]
    Settings(String),
    #[error("{0}")]
    Random(#[from] random::RandomError),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: String,
        #[source]
        source: std::io::Error,
    },
}

/// Connects to the identity provider, if one is configured: discovery, with the
/// settings it needs checked first.
async fn connect_identity_provider(
    config: &Config,
) -> Result<Option<Arc<identity::oidc::RelyingParty>>, StartError> {
    let Some(issuer) = &config.oidc_issuer else {
        return Ok(None);
    };
    let settings = |m: &str| StartError::Settings(m.to_string());
    if config.sandbox_sign_in {
        return Err(settings(
            "the sandbox sign-in cannot be on with a real identity provider: drop --sandbox-sign-in or --oidc-issuer",
        ));
    }
    let origin = config.public_origin.as_deref().ok_or_else(|| {
        settings("--oidc-issuer needs --origin, the address the provider sends people back to")
    })?;
    let secret = config.oidc_client_secret.as_deref().ok_or_else(|| {
        settings("--oidc-issuer needs the client secret in PORTAL_OIDC_CLIENT_SECRET")
    })?;
    let rp = identity::oidc::RelyingParty::discover(issuer, &config.oidc_client_id, secret, origin)
        .await?;
    tracing::info!("signing in through the OpenID provider {issuer}");
    Ok(Some(Arc::new(rp)))
}

/// The staff directory: the configured file, else the sandbox's with the sandbox
/// sign-in, else nobody.
fn staff_directory(config: &Config) -> Result<identity::StaffDirectory, StartError> {
    Ok(match &config.staff_directory {
        Some(path) => identity::StaffDirectory::read(path)?,
        None if config.sandbox_sign_in => identity::StaffDirectory::sandbox()?,
        None => {
            tracing::warn!(
                "no staff directory (--staff-directory): nobody can use the staff pages"
            );
            identity::StaffDirectory::default()
        }
    })
}

/// Loads the catalogue, connects to the identity provider, opens and migrates the
/// database and builds the state.
pub async fn prepare(config: Config) -> Result<AppState, StartError> {
    let relying_party = connect_identity_provider(&config).await?;
    let staff = staff_directory(&config)?;
    if config.sandbox() {
        tracing::warn!(
            "sandbox stand-ins are on (sign-in or payments): never run so for the public"
        );
    }
    let files = portal_catalog::read_dir(&config.catalog_dir)?;
    let identities = identity::Directory::sandbox()?;
    let units_dir = config.catalog_dir.join("admin-units");
    let admin_units = if units_dir.is_dir() {
        Some(Arc::new(admin_units::load(&units_dir)?))
    } else {
        tracing::warn!(
            "{} is missing: the administrative unit routes will answer 503",
            units_dir.display()
        );
        None
    };
    let db = Database::open(&config.db).await?;
    let (catalogue, disk, seq) =
        staff_catalog::starting_catalogue(&mut *db.conn().await?, &files).await?;
    db.record_catalogue(&catalogue).await?;
    let (payment_key, sign_in_key, drafts_seal) = {
        let mut c = db.conn().await?;
        if db.engine() == db::Engine::Sqlite {
            let (moved, dropped) =
                attachments::store::import_files(&mut c, Path::new(&config.db)).await?;
            if moved + dropped > 0 {
                tracing::info!(
                    "moved {moved} attachment file(s) into the database, dropped {dropped} without a row"
                );
            }
        }
        let configured = config.payment_secret.as_deref();
        let payment_key = payments::load_key(&mut c, configured, &random::token()?).await?;
        // Every instance signs sign-in state with the same key, so a person who starts
        // signing in through one instance can finish through another.
        let sign_in = db::shared_secret(&mut c, "sign_in_key", &random::token()?).await?;
        let drafts_secret = match &config.drafts_secret {
            Some(s) if s.chars().count() < drafts::seal::MIN_SECRET_CHARS => {
                return Err(StartError::Settings(format!(
                    "PORTAL_DRAFTS_SECRET must be at least {} characters",
                    drafts::seal::MIN_SECRET_CHARS
                )));
            }
            Some(s) => s.clone(),
            None => db::shared_secret(&mut c, "drafts_key", &random::token()?).await?,
        };
        (
            payment_key,
            payments::SigningKey::new(sign_in.as_bytes()),
            drafts::Seal::new(&drafts_secret),
        )
    };
    let sign_in_throttle = identity::sign_in_throttle(&config);
    let agencies = agencies::Directory::load(
        config.agencies.as_deref(),
        config.agency_sandbox.as_deref(),
        config.agency_sandbox_secret.as_deref(),
        |name| std::env::var(name).ok().filter(|v| !v.is_empty()),
    )
    .map_err(StartError::Settings)?;
    if agencies.is_empty() {
        tracing::warn!(
            "no agency systems are configured (--agencies, --agency-sandbox): dossiers wait in the outbox until one is"
        );
    }
    if !config.embed_origins.is_empty() {
        tracing::info!(
            "sites that may read the catalogue cross-origin (--embed-origins): {}",
            config.embed_origins.join(", ")
        );
    }
    let http = reqwest::Client::builder()
        .user_agent(concat!("portal-server/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| StartError::Settings(format!("the HTTP client could not start: {e}")))?;
    let engine = db.engine();
    Ok(AppState {
        db,
        catalogue: Arc::new(LiveCatalogue::new(Published::new(catalogue), seq, disk)),
        drafts: Arc::default(),
        drafts_seal: Arc::new(drafts_seal),
        config: Arc::new(config),
        identities: Arc::new(identities),
        staff: Arc::new(staff),
        relying_party,
        payment_key: Arc::new(payment_key),
        admin_units,
        sign_in_key: Arc::new(sign_in_key),
        sign_in_throttle: Arc::new(sign_in_throttle),
        agencies: Arc::new(agencies),
        delivery_wake: Arc::default(),
        dossier_numbers: Arc::new(dossiers::numbers::Numbers::new(engine)),
        http,
        statistics: Arc::default(),
    })
}

/// The whole HTTP application: API routes, then the web app.
pub fn app(state: AppState) -> Router {
    let config = state.config.clone();
    let mut router = api::routes()
        .into_router(&config.embed_origins)
        .merge(web::routes(&state.config))
        .with_state(state)
        .layer(RequestBodyTimeoutLayer::new(config.body_timeout))
        // A handler that hangs (a stuck disk, a lock held too long) answers 503 rather
        // than holding the connection and its memory for ever.
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(axum::middleware::from_fn(request_id::layer));
    for layer in security::layers(&config) {
        router = router.layer(layer);
    }
    router
}

/// The longest a request may take once its body has arrived.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// How long open connections get to finish once shutdown starts.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Serves the application on `listener` until `shutdown` completes. Unlike
/// `axum::serve`, a client gets the configured time to send its headers, which also
/// bounds how long an idle kept-alive connection stays open; request bodies are bounded
/// by the body timeout in [`app`]. Handlers see the peer address as `ConnectInfo`.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(state.config.header_timeout);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(state.config.header_timeout);
    // Publications made through other instances (on PostgreSQL) are served within
    // about a second; with SQLite this process is the only one and finds none.
    let follower = tokio::spawn(staff_catalog::follow_publications(state.clone()));
    // Every instance delivers; on PostgreSQL their claims skip each other's rows.
    let deliverer = tokio::spawn(agencies::worker::run(
        state.clone(),
        state.delivery_wake.clone(),
    ));
    let app = app(state);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait rather than spin.
                    tracing::warn!("accepting a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let router = app.clone();
        let service = tower::service_fn(
            move |mut req: axum::extract::Request<hyper::body::Incoming>| {
                req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
                router.clone().oneshot(req)
            },
        );
        let conn = builder
            .serve_connection_with_upgrades(TokioIo::new(stream), TowerToHyperService::new(service))
            .into_owned();
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!("connection from {peer}: {e}");
            }
        });
    }
    drop(listener);
    follower.abort();
    deliverer.abort();
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("some connections were still open at shutdown");
    }
    Ok(())
}

/// Binds the configured address and serves until Ctrl-C / SIGTERM.
pub async fn run(state: AppState) -> Result<(), StartError> {
    let addr = format!("{}:{}", state.config.host, state.config.port);
    let listener = TcpListener::bind(&addr)
        .await
        .map_err(|source| StartError::Listen {
            addr: addr.clone(),
            source,
        })?;
    let local = listener
        .local_addr()
        .map_err(|source| StartError::Listen { addr, source })?;
    println!("Portal running at http://{local}/  (press Ctrl-C to stop)");
    serve(listener, state, shutdown_signal())
        .await
        .map_err(|source| StartError::Listen {
            addr: local.to_string(),
            source,
        })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
