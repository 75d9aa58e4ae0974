//! Dossiers on the wire: the submission, the refusal's problems, the receipt, the views
//! of a dossier (public, full, in a list) and the bodies that move one along.
//!
//! Times are RFC 3339 strings; dates are `YYYY-MM-DD`. `A` is how the answers are read:
//! the engine's [`Answers`] by default; the server reads a submission's answers as raw
//! JSON first, to name every malformed answer rather than refuse the whole body.

use portal_core::form::{Answers, FieldError};
use portal_core::validators::Date;
use portal_core::Audience;
use serde::{Deserialize, Serialize};

use crate::attachments::Attachment;
use crate::status::{DossierStatus, EventKind, PaymentStatus, TimelineActor};

/// The body of `POST /api/v1/dossiers`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(bound = ""))]
pub struct Submission<A = Answers> {
    pub service_id: String,
    /// Whom the applicant files as (`citizen` or `business`).
    #[serde(default = "citizen")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, default = "citizen"))]
    pub applicant: Audience,
    /// The answers, keyed by question id.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: A,
    /// The uploaded files filed: for a service with a form, exactly those its answers name.
    #[serde(default)]
    pub attachments: Vec<String>,
    /// For a bundle without a form: the optional linked procedures chosen (required ones
    /// are always filed). With a form, the answers choose them; a list sent too must agree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedures: Option<Vec<String>>,
}

fn citizen() -> Audience {
    Audience::Citizen
}

/// One thing wrong with a submission, located by a path into the request body
/// (`answers.<question path>` for an answer), in the applicant's language. `error` is
/// the form engine's own error for an answer, so another client can word it itself.
/// The portal's own pages show `message`, which the server words with the same engine,
/// the same form and the language the page asked in (`Accept-Language`): the very
/// message the browser's own check gives. So they never read `error`, and their bundles
/// carry no code to read one (`skip_deserializing`: Rust readers get `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    pub path: String,
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub error: Option<FieldError>,
}

impl Problem {
    pub fn new(path: impl Into<String>, code: &str, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            code: code.to_string(),
            message: message.into(),
            error: None,
        }
    }
}

/// One linked procedure of a dossier and its own status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcedureState {
    pub service_id: String,
    pub status: DossierStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Payment {
    pub status: PaymentStatus,
    /// In đồng; absent while the fee is free or not yet assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineEntry {
    pub at: String,
    pub event: EventKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DossierStatus>,
    /// The linked procedure concerned, for a bundle; absent when it is the whole dossier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub by: TimelineActor,
}

/// The open request for additional documents, shown first on the tracking page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentsRequest {
    pub reason: String,
    pub at: String,
    pub procedures: Vec<String>,
    /// The last day to add the documents (a date in Vietnam, `YYYY-MM-DD`), fixed when
    /// the agency asked; absent only if it cannot be counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub due: Option<Date>,
    /// The working days from the request that `due` was counted with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_days: Option<u32>,
}

/// What a lookup by code and credential shows: status and timeline only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicDossier {
    pub code: String,
    pub service_id: String,
    /// The agency that receives it; absent for dossiers filed before routing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<AgencyName>,
    pub status: DossierStatus,
    pub procedures: Vec<ProcedureState>,
    pub payment: Payment,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents_requested: Option<DocumentsRequest>,
    pub timeline: Vec<TimelineEntry>,
    /// The decision's result, once the agency has sent it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<DossierResult>,
    pub created_at: String,
    pub updated_at: String,
}

/// The receiving agency, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgencyName {
    pub code: String,
    pub vi: String,
    pub en: String,
}

impl AgencyName {
    pub fn in_lang(&self, lang: portal_core::Lang) -> &str {
        match lang {
            portal_core::Lang::Vi => &self.vi,
            portal_core::Lang::En => &self.en,
        }
    }
}

/// What the agency gave as its decision's result: a document the applicant downloads
/// (signed in, as the owner), a note on where to collect it, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierResult {
    /// The result document's attachment id (`GET /api/v1/attachments/{id}/content`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pickup_note: Option<String>,
}

impl PublicDossier {
    /// Whether the applicant can pay now (a fee is due and not paid).
    pub fn can_pay(&self) -> bool {
        self.payment.status == PaymentStatus::Unpaid && self.status != DossierStatus::Rejected
    }

    /// The reason of the last rejection, for the top of the page.
    pub fn rejection_reason(&self) -> Option<&str> {
        if self.status != DossierStatus::Rejected {
            return None;
        }
        self.timeline
            .iter()
            .rev()
            .find(|e| e.status == Some(DossierStatus::Rejected))
            .and_then(|e| e.reason.as_deref())
    }

