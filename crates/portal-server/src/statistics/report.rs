//! A [`Report`] from the aggregates: the cells added up for the selection, the provinces
//! ranked, the services held against the seed's target, the months in a series, every
//! figure suppressed on the way out. No I/O: the queries' rows come in.

use std::collections::HashMap;

use portal_api::statistics::{
    Filters, MonthRow, Place, ProvinceRow, Report, ServiceName, ServiceRow,
};
use portal_core::statistics::{
    places, provinces_below_target, rank, target_up_to, Counts, Period, ProvinceRow as RankRow,
};
use portal_core::validators::Date;

use super::query::CellCounts;

/// What a report is made from.
pub struct Inputs<'a> {
    pub filters: &'a Filters,
    pub today: Date,
    pub as_of: String,
    /// Every province, in code order.
    pub provinces: &'a [Place],
    /// Every service of the published catalogue, in its order.
    pub services: &'a [ServiceName],
    /// The period's flows, every province and service (the services table lists them
    /// all, whatever the filters).
    pub flows: Vec<CellCounts>,
    /// Still open and overdue at the end, every province and service.
    pub open: Vec<CellCounts>,
    pub overdue: Vec<CellCounts>,
    /// Month by month over [`Period::series`], in the selection.
    pub series: Vec<(String, Counts)>,
}

/// The last day a period's figures count: its last day, or today while it runs.
pub fn up_to(period: &Period, today: Date) -> Date {
    period.last_day().min(today)
}

