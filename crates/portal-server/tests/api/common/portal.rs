//! Acting as a person in a browser, over real HTTP: signing in through the sandbox
//! identity provider's page, then calling the API with the session cookie and the
//! header the web app sends on every change.

use reqwest::{Client, RequestBuilder, Response, StatusCode};
use serde_json::{json, Value};

pub const CITIZEN: &str = "sandbox-citizen-an";
pub const CITIZEN_B: &str = "sandbox-citizen-binh";
pub const CITIZEN_C: &str = "sandbox-citizen-chau";
/// Born in 1958: over 60, so exempt from the fees the law waives for older people.
pub const CITIZEN_OLDER: &str = "sandbox-citizen-giang";
pub const BUSINESS: &str = "sandbox-business-dung";
pub const STAFF: &str = "sandbox-staff-ha";

/// ID number of [`CITIZEN`] in the sandbox identity file.
pub const CITIZEN_ID_NUMBER: &str = "001085012345";

/// A client that shows redirects instead of following them.
pub fn client() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// The `state` hidden field of the sign-in page.
pub fn state_of(page: &str) -> String {
    let start = page
        .find("name=\"state\" value=\"")
        .expect("the sign-in page has a state")
        + "name=\"state\" value=\"".len();
    let end = page[start..].find('"').expect("end of state") + start;
    page[start..end].to_string()
}

/// `name=value` of the session cookie in a `Set-Cookie` header.
pub fn cookie_pair(set_cookie: &str) -> String {
    set_cookie
        .split(';')
        .next()
        .expect("cookie pair")
        .trim()
        .to_string()
}

/// Someone signed in.
#[derive(Clone)]
pub struct User {
    pub base: String,
    pub client: Client,
    /// `portal_session=<token>`.
    pub cookie: String,
    pub subject: String,
}

/// Opens the sandbox sign-in page at `base` and returns its signed one-time state.
pub async fn sign_in_state(client: &Client, base: &str) -> String {
    let page = client
        .get(format!("{base}/auth/sign-in?return_to=/dossiers"))
        .send()
        .await
        .expect("sign-in page")
        .text()
        .await
        .expect("page text");
    state_of(&page)
}

/// The provider's `X-Sandbox-Signature` of a payment notification body under `key`.
pub fn sign_callback(body: &[u8], key: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).expect("any key length");
    mac.update(body);
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("sha256={hex}")
}

/// Signs in as `subject` the way a browser does.
pub async fn sign_in(base: &str, subject: &str) -> User {
    let client = client();
    let state = sign_in_state(&client, base).await;
    let r = client
        .post(format!("{base}/auth/sign-in"))
        .form(&[("state", state.as_str()), ("identity", subject)])
        .send()
        .await
        .expect("sign in");
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "sign-in redirects back");
    let set_cookie = r.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .to_string();
    User {
        base: base.to_string(),
        client,
        cookie: cookie_pair(&set_cookie),
        subject: subject.to_string(),
    }
}

impl User {
    pub fn get(&self, path: &str) -> RequestBuilder {
        self.client
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
    }

