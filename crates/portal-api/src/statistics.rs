//! The public service-delivery figures (`/statistics`, issue #19): what the page asks
//! for ([`Filters`], carried in its URL and the API's), what the server answers
//! ([`Report`]) and the downloads of each of its tables ([`Table`], CSV or JSON with the
//! same numbers).
//!
//! Every figure here has been through [`portal_core::statistics`]' suppression: a count
//! of 1 to 4 dossiers is "< 5", and so is a share over fewer than 5. Nothing in a report
//! names a person.

use portal_core::statistics::{Indicator, Period, Share, Shown, ShownCounts};
use portal_core::Text;
use serde::{Deserialize, Serialize};

use crate::paths::with_query;

/// `GET` the whole report for the filters (query: [`Filters::query`]).
pub const REPORT: &str = "/api/v1/statistics";
/// `GET` one table, `/api/v1/statistics/provinces.csv` … (same query).
pub const TABLE: &str = "/api/v1/statistics/{file}";
/// The public page.
pub const PAGE: &str = "/statistics";

/// What the figures are about: a period, and the whole country or one province, for all
/// services or one; the provinces' ranking sorted on an indicator. The page's URL and the
/// API's carry the same query, so a figure can be linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filters {
    pub period: Period,
    /// A province's two-digit code; `None` for the whole country.
    pub province: Option<String>,
    /// A service's id; `None` for every service.
    pub service: Option<String>,
    pub sort: Indicator,
    /// Lowest first (the default is highest first).
    pub ascending: bool,
}

/// A query that does not name real filters; the message says which part, in English (the
/// API's language; the page never sends one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadFilter(pub String);

impl Filters {
    /// The country, every service, over `period`, ranked on decisions on time.
    pub fn country(period: Period) -> Filters {
        Filters {
            period,
            province: None,
            service: None,
            sort: Indicator::OnTimeShare,
            ascending: false,
        }
    }

    /// The query parameters, defaults left out: `period=2026-q4&province=01&service=…
    /// &sort=online&order=asc`.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        let mut q = vec![("period", self.period.slug())];
        if let Some(p) = &self.province {
            q.push(("province", p.clone()));
        }
        if let Some(s) = &self.service {
            q.push(("service", s.clone()));
        }
        if self.sort != Indicator::OnTimeShare {
            q.push(("sort", self.sort.slug().to_string()));
        }
        if self.ascending {
            q.push(("order", "asc".to_string()));
        }
        q
    }

    /// Reads a query's pairs. A missing period is `default_period` (the page passes the
    /// current month); an empty value is the same as none; an unknown parameter is
    /// ignored. A province must be two digits and a service an id of letters, digits and
    /// dashes: whether they exist is for the server to say.
    pub fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        default_period: Period,
    ) -> Result<Filters, BadFilter> {
        let mut f = Filters::country(default_period);
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "period" => {
                    f.period = Period::parse(value).ok_or_else(|| {
                        BadFilter(format!("period {value:?} is not 2026, 2026-q4 or 2026-11"))
                    })?;
                }
                "province" => {
                    if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(BadFilter(format!(
                            "province {value:?} is not a two-digit code"
                        )));
                    }
                    f.province = Some(value.to_string());
                }
                "service" => {
                    let ok = value.len() <= 80
                        && value
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                    if !ok {
                        return Err(BadFilter(format!("service {value:?} is not a service id")));
                    }
                    f.service = Some(value.to_string());
                }
                "sort" => {
                    f.sort = Indicator::from_slug(value)
                        .ok_or_else(|| BadFilter(format!("sort {value:?} is not an indicator")))?;
                }
                "order" => {
                    f.ascending = match value {
                        "asc" => true,
                        "desc" => false,
                        _ => return Err(BadFilter(format!("order {value:?} is not asc or desc"))),
                    };
                }
                _ => {}
            }
        }
        Ok(f)
    }

    fn with_query(&self, path: &str) -> String {
        let q = self.query();
        let pairs: Vec<(&str, &str)> = q.iter().map(|(k, v)| (*k, v.as_str())).collect();
        with_query(path, &pairs)
    }

    /// The page showing these figures.
    pub fn page_url(&self) -> String {
        self.with_query(PAGE)
    }

    /// The API's report for them.
    pub fn report_url(&self) -> String {
        self.with_query(REPORT)
    }

    /// A download of one table of the report.
    pub fn download_url(&self, table: Table, format: Format) -> String {
        self.with_query(&format!("{REPORT}/{}", table.file_name(format)))
    }
}

/// A table of the report, each downloadable on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// The month-by-month series of the period.
    Months,
    /// The provinces, ranked.
    Provinces,
    /// The services, with the seed's target.
    Services,
}

/// The form of a download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Json,
}

impl Table {
    pub const ALL: [Table; 3] = [Table::Months, Table::Provinces, Table::Services];

