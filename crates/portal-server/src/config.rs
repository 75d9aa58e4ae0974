//! Server settings from command-line flags and `PORTAL_*` environment variables (a flag
//! wins over its variable), with defaults that work from the repository root.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub host: String,
    pub port: u16,
    /// The database: a SQLite file path (created and migrated on start) or a
    /// `postgres://` URL (migrated on start).
    pub db: String,
    /// Folder holding `services/*.toml`.
    pub catalog_dir: PathBuf,
    /// The built web app (trunk's `dist/`).
    pub dist_dir: PathBuf,
    /// The origin browsers see (`https://portal.example`), when the server sits behind a
    /// proxy; it decides the cookie's Secure flag, HSTS and the Origin check. Without it
    /// the origin is taken from the request's Host (and X-Forwarded-Proto).
    pub public_origin: Option<String>,
    /// The sites that may embed the portal's elements: their pages' scripts may read the
    /// public catalogue routes the elements call (CORS). Exact origins, as browsers send
    /// them: `https://dichvucong.hochiminhcity.gov.vn`.
    pub embed_origins: Vec<String>,
    /// Proxies whose `X-Forwarded-For` names the client; from any other peer the
    /// connection's own address is the client's.
    pub trusted_proxies: Vec<IpAddr>,
    /// A session ends after this long without a request.
    pub session_idle: Duration,
    /// A session ends this long after sign-in, however active.
    pub session_max: Duration,
    /// Longest wait for a request's headers, which is also how long an idle kept-alive
    /// connection stays open.
    pub header_timeout: Duration,
    /// Longest pause while a request body arrives.
    pub body_timeout: Duration,
    /// Most attachments one person may keep, pending and submitted together.
    pub quota_files: i64,
    /// Largest total size of one person's attachments, pending and submitted.
    pub quota_bytes: i64,
    /// Sign-in attempts allowed per client and minute.
    pub sign_in_limit: u32,
    /// Key the sandbox payment provider signs its callbacks with. Without it one is
    /// generated on first start and kept in the database.
    pub payment_secret: Option<String>,
    /// The OpenID Connect provider people sign in with (VNeID, or the local sandbox
    /// provider); discovered at start.
    pub oidc_issuer: Option<String>,
    pub oidc_client_id: String,
    /// The client secret registered with the provider (environment only).
    pub oidc_client_secret: Option<String>,
    /// The built-in sandbox sign-in page (pick a test identity, no password): for
    /// development only, and never together with a real issuer.
    pub sandbox_sign_in: bool,
    /// The built-in sandbox payment provider.
    pub sandbox_payments: bool,
    /// Who is staff, with which roles. Without it nobody is, except with the built-in
    /// sandbox sign-in, which brings its own sandbox directory.
    pub staff_directory: Option<PathBuf>,
    /// TOML file naming the agency systems: endpoint and key variable of each.
    pub agencies: Option<PathBuf>,
    /// The agency sandbox's URL: it stands in for every system the file does not name.
    pub agency_sandbox: Option<String>,
    /// The secret the sandbox derives each system's key from (environment only).
    pub agency_sandbox_secret: Option<String>,
    /// How deliveries to the agencies are paced.
    pub delivery: crate::agencies::worker::Pace,
    /// The secret unfinished applications are sealed with (environment only). Without it
    /// one is generated on first start and kept in the database, which protects nothing
    /// against somebody holding the whole database: production sets it.
    pub drafts_secret: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: "127.0.0.1".into(),
            port: 8080,
            db: "data/portal.sqlite3".into(),
            catalog_dir: PathBuf::from("catalog"),
            dist_dir: PathBuf::from("dist"),
            public_origin: None,
            embed_origins: Vec::new(),
            trusted_proxies: Vec::new(),
            session_idle: Duration::from_secs(30 * 60),
            session_max: Duration::from_secs(12 * 3600),
            header_timeout: Duration::from_secs(20),
            body_timeout: Duration::from_secs(60),
            quota_files: 500,
            quota_bytes: 1024 * 1024 * 1024,
            sign_in_limit: 30,
            payment_secret: None,
            oidc_issuer: None,
            oidc_client_id: "portal".into(),
            oidc_client_secret: None,
            sandbox_sign_in: false,
            sandbox_payments: false,
            staff_directory: None,
            agencies: None,
            agency_sandbox: None,
            agency_sandbox_secret: None,
            delivery: crate::agencies::worker::Pace::default(),
            drafts_secret: None,
        }
    }
}

