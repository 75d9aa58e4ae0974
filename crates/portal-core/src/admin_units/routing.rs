//! Which agency receives a dossier, and which agency system it goes to.
//!
//! Since 1 July 2025 dossiers are received by the Public Administration Service Centres
//! (Trung tâm Phục vụ hành chính công) that Decree 118/2025/NĐ-CP (on the one-stop shop) sets up in
//! every province and every commune, or by a ministry for the few procedures it decides
//! itself. Each province's centres work in that province's administrative-procedure
//! system; each ministry has its own. So:
//! - a commune-level procedure goes to the chosen commune's centre, in its province's system;
//! - a province-level procedure goes to the province's centre, in its province's system;
//! - a ministry-level procedure goes to the ministry, in the ministry's system.
//!
//! Where each system's endpoint is, and its key, is deployment configuration, not code.

use crate::catalogue::Level;
use crate::text::Text;

use super::{Commune, Province};

/// The receiving agency, its own code and its system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receiving {
    /// The agency system: `province-79` for a province's system, `ministry-moet`.
    pub system: String,
    /// The receiving agency's code in the portal: `H79` for a province's centre,
    /// `H79.X26734` for a commune's (province and commune codes from the administrative
    /// units), `B.moet` for a ministry.
    pub code: String,
    pub name: Text,
}

/// A province's system id.
pub fn province_system(province_code: &str) -> String {
    format!("province-{province_code}")
}

/// The system that receives `service`'s dossiers filed by people of the province
/// `province_code`: the ministry's own for a ministry-level procedure (`None` when the
/// service names no ministry), else the province's.
pub fn system_for(service: &crate::Service, province_code: &str) -> Option<String> {
    match service.agency.level {
        Level::Ministry => service
            .agency
            .ministry
            .as_ref()
            .map(|m| ministry_system(&m.id)),
        _ => Some(province_system(province_code)),
    }
}

/// A ministry's system id.
pub fn ministry_system(ministry_id: &str) -> String {
    format!("ministry-{ministry_id}")
}

/// The centre receiving a `level` procedure filed at `province` / `commune`; `None` for a
/// ministry-level procedure (see [`ministry`]) or a commune-level one without a commune.
pub fn receiving_centre(
    level: Level,
    province: &Province,
    commune: Option<&Commune>,
) -> Option<Receiving> {
    const CENTRE_VI: &str = "Trung tâm Phục vụ hành chính công";
    const CENTRE_EN: &str = "Public Administration Service Centre";
    let system = province_system(&province.code);
    match level {
        Level::Ministry => None,
        Level::Province => Some(Receiving {
            system,
            code: format!("H{}", province.code),
            name: Text::new(
                format!("{CENTRE_VI} {}", province.name_in_text()),
                format!("{CENTRE_EN}, {}", province.full_name()),
            ),
        }),
        Level::Commune => {
            let commune = commune?;
            Some(Receiving {
                system,
                code: format!("H{}.X{}", province.code, commune.code),
                name: Text::new(
                    format!(
                        "{CENTRE_VI} {}, {}",
                        commune.name_in_text(),
                        province.name_in_text()
                    ),
                    format!(
                        "{CENTRE_EN}, {}, {}",
                        commune.full_name(),
                        province.full_name()
                    ),
                ),
            })
        }
    }
}

/// A ministry receiving a ministry-level procedure itself.
pub fn ministry(id: &str, name: &Text) -> Receiving {
    Receiving {
        system: ministry_system(id),
        code: format!("B.{id}"),
        name: name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{CommuneKind, ProvinceKind};
    use super::*;

    fn hcm() -> Province {
        Province {
            code: "79".into(),
            kind: ProvinceKind::City,
            name: "Hồ Chí Minh".into(),
            abbr: "HCM".into(),
            communes: 168,
        }
    }

    fn ben_thanh() -> Commune {
        Commune {
            code: "26740".into(),
            kind: CommuneKind::Phuong,
            name: "Bến Thành".into(),
        }
    }

    #[test]
    fn commune_procedures_go_to_the_communes_centre_in_the_provinces_system() {
        let r = receiving_centre(Level::Commune, &hcm(), Some(&ben_thanh())).unwrap();
        assert_eq!(r.system, "province-79");
        assert_eq!(r.code, "H79.X26740");
        assert_eq!(
            r.name.vi,
            "Trung tâm Phục vụ hành chính công phường Bến Thành, thành phố Hồ Chí Minh"
        );
        assert_eq!(
            r.name.en,
            "Public Administration Service Centre, Phường Bến Thành, Thành phố Hồ Chí Minh"
        );
        assert!(receiving_centre(Level::Commune, &hcm(), None).is_none());
    }

    #[test]
    fn province_procedures_go_to_the_provinces_centre_whatever_the_commune() {
        let with = receiving_centre(Level::Province, &hcm(), Some(&ben_thanh())).unwrap();
        let without = receiving_centre(Level::Province, &hcm(), None).unwrap();
        assert_eq!(with, without);
        assert_eq!(with.code, "H79");
        assert_eq!(
            with.name.vi,
            "Trung tâm Phục vụ hành chính công thành phố Hồ Chí Minh"
        );
    }

    #[test]
    fn ministry_procedures_go_to_the_ministry() {
        assert!(receiving_centre(Level::Ministry, &hcm(), None).is_none());
        let r = ministry(
            "moet",
            &Text::new(
                "Bộ Giáo dục và Đào tạo",
                "Ministry of Education and Training",
            ),
        );
        assert_eq!(r.system, "ministry-moet");
        assert_eq!(r.code, "B.moet");
    }
}
