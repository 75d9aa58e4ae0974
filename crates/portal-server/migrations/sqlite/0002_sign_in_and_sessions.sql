-- Sign-in requests and sessions.
CREATE TABLE sign_in_requests (
    state      TEXT PRIMARY KEY,
    return_to  TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE TABLE sessions (
    token_hash          TEXT PRIMARY KEY,
    subject             TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    last_seen           INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL,
    absolute_expires_at INTEGER NOT NULL,
    ended_at            INTEGER
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
