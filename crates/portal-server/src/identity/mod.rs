//! Who is signed in. People sign in through an OpenID Connect provider (VNeID; the
//! local sandbox provider in development and tests), or, for development only and when
//! turned on, through a built-in sandbox page listing test identities. Either way the
//! server keeps a session behind an HttpOnly cookie and `GET /api/v1/session` tells the
//! web app who the user is; no token ever reaches page scripts. Staff are the people the
//! staff directory lists, with its roles.

pub(crate) mod callback;
pub mod oidc;
mod same_origin;
mod session;
pub(crate) mod sign_in;
pub mod staff;

use std::collections::HashMap;
use std::sync::Arc;

use axum::http::StatusCode;
pub use portal_core::validators::{Date, Sex};
use serde::Deserialize;

use crate::api::error::ErrorCode;

pub use same_origin::{FormOrigin, SameOrigin};
pub use session::{sweep_sessions, OptionalUser, SignedIn, StaffUser, User, COOKIE_NAME};
pub use sign_in::{
    end_session, session_info, sign_in_form, sign_in_page, sign_in_throttle, sign_out_form,
};
pub use staff::{StaffDirectory, StaffFileError};

/// The test identities, compiled in: they are fixtures of the reference server, not
/// configuration.
const SANDBOX_IDENTITIES: &str = include_str!("../../sandbox-identities.toml");

/// A person as the identity provider vouches for them, as the contract shows them.
pub use portal_api::session::{Address, Business, Identity, IdentityKind, StaffRole};

/// The identities the sandbox provider can vouch for, by subject, in file order.
#[derive(Debug)]
pub struct Directory {
    list: Vec<Arc<Identity>>,
    by_subject: HashMap<String, Arc<Identity>>,
}

/// Why the identity file was refused.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum IdentityFileError {
    #[error("the sandbox identity file is not valid TOML for identities: {0}")]
    Syntax(String),
    #[error("the sandbox identity file lists no identities")]
    Empty,
    #[error("the subject {0:?} appears twice in the sandbox identity file")]
    DuplicateSubject(String),
    #[error("the identity {0:?} is a business representative without a business, or has a business without being one")]
    BusinessMismatch(String),
    #[error("the identity {0:?} has an empty field")]
    EmptyField(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentityFile {
    identities: Vec<Identity>,
}

impl Directory {
    /// The compiled-in sandbox identities.
    pub fn sandbox() -> Result<Directory, IdentityFileError> {
        Directory::parse(SANDBOX_IDENTITIES)
    }

    pub fn parse(text: &str) -> Result<Directory, IdentityFileError> {
        let file: IdentityFile =
            toml::from_str(text).map_err(|e| IdentityFileError::Syntax(e.message().to_string()))?;
        if file.identities.is_empty() {
            return Err(IdentityFileError::Empty);
        }
        let mut by_subject = HashMap::new();
        let mut list = Vec::new();
        for identity in file.identities {
            let fields = [
                &identity.subject,
                &identity.full_name,
                &identity.id_number,
                &identity.phone,
                &identity.email,
                &identity.permanent_address.province_code,
                &identity.permanent_address.commune_code,
            ];
            if fields.iter().any(|f| f.trim().is_empty()) {
                return Err(IdentityFileError::EmptyField(identity.subject.clone()));
            }
            if (identity.kind == IdentityKind::Business) != identity.business.is_some() {
                return Err(IdentityFileError::BusinessMismatch(
                    identity.subject.clone(),
                ));
            }
            let identity = Arc::new(identity);
            if by_subject
                .insert(identity.subject.clone(), identity.clone())
                .is_some()
            {
                return Err(IdentityFileError::DuplicateSubject(
                    identity.subject.clone(),
                ));
            }
            list.push(identity);
        }
        Ok(Directory { list, by_subject })
    }

    pub fn get(&self, subject: &str) -> Option<Arc<Identity>> {
        self.by_subject.get(subject).cloned()
    }

    pub fn all(&self) -> &[Arc<Identity>] {
        &self.list
    }
}

/// Refusals of identity and authorisation.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("sign in to do this")]
    NotSignedIn,
    #[error("the session has ended; sign in again (work in progress is kept on this device)")]
    SessionExpired,
    #[error("only portal staff may do this")]
    StaffOnly,
    #[error("this needs the staff role {0:?}, which the staff directory does not give you")]
    RoleRequired(StaffRole),
}

