"""A wire story's dateline ("WASHINGTON (AP) — ", "Brussels (Reuters) - "): where the story
was filed and, in brackets, the agency that filed it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfacts.models import Region

# the day a wire story was filed ("March 3"), after its place: "LONDON, March 3 (Reuters) - "
DAY = r"""(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\ \d{1,2}
    (?:,\ \d{4})?"""
FILED = rf"(?:,\ {DAY})?"
DATELINE = re.compile(
    rf"""
    (?:
        [A-Z][A-Z.'’-]+(?:\ [A-Z][A-Z.'’-]+){{0,3}}   # a place in capitals: MIDWAY ATOLL
        (?:,\ [A-Z][A-Za-z.]{{1,12}}){{0,2}}            # its state or country: , W.Va.
        {FILED}
        (?:\ ?\((?P<agency>[^()\n]{{1,40}})\))?      # the agency: (AP)
      | [A-Z][a-z]+(?:\ [A-Z][a-z]+){{0,2}}{FILED}\ ?\((?P<agency2>[^()\n]{{1,40}})\)
                                                    # Brussels (Reuters)
      | \((?P<agency4>[A-Z][A-Za-z. ]{{1,30}})\)     # the agency alone: (Bloomberg) --
      | {DAY}\ ?\((?P<agency5>[A-Z][A-Za-z. ]{{1,30}})\)  # a day, no place: Oct 14 (Reuters) -
      | (?!(?:Why|What|How|When|Where|Who|But|And|So|Yes|No|Now|Then|Still|Again)\b)
        [A-Z][a-z]+(?:,\ [A-Z][A-Za-z.]{{1,12}}){{0,2}}  # one word, no agency
                                                      # ("Mehmet Oz — " is none)
    )
    [ \t]*(?:—|–|―|--?)[ \t]+
  | (?:[A-Z][A-Za-z.]+(?:,?\ [A-Z][A-Za-z.]+){{0,3}}\ )?  # no dash: "Washington (CNN)President"
    \((?P<agency3>[A-Z][A-Za-z. ]{{1,30}})\)(?=[A-Z“"])
    """,
    re.VERBOSE,
)
OPENING_LINES = 3
AGENCY_GROUPS = ("agency", "agency2", "agency3", "agency4", "agency5")
# a day in the brackets is when the story was filed, not who filed it: "SAN JOSE (Dec 3) - "
_FILED_DAY = re.compile(DAY, re.VERBOSE)


def opening_dateline(text: str, lines: Sequence[tuple[int, int]]) -> re.Match[str] | None:
    """The dateline at the start of one of the first ``lines`` of ``text`` with words after
    it; only the first counts (further down, "BUDGET FIGHT — " is a subheading)."""
    for start, end in lines[:OPENING_LINES]:
        match = DATELINE.match(text, start, end)
        if match is not None and match.end() < end:
            return match
    return None


def story_dateline(text: str) -> re.Match[str] | None:
    """The dateline of a story's text: at the start of one of its first non-blank lines."""
    lines: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        if len(lines) == OPENING_LINES:
            break
        if line.strip():
            left = start + len(line) - len(line.lstrip())
            lines.append((left, left + len(line.strip())))
        start += len(line) + 1
    return opening_dateline(text, lines)


def dateline_agency(text: str, body: Sequence[Region]) -> str | None:
    """The agency named in the dateline that opens one of the body's first paragraphs
    ("AP" of "FRANKFURT (AP) — Velden AG said …")."""
    match = opening_dateline(text, [(r.start, r.end) for r in body])
    if match is None:
        return None
    agency = next((g for n in AGENCY_GROUPS if (g := match.group(n))), None)
    if not agency or _FILED_DAY.match(agency):
        return None
    return agency.strip()
