-- A month's cell may spread over a few rows (`shard`): a filing made while others are on
-- their way adds to a spare row (crate::statistics::cells), which on PostgreSQL spares
-- filings of one busy cell waiting for one another's commits. A quiet cell stays one row
-- (shard 0); every read sums a cell's rows. SQLite cannot change a primary key in place:
-- the table is rebuilt.
CREATE TABLE statistics_cells_sharded (
    month              TEXT NOT NULL,
    province           TEXT NOT NULL,
    service_id         TEXT NOT NULL,
    received_online    INTEGER NOT NULL DEFAULT 0,
    received_at_centre INTEGER NOT NULL DEFAULT 0,
    decided            INTEGER NOT NULL DEFAULT 0,
    decided_on_time    INTEGER NOT NULL DEFAULT 0,
    decided_late       INTEGER NOT NULL DEFAULT 0,
    fee_due            INTEGER NOT NULL DEFAULT 0,
    paid_online        INTEGER NOT NULL DEFAULT 0,
    satisfied          INTEGER NOT NULL DEFAULT 0,
    neutral            INTEGER NOT NULL DEFAULT 0,
    not_satisfied      INTEGER NOT NULL DEFAULT 0,
    generated          INTEGER NOT NULL DEFAULT 0,
    shard              INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, province, service_id, shard)
);
INSERT INTO statistics_cells_sharded (month, province, service_id, received_online,
    received_at_centre, decided, decided_on_time, decided_late, fee_due, paid_online,
    satisfied, neutral, not_satisfied, generated)
SELECT month, province, service_id, received_online, received_at_centre, decided,
    decided_on_time, decided_late, fee_due, paid_online, satisfied, neutral, not_satisfied,
    generated
FROM statistics_cells;
DROP TABLE statistics_cells;
ALTER TABLE statistics_cells_sharded RENAME TO statistics_cells;