/// The command line. Each option also reads the environment variable it names.
#[derive(Debug, Parser)]
#[command(
    name = "portal-server",
    version,
    about = "The portal's reference API server; also serves the built web app.",
    after_help = "Read from the environment only, so they never show in a process list:\n  \
                  PORTAL_OIDC_CLIENT_SECRET  the client secret registered with the OpenID provider\n  \
                  PORTAL_PAYMENT_SECRET      the key the sandbox payment provider signs its callbacks \
                  with (generated and kept in the database when unset)\n  \
                  PORTAL_AGENCY_SANDBOX_SECRET  hex secret shared with the agency sandbox\n  \
                  PORTAL_DRAFTS_SECRET       the secret people's unfinished applications are sealed \
                  with (at least 32 characters; generated and kept in the database when unset)\n  \
                  the key variables the --agencies file names"
)]
struct Options {
    /// Address to listen on.
    #[arg(long, env = "PORTAL_HOST", default_value = "127.0.0.1")]
    host: String,
    /// Port to listen on (0 picks a free one).
    #[arg(long, env = "PORTAL_PORT", default_value_t = 8080)]
    port: u16,
    /// The database: a SQLite file path (the embedded default, for one server process)
    /// or a PostgreSQL URL `postgres://user:password@host:5432/name` (for many server
    /// instances); created or migrated on start.
    #[arg(
        long,
        env = "PORTAL_DB",
        default_value = "data/portal.sqlite3",
        hide_env_values = true
    )]
    db: String,
    /// Catalogue folder (services/, forms/, topics.toml, admin-units/).
    #[arg(long, env = "PORTAL_CATALOG", default_value = "catalog")]
    catalog: PathBuf,
    /// The built web app.
    #[arg(long, env = "PORTAL_DIST", default_value = "dist")]
    dist: PathBuf,
    /// The public origin behind a proxy, e.g. https://portal.example (https turns on
    /// Secure cookies and HSTS).
    #[arg(long, env = "PORTAL_ORIGIN", value_parser = parse_origin)]
    origin: Option<String>,
    /// Origins of the sites that embed the portal's elements, e.g.
    /// https://dichvucong.hochiminhcity.gov.vn (separate with commas): their pages may
    /// read the public catalogue (CORS, without credentials).
    #[arg(
        long,
        env = "PORTAL_EMBED_ORIGINS",
        value_name = "ORIGIN",
        value_delimiter = ',',
        value_parser = parse_embed_origin
    )]
    embed_origins: Vec<String>,
    /// Address of a reverse proxy whose X-Forwarded-For names the client (repeat or
    /// separate with commas).
    #[arg(
        long = "trusted-proxy",
        env = "PORTAL_TRUSTED_PROXY",
        value_name = "ADDRESS",
        value_delimiter = ','
    )]
    trusted_proxies: Vec<IpAddr>,
    /// Seconds without a request after which a session ends.
    #[arg(long, env = "PORTAL_SESSION_IDLE", default_value = "1800", value_parser = parse_seconds)]
    session_idle: Duration,
    /// Seconds a client may take to send a request's headers, and to keep an idle
    /// connection open.
    #[arg(long, env = "PORTAL_HEADER_TIMEOUT", default_value = "20", value_parser = parse_seconds)]
    header_timeout: Duration,
    /// Longest pause, in seconds, while a request body arrives.
    #[arg(long, env = "PORTAL_BODY_TIMEOUT", default_value = "60", value_parser = parse_seconds)]
    body_timeout: Duration,
    /// Most attachments one person may keep, pending and submitted.
    #[arg(long, env = "PORTAL_QUOTA_FILES", default_value_t = 500, value_parser = clap::value_parser!(i64).range(1..))]
    quota_files: i64,
    /// Largest total size in bytes of one person's attachments.
    #[arg(long, env = "PORTAL_QUOTA_BYTES", default_value_t = 1024 * 1024 * 1024, value_parser = clap::value_parser!(i64).range(1..))]
    quota_bytes: i64,
    /// Sign-in attempts allowed per client address and minute.
    #[arg(long, env = "PORTAL_SIGN_IN_LIMIT", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..))]
    sign_in_limit: u32,
    /// The OpenID Connect issuer people sign in with, e.g. https://vneid.example
    /// (needs --origin and PORTAL_OIDC_CLIENT_SECRET).
    #[arg(long, env = "PORTAL_OIDC_ISSUER", value_parser = parse_origin)]
    oidc_issuer: Option<String>,
    /// This portal's client id at the OpenID provider.
    #[arg(long, env = "PORTAL_OIDC_CLIENT_ID", default_value = "portal")]
    oidc_client_id: String,
    /// Turn on the built-in sandbox sign-in page (test identities, no password; for
    /// development only, refused with --oidc-issuer). Every page then shows a sandbox banner.
    #[arg(long, env = "PORTAL_SANDBOX_SIGN_IN")]
    sandbox_sign_in: bool,
    /// Turn on the built-in sandbox payment provider (no money moves). Every page then
    /// shows a sandbox banner.
    #[arg(long, env = "PORTAL_SANDBOX_PAYMENTS")]
    sandbox_payments: bool,
    /// TOML file naming the portal's staff, their roles and provinces.
    #[arg(long, env = "PORTAL_STAFF_DIRECTORY", value_name = "FILE")]
    staff_directory: Option<PathBuf>,
    /// TOML file naming the agencies' systems, each with its endpoint and the variable
    /// holding its key (deploy/agencies.example.toml).
    #[arg(long, env = "PORTAL_AGENCIES", value_name = "FILE")]
    agencies: Option<PathBuf>,
    /// The agency sandbox's URL, standing in for every system the file does not name
    /// (needs PORTAL_AGENCY_SANDBOX_SECRET).
    #[arg(long, env = "PORTAL_AGENCY_SANDBOX", value_parser = parse_origin)]
    agency_sandbox: Option<String>,
    /// Longest wait, in seconds, between two attempts at one delivery.
    #[arg(long, env = "PORTAL_DELIVERY_MAX_BACKOFF", default_value = "300", value_parser = parse_seconds)]
    delivery_max_backoff: Duration,
    /// Seconds after which an unacknowledged delivery is given up for staff to retry.
    #[arg(long, env = "PORTAL_DELIVERY_MAX_AGE", default_value = "259200", value_parser = parse_seconds)]
    delivery_max_age: Duration,
}

