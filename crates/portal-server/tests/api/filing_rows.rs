//! The rows a filing writes (`dossiers::filing`), checked row by row on the engine the
//! suite runs on: one statement after another on SQLite, one statement on PostgreSQL
//! (inside a transaction, and on a plain connection where it commits itself). Every
//! way must write the same rows, read back through the same code.

use crate::common;
use portal_server::db::{Database, Writing};
use portal_server::dossiers::filing::{self, Filing};
use portal_server::dossiers::idempotency;
use portal_server::dossiers::store::{self, NewDossier, PaymentStatus, Routed};
use sqlx::Row;

const OWNER: &str = "sandbox-citizen-an";

fn routed() -> Routed {
    Routed {
        system: "province-79".into(),
        code: "H79.X26740".into(),
        name_vi: "Trung tâm".into(),
        name_en: "Centre".into(),
    }
}

/// An online filing by the sandbox citizen, free and routed nowhere; the tests change
/// what they need.
fn citizen_dossier<'a>(
    code: &'a str,
    service: &'a str,
    procedures: &'a [String],
) -> NewDossier<'a> {
    NewDossier {
        code,
        owner: OWNER,
        applicant_kind: "citizen",
        applicant_id_number: "001085012345",
        applicant_name: "Nguyễn Văn An",
        applicant_tax_code: None,
        lookup_secret: "ABCD-EFGH",
        service_id: service,
        catalogue_version: "v1",
        answers_json: "{}",
        procedures,
        fee_amount: None,
        payment_status: PaymentStatus::NotRequired,
        agency: None,
        now: 1_765_000_000,
        due_on: None,
        at_centre: false,
        generated: false,
        among_others: false,
        province: None,
    }
}

async fn file_and_check(db: &Database, in_transaction: bool, n: usize, among_others: bool) {
    let code = format!("X-261204-{n:04}");
    let service = format!("bundle-{n}");
    let key = format!("key-{n}");
    let procedures = ["birth-registration".to_string(), "residence".to_string()];
    let agency = routed();
    let new = NewDossier {
        answers_json: "{\"a\":1}",
        fee_amount: Some(8000),
        payment_status: PaymentStatus::Unpaid,
        agency: Some(&agency),
        due_on: Some("2026-12-10"),
        among_others,
        province: Some("79"),
        ..citizen_dossier(&code, &service, &procedures)
    };
    // An unfinished copy of this application, which the filing ends.
    sqlx::query(
        "INSERT INTO form_drafts (owner, service, sealed, saved_at_ms, answered, steps_completed)
         VALUES ($1, $2, 'sealed', 1, 1, 0)",
    )
    .bind(OWNER)
    .bind(&service)
    .execute(&mut *db.conn().await.unwrap())
    .await
    .unwrap();

    let mut w = if in_transaction {
        Writing::Transaction(db.begin().await.unwrap())
    } else {
        Writing::Statement(db.conn().await.unwrap())
    };
    let rows = Filing {
        dossier: &new,
        key: &key,
        fingerprint: "fp",
        receipt: "{\"code\":\"receipt\"}",
        delivery_id: &format!("dlv_{n}"),
    };
    let id = filing::write(&mut w, db.engine(), &rows).await.unwrap();
    w.finish().await.unwrap();

    let mut c = db.conn().await.unwrap();
    // The dossier, its procedures and its `submitted` event, as the code reads them.
    let read = store::by_id(&mut c, id).await.unwrap().unwrap();
    assert_eq!(
        format!("{:?}", store::as_inserted(id, &new)),
        format!("{read:?}")
    );
    // The answer to its key.
    let stored = idempotency::find(&mut c, OWNER, &key)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            stored.fingerprint.as_str(),
            stored.status,
            stored.response.as_str()
        ),
        ("fp", 201, "{\"code\":\"receipt\"}")
    );
    let by_key: i64 = sqlx::query("SELECT dossier_id FROM idempotency_keys WHERE key = $1")
        .bind(&key)
        .fetch_one(&mut *c)
        .await
        .unwrap()
        .get(0);
    assert_eq!(by_key, id);
    // The delivery owed to its agency, due now.
    let owed = sqlx::query(
        "SELECT dossier_id, system, kind, files_json, state, created_ms, next_ms, attempts
         FROM outbox WHERE delivery_id = $1",
    )
    .bind(format!("dlv_{n}"))
    .fetch_one(&mut *c)
    .await
    .unwrap();
    assert_eq!(owed.get::<i64, _>(0), id);
    assert_eq!(owed.get::<String, _>(1), "province-79");
    assert_eq!(owed.get::<String, _>(2), "dossier");
    assert_eq!(owed.get::<String, _>(3), "[]");
    assert_eq!(owed.get::<String, _>(4), "pending");
    assert_eq!(owed.get::<i64, _>(5), 1_765_000_000_000);
    assert_eq!(owed.get::<i64, _>(6), 1_765_000_000_000);
    assert_eq!(owed.get::<i64, _>(7), 0);
    // Counted once in its month's cell, in a spare row when filed among others.
    let cell = sqlx::query(
        "SELECT month, province, received_online, received_at_centre, generated, shard
         FROM statistics_cells WHERE service_id = $1",
    )
    .bind(&service)
    .fetch_all(&mut *c)
    .await
    .unwrap();
    assert_eq!(cell.len(), 1);
    assert_eq!(cell[0].get::<String, _>(0), "2025-12");
    assert_eq!(cell[0].get::<String, _>(1), "79");
    assert_eq!(cell[0].get::<i64, _>(2), 1);
    assert_eq!(cell[0].get::<i64, _>(3), 0);
    assert_eq!(cell[0].get::<i64, _>(4), 0);
    let shard = cell[0].get::<i64, _>(5);
    if among_others {
        assert_eq!(shard, 1 + id % 15);
    } else {
        assert_eq!(shard, 0);
    }
    // Its unfinished copy is gone.
    let drafts: i64 = sqlx::query("SELECT COUNT(*) FROM form_drafts WHERE service = $1")
        .bind(&service)
        .fetch_one(&mut *c)
        .await
        .unwrap()
        .get(0);
    assert_eq!(drafts, 0);
}

