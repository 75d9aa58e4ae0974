-- What the public statistics count by (#19), written when the dossier is filed and when it
-- is decided, so the figures are plain comparisons of dates on either engine: the day it
-- was received and the day it is due (Vietnam's calendar, yyyy-mm-dd; due from the
-- service's processing time in working days, none when that is not bounded), the day it
-- was first decided, and the province it was filed in.
ALTER TABLE dossiers ADD COLUMN received_on TEXT;
ALTER TABLE dossiers ADD COLUMN due_on TEXT;
ALTER TABLE dossiers ADD COLUMN decided_on TEXT;
ALTER TABLE dossiers ADD COLUMN province TEXT;
-- Dossiers filed before: the day they were received, in Vietnam (UTC+7, no summer time).
UPDATE dossiers SET received_on = date(created_at, 'unixepoch', '+7 hours');
CREATE INDEX dossiers_statistics ON dossiers (received_on, province, service_id);
