//! Who is signed in: `GET /api/v1/session`. The browser never sees a token (the session
//! is an HttpOnly cookie); it sees the person the identity provider vouched for, and the
//! facts the form engine prefills from.

use portal_core::form::prefill;
use portal_core::form::AddressAnswer;
use portal_core::validators::{Date, Sex};
use portal_core::Audience;
use serde::{Deserialize, Serialize};

/// What kind of account an identity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum IdentityKind {
    /// A citizen acting for themselves.
    Citizen,
    /// A person who may also file on behalf of an organisation (with a tax code).
    Business,
}

impl IdentityKind {
    /// Whom this kind of account files as: an organisation's representative for it,
    /// anyone else as a citizen. The one rule of the service page, the form and Send.
    pub fn applicant(self) -> Audience {
        match self {
            IdentityKind::Business => Audience::Business,
            IdentityKind::Citizen => Audience::Citizen,
        }
    }
}

/// What a member of portal staff may do. Staff are staff because the portal's staff
/// directory says so, never because of anything they chose at sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// Uploads draft catalogues and tries them in preview.
    CatalogueEditor,
    /// Publishes a draft another person made, and rolls back.
    CataloguePublisher,
    /// Moves dossiers along their timeline and reads their attachments.
    DossierOfficer,
}

/// A signed-in person's place in the staff directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffMembership {
    pub roles: Vec<StaffRole>,
    /// The province (post-2025 code) a dossier officer works for; none for national staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province_code: Option<String>,
}

impl StaffMembership {
    pub fn has(&self, role: StaffRole) -> bool {
        self.roles.contains(&role)
    }
}

/// A permanent address with post-2025 unit codes (province, then commune; no district).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Address {
    pub province_code: String,
    pub commune_code: String,
    pub street: String,
}

/// The organisation a business representative may file for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Business {
    pub name: String,
    pub tax_code: String,
    pub role: String,
}

/// A person as the identity provider vouches for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Identity {
    pub subject: String,
    pub kind: IdentityKind,
    pub full_name: String,
    /// `YYYY-MM-DD` on the wire.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date_of_birth: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub sex: Sex,
    /// The 12-digit personal identification number.
    pub id_number: String,
    pub phone: String,
    pub email: String,
    pub permanent_address: Address,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business: Option<Business>,
}

impl Identity {
    /// Whom this person files as: an organisation's representative for it, anyone else
    /// as a citizen.
    pub fn applicant(&self) -> Audience {
        self.kind.applicant()
    }

    /// The facts the form engine prefills from and checks locked answers against, in
    /// its own shape, for the browser (in the session) and the server's form checks.
    pub fn prefill(&self) -> prefill::Identity {
        let a = &self.permanent_address;
        prefill::Identity {
            full_name: Some(self.full_name.clone()),
            birth_date: Some(self.date_of_birth),
            sex: Some(self.sex),
            personal_id: Some(self.id_number.clone()),
            permanent_address: Some(AddressAnswer {
                province: a.province_code.clone(),
                commune: a.commune_code.clone(),
                street: a.street.clone(),
            }),
            current_address: None,
            phone: Some(self.phone.clone()),
            email: Some(self.email.clone()),
            business_tax_code: self.business.as_ref().map(|b| b.tax_code.clone()),
            business_name: self.business.as_ref().map(|b| b.name.clone()),
        }
    }
}

/// `GET /api/v1/session`: signed in (with the person, the prefill facts, the assurance
/// level and when the session ends), or signed out (`expired` when a session just ended,
/// with where to sign in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    pub signed_in: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<Identity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub prefill: Option<prefill::Identity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assurance_level: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_in_url: Option<String>,
    /// The signed-in person's roles when they are portal staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<StaffMembership>,
    /// True when this server runs sandbox stand-ins (test identities, a pretend payment
    /// provider): every page then says so.
    #[serde(default)]
    pub sandbox: bool,
}

/// What every page's header shows of [`SessionInfo`], read from the same JSON (unknown
/// fields ignored): whether someone is signed in, and their name. The pages that need
/// nothing more (the catalogue, the statistics) read only this, so their bundles carry
/// no code for the person's other facts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SessionHeader {
    pub signed_in: bool,
    #[serde(default)]
    pub expired: Option<bool>,
    /// The signed-in person's name (`user.full_name`).
    #[serde(default, rename = "user")]
    pub person: Option<HeaderPerson>,
}