#[tokio::test]
async fn a_filing_writes_every_row_on_either_engine_and_either_way() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&common::fresh_database(dir.path()).await)
        .await
        .unwrap();
    file_and_check(&db, true, 1, false).await;
    file_and_check(&db, true, 2, true).await;
    if db.engine() == portal_server::db::Engine::Postgres {
        // The way a busy instance files: one statement, no transaction around it.
        file_and_check(&db, false, 3, true).await;
        file_and_check(&db, false, 4, false).await;
    }
}

#[tokio::test]
async fn a_key_filed_twice_keeps_the_first_dossier_only() {
    let dir = tempfile::tempdir().unwrap();
    let db_url = common::fresh_database(dir.path()).await;
    let db = Database::open(&db_url).await.unwrap();
    file_and_check(&db, true, 1, false).await;
    // The same key again, as a concurrent retry that got past the check would: refused
    // by the key's unique index, and nothing of it stays.
    let (code, procedures) = ("X-261204-0099".to_string(), ["a".to_string()]);
    let new = NewDossier {
        now: 1_765_000_100,
        among_others: true,
        ..citizen_dossier(&code, "bundle-1", &procedures)
    };
    let mut w = if db.engine() == portal_server::db::Engine::Postgres {
        Writing::Statement(db.conn().await.unwrap())
    } else {
        Writing::Transaction(db.begin().await.unwrap())
    };
    let rows = Filing {
        dossier: &new,
        key: "key-1",
        fingerprint: "fp2",
        receipt: "{}",
        delivery_id: "dlv_x",
    };
    let err = filing::write(&mut w, db.engine(), &rows).await.unwrap_err();
    assert!(err.is_unique_violation(), "{err}");
    drop(w);
    for (table, want) in [
        ("dossiers", 1),
        ("dossier_procedures", 2),
        ("dossier_events", 1),
        ("idempotency_keys", 1),
        ("outbox", 1),
    ] {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        assert_eq!(common::count(&db_url, &sql).await, want, "{table}");
    }
    let counted = "SELECT CAST(SUM(received_online) AS BIGINT) FROM statistics_cells";
    assert_eq!(common::count(&db_url, counted).await, 1);
}
