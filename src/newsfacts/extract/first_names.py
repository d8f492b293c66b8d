"""First names from the 1990 US census (``data/first_names.txt``): which words open a
person's name, and which of them say the person's sex; and the honorifics that say it."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

_HONORIFIC_SEX = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_HONORIFIC_BEFORE = re.compile(r"(?:^|(?<=\s))(Mr|Mrs|Ms|Miss)\.?\s+$")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    raw = files("newsfacts.data").joinpath("first_names.txt").read_text(encoding="utf-8")
    pairs = (line.split() for line in raw.splitlines() if line and not line.startswith("#"))
    return {name: sex for name, sex in pairs}


@lru_cache(maxsize=1)
def first_name_sexes() -> dict[str, str]:
    """First names of one sex, each with "m" or "f"."""
    return {name: sex for name, sex in _table().items() if sex in ("m", "f")}


def is_first_name(word: str) -> bool:
    """``word`` is a first name the census counted ("Eva-Marie" by its first part)."""
    return word.lower().split("-")[0] in _table()


def honorific_sex(text: str, start: int) -> str | None:
    """The sex ("m" or "f") an honorific just before ``start`` says ("Mr. ", "Ms "), or
    None."""
    found = _HONORIFIC_BEFORE.search(text, max(0, start - 8), start)
    return _HONORIFIC_SEX[found.group(1).lower()] if found else None
