//! The legal texts the published catalogue relies on, gathered from every service's
//! legal basis: what staff re-check when a law or circular changes, and what the
//! `/sources` page shows. Built from the catalogue, never written by hand.

use portal_core::form::preparation::Preparation;
use portal_core::{Confidence, LegalRole, Service, Text};
use serde::{Deserialize, Serialize};

/// The body of `GET /api/v1/catalog/sources`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LegalSources {
    /// The catalogue version these were read from.
    pub catalogue_version: String,
    /// Newest first; texts without a date last, by name.
    pub sources: Vec<LegalSource>,
}

/// One legal text and the services that cite it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LegalSource {
    /// As the services cite it, e.g. "Thông tư 75/2022/TT-BTC".
    pub instrument: String,
    /// Date of issue, `yyyy-mm-dd`, when a service gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<String>,
    /// The official page of the text (the first service's).
    pub source: String,
    /// `confirmed` only when every service that cites it read it in the official text.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "needs-check"))]
    pub confidence: Confidence,
    /// Each service that cites it, in catalogue order.
    pub uses: Vec<SourceUse>,
}

/// A service's reliance on a legal text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceUse {
    pub service: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub service_name: Text,
    /// What the text does for the service (law, procedure, fee, programme).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "fee"))]
    pub role: Option<LegalRole>,
    /// What the service takes from it, with the articles where they matter.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub title: Text,
}

impl LegalSources {
    /// Every instrument cited by `services`, once, with the services that cite it.
    pub fn from_services(catalogue_version: &str, services: &[Service]) -> LegalSources {
        let mut sources: Vec<LegalSource> = Vec::new();
        for service in services {
            for basis in &service.legal_basis {
                let confidence = basis.confidence.unwrap_or(Confidence::NeedsCheck);
                let use_ = SourceUse {
                    service: service.id.0.clone(),
                    service_name: service.name.clone(),
                    role: basis.role,
                    title: basis.title.clone(),
                };
                match sources
                    .iter_mut()
                    .find(|s| s.instrument == basis.instrument)
                {
                    Some(s) => {
                        if s.issued.is_none() {
                            s.issued.clone_from(&basis.issued);
                        }
                        if confidence == Confidence::NeedsCheck {
                            s.confidence = Confidence::NeedsCheck;
                        }
                        if !s.uses.iter().any(|u| u.service == use_.service) {
                            s.uses.push(use_);
                        }
                    }
                    None => sources.push(LegalSource {
                        instrument: basis.instrument.clone(),
                        issued: basis.issued.clone(),
                        source: basis.source.clone(),
                        confidence,
                        uses: vec![use_],
                    }),
                }
            }
        }
        // Newest first (ISO dates sort as text); undated last.
        sources.sort_by(|a, b| {
            b.issued
                .is_some()
                .cmp(&a.issued.is_some())
                .then_with(|| b.issued.cmp(&a.issued))
                .then_with(|| a.instrument.cmp(&b.instrument))
        });
        LegalSources {
            catalogue_version: catalogue_version.to_string(),
            sources,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_core::{
        Agency, Audience, Fees, LegalBasis, Level, OnlineLevel, ProcessingTime, ServiceId,
        ServiceKind,
    };

    fn basis(instrument: &str, issued: Option<&str>, confidence: Confidence) -> LegalBasis {
        LegalBasis {
            instrument: instrument.into(),
            title: Text::new(instrument, instrument),
            source: format!("https://vbpl.vn/{instrument}"),
            also: vec![],
            issued: issued.map(str::to_string),
            role: Some(LegalRole::Law),
            confidence: Some(confidence),
        }
    }

    fn service(id: &str, legal_basis: Vec<LegalBasis>) -> Service {
        Service {
            id: ServiceId(id.into()),
            kind: ServiceKind::Procedure,
            directive24_item: None,
            name: Text::new(id, id),
            summary: Text::new("", ""),
            procedure_codes: vec![],
            procedure_codes_confidence: None,
            agency: Agency {
                name: Text::new("", ""),
                level: Level::Commune,
                ministry: None,
            },
            audiences: vec![Audience::Citizen],
            online_level: OnlineLevel::FullProcess,
            fees: Fees::Free {
                note: None,
                confidence: Confidence::NeedsCheck,
                basis: None,
            },
            processing_time: ProcessingTime {
                working_days: None,
                text: Text::new("", ""),
                confidence: Confidence::NeedsCheck,
                basis: None,
            },
            documents: vec![],
            eligibility: vec![],
            legal_basis,
            topics: vec![],
            keywords: vec![],
            form: None,
        }
    }

    #[test]
    fn each_text_once_with_every_service_citing_it_newest_first() {
        let services = [
            service(
                "a",
                vec![
                    basis("Law X", Some("2014-11-20"), Confidence::Confirmed),
                    basis("Undated", None, Confidence::Confirmed),
                ],
            ),
            service(
                "b",
                vec![
                    basis("Law X", Some("2014-11-20"), Confidence::NeedsCheck),
                    basis("Circular Y", Some("2022-11-15"), Confidence::Confirmed),
                ],
            ),
        ];
        let got = LegalSources::from_services("v1", &services);
        assert_eq!(got.catalogue_version, "v1");
        let names: Vec<&str> = got.sources.iter().map(|s| s.instrument.as_str()).collect();
        assert_eq!(names, ["Circular Y", "Law X", "Undated"]);
        let law = &got.sources[1];
        let users: Vec<&str> = law.uses.iter().map(|u| u.service.as_str()).collect();
        assert_eq!(users, ["a", "b"]);
        // One service still verifying it: the text as a whole is still being verified.
        assert_eq!(law.confidence, Confidence::NeedsCheck);
        assert_eq!(got.sources[0].confidence, Confidence::Confirmed);
    }

    #[test]
    fn a_date_given_by_a_later_service_fills_the_gap() {
        let services = [
            service("a", vec![basis("Law X", None, Confidence::Confirmed)]),
            service(
                "b",
                vec![basis("Law X", Some("2020-11-13"), Confidence::Confirmed)],
            ),
        ];
        let got = LegalSources::from_services("v", &services);
        assert_eq!(got.sources[0].issued.as_deref(), Some("2020-11-13"));
    }
}

/// The body of `GET /api/v1/catalog/availability/{province}`: the services whose
/// dossiers people of that province can file online here, because the portal is
/// connected to the system that receives them (the province's own for commune- and
/// province-level procedures, the ministry's for the others).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Availability {
    /// The province code, two digits.
    pub province: String,
    /// Service ids, in id order.
    pub services: Vec<String>,
}

/// The body of `GET /api/v1/catalog/availability`: every province with its full name and
/// the services its people can file online here (the catalogue page's province filter,
/// which lists the provinces and narrows the results without another request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AvailabilityMap {
    /// The 34 provinces, in the order of their names.
    pub provinces: Vec<ProvinceAvailability>,
}

