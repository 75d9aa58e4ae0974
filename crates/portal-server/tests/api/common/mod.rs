//! Starts a real server on a loopback port with a fresh database, for HTTP tests: a
//! SQLite file, or with `PORTAL_TEST_POSTGRES` set (a URL of a PostgreSQL server the
//! tests may create databases on; `scripts/test` starts one), a new PostgreSQL database.
#![allow(dead_code)]

pub mod forms;
pub mod portal;
pub mod process;
pub mod schema;

use std::path::PathBuf;

use portal_server::{prepare, serve, Config};

pub struct TestServer {
    pub base: String,
    pub dir: tempfile::TempDir,
    pub client: reqwest::Client,
    /// Where the server's database is (a SQLite path or a PostgreSQL URL).
    pub db: String,
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

/// The PostgreSQL server the tests run against, if any.
pub fn postgres() -> Option<String> {
    std::env::var("PORTAL_TEST_POSTGRES")
        .ok()
        .filter(|v| !v.is_empty())
}

/// A fresh, empty database for one server: a SQLite file in `dir`, or a new database
/// on the test PostgreSQL server.
pub async fn fresh_database(dir: &std::path::Path) -> String {
    match postgres() {
        None => dir.join("data/portal.sqlite3").display().to_string(),
        Some(server) => {
            use sqlx::Executor;
            let name = format!(
                "t_{}",
                portal_server::random::token()
                    .unwrap()
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .take(20)
                    .collect::<String>()
                    .to_lowercase()
            );
            let mut admin = portal_server::db::connect_one(&server)
                .await
                .expect("PostgreSQL answers");
            admin
                .execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .expect("create a test database");
            let mut url = url::Url::parse(&server).expect("PORTAL_TEST_POSTGRES is a URL");
            url.set_path(&name);
            url.to_string()
        }
    }
}

/// One connection to a test server's database, to look at what it stored.
pub async fn db_conn(db: &str) -> portal_server::db::Conn {
    portal_server::db::connect_one(db)
        .await
        .expect("the database answers")
}

/// `SELECT COUNT(*) …` (or any one-integer query) on a test server's database.
pub async fn count(db: &str, sql: &str) -> i64 {
    use sqlx::Row;
    let mut c = db_conn(db).await;
    sqlx::query(sql)
        .fetch_one(&mut c)
        .await
        .expect("query")
        .get::<i64, _>(0)
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
        db: fresh_database(dir.path()).await,
        catalog_dir: repo_root().join("catalog"),
        dist_dir: dist,
        // The HTTP tests sign in through the built-in sandbox page; the OpenID flow has
        // tests of its own against the real local provider (identity_oidc.rs).
        sandbox_sign_in: true,
        sandbox_payments: true,
        ..Config::default()
    };
    adjust(&mut config);
    let db = config.db.clone();
    let state = prepare(config).await.expect("server prepares");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(serve(listener, state, std::future::pending()));
    TestServer {
        base: format!("http://{addr}"),
        dir,
        client: reqwest::Client::new(),
        db,
    }
}
