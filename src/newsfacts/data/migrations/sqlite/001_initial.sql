-- The corpus: articles, the people across them, and who said what.
-- Dates are ISO strings (YYYY-MM-DD), so text comparison orders them.

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    input TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    published TEXT,
    outlet TEXT,
    url TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    language TEXT,
    text TEXT NOT NULL,
    body TEXT NOT NULL,
    facts TEXT NOT NULL,
    minhash BLOB,
    near_duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    similarity REAL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_near_duplicate_of ON articles(near_duplicate_of);

-- MinHash LSH buckets: articles sharing a (band, bucket) are near-duplicate candidates.
CREATE TABLE minhash_bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, article_id)
);

-- One person across articles, keyed by the normalised canonical name.
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE person_aliases (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (person_id, alias)
);
CREATE INDEX person_aliases_key ON person_aliases(key);
CREATE TABLE person_titles (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    published TEXT,
    PRIMARY KEY (person_id, title, article_id)
);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    titles TEXT NOT NULL DEFAULT '[]',
    affiliation TEXT,
    mentions INTEGER NOT NULL,
    first_start INTEGER,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    UNIQUE (article_id, local_id)
);
CREATE INDEX entities_person ON entities(person_id);
CREATE INDEX entities_key ON entities(type, key);

CREATE TABLE attributions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    speaker_name TEXT,
    source_text TEXT,
    cue_text TEXT,
    content TEXT NOT NULL,
    content_start INTEGER,
    content_end INTEGER,
    anonymous BOOLEAN NOT NULL DEFAULT 0,
    source_description TEXT,
    via TEXT,
    confidence REAL NOT NULL,
    published TEXT,
    UNIQUE (article_id, local_id)
);
CREATE INDEX attributions_article ON attributions(article_id);
CREATE INDEX attributions_person ON attributions(person_id);
CREATE INDEX attributions_published ON attributions(published);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    trigger_text TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    location TEXT,
    date_text TEXT,
    date_value TEXT,
    attribution_id INTEGER REFERENCES attributions(id) ON DELETE SET NULL,
    negated BOOLEAN NOT NULL DEFAULT 0,
    hedged BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (article_id, local_id)
);
CREATE INDEX events_article ON events(article_id);
CREATE TABLE event_participants (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX event_participants_entity ON event_participants(entity_id);

-- Full-text search: external-content FTS5 tables kept in step by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;

CREATE VIRTUAL TABLE attributions_fts USING fts5(
    content, speaker_name, content='attributions', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
    INSERT INTO attributions_fts(rowid, content, speaker_name)
    VALUES (new.id, new.content, new.speaker_name);
END;
CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
    INSERT INTO attributions_fts(attributions_fts, rowid, content, speaker_name)
    VALUES ('delete', old.id, old.content, old.speaker_name);
END;
CREATE TRIGGER attributions_fts_update AFTER UPDATE OF speaker_name ON attributions BEGIN
    INSERT INTO attributions_fts(attributions_fts, rowid, content, speaker_name)
    VALUES ('delete', old.id, old.content, old.speaker_name);
    INSERT INTO attributions_fts(rowid, content, speaker_name)
    VALUES (new.id, new.content, new.speaker_name);
END;
