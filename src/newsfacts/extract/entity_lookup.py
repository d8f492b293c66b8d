"""Finding the entities that a span of the parse names, and the word lists the speaker
rules read."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib.resources import files

from spacy.tokens import Token

from newsfacts.models import Entity

PEOPLE = frozenset({"PERSON"})


@cache
def word_list(name: str) -> frozenset[str]:
    """Lower-cased lines of ``data/<name>``, comments and blanks skipped."""
    text = files("newsfacts").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def entity_at(token: Token, entities: Sequence[Entity]) -> Entity | None:
    start, end = token.idx, token.idx + len(token.text)
    for entity in entities:
        if any(overlaps(start, end, m.start, m.end) for m in entity.mentions):
            return entity
    return None


def latest_before(offset: int, entities: Sequence[Entity], types: frozenset[str]) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.type not in types:
            continue
        for mention in entity.mentions:
            if mention.end <= offset and (best is None or mention.start > best[0]):
                best = (mention.start, entity)
    return best[1] if best else None


def entity_ids(parts: Sequence[Token], entities: Sequence[Entity]) -> tuple[str, ...]:
    """The entity each part names, in order and once each; empty when any part names none."""
    found: list[str] = []
    for part in parts:
        entity = entity_at(part, entities)
        if entity is None:
            return ()
        if entity.id not in found:
            found.append(entity.id)
    return tuple(found)
