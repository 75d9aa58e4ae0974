-- Sessions keep the person the identity provider vouched for.
ALTER TABLE sessions ADD COLUMN identity_json TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN assurance_level INTEGER NOT NULL DEFAULT 1;
