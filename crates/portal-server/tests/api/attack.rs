//! What an adversarial run found, each held shut over real HTTP: lookups and sign-in
//! throttled per client without locking owners out, slow connections cut, a storage
//! quota per person, HSTS behind https, disguised file names refused, first-paint text
//! never re-read as markers, and a command line that explains itself.

use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::portal::{
    self, error_code, fixture_catalogue, pdf, sign_in, start_with_fixtures, submission, CITIZEN,
    CITIZEN_ID_NUMBER,
};
use crate::common::{self, start_with};

/// A client whose connections come from `127.0.0.<n>`: another source address on
/// loopback, as a different person on the internet would be.
fn client_from(n: u8) -> Client {
    Client::builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, n)))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

#[tokio::test]
async fn guessing_from_one_address_never_locks_the_owner_out() {
    let s = start_with_fixtures(|_| {}).await;
    let owner = sign_in(&s.base, CITIZEN).await;
    let file = owner.upload_ok("scan.pdf", pdf(2000)).await;
    let receipt = owner
        .submit_ok("k-1", &submission("birth-registration", &[file]))
        .await;
    let code = receipt["code"].as_str().unwrap();
    let url = |query: &str| format!("{}/api/v1/dossiers/{code}?{query}", s.base);

    // Twenty wrong tries from one address: the first ten are answered as usual, then
    // that address is refused with a time to wait.
    let attacker = client_from(2);
    for i in 0..20 {
        let r = attacker
            .get(url(&format!("id_number=0010850{i:05}")))
            .send()
            .await
            .unwrap();
        if i < 10 {
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "try {i}");
        } else {
            assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "try {i}");
            assert!(r.headers().contains_key("retry-after"), "try {i}");
            assert_eq!(error_code(r).await.1, "lookup_locked");
        }
    }
    // The owner, from their own address, is still served with the right credential.
    let r = client_from(3)
        .get(url(&format!("id_number={CITIZEN_ID_NUMBER}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // The guesser is refused whatever it sends next, right or wrong: otherwise a 200
    // among the 429s would still tell it when it guessed right.
    for query in [
        "id_number=001085099999".to_string(),
        format!("id_number={CITIZEN_ID_NUMBER}"),
    ] {
        let r = attacker.get(url(&query)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "{query}");
        assert!(r.headers().contains_key("retry-after"));
    }
    // A code under attack refuses further wrong tries from anywhere (the softer bound),
    // yet a right one from a fresh address is served.
    let third = client_from(4);
    let r = third
        .get(url("id_number=001085088888"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(r).await,
        (StatusCode::TOO_MANY_REQUESTS, "lookup_locked".into())
    );
    let r = third
        .get(url(&format!("id_number={CITIZEN_ID_NUMBER}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn hsts_is_sent_only_when_the_public_origin_is_https() {
    let https = start_with(|c| c.public_origin = Some("https://portal.example".into())).await;
    for path in ["/healthz", "/", "/api/v1/catalog"] {
        let r = https.get(path).await;
        assert_eq!(
            r.headers()
                .get("strict-transport-security")
                .map(|v| v.to_str().unwrap()),
            Some("max-age=31536000; includeSubDomains"),
            "{path}"
        );
    }
    for origin in [None, Some("http://portal.example".to_string())] {
        let s = start_with(|c| c.public_origin = origin.clone()).await;
        let r = s.get("/healthz").await;
        assert!(
            !r.headers().contains_key("strict-transport-security"),
            "{origin:?}"
        );
    }
}

#[tokio::test]
async fn file_names_with_direction_overrides_or_invisible_characters_are_refused() {
    let s = start_with_fixtures(|_| {}).await;
    let user = sign_in(&s.base, CITIZEN).await;
    for name in [
        "hoadon\u{202E}fdp.exe.pdf",
        "hoadon\u{2067}fdp.exe.pdf",
        "scan\u{200B}.pdf",
        "\u{FEFF}scan.pdf",
    ] {
        let r = user.upload(name, pdf(1000)).await;
        assert_eq!(
            error_code(r).await,
            (StatusCode::BAD_REQUEST, "bad_file_name".into()),
            "{name:?}"
        );
    }
    // Vietnamese names are untouched.
    user.upload_ok("Giấy khai sinh bản sao.pdf", pdf(1000))
        .await;
}

#[tokio::test]
async fn a_service_name_holding_another_marker_is_shown_as_written() {
    let catalog = fixture_catalogue();
    let file = catalog.path().join("services/test-business-only.toml");
    let toml = std::fs::read_to_string(&file).unwrap();
    let start = toml.find("[name]\nvi = \"").expect("a Vietnamese name") + "[name]\nvi = \"".len();
    let end = start + toml[start..].find('"').unwrap();
    let name = "Đăng ký %SERVICE_HEADING% và %BACK%";
    let toml = format!("{}{name}{}", &toml[..start], &toml[end..]);
    std::fs::write(&file, toml).unwrap();
    let path = catalog.path().to_path_buf();
    let s = start_with(move |c| c.catalog_dir = path).await;
    let dist = s.dir.path().join("dist");
    std::fs::write(
        dist.join("service.html"),
        "<!doctype html><html><head><title>x</title></head><body>%SERVICE_HEADING%</body></html>",
    )
    .unwrap();
    let api: serde_json::Value = s
        .get("/api/v1/services/test-business-only")
        .await
        .json()
        .await
        .unwrap();
    let summary = api["summary"]["vi"].as_str().unwrap();
    let html = s
        .get("/services/test-business-only")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(&format!("<h1>{name}</h1>")), "{html}");
    assert!(
        html.contains(&format!("<p class=\"lead\">{summary}</p>")),
        "{html}"
    );
}

async fn sign_in_rows(s: &common::TestServer) -> i64 {
    common::count(&s.db, "SELECT COUNT(*) FROM sign_in_requests").await
}

#[tokio::test]
async fn opening_the_sign_in_page_stores_nothing() {
    let s = common::start().await;
    for _ in 0..5 {
        let r = s.get("/auth/sign-in?return_to=/dossiers").await;
        assert_eq!(r.status(), StatusCode::OK);
    }
    assert_eq!(sign_in_rows(&s).await, 0);
    // The page still works, once.
    let user = sign_in(&s.base, CITIZEN).await;
    assert!(user.cookie.starts_with("portal_session="));
}

#[tokio::test]
async fn sign_in_attempts_are_throttled_per_address() {
    let s = common::start().await;
    let flooder = client_from(5);
    let page = flooder
        .get(format!("{}/auth/sign-in", s.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let state = portal::state_of(&page);
    let mut refused = None;
    for i in 0..100 {
        let r = flooder
            .post(format!("{}/auth/sign-in", s.base))
            .form(&[("state", state.as_str()), ("identity", "sandbox-nobody")])
            .send()
            .await
            .unwrap();
        if r.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(r.headers().contains_key("retry-after"));
            refused = Some(i);
            break;
        }
    }
    let refused = refused.expect("the flood is cut off");
    assert!(refused >= 10, "ordinary use is not refused ({refused})");
    // Someone else signs in as usual.
    let user = sign_in(&s.base, CITIZEN).await;
    assert!(user.cookie.starts_with("portal_session="));
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_client_is_throttled() {
    let sign_in_as = |server: &common::TestServer, forwarded_for: &'static str| {
        let url = format!("{}/auth/sign-in", server.base);
        async move {
            portal::client()
                .post(url)
                .header("x-forwarded-for", forwarded_for)
                .form(&[("state", "x"), ("identity", CITIZEN)])
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    let proxied = start_with(|c| {
        c.trusted_proxies = vec![IpAddr::V4(Ipv4Addr::LOCALHOST)];
        c.sign_in_limit = 2;
    })
    .await;
    for _ in 0..2 {
        assert_eq!(
            sign_in_as(&proxied, "203.0.113.1").await,
            StatusCode::BAD_REQUEST
        );
    }
    assert_eq!(
        sign_in_as(&proxied, "203.0.113.1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        sign_in_as(&proxied, "203.0.113.2").await,
        StatusCode::BAD_REQUEST
    );
    // Without a trusted proxy the header is the client's word and changes nothing.
    let direct = start_with(|c| c.sign_in_limit = 2).await;
    for forwarded_for in ["203.0.113.1", "203.0.113.2"] {
        assert_eq!(
            sign_in_as(&direct, forwarded_for).await,
            StatusCode::BAD_REQUEST
        );
    }
    assert_eq!(
        sign_in_as(&direct, "203.0.113.3").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[test]
fn the_command_line_explains_itself() {
    let bin = env!("CARGO_BIN_EXE_portal-server");
    let out = std::process::Command::new(bin)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(help.contains("Usage"), "{help}");
    for option in [
        "--port",
        "--host",
        "--db",
        "--catalog",
        "--dist",
        "--origin",
    ] {
        assert!(help.contains(option), "{option} in {help}");
    }
    assert!(help.contains("PORTAL_PORT"), "{help}");
    let out = std::process::Command::new(bin)
        .arg("--colour=red")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--colour"),
        "{out:?}"
    );
    // Environment variables are read as before, and a bad one is explained.
    let out = std::process::Command::new(bin)
        .env("PORTAL_PORT", "http")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("http"),
        "{out:?}"
    );
}

async fn read_until_closed(
    stream: &mut tokio::net::TcpStream,
    limit: Duration,
) -> Option<Duration> {
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    loop {
        let left = limit.saturating_sub(started.elapsed());
        match tokio::time::timeout(left, stream.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => {}
        }
    }
}

async fn connect_and_send(base: &str, bytes: &[u8]) -> tokio::net::TcpStream {
    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(bytes).await.unwrap();
    stream
}

#[tokio::test]
async fn slow_and_idle_connections_are_closed() {
    let s = start_with(|c| {
        c.header_timeout = Duration::from_secs(1);
        c.body_timeout = Duration::from_secs(1);
    })
    .await;
    let cases: [(&str, &[u8]); 3] = [
        ("half a request line", b"GET /healthz HT"),
        (
            "an idle connection after one request",
            b"GET /healthz HTTP/1.1\r\nHost: portal\r\n\r\n",
        ),
        (
            "a body that stops coming",
            b"POST /auth/sign-in HTTP/1.1\r\nHost: portal\r\n\
              Content-Type: application/x-www-form-urlencoded\r\n\
              Content-Length: 100\r\n\r\nstate=abc",
        ),
    ];
    for (case, bytes) in cases {
        let mut stream = connect_and_send(&s.base, bytes).await;
        let closed = read_until_closed(&mut stream, Duration::from_secs(6)).await;
        assert!(
            closed.is_some_and(|t| t < Duration::from_secs(4)),
            "{case}: {closed:?}"
        );
    }
}

#[tokio::test]
async fn a_person_s_attachments_are_capped_in_count_and_bytes() {
    let s = start_with_fixtures(|c| {
        c.quota_files = 3;
        c.quota_bytes = 10_000;
    })
    .await;
    let user = sign_in(&s.base, CITIZEN).await;
    let a = user.upload_ok("a.pdf", pdf(2000)).await;
    let b = user.upload_ok("b.pdf", pdf(2000)).await;
    user.submit_ok("q-1", &submission("birth-registration", &[a, b]))
        .await;
    // Submitted files count as much as pending ones.
    let c = user.upload_ok("c.pdf", pdf(2000)).await;
    let r = user.upload("d.pdf", pdf(1000)).await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "attachment_quota_exceeded");
    assert_eq!(body["error"]["details"]["max_files"], 3);
    assert_eq!(body["error"]["details"]["used_files"], 3);
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("pending and submitted"), "{message}");
    // Deleting a pending file makes room; bytes are capped as well as files.
    let r = user
        .delete(&format!("/api/v1/attachments/{c}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = user.upload("big.pdf", pdf(7000)).await;
    let (status, code) = error_code(r).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::CONFLICT, "attachment_quota_exceeded")
    );
    user.upload_ok("small.pdf", pdf(5000)).await;
}
