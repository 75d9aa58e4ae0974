//! The semantic difference between two catalogues, as staff need it before publishing:
//! services added, removed or renamed; questions added, removed or made required; fee
//! and processing-time changes; and which in-progress drafts a change would touch. The
//! server computes it for a draft catalogue; the staff pages render it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Fees, Service};
use crate::form::{
    migrate, Draft, Field, FieldKind, IndexedForm, MigrationReport, ValidationContext,
};
use crate::text::Text;

/// A service named in a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceRef {
    pub id: String,
    pub name: Text,
}

/// Everything that differs, services in id order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueDiff {
    pub added: Vec<ServiceRef>,
    pub removed: Vec<ServiceRef>,
    pub changed: Vec<ServiceChanges>,
}

impl CatalogueDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// The changes to one service present in both catalogues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceChanges {
    pub id: String,
    /// The new name.
    pub name: Text,
    pub changes: Vec<Change>,
    /// Whether drafts started on the old form must be migrated (its questions changed).
    pub affects_drafts: bool,
}

/// One change, in words a non-programmer can follow once rendered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    Renamed {
        from: Text,
        to: Text,
    },
    FormAdded,
    FormRemoved,
    FieldAdded {
        field: String,
        label: Text,
        required: bool,
    },
    FieldRemoved {
        field: String,
        label: Text,
    },
    FieldMadeRequired {
        field: String,
        label: Text,
    },
    FieldMadeOptional {
        field: String,
        label: Text,
    },
    FieldTypeChanged {
        field: String,
        label: Text,
        from: String,
        to: String,
    },
    OptionsRemoved {
        field: String,
        label: Text,
        values: Vec<String>,
    },
    DocumentAdded {
        name: Text,
        required: bool,
    },
    DocumentRemoved {
        name: Text,
    },
    DocumentMadeRequired {
        name: Text,
    },
    /// The service's published fee table changed; lowest online amounts given (0 =
    /// free, `None` = not fixed).
    FeesChanged {
        before: Option<u64>,
        after: Option<u64>,
    },
    /// A fee line of the form (what citizens are quoted) changed amount.
    FormFeeChanged {
        id: String,
        label: Text,
        before: Option<u64>,
        after: Option<u64>,
    },
    ProcessingTimeChanged {
        before_days: Option<u32>,
        after_days: Option<u32>,
        before: Text,
        after: Text,
    },
}

/// The difference from `old` to `new`.
pub fn diff(old: &[Service], new: &[Service]) -> CatalogueDiff {
    let old_by: BTreeMap<&str, &Service> = old.iter().map(|s| (s.id.as_str(), s)).collect();
    let new_by: BTreeMap<&str, &Service> = new.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut out = CatalogueDiff::default();
    for (id, s) in &new_by {
        match old_by.get(id) {
            None => out.added.push(service_ref(s)),
            Some(o) => {
                let changes = service_changes(o, s);
                if !changes.is_empty() {
                    out.changed.push(ServiceChanges {
                        id: id.to_string(),
                        name: s.name.clone(),
                        affects_drafts: form_fingerprint(o) != form_fingerprint(s)
                            && o.form.is_some(),
                        changes,
                    });
                }
            }
        }
    }
    for (id, s) in &old_by {
        if !new_by.contains_key(id) {
            out.removed.push(service_ref(s));
        }
    }
    out
}

fn service_ref(s: &Service) -> ServiceRef {
    ServiceRef {
        id: s.id.0.clone(),
        name: s.name.clone(),
    }
}

fn form_fingerprint(s: &Service) -> Option<String> {
    s.form.as_ref().map(crate::form::fingerprint)
}

