"""Sources that stand for several parties: "the two", "both sides", "the two leaders"."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsfacts.extract.entity_lookup import PEOPLE, entity_at
from newsfacts.models import Entity

PARTIES = frozenset({"GPE", "ORG", "NORP"})
GROUP_NOUNS = {
    "men": PEOPLE,
    "women": PEOPLE,
    "leaders": PEOPLE,
    "ministers": PEOPLE,
    "officials": PEOPLE,
    "presidents": PEOPLE,
    "countries": PARTIES,
    "nations": PARTIES,
    "governments": PARTIES,
    "states": PARTIES,
    "sides": PEOPLE | PARTIES,
    "companies": frozenset({"ORG"}),
    "firms": frozenset({"ORG"}),
    "giants": frozenset({"ORG"}),
    "rivals": PEOPLE | PARTIES,
}


def group(source: SpacySpan, entities: Sequence[Entity]) -> tuple[tuple[str, ...], str | None]:
    """The two entities a group source means: "the two", "both", "both sides", "the two
    leaders", "the two chip giants", and the words that say who they are where only one is
    named. The two latest named before the source in its sentence (else in one of the two
    sentences before), both of one type, people first, places where something happened ("in
    Beijing") left out. Where the nearest pair joined by "and" names only one ("between Gen.
    Brown and his counterpart, the two …"), that one, with the pair's words; nothing when
    the nearest sentence naming a candidate names only one otherwise."""
    words = [t.lower_ for t in source if not t.is_punct]
    if words[:2] == ["the", "two"] or words[:2] == ["the", "pair"]:
        rest = words[2:]
    elif words[:1] == ["both"]:
        rest = words[1:]
    else:
        return (), None
    if len(rest) > 2 or (rest and rest[-1] not in GROUP_NOUNS):
        return (), None  # one word may say what kind ("the two chip giants")
    allowed = GROUP_NOUNS[rest[-1]] if rest else PEOPLE | PARTIES
    doc = source.doc
    windows = [source.sent]
    while len(windows) < 3 and windows[-1].start > 0:
        windows.append(doc[windows[-1].start - 1].sent)
    joined = _coordinated_pair(source, windows, entities, allowed)
    if joined is not None:
        return joined
    for window in windows:
        seen = False
        for kind in ("PERSON", "GPE", "ORG", "NORP"):
            if kind not in allowed:
                continue
            latest: dict[str, int] = {}
            for entity in entities:
                if entity.type != kind:
                    continue
                for m in entity.mentions:
                    inside = window.start_char <= m.start and m.end <= source.start_char
                    if inside and not _is_place(doc, m.start, m.end):
                        latest[entity.id] = max(latest.get(entity.id, -1), m.start)
            if len(latest) >= 2:
                pair = sorted(latest, key=lambda e: latest[e])[-2:]
                return tuple(sorted(pair, key=lambda e: latest[e])), None
            seen = seen or bool(latest)
        if seen:
            return (), None  # one member named nearest: no guess
    return (), None


def _coordinated_pair(
    source: SpacySpan,
    windows: Sequence[SpacySpan],
    entities: Sequence[Entity],
    allowed: frozenset[str],
) -> tuple[tuple[str, ...], str | None] | None:
    """The two a group source means when two parties were joined by "and" before it ("A
    joint statement by the US and Iraq … both sides"), the nearest such pair first. A pair
    with a part in the plural that names no entity ("the United States and coalition
    nations") is no pair of two; one with a single part named ("Gen. CQ Brown and his
    Iraqi counterpart") stops the search with that one and the pair's words; one of a
    person and an organisation ("Lloyd Austin and National Security Council spokesman John
    Kirby", misread) is passed over. None when no pair names anyone."""
    doc = source.doc
    for window in windows:
        for i in range(min(window.end, source.start) - 1, window.start - 1, -1):
            token = doc[i]
            if token.dep_ != "conj" or token.head.pos_ not in ("NOUN", "PROPN"):
                continue
            parts = [token.head, *token.head.conjuncts]
            if len(parts) != 2:
                continue
            named = [entity_at(part, entities) for part in parts]
            if all(e is None for e in named) or any(
                e is None and part.tag_ in ("NNS", "NNPS")
                for part, e in zip(parts, named, strict=True)
            ):
                continue
            first, second = named
            one = first or second
            if one is None or one.type not in allowed or (first and second and first == second):
                return (), None
            if first is None or second is None:  # "Gen. CQ Brown and his counterpart"
                words = doc[token.head.left_edge.i : token.i + 1]
                return (one.id,), words.text
            if second.type not in allowed or first.type not in allowed:
                return (), None
            if (first.type in PEOPLE) != (second.type in PEOPLE):
                continue  # a person and an organisation: a misread list, not the two
            return (first.id, second.id), None
    return None


PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to"})


def _is_place(doc: Doc, start: int, end: int) -> bool:
    """A mention that only says where something happened ("met … in Beijing")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS
