//! What the public statistics will count by, written as dossiers are filed and decided:
//! the day received, the day due (by the service's processing time, as the receipt
//! counts it), the province filed in, and the day of the first decision.

use crate::common::forms::valid_body;
use crate::common::portal::{sign_in, CITIZEN, STAFF};
use crate::common::{self, db_conn};
use portal_core::validators::Date;
use reqwest::StatusCode;
use sqlx::Row;

async fn dates(db: &str, code: &str) -> (String, Option<String>, Option<String>, Option<String>) {
    let mut c = db_conn(db).await;
    let r = sqlx::query(
        "SELECT received_on, due_on, decided_on, province FROM dossiers WHERE code = $1",
    )
    .bind(code)
    .fetch_one(&mut c)
    .await
    .unwrap();
    (r.get(0), r.get(1), r.get(2), r.get(3))
}

#[tokio::test]
async fn filing_and_deciding_write_the_dates_the_figures_count_by() {
    let s = common::start().await;
    let citizen = sign_in(&s.base, CITIZEN).await;
    let staff = sign_in(&s.base, STAFF).await;
    let body = valid_body(&citizen, "death-registration").await;
    let receipt = citizen.submit_ok("stats-1", &body).await;
    let code = receipt["code"].as_str().unwrap().to_string();

    let today = Date::today_in_vietnam(portal_server::clock::now() * 1000);
    let catalogue: serde_json::Value = s
        .get("/api/v1/services/death-registration")
        .await
        .json()
        .await
        .unwrap();
    let days = catalogue["processing_time"]["working_days"].as_u64();
    let (received, due, decided, province) = dates(&s.db, &code).await;
    assert_eq!(received, today.iso());
    assert_eq!(
        due,
        days.map(|d| portal_core::statistics::due_date(today, d as u32).iso())
    );
    assert_eq!(decided, None);
    // The form's place (the sandbox's answers: Ba Đình, Hà Nội).
    assert_eq!(province.as_deref(), Some("01"));

    for to in ["in_processing", "approved"] {
        assert_eq!(
            staff.move_to(&code, to, None).await.status(),
            StatusCode::OK
        );
    }
    assert_eq!(dates(&s.db, &code).await.2, Some(today.iso()));
    // Moved on later (the result ready), the first decision's day is kept.
    assert_eq!(
        staff.move_to(&code, "result_ready", None).await.status(),
        StatusCode::OK
    );
    assert_eq!(dates(&s.db, &code).await.2, Some(today.iso()));
}
