-- Sign-in requests and sessions.
CREATE TABLE sign_in_requests (
    state      TEXT PRIMARY KEY,
    return_to  TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE TABLE sessions (
    token_hash          TEXT PRIMARY KEY,
    subject             TEXT NOT NULL,
    created_at          BIGINT NOT NULL,
    last_seen           BIGINT NOT NULL,
    expires_at          BIGINT NOT NULL,
    absolute_expires_at BIGINT NOT NULL,
    ended_at            BIGINT
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
