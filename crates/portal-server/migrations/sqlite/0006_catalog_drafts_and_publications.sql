-- Draft catalogues staff preview, and every publication (for rollback).
CREATE TABLE catalog_drafts (
    id          TEXT PRIMARY KEY,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    version     TEXT NOT NULL,
    files_json  TEXT NOT NULL
);
CREATE TABLE catalog_publications (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    version       TEXT NOT NULL,
    files_json    TEXT NOT NULL,
    disk_version  TEXT NOT NULL,
    action        TEXT NOT NULL,
    published_by  TEXT NOT NULL,
    published_at  TEXT NOT NULL
);
