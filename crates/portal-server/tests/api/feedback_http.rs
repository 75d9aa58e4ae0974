//! Feedback on the portal: anyone may send it from the portal's pages, the form engine
//! judges it, one address is limited per hour, and only dossier officers read it.

use crate::common::portal::{error_code, sign_in, CITIZEN, STAFF};
use crate::common::{self, count};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn send(s: &common::TestServer, cookie: Option<&str>, body: &Value) -> reqwest::Response {
    let mut r = s
        .client
        .post(format!("{}/api/v1/feedback", s.base))
        .header("x-portal-request", "1")
        .json(body);
    if let Some(c) = cookie {
        r = r.header("cookie", c);
    }
    r.send().await.expect("feedback")
}

#[tokio::test]
async fn feedback_is_judged_kept_without_identity_limited_and_read_by_officers() {
    let s = common::start().await;
    let citizen = sign_in(&s.base, CITIZEN).await;
    let r = send(
        &s,
        None,
        &json!({"page": "/services/birth-registration/apply/child", "message": "Không thấy nút Tiếp tục trên điện thoại"}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = send(
        &s,
        Some(&citizen.cookie),
        &json!({"page": "https://evil.example/x", "message": "Rõ ràng", "email": "an@example.vn"}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);

    // The engine's rules, with problems the page can link to.
    let r = send(
        &s,
        None,
        &json!({"page": "/", "message": "  ", "email": "not an email"}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid_feedback");
    let paths: Vec<&str> = body["error"]["details"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec!["message", "email"]);
    let r = send(&s, None, &json!({"page": "/", "message": "x".repeat(1201)})).await;
    assert_eq!(error_code(r).await.1, "invalid_feedback");
    let r = send(&s, None, &json!({"page": "/", "message": "x", "extra": 1})).await;
    assert_eq!(error_code(r).await.1, "bad_request_body");
    // Not from the portal's own pages.
    let r = s
        .client
        .post(format!("{}/api/v1/feedback", s.base))
        .json(&json!({"page": "/", "message": "spam"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "cross_site_request".into())
    );

    // Staff who handle dossiers read it; a citizen may not; nothing names the sender.
    let (status, _) = citizen.get_json("/api/v1/staff/feedback").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let officer = sign_in(&s.base, STAFF).await;
    let (status, list) = officer.get_json("/api/v1/staff/feedback").await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let items = list["feedback"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["message"], "Rõ ràng");
    assert_eq!(items[0]["page"], "/", "another site's address is not kept");
    assert_eq!(items[0]["email"], "an@example.vn");
    assert_eq!(items[0]["signed_in"], true);
    assert_eq!(items[1]["page"], "/services/birth-registration/apply/child");
    assert_eq!(items[1]["signed_in"], false);
    assert!(!list.to_string().contains(CITIZEN) && !list.to_string().contains("127.0.0.1"));

    // Ten an hour from one address.
    for i in 2..10 {
        let r = send(
            &s,
            None,
            &json!({"page": "/", "message": format!("góp ý {i}")}),
        )
        .await;
        assert_eq!(r.status(), StatusCode::NO_CONTENT);
    }
    let r = send(&s, None, &json!({"page": "/", "message": "one too many"})).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers()["retry-after"], "3600");
    assert_eq!(count(&s.db, "SELECT COUNT(*) FROM feedback").await, 10);
}
