//! Small catalogues written in the test, so each check is shown failing and passing on
//! exactly the fact it is about.
#![allow(dead_code)]

use std::path::PathBuf;

use portal_catalog::{Catalogue, LoadError, SourceFile, TOPICS_FILE};

pub fn repo_catalog() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../catalog")
}

pub fn file(name: &str, text: &str) -> SourceFile {
    SourceFile {
        name: format!("services/{name}"),
        text: text.to_string(),
    }
}

/// A taxonomy file defining `ids` as subjects.
pub fn topics(ids: &[&str]) -> SourceFile {
    let text = ids
        .iter()
        .map(|id| {
            format!(
                "[[topics]]\nid = \"{id}\"\nkind = \"subject\"\n[topics.name]\nvi = \"Chủ đề {id}\"\nen = \"Topic {id}\"\n"
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    SourceFile {
        name: TOPICS_FILE.to_string(),
        text,
    }
}

/// A minimal valid service, changed piece by piece by the tests.
#[derive(Clone)]
pub struct Svc {
    pub id: String,
    /// Extra top-level keys, e.g. `directive24_item = 3`.
    pub top: String,
    pub topics: Vec<String>,
    /// The `[kind]` table's body.
    pub kind: String,
    /// The `[fees]` table and what follows it.
    pub fees: String,
    /// The `[processing_time]` table's keys.
    pub time: String,
}

/// The instrument the default facts of a test service cite.
pub const LAW: &str = "Luật Hộ tịch 60/2014/QH13";

impl Svc {
    pub fn new(id: &str) -> Svc {
        Svc {
            id: id.into(),
            top: String::new(),
            topics: vec!["family".into()],
            kind: "kind = \"procedure\"".into(),
            fees: format!(
                "[fees]\nkind = \"free\"\nconfidence = \"needs-check\"\nbasis = \"{LAW}\"\n"
            ),
            time: format!("confidence = \"needs-check\"\nbasis = \"{LAW}\""),
        }
    }

    pub fn top(mut self, line: &str) -> Svc {
        self.top.push_str(line);
        self.top.push('\n');
        self
    }

    pub fn topics(mut self, topics: &[&str]) -> Svc {
        self.topics = topics.iter().map(|t| t.to_string()).collect();
        self
    }

    pub fn kind(mut self, body: &str) -> Svc {
        self.kind = body.into();
        self
    }

    pub fn fees(mut self, fees: &str) -> Svc {
        self.fees = fees.into();
        self
    }

    pub fn time(mut self, keys: &str) -> Svc {
        self.time = keys.into();
        self
    }

    pub fn toml(&self) -> String {
        let topics = self
            .topics
            .iter()
            .map(|t| format!("{t:?}"))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            r#"id = "{id}"
audiences = ["citizen"]
online_level = "full-process"
topics = [{topics}]
{top}
[kind]
{kind}

[name]
vi = "Dịch vụ {id}"
en = "Service {id}"

[summary]
vi = "Tóm tắt"
en = "Summary"

[agency]
level = "commune"
[agency.name]
vi = "Ủy ban nhân dân cấp xã"
en = "Commune People's Committee"

{fees}
[processing_time]
{time}
[processing_time.text]
vi = "Trong ngày"
en = "The same day"

[[legal_basis]]
instrument = "Luật Hộ tịch 60/2014/QH13"
role = "law"
issued = "2014-11-20"
confidence = "confirmed"
source = "https://thuvienphapluat.vn/van-ban/Quyen-dan-su/Luat-Ho-tich-2014-259113.aspx"
[legal_basis.title]
vi = "Luật Hộ tịch năm 2014"
en = "Law on Civil Status 2014"

[[legal_basis]]
instrument = "Nghị định 123/2015/NĐ-CP"
role = "procedure"
confidence = "needs-check"
source = "https://thuvienphapluat.vn/page/tim-van-ban.aspx?keyword=123/2015/NĐ-CP"
[legal_basis.title]
vi = "Nghị định hướng dẫn Luật Hộ tịch"
en = "Decree detailing the Law on Civil Status"
"#,
            id = self.id,
            top = self.top,
            kind = self.kind,
            fees = self.fees,
            time = self.time,
        )
    }

    pub fn file(&self) -> SourceFile {
        file(&format!("{}.toml", self.id), &self.toml())
    }
}

/// Builds a catalogue of `services` with a taxonomy of exactly the topics they use.
pub fn build(services: &[Svc]) -> Result<Catalogue, LoadError> {
    let mut used: Vec<&str> = services
        .iter()
        .flat_map(|s| s.topics.iter().map(String::as_str))
        .collect();
    used.sort();
    used.dedup();
    let mut files = vec![topics(&used)];
    files.extend(services.iter().map(Svc::file));
    Catalogue::from_files(&files)
}

/// The codes of the diagnostics that refused a catalogue.
pub fn codes(result: Result<Catalogue, LoadError>) -> Vec<&'static str> {
    match result {
        Ok(_) => vec![],
        Err(LoadError::Invalid(d)) => d.iter().map(|d| d.code).collect(),
        Err(other) => panic!("unexpected {other}"),
    }
}

/// Asserts that the catalogue is refused with exactly `expected` (in any order).
pub fn refused_with(result: Result<Catalogue, LoadError>, expected: &[&str]) {
    let mut got = codes(result);
    got.sort();
    let mut want = expected.to_vec();
    want.sort();
    assert_eq!(got, want);
}