    /// The last payment attempt failed or was cancelled and the fee is still due.
    pub fn last_payment_failed(&self) -> bool {
        self.payment.status == PaymentStatus::Unpaid
            && self
                .timeline
                .iter()
                .rev()
                .find(|e| e.event.is_payment())
                .is_some_and(|e| e.event != EventKind::PaymentSucceeded)
    }

    /// Per-procedure statuses are worth showing only for a bundle.
    pub fn is_bundle(&self) -> bool {
        self.procedures.len() > 1
    }
}

/// Who filed, as the identity provider vouched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Applicant {
    /// `citizen` or `business`.
    pub kind: String,
    pub full_name: String,
    pub id_number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_code: Option<String>,
}

/// What the applicant and staff see of a dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(bound = ""))]
pub struct FullDossier<A = Answers> {
    #[serde(flatten)]
    pub public: PublicDossier,
    pub applicant: Applicant,
    pub catalogue_version: String,
    /// The answers as validation stored them (normalised, only shown questions).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: A,
    pub attachments: Vec<Attachment>,
    /// Only for the applicant: what they give to let someone else look it up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lookup_secret: Option<String>,
    /// How the applicant rated the handling, once decided (for them and staff only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<GivenRating>,
}

/// How satisfied the applicant is with how their dossier was handled (the public service
/// index's satisfaction indicator, Decision 766/QĐ-TTg).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    Satisfied,
    Neutral,
    NotSatisfied,
}

impl Satisfaction {
    pub const ALL: [Satisfaction; 3] = [
        Satisfaction::Satisfied,
        Satisfaction::Neutral,
        Satisfaction::NotSatisfied,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Satisfaction::Satisfied => "satisfied",
            Satisfaction::Neutral => "neutral",
            Satisfaction::NotSatisfied => "not_satisfied",
        }
    }

    pub fn parse(s: &str) -> Option<Satisfaction> {
        Satisfaction::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Longest comment kept with a rating, in characters.
pub const MAX_RATING_COMMENT_CHARS: usize = 1_000;

/// The body of `POST /api/v1/dossiers/{code}/rating`: once per dossier, after its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRating {
    pub rating: Satisfaction,
    /// Kept private to the applicant and staff; never in a published figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GivenRating {
    pub rating: Satisfaction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// RFC 3339.
    pub rated_at: String,
}

/// One line of a list of dossiers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierSummary {
    pub code: String,
    pub service_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<AgencyName>,
    /// Whom the dossier is for, as its answers name them (the child of a birth
    /// registration, say), when the service's form says which answer that is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    pub status: DossierStatus,
    pub procedures: Vec<ProcedureState>,
    pub payment: Payment,
    /// The catalogue version the dossier was filed under: which form rules applied.
    pub catalogue_version: String,
    pub created_at: String,
    pub updated_at: String,
}

/// `GET /api/v1/dossiers` and the staff list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierList {
    pub dossiers: Vec<DossierSummary>,
}

/// The answer to a successful submission: the receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Receipt {
    pub code: String,
    pub status: DossierStatus,
    pub service_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<AgencyName>,
    pub procedures: Vec<ProcedureState>,
    pub payment: Payment,
    pub attachments: Vec<String>,
    pub lookup_secret: String,
    pub created_at: String,
}

