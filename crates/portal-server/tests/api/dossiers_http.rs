//! Submitting and tracking dossiers over real HTTP: receipts and codes, exactly-once
//! submission, server-side validation, bundles, the status timeline with additional
//! documents, and every authorisation refusal.

use crate::common;

use crate::common::portal::{
    self, error_code, pdf, png, sign_in, start_with_fixtures, submission, User, BUSINESS, CITIZEN,
    CITIZEN_B, CITIZEN_ID_NUMBER, STAFF,
};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn is_dossier_code(code: &str) -> bool {
    // 000.00.00.H99-YYMMDD-NNNN
    let parts: Vec<&str> = code.split('-').collect();
    parts.len() == 3
        && parts[0] == "000.00.00.H99"
        && parts[1].len() == 6
        && parts[1].bytes().all(|b| b.is_ascii_digit())
        && parts[2].len() >= 4
        && parts[2].bytes().all(|b| b.is_ascii_digit())
}

async fn uploads(user: &User, n: usize) -> Vec<String> {
    let mut ids = Vec::new();
    for i in 0..n {
        ids.push(
            user.upload_ok(&format!("scan-{i}.pdf"), pdf(2000 + i))
                .await,
        );
    }
    ids
}

fn timeline_statuses(d: &Value) -> Vec<(String, String)> {
    d["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["event"].as_str().unwrap_or_default().to_string(),
                e["status"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_submission_gets_a_receipt_and_can_be_followed() {
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let files = uploads(&user, 2).await;
    // A free service (birth registration charges extra extracts, which the fixture
    // catalogue, without forms, cannot count).
    let r = user
        .submit("draft-1", &submission("stay-notification", &files))
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    assert_eq!(r.headers()["cache-control"], "no-store");
    assert!(r.headers().get("idempotent-replayed").is_none());
    let location = r.headers()["location"].to_str().unwrap().to_string();
    let receipt: Value = r.json().await.unwrap();
    let code = receipt["code"].as_str().unwrap();
    assert!(is_dossier_code(code), "{code}");
    assert!(
        code.ends_with("-0001"),
        "the first dossier of the day: {code}"
    );
    assert_eq!(location, format!("/api/v1/dossiers/{code}"));
    assert_eq!(receipt["status"], "received");
    assert_eq!(receipt["payment"]["status"], "not_required");
    assert_eq!(
        receipt["procedures"],
        json!([{"service_id": "stay-notification", "status": "received"}])
    );
    assert_eq!(receipt["attachments"], json!(files));
    let secret = receipt["lookup_secret"].as_str().unwrap();
    assert_eq!(secret.len(), 14);

    let (status, d) = user.get_json(&location).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(d["answers"]["child_name"], "Nguyễn Văn Bé");
    assert_eq!(d["applicant"]["id_number"], CITIZEN_ID_NUMBER);
    assert_eq!(d["lookup_secret"], secret);
    assert_eq!(d["attachments"].as_array().unwrap().len(), 2);
    assert_eq!(d["attachments"][0]["dossier_code"], code);
    assert_eq!(
        timeline_statuses(&d),
        vec![("submitted".into(), "received".into())]
    );
    assert_eq!(d["timeline"][0]["by"], "applicant");

    let more = uploads(&user, 1).await;
    let second = user
        .submit_ok("draft-2", &submission("birth-registration", &more))
        .await;
    assert!(second["code"].as_str().unwrap().ends_with("-0002"));
    let (_, list) = user.get_json("/api/v1/dossiers").await;
    let codes: Vec<&str> = list["dossiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        vec![second["code"].as_str().unwrap(), code],
        "newest first"
    );
}

#[tokio::test]
async fn double_click_retry_and_replay_create_exactly_one_dossier() {
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let files = uploads(&user, 1).await;
    let body = submission("birth-registration", &files);

    // A double click: two identical requests at once.
    let (a, b) = tokio::join!(
        user.submit("draft-42", &body),
        user.submit("draft-42", &body)
    );
    let replayed = [&a, &b]
        .iter()
        .filter(|r| r.headers().get("idempotent-replayed").is_some())
        .count();
    assert_eq!(
        (a.status(), b.status()),
        (StatusCode::CREATED, StatusCode::CREATED)
    );
    assert_eq!(replayed, 1, "one created, one replayed");
    let (a, b): (Value, Value) = (a.json().await.unwrap(), b.json().await.unwrap());
    assert_eq!(a, b, "the same receipt, secret included");

    // A retry after a timeout, with the body re-serialised in another key order.
    let reordered = format!(
        r#"{{"attachments": {}, "answers": {{"note": "thử nghiệm", "child_name": "Nguyễn Văn Bé"}}, "service_id": "birth-registration"}}"#,
        json!(files)
    );
    let r = user
        .post("/api/v1/dossiers")
        .header("idempotency-key", "draft-42")
        .header("content-type", "application/json")
        .body(reordered)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    assert_eq!(r.headers()["idempotent-replayed"], "true");
    assert_eq!(r.json::<Value>().await.unwrap(), a);

    // The same key with a different body is a client bug, not a new dossier.
    let mut changed = body.clone();
    changed["answers"]["note"] = json!("khác");
    let r = user.submit("draft-42", &changed).await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::CONFLICT, "idempotency_key_reused".into())
    );

    // Keys are per person: another citizen's "draft-42" is theirs.
    let other = sign_in(&s.base, CITIZEN_B).await;
    let theirs = uploads(&other, 1).await;
    let r = other
        .submit_ok("draft-42", &submission("birth-registration", &theirs))
        .await;
    assert_ne!(r["code"], a["code"]);

    // A new sign-in (same person) replays too: the key belongs to the person.
    let again = sign_in(&s.base, CITIZEN).await;
    let r = again.submit("draft-42", &body).await;
    assert_eq!(r.headers()["idempotent-replayed"], "true");

    let (_, list) = user.get_json("/api/v1/dossiers").await;
    assert_eq!(list["dossiers"].as_array().unwrap().len(), 1);

    for (key, code) in [
        (None, "idempotency_key_missing"),
        (Some("has space"), "bad_idempotency_key"),
    ] {
        let mut req = user.post("/api/v1/dossiers").json(&body);
        if let Some(k) = key {
            req = req.header("idempotency-key", k);
        }
        let r = req.send().await.unwrap();
        assert_eq!(
            error_code(r).await,
            (StatusCode::BAD_REQUEST, code.to_string())
        );
    }
}

#[tokio::test]
async fn the_server_re_validates_and_explains() {
    let s = start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let files = uploads(&user, 1).await;
    let problems = |v: &Value| -> Vec<String> {
        v["error"]["details"]["problems"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|p| p["code"].as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let cases = [
        (
            json!({"service_id": "no-such-service", "answers": {}}),
            "unknown_service",
        ),
        (
            json!({"service_id": "birth-registration", "answers": "text", "attachments": files}),
            "answers_not_object",
        ),
        (
            json!({"service_id": "test-business-only", "answers": {}}),
            "applicant_not_allowed",
        ),
        (
            json!({"service_id": "test-business-only", "applicant": "business", "answers": {}}),
            "not_a_business_representative",
        ),
        (
            json!({"service_id": "test-birth-bundle", "answers": {}, "attachments": files, "procedures": ["ordinary-passport"]}),
            "unknown_procedure",
        ),
        (
            json!({"service_id": "birth-registration", "answers": {}, "attachments": files, "procedures": ["death-registration"]}),
            "procedures_not_allowed",
        ),
        (
            json!({"service_id": "birth-registration", "answers": {}, "attachments": ["att_00000000000000000000000000000000"]}),
            "attachment_not_found",
        ),
    ];
    for (body, expected) in cases {
        let r = user.submit("draft-v", &body).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["error"]["code"], "invalid_dossier");
        assert!(
            problems(&v).contains(&expected.to_string()),
            "{expected}: {v}"
        );
    }
    for (raw, status, code) in [
        ("{not json", StatusCode::BAD_REQUEST, "bad_request_body"),
        (
            r#"{"service_id": "birth-registration", "answers": {}, "extra": 1}"#,
            StatusCode::BAD_REQUEST,
            "bad_request_body",
        ),
        ("", StatusCode::BAD_REQUEST, "bad_request_body"),
    ] {
        let r = user
            .post("/api/v1/dossiers")
            .header("idempotency-key", "draft-v")
            .header("content-type", "application/json")
            .body(raw)
            .send()
            .await
            .unwrap();
        assert_eq!(error_code(r).await, (status, code.to_string()), "{raw}");
    }
    let huge =
        json!({"service_id": "birth-registration", "answers": {"x": "y".repeat(600 * 1024)}});
    let r = user.submit("draft-v", &huge).await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::PAYLOAD_TOO_LARGE, "body_too_large".into())
    );

    // Refusals did not use up the key: the corrected dossier goes through with it.
    let ok = user
        .submit_ok("draft-v", &submission("birth-registration", &files))
        .await;
    assert_eq!(ok["status"], "received");

    // A business representative files for the business.
    let rep = sign_in(&s.base, BUSINESS).await;
    let receipt = rep
        .submit_ok(
            "b-1",
            &json!({"service_id": "test-business-only", "applicant": "business", "answers": {}}),
        )
        .await;
    let (_, d) = rep
        .get_json(&format!(
            "/api/v1/dossiers/{}",
            receipt["code"].as_str().unwrap()
        ))
        .await;
    assert_eq!(d["applicant"]["kind"], "business");
    assert_eq!(d["applicant"]["tax_code"], "0109876532");
}

