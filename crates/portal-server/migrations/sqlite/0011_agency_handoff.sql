-- Handing dossiers to the agencies' systems (an outbox the delivery workers drain) and
-- taking their status events back (each applied once, in order).
ALTER TABLE dossiers ADD COLUMN agency_system TEXT;
ALTER TABLE dossiers ADD COLUMN agency_code TEXT;
ALTER TABLE dossiers ADD COLUMN agency_name_vi TEXT;
ALTER TABLE dossiers ADD COLUMN agency_name_en TEXT;
-- The sequence of the last agency event applied: an older one is not applied.
ALTER TABLE dossiers ADD COLUMN agency_sequence BIGINT NOT NULL DEFAULT 0;
-- Where to collect a result that is not a document.
ALTER TABLE dossiers ADD COLUMN result_note TEXT;
-- The result document the agency sent (an attachment of the dossier), and its name.
ALTER TABLE dossiers ADD COLUMN result_document_id TEXT;
ALTER TABLE dossiers ADD COLUMN result_document_name TEXT;
ALTER TABLE attachments ADD COLUMN from_agency BIGINT NOT NULL DEFAULT 0;
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    delivery_id   TEXT NOT NULL UNIQUE,
    dossier_id    BIGINT NOT NULL REFERENCES dossiers (id),
    system        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    files_json    TEXT NOT NULL,
    note          TEXT,
    -- Milliseconds since the Unix epoch.
    created_ms    BIGINT NOT NULL,
    next_ms       BIGINT NOT NULL,
    lease_ms      BIGINT NOT NULL DEFAULT 0,
    attempts      BIGINT NOT NULL DEFAULT 0,
    state         TEXT NOT NULL,
    last_error    TEXT,
    delivered_ms  BIGINT
);
CREATE INDEX outbox_due ON outbox (next_ms) WHERE state = 'pending';
CREATE INDEX outbox_state ON outbox (state, id);
CREATE INDEX outbox_dossier ON outbox (dossier_id);
CREATE TABLE agency_events (
    system      TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    dossier_id  BIGINT NOT NULL REFERENCES dossiers (id),
    sequence    BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (system, event_id)
);
