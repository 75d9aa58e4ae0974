-- The bytes of each attachment, in the database, so that any server instance can read a
-- file another one received.
CREATE TABLE attachment_bytes (
    id    TEXT PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
    bytes BYTEA NOT NULL
);
