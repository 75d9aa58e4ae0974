//! The sandbox's settings: flags, each also read from an `AGENCY_SANDBOX_*` variable (a
//! flag wins), and the one secret every agency system's key is derived from, read from
//! the environment or a file so it never shows in a process list.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

/// The variable holding the secret as hex.
pub const SECRET_ENV: &str = "AGENCY_SANDBOX_SECRET";

#[derive(Clone)]
pub struct Config {
    pub listen: SocketAddr,
    /// The sandbox's own SQLite file (created and migrated on start).
    pub db: PathBuf,
    /// The portal's base URL, without a trailing slash; events go to
    /// `{portal}/api/v1/agency/events`.
    pub portal: String,
    /// The secret each agency system's key is derived from (`agency_link::derive_key`).
    pub secret: Vec<u8>,
    /// Whether `POST /control/fault` exists.
    pub allow_faults: bool,
    /// How often unsent events are tried again.
    pub retry_every: Duration,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("db", &self.db)
            .field("portal", &self.portal)
            .field("secret", &"<hidden>")
            .field("allow_faults", &self.allow_faults)
            .field("retry_every", &self.retry_every)
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(transparent)]
    Options(#[from] clap::Error),
    #[error("no secret: set {SECRET_ENV} to the shared secret as hex (at least 32 bytes), or pass --secret-file")]
    NoSecret,
    #[error("the secret is given twice ({SECRET_ENV} and --secret-file): give it one way")]
    SecretTwice,
    #[error("cannot read the secret file {path}: {source}")]
    SecretFile {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the secret from {0} is not hex of at least 32 bytes (64 hex digits)")]
    BadSecret(String),
}

#[derive(Debug, Parser)]
#[command(
    name = "agency-sandbox",
    version,
    about = "A reference agency system: receives the portal's deliveries for every agency \
             system and sends an officer's decisions back as signed status events.",
    after_help = "The secret every agency system's key is derived from (hex, at least 32 bytes) \
                  is read from the environment, so it never shows in a process list:\n  \
                  AGENCY_SANDBOX_SECRET   the secret as hex (or use --secret-file)"
)]
struct Options {
    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, env = "AGENCY_SANDBOX_LISTEN", default_value = "127.0.0.1:8091")]
    listen: SocketAddr,
    /// The sandbox's SQLite database file (created on first start).
    #[arg(
        long,
        env = "AGENCY_SANDBOX_DB",
        default_value = "data/agency-sandbox.sqlite3"
    )]
    db: PathBuf,
    /// The portal's base URL; status events are posted to its /api/v1/agency/events.
    #[arg(long, env = "AGENCY_SANDBOX_PORTAL", default_value = "http://127.0.0.1:8080", value_parser = parse_portal)]
    portal: String,
    /// A file holding the secret as hex, instead of AGENCY_SANDBOX_SECRET.
    #[arg(long, env = "AGENCY_SANDBOX_SECRET_FILE")]
    secret_file: Option<PathBuf>,
    /// Enable POST /control/fault, which makes deliveries fail on purpose (for tests).
    #[arg(long, env = "AGENCY_SANDBOX_ALLOW_FAULTS")]
    allow_faults: bool,
    /// Seconds between tries to send events the portal has not taken yet.
    #[arg(long, env = "AGENCY_SANDBOX_RETRY_SECS", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=3600))]
    retry_secs: u64,
}

/// An http(s) URL with a host and nothing after the path, its trailing slashes cut.
fn parse_portal(s: &str) -> Result<String, String> {
    let url = reqwest::Url::parse(s).map_err(|e| format!("not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err("expected an http:// or https:// URL with a host".into());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("expected the portal's base URL, without a query or fragment".into());
    }
    Ok(s.trim_end_matches('/').to_string())
}

impl Config {
    /// Reads `args` (the program name first) and the secret variable's value `secret_env`.
    pub fn from_args<I, T>(args: I, secret_env: Option<String>) -> Result<Config, ConfigError>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let o = Options::try_parse_from(args)?;
        let secret_env = secret_env.filter(|s| !s.trim().is_empty());
        let secret = match (secret_env, &o.secret_file) {
            (Some(_), Some(_)) => return Err(ConfigError::SecretTwice),
            (None, None) => return Err(ConfigError::NoSecret),
            (Some(hex), None) => agency_link::parse_key(&hex)
                .ok_or_else(|| ConfigError::BadSecret(SECRET_ENV.into()))?,
            (None, Some(path)) => {
                let text =
                    std::fs::read_to_string(path).map_err(|source| ConfigError::SecretFile {
                        path: path.display().to_string(),
                        source,
                    })?;
                agency_link::parse_key(&text)
                    .ok_or_else(|| ConfigError::BadSecret(path.display().to_string()))?
            }
        };
        Ok(Config {
            listen: o.listen,
            db: o.db,
            portal: o.portal,
            secret,
            allow_faults: o.allow_faults,
            retry_every: Duration::from_secs(o.retry_secs),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    #[test]
    fn flags_and_the_secret_make_a_config() {
        let c = Config::from_args(
            [
                "agency-sandbox",
                "--listen",
                "127.0.0.1:0",
                "--db",
                "x.sqlite",
                "--portal",
                "http://127.0.0.1:8080/",
                "--allow-faults",
            ],
            Some(HEX.into()),
        )
        .unwrap();
        assert_eq!(c.portal, "http://127.0.0.1:8080");
        assert_eq!(c.secret.len(), 32);
        assert!(c.allow_faults);
        assert!(!format!("{c:?}").contains("0011"));
    }

    #[test]
    fn a_missing_short_or_doubled_secret_is_refused() {
        assert!(matches!(
            Config::from_args(["agency-sandbox"], None),
            Err(ConfigError::NoSecret)
        ));
        assert!(matches!(
            Config::from_args(["agency-sandbox"], Some("abcd".into())),
            Err(ConfigError::BadSecret(_))
        ));
        assert!(matches!(
            Config::from_args(
                ["agency-sandbox", "--secret-file", "/nonexistent"],
                Some(HEX.into())
            ),
            Err(ConfigError::SecretTwice)
        ));
        assert!(matches!(
            Config::from_args(["agency-sandbox", "--secret-file", "/nonexistent/x"], None),
            Err(ConfigError::SecretFile { .. })
        ));
    }

    #[test]
    fn a_portal_that_is_not_an_http_url_is_refused() {
        for bad in ["127.0.0.1:8080", "ftp://x", "http://x/?a=1", "not a url"] {
            assert!(
                Config::from_args(["agency-sandbox", "--portal", bad], Some(HEX.into())).is_err(),
                "{bad}"
            );
        }
    }
}
