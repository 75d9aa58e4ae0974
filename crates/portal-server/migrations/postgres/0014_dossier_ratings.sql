-- The applicant's rating of how a decided dossier was handled, once per dossier, with an
-- optional comment kept for the applicant and staff only. In the dossier's row, so the
-- statistics count ratings with the dossiers they belong to.
ALTER TABLE dossiers ADD COLUMN rating TEXT;
ALTER TABLE dossiers ADD COLUMN rating_comment TEXT;
-- Seconds since the Unix epoch.
ALTER TABLE dossiers ADD COLUMN rated_at BIGINT;