/// One province in [`AvailabilityMap`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProvinceAvailability {
    /// The province code, two digits.
    pub code: String,
    /// Its full name, e.g. "Thành phố Hồ Chí Minh".
    pub name: String,
    /// Service ids, in id order, as [`Availability`] lists them.
    pub services: Vec<String>,
}

/// The body of `GET /api/v1/services/{id}/overview`: a service without its form, which
/// is what the service page shows. The form itself (often most of the service's size) is
/// read only when the citizen starts it, and the service page's bundle carries no code to
/// read one; what the page says of the form before Start comes ready in `preparation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceOverview {
    pub id: String,
    /// For a bundle (liên thông), the procedures it files, in the order they are
    /// handled; empty for a single procedure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<LinkedProcedure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directive24_item: Option<u8>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub name: Text,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub summary: Text,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub procedure_codes: Vec<portal_core::ProcedureCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "needs-check"))]
    pub procedure_codes_confidence: Option<Confidence>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub agency: portal_core::Agency,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>, example = json!(["citizen"])))]
    pub audiences: Vec<portal_core::Audience>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "full"))]
    pub online_level: portal_core::OnlineLevel,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub fees: portal_core::Fees,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub processing_time: portal_core::ProcessingTime,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub documents: Vec<portal_core::RequiredDocument>,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub eligibility: Vec<Text>,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub legal_basis: Vec<portal_core::LegalBasis>,
    /// How long the form takes and what to have ready (`Form::preparation`); absent
    /// while the service has no online form, so there is nothing to start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub preparation: Option<Preparation>,
}

/// The body of `GET /api/v1/services/{id}/form`: what a service's form page reads of a
/// service: who may file it, its fee rules, whether it is a bundle and the form. The rest
/// of the service (agency, times, documents, legal basis) is the service page's, so the
/// form's page is not sent it and its bundle carries no code to read it. The whole
/// service (`GET /api/v1/services/{id}`) reads as this too: unknown fields are skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceForm {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub id: portal_core::ServiceId,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub kind: portal_core::ServiceKind,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub name: Text,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub audiences: Vec<portal_core::Audience>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub fees: portal_core::Fees,
    /// Absent while the service has no online form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub form: Option<portal_core::form::Form>,
}

