//! Converting a pre-2025 address (ward, district, province of the 63-province era) to the
//! commune it became on 1 July 2025. Citizens' documents still carry old addresses.
//!
//! Old units are matched by name, never by province code: codes 15, 24, 44, 52, 80, 82
//! and 91 name other provinces now. Names match with or without diacritics and kind words
//! ("P. Trúc Bạch", "truc bach"); an old ward may have been split, so it can lead to more
//! than one commune, and two old wards can fold to the same letters ("Hương Văn",
//! "Hương Vân"), so a lookup returns every candidate, exact spellings first.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{err, is_commune_code, name_field, records, AdminUnits, Commune, ParseError, Province};
use crate::case;
use crate::normalize::fold;

/// A ward, commune or township as it was before 1 July 2025.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyWard {
    /// The old 5-digit code, when the source has it. Old and new codes share a shape but
    /// not a meaning: old 00004 was Phường Trúc Bạch, new 00004 is Phường Ba Đình.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub ward: String,
    pub district: String,
    pub province: String,
    /// Codes of the communes it became (several when it was split).
    pub communes: Vec<String>,
}

/// What the user knows of an old address; `district` may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyQuery {
    pub ward: String,
    #[serde(default)]
    pub district: String,
    pub province: String,
}

/// A new commune with its province.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAddress {
    pub province: Province,
    pub commune: Commune,
}

/// One old ward that matched, and what it became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyMatch {
    pub old: LegacyWard,
    pub new: Vec<NewAddress>,
}

/// The answer of a legacy lookup: possibly empty, exact spellings first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyResult {
    pub matches: Vec<LegacyMatch>,
}

/// Words that name the kind of a unit, folded, longest first; dropped before matching.
const WARD_KINDS: [&str; 6] = ["thi tran", "phuong", "xa", "tt", "p", "x"];
const DISTRICT_KINDS: [&str; 8] = ["thanh pho", "thi xa", "quan", "huyen", "tp", "tx", "q", "h"];
const PROVINCE_KINDS: [&str; 3] = ["thanh pho", "tinh", "tp"];
/// Other names people write for a province (folded, kinds dropped).
const PROVINCE_ALIASES: [(&str, &str); 5] = [
    ("hcm", "ho chi minh"),
    ("tphcm", "ho chi minh"),
    ("sai gon", "ho chi minh"),
    ("thua thien hue", "hue"),
    ("hn", "ha noi"),
];

