-- The bytes of each attachment, in the database, so that any server instance can read a
-- file another one received. Files kept beside the database by earlier versions are
-- moved in at the first start after this migration (attachments::store::import_files).
CREATE TABLE attachment_bytes (
    id    TEXT PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
    bytes BLOB NOT NULL
);