fn parse_origin(value: &str) -> Result<String, String> {
    let ok =
        (value.starts_with("http://") || value.starts_with("https://")) && !value.ends_with('/');
    if ok {
        Ok(value.to_string())
    } else {
        Err(format!(
            "{value:?} is not an origin such as https://portal.example"
        ))
    }
}

/// An origin exactly as a browser sends it in `Origin`: `scheme://host[:port]`, lower
/// case, without the scheme's default port, a path or a wildcard; anything else would
/// never match, or match more than meant. An empty entry (an empty variable, a final
/// comma) names no site and is dropped.
fn parse_embed_origin(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    let refuse = |why: &str| {
        Err(format!(
            "{value:?} is not an embedding site's origin such as https://dichvucong.hochiminhcity.gov.vn: {why}"
        ))
    };
    if value.contains('*') {
        return refuse("wildcards are not allowed, name each site");
    }
    let url = match url::Url::parse(value) {
        Ok(url) => url,
        Err(e) => return refuse(&e.to_string()),
    };
    if !matches!(url.scheme(), "https" | "http") {
        return refuse("the scheme must be https (or http for a test)");
    }
    let canonical = url.origin().ascii_serialization();
    if value == canonical {
        Ok(canonical)
    } else if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        refuse("an origin has no path, query or fragment")
    } else if !url.username().is_empty() || url.password().is_some() {
        refuse("an origin has no user name or password")
    } else {
        refuse(&format!("browsers send it as {canonical}"))
    }
}

fn parse_seconds(value: &str) -> Result<Duration, String> {
    value
        .parse::<u64>()
        .ok()
        .filter(|s| *s > 0)
        .map(Duration::from_secs)
        .ok_or_else(|| format!("{value:?} is not a number of seconds (1 or more)"))
}

