//! Generated dossiers for demonstrations and benchmarks of the public figures
//! (`portal-server generate`): filed, paid, decided and rated through the same store
//! functions as real ones ([`store::insert`], [`store::set_payment_status`],
//! [`store::set_procedure_statuses`], [`store::rate`]), so they are counted the same way,
//! but at times in the past and marked `generated`, which the statistics page states
//! plainly. Nothing here is used by a running server.
//!
//! What is generated, from a seed (the same seed gives the same dossiers):
//! - dossiers spread over the last `months` months, more in recent ones (use grows);
//! - every province, the two big cities (Hà Nội, Hồ Chí Minh) about four times as many;
//! - every service of the catalogue, a few used far more than others (a Zipf-like
//!   spread), so some provinces fall below the seed's target for rarely used services;
//! - about a third received at a one-stop centre's counter, the rest online;
//! - services with a fee: about three in four paid online before the decision;
//! - with a due date: about 80 % decided by it, 15 % late by one to ten working days,
//!   5 % by ten to sixty (still open when that is after today); without one, decided
//!   within ten working days;
//! - about a third of the decisions rated, mostly satisfied.

use std::path::Path;
use std::time::Instant;

use portal_api::{PaymentStatus, Satisfaction};
use portal_core::statistics::due_date;
use portal_core::validators::Date;

use crate::db::{Database, DbError};
use crate::dossiers::code;
use crate::dossiers::status::Status;
use crate::dossiers::store::{self, NewDossier, Rating};

/// Dossiers per transaction.
const BATCH: u64 = 500;