#[tokio::test]
async fn the_timeline_and_additional_documents() {
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let staff = sign_in(&s.base, STAFF).await;
    let files = uploads(&user, 1).await;
    let receipt = user
        .submit_ok("t-1", &submission("birth-registration", &files))
        .await;
    let code = receipt["code"].as_str().unwrap().to_string();
    let path = format!("/api/v1/dossiers/{code}");

    let r = staff.move_to(&code, "approved", None).await;
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "invalid_transition");
    assert_eq!(
        v["error"]["details"],
        json!({"from": "received", "to": "approved"})
    );
    assert_eq!(
        staff.move_to(&code, "in_processing", None).await.status(),
        StatusCode::OK
    );
    let r = staff
        .move_to(&code, "additional_documents_requested", Some("  "))
        .await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "reason_required".into())
    );
    let reason = "Ảnh giấy chứng sinh bị mờ, hãy tải lên bản rõ hơn.";
    let r = staff
        .move_to(&code, "additional_documents_requested", Some(reason))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let staff_view: Value = r.json().await.unwrap();
    assert!(
        staff_view.get("lookup_secret").is_none(),
        "staff never see the secret"
    );

    let (_, d) = user.get_json(&path).await;
    assert_eq!(d["status"], "additional_documents_requested");
    assert_eq!(d["documents_requested"]["reason"], reason);
    assert_eq!(
        d["documents_requested"]["procedures"],
        json!(["birth-registration"])
    );
    assert_eq!(d["timeline"][2]["by"], "agency");

    // The citizen adds a clearer scan to the same dossier.
    let clearer = user.upload_ok("ro-hon.png", png()).await;
    let add = json!({"attachments": [clearer], "note": "Đã chụp lại"});
    let r = user
        .post(&format!("{path}/documents"))
        .json(&add)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let d: Value = r.json().await.unwrap();
    assert_eq!(d["status"], "in_processing");
    assert!(d.get("documents_requested").is_none());
    let added = d["attachments"].as_array().unwrap();
    assert_eq!(added.len(), 2);
    assert_eq!(added[1]["supplement"], true);
    // A retry of the same addition answers with the dossier, unchanged.
    let r = user
        .post(&format!("{path}/documents"))
        .json(&add)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let again: Value = r.json().await.unwrap();
    assert_eq!(again["attachments"].as_array().unwrap().len(), 2);
    // Nothing more can be added until the agency asks.
    let extra = user.upload_ok("extra.pdf", pdf(900)).await;
    let r = user
        .post(&format!("{path}/documents"))
        .json(&json!({"attachments": [extra]}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::CONFLICT, "not_awaiting_documents".into())
    );

    assert_eq!(
        staff.move_to(&code, "approved", None).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        staff.move_to(&code, "result_ready", None).await.status(),
        StatusCode::OK
    );
    let r = staff.move_to(&code, "rejected", Some("late")).await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::CONFLICT, "invalid_transition".into())
    );

    let (_, d) = user.get_json(&path).await;
    let expected: Vec<(String, String)> = [
        ("submitted", "received"),
        ("status_changed", "in_processing"),
        ("status_changed", "additional_documents_requested"),
        ("documents_added", "in_processing"),
        ("status_changed", "approved"),
        ("status_changed", "result_ready"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(timeline_statuses(&d), expected);
    assert_eq!(d["timeline"][3]["reason"], "Đã chụp lại");

    // Rejection carries its reason too.
    let more = uploads(&user, 1).await;
    let second = user
        .submit_ok("t-2", &submission("birth-registration", &more))
        .await;
    let code2 = second["code"].as_str().unwrap();
    let r = staff
        .move_to(code2, "rejected", Some("Không thuộc thẩm quyền"))
        .await;
    let d: Value = r.json().await.unwrap();
    assert_eq!(d["status"], "rejected");
    assert_eq!(d["timeline"][1]["reason"], "Không thuộc thẩm quyền");
}

#[tokio::test]
async fn a_bundle_is_one_dossier_tracking_each_procedure() {
    let s = start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let staff = sign_in(&s.base, STAFF).await;
    let files = uploads(&user, 1).await;
    let receipt = user
        .submit_ok("bundle-1", &submission("test-birth-bundle", &files))
        .await;
    let code = receipt["code"].as_str().unwrap().to_string();
    assert_eq!(
        receipt["procedures"],
        json!([
            {"service_id": "birth-registration", "status": "received"},
            {"service_id": "permanent-residence-registration", "status": "received"}
        ])
    );
    assert_eq!(
        receipt["payment"],
        json!({"status": "unpaid", "amount": 10000})
    );

    // Pay through the sandbox provider, then the agency can start.
    let r = user
        .post(&format!("/api/v1/dossiers/{code}/payments"))
        .send()
        .await
        .unwrap();
    let started: Value = r.json().await.unwrap();
    let r = user
        .client
        .post(format!(
            "{}{}",
            s.base,
            started["pay_url"].as_str().unwrap()
        ))
        .header("cookie", &user.cookie)
        .form(&[("outcome", "success")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        staff.move_to(&code, "in_processing", None).await.status(),
        StatusCode::OK
    );

    let step = |procedure: &str, status: &str, reason: Option<&str>| {
        let mut body = json!({"status": status, "procedure": procedure});
        if let Some(r) = reason {
            body["reason"] = json!(r);
        }
        staff
            .post(&format!("/api/v1/staff/dossiers/{code}/status"))
            .json(&body)
            .send()
    };
    assert_eq!(
        step("birth-registration", "approved", None)
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        step("birth-registration", "result_ready", None)
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let r = step(
        "permanent-residence-registration",
        "additional_documents_requested",
        Some("Thiếu xác nhận của chủ hộ"),
    )
    .await
    .unwrap();
    let d: Value = r.json().await.unwrap();
    assert_eq!(
        d["status"], "additional_documents_requested",
        "the applicant must act"
    );
    assert_eq!(d["procedures"][0]["status"], "result_ready");
    assert_eq!(
        d["procedures"][1]["status"],
        "additional_documents_requested"
    );
    assert_eq!(
        d["documents_requested"]["procedures"],
        json!(["permanent-residence-registration"])
    );
    let last = d["timeline"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["procedure"], "permanent-residence-registration");

    let r = step("ordinary-passport", "approved", None).await.unwrap();
    assert_eq!(
        error_code(r).await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "procedure_not_in_dossier".into()
        )
    );

    let consent = user.upload_ok("xac-nhan.pdf", pdf(1200)).await;
    let r = user
        .post(&format!("/api/v1/dossiers/{code}/documents"))
        .json(&json!({"attachments": [consent]}))
        .send()
        .await
        .unwrap();
    let d: Value = r.json().await.unwrap();
    assert_eq!(d["procedures"][1]["status"], "in_processing");
    assert_eq!(
        d["procedures"][0]["status"], "result_ready",
        "the other procedure is untouched"
    );
    assert_eq!(d["status"], "in_processing");
    step("permanent-residence-registration", "approved", None)
        .await
        .unwrap();
    step("permanent-residence-registration", "result_ready", None)
        .await
        .unwrap();
    let (_, d) = user.get_json(&format!("/api/v1/dossiers/{code}")).await;
    assert_eq!(d["status"], "result_ready");

    // The optional procedure is filed when chosen, in the bundle's order.
    let one = uploads(&user, 1).await;
    let mut body = submission("test-birth-bundle", &one);
    body["procedures"] = json!(["child-health-insurance-card", "birth-registration"]);
    let r = user.submit_ok("bundle-2", &body).await;
    let filed: Vec<&str> = r["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["service_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        filed,
        vec![
            "birth-registration",
            "permanent-residence-registration",
            "child-health-insurance-card"
        ]
    );
}

#[tokio::test]
async fn every_tracking_and_staff_refusal() {
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let owner = sign_in(&s.base, CITIZEN).await;
    let other = sign_in(&s.base, CITIZEN_B).await;
    let staff = sign_in(&s.base, STAFF).await;
    let anon = portal::client();
    let files = uploads(&owner, 1).await;
    let receipt = owner
        .submit_ok("r-1", &submission("birth-registration", &files))
        .await;
    let code = receipt["code"].as_str().unwrap().to_string();
    let secret = receipt["lookup_secret"].as_str().unwrap().to_string();
    let path = format!("/api/v1/dossiers/{code}");
    let url = |p: &str| format!("{}{p}", s.base);

    // Submitting needs a session and the portal's header.
    let r = anon
        .post(url("/api/v1/dossiers"))
        .header("x-portal-request", "1")
        .header("idempotency-key", "x")
        .json(&submission("birth-registration", &files))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::UNAUTHORIZED, "not_signed_in".into())
    );
    let r = owner
        .client
        .post(url("/api/v1/dossiers"))
        .header("cookie", &owner.cookie)
        .header("idempotency-key", "x")
        .json(&submission("birth-registration", &files))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "cross_site_request".into())
    );
    let r = owner
        .post("/api/v1/dossiers")
        .header("sec-fetch-site", "cross-site")
        .header("idempotency-key", "x")
        .json(&submission("birth-registration", &files))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "cross_site_request".into())
    );

    // Another citizen sees nothing of it without a credential, and it is not in their list.
    let (status, v) = other.get_json(&path).await;
    assert_eq!(
        (status, v["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("lookup_credentials_required"))
    );
    let (_, list) = other.get_json("/api/v1/dossiers").await;
    assert_eq!(list["dossiers"], json!([]));
    let r = other
        .post(&format!("{path}/documents"))
        .json(&json!({"attachments": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::NOT_FOUND, "dossier_not_found".into())
    );
    let r = other
        .post(&format!("{path}/payments"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::NOT_FOUND, "dossier_not_found".into())
    );
    let r = anon.get(url("/api/v1/dossiers")).send().await.unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::UNAUTHORIZED, "not_signed_in".into())
    );

    // Public lookup: the right credential shows status and timeline only.
    for query in [
        format!("secret={}", secret.to_lowercase().replace('-', " ")),
        format!("id_number={}", "001 085 012345".replace(' ', "%20")),
    ] {
        let r = anon
            .get(url(&format!("{path}?{query}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{query}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["status"], "received");
        assert!(v["timeline"].is_array());
        for private in ["answers", "attachments", "applicant", "lookup_secret"] {
            assert!(v.get(private).is_none(), "{private} leaked");
        }
    }
    // A wrong credential and a code that does not exist answer the same.
    let wrong = anon
        .get(url(&format!("{path}?id_number=001085999999")))
        .send()
        .await
        .unwrap();
    let missing = anon
        .get(url(
            "/api/v1/dossiers/000.00.00.H99-250101-9999?id_number=001085012345",
        ))
        .send()
        .await
        .unwrap();
    let (mut w, mut m): (Value, Value) =
        (wrong.json().await.unwrap(), missing.json().await.unwrap());
    // Each answer names its own request; nothing else may differ.
    for v in [&mut w, &mut m] {
        let id = v["error"]
            .as_object_mut()
            .and_then(|e| e.remove("request_id"));
        assert!(id.is_some_and(|i| i.as_str().is_some_and(|s| s.starts_with("req_"))));
    }
    assert_eq!(w, m);
    assert_eq!(w["error"]["code"], "dossier_not_found");
    let r = anon.get(url(&path)).send().await.unwrap();
    assert_eq!(
        error_code(r).await,
        (
            StatusCode::BAD_REQUEST,
            "lookup_credentials_required".into()
        )
    );

    // Guessing is cut off: after 10 wrong tries (two above, eight here) the address is
    // refused every lookup, even the right one (`attack.rs` shows the owner elsewhere is
    // still served).
    for i in 0..8 {
        let r = anon
            .get(url(&format!("{path}?secret=WRONG-{i:04}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    }
    let r = anon
        .get(url(&format!("{path}?secret={secret}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers()["retry-after"], "3600");
    assert_eq!(error_code(r).await.1, "lookup_locked");
    // The applicant, signed in, is not locked out of their own dossier.
    let (status, _) = owner.get_json(&path).await;
    assert_eq!(status, StatusCode::OK);

    // Trying many codes with one known ID number is limited the same way (from another
    // address, as the first one is now refused anything).
    let anon = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 7]))
        .build()
        .unwrap();
    let known_id = "079192004321";
    for n in 0..10 {
        let r = anon
            .get(url(&format!(
                "/api/v1/dossiers/000.00.00.H99-250101-{n:04}?id_number={known_id}"
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    }
    let r = anon
        .get(url(&format!(
            "/api/v1/dossiers/000.00.00.H99-250101-0099?id_number={known_id}"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::TOO_MANY_REQUESTS, "lookup_locked".into())
    );

    // Staff endpoints refuse everyone but staff.
    let r = owner.get("/api/v1/staff/dossiers").send().await.unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "staff_only".into())
    );
    let r = anon
        .get(url("/api/v1/staff/dossiers"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::UNAUTHORIZED, "not_signed_in".into())
    );
    let r = owner.move_to(&code, "in_processing", None).await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "staff_only".into())
    );
    let r = anon
        .post(url(&format!("/api/v1/staff/dossiers/{code}/status")))
        .header("x-portal-request", "1")
        .json(&json!({"status": "in_processing"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::UNAUTHORIZED, "not_signed_in".into())
    );
    let r = staff
        .client
        .post(url(&format!("/api/v1/staff/dossiers/{code}/status")))
        .header("cookie", &staff.cookie)
        .json(&json!({"status": "in_processing"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "cross_site_request".into())
    );
    let r = staff
        .move_to("000.00.00.H99-250101-9999", "in_processing", None)
        .await;
    assert_eq!(
        error_code(r).await,
        (StatusCode::NOT_FOUND, "dossier_not_found".into())
    );
    let r = staff
        .post(&format!("/api/v1/staff/dossiers/{code}/status"))
        .json(&json!({"status": "done"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::BAD_REQUEST, "bad_request_body".into())
    );

    // Staff see every dossier, in full.
    let (status, list) = staff
        .get_json("/api/v1/staff/dossiers?status=received")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["dossiers"][0]["code"], code);
    let (status, d) = staff.get_json(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(d["answers"]["child_name"], "Nguyễn Văn Bé");
    let r = staff
        .get("/api/v1/staff/dossiers?status=done")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::BAD_REQUEST, "bad_query".into())
    );
}

#[tokio::test]
async fn the_deadline_for_documents_is_fixed_by_the_server_when_the_agency_asks() {
    let s = start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let staff = sign_in(&s.base, STAFF).await;
    let files = uploads(&user, 1).await;
    let receipt = user
        .submit_ok("due-1", &submission("birth-registration", &files))
        .await;
    let code = receipt["code"].as_str().unwrap().to_string();
    let path = format!("/api/v1/dossiers/{code}");
    assert_eq!(
        staff.move_to(&code, "in_processing", None).await.status(),
        StatusCode::OK
    );
    let r = staff
        .move_to(
            &code,
            "additional_documents_requested",
            Some("Thiếu bản sao"),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);

    // The shared rule (7 working days, counted in Vietnam) from the request's own time.
    let (_, d) = user.get_json(&path).await;
    let request = &d["documents_requested"];
    // `at` is RFC 3339 in UTC, `2025-07-01T03:04:05Z`.
    let at = request["at"].as_str().unwrap();
    let day = portal_core::validators::Date::parse_iso(&at[..10]).unwrap();
    let clock: Vec<i64> = at[11..19].split(':').map(|n| n.parse().unwrap()).collect();
    let at = day.days_since_epoch() * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2];
    let expected = portal_core::dossier::supplement_deadline(at * 1000)
        .unwrap()
        .iso();
    assert_eq!(request["due"], expected.as_str());
    assert_eq!(
        request["working_days"],
        portal_core::dossier::SUPPLEMENT_WORKING_DAYS
    );
    // Anyone following it with the code and ID number sees the same deadline.
    let public: Value = s
        .get(&format!("{path}?id_number={CITIZEN_ID_NUMBER}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(public["documents_requested"]["due"], expected.as_str());

    // The deadline is kept with the request: what was stored is what is shown, even if
    // the rule is different by then.
    let set = |due: Option<&'static str>, days: Option<i64>| {
        let db = s.db.clone();
        async move {
            let mut c = common::db_conn(&db).await;
            sqlx::query(
                "UPDATE dossier_events SET due = $1, due_working_days = $2
                 WHERE status = 'additional_documents_requested'",
            )
            .bind(due)
            .bind(days)
            .execute(&mut c)
            .await
            .unwrap()
            .rows_affected()
        }
    };
    assert_eq!(set(Some("2030-01-02"), Some(15)).await, 1);
    let (_, d) = user.get_json(&path).await;
    assert_eq!(d["documents_requested"]["due"], "2030-01-02");
    assert_eq!(d["documents_requested"]["working_days"], 15);

    // A request stored before deadlines were kept gets one counted from its time.
    set(None, None).await;
    let (_, d) = user.get_json(&path).await;
    assert_eq!(d["documents_requested"]["due"], expected.as_str());
    assert_eq!(d["documents_requested"]["working_days"], 7);

    // Once the documents are added there is no request, and no deadline, any more.
    let clearer = user.upload_ok("ro-hon.png", png()).await;
    let r = user
        .post(&format!("{path}/documents"))
        .json(&json!({ "attachments": [clearer] }))
        .send()
        .await
        .unwrap();
    let d: Value = r.json().await.unwrap();
    assert!(d.get("documents_requested").is_none());
}
