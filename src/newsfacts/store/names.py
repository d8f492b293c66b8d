"""Normalised name keys: how one person is recognised across articles."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@cache
def _affixes() -> dict[str, frozenset[str]]:
    raw = resources.files("newsfacts.data").joinpath("person_name_affixes.json")
    data = json.loads(raw.read_text(encoding="utf-8"))
    return {k: frozenset(data[k]) for k in ("prefixes", "suffixes", "particles")}


def name_tokens(name: str) -> list[str]:
    """Lower-case words without accents or apostrophes: "Beto O’Rourke" → beto, orourke."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return [re.sub(r"['’]", "", w) for w in _WORD.findall(folded)]


def entity_key(name: str) -> str:
    """A key for any entity name: its words, normalised, joined by spaces."""
    return " ".join(name_tokens(name))


def person_key(name: str) -> str:
    """The identity key of a person: courtesy titles, suffixes and middle initials dropped.

    "Mr. Donald J. Trump" and "Donald Trump" share the key "donald trump"; the possessive
    ("Trump's") is dropped too. "Jr." is kept: father and son are two people.
    """
    affixes = _affixes()
    prefixes, suffixes = affixes["prefixes"], affixes["suffixes"]
    tokens = name_tokens(re.sub(r"['’]s\b", "", name))
    while len(tokens) > 1 and tokens[0] in prefixes:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in suffixes:
        tokens.pop()
    if len(tokens) > 2:
        tokens = [tokens[0]] + [t for t in tokens[1:-1] if len(t) > 1] + [tokens[-1]]
    return " ".join(tokens)


def is_surname(key: str) -> bool:
    """True for a key that is a surname alone: one word, or particles then one word."""
    words = key.split()
    return bool(words) and all(w in _affixes()["particles"] for w in words[:-1])
