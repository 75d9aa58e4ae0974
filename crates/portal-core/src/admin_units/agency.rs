//! "Where to submit": the agency that handles a service for a chosen place. The catalogue
//! names agencies generically ("Công an cấp xã", "Commune police"); with a province and a
//! commune they become the office a citizen goes to, e.g. "Công an phường Ba Đình, thành
//! phố Hà Nội": inside a name the unit's kind is written in lower case, as in official
//! names ("Ủy ban nhân dân phường Ba Đình"); the English names keep the address form.

use crate::catalogue::{Agency, Level};
use crate::text::Text;

use super::{Commune, Province};

/// Names the place in a generic Vietnamese agency name: "cấp xã" becomes the commune,
/// "Công an tỉnh" and "cấp tỉnh" the province. Names with none of these (free text such as
/// "Cơ quan Bảo hiểm xã hội") are kept whole and followed by the place, so no sentence is
/// rewritten into something the catalogue did not say.
fn localise(generic: &str, commune: Option<&str>, province: &str) -> String {
    let mut name = generic.to_string();
    let mut commune_named = false;
    let mut province_named = false;
    if let Some(c) = commune {
        if name.contains("cấp xã") {
            name = name.replace("cấp xã", c);
            commune_named = true;
        }
    }
    if name.contains("Công an tỉnh") {
        name = name.replace("Công an tỉnh", &format!("Công an {province}"));
        province_named = true;
    }
    if name.contains("cấp tỉnh") {
        name = name.replace("cấp tỉnh", province);
        province_named = true;
    }
    match (commune, commune_named, province_named) {
        (Some(c), false, _) => format!("{name}, {c}, {province}"),
        (_, _, false) => format!("{name}, {province}"),
        _ => name,
    }
}

/// The agency handling a service at `province` / `commune`, in both languages, or `None`
/// when it does not depend on the place (ministry level) or the commune is missing for a
/// commune-level service.
pub fn local_agency(
    agency: &Agency,
    province: &Province,
    commune: Option<&Commune>,
) -> Option<Text> {
    let (province_vi, province_en) = (province.name_in_text(), province.full_name());
    match agency.level {
        Level::Ministry => None,
        Level::Province => Some(Text::new(
            localise(&agency.name.vi, None, &province_vi),
            format!("{}, {province_en}", agency.name.en),
        )),
        Level::Commune => {
            let commune = commune?;
            Some(Text::new(
                localise(&agency.name.vi, Some(&commune.name_in_text()), &province_vi),
                format!("{}, {}, {province_en}", agency.name.en, commune.full_name()),
            ))
        }
    }
}

/// The agency receiving a service's dossiers from people of `province`, when the commune
/// is not known yet (a service's card on a province's site): a commune-level agency is
/// named with the province only ("Ủy ban nhân dân cấp xã, Thành phố Hồ Chí Minh"); a
/// ministry-level one does not depend on the place.
pub fn province_agency(agency: &Agency, province: &Province) -> Text {
    match agency.level {
        Level::Commune => Text::new(
            localise(&agency.name.vi, None, &province.name_in_text()),
            format!("{}, {}", agency.name.en, province.full_name()),
        ),
        _ => local_agency(agency, province, None).unwrap_or_else(|| agency.name.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{CommuneKind, ProvinceKind};
    use super::*;

    fn hanoi() -> Province {
        Province {
            code: "01".into(),
            kind: ProvinceKind::City,
            name: "Hà Nội".into(),
            abbr: "HNI".into(),
            communes: 126,
        }
    }

    fn ba_dinh() -> Commune {
        Commune {
            code: "00004".into(),
            kind: CommuneKind::Phuong,
            name: "Ba Đình".into(),
        }
    }

    fn agency(vi: &str, en: &str, level: Level) -> Agency {
        Agency {
            name: Text::new(vi, en),
            level,
            ministry: None,
        }
    }

    #[test]
    fn commune_level_names_the_commune_office() {
        let a = agency("Công an cấp xã", "Commune police", Level::Commune);
        let t = local_agency(&a, &hanoi(), Some(&ba_dinh())).expect("local");
        assert_eq!(t.vi, "Công an phường Ba Đình, thành phố Hà Nội");
        assert_eq!(t.en, "Commune police, Phường Ba Đình, Thành phố Hà Nội");
        let a = agency(
            "Ủy ban nhân dân cấp xã",
            "Commune People's Committee",
            Level::Commune,
        );
        let t = local_agency(&a, &hanoi(), Some(&ba_dinh())).expect("local");
        assert_eq!(t.vi, "Ủy ban nhân dân phường Ba Đình, thành phố Hà Nội");
        assert!(
            local_agency(&a, &hanoi(), None).is_none(),
            "needs the commune"
        );
    }

    #[test]
    fn province_level_names_the_provincial_office() {
        let a = agency(
            "Phòng Quản lý xuất nhập cảnh, Công an tỉnh",
            "Immigration Department, provincial police",
            Level::Province,
        );
        let t = local_agency(&a, &hanoi(), None).expect("local");
        assert_eq!(
            t.vi,
            "Phòng Quản lý xuất nhập cảnh, Công an thành phố Hà Nội"
        );
        assert_eq!(
            t.en,
            "Immigration Department, provincial police, Thành phố Hà Nội"
        );
        let a = agency("Sở Tư pháp", "Department of Justice", Level::Province);
        let t = local_agency(&a, &hanoi(), Some(&ba_dinh())).expect("local");
        assert_eq!(
            t.vi, "Sở Tư pháp, thành phố Hà Nội",
            "the commune does not matter"
        );
        let a = agency(
            "Cơ quan Bảo hiểm xã hội",
            "Social Security",
            Level::Province,
        );
        let t = local_agency(&a, &hanoi(), None).expect("local");
        assert_eq!(
            t.vi, "Cơ quan Bảo hiểm xã hội, thành phố Hà Nội",
            "xã in xã hội is no marker"
        );
        let a = agency("Bộ Công an", "Ministry of Public Security", Level::Ministry);
        assert!(local_agency(&a, &hanoi(), Some(&ba_dinh())).is_none());
    }

    #[test]
    fn a_province_s_agency_without_the_commune() {
        let a = agency(
            "Ủy ban nhân dân cấp xã",
            "Commune People's Committee",
            Level::Commune,
        );
        let t = province_agency(&a, &hanoi());
        assert_eq!(t.vi, "Ủy ban nhân dân cấp xã, thành phố Hà Nội");
        assert_eq!(t.en, "Commune People's Committee, Thành phố Hà Nội");
        let a = agency("Sở Tư pháp", "Department of Justice", Level::Province);
        assert_eq!(
            province_agency(&a, &hanoi()).vi,
            "Sở Tư pháp, thành phố Hà Nội"
        );
        let a = agency("Bộ Công an", "Ministry of Public Security", Level::Ministry);
        assert_eq!(province_agency(&a, &hanoi()).vi, "Bộ Công an");
    }
}
