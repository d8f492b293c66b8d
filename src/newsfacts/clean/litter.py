"""Page litter: lines a scraper keeps that are never article body (rules in ``data/``)."""

from __future__ import annotations

import re
from functools import lru_cache

from newsfacts.clean.lines import read_data
from newsfacts.errors import CleaningError

LITTER_FILE = "litter_patterns.txt"
END_MARKER_FILE = "litter_end_markers.txt"
COMMENT_AUTHOR_FILE = "litter_comment_authors.txt"


@lru_cache(maxsize=4)
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """The compiled rules of data file ``name`` (one regular expression a line)."""
    compiled: list[re.Pattern[str]] = []
    for rule in read_data(name):
        try:
            compiled.append(re.compile(rule, re.IGNORECASE))
        except re.error as err:
            raise CleaningError(f"bad pattern {rule!r} in {name}: {err}") from err
    return tuple(compiled)


@lru_cache(maxsize=4)
def _combined(name: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The rules of ``name`` joined into a few regular expressions, grouped for speed.

    Each comes with whether it is tried with ``match`` (rules anchored at the line start);
    rules whose every alternative starts at a word boundary share one leading ``\\b`` (which
    lets the engine skip most positions); the rest are searched as they are. Joined, they match
    what the rules match.
    """
    anchored, bounded, loose = [], [], []
    for rule in (p.pattern for p in patterns(name)):
        branches = _top_level_branches(rule)
        if all(b.startswith("^") for b in branches):
            anchored.append(rule)
        elif all(b.startswith("\\b") for b in branches):
            bounded.append(rule)
        else:
            loose.append(rule)
    out: list[tuple[re.Pattern[str], bool]] = []
    if anchored:
        out.append((re.compile(_join(anchored), re.IGNORECASE), True))
    if bounded:
        out.append((re.compile(f"\\b(?:{_join(bounded)})", re.IGNORECASE), False))
    if loose:
        out.append((re.compile(_join(loose), re.IGNORECASE), False))
    return tuple(out)


def _join(rules: list[str]) -> str:
    return "|".join(f"(?:{r})" for r in rules)


def _top_level_branches(rule: str) -> list[str]:
    """``rule`` cut at its top-level ``|`` (outside groups and character classes)."""
    branches: list[str] = []
    depth = 0
    escaped = False
    in_class = False
    begin = 0
    for i, char in enumerate(rule):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(rule[begin:i])
            begin = i + 1
    branches.append(rule[begin:])
    return branches


def _matches(name: str, line: str) -> bool:
    return any(
        (rx.match(line) if at_start else rx.search(line)) is not None
        for rx, at_start in _combined(name)
    )


@lru_cache(maxsize=8192)
def is_litter(line: str) -> bool:
    """True when the trimmed ``line`` matches a litter rule: it is never body."""
    return _matches(LITTER_FILE, line)


@lru_cache(maxsize=8192)
def is_end_marker(line: str) -> bool:
    """True when ``line`` opens a comment section or another end-of-article area."""
    return _matches(END_MARKER_FILE, line)


@lru_cache(maxsize=8192)
def is_comment_author(line: str) -> bool:
    """True when ``line`` reads as a commenter's name line ("reader42 says:"), which may
    also be a quotation's lead-in inside the article ("Hewitt writes:")."""
    return _matches(COMMENT_AUTHOR_FILE, line)
