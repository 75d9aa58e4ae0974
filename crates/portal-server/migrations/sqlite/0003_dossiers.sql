-- Dossiers, their procedures, timelines, codes and idempotency keys.
CREATE TABLE dossiers (
    id                  INTEGER PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    owner               TEXT NOT NULL,
    applicant_kind      TEXT NOT NULL,
    applicant_id_number TEXT NOT NULL,
    applicant_name      TEXT NOT NULL,
    applicant_tax_code  TEXT,
    lookup_secret       TEXT NOT NULL,
    service_id          TEXT NOT NULL,
    catalogue_version   TEXT NOT NULL,
    answers_json        TEXT NOT NULL,
    status              TEXT NOT NULL,
    fee_amount          INTEGER,
    payment_status      TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX dossiers_owner ON dossiers (owner, created_at);
CREATE INDEX dossiers_status ON dossiers (status, created_at);
CREATE TABLE dossier_procedures (
    dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
    position   INTEGER NOT NULL,
    service_id TEXT NOT NULL,
    status     TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (dossier_id, service_id)
);
CREATE TABLE dossier_events (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
    at         INTEGER NOT NULL,
    event      TEXT NOT NULL,
    procedure  TEXT,
    status     TEXT,
    reason     TEXT,
    actor      TEXT NOT NULL
);
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, id);
CREATE TABLE dossier_counters (
    agency TEXT NOT NULL,
    day    TEXT NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (agency, day)
);
CREATE TABLE idempotency_keys (
    owner       TEXT NOT NULL,
    key         TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status      INTEGER NOT NULL,
    response    TEXT NOT NULL,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers (id),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (owner, key)
);
CREATE TABLE lookup_failures (
    target TEXT NOT NULL,
    at     INTEGER NOT NULL
);
CREATE INDEX lookup_failures_target ON lookup_failures (target, at);
