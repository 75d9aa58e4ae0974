-- Every catalogue version the server has served, so a publish can be rolled back
-- and a draft can say which version it was started on.
CREATE TABLE catalog_versions (
    version      TEXT PRIMARY KEY,
    first_served TEXT NOT NULL,
    services     INTEGER NOT NULL,
    index_json   TEXT NOT NULL
);
