//! Starts a real server on a loopback port with a fresh SQLite file, for HTTP tests.
#![allow(dead_code)]

pub mod portal;
pub mod schema;

use std::path::PathBuf;

use portal_server::{prepare, serve, Config};

pub struct TestServer {
    pub base: String,
    pub dir: tempfile::TempDir,
    pub client: reqwest::Client,
}

impl TestServer {
    /// `GET` of `path` (from `/`) by an anonymous client.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("the server answers")
    }
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub async fn start() -> TestServer {
    start_with(|_| {}).await
}

pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> TestServer {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    start_on(listener, adjust).await
}

/// Like [`start_with`], on a listener bound beforehand (so that its address can go
/// into the configuration, as the OpenID tests need).
pub async fn start_on(
    listener: tokio::net::TcpListener,
    adjust: impl FnOnce(&mut Config),
) -> TestServer {
    let dir = tempfile::tempdir().expect("temp dir");
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).expect("dist");
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>shell</title>",
    )
    .expect("index");
    std::fs::write(dist.join("app-0123456789abcdef_bg.wasm"), b"\0asm").expect("wasm");
    let mut config = Config {
        host: "127.0.0.1".into(),
        port: 0,
        db_path: dir.path().join("data/portal.sqlite3"),
        catalog_dir: repo_root().join("catalog"),
        dist_dir: dist,
        // The HTTP tests sign in through the built-in sandbox page; the OpenID flow has
        // tests of its own against the real local provider (identity_oidc.rs).
        sandbox_sign_in: true,
        sandbox_payments: true,
        ..Config::default()
    };
    adjust(&mut config);
    let state = prepare(config).await.expect("server prepares");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(serve(listener, state, std::future::pending()));
    TestServer {
        base: format!("http://{addr}"),
        dir,
        client: reqwest::Client::new(),
    }
}