fn service_changes(old: &Service, new: &Service) -> Vec<Change> {
    let mut out = Vec::new();
    if old.name != new.name {
        out.push(Change::Renamed {
            from: old.name.clone(),
            to: new.name.clone(),
        });
    }
    match (&old.form, &new.form) {
        (None, Some(_)) => out.push(Change::FormAdded),
        (Some(_), None) => out.push(Change::FormRemoved),
        (Some(a), Some(b)) => {
            form_changes(a, b, &mut out);
            let amounts = |f: &crate::form::Form| -> BTreeMap<String, (Text, Option<u64>)> {
                f.fees
                    .iter()
                    .map(|i| {
                        (
                            i.id.clone(),
                            (i.label.clone(), Some(i.online.unwrap_or(i.in_person))),
                        )
                    })
                    .collect()
            };
            let (before, after) = (amounts(a), amounts(b));
            for (id, (label, amount)) in &after {
                let was = before.get(id).and_then(|(_, x)| *x);
                if was != *amount {
                    out.push(Change::FormFeeChanged {
                        id: id.clone(),
                        label: label.clone(),
                        before: was,
                        after: *amount,
                    });
                }
            }
            for (id, (label, amount)) in &before {
                if !after.contains_key(id) {
                    out.push(Change::FormFeeChanged {
                        id: id.clone(),
                        label: label.clone(),
                        before: *amount,
                        after: None,
                    });
                }
            }
        }
        (None, None) => {}
    }
    documents(old, new, &mut out);
    if old.fees != new.fees {
        out.push(Change::FeesChanged {
            before: lowest(&old.fees),
            after: lowest(&new.fees),
        });
    }
    if old.processing_time.working_days != new.processing_time.working_days
        || old.processing_time.text != new.processing_time.text
    {
        out.push(Change::ProcessingTimeChanged {
            before_days: old.processing_time.working_days,
            after_days: new.processing_time.working_days,
            before: old.processing_time.text.clone(),
            after: new.processing_time.text.clone(),
        });
    }
    out
}

fn lowest(f: &Fees) -> Option<u64> {
    f.lowest_online()
}

fn fields_of(form: &crate::form::Form) -> BTreeMap<String, &Field> {
    form.walk().map(|(_, f)| (f.id.0.clone(), f)).collect()
}

fn form_changes(old: &crate::form::Form, new: &crate::form::Form, out: &mut Vec<Change>) {
    let before = fields_of(old);
    let after = fields_of(new);
    for (id, f) in &after {
        let Some(o) = before.get(id) else {
            out.push(Change::FieldAdded {
                field: id.clone(),
                label: f.label.clone(),
                required: f.required,
            });
            continue;
        };
        if o.kind.tag() != f.kind.tag() {
            out.push(Change::FieldTypeChanged {
                field: id.clone(),
                label: f.label.clone(),
                from: o.kind.tag().into(),
                to: f.kind.tag().into(),
            });
            continue;
        }
        if !o.required && f.required {
            out.push(Change::FieldMadeRequired {
                field: id.clone(),
                label: f.label.clone(),
            });
        } else if o.required && !f.required {
            out.push(Change::FieldMadeOptional {
                field: id.clone(),
                label: f.label.clone(),
            });
        }
        let values = |k: &FieldKind| -> Vec<String> {
            match k {
                FieldKind::Choice(c) => c.options.iter().map(|o| o.value.clone()).collect(),
                FieldKind::MultipleChoice(c) => c.options.iter().map(|o| o.value.clone()).collect(),
                _ => Vec::new(),
            }
        };
        let now = values(&f.kind);
        let gone: Vec<String> = values(&o.kind)
            .into_iter()
            .filter(|v| !now.contains(v))
            .collect();
        if !gone.is_empty() {
            out.push(Change::OptionsRemoved {
                field: id.clone(),
                label: f.label.clone(),
                values: gone,
            });
        }
    }
    for (id, f) in &before {
        if !after.contains_key(id) {
            out.push(Change::FieldRemoved {
                field: id.clone(),
                label: f.label.clone(),
            });
        }
    }
}

