//! The real server binary run as a separate process, for tests that kill it (SIGKILL)
//! or run several instances on one database.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The real server binary, run as a separate process.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub addr: String,
}

impl Server {
    pub fn start(db: &str, catalog: &Path, dist: &Path) -> Server {
        Server::start_with(db, catalog, dist, &[], &[])
    }

    /// With more flags and environment variables.
    pub fn start_with(
        db: &str,
        catalog: &Path,
        dist: &Path,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_portal-server"))
            .args(["--sandbox-sign-in", "--sandbox-payments"])
            .args(args)
            .envs(env.iter().copied())
            .args(["--host", "127.0.0.1", "--port", "0", "--db"])
            .arg(db)
            .arg("--catalog")
            .arg(catalog)
            .arg("--dist")
            .arg(dist)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server binary starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        // Reads the address the server prints, then keeps draining its output.
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if !sent {
                    if let Some(rest) = line.split("http://").nth(1) {
                        let addr = rest.split('/').next().unwrap_or_default().to_string();
                        let _ = tx.send(addr);
                        sent = true;
                    }
                }
            }
        });
        let addr = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the server prints its address");
        Server {
            child,
            base: format!("http://{addr}"),
            addr,
        }
    }

    /// SIGKILL: no shutdown code runs.
    pub fn kill(mut self) {
        self.child.kill().expect("kill");
        self.child.wait().expect("wait");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
