"""A story's dateline ("WASHINGTON (AP) — ", "Brussels (Reuters) - ") is where and through
whom it was filed, and a live blog's time stamp ("10:15 a.m. — ") when an entry was posted:
neither is part of what anyone said, so role spans that open with one start after it.

Only the opening lines are searched for a dateline (the headline and the first paragraphs),
and only the first there counts: further down, "BUDGET FIGHT — " is a
subheading. Time stamps open any paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from newsfacts.clean.dateline import story_dateline
from newsfacts.extract.quotes import paragraphs
from newsfacts.extract.roles import Role

Offsets = tuple[int, int]

TIME_STAMP = re.compile(
    r"\d{1,2}[:.]\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?(?:[ \t][A-Z]{2,4})?[ \t]*(?:—|–|―|--?)[ \t]+"
)


def dateline(text: str) -> Offsets | None:
    """The dateline at the start of one of the opening lines of ``text``, if any."""
    match = story_dateline(text)
    return None if match is None else (match.start(), match.end())


def openers(text: str) -> list[Offsets]:
    """The dateline, if any, and the time stamps that open paragraphs ("9:58 a.m. — ")."""
    found = [line] if (line := dateline(text)) is not None else []
    for start, end in paragraphs(text):
        match = TIME_STAMP.match(text, start, end)
        if match is not None and match.end() < end and (start, match.end()) not in found:
            found.append((start, match.end()))
    return found


def after_openers(pieces: Sequence[Offsets], lines: Sequence[Offsets]) -> list[Offsets]:
    """``pieces`` with a dateline or time stamp cut from those that open inside one (a
    piece wholly inside one is dropped)."""
    kept: list[Offsets] = []
    for s, e in pieces:
        for start, end in lines:
            if start <= s < end:
                s = end
        if s < e:
            kept.append((s, e))
    return kept


def roles_after_openers(doc: Doc, roles: Sequence[Role], lines: Sequence[Offsets]) -> list[Role]:
    """A tagger's role spans (in tokens) with a dateline or time stamp cut off the front, so
    that a source tagged on one ("WASHINGTON (AP") is missing, not wrong, and the cue's
    subject is taken instead."""
    kept: list[Role] = []
    for role in roles:
        first = role.start
        for start, end in lines:
            if start <= doc[first].idx < end:
                while first < role.end and doc[first].idx < end:
                    first += 1
                break
        if first < role.end:
            kept.append(Role(role.label, first, role.end))
    return kept
