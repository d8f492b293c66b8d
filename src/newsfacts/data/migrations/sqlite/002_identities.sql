-- Organisations, places and groups across articles, as people are (store/identities.py says
-- why beside people rather than instead of them). kind: organisation | place | group.
-- Entities stored before this version get their identity from a backfill that reads each
-- article's facts (its mention texts give the aliases), run by the migration code after this.

CREATE TABLE identities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (kind, key)
);
CREATE TABLE identity_aliases (
    identity_id INTEGER NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (identity_id, alias)
);
CREATE INDEX identity_aliases_key ON identity_aliases(key);

ALTER TABLE entities ADD COLUMN identity_id INTEGER REFERENCES identities(id) ON DELETE SET NULL;
CREATE INDEX entities_identity ON entities(identity_id);
