"""A title set off before a name: "Velden's chief executive, Markus Brandt, said", "its
regional head, Petra Lang,", "the company's new chairman, Ann Lee,". ``titles.titles_before``
reads a title joined to the name ("Chief executive Markus Brandt"); this reads one that a
comma parts from it, owned by a possessive or opened by an article.
"""

from __future__ import annotations

from newsfacts.extract.titles import (
    TitleMatch,
    Word,
    is_possessive,
    lexicon,
    place_of,
    read_window,
    trailing_run,
    words_in,
)

# what opens such a title when no named owner does
OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "whose"})
# what may follow the name, so that it closes the apposition ("…, Ann Lee, said")
CLOSERS = frozenset({",", ".", ";", ":", ")"})
MOST_WORDS = 6
# how long the holder has held it, between the owner and the title ("its new chairman")
TENURE = frozenset({"new", "longtime", "long-time", "current", "newly", "appointed"})


def title_before_comma(text: str, name_start: int, name_end: int, limit: int) -> TitleMatch:
    """The title of a possessive or article phrase that ends in a comma right before the name
    at ``name_start``, with the owner as the affiliation where it is named; nothing unless
    the name closes the apposition (a comma or a full stop after it)."""
    after = text[name_end : name_end + 2].lstrip(" ")
    if after and after[0] not in CLOSERS and after[0] != "\n":
        return TitleMatch()
    lex = lexicon()
    words = words_in(text, limit, name_start)
    if len(words) < 2 or words[-1].text != ",":
        return TitleMatch()
    window: list[Word] = []
    i = len(words) - 2
    while i >= 0 and len(window) < MOST_WORDS and lex.is_vocab(words[i].norm):
        window.insert(0, words[i])
        i -= 1
    if not window or window[-1].norm not in lex.heads:
        return TitleMatch()
    while i >= 0 and words[i].norm in TENURE:
        i -= 1
    if i < 0:
        return TitleMatch()
    opener = words[i]
    owner: list[Word] = []
    if is_possessive(opener):  # "Velden's" names the owner; "the union's" does not
        owner = trailing_run(words[max(0, i - 4) : i], lex)
    elif opener.norm not in OPENERS:
        return TitleMatch()
    title, affiliation, span = read_window(text, window, lex)
    if title is None:
        return TitleMatch()
    if owner:
        affiliation, span = text[owner[0].start : owner[-1].end], None
    if affiliation is not None:
        affiliation = place_of(affiliation, lex)
    return TitleMatch((title,), affiliation, span, None)
