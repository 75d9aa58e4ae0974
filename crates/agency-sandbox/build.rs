//! The schema migrations are compiled in (`sqlx::migrate!`): rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
