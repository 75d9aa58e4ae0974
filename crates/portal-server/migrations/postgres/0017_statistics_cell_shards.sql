-- A month's cell may spread over a few rows (`shard`): a filing made while others are on
-- their way adds to a spare row (crate::statistics::cells), so filings of one busy cell
-- need not wait for one another's commits, each holding the row's lock until its commit
-- is on disk. A quiet cell stays one row (shard 0); every read sums a cell's rows.
ALTER TABLE statistics_cells ADD COLUMN shard BIGINT NOT NULL DEFAULT 0;
ALTER TABLE statistics_cells DROP CONSTRAINT statistics_cells_pkey;
ALTER TABLE statistics_cells ADD PRIMARY KEY (month, province, service_id, shard);
