-- Attachments (until migration 10 their bytes sat in files beside the database).
CREATE TABLE attachments (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    name        TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        BIGINT NOT NULL,
    sha256      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    dossier_id  BIGINT REFERENCES dossiers (id),
    attached_at BIGINT,
    supplement  BIGINT NOT NULL DEFAULT 0,
    -- Upload order, named like the implicit rowid SQLite orders these rows by, so one
    -- query serves both engines.
    rowid       BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);
CREATE INDEX attachments_owner ON attachments (owner, dossier_id);
CREATE INDEX attachments_dossier ON attachments (dossier_id);
