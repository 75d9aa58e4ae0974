//! Where each agency system receives dossiers, and the key it shares with the portal:
//! deployment configuration, never code.
//!
//! A file (`--agencies`, `PORTAL_AGENCIES`) names real systems:
//!
//! ```toml
//! [systems."province-79"]
//! endpoint = "https://tthc.example.gov.vn/portal"   # the portal posts to {endpoint}/dossiers
//! key_env = "PORTAL_AGENCY_KEY_PROVINCE_79"          # hex, 32 bytes or more, from the environment
//! ```
//!
//! and the agency sandbox (`--agency-sandbox URL`, with `PORTAL_AGENCY_SANDBOX_SECRET`)
//! stands in for every system the file does not name: system `S` is at `URL/systems/S`
//! with the key `agency_link::derive_key(secret, S)`, the sandbox's own derivation.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

/// One agency system: where deliveries go and the key both sides sign with.
#[derive(Clone)]
pub struct System {
    pub id: String,
    /// The delivery URL (`{endpoint}/dossiers`).
    pub delivery_url: String,
    pub key: Vec<u8>,
}

impl std::fmt::Debug for System {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("System")
            .field("id", &self.id)
            .field("delivery_url", &self.delivery_url)
            .finish_non_exhaustive()
    }
}

/// Every agency system the portal knows.
#[derive(Debug, Default, Clone)]
pub struct Directory {
    systems: HashMap<String, System>,
    /// The sandbox's base URL and secret, for systems not named.
    sandbox: Option<(String, Vec<u8>)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    systems: HashMap<String, Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    endpoint: String,
    key_env: String,
}

