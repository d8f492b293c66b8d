"""Normalised name keys: how one person, organisation or place is recognised across articles."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@cache
def _identity_rules() -> dict[str, object]:
    raw = resources.files("newsfacts.data").joinpath("store_identity_kinds.json")
    data: dict[str, object] = json.loads(raw.read_text(encoding="utf-8"))
    return data


@cache
def identity_kinds() -> dict[str, str]:
    """Entity type → identity kind for the types that are not people (ORG → organisation)."""
    kinds = _identity_rules()["kinds"]
    assert isinstance(kinds, dict)
    return {str(k): str(v) for k, v in kinds.items()}


@cache
def _leading_words() -> frozenset[str]:
    words = _identity_rules()["leading_words"]
    assert isinstance(words, list)
    return frozenset(str(w) for w in words)


@cache
def _known_aliases() -> dict[str, str]:
    """Variant key → one key, from the shared table of names for the same thing."""
    raw = resources.files("newsfacts.data").joinpath("entity_aliases.json")
    data = json.loads(raw.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for name, variants in data.items():
        if name.startswith("_") or not isinstance(variants, list):
            continue
        key = _plain_identity_key(name)
        for variant in [name, *variants]:
            found.setdefault(_plain_identity_key(str(variant)), key)
    return found


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


def identity_key(name: str) -> str:
    """The cross-article key of an organisation, place or group.

    A leading "the" and a possessive are dropped and initials joined, so "the U.S.", "US"
    and "U.S.'s" share the key "us"; names the shared alias table knows as one thing share
    its key ("Department of Defense" and "Pentagon" → "pentagon").
    """
    key = _plain_identity_key(name)
    return _known_aliases().get(key, key)


def _plain_identity_key(name: str) -> str:
    tokens = name_tokens(re.sub(r"['’]s\b", "", name))
    while len(tokens) > 1 and tokens[0] in _leading_words():
        tokens.pop(0)
    joined: list[str] = []
    run = False  # the last joined word is a run of single letters
    for token in tokens:
        # A run of single letters is an abbreviation written with dots: U.S. → us.
        if len(token) == 1 and run:
            joined[-1] += token
        else:
            joined.append(token)
            run = len(token) == 1
    return " ".join(joined)


def without_leading_words(name: str) -> str:
    """The name without a leading "the": how an unlinked source is matched by its words."""
    words = name.split()
    while len(words) > 1 and words[0].casefold() in _leading_words():
        words.pop(0)
    return " ".join(words)


def is_proper_name(text: str) -> bool:
    """True for a mention that names something: not "it", "the agency", or a capitalised "It".

    A name has a capital letter or a digit, and a word that is not a function word unless
    it is written in capitals ("US" the country, not "us").
    """
    if not any(c.isupper() or c.isdigit() for c in text):
        return False
    words = _WORD.findall(text)
    return any(w.casefold() not in _function_words() or w.isupper() and len(w) > 1 for w in words)


@cache
def _function_words() -> frozenset[str]:
    raw = resources.files("newsfacts.data").joinpath("english_function_words.txt")
    lines = (line.strip() for line in raw.read_text(encoding="utf-8").splitlines())
    return frozenset(line.casefold() for line in lines if line and not line.startswith("#"))
