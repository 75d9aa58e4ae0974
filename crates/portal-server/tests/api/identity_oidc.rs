//! Signing in through a real OpenID provider: the local sandbox provider
//! (tools/sandbox-identity-provider, the npm package `oidc-provider`), started as its own
//! process for each test, with the portal as its client. The browser's part is played
//! by a client with a cookie jar that follows redirects, as a browser does.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{self, repo_root, TestServer};

const SECRET: &str = "test-client-secret";
const PASSWORD: &str = "sandbox";

/// The local provider, stopped when dropped.
struct Provider {
    child: Child,
    issuer: String,
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_provider(portal_origin: &str) -> Provider {
    let mut child = Command::new("node")
        .arg(repo_root().join("tools/sandbox-identity-provider/main.mjs"))
        .args(["--port", "0", "--redirect", portal_origin])
        .env("SANDBOX_OIDC_CLIENT_SECRET", SECRET)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("node runs the sandbox identity provider (scripts/setup installs it)");
    let out = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(out).lines();
    let issuer = loop {
        let line = lines
            .next()
            .expect("the provider prints its issuer")
            .expect("a line");
        if let Some(i) = line.strip_prefix("SANDBOX_OIDC_ISSUER=") {
            break i.to_string();
        }
    };
    // Keep draining, so the provider never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Provider { child, issuer }
}

/// A portal signing in through a fresh local provider, with the sandbox's staff
/// directory and no sandbox stand-in.
async fn portal() -> (TestServer, Provider) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let provider = start_provider(&origin);
    let issuer = provider.issuer.clone();
    let server = common::start_on(listener, move |c| {
        c.public_origin = Some(origin);
        c.oidc_issuer = Some(issuer);
        c.oidc_client_secret = Some(SECRET.into());
        c.sandbox_sign_in = false;
        c.sandbox_payments = false;
        c.staff_directory = Some(repo_root().join("crates/portal-server/sandbox-staff.toml"));
    })
    .await;
    (server, provider)
}

fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap()
}

/// A browser that follows redirects until one leads to `path`, to look at it.
fn browser_stopping_at(path: &'static str) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.url().path() == path {
                attempt.stop()
            } else {
                attempt.follow()
            }
        }))
        .build()
        .unwrap()
}

/// A browser that stops at the portal's callback, to look at what came back.
fn browser_stopping_at_callback() -> reqwest::Client {
    browser_stopping_at("/auth/callback")
}

