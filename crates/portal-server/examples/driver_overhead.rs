//! How much sqlx's `Any` driver costs over its native PostgreSQL driver, per statement,
//! on the submission's kind of statement (an insert of a dozen values, a read by key):
//! the measurement behind bench/RESULTS.md's note on the driver.
//!
//!   cargo run --profile server -p portal-server --example driver_overhead -- <postgres URL> [rounds]

use std::time::Instant;

use sqlx::{Connection, Row};

const INSERT: &str = "INSERT INTO driver_overhead (k, a, b, c, d, e, f, g, h, i, j)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
const SELECT: &str = "SELECT a, b, c FROM driver_overhead WHERE k = $1";

macro_rules! rounds {
    ($conn:expr, $rounds:expr, $tag:expr) => {{
        let started = Instant::now();
        for n in 0..$rounds {
            let k = format!("{}-{n}", $tag);
            sqlx::query(INSERT)
                .bind(&k)
                .bind("applicant name")
                .bind("001085012345")
                .bind(n as i64)
                .bind(Some("province"))
                .bind("service-id")
                .bind("{\"answers\":{}}")
                .bind(n as i64)
                .bind("received")
                .bind(None::<String>)
                .bind(n as i64)
                .execute(&mut $conn)
                .await?;
            let r = sqlx::query(SELECT).bind(&k).fetch_one(&mut $conn).await?;
            let _: String = r.try_get(0)?;
        }
        started.elapsed().as_secs_f64() * 1e6 / ($rounds as f64 * 2.0)
    }};
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .ok_or("usage: driver_overhead <postgres URL> [rounds]")?;
    let rounds: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(5000);
    sqlx::any::install_default_drivers();
    let mut native = sqlx::PgConnection::connect(&url).await?;
    let mut any = sqlx::AnyConnection::connect(&url).await?;
    sqlx::raw_sql(
        "DROP TABLE IF EXISTS driver_overhead;
         CREATE UNLOGGED TABLE driver_overhead (k TEXT PRIMARY KEY, a TEXT, b TEXT, c BIGINT,
             d TEXT, e TEXT, f TEXT, g BIGINT, h TEXT, i TEXT, j BIGINT)",
    )
    .execute(&mut native)
    .await?;
    // Alternate, so that a busy neighbour weighs on both alike.
    for lap in 0..3 {
        let n = rounds!(native, rounds, format!("native{lap}"));
        let a = rounds!(any, rounds, format!("any{lap}"));
        println!("lap {lap}: native {n:.1} µs, any {a:.1} µs per statement");
    }
    sqlx::raw_sql("DROP TABLE driver_overhead")
        .execute(&mut native)
        .await?;
    Ok(())
}
