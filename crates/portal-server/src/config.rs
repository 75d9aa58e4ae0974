//! Server settings from command-line flags and environment variables, with defaults that
//! work from the repository root.

use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub host: String,
    pub port: u16,
    /// SQLite file; created and migrated on start.
    pub db_path: PathBuf,
    /// Folder holding `services/*.toml`.
    pub catalog_dir: PathBuf,
    /// The built web app (trunk's `dist/`).
    pub dist_dir: PathBuf,
    /// The origin browsers see (`https://portal.example`), when the server sits behind a
    /// proxy; it decides the cookie's Secure flag and the Origin check. Without it the
    /// origin is taken from the request's Host (and X-Forwarded-Proto).
    pub public_origin: Option<String>,
    /// A session ends after this long without a request.
    pub session_idle: Duration,
    /// A session ends this long after sign-in, however active.
    pub session_max: Duration,
    /// Key the sandbox payment provider signs its callbacks with. Without it one is
    /// generated on first start and kept in the database.
    pub payment_secret: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: "127.0.0.1".into(),
            port: 8080,
            db_path: PathBuf::from("data/portal.sqlite3"),
            catalog_dir: PathBuf::from("catalog"),
            dist_dir: PathBuf::from("dist"),
            public_origin: None,
            session_idle: Duration::from_secs(30 * 60),
            session_max: Duration::from_secs(12 * 3600),
            payment_secret: None,
        }
    }
}

/// A flag or variable that could not be understood.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    #[error("unknown option {0:?}; options are --host, --port, --db, --catalog, --dist, --origin, --session-idle")]
    Unknown(String),
    #[error("option {0} needs a value")]
    MissingValue(String),
    #[error("{0:?} is not a port number (0-65535)")]
    BadPort(String),
    #[error("{0:?} is not a number of seconds (1 or more)")]
    BadSeconds(String),
    #[error("{0:?} is not an origin such as https://portal.example")]
    BadOrigin(String),
}

impl Config {
    /// Reads `PORTAL_HOST`, `PORTAL_PORT`, `PORTAL_DB`, `PORTAL_CATALOG`, `PORTAL_DIST`,
    /// `PORTAL_ORIGIN`, `PORTAL_SESSION_IDLE` (seconds), then flags of the same names
    /// (`--session-idle`), which win. `PORTAL_PAYMENT_SECRET` is read from the
    /// environment only, so it never shows in a process list.
    pub fn from_env_and_args(
        env: impl Fn(&str) -> Option<String>,
        args: impl IntoIterator<Item = String>,
    ) -> Result<Config, ConfigError> {
        let mut c = Config::default();
        let set = |c: &mut Config, key: &str, value: String| -> Result<(), ConfigError> {
            match key {
                "host" => c.host = value,
                "port" => c.port = value.parse().map_err(|_| ConfigError::BadPort(value))?,
                "db" => c.db_path = value.into(),
                "catalog" => c.catalog_dir = value.into(),
                "dist" => c.dist_dir = value.into(),
                "origin" => {
                    let ok = (value.starts_with("http://") || value.starts_with("https://"))
                        && !value.ends_with('/');
                    if !ok {
                        return Err(ConfigError::BadOrigin(value));
                    }
                    c.public_origin = Some(value);
                }
                "session-idle" => {
                    let secs: u64 = value
                        .parse()
                        .ok()
                        .filter(|s| *s > 0)
                        .ok_or_else(|| ConfigError::BadSeconds(value.clone()))?;
                    c.session_idle = Duration::from_secs(secs);
                }
                other => return Err(ConfigError::Unknown(other.to_string())),
            }
            Ok(())
        };
        for key in [
            "host",
            "port",
            "db",
            "catalog",
            "dist",
            "origin",
            "session-idle",
        ] {
            let var = format!("PORTAL_{}", key.replace('-', "_").to_ascii_uppercase());
            if let Some(v) = env(&var) {
                set(&mut c, key, v)?;
            }
        }
        if let Some(secret) = env("PORTAL_PAYMENT_SECRET").filter(|s| !s.is_empty()) {
            c.payment_secret = Some(secret);
        }
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let Some(key) = arg.strip_prefix("--") else {
                return Err(ConfigError::Unknown(arg));
            };
            let (key, value) = match key.split_once('=') {
                Some((k, v)) => (k.to_string(), v.to_string()),
                None => {
                    let v = args
                        .next()
                        .ok_or_else(|| ConfigError::MissingValue(arg.clone()))?;
                    (key.to_string(), v)
                }
            };
            set(&mut c, &key, value).map_err(|e| match e {
                ConfigError::Unknown(_) => ConfigError::Unknown(arg.clone()),
                e => e,
            })?;
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_override_environment() {
        let env = |k: &str| (k == "PORTAL_PORT").then(|| "9000".to_string());
        let c = Config::from_env_and_args(
            env,
            ["--port=9100".into(), "--db".into(), "/tmp/x.db".into()],
        )
        .unwrap();
        assert_eq!(c.port, 9100);
        assert_eq!(c.db_path, PathBuf::from("/tmp/x.db"));
        let c = Config::from_env_and_args(env, Vec::<String>::new()).unwrap();
        assert_eq!(c.port, 9000);
    }

    #[test]
    fn bad_flags_are_explained() {
        let none = |_: &str| None;
        assert_eq!(
            Config::from_env_and_args(none, ["--port".into(), "http".into()]),
            Err(ConfigError::BadPort("http".into()))
        );
        assert_eq!(
            Config::from_env_and_args(none, ["--colour=red".into()]),
            Err(ConfigError::Unknown("--colour=red".into()))
        );
        assert_eq!(
            Config::from_env_and_args(none, ["--db".into()]),
            Err(ConfigError::MissingValue("--db".into()))
        );
        assert_eq!(
            Config::from_env_and_args(none, ["--session-idle=0".into()]),
            Err(ConfigError::BadSeconds("0".into()))
        );
        assert_eq!(
            Config::from_env_and_args(none, ["--origin=portal.example".into()]),
            Err(ConfigError::BadOrigin("portal.example".into()))
        );
    }

    #[test]
    fn session_and_origin_settings() {
        let env = |k: &str| match k {
            "PORTAL_SESSION_IDLE" => Some("90".to_string()),
            "PORTAL_PAYMENT_SECRET" => Some("s3cret".to_string()),
            _ => None,
        };
        let c = Config::from_env_and_args(env, ["--origin=https://portal.example".into()]).unwrap();
        assert_eq!(c.session_idle, Duration::from_secs(90));
        assert_eq!(c.public_origin.as_deref(), Some("https://portal.example"));
        assert_eq!(c.payment_secret.as_deref(), Some("s3cret"));
    }
}
