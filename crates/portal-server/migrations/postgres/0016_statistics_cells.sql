-- The public statistics (#19), kept as they happen: one row per month, province and
-- service, with what was received, decided and rated in it. Each filing, first decision
-- and rating adds to its row in the same transaction (crate::statistics::cells), so a
-- page over a million dossiers adds up at most a few thousand rows. Months are
-- 'yyyy-mm' in Vietnam's calendar; a dossier filed without a place has province ''.
CREATE TABLE statistics_cells (
    month              TEXT NOT NULL,
    province           TEXT NOT NULL,
    service_id         TEXT NOT NULL,
    received_online    BIGINT NOT NULL DEFAULT 0,
    received_at_centre BIGINT NOT NULL DEFAULT 0,
    decided            BIGINT NOT NULL DEFAULT 0,
    decided_on_time    BIGINT NOT NULL DEFAULT 0,
    decided_late       BIGINT NOT NULL DEFAULT 0,
    fee_due            BIGINT NOT NULL DEFAULT 0,
    paid_online        BIGINT NOT NULL DEFAULT 0,
    satisfied          BIGINT NOT NULL DEFAULT 0,
    neutral            BIGINT NOT NULL DEFAULT 0,
    not_satisfied      BIGINT NOT NULL DEFAULT 0,
    -- Of the dossiers received, those generated for a demonstration or a benchmark.
    generated          BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (month, province, service_id)
);
-- How a dossier reached the agency: 'online' (this portal) or 'centre' (the one-stop
-- centre's counter, entered by its staff); and whether it was generated (bench/, never
-- by a person).
ALTER TABLE dossiers ADD COLUMN channel TEXT NOT NULL DEFAULT 'online';
ALTER TABLE dossiers ADD COLUMN generated BIGINT NOT NULL DEFAULT 0;
-- Dossiers still open or decided late, by the day decided: what "overdue at the end of
-- a period" counts (open ones, and those decided after the period's end), a small part
-- of all dossiers, read as two short ranges (crate::statistics::query::overdue).
CREATE INDEX dossiers_overdue ON dossiers (decided_on, due_on, province, service_id)
    WHERE due_on IS NOT NULL AND (decided_on IS NULL OR decided_on > due_on);
-- The dossiers filed before: received, decided and rated (the same rule as the code's:
-- on time when decided on or before the due date; without a due date, neither).
INSERT INTO statistics_cells (month, province, service_id, received_online)
SELECT substr(received_on, 1, 7), COALESCE(province, ''), service_id, count(*)
FROM dossiers WHERE received_on IS NOT NULL
GROUP BY substr(received_on, 1, 7), COALESCE(province, ''), service_id;
INSERT INTO statistics_cells (month, province, service_id, decided, decided_on_time,
    decided_late, fee_due, paid_online)
SELECT substr(decided_on, 1, 7), COALESCE(province, ''), service_id, count(*),
    sum(CASE WHEN due_on IS NOT NULL AND decided_on <= due_on THEN 1 ELSE 0 END),
    sum(CASE WHEN due_on IS NOT NULL AND decided_on > due_on THEN 1 ELSE 0 END),
    sum(CASE WHEN payment_status <> 'not_required' THEN 1 ELSE 0 END),
    sum(CASE WHEN payment_status = 'paid' THEN 1 ELSE 0 END)
FROM dossiers WHERE decided_on IS NOT NULL
GROUP BY substr(decided_on, 1, 7), COALESCE(province, ''), service_id
ON CONFLICT (month, province, service_id) DO UPDATE SET
    decided = excluded.decided, decided_on_time = excluded.decided_on_time,
    decided_late = excluded.decided_late, fee_due = excluded.fee_due,
    paid_online = excluded.paid_online;
INSERT INTO statistics_cells (month, province, service_id, satisfied, neutral, not_satisfied)
SELECT substr(to_char(to_timestamp(rated_at + 7 * 3600) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 1, 7), COALESCE(province, ''), service_id,
    sum(CASE WHEN rating = 'satisfied' THEN 1 ELSE 0 END),
    sum(CASE WHEN rating = 'neutral' THEN 1 ELSE 0 END),
    sum(CASE WHEN rating = 'not_satisfied' THEN 1 ELSE 0 END)
FROM dossiers WHERE rating IS NOT NULL AND rated_at IS NOT NULL
GROUP BY substr(to_char(to_timestamp(rated_at + 7 * 3600) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 1, 7), COALESCE(province, ''), service_id
ON CONFLICT (month, province, service_id) DO UPDATE SET
    satisfied = excluded.satisfied, neutral = excluded.neutral,
    not_satisfied = excluded.not_satisfied;
