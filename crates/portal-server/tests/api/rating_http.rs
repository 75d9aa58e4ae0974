//! The applicant rates how a decided dossier was handled: once, only the applicant, only
//! after the decision; the comment stays with the applicant and staff.

use crate::common;
use crate::common::forms::valid_body;
use crate::common::portal::{error_code, sign_in, CITIZEN, CITIZEN_B, CITIZEN_ID_NUMBER, STAFF};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rated_once_by_the_applicant_after_the_decision() {
    let s = common::start().await;
    let citizen = sign_in(&s.base, CITIZEN).await;
    let other = sign_in(&s.base, CITIZEN_B).await;
    let staff = sign_in(&s.base, STAFF).await;
    let body = valid_body(&citizen, "stay-notification").await;
    let receipt = citizen.submit_ok("rate-1", &body).await;
    let code = receipt["code"].as_str().unwrap().to_string();
    let path = format!("/api/v1/dossiers/{code}/rating");
    let rate = |who: &common::portal::User, body: Value| {
        let r = who.post(&path).json(&body);
        async move { r.send().await.unwrap() }
    };

    // Not before the decision.
    let r = rate(&citizen, json!({"rating": "satisfied"})).await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::CONFLICT, "not_decided".into())
    );
    assert_eq!(
        staff.move_to(&code, "in_processing", None).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        staff.move_to(&code, "approved", None).await.status(),
        StatusCode::OK
    );

    // Not by someone else, nor malformed.
    let r = rate(&other, json!({"rating": "satisfied"})).await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::NOT_FOUND, "dossier_not_found".into())
    );
    let r = rate(&citizen, json!({"rating": "delighted"})).await;
    assert_eq!(error_code(r).await.1, "bad_request_body");
    let r = rate(
        &citizen,
        json!({"rating": "neutral", "comment": "x".repeat(1001)}),
    )
    .await;
    assert_eq!(error_code(r).await.1, "bad_request_body");

    // Twice at once: exactly one is kept.
    let (a, b) = tokio::join!(
        rate(
            &citizen,
            json!({"rating": "satisfied", "comment": "  Nhanh, cán bộ nhiệt tình.  "})
        ),
        rate(&citizen, json!({"rating": "not_satisfied"})),
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::CREATED, StatusCode::CONFLICT]);
    let r = rate(&citizen, json!({"rating": "neutral"})).await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::CONFLICT, "already_rated".into())
    );

    // The applicant and staff see it; a public lookup does not.
    let (_, mine) = citizen.get_json(&format!("/api/v1/dossiers/{code}")).await;
    let given = &mine["rating"];
    assert!(
        ["satisfied", "not_satisfied"].contains(&given["rating"].as_str().unwrap()),
        "{mine}"
    );
    if given["rating"] == "satisfied" {
        assert_eq!(given["comment"], "Nhanh, cán bộ nhiệt tình.");
    }
    let (_, seen) = staff.get_json(&format!("/api/v1/dossiers/{code}")).await;
    assert_eq!(seen["rating"], mine["rating"]);
    let public: Value = s
        .get(&format!(
            "/api/v1/dossiers/{code}?id_number={CITIZEN_ID_NUMBER}"
        ))
        .await
        .json()
        .await
        .unwrap();
    assert!(public.get("rating").is_none(), "{public}");
    assert!(!public.to_string().contains("nhiệt tình"));
}