    /// A state-changing request as the web app makes it.
    pub fn post(&self, path: &str) -> RequestBuilder {
        self.client
            .post(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .header("x-portal-request", "1")
    }

    pub fn delete(&self, path: &str) -> RequestBuilder {
        self.client
            .delete(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .header("x-portal-request", "1")
    }

    pub async fn upload(&self, name: &str, bytes: Vec<u8>) -> Response {
        self.post("/api/v1/attachments")
            .query(&[("name", name)])
            .header("content-type", "application/octet-stream")
            .body(bytes)
            .send()
            .await
            .expect("upload")
    }

    /// Uploads and returns the new attachment's id.
    pub async fn upload_ok(&self, name: &str, bytes: Vec<u8>) -> String {
        let r = self.upload(name, bytes).await;
        assert_eq!(r.status(), StatusCode::CREATED, "upload of {name}");
        let body: Value = r.json().await.expect("json");
        body["id"].as_str().expect("id").to_string()
    }

    pub async fn submit(&self, key: &str, body: &Value) -> Response {
        self.post("/api/v1/dossiers")
            .header("idempotency-key", key)
            .json(body)
            .send()
            .await
            .expect("submit")
    }

    /// Submits and returns the receipt, asserting success.
    pub async fn submit_ok(&self, key: &str, body: &Value) -> Value {
        let r = self.submit(key, body).await;
        let status = r.status();
        let receipt: Value = r.json().await.expect("json");
        assert_eq!(status, StatusCode::CREATED, "{receipt}");
        receipt
    }

    pub async fn get_json(&self, path: &str) -> (StatusCode, Value) {
        let r = self.get(path).send().await.expect("get");
        let status = r.status();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// Moves a dossier as staff.
    pub async fn move_to(&self, code: &str, status: &str, reason: Option<&str>) -> Response {
        let mut body = json!({ "status": status });
        if let Some(r) = reason {
            body["reason"] = json!(r);
        }
        self.post(&format!("/api/v1/staff/dossiers/{code}/status"))
            .json(&body)
            .send()
            .await
            .expect("move")
    }
}

/// The error code of an error response.
pub async fn error_code(r: Response) -> (StatusCode, String) {
    let status = r.status();
    let body: Value = r.json().await.unwrap_or(Value::Null);
    (
        status,
        body["error"]["code"]
            .as_str()
            .unwrap_or("<no code>")
            .to_string(),
    )
}

/// A small but well-formed PDF of about `size` bytes.
pub fn pdf(size: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Type /Catalog >> endobj\n".to_vec();
    while v.len() + 7 < size {
        v.push(b'%');
    }
    v.extend_from_slice(b"\n%%EOF\n");
    v
}

/// A 1x1 PNG.
pub fn png() -> Vec<u8> {
    let mut v =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde".to_vec();
    v.extend_from_slice(b"\0\0\0\x0cIDATx\x9cc\xf8\xff\xff?\0\x05\xfe\x02\xfe\xa7\x35\x81\x84");
    v.extend_from_slice(b"\0\0\0\0IEND\xaeB`\x82");
    v
}

/// The start of a Windows program.
pub fn exe() -> Vec<u8> {
    let mut v = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0".to_vec();
    v.extend_from_slice(&[0u8; 200]);
    v.extend_from_slice(b"This program cannot be run in DOS mode.");
    v
}

/// A submission body for `service_id` with these attachments.
pub fn submission(service_id: &str, attachments: &[String]) -> Value {
    json!({
        "service_id": service_id,
        "answers": { "child_name": "Nguyễn Văn Bé", "note": "thử nghiệm" },
        "attachments": attachments,
    })
}

/// A server whose catalogue is the repository's plus the fixtures under
/// `tests/fixtures/services` (a bundle with a fee, a business-only service).
pub struct FixtureServer {
    pub server: super::TestServer,
    _catalog: tempfile::TempDir,
}

impl std::ops::Deref for FixtureServer {
    type Target = super::TestServer;
    fn deref(&self) -> &super::TestServer {
        &self.server
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read catalogue") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The catalogue folder with the fixtures added, for servers started elsewhere. The
/// services' forms are left out: these tests exercise the dossier mechanics (identity,
/// idempotency, attachments, payments, tracking) with free-form answers; the form rules
/// are tested on the real catalogue in `dossiers_form_rules.rs`.
pub fn fixture_catalogue() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&super::repo_root().join("catalog"), dir.path());
    let _ = std::fs::remove_dir_all(dir.path().join("forms"));
    copy_dir(
        &super::repo_root().join("crates/portal-server/tests/fixtures/services"),
        &dir.path().join("services"),
    );
    dir
}

pub async fn start_with_fixtures(adjust: impl FnOnce(&mut portal_server::Config)) -> FixtureServer {
    let catalog = fixture_catalogue();
    let path = catalog.path().to_path_buf();
    let server = super::start_with(move |c| {
        c.catalog_dir = path;
        adjust(c);
    })
    .await;
    FixtureServer {
        server,
        _catalog: catalog,
    }
}

/// The `(path, code)` of each problem in an `invalid_dossier` refusal's body.
pub fn problems(body: &Value) -> Vec<(String, String)> {
    body["error"]["details"]["problems"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    (
                        p["path"].as_str().unwrap_or_default().to_string(),
                        p["code"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The bytes of a hex string.
pub fn unhex(s: &str) -> Vec<u8> {
    portal_server::random::unhex(s).expect("hex")
}
