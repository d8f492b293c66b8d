"""Page litter: lines a scraper keeps that are never article body (rules in ``data/``)."""

from __future__ import annotations

import re
from functools import lru_cache

from newsfacts.clean.lines import read_data
from newsfacts.errors import CleaningError

LITTER_FILE = "litter_patterns.txt"
END_MARKER_FILE = "litter_end_markers.txt"


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
def _combined(name: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns(name)), re.IGNORECASE)


def is_litter(line: str) -> bool:
    """True when the trimmed ``line`` matches a litter rule: it is never body."""
    return _combined(LITTER_FILE).search(line) is not None


def is_end_marker(line: str) -> bool:
    """True when ``line`` opens a comment section or another end-of-article area."""
    return _combined(END_MARKER_FILE).search(line) is not None