/// The matching key of a name: folded, without its kind word, numbers without leading
/// zeros ("Phường 01" and "P.1" are the same ward).
fn key(name: &str, kinds: &[&str]) -> String {
    let folded = fold(name);
    let mut rest = folded.as_str();
    for k in kinds {
        if let Some(r) = rest.strip_prefix(k).and_then(|r| r.strip_prefix(' ')) {
            rest = r;
            break;
        }
    }
    rest.split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii_digit()) {
                let t = w.trim_start_matches('0');
                if t.is_empty() {
                    "0"
                } else {
                    t
                }
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn province_key(name: &str) -> String {
    let k = key(name, &PROVINCE_KINDS);
    PROVINCE_ALIASES
        .iter()
        .find(|(alias, _)| *alias == k)
        .map(|(_, to)| to.to_string())
        .unwrap_or(k)
}

/// Old wards with indexes by code and by matching keys.
#[derive(Debug, Clone, Default)]
pub struct Legacy {
    wards: Vec<LegacyWard>,
    by_code: HashMap<String, usize>,
    /// (province key, ward key) → wards.
    by_name: HashMap<(String, String), Vec<usize>>,
    district_keys: Vec<String>,
}

impl Legacy {
    /// Reads `legacy.tsv`: `P<TAB>province` and `D<TAB>district` lines open groups, then
    /// `code or -<TAB>ward<TAB>new codes, comma-separated`.
    pub fn parse(text: &str) -> Result<Legacy, ParseError> {
        let mut out = Legacy::default();
        let mut province: Option<String> = None;
        let mut district: Option<String> = None;
        for (line, f) in records(text) {
            match f[..] {
                ["P", name] => {
                    province = Some(name_field(line, name)?);
                    district = None;
                }
                ["D", name] => district = Some(name_field(line, name)?),
                [code, ward, communes] => {
                    let (Some(p), Some(d)) = (&province, &district) else {
                        return Err(err(line, "a ward before its province and district"));
                    };
                    let code = match code {
                        "-" => None,
                        c if is_commune_code(c) => Some(c.to_string()),
                        c => return Err(err(line, format!("bad old ward code {c:?}"))),
                    };
                    let communes: Vec<String> = communes.split(',').map(str::to_string).collect();
                    if communes.iter().any(|c| !is_commune_code(c)) {
                        return Err(err(line, format!("bad new commune codes {communes:?}")));
                    }
                    let i = out.wards.len();
                    if let Some(c) = &code {
                        if out.by_code.insert(c.clone(), i).is_some() {
                            return Err(err(line, format!("old ward code {c} appears twice")));
                        }
                    }
                    let ward = name_field(line, ward)?;
                    // An island district listed as its own unit is keyed without "Huyện".
                    let kinds: &[&str] = if &ward == d {
                        &DISTRICT_KINDS
                    } else {
                        &WARD_KINDS
                    };
                    out.by_name
                        .entry((province_key(p), key(&ward, kinds)))
                        .or_default()
                        .push(i);
                    out.district_keys.push(key(d, &DISTRICT_KINDS));
                    out.wards.push(LegacyWard {
                        code,
                        ward,
                        district: d.clone(),
                        province: p.clone(),
                        communes,
                    });
                }
                _ => {
                    return Err(err(
                        line,
                        format!("unexpected line with {} fields", f.len()),
                    ))
                }
            }
        }
        Ok(out)
    }

    /// All old wards, in file order.
    pub fn wards(&self) -> &[LegacyWard] {
        &self.wards
    }

    /// The old ward with this old code.
    pub fn by_code(&self, code: &str) -> Option<&LegacyWard> {
        self.by_code.get(code).map(|&i| &self.wards[i])
    }

    /// Old wards matching the query; an empty district matches any district. Exact
    /// spellings (ignoring case) come first, then the rest in file order.
    pub fn find(&self, q: &LegacyQuery) -> Vec<&LegacyWard> {
        let wkey = key(&q.ward, &WARD_KINDS);
        let pkey = province_key(&q.province);
        if wkey.is_empty() || pkey.is_empty() {
            return Vec::new();
        }
        let dkey = key(&q.district, &DISTRICT_KINDS);
        // An island district that had no wards is its own old unit: "Huyện Côn Đảo"
        // written where the ward goes is found by its name without "Huyện".
        let Some(found) = self.by_name.get(&(pkey.clone(), wkey)).or_else(|| {
            self.by_name
                .get(&(pkey, key(&q.ward, &DISTRICT_KINDS)))
                .filter(|f| {
                    f.iter()
                        .all(|&i| self.wards[i].ward == self.wards[i].district)
                })
        }) else {
            return Vec::new();
        };
        let mut hits: Vec<usize> = found
            .iter()
            .copied()
            .filter(|&i| dkey.is_empty() || self.district_keys[i] == dkey)
            .collect();
        let inexact = |i: usize| {
            let w = &self.wards[i];
            let same = |a: &str, b: &str| case::lowercase(a.trim()) == case::lowercase(b.trim());
            let ward_same = same(&w.ward, &q.ward)
                || w.ward
                    .split_once(' ')
                    .is_some_and(|(_, rest)| same(rest, &q.ward))
                || w.ward
                    .strip_prefix("Thị trấn ")
                    .is_some_and(|rest| same(rest, &q.ward));
            !ward_same
        };
        hits.sort_by_key(|&i| (inexact(i), i));
        hits.into_iter().map(|i| &self.wards[i]).collect()
    }

    /// Joins matches with the new communes they became; links to communes that do not
    /// exist are left out.
    pub fn resolve(&self, units: &AdminUnits, wards: &[&LegacyWard]) -> LegacyResult {
        LegacyResult {
            matches: wards
                .iter()
                .map(|w| LegacyMatch {
                    old: (*w).clone(),
                    new: w
                        .communes
                        .iter()
                        .filter_map(|c| units.commune(c))
                        .map(|(p, c)| NewAddress {
                            province: p.clone(),
                            commune: c.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testdata::{read, units};
    use super::*;

    fn legacy() -> Legacy {
        Legacy::parse(&read("legacy.tsv")).expect("legacy.tsv parses")
    }

    fn q(ward: &str, district: &str, province: &str) -> LegacyQuery {
        LegacyQuery {
            ward: ward.into(),
            district: district.into(),
            province: province.into(),
        }
    }

    fn new_names(l: &Legacy, query: &LegacyQuery) -> Vec<Vec<String>> {
        let u = units();
        l.resolve(&u, &l.find(query))
            .matches
            .into_iter()
            .map(|m| {
                m.new
                    .iter()
                    .map(|n| format!("{}, {}", n.commune.full_name(), n.province.full_name()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn every_link_leads_to_an_existing_commune() {
        let l = legacy();
        let u = units();
        // 10,977 rows of the first source: 5 without an old ward are dropped, duplicates
        // merged; the second source adds the 6 old units of the communes the first maps
        // nothing to, and 559 links of old wards divided between new communes.
        assert_eq!(l.wards().len(), 10_809);
        assert_eq!(
            l.wards().iter().map(|w| w.communes.len()).sum::<usize>(),
            10_832 + 559 + 6
        );
        assert_eq!(
            l.wards().iter().filter(|w| w.communes.len() > 1).count(),
            492
        );
        for w in l.wards() {
            assert!(!w.communes.is_empty());
            for c in &w.communes {
                assert!(u.commune(c).is_some(), "{} → {c}", w.ward);
            }
        }
        // Every new commune has a predecessor, Xã Ia Mơ and the special zones included
        // (an island district that had no wards is its own old unit).
        let reached: std::collections::HashSet<&str> = l
            .wards()
            .iter()
            .flat_map(|w| w.communes.iter().map(String::as_str))
            .collect();
        let orphans: Vec<_> = u
            .all_communes()
            .filter(|(_, c)| !reached.contains(c.code.as_str()))
            .map(|(_, c)| c.full_name())
            .collect();
        assert!(orphans.is_empty(), "{orphans:?}");
        let ia_mo = l.by_code("23938").expect("Xã Ia Mơ before 2025");
        assert_eq!(
            (ia_mo.ward.as_str(), ia_mo.district.as_str()),
            ("Xã Ia Mơ", "Huyện Chư Prông")
        );
        let con_dao: Vec<_> = l
            .wards()
            .iter()
            .filter(|w| w.communes == ["26732"])
            .map(|w| (w.ward.as_str(), w.district.as_str()))
            .collect();
        assert_eq!(con_dao, [("Huyện Côn Đảo", "Huyện Côn Đảo")]);
    }

    /// Old wards divided between several new communes (the second source): the converter
    /// offers each.
    #[test]
    fn divided_old_wards_lead_to_every_part() {
        let l = legacy();
        let dien_bien = l.by_code("00019").expect("Phường Điện Biên");
        assert_eq!(dien_bien.communes, ["00004", "00070", "00190", "00226"]);
        let doi_can = l.by_code("00022").expect("Phường Đội Cấn");
        assert_eq!(doi_can.communes, ["00004", "00008"]);
        // 492 divided old wards: the 471 of vietnamadminunits 1.0.4's
        // DICT_PROVINCE_WARD_DIVIDED (all of them taken) and 21 more that only the first
        // source divides (17 of them without an old code).
        let divided = l.wards().iter().filter(|w| w.communes.len() > 1);
        assert_eq!(divided.clone().count(), 492);
        assert_eq!(divided.filter(|w| w.code.is_none()).count(), 17);
    }

    /// The converter, from the names on an old document, offers every part of a divided
    /// ward so that the citizen says which one they live in.
    #[test]
    fn converter_asks_which_part_of_a_divided_ward() {
        let l = legacy();
        let parts = new_names(&l, &q("P. Điện Biên", "Q. Ba Đình", "Hà Nội"));
        assert_eq!(
            parts,
            [vec![
                "Phường Ba Đình, Thành phố Hà Nội".to_string(),
                "Phường Hoàn Kiếm, Thành phố Hà Nội".to_string(),
                "Phường Ô Chợ Dừa, Thành phố Hà Nội".to_string(),
                "Phường Văn Miếu - Quốc Tử Giám, Thành phố Hà Nội".to_string(),
            ]]
        );
        // A ward that was not divided leads to one commune only.
        assert_eq!(
            new_names(&l, &q("Quán Thánh", "Ba Đình", "Hà Nội")),
            [vec!["Phường Ba Đình, Thành phố Hà Nội".to_string()]]
        );
    }

    /// The six new units the first source maps nothing to are reached from the old address
    /// people write: the island districts (which had no wards) by their own name, with or
    /// without "Huyện", and Xã Ia Mơ of Huyện Chư Prông.
    #[test]
    fn special_zones_and_ia_mo_have_their_old_units() {
        let l = legacy();
        for (old, province, new) in [
            (
                "Côn Đảo",
                "Bà Rịa - Vũng Tàu",
                "Đặc khu Côn Đảo, Thành phố Hồ Chí Minh",
            ),
            (
                "Bạch Long Vĩ",
                "Hải Phòng",
                "Đặc khu Bạch Long Vĩ, Thành phố Hải Phòng",
            ),
            ("Cồn Cỏ", "Quảng Trị", "Đặc khu Cồn Cỏ, Tỉnh Quảng Trị"),
            ("Hoàng Sa", "Đà Nẵng", "Đặc khu Hoàng Sa, Thành phố Đà Nẵng"),
            ("Lý Sơn", "Quảng Ngãi", "Đặc khu Lý Sơn, Tỉnh Quảng Ngãi"),
        ] {
            let want = [vec![new.to_string()]];
            assert_eq!(new_names(&l, &q(old, old, province)), want, "{old}");
            assert_eq!(new_names(&l, &q(old, "", province)), want, "{old}");
            let huyen = format!("Huyện {old}");
            assert_eq!(new_names(&l, &q(&huyen, &huyen, province)), want, "{old}");
        }
        assert_eq!(
            new_names(&l, &q("Ia Mơ", "Chư Prông", "Gia Lai")),
            [vec!["Xã Ia Mơ, Tỉnh Gia Lai".to_string()]]
        );
    }

    /// Rows read from the package's `address.json` (ids 164-167, 1, 3, 717, 718).
    #[test]
    fn sample_rows_of_the_package() {
        let l = legacy();
        let u = units();
        for (old, ward, district, new) in [
            ("00004", "Phường Trúc Bạch", "Quận Ba Đình", "00004"),
            ("00013", "Phường Quán Thánh", "Quận Ba Đình", "00004"),
            ("26881", "Phường 12", "Quận Gò Vấp", "26882"),
            ("26872", "Phường 15", "Quận Gò Vấp", "26878"),
            ("20011", "Phường Hương Văn", "Thị xã Hương Trà", "19996"),
            ("20008", "Phường Hương Vân", "Thị xã Hương Trà", "19996"),
        ] {
            let w = l.by_code(old).unwrap_or_else(|| panic!("old {old}"));
            assert_eq!((w.ward.as_str(), w.district.as_str()), (ward, district));
            assert_eq!(w.communes, [new]);
        }
        assert_eq!(
            u.commune("00004").map(|(_, c)| c.full_name()).as_deref(),
            Some("Phường Ba Đình")
        );
        assert_eq!(
            u.commune("26882").map(|(_, c)| c.full_name()).as_deref(),
            Some("Phường An Hội Tây")
        );
        assert!(l.by_code("99999").is_none());
    }

    #[test]
    fn names_match_with_or_without_diacritics_and_kinds() {
        let l = legacy();
        let want = vec![vec!["Phường Ba Đình, Thành phố Hà Nội".to_string()]];
        for query in [
            q("Phường Trúc Bạch", "Quận Ba Đình", "Thành phố Hà Nội"),
            q("truc bach", "ba dinh", "ha noi"),
            q("P. Trúc Bạch", "Q. Ba Đình", "TP Hà Nội"),
            q("TRÚC BẠCH", "", "Hà Nội"),
        ] {
            assert_eq!(new_names(&l, &query), want, "{query:?}");
        }
        assert!(
            l.find(&q("Trúc Bạch", "Hoàn Kiếm", "Hà Nội")).is_empty(),
            "wrong district"
        );
        assert!(
            l.find(&q("Trúc Bạch", "", "Hải Phòng")).is_empty(),
            "wrong province"
        );
        assert!(l.find(&q("", "", "Hà Nội")).is_empty());
        assert!(l.find(&q("Trúc Bạch", "", "")).is_empty());
    }

    #[test]
    fn numbered_wards_aliases_and_splits() {
        let l = legacy();
        let hcm = vec![vec!["Phường An Hội Tây, Thành phố Hồ Chí Minh".to_string()]];
        assert_eq!(new_names(&l, &q("Phường 12", "Quận Gò Vấp", "TP.HCM")), hcm);
        assert_eq!(new_names(&l, &q("P.012", "Gò Vấp", "Hồ Chí Minh")), hcm);
        // Phường 13 of Gò Vấp was split between two communes.
        let split = new_names(&l, &q("Phường 13", "Gò Vấp", "Hồ Chí Minh"));
        assert_eq!(split.len(), 1);
        assert_eq!(split[0].len(), 2, "{split:?}");
        // Without the district, every Phường 1 of the city is a candidate.
        assert!(l.find(&q("Phường 1", "", "Hồ Chí Minh")).len() > 5);
    }

    #[test]
    fn similar_names_are_all_offered_exact_first() {
        let l = legacy();
        let hits = l.find(&q("Hương Vân", "Hương Trà", "Huế"));
        let names: Vec<_> = hits.iter().map(|w| w.ward.as_str()).collect();
        assert_eq!(names, ["Phường Hương Vân", "Phường Hương Văn"]);
        let hits = l.find(&q("huong van", "huong tra", "thua thien hue"));
        assert_eq!(hits.len(), 2);
    }

    #[test]
    fn old_provinces_are_matched_by_name_not_code() {
        let l = legacy();
        // Yên Bái (old code 15) and Lào Cai (old code 10) both became the new province 15.
        let u = units();
        for old_province in ["Tỉnh Yên Bái", "Tỉnh Lào Cai"] {
            let w = l
                .wards()
                .iter()
                .find(|w| w.province == old_province)
                .unwrap_or_else(|| panic!("{old_province}"));
            let (p, _) = u.commune(&w.communes[0]).expect("new commune");
            assert_eq!(p.code, "15", "{old_province}");
        }
        assert!(l
            .wards()
            .iter()
            .all(|w| !w.province.chars().all(|c| c.is_ascii_digit())));
    }

    #[test]
    fn malformed_legacy_lines_are_rejected() {
        assert!(
            Legacy::parse("00004\tPhường X\t00004\n").is_err(),
            "no province"
        );
        assert!(Legacy::parse("P\tA\nD\tB\n0004\tPhường X\t00004\n").is_err());
        assert!(Legacy::parse("P\tA\nD\tB\n00004\tPhường X\t4\n").is_err());
        assert!(Legacy::parse("P\tA\nD\tB\n00004\tX\t00004\n00004\tY\t00004\n").is_err());
        assert!(Legacy::parse("P\tA\nD\tB\nX\n").is_err());
        let ok = Legacy::parse("P\tTỉnh A\nD\tHuyện B\n-\tXã C\t00004,00008\n").expect("parse");
        assert_eq!(ok.wards()[0].communes, ["00004", "00008"]);
        assert_eq!(ok.find(&q("c", "b", "a")).len(), 1);
    }
}
