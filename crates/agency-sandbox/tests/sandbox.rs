//! The sandbox over real HTTP: deliveries in (signed, stored once), events out (signed,
//! in sequence, sent again until the portal takes them), the officer's forms, the fault
//! modes, and the pages.

mod support;

use std::time::Duration;

use agency_sandbox::store::SendState;
use base64::Engine as _;
use portal_api::agency::{AgencyEventKind, DeliveryAck, DeliveryKind, EventOutcome};
use portal_api::ErrorBody;
use support::*;

async fn error_code(r: reqwest::Response) -> (u16, String) {
    let status = r.status().as_u16();
    let body: ErrorBody<serde::de::IgnoredAny> = r.json().await.unwrap();
    (status, body.error.code)
}

#[tokio::test]
async fn a_signed_delivery_is_stored_once_and_acknowledged() {
    let (portal_url, _portal) = portal().await;
    let s = sandbox(&portal_url, false).await;
    let d = delivery("dlv-1", "HS-0001");

    let first = s.deliver(&d).await;
    assert_eq!(first.status(), 200);
    let ack: DeliveryAck = first.json().await.unwrap();
    assert_eq!(
        ack,
        DeliveryAck {
            delivery_id: "dlv-1".into(),
            first_time: true
        }
    );

    let again: DeliveryAck = s.deliver(&d).await.json().await.unwrap();
    assert!(!again.first_time);

    let r = s.readout().await;
    assert_eq!(r.dossiers.len(), 1);
    let x = &r.dossiers[0];
    assert_eq!((x.code.as_str(), x.system.as_str()), ("HS-0001", SYSTEM));
    assert_eq!(x.deliveries_received, 2);
    assert_eq!(x.delivery_ids, vec!["dlv-1".to_string()]);
    assert_eq!(x.files, 1);

    // The file is served back byte for byte, as a download.
    let f = s
        .client
        .get(s.url("/dossiers/HS-0001/files/att_1"))
        .send()
        .await
        .unwrap();
    assert_eq!(f.status(), 200);
    assert!(f.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(f.bytes().await.unwrap().as_ref(), b"%PDF-1.7\n");

    // The inbox shows it once, with the repeat counted.
    let (_, inbox) = s.page("/").await;
    assert_eq!(inbox.matches(">HS-0001</a>").count(), 1, "{inbox}");
    assert!(inbox.contains("1 (nhận 2 lần)"));

    // Documents added later attach to the same dossier.
    let mut more = delivery("dlv-2", "HS-0001");
    more.kind = DeliveryKind::Documents;
    more.answers = None;
    more.note = Some("Bổ sung giấy chứng sinh".into());
    more.files = vec![file("att_2", b"second")];
    assert!(
        s.deliver(&more)
            .await
            .json::<DeliveryAck>()
            .await
            .unwrap()
            .first_time
    );
    let x = &s.readout().await.dossiers[0];
    assert_eq!(
        x.delivery_ids,
        vec!["dlv-1".to_string(), "dlv-2".to_string()]
    );
    assert_eq!(x.files, 2);
}

#[tokio::test]
async fn unsigned_forged_stale_and_malformed_deliveries_store_nothing() {
    let (portal_url, portal) = portal().await;
    let s = sandbox(&portal_url, false).await;
    let d = delivery("dlv-1", "HS-0002");
    let body = serde_json::to_vec(&d).unwrap();
    let key = agency_link::derive_key(&SECRET, SYSTEM);

    // Signed with another key.
    let wrong_key = agency_link::derive_key(b"another secret", SYSTEM);
    let r = s
        .post_signed(SYSTEM, SYSTEM, &wrong_key, now(), body.clone())
        .await;
    assert_eq!(error_code(r).await, (401, "signature_mismatch".into()));

    // Signed for another system (and with its key), sent to this one.
    let other_key = agency_link::derive_key(&SECRET, "province-01");
    let r = s
        .post_signed(SYSTEM, "province-01", &other_key, now(), body.clone())
        .await;
    assert_eq!(error_code(r).await, (401, "unknown_system".into()));

    // Signed by this system but naming another system's agency.
    let mut elsewhere = d.clone();
    elsewhere.agency.system = "province-01".into();
    let r = s
        .post_signed(
            SYSTEM,
            SYSTEM,
            &key,
            now(),
            serde_json::to_vec(&elsewhere).unwrap(),
        )
        .await;
    assert_eq!(error_code(r).await, (400, "system_mismatch".into()));

    // Older than the replay window.
    let old = now() - agency_link::REPLAY_WINDOW_SECS - 60;
    let r = s.post_signed(SYSTEM, SYSTEM, &key, old, body.clone()).await;
    assert_eq!(error_code(r).await, (401, "signature_expired".into()));

    // No signature at all.
    let r = s
        .client
        .post(s.url("/systems/province-79/dossiers"))
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(error_code(r).await, (401, "signature_missing".into()));

    // Signed, but not a delivery.
    let r = s
        .post_signed(SYSTEM, SYSTEM, &key, now(), b"not json".to_vec())
        .await;
    assert_eq!(error_code(r).await, (400, "invalid_delivery".into()));
    let r = s
        .post_signed(
            SYSTEM,
            SYSTEM,
            &key,
            now(),
            br#"{"delivery_id":"x"}"#.to_vec(),
        )
        .await;
    assert_eq!(error_code(r).await, (400, "invalid_delivery".into()));

    // Signed, but a file's bytes are not the ones its hash names.
    let mut tampered = d.clone();
    tampered.files[0].data_base64 = base64::engine::general_purpose::STANDARD.encode(b"other");
    let r = s
        .post_signed(
            SYSTEM,
            SYSTEM,
            &key,
            now(),
            serde_json::to_vec(&tampered).unwrap(),
        )
        .await;
    assert_eq!(error_code(r).await, (400, "file_mismatch".into()));

    // Over 64 MiB.
    let huge = vec![b' '; agency_sandbox::receive::MAX_DELIVERY_BYTES + 1];
    let r = s.post_signed(SYSTEM, SYSTEM, &key, now(), huge).await;
    assert_eq!(error_code(r).await, (413, "body_too_large".into()));

    assert!(s.readout().await.dossiers.is_empty());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(portal.posts().is_empty());
}

#[tokio::test]
async fn the_received_event_reaches_the_portal_signed_with_sequence_1() {
    let (portal_url, portal) = portal().await;
    let s = sandbox(&portal_url, false).await;
    let d = delivery("dlv-1", "HS-0003");
    s.deliver(&d).await;
    eventually("the received event", || async {
        !portal.posts().is_empty()
    })
    .await;
    // A repeat of the delivery sends nothing more.
    s.deliver(&d).await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    let posts = portal.posts();
    assert_eq!(posts.len(), 1);
    let got = &posts[0];
    assert_eq!(got.system, SYSTEM);
    assert_eq!(got.event.dossier_code, "HS-0003");
    assert_eq!(got.event.sequence, 1);
    assert_eq!(got.event.kind, AgencyEventKind::Received);
    assert_eq!(got.event.event_id.len(), 32);
    assert!(got.event.event_id.bytes().all(|b| b.is_ascii_hexdigit()));
    assert!(got.event.at.ends_with("+07:00"), "{}", got.event.at);
    assert_eq!(*portal.unsigned.lock().unwrap(), 0);

    let events = &s.readout().await.dossiers[0].events;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].state, SendState::Answered);
    assert_eq!(events[0].outcome, Some(EventOutcome::Applied));
}

