-- Feedback on the portal's pages. Who sent it is not kept: only whether they were signed
-- in, the email they chose to leave, and a hash of their network address, which limits
-- how many messages one address sends in an hour.
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    -- Seconds since the Unix epoch.
    received_at  BIGINT NOT NULL,
    page         TEXT NOT NULL,
    message      TEXT NOT NULL,
    email        TEXT,
    signed_in    BIGINT NOT NULL,
    client_hash  TEXT NOT NULL
);
CREATE INDEX feedback_client ON feedback (client_hash, received_at);
CREATE INDEX feedback_received ON feedback (received_at);
