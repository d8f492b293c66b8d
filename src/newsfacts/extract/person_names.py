"""Whether an entity candidate is a person's name, and where the name starts: titles split
off the front ("Charlotte Mayor Jennifer Roberts"), first names that are also common or
title words kept ("Will Rogers", "Marine Le Pen"), headings, brands and acronyms refused."""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsfacts.extract.aliases import Mention, normalise
from newsfacts.extract.entity_candidates import PARTICLES, name_cues
from newsfacts.extract.first_names import is_first_name
from newsfacts.extract.titles import (
    Lexicon,
    Word,
    is_name_word,
    lexicon,
    strip_title_prefix,
    words_in,
)

NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_MAX_NAME_WORDS = 5
_SENTENCE_END = re.compile(r"[.?!\n]")
_NAME_FOLLOWS = re.compile(r" [A-Z][a-z]")
_JOINING_WORDS = frozenset(
    "and or but nor the a an of for with in on at to by from as vs versus".split()
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near) $")


_BRAND = re.compile(r"[A-Z][a-z]+[A-Z]")  # a capital closing a word: "SpaceX", "KestrelX"


def candidate_name(
    text: str, m: Mention, families: Mapping[str, set[str]] | None = None
) -> tuple[int, int] | None:
    """The name inside a candidate, titles split off; ``None`` when it is no person.
    ``families``: the family names of the people the article names in full, each with the
    first words before it (``entity_candidates.person_families``)."""
    lex = lexicon()
    cues = name_cues()
    is_person = m.label == "PERSON"
    start = strip_title_prefix(text, m.start, m.end, allow_org_prefix=True)
    if start is None or not (is_person or _holds_a_title_head(text, m.start, start, lex)):
        if not is_person:
            return None  # "the Digital Safety Project": "Digital" is no title of its own
        start = m.start
    elif is_person and _first_name_before_particle(text, m.start, start, m.end):
        start = m.start  # "Marine Le Pen": no Marine
    words = words_in(text, start, m.end)
    if len(words) == 1 and _BRAND.fullmatch(words[0].text):
        return None  # "SpaceX": a brand, no family name
    # a title word is no family name before a name ("Charlotte Mayor Jennifer Roberts")
    # or in a place ("from Hilton Head")
    title_is_name = not _NAME_FOLLOWS.match(text, m.end) and not _PLACE_BEFORE.search(
        text, max(0, start - 8), start
    )
    flags = _name_flags(words, lex, is_person, title_is_name)
    if is_person and _first_name_as_word(text, words, flags, families or {}):
        flags[0] = True
    names = [w for w, flag in zip(words, flags, strict=True) if flag]
    if not names or len(words) > _MAX_NAME_WORDS:
        return None
    if any(
        not (flag or w.norm in PARTICLES or w.norm in NAME_SUFFIXES or w.text in {"-", "'"})
        for w, flag in zip(words, flags, strict=True)
    ):
        return None
    if words[-1].norm in cues.org_words or (not is_person and len(names) < 2):
        return None
    if _is_heading(text, start, m.end):
        return None
    surface = text[start : m.end]
    if len(surface.replace(".", "")) < 2 or normalise(surface) in cues.not_people:
        return None
    if len(names) == 1 and surface.replace(".", "").isupper():
        return None  # an acronym such as "ISIS"
    return start, m.end


def _holds_a_title_head(text: str, start: int, name: int, lex: Lexicon) -> bool:
    """The words before the name hold a title's head, rank or honorific, or a body's name
    ("Fox News Sean Hannity"), not just modifiers ("the Digital Safety Project")."""
    return any(
        w.norm in lex.heads
        or w.norm in lex.ranks
        or w.norm in lex.honorifics
        or not (lex.is_vocab(w.norm) or w.norm in {"of", "the"})
        for w in words_in(text, start, name)
    )


def _first_name_before_particle(text: str, start: int, name: int, end: int) -> bool:
    """The one title word the name was cut after is a first name, and the name opens with a
    particle ("Marine Le Pen", "Dean van Bueren"; but "General de Gaulle")."""
    prefix = text[start:name].split()
    rest = text[name:end].split()
    return (
        len(prefix) == 1
        and is_first_name(prefix[0])
        and len(rest) > 1
        and rest[0].lower() in PARTICLES - {"of"}
    )


def _first_name_as_word(
    text: str, words: list[Word], flags: list[bool], families: Mapping[str, set[str]]
) -> bool:
    """A first name that is also a common word opens a person the entity tagger found ("Will
    Smith", "May Boeve"), unless it asks a question about someone the article names in full
    ("Will Cruz Win?", where "Ted Cruz" is named) or opens a question."""
    if len(words) < 2 or flags[0] or not all(flags[1:]):
        return False
    first = words[0]
    if not first.text[:1].isupper() or not is_first_name(first.text):
        return False
    others = families.get(words[-1].text, set()) - {first.text}
    if any(w.lower() not in PARTICLES for w in others):  # ("Le Pen" is no other person)
        return False
    ending = _SENTENCE_END.search(text, words[-1].end)
    return ending is None or ending.group() != "?"


def _name_flags(
    words: list[Word], lex: Lexicon, is_person: bool, title_is_name: bool
) -> list[bool]:
    """Which words can be part of the name. In a person the entity tagger found, a
    capitalised function word or title word after a name word is a family name ("Theresa
    May", "Charlie King", "Howard Dean")."""
    flags = [is_name_word(w, lex) for w in words]
    if is_person:
        for i in range(1, len(words)):
            word = words[i]
            if not flags[i] and flags[i - 1] and word.text[:1].isupper():
                title = lex.is_title_word(word.norm) and (i + 1 < len(words) or not title_is_name)
                flags[i] = (
                    word.text.isalpha()
                    and not word.text.isupper()
                    and not title
                    and word.norm not in _JOINING_WORDS  # "Marco Rubio And Rand Paul"
                )
    return flags


def honoured_family_name(text: str, m: Mention, families: set[str]) -> tuple[int, int] | None:
    """A family name that is also a title word, after an honorific, where a person of that
    family name is named ("Mr. King" after "Charlie King"). ``candidate_name`` refuses such a
    word on its own ("Mr. President")."""
    start = strip_title_prefix(text, m.start, m.end, allow_org_prefix=False)
    start = m.start if start is None else start
    words = words_in(text, start, m.end)
    before = words_in(text, max(0, start - 12), start)
    if len(words) != 1 or words[0].text not in families or not before:
        return None
    return (start, m.end) if before[-1].norm in lexicon().honorifics else None


_RUN_IN_END = re.compile(r"(?:(?<!\b[A-Z])\.|:)\s")  # not after an initial ("Ada K. Morrow")


def _is_heading(text: str, start: int, end: int) -> bool:
    """A name opening a short title-cased line or run-in heading ("Gender Equality.")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    head = _RUN_IN_END.split(line + " ", maxsplit=1)[0]
    words = head.split()
    return (
        len(words) <= 8
        and all(
            w[:1].isupper() or w.lower() in {"to", "of", "and", "the", "for", "in"} for w in words
        )
        and line.rstrip()[len(head.rstrip()) : len(head.rstrip()) + 1] in {":", "."}
    )
