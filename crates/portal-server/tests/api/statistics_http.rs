//! What the public statistics will count by, written as dossiers are filed and decided:
//! the day received, the day due (by the service's processing time, as the receipt
//! counts it), the province filed in, and the day of the first decision.

use crate::common::forms::valid_body;
use crate::common::portal::{sign_in, CITIZEN, STAFF};
use crate::common::{self, db_conn};
use portal_core::validators::Date;
use reqwest::StatusCode;
use serde_json::Value;
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
    let body = valid_body(&citizen, "permanent-residence-deletion").await;
    let receipt = citizen.submit_ok("stats-1", &body).await;
    let code = receipt["code"].as_str().unwrap().to_string();

    let today = Date::today_in_vietnam(portal_server::clock::now() * 1000);
    let catalogue: serde_json::Value = s
        .get("/api/v1/services/permanent-residence-deletion")
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

/// The report's `totals` and Hà Nội's row, and the CSV line of Hà Nội.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_public_figures_count_filed_decided_and_rated_dossiers() {
    let s = common::start().await;
    let citizen = sign_in(&s.base, CITIZEN).await;
    let staff = sign_in(&s.base, STAFF).await;
    let mut codes = Vec::new();
    for n in 0..6 {
        // Each with its own uploaded files.
        let body = valid_body(&citizen, "permanent-residence-deletion").await;
        let receipt = citizen.submit_ok(&format!("figures-{n}"), &body).await;
        codes.push(receipt["code"].as_str().unwrap().to_string());
    }
    for code in &codes[..5] {
        for to in ["in_processing", "approved"] {
            assert_eq!(staff.move_to(code, to, None).await.status(), StatusCode::OK);
        }
    }
    let rated = citizen
        .post(&format!("/api/v1/dossiers/{}/rating", codes[0]))
        .json(&serde_json::json!({"rating": "satisfied"}))
        .send()
        .await
        .unwrap();
    assert_eq!(rated.status(), StatusCode::CREATED);

    // Anyone, signed out, for this month (the default period).
    let r = s.get("/api/v1/statistics").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("max-age=60"));
    let report: Value = r.json().await.unwrap();
    let today = Date::today_in_vietnam(portal_server::clock::now() * 1000);
    assert_eq!(
        report["period"],
        format!("{:04}-{:02}", today.year(), today.month())
    );
    assert_eq!(report["up_to"], today.iso());
    assert_eq!(report["generated_data"], false);
    let t = &report["totals"];
    assert_eq!(t["received_online"], 6);
    assert_eq!(t["decided"], 5);
    assert_eq!(t["still_open"], "< 5");
    assert_eq!(t["overdue_open"], 0);
    assert_eq!(t["satisfied"], "< 5");
    assert_eq!(t["online_share"], 100.0);
    assert_eq!(report["provinces"].as_array().unwrap().len(), 34);
    let hanoi = &report["provinces"][0];
    assert_eq!(
        (hanoi["code"].as_str(), hanoi["place"].as_u64()),
        (Some("01"), Some(1))
    );
    assert_eq!(hanoi["counts"]["received_online"], 6);
    let service = report["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "permanent-residence-deletion")
        .unwrap();
    assert_eq!(service["counts"]["decided"], 5);
    assert_eq!(service["provinces_reaching"], 1);
    assert_eq!(service["provinces_below"].as_array().unwrap().len(), 33);
    let month = report["months"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(month["received_online"], 6);

    // The same numbers as CSV and JSON, with the filters in the address.
    let csv = s
        .get("/api/v1/statistics/provinces.csv?province=01&sort=received-online")
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(csv.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("-01-provinces.csv"));
    let csv = csv.text().await.unwrap();
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("place,code,name,received,received_online"));
    assert!(
        lines.next().unwrap().starts_with("1,01,Hà Nội,6,6,0,5,"),
        "{csv}"
    );
    let json: Value = s
        .get("/api/v1/statistics/provinces.json?province=01&sort=received-online")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(json[0]["counts"]["received_online"], 6);
    let province: Value = s
        .get("/api/v1/statistics?province=79")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(province["province"]["name"], "Hồ Chí Minh");
    assert_eq!(province["totals"]["received_online"], 0);
}

#[tokio::test]
async fn filters_that_name_nothing_are_refused() {
    let s = common::start().await;
    for (path, status, code) in [
        (
            "/api/v1/statistics?period=2026-13",
            400,
            "bad_statistics_filter",
        ),
        (
            "/api/v1/statistics?province=1%27%20OR%201=1",
            400,
            "bad_statistics_filter",
        ),
        (
            "/api/v1/statistics?period=2999",
            400,
            "statistics_period_out_of_range",
        ),
        (
            "/api/v1/statistics?period=2010",
            400,
            "statistics_period_out_of_range",
        ),
        ("/api/v1/statistics?province=99", 404, "province_not_found"),
        (
            "/api/v1/statistics?service=no-such-service",
            404,
            "service_not_found",
        ),
        (
            "/api/v1/statistics/people.csv",
            404,
            "statistics_table_not_found",
        ),
    ] {
        let r = s.get(path).await;
        assert_eq!(r.status().as_u16(), status, "{path}");
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["error"]["code"], code, "{path}");
    }
}