#[tokio::test]
async fn officer_actions_send_signed_events_in_sequence() {
    let (portal_url, portal) = portal().await;
    let s = sandbox(&portal_url, false).await;
    s.deliver(&delivery("dlv-1", "HS-0004")).await;
    eventually("the received event", || async { portal.posts().len() == 1 }).await;

    let deadline = "2099-01-31";
    let r = s
        .post_form(
            "/dossiers/HS-0004/request-documents",
            &[
                (
                    "documents",
                    "Giấy chứng sinh\r\n\r\n  Bản sao CCCD của mẹ  \r\n",
                ),
                ("deadline", deadline),
                ("note", "Bản chụp rõ nét"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.starts_with("/dossiers/HS-0004?sent="),
        "{location}"
    );

    let result_bytes = b"%PDF-1.7 the birth certificate".to_vec();
    let form = reqwest::multipart::Form::new()
        .part(
            "result",
            reqwest::multipart::Part::bytes(result_bytes.clone())
                .file_name("giay-khai-sinh.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        )
        .text("pickup_note", "Nhận bản giấy tại bộ phận một cửa");
    let r = s
        .client
        .post(s.url("/dossiers/HS-0004/approve?lang=en"))
        .header("origin", &s.base)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(r.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/dossiers/HS-0004?lang=en&sent="));

    let r = s
        .post_form(
            "/dossiers/HS-0004/refuse",
            &[("reason", "Hồ sơ không hợp lệ")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = s.post_form("/dossiers/HS-0004/processing", &[]).await;
    assert_eq!(r.status(), 303);

    let posts = portal.posts();
    assert_eq!(posts.len(), 5, "{posts:?}");
    assert!(posts.iter().all(|g| g.system == SYSTEM));
    assert_eq!(
        posts.iter().map(|g| g.event.sequence).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5]
    );
    assert_eq!(
        posts[1].event.kind,
        AgencyEventKind::DocumentsRequested {
            documents: vec!["Giấy chứng sinh".into(), "Bản sao CCCD của mẹ".into()],
            deadline: deadline.into(),
            note: Some("Bản chụp rõ nét".into()),
        }
    );
    match &posts[2].event.kind {
        AgencyEventKind::ResultReady {
            result: Some(doc),
            pickup_note,
        } => {
            assert_eq!(doc.name, "giay-khai-sinh.pdf");
            assert_eq!(doc.content_type, "application/pdf");
            assert_eq!(
                base64::engine::general_purpose::STANDARD
                    .decode(&doc.data_base64)
                    .unwrap(),
                result_bytes
            );
            assert_eq!(
                pickup_note.as_deref(),
                Some("Nhận bản giấy tại bộ phận một cửa")
            );
        }
        other => panic!("not a result: {other:?}"),
    }
    assert_eq!(
        posts[3].event.kind,
        AgencyEventKind::Refused {
            reason: "Hồ sơ không hợp lệ".into()
        }
    );
    assert_eq!(posts[4].event.kind, AgencyEventKind::Processing);
    let ids: std::collections::HashSet<_> = posts.iter().map(|g| &g.event.event_id).collect();
    assert_eq!(ids.len(), 5);

    // The page after the redirect names the event and the portal's answer.
    let (_, page) = s.page(&location).await;
    assert!(page.contains("role=\"status\""));
    assert!(page.contains("Đã gửi sự kiện 2"), "{page}");
    assert!(page.contains("Cổng đã áp dụng"));
    let (_, inbox) = s.page("/").await;
    assert!(inbox.contains("Đang xử lý"));
}

#[tokio::test]
async fn a_form_with_problems_is_shown_again_and_sends_nothing() {
    let (portal_url, portal) = portal().await;
    let s = sandbox(&portal_url, false).await;
    s.deliver(&delivery("dlv-1", "HS-0005")).await;
    eventually("the received event", || async { portal.posts().len() == 1 }).await;

    let r = s
        .post_form("/dossiers/HS-0005/refuse", &[("reason", "   ")])
        .await;
    assert_eq!(r.status(), 400);
    let page = r.text().await.unwrap();
    assert!(page.contains("<title>Lỗi: "));
    assert!(page.contains("id=\"reason-error\""));
    assert!(page.contains("href=\"#reason\""));
    assert!(page.contains("aria-describedby=\"reason-error\""));

    let r = s
        .post_form(
            "/dossiers/HS-0005/request-documents?lang=en",
            &[
                ("documents", ""),
                ("deadline", "2020-01-01"),
                ("note", "kept"),
            ],
        )
        .await;
    assert_eq!(r.status(), 400);
    let page = r.text().await.unwrap();
    assert!(page.contains("Enter at least one document needed"));
    assert!(page.contains("The deadline must be today or later"));
    assert!(page.contains(">kept</textarea>"), "what was typed is kept");

    // Neither a result nor a note; then a result over 5 MB.
    let empty = reqwest::multipart::Form::new()
        .part(
            "result",
            reqwest::multipart::Part::bytes(Vec::new()).file_name(""),
        )
        .text("pickup_note", "");
    let r = s
        .client
        .post(s.url("/dossiers/HS-0005/approve"))
        .multipart(empty)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Chọn tệp kết quả hoặc nhập ghi chú nhận kết quả"));
    let big = reqwest::multipart::Form::new().part(
        "result",
        reqwest::multipart::Part::bytes(vec![0u8; 5 * 1024 * 1024 + 1]).file_name("big.pdf"),
    );
    let r = s
        .client
        .post(s.url("/dossiers/HS-0005/approve"))
        .multipart(big)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("5 MB"));

    // An unknown dossier.
    let r = s.post_form("/dossiers/NOPE/processing", &[]).await;
    assert_eq!(r.status(), 404);

    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(portal.posts().len(), 1);
    assert_eq!(s.readout().await.dossiers[0].events.len(), 1);
}

#[tokio::test]
async fn events_the_portal_missed_are_sent_again_in_order_and_arrive_once() {
    // The portal is down: nothing listens on its port yet.
    let addr = free_port().await;
    let s = sandbox(&format!("http://{addr}"), false).await;
    s.deliver(&delivery("dlv-1", "HS-0006")).await;
    let r = s.post_form("/dossiers/HS-0006/processing", &[]).await;
    assert_eq!(r.status(), 303);

    eventually("a failed try recorded", || async {
        let r = s.readout().await;
        r.dossiers[0].events[0].attempts >= 2
    })
    .await;
    let events = s.readout().await.dossiers[0].events.clone();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].state, SendState::Pending);
    assert!(events[0]
        .answer
        .as_deref()
        .unwrap()
        .starts_with("portal unreachable"));
    // The later event waits behind the earlier one.
    assert_eq!(events[1].state, SendState::Pending);
    assert_eq!(events[1].attempts, 0);
    let (_, page) = s.page("/dossiers/HS-0006").await;
    assert!(page.contains("portal unreachable"));

    // The portal comes up on its address.
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    let portal = portal_on(listener).await;
    eventually("both events taken", || async { portal.posts().len() == 2 }).await;
    tokio::time::sleep(Duration::from_millis(600)).await;

    let posts = portal.posts();
    assert_eq!(posts.len(), 2, "each arrives once");
    assert_eq!(posts[0].event.kind, AgencyEventKind::Received);
    assert_eq!(posts[0].event.sequence, 1);
    assert_eq!(posts[1].event.kind, AgencyEventKind::Processing);
    assert_eq!(posts[1].event.sequence, 2);
    let events = s.readout().await.dossiers[0].events.clone();
    assert!(events.iter().all(|e| e.state == SendState::Answered));
}

#[tokio::test]
async fn a_refusal_by_the_portal_is_final_until_the_officer_sends_again() {
    let (portal_url, portal) = portal().await;
    portal.refuse_with(Some(409));
    let s = sandbox(&portal_url, false).await;
    s.deliver(&delivery("dlv-1", "HS-0007")).await;
    eventually("the refusal recorded", || async {
        s.readout().await.dossiers[0].events[0].state == SendState::Refused
    })
    .await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let e = s.readout().await.dossiers[0].events[0].clone();
    assert_eq!(e.attempts, 1, "a refusal is not retried by itself");
    assert_eq!(
        e.answer.as_deref(),
        Some("HTTP 409 invalid_transition: not now")
    );
    let (_, page) = s.page("/dossiers/HS-0007").await;
    assert!(page.contains("Cổng từ chối"));
    assert!(page.contains("HTTP 409 invalid_transition: not now"));

    portal.refuse_with(None);
    let r = s
        .post_form(
            &format!("/dossiers/HS-0007/events/{}/send-again", e.event_id),
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    let e = s.readout().await.dossiers[0].events[0].clone();
    assert_eq!(e.state, SendState::Answered);
    assert_eq!(e.attempts, 2);
    assert_eq!(portal.posts().len(), 1);

    // Sending an answered event again shows the portal's duplicate answer.
    s.post_form(
        &format!("/dossiers/HS-0007/events/{}/send-again", e.event_id),
        &[],
    )
    .await;
    let e = s.readout().await.dossiers[0].events[0].clone();
    assert_eq!(e.outcome, Some(EventOutcome::Duplicate));
}

#[tokio::test]
async fn fault_modes_answer_badly_store_nothing_and_need_the_flag() {
    let (portal_url, _portal) = portal().await;
    let plain = sandbox(&portal_url, false).await;
    let r = plain
        .client
        .post(plain.url("/control/fault"))
        .json(&serde_json::json!({"mode": "error500"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);

    let s = sandbox(&portal_url, true).await;
    let set = |mode: &'static str| {
        let s = &s;
        async move {
            let r = s
                .client
                .post(s.url("/control/fault"))
                .json(&serde_json::json!({ "mode": mode }))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{mode}");
        }
    };
    let d = delivery("dlv-1", "HS-0008");

    set("error500").await;
    assert_eq!(s.deliver(&d).await.status(), 500);

    set("garbage").await;
    let r = s.deliver(&d).await;
    assert_eq!(r.status(), 200);
    let body = r.bytes().await.unwrap();
    assert!(serde_json::from_slice::<DeliveryAck>(&body).is_err());

    set("timeout").await;
    let hung = s
        .client
        .post(s.url("/systems/province-79/dossiers"))
        .timeout(Duration::from_millis(800))
        .body("{}")
        .send()
        .await;
    assert!(hung.unwrap_err().is_timeout());

    assert!(s.readout().await.dossiers.is_empty());

    set("none").await;
    let ack: DeliveryAck = s.deliver(&d).await.json().await.unwrap();
    assert!(ack.first_time);
    assert_eq!(s.readout().await.dossiers.len(), 1);

    let r = s
        .client
        .post(s.url("/control/fault"))
        .json(&serde_json::json!({"mode": "explode"}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error());
}

#[tokio::test]
async fn a_post_from_another_origin_is_refused() {
    let (portal_url, portal) = portal().await;
    let s = sandbox(&portal_url, false).await;
    s.deliver(&delivery("dlv-1", "HS-0009")).await;
    eventually("the received event", || async { portal.posts().len() == 1 }).await;

    for origin in ["http://evil.example", "null"] {
        let r = s
            .client
            .post(s.url("/dossiers/HS-0009/refuse"))
            .header("origin", origin)
            .form(&[("reason", "forged")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403, "{origin}");
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(portal.posts().len(), 1);
    assert_eq!(s.readout().await.dossiers[0].events.len(), 1);

    // The same origin passes.
    let r = s.post_form("/dossiers/HS-0009/processing", &[]).await;
    assert_eq!(r.status(), 303);
}

/// Every `<input>`, `<textarea>` and `<select>` with an id has a `<label for>` naming it.
fn assert_inputs_labelled(html: &str) {
    let mut controls = 0;
    for tag in ["<input ", "<textarea ", "<select "] {
        for (i, _) in html.match_indices(tag) {
            let rest = &html[i..];
            let end = rest.find('>').unwrap();
            let element = &rest[..end];
            let id = element
                .split("id=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or_else(|| panic!("a control without an id: {element}"));
            assert!(
                html.contains(&format!("<label for=\"{id}\">")),
                "no label for {id}"
            );
            controls += 1;
        }
    }
    assert!(controls >= 6, "found {controls} controls");
}

#[tokio::test]
async fn pages_label_their_inputs_and_switch_language() {
    let (portal_url, _portal) = portal().await;
    let s = sandbox(&portal_url, false).await;
    let (status, empty) = s.page("/").await;
    assert_eq!(status, 200);
    assert!(empty.contains("Chưa có hồ sơ nào"));
    s.deliver(&delivery("dlv-1", "HS-0010")).await;

    let (_, inbox) = s.page("/").await;
    assert!(inbox.starts_with("<!DOCTYPE html><html lang=\"vi\">"));
    assert!(inbox.contains("Hệ thống thử nghiệm"));
    assert!(inbox.contains("<h1>Hồ sơ đã tiếp nhận</h1>"));
    assert!(inbox.contains("href=\"/?lang=en\""));
    assert!(inbox.contains("UBND phường Sài Gòn"));
    let (_, inbox_en) = s.page("/?lang=en").await;
    assert!(inbox_en.contains("<html lang=\"en\">"));
    assert!(inbox_en.contains("<h1>Dossiers received</h1>"));
    assert!(
        inbox_en.contains("Sai Gon Ward People&#39;s Committee")
            || inbox_en.contains("Sai Gon Ward People's Committee")
    );
    assert!(inbox_en.contains("href=\"/dossiers/HS-0010?lang=en\""));

    let (status, vi) = s.page("/dossiers/HS-0010").await;
    assert_eq!(status, 200);
    assert!(vi.contains("<html lang=\"vi\">"));
    assert!(vi.contains("<h1>Hồ sơ HS-0010</h1>"));
    assert!(vi.contains("Yêu cầu bổ sung"));
    assert!(vi.contains("Duyệt và trả kết quả"));
    assert!(vi.contains("href=\"/dossiers/HS-0010?lang=en\""));
    // The answers as question id and value, with the delivered file linked.
    assert!(vi.contains("ho_ten_tre"));
    assert!(vi.contains("Nguyễn Thị Bình"));
    assert!(vi.contains("href=\"/dossiers/HS-0010/files/att_1\""));
    assert!(vi.contains("enctype=\"multipart/form-data\""));
    assert!(vi.contains("type=\"date\""));
    assert_inputs_labelled(&vi);

    let (_, en) = s.page("/dossiers/HS-0010?lang=en").await;
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("<h1>Dossier HS-0010</h1>"));
    assert!(en.contains("Request documents"));
    assert!(en.contains("Approve with a result"));
    assert!(en.contains("action=\"/dossiers/HS-0010/refuse?lang=en\""));
    assert!(en.contains("href=\"/dossiers/HS-0010\" lang=\"vi\""));
    assert_inputs_labelled(&en);

    let (status, missing) = s.page("/dossiers/NOPE?lang=en").await;
    assert_eq!(status, 404);
    assert!(missing.contains("<title>Error: Page not found"));
    let (status, _) = s.page("/nowhere").await;
    assert_eq!(status, 404);
}

#[test]
fn the_binary_explains_bad_configuration_and_announces_its_address() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let bin = env!("CARGO_BIN_EXE_agency-sandbox");
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(bin)
        .env_remove("AGENCY_SANDBOX_SECRET")
        .env_remove("AGENCY_SANDBOX_SECRET_FILE")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("AGENCY_SANDBOX_SECRET"));

    let out = Command::new(bin)
        .env("AGENCY_SANDBOX_SECRET", "abcd")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 32 bytes"));

    let mut child = Command::new(bin)
        .args(["--listen", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("s.sqlite3"))
        .args(["--portal", "http://127.0.0.1:9"])
        .env("AGENCY_SANDBOX_SECRET", hex::encode(SECRET))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        line.starts_with("agency sandbox listening on http://127.0.0.1:"),
        "{line}"
    );
}
