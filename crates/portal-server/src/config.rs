//! Server settings from command-line flags and environment variables, with defaults that
//! work from the repository root.

use std::path::PathBuf;

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
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: "127.0.0.1".into(),
            port: 8080,
            db_path: PathBuf::from("data/portal.sqlite3"),
            catalog_dir: PathBuf::from("catalog"),
            dist_dir: PathBuf::from("dist"),
        }
    }
}

/// A flag or variable that could not be understood.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    #[error("unknown option {0:?}; options are --host, --port, --db, --catalog, --dist")]
    Unknown(String),
    #[error("option {0} needs a value")]
    MissingValue(String),
    #[error("{0:?} is not a port number (0-65535)")]
    BadPort(String),
}

impl Config {
    /// Reads `PORTAL_HOST`, `PORTAL_PORT`, `PORTAL_DB`, `PORTAL_CATALOG`, `PORTAL_DIST`,
    /// then flags of the same names, which win.
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
                other => return Err(ConfigError::Unknown(other.to_string())),
            }
            Ok(())
        };
        for key in ["host", "port", "db", "catalog", "dist"] {
            if let Some(v) = env(&format!("PORTAL_{}", key.to_ascii_uppercase())) {
                set(&mut c, key, v)?;
            }
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
    }
}