/// The signed-in person, as the header names them, and whom they file as (so a page
/// can say before the form starts that a service is not open to them).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct HeaderPerson {
    pub full_name: String,
    #[serde(deserialize_with = "kind_from_text")]
    pub kind: IdentityKind,
}

/// [`IdentityKind`] read from its text with a plain match rather than serde's enum
/// machinery: the header is in every bundle, the catalogue's among them, which has a
/// byte budget (the same words as `rename_all = "lowercase"` writes).
fn kind_from_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<IdentityKind, D::Error> {
    let text = std::borrow::Cow::<str>::deserialize(d)?;
    match text.as_ref() {
        "citizen" => Ok(IdentityKind::Citizen),
        "business" => Ok(IdentityKind::Business),
        other => Err(serde::de::Error::unknown_variant(
            other,
            &["citizen", "business"],
        )),
    }
}

impl SessionHeader {
    /// A session that just ended (signed out by the server's clock).
    pub fn is_expired(&self) -> bool {
        self.expired == Some(true)
    }

    /// The signed-in person's name, empty when nobody is.
    pub fn name(&self) -> &str {
        self.person.as_ref().map_or("", |p| p.full_name.as_str())
    }

    /// Whom the signed-in person files as; `None` when signed out.
    pub fn applicant(&self) -> Option<Audience> {
        self.person.as_ref().map(|p| p.kind.applicant())
    }
}

impl From<&SessionInfo> for SessionHeader {
    fn from(s: &SessionInfo) -> SessionHeader {
        SessionHeader {
            signed_in: s.signed_in,
            expired: s.expired,
            person: s.user.as_ref().map(|u| HeaderPerson {
                full_name: u.full_name.clone(),
                kind: u.kind,
            }),
        }
    }
}

/// What the pages with forms read of [`SessionInfo`], from the same JSON (the rest
/// skipped): who is signed in, as the header names them, and the facts their forms are
/// prefilled from. The form's bundle then carries no code to read the person's record
/// as a whole (addresses, staff roles...), which only the server and staff pages use.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FormSession {
    pub signed_in: bool,
    #[serde(default)]
    pub expired: Option<bool>,
    /// The signed-in person's name and whom they file as (`user`).
    #[serde(default, rename = "user")]
    pub person: Option<HeaderPerson>,
    #[serde(default)]
    pub prefill: Option<prefill::Identity>,
}

impl FormSession {
    /// A session that just ended (signed out by the server's clock).
    pub fn is_expired(&self) -> bool {
        self.expired == Some(true)
    }

    /// Whom the signed-in person files as; `None` when signed out.
    pub fn applicant(&self) -> Option<Audience> {
        self.person.as_ref().map(|p| p.kind.applicant())
    }
}

impl From<&SessionInfo> for FormSession {
    fn from(s: &SessionInfo) -> FormSession {
        FormSession {
            signed_in: s.signed_in,
            expired: s.expired,
            person: SessionHeader::from(s).person,
            prefill: s.prefill.clone(),
        }
    }
}

impl From<&FormSession> for SessionHeader {
    fn from(s: &FormSession) -> SessionHeader {
        SessionHeader {
            signed_in: s.signed_in,
            expired: s.expired,
            person: s.person.clone(),
        }
    }
}

/// The answer to signing out: where the browser goes next to end the identity
/// provider's session too, if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignedOut {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continue_to: Option<String>,
}

impl SessionInfo {
    /// No session; `expired` when one just ended.
    pub fn signed_out(expired: bool, sandbox: bool) -> SessionInfo {
        SessionInfo {
            staff: None,
            sandbox,
            signed_in: false,
            expired: Some(expired),
            user: None,
            prefill: None,
            assurance_level: None,
            expires_at: None,
            sign_in_url: Some(crate::paths::SIGN_IN.to_string()),
        }
    }

    /// A live session of `user`.
    pub fn of(
        user: &Identity,
        staff: Option<StaffMembership>,
        assurance_level: u8,
        expires_at: String,
        sandbox: bool,
    ) -> SessionInfo {
        SessionInfo {
            staff,
            sandbox,
            signed_in: true,
            expired: None,
            user: Some(user.clone()),
            prefill: Some(user.prefill()),
            assurance_level: Some(assurance_level),
            expires_at: Some(expires_at),
            sign_in_url: None,
        }
    }

    pub fn is_expired(&self) -> bool {
        self.expired == Some(true)
    }

    pub fn is_staff(&self) -> bool {
        self.signed_in && self.staff.as_ref().is_some_and(|s| !s.roles.is_empty())
    }

