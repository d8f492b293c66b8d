"""Interviews printed as questions and answers ("Q: Why did you …" / "A: Because I …"): an
"I" in an answer is the person interviewed, not the writer. That person is the one named
in the headline (the first line: "Q&A with Vice President Joe Biden", "Laura Bush sees
hope for Afghan women"), or, where the headline names nobody, the one named most before
the first answer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newsfacts.extract.quotes import paragraphs
from newsfacts.models import Entity

ANSWER = re.compile(r"(?P<label>A)\s?(?P<colon>[:.])\s")  # "A: ", "A. "
MIN_ANSWERS = 2  # one "A." opening a paragraph may be anything ("A. Smith said …")


@lru_cache(maxsize=8)
def answers(text: str) -> tuple[tuple[int, int], ...]:
    """The paragraphs that open with "A:" where at least ``MIN_ANSWERS`` do."""
    found = tuple((s, e) for s, e in paragraphs(text) if ANSWER.match(text, s, e))
    return found if len(found) >= MIN_ANSWERS else ()


def interviewee(text: str, offset: int, entities: Sequence[Entity]) -> Entity | None:
    """The person interviewed, when ``offset`` is inside an answer; otherwise None."""
    found = answers(text)
    if not any(start <= offset < end for start, end in found):
        return None
    headline_end = text.find("\n")
    people = [e for e in entities if e.type == "PERSON"]
    named = [e for e in people if any(m.end <= headline_end for m in e.mentions)]
    if len(named) == 1:
        return named[0]
    if named:
        return None
    counts = {e.id: sum(m.end <= found[0][0] for m in e.mentions) for e in people}
    ranked = sorted(people, key=lambda e: -counts[e.id])
    if not ranked or counts[ranked[0].id] == 0:
        return None
    if len(ranked) > 1 and counts[ranked[1].id] == counts[ranked[0].id]:
        return None
    return ranked[0]
