//! The staff directory: which signed-in people are portal staff, with which roles and,
//! for dossier officers, which province. It is configuration (a TOML file), read at
//! start; being listed is the only way to be staff. Membership is looked up on every
//! request, so a role taken away in the file is gone at the next start without ending
//! anyone's session.

use std::collections::HashMap;
use std::path::Path;

use portal_api::session::{StaffMembership, StaffRole};
use serde::Deserialize;

/// The sandbox's directory, compiled in: used only with the built-in sandbox sign-in
/// when no directory is configured.
const SANDBOX_STAFF: &str = include_str!("../../sandbox-staff.toml");

#[derive(Debug, Default)]
pub struct StaffDirectory {
    by_subject: HashMap<String, StaffMembership>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum StaffFileError {
    #[error("cannot read the staff directory {path}: {message}")]
    Read { path: String, message: String },
    #[error("the staff directory is not valid: {0}")]
    Syntax(String),
    #[error("the subject {0:?} appears twice in the staff directory")]
    DuplicateSubject(String),
    #[error("the staff member {0:?} has no role")]
    NoRole(String),
    #[error("the staff member {0:?} has a province code {1:?} that is not two digits")]
    BadProvince(String, String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StaffFile {
    #[serde(default)]
    staff: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    subject: String,
    roles: Vec<StaffRole>,
    #[serde(default)]
    province_code: Option<String>,
}

impl StaffDirectory {
    pub fn sandbox() -> Result<StaffDirectory, StaffFileError> {
        StaffDirectory::parse(SANDBOX_STAFF)
    }

    pub fn read(path: &Path) -> Result<StaffDirectory, StaffFileError> {
        let text = std::fs::read_to_string(path).map_err(|e| StaffFileError::Read {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        StaffDirectory::parse(&text)
    }

    pub fn parse(text: &str) -> Result<StaffDirectory, StaffFileError> {
        let file: StaffFile =
            toml::from_str(text).map_err(|e| StaffFileError::Syntax(e.message().to_string()))?;
        let mut by_subject = HashMap::new();
        for e in file.staff {
            if e.roles.is_empty() {
                return Err(StaffFileError::NoRole(e.subject));
            }
            if let Some(p) = &e.province_code {
                if p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(StaffFileError::BadProvince(e.subject, p.clone()));
                }
            }
            let mut roles = e.roles;
            roles.sort();
            roles.dedup();
            let membership = StaffMembership {
                roles,
                province_code: e.province_code,
            };
            if by_subject.insert(e.subject.clone(), membership).is_some() {
                return Err(StaffFileError::DuplicateSubject(e.subject));
            }
        }
        Ok(StaffDirectory { by_subject })
    }

    /// The membership of `subject`, if they are staff.
    pub fn get(&self, subject: &str) -> Option<&StaffMembership> {
        self.by_subject.get(subject)
    }

    pub fn len(&self) -> usize {
        self.by_subject.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_subject.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_directory_names_sandbox_people_with_every_role() {
        let dir = StaffDirectory::sandbox().expect("loads");
        let people = super::super::Directory::sandbox().unwrap();
        let mut roles = Vec::new();
        for (subject, m) in &dir.by_subject {
            assert!(
                people.get(subject).is_some(),
                "{subject} is not a sandbox identity"
            );
            roles.extend(m.roles.iter().copied());
        }
        for role in [
            StaffRole::CatalogueEditor,
            StaffRole::CataloguePublisher,
            StaffRole::DossierOfficer,
        ] {
            assert!(roles.contains(&role), "nobody is {role:?}");
        }
        // Four-eyes can be tried: somebody edits who cannot publish.
        let ha = dir.get("sandbox-staff-ha").unwrap();
        assert!(ha.has(StaffRole::CatalogueEditor) && !ha.has(StaffRole::CataloguePublisher));
        assert!(dir.get("sandbox-citizen-an").is_none());
    }

    #[test]
    fn bad_directories_are_refused() {
        assert!(matches!(
            StaffDirectory::parse("[[staff]]\nsubject = \"a\"\nroles = [\"king\"]"),
            Err(StaffFileError::Syntax(_))
        ));
        assert_eq!(
            StaffDirectory::parse("[[staff]]\nsubject = \"a\"\nroles = []").err(),
            Some(StaffFileError::NoRole("a".into()))
        );
        assert_eq!(
            StaffDirectory::parse(
                "[[staff]]\nsubject = \"a\"\nroles = [\"dossier_officer\"]\nprovince_code = \"1\""
            )
            .err(),
            Some(StaffFileError::BadProvince("a".into(), "1".into()))
        );
        let twice = "[[staff]]\nsubject = \"a\"\nroles = [\"dossier_officer\"]\n".repeat(2);
        assert_eq!(
            StaffDirectory::parse(&twice).err(),
            Some(StaffFileError::DuplicateSubject("a".into()))
        );
        assert!(StaffDirectory::parse("").unwrap().is_empty());
    }
}