impl From<&Service> for ServiceForm {
    fn from(s: &Service) -> ServiceForm {
        ServiceForm {
            id: s.id.clone(),
            kind: s.kind.clone(),
            name: s.name.clone(),
            audiences: s.audiences.clone(),
            fees: s.fees.clone(),
            form: s.form.clone(),
        }
    }
}

/// What a dossier's pages (the confirmation, tracking, lookup) and the list of the 25
/// read of a service's overview (`GET /api/v1/services/{id}/overview`, read as this
/// projection): its name, who handles it, how long it takes, its item in Directive
/// 24/CT-TTg and a bundle's procedures with their names. The rest is skipped, so their
/// bundle carries no code to read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceOutline {
    pub id: String,
    pub name: Text,
    pub agency: portal_core::Agency,
    pub processing_time: portal_core::ProcessingTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directive24_item: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<LinkedProcedure>,
}

impl From<&ServiceOverview> for ServiceOutline {
    fn from(s: &ServiceOverview) -> ServiceOutline {
        ServiceOutline {
            id: s.id.clone(),
            name: s.name.clone(),
            agency: s.agency.clone(),
            processing_time: s.processing_time.clone(),
            directive24_item: s.directive24_item,
            procedures: s.procedures.clone(),
        }
    }
}

/// One procedure of a bundle, on its [`ServiceOverview`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedProcedure {
    pub id: String,
    /// Its name in the catalogue, so the page needs no second request to name it.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub name: Text,
    /// The applicant may leave it out of the bundle.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
}

impl ServiceOverview {
    /// `s` without its form; a bundle's procedures are named from `catalogue` (the
    /// services it is published with), by their id when not found there.
    pub fn new(s: &Service, catalogue: &[Service]) -> ServiceOverview {
        let name_of = |id: &portal_core::ServiceId| {
            catalogue
                .iter()
                .find(|c| &c.id == id)
                .map_or_else(|| Text::new(&id.0, &id.0), |c| c.name.clone())
        };
        let procedures = match &s.kind {
            portal_core::ServiceKind::Procedure => Vec::new(),
            portal_core::ServiceKind::Bundle {
                procedures,
                optional,
            } => procedures
                .iter()
                .map(|p| LinkedProcedure {
                    id: p.0.clone(),
                    name: name_of(p),
                    optional: optional.iter().any(|o| &o.id == p),
                })
                .collect(),
        };
        ServiceOverview {
            id: s.id.0.clone(),
            procedures,
            directive24_item: s.directive24_item,
            name: s.name.clone(),
            summary: s.summary.clone(),
            procedure_codes: s.procedure_codes.clone(),
            procedure_codes_confidence: s.procedure_codes_confidence,
            agency: s.agency.clone(),
            audiences: s.audiences.clone(),
            online_level: s.online_level,
            fees: s.fees.clone(),
            processing_time: s.processing_time.clone(),
            documents: s.documents.clone(),
            eligibility: s.eligibility.clone(),
            legal_basis: s.legal_basis.clone(),
            preparation: s.form.as_ref().map(|f| f.preparation()),
        }
    }
}

/// The body of `GET /api/v1/services/{id}/card?province=79`: what a service's card shows
/// on a province's or a ministry's own site (the embeddable `<dvc-service>` element),
/// without the form: what it is, its fees and time, who receives it for that province and
/// whether that province's people can file it online here. Public and read-only, like the
/// catalogue it is read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceCard {
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub name: Text,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub summary: Text,
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "commune"))]
    pub level: portal_core::Level,
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "full"))]
    pub online_level: portal_core::OnlineLevel,
    /// The agency that receives the dossier: for the province asked, named with it
    /// ("Ủy ban nhân dân cấp xã, Thành phố Hồ Chí Minh"); the ministry's own for a
    /// ministry-level procedure.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub agency: Text,
    /// The province asked for, with its full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<CardProvince>,
    /// Whether people of that province can file it online here (see [`Availability`]);
    /// absent without a province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<bool>,
    /// Whether the portal has the service's form, so "Nộp trực tuyến" can start it.
    pub has_form: bool,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub fees: portal_core::Fees,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub processing_time: portal_core::ProcessingTime,
}

/// A province named on a [`ServiceCard`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardProvince {
    /// Two digits.
    pub code: String,
    /// Its full name, e.g. "Thành phố Hồ Chí Minh".
    pub name: String,
}
