-- A month's cell of a busy service in a province is split over a few rows (`shard`, the
-- dossier's id modulo their number; crate::statistics::cells): each filing adds to one
-- of them and holds that row's lock until its commit is on disk, so filings of the same
-- cell no longer wait for one another's commits. Every read sums over the shards.
ALTER TABLE statistics_cells ADD COLUMN shard BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_cells DROP CONSTRAINT statistics_cells_pkey;
ALTER TABLE statistics_cells ADD PRIMARY KEY (month, province, service_id, shard);