    /// Whether the signed-in person holds `role`.
    pub fn has_role(&self, role: StaffRole) -> bool {
        self.signed_in && self.staff.as_ref().is_some_and(|s| s.has(role))
    }

    /// Whom the signed-in person files as; `None` when signed out.
    pub fn applicant(&self) -> Option<Audience> {
        self.user.as_ref().map(Identity::applicant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person() -> Identity {
        serde_json::from_value(serde_json::json!({
            "subject": "sub-1",
            "kind": "citizen",
            "full_name": "Nguyễn Thị Lan",
            "date_of_birth": "1990-05-01",
            "sex": "female",
            "id_number": "001190000001",
            "phone": "0912345678",
            "email": "lan@example.vn",
            "permanent_address": { "province_code": "01", "commune_code": "00004", "street": "1 Phố Huế" }
        }))
        .expect("an identity")
    }

    /// The header reads the session's own JSON: signed in with a name, signed out, just
    /// expired; the same as taking it from the whole session.
    #[test]
    fn the_header_reads_the_session_s_json() {
        let signed_in = SessionInfo::of(&person(), None, 2, "2026-12-04T10:00:00Z".into(), true);
        for info in [
            signed_in,
            SessionInfo::signed_out(false, false),
            SessionInfo::signed_out(true, true),
        ] {
            let json = serde_json::to_string(&info).unwrap();
            let header: SessionHeader = serde_json::from_str(&json).unwrap();
            assert_eq!(header, SessionHeader::from(&info), "{json}");
            assert_eq!(header.is_expired(), info.is_expired());
            assert_eq!(header.signed_in, info.signed_in);
            assert_eq!(header.applicant(), info.applicant());
        }
        let json = serde_json::to_string(&SessionInfo::of(
            &person(),
            None,
            2,
            "2026-12-04T10:00:00Z".into(),
            false,
        ))
        .unwrap();
        let header: SessionHeader = serde_json::from_str(&json).unwrap();
        assert_eq!(header.name(), "Nguyễn Thị Lan");
        assert_eq!(header.applicant(), Some(Audience::Citizen));
        // An organisation's representative files as the business, on every page.
        let mut representative = person();
        representative.kind = IdentityKind::Business;
        let info = SessionInfo::of(
            &representative,
            None,
            2,
            "2026-12-04T10:00:00Z".into(),
            false,
        );
        let header: SessionHeader =
            serde_json::from_str(&serde_json::to_string(&info).unwrap()).unwrap();
        assert_eq!(header.applicant(), Some(Audience::Business));
        assert_eq!(header.applicant(), info.applicant());
        // A kind the header does not know is refused, as the whole session refuses it.
        let odd = serde_json::to_string(&info)
            .unwrap()
            .replace("\"business\"", "\"robot\"");
        assert!(serde_json::from_str::<SessionHeader>(&odd).is_err());
        let out: SessionHeader = serde_json::from_str(
            &serde_json::to_string(&SessionInfo::signed_out(false, false)).unwrap(),
        )
        .unwrap();
        assert_eq!(out.name(), "");
    }

    /// The forms' part reads the session's own JSON as taking it from the whole session
    /// does, prefill facts included.
    #[test]
    fn the_forms_part_reads_the_session_s_json() {
        let mut representative = person();
        representative.kind = IdentityKind::Business;
        for info in [
            SessionInfo::of(&person(), None, 2, "2026-12-04T10:00:00Z".into(), true),
            SessionInfo::of(
                &representative,
                None,
                2,
                "2026-12-04T10:00:00Z".into(),
                false,
            ),
            SessionInfo::signed_out(false, false),
            SessionInfo::signed_out(true, true),
        ] {
            let json = serde_json::to_string(&info).unwrap();
            let forms: FormSession = serde_json::from_str(&json).unwrap();
            assert_eq!(forms, FormSession::from(&info), "{json}");
            assert_eq!(forms.prefill, info.prefill);
            assert_eq!(forms.applicant(), info.applicant());
            assert_eq!(SessionHeader::from(&forms), SessionHeader::from(&info));
        }
        let signed_in: FormSession = serde_json::from_str(
            &serde_json::to_string(&SessionInfo::of(&person(), None, 2, "x".into(), false))
                .unwrap(),
        )
        .unwrap();
        assert_eq!(
            signed_in.prefill.and_then(|p| p.full_name),
            Some("Nguyễn Thị Lan".to_string())
        );
    }
}
