//! Checks on a parsed catalogue that the type system cannot express: shapes of codes,
//! both languages present, unique ids, bundles that name real procedures and offer a
//! coherent choice, Directive 24 item numbers, topics that exist and are used, every
//! fee and time naming the legal source it was read from, and every legal source an
//! official, dated text marked confirmed or being verified.

use std::collections::{HashMap, HashSet};
use std::fmt;

use portal_core::{
    is_official_legal_source, Confidence, Fees, Lang, LegalRole, Level, ProcedureCode, Service,
    ServiceId, ServiceKind, Text, Topic, DIRECTIVE24_ITEMS, MAX_OPTIONAL_PROCEDURES,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding, located by file and field path, with a stable code staff can search for,
/// said in both languages of the staff pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub file: String,
    pub line: Option<usize>,
    pub path: String,
    /// The English text (what the CLI prints).
    pub message: String,
    /// The same finding in Vietnamese, with the same ids, keys and numbers.
    pub message_vi: String,
}

impl Diagnostic {
    /// An error, said in English (`en`) and in Vietnamese (`vi`).
    pub fn error(
        code: &'static str,
        file: &str,
        path: &str,
        en: impl Into<String>,
        vi: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            file: file.to_string(),
            line: None,
            path: path.to_string(),
            message: en.into(),
            message_vi: vi.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}[{}] {}", self.code, self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.path.is_empty() {
            write!(f, " ({})", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Checks parsed services, given with the file each came from.
pub fn check(services: &[(String, Service)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut items: HashMap<u8, &ServiceId> = HashMap::new();
    // The date each instrument was first given, and by whom: the /sources page shows
    // one date per text, so two services must not disagree on it.
    let mut issued: HashMap<&str, (&str, &ServiceId)> = HashMap::new();
    for (file, s) in services {
        let err =
            |code, path: &str, en: String, vi: String| Diagnostic::error(code, file, path, en, vi);
        if !ServiceId::is_valid(s.id.as_str()) {
            out.push(err(
                "id-shape",
                "id",
                format!(
                    "{:?} is not a valid id: use lowercase letters, digits and single hyphens",
                    s.id.0
                ),
                format!(
                    "{:?} không phải là mã hợp lệ: chỉ dùng chữ cái thường không dấu, chữ số và dấu gạch nối đơn",
                    s.id.0
                ),
            ));
        }
        if !seen.insert(s.id.clone()) {
            out.push(err(
                "duplicate-id",
                "id",
                format!("the id {:?} is used by another file", s.id.0),
                format!("mã {:?} đã được dùng ở một tệp khác", s.id.0),
            ));
        }
        for (i, code) in s.procedure_codes.iter().enumerate() {
            if !ProcedureCode::is_valid(&code.0) {
                out.push(err(
                    "procedure-code-shape",
                    &format!("procedure_codes[{i}]"),
                    format!("{:?} is not a procedure code of the form 1.001193", code.0),
                    format!(
                        "{:?} không phải là mã thủ tục hành chính theo dạng 1.001193",
                        code.0
                    ),
                ));
            }
        }
        let mut texts: Vec<(String, &Text)> = vec![
            ("name".into(), &s.name),
            ("summary".into(), &s.summary),
            ("agency.name".into(), &s.agency.name),
            ("processing_time.text".into(), &s.processing_time.text),
        ];
        for (i, d) in s.documents.iter().enumerate() {
            texts.push((format!("documents[{i}].name"), &d.name));
        }
        for (i, e) in s.eligibility.iter().enumerate() {
            texts.push((format!("eligibility[{i}]"), e));
        }
        for (i, l) in s.legal_basis.iter().enumerate() {
            texts.push((format!("legal_basis[{i}].title"), &l.title));
        }
        for (i, d) in s.documents.iter().enumerate() {
            if let Some(note) = &d.note {
                texts.push((format!("documents[{i}].note"), note));
            }
        }
        match &s.fees {
            Fees::Free { note, .. } => {
                if let Some(note) = note {
                    texts.push(("fees.note".into(), note));
                }
            }
            Fees::Rules { rules } => {
                for (i, r) in rules.iter().enumerate() {
                    texts.push((format!("fees.rules[{i}].case"), &r.case));
                    if let Some(note) = &r.note {
                        texts.push((format!("fees.rules[{i}].note"), note));
                    }
                }
            }
        }
        for (path, text) in texts {
            for lang in text.missing() {
                let (en, vi) = language(lang);
                out.push(err(
                    "missing-text",
                    &path,
                    format!("the {en} text is empty"),
                    format!("nội dung {vi} đang để trống"),
                ));
            }
        }
        if s.audiences.is_empty() {
            out.push(err(
                "no-audience",
                "audiences",
                "say who can apply: citizen, business or both".into(),
                "hãy ghi rõ ai được nộp hồ sơ: công dân (`citizen`), doanh nghiệp (`business`) hoặc cả hai".into(),
            ));
        }
        if s.legal_basis.is_empty() {
            out.push(err(
                "no-legal-basis",
                "legal_basis",
                "name at least one legal instrument and its source".into(),
                "hãy nêu ít nhất một văn bản pháp luật làm căn cứ pháp lý, kèm nguồn của văn bản đó"
                    .into(),
            ));
        }
        for (i, l) in s.legal_basis.iter().enumerate() {
            if let Some(date) = l.issued.as_deref() {
                match issued.get(l.instrument.as_str()) {
                    Some((first, by)) if *first != date => out.push(err(
                        "legal-source-date-conflict",
                        &format!("legal_basis[{i}].issued"),
                        format!(
                            "{} is dated {first} by {:?}: one text has one date of issue",
                            l.instrument, by.0
                        ),
                        format!(
                            "{} đã được ghi ngày ban hành {first} ở dịch vụ {:?}: mỗi văn bản chỉ có một ngày ban hành",
                            l.instrument, by.0
                        ),
                    )),
                    Some(_) => {}
                    None => {
                        issued.insert(&l.instrument, (date, &s.id));
                    }
                }
            }
            if !(l.source.starts_with("https://") || l.source.starts_with("http://")) {
                out.push(err(
                    "source-not-url",
                    &format!("legal_basis[{i}].source"),
                    "the source must be the address of a public page".into(),
                    "nguồn phải là địa chỉ của một trang web công khai".into(),
                ));
            }
        }
        if let ServiceKind::Bundle { .. } = &s.kind {
            check_bundle(file, s, services, &mut out);
        }
        if let Some(item) = s.directive24_item {
            if !(1..=DIRECTIVE24_ITEMS).contains(&item) {
                out.push(err(
                    "directive24-item-range",
                    "directive24_item",
                    format!("{item} is not an item of Directive 24/CT-TTg: use 1 to {DIRECTIVE24_ITEMS}"),
                    format!("{item} không phải là một mục của Chỉ thị 24/CT-TTg: dùng số từ 1 đến {DIRECTIVE24_ITEMS}"),
                ));
            } else if let Some(other) = items.insert(item, &s.id) {
                out.push(err(
                    "directive24-duplicate-item",
                    "directive24_item",
                    format!(
                        "item {item} of Directive 24/CT-TTg is already {:?}",
                        other.0
                    ),
                    format!(
                        "mục {item} của Chỉ thị 24/CT-TTg đã được gán cho dịch vụ {:?}",
                        other.0
                    ),
                ));
            }
        }
        check_sources(file, s, &mut out);
    }
    out
}

/// A bundle links at least two procedures that always go together, each a real single
/// procedure named once; optional procedures are among the linked ones, and what they
/// require is another optional procedure.
/// Every dossier can be routed to the agency that receives it (`admin_units::routing`):
/// a ministry's procedure names the ministry; a province's names the province through its
/// form's `place`; a commune's names the commune, so its place is an address.
/// Runs once forms are attached to their services.
pub fn check_routing(services: &[(String, Service)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (file, s) in services {
        routing(file, s, &mut out);
    }
    out
}

fn routing(file: &str, s: &Service, out: &mut Vec<Diagnostic>) {
    use portal_core::form::FieldKind;
    let form_file = format!("forms/{}.toml", s.id.as_str());
    let err = |code, path: &str, en: &str, vi: &str| {
        let file = if path == "place" { &form_file } else { file };
        Diagnostic::error(code, file, path, en, vi)
    };
    let place = s.form.as_ref().and_then(|f| {
        let id = f.place.as_ref()?;
        f.steps
            .iter()
            .flat_map(|step| &step.fields)
            .find(|field| field.id == *id)
    });
    match (s.agency.level, &s.agency.ministry) {
        (Level::Ministry, None) => out.push(err(
            "routing-ministry",
            "agency.ministry",
            "a ministry-level service names the ministry that receives it ([agency.ministry] id and name)",
            "dịch vụ cấp bộ phải nêu bộ tiếp nhận hồ sơ (mã `id` và tên `name` trong [agency.ministry])",
        )),
        (Level::Ministry, Some(m)) => {
            let ok = !m.id.is_empty()
                && m.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
            if !ok {
                out.push(err(
                    "routing-ministry",
                    "agency.ministry.id",
                    "a ministry's id is lowercase letters and digits, like moet",
                    "mã của bộ chỉ gồm chữ cái thường không dấu và chữ số, ví dụ moet",
                ));
            }
        }
        (_, Some(_)) => out.push(err(
            "routing-ministry",
            "agency.ministry",
            "only a ministry-level service names a ministry; the others go to a province's or a commune's centre",
            "chỉ dịch vụ cấp bộ mới nêu bộ tiếp nhận; các dịch vụ khác được chuyển đến trung tâm phục vụ hành chính công của tỉnh hoặc của xã",
        )),
        (level, None) if s.form.is_some() => match place.map(|f| &f.kind) {
            None => out.push(err(
                "routing-place",
                "place",
                "the form names its place question (place = \"field id\"), so the dossier can be routed to the centre that receives it",
                "biểu mẫu phải chỉ ra câu hỏi về địa bàn (place = \"mã trường\") để hồ sơ được chuyển đến đúng trung tâm tiếp nhận",
            )),
            Some(FieldKind::Address(_)) => {}
            Some(_) if level == Level::Commune => out.push(err(
                "routing-place",
                "place",
                "a commune-level procedure is routed by commune: its place is an address question",
                "thủ tục cấp xã được chuyển theo xã: câu hỏi về địa bàn (`place`) phải là câu hỏi địa chỉ",
            )),
            Some(_) => {}
        },
        _ => {}
    }
}

fn check_bundle(
    file: &str,
    s: &Service,
    services: &[(String, Service)],
    out: &mut Vec<Diagnostic>,
) {
    let ServiceKind::Bundle {
        procedures,
        optional,
    } = &s.kind
    else {
        return;
    };
    let err =
        |code, path: &str, en: String, vi: String| Diagnostic::error(code, file, path, en, vi);
    if s.kind.required_procedures().len() < 2 {
        out.push(err(
            "bundle-too-small",
            "kind.procedures",
            "a bundle always files at least two procedures; mark fewer as optional".into(),
            "nhóm thủ tục liên thông luôn phải nộp ít nhất hai thủ tục; hãy đánh dấu ít thủ tục tùy chọn hơn".into(),
        ));
    }
    let mut linked = HashSet::new();
    for (i, p) in procedures.iter().enumerate() {
        let path = format!("kind.procedures[{i}]");
        if !linked.insert(p) {
            out.push(err(
                "bundle-duplicate-procedure",
                &path,
                format!("the bundle names {:?} twice", p.0),
                format!("nhóm thủ tục liên thông nêu {:?} hai lần", p.0),
            ));
        }
        match services.iter().find(|(_, x)| &x.id == p) {
            None => out.push(err(
                "bundle-missing-procedure",
                &path,
                format!("the bundle names {:?}, which is not in the catalogue", p.0),
                format!(
                    "nhóm thủ tục liên thông nêu {:?}, nhưng thủ tục này không có trong danh mục",
                    p.0
                ),
            )),
            Some((_, x)) if matches!(x.kind, ServiceKind::Bundle { .. }) => out.push(err(
                "bundle-links-bundle",
                &path,
                format!("{:?} is itself a bundle; link its procedures instead", p.0),
                format!(
                    "{:?} cũng là một nhóm thủ tục liên thông; hãy liên kết trực tiếp các thủ tục của nhóm đó",
                    p.0
                ),
            )),
            Some(_) => {}
        }
    }
    if optional.len() > MAX_OPTIONAL_PROCEDURES {
        out.push(err(
            "bundle-too-many-options",
            "kind.optional",
            format!(
                "a bundle may offer at most {MAX_OPTIONAL_PROCEDURES} optional procedures, this one offers {}",
                optional.len()
            ),
            format!(
                "nhóm thủ tục liên thông chỉ được có tối đa {MAX_OPTIONAL_PROCEDURES} thủ tục tùy chọn, nhóm này có {}",
                optional.len()
            ),
        ));
    }
    for (i, o) in optional.iter().enumerate() {
        if !procedures.contains(&o.id) {
            out.push(err(
                "bundle-optional-not-linked",
                &format!("kind.optional[{i}].id"),
                format!(
                    "{:?} is optional but not in the bundle's procedures; add it there",
                    o.id.0
                ),
                format!(
                    "{:?} là thủ tục tùy chọn nhưng không có trong danh sách thủ tục của nhóm (`procedures`); hãy thêm vào danh sách đó",
                    o.id.0
                ),
            ));
        }
        for (j, r) in o.requires.iter().enumerate() {
            if r == &o.id || !s.kind.is_optional(r) {
                out.push(err(
                    "bundle-requires-not-optional",
                    &format!("kind.optional[{i}].requires[{j}]"),
                    format!(
                        "{:?} may only require another optional procedure of this bundle, not {:?}",
                        o.id.0, r.0
                    ),
                    format!(
                        "{:?} chỉ được yêu cầu kèm một thủ tục tùy chọn khác của nhóm này, không được yêu cầu {:?}",
                        o.id.0, r.0
                    ),
                ));
            }
        }
    }
}

/// A fee or processing time marked confirmed names, in `basis`, the legal basis entry
/// (and so the public source) it was read from; any `basis` given must exist.
fn check_sources(file: &str, s: &Service, out: &mut Vec<Diagnostic>) {
    let mut facts: Vec<(String, Confidence, Option<&String>)> = Vec::new();
    match &s.fees {
        Fees::Free {
            confidence, basis, ..
        } => facts.push(("fees".into(), *confidence, basis.as_ref())),
        Fees::Rules { rules } => {
            for (i, r) in rules.iter().enumerate() {
                facts.push((format!("fees.rules[{i}]"), r.confidence, r.basis.as_ref()));
            }
        }
    }
    facts.push((
        "processing_time".into(),
        s.processing_time.confidence,
        s.processing_time.basis.as_ref(),
    ));
    for (path, confidence, basis) in facts {
        match basis {
            Some(b) if !s.legal_basis.iter().any(|l| &l.instrument == b) => {
                out.push(Diagnostic::error(
                    "unknown-basis",
                    file,
                    &format!("{path}.basis"),
                    format!("{b:?} is not the instrument of any legal_basis entry of this service"),
                    format!("{b:?} không phải là văn bản (`instrument`) của mục `legal_basis` nào trong dịch vụ này"),
                ))
            }
            None if confidence == Confidence::Confirmed => out.push(Diagnostic::error(
                "confirmed-without-source",
                file,
                &path,
                "a confirmed fact must name its source: set basis to the instrument of a legal_basis entry, or mark it needs-check",
                "thông tin đã xác nhận (`confirmed`) phải nêu nguồn: đặt `basis` là văn bản (`instrument`) của một mục `legal_basis`, hoặc đánh dấu `needs-check`",
            )),
            None => out.push(Diagnostic::error(
                "unsourced-fact",
                file,
                &path,
                "a fee or time being verified still names where it was read: set basis to the instrument of a legal_basis entry",
                "phí hoặc thời hạn đang được kiểm tra vẫn phải nêu nơi đã đọc được thông tin: đặt `basis` là văn bản (`instrument`) của một mục `legal_basis`",
            )),
            _ => {}
        }
    }
    if !s.procedure_codes.is_empty() && s.procedure_codes_confidence.is_none() {
        out.push(Diagnostic::error(
            "procedure-codes-unmarked",
            file,
            "procedure_codes",
            "say whether the procedure codes were read on the national database (procedure_codes_confidence = \"confirmed\") or come from elsewhere (\"needs-check\")",
            "hãy ghi rõ mã thủ tục được tra trên Cơ sở dữ liệu quốc gia về thủ tục hành chính (procedure_codes_confidence = \"confirmed\") hay lấy từ nguồn khác (\"needs-check\")",
        ));
    }
    check_legal_basis(file, s, out);
}

/// Every legal source is an official text, dated, marked confirmed or being verified,
/// with its role; and every service names its governing law and the text that sets
/// its procedure.
fn check_legal_basis(file: &str, s: &Service, out: &mut Vec<Diagnostic>) {
    let err = |code, path: &str, en: &str, vi: &str| Diagnostic::error(code, file, path, en, vi);
    for (i, l) in s.legal_basis.iter().enumerate() {
        let path = format!("legal_basis[{i}]");
        if l.confidence.is_none() {
            out.push(err(
                "legal-basis-unmarked",
                &format!("{path}.confidence"),
                "mark the legal source confirmed (read in the official text) or needs-check",
                "hãy đánh dấu nguồn pháp lý là `confirmed` (đã đọc trong văn bản chính thức) hoặc `needs-check` (cần kiểm tra lại)",
            ));
        }
        if !is_official_legal_source(&l.source) {
            out.push(err(
                "legal-source-not-official",
                &format!("{path}.source"),
                "link the official text (vbpl.vn, chinhphu.vn, thuvienphapluat.vn or a .gov.vn site); a news article may only be a second source, under also",
                "hãy dẫn liên kết đến văn bản chính thức (vbpl.vn, chinhphu.vn, thuvienphapluat.vn hoặc một trang .gov.vn); bài báo chỉ được dùng làm nguồn bổ sung, ghi trong `also`",
            ));
        }
        for (j, a) in l.also.iter().enumerate() {
            if !a.starts_with("https://") {
                out.push(err(
                    "source-not-url",
                    &format!("{path}.also[{j}]"),
                    "a further source must be the https address of a public page",
                    "nguồn bổ sung phải là địa chỉ https của một trang web công khai",
                ));
            }
        }
        // An unconfirmed instrument may still lack its date; a confirmed one may not.
        let dated = l.issued.as_deref().map(is_iso_date);
        if dated == Some(false) || (dated.is_none() && l.confidence == Some(Confidence::Confirmed))
        {
            out.push(err(
                "legal-basis-undated",
                &format!("{path}.issued"),
                "give the date the instrument was issued, as yyyy-mm-dd",
                "hãy ghi ngày ban hành văn bản theo dạng yyyy-mm-dd",
            ));
        }
        if l.role.is_none() {
            out.push(err(
                "legal-basis-no-role",
                &format!("{path}.role"),
                "say what the instrument does here: law, procedure, fee or programme",
                "hãy ghi rõ vai trò (`role`) của văn bản ở đây: law (luật điều chỉnh), procedure (quy định thủ tục), fee (quy định phí, lệ phí) hoặc programme (chương trình)",
            ));
        }
    }
    // A gap in the instruments is a warning, not an error: some procedures rest on a
    // decree alone (seals), and a missing text is better shown than invented.
    let has = |role| s.legal_basis.iter().any(|l| l.role == Some(role));
    let mut gap = |code, en: &str, vi: &str| {
        let mut d = err(code, "legal_basis", en, vi);
        d.severity = Severity::Warning;
        out.push(d);
    };
    if !has(LegalRole::Law) {
        gap(
            "no-governing-law",
            "name the law that governs this procedure (role = \"law\")",
            "hãy nêu luật điều chỉnh thủ tục này (role = \"law\")",
        );
    }
    if !has(LegalRole::Procedure) {
        gap(
            "no-procedure-text",
            "name the decree, circular or decision that sets this procedure (role = \"procedure\")",
            "hãy nêu nghị định, thông tư hoặc quyết định quy định thủ tục này (role = \"procedure\")",
        );
    }
}

/// `yyyy-mm-dd` with a plausible month and day.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    matches!(
        (num(0..4), num(5..7), num(8..10)),
        (Some(y), Some(m), Some(d)) if (1945..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
    )
}

/// Checks the topic taxonomy against the services: ids well formed and unique, names in
/// both languages, every topic a service names defined, and every topic used (a topic
/// with no service would be an empty page).
pub fn check_topics(
    topics_file: &str,
    topics: &[Topic],
    services: &[(String, Service)],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut defined = HashSet::new();
    for (i, t) in topics.iter().enumerate() {
        let err = |code, path: &str, en: String, vi: String| {
            Diagnostic::error(code, topics_file, path, en, vi)
        };
        if !ServiceId::is_valid(&t.id) {
            out.push(err(
                "topic-id-shape",
                &format!("topics[{i}].id"),
                format!(
                    "{:?} is not a valid topic id: use lowercase letters, digits and single hyphens",
                    t.id
                ),
                format!(
                    "{:?} không phải là mã chủ đề hợp lệ: chỉ dùng chữ cái thường không dấu, chữ số và dấu gạch nối đơn",
                    t.id
                ),
            ));
        }
        if !defined.insert(t.id.as_str()) {
            out.push(err(
                "duplicate-topic",
                &format!("topics[{i}].id"),
                format!("the topic {:?} is defined twice", t.id),
                format!("chủ đề {:?} được khai báo hai lần", t.id),
            ));
        }
        for lang in t.name.missing() {
            let (en, vi) = language(lang);
            out.push(err(
                "missing-text",
                &format!("topics[{i}].name"),
                format!("the {en} text is empty"),
                format!("nội dung {vi} đang để trống"),
            ));
        }
    }
    let mut used = HashSet::new();
    for (file, s) in services {
        for (i, t) in s.topics.iter().enumerate() {
            used.insert(t.as_str());
            if !defined.contains(t.as_str()) {
                out.push(Diagnostic::error(
                    "unknown-topic",
                    file,
                    &format!("topics[{i}]"),
                    format!("the topic {t:?} is not defined in {topics_file}"),
                    format!("chủ đề {t:?} chưa được khai báo trong {topics_file}"),
                ));
            }
        }
    }
    for (i, t) in topics.iter().enumerate() {
        if !used.contains(t.id.as_str()) {
            out.push(Diagnostic::error(
                "unused-topic",
                topics_file,
                &format!("topics[{i}]"),
                format!(
                    "no service is tagged with the topic {:?}; tag one or remove the topic",
                    t.id
                ),
                format!(
                    "chưa có dịch vụ nào được gắn chủ đề {:?}; hãy gắn chủ đề này cho một dịch vụ hoặc xóa chủ đề",
                    t.id
                ),
            ));
        }
    }
    out
}

/// The name of a language, in English and in Vietnamese.
fn language(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Vi => ("Vietnamese", "tiếng Việt"),
        Lang::En => ("English", "tiếng Anh"),
    }
}

/// Whether a piece of catalogue text carries markup or a script address, and which, in
/// English and in Vietnamese. Catalogue text is always shown as plain text, so neither
/// would run; but either is a sign of a pasted or hostile file, and a `javascript:`
/// address must never become a link.
pub fn unsafe_text(s: &str) -> Option<(&'static str, &'static str)> {
    let lower = s.to_ascii_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    for scheme in ["javascript:", "vbscript:", "data:text/html"] {
        if compact.contains(scheme) {
            return Some(("a script address", "một địa chỉ chạy mã lệnh (script)"));
        }
    }
    let b = lower.as_bytes();
    let markup = b.windows(2).any(|w| {
        w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!' || w[1] == b'?')
    });
    markup.then_some(("HTML markup", "thẻ HTML"))
}

/// Every string of every service (and its form) checked with [`unsafe_text`].
pub fn check_markup(services: &[(String, Service)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (file, s) in services {
        let Ok(value) = serde_json::to_value(s) else {
            continue;
        };
        let mut found = Vec::new();
        walk_strings(&value, String::new(), &mut found);
        for (path, (what, what_vi)) in found {
            let (file, path) = match path.strip_prefix("form.") {
                Some(rest) => (format!("forms/{}.toml", s.id.as_str()), rest.to_string()),
                None => (file.clone(), path),
            };
            out.push(Diagnostic::error(
                "unsafe-text",
                &file,
                &path,
                format!("this text contains {what}; catalogue text must be plain words (write links as legal sources, never in text)"),
                format!("nội dung này chứa {what_vi}; văn bản trong danh mục chỉ gồm chữ viết thông thường (liên kết phải ghi thành nguồn pháp lý, không bao giờ đặt trong nội dung)"),
            ));
        }
    }
    out
}

type Found = (String, (&'static str, &'static str));

fn walk_strings(v: &serde_json::Value, path: String, out: &mut Vec<Found>) {
    match v {
        serde_json::Value::String(s) => {
            if let Some(what) = unsafe_text(s) {
                out.push((path, what));
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk_strings(item, format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk_strings(item, p, out);
            }
        }
        _ => {}
    }
}