impl Options {
    fn into_config(
        self,
        payment_secret: Option<String>,
        oidc_client_secret: Option<String>,
        agency_sandbox_secret: Option<String>,
    ) -> Config {
        Config {
            host: self.host,
            port: self.port,
            db: self.db,
            catalog_dir: self.catalog,
            dist_dir: self.dist,
            public_origin: self.origin,
            embed_origins: self
                .embed_origins
                .into_iter()
                .filter(|o| !o.is_empty())
                .collect(),
            trusted_proxies: self.trusted_proxies,
            session_idle: self.session_idle,
            header_timeout: self.header_timeout,
            body_timeout: self.body_timeout,
            quota_files: self.quota_files,
            quota_bytes: self.quota_bytes,
            sign_in_limit: self.sign_in_limit,
            payment_secret,
            oidc_issuer: self.oidc_issuer,
            oidc_client_id: self.oidc_client_id,
            oidc_client_secret,
            sandbox_sign_in: self.sandbox_sign_in,
            sandbox_payments: self.sandbox_payments,
            staff_directory: self.staff_directory,
            agencies: self.agencies,
            agency_sandbox: self.agency_sandbox,
            agency_sandbox_secret,
            delivery: crate::agencies::worker::Pace {
                max_backoff: self.delivery_max_backoff,
                max_age: self.delivery_max_age,
                ..crate::agencies::worker::Pace::default()
            },
            ..Config::default()
        }
    }
}

impl Config {
    /// Whether a sandbox stand-in is on, which every page must then say.
    pub fn sandbox(&self) -> bool {
        self.sandbox_sign_in || self.sandbox_payments
    }

    /// The process's flags and `PORTAL_*` variables. `--help` prints the options and
    /// exits; a bad option is explained and exits with status 2. `PORTAL_PAYMENT_SECRET`
    /// is read from the environment only, so it never shows in a process list.
    pub fn from_command_line() -> Config {
        let secret = |name| std::env::var(name).ok().filter(|s| !s.is_empty());
        let set = |name: &str| std::env::var(name).ok().filter(|s| !s.is_empty());
        if let Err(e) = refuse_example_secrets(set) {
            eprintln!("portal-server: {e}");
            std::process::exit(2);
        }
        Config {
            drafts_secret: secret("PORTAL_DRAFTS_SECRET"),
            ..Options::parse().into_config(
                secret("PORTAL_PAYMENT_SECRET"),
                secret("PORTAL_OIDC_CLIENT_SECRET"),
                secret("PORTAL_AGENCY_SANDBOX_SECRET"),
            )
        }
    }

    /// `args` (without the program name) over the environment's `PORTAL_*` variables.
    pub fn try_from_args(args: impl IntoIterator<Item = String>) -> Result<Config, clap::Error> {
        let argv = std::iter::once("portal-server".to_string()).chain(args);
        Ok(Options::try_parse_from(argv)?.into_config(None, None, None))
    }
}

/// The secrets read from the environment, by variable name.
const SECRETS: [&str; 4] = [
    "PORTAL_DRAFTS_SECRET",
    "PORTAL_PAYMENT_SECRET",
    "PORTAL_OIDC_CLIENT_SECRET",
    "PORTAL_AGENCY_SANDBOX_SECRET",
];

