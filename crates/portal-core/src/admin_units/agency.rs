//! "Where to submit": the agency that handles a service for a chosen place. The catalogue
//! names agencies generically ("Công an cấp xã", "Commune police"); with a province and a
//! commune they become the office a citizen goes to, e.g. "Công an Phường Ba Đình, Thành
//! phố Hà Nội".

use crate::catalogue::{Agency, Level};
use crate::text::Text;

use super::{Commune, Province};

/// Puts `place` where the generic name says "cấp xã" / "cấp tỉnh" (or a final "tỉnh"),
/// or after the name when it has no such words.
fn localise(generic: &str, markers: &[&str], place: &str) -> String {
    for m in markers {
        if let Some(at) = generic.find(m) {
            return format!("{}{place}{}", &generic[..at], &generic[at + m.len()..]);
        }
    }
    if let Some(head) = generic.strip_suffix(" tỉnh") {
        return format!("{head} {place}");
    }
    format!("{generic} {place}")
}

/// The agency handling a service at `province` / `commune`, in both languages, or `None`
/// when it does not depend on the place (ministry level) or the commune is missing for a
/// commune-level service.
pub fn local_agency(
    agency: &Agency,
    province: &Province,
    commune: Option<&Commune>,
) -> Option<Text> {
    let province_name = province.full_name();
    match agency.level {
        Level::Ministry => None,
        Level::Province => Some(Text::new(
            localise(&agency.name.vi, &["cấp tỉnh"], &province_name),
            format!("{}, {province_name}", agency.name.en),
        )),
        Level::Commune => {
            let commune_name = commune?.full_name();
            Some(Text::new(
                format!(
                    "{}, {province_name}",
                    localise(&agency.name.vi, &["cấp xã"], &commune_name)
                ),
                format!("{}, {commune_name}, {province_name}", agency.name.en),
            ))
        }
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
        }
    }

    #[test]
    fn commune_level_names_the_commune_office() {
        let a = agency("Công an cấp xã", "Commune police", Level::Commune);
        let t = local_agency(&a, &hanoi(), Some(&ba_dinh())).expect("local");
        assert_eq!(t.vi, "Công an Phường Ba Đình, Thành phố Hà Nội");
        assert_eq!(t.en, "Commune police, Phường Ba Đình, Thành phố Hà Nội");
        let a = agency(
            "Ủy ban nhân dân cấp xã",
            "Commune People's Committee",
            Level::Commune,
        );
        let t = local_agency(&a, &hanoi(), Some(&ba_dinh())).expect("local");
        assert_eq!(t.vi, "Ủy ban nhân dân Phường Ba Đình, Thành phố Hà Nội");
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
            "Phòng Quản lý xuất nhập cảnh, Công an Thành phố Hà Nội"
        );
        assert_eq!(
            t.en,
            "Immigration Department, provincial police, Thành phố Hà Nội"
        );
        let a = agency("Sở Tư pháp", "Department of Justice", Level::Province);
        let t = local_agency(&a, &hanoi(), Some(&ba_dinh())).expect("local");
        assert_eq!(
            t.vi, "Sở Tư pháp Thành phố Hà Nội",
            "the commune does not matter"
        );
        let a = agency("Bộ Công an", "Ministry of Public Security", Level::Ministry);
        assert!(local_agency(&a, &hanoi(), Some(&ba_dinh())).is_none());
    }
}
