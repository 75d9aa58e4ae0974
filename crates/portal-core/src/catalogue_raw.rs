//! How the catalogue's two tagged types, [`Fees`] and [`ServiceKind`], are read: one
//! flat table each (the `kind` and every key any kind has), then the kind's own keys.
//! The same files and JSON as serde's internally tagged enums, read in one pass instead
//! of buffering the table first, which made them among the largest readers in the
//! bundles of a service's page and form. Keys of another kind are read and dropped.

use serde::Deserialize;

use crate::catalogue::{Confidence, FeeRule, Fees, OptionalProcedure, ServiceId, ServiceKind};
use crate::text::Text;

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum FeesTag {
    Free,
    Rules,
}

/// Every key of [`Fees`], whatever its kind.
#[derive(Deserialize)]
pub(crate) struct RawFees {
    kind: FeesTag,
    #[serde(default)]
    note: Option<Text>,
    #[serde(default)]
    confidence: Option<Confidence>,
    #[serde(default)]
    basis: Option<String>,
    #[serde(default)]
    rules: Option<Vec<FeeRule>>,
}

impl TryFrom<RawFees> for Fees {
    type Error = &'static str;

    fn try_from(r: RawFees) -> Result<Fees, &'static str> {
        Ok(match r.kind {
            FeesTag::Free => Fees::Free {
                note: r.note,
                confidence: r.confidence.ok_or("missing field `confidence`")?,
                basis: r.basis,
            },
            FeesTag::Rules => Fees::Rules {
                rules: r.rules.ok_or("missing field `rules`")?,
            },
        })
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum KindTag {
    Procedure,
    Bundle,
}

/// Every key of [`ServiceKind`], whatever its kind.
#[derive(Deserialize)]
pub(crate) struct RawServiceKind {
    kind: KindTag,
    #[serde(default)]
    procedures: Option<Vec<ServiceId>>,
    #[serde(default)]
    optional: Vec<OptionalProcedure>,
}

impl TryFrom<RawServiceKind> for ServiceKind {
    type Error = &'static str;

    fn try_from(r: RawServiceKind) -> Result<ServiceKind, &'static str> {
        Ok(match r.kind {
            KindTag::Procedure => ServiceKind::Procedure,
            KindTag::Bundle => ServiceKind::Bundle {
                procedures: r.procedures.ok_or("missing field `procedures`")?,
                optional: r.optional,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fees(v: serde_json::Value) -> Result<Fees, String> {
        serde_json::from_value(v).map_err(|e| e.to_string())
    }

    fn kind(v: serde_json::Value) -> Result<ServiceKind, String> {
        serde_json::from_value(v).map_err(|e| e.to_string())
    }

    #[test]
    fn both_kinds_of_fees_read_back_as_written() {
        let free = Fees::Free {
            note: Some(Text::new("Miễn", "Free")),
            confidence: Confidence::NeedsCheck,
            basis: Some("Luật Hộ tịch 60/2014/QH13".into()),
        };
        let rules = Fees::Rules {
            rules: vec![FeeRule {
                case: Text::new("Trực tuyến", "Online"),
                in_person: Some(20_000),
                online: Some(10_000),
                note: None,
                confidence: Confidence::Confirmed,
                basis: Some("Thông tư 75/2022/TT-BTC".into()),
            }],
        };
        for f in [free, rules] {
            let json = serde_json::to_value(&f).unwrap();
            assert_eq!(fees(json.clone()), Ok(f), "{json}");
        }
    }

    #[test]
    fn fees_without_their_kind_s_keys_are_refused() {
        let e = fees(json!({ "kind": "free" })).unwrap_err();
        assert!(e.contains("missing field `confidence`"), "{e}");
        let e = fees(json!({ "kind": "rules" })).unwrap_err();
        assert!(e.contains("missing field `rules`"), "{e}");
        let e = fees(json!({ "kind": "cheap", "rules": [] })).unwrap_err();
        assert!(e.contains("unknown variant `cheap`"), "{e}");
        let e = fees(json!({ "rules": [] })).unwrap_err();
        assert!(e.contains("missing field `kind`"), "{e}");
    }

    #[test]
    fn a_procedure_and_a_bundle_read_back_as_written() {
        let bundle = ServiceKind::Bundle {
            procedures: vec![ServiceId("death-registration".into())],
            optional: vec![OptionalProcedure {
                id: ServiceId("funeral-allowance".into()),
                requires: vec![],
            }],
        };
        for k in [ServiceKind::Procedure, bundle] {
            let json = serde_json::to_value(&k).unwrap();
            assert_eq!(kind(json.clone()), Ok(k), "{json}");
        }
        let e = kind(json!({ "kind": "bundle" })).unwrap_err();
        assert!(e.contains("missing field `procedures`"), "{e}");
        let plain = kind(json!({ "kind": "bundle", "procedures": ["a-b"] })).unwrap();
        let ServiceKind::Bundle { optional, .. } = plain else {
            panic!("bundle")
        };
        assert!(optional.is_empty());
    }
}