fn documents(old: &Service, new: &Service, out: &mut Vec<Change>) {
    // Documents have no id; their Vietnamese name identifies them.
    for d in &new.documents {
        match old.documents.iter().find(|o| o.name.vi == d.name.vi) {
            None => out.push(Change::DocumentAdded {
                name: d.name.clone(),
                required: d.required,
            }),
            Some(o) if !o.required && d.required => out.push(Change::DocumentMadeRequired {
                name: d.name.clone(),
            }),
            Some(_) => {}
        }
    }
    for o in &old.documents {
        if !new.documents.iter().any(|d| d.name.vi == o.name.vi) {
            out.push(Change::DocumentRemoved {
                name: o.name.clone(),
            });
        }
    }
}

/// One saved draft a publish would change, with what its migration would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AffectedDraft {
    /// The caller's key for the draft (e.g. its storage key).
    pub key: String,
    pub service: String,
    pub report: MigrationReport,
}

/// Which of `drafts` (keyed) the new catalogue would affect: drafts of removed services,
/// and drafts whose form changed, with the engine's own migration report. Drafts that
/// carry over unchanged are left out.
pub fn affected_drafts(
    new: &[Service],
    new_version: &str,
    drafts: &[(String, Draft)],
    ctx: &ValidationContext,
) -> Vec<AffectedDraft> {
    let mut out = Vec::new();
    for (key, draft) in drafts {
        let service = new.iter().find(|s| s.id == draft.service);
        let report = match service.and_then(|s| s.form.clone()) {
            None => MigrationReport {
                form_changed: true,
                dropped: Vec::new(),
                ..Default::default()
            },
            Some(form) => {
                let form = IndexedForm::new(form);
                if draft.fits(&form) {
                    continue;
                }
                migrate(draft, &form, new_version, ctx).1
            }
        };
        out.push(AffectedDraft {
            key: key.clone(),
            service: draft.service.0.clone(),
            report,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::examples::{context, field};
    use crate::form::{Answer, ChoiceOption, ChoiceOptions, Form, Step, TextOptions};
    use crate::ServiceId;

    fn service(id: &str) -> Service {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "kind": {"kind": "procedure"},
            "name": {"vi": format!("Dịch vụ {id}"), "en": format!("Service {id}")},
            "summary": {"vi": "Tóm tắt", "en": "Summary"},
            "agency": {"name": {"vi": "Cơ quan", "en": "Agency"}, "level": "commune"},
            "audiences": ["citizen"],
            "online_level": "full-process",
            "fees": {"kind": "free", "confidence": "needs-check"},
            "processing_time": {"working_days": 5, "text": {"vi": "5 ngày", "en": "5 days"}, "confidence": "needs-check"},
            "documents": [{"name": {"vi": "Tờ khai", "en": "Form"}, "required": false}],
            "legal_basis": [],
        }))
        .unwrap()
    }

    fn with_form(mut s: Service, fields: Vec<Field>) -> Service {
        s.form = Some(Form {
            subject: None,
            place: None,
            steps: vec![Step {
                id: "s".into(),
                title: Text::new("B", "S"),
                intro: None,
                shown_if: None,
                fields,
            }],
            fees: vec![],
        });
        s
    }

    fn text(id: &str) -> Field {
        field(
            id,
            Text::new(id, id),
            FieldKind::Text(TextOptions::default()),
        )
    }

    fn choice(id: &str, values: &[&str]) -> Field {
        field(
            id,
            Text::new(id, id),
            FieldKind::Choice(ChoiceOptions {
                options: values
                    .iter()
                    .map(|v| ChoiceOption {
                        value: (*v).into(),
                        label: Text::new(*v, *v),
                        hint: None,
                    })
                    .collect(),
            }),
        )
    }

    #[test]
    fn equal_catalogues_have_no_diff() {
        let a = vec![service("a"), with_form(service("b"), vec![text("x")])];
        assert!(diff(&a, &a).is_empty());
    }

    #[test]
    fn services_added_removed_and_renamed() {
        let old = vec![service("a"), service("b")];
        let mut renamed = service("a");
        renamed.name = Text::new("Tên mới", "New name");
        let new = vec![renamed, service("c")];
        let d = diff(&old, &new);
        assert_eq!(
            d.added.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["c"]
        );
        assert_eq!(
            d.removed.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["b"]
        );
        assert_eq!(d.changed.len(), 1);
        assert!(
            matches!(&d.changed[0].changes[..], [Change::Renamed { to, .. }] if to.en == "New name")
        );
        assert!(!d.changed[0].affects_drafts);
    }

    #[test]
    fn fields_added_removed_required_and_options() {
        let mut optional = text("phone");
        optional.required = false;
        let old = vec![with_form(
            service("a"),
            vec![
                text("name"),
                optional,
                text("gone"),
                choice("how", &["post", "online"]),
            ],
        )];
        let new = vec![with_form(
            service("a"),
            vec![
                text("name"),
                text("phone"),
                text("new_one"),
                choice("how", &["online"]),
            ],
        )];
        let d = diff(&old, &new);
        let changes = &d.changed[0].changes;
        assert!(d.changed[0].affects_drafts);
        assert!(changes.contains(&Change::FieldMadeRequired {
            field: "phone".into(),
            label: Text::new("phone", "phone")
        }));
        assert!(changes.iter().any(
            |c| matches!(c, Change::FieldAdded { field, required: true, .. } if field == "new_one")
        ));
        assert!(changes
            .iter()
            .any(|c| matches!(c, Change::FieldRemoved { field, .. } if field == "gone")));
        assert!(changes
            .iter()
            .any(|c| matches!(c, Change::OptionsRemoved { values, .. } if values == &["post"])));
    }

    #[test]
    fn fees_time_and_documents() {
        let old = vec![service("a")];
        let mut s = service("a");
        s.fees = serde_json::from_value(serde_json::json!({"kind": "rules", "rules": [
            {"case": {"vi": "Lần đầu", "en": "First"}, "online": 50000, "in_person": 100000, "confidence": "needs-check"}
        ]}))
        .unwrap();
        s.processing_time.working_days = Some(3);
        s.documents[0].required = true;
        s.documents.push(crate::catalogue::RequiredDocument {
            name: Text::new("Ảnh", "Photo"),
            note: None,
            in_vneid: false,
            required: true,
        });
        let d = diff(&old, &[s]);
        let changes = &d.changed[0].changes;
        assert!(changes.contains(&Change::FeesChanged {
            before: Some(0),
            after: Some(50000)
        }));
        assert!(changes.iter().any(|c| matches!(
            c,
            Change::ProcessingTimeChanged {
                before_days: Some(5),
                after_days: Some(3),
                ..
            }
        )));
        assert!(changes
            .iter()
            .any(|c| matches!(c, Change::DocumentMadeRequired { .. })));
        assert!(changes
            .iter()
            .any(|c| matches!(c, Change::DocumentAdded { required: true, .. })));
    }

    #[test]
    fn drafts_affected_by_a_publish() {
        let old = with_form(
            service("a"),
            vec![text("name"), choice("how", &["post", "online"])],
        );
        let old_form = IndexedForm::new(old.form.clone().unwrap());
        let mut touched = Draft::new(ServiceId("a".into()), "v1", &old_form, 0);
        touched.answers.set("how", Answer::Choice("post".into()));
        let untouched_service = with_form(service("b"), vec![text("x")]);
        let b_form = IndexedForm::new(untouched_service.form.clone().unwrap());
        let untouched = Draft::new(ServiceId("b".into()), "v1", &b_form, 0);
        let gone = Draft::new(ServiceId("c".into()), "v1", &b_form, 0);
        let new = vec![
            with_form(service("a"), vec![text("name"), choice("how", &["online"])]),
            untouched_service,
        ];
        let drafts = vec![
            ("d1".to_string(), touched),
            ("d2".to_string(), untouched),
            ("d3".to_string(), gone),
        ];
        let affected = affected_drafts(&new, "v2", &drafts, &context());
        let keys: Vec<&str> = affected.iter().map(|a| a.key.as_str()).collect();
        assert_eq!(keys, ["d1", "d3"]);
        assert_eq!(affected[0].report.dropped.len(), 1);
    }
}
