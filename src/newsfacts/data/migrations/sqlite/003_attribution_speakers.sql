-- Every entity an attribution's source refers to: its one speaker, or both members of a
-- group source ("the two", "both sides"), so that asking what someone said also finds what
-- a group they belong to said. Attributions stored before this version keep their one
-- speaker, copied here.

CREATE TABLE attribution_speakers (
    attribution_id INTEGER NOT NULL REFERENCES attributions(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (attribution_id, entity_id)
);
CREATE INDEX attribution_speakers_entity ON attribution_speakers(entity_id);

INSERT INTO attribution_speakers (attribution_id, entity_id)
SELECT id, speaker_entity_id FROM attributions WHERE speaker_entity_id IS NOT NULL;
