//! Attachments over real HTTP: what is accepted and stored, what is refused and why
//! (the real type from magic bytes, size), and who may see or delete a file.

use crate::common;

use crate::common::portal::{self, error_code, exe, pdf, png, sign_in, CITIZEN, CITIZEN_B, STAFF};
use reqwest::StatusCode;
use serde_json::Value;
use sha2::{Digest, Sha256};

const MAX: usize = 20 * 1024 * 1024;

#[tokio::test]
async fn a_pdf_and_a_png_are_stored_and_read_back() {
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let bytes = pdf(50_000);
    let r = user.upload("Giấy chứng sinh.pdf", bytes.clone()).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    let a: Value = r.json().await.unwrap();
    let id = a["id"].as_str().unwrap().to_string();
    assert_eq!(location, format!("/api/v1/attachments/{id}"));
    assert_eq!(a["name"], "Giấy chứng sinh.pdf");
    assert_eq!(a["media_type"], "application/pdf");
    assert_eq!(a["size"], bytes.len());
    let digest: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(a["sha256"], digest);
    assert!(a["dossier_code"].is_null());
    let stored = common::count(
        &s.db,
        &format!("SELECT COUNT(*) FROM attachment_bytes WHERE id = '{id}'"),
    )
    .await;
    assert_eq!(stored, 1, "the bytes are in the database");

    let (status, meta) = user.get_json(&location).await;
    assert_eq!((status, &meta["id"]), (StatusCode::OK, &a["id"]));
    let r = user
        .get(&format!("{location}/content"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    let disposition = r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.starts_with("attachment;") && disposition.contains("UTF-8''Gi%E1%BA%A5y"));
    assert_eq!(r.bytes().await.unwrap().as_ref(), bytes.as_slice());

    // The name says nothing about the type: a PNG with no extension is a PNG.
    let r = user.upload("photo", png()).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let a: Value = r.json().await.unwrap();
    assert_eq!(a["media_type"], "image/png");

    let (status, limits) = user.get_json("/api/v1/attachments/limits").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(limits["max_file_bytes"], MAX);
    assert_eq!(limits["accepted"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn fake_huge_empty_and_broken_files_are_refused_with_a_reason() {
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;

    // A .pdf that is really a Windows program.
    let r = user.upload("ho-so.pdf", exe()).await;
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "unsupported_file_type");
    assert_eq!(body["error"]["details"]["detected"], "windows-executable");
    assert!(body["error"]["details"]["accepted"]
        .as_array()
        .unwrap()
        .contains(&Value::from("application/pdf")));

    // One byte over the limit.
    let mut big = pdf(MAX);
    big.push(b'\n');
    assert_eq!(big.len(), MAX + 1);
    let r = user.upload("big.pdf", big).await;
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "file_too_large");
    assert_eq!(body["error"]["details"]["max_bytes"], MAX);
    // Exactly at the limit is fine.
    let r = user.upload("max.pdf", pdf(MAX)).await;
    assert_eq!(r.status(), StatusCode::CREATED);

    for (name, bytes, status, code) in [
        (
            "empty.pdf",
            Vec::new(),
            StatusCode::BAD_REQUEST,
            "empty_file",
        ),
        (
            "photo.jpg",
            pdf(1000),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "file_type_mismatch",
        ),
        (
            "cut.pdf",
            pdf(1000)[..500].to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "damaged_file",
        ),
        (
            "page.pdf",
            b"<html><script>alert(1)</script>".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_file_type",
        ),
        (
            "a\u{7}.pdf",
            pdf(1000),
            StatusCode::BAD_REQUEST,
            "bad_file_name",
        ),
    ] {
        let r = user.upload(name, bytes).await;
        assert_eq!(error_code(r).await, (status, code.to_string()), "{name:?}");
    }
    let r = user
        .post("/api/v1/attachments")
        .body(pdf(1000))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::BAD_REQUEST, "bad_file_name".into())
    );
    let r = user
        .post("/api/v1/attachments?name=a.pdf")
        .header("content-type", "multipart/form-data; boundary=x")
        .body("--x\r\n")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::BAD_REQUEST, "bad_upload_format".into())
    );

    // Nothing refused was kept: only max.pdf is stored.
    assert_eq!(
        common::count(&s.db, "SELECT COUNT(*) FROM attachments").await,
        1
    );
    assert_eq!(
        common::count(&s.db, "SELECT COUNT(*) FROM attachment_bytes").await,
        1
    );
    assert!(
        !s.dir.path().join("data/attachments").exists(),
        "no files beside the database"
    );
}