/// Whether `id` is shaped like a system id: `province-NN` or `ministry-<lowercase>`.
pub fn is_system_id(id: &str) -> bool {
    if let Some(code) = id.strip_prefix("province-") {
        return portal_core::admin_units::is_province_code(code);
    }
    id.strip_prefix("ministry-").is_some_and(|m| {
        !m.is_empty()
            && m.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

fn is_http_url(s: &str) -> bool {
    (s.starts_with("http://") || s.starts_with("https://")) && url::Url::parse(s).is_ok()
}

impl Directory {
    /// Reads the file (if any) and the sandbox settings; `env` looks up environment
    /// variables (keys are never in the file).
    pub fn load(
        file: Option<&Path>,
        sandbox_url: Option<&str>,
        sandbox_secret: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Directory, String> {
        let mut systems = HashMap::new();
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|e| {
                format!(
                    "cannot read the agency systems file {}: {e}",
                    path.display()
                )
            })?;
            let parsed: File = toml::from_str(&text)
                .map_err(|e| format!("the agency systems file {}: {e}", path.display()))?;
            for (id, entry) in parsed.systems {
                if !is_system_id(&id) {
                    return Err(format!(
                        "agency system {id:?}: ids are province-NN (the province code) or ministry-<name>"
                    ));
                }
                let endpoint = entry.endpoint.trim_end_matches('/');
                if !is_http_url(endpoint) {
                    return Err(format!(
                        "agency system {id}: {endpoint:?} is not an http(s) URL"
                    ));
                }
                let hex = env(&entry.key_env).ok_or_else(|| {
                    format!(
                        "agency system {id}: its key variable {} is not set",
                        entry.key_env
                    )
                })?;
                let key = agency_link::parse_key(&hex).ok_or_else(|| {
                    format!(
                        "agency system {id}: {} is not a hex key of at least {} bytes",
                        entry.key_env,
                        agency_link::MIN_KEY_LEN
                    )
                })?;
                systems.insert(
                    id.clone(),
                    System {
                        delivery_url: format!(
                            "{endpoint}{}",
                            portal_api::paths::template::AGENCY_DELIVERY
                        ),
                        id,
                        key,
                    },
                );
            }
        }
        let sandbox = match (sandbox_url, sandbox_secret) {
            (None, _) => None,
            (Some(_), None) => {
                return Err(
                    "--agency-sandbox needs the shared secret in PORTAL_AGENCY_SANDBOX_SECRET"
                        .into(),
                )
            }
            (Some(url), Some(secret)) => {
                let url = url.trim_end_matches('/');
                if !is_http_url(url) {
                    return Err(format!("--agency-sandbox {url:?} is not an http(s) URL"));
                }
                let secret = agency_link::parse_key(secret).ok_or_else(|| {
                    format!(
                        "PORTAL_AGENCY_SANDBOX_SECRET is not a hex key of at least {} bytes",
                        agency_link::MIN_KEY_LEN
                    )
                })?;
                Some((url.to_string(), secret))
            }
        };
        Ok(Directory { systems, sandbox })
    }

    /// Whether any system is configured (else dossiers wait in the outbox).
    pub fn is_empty(&self) -> bool {
        self.systems.is_empty() && self.sandbox.is_none()
    }

    /// The system `id`, if configured (by name, or through the sandbox).
    pub fn get(&self, id: &str) -> Option<System> {
        if let Some(s) = self.systems.get(id) {
            return Some(s.clone());
        }
        let (url, secret) = self.sandbox.as_ref()?;
        is_system_id(id).then(|| System {
            id: id.to_string(),
            delivery_url: format!(
                "{url}/systems/{id}{}",
                portal_api::paths::template::AGENCY_DELIVERY
            ),
            key: agency_link::derive_key(secret, id),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    fn write(text: &str) -> tempfile::NamedTempFile {
        let f = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(f.path(), text).unwrap();
        f
    }

    #[test]
    fn named_systems_and_the_sandbox_for_the_rest() {
        let f = write(
            "[systems.\"province-79\"]\nendpoint = \"https://hcm.example/portal/\"\nkey_env = \"K79\"\n",
        );
        let env = |name: &str| (name == "K79").then(|| KEY.to_string());
        let d = Directory::load(
            Some(f.path()),
            Some("http://127.0.0.1:8091"),
            Some(KEY),
            env,
        )
        .unwrap();
        let hcm = d.get("province-79").unwrap();
        assert_eq!(hcm.delivery_url, "https://hcm.example/portal/dossiers");
        assert_eq!(crate::random::hex(&hcm.key), KEY);
        let hanoi = d.get("province-01").unwrap();
        assert_eq!(
            hanoi.delivery_url,
            "http://127.0.0.1:8091/systems/province-01/dossiers"
        );
        assert_ne!(
            hanoi.key,
            d.get("ministry-moet").unwrap().key,
            "a key per system"
        );
        assert!(d.get("province-1").is_none() && d.get("../etc").is_none());
    }

    #[test]
    fn without_the_sandbox_only_named_systems_exist() {
        let d = Directory::load(None, None, None, |_| None).unwrap();
        assert!(d.is_empty() && d.get("province-01").is_none());
    }

    #[test]
    fn bad_settings_are_explained() {
        let none = |_: &str| None;
        let f =
            write("[systems.\"province-79\"]\nendpoint = \"https://x.example\"\nkey_env = \"K\"\n");
        assert!(Directory::load(Some(f.path()), None, None, none)
            .unwrap_err()
            .contains("K is not set"));
        let short = |_: &str| Some("abcd".to_string());
        assert!(Directory::load(Some(f.path()), None, None, short)
            .unwrap_err()
            .contains("hex key"));
        let f = write("[systems.\"hanoi\"]\nendpoint = \"https://x.example\"\nkey_env = \"K\"\n");
        assert!(Directory::load(Some(f.path()), None, None, none)
            .unwrap_err()
            .contains("ids are"));
        let f = write("[systems.\"province-01\"]\nendpoint = \"ftp://x\"\nkey_env = \"K\"\n");
        let any = |_: &str| Some(KEY.to_string());
        assert!(Directory::load(Some(f.path()), None, None, any)
            .unwrap_err()
            .contains("not an http"));
        assert!(Directory::load(None, Some("http://127.0.0.1:1"), None, none).is_err());
        assert!(Directory::load(None, Some("http://127.0.0.1:1"), Some("short"), none).is_err());
    }

    #[test]
    fn the_example_file_in_deploy_is_valid_and_covers_every_province() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy/agencies.example.toml");
        let any = |_: &str| Some(KEY.to_string());
        let d = Directory::load(Some(&path), None, None, any).unwrap();
        let units = crate::admin_units::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog/admin-units"),
        )
        .unwrap();
        for p in units.units.provinces() {
            assert!(
                d.get(&format!("province-{}", p.code)).is_some(),
                "province {}",
                p.code
            );
        }
        assert!(d.get("ministry-moet").is_some());
    }
}
