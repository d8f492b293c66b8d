"""Link a source span to an entity: names, pronouns, titles and nominals, anonymous sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsfacts.models import Entity

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"they", "them", "we"})
GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})


@cache
def word_list(name: str) -> frozenset[str]:
    """Lower-cased lines of ``data/<name>``, comments and blanks skipped."""
    text = files("newsfacts").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@dataclass(frozen=True)
class Speaker:
    entity: str | None
    anonymous: bool
    how: str  # name | pronoun | title | anonymous | none


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _entity_at(token: Token, entities: Sequence[Entity]) -> Entity | None:
    start, end = token.idx, token.idx + len(token.text)
    for entity in entities:
        if any(_overlaps(start, end, m.start, m.end) for m in entity.mentions):
            return entity
    return None


def _entity_in(source: SpacySpan, entities: Sequence[Entity]) -> Entity | None:
    """The entity whose mention covers the source head, else a PERSON named in it."""
    found = _entity_at(source.root, entities)
    if found is not None:
        return found
    # a person named inside the phrase ("Donna Brazile's spokesman" is not her, but rare)
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            if _overlaps(source.start_char, source.end_char, mention.start, mention.end):
                return entity
    return None


def _latest_before(offset: int, entities: Sequence[Entity], types: frozenset[str]) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.type not in types:
            continue
        for mention in entity.mentions:
            if mention.end <= offset and (best is None or mention.start > best[0]):
                best = (mention.start, entity)
    return best[1] if best else None


def _by_title(head: Token, offset: int, entities: Sequence[Entity]) -> Entity | None:
    """The latest-mentioned entity one of whose titles contains the source's head noun."""
    word = head.lower_
    lemma = head.lemma_.lower()
    candidates = [
        e
        for e in entities
        if any(word in t.lower().split() or lemma in t.lower().split() for t in e.titles)
    ]
    if not candidates:
        return None
    return (
        _latest_before(offset, candidates, frozenset({e.type for e in candidates}))
        or (candidates[0])
    )


def resolve_speaker(
    source: SpacySpan,
    entities: Sequence[Entity],
    recent_speakers: Sequence[str] = (),
) -> Speaker:
    """Resolve ``source`` (a span of the parsed doc) to an entity id, or call it anonymous.

    ``recent_speakers`` holds the speakers of earlier attributions, latest last: a pronoun
    prefers the latest of them of a compatible type before any other earlier mention.
    """
    head = source.root
    named = _entity_in(source, entities)
    if named is not None:
        return Speaker(named.id, False, "name")
    by_id = {e.id: e for e in entities}
    word = head.lower_
    if word in PERSON_PRONOUNS or word in GROUP_PRONOUNS:
        types = frozenset({"PERSON"}) if word in PERSON_PRONOUNS else GROUP_TYPES
        for speaker in reversed(recent_speakers):
            if speaker in by_id and by_id[speaker].type in types:
                return Speaker(speaker, False, "pronoun")
        found = _latest_before(source.start_char, entities, types)
        return Speaker(found.id if found else None, False, "pronoun")
    if head.pos_ in ("NOUN", "PROPN"):
        titled = _by_title(head, source.start_char, entities)
        if titled is not None and any(t.lower_ in ("the", "this", "that") for t in source):
            return Speaker(titled.id, False, "title")
    has_name = any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in source)
    if not has_name and head.lower_ in word_list("anonymous_sources.txt"):
        return Speaker(None, True, "anonymous")
    return Speaker(None, False, "none")
