//! Fees over real HTTP: the sandbox provider's page, success, failure, cancel and retry,
//! the signed callback, and the refusals that keep a dossier from being marked paid by
//! anyone but the provider.

use crate::common;

use crate::common::portal::{
    self, error_code, pdf, sign_in, submission, User, CITIZEN, CITIZEN_B, STAFF,
};
use reqwest::StatusCode;
use serde_json::{json, Value};

const SECRET: &str = "test-callback-secret";

/// A dossier of the fixture service with a fixed 200,000 đ fee, unpaid.
async fn passport(user: &User, key: &str) -> String {
    let file = user.upload_ok("to-khai.pdf", pdf(3000)).await;
    let body = submission("test-fixed-fee", &[file]);
    let receipt = user.submit_ok(key, &body).await;
    assert_eq!(
        receipt["payment"],
        json!({"status": "unpaid", "amount": 200000})
    );
    receipt["code"].as_str().unwrap().to_string()
}

async fn start(user: &User, code: &str) -> (StatusCode, Value) {
    let r = user
        .post(&format!("/api/v1/dossiers/{code}/payments"))
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, r.json().await.unwrap())
}

async fn choose(user: &User, pay_url: &str, outcome: &str) -> reqwest::Response {
    user.client
        .post(format!("{}{pay_url}", user.base))
        .header("cookie", &user.cookie)
        .form(&[("outcome", outcome)])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn pay_fail_retry_succeed() {
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let staff = sign_in(&s.base, STAFF).await;
    let code = passport(&user, "p-1").await;
    let path = format!("/api/v1/dossiers/{code}");

    // The agency cannot start before the fee is paid.
    let r = staff.move_to(&code, "in_processing", None).await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::CONFLICT, "payment_outstanding".into())
    );

    let (status, first) = start(&user, &code).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(first["amount"], 200000);
    assert_eq!(first["status"], "pending");
    let pay_url = first["pay_url"].as_str().unwrap().to_string();
    // Starting again before finishing resumes the same attempt.
    let (status, again) = start(&user, &code).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["payment_id"], first["payment_id"]);

    let r = user
        .client
        .get(format!("{}{pay_url}", s.base))
        .header("cookie", &user.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("default-src 'none'"));
    let page = r.text().await.unwrap();
    assert!(page.contains("200.000 ₫") && page.contains(&code));
    for outcome in ["success", "failure", "cancel"] {
        assert!(page.contains(&format!("value=\"{outcome}\"")), "{outcome}");
    }
    assert!(!page.contains("<script"));

    // Failure: back to the portal, still unpaid, and the timeline says so.
    let r = choose(&user, &pay_url, "failure").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("/dossiers/{code}?payment=failure")
    );
    let (_, d) = user.get_json(&path).await;
    assert_eq!(d["payment"]["status"], "unpaid");
    assert_eq!(
        d["timeline"].as_array().unwrap().last().unwrap()["event"],
        "payment_failed"
    );
    // The ended attempt cannot be finished again.
    let r = user
        .client
        .get(format!("{}{pay_url}", s.base))
        .header("cookie", &user.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let r = choose(&user, &pay_url, "success").await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let (_, d) = user.get_json(&path).await;
    assert_eq!(
        d["payment"]["status"], "unpaid",
        "a finished attempt cannot turn into a success"
    );

    // Retry: a new attempt, which succeeds.
    let (status, retry) = start(&user, &code).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_ne!(retry["payment_id"], first["payment_id"]);
    let r = choose(&user, retry["pay_url"].as_str().unwrap(), "success").await;
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("/dossiers/{code}?payment=success")
    );
    let (_, d) = user.get_json(&path).await;
    assert_eq!(d["payment"], json!({"status": "paid", "amount": 200000}));
    let events: Vec<&str> = d["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        events,
        vec!["submitted", "payment_failed", "payment_succeeded"]
    );
    assert_eq!(d["timeline"][2]["by"], "payment");

    let (status, v) = start(&user, &code).await;
    assert_eq!(
        (status, v["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("already_paid"))
    );
    assert_eq!(
        staff.move_to(&code, "in_processing", None).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn cancel_then_pay_with_a_return_path() {
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let code = passport(&user, "p-2").await;
    let (_, first) = start(&user, &code).await;
    let r = choose(&user, first["pay_url"].as_str().unwrap(), "cancel").await;
    assert!(r.headers()["location"]
        .to_str()
        .unwrap()
        .ends_with("?payment=cancel"));
    let (_, d) = user.get_json(&format!("/api/v1/dossiers/{code}")).await;
    assert_eq!(d["payment"]["status"], "unpaid");
    assert_eq!(
        d["timeline"].as_array().unwrap().last().unwrap()["event"],
        "payment_cancelled"
    );

    let r = user
        .post(&format!("/api/v1/dossiers/{code}/payments"))
        .json(&json!({"return_to": "/receipt?draft=7"}))
        .send()
        .await
        .unwrap();
    let retry: Value = r.json().await.unwrap();
    let r = choose(&user, retry["pay_url"].as_str().unwrap(), "success").await;
    assert_eq!(r.headers()["location"], "/receipt?draft=7&payment=success");

    let other = passport(&user, "p-3").await;
    let r = user
        .post(&format!("/api/v1/dossiers/{other}/payments"))
        .json(&json!({"return_to": "https://evil.example/"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::BAD_REQUEST, "bad_request_body".into())
    );
}

#[tokio::test]
async fn payment_refusals() {
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let other = sign_in(&s.base, CITIZEN_B).await;
    let code = passport(&user, "p-4").await;

    // Free services have nothing to pay; other people's dossiers do not exist for you.
    let file = user.upload_ok("a.pdf", pdf(1000)).await;
    let free = user
        .submit_ok("free", &submission("stay-notification", &[file]))
        .await;
    let (status, v) = start(&user, free["code"].as_str().unwrap()).await;
    assert_eq!(
        (status, v["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("no_fee_due"))
    );
    let (status, v) = start(&other, &code).await;
    assert_eq!(
        (status, v["error"]["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("dossier_not_found"))
    );
    let r = portal::client()
        .post(format!("{}/api/v1/dossiers/{code}/payments", s.base))
        .header("x-portal-request", "1")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::UNAUTHORIZED, "not_signed_in".into())
    );
    let r = user
        .client
        .post(format!("{}/api/v1/dossiers/{code}/payments", s.base))
        .header("cookie", &user.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "cross_site_request".into())
    );

    // The payer cannot mark the dossier paid: the callback needs the provider's key.
    let (_, started) = start(&user, &code).await;
    let note = json!({
        "payment_id": started["payment_id"], "dossier_code": code, "amount": 200000, "outcome": "success"
    });
    let body = serde_json::to_vec(&note).unwrap();
    for signature in [
        None,
        Some(portal::sign_callback(&body, "guessed-key")),
        Some("sha256=00".to_string()),
    ] {
        let mut req = user
            .client
            .post(format!("{}/api/v1/payments/callback", s.base))
            .header("content-type", "application/json")
            .body(body.clone());
        if let Some(sig) = signature {
            req = req.header("x-sandbox-signature", sig);
        }
        let r = req.send().await.unwrap();
        assert_eq!(
            error_code(r).await,
            (StatusCode::UNAUTHORIZED, "bad_signature".into())
        );
    }
    let (_, d) = user.get_json(&format!("/api/v1/dossiers/{code}")).await;
    assert_eq!(d["payment"]["status"], "unpaid");

    // The provider's form refuses posts from other sites.
    let r = user
        .client
        .post(format!(
            "{}{}",
            s.base,
            started["pay_url"].as_str().unwrap()
        ))
        .header("origin", "https://evil.example")
        .form(&[("outcome", "success")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = user
        .client
        .get(format!(
            "{}/sandbox/pay/pay_00000000000000000000000000000000",
            s.base
        ))
        .header("cookie", &user.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_signed_callback_applies_once() {
    // The fixture catalogue, as in the other tests here: free-form answers to the passport.
    let s = common::portal::start_with_fixtures(|c| c.payment_secret = Some(SECRET.into())).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let code = passport(&user, "p-5").await;
    let (_, started) = start(&user, &code).await;
    let callback = |note: Value| {
        let body = serde_json::to_vec(&note).unwrap();
        portal::client()
            .post(format!("{}/api/v1/payments/callback", s.base))
            .header("content-type", "application/json")
            .header("x-sandbox-signature", portal::sign_callback(&body, SECRET))
            .body(body)
            .send()
    };
    let note = json!({
        "payment_id": started["payment_id"], "dossier_code": code, "amount": 200000, "outcome": "success"
    });

    let mut wrong_amount = note.clone();
    wrong_amount["amount"] = json!(1);
    let r = callback(wrong_amount).await.unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "payment_mismatch".into())
    );
    let mut unknown = note.clone();
    unknown["payment_id"] = json!("pay_00000000000000000000000000000000");
    let r = callback(unknown).await.unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::NOT_FOUND, "payment_not_found".into())
    );

    let r = callback(note.clone()).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["payment_status"], "paid");
    // A provider retrying its notification changes nothing.
    let r = callback(note.clone()).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let mut contradicting = note.clone();
    contradicting["outcome"] = json!("failure");
    let r = callback(contradicting).await.unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::CONFLICT, "payment_already_completed".into())
    );

    let (_, d) = user.get_json(&format!("/api/v1/dossiers/{code}")).await;
    let succeeded = d["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "payment_succeeded")
        .count();
    assert_eq!(succeeded, 1);
}

/// A payment link works only for the signed-in owner of the dossier: another person, or
/// nobody signed in, cannot see the amount or end the payment (fault: anyone holding
/// the link could mark it failed or cancelled).
#[tokio::test]
async fn a_payment_link_works_only_for_the_owner() {
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let owner = sign_in(&s.base, CITIZEN).await;
    let code = passport(&owner, "p-owner").await;
    let (_, started) = start(&owner, &code).await;
    let pay_url = started["pay_url"].as_str().unwrap().to_string();

    let other = sign_in(&s.base, CITIZEN_B).await;
    let r = other.get(&pay_url).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(!r.text().await.unwrap().contains(&code), "nothing revealed");
    assert_eq!(
        choose(&other, &pay_url, "cancel").await.status(),
        StatusCode::NOT_FOUND
    );
    let anonymous = portal::client();
    let r = anonymous
        .get(format!("{}{pay_url}", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let page = r.text().await.unwrap();
    assert!(page.contains("/auth/sign-in?return_to="), "{page}");
    assert!(!page.contains(&code));
    let r = anonymous
        .post(format!("{}{pay_url}", s.base))
        .form(&[("outcome", "failure")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    // Still pending: the owner pays.
    let (_, dossier) = owner.get_json(&format!("/api/v1/dossiers/{code}")).await;
    assert_eq!(dossier["payment"]["status"], "unpaid");
    let r = owner.get(&pay_url).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        choose(&owner, &pay_url, "success").await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, dossier) = owner.get_json(&format!("/api/v1/dossiers/{code}")).await;
    assert_eq!(dossier["payment"]["status"], "paid");
}

/// Without `--sandbox-payments` there is no pretend provider: starting a payment says
/// paying online is unavailable, and the provider's pages do not exist.
#[tokio::test]
async fn the_sandbox_payment_provider_is_off_unless_turned_on() {
    let s = common::portal::start_with_fixtures(|c| c.sandbox_payments = false).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let code = passport(&user, "p-off").await;
    let r = user
        .post(&format!("/api/v1/dossiers/{code}/payments"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "payment_unavailable".into()
        )
    );
    let r = user
        .get("/sandbox/pay/pay_00000000000000000000000000000000")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let (_, session) = user.get_json("/api/v1/session").await;
    assert_eq!(
        session["sandbox"], true,
        "the sign-in is still the sandbox's"
    );
}
