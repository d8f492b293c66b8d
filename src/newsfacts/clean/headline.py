"""The title (a headline-shaped first line) and the byline (the people who wrote the story)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsfacts.clean.lines import Line, read_data, shape, stopwords
from newsfacts.clean.litter import is_litter

_MAX_TITLE_WORDS = 30
_MAX_TITLE_CHARS = 250
_CLOSERS = "\"'”’»)]"
_TITLE_LOOKBACK = 8  # lines above the body searched for a title when the first line is none
_MIN_FALLBACK_TITLE_WORDS = 3
# the months' first three letters, in order (also read by ``published``)
MONTH_NAMES = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
# a line with a clock time or a day-month-year date is a dateline, not a headline
_DATE_LINE = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|"
    rf"\b(?:{MONTH_NAMES})[a-z]*\.? \d{{1,2}},? \d{{4}}\b|"
    rf"\b\d{{1,2}} (?:{MONTH_NAMES})[a-z]* \d{{4}}\b",
    re.I,
)

# "By Jane Doe and John Roe", "Written by Jane Doe", "Words: Jane Doe"
_BY = re.compile(r"^(?:(?:written|posted|reported|story|words|text)\s+)?by\s*:?\s+(.+)$", re.I)
# "Jane Doe | Reuters", "Jane Doe - Nov 19, 2019": names, a separator, then anything
_NAMES_THEN = re.compile(r"^(.+?)\s+(?:[|•·—–]|-{1,2})\s+(.+)$")
# what may follow a separator after names: an outlet (capitalised words) or a date
_AFTER_NAMES = re.compile(
    r"^(?:[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}|"
    rf"(?:updated|published|posted)?\s*:?\s*(?:\d|{MONTH_NAMES}|"
    r"mon|tue|wed|thu|fri|sat|sun).*)$",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bwith\b)\s*", re.I)
# a date or a time trailing a name ("Jane Doe, Nov 19, 2019"): cut it off
_TRAILING_DATE = re.compile(
    r"(?:\s*[,|•·—–-]\s*|\s+)(?:updated|published|posted|on)?\s*:?\s*"
    rf"(?:\d|(?:{MONTH_NAMES}|mon|tue|wed|thu|fri|sat|sun)"
    r"[a-z]*\.?\s+\d).*$",
    re.I,
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.)$")
_CAPITAL = re.compile(r"^[A-Z]")


@dataclass(frozen=True)
class Byline:
    line: int  # index into the lines
    authors: tuple[str, ...]


def is_headline(line: Line) -> bool:
    """True when ``line`` reads as a headline: short, no final period, starts like a title."""
    text = line.text
    if len(text) > _MAX_TITLE_CHARS or is_litter(text):
        return False
    info = shape(text)
    if not 2 <= info.words <= _MAX_TITLE_WORDS:
        return False
    if text.rstrip(_CLOSERS).endswith((".", ":", ";", ",")) and not text.endswith("..."):
        return False
    first = text.lstrip("\"'“‘«(").lstrip()
    return bool(first) and (first[0].isupper() or first[0].isdigit())


def find_title(lines: Sequence[Line]) -> int | None:
    """Index of the title: the first line when it reads as a headline and more text follows."""
    if len(lines) < 2 or not is_headline(lines[0]):
        return None
    return 0


def title_before(lines: Sequence[Line], start: int) -> int | None:
    """Index of the headline looked for back from the body start (line ``start``), if any.

    Scraped pages open with menus, so the title is rarely the first line; it is the nearest
    headline-shaped line of a few words above the body that is no byline and no date.
    """
    for i in range(start - 1, max(start - _TITLE_LOOKBACK, 0) - 1, -1):
        line = lines[i]
        if (
            shape(line.text).words >= _MIN_FALLBACK_TITLE_WORDS
            and is_headline(line)
            and not _DATE_LINE.search(line.text)
            and not byline_authors(line.text)
            and not _BY.match(line.text)
        ):
            return i
    return None


def find_byline(lines: Sequence[Line], candidates: Sequence[int]) -> Byline | None:
    """The first of ``candidates`` (line indices) that is a byline naming people."""
    for i in candidates:
        if 0 <= i < len(lines):
            authors = byline_authors(lines[i].text)
            if authors:
                return Byline(i, authors)
    return None


def byline_authors(text: str) -> tuple[str, ...]:
    """People named by a byline line; empty when the line is no byline or names no person."""
    if len(text) > 160:
        return ()
    by = _BY.match(text)
    if by:
        names = by.group(1)
        split = _NAMES_THEN.match(names)
        if split:
            names = split.group(1)
    else:
        split = _NAMES_THEN.match(text)
        if not split or not _AFTER_NAMES.match(split.group(2)):
            return ()
        names = split.group(1)
    names = _TRAILING_DATE.sub("", names)
    people: list[str] = []
    for part in _NAME_SPLIT.split(names):
        part = part.strip(" .:\t")
        if not part:
            continue
        name = _person(part)
        if name is None:
            if by is None:
                return ()  # without "By" every part must be a person
            if _is_role(part):
                continue
            break  # an outlet or a title after the names ends them
        people.append(name)
    return tuple(dict.fromkeys(people))


def _person(part: str) -> str | None:
    tokens = part.split()
    if not 2 <= len(tokens) <= 5:
        return None
    if not all(_name_token(t) for t in tokens) or not _CAPITAL.match(tokens[0]):
        return None
    if tokens[0].lower() in stopwords() or part.lower() in not_people() or _is_role(part):
        return None
    if part.isupper():
        part = part.title()
    return part


def _is_role(part: str) -> bool:
    low = part.lower()
    roles = _words_of("clean_role_words.txt")
    return low in not_people() or any(w in roles for w in re.findall(r"[a-z]+", low))


def _name_token(token: str) -> bool:
    if _NAME_TOKEN.match(token):
        return True
    head, _, rest = token.partition("-")
    return head in _words_of("clean_name_particles.txt") and (not rest or rest[:1].isalpha())


@lru_cache(maxsize=4)
def _words_of(name: str) -> frozenset[str]:
    return frozenset(w for line in read_data(name) for w in line.split())


@lru_cache(maxsize=1)
def not_people() -> frozenset[str]:
    """Byline signatures that name no person (desks, agencies, "Our Correspondent")."""
    return frozenset(line.lower() for line in read_data("clean_not_people.txt"))
