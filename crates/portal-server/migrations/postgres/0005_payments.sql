-- Payment attempts and server secrets (the payment callback key).
CREATE TABLE payments (
    id           TEXT PRIMARY KEY,
    dossier_id   BIGINT NOT NULL REFERENCES dossiers (id),
    amount       BIGINT NOT NULL,
    status       TEXT NOT NULL,
    return_to    TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    completed_at BIGINT
);
CREATE INDEX payments_dossier ON payments (dossier_id, created_at);
CREATE TABLE server_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
