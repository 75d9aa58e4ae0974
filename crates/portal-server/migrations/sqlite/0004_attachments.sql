-- Attachments (until migration 10 their bytes sat in files beside the database).
CREATE TABLE attachments (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    name        TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    dossier_id  INTEGER REFERENCES dossiers (id),
    attached_at INTEGER,
    supplement  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachments_owner ON attachments (owner, dossier_id);
CREATE INDEX attachments_dossier ON attachments (dossier_id);