pub fn assemble(i: Inputs<'_>) -> Report {
    let f = i.filters;
    let mut cells: HashMap<(String, String), Counts> = HashMap::new();
    let mut generated = false;
    for c in i.flows.iter().chain(&i.open).chain(&i.overdue) {
        *cells
            .entry((c.province.clone(), c.service.clone()))
            .or_default() += c.counts;
        let in_scope = f.province.as_ref().is_none_or(|p| *p == c.province);
        generated |= in_scope && c.generated > 0;
    }
    let sum = |keep: &dyn Fn(&str, &str) -> bool| -> Counts {
        cells
            .iter()
            .filter(|((p, s), _)| keep(p, s))
            .map(|(_, c)| *c)
            .sum()
    };
    let in_province = |p: &str| f.province.as_deref().is_none_or(|chosen| chosen == p);
    let in_service = |s: &str| f.service.as_deref().is_none_or(|chosen| chosen == s);

    let totals = sum(&|p, s| in_province(p) && in_service(s));

    let mut ranked: Vec<RankRow> = i
        .provinces
        .iter()
        .map(|p| RankRow {
            code: p.code.clone(),
            counts: sum(&|province, s| province == p.code && in_service(s)),
        })
        .collect();
    rank(&mut ranked, f.sort, !f.ascending);
    let place_of = places(&ranked, f.sort);
    let name_of: HashMap<&str, &str> = i
        .provinces
        .iter()
        .map(|p| (p.code.as_str(), p.name.as_str()))
        .collect();
    let provinces = ranked
        .iter()
        .zip(place_of)
        .map(|(r, place)| ProvinceRow {
            code: r.code.clone(),
            name: name_of
                .get(r.code.as_str())
                .copied()
                .unwrap_or_default()
                .to_string(),
            place: place.map(|p| p as u32),
            counts: r.counts.shown(),
        })
        .collect();

    let target = target_up_to(&f.period, i.today);
    let all_codes: Vec<String> = i.provinces.iter().map(|p| p.code.clone()).collect();
    let services = i
        .services
        .iter()
        .map(|s| {
            let online_by_province: Vec<(String, u64)> = i
                .flows
                .iter()
                .filter(|c| c.service == s.id)
                .map(|c| (c.province.clone(), c.counts.received_online))
                .collect();
            let below = provinces_below_target(&online_by_province, &all_codes, target);
            ServiceRow {
                id: s.id.clone(),
                title: s.title.clone(),
                counts: sum(&|p, service| in_province(p) && service == s.id).shown(),
                provinces_reaching: (all_codes.len() - below.len()) as u32,
                provinces_below: below,
            }
        })
        .collect();

    let last = up_to(&f.period, i.today);
    let months = f
        .period
        .series()
        .into_iter()
        .filter(|m| m.first_day() <= last)
        .map(|month| {
            let c = i
                .series
                .iter()
                .find(|(slug, _)| *slug == month.slug())
                .map(|(_, c)| *c)
                .unwrap_or_default();
            let s = c.shown();
            MonthRow {
                month,
                received_online: s.received_online,
                received_at_centre: s.received_at_centre,
                decided: s.decided,
                decided_on_time: s.decided_on_time,
                decided_late: s.decided_late,
                online_share: s.online_share,
                on_time_share: s.on_time_share,
            }
        })
        .collect();

    Report {
        period: f.period,
        province: f
            .province
            .as_ref()
            .and_then(|code| i.provinces.iter().find(|p| p.code == *code).cloned()),
        service: f
            .service
            .as_ref()
            .and_then(|id| i.services.iter().find(|s| s.id == *id).cloned()),
        up_to: last.iso(),
        as_of: i.as_of,
        generated_data: generated,
        totals: totals.shown(),
        months,
        provinces,
        services,
        target: target.value(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_core::statistics::{Indicator, Share, Shown};
    use portal_core::Text;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn places3() -> Vec<Place> {
        ["01", "31", "79"]
            .iter()
            .map(|c| Place {
                code: c.to_string(),
                name: format!("Tỉnh {c}"),
            })
            .collect()
    }

    fn services2() -> Vec<ServiceName> {
        ["khai-sinh", "cu-tru"]
            .iter()
            .map(|s| ServiceName {
                id: s.to_string(),
                title: Text::new(*s, *s),
            })
            .collect()
    }

    fn flow(p: &str, s: &str, online: u64, decided: u64, on_time: u64) -> CellCounts {
        CellCounts {
            province: p.into(),
            service: s.into(),
            counts: Counts {
                received_online: online,
                decided,
                decided_on_time: on_time,
                decided_late: decided - on_time,
                ..Counts::default()
            },
            generated: 0,
        }
    }

    fn inputs<'a>(
        f: &'a Filters,
        provinces: &'a [Place],
        services: &'a [ServiceName],
    ) -> Inputs<'a> {
        Inputs {
            filters: f,
            today: d(2026, 12, 4),
            as_of: "2026-12-04T09:00:00Z".into(),
            provinces,
            services,
            flows: vec![
                flow("01", "khai-sinh", 20, 10, 9),
                flow("01", "cu-tru", 3, 2, 2),
                flow("31", "khai-sinh", 6, 6, 3),
                flow("", "khai-sinh", 1, 0, 0),
            ],
            open: vec![CellCounts {
                province: "01".into(),
                service: "khai-sinh".into(),
                counts: Counts {
                    still_open: 12,
                    ..Counts::default()
                },
                generated: 0,
            }],
            overdue: vec![],
            series: vec![(
                "2026-11".into(),
                Counts {
                    received_online: 29,
                    ..Counts::default()
                },
            )],
        }
    }

    #[test]
    fn the_country_adds_every_cell_and_ranks_the_provinces() {
        let (p, s) = (places3(), services2());
        let f = Filters::country(Period::quarter(2026, 4).unwrap());
        let r = assemble(inputs(&f, &p, &s));
        // 20 + 3 + 6 + 1 (filed without a place still counts for the country).
        assert_eq!(r.totals.received_online, Shown::Count(30));
        assert_eq!(r.totals.still_open, Shown::Count(12));
        assert_eq!(r.up_to, "2026-12-04");
        // On-time share: 01 has 11 of 12, 31 has 3 of 6, 79 nothing: last, no place.
        let order: Vec<(&str, Option<u32>)> = r
            .provinces
            .iter()
            .map(|p| (p.code.as_str(), p.place))
            .collect();
        assert_eq!(order, [("01", Some(1)), ("31", Some(2)), ("79", None)]);
        assert_eq!(r.provinces[0].name, "Tỉnh 01");
        assert_eq!(
            r.provinces[0].counts.on_time_share,
            Some(Share::BasisPoints(9167))
        );
        // Three months of the quarter, up to today's.
        assert_eq!(r.months.len(), 3);
        assert_eq!(r.months[1].received_online, Shown::Count(29));
        assert_eq!(r.months[2].received_online, Shown::Count(0));
        assert!(!r.generated_data);
    }

    #[test]
    fn the_target_is_pro_rata_and_names_the_provinces_below() {
        let (p, s) = (places3(), services2());
        let f = Filters::country(Period::year(2026).unwrap());
        let r = assemble(inputs(&f, &p, &s));
        // 338 of 365 days so far: 10 × 338/365 = 9.26 online dossiers per province.
        assert!((r.target - 9.26).abs() < 0.01, "{}", r.target);
        let birth = &r.services[0];
        assert_eq!(birth.id, "khai-sinh");
        assert_eq!(birth.provinces_reaching, 1, "only 01, with 20");
        assert_eq!(birth.provinces_below, ["31", "79"]);
        assert_eq!(birth.counts.received_online, Shown::Count(27));
        // The residence service: 3 in one province, shown as "< 5".
        assert_eq!(r.services[1].counts.received_online, Shown::FewerThanFive);
        assert_eq!(r.services[1].provinces_reaching, 0);
    }

    #[test]
    fn a_province_is_its_own_cells_and_still_ranked_among_all() {
        let (p, s) = (places3(), services2());
        let mut f = Filters::country(Period::month(2026, 11).unwrap());
        f.province = Some("31".into());
        f.sort = Indicator::ReceivedOnline;
        f.ascending = true;
        let mut i = inputs(&f, &p, &s);
        i.flows[2].generated = 2;
        let r = assemble(i);
        assert_eq!(r.province.as_ref().unwrap().name, "Tỉnh 31");
        assert_eq!(r.totals.received_online, Shown::Count(6));
        assert_eq!(r.totals.decided_late, Shown::FewerThanFive);
        assert_eq!(r.provinces.len(), 3);
        assert_eq!(r.provinces[0].code, "79", "fewest first");
        assert!(r.generated_data, "generated dossiers in this province");
        // Twelve months up to November, none after it.
        assert_eq!(r.months.len(), 12);
        assert_eq!(r.months[11].month.slug(), "2026-11");
        // The services table is the province's; the target still counts every province.
        assert_eq!(r.services[0].counts.received_online, Shown::Count(6));
        assert_eq!(
            r.services[0].provinces_below,
            ["79"],
            "a month asks for 0.82"
        );
    }

    #[test]
    fn a_service_narrows_the_figures_but_every_service_is_still_listed() {
        let (p, s) = (places3(), services2());
        let mut f = Filters::country(Period::quarter(2026, 4).unwrap());
        f.service = Some("cu-tru".into());
        let r = assemble(inputs(&f, &p, &s));
        assert_eq!(r.service.as_ref().unwrap().id, "cu-tru");
        assert_eq!(r.totals.received_online, Shown::FewerThanFive, "3 in 01");
        assert_eq!(
            r.totals.still_open,
            Shown::Count(0),
            "the open ones are births"
        );
        assert_eq!(r.provinces[0].counts.received_online, Shown::FewerThanFive);
        assert_eq!(
            r.services.len(),
            2,
            "the table and the filter offer every service"
        );
        assert_eq!(r.services[0].counts.received_online, Shown::Count(27));
    }
}