/// Refuses a secret still set to the example settings file's stand-in
/// (`deploy/portal.env.example`: `replace-with-…`), which anyone can read in the
/// repository: a deployment that kept it would seal people's drafts, or sign, with it.
pub fn refuse_example_secrets(value_of: impl Fn(&str) -> Option<String>) -> Result<(), String> {
    for name in SECRETS {
        if value_of(name).is_some_and(|v| v.trim().starts_with("replace-with-")) {
            return Err(format!(
                "{name} is still the example's stand-in: set it to a secret of your own \
                 (for example `openssl rand -hex 32`), the same on every instance"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;

    #[test]
    fn the_example_settings_secrets_are_refused() {
        let example = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../deploy/portal.env.example"),
        )
        .unwrap();
        let set: std::collections::HashMap<String, String> = example
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        // The file as shipped sets the drafts secret to its stand-in: refused.
        assert!(set.contains_key("PORTAL_DRAFTS_SECRET"));
        let err = refuse_example_secrets(|n| set.get(n).cloned()).unwrap_err();
        assert!(err.starts_with("PORTAL_DRAFTS_SECRET"), "{err}");
        // With each secret of its own, it starts.
        let own = |n: &str| SECRETS.contains(&n).then(|| "9f".repeat(32));
        assert_eq!(refuse_example_secrets(own), Ok(()));
        let oidc = |n: &str| {
            (n == "PORTAL_OIDC_CLIENT_SECRET").then(|| "replace-with-the-secret".to_string())
        };
        assert!(refuse_example_secrets(oidc).is_err());
    }

    fn args(list: &[&str]) -> Result<Config, clap::Error> {
        Config::try_from_args(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn flags_in_both_spellings() {
        let c = args(&["--port=9100", "--db", "/tmp/x.db", "--session-idle", "90"]).unwrap();
        assert_eq!(c.port, 9100);
        assert_eq!(c.db, "/tmp/x.db");
        assert_eq!(c.session_idle, Duration::from_secs(90));
        let c = args(&[
            "--origin=https://portal.example",
            "--trusted-proxy=10.0.0.1,::1",
        ])
        .unwrap();
        assert_eq!(c.public_origin.as_deref(), Some("https://portal.example"));
        assert_eq!(c.trusted_proxies.len(), 2);
    }

    #[test]
    fn bad_flags_are_explained() {
        let kind = |list: &[&str]| args(list).map(|_| ()).map_err(|e| e.kind());
        assert_eq!(kind(&["--port", "http"]), Err(ErrorKind::ValueValidation));
        assert_eq!(kind(&["--colour=red"]), Err(ErrorKind::UnknownArgument));
        assert_eq!(kind(&["--db"]), Err(ErrorKind::InvalidValue));
        assert_eq!(kind(&["--session-idle=0"]), Err(ErrorKind::ValueValidation));
        assert_eq!(kind(&["--quota-files=0"]), Err(ErrorKind::ValueValidation));
        let e = args(&["--origin=portal.example"]).unwrap_err().to_string();
        assert!(e.contains("is not an origin"), "{e}");
        assert_eq!(kind(&["--help"]), Err(ErrorKind::DisplayHelp));
    }

    #[test]
    fn embedding_sites_are_exact_origins() {
        let c = args(&[
            "--embed-origins=https://dichvucong.hochiminhcity.gov.vn, http://127.0.0.1:8123",
        ])
        .unwrap();
        assert_eq!(
            c.embed_origins,
            [
                "https://dichvucong.hochiminhcity.gov.vn",
                "http://127.0.0.1:8123"
            ]
        );
        assert!(args(&[]).unwrap().embed_origins.is_empty());
        assert!(args(&["--embed-origins="])
            .unwrap()
            .embed_origins
            .is_empty());
        assert_eq!(
            args(&["--embed-origins=https://a.gov.vn,"])
                .unwrap()
                .embed_origins,
            ["https://a.gov.vn"]
        );
        for ok in [
            "https://a.gov.vn",
            "https://a.gov.vn:8443",
            "http://localhost:3000",
            "https://xn--b-8xm.vn",
        ] {
            assert_eq!(parse_embed_origin(ok).as_deref(), Ok(ok));
        }
        for (bad, why) in [
            ("https://a.gov.vn/", "browsers send it as https://a.gov.vn"),
            ("https://a.gov.vn/embed", "no path"),
            ("https://a.gov.vn?x=1", "no path"),
            ("https://*.gov.vn", "wildcards"),
            ("*", "wildcards"),
            ("a.gov.vn", "relative URL"),
            ("ftp://a.gov.vn", "scheme"),
            ("null", "relative URL"),
            ("https://A.gov.vn", "browsers send it as https://a.gov.vn"),
            (
                "https://a.gov.vn:443",
                "browsers send it as https://a.gov.vn",
            ),
            ("https://user@a.gov.vn", "user name"),
            ("https://bộ.vn", "browsers send it as https://xn--b-8xm.vn"),
        ] {
            let e = parse_embed_origin(bad).unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
        let e = args(&["--embed-origins=https://a.gov.vn,https://b.gov.vn/"])
            .unwrap_err()
            .to_string();
        assert!(e.contains("browsers send it as https://b.gov.vn"), "{e}");
    }

    #[test]
    fn defaults_match_the_documented_ones() {
        let c = args(&[]).unwrap();
        assert_eq!(c.port, 8080);
        assert_eq!(c.session_idle, Config::default().session_idle);
        assert_eq!(c.quota_files, Config::default().quota_files);
        assert_eq!(c.quota_bytes, Config::default().quota_bytes);
        assert_eq!(c.header_timeout, Config::default().header_timeout);
        assert_eq!(c.body_timeout, Config::default().body_timeout);
        assert_eq!(c.sign_in_limit, Config::default().sign_in_limit);
    }
}
