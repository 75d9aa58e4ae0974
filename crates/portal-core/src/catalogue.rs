//! The catalogue model: services, the procedures they stand for, who handles them, what
//! they cost and how long they take. These types are the wire format of the API and the
//! in-memory form of the files under `catalog/`.

use serde::{Deserialize, Serialize};

use crate::text::Text;

/// Stable identifier of a service, used in URLs: lowercase ASCII letters, digits and
/// single hyphens, e.g. `birth-registration`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ServiceId(pub String);

impl ServiceId {
    /// Whether `s` has the shape of a service id (checked before any lookup, so that
    /// hostile path segments never reach the store).
    pub fn is_valid(s: &str) -> bool {
        !s.is_empty()
            && s.len() <= 80
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--")
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ServiceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A procedure code of the National Database on Administrative Procedures, `N.NNNNNN`
/// (e.g. `1.001193`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProcedureCode(pub String);

impl ProcedureCode {
    pub fn is_valid(s: &str) -> bool {
        let b = s.as_bytes();
        b.len() == 8
            && b[0].is_ascii_digit()
            && b[1] == b'.'
            && b[2..].iter().all(u8::is_ascii_digit)
    }
}

/// The level of government that handles a procedure after the 1 July 2025 reform
/// (districts no longer exist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Ministry,
    Province,
    Commune,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Ministry, Level::Province, Level::Commune];

    /// The word used in URLs and files.
    pub fn slug(self) -> &'static str {
        match self {
            Level::Ministry => "ministry",
            Level::Province => "province",
            Level::Commune => "commune",
        }
    }

    pub fn from_slug(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.slug() == s)
    }
}

/// Who can apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Citizen,
    Business,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Citizen, Audience::Business];

    /// The word used in URLs and files.
    pub fn slug(self) -> &'static str {
        match self {
            Audience::Citizen => "citizen",
            Audience::Business => "business",
        }
    }

    pub fn from_slug(s: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.slug() == s)
    }
}

/// Whether the whole procedure can be done online, or only part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OnlineLevel {
    FullProcess,
    Partial,
}

/// Whether a fact was confirmed from a cited public source or still needs checking
/// against the procedure's page in the national database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    Confirmed,
    NeedsCheck,
}

/// The agency that receives and decides the dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    pub name: Text,
    pub level: Level,
    /// For a ministry-level procedure: the ministry that receives it in its own system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ministry: Option<Ministry>,
}

/// A ministry with its own administrative-procedure system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ministry {
    /// A short lowercase id, the system's name: `moet`.
    pub id: String,
    pub name: Text,
}

/// One fee rule. Amounts are whole Vietnamese đồng. A rule without amounts describes a
/// fee that depends on the case (e.g. set by the province) and is explained in `note`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeRule {
    /// The case this rule applies to, e.g. "first issue" or "re-issue when lost".
    pub case: Text,
    /// Amount when filed in person; `None` when not fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_person: Option<u64>,
    /// Amount when filed online, when the law sets it apart (often lower); absent, the
    /// same as in person (see [`FeeRule::online_amount`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub confidence: Confidence,
    /// The `instrument` of the legal basis entry this amount was read from; required
    /// when the rule is confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

impl FeeRule {
    /// What filing online costs: its own amount, or else the in-person one (the rule the
    /// fee shown, the fee charged and the catalogue's "from" price all follow); `None`
    /// when not fixed.
    pub fn online_amount(&self) -> Option<u64> {
        self.online.or(self.in_person)
    }
}

/// What a service costs. Read through [`crate::catalogue_raw`] (one flat table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[serde(try_from = "crate::catalogue_raw::RawFees")]
pub enum Fees {
    /// No fee at all.
    Free {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<Text>,
        confidence: Confidence,
        /// As [`FeeRule::basis`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        basis: Option<String>,
    },
    /// One or more priced cases.
    Rules { rules: Vec<FeeRule> },
}

impl Fees {
    /// The lowest amount a citizen can pay online, if any case has a fixed amount.
    pub fn lowest_online(&self) -> Option<u64> {
        match self {
            Fees::Free { .. } => Some(0),
            Fees::Rules { rules } => rules.iter().filter_map(FeeRule::online_amount).min(),
        }
    }
}

