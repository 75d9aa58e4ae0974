-- Signed-in people's unfinished applications, so they can be continued on another
-- device. The answers are sealed (AES-256-GCM; see src/drafts/seal.rs): the database
-- holds only who, which service, when, and two counts for the list.
CREATE TABLE form_drafts (
    owner            TEXT NOT NULL,
    service          TEXT NOT NULL,
    sealed           TEXT NOT NULL,
    -- Milliseconds since the Unix epoch, as the person's device gave it.
    saved_at_ms      BIGINT NOT NULL,
    answered         BIGINT NOT NULL,
    steps_completed  BIGINT NOT NULL,
    PRIMARY KEY (owner, service)
);
