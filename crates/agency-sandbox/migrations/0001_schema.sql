-- The sandbox agency's own records: what the portal delivered, and the events sent back.

CREATE TABLE dossiers (
    code TEXT PRIMARY KEY,
    -- The agency system it came through; its events are signed with that system's key.
    system TEXT NOT NULL,
    service_id TEXT NOT NULL,
    service_name_vi TEXT NOT NULL,
    -- JSON array of procedure codes.
    procedures TEXT NOT NULL,
    agency_code TEXT NOT NULL,
    agency_name_vi TEXT NOT NULL,
    agency_name_en TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    applicant_id_number TEXT NOT NULL,
    -- The answers' JSON as delivered (absent when only documents were ever delivered).
    answers TEXT,
    received_at TEXT NOT NULL,
    next_sequence INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE deliveries (
    delivery_id TEXT PRIMARY KEY,
    dossier_code TEXT NOT NULL REFERENCES dossiers (code),
    system TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT,
    received_at TEXT NOT NULL,
    -- Repeats count here and change nothing else.
    times_received INTEGER NOT NULL DEFAULT 1,
    last_received_at TEXT NOT NULL
);
CREATE INDEX deliveries_by_dossier ON deliveries (dossier_code, received_at);

CREATE TABLE files (
    dossier_code TEXT NOT NULL REFERENCES dossiers (code),
    id TEXT NOT NULL,
    delivery_id TEXT NOT NULL REFERENCES deliveries (delivery_id),
    field TEXT NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (dossier_code, id)
);

CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    dossier_code TEXT NOT NULL REFERENCES dossiers (code),
    system TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    -- The event's type (`received`, `documents_requested`, ...).
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    -- The JSON body exactly as signed and sent.
    body TEXT NOT NULL,
    -- pending (to send, or to send again), answered (the portal took it), refused (a
    -- final refusal: only the officer's "send again" tries it again).
    state TEXT NOT NULL DEFAULT 'pending',
    -- The portal's EventOutcome when answered.
    outcome TEXT,
    -- The last answer in words: the outcome, an HTTP status and error, or why nothing came.
    answer TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT,
    UNIQUE (dossier_code, sequence)
);
CREATE INDEX events_to_send ON events (state, dossier_code, sequence);