#[derive(Debug, Clone)]
pub struct Options {
    pub dossiers: u64,
    pub months: u32,
    pub seed: u64,
    /// "Today": nothing is generated after it.
    pub today: Date,
}

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("{0}")]
    Db(#[from] DbError),
    #[error("the catalogue: {0}")]
    Catalogue(#[from] portal_catalog::LoadError),
    #[error("the administrative units: {0}")]
    Units(#[from] crate::admin_units::AdminUnitsError),
    #[error("{0}")]
    Nothing(&'static str),
}

/// What was generated.
#[derive(Debug, Default, Clone, Copy)]
pub struct Generated {
    pub dossiers: u64,
    pub decided: u64,
    pub late: u64,
    pub rated: u64,
    pub seconds: f64,
}

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// An index drawn by weight.
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut x = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

/// A service as the generator needs it.
struct Kind {
    id: String,
    working_days: Option<u32>,
    fee: Option<i64>,
}

/// Seconds since the Unix epoch at `hour` o'clock in Vietnam on `day`.
fn at(day: Date, hour: i64) -> i64 {
    day.days_since_epoch() * 86_400 + (hour - 7) * 3600
}

/// Generates into the database at `db_url` for the catalogue in `catalog_dir`.
pub async fn generate(
    db_url: &str,
    catalog_dir: &Path,
    o: &Options,
) -> Result<Generated, GenerateError> {
    let started = Instant::now();
    let catalogue = portal_catalog::load_dir(catalog_dir)?;
    let units = crate::admin_units::load(&catalog_dir.join("admin-units"))?;
    let provinces: Vec<String> = units
        .units
        .provinces()
        .iter()
        .map(|p| p.code.clone())
        .collect();
    let kinds: Vec<Kind> = catalogue
        .services
        .iter()
        .map(|s| Kind {
            id: s.id.0.clone(),
            working_days: s.processing_time.working_days,
            fee: s
                .fees
                .lowest_online()
                .filter(|f| *f > 0)
                .and_then(|f| i64::try_from(f).ok()),
        })
        .collect();
    if provinces.is_empty() || kinds.is_empty() || o.months == 0 {
        return Err(GenerateError::Nothing(
            "nothing to generate: no provinces, no services or no months",
        ));
    }
    let province_weights: Vec<u64> = provinces
        .iter()
        .map(|c| if c == "01" || c == "79" { 4 } else { 1 })
        .collect();
    // Zipf-like: the k-th service about 1/k as used as the first.
    let service_weights: Vec<u64> = (1..=kinds.len() as u64).map(|k| 1000 / k).collect();
    // Later months weigh more (use grows): month m of `months` weighs m + months.
    let month_weights: Vec<u64> = (0..u64::from(o.months))
        .map(|m| m + 1 + u64::from(o.months))
        .collect();
    let first_month = {
        let index = o.today.year() * 12 + i32::from(o.today.month()) - 1 - (o.months as i32 - 1);
        (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
    };

    let db = Database::open(db_url).await?;
    let mut rng = Rng(o.seed);
    let mut out = Generated::default();
    let procedures_of = |k: &Kind| vec![k.id.clone()];
    while out.dossiers < o.dossiers {
        let mut tx = db.begin().await?;
        let batch_end = (out.dossiers + BATCH).min(o.dossiers);
        while out.dossiers < batch_end {
            let m = rng.weighted(&month_weights) as i32;
            let index = first_month.0 * 12 + i32::from(first_month.1) - 1 + m;
            let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
            let days = portal_core::validators::date::days_in_month(year, month);
            let Some(received) = Date::new(year, month, 1 + rng.below(u64::from(days)) as u8)
            else {
                continue;
            };
            if received > o.today {
                continue;
            }
            let kind = &kinds[rng.weighted(&service_weights)];
            let province = &provinces[rng.weighted(&province_weights)];
            let filed_at = at(received, 7 + rng.below(14) as i64);
            let due = kind.working_days.map(|n| due_date(received, n));
            let procedures = procedures_of(kind);
            let number = code::next(&mut tx, code::SANDBOX_AGENCY, filed_at).await?;
            let id = store::insert(
                &mut tx,
                &NewDossier {
                    code: &number,
                    owner: "generated",
                    applicant_kind: "citizen",
                    applicant_id_number: "000000000000",
                    applicant_name: "Dữ liệu sinh tự động",
                    applicant_tax_code: None,
                    lookup_secret: "GENERATED",
                    service_id: &kind.id,
                    catalogue_version: &catalogue.version,
                    answers_json: "{}",
                    procedures: &procedures,
                    fee_amount: kind.fee,
                    payment_status: if kind.fee.is_some() {
                        PaymentStatus::Unpaid
                    } else {
                        PaymentStatus::NotRequired
                    },
                    agency: None,
                    now: filed_at,
                    due_on: due.map(|d| d.iso()).as_deref(),
                    province: Some(province),
                    at_centre: rng.chance(35),
                    generated: true,
                    among_others: false,
                },
            )
            .await?;
            out.dossiers += 1;
            if kind.fee.is_some() && rng.chance(75) {
                store::set_payment_status(&mut tx, id, PaymentStatus::Paid, filed_at + 600).await?;
            }
            // When it is decided: by the due date, late, or much later (still open if
            // that is after today); without a due date, within ten working days.
            let decided = match due {
                Some(due) => {
                    let n = kind.working_days.unwrap_or(0);
                    match rng.below(100) {
                        0..=79 => received
                            .add_working_days(rng.below(u64::from(n) + 1) as u32)
                            .min(due),
                        80..=94 => due.add_working_days(1 + rng.below(10) as u32),
                        _ => due.add_working_days(10 + rng.below(50) as u32),
                    }
                }
                None => received.add_working_days(rng.below(11) as u32),
            };
            let Some(decided) = Some(decided).filter(|d| *d <= o.today) else {
                continue;
            };
            let decided_at = at(decided, 8 + rng.below(9) as i64);
            store::set_procedure_statuses(
                &mut tx,
                id,
                &[(kind.id.clone(), Status::Approved)],
                decided_at,
            )
            .await?;
            out.decided += 1;
            out.late += u64::from(due.is_some_and(|due| decided > due));
            if rng.chance(33) {
                let value = match rng.below(100) {
                    0..=79 => Satisfaction::Satisfied,
                    80..=91 => Satisfaction::Neutral,
                    _ => Satisfaction::NotSatisfied,
                };
                let rated_on = decided.add_working_days(rng.below(3) as u32).min(o.today);
                let rating = Rating {
                    value,
                    comment: None,
                    at: at(rated_on, 20),
                };
                store::rate(&mut tx, id, &rating).await?;
                out.rated += 1;
            }
        }
        tx.commit().await.map_err(DbError::from)?;
        if out.dossiers % (BATCH * 100) == 0 || out.dossiers == o.dossiers {
            eprintln!(
                "generate: {} of {} dossiers ({:.0} s)",
                out.dossiers,
                o.dossiers,
                started.elapsed().as_secs_f64()
            );
        }
    }
    out.seconds = started.elapsed().as_secs_f64();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Row;

    #[tokio::test]
    async fn the_cells_agree_with_the_generated_dossiers() {
        let dir = tempfile::tempdir().unwrap();
        let url = dir.path().join("gen.sqlite3").display().to_string();
        let catalog = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog");
        let today = Date::new(2026, 12, 4).unwrap();
        let o = Options {
            dossiers: 1_200,
            months: 6,
            seed: 7,
            today,
        };
        let g = generate(&url, &catalog, &o).await.unwrap();
        assert_eq!(g.dossiers, 1_200);
        assert!(g.decided > 900 && g.late > 50 && g.rated > 200, "{g:?}");
        // The same seed, the same dossiers.
        let again = dir.path().join("again.sqlite3").display().to_string();
        let h = generate(&again, &catalog, &o).await.unwrap();
        assert_eq!((h.decided, h.late, h.rated), (g.decided, g.late, g.rated));

        let db = Database::open(&url).await.unwrap();
        let mut c = db.conn().await.unwrap();
        let one = |sql: &'static str| sqlx::query(sql);
        let row = one(
            "SELECT COUNT(*), SUM(CASE WHEN decided_on IS NOT NULL THEN 1 ELSE 0 END),
                 SUM(CASE WHEN rating IS NOT NULL THEN 1 ELSE 0 END),
                 MIN(received_on), MAX(received_on), COUNT(DISTINCT province),
                 SUM(generated), SUM(CASE WHEN channel = 'centre' THEN 1 ELSE 0 END)
             FROM dossiers",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        let (n, decided, rated): (i64, i64, i64) = (row.get(0), row.get(1), row.get(2));
        assert_eq!(
            (n, decided, rated),
            (1_200, g.decided as i64, g.rated as i64)
        );
        let (first, last): (String, String) = (row.get(3), row.get(4));
        assert!(
            first.as_str() >= "2026-07-01" && last.as_str() <= "2026-12-04",
            "{first} {last}"
        );
        assert_eq!(row.get::<i64, _>(5), 34, "every province");
        assert_eq!(row.get::<i64, _>(6), 1_200, "all marked generated");
        let at_centre: i64 = row.get(7);
        let cells = one(
            "SELECT CAST(SUM(received_online) AS BIGINT), CAST(SUM(received_at_centre) AS BIGINT),
                 CAST(SUM(decided) AS BIGINT), CAST(SUM(decided_late) AS BIGINT),
                 CAST(SUM(satisfied + neutral + not_satisfied) AS BIGINT),
                 CAST(SUM(generated) AS BIGINT)
             FROM statistics_cells",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!(cells.get::<i64, _>(0), 1_200 - at_centre);
        assert_eq!(cells.get::<i64, _>(1), at_centre);
        assert_eq!(cells.get::<i64, _>(2), g.decided as i64);
        assert_eq!(cells.get::<i64, _>(3), g.late as i64);
        assert_eq!(cells.get::<i64, _>(4), g.rated as i64);
        assert_eq!(cells.get::<i64, _>(5), 1_200);
    }
}
