//! Every published form, on every branch the shared generator finds, for every kind of
//! applicant the service admits, filed over real HTTP to the real server as the web app
//! files it: each valid case gets a receipt whose fee is the one the form quotes, and each
//! generated mistake is refused at the same question with the same code the browser's own
//! check gives.

use crate::common;

use crate::common::forms::{body, identity, today, with_uploads};
use crate::common::portal::{pdf, problems, sign_in, BUSINESS, CITIZEN, CITIZEN_OLDER};
use portal_core::form::submission::attachment_ids;
use portal_core::form::{
    charge, invalid_cases, valid_cases, with_file_ids, Answer, Charge, IndexedForm, Places,
};
use portal_core::Audience;
use serde_json::{json, Value};

#[tokio::test]
async fn every_branch_of_every_form_is_accepted_and_every_mistake_refused_alike() {
    let s = common::start().await;
    let catalogue =
        portal_catalog::load_dir(&common::repo_root().join("catalog")).expect("catalog");
    let citizen = sign_in(&s.base, CITIZEN).await;
    let business = sign_in(&s.base, BUSINESS).await;
    let (citizen_id, business_id) = (identity(&citizen).await, identity(&business).await);
    let today = today();
    let (mut filed, mut refused, mut services) = (0, 0, 0);
    let mut failures = Vec::new();
    for service in &catalogue.services {
        let Some(form) = service.form.clone() else {
            continue;
        };
        services += 1;
        let form = IndexedForm::new(form);
        for &audience in &service.audiences {
            let (user, id) = match audience {
                Audience::Citizen => (&citizen, &citizen_id),
                Audience::Business => (&business, &business_id),
            };
            for case in valid_cases(&form, Some(id), &Places::sandbox(), today).cases {
                let answers = with_uploads(user, &case.answers).await;
                let key = format!("every-form-{filed}-{refused}-{}", failures.len());
                let r = user.submit(&key, &body(service, audience, &answers)).await;
                let status = r.status().as_u16();
                let receipt: Value = r.json().await.unwrap_or_default();
                if status != 201 {
                    failures.push(format!(
                        "{} ({audience:?}) {}: {status} {:?}",
                        service.id.0,
                        case.label,
                        problems(&receipt)
                    ));
                    continue;
                }
                filed += 1;
                // Every dossier is routed to the agency that receives it.
                if receipt["agency"]["code"].as_str().is_none() {
                    failures.push(format!(
                        "{} {}: not routed to an agency ({})",
                        service.id.0, case.label, receipt["agency"]
                    ));
                }
                // The receipt charges what Check answers quoted.
                let expected = match charge(&service.fees, Some((&form, &answers)), today) {
                    Charge::Free => json!({"status": "not_required"}),
                    Charge::Due(n) => json!({"status": "unpaid", "amount": n}),
                    Charge::Assessed => json!({"status": "awaiting_assessment"}),
                };
                if receipt["payment"] != expected {
                    failures.push(format!(
                        "{} {}: payment {} but the form quotes {expected}",
                        service.id.0, case.label, receipt["payment"]
                    ));
                }
            }
            // Mistakes: the files stay pending (nothing is filed), so one upload serves all.
            let one_file = user.upload_ok("giay-to.pdf", pdf(2000)).await;
            for case in invalid_cases(&form, Some(id), &Places::sandbox(), today) {
                // A file's type and size are what the server sniffed and measured, never
                // what a client claims: those mistakes need real files
                // (attachments_http.rs sends them).
                if matches!(case.code, "file-type" | "file-too-large" | "file-empty") {
                    continue;
                }
                let answers = with_file_ids(&case.answers, |_| one_file.clone());
                let mut b = body(service, audience, &answers);
                // The same file may stand for several questions' placeholders.
                b["attachments"] = json!(attachment_ids(&answers)
                    .into_iter()
                    .collect::<std::collections::BTreeSet<_>>());
                let r = user.submit(&format!("bad-{refused}"), &b).await;
                let status = r.status().as_u16();
                let v: Value = r.json().await.unwrap_or_default();
                let want = (format!("answers.{}", case.path), case.code.to_string());
                if status != 422 || !problems(&v).contains(&want) {
                    failures.push(format!(
                        "{} ({audience:?}) {}: wanted 422 {want:?}, got {status} {:?}",
                        service.id.0,
                        case.label,
                        problems(&v)
                    ));
                }
                refused += 1;
            }
        }
    }
    eprintln!(
        "every_form: {services} forms, {filed} generated applications filed, {refused} generated mistakes refused"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(services, 29, "every published service has a form");
    assert!(filed >= 200 && refused >= 1000, "{filed} / {refused}");
}

/// Issue "faults an attack run found", 1: the client chose the fee case, and a lost
/// passport (400,000 đ) sent with the cheaper case was charged 200,000 đ. The server now
/// computes the fee from the validated answers and the contract has no fee case.
#[tokio::test]
async fn the_client_cannot_choose_a_cheaper_fee() {
    let s = common::start().await;
    let catalogue =
        portal_catalog::load_dir(&common::repo_root().join("catalog")).expect("catalog");
    let service = catalogue.service("ordinary-passport").expect("passport");
    let form = IndexedForm::new(service.form.clone().expect("a form"));
    let user = sign_in(&s.base, CITIZEN).await;
    let id = identity(&user).await;
    let lost = valid_cases(&form, Some(&id), &Places::sandbox(), today())
        .cases
        .into_iter()
        .find(|c| c.label.contains("request_kind=lost"))
        .expect("a lost-passport case");
    let answers = with_uploads(&user, &lost.answers).await;
    let mut forged = body(service, Audience::Citizen, &answers);
    forged["fee_case"] = json!(0);
    let r = user.submit("cheaper-1", &forged).await;
    assert_eq!(
        r.status().as_u16(),
        400,
        "a fee case is not part of the contract"
    );
    let receipt = user
        .submit_ok("cheaper-2", &body(service, Audience::Citizen, &answers))
        .await;
    // The re-issue line's amount on the day (400,000, or half until 31 December 2026).
    let quote = form.quote(&answers, today());
    assert!(quote.lines[0].id.starts_with("replacement_passport"));
    assert_eq!(
        receipt["payment"],
        json!({"status": "unpaid", "amount": quote.total_online})
    );
    assert!(quote.total_online >= 200_000);
}

/// A client other than our browser sends answers the form never asked for (a question
/// that does not exist, and one hidden by the answers) and an ID number with invisible
/// characters: the dossier keeps only the shown questions' answers, normalised.
#[tokio::test]
async fn only_the_answers_the_form_asked_for_are_kept() {
    let s = common::start().await;
    let catalogue =
        portal_catalog::load_dir(&common::repo_root().join("catalog")).expect("catalog");
    let service = catalogue.service("ordinary-passport").expect("passport");
    let form = IndexedForm::new(service.form.clone().expect("a form"));
    let user = sign_in(&s.base, CITIZEN).await;
    let id = identity(&user).await;
    // Collected in person: the delivery address is not asked.
    let case = valid_cases(&form, Some(&id), &Places::sandbox(), today())
        .cases
        .into_iter()
        .find(|c| c.label.contains("delivery=in_person"))
        .expect("a case collected in person");
    assert!(case.answers.get("post_address").is_none());
    let answers = with_uploads(&user, &case.answers).await;
    let mut sent = body(service, Audience::Citizen, &answers);
    sent["answers"]["not_a_question"] = json!({"type": "text", "value": "x"});
    sent["answers"]["post_address"] = json!({"type": "address", "value": {"province": "01", "commune": "00004", "street": "hidden"}});
    let receipt = user.submit_ok("extra-answers", &sent).await;
    let code = receipt["code"].as_str().expect("code");
    let (_, dossier) = user.get_json(&portal_api::paths::dossier(code)).await;
    let kept = dossier["answers"].as_object().expect("answers");
    assert!(!kept.contains_key("not_a_question"), "{kept:?}");
    assert!(!kept.contains_key("post_address"), "{kept:?}");
    assert!(kept.contains_key("request_kind"));
}

/// Circular 16/2025/TT-BTC, Art. 5: older people pay no criminal record fee. The age comes
/// from the identity's date of birth, judged by the server on the day of filing: the same
/// answers cost an adult 200,000 đ and an older citizen nothing, and a client cannot make
/// itself older by sending another date of birth.
#[tokio::test]
async fn the_fee_exemption_by_age_follows_the_identity() {
    let s = common::start().await;
    let catalogue =
        portal_catalog::load_dir(&common::repo_root().join("catalog")).expect("catalog");
    let service = catalogue
        .service("judicial-record-certificate")
        .expect("criminal record");
    let form = IndexedForm::new(service.form.clone().expect("a form"));
    let standard = |c: &portal_core::form::Case| {
        c.answers.get("fee_category") == Some(&Answer::Choice("standard".into()))
    };
    let mut receipts = Vec::new();
    for (who, key) in [(CITIZEN, "age-adult"), (CITIZEN_OLDER, "age-older")] {
        let user = sign_in(&s.base, who).await;
        let id = identity(&user).await;
        let case = valid_cases(&form, Some(&id), &Places::sandbox(), today())
            .cases
            .into_iter()
            .find(standard)
            .expect("a case without a chosen exemption");
        let two_copies = case
            .answers
            .clone()
            .with("extra_copies", Answer::Text("0".into()));
        let answers = with_uploads(&user, &two_copies).await;
        receipts.push(
            user.submit_ok(key, &body(service, Audience::Citizen, &answers))
                .await,
        );
        if who == CITIZEN {
            // The adult claims the older citizen's date of birth: the applicant block is
            // locked to the identity, so the filing is refused, not made free.
            let Some(Answer::Person(mut older)) = answers.get("applicant").cloned() else {
                panic!("the applicant block is a person")
            };
            older.birth_date = "21/04/1958".into();
            let forged = answers.clone().with("applicant", Answer::Person(older));
            let r = user
                .submit("age-forged", &body(service, Audience::Citizen, &forged))
                .await;
            let status = r.status().as_u16();
            let v: Value = r.json().await.unwrap_or_default();
            assert_eq!(status, 422, "{v}");
            assert!(
                problems(&v)
                    .iter()
                    .any(|(path, _)| path.starts_with("answers.applicant")),
                "{:?}",
                problems(&v)
            );
        }
    }
    assert_eq!(
        receipts[0]["payment"],
        json!({"status": "unpaid", "amount": 200000})
    );
    assert_eq!(receipts[1]["payment"], json!({"status": "not_required"}));
}