#[tokio::test]
async fn every_attachment_refusal() {
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let owner = sign_in(&s.base, CITIZEN).await;
    let other = sign_in(&s.base, CITIZEN_B).await;
    let staff = sign_in(&s.base, STAFF).await;
    let id = owner.upload_ok("a.pdf", pdf(1000)).await;
    let path = format!("/api/v1/attachments/{id}");
    let anon = portal::client();

    // Not signed in.
    let r = anon
        .post(format!("{}/api/v1/attachments?name=a.pdf", s.base))
        .header("x-portal-request", "1")
        .body(pdf(100))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::UNAUTHORIZED, "not_signed_in".into())
    );
    let r = anon.get(format!("{}{path}", s.base)).send().await.unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::UNAUTHORIZED, "not_signed_in".into())
    );

    // Cross-site: without the portal header, or from another origin.
    let r = owner
        .client
        .post(format!("{}/api/v1/attachments?name=a.pdf", s.base))
        .header("cookie", &owner.cookie)
        .body(pdf(100))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "cross_site_request".into())
    );
    let r = owner
        .post("/api/v1/attachments?name=a.pdf")
        .header("origin", "https://evil.example")
        .body(pdf(100))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::FORBIDDEN, "cross_site_request".into())
    );

    // Someone else's file does not exist for you; a pending file does not exist for staff.
    for who in [&other, &staff] {
        for p in [path.clone(), format!("{path}/content")] {
            let r = who.get(&p).send().await.unwrap();
            assert_eq!(
                error_code(r).await,
                (StatusCode::NOT_FOUND, "attachment_not_found".into()),
                "{p}"
            );
        }
    }
    let r = other.delete(&path).send().await.unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::NOT_FOUND, "attachment_not_found".into())
    );
    let r = owner
        .get("/api/v1/attachments/att_..%2F..%2Fetc%2Fpasswd")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::NOT_FOUND, "attachment_not_found".into())
    );

    // Someone else cannot put your file in their dossier either.
    let r = other
        .submit(
            "steal",
            &portal::submission("birth-registration", std::slice::from_ref(&id)),
        )
        .await;
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "invalid_dossier");
    assert_eq!(
        body["error"]["details"]["problems"][0]["code"],
        "attachment_not_found"
    );

    // Once submitted, staff may read it and nobody may delete it.
    let receipt = owner
        .submit_ok(
            "k",
            &portal::submission("birth-registration", std::slice::from_ref(&id)),
        )
        .await;
    let (status, meta) = staff.get_json(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(meta["dossier_code"], receipt["code"]);
    let r = owner.delete(&path).send().await.unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::CONFLICT, "attachment_in_use".into())
    );

    // A pending file can be deleted, once.
    let spare = owner.upload_ok("b.pdf", pdf(1000)).await;
    let r = owner
        .delete(&format!("/api/v1/attachments/{spare}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let left = format!("SELECT COUNT(*) FROM attachment_bytes WHERE id = '{spare}'");
    assert_eq!(
        common::count(&s.db, &left).await,
        0,
        "its bytes went with it"
    );
    let r = owner
        .delete(&format!("/api/v1/attachments/{spare}"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::NOT_FOUND, "attachment_not_found".into())
    );
}

#[tokio::test]
async fn pending_uploads_are_capped_per_person() {
    let s = common::portal::start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    for i in 0..50 {
        user.upload_ok(&format!("{i}.png"), png()).await;
    }
    let r = user.upload("one-more.png", png()).await;
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "too_many_pending_attachments");
    assert_eq!(body["error"]["details"]["max_pending"], 50);
    // Someone else is not affected.
    let other = sign_in(&s.base, CITIZEN_B).await;
    other.upload_ok("mine.png", png()).await;
}

/// A refused upload is read to its end before the answer: a server that answered and
/// closed with the body unread would make a proxy in front (still sending) lose the
/// answer and show a 502. Sent over a raw socket, every byte of 4 MiB goes through and
/// the answer is the refusal.
#[tokio::test]
async fn a_refused_upload_is_read_to_the_end_before_the_answer() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let s = common::start().await;
    let addr = s.base.trim_start_matches("http://").to_string();
    let body = vec![b'%'; 4 * 1024 * 1024];
    for (cookie, want) in [("", "401"), ("portal_session=expired", "401")] {
        let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
        let head = format!(
            "POST /api/v1/attachments?name=scan.pdf HTTP/1.1\r\nHost: {addr}\r\n\
             X-Portal-Request: 1\r\nCookie: {cookie}\r\nContent-Type: application/pdf\r\n\
             Content-Length: {}\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        for chunk in body.chunks(64 * 1024) {
            stream
                .write_all(chunk)
                .await
                .expect("the server keeps reading the refused body");
        }
        let mut answer = vec![0u8; 64];
        let n = stream.read(&mut answer).await.unwrap();
        let answer = String::from_utf8_lossy(&answer[..n]).to_string();
        assert!(answer.starts_with(&format!("HTTP/1.1 {want}")), "{answer}");
    }
}
