"""A story's dateline ("WASHINGTON (AP) — ", "Brussels (Reuters) - ") is where and through
whom it was filed, not part of what anyone said: role spans that open with it start after it.

Only the opening lines are searched (the headline and the first paragraphs), and only the
first dateline there counts: further down, "QUESTIONABLE MEDICAL CLAIMS — " is a subheading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from newsfacts.extract.quotes import paragraphs
from newsfacts.extract.roles import Role

Offsets = tuple[int, int]

OPENING_LINES = 3
DATELINE = re.compile(
    r"""
    (?:
        [A-Z][A-Z.'’-]+(?:\ [A-Z][A-Z.'’-]+){0,3}   # a place in capitals: MIDWAY ATOLL
        (?:,\ [A-Z][A-Za-z.]{1,12}){0,2}            # its state or country: , W.Va.
        (?:\ ?\([^()\n]{1,40}\))?                   # the agency: (AP)
      | [A-Z][a-z]+(?:\ [A-Z][a-z]+){0,2}\ ?\([^()\n]{1,40}\)  # Brussels (Reuters)
    )
    [ \t]*(?:—|–|―|--?)[ \t]+
    """,
    re.VERBOSE,
)


def dateline(text: str) -> Offsets | None:
    """The dateline at the start of one of the opening lines of ``text``, if any."""
    for start, end in paragraphs(text)[:OPENING_LINES]:
        match = DATELINE.match(text, start, end)
        if match is not None and match.end() < end:
            return match.start(), match.end()
    return None


def after_dateline(pieces: Sequence[Offsets], line: Offsets | None) -> list[Offsets]:
    """``pieces`` with the dateline cut from those that open inside it (a piece wholly
    inside it is dropped)."""
    if line is None:
        return list(pieces)
    start, end = line
    kept: list[Offsets] = []
    for s, e in pieces:
        if start <= s < end:
            s = end
        if s < e:
            kept.append((s, e))
    return kept


def roles_after_dateline(doc: Doc, roles: Sequence[Role], line: Offsets | None) -> list[Role]:
    """A tagger's role spans (in tokens) with the dateline cut off the front, so that a
    source tagged on it ("WASHINGTON (AP") is missing, not wrong, and the cue's subject is
    taken instead."""
    if line is None:
        return list(roles)
    start, end = line
    kept: list[Role] = []
    for role in roles:
        first = role.start
        if start <= doc[first].idx < end:
            while first < role.end and doc[first].idx < end:
                first += 1
        if first < role.end:
            kept.append(Role(role.label, first, role.end))
    return kept
