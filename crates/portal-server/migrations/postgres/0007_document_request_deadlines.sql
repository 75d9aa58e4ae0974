-- The deadline of each request for additional documents.
ALTER TABLE dossier_events ADD COLUMN due TEXT;
ALTER TABLE dossier_events ADD COLUMN due_working_days BIGINT;