/// How long the agency has to decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessingTime {
    /// Upper bound in working days; `None` when it is immediate or case-dependent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_days: Option<u32>,
    pub text: Text,
    pub confidence: Confidence,
    /// As [`FeeRule::basis`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

/// One component of the dossier (thành phần hồ sơ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredDocument {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Held in VNeID: under Directive 24/CT-TTg the citizen need not upload it.
    #[serde(default)]
    pub in_vneid: bool,
    #[serde(default = "yes")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

/// What a legal instrument does for a procedure: every service names the law that
/// governs it and the decree or circular that sets its procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegalRole {
    /// The law (luật) that governs the matter.
    Law,
    /// The decree, circular or decision that sets the procedure (steps, dossier, time).
    Procedure,
    /// The circular or resolution that sets the fee, its exemptions and reductions.
    Fee,
    /// A programme that lists the service, e.g. Directive 24/CT-TTg.
    Programme,
}

/// A legal instrument the procedure rests on, with the public source it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalBasis {
    /// E.g. "Circular 75/2022/TT-BTC", with the article where it matters.
    pub instrument: String,
    pub title: Text,
    /// Where the text can be read: an official publisher (vbpl.vn, chinhphu.vn,
    /// thuvienphapluat.vn or a government site under .gov.vn).
    pub source: String,
    /// Further pages (a news article may be one, never the only source).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// The date the instrument was issued, `yyyy-mm-dd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<LegalRole>,
    /// Whether the instrument and what the catalogue takes from it were read in the
    /// official text, or are still being verified. Required by the catalogue lint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

/// Hosts whose pages count as an official source of a legal text.
pub const OFFICIAL_LEGAL_HOSTS: [&str; 4] =
    ["vbpl.vn", "chinhphu.vn", "thuvienphapluat.vn", "gov.vn"];

/// Whether `url` is a page of an official publisher of legal texts (the host is one of
/// [`OFFICIAL_LEGAL_HOSTS`] or a subdomain of one).
pub fn is_official_legal_source(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.to_ascii_lowercase();
    OFFICIAL_LEGAL_HOSTS
        .iter()
        .any(|h| host == *h || host.ends_with(&format!(".{h}")))
}

/// A single procedure, or a bundle (liên thông) that fans out to several procedures.
/// Read through [`crate::catalogue_raw`] (one flat table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[serde(try_from = "crate::catalogue_raw::RawServiceKind")]
pub enum ServiceKind {
    Procedure,
    Bundle {
        /// Every procedure this bundle can file from one declaration, in the order they
        /// are handled. Those not listed in `optional` are always filed.
        procedures: Vec<ServiceId>,
        /// The procedures the applicant may choose to add (e.g. the funeral allowance in
        /// the death bundle). Empty when the bundle is all-or-nothing.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        optional: Vec<OptionalProcedure>,
    },
}

/// A linked procedure of a bundle that the applicant may leave out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionalProcedure {
    pub id: ServiceId,
    /// Other optional procedures that must be chosen for this one to be offered (the
    /// survivor benefit is only filed together with the funeral allowance).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<ServiceId>,
}

/// How many services the Directive 24/CT-TTg list has (the 25 essential services that
/// are online-only from 1 October 2025).
pub const DIRECTIVE24_ITEMS: u8 = 25;

/// A service of the catalogue, as shown on its detail page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub id: ServiceId,
    pub kind: ServiceKind,
    /// The service's number (1..=25) in the list of Directive 24/CT-TTg; `None` for
    /// services outside that list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directive24_item: Option<u8>,
    pub name: Text,
    pub summary: Text,
    #[serde(default)]
    pub procedure_codes: Vec<ProcedureCode>,
    /// Whether the codes were read on the national database's page of the procedure
    /// (`confirmed`) or come from a third-party source (`needs-check`). Required by the
    /// catalogue lint when there are codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure_codes_confidence: Option<Confidence>,
    pub agency: Agency,
    pub audiences: Vec<Audience>,
    pub online_level: OnlineLevel,
    pub fees: Fees,
    pub processing_time: ProcessingTime,
    #[serde(default)]
    pub documents: Vec<RequiredDocument>,
    #[serde(default)]
    pub eligibility: Vec<Text>,
    pub legal_basis: Vec<LegalBasis>,
    /// Topic / life-event tags, e.g. `family`, `residence`.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Words people type for this service (abbreviations, old names), for search.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The application form, read from `catalog/forms/<id>.toml`; absent while the
    /// service has no online form yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<crate::form::Form>,
}

