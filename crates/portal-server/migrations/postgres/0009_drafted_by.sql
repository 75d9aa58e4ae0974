-- Who drafted each publication (four-eyes).
ALTER TABLE catalog_publications ADD COLUMN drafted_by TEXT NOT NULL DEFAULT '';