impl ErrorCode for AuthError {
    fn code(&self) -> &'static str {
        match self {
            AuthError::NotSignedIn => "not_signed_in",
            AuthError::SessionExpired => "session_expired",
            AuthError::StaffOnly => "staff_only",
            AuthError::RoleRequired(_) => "staff_role_required",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            AuthError::NotSignedIn | AuthError::SessionExpired => StatusCode::UNAUTHORIZED,
            AuthError::StaffOnly | AuthError::RoleRequired(_) => StatusCode::FORBIDDEN,
        }
    }
}

/// This module's routes: the sandbox provider's pages and the session.
pub fn routes(table: crate::api::RouteTable) -> crate::api::RouteTable {
    use crate::api::private;
    use axum::routing::{delete, get, post};
    use portal_api::paths::template as t;
    table
        .get(t::SIGN_IN, get(sign_in_page))
        .post(t::SIGN_IN, post(sign_in_form))
        .get(oidc::CALLBACK_PATH, get(callback::finish))
        .post(t::SIGN_OUT, post(sign_out_form))
        .get(t::SESSION, private(get(session_info)))
        .delete(t::SESSION, private(delete(end_session)))
}

#[cfg(test)]
mod tests {
    use super::*;

    use portal_core::validators::personal_id::{check_holder, parse_personal_id, Holder};
    use portal_core::validators::tax_code::{parse_tax_code, TaxCode};

    /// Checked with the portal's own validators, the ones forms use.
    #[test]
    fn sandbox_identities_are_plausible_and_fake() {
        let dir = Directory::sandbox().expect("the sandbox file loads");
        let kinds: Vec<_> = dir.all().iter().map(|i| i.kind).collect();
        assert!(
            kinds
                .iter()
                .filter(|k| **k == IdentityKind::Citizen)
                .count()
                >= 3
        );
        assert!(kinds.contains(&IdentityKind::Business));
        for i in dir.all() {
            let id = parse_personal_id(&i.id_number, None)
                .unwrap_or_else(|e| panic!("{}: {e:?}", i.id_number));
            let holder = Holder {
                birth_year: Some(i.date_of_birth.year()),
                sex: Some(i.sex),
            };
            assert_eq!(check_holder(&id, holder), Ok(()), "{}", i.id_number);
            assert!(i.email.ends_with("@sandbox.example"), "{}", i.email);
            assert!(i.phone.len() == 10 && i.phone.starts_with('0'));
            let a = &i.permanent_address;
            assert!(a.province_code.len() == 2 && a.commune_code.len() == 5);
            if let Some(b) = &i.business {
                assert!(
                    matches!(
                        parse_tax_code(&b.tax_code, false, None),
                        Ok(TaxCode::Main(_))
                    ),
                    "{}",
                    b.tax_code
                );
            }
            let p = i.prefill();
            assert_eq!(p.personal_id.as_deref(), Some(i.id_number.as_str()));
            assert_eq!(
                p.business_tax_code,
                i.business.as_ref().map(|b| b.tax_code.clone())
            );
        }
    }

    #[test]
    fn sandbox_addresses_are_real_post_2025_units() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog/admin-units");
        let published = crate::admin_units::load(&dir).expect("the administrative units load");
        for i in Directory::sandbox().unwrap().all() {
            let a = &i.permanent_address;
            let (province, commune) = published
                .units
                .commune(&a.commune_code)
                .unwrap_or_else(|| panic!("{}: no commune {}", i.subject, a.commune_code));
            assert_eq!(
                province.code, a.province_code,
                "{}: {}",
                i.subject, commune.name
            );
        }
    }

    #[test]
    fn bad_identity_files_are_refused() {
        assert_eq!(
            Directory::parse("identities = []").err(),
            Some(IdentityFileError::Empty)
        );
        assert!(matches!(
            Directory::parse("identities = [[").err(),
            Some(IdentityFileError::Syntax(_))
        ));
        let one = |subject: &str, kind: &str| {
            format!(
                "[[identities]]\nsubject = \"{subject}\"\nkind = \"{kind}\"\nfull_name = \"A\"\n\
                 date_of_birth = \"1990-01-01\"\nsex = \"male\"\nid_number = \"001090000001\"\n\
                 phone = \"0912000000\"\nemail = \"a@sandbox.example\"\n\
                 [identities.permanent_address]\nprovince_code = \"01\"\ncommune_code = \"00004\"\n\
                 street = \"x\"\n"
            )
        };
        let twice = format!("{}{}", one("a", "citizen"), one("a", "citizen"));
        assert_eq!(
            Directory::parse(&twice).err(),
            Some(IdentityFileError::DuplicateSubject("a".into()))
        );
        assert_eq!(
            Directory::parse(&one("b", "business")).err(),
            Some(IdentityFileError::BusinessMismatch("b".into()))
        );
    }
}
