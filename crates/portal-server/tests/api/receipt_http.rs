//! The receipt PDF over real HTTP: what it says is read back out of the PDF and matches
//! the dossier; only the applicant and dossier officers can download it.

use crate::common::portal::{self, pdf, sign_in, submission, CITIZEN, CITIZEN_B, STAFF};
use reqwest::StatusCode;

const CATALOGUE_OFFICER: &str = "sandbox-staff-khanh";

async fn receipt_text(r: reqwest::Response) -> String {
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("bien-nhan-"));
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // To look at it: PORTAL_RECEIPT_SAMPLE=/tmp/receipt.pdf cargo test receipt_http
    if let Ok(path) = std::env::var("PORTAL_RECEIPT_SAMPLE") {
        std::fs::write(path, &bytes).expect("sample written");
    }
    pdf_extract::extract_text_from_mem(&bytes).expect("the PDF's text reads back")
}

#[tokio::test]
async fn the_receipt_says_what_the_dossier_is_and_only_its_people_get_it() {
    let s = portal::start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let file = user.upload_ok("to-khai.pdf", pdf(3000)).await;
    let receipt = user
        .submit_ok("receipt-1", &submission("test-fixed-fee", &[file]))
        .await;
    let code = receipt["code"].as_str().unwrap().to_string();
    let path = portal_api::paths::dossier_receipt(&code);

    let text = receipt_text(user.get(&path).send().await.unwrap()).await;
    for want in [
        code.as_str(),
        "BIÊN NHẬN HỒ SƠ",
        "Thủ tục thử nghiệm có lệ phí",
        "Sở thử nghiệm",
        "Nguyễn Văn An",
        "001085012345",
        "Ngày hẹn trả",
        "Trong ngày",
        "200.000 ₫ — chưa thanh toán",
        receipt["lookup_secret"].as_str().unwrap(),
    ] {
        assert!(
            text.contains(want),
            "{want:?} is not in the receipt:\n{text}"
        );
    }

    // A dossier officer may print it at the counter; nobody else may see it.
    let officer = sign_in(&s.base, STAFF).await;
    receipt_text(officer.get(&path).send().await.unwrap()).await;
    for other in [CITIZEN_B, CATALOGUE_OFFICER] {
        let someone = sign_in(&s.base, other).await;
        let r = someone.get(&path).send().await.unwrap();
        assert_eq!(
            portal::error_code(r).await,
            (StatusCode::NOT_FOUND, "dossier_not_found".into()),
            "{other}"
        );
    }
    let r = s.get(&path).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    // Paid: the receipt carries the payment's e-receipt.
    let r = user
        .post(&format!("/api/v1/dossiers/{code}/payments"))
        .send()
        .await
        .unwrap();
    let started: serde_json::Value = r.json().await.unwrap();
    let pay_url = started["pay_url"].as_str().unwrap();
    let r = user
        .client
        .post(format!("{}{pay_url}", s.base))
        .header("cookie", &user.cookie)
        .form(&[("outcome", "success")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let text = receipt_text(user.get(&path).send().await.unwrap()).await;
    assert!(text.contains("200.000 ₫ — đã thanh toán"), "{text}");
    assert!(text.contains("Biên lai thanh toán"), "{text}");
    assert!(
        text.contains(started["payment_id"].as_str().unwrap()),
        "{text}"
    );
}