/// Starts signing in at the portal; returns the provider's sign-in page's URL.
async fn to_provider(b: &reqwest::Client, s: &TestServer, issuer: &str) -> reqwest::Url {
    let r = b
        .get(format!(
            "{}/auth/sign-in?return_to=/services/ordinary-passport",
            s.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let url = r.url().clone();
    assert!(url.as_str().starts_with(issuer), "{url}");
    assert!(url.path().starts_with("/interaction/"), "{url}");
    let page = r.text().await.unwrap();
    assert!(page.contains("Số định danh cá nhân"), "{page}");
    url
}

/// Types the ID number and password on the provider's page.
async fn log_in(
    b: &reqwest::Client,
    at: &reqwest::Url,
    id: &str,
    password: &str,
) -> reqwest::Response {
    b.post(format!("{at}/login"))
        .form(&[("id_number", id), ("password", password)])
        .send()
        .await
        .unwrap()
}

async fn session(b: &reqwest::Client, s: &TestServer) -> Value {
    b.get(format!("{}/api/v1/session", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_citizen_signs_in_through_the_provider_and_forms_prefill_from_its_claims() {
    let (s, p) = portal().await;
    let b = browser();
    let at = to_provider(&b, &s, &p.issuer).await;
    let r = log_in(&b, &at, "079192004321", PASSWORD).await;
    // Back on the page the sign-in started from.
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.url().as_str(),
        format!("{}/services/ordinary-passport", s.base)
    );
    let body = session(&b, &s).await;
    assert_eq!(body["signed_in"], true, "{body}");
    assert_eq!(body["user"]["subject"], "sandbox-citizen-binh");
    assert_eq!(body["user"]["full_name"], "Trần Thị Bình");
    assert_eq!(body["user"]["kind"], "citizen");
    assert_eq!(body["assurance_level"], 2);
    assert_eq!(body["sandbox"], false);
    assert!(body.get("staff").is_none());
    // Prefill is the provider's claims, in the form engine's shape.
    assert_eq!(body["prefill"]["personal_id"], "079192004321");
    assert_eq!(body["prefill"]["birth_date"], "1992-11-02");
    assert_eq!(body["prefill"]["permanent_address"]["commune"], "26740");
    assert_eq!(body["prefill"]["phone"], "0987000202");

    // Signing out ends the portal's session and sends the browser to end the provider's.
    let r = b
        .delete(format!("{}/api/v1/session", s.base))
        .header("x-portal-request", "1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let out: Value = r.json().await.unwrap();
    let next = out["continue_to"].as_str().expect("an end-session address");
    assert!(
        next.starts_with(&format!("{}/session/end?", p.issuer)),
        "{next}"
    );
    assert!(next.contains("client_id=portal"), "{next}");
    assert!(
        next.contains(&format!(
            "post_logout_redirect_uri={}",
            url_encode(&format!("{}/", s.base))
        )),
        "{next}"
    );
    assert_eq!(session(&b, &s).await["signed_in"], false);
    // The provider's sign-out page: confirming it ends there too and comes back home.
    let r = b.get(next).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    assert!(page.contains("op.logoutForm"), "{page}");
}

/// The header's sign-out button: a form post that ends the session and sends the
/// browser to the provider's end-session page, which the page's policy lets a form
/// reach.
#[tokio::test]
async fn the_sign_out_button_ends_both_sessions() {
    let (s, p) = portal().await;
    let b = browser_stopping_at("/session/end");
    let at = to_provider(&b, &s, &p.issuer).await;
    log_in(&b, &at, "001085012345", PASSWORD).await;
    assert_eq!(session(&b, &s).await["signed_in"], true);
    let page = b.get(format!("{}/", s.base)).send().await.unwrap();
    let csp = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains(&format!("form-action 'self' {};", p.issuer)),
        "{csp}"
    );
    let r = b
        .post(format!("{}/auth/sign-out", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // The device forgets what the portal kept on it (drafts), for the next person.
    assert_eq!(r.headers()["clear-site-data"], "\"storage\"");
    let next = r.headers()["location"].to_str().unwrap();
    assert!(
        next.starts_with(&format!("{}/session/end?", p.issuer)),
        "{next}"
    );
    assert_eq!(session(&b, &s).await["signed_in"], false);
    // From another site: refused, and the session (there is none now) untouched.
    let r = b
        .post(format!("{}/auth/sign-out", s.base))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn staff_roles_come_from_the_directory_not_from_the_provider() {
    let (s, p) = portal().await;
    for (id, roles) in [
        ("001087006666", serde_json::json!(["catalogue_publisher"])),
        (
            "001190005555",
            serde_json::json!(["catalogue_editor", "dossier_officer"]),
        ),
    ] {
        let b = browser();
        let at = to_provider(&b, &s, &p.issuer).await;
        log_in(&b, &at, id, PASSWORD).await;
        let body = session(&b, &s).await;
        assert_eq!(body["staff"]["roles"], roles, "{body}");
    }
    // The dossier officer of one province says so.
    let b = browser();
    let at = to_provider(&b, &s, &p.issuer).await;
    log_in(&b, &at, "079095007777", PASSWORD).await;
    let body = session(&b, &s).await;
    assert_eq!(body["staff"]["province_code"], "79");
    // A business representative is not staff, and files for the business.
    let b = browser();
    let at = to_provider(&b, &s, &p.issuer).await;
    log_in(&b, &at, "080078009876", PASSWORD).await;
    let body = session(&b, &s).await;
    assert_eq!(body["user"]["kind"], "business");
    assert_eq!(body["prefill"]["business_tax_code"], "0109876532");
    assert!(body.get("staff").is_none());
}

#[tokio::test]
async fn a_wrong_password_a_cancel_a_forged_or_replayed_callback_sign_nobody_in() {
    let (s, p) = portal().await;

    // A wrong password: the provider's page again, with the error.
    let b = browser();
    let at = to_provider(&b, &s, &p.issuer).await;
    let r = log_in(&b, &at, "079192004321", "guess").await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r.text().await.unwrap().contains("role=\"alert\""));
    assert_eq!(session(&b, &s).await["signed_in"], false);

    // Cancelled at the provider: a page saying so, no session.
    let r = b.post(format!("{at}/cancel")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("Bạn chưa đăng nhập"));
    assert_eq!(session(&b, &s).await["signed_in"], false);

    // What a real sign-in brings back, kept to be replayed.
    let b = browser_stopping_at_callback();
    let at = to_provider(&b, &s, &p.issuer).await;
    let r = log_in(&b, &at, "079192004321", PASSWORD).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let callback = r.headers()["location"].to_str().unwrap().to_string();
    assert!(callback.starts_with(&format!("{}/auth/callback?", s.base)));

    // Without the browser's sign-in cookie (another browser, a link sent to a victim).
    let r = browser().get(&callback).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    // With the cookie but another state.
    let forged = callback.replace("state=", "state=x");
    let r = b.get(&forged).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    // The real one signs in, once.
    let r = b.get(&callback).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.url().as_str(),
        format!("{}/services/ordinary-passport", s.base)
    );
    assert_eq!(session(&b, &s).await["signed_in"], true);
    let again = browser_stopping_at_callback();
    let r = again.get(&callback).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST, "no cookie, no reuse");

    // The sandbox page is not there with a real provider.
    let r = b
        .post(format!("{}/auth/sign-in", s.base))
        .form(&[("state", "x"), ("identity", "sandbox-staff-ha")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn settings_that_cannot_work_stop_the_start_with_a_clear_message() {
    let base = portal_server::Config {
        oidc_issuer: Some("http://127.0.0.1:9".into()),
        oidc_client_secret: Some(SECRET.into()),
        public_origin: Some("http://127.0.0.1:8080".into()),
        catalog_dir: repo_root().join("catalog"),
        ..Default::default()
    };
    let message = |c: portal_server::Config| async move {
        portal_server::prepare(c)
            .await
            .err()
            .expect("refused")
            .to_string()
    };
    let both = portal_server::Config {
        sandbox_sign_in: true,
        ..base.clone()
    };
    assert!(message(both).await.contains("sandbox sign-in cannot be on"));
    let no_origin = portal_server::Config {
        public_origin: None,
        ..base.clone()
    };
    assert!(message(no_origin).await.contains("needs --origin"));
    let no_secret = portal_server::Config {
        oidc_client_secret: None,
        ..base.clone()
    };
    assert!(message(no_secret)
        .await
        .contains("PORTAL_OIDC_CLIENT_SECRET"));
    let unreachable = message(base).await;
    assert!(
        unreachable.contains("could not be discovered") && unreachable.contains("127.0.0.1:9"),
        "{unreachable}"
    );
}

#[tokio::test]
async fn without_a_provider_or_the_sandbox_nobody_can_sign_in() {
    let s = common::start_with(|c| {
        c.sandbox_sign_in = false;
        c.sandbox_payments = false;
    })
    .await;
    let r = s.get("/auth/sign-in").await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    let r = s
        .client
        .post(format!("{}/auth/sign-in", s.base))
        .form(&[("state", "x"), ("identity", "sandbox-staff-ha")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let body: Value = s.get("/api/v1/session").await.json().await.unwrap();
    assert_eq!(body["sandbox"], false);
    let r = s.get("/auth/callback?code=x&state=y").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}
