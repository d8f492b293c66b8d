-- The corpus: articles, the people across them, and who said what.
-- Dates are ISO strings (YYYY-MM-DD), so text comparison orders them.

CREATE TABLE articles (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    minhash BYTEA,
    near_duplicate_of BIGINT REFERENCES articles(id) ON DELETE SET NULL,
    similarity DOUBLE PRECISION,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_near_duplicate_of ON articles(near_duplicate_of);

-- MinHash LSH buckets: articles sharing a (band, bucket) are near-duplicate candidates.
CREATE TABLE minhash_bands (
    band INTEGER NOT NULL,
    bucket BIGINT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, article_id)
);

-- One person across articles, keyed by the normalised canonical name.
CREATE TABLE people (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE person_aliases (
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (person_id, alias)
);
CREATE INDEX person_aliases_key ON person_aliases(key);
CREATE TABLE person_titles (
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    published TEXT,
    PRIMARY KEY (person_id, title, article_id)
);

CREATE TABLE entities (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    titles TEXT NOT NULL DEFAULT '[]',
    affiliation TEXT,
    mentions INTEGER NOT NULL,
    first_start INTEGER,
    person_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    UNIQUE (article_id, local_id)
);
CREATE INDEX entities_person ON entities(person_id);
CREATE INDEX entities_key ON entities(type, key);

CREATE TABLE attributions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_entity_id BIGINT REFERENCES entities(id) ON DELETE SET NULL,
    person_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    speaker_name TEXT,
    source_text TEXT,
    cue_text TEXT,
    content TEXT NOT NULL,
    content_start INTEGER,
    content_end INTEGER,
    anonymous BOOLEAN NOT NULL DEFAULT FALSE,
    source_description TEXT,
    via TEXT,
    confidence DOUBLE PRECISION NOT NULL,
    published TEXT,
    UNIQUE (article_id, local_id)
);
CREATE INDEX attributions_article ON attributions(article_id);
CREATE INDEX attributions_person ON attributions(person_id);
CREATE INDEX attributions_published ON attributions(published);

CREATE TABLE events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    trigger_text TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    location TEXT,
    date_text TEXT,
    date_value TEXT,
    attribution_id BIGINT REFERENCES attributions(id) ON DELETE SET NULL,
    negated BOOLEAN NOT NULL DEFAULT FALSE,
    hedged BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (article_id, local_id)
);
CREATE INDEX events_article ON events(article_id);
CREATE TABLE event_participants (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    entity_id BIGINT REFERENCES entities(id) ON DELETE SET NULL,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX event_participants_entity ON event_participants(entity_id);

-- Full-text search: generated tsvector columns with GIN indexes.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', text), 'B')
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);

ALTER TABLE attributions ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('english', content)
) STORED;
CREATE INDEX attributions_search ON attributions USING GIN (search);