impl Service {
    /// Whether this applicant may file it: the one rule the service page applies before
    /// the form starts and the server applies again at Send. A person signed in for an
    /// organisation (its e-ID) files as a business; anyone else as a citizen.
    pub fn open_to(&self, applicant: Audience) -> bool {
        self.audiences.contains(&applicant)
    }
}

/// What the catalogue page needs of a service: small enough to list thousands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSummary {
    pub id: ServiceId,
    pub bundle: bool,
    pub name: Text,
    pub summary: Text,
    pub level: Level,
    pub agency: Text,
    pub audiences: Vec<Audience>,
    pub online_level: OnlineLevel,
    /// The service's item in Directive 24/CT-TTg's list of 25, if it is one of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directive24_item: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lowest_fee: Option<u64>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
}

impl From<&Service> for ServiceSummary {
    fn from(s: &Service) -> Self {
        ServiceSummary {
            id: s.id.clone(),
            bundle: matches!(s.kind, ServiceKind::Bundle { .. }),
            name: s.name.clone(),
            summary: s.summary.clone(),
            level: s.agency.level,
            agency: s.agency.name.clone(),
            audiences: s.audiences.clone(),
            online_level: s.online_level,
            directive24_item: s.directive24_item,
            lowest_fee: s.fees.lowest_online(),
            topics: s.topics.clone(),
            keywords: s.keywords.clone(),
        }
    }
}

/// Whether a topic is a subject area (residence, vehicles) or a life event (a birth, a
/// death), so the catalogue page can offer the two ways of browsing separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TopicKind {
    Subject,
    LifeEvent,
}

/// One entry of the topic and life-event taxonomy (`catalog/topics.toml`). Services
/// name topics by `id`; the list's order is the order the catalogue page shows them in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub kind: TopicKind,
    pub name: Text,
}

/// The catalogue as the API serves it: a version (content hash), the topic taxonomy and
/// the summaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueIndex {
    pub version: String,
    /// The topics services are tagged with, in display order.
    #[serde(default)]
    pub topics: Vec<Topic>,
    pub services: Vec<ServiceSummary>,
}