    pub fn slug(self) -> &'static str {
        match self {
            Table::Months => "months",
            Table::Provinces => "provinces",
            Table::Services => "services",
        }
    }

    /// `provinces.csv`, `months.json` …
    pub fn file_name(self, format: Format) -> String {
        format!("{}.{}", self.slug(), format.extension())
    }

    /// The table and form a file name asks for.
    pub fn from_file_name(name: &str) -> Option<(Table, Format)> {
        let (stem, ext) = name.rsplit_once('.')?;
        let table = Table::ALL.into_iter().find(|t| t.slug() == stem)?;
        let format = match ext {
            "csv" => Format::Csv,
            "json" => Format::Json,
            _ => return None,
        };
        Some((table, format))
    }
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
        }
    }
}

/// The figures for one set of [`Filters`], as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    /// The period's slug (`2026-q4`).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub period: Period,
    pub province: Option<Place>,
    pub service: Option<ServiceName>,
    /// The last day counted (yyyy-mm-dd): the period's last day, or today while it runs.
    pub up_to: String,
    /// When the figures were computed (RFC 3339); they are cached for a short while.
    pub as_of: String,
    /// Whether any dossier counted was generated for a demonstration or a benchmark
    /// rather than filed by a person; the page says so plainly.
    pub generated_data: bool,
    /// The figures of the whole selection.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub totals: ShownCounts,
    /// Month by month over the period (for a month, the twelve months up to it).
    pub months: Vec<MonthRow>,
    /// Every province, ranked on the filters' indicator (within the service, if one is
    /// chosen; all of them even when a province is chosen, so it can be compared).
    pub provinces: Vec<ProvinceRow>,
    /// Every online service, even when one is chosen (so it can be compared), counted
    /// within the province if one is chosen, with the seed's target counted over all
    /// provinces.
    pub services: Vec<ServiceRow>,
    /// The seed's target for the period (pro rata, up to `up_to`): online dossiers each
    /// service should have in each province.
    pub target: f64,
}

/// A province: its two-digit code and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Place {
    pub code: String,
    pub name: String,
}

/// A service: its id and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceName {
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub title: Text,
}

/// One month of the series: what was received and decided in it. (What was still open
/// is counted at the end of the whole period, in the totals and the other tables.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthRow {
    /// `2026-11`.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub month: Period,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub received_online: Shown,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub received_at_centre: Shown,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub decided: Shown,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub decided_on_time: Shown,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub decided_late: Shown,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub online_share: Option<Share>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub on_time_share: Option<Share>,
}

/// One province's line of the ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProvinceRow {
    pub code: String,
    pub name: String,
    /// Its place on the sorted indicator (1 for the best; shared on a tie); none when
    /// nothing is shown for it.
    pub place: Option<u32>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub counts: ShownCounts,
}

/// One service's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceRow {
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub title: Text,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub counts: ShownCounts,
    /// Provinces whose online dossiers for this service reach the target.
    pub provinces_reaching: u32,
    /// The codes of those that do not, in code order.
    pub provinces_below: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Result<Filters, BadFilter> {
        let pairs: Vec<(&str, &str)> = s
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .collect();
        Filters::from_query(pairs, Period::month(2026, 12).unwrap())
    }

    #[test]
    fn filters_travel_in_the_url_and_back() {
        let f = q("period=2026-q4&province=01&service=dang-ky-khai-sinh&sort=online&order=asc")
            .unwrap();
        assert_eq!(f.period, Period::quarter(2026, 4).unwrap());
        assert_eq!(f.province.as_deref(), Some("01"));
        assert_eq!(f.sort, Indicator::OnlineShare);
        assert!(f.ascending);
        assert_eq!(
            f.page_url(),
            "/statistics?period=2026-q4&province=01&service=dang-ky-khai-sinh&sort=online&order=asc"
        );
        assert_eq!(
            f.download_url(Table::Provinces, Format::Csv),
            "/api/v1/statistics/provinces.csv?period=2026-q4&province=01&service=dang-ky-khai-sinh&sort=online&order=asc"
        );
        // Defaults are left out, and an absent period is the one given.
        let plain = q("").unwrap();
        assert_eq!(plain.report_url(), "/api/v1/statistics?period=2026-12");
        assert_eq!(q("province=&other=1").unwrap(), plain);
    }

    #[test]
    fn hostile_filters_are_refused() {
        for bad in [
            "period=2026-13",
            "period=x",
            "province=1",
            "province=0a",
            "province=%27%20OR",
            "service=DROP%20TABLE",
            "service=a/b",
            "sort=name",
            "order=up",
        ] {
            assert!(q(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn table_files() {
        for t in Table::ALL {
            for f in [Format::Csv, Format::Json] {
                assert_eq!(Table::from_file_name(&t.file_name(f)), Some((t, f)));
            }
        }
        assert_eq!(Table::from_file_name("provinces.xlsx"), None);
        assert_eq!(Table::from_file_name("people.csv"), None);
    }
}
