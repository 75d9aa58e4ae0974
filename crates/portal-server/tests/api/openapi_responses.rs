//! What the identity, attachment, dossier, tracking and payment routes really send
//! matches the schemas of the committed OpenAPI document (the checker is in
//! `common/schema.rs`): required properties present, nothing undocumented.

use crate::common;

use crate::common::portal::{error_code, exe, pdf, sign_in, submission, CITIZEN, STAFF};
use crate::common::schema::{errors_of, openapi};
use serde_json::{json, Value};

fn assert_fits(doc: &Value, name: &str, value: &Value) {
    let errors = errors_of(doc, name, value);
    assert!(errors.is_empty(), "{name}: {errors:#?}\n{value:#}");
}

#[tokio::test]
async fn responses_match_their_schemas() {
    let doc = openapi();
    // Free-form answers, as in the other dossier-mechanics tests: every service of the
    // real catalogue now has a form, whose rules `dossiers_form_rules.rs` covers.
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let anon: Value = reqwest::get(format!("{}/api/v1/session", s.base))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_fits(&doc, "SessionInfo", &anon);

    let user = sign_in(&s.base, CITIZEN).await;
    let staff = sign_in(&s.base, STAFF).await;
    let (_, session) = user.get_json("/api/v1/session").await;
    assert_fits(&doc, "SessionInfo", &session);
    assert_eq!(session["prefill"]["personal_id"], "001085012345");
    assert_eq!(session["prefill"]["permanent_address"]["commune"], "00004");
    let (_, limits) = user.get_json("/api/v1/attachments/limits").await;
    assert_fits(&doc, "AttachmentLimits", &limits);

    let r = user.upload("to-khai.pdf", pdf(4000)).await;
    let attachment: Value = r.json().await.unwrap();
    assert_fits(&doc, "Attachment", &attachment);
    let id = attachment["id"].as_str().unwrap().to_string();

    let body = submission("test-fixed-fee", std::slice::from_ref(&id));
    let receipt = user.submit_ok("schema-1", &body).await;
    assert_fits(&doc, "Receipt", &receipt);
    let code = receipt["code"].as_str().unwrap().to_string();
    let path = format!("/api/v1/dossiers/{code}");

    let r = user.post(&format!("{path}/payments")).send().await.unwrap();
    let started: Value = r.json().await.unwrap();
    assert_fits(&doc, "PaymentStarted", &started);
    user.client
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
    staff.move_to(&code, "in_processing", None).await;
    let r = staff
        .move_to(&code, "additional_documents_requested", Some("Ảnh mờ"))
        .await;
    let moved: Value = r.json().await.unwrap();
    assert_fits(&doc, "FullDossier", &moved);
    assert!(moved["documents_requested"].is_object());

    let (_, full) = user.get_json(&path).await;
    assert_fits(&doc, "FullDossier", &full);
    assert_fits(&doc, "Attachment", &full["attachments"][0]);
    let secret = receipt["lookup_secret"].as_str().unwrap();
    let public: Value = reqwest::get(format!("{}{path}?secret={secret}", s.base))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_fits(&doc, "PublicDossier", &public);
    let (_, mine) = user.get_json("/api/v1/dossiers").await;
    assert_fits(&doc, "DossierList", &mine);
    // A line of the list names the catalogue version the dossier was filed under.
    assert_eq!(
        mine["dossiers"][0]["catalogue_version"],
        full["catalogue_version"]
    );
    let (_, all) = staff.get_json("/api/v1/staff/dossiers").await;
    assert_fits(&doc, "DossierList", &all);

    // Errors, with their details.
    let refused = user.upload("x.pdf", exe()).await;
    let refused: Value = refused.json().await.unwrap();
    assert_fits(&doc, "ErrorBody", &refused);
    let invalid = user
        .submit(
            "schema-2",
            &json!({"service_id": "ordinary-passport", "answers": []}),
        )
        .await;
    let invalid: Value = invalid.json().await.unwrap();
    assert_fits(&doc, "ErrorBody", &invalid);
    let problems = invalid["error"]["details"]["problems"].as_array().unwrap();
    assert!(!problems.is_empty());
    for p in problems {
        assert_fits(&doc, "Problem", p);
    }
    let r = user
        .get(&format!("/api/v1/dossiers/{code}x"))
        .send()
        .await
        .unwrap();
    let (status, code) = error_code(r).await;
    assert_eq!(
        (status.as_u16(), code.as_str()),
        (400, "lookup_credentials_required")
    );
}