/// An amount of đồng with the language's thousands separator: `20.000 ₫` in Vietnamese,
/// `20,000 ₫` in English.
pub fn format_vnd(amount: u64, lang: crate::Lang) -> String {
    let n = i64::try_from(amount).unwrap_or(i64::MAX);
    format!("{} ₫", crate::form::messages::number(n, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_id_shape() {
        assert!(ServiceId::is_valid("birth-registration"));
        assert!(ServiceId::is_valid("passport2"));
        for bad in [
            "",
            "Birth",
            "-a",
            "a-",
            "a--b",
            "../etc",
            "a b",
            "khai_sinh",
            "đăng-ký",
        ] {
            assert!(!ServiceId::is_valid(bad), "{bad:?} should be rejected");
        }
        assert!(!ServiceId::is_valid(&"a".repeat(81)));
    }

    #[test]
    fn procedure_code_shape() {
        assert!(ProcedureCode::is_valid("1.001193"));
        assert!(ProcedureCode::is_valid("2.000815"));
        for bad in [
            "1001193",
            "1.00119",
            "1.0011933",
            "a.001193",
            "1-001193",
            "",
        ] {
            assert!(!ProcedureCode::is_valid(bad), "{bad:?}");
        }
    }

    #[test]
    fn slugs_round_trip() {
        for l in Level::ALL {
            assert_eq!(Level::from_slug(l.slug()), Some(l));
            assert_eq!(
                serde_json::to_string(&l).unwrap(),
                format!("\"{}\"", l.slug())
            );
        }
        for a in Audience::ALL {
            assert_eq!(Audience::from_slug(a.slug()), Some(a));
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                format!("\"{}\"", a.slug())
            );
        }
        assert_eq!(Level::from_slug("district"), None);
    }

    #[test]
    fn official_legal_sources() {
        for ok in [
            "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=1",
            "https://thuvienphapluat.vn/van-ban/a.aspx",
            "https://vanban.chinhphu.vn/?pageid=1",
            "https://bocongan.gov.vn/x",
            "https://hcc.nghean.gov.vn/x",
        ] {
            assert!(is_official_legal_source(ok), "{ok}");
        }
        for bad in [
            "https://plo.vn/x",
            "https://lawnet.vn/x",
            "http://vbpl.vn/x",
            "https://vbpl.vn.example.com/x",
            "https://notgov.vn/x",
            "https://evil.com/?thuvienphapluat.vn",
        ] {
            assert!(!is_official_legal_source(bad), "{bad}");
        }
    }

    #[test]
    fn vnd_formatting() {
        assert_eq!(format_vnd(0, crate::Lang::Vi), "0 ₫");
        assert_eq!(format_vnd(999, crate::Lang::En), "999 ₫");
        assert_eq!(format_vnd(10_000, crate::Lang::Vi), "10.000 ₫");
        assert_eq!(format_vnd(1_234_567, crate::Lang::Vi), "1.234.567 ₫");
        assert_eq!(format_vnd(200_000, crate::Lang::En), "200,000 ₫");
    }

    #[test]
    fn lowest_online_fee_prefers_online_amount() {
        let fees = Fees::Rules {
            rules: vec![
                FeeRule {
                    case: Text::new("a", "a"),
                    in_person: Some(20_000),
                    online: Some(10_000),
                    note: None,
                    confidence: Confidence::Confirmed,
                    basis: None,
                },
                FeeRule {
                    case: Text::new("b", "b"),
                    in_person: Some(15_000),
                    online: None,
                    note: None,
                    confidence: Confidence::Confirmed,
                    basis: None,
                },
            ],
        };
        assert_eq!(fees.lowest_online(), Some(10_000));
        // A rule without an online amount costs online what it costs in person.
        let Fees::Rules { rules } = &fees else {
            unreachable!()
        };
        assert_eq!(rules[0].online_amount(), Some(10_000));
        assert_eq!(rules[1].online_amount(), Some(15_000));
        let free = Fees::Free {
            note: None,
            confidence: Confidence::Confirmed,
            basis: None,
        };
        assert_eq!(free.lowest_online(), Some(0));
        assert_eq!(Fees::Rules { rules: vec![] }.lowest_online(), None);
    }

    #[test]
    fn wire_format_uses_kebab_tags() {
        let k = ServiceKind::Bundle {
            procedures: vec![ServiceId("birth-registration".into())],
            optional: vec![],
        };
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"bundle","procedures":["birth-registration"]}"#
        );
        assert_eq!(
            serde_json::to_string(&OnlineLevel::FullProcess).unwrap(),
            "\"full-process\""
        );
        assert_eq!(
            serde_json::to_string(&TopicKind::LifeEvent).unwrap(),
            "\"life-event\""
        );
    }

    #[test]
    fn optional_linked_procedures_round_trip() {
        let json = r#"{"kind":"bundle","procedures":["a","b","c"],"optional":[{"id":"c","requires":["b"]}]}"#;
        let k: ServiceKind = serde_json::from_str(json).unwrap();
        match &k {
            ServiceKind::Bundle { optional, .. } => {
                assert_eq!(optional[0].id.as_str(), "c");
                assert_eq!(optional[0].requires, vec![ServiceId("b".into())]);
            }
            ServiceKind::Procedure => panic!("a bundle was expected"),
        }
        assert_eq!(serde_json::to_string(&k).unwrap(), json);
    }

    #[test]
    fn an_index_without_topics_still_reads() {
        let index: CatalogueIndex =
            serde_json::from_str(r#"{"version":"v","services":[]}"#).unwrap();
        assert!(index.topics.is_empty());
    }
}