/// The body of `POST /api/v1/dossiers/{code}/documents`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AddDocuments {
    pub attachments: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The body of `POST /api/v1/staff/dossiers/{code}/status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusMove {
    pub status: DossierStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// One linked procedure of a bundle; all of the dossier's procedures when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
}

/// `GET /api/v1/dossiers/{code}`: everything for its applicant and staff, status and
/// timeline for anyone else holding a lookup credential.
// One value per response, read once per page: boxing the larger variant would buy
// nothing and cost every match on it.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum DossierView<A = Answers> {
    Full(FullDossier<A>),
    Public(PublicDossier),
}

/// Every view is a public dossier, and more for its applicant.
impl<A> std::ops::Deref for DossierView<A> {
    type Target = PublicDossier;

    fn deref(&self) -> &PublicDossier {
        self.public()
    }
}

impl<A> DossierView<A> {
    /// What every view shows.
    pub fn public(&self) -> &PublicDossier {
        match self {
            DossierView::Full(f) => &f.public,
            DossierView::Public(p) => p,
        }
    }

    /// The applicant's rating, if given (applicant and staff only).
    pub fn rating(&self) -> Option<&GivenRating> {
        match self {
            DossierView::Full(f) => f.rating.as_ref(),
            DossierView::Public(_) => None,
        }
    }

    /// The lookup secret: only its applicant sees it.
    pub fn lookup_secret(&self) -> Option<&str> {
        match self {
            DossierView::Full(f) => f.lookup_secret.as_deref(),
            DossierView::Public(_) => None,
        }
    }
}

/// A view is read in one pass over the object: the applicant's fields are taken aside as
/// they come and the rest read as a [`PublicDossier`]; an object with an `applicant` is
/// the full view. (The derive for an untagged enum over a flattened struct first copied
/// the whole object into serde's buffer and read it twice, with a second reader for
/// every field's type: about 40 KB of code in each browser bundle that tracks dossiers.)
impl<'de, A: Deserialize<'de>> Deserialize<'de> for DossierView<A> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ViewVisitor(std::marker::PhantomData))
    }
}

struct ViewVisitor<A>(std::marker::PhantomData<A>);

impl<'de, A: Deserialize<'de>> serde::de::Visitor<'de> for ViewVisitor<A> {
    type Value = DossierView<A>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a dossier")
    }

    fn visit_map<M: serde::de::MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
        use serde::de::Error;
        let mut own = ApplicantsPart {
            map,
            applicant: None,
            catalogue_version: None,
            answers: None,
            attachments: None,
            lookup_secret: None,
            rating: None,
        };
        let public =
            PublicDossier::deserialize(serde::de::value::MapAccessDeserializer::new(&mut own))?;
        let Some(applicant) = own.applicant else {
            return Ok(DossierView::Public(public));
        };
        Ok(DossierView::Full(FullDossier {
            public,
            applicant,
            catalogue_version: own
                .catalogue_version
                .ok_or_else(|| M::Error::missing_field("catalogue_version"))?,
            answers: own
                .answers
                .ok_or_else(|| M::Error::missing_field("answers"))?,
            attachments: own
                .attachments
                .ok_or_else(|| M::Error::missing_field("attachments"))?,
            lookup_secret: own.lookup_secret,
            rating: own.rating,
        }))
    }
}

/// The object's entries as [`PublicDossier`]'s reader sees them: the fields only a
/// [`FullDossier`] has are read into this as they pass, every other entry handed on.
struct ApplicantsPart<M, A> {
    map: M,
    applicant: Option<Applicant>,
    catalogue_version: Option<String>,
    answers: Option<A>,
    attachments: Option<Vec<Attachment>>,
    lookup_secret: Option<String>,
    rating: Option<GivenRating>,
}

impl<'de, M: serde::de::MapAccess<'de>, A: Deserialize<'de>> serde::de::MapAccess<'de>
    for ApplicantsPart<M, A>
{
    type Error = M::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, M::Error> {
        use serde::de::IntoDeserializer;
        while let Some(key) = self.map.next_key::<String>()? {
            match key.as_str() {
                "applicant" => self.applicant = Some(self.map.next_value()?),
                "catalogue_version" => self.catalogue_version = Some(self.map.next_value()?),
                "answers" => self.answers = Some(self.map.next_value()?),
                "attachments" => self.attachments = Some(self.map.next_value()?),
                "lookup_secret" => self.lookup_secret = self.map.next_value()?,
                "rating" => self.rating = self.map.next_value()?,
                _ => return seed.deserialize(key.into_deserializer()).map(Some),
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, M::Error> {
        self.map.next_value_seed(seed)
    }
}

/// `oneOf` the two views, written out: the derive cannot leave `A` unbounded on an enum.
#[cfg(feature = "openapi")]
impl<A> utoipa::PartialSchema for DossierView<A> {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{OneOfBuilder, Ref};
        OneOfBuilder::new()
            .item(Ref::from_schema_name("FullDossier"))
            .item(Ref::from_schema_name("PublicDossier"))
            .description(Some(
                "FullDossier for the applicant and staff, PublicDossier for a lookup",
            ))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl<A> utoipa::ToSchema for DossierView<A> {
    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        use utoipa::PartialSchema;
        schemas.push(("FullDossier".into(), FullDossier::<Answers>::schema()));
        schemas.push(("PublicDossier".into(), PublicDossier::schema()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::{DossierStatus, EventKind, PaymentStatus, TimelineActor};

    fn public() -> PublicDossier {
        PublicDossier {
            code: "000.00.00.H99-251127-0001".into(),
            service_id: "birth-registration".into(),
            agency: Some(AgencyName {
                code: "H99".into(),
                vi: "UBND phường".into(),
                en: "Ward people's committee".into(),
            }),
            status: DossierStatus::AdditionalDocumentsRequested,
            procedures: vec![ProcedureState {
                service_id: "birth-registration".into(),
                status: DossierStatus::Received,
            }],
            payment: Payment {
                status: PaymentStatus::Unpaid,
                amount: Some(7000),
            },
            documents_requested: Some(DocumentsRequest {
                reason: "Thiếu giấy chứng sinh".into(),
                at: "2026-11-27T08:00:00Z".into(),
                procedures: vec!["birth-registration".into()],
                due: None,
                working_days: Some(5),
            }),
            timeline: vec![TimelineEntry {
                at: "2026-11-27T07:00:00Z".into(),
                event: EventKind::Submitted,
                status: Some(DossierStatus::Received),
                procedure: None,
                reason: None,
                by: TimelineActor::Applicant,
            }],
            result: None,
            created_at: "2026-11-27T07:00:00Z".into(),
            updated_at: "2026-11-27T08:00:00Z".into(),
        }
    }

    fn full() -> FullDossier<serde_json::Value> {
        FullDossier {
            public: public(),
            applicant: Applicant {
                kind: "citizen".into(),
                full_name: "Nguyễn Văn An".into(),
                id_number: "001099012345".into(),
                tax_code: None,
            },
            catalogue_version: "v7".into(),
            answers: serde_json::json!({"child-name": "Nguyễn Văn Bình"}),
            attachments: vec![Attachment {
                id: "a1".into(),
                name: "giay-chung-sinh.pdf".into(),
                media_type: "application/pdf".into(),
                size: 1024,
                sha256: "00".repeat(32),
                created_at: "2026-11-27T07:00:00Z".into(),
                dossier_code: Some("000.00.00.H99-251127-0001".into()),
                supplement: false,
                from_agency: false,
            }],
            lookup_secret: Some("K7Q2-M9XW".into()),
            rating: Some(GivenRating {
                rating: Satisfaction::Satisfied,
                comment: Some("Nhanh".into()),
                rated_at: "2026-11-28T07:00:00Z".into(),
            }),
        }
    }

    #[test]
    fn the_applicant_s_view_is_read_back_whole() {
        let view = DossierView::Full(full());
        let json = serde_json::to_string(&view).unwrap();
        let read: DossierView<serde_json::Value> = serde_json::from_str(&json).unwrap();
        assert_eq!(read, view);
    }

    #[test]
    fn a_lookup_s_view_is_read_as_the_public_one() {
        let view = DossierView::<serde_json::Value>::Public(public());
        let json = serde_json::to_string(&view).unwrap();
        let read: DossierView<serde_json::Value> = serde_json::from_str(&json).unwrap();
        assert_eq!(read, view);
        assert_eq!(read.lookup_secret(), None);
    }

    #[test]
    fn the_applicant_s_fields_may_come_anywhere_and_optional_ones_may_be_missing() {
        let mut json = serde_json::to_value(DossierView::Full(full())).unwrap();
        let object = json.as_object_mut().unwrap();
        object.remove("lookup_secret");
        object.remove("rating");
        // The applicant first, before every public field, as another server may write it.
        let mut reordered = serde_json::Map::new();
        reordered.insert("applicant".into(), object.remove("applicant").unwrap());
        reordered.extend(std::mem::take(object));
        let read: DossierView<serde_json::Value> =
            serde_json::from_value(serde_json::Value::Object(reordered)).unwrap();
        let DossierView::Full(read) = read else {
            panic!("an object with an applicant is the full view")
        };
        assert_eq!(read.public, public());
        assert_eq!(read.applicant.full_name, "Nguyễn Văn An");
        assert_eq!((read.lookup_secret, read.rating), (None, None));
    }

    #[test]
    fn answers_can_be_skipped_unread() {
        let json = serde_json::to_string(&DossierView::Full(full())).unwrap();
        let read: DossierView<serde::de::IgnoredAny> = serde_json::from_str(&json).unwrap();
        assert_eq!(read.public(), &public());
        assert_eq!(read.lookup_secret(), Some("K7Q2-M9XW"));
        assert_eq!(
            read.rating().map(|r| r.rating),
            Some(Satisfaction::Satisfied)
        );
    }

    #[test]
    fn a_full_view_missing_a_required_field_or_a_public_one_is_refused() {
        let mut json = serde_json::to_value(DossierView::Full(full())).unwrap();
        json.as_object_mut().unwrap().remove("attachments");
        let err = serde_json::from_value::<DossierView<serde_json::Value>>(json).unwrap_err();
        assert!(err.to_string().contains("attachments"), "{err}");

        let mut json = serde_json::to_value(DossierView::Full(full())).unwrap();
        json.as_object_mut().unwrap().remove("status");
        let err = serde_json::from_value::<DossierView<serde_json::Value>>(json).unwrap_err();
        assert!(err.to_string().contains("status"), "{err}");

        let err = serde_json::from_str::<DossierView<serde_json::Value>>("[1]").unwrap_err();
        assert!(err.to_string().contains("a dossier"), "{err}");
    }
}
